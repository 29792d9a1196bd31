from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from taggit.managers import TaggableManager

from editorial import markup
from editorial import text as plain_text
from editorial.models import EditorialModel, EditorialQuerySet, State, Status
from editorial.surrogate_keys import KeyedQuerySet
from pictures.models import Pictured
from reviews.rating import is_half_star
from shows.models import episode_label


def validate_half_star(value: Decimal) -> None:
    if value is not None and not is_half_star(value):
        raise ValidationError(
            "A rating runs from 0 to 5 in half stars, not %(value)s.", code="rating", params={"value": value}
        )


class ReviewQuerySet(EditorialQuerySet):
    def for_search_results(self):
        return self.select_related("show", "critic").defer("body")  # the snippet comes from the index

    def cards(self):
        """Reviews with everything a card shows, in one query, without the bodies a card never shows."""
        return self.select_related("show", "critic").defer("body", "show__synopsis", "critic__bio")

    def of_work_by(self, person):
        """Reviews of the shows a person is credited on."""
        return self.filter(show__credits__person=person).distinct()

    def mentioning(self, **target):
        """Reviews whose body names this person (``person=``) or show (``show=``), unless marked wrong."""
        return self.filter(**{f"mentions__{kind}": item for kind, item in target.items()},
                           mentions__wrong=False).distinct()


