"""Search latency for readers, median and p99, on whatever DATABASE_URL names.

    DATABASE_URL=... .venv/bin/python bench/search.py --reviews 100000 [--rounds 20]

Seeds the database with ``seed_bench`` first if it holds fewer reviews than asked.
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "magazine.settings")
os.environ["PAGE_CACHE_SECONDS"] = "0"  # the search itself, not a kept page
os.environ["SEARCH_RATE_LIMIT"] = "1000000"  # one client asks hundreds of times a minute here

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from reviews.models import Review  # noqa: E402

# Names, titles, starts of words ("castel", "cas"), rare words, nothing at all, and words in most reviews ("the",
# "camera", "film").
QUERIES = ["castellano", "Élodie", "elodie", "harbour winter", "meridian", "castel", "lantern ember", "quietly moving",
           "nakamura 42", "velvet", "zzzz nothing", "camera", "the", "the camera", "film score", "cas"]
TARGET_MEDIAN_MS, TARGET_P99_MS = 30, 150  # at 100,000 reviews, on PostgreSQL and on SQLite


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reviews", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    have = Review.objects.count()
    if have < args.reviews:
        print(f"Seeding {args.reviews - have:,} reviews on {connection.vendor}...", flush=True)
        call_command("seed_bench", reviews=args.reviews - have)
    client = Client()
    for query in QUERIES:  # warm caches and connections once
        client.get("/search/", {"q": query})
    timings = {query: [] for query in QUERIES}
    for _ in range(args.rounds):
        for query in QUERIES:
            start = time.perf_counter()
            response = client.get("/search/", {"q": query})
            timings[query].append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, query
    every = [ms for values in timings.values() for ms in values]
    result = {
        "database": connection.vendor, "reviews": Review.objects.count(), "requests": len(every),
        "median_ms": round(statistics.median(every), 1), "p99_ms": round(percentile(every, 0.99), 1),
        "by_query_median_ms": {q: round(statistics.median(v), 1) for q, v in timings.items()},
    }
    ok = result["median_ms"] < TARGET_MEDIAN_MS and result["p99_ms"] < TARGET_P99_MS
    print(f"search on {result['database']} at {result['reviews']:,} reviews: median {result['median_ms']} ms, "
          f"p99 {result['p99_ms']} ms over {result['requests']} requests")
    if result["reviews"] >= 100_000:
        print(f"{'PASS' if ok else 'MISS'}  search: median < {TARGET_MEDIAN_MS} ms, p99 < {TARGET_P99_MS} ms")
        result["target"] = "PASS" if ok else "MISS"
    for query, ms in result["by_query_median_ms"].items():
        print(f"  {query!r:<20} {ms:8.1f} ms")
    out = ROOT / "bench" / "results" / f"search-{result['database']}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
