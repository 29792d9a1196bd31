"""Escaping that keeps the house typography intact in the page source.

Django's autoescape turns every apostrophe into ``&#x27;``. Text nodes only
need ``&``, ``<`` and ``>`` escaped, and double-quoted attributes also ``"``,
so O'Rourke stays O'Rourke byte for byte, with no way to break out of markup.
"""

import json

from django import template
from django.utils.safestring import mark_safe

register = template.Library()

TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
ATTRIBUTE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})


@register.filter(is_safe=True)
def text(value) -> str:
    """For element content."""
    return mark_safe(str(value).translate(TEXT))


@register.filter(is_safe=True)
def attr(value) -> str:
    """For a value inside a double-quoted attribute."""
    return mark_safe(str(value).translate(ATTRIBUTE))


JSON_IN_SCRIPT = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


@register.filter(is_safe=True)
def jsonld(data) -> str:
    """A JSON-LD block that no ``</script>`` inside a headline can break out of."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(JSON_IN_SCRIPT)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')
