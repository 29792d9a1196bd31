from django import forms
from django.contrib.admin.widgets import AdminSplitDateTime


class EditorialForm(forms.ModelForm):
    """What every editorial change form carries besides the item's own fields."""

    note = forms.CharField(
        label="Note with this change", required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Why it is submitted, sent back, published or unpublished: kept in the item’s history.",
    )
    changes_at = forms.SplitDateTimeField(
        label="Publish the changes at", required=False, widget=AdminSplitDateTime,
        help_text="Leave empty to publish the changes now; a time ahead schedules them, and readers keep "
                  "the live version until then.",
    )
    correction = forms.CharField(
        label="Public correction note", required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Optional. Shown under the text with the date, and sent to feeds as an update: "
                  "“An earlier version misnamed the cinematographer.”",
    )
    with_dependencies = forms.BooleanField(label="Publish what it needs with it", required=False)
    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["loaded_version"].initial = self.instance.version if self.instance.pk else None
        self.conflict = None
