"""Live and working copies: edits to a published item wait in a working copy until an editor publishes them."""

import re
import time
from datetime import timedelta

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone

from editorial import drafts, workflow
from editorial.models import AuditEntry, Status
from reviews.models import Review
from shows.models import Show
from tests import factories
from tests.factories import UNTOUCHED_PARTS

BUTTONS = {"_save_draft", "_submit", "_publish", "_unpublish", "_send_back"}


def change_url(item):
    return reverse(f"admin:{item._meta.app_label}_{item._meta.model_name}_change", args=[item.pk])


def review_post(review, button: str, **changes):
    """What the change form sends when ``button`` is pressed: the working copy as the form shows it, changed."""
    content = drafts.content_of(Review.objects.get(pk=review.pk) if review.pk else review)
    data = {
        "show": content["show_id"], "critic": content["critic_id"] or "", "headline": content["headline"],
        "slug": content["slug"], "standfirst": content["standfirst"], "body": content["body"], "rating": "",
        "tags": ", ".join(content["tags"]), "published_at_0": "", "published_at_1": "", "note": "",
        "loaded_version": Review.objects.get(pk=review.pk).version, **UNTOUCHED_PARTS, button: "pressed",
    }
    if review.published_at:
        local = timezone.localtime(review.published_at)
        data.update(published_at_0=local.strftime("%d/%m/%Y"), published_at_1=local.strftime("%H:%M:%S"))
    return {**data, **changes}


def buttons_on(page: str) -> set[str]:
    return set(re.findall(r'<input type="submit" name="(_[a-z_]+)"', page)) & BUTTONS


STATES = {
    "new": None,
    "draft": factories.DraftReviewFactory,
    "in review": factories.InReviewReviewFactory,
    "scheduled": factories.ScheduledReviewFactory,
    "live": factories.LiveReviewFactory,
}
OFFERED = {  # (role, state) → the buttons the change form shows
    ("writer", "new"): {"_save_draft", "_submit"},
    ("writer", "draft"): {"_save_draft", "_submit"},
    ("writer", "in review"): {"_save_draft"},
    ("writer", "scheduled"): {"_save_draft", "_submit"},
    ("writer", "live"): {"_save_draft", "_submit"},
    ("editor", "new"): {"_save_draft", "_submit", "_publish"},
    ("editor", "draft"): {"_save_draft", "_submit", "_publish"},
    ("editor", "in review"): {"_save_draft", "_publish", "_send_back"},
    ("editor", "scheduled"): {"_save_draft", "_submit", "_publish", "_unpublish"},
    ("editor", "live"): {"_save_draft", "_submit", "_publish", "_unpublish"},
}


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "state"), OFFERED)
def test_each_role_sees_the_buttons_it_may_press_and_the_server_refuses_the_others(client, role, state):
    user = factories.editor() if role == "editor" else factories.writer()
    client.force_login(user)
    item = STATES[state]() if STATES[state] else None
    url = change_url(item) if item else reverse("admin:reviews_review_add")
    assert buttons_on(client.get(url).content.decode()) == OFFERED[(role, state)]
    for button in BUTTONS - OFFERED[(role, state)]:
        template = item or factories.DraftReviewFactory.build(show=factories.LiveShowFactory(), slug="")
        before = Review.objects.get(pk=item.pk).version if item else None
        data = review_post(template, button, headline="Pressed anyway") if item else {
            "show": template.show_id, "headline": "Pressed anyway", "slug": "", "standfirst": "", "body": "Words.",
            "critic": "", "rating": "", "tags": "", "published_at_0": "", "published_at_1": "", **UNTOUCHED_PARTS,
            button: "pressed"}
        response = client.post(url, data)
        assert response.status_code == 200, (button, response.status_code)
        assert response.context["adminform"].form.non_field_errors(), button
        assert not Review.objects.filter(headline="Pressed anyway").exists(), button
        if item:
            assert Review.objects.get(pk=item.pk).version == before, button
            assert not Review.objects.get(pk=item.pk).pending_changes, button


