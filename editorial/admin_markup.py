"""The house markup on a change form: its texts get the marks' buttons, a preview of the paragraph being
written, and pasting from a word processor. The preview and the paste are the server's: the page shows exactly
what ``editorial.markup`` makes, and clipboard HTML is sanitised (nh3) before it is read."""

from django.http import JsonResponse
from django.urls import path, reverse_lazy

from editorial import markup, pasting, registry
from editorial.writing import MarkupWidget, ParagraphsField

MARKUP_HELP = ("House markup: *words* or _words_ in italics (Ctrl+I or ⌘I), \\* for an asterisk; a paragraph "
               "starting “> ” is a quotation, one starting “>> ” a pull quote; a line of * * * is a section break. "
               "Titles of the shows the magazine holds are set in italics by themselves.")
LINE_HELP = "*Words* or _words_ in italics."
LONGEST_PREVIEW = 8_000  # characters: a paragraph, or a quotation of several, is far shorter


def answer_error(message: str, status: int) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


class MarkupAdminMixin:
    markup_fields: tuple[str, ...] = ()  # texts in the house markup, kept one paragraph a line like paragraph_fields
    markup_line_fields: tuple[str, ...] = ()  # one line in the house markup (a standfirst): its italics

    def url_name(self, action: str) -> str:
        return f"{self.opts.app_label}_{self.opts.model_name}_markup_{action}"

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in self.markup_fields:
            urls = {action: reverse_lazy(f"admin:{self.url_name(action)}") for action in ("preview", "paste")}
            kwargs.update(form_class=ParagraphsField, widget=MarkupWidget(urls=urls))
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and db_field.name in (*self.markup_fields, *self.markup_line_fields):
            help_text = MARKUP_HELP if db_field.name in self.markup_fields else LINE_HELP
            field.help_text = f"{field.help_text} {help_text}".strip()
        return field

    def get_urls(self):
        view = self.admin_site.admin_view
        return [path("markup-preview/", view(self.markup_preview_view), name=self.url_name("preview")),
                path("markup-paste/", view(self.markup_paste_view), name=self.url_name("paste")),
                *super().get_urls()]

    def may_write(self, request) -> bool:
        return self.has_add_permission(request) or self.has_change_permission(request)

    def markup_preview_view(self, request):
        """``text`` posted → ``{"html": ...}``: the text as the page shows it, titles of known works cited."""
        refusal = self.refusal(request, "text", LONGEST_PREVIEW)
        if refusal:
            return refusal
        text = request.POST["text"]
        return JsonResponse({"html": markup.to_html(text, titles=registry.work_titles(markup.plain(text)))})

    def markup_paste_view(self, request):
        """``html`` posted (a clipboard's) → ``{"text": ...}``: its paragraphs, italics and quotations as markup."""
        refusal = self.refusal(request, "html", pasting.LARGEST_PASTE)
        if refusal:
            return refusal
        return JsonResponse({"text": pasting.house_markup_of(request.POST["html"])})

    def refusal(self, request, name: str, longest: int) -> JsonResponse | None:
        if request.method != "POST":
            return answer_error(f"Post the {name}.", 405)
        if not self.may_write(request):
            return answer_error(f"You may not write {self.opts.verbose_name_plural}.", 403)
        if name not in request.POST:
            return answer_error(f"Nothing to read: post the {name} as “{name}”.", 400)
        if len(request.POST[name]) > longest:
            return answer_error(f"That is more than {longest:,} characters: paste it in parts.", 413)
        return None
