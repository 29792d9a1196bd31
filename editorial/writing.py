"""The writing surface of a change form: a text kept one paragraph a line, shown as paragraphs, with its length.

What is saved is exactly the house style: one paragraph a line, no blank lines, line ends as ``\\n``. The box shows
a blank line between paragraphs so that they read as paragraphs; those blank lines are never saved."""

import math
import re

from django import forms

from editorial import markup, text

WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")  # “d’Almeida”, “slow-burning” and “1970s” are one word each
WORDS_A_MINUTE = 230


def word_count(value: str) -> int:
    """The words a reader reads: the house markup's marks are none, and a pull quote repeating the text is read
    once."""
    return len(WORD.findall(markup.plain(value or "")))


def reading_time(words: int) -> str:
    if not words:
        return "nothing to read yet"
    minutes = math.ceil(words / WORDS_A_MINUTE)
    return "under a minute to read" if words < WORDS_A_MINUTE / 2 else \
        f"about {minutes} minute{'s' if minutes != 1 else ''} to read"


def one_paragraph_a_line(value: str) -> str:
    return "\n".join(text.paragraphs(value))


class ParagraphsWidget(forms.Textarea):
    template_name = "editorial/widgets/paragraphs.html"

    def __init__(self, attrs=None):
        super().__init__({"rows": 24, "spellcheck": "true", "data-writing-surface": "", **(attrs or {})})

    def format_value(self, value):
        return None if value is None else "\n\n".join(text.paragraphs(str(value)))

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        words = word_count(str(value or ""))
        context["widget"]["length"] = f"{words:,} word{'s' if words != 1 else ''} · {reading_time(words)}"
        return context


class MarkupWidget(ParagraphsWidget):
    """The writing surface of a text in the house markup: buttons (and Ctrl/⌘-I) for its marks, a preview of the
    paragraph being written, and pasting from a word processor as markup. ``urls`` holds the admin's preview and
    paste addresses for the model."""

    template_name = "editorial/widgets/markup.html"

    def __init__(self, attrs=None, urls=None):
        super().__init__(attrs)
        self.urls = urls or {}

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["urls"] = self.urls
        return context


class ParagraphsField(forms.CharField):
    """A text of paragraphs, one a line; however the browser sends it (``\\r\\n``, blank lines), saved as the house
    style keeps it."""

    widget = ParagraphsWidget

    def to_python(self, value):
        value = super().to_python(value)
        return one_paragraph_a_line(value) if value else value


class SentenceWidget(forms.Textarea):
    """Room for a sentence or two (alt text, a caption); a line end typed into it is kept as a space."""

    def __init__(self, attrs=None):
        super().__init__({"rows": 2, "class": "sentence", **(attrs or {})})
