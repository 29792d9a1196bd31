"""The publishing day, replayed: readers on every address while an editor publishes, through the caches.

    DATABASE_URL=... REDIS_URL=redis://127.0.0.1:6379/9 .venv/bin/python bench/replay.py --reviews 100000
    (quick: --reviews 1000 --requests 20000)

Readers (16 keep-alive connections asking for br or gzip, as browsers do) request addresses drawn Zipf-like
(s = 1, a fixed seed) over every <loc> of every sitemap, the home and archive pages, and every feed (latest, and
per tag, critic, person and show, RSS and Atom). Every 1,000 requests the editor publishes through the services,
in this process, against the same database (a new review, a correction, an unpublish, a new tag, in turn) and
sends the edge purges its commit left in the outbox, as a web process does once it has answered. Readers wait
while the editor works: the staleness check's uncached renders are not counted in their latency.

Before the next publish (and at the end) every address the last one affected, and the hottest few, are fetched
through every cache path in both codings and compared with the same address from a second gunicorn that keeps
nothing (PAGE_CACHE_SECONDS=0, a dummy cache); a difference in what a reader sees is a stale page.

The legs, in one run on one database: the page cache alone with no publishes (the ideal) and with publishes;
then Varnish in front (deploy/varnish/run, EDGE_PURGE_URLS at it), the ideal and with publishes. The trace is
replayed once unmeasured first (and once through a new Varnish), so every leg starts from the same warm caches
and a leg's misses are what its publishes cost. Prints PASS or MISS per target, writes bench/results/.
"""

import argparse
import gzip
import http.client
import itertools
import json
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from xml.etree import ElementTree

import brotli

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "magazine.settings")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/9")
os.environ["OUTBOX_POLL_SECONDS"] = "0"  # the editor's own sender is a thread of the leg's (Sender below)
os.environ["DJANGO_ALLOWED_HOSTS"] = "127.0.0.1"  # the site's name, which warming asks under (HOST)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import close_old_connections, connection, transaction  # noqa: E402
from django.urls import reverse  # noqa: E402
from taggit.models import Tag  # noqa: E402

from editorial import drafts, edge, outbox, workflow  # noqa: E402
from editorial.fragments import fragments  # noqa: E402
from editorial.models import Status  # noqa: E402
from editorial.outbox import OutboxMessage  # noqa: E402
from people.models import Person  # noqa: E402
from reviews.models import Review  # noqa: E402
from shows.models import Show  # noqa: E402

CONNECTIONS = 16
PUBLISH_EVERY = 1000
SEED = 23
ACCEPT = "br, gzip"
HOST = "127.0.0.1"  # one public name whichever port is asked, as in production: the page cache's keys name it
CODINGS = ("br", "gzip")  # each is its own kept variant, so each is checked
HOTTEST_CHECKED = 5  # the top addresses of the trace, checked after every publish besides those it affected
CREDITS_CHECKED = 3  # people credited on the show whose pages are checked
MADE_HEADLINE = "Replayed review "
EDITS = ("new review", "correction", "unpublish", "new tag")
LOG = Path(os.environ.get("REPLAY_SERVER_LOG", "/tmp/replay-servers.log"))
TARGETS = {"share": 0.95, "stale": 0, "p99_ms": {"page cache": 50, "varnish": 30}}
VOLATILE = [re.compile(pattern) for pattern in (  # what differs between two renders of the same content
    r'\snonce="[^"]*"', r'name="csrfmiddlewaretoken" value="[^"]*"', r"<lastBuildDate>[^<]*</lastBuildDate>")]


# --- servers ---------------------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(port: int, what: str, process) -> None:
    for _ in range(300):
        if process.poll() is not None:
            raise SystemExit(f"{what} stopped at start")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=5).read()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"{what} did not start")


def gunicorn(port: int, app: str = "magazine.wsgi", *options: str, **env: str):
    env = {**os.environ, "DJANGO_DEBUG": "0", "DJANGO_ALLOWED_HOSTS": "127.0.0.1", "OUTBOX_POLL_SECONDS": "3", **env}
    process = subprocess.Popen([sys.executable, "-m", "gunicorn", app, *options, "--config", "gunicorn.conf.py",
                                "--bind", f"127.0.0.1:{port}", "--log-level", "warning"], env=env, cwd=ROOT,
                               stderr=LOG.open("a"))  # a reference's 404s for unpublished reviews, not the run's
    wait_until_up(port, "gunicorn", process)
    return process


