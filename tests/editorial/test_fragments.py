"""Pieces of pages rendered once per version of what they show: never stale, and not rendered again."""

import pytest
from django.template import Context, Template, TemplateSyntaxError

from editorial import drafts, workflow
from editorial.fragments import Fragments, fragments
from tests import factories


@pytest.fixture(autouse=True)
def empty_fragments():
    fragments.clear()
    yield
    fragments.clear()


@pytest.mark.django_db
def test_the_home_page_renders_each_card_once_and_again_after_an_edit(client):
    factories.LiveReviewFactory(headline="The featured one"), factories.LiveReviewFactory(headline="Another one")
    review = factories.LiveReviewFactory(headline="First edition")  # the oldest: a card, not the featured review
    client.get("/")
    misses = fragments.misses
    assert misses >= 2
    assert "First edition" in client.get("/").content.decode()
    assert fragments.misses == misses and fragments.hits >= 2  # the same cards, not rendered again
    with factories.committing():
        workflow.publish(review, by=factories.editor(), data={**drafts.content_of(review),
                                                               "headline": "Second edition"})
    page = client.get("/").content.decode()
    assert "Second edition" in page and "First edition" not in page
    assert fragments.misses == misses + 1  # only the edited card


@pytest.mark.django_db
def test_a_renamed_show_or_critic_changes_the_card(client):
    review = factories.LiveReviewFactory()
    client.get("/")
    review.show.title = "A Brand New Title"
    review.show.save()
    review.critic.name = "Renamed Critic"
    review.critic.save()
    page = client.get("/").content.decode()
    assert "A Brand New Title" in page and "Renamed Critic" in page


@pytest.mark.django_db
def test_a_show_going_live_changes_the_fragments_that_name_it(client):
    show = factories.DraftShowFactory(title="Not Yet Out")
    template = Template("{% load fragments %}{% fragment show %}{% if show.is_live %}live{% else %}draft"
                        "{% endif %}{% endfragment %}")
    assert template.render(Context({"show": show})) == "draft"
    with factories.committing():
        workflow.publish(show, by=factories.editor())
    show.refresh_from_db()
    assert template.render(Context({"show": show})) == "live"


def test_the_store_keeps_a_bounded_number_of_fragments():
    store = Fragments(size=2)
    for n in range(3):
        store.get_or_render(("key", n), lambda n=n: f"html {n}")
    assert list(store.kept) == [("key", 1), ("key", 2)]


def test_a_fragment_must_name_what_it_shows():
    with pytest.raises(TemplateSyntaxError, match="names the items"):
        Template("{% load fragments %}{% fragment %}x{% endfragment %}")


@pytest.mark.django_db
def test_a_value_written_without_a_save_is_named_itself():
    review = factories.LiveReviewFactory()
    template = Template("{% load fragments %}{% fragment review review.image_renditions %}"
                        "{{ review.image_renditions.crops|length }}{% endfragment %}")
    assert template.render(Context({"review": review})) == "0"
    review.image_renditions = {"crops": {"card": {}}}  # as pictures write them after the commit, with update()
    assert template.render(Context({"review": review})) == "1"


@pytest.mark.django_db
def test_the_review_page_is_rendered_once_and_follows_its_credits(client):
    review = factories.LiveReviewFactory()
    credit = factories.CreditFactory(show=review.show, person=factories.LivePersonFactory(name="Ada Quennell"))
    url = review.get_absolute_url()
    client.get(url)
    misses = fragments.misses
    assert misses >= 3  # the header, the critic, the credits box
    client.get(url)
    assert fragments.misses == misses
    credit.person.name = "Ada Quennell-Brook"
    credit.person.save()
    assert "Ada Quennell-Brook" in client.get(url).content.decode()
    credit.delete()
    assert "Ada Quennell" not in client.get(url).content.decode()
