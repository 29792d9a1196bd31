from taggit.forms import TagWidget
from taggit.models import Tag

SUGGESTED_TAGS = 2000


def tag_string(names) -> str:
    """Tag names as the tag box holds them and django-taggit reads them back: “slow cinema, Portugal, drama”.
    Only a name with a comma is quoted; a lone name with a space gets a comma, so it is not split into words."""
    names = [str(name) for name in names]
    text = ", ".join(f'"{name}"' if "," in name else name for name in names)
    return f"{text}," if len(names) == 1 and " " in names[0] and "," not in names[0] else text


class TagAutocompleteWidget(TagWidget):
    """Tags as chips, each removed with its own button, and the magazine's existing tags suggested as you type.
    The chips write the box's plain text (``tag_string``), which is also what is shown without JavaScript."""

    template_name = "editorial/widgets/tag_autocomplete.html"

    class Media:
        js = ["js/tag-autocomplete.js"]

    def format_value(self, value):
        if value is not None and not isinstance(value, str):
            value = tag_string(sorted(getattr(tag, "name", tag) for tag in value))
        return super().format_value(value)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        names = Tag.objects.order_by("name").values_list("name", flat=True)[:SUGGESTED_TAGS]
        context["widget"]["tag_names"] = list(names)
        return context
