"""What a browser would post from a page's form: every named input, textarea and select as the page shows it."""

from html.parser import HTMLParser

from django.http import QueryDict


class FormReader(HTMLParser):
    def __init__(self, form_id: str):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside, self.depth = form_id, False, 0
        self.fields: list[tuple[str, str]] = []
        self.textarea: tuple[str, list[str]] | None = None
        self.select: str | None = None
        self.options: list[tuple[str, bool]] = []
        self.option: list | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == self.form_id:
            self.inside = True
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.fields.append((name, attrs.get("value", "on" if kind in ("checkbox", "radio") else "")))
        elif tag == "textarea" and name:
            self.textarea = (name, [])
        elif tag == "select" and name:
            self.select, self.options = name, []
        elif tag == "option" and self.select:
            self.option = [attrs.get("value"), "selected" in attrs, []]

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1].append(data)
        if self.option is not None:
            self.option[2].append(data)

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside = False
        elif tag == "textarea" and self.textarea is not None:
            name, parts = self.textarea
            text = "".join(parts)
            text = text[1:] if text.startswith("\n") else text  # HTML drops a textarea's first line end
            self.fields.append((name, text.replace("\n", "\r\n")))  # browsers send CRLF
            self.textarea = None
        elif tag == "option" and self.option is not None:
            value, selected, text = self.option
            self.options.append((value if value is not None else "".join(text), selected))
            self.option = None
        elif tag == "select" and self.select:
            chosen = [value for value, selected in self.options if selected] or [v for v, _ in self.options[:1]]
            self.fields += [(self.select, value) for value in chosen]
            self.select = None


def form_data(html: str, form_id: str) -> dict:
    """{name: value} (a list where a name repeats), ready for the test client's ``post``."""
    reader = FormReader(form_id)
    reader.feed(html)
    data = QueryDict(mutable=True)
    for name, value in reader.fields:
        data.appendlist(name, value)
    return {name: values if len(values) > 1 else values[0] for name, values in data.lists()}
