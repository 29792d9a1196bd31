from taggit.forms import TagWidget
from taggit.models import Tag

SUGGESTED_TAGS = 2000


class TagAutocompleteWidget(TagWidget):
    """The comma-separated tag box, with the magazine's existing tags suggested as you type."""

    template_name = "editorial/widgets/tag_autocomplete.html"

    class Media:
        js = ["js/tag-autocomplete.js"]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        names = Tag.objects.order_by("name").values_list("name", flat=True)[:SUGGESTED_TAGS]
        context["widget"]["tag_names"] = list(names)
        return context