@pytest.mark.django_db
def test_an_editors_draft_of_a_live_review_waits_until_publish(editor_client, client):
    review = factories.LiveReviewFactory(headline="The headline readers know")
    response = editor_client.post(change_url(review), review_post(review, "_save_draft",
                                                                   headline="A sharper headline"))
    assert response.status_code == 302
    assert "The headline readers know" in client.get(review.get_absolute_url()).content.decode()
    stored = Review.objects.get(pk=review.pk)
    assert stored.headline == "The headline readers know" and stored.pending_changes == "draft"

    form = editor_client.get(change_url(review)).content.decode()
    assert "Live, with unpublished changes (draft)" in form
    assert 'value="A sharper headline"' in form  # the form edits the working copy
    panel = form[form.index('class="working-copy"'):form.index('class="editorial-panel"')]
    assert "<del>" in panel and "<ins>" in panel and "sharper" in panel
    preview = editor_client.get(reverse("admin:reviews_review_preview", args=[review.pk])).content.decode()
    assert "A sharper headline" in preview and "unpublished changes" in preview
    assert "The headline readers know" in client.get(review.get_absolute_url()).content.decode()  # no trace left

    with factories.committing():
        editor_client.post(change_url(review), review_post(review, "_publish"))
    page = client.get(review.get_absolute_url(), follow=True).content.decode()  # the slug follows the headline
    assert "A sharper headline" in page and "The headline readers know" not in page
    assert Review.objects.get(pk=review.pk).pending_changes == ""


@pytest.mark.django_db
def test_a_writers_fix_to_a_live_review_is_submitted_then_published_by_an_editor(client):
    review = factories.LiveReviewFactory(body="A typo in the frist line.")
    writer, editor = factories.writer(), factories.editor()
    client.force_login(writer)
    response = client.post(change_url(review), review_post(review, "_submit", body="A typo fixed in the first line.",
                                                           note="Spelling."))
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Review.objects.get(pk=review.pk).body == "A typo in the frist line."
    client.force_login(editor)
    queue = client.get(reverse("admin:queue")).content.decode()
    assert review.headline in queue and "Spelling." in queue
    response = client.post(change_url(review), review_post(review, "_publish"))
    assert response.status_code == 302, response.context["adminform"].form.errors
    stored = Review.objects.get(pk=review.pk)
    assert stored.body == "A typo fixed in the first line." and stored.is_live and not stored.pending_changes
    actions = list(AuditEntry.of(review).order_by("pk").values_list("action", flat=True))
    assert actions == ["submit", "publish_changes"]  # an edit to a live review: “published a change”


@pytest.mark.django_db
def test_send_back_returns_the_working_copy_and_leaves_the_live_version(editor_client, client):
    review = factories.LiveReviewFactory(headline="Live words")
    workflow.submit(review, by=factories.writer(), data={**drafts.content_of(review), "headline": "New words"})
    editor_client.post(change_url(review), review_post(review, "_send_back", note="Not yet."))
    stored = Review.objects.get(pk=review.pk)
    assert stored.pending_changes == "draft" and stored.headline == "Live words" and stored.is_live


