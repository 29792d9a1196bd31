"""What every page tells browsers, search engines and feed readers about itself."""

from dataclasses import dataclass, field

from django.conf import settings
from django.urls import reverse
from django.utils.text import Truncator

DESCRIPTION_WORDS = 40


@dataclass(frozen=True)
class FeedLink:
    title: str
    rss: str
    atom: str


@dataclass(frozen=True)
class SocialImage:
    url: str
    width: int
    height: int
    alt: str


def social_image(request, item) -> SocialImage | None:
    """The 1200×630 crop (focal point kept) that link previews show."""
    found = item.picture("social") if item else None
    if not found:
        return None
    return SocialImage(request.build_absolute_uri(found.src), found.width, found.height, item.image_alt)


@dataclass
class PageMeta:
    title: str
    description: str
    canonical: str
    og_type: str = "website"
    image: "SocialImage | None" = None
    feeds: list[FeedLink] = field(default_factory=list)
    structured_data: list[dict] = field(default_factory=list)


def feed_link(title: str, name: str, *args) -> FeedLink:
    return FeedLink(title, reverse(f"feeds:{name}", args=args), reverse(f"feeds:{name}_atom", args=args))


def latest_feed() -> FeedLink:
    return feed_link(f"{settings.MAGAZINE_NAME}: latest reviews", "latest")


def canonical_url(request, page_obj=None) -> str:
    """The page's own address: no query string, except a page number past the first."""
    url = request.build_absolute_uri(request.path)
    if page_obj is not None and page_obj.number > 1:
        url += f"?page={page_obj.number}"
    return url


def describe(*candidates: str) -> str:
    """The first non-empty text, cut to a search-result-sized sentence or two."""
    text = next((c for c in candidates if c and c.strip()), "")
    return Truncator(" ".join(text.split())).words(DESCRIPTION_WORDS)


class PageMetaMixin:
    """Views build a PageMeta with ``page_meta(context)``; the base template prints it in <head>."""

    def page_meta(self, context) -> PageMeta:
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["meta"] = self.page_meta(context)
        return context
