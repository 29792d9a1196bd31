"""Writers draft and submit; only editors publish, schedule and unpublish — by every route."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from editorial import workflow
from editorial.models import Status
from reviews.models import Review
from tests import factories
from tests.factories import UNTOUCHED_PARTS


def review_form(review, **changes):
    data = {
        "show": review.show_id, "headline": review.headline, "slug": review.slug,
        "standfirst": review.standfirst, "body": review.body, "critic": review.critic_id,
        "rating": "3.5", "tags": "", "published_at_0": "", "published_at_1": "", **UNTOUCHED_PARTS,
        "loaded_version": factories.opened_version(review),
    }
    pressed = {} if any(key.startswith("_") for key in changes) else {"_save_draft": "Save draft"}
    return {**data, **pressed, **changes}


def change_url(review):
    return reverse("admin:reviews_review_change", args=[review.pk])


def action(client, name, *items):
    return client.post(
        reverse("admin:reviews_review_changelist"),
        {"action": name, "_selected_action": [item.pk for item in items]},
        follow=True,
    )


@pytest.mark.django_db
class TestWriter:
    def test_can_save_a_draft_and_submit_it(self, writer_client, writer):
        review = factories.DraftReviewFactory()
        response = writer_client.post(change_url(review), review_form(review, _submit="Submit"))
        assert response.status_code == 302
        review.refresh_from_db()
        assert review.status == Status.IN_REVIEW and review.updated_by == writer

    def test_cannot_publish_through_the_change_form(self, writer_client):
        review = factories.DraftReviewFactory()
        response = writer_client.post(change_url(review), review_form(review, _publish="Publish"))
        assert response.status_code == 200
        assert "Only an editor can publish" in response.content.decode()
        assert 'name="_publish"' not in writer_client.get(change_url(review)).content.decode()
        assert Review.objects.get(pk=review.pk).status == Status.DRAFT

    def test_cannot_schedule_through_the_add_form(self, writer_client):
        template = factories.DraftReviewFactory.build(
            show=factories.LiveShowFactory(), critic=factories.LivePersonFactory(), slug=""
        )
        tomorrow = timezone.localtime() + timedelta(days=1)
        data = review_form(template, _publish="Publish", headline="Sneaked in",
                           published_at_0=tomorrow.strftime("%d/%m/%Y"), published_at_1="09:00:00")
        response = writer_client.post(reverse("admin:reviews_review_add"), data)
        assert response.status_code == 200
        assert response.context["adminform"].form.errors == {"__all__": [
            "Only an editor can publish, schedule, unpublish or send back. Save a draft or submit it for review."]}
        assert not Review.objects.filter(headline="Sneaked in").exists()

    def test_cannot_publish_or_unpublish_by_admin_action(self, writer_client):
        draft, live = factories.DraftReviewFactory(), factories.LiveReviewFactory()
        action(writer_client, "publish", draft)
        action(writer_client, "unpublish", live)
        assert Review.objects.get(pk=draft.pk).status == Status.DRAFT
        assert Review.objects.get(pk=live.pk).is_live

    def test_edits_a_live_review_as_a_working_copy_but_cannot_delete_it(self, writer_client, client):
        live = factories.LiveReviewFactory(headline="As published")
        response = writer_client.post(change_url(live), review_form(live, headline="As the writer fixed it",
                                                                    _submit="Submit"))
        assert response.status_code == 302
        stored = Review.objects.get(pk=live.pk)
        assert stored.headline == "As published" and stored.pending_changes == "in_review"
        assert "As published" in client.get(live.get_absolute_url()).content.decode()
        delete = writer_client.post(reverse("admin:reviews_review_delete", args=[live.pk]), {"post": "yes"})
        assert delete.status_code == 403
        assert Review.objects.filter(pk=live.pk).exists()

    def test_can_read_a_live_review_in_the_admin(self, writer_client):
        live = factories.LiveReviewFactory()
        assert writer_client.get(change_url(live)).status_code == 200

    def test_cannot_publish_through_the_service(self, writer):
        draft = factories.DraftReviewFactory()
        with pytest.raises(PermissionDenied):
            workflow.publish(draft, by=writer)
        assert Review.objects.get(pk=draft.pk).status == Status.DRAFT

    def test_cannot_publish_a_show_or_person_either(self, writer_client):
        show = factories.DraftShowFactory()
        action_url = reverse("admin:shows_show_changelist")
        writer_client.post(action_url, {"action": "publish", "_selected_action": [show.pk]})
        show.refresh_from_db()
        assert show.status == Status.DRAFT

    def test_the_service_refuses_even_if_the_form_is_bypassed(self, rf, writer):
        from django.contrib.admin.sites import site

        draft = factories.DraftReviewFactory()
        request = rf.post("/", {"_publish": "Publish"})
        request.user = writer
        form = SimpleNamespace(cleaned_data={}, button="_publish")
        with pytest.raises(PermissionDenied):
            site._registry[Review].press(request, form, draft, None)
        assert Review.objects.get(pk=draft.pk).status == Status.DRAFT


@pytest.mark.django_db
class TestEditor:
    def test_publishes_with_the_change_form_and_time_defaults_to_now(self, editor_client, editor):
        review = factories.DraftReviewFactory()
        response = editor_client.post(change_url(review), review_form(review, _publish="Publish"))
        assert response.status_code == 302
        review.refresh_from_db()
        assert review.is_live and review.updated_by == editor
        assert timezone.now() - review.published_at < timedelta(minutes=1)

    def test_schedules_with_a_future_time(self, editor_client):
        review = factories.DraftReviewFactory()
        later = timezone.localtime() + timedelta(days=3)
        editor_client.post(change_url(review), review_form(
            review, _publish="Publish",
            published_at_0=later.strftime("%d/%m/%Y"), published_at_1=later.strftime("%H:%M:%S"),
        ))
        review.refresh_from_db()
        assert review.status == Status.PUBLISHED and not review.is_live
        assert review in Review.objects.scheduled()

    def test_publish_and_unpublish_actions(self, editor_client):
        drafts = factories.DraftReviewFactory.create_batch(2)
        response = action(editor_client, "publish", *drafts)
        assert "2 reviews published" in response.content.decode()
        assert Review.objects.live().count() == 2
        response = action(editor_client, "unpublish", *drafts)
        assert "2 reviews unpublished" in response.content.decode()
        assert Review.objects.live().count() == 0

    def test_a_review_never_goes_live_before_its_show(self, editor_client):
        draft_show = factories.DraftShowFactory(title="Not Yet Announced")
        review = factories.DraftReviewFactory(show=draft_show)
        response = editor_client.post(change_url(review), review_form(review, _publish="Publish"))
        assert response.status_code == 200
        assert "Publish the show “Not Yet Announced” first" in response.content.decode()
        response = action(editor_client, "publish", review)
        assert "Publish the show “Not Yet Announced” first" in response.content.decode()
        assert not Review.objects.get(pk=review.pk).is_live
        draft_show.status, draft_show.published_at = Status.PUBLISHED, timezone.now() + timedelta(days=2)
        draft_show.save()
        action(editor_client, "publish", review)
        assert Review.objects.get(pk=review.pk).status == Status.DRAFT  # the show is only scheduled

    def test_writer_submission_reaches_the_editor(self, writer, editor):
        draft = factories.DraftReviewFactory()
        workflow.submit(draft, by=writer)
        workflow.publish(draft, by=editor)
        assert Review.objects.get(pk=draft.pk).is_live


@pytest.mark.django_db
def test_writer_cannot_rename_or_merge_tags(writer_client):
    from taggit.models import Tag

    factories.LiveReviewFactory().tags.set(["drama"])
    tag = Tag.objects.get(name="drama")
    response = writer_client.post(reverse("admin:taggit_tag_change", args=[tag.pk]), {"name": "vandal", "slug": "v"})
    assert response.status_code == 403
    with pytest.raises(NoReverseMatch):  # taggit's unguarded merge page is not mounted
        reverse("admin:taggit_tag_merge_tags")
    assert Tag.objects.get(pk=tag.pk).name == "drama"
