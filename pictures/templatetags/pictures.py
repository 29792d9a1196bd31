import zlib

from django import template
from django.conf import settings

from editorial.seo import SocialImage
from pictures.social_card import HEIGHT, WIDTH, card_url

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


@register.simple_tag(takes_context=True)
def link_preview_image(context, meta):
    """The page's own social picture, or else its card (pictures.social_card): the magazine's name and the
    page's title. A request with a query string (search results, later pages) gets the magazine's own card,
    so what readers type never makes a file; previews get none."""
    if meta.image or context.get("preview"):
        return meta.image
    request = context.get("request")
    title = meta.title if request is None or not request.GET else settings.MAGAZINE_NAME
    url = card_url(settings.MAGAZINE_NAME, title)
    if url is None:
        return None
    return SocialImage(request.build_absolute_uri(url) if request else url, WIDTH, HEIGHT,
                       f"“{title}”, lettered under the name {settings.MAGAZINE_NAME}")
