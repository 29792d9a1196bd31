from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models

from editorial.models import EditorialModel
from pages import addresses

FOOTER_PLACES = 99


class Page(EditorialModel):
    """One of the magazine's own pages (About, Masthead, Contact, Privacy), at ``/<slug>/``."""

    slug_from = "title"

    title = models.CharField(max_length=200, help_text="The page’s heading, and its link in the footer.")
    standfirst = models.CharField(
        max_length=300, blank=True,
        help_text="Optional: one line under the title.",
    )
    body = models.TextField(
        help_text="One paragraph per line, written as a review’s body is.",
    )
    masthead = models.BooleanField(
        "list the critics", default=False,
        help_text="Under the text, the magazine’s critics, from their person records: headshot, beat, page and "
        "feed. For the masthead: a critic appears once a review of theirs is live.",
    )
    footer_order = models.PositiveSmallIntegerField(
        "place in the footer", null=True, blank=True, validators=[MaxValueValidator(FOOTER_PLACES)],
        help_text="Empty: not linked from the footer. Otherwise its place among the footer’s links, 1 first "
        "(once the page is live).",
    )

    class Meta(EditorialModel.Meta):
        # The footer's order: a change to any of these moves the page in the list every page's footer shows
        # (editorial.publish_keys), so every page is made again; a change to its text touches its own page only.
        ordering = ["footer_order", "title", "slug"]
        permissions = [("publish_page", "Can publish, schedule and unpublish pages")]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.slug and addresses.is_taken(self.slug):
            raise ValidationError({"slug": ValidationError(
                "“/%(slug)s/” belongs to the site’s own sections, so a page there would never be seen. "
                "Choose another address.", code="reserved", params={"slug": self.slug})})

    def slug_held_elsewhere(self, slug: str) -> bool:
        """A slug made from the title never takes one of the site's own addresses (“Search” → ``search-2``)."""
        return addresses.is_taken(slug) or super().slug_held_elsewhere(slug)
