"""A house-style review into the magazine: its show, people, credits and the review itself."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from magazine import workflow
from magazine.editorial import Status
from reviews.house_style import CreditEntry, Credits, HouseStyleError, ParsedReview
from reviews.mentions import refresh_mentions
from reviews.models import Review
from shows.models import Show
from shows.services import apply_credits, assign, person_named

PUBLICATION_HOUR = time(9, 0)  # a front matter's bare date publishes at nine in the morning, magazine time


@dataclass
class ImportReport:
    review: Review
    created: bool
    changes: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    @property
    def outcome(self) -> str:
        return "created" if self.created else ("updated" if self.changes else "unchanged")

    def summary(self) -> str:
        """“new show, 13 new people, 17 new credits, new review” rather than every line."""
        counts = Counter()
        for change in self.changes:
            first, second = (change.split(" ") + [""])[:2]
            counts[("new", second) if first == "new" else ("changed", first.rstrip(":"))] += 1
        plural = {"person": "people", "credit": "credits", "show": "shows", "review": "reviews"}
        return ", ".join(
            f"{count} {state} {plural.get(kind, kind)}" if count > 1 else f"{state} {kind}"
            for (state, kind), count in counts.items()
        )


def publication_time(value: date | datetime | None) -> datetime:
    if value is None:
        return timezone.now()
    if isinstance(value, datetime):
        return value if timezone.is_aware(value) else timezone.make_aware(value)
    return timezone.make_aware(datetime.combine(value, PUBLICATION_HOUR))


def show_facts(parsed: ParsedReview, title: str) -> dict:
    credits = parsed.credits
    facts = {"title": title, "year": credits.year, "end_year": credits.end_year, "countries": credits.countries}
    facts.update(credits.facts)
    if credits.kind:
        facts["kind"] = credits.kind
    return facts


def publish_if_needed(item, when: datetime) -> bool:
    if item.status == Status.PUBLISHED:
        return False
    item.status, item.published_at = Status.PUBLISHED, when
    return True


@transaction.atomic
def import_review(parsed: ParsedReview, *, title: str | None = None, publish: bool = False, by=None) -> ImportReport:
    """Create or update everything the file describes. ``publish`` is for the command line (a trusted
    caller); through the admin, ``by`` is the user and the workflow's rules apply."""
    title = parsed.front.get("show") or title
    if not title:
        raise HouseStyleError("No show title: give “show:” in the front matter or --title.", line=1, field="show")
    when = publication_time(parsed.front.get("published")) if publish else None
    changes, notices = [], []

    show = Show.objects.filter(title=title, year=parsed.credits.year).first()
    show_created = show is None
    if show_created:
        show = Show(created_by=by)
    if show_created or workflow.can_edit(by, show) or by is None:
        changed = assign(show, show_facts(parsed, title))
        if publish and publish_if_needed(show, when):
            changed.append("published")
        if changed or show_created:
            show.updated_by = by
            save_checked(show, line=parsed.credits_line)
            changes.append(f"new show {show.title}" if show_created else f"show {show.title}: {', '.join(changed)}")
        changes += apply_credits(show=show, entries=parsed.credits.people, publish_at=when, by=by)
    else:
        notices.append(f"{show.title} is published, so its facts and credits were left as they are; "
                       "an editor can update them.")

    critic = None
    if parsed.front.get("author"):
        critic, critic_created = person_named(parsed.front["author"], publish_at=when, by=by)
        if critic_created:
            changes.append(f"new person {critic.name}")

    headline = parsed.front.get("headline") or title
    review = Review.objects.filter(show=show, headline=headline).first()
    review_created = review is None
    was, was_at = (None, None) if review_created else (review.status, review.published_at)
    if review_created:
        review = Review(show=show, headline=headline, created_by=by)
    elif by is not None and not workflow.can_edit(by, review):
        raise HouseStyleError(f"“{headline}” is published; only an editor can change it.", line=1, field="headline")
    values = {"body": parsed.body}
    if critic or review_created:
        values["critic"] = critic
    if "rating" in parsed.front:
        values["rating"] = parsed.front["rating"]
    changed = assign(review, values)
    if publish and publish_if_needed(review, when):
        changed.append("published")
    if changed or review_created:
        review.updated_by = by
        save_checked(review, line=1)
        changes.append("new review" if review_created else f"review: {', '.join(changed)}")
    refresh_mentions(review)
    if "tags" in parsed.front and set(review.tags.names()) != set(parsed.front["tags"]):
        review.tags.set(list(parsed.front["tags"]))
        if not review_created:
            changes.append("review tags")
    if review_created or any(change.startswith(("new review", "review")) for change in changes):
        workflow.saved(review, by=by, was=was, was_at=was_at, note="imported from house style")
    return ImportReport(review, review_created, changes, notices)


def save_checked(item, *, line: int) -> None:
    try:
        item.full_clean()
    except ValidationError as error:
        messages = "; ".join(f"{name}: {' '.join(errors)}" for name, errors in error.message_dict.items())
        raise HouseStyleError(messages, line=line) from error
    item.save()


def house_style_of(review: Review) -> ParsedReview:
    """The review as the house style holds it, ready for ``format_review``."""
    show = review.show
    front = {"show": show.title, "headline": review.headline}
    if review.critic:
        front["author"] = review.critic.name
    if review.rating is not None:
        front["rating"] = review.rating
    tags = sorted(review.tags.names())
    if tags:
        front["tags"] = tuple(tags)
    if review.published_at:
        local = timezone.localtime(review.published_at)
        front["published"] = local.date() if local.time() == PUBLICATION_HOUR else local
    facts = {name: getattr(show, name) for name in ("distributor", "episodes", "seasons", "runtime_minutes",
                                                     "languages") if getattr(show, name)}
    people = tuple(
        CreditEntry(c.role, c.person.name, c.character, c.note, c.order)
        for c in show.credits.select_related("person").order_by("order", "pk")
    )
    credits = Credits(show.year, show.end_year, show.countries, facts, people)
    return ParsedReview(front, tuple(review.paragraphs()), credits)
