"""People and shows a review's body names, found when the review is saved and linked when it is shown."""

from django.db import transaction
from django.db.models import Prefetch
from django.utils.safestring import mark_safe

from editorial import markup
from editorial.names import candidates, name_key
from people.models import Person
from reviews.models import Mention, Review
from shows.models import Show

MIN_SINGLE_WORD = 4  # a one-word name shorter than this (“It”, “Up”) is too common to find in prose


def plausible(key: str, original: str) -> bool:
    """A name as prose writes it: capitalised, and not a short common word."""
    return original[:1].isupper() and (" " in key or len(key) >= MIN_SINGLE_WORD)


def detect(body: str) -> list[tuple[object, str]]:
    """(person or show, the words that name it), once each, in the order the body first names them; in
    italics or a quotation too, as the words read with the markup off."""
    found = {}
    for paragraph in markup.read_lines(body):
        spans = {key: places for key, places in candidates(paragraph).items()
                 if plausible(key, paragraph[places[0][0]:places[0][1]])}
        for model in (Person, Show):
            for item in model.objects.filter(match_key__in=list(spans)).order_by("pk"):
                start, end = spans[item.match_key][0]
                found.setdefault((model, item.match_key), (item, paragraph[start:end]))
    return list(found.values())


@transaction.atomic
def refresh_mentions(review: Review) -> list[Mention]:
    """Bring the review's mentions in line with its body; an editor's “not this one” is kept."""
    existing = {(m.person_id, m.show_id): m for m in review.mentions.all()}
    keep = []
    for item, words in detect(review.body):
        key = (item.pk, None) if isinstance(item, Person) else (None, item.pk)
        mention = existing.pop(key, None) or Mention(review=review, **{
            "person" if isinstance(item, Person) else "show": item})
        mention.text = words
        mention.save()
        keep.append(mention)
    Mention.objects.filter(pk__in=[m.pk for m in existing.values()]).delete()
    return keep


def mentions_follow_the_body(sender, item, **kwargs) -> None:
    """After a review's change commits: what its body names now."""
    refresh_mentions(item)


def with_mentions(reviews):
    """Reviews with what their linked bodies need, in one more query however many there are."""
    return reviews.prefetch_related(
        Prefetch("mentions", queryset=Mention.objects.filter(wrong=False).select_related("person", "show")))


def mention_links(review: Review, absolute=str) -> dict[str, str]:
    """Name key → page, for the live people and shows the review names (mentions should be prefetched)."""
    links = {}
    for mention in review.mentions.all():
        target = mention.target
        if not mention.wrong and target is not None and target.is_live:
            links.setdefault(name_key(mention.text), absolute(target.get_absolute_url()))
    return links


def work_titles(review: Review) -> frozenset[str]:
    """Name keys of the shows the body names (mentions should be prefetched): set in italics, as titles of works
    are, linked or not; an editor's “not this one” leaves the words roman."""
    return frozenset(name_key(m.text) for m in review.mentions.all() if m.show_id and not m.wrong)


def body_with_links(review: Review, absolute=str) -> str:
    """The body as HTML (editorial.markup): its marks, the titles of the shows it names in italics, the live
    people and shows it names linked once. ``absolute`` turns a path into the address to link (a feed's links must
    be absolute). The HTML depends on nothing but its arguments, so each process keeps the latest bodies: the
    names are found once per version of the text and of its live links, not once per reader."""
    links = tuple(sorted(mention_links(review, absolute).items()))
    return mark_safe(markup.to_html(review.body, links, work_titles(review)))
