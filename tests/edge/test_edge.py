"""The magazine behind the shipped Varnish: gunicorn with two workers, each delivering the outbox from its own
thread, a Redis of its own, and varnishd in front. A publish purges exactly the pages that show it, through the
outbox, and neither an edge that was down nor an app that was down leaves a page stale."""

import http.client
import subprocess
import sys

import pytest

from tests.paths import ROOT
from tests.servers import Site, Varnish, site_behind_varnish, wait_for

PUBLISH = """
from django.db import transaction
from editorial import outbox, workflow
from editorial.publication import public_change
from reviews.models import Review
touched = []
public_change.connect(lambda keys=None, **kwargs: touched.extend(keys), weak=False)
review = Review.objects.drafts().order_by("pk").first()
with transaction.atomic():
    review.headline = {headline!r}
    review.save()
    workflow.publish(review, by=None)
print("url", review.get_absolute_url())
print("purges", *sorted(touched))
if {deliver!r}:
    outbox.deliver_due()
"""

LEFT = "from editorial.outbox import OutboxMessage\nprint(*OutboxMessage.objects.values_list('attempts', flat=True))"

SESSION = """
from importlib import import_module
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.auth.models import Group
user = get_user_model().objects.create_user("edge-editor", password="edge-editor-pass", is_staff=True)
user.groups.add(Group.objects.get(name="Editors"))
session = import_module(settings.SESSION_ENGINE).SessionStore()
session.update({SESSION_KEY: str(user.pk), BACKEND_SESSION_KEY: "django.contrib.auth.backends.ModelBackend",
                HASH_SESSION_KEY: user.get_session_auth_hash()})
session.create()
print(session.session_key)
"""


@pytest.fixture
def edge(tmp_path):
    with site_behind_varnish(tmp_path, SITE_OUTBOX_POLL_SECONDS="0.5") as varnish:
        yield varnish


def app_keys(site: Site, path: str) -> set[str]:
    """The surrogate keys the app names for ``path`` (asked of gunicorn itself: the edge never shows them)."""
    connection = http.client.HTTPConnection("127.0.0.1", site.port, timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return set((response.getheader("Surrogate-Key") or "").split())
    finally:
        connection.close()


def verdict(edge: Varnish, path: str, headers: dict | None = None) -> str:
    return edge.get(path, headers)[1]["x-cache"]


PAGES = """
from people.models import Person
from reviews.models import Review
from taggit.models import Tag
for review in Review.objects.live().order_by("pk"):
    print(review.get_absolute_url(), review.show.get_absolute_url(), review.critic.get_absolute_url())
for person in Person.objects.live().order_by("pk")[:6]:
    print(person.get_absolute_url())
for tag in Tag.objects.order_by("pk")[:3]:
    print(f"/tags/{tag.slug}/")
"""


def pages(edge: Varnish) -> list[str]:
    """The home page, the lists, and the pages of what is live: reviews, shows, critics, people and tags."""
    paths = ["/", "/reviews/", "/shows/", "/people/", "/robots.txt", *dict.fromkeys(edge.site.python(PAGES).split())]
    return [path for path in paths if edge.get(path)[0] == 200]


def kept(edge: Varnish, paths: list[str]) -> None:
    for path in paths:
        edge.get(path)
        assert verdict(edge, path) == "HIT", path


def test_a_readers_page_is_kept_and_a_signed_in_editors_never(edge):
    assert [verdict(edge, "/") for _ in range(3)] == ["MISS", "HIT", "HIT"]
    session = {"Cookie": f"sessionid={edge.site.python(SESSION).strip()}"}
    status, headers, body = edge.get("/admin/", session)
    assert status == 200 and b"edge-editor" in body  # signed in through the edge
    assert [verdict(edge, path, session) for path in ["/", "/", "/admin/", "/admin/"]] == ["MISS"] * 4
    assert verdict(edge, "/") == "HIT"  # what readers are served was left alone


def test_a_publish_purges_the_pages_that_show_it_and_leaves_the_others_kept(edge):
    paths = pages(edge)
    keys = {path: app_keys(edge.site, path) for path in paths}
    kept(edge, paths)
    out = edge.site.python(PUBLISH.format(headline="Published behind the edge", deliver=True)).split("\n")
    purged = set(out[1].split()[1:])
    assert purged and "site" not in purged  # the keys of what changed, not everything
    wait_for(lambda: edge.site.python(LEFT).strip() == "", "the purge delivered")
    changed = [path for path in paths if keys[path] & purged]
    unchanged = [path for path in paths if not keys[path] & purged]
    assert "/" in changed and unchanged, keys
    status, headers, body = edge.get("/")
    assert headers["x-cache"] == "MISS" and "Published behind the edge" in body.decode()
    review = out[0].split()[1]
    assert "Published behind the edge" in edge.get(review)[2].decode()
    for path in changed[1:]:
        assert verdict(edge, path) == "MISS", path
    for path in unchanged:
        assert verdict(edge, path) == "HIT", path


def test_an_edge_down_during_a_publish_gets_its_purge_when_it_is_back(edge):
    kept(edge, ["/"])
    edge.stop()
    edge.site.python(PUBLISH.format(headline="Published while the edge was down", deliver=False))
    wait_for(lambda: edge.site.python(LEFT).split() not in ([], ["0"]), "a refused try", seconds=30)
    edge.start()
    wait_for(lambda: edge.site.python(LEFT).strip() == "", "the purge delivered after the edge came back", seconds=60)
    assert "Published while the edge was down" in edge.get("/")[2].decode()


def test_what_the_app_left_while_it_was_down_is_purged_when_it_is_back(edge):
    kept(edge, ["/"])
    edge.site.stop()
    edge.site.python(PUBLISH.format(headline="Published while the app was down", deliver=False))
    assert edge.site.python(LEFT).split() == ["0"]  # no web process to send it
    assert "Published while the app was down" not in edge.get("/")[2].decode()  # the edge still has its page
    edge.site.server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "magazine.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{edge.site.port}"],
        env=edge.site.env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for(lambda: edge.site.answers("/healthz"), "gunicorn again")  # a first request starts each sender
    wait_for(lambda: edge.site.python(LEFT).strip() == "", "the purge delivered by the new processes")
    assert "Published while the app was down" in edge.get("/")[2].decode()
