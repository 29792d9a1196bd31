"""Faults with real servers: PostgreSQL connections killed under gunicorn, uploads cut off half-way or too broken
to draw. A reader gets a page, and a failed upload leaves no file and no row behind."""

import http.cookiejar
import io
import os
import re
import socket
import sqlite3
import threading
import time
import urllib.request
import uuid
from contextlib import closing
from urllib.parse import urlencode

import pytest
from django.contrib.admin.models import LogEntry
from django.db import connection
from PIL import Image

from editorial.models import AuditEntry, Revision, Status
from reviews.models import Review
from tests.servers import Site, postgres_admin, site_database, status, wait_for

ON_POSTGRES = connection.vendor == "postgresql"


# --- PostgreSQL connections killed under the site --------------------------------------------------------


def kill_backends(database: str) -> set[int]:
    """What an operator's ``pg_terminate_backend`` does to the site: every connection to its database, gone."""
    with postgres_admin() as admin:
        rows = admin.execute("SELECT pid, pg_terminate_backend(pid) FROM pg_stat_activity "
                             "WHERE datname = %s AND pid <> pg_backend_pid()", [database]).fetchall()
    return {pid for pid, terminated in rows if terminated}


def backends(database: str) -> set[int]:
    with postgres_admin() as admin:
        return {pid for (pid,) in admin.execute("SELECT pid FROM pg_stat_activity WHERE datname = %s", [database])}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The magazine under gunicorn on the engine the suite runs on, every page read from the database."""
    folder = tmp_path_factory.mktemp("site")
    with site_database(folder) as database_url:
        # Readers here search many times a minute: the rate limit is not what this tests.
        site = Site(folder, "", database_url, PAGE_CACHE_SECONDS="0", SEARCH_RATE_LIMIT="1000000")
        site.database = database_url.rsplit("/", 1)[1]
        site.start(reviews=4)
        try:
            yield site
        finally:
            site.stop()


PUBLIC_PATHS = """
from reviews.models import Review
review = Review.objects.live().select_related("show", "critic").first()
print(review.get_absolute_url(), review.show.get_absolute_url(), review.critic.get_absolute_url())
"""


def read_while(paths: list[str], site: Site, during) -> list[tuple[float, int]]:
    """(when, status) of every page three readers got, reading ``paths`` over and over while ``during()`` runs."""
    answers, reading = [], threading.Event()
    reading.set()

    def reader():
        while reading.is_set():
            for path in paths:
                code = status(site.url(path))
                answers.append((time.monotonic(), code))

    readers = [threading.Thread(target=reader) for _ in range(3)]
    for thread in readers:
        thread.start()
    try:
        during()
    finally:
        reading.clear()
        for thread in readers:
            thread.join()
    return answers


@pytest.mark.skipif(not ON_POSTGRES, reason="kills PostgreSQL backends: runs in the PostgreSQL leg, "
                                            "make test-postgres")
def test_readers_get_pages_after_the_sites_database_connections_are_killed(site):
    paths = ["/", *site.python(PUBLIC_PATHS).split(), "/reviews/", "/feeds/reviews/", "/search/?q=night"]
    for _ in range(3):
        assert [status(site.url(path)) for path in paths] == [200] * len(paths)  # both workers hold a connection

    # Killed between requests: the next request on each worker finds its connection dead and opens another.
    for _ in range(3):
        killed = kill_backends(site.database)
        assert killed, "the workers kept no connection open: nothing was killed, nothing tested"
        after = [(path, status(site.url(path))) for path in paths * 2]
        assert [failed for failed in after if failed[1] != 200] == []
        assert backends(site.database) - killed, "the site answered without a new connection"

    # Killed under readers: only a query already running on a killed connection may fail, and then none.
    kills = []

    def kill_now_and_then():
        for _ in range(4):
            time.sleep(0.4)
            kills.append((time.monotonic(), len(kill_backends(site.database))))
        time.sleep(1.5)

    answers = read_while(paths, site, kill_now_and_then)
    assert sum(killed for _, killed in kills) >= 2, "the kills found hardly any connection to kill"
    failed = [answer for answer in answers if answer[1] != 200]
    assert len(failed) <= sum(killed for _, killed in kills), failed
    settled = [code for moment, code in answers if moment > kills[-1][0] + 1]
    assert settled and set(settled) == {200}


# --- uploads that fail half-way ---------------------------------------------------------------------------

EDITOR = """
from django.contrib.auth.models import Group, User
user = User.objects.create_user("faults-editor", password="correct horse battery", is_staff=True)
user.groups.add(Group.objects.get(name="Editors"))
"""

UNTOUCHED = {"rating": "", "tags": "", "published_at_0": "", "published_at_1": "", "image_focus_x": "0.5",
             "image_focus_y": "0.5", "image_caption": "", "image_credit": "", "mentions-TOTAL_FORMS": "0",
             "mentions-INITIAL_FORMS": "0", "mentions-MIN_NUM_FORMS": "0", "mentions-MAX_NUM_FORMS": "1000"}


def site_rows(site: Site, sql: str) -> list[tuple]:
    """Rows read straight from the site's database (quicker than a manage.py process per look)."""
    url = site.env["DATABASE_URL"]
    if url.startswith("sqlite:///"):
        with closing(sqlite3.connect(url.removeprefix("sqlite:///"))) as db:
            return db.execute(sql).fetchall()
    import psycopg

    with psycopg.connect(url) as db:
        return db.execute(sql).fetchall()


