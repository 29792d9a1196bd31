from django import forms

from reviews.house_style import HouseStyleError, ParsedReview, every_error, parse_review
from shows.credits_line import line_error


class HouseStyleImportForm(forms.Form):
    text = forms.CharField(
        label="Review in house style",
        widget=forms.Textarea(attrs={"rows": 22, "spellcheck": "false", "wrap": "soft"}),
        help_text="Paste the whole file: an optional front matter between “---” lines, one paragraph per line, "
        "and the credits line last.",
    )
    title = forms.CharField(
        label="Show title", required=False, max_length=200,
        help_text="Needed only when the text has no front matter “show:”.",
    )

    def __init__(self, *args, may_set_publication_time: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.error_lines: list[int] = []
        if not may_set_publication_time:
            self.fields["text"].help_text += (" A “published:” line is not kept: the editor who publishes the review "
                                              "sets its time.")

    def add_house_style_error(self, error: HouseStyleError) -> None:
        """Every error of the text beside the box, each with its line; the box marks those lines."""
        for one in every_error(error):
            self.add_error("text", line_error(one))
            self.error_lines.append(one.line)

    def clean(self):
        cleaned = super().clean()
        text = cleaned.get("text")
        if text:
            try:
                cleaned["parsed"] = parse_review(text)
            except HouseStyleError as error:
                self.add_house_style_error(error)
                return cleaned
            if not cleaned["parsed"].front.get("show") and not cleaned.get("title"):
                self.add_error("title", "Give the show’s title, or a “show:” line in the front matter.")
        return cleaned

    @property
    def parsed(self) -> ParsedReview:
        return self.cleaned_data["parsed"]