@pytest.mark.django_db
def test_unpublish_is_its_own_act_and_keeps_the_working_copy_as_the_draft(editor_client, client):
    review = factories.LiveReviewFactory(headline="Live words")
    workflow.save_draft(review, by=factories.writer(), data={**drafts.content_of(review),
                                                              "headline": "Unfinished words"})
    editor_client.post(change_url(review), review_post(review, "_unpublish"))
    stored = Review.objects.get(pk=review.pk)
    assert stored.status == Status.DRAFT and stored.headline == "Unfinished words" and not stored.pending_changes
    assert client.get(review.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_credits_of_a_live_show_change_only_when_the_show_is_published(editor_client, client):
    show = factories.LiveShowFactory(title="Harbour Lights")
    factories.CreditFactory(show=show, person=factories.LivePersonFactory(name="Ana Ruiz"), role="cast")
    newcomer = factories.LivePersonFactory(name="Joaquim de Sá")
    content = drafts.content_of(show)
    rows = [*content["credits"], {"person": newcomer.pk, "name": newcomer.name, "role": "director",
                                  "character": "", "note": "", "order": 0}]
    form = {
        "title": show.title, "slug": show.slug, "kind": show.kind, "year": show.year, "end_year": "", "synopsis": "",
        "tags": "", "countries": "", "distributor": "", "languages": "", "episodes": "", "seasons": "",
        "runtime_minutes": "", "published_at_0": "", "published_at_1": "", "credits_line": "", **UNTOUCHED_PARTS,
        "credits-TOTAL_FORMS": str(len(rows)), "credits-INITIAL_FORMS": "0", "credits-MIN_NUM_FORMS": "1",
        "credits-MAX_NUM_FORMS": "1000", "loaded_version": show.version, "_save_draft": "Save draft",
    }
    for i, row in enumerate(rows):
        form.update({f"credits-{i}-{name}": row[name] for name in ("person", "role", "character", "note", "order")})
    assert editor_client.post(change_url(show), form).status_code == 302
    assert list(show.credits.values_list("person__name", flat=True)) == ["Ana Ruiz"]
    page = editor_client.get(change_url(show)).content.decode()
    assert f'<option value="{newcomer.pk}" selected>' in page
    with factories.committing():
        workflow.publish(show, by=factories.editor())
    assert sorted(show.credits.values_list("person__name", flat=True)) == ["Ana Ruiz", "Joaquim de Sá"]


@pytest.mark.django_db
def test_one_confirmation_publishes_a_review_with_its_show_and_new_people(editor_client):
    show = factories.DraftShowFactory(title="Unannounced")
    factories.CreditFactory(show=show, person=factories.DraftPersonFactory(name="New Face"), role="cast")
    review = factories.DraftReviewFactory(show=show, critic=factories.DraftPersonFactory(name="New Critic"))
    response = editor_client.post(change_url(review), review_post(review, "_publish"))
    page = response.content.decode()
    assert response.status_code == 200 and "Publish the show “Unannounced” first" in page
    assert "New Face" in page and "New Critic" in page  # named beside the box that publishes them too
    response = editor_client.post(change_url(review), review_post(review, "_publish", with_dependencies="on"))
    assert response.status_code == 302
    assert Review.objects.get(pk=review.pk).is_live and Show.objects.get(pk=show.pk).is_live
    assert {p.name for p in show.credits.all().select_related("person") for p in [p.person] if p.is_live} == \
        {"New Face"}
    assert review.critic.__class__.objects.get(name="New Critic").is_live


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # content types keep their ids
def test_a_scheduled_change_goes_live_on_its_minute_without_a_job(client):
    review = factories.LiveReviewFactory(headline="Before nine")
    workflow.publish(review, by=None, at=timezone.now() + timedelta(seconds=1.5),
                     data={**drafts.content_of(review), "headline": "After nine"},
                     correction="The headline was updated at nine.")
    assert Review.objects.get(pk=review.pk).pending_changes == "scheduled"
    assert "Before nine" in client.get(review.get_absolute_url()).content.decode()
    time.sleep(2)
    response = client.get(review.get_absolute_url(), follow=True)
    page = response.content.decode()
    assert response.status_code == 200, page
    assert "After nine" in page and "The headline was updated at nine." in page
    assert not Review.objects.get(pk=review.pk).pending_changes


@pytest.mark.django_db
def test_a_correction_shows_on_the_page_in_structured_data_and_in_both_feeds(client):
    review = factories.LiveReviewFactory(published_at=timezone.now() - timedelta(days=3))
    with factories.committing():
        workflow.publish(review, by=factories.editor(), correction="An earlier version misnamed the cinematographer.",
                         data={**drafts.content_of(review), "body": "The cinematographer is Rui Poças."})
    review.refresh_from_db()
    page = client.get(review.get_absolute_url()).content.decode()
    today = timezone.localdate()
    assert "Updated <time" in page and f"{today.day} {today:%B %Y}</time>:</strong> An earlier version" in page
    assert f'"dateModified":"{review.last_changed.isoformat()}"' in page
    assert review.last_changed > review.published_at + timedelta(days=2)
    rss = feedparser.parse(client.get(reverse("feeds:latest")).content)
    atom = feedparser.parse(client.get(reverse("feeds:latest_atom")).content)
    for feed in (rss, atom):
        assert not feed.bozo, feed.bozo_exception
        entry = feed.entries[0]
        assert entry.updated_parsed > entry.published_parsed
        assert "misnamed the cinematographer" in entry.content[0].value