def a_draft_review(site: Site) -> dict:
    columns = ["id", "show_id", "critic_id", "headline", "slug", "standfirst", "body", "version"]
    row = site_rows(site, f"SELECT {', '.join(columns)} FROM {Review._meta.db_table} "
                          f"WHERE status = '{Status.DRAFT.value}' ORDER BY id LIMIT 1")[0]
    return dict(zip(columns, row, strict=True))


def site_state(site: Site, pk: int) -> list:
    """The review's row and the records a save would add to (revisions, audit log, admin log)."""
    review = site_rows(site, f"SELECT version, image, image_alt, updated_at, image_renditions "
                             f"FROM {Review._meta.db_table} WHERE id = {int(pk)}")
    return [review, *(site_rows(site, f"SELECT count(*) FROM {model._meta.db_table}")
                      for model in (Revision, AuditEntry, LogEntry))]


def noisy_jpeg(size=(1200, 900)) -> bytes:
    """A still that compresses badly, so its upload is long enough to cut in the middle."""
    buffer = io.BytesIO()
    Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3)).save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def multipart(fields: dict, file_field: str, filename: str, content: bytes) -> tuple[bytes, str]:
    """A form as a browser sends it: the fields in order, the picture among them (``file_field`` marks its place)."""
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        if name == file_field:
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                         f"Content-Type: image/jpeg\r\n\r\n".encode() + content + b"\r\n")
        else:
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


class Editor:
    """An editor signed in to the site's admin over HTTP."""

    def __init__(self, site: Site):
        self.site, self.jar = site, http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        page = self.opener.open(site.url("/admin/login/"), timeout=10).read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        form = {"csrfmiddlewaretoken": token, "username": "faults-editor", "password": "correct horse battery",
                "next": "/admin/"}
        signed_in = self.opener.open(site.url("/admin/login/"), urlencode(form).encode(), timeout=10)
        assert signed_in.url == site.url("/admin/"), "the editor could not sign in"

    def cookie(self, name: str) -> str:
        return next(cookie.value for cookie in self.jar if cookie.name == name)

    def post(self, path: str, body: bytes, content_type: str, *, cut_at: int | None = None,
             csrf_header: bool = False) -> bytes:
        """POST over a raw socket, as a browser does (the CSRF token in the form); the answer.
        ``cut_at``: send that many bytes of the body, then drop the connection."""
        head = (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{self.site.port}\r\n"
                f"Cookie: sessionid={self.cookie('sessionid')}; csrftoken={self.cookie('csrftoken')}\r\n"
                + (f"X-CSRFToken: {self.cookie('csrftoken')}\r\n" if csrf_header else "")
                + f"Content-Type: {content_type}\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n"
                ).encode()
        with socket.create_connection(("127.0.0.1", self.site.port), timeout=30) as sock:
            if cut_at is not None:
                sock.sendall(head + body[:cut_at])
                sock.shutdown(socket.SHUT_RDWR)
                return b""
            sock.sendall(head + body)
            answer = b""
            while chunk := sock.recv(65536):
                answer += chunk
            return answer


