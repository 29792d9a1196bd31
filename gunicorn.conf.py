"""Gunicorn as the magazine runs it (read from the working directory: `.venv/bin/gunicorn magazine.wsgi`).

Threads, because a request mostly waits: on PostgreSQL, on Redis, on a slow client. One process a core plus
one, each with a few threads; `make bench` measures this setting against the others.
"""

import multiprocessing
import os

worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gthread")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# A process holds at most this many open connections. A balancer's (or wrk's) connections live long; unbounded,
# one process could take them all and serve on one core while the others idle. Over the limit, a connection
# waits in the listen queue for a process with room; idle ones close after `keepalive`.
worker_connections = int(os.environ.get("GUNICORN_WORKER_CONNECTIONS", threads * 2))
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
keepalive = 5  # seconds: readers' browsers and feed readers reuse their connection
# Django reads what a proxy says (X-Forwarded-Proto through SECURE_PROXY_SSL_HEADER, the client's address
# through DJANGO_PROXY_COUNT), and nothing else: gunicorn takes no forwarder headers (SCRIPT_NAME, PATH_INFO)
# and no scheme headers from anyone, so no request header can move a page's links.
forwarder_headers = ""
secure_scheme_headers = {}
