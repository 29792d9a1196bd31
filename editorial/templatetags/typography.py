"""Filters every template may use (a builtin): text as paragraphs, the house markup, and JSON-LD that cannot
break out of its script. Text itself is escaped by Django's autoescape: an apostrophe is ``&#x27;`` in the
source, ' on screen."""

import json

from django import template
from django.utils.safestring import mark_safe

from editorial import markup
from editorial import text as plain_text

register = template.Library()

JSON_IN_SCRIPT = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


@register.filter(is_safe=True)
def jsonld(data) -> str:
    """A JSON-LD block that no ``</script>`` inside a headline can break out of."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(JSON_IN_SCRIPT)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')


@register.filter
def paragraphs(value) -> list[str]:
    """One paragraph a line, blank lines skipped (editorial.text.paragraphs)."""
    return plain_text.paragraphs(value or "")


@register.filter
def house_markup(value) -> str:
    """A text in the house markup as HTML: paragraphs, quotations, breaks, pull quotes, italics (editorial.markup)."""
    return mark_safe(markup.to_html(value or ""))


@register.filter
def house_inline(value) -> str:
    """One line in the house markup (a standfirst) as HTML: its italics."""
    return mark_safe(markup.line_as_html(value or ""))