def finished_posts(site: Site, path: str) -> list[str]:
    """The access log's lines for POSTs to ``path`` that gunicorn has finished handling."""
    lines = site.access_log.read_text().splitlines() if site.access_log.exists() else []
    return [line for line in lines if f'"POST {path} ' in line]


def stored_files(site: Site) -> list[str]:
    return sorted(str(p.relative_to(site.media)) for p in site.media.rglob("*") if p.is_file()) \
        if site.media.exists() else []


def change_form(editor: Editor, review: dict, **fields) -> dict:
    """What the review's change form sends when an editor picks a picture and presses Save draft, in page order."""
    return {"csrfmiddlewaretoken": editor.cookie("csrftoken"), "loaded_version": review["version"],
            "show": review["show_id"], **{name: review[name] for name in ("headline", "slug", "standfirst", "body")},
            "critic": review["critic_id"] or "", **UNTOUCHED, "image": None, "image_alt": "A dancer mid-leap.",
            "_save_draft": "Save draft", **fields}


def test_an_upload_cut_off_half_way_or_too_broken_to_draw_leaves_no_file_and_no_row(site):
    site.python(EDITOR)
    editor, review, still = Editor(site), a_draft_review(site), noisy_jpeg()
    path = f"/admin/reviews/review/{review['id']}/change/"
    before, files_before = site_state(site, review["id"]), stored_files(site)  # pages may have drawn social cards
    body, content_type = multipart(change_form(editor, review), "image", "still.jpg", still)
    picture_starts = body.index(still[:64])
    cuts = {"in the fields before the picture": picture_starts // 2,
            "half-way through the picture": picture_starts + len(still) // 2,
            "after the picture": picture_starts + len(still) + 2, "before the last boundary": len(body) - 40,
            "three bytes short": len(body) - 3}
    for where, cut_at in cuts.items():
        done = len(finished_posts(site, path))
        editor.post(path, body, content_type, cut_at=cut_at)
        wait_for(lambda: len(finished_posts(site, path)) > done, "gunicorn's answer to the cut-off upload")  # noqa: B023
        assert site_state(site, review["id"]) == before, f"cut off {where}: the review changed"
        assert stored_files(site) == files_before, f"cut off {where}"
    # An unreadable form has no readable CSRF token either: refused before any view runs.
    assert all('" 403 ' in line for line in finished_posts(site, path)), finished_posts(site, path)

    # A script that sends its token in a header gets past CSRF, then finds the form empty: the form again, no save.
    done = len(finished_posts(site, path))
    editor.post(path, body, content_type, cut_at=len(body) - 3, csrf_header=True)
    wait_for(lambda: len(finished_posts(site, path)) > done, "gunicorn's answer to the cut-off upload")
    assert '" 200 ' in finished_posts(site, path)[-1]
    assert site_state(site, review["id"]) == before and stored_files(site) == files_before

    # Sent whole, a picture cut short before it was sent gets a form error, and nothing is kept either.
    for kept in (0.5, 0.9):
        broken, broken_type = multipart(change_form(editor, review), "image", "still.jpg",
                                        still[: int(len(still) * kept)])
        answer = editor.post(path, broken, broken_type).decode()
        assert answer.startswith("HTTP/1.1 200 ") and "The picture is damaged or incomplete" in answer, answer[:300]
        assert site_state(site, review["id"]) == before and stored_files(site) == files_before

    # The upload sent whole is saved, with its renditions: the cut-off ones were refused for being cut off.
    answer = editor.post(path, body, content_type)
    assert answer.startswith(b"HTTP/1.1 302 "), answer[:2000]
    assert site_state(site, review["id"])[0][0][1].startswith("pictures/")
    added = set(stored_files(site)) - set(files_before)
    assert any(name.startswith("renditions/") for name in added), added
