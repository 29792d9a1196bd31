from django import forms

from editorial.forms import EditorialForm
from shows.credits_line import HouseStyleError, line_errors, parse_credits_line
from shows.models import Show


class ShowForm(EditorialForm):
    credits_line = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "spellcheck": "false"}),
        help_text="Paste a house-style credits line (“2025 | US | DIRECTORS: … | CAST: A (Character), …”) and save: "
        "its people become credit rows below, matched to existing people by name. The line’s facts are not "
        "copied into the fields above.",
    )

    class Meta:
        model = Show
        fields = ["title"]  # the admin gives the full list from its fieldsets

    def clean_credits_line(self):
        line = self.cleaned_data["credits_line"].strip()
        if not line:
            return None
        try:
            return parse_credits_line(" ".join(line.split("\n")))
        except HouseStyleError as error:
            raise forms.ValidationError(line_errors(error), code="credits_line") from error
