"""The review page's parts: the film frame where there is no still, the side column, the critic at the end."""

import re

import pytest

from tests import factories


@pytest.fixture
def review(db):
    show = factories.LiveShowFactory(title="Harbour Lights", kind="film", year=2025, runtime_minutes=118)
    critic = factories.LivePersonFactory(name="Ines Farrow-Baptiste", bio="Film critic with a weakness for long takes.")
    return factories.LiveReviewFactory(show=show, critic=critic, headline="Harbour Lights lets the river talk",
                                       standfirst="")


def test_a_review_without_a_still_gets_a_film_frame_with_the_show_title(client, review):
    html = client.get(review.get_absolute_url()).content.decode()
    frame = re.search(r'<div class="still-placeholder tone-[1-6] hero hero-placeholder" aria-hidden="true">(.*?)</div>',
                      html, re.S)
    assert frame and "Harbour Lights" in frame.group(1) and "Film · 2025" in frame.group(1)
    assert "<figure" not in html.split('class="review-layout"')[0]  # no empty figure above the text


def test_cards_without_a_still_keep_the_grid_even(client, review):
    factories.LiveReviewFactory(headline="A newer one", standfirst="")  # so the first is a card, not the lead
    home = client.get("/").content.decode()
    assert home.count('class="still-placeholder ') == 2  # the lead review's frame and the card's
    card = home[home.index('<article class="card">'):]
    assert card.index("still-placeholder") < card.index('class="card-headline"')  # where the still would be


def test_the_same_show_always_gets_the_same_colourway(client, review):
    first = re.search(r"still-placeholder (tone-\d)", client.get(review.get_absolute_url()).content.decode())
    again = re.search(r"still-placeholder (tone-\d)", client.get(review.get_absolute_url()).content.decode())
    assert first.group(1) == again.group(1)


def test_the_side_column_holds_the_facts_and_credits_and_the_critic_closes_the_text(client, review):
    factories.CreditFactory(show=review.show, role="director", person=factories.LivePersonFactory(name="Catarina"))
    html = client.get(review.get_absolute_url()).content.decode()
    aside = html[html.index('<aside class="credits-box"'):html.index("</aside>")]
    assert "Runtime" in aside and "118 mins" in aside and "Catarina" in aside and 'class="credits-kind">Film<' in aside
    body = html[html.index('<div class="review-body">'):html.index('<aside class="credits-box"')]
    critic = body[body.index('<section class="about-critic"'):]
    assert "Ines Farrow-Baptiste" in critic and "a weakness for long takes" in critic
    assert f'href="{review.critic.get_absolute_url()}">More from Ines Farrow-Baptiste →</a>' in critic
