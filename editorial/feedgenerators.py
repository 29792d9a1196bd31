"""RSS 2.0 and Atom 1.0 that carry the full review and name their WebSub hubs, and text that XML 1.0 can always
hold. A feed's ``hubs`` (a keyword of the feed) are linked rel="hub" beside its rel="self"."""

import re
from datetime import UTC, datetime

from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, rfc3339_date

NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
NEVER_UPDATED = datetime(2000, 1, 1, tzinfo=UTC)  # an empty feed's date: always the same, so its bytes are too


class SteadyDates:
    """The feed's date is its newest entry's, and a fixed one when it has none (Django would give the time of the
    request, so an empty feed would differ at every request and never match what a cache keeps)."""

    def latest_post_date(self):
        dated = [item.get("updateddate") or item.get("pubdate") for item in self.items]
        return super().latest_post_date() if any(dated) else NEVER_UPDATED


def xml_text(value) -> str:
    """A space for each character XML 1.0 cannot hold: a stray control character never breaks a feed, nor glues
    two words together."""
    return NOT_XML.sub(" ", str(value)) if value is not None else ""


class FullContentRssFeed(SteadyDates, Rss201rev2Feed):
    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
                "xmlns:dcterms": "http://purl.org/dc/terms/"}

    def add_root_elements(self, handler):
        super().add_root_elements(handler)  # with <atom:link rel="self">
        for hub in self.feed.get("hubs", ()):
            handler.addQuickElement("atom:link", None, {"rel": "hub", "href": hub})

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content_html"):
            handler.addQuickElement("content:encoded", item["content_html"])
        updated, published = item.get("updateddate"), item.get("pubdate")
        if updated and published and updated > published:  # RSS 2.0 has no update date of its own
            handler.addQuickElement("dcterms:modified", rfc3339_date(updated))


class FullContentAtomFeed(SteadyDates, Atom1Feed):
    def add_root_elements(self, handler):
        super().add_root_elements(handler)  # with <link rel="self">
        for hub in self.feed.get("hubs", ()):
            handler.addQuickElement("link", "", {"rel": "hub", "href": hub})

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content_html"):
            handler.addQuickElement("content", item["content_html"], {"type": "html"})
