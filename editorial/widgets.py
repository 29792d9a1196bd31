from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import ValidationError
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


class SafeAutocompleteSelect(AutocompleteSelect):
    """Django's autocomplete box, which looks the chosen value up again to show it: a posted value no key can be
    (“x”, “²”, a number past the column) is shown as nothing, and the form's own error says why, instead of the
    lookup failing the page."""

    def optgroups(self, name, value, attr=None):
        target = self.field.remote_field.model._meta.get_field(
            getattr(self.field.remote_field, "field_name", None) or self.field.remote_field.model._meta.pk.attname)
        return super().optgroups(name, [one for one in value if is_key(target, one)], attr)


def is_key(field, value) -> bool:
    if value in (None, ""):
        return True
    try:
        field.run_validators(field.to_python(value))
    except ValidationError:
        return False
    return True


class SafeAutocomplete:
    """For admins and inlines with ``autocomplete_fields``: their boxes take ``SafeAutocompleteSelect``."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = SafeAutocompleteSelect(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
