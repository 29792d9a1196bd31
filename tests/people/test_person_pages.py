"""A person's page is a filmography: headshot, bio, every show once (newest first) with all they did on it,
then reviews of their work once; a critic's page leads with their reviews and their feed."""

import re

import pytest
from django.conf import settings

from editorial.models import Status
from reviews.mentions import refresh_mentions
from shows.credits import filmography, roles_phrase
from shows.models import Credit
from tests import factories

pytestmark = pytest.mark.django_db
Role = Credit.Role


def section(html: str, heading_id: str) -> str:
    """The HTML of the <section> a heading with this id opens ("" when there is none)."""
    found = re.search(rf'<section aria-labelledby="{heading_id}">(.*?)</section>', html, re.S)
    return found[1] if found else ""


def card_headlines(html: str) -> list[str]:
    return re.findall(r'<h3 class="card-headline"><a href="[^"]+">([^<]+)</a>', html)


@pytest.fixture
def amy():
    """A creator-writer-director of a 2025 series, also an actor in a 2019 film and director and actor of a 2022 one."""
    amy = factories.LivePersonFactory(name="Amy Sherman-Palladino", bio="Writer and director.\nBorn in Los Angeles.")
    etoile = factories.LiveShowFactory(title="ÉTOILE", kind="series", year=2025)
    marvellous = factories.LiveShowFactory(title="Marvellous", year=2019)
    bunheads = factories.LiveShowFactory(title="Bunheads", year=2022)
    for role in (Role.DIRECTOR, Role.WRITER, Role.CREATOR):
        factories.CreditFactory(show=etoile, person=amy, role=role)
    factories.CreditFactory(show=marvellous, person=amy, role=Role.CAST, character="A waitress")
    factories.CreditFactory(show=bunheads, person=amy, role=Role.DIRECTOR)
    factories.CreditFactory(show=bunheads, person=amy, role=Role.CAST, character="Herself")
    hidden = factories.DraftShowFactory(title="Unannounced Project", year=2027)
    factories.CreditFactory(show=hidden, person=amy, role=Role.WRITER)
    return amy, etoile, marvellous, bunheads


def test_roles_are_named_once_in_one_phrase():
    assert roles_phrase([Role.DIRECTOR, Role.WRITER, Role.CREATOR]) == "Creator, writer and director"
    assert roles_phrase([Role.DIRECTOR, Role.WRITER], plural=True) == "Writers and directors"
    assert roles_phrase([Role.MUSIC]) == "Composer"


def test_credits_are_grouped_by_show_newest_first_with_every_role(client, amy):
    person, etoile, marvellous, bunheads = amy
    html = client.get(person.get_absolute_url()).content.decode()
    credits = section(html, "credits-heading")
    titles = re.findall(r'class="filmography-title" href="[^"]+">([^<]+)</a>', credits)
    assert titles == ["ÉTOILE", "Bunheads", "Marvellous"]  # each show once, newest first; the draft show not at all
    roles = [" ".join(re.sub(r"<[^>]+>", " ", text).split())
             for text in re.findall(r'<span class="filmography-roles">(.*?)</span>\n', credits, re.S)]
    assert roles == ["Creator, writer and director", "Director; as Herself", "as A waitress"]
    assert "Unannounced" not in html


def test_a_series_is_dated_by_its_last_year(amy):
    person, etoile, marvellous, bunheads = amy
    marvellous.end_year = 2026
    marvellous.save()
    lines = filmography(person.credits.filter(show__status=Status.PUBLISHED).select_related("show"))
    assert [line.show.title for line in lines][:2] == ["Marvellous", "ÉTOILE"]


def test_the_page_opens_with_headshot_and_bio(client, amy):
    person = amy[0]
    html = client.get(person.get_absolute_url()).content.decode()
    head = html[html.index('<header class="person-head">'):html.index("</header>", html.index("person-head"))]
    assert 'class="headshot-placeholder"' in head and "<span>AS</span>" in head  # no headshot yet: initials
    assert '<p class="bio">Writer and director.</p><p class="bio">Born in Los Angeles.</p>' in head
    assert '<p class="kicker">Director · Actor · Creator · Writer</p>' in head  # what they do most, first


def test_each_review_appears_once(client, amy):
    person, etoile, marvellous, bunheads = amy
    of_work = factories.LiveReviewFactory(show=etoile, headline="A review of ÉTOILE",
                                          body="Amy Sherman-Palladino at her most herself.")
    elsewhere = factories.LiveReviewFactory(headline="A review that names her",
                                            body="It owes a debt to Amy Sherman-Palladino.")
    draft = factories.DraftReviewFactory(headline="A draft that names her", body="Amy Sherman-Palladino again.")
    for review in (of_work, elsewhere, draft):
        refresh_mentions(review)
    assert of_work.mentions.filter(person=person).exists()  # named in the body: a mention as well as her work
    html = client.get(person.get_absolute_url()).content.decode()
    assert card_headlines(section(html, "work-heading")) == ["A review of ÉTOILE"]
    assert card_headlines(section(html, "mentioned-heading")) == ["A review that names her"]
    assert html.count("A review of ÉTOILE") == 1 and "A draft" not in html


def test_a_critic_page_leads_with_their_reviews_and_their_feed(client):
    critic = factories.LivePersonFactory(name="Siobhán O’Rourke", bio="Television critic.")
    reviews = factories.LiveReviewFactory.create_batch(settings.PAGE_SIZE + 2, critic=critic)
    factories.DraftReviewFactory(critic=critic, headline="Unfinished")
    html = client.get(critic.get_absolute_url()).content.decode()
    assert '<p class="kicker">Critic</p>' in html
    sections = re.findall(r'<section aria-labelledby="([^"]+)">', html)
    assert sections[0] == "written-heading"
    written = card_headlines(section(html, "written-heading"))
    newest = sorted(reviews, key=lambda r: r.published_at, reverse=True)
    assert written == [r.headline for r in newest[: settings.PAGE_SIZE]]
    follow = re.search(r'<p class="follow">(.*?)</p>', html, re.S)[1]
    assert f'href="/feeds/critics/{critic.slug}/">RSS</a>' in follow
    assert f'href="/feeds/critics/{critic.slug}/atom/">Atom</a>' in follow
    more = re.search(r'<a href="([^"]+)">All (\d+) reviews by', html)
    assert more[2] == str(settings.PAGE_SIZE + 2)
    archive = client.get(more[1].replace("&amp;", "&"))
    assert archive.status_code == 200 and "Unfinished" not in archive.content.decode()
    assert card_headlines(archive.content.decode()) == [r.headline for r in newest[: settings.PAGE_SIZE]]


def test_a_person_without_live_work_has_no_empty_sections(client):
    person = factories.LivePersonFactory(name="Quiet Person")
    factories.CreditFactory(person=person, show=factories.DraftShowFactory())
    html = client.get(person.get_absolute_url()).content.decode()
    assert "section-heading" not in html
    assert factories.DraftPersonFactory(name="Hidden Person").slug not in client.get("/people/").content.decode()


def test_a_draft_person_has_no_page(client):
    person = factories.LivePersonFactory(name="Gone Soon")
    person.status = Status.DRAFT
    person.save()
    assert client.get(person.get_absolute_url()).status_code == 404
