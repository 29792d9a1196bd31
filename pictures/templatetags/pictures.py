from django import template

register = template.Library()


@register.filter
def picture(item, crop: str):
    """The item's renditions for ``crop`` (see pictures.models.PictureSet), or None."""
    return item.picture(crop) if item and hasattr(item, "picture") else None