def varnish(port: int, app_port: int):
    env = {**os.environ, "APP_ADDRESS": f"127.0.0.1:{app_port}", "EDGE_PORT": str(port),
           "EDGE_WORKDIR": f"/tmp/replay-edge-{os.getpid()}"}
    process = subprocess.Popen([str(ROOT / "deploy" / "varnish" / "run")], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_until_up(port, "varnishd", process)
    return process


def fresh_application(environ, start_response):
    """The reference server: the site with nothing kept from one request to the next (no page cache, a dummy
    cache, and each process's fragments, related ids and archive choices let go), so each page is made fresh."""
    from magazine.wsgi import application

    fragments.clear()
    return application(environ, start_response)


def stop(process) -> None:
    process.terminate()
    process.wait(timeout=30)


# --- addresses and the trace -----------------------------------------------------------------------------

def get(port: int, path: str, coding: str = "") -> tuple[int, dict, bytes]:
    """Status, headers (lower-case names) and the decoded body of one request on a connection of its own."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        conn.request("GET", path, headers={"Host": HOST, **({"Accept-Encoding": coding} if coding else {})})
        response = conn.getresponse()
        headers = {name.lower(): value for name, value in response.getheaders()}
        return response.status, headers, decoded(response.read(), headers.get("content-encoding", ""))
    finally:
        conn.close()


def decoded(body: bytes, coding: str) -> bytes:
    return brotli.decompress(body) if coding == "br" else gzip.decompress(body) if coding == "gzip" else body


def sitemap_locations(port: int) -> list[str]:
    def locs(path):
        tree = ElementTree.fromstring(get(port, path)[2])
        return [re.sub(r"^https?://[^/]+", "", el.text.strip()) for el in tree.iter() if el.tag.endswith("loc")]

    return [loc for section in locs("/sitemap.xml") for loc in locs(section)]


def feed_addresses() -> list[str]:
    tags = Tag.objects.filter(pk__in=Review.objects.live().values("tags")).values_list("slug", flat=True)
    critics = Person.objects.live().filter(pk__in=Review.objects.live().values("critic")).values_list("slug", flat=True)
    people = Person.objects.live().values_list("slug", flat=True)
    shows = Show.objects.live().values_list("slug", flat=True)
    named = [("feeds:latest", [])] + [(f"feeds:{kind}", [slug]) for kind, slugs in (
        ("tag", tags), ("critic", critics), ("person", people), ("show", shows)) for slug in slugs.iterator()]
    return [reverse(f"{name}{atom}", args=args) for name, args in named for atom in ("", "_atom")]


def trace(addresses: list[str], requests: int) -> list[str]:
    """``requests`` addresses, ranked in a fixed shuffle and drawn with weight 1/rank."""
    ranked = sorted(set(addresses))
    random.Random(SEED).shuffle(ranked)
    weights = list(itertools.accumulate(1 / rank for rank in range(1, len(ranked) + 1)))
    return random.Random(SEED + 1).choices(ranked, cum_weights=weights, k=requests)


def kind_of(path: str) -> str:
    if path == "/":
        return "home"
    if path.startswith("/feeds/"):
        return "feed " + path.split("/")[2] + (" atom" if path.endswith("/atom/") else "")
    if path.startswith("/reviews/") and path.count("/") == 2:
        return "archive"
    return path.split("/")[1].rstrip("s") or "other"


# --- readers ---------------------------------------------------------------------------------------------

def connect(port: int) -> http.client.HTTPConnection:
    return http.client.HTTPConnection("127.0.0.1", port, timeout=120)


class Readers:
    """CONNECTIONS threads walking the trace in order; ``limit`` is how far they may go before the editor's turn."""

    def __init__(self, port: int, paths: list[str], through_edge: bool = False):
        self.port, self.paths, self.through_edge = port, paths, through_edge
        self.results: list = [None] * len(paths)  # (latency ms, from a cache, edge hit, status)
        self.next, self.limit, self.in_flight = 0, len(paths), 0
        self.turn = threading.Condition()

    def take(self) -> int | None:
        with self.turn:
            while self.next >= self.limit and self.next < len(self.paths):
                self.turn.wait()
            if self.next >= len(self.paths):
                return None
            self.next += 1
            self.in_flight += 1
            return self.next - 1

    def done(self) -> None:
        with self.turn:
            self.in_flight -= 1
            self.turn.notify_all()

    def pause_at(self, index: int) -> None:
        with self.turn:
            self.limit = index

    def wait_paused(self) -> None:
        """Until the readers reached the limit and nothing is in flight."""
        with self.turn:
            self.turn.wait_for(lambda: self.in_flight == 0 and self.next >= min(self.limit, len(self.paths)))

    def resume(self, limit: int) -> None:
        with self.turn:
            self.limit = min(limit, len(self.paths))
            self.turn.notify_all()

    def read(self) -> None:
        conn = connect(self.port)
        while (index := self.take()) is not None:
            try:
                try:
                    self.results[index] = self.ask(conn, self.paths[index])
                except (OSError, http.client.HTTPException):  # a kept-alive connection the server has closed
                    conn.close()
                    conn = connect(self.port)
                    self.results[index] = self.ask(conn, self.paths[index])  # asked again, as a browser does
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = connect(self.port)
                self.results[index] = (0.0, False, False, 0)
            finally:
                self.done()
        conn.close()

    def ask(self, conn, path: str) -> tuple[float, bool, bool, int]:
        started = time.perf_counter()
        conn.request("GET", path, headers={"Host": HOST, "Accept-Encoding": ACCEPT})
        response = conn.getresponse()
        response.read()
        took = (time.perf_counter() - started) * 1000
        at_edge = self.through_edge and response.getheader("X-Cache") == "HIT"
        return took, at_edge or response.getheader("X-Page-Cache") == "hit", at_edge, response.status

    def start(self) -> list[threading.Thread]:
        threads = [threading.Thread(target=self.read, daemon=True) for _ in range(CONNECTIONS)]
        for thread in threads:
            thread.start()
        return threads


# --- the editor ------------------------------------------------------------------------------------------

class Editor:
    """Publishes through the services, in turn: a new review, a correction, an unpublish, a new tag."""

    def __init__(self, paths: list[str]):
        self.rng = random.Random(SEED + 2)
        self.read_reviews = [path for path in paths if kind_of(path) == "review"]  # drawn as readers draw them
        self.made: list[int] = []
        self.count = 0

    def publish(self) -> tuple[str, Review, set[str]]:
        edit = EDITS[self.count % len(EDITS)]
        self.count += 1
        target = self.target(edit)
        before = addresses_showing(target)  # a new review joins the pages of the review it is modelled on
        review = {"new review": self.new_review, "correction": self.correct, "unpublish": self.unpublish,
                  "new tag": self.tag}[edit](target)
        return edit, review, before | addresses_showing(review)

    def target(self, edit: str) -> Review:
        if edit == "new review":
            return self.rng.choice(list(Review.objects.live().order_by("pk").select_related("show", "critic")[:500]))
        if edit == "unpublish":
            return Review.objects.get(pk=self.made[-1])
        slug = self.rng.choice(self.read_reviews).strip("/").split("/")[-1]
        return Review.objects.get(slug=slug)

    def new_review(self, like: Review) -> Review:
        """A new review of a show that has one, by its critic, with its tags."""
        with transaction.atomic():
            review = Review.objects.create(show=like.show, critic=like.critic, rating=4, status=Status.DRAFT,
                                           headline=f"{MADE_HEADLINE}{self.count} of {like.show.title}"[:200],
                                           standfirst="A second look.", body="First paragraph.\nSecond paragraph.")
            review.tags.set(list(like.tags.names()))
            workflow.save_draft(review, by=None, data=drafts.content_of(review))
            workflow.publish(review, by=None)
        self.made.append(review.pk)
        return review

    def correct(self, review: Review) -> Review:
        data = {**drafts.content_of(review), "standfirst": f"{review.standfirst} (Corrected.)"}
        return workflow.publish(review, by=None, data=data, correction="An earlier version misnamed the director.")

    def unpublish(self, review: Review) -> Review:
        return workflow.unpublish(review, by=None)

    def tag(self, review: Review) -> Review:
        data = drafts.content_of(review)
        tags = sorted({*data["tags"], f"replay-{self.count}"})
        return workflow.publish(review, by=None, data={**data, "tags": tags})

    def tidy_up(self) -> None:
        """Take the replay's own reviews and tags out of the database again (after the legs)."""
        made = Review.objects.filter(headline__startswith=MADE_HEADLINE)  # this run's, and any a killed run left
        for review in made.filter(status=Status.PUBLISHED):
            workflow.unpublish(review, by=None)
        made.delete()
        for review in Review.objects.filter(tags__name__startswith="replay-").distinct():
            data = drafts.content_of(review)
            workflow.publish(review, by=None, data={**data, "tags": [t for t in data["tags"]
                                                                     if not t.startswith("replay-")]})
        Tag.objects.filter(name__startswith="replay-").delete()
        outbox.deliver_due(limit=1000)


def addresses_showing(review: Review) -> set[str]:
    """At least: the home, archive page 1, the review, its show, critic and tags, credited people, their feeds."""
    review = Review.objects.select_related("show", "critic").get(pk=review.pk)
    found = {"/", reverse("reviews:archive"), reverse("feeds:latest"), reverse("feeds:latest_atom")}
    if review.is_live:
        found.add(review.get_absolute_url())
    slugs = [("show", review.show.slug, review.show.get_absolute_url())]
    if review.critic:
        slugs.append(("critic", review.critic.slug, review.critic.get_absolute_url()))
    slugs += [("tag", tag.slug, reverse("tag", args=[tag.slug])) for tag in review.tags.all()]
    credited = review.show.credits.select_related("person").order_by("order", "pk")[:CREDITS_CHECKED]
    slugs += [("person", credit.person.slug, credit.person.get_absolute_url()) for credit in credited]
    for kind, slug, page in slugs:
        found.update((page, reverse(f"feeds:{kind}", args=[slug]), reverse(f"feeds:{kind}_atom", args=[slug])))
    return found


class Sender(threading.Thread):
    """Delivers what the publish left in the outbox (edge purges, warms), as a web process's sender does."""

    def run(self) -> None:
        try:
            while outbox.deliver_due(limit=1000):
                pass
        finally:
            close_old_connections()


# --- staleness ---------------------------------------------------------------------------------------------

def visible(body: bytes) -> str:
    text = body.decode("utf-8", "replace")
    for pattern in VOLATILE:
        text = pattern.sub("", text)
    return text


def difference(served: str, fresh: str) -> dict:
    """Where the page served first differs from the fresh one, a little either side."""
    at = next((i for i, (a, b) in enumerate(zip(served, fresh, strict=False)) if a != b), min(len(served), len(fresh)))
    return {"served": served[max(at - 80, 0):at + 80], "fresh": fresh[max(at - 80, 0):at + 80]}


def stale_addresses(paths: set[str], cache_ports: dict[str, int], reference_port: int) -> list[dict]:
    """Each address through each cache path in each coding, beside a fresh render: the ones that differ."""
    def check(path):
        status, _, fresh = get(reference_port, path)
        found = []
        for way, port in cache_ports.items():
            for coding in CODINGS:
                got_status, headers, body = get(port, path, coding)
                if got_status != status or visible(body) != visible(fresh):
                    found.append({"path": path, "through": way, "coding": coding, "status": got_status,
                                  "fresh_status": status, "x_page_cache": headers.get("x-page-cache"),
                                  "x_cache": headers.get("x-cache"), **difference(visible(body), visible(fresh))})
        return found

    with ThreadPoolExecutor(4) as pool:
        return [stale for found in pool.map(check, sorted(paths)) for stale in found]


# --- a leg -------------------------------------------------------------------------------------------------

def leg(name: str, paths: list[str], port: int, editor: Editor | None, check_ports: dict, reference_port: int):
    readers = Readers(port, paths, through_edge="varnish" in name)
    publishes, stale = [], []
    hottest = {path for path, _ in Counter(paths).most_common(HOTTEST_CHECKED)}
    if editor:
        readers.pause_at(PUBLISH_EVERY)
    started = time.perf_counter()
    threads = readers.start()
    if editor:
        for at in range(PUBLISH_EVERY, len(paths), PUBLISH_EVERY):
            readers.wait_paused()
            if publishes:
                stale += stale_addresses(publishes[-1].pop("checked"), check_ports, reference_port)
            edit, review, affected = editor.publish()
            publishes.append({"at": at, "edit": edit, "review": review.pk, "addresses": len(affected),
                              "checked": affected | hottest})
            readers.resume(at + PUBLISH_EVERY)
            sender = Sender()  # the purges and warms go out while readers read, as a web process's sender's do
            sender.start()
            close_old_connections()
            sender.join()  # the next check waits for them
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    if publishes:
        stale += stale_addresses(publishes[-1].pop("checked"), check_ports, reference_port)
    row = summary(name, readers.results, elapsed, publishes, stale)
    print(f"  {name}: from a cache {row['cached_share']:.4f}, p50 {row['p50_ms']} ms, p99 {row['p99_ms']} ms, "
          f"{row['stale']} stale", *(f"\n    stale: {page}" for page in stale[:5]), flush=True)
    return row


def summary(name: str, results: list, elapsed: float, publishes: list, stale: list) -> dict:
    latencies = sorted(result[0] for result in results)
    quantile = statistics.quantiles(latencies, n=100, method="inclusive")
    hits = [result[0] for result in results if result[1]]
    misses = [result[0] for result in results if not result[1]]
    return {"leg": name, "requests": len(results), "seconds": round(elapsed, 1),
            "cached_share": round(sum(r[1] for r in results) / len(results), 4),
            "edge_share": round(sum(r[2] for r in results) / len(results), 4),
            "p50_ms": round(quantile[49], 2), "p99_ms": round(quantile[98], 2),
            "hits_p99_ms": round(statistics.quantiles(hits, n=100, method="inclusive")[98], 2) if hits[1:] else None,
            "misses": len(misses), "misses_p50_ms": round(statistics.median(misses), 1) if misses else None,
            "errors": dict(Counter(r[3] for r in results if r[3] not in (200, 304))),
            "publishes": len(publishes), "stale": len(stale), "stale_pages": stale[:50],
            "edits": publishes, "_results": results}


def lost_hits(paths: list[str], ideal: dict, real: dict) -> dict:
    """Requests the ideal served from a cache and the leg with publishes did not: by page kind, by the edit
    published last before them (and per publish of that kind), and the addresses that lost the most."""
    by_kind, by_edit, by_address = Counter(), Counter(), Counter()
    edit_at = {publish["at"] // PUBLISH_EVERY: publish["edit"] for publish in real["edits"]}
    for index, (want, got) in enumerate(zip(ideal["_results"], real["_results"], strict=True)):
        if want[1] and not got[1]:
            by_kind[kind_of(paths[index])] += 1
            by_edit[edit_at.get(index // PUBLISH_EVERY, "before the first")] += 1
            by_address[paths[index]] += 1
    made = Counter(edit_at.values())
    return {"by_page": dict(by_kind.most_common()), "by_edit": dict(by_edit.most_common()),
            "per_publish": {edit: round(lost / made[edit], 1) for edit, lost in by_edit.items() if made[edit]},
            "addresses": dict(by_address.most_common(10))}


# --- the run -----------------------------------------------------------------------------------------------

def warm(port: int, paths: list[str], through_edge: bool = False) -> None:
    readers = Readers(port, paths, through_edge)
    for thread in readers.start():
        thread.join()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reviews", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--no-varnish", action="store_true", help="the page cache alone")
    parser.add_argument("--no-warming", action="store_true", help="no WARM_BASE_URL: readers make changed pages")
    parser.add_argument("--keep-cache", action="store_true",
                        help="start from what the Redis database holds (a rerun's warm-up is then quick)")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("stopped"))  # servers stopped, the database tidied
    have = Review.objects.count()
    if have < args.reviews:
        call_command("seed_bench", reviews=args.reviews - have)
    call_command("collectstatic", interactive=False, verbosity=0)
    if not args.keep_cache:
        cache.clear()  # this run's own Redis database: the warm-up below fills it
    OutboxMessage.objects.filter(kind=edge.KIND, target__startswith="http://127.0.0.1:").delete()  # dead replays'
    app_port, reference_port, edge_port = free_port(), free_port(), free_port()
    reference = gunicorn(reference_port, "replay:fresh_application", "--pythonpath", str(ROOT / "bench"),
                         PAGE_CACHE_SECONDS="0", CACHE_URL="dummy://", WEB_CONCURRENCY="2", GUNICORN_THREADS="1")
    app = gunicorn(app_port)
    edge_server = None
    legs, editor = {}, None
    try:
        addresses = [*sitemap_locations(reference_port), "/", reverse("reviews:archive"), *feed_addresses()]
        paths = trace(addresses, args.requests)
        print(f"{len(set(addresses)):,} addresses, {len(set(paths)):,} of them in {len(paths):,} requests", flush=True)
        editor = Editor(paths)
        ways = {"page cache": app_port}
        settings.WARM_BASE_URL = "" if args.no_warming else f"http://127.0.0.1:{app_port}"
        timed("warm-up through the page cache", lambda: warm(app_port, paths))
        legs["page cache, ideal"] = timed("page cache, ideal",
                                          lambda: leg("page cache, ideal", paths, app_port, None, ways, reference_port))
        legs["page cache"] = timed("page cache", lambda: leg("page cache", paths, app_port, editor, ways,
                                                             reference_port))
        if not args.no_varnish:
            settings.EDGE_PURGE_URLS = [f"http://127.0.0.1:{edge_port}/"]
            settings.WARM_BASE_URL = "" if args.no_warming else f"http://127.0.0.1:{edge_port}"
            edge_server = varnish(edge_port, app_port)
            ways = {"varnish": edge_port, "page cache": app_port}
            timed("warm-up through Varnish", lambda: warm(edge_port, paths))
            legs["varnish, ideal"] = timed("varnish, ideal",
                                           lambda: leg("varnish, ideal", paths, edge_port, None, ways, reference_port))
            legs["varnish"] = timed("varnish", lambda: leg("varnish", paths, edge_port, editor, ways, reference_port))
    finally:
        for process in (edge_server, app, reference):
            if process:
                stop(process)
        settings.EDGE_PURGE_URLS, settings.WARM_BASE_URL = [], ""  # the servers are gone: tidying up asks none
        if editor:
            editor.tidy_up()
    report(legs, paths, args, len(set(addresses)))


def timed(what: str, run):
    started = time.perf_counter()
    result = run()
    print(f"  {what}: {time.perf_counter() - started:.0f} s", flush=True)
    return result


def report(legs: dict, paths: list[str], args, addresses: int) -> None:
    verdicts = []
    for way in ("page cache", "varnish"):
        if way not in legs:
            continue
        ideal, real = legs[f"{way}, ideal"], legs[way]
        real["share_of_ideal"] = round(real["cached_share"] / ideal["cached_share"], 4)
        real["lost_hits"] = lost_hits(paths, ideal, real)
        ceiling = TARGETS["p99_ms"][way]
        verdicts += [
            verdict(real["share_of_ideal"] >= TARGETS["share"],
                    f"{way}: share from a cache {real['cached_share']:.4f}, {real['share_of_ideal']:.4f} of the "
                    f"ideal's {ideal['cached_share']:.4f} (target ≥ {TARGETS['share']})"),
            verdict(real["stale"] == 0, f"{way}: {real['stale']} stale after {real['publishes']} publishes (target 0)"),
            verdict(real["p99_ms"] < ceiling, f"{way}: p99 {real['p99_ms']} ms (target < {ceiling} ms)"),
        ]
    print(f"\n{connection.vendor}, {Review.objects.count():,} reviews, {addresses:,} addresses, "
          f"{args.requests:,} requests a leg, {CONNECTIONS} connections, a publish every {PUBLISH_EVERY:,}")
    print(f"{'leg':<20}{'from a cache':>13}{'at the edge':>12}{'p50 ms':>8}{'p99 ms':>8}{'hits p99':>9}"
          f"{'misses':>7}{'miss p50':>9}{'stale':>6}{'errors':>7}")
    for name, row in legs.items():
        print(f"{name:<20}{row['cached_share']:>13.4f}{row['edge_share']:>12.4f}{row['p50_ms']:>8.1f}"
              f"{row['p99_ms']:>8.1f}{row['hits_p99_ms'] or 0:>9.1f}{row['misses']:>7}{row['misses_p50_ms'] or 0:>9.1f}"
              f"{row['stale']:>6}{sum(row['errors'].values()):>7}  {row['errors'] or ''}")
        if "lost_hits" in row:
            lost = row["lost_hits"]
            print(f"  hits lost, by page: {lost['by_page']}\n  by edit: {lost['by_edit']}, per publish: "
                  f"{lost['per_publish']}\n  most: {lost['addresses']}")
    print("\nTargets:")
    for line in verdicts:
        print(f"  {line}")
    for row in legs.values():
        row.pop("_results")
    name = f"replay-{connection.vendor}-{args.reviews}{'-no-warming' * args.no_warming}.json"
    out = ROOT / "bench" / "results" / name
    out.write_text(json.dumps({"database": connection.vendor, "reviews": args.reviews, "addresses": addresses,
                               "requests_a_leg": args.requests, "connections": CONNECTIONS,
                               "publish_every": PUBLISH_EVERY, "warming": not args.no_warming, "legs": legs,
                               "targets": verdicts},
                              indent=2, default=str) + "\n", encoding="utf-8")
    print(f"\nwrote {out.relative_to(ROOT)}")


def verdict(ok: bool, line: str) -> str:
    return f"{'PASS' if ok else 'MISS'}  {line}"


if __name__ == "__main__":
    main()
