from django import forms


class EditorialForm(forms.ModelForm):
    """What every editorial change form carries besides the item's own fields."""

    note = forms.CharField(
        label="Note with this change", required=False, widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Why it is submitted, sent back, published or unpublished: kept in the item’s history.",
    )
    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["loaded_version"].initial = self.instance.version if self.instance.pk else None
        self.conflict = None
