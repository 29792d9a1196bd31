import zlib

from django import template

register = template.Library()


@register.filter
def picture(item, crop: str):
    """The item's renditions for ``crop`` (see pictures.models.PictureSet), or None."""
    return item.picture(crop) if item and hasattr(item, "picture") else None


PLACEHOLDER_TONES = 6


@register.filter
def placeholder_tone(item) -> int:
    """One of the placeholder's colourways (site.css, .tone-1 to .tone-6), the same for an item every time."""
    return zlib.crc32(str(getattr(item, "slug", "") or item).encode()) % PLACEHOLDER_TONES + 1

