"""A house-style review into the magazine: its show, people, credits and the review itself."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from editorial import drafts, revisions, workflow
from editorial.models import Status
from editorial.text import tidy
from people.models import Person
from reviews.house_style import CreditEntry, Credits, HouseStyleError, ParsedReview
from reviews.models import Review
from shows.models import Show
from shows.services import assign, merge_credits, person_named

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


@transaction.atomic
def import_review(parsed: ParsedReview, *, title: str | None = None, publish: bool = False, by=None) -> ImportReport:
    """Create or update everything the file describes. ``publish`` is for the command line (a trusted
    caller, ``by=None``); through the admin, ``by`` is the user and the workflow's rules apply. What changes
    becomes the draft of the show and of the review (``workflow.save_draft``): a published one's readers see it
    only once it is published, with ``publish`` or by an editor. When a review goes live is an editor's call: a
    writer's “published:” is not kept."""
    title = parsed.front.get("show") or title
    if not title:
        raise HouseStyleError("No show title: give “show:” in the front matter or --title.", line=1, field="show")
    editor = by is None or workflow.can_publish(by, Review)
    if publish and not editor:
        raise PermissionDenied("Only an editor can publish; import it as a draft and submit it for review.")
    when = publication_time(parsed.front.get("published")) if publish else None
    changes, notices = [], []

    show = Show.objects.filter(title=title, year=parsed.credits.year).first()
    show_created = show is None
    show = show or Show()
    content = draft_of(show)
    changed = assign(show, show_facts(parsed, title))
    rows, credit_changes = merge_credits(content.get("credits", []), parsed.credits.people, by=by)
    if show_created:
        changes.append(f"new show {show.title}")
    elif changed:
        changes.append(f"show {show.title}: {', '.join(changed)}")
    changes += credit_changes
    if show_created or changed or credit_changes:
        check_clean(show, line=parsed.credits_line)
        workflow.save_draft(show, by=by, data={**content, **revisions.fields_of(show), "credits": rows},
                            note="imported from house style")
        if show.pending_changes and publish:
            workflow.publish(show, by=None, note="imported from house style")
        elif show.pending_changes:
            notices.append(f"{show.title} is published: the import's changes to its facts and credits wait in "
                           "its working copy until an editor publishes them.")

    critic = None
    if parsed.front.get("author"):
        critic, critic_created = person_named(parsed.front["author"], by=by)
        if critic_created:
            changes.append(f"new person {critic.name}")

    headline = parsed.front.get("headline") or title
    review = Review.objects.filter(show=show, headline=headline).first()
    review_created = review is None
    review = review or Review(show=show, headline=headline)
    content = draft_of(review)
    values = {"body": parsed.body}
    if critic or review_created:
        values["critic"] = critic
    if "published" in parsed.front and review.status != Status.PUBLISHED:  # a published review's time stays
        if editor:
            values["published_at"] = publication_time(parsed.front["published"])  # the draft's planned time
        else:
            notices.append(f"“published: {parsed.front['published']}” was not kept: only an editor sets when a "
                           "review goes live, as they publish it.")
    if "rating" in parsed.front:
        values["rating"] = parsed.front["rating"]
    changed = assign(review, values)
    tags = sorted(parsed.front["tags"]) if "tags" in parsed.front else None
    if tags is not None and set(tags) != set(content.get("tags", [])):
        changed.append("tags")
    if review_created:
        changes.append("new review")
        notices += [f"{critic.name} has reviewed {show.title} before: “{earlier.headline}” "
                    f"({earlier.state.label.lower()})." for earlier in earlier_reviews(show, critic, headline)]
    elif changed:
        changes.append(f"review: {', '.join(changed)}")
    if review_created or changed:
        check_clean(review, line=1)
        data = {**content, **revisions.fields_of(review), **({"tags": tags} if tags is not None else {})}
        workflow.save_draft(review, by=by, data=data, note="imported from house style")
    if publish and (review.status != Status.PUBLISHED or review.pending_changes):
        workflow.publish(review, by=None, at=None if review.is_live else when, with_dependencies=True,
                         note="imported from house style")
    return ImportReport(review, review_created, changes, notices)


def draft_of(item) -> dict:
    """What the import changes: the item's draft, its fields set on ``item`` (nothing for a new item)."""
    if item.pk is None:
        return {}
    content = drafts.content_of(item)
    drafts.overlay(item, content)
    return content


def earlier_reviews(show: Show | None, critic, headline: str) -> list[Review]:
    """The critic's other reviews of the show: importing another is a second review, not an update."""
    if show is None or show.pk is None or critic is None or critic.pk is None:
        return []
    return list(Review.objects.filter(show=show, critic=critic).exclude(headline=headline).order_by("pk"))


def reviews_it_would_repeat(parsed: ParsedReview, *, title: str | None = None) -> list[Review]:
    """Before an import: the reviews of the same show by the same critic that it would sit beside."""
    title = parsed.front.get("show") or title
    author = parsed.front.get("author")
    if not title or not author:
        return []
    show = Show.objects.filter(title=title, year=parsed.credits.year).first()
    critic = Person.objects.filter(name=tidy(author, multiline=False)).order_by("pk").first()
    return earlier_reviews(show, critic, parsed.front.get("headline") or title)


def check_clean(item, *, line: int) -> None:
    try:
        item.full_clean(exclude=["slug"])
    except ValidationError as error:
        messages = "; ".join(f"{name}: {' '.join(errors)}" for name, errors in error.message_dict.items())
        raise HouseStyleError(messages, line=line) from error


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
