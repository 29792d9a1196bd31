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
from shows.models import Season, Show, episode_code, episode_label, in_seasons
from shows.services import assign, assign_row, merge_credits, person_named

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


def show_of(title: str, year: int, *, season: int | None) -> Show | None:
    """The show a file is of: by title and year; for a season's review, the series of that title that began by
    then (the credits line's year is the season's)."""
    show = Show.objects.filter(title=title, year=year).first()
    if show is None and season is not None:
        show = Show.objects.filter(title=title, kind=Show.Kind.SERIES, year__lte=year).order_by("-year", "pk").first()
    return show


def subject_of(title: str, season: int | None, episode: int | None, episode_title: str | None) -> str:
    """A headline for a file that gives none: what it reviews."""
    if season is None:
        return title
    if episode is None:
        return f"{title}, season {season}"
    return episode_label(title, season, episode, episode_title or "")


def show_facts(parsed: ParsedReview, title: str, *, season: int | None = None, existing: bool = False) -> dict:
    """The show's fields the file gives. In a season's review the line's year and EPISODES are the season's
    (``season_parts``): a new series starts then, a known one runs on to it."""
    credits = parsed.credits
    facts = {"title": title, "year": credits.year, "end_year": credits.end_year, "countries": credits.countries}
    facts.update(credits.facts)
    if credits.kind:
        facts["kind"] = credits.kind
    if season is not None:
        facts.pop("episodes", None)
        facts["kind"] = Show.Kind.SERIES
        if existing:
            del facts["year"], facts["end_year"]
    if "trailer" in parsed.front and season is None:
        facts["trailer"] = parsed.front["trailer"]
    return facts


def season_parts(content: dict, parsed: ParsedReview, season: int | None, episode: int | None):
    """The show draft's seasons and episodes with the file's season (its years, episodes, trailer) and episode
    (its title) made or updated: ({"season_rows": ..., "episode_rows": ...} or {}, the changes)."""
    if season is None:
        return {}, []
    changes = []
    seasons = [dict(row) for row in content.get("season_rows", [])]
    row = next((row for row in seasons if row["number"] == season), None)
    if row is None:
        row = Season(number=season).as_row()
        seasons.append(row)
        changes.append(f"new season {season}")
    credits = parsed.credits
    values = {"year": credits.year, "end_year": credits.end_year}
    if "episodes" in credits.facts:
        values["episodes"] = credits.facts["episodes"]
    if "trailer" in parsed.front:
        values["trailer"] = parsed.front["trailer"]
    changed = assign_row(row, values)
    if changed and not changes:
        changes.append(f"season {season}: {', '.join(changed)}")
    episodes = [dict(row) for row in content.get("episode_rows", [])]
    if episode is not None:
        row = next((row for row in episodes if (row["season"], row["number"]) == (season, episode)), None)
        code = episode_code(season, episode)
        if row is None:
            row = {"season": season, "number": episode, "title": "", "air_date": None}
            episodes.append(row)
            changes.append(f"new episode {code}")
        title = parsed.front.get("episode-title")
        if title and assign_row(row, {"title": title}) and changes[-1:] != [f"new episode {code}"]:
            changes.append(f"episode {code}: title")
    return {"season_rows": seasons, "episode_rows": episodes}, changes


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

    season, episode = parsed.front.get("season"), parsed.front.get("episode")
    show = show_of(title, parsed.credits.year, season=season)
    show_created = show is None
    show = show or Show()
    content = draft_of(show)
    facts = show_facts(parsed, title, season=season, existing=not show_created)
    if season is not None:
        facts.setdefault("seasons", max(show.seasons or 0, season))
        last = parsed.credits.end_year or parsed.credits.year
        if not show_created and last > (show.end_year or show.year):
            facts["end_year"] = last  # the run reaches the season
    changed = assign(show, facts)
    rows, credit_changes = merge_credits(content.get("credits", []), parsed.credits.people, by=by, season=season)
    parts, part_changes = season_parts(content, parsed, season, episode)
    if show_created:
        changes.append(f"new show {show.title}")
    elif changed:
        changes.append(f"show {show.title}: {', '.join(changed)}")
    changes += credit_changes + part_changes
    if show_created or changed or credit_changes or part_changes:
        check_clean(show, line=parsed.credits_line)
        workflow.save_draft(show, by=by, data={**content, **revisions.fields_of(show), "credits": rows, **parts},
                            note="imported from house style")
        if show.pending_changes and publish:
            workflow.publish(show, by=None, note="imported from house style")
        elif show.pending_changes:
            notices.append(f"{show.title} is published: the import's changes to its facts, seasons and credits "
                           "wait in its working copy until an editor publishes them.")

    critic = None
    if parsed.front.get("author"):
        critic, critic_created = person_named(parsed.front["author"], by=by)
        if critic_created:
            changes.append(f"new person {critic.name}")

    headline = parsed.front.get("headline") or subject_of(title, season, episode, parsed.front.get("episode-title"))
    review = Review.objects.filter(show=show, headline=headline, season=season, episode=episode).first()
    review_created = review is None
    review = review or Review(show=show, headline=headline, season=season, episode=episode)
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
        notices += [f"{critic.name} has reviewed {review.subject} before: “{earlier.headline}” "
                    f"({earlier.state.label.lower()})."
                    for earlier in earlier_reviews(show, critic, headline, season=season, episode=episode)]
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


