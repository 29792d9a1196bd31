"""Requests per second and latency of real pages under gunicorn, driven by wrk on loopback.

    DATABASE_URL=... .venv/bin/python bench/load.py --reviews 100000 [--seconds 8] [--connections 16]

Each page is measured uncached (PAGE_CACHE_SECONDS=0) and cached (the Redis page cache), beside a
static file served by whitenoise in the same run: the ratio to the static file is the figure that
counts, since machines differ. Every request asks for Brotli or gzip, as browsers and feed readers do. Each
page is asked for a second first, unmeasured: the figures are the steady state, not a cold start.
Gunicorn runs as gunicorn.conf.py says (the production setting). Also counts the SQL queries each page
runs, prints PASS or MISS for each target of the speed issue, and writes bench/results/.
"""

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "magazine.settings")
os.environ["PAGE_CACHE_SECONDS"] = "0"  # this process counts queries; gunicorn gets its own setting
os.environ["SEARCH_RATE_LIMIT"] = "1000000000"  # wrk is one client asking thousands of times a minute

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.staticfiles.storage import staticfiles_storage  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from taggit.models import Tag  # noqa: E402

from people.models import Person  # noqa: E402
from reviews.archive_pages import Cursor  # noqa: E402
from reviews.models import Review  # noqa: E402

ACCEPT_ENCODING = "br, gzip"
WARM_UP_SECONDS = 1  # each page is asked for this long, unmeasured, before its run
UNCACHED_PAGES = ("home", "review", "show", "person", "tag")
# (page, mode): (least share of the static file's requests a second, p99 ceiling in ms)
TARGETS = {
    **{(name, "cached"): (0.80, 30) for name in (*UNCACHED_PAGES, "archive", "feed", "feed 304")},
    **{(name, "uncached"): (0.15, 150) for name in UNCACHED_PAGES},
    ("archive", "uncached"): (0.10, None),
}


def pages() -> dict[str, str]:
    review = Review.objects.live().order_by("-published_at").first()
    person = Person.objects.live().filter(credits__isnull=False).first()
    tag = Tag.objects.filter(pk__in=Review.objects.live().values("tags")).first()
    last_page = max(1, Review.objects.live().count() // settings.PAGE_SIZE)
    deep = min(500, last_page)  # past the numbered pages, a page is addressed by the review it follows
    follows = Review.objects.live().order_by("-published_at", "-pk").values_list("published_at", "pk")
    archive = f"/reviews/?before={Cursor.of(follows[(deep - 1) * settings.PAGE_SIZE - 1])}" if deep > 1 else "/reviews/"
    return {
        "home": "/", "review": review.get_absolute_url(), "show": review.show.get_absolute_url(),
        "person": person.get_absolute_url(), "tag": f"/tags/{tag.slug}/",
        "archive": archive,
        "search": "/search/?q=castellano", "feed": "/feeds/reviews/", "feed 304": "/feeds/reviews/",
    }


def queries(url: str) -> int:
    reset_queries()
    with CaptureQueriesContext(connection) as captured:
        Client().get(url)
    return len(captured)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def etag_of(url: str) -> str:
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept-Encoding": ACCEPT_ENCODING})) as r:
        return r.headers["ETag"]


def wrk(url: str, seconds: int, connections: int, *headers: str) -> dict:
    headers = [f"Accept-Encoding: {ACCEPT_ENCODING}", *headers]
    out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency",
                          *(arg for header in headers for arg in ("-H", header)), url],
                         capture_output=True, text=True, check=True).stdout

    def latency(label):
        value, unit = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)", out, re.M).groups()
        return round(float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit], 2)

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1]), "p50_ms": latency("50"),
            "p99_ms": latency("99"), "non_2xx": int(errors[1]) if errors else 0}


