"""Gunicorn as the magazine runs it (read from the working directory: `.venv/bin/gunicorn magazine.wsgi`).

Threads, because a request mostly waits: on PostgreSQL, on Redis, on a slow client. One process a core plus
one, each with a few threads; `make bench` measures this setting against the others.
"""

import multiprocessing
import os

worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
keepalive = 5  # seconds: readers' browsers and feed readers reuse their connection