def earlier_reviews(show: Show | None, critic, headline: str, *, season=None, episode=None) -> list[Review]:
    """The critic's other reviews of the same thing (the show, or the same season or episode of it): importing
    another is a second review, not an update."""
    if show is None or show.pk is None or critic is None or critic.pk is None:
        return []
    return list(Review.objects.filter(show=show, critic=critic, season=season, episode=episode)
                .exclude(headline=headline).order_by("pk"))


def reviews_it_would_repeat(parsed: ParsedReview, *, title: str | None = None) -> list[Review]:
    """Before an import: the reviews of the same show by the same critic that it would sit beside."""
    title = parsed.front.get("show") or title
    author = parsed.front.get("author")
    if not title or not author:
        return []
    season, episode = parsed.front.get("season"), parsed.front.get("episode")
    show = show_of(title, parsed.credits.year, season=season)
    critic = Person.objects.filter(name=tidy(author, multiline=False)).order_by("pk").first()
    headline = parsed.front.get("headline") or subject_of(title, season, episode, parsed.front.get("episode-title"))
    return earlier_reviews(show, critic, headline, season=season, episode=episode)


def check_clean(item, *, line: int) -> None:
    try:
        item.full_clean(exclude=["slug"])
    except ValidationError as error:
        messages = "; ".join(f"{name}: {' '.join(errors)}" for name, errors in error.message_dict.items())
        raise HouseStyleError(messages, line=line) from error


def house_style_of(review: Review) -> ParsedReview:
    """The review as the house style holds it, ready for ``format_review``, with its show as the show's draft has
    it (what importing the file compares with). A season's review or a recap speaks of its season: the line's
    year and EPISODES are the season's, its people those the season credits."""
    show = Show.objects.get(pk=review.show_id)
    content = draft_of(show)
    season = next((row for row in content.get("season_rows", []) if row["number"] == review.season), None)
    front = {"show": show.title}
    if review.season is not None:
        front["season"] = review.season
    if review.episode is not None:
        front["episode"] = review.episode
        title = next((row["title"] for row in content.get("episode_rows", [])
                      if (row["season"], row["number"]) == (review.season, review.episode)), "")
        if title:
            front["episode-title"] = title
    front["headline"] = review.headline
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
    trailer = (season or {}).get("trailer", "") if review.season is not None else show.trailer
    if trailer:
        front["trailer"] = trailer
    facts = {name: getattr(show, name) for name in ("distributor", "episodes", "seasons", "runtime_minutes",
                                                     "languages") if getattr(show, name)}
    year, end_year = show.year, show.end_year
    if review.season is not None:
        facts.pop("episodes", None)
        if season and season.get("episodes"):
            facts["episodes"] = season["episodes"]
        if season and season.get("year"):  # a season without its year is written with its show's
            year, end_year = season["year"], season.get("end_year")
    people = tuple(
        CreditEntry(row["role"], row["name"], row["character"], row["note"], row["order"])
        for row in sorted(content.get("credits", []), key=lambda row: row["order"])
        if review.season is None or in_seasons(row.get("first_season"), row.get("last_season"), review.season)
    )
    credits = Credits(year, end_year, show.countries, facts, people)
    return ParsedReview(front, tuple(review.paragraphs()), credits)