class Review(Pictured, EditorialModel):
    crops = ("full", "card", "social", "feed")
    slug_from = "headline"

    show = models.ForeignKey("shows.Show", on_delete=models.PROTECT, related_name="reviews")
    season = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="For a review of one season of a series; empty for the whole show.")
    episode = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="For a recap: the episode's number in its season.")
    # ", season 2", ", 2×05 ‘The Understudy’": what the search index adds to the show's title for this review
    subject_suffix = models.CharField(max_length=300, blank=True, default="", editable=False)
    headline = models.CharField(max_length=200)
    standfirst = models.TextField(blank=True, help_text="The sentence or two under the headline.")
    body = models.TextField(help_text="One paragraph per line, typography as it should appear.")
    critic = models.ForeignKey(
        "people.Person", on_delete=models.PROTECT, related_name="reviews_written", null=True, blank=True,
        help_text="The writer named in the byline; empty for an unsigned piece.",
    )
    rating = models.DecimalField(
        max_digits=2, decimal_places=1, null=True, blank=True, validators=[validate_half_star],
        help_text="0 to 5 in halves; leave empty for an unrated piece.",
    )
    featured = models.BooleanField(
        default=False, help_text="Lead the home page with this review while it is the newest featured one."
    )
    tags = TaggableManager(blank=True)

    objects = ReviewQuerySet.as_manager()
    desk_related = ("show", "critic")

    class Meta(EditorialModel.Meta):
        ordering = ["-published_at", "-pk"]
        indexes = [*EditorialModel.Meta.indexes,
                   models.Index(fields=["featured", "status", "published_at"], name="reviews_featured_live"),
                   # the archive's pages (keyset on published_at, pk), its filters and their counts,
                   # read from indexes alone
                   models.Index(fields=["status", "published_at", "id"], name="reviews_archive_key"),
                   models.Index(fields=["critic", "status", "published_at"], name="reviews_critic_live"),
                   models.Index(fields=["show", "status", "published_at"], name="reviews_show_live"),
                   models.Index(fields=["status", "rating", "published_at"], name="reviews_rating_live")]
        permissions = [("publish_review", "Can publish, schedule and unpublish reviews")]
        constraints = [*EditorialModel.Meta.constraints,
                       models.CheckConstraint(condition=models.Q(episode__isnull=True) | models.Q(season__isnull=False),
                                              name="an_episode_is_of_a_season")]

    def __str__(self):
        return self.headline

    def save(self, *args, **kwargs):
        self.subject_suffix = self.current_suffix()
        super().save(*args, **kwargs)

    @property
    def title(self) -> str:
        return self.headline

    def desk_subject(self):
        return self.show

    def desk_byline(self):
        return self.critic

    def dependencies(self) -> list:
        """The show, its critic, and the people credited on the show (new ones come in as drafts)."""
        if not self.show_id:
            return []
        people = [credit.person for credit in self.show.credits.select_related("person")]
        found = [self.show, *([self.critic] if self.critic_id else []), *people]
        return list({(type(item), item.pk): item for item in found}.values())

    def publish_blockers(self) -> list[str]:
        if not self.show_id:
            return []
        show = self.show
        if show.status != Status.PUBLISHED:
            return [f"Publish the show “{show.title}” first: a review goes live with its show, never before it."]
        if show.state == State.SCHEDULED and (not self.published_at or show.published_at > self.published_at):
            return [f"“{show.title}” is scheduled for {timezone.localtime(show.published_at):%d %b %Y, %H:%M}; "
                    "schedule the review for then or later."]
        return []

    def revision_extras(self) -> dict:
        return {"unlinked": sorted(m.key for m in self.mentions.all() if m.wrong)}

    def restore_extras(self, data: dict) -> None:
        """Mentions marked “not this one” as ``data`` has them; the mentions themselves follow the body."""
        if "unlinked" in data:
            unlinked = set(data["unlinked"])
            for mention in self.mentions.all():
                if mention.wrong != (mention.key in unlinked):
                    mention.wrong = mention.key in unlinked
                    mention.save(update_fields=["wrong"])

    @property
    def is_recap(self) -> bool:
        return self.episode is not None

    @property
    def subject(self) -> str:
        """What the review is of, as headlines and cards name it: “ÉTOILE”, “ÉTOILE, season 2”,
        “ÉTOILE, 2×05 ‘The Understudy’”; read from the row (``subject_suffix``), so a list of cards asks nothing."""
        if self.season is None:
            return self.show.title
        return self.show.title + (self.subject_suffix or self.current_suffix())

    def current_suffix(self, titles: dict | None = None) -> str:
        """What follows the show's title in ``subject``, from the show's episodes (``titles``: {(season, number):
        title}, when the caller read them already)."""
        if not self.show_id or self.season is None:
            return ""
        if self.episode is None:
            return f", season {self.season}"
        title = titles.get((self.season, self.episode), "") if titles is not None else self.episode_name
        return episode_label("", self.season, self.episode, title)

    @property
    def episode_name(self) -> str:
        if self.episode is None:
            return ""
        found = self.show.episode_set.filter(season=self.season, number=self.episode).first()
        return found.title if found else ""

    def season_row(self):
        """The live show's season this review is of (None for a whole show, or a season not yet live)."""
        return self.show.season_set.filter(number=self.season).first() if self.season is not None else None

    def paragraphs(self) -> list[str]:
        """The body's lines as written, marks and all (what the house style exports)."""
        return plain_text.paragraphs(self.body)

    def read_lines(self) -> list[str]:
        """The body's paragraphs as a reader reads them, marks off (editorial.markup.read_lines)."""
        return markup.read_lines(self.body)

    @property
    def plain_standfirst(self) -> str:
        return markup.plain_line(self.standfirst)

    def stars(self) -> list[str]:
        """Five slots, each "full", "half" or "empty"."""
        if self.rating is None:
            return []
        doubled = int(self.rating * 2)
        return ["full"] * (doubled // 2) + ["half"] * (doubled % 2) + ["empty"] * (5 - (doubled + 1) // 2)


def subjects_follow_the_show(sender, item, **kwargs) -> None:
    """After a show's change commits: its recaps name their episodes as the show now titles them (the search
    index reads the suffix)."""
    titles = {(episode.season, episode.number): episode.title for episode in item.episode_set.all()}
    for review in item.reviews.filter(season__isnull=False).select_related("show"):
        suffix = review.current_suffix(titles)
        if suffix != review.subject_suffix:
            Review.objects.filter(pk=review.pk).update(subject_suffix=suffix)



class Mention(models.Model):
    """A person or show the magazine knows, named in a review's body. Found on save; an editor may mark it wrong."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="mentions")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, null=True, blank=True,
                               related_name="mentions")
    show = models.ForeignKey("shows.Show", on_delete=models.CASCADE, null=True, blank=True, related_name="mentions")
    text = models.CharField(max_length=300, help_text="The words of the body that name them.")
    wrong = models.BooleanField(
        "not this one", default=False,
        help_text="Tick when the words mean someone or something else: the name stays, unlinked, and stays so.",
    )

    objects = KeyedQuerySet.as_manager()  # a page listing mentions names the list it reads (editorial.surrogate_keys)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(person__isnull=True) ^ models.Q(show__isnull=True),
                                   name="mention_names_one_thing"),
            models.UniqueConstraint(fields=["review", "person"], name="one_mention_per_person"),
            models.UniqueConstraint(fields=["review", "show"], name="one_mention_per_show"),
        ]

    def __str__(self):
        return self.text

    @property
    def target(self):
        return self.person or self.show

    @property
    def key(self) -> str:
        """What a revision keeps to name this mention: ``person:12`` or ``show:3``."""
        return f"person:{self.person_id}" if self.person_id else f"show:{self.show_id}"