def serve(cache_seconds: int, port: int):
    env = {**os.environ, "PAGE_CACHE_SECONDS": str(cache_seconds), "DJANGO_DEBUG": "0",
           "DJANGO_ALLOWED_HOSTS": "127.0.0.1"}
    server = subprocess.Popen([sys.executable, "-m", "gunicorn", "magazine.wsgi", "--config", "gunicorn.conf.py",
                               "--bind", f"127.0.0.1:{port}", "--log-level", "warning"], env=env, cwd=ROOT)
    for _ in range(150):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=2)
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reviews", type=int, default=1000)
    parser.add_argument("--seconds", type=int, default=8)
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install -y wrk (make bench does).")
    have = Review.objects.count()
    if have < args.reviews:
        call_command("seed_bench", reviews=args.reviews - have)
    call_command("collectstatic", interactive=False, verbosity=0)
    urls = pages()
    static = "/static/" + staticfiles_storage.stored_name("css/site.css")
    rows = {name: {"queries": queries(url)} for name, url in urls.items()}
    port = free_port()
    for mode, seconds in (("uncached", 0), ("cached", 300)):
        server = serve(seconds, port)
        try:
            base = f"http://127.0.0.1:{port}"
            static_run = wrk(base + static, args.seconds, args.connections)
            rows.setdefault("static file", {"queries": 0})[mode] = static_run
            for name, url in urls.items():
                conditional = [f"If-None-Match: {etag_of(base + url)}"] if name.endswith("304") else []
                wrk(base + url, WARM_UP_SECONDS, args.connections, *conditional)
                rows[name][mode] = wrk(base + url, args.seconds, args.connections, *conditional)
        finally:
            server.terminate()
            server.wait(timeout=20)
    report(rows, args, connection.vendor)


def report(rows: dict, args, vendor: str) -> None:
    static = {mode: rows["static file"][mode]["rps"] for mode in ("uncached", "cached")}
    print(f"\n{vendor}, {Review.objects.count():,} reviews, gunicorn as gunicorn.conf.py says "
          f"({gunicorn_setting()}), wrk {args.connections} connections × {args.seconds} s")
    print(f"{'page':<16}{'queries':>8} | {'rps':>8}{'% static':>9}{'p50 ms':>8}{'p99 ms':>8} | "
          f"{'rps':>8}{'% static':>9}{'p50 ms':>8}{'p99 ms':>8}")
    print(f"{'':<16}{'':>8} | {'uncached':^33} | {'cached':^33}")
    for name, row in rows.items():
        cells = []
        for mode in ("uncached", "cached"):
            run = row[mode]
            share = 100 * run["rps"] / static[mode]
            cells.append(f"{run['rps']:8.0f}{share:8.0f}%{run['p50_ms']:8.1f}{run['p99_ms']:8.1f}")
            run["share_of_static"] = round(share, 1)
        print(f"{name:<16}{row['queries']:>8} | {cells[0]} | {cells[1]}")
    verdicts = judged(rows)
    if args.reviews >= 100_000:
        print("\nTargets (at 100,000 reviews):")
        for line in verdicts:
            print(f"  {line}")
    out = ROOT / "bench" / "results" / f"load-{vendor}-{Review.objects.count()}.json"
    out.write_text(json.dumps({"database": vendor, "reviews": Review.objects.count(), "gunicorn": gunicorn_setting(),
                               "connections": args.connections, "seconds": args.seconds, "pages": rows,
                               "targets": verdicts}, indent=2) + "\n", encoding="utf-8")


def gunicorn_setting() -> str:
    config = {}
    exec((ROOT / "gunicorn.conf.py").read_text(), config)
    return f"{config['worker_class']}, {config['workers']} workers × {config['threads']} threads"


def judged(rows: dict) -> list[str]:
    lines = []
    for (name, mode), (share, p99) in TARGETS.items():
        run = rows[name][mode]
        ok = run["share_of_static"] >= 100 * share and (p99 is None or run["p99_ms"] < p99)
        wanted = f"≥ {share:.2f} of static" + (f", p99 < {p99} ms" if p99 else "")
        lines.append(f"{'PASS' if ok else 'MISS'}  {name} {mode}: {run['share_of_static'] / 100:.2f} of static, "
                     f"p99 {run['p99_ms']} ms (target {wanted})")
    return lines


if __name__ == "__main__":
    main()
