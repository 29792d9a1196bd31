"""Where one page's time goes, in this process: CPU and wall time per request, its SQL, and the top functions.

    DATABASE_URL=... .venv/bin/python bench/page_profile.py /reviews/some-slug/ [--requests 200] [--top 40]

The page cache is off (this is the work of a miss); the request asks for Brotli as browsers do.
"""

import argparse
import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "magazine.settings")
os.environ["PAGE_CACHE_SECONDS"] = "0"
os.environ["SEARCH_RATE_LIMIT"] = "1000000000"

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()
    client = Client(HTTP_ACCEPT_ENCODING="br", HTTP_HOST="127.0.0.1")
    for _ in range(10):  # warm: templates compiled, connections open, fragments kept
        response = client.get(args.url)
    if response.status_code != 200:
        raise SystemExit(f"{args.url} answered {response.status_code}")
    with CaptureQueriesContext(connection) as captured:
        client.get(args.url)
    queries = captured.captured_queries  # read now: the next request empties the connection's log
    for query in queries:
        print(f"{float(query['time']) * 1000:7.1f} ms  {query['sql'][:150]}")
    cpu, wall = time.process_time(), time.perf_counter()
    for _ in range(args.requests):
        client.get(args.url)
    print(f"{args.url}: {len(queries)} queries, {(time.process_time() - cpu) / args.requests * 1000:.2f} ms CPU and "
          f"{(time.perf_counter() - wall) / args.requests * 1000:.2f} ms wall per request")
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(args.requests):
        client.get(args.url)
    profile.disable()
    pstats.Stats(profile).sort_stats("cumulative").print_stats(args.top)


if __name__ == "__main__":
    main()
