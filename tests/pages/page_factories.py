"""Pages by state, as tests/factories.py names the other content types' factories, and what their form posts."""

from datetime import timedelta

import factory
from django.urls import reverse
from django.utils import timezone

from editorial import drafts
from editorial.models import Status
from pages.models import Page
from tests.factories import LiveMixin


class LivePageFactory(LiveMixin):
    class Meta:
        model = Page

    title = factory.Sequence(lambda n: f"Page number {n}")
    standfirst = "A line under the title."
    body = "A first paragraph.\nA second paragraph."


class DraftPageFactory(LivePageFactory):
    status = Status.DRAFT
    published_at = None


class ScheduledPageFactory(LivePageFactory):
    published_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=2))


def change_url(page) -> str:
    return reverse("admin:pages_page_change", args=[page.pk])


def admin_url(page, suffix: str, *args) -> str:
    return reverse(f"admin:pages_page_{suffix}", args=[page.pk, *args])


def page_post(page, button: str = "_save_draft", **changes) -> dict:
    """What the change form sends when ``button`` is pressed: the page's draft as the form shows it, changed."""
    stored = Page.objects.get(pk=page.pk)
    content = drafts.content_of(stored)
    data = {"title": content["title"], "slug": content["slug"], "standfirst": content["standfirst"],
            "body": content["body"], "masthead": "on" if content["masthead"] else "",
            "footer_order": "" if content["footer_order"] is None else content["footer_order"],
            "published_at_0": "", "published_at_1": "", "note": "", "loaded_version": stored.version,
            button: "pressed"}
    if not data["masthead"]:
        del data["masthead"]  # an unticked box sends nothing
    if stored.published_at:
        local = timezone.localtime(stored.published_at)
        data.update(published_at_0=local.strftime("%d/%m/%Y"), published_at_1=local.strftime("%H:%M:%S"))
    return {**data, **changes}


def new_page_post(button: str = "_save_draft", **fields) -> dict:
    data = {"title": "About", "slug": "", "standfirst": "", "body": "Who we are.", "footer_order": "",
            "published_at_0": "", "published_at_1": "", "note": "", button: "pressed"}
    return {**data, **fields}
