"""The editor's safety net on every change form: preview, shareable preview links, revisions, who else is here."""

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone

from editorial import presence, preview, revisions, workflow
from editorial.models import AuditEntry, PreviewLink, Revision

PREVIEW_LINK_DAYS = 7


class EditorialSafetyMixin:
    change_form_template = "admin/editorial/change_form.html"
    delete_confirmation_template = "admin/editorial/delete_confirmation.html"

    def delete_view(self, request, object_id, extra_context=None):
        context = {**(extra_context or {}), "can_unpublish": workflow.can_publish(request.user, self.model)}
        return super().delete_view(request, object_id, context)

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"

        routes = [
            ("<path:object_id>/revisions/", self.revisions_view, "revisions"),
            ("<path:object_id>/revisions/compare/", self.compare_view, "compare"),
            ("<path:object_id>/revisions/<int:revision_id>/restore/", self.restore_view, "restore"),
            ("<path:object_id>/preview/", self.preview_view, "preview"),
            ("<path:object_id>/preview-links/", self.preview_link_view, "preview_link"),
            ("<path:object_id>/preview-links/<int:link_id>/revoke/", self.revoke_link_view, "revoke_link"),
            ("<path:object_id>/presence/", self.presence_view, "presence"),
        ]
        mine = [path(route, self.admin_site.admin_view(func), name=f"{prefix}_{suffix}")
                for route, func, suffix in routes]
        return mine + super().get_urls()

    def viewable(self, request, object_id):
        item = self.get_object(request, object_id)
        if item is None:
            raise Http404(f"No {self.opts.verbose_name} with that id.")
        if not self.has_view_or_change_permission(request, item):
            raise PermissionDenied
        return item

    def url(self, suffix: str, *args) -> str:
        return reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_{suffix}", args=args)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        item = self.get_object(request, object_id)
        context = dict(extra_context or {})
        if item is not None:
            links = PreviewLink.of(item).filter(revoked_at__isnull=True, expires_at__gt=timezone.now())
            context.update(
                others_here=presence.seen(item, request.user),
                presence_url=self.url("presence", item.pk),
                preview_url=self.url("preview", item.pk),
                revisions_url=self.url("revisions", item.pk),
                preview_link_url=self.url("preview_link", item.pk),
                preview_links=[(link, request.build_absolute_uri(preview.shared_url(link)),
                                self.url("revoke_link", item.pk, link.pk)) for link in links],
                can_revoke=workflow.can_publish(request.user, self.model),
                notes=AuditEntry.of(item).exclude(note="").select_related("created_by")[:10],
            )
        return super().change_view(request, object_id, form_url, context)

    # --- preview --------------------------------------------------------------------------------

    def preview_view(self, request, object_id):
        return preview.render(request, self.viewable(request, object_id), label="Preview")

    @staticmethod
    def _post_only(request):
        if request.method != "POST":
            raise Http404("Use the button on the change form.")

    def preview_link_view(self, request, object_id):
        self._post_only(request)
        item = self.get_object(request, object_id)
        if item is None or not self.has_change_permission(request, item):
            raise PermissionDenied
        link = PreviewLink.objects.create(item=item, created_by=request.user,
                                          expires_at=timezone.now() + timedelta(days=PREVIEW_LINK_DAYS))
        workflow.log(item, AuditEntry.Action.PREVIEW_LINK, by=request.user,
                     note=f"expires {timezone.localtime(link.expires_at):%d %b %Y, %H:%M}")
        self.message_user(request, f"Preview link made; it works for {PREVIEW_LINK_DAYS} days unless revoked: "
                                   f"{request.build_absolute_uri(preview.shared_url(link))}", messages.SUCCESS)
        return redirect(reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[item.pk]))

    def revoke_link_view(self, request, object_id, link_id):
        self._post_only(request)
        item = self.viewable(request, object_id)
        link = get_object_or_404(PreviewLink.of(item), pk=link_id)
        if not (workflow.can_publish(request.user, self.model) or link.created_by_id == request.user.pk):
            raise PermissionDenied
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])
        workflow.log(item, AuditEntry.Action.REVOKE_LINK, by=request.user)
        self.message_user(request, "Preview link revoked: it now leads nowhere.", messages.SUCCESS)
        return redirect(reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[item.pk]))

    # --- revisions ------------------------------------------------------------------------------

    def revisions_view(self, request, object_id):
        item = self.viewable(request, object_id)
        context = {
            **self.admin_site.each_context(request), "opts": self.opts, "original": item,
            "title": f"Revisions of “{item}”",
            "revisions": Revision.of(item).select_related("created_by"),
            "history": AuditEntry.of(item).select_related("created_by"),
            "compare_url": self.url("compare", item.pk),
            "can_restore": self.has_change_permission(request, item),
        }
        return TemplateResponse(request, "admin/editorial/revisions.html", context)

    def compare_view(self, request, object_id):
        item = self.viewable(request, object_id)
        found = {str(r.pk): r for r in Revision.of(item).filter(pk__in=[v for v in (request.GET.get("a"),
                                                                        request.GET.get("b")) if v and v.isdigit()])}
        older, newer = found.get(request.GET.get("a")), found.get(request.GET.get("b"))
        if not older or not newer:
            messages.error(request, "Choose two revisions to compare.")
            return redirect(self.url("revisions", item.pk))
        if older.version > newer.version:
            older, newer = newer, older
        context = {
            **self.admin_site.each_context(request), "opts": self.opts, "original": item,
            "title": f"“{item}”: version {older.version} against version {newer.version}",
            "older": older, "newer": newer, "changes": revisions.diff(self.model, older.data, newer.data),
            "revisions_url": self.url("revisions", item.pk),
        }
        return TemplateResponse(request, "admin/editorial/compare.html", context)

    def restore_view(self, request, object_id, revision_id):
        self._post_only(request)
        item = self.get_object(request, object_id)
        if item is None or not self.has_change_permission(request, item):
            raise PermissionDenied
        revision = get_object_or_404(Revision.of(item), pk=revision_id)
        workflow.restore(item, revision, by=request.user)
        note = " Readers keep seeing the published version until an editor publishes it." \
            if item.pending_changes else ""
        self.message_user(request, f"Version {revision.version} restored as the working copy.{note}", messages.SUCCESS)
        return redirect(reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[item.pk]))

    # --- who else is here -----------------------------------------------------------------------

    def presence_view(self, request, object_id):
        """The change form's heartbeat: keeps this editor listed, and says who else has the item open.
        With ``leave``, the page is being closed (a beacon from pagehide): off the list at once."""
        self._post_only(request)
        item = self.viewable(request, object_id)
        page = request.POST.get("page", "")
        if request.POST.get("leave"):
            presence.left(item, request.user, page)
            return HttpResponse(status=204)
        return JsonResponse({"others": presence.seen(item, request.user, page)})

