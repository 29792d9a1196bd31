"""The masthead lists the magazine's critics from their person records: headshot, beat, page and feed, in a number
of queries that does not grow with the number of critics."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from people.models import Person
from tests import factories
from tests.magazine.test_query_counts import renditions
from tests.pages.page_factories import LivePageFactory

pytestmark = pytest.mark.django_db


def listed(html: str) -> list[str]:
    return re.findall(r'<h3 class="critic-name"><a href="[^"]+">([^<]+)</a></h3>', html)


@pytest.fixture
def masthead():
    return LivePageFactory(title="Masthead", masthead=True, body="Who writes for us.")


def test_critics_come_from_their_records(client, masthead):
    siobhan = factories.LivePersonFactory(name="Siobhán O’Rourke", beat="Television, mostly")
    factories.LiveReviewFactory.create_batch(2, critic=siobhan)
    emile = factories.LivePersonFactory(name="Émile Zola")
    factories.LiveReviewFactory(critic=emile)
    Person.objects.filter(pk=emile.pk).update(image="pictures/emile.jpg", image_alt="Émile at his desk.",
                                              image_width=800, image_height=800, image_renditions=renditions())
    html = client.get("/masthead/").content.decode()
    assert listed(html) == ["Émile Zola", "Siobhán O’Rourke"]  # by folded name: É files under E
    entry = html[html.index("Siobhán O’Rourke"):]
    entry = entry[:entry.index("</li>")]
    assert '<p class="critic-beat">Television, mostly</p>' in entry and "2 reviews" in entry
    assert f'href="/feeds/critics/{siobhan.slug}/"' in entry and f'href="/feeds/critics/{siobhan.slug}/atom/"' in entry
    assert f'href="{siobhan.get_absolute_url()}"' in html
    assert 'class="headshot-placeholder critic-picture"' in html and "<span>SO</span>" in html  # no headshot: initials
    assert 'alt="Émile at his desk."' in html  # a headshot: the project's picture


def test_only_live_critics_of_live_reviews_are_listed(client, masthead):
    factories.LiveReviewFactory(critic=factories.LivePersonFactory(name="On The Masthead"))
    factories.DraftReviewFactory(critic=factories.LivePersonFactory(name="Only A Draft"))
    factories.ScheduledReviewFactory(critic=factories.LivePersonFactory(name="Not Yet"))
    factories.LiveReviewFactory(critic=factories.DraftPersonFactory(name="Unpublished Critic"))
    factories.CreditFactory(person=factories.LivePersonFactory(name="Just An Actor"))
    assert listed(client.get("/masthead/").content.decode()) == ["On The Masthead"]


def test_a_page_that_is_not_the_masthead_lists_no_one(client):
    factories.LiveReviewFactory(critic=factories.LivePersonFactory(name="A Critic"))
    LivePageFactory(title="About")
    html = client.get("/about/").content.decode()
    assert "critics-heading" not in html and "A Critic" not in html


def count_queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/masthead/")
    assert response.status_code == 200
    return len(captured)


def test_the_masthead_asks_as_much_for_six_critics_as_for_two(client, masthead, django_assert_max_num_queries):
    critics = factories.LivePersonFactory.create_batch(2, beat="Film")
    for critic in critics:
        factories.LiveReviewFactory.create_batch(2, critic=critic)
    client.get("/masthead/")  # warm-up: what a process asks once (the next scheduled change, the footer)
    small = count_queries(client)
    assert len(listed(client.get("/masthead/").content.decode())) == 2
    for critic in factories.LivePersonFactory.create_batch(4, beat="Television"):
        factories.LiveReviewFactory.create_batch(3, critic=critic)
    Person.objects.update(image="pictures/x.jpg", image_alt="A face.", image_width=800, image_height=800,
                          image_renditions=renditions())  # pictures live on the row: they cost no query
    with django_assert_max_num_queries(small):
        html = client.get("/masthead/").content.decode()
    assert len(listed(html)) == 6 and html.count('alt="A face."') == 6
    assert count_queries(client) == small
