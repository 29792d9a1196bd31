"""The magazine's backup carries its own pages as it carries people and shows: fields, state, working copy, old
addresses and corrections, out to plain files and back into an empty magazine."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from editorial import drafts, workflow
from pages.models import Page
from tests import factories
from tests.backups.test_backup import empty_the_magazine, items, magazine_is_empty, rewrite
from tests.pages.page_factories import DraftPageFactory, LivePageFactory, ScheduledPageFactory

pytestmark = pytest.mark.django_db


def some_pages():
    with factories.committing():
        about = LivePageFactory(title="About", slug="about", footer_order=1, body="We *review* films.\n* * *\nIt ends.")
        masthead = LivePageFactory(title="Masthead", masthead=True, footer_order=2, standfirst="Who *we* are.")
        factories.LiveReviewFactory(critic=factories.LivePersonFactory(name="A Critic", beat="Film"))
        about.slug = "about-us"  # an old address that must keep redirecting
        about.save()
        workflow.save_draft(masthead, by=None, data={**drafts.content_of(masthead), "body": "A working copy."})
        workflow.publish(LivePageFactory(title="Privacy"), by=None, correction="The log period was wrong.",
                         data={**drafts.content_of(Page.objects.get(title="Privacy")), "body": "Fourteen days."})
        DraftPageFactory(title="Contact")
        ScheduledPageFactory(title="Coming")


def test_pages_go_out_and_come_back_whole(client, tmp_path, media_root):
    some_pages()
    before = items()
    pages_before = {path: client.get(path).content.decode() for path in ("/about-us/", "/masthead/", "/privacy/")}
    out = StringIO()
    call_command("export_magazine", str(tmp_path / "export"), stdout=out, stderr=StringIO())
    assert "5 pages" in out.getvalue()
    lines = (tmp_path / "export" / "pages.jsonl").read_text().splitlines()
    assert {json.loads(line)["fields"]["title"] for line in lines} == {"About", "Masthead", "Privacy", "Contact",
                                                                    "Coming"}
    empty_the_magazine(media_root)
    assert client.get("/masthead/").status_code == 404
    out = StringIO()
    with factories.committing():
        call_command("import_magazine", str(tmp_path / "export"), stdout=out, stderr=StringIO())
    assert "5 pages" in out.getvalue()
    assert items() == before
    for path, html in pages_before.items():
        assert client.get(path).content.decode() == html, path
    assert client.get("/about/")["Location"] == "/about-us/"
    assert Page.objects.get(title="Masthead").pending_changes == "draft"
    assert "A working copy." not in pages_before["/masthead/"]


def test_a_page_whose_address_is_a_section_is_refused_by_the_import(tmp_path, media_root):
    with factories.committing():
        LivePageFactory(title="About", slug="about")
    export = tmp_path / "export"
    call_command("export_magazine", str(export), stdout=StringIO(), stderr=StringIO())
    empty_the_magazine(media_root)
    rewrite(export, "pages.jsonl", lambda text: text.replace('"slug": "about"', '"slug": "reviews"'))
    with pytest.raises(CommandError) as refused:
        call_command("import_magazine", str(export), stdout=StringIO(), stderr=StringIO())
    assert "pages.jsonl:1" in str(refused.value) and "site’s own sections" in str(refused.value)
    assert magazine_is_empty(media_root)
