"""The shipped VCL (deploy/varnish/magazine.vcl) in a real varnishd, in front of a real gunicorn serving
tests/edge/keyed_app.py: what is kept, what is never kept, and purges by surrogate key."""

import subprocess
import sys

import pytest

from tests.paths import ROOT
from tests.servers import Varnish, free_port, wait_for


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    port = free_port()
    app = subprocess.Popen([sys.executable, "-m", "gunicorn", "tests.edge.keyed_app:application", "--workers", "1",
                            "--bind", f"127.0.0.1:{port}"], cwd=ROOT,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    varnish = Varnish(tmp_path_factory.mktemp("varnish"), port)
    try:
        varnish.start()
        wait_for(lambda: varnish.get("/a/")[0] == 200, "gunicorn behind varnishd")
        yield varnish
    finally:
        varnish.stop()
        app.terminate()
        app.wait(timeout=10)


@pytest.fixture
def edge(servers):
    """The edge with nothing kept."""
    assert servers.purge("site")[0] == 200
    return servers


def verdicts(edge, path, times=2, headers=None):
    return [edge.get(path, headers)[1]["x-cache"] for _ in range(times)]


def test_a_readers_page_is_a_miss_then_a_hit_with_the_same_body_and_no_edge_headers(edge):
    first, second = edge.get("/a/"), edge.get("/a/")
    assert (first[1]["x-cache"], second[1]["x-cache"]) == ("MISS", "HIT")
    assert first[2] == second[2]
    for header in ("surrogate-key", "surrogate-control", "xkey"):
        assert header not in second[1]
    assert second[1]["cache-control"] == "public, max-age=0, must-revalidate"  # browsers still revalidate


def test_a_head_is_answered_from_the_kept_page(edge):
    edge.get("/a/")
    status, headers, body = edge.request("HEAD", "/a/")
    assert (status, headers["x-cache"], body) == (200, "HIT", b"")


def test_a_signed_in_request_credentials_the_admin_and_previews_are_never_kept(edge):
    session = {"Cookie": "csrftoken=x; sessionid=abc"}
    assert verdicts(edge, "/a/", 3, session) == ["MISS"] * 3
    assert b"sessionid=abc" in edge.get("/a/", session)[2]  # the app sees the session cookie
    assert verdicts(edge, "/a/", 3, {"Authorization": "Basic dTpw"}) == ["MISS"] * 3
    assert verdicts(edge, "/admin/", 3) == ["MISS"] * 3
    assert verdicts(edge, "/preview/x/", 3) == ["MISS"] * 3
    assert verdicts(edge, "/a/") == ["MISS", "HIT"]  # an editor's visit left nothing for readers


def test_other_cookies_are_stripped_so_readers_share_one_page(edge):
    first = edge.get("/b/", {"Cookie": "_ga=1; csrftoken=2"})
    assert b"cookie=-" in first[2]
    assert edge.get("/b/", {"Cookie": "theme=dark"})[1]["x-cache"] == "HIT"


def test_a_response_with_set_cookie_or_no_surrogate_control_is_not_kept(edge):
    assert verdicts(edge, "/cookie/", 3) == ["MISS"] * 3
    assert verdicts(edge, "/unkept/", 3) == ["MISS"] * 3
    assert verdicts(edge, "/no-max-age/") == ["MISS", "HIT"]  # Surrogate-Control without max-age: the default


def test_a_page_is_kept_as_long_as_surrogate_control_says(edge):
    assert verdicts(edge, "/short/") == ["MISS", "HIT"]
    wait_for(lambda: edge.get("/short/")[1]["x-cache"] == "MISS", "expiry after max-age=1", seconds=5)


def test_the_age_the_app_gives_is_taken_off_the_lifetime(edge):
    assert verdicts(edge, "/aged/") == ["MISS", "HIT"]
    wait_for(lambda: edge.get("/aged/")[1]["x-cache"] == "MISS", "expiry 2 s after the miss", seconds=5)


def test_one_variant_per_coding_the_app_makes(edge):
    browser = {"Accept-Encoding": "gzip, deflate, br, zstd"}
    first = edge.get("/c/", browser)
    assert b"coding=br " in first[2] and first[1]["x-cache"] == "MISS"
    assert edge.get("/c/", {"Accept-Encoding": "br"})[1]["x-cache"] == "HIT"
    gzip = edge.get("/c/", {"Accept-Encoding": "gzip, deflate"})
    assert b"coding=gzip " in gzip[2] and gzip[1]["x-cache"] == "MISS"
    plain = edge.get("/c/", {"Accept-Encoding": "identity"})
    assert b"coding=- " in plain[2] and plain[1]["x-cache"] == "MISS"
    assert verdicts(edge, "/c/", 1, {"Accept-Encoding": "deflate, gzip;q=0.5"}) == ["HIT"]


def test_each_scheme_a_proxy_reports_is_its_own_page(edge):
    assert verdicts(edge, "/a/", 2, {"X-Forwarded-Proto": "https"}) == ["MISS", "HIT"]
    assert verdicts(edge, "/a/", 2) == ["MISS", "HIT"]


def test_the_edge_answers_a_current_copy_with_304_itself(edge):
    etag = edge.get("/a/")[1]["etag"]
    status, headers, body = edge.get("/a/", {"If-None-Match": etag})
    assert (status, headers["x-cache"], body) == (304, "HIT", b"")
    assert edge.get("/a/", {"If-None-Match": '"someone-else"'})[0] == 200


def test_a_purge_by_key_takes_exactly_the_pages_that_carry_it(edge):
    for path in ("/a/", "/b/", "/c/"):
        edge.get(path)
    status, _, body = edge.purge("page-a")
    assert status == 200 and body == b"Purged 1\n"
    assert verdicts(edge, "/a/") == ["MISS", "HIT"]
    assert verdicts(edge, "/b/", 1) == verdicts(edge, "/c/", 1) == ["HIT"]
    assert edge.purge("list", "nothing-else")[2] == b"Purged 2\n"  # /a/ and /b/ carry "list"
    assert verdicts(edge, "/b/", 1) == ["MISS"] and verdicts(edge, "/c/", 1) == ["HIT"]
    assert edge.purge("site")[2] == b"Purged 2\n"  # /b/ kept again, and /c/
    assert verdicts(edge, "/b/", 1) == verdicts(edge, "/c/", 1) == ["MISS"]


def test_a_purge_from_an_address_outside_the_acl_is_refused_and_purges_nothing(edge):
    edge.get("/a/")
    status, _, body = edge.purge("site", source="127.0.0.2")
    assert status == 403 and b"not allowed" in body
    assert verdicts(edge, "/a/", 1) == ["HIT"]
    assert edge.request("PURGE", "/")[0] == 400  # and a purge must name its keys
