"""Real servers for the fault tests: a Redis of the test's own, and the site under gunicorn with two workers."""

import http.client
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.db import connection

from tests.paths import ROOT

MANAGE = [sys.executable, str(ROOT / "manage.py")]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.status == 200, url
        return response.read().decode()


def status(url: str) -> int:
    """The status a reader gets, whatever it is."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def wait_for(check, what: str, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise AssertionError(f"{what} did not come up within {seconds} s")


class Redis:
    """A redis-server on a spare port that keeps its data in ``folder`` across a stop and a start, as a
    production Redis with snapshots does: pages cached before an outage come back with it."""

    def __init__(self, folder: Path, *options: str):
        self.folder, self.port, self.process, self.options = folder, free_port(), None, options
        folder.mkdir(parents=True, exist_ok=True)

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.folder),
             "--save", "", "--appendonly", "no", *self.options], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for(self.answers, "redis-server")

    def answers(self) -> bool:
        with socket.create_connection(("127.0.0.1", self.port), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")

    def keys(self, pattern: str) -> list[str]:
        found = subprocess.run(["redis-cli", "-p", str(self.port), "--scan", "--pattern", pattern],
                               capture_output=True, text=True, timeout=10, check=True)
        return found.stdout.split()

    def stop(self) -> None:
        """Snapshot to disk, then stop: the port refuses connections until ``start``."""
        subprocess.run(["redis-cli", "-p", str(self.port), "shutdown", "save"], capture_output=True, timeout=10)
        self.process.wait(timeout=10)


def postgres_admin():
    """A connection to the suite's PostgreSQL server, outside any database a test or a Site uses."""
    import psycopg

    db = settings.DATABASES["default"]
    return psycopg.connect(dbname="postgres", host=db["HOST"] or None, port=db["PORT"] or None,
                           user=db["USER"] or None, password=db["PASSWORD"] or None, autocommit=True)


@contextmanager
def site_database(folder: Path):
    """The address of a database for a Site, on the engine the suite runs on: a SQLite file in ``folder``, or a
    PostgreSQL database of its own named after the suite's (so suites sharing a server never meet), dropped after."""
    if connection.vendor != "postgresql":
        yield f"sqlite:///{folder / 'site.sqlite3'}"
        return
    db = settings.DATABASES["default"]
    name = f"{db['NAME']}_site_{uuid.uuid4().hex[:8]}"
    login = quote(db["USER"] or "", safe="") + (f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else "")
    with postgres_admin() as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgres://{login}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name}"
    finally:
        with postgres_admin() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class Site:
    """The magazine on a SQLite file (or ``database_url``), served by gunicorn with two workers sharing
    ``redis_url``; ``env`` overrides its settings. Gunicorn logs each request it has finished to ``access_log``."""

    def __init__(self, folder: Path, redis_url: str, database_url: str = "", **env: str):
        self.media = folder / "media"
        self.access_log = folder / "access.log"
        self.env = {**os.environ, "DATABASE_URL": database_url or f"sqlite:///{folder / 'site.sqlite3'}",
                    "REDIS_URL": redis_url, "PAGE_CACHE_SECONDS": "300", "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
                    "MEDIA_ROOT": str(self.media), "DJANGO_DEBUG": "1", **env}
        self.env.pop("CACHE_URL", None)
        self.port, self.server = free_port(), None

    def manage(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run([*MANAGE, *args], env=self.env, check=True, cwd=ROOT, capture_output=True, text=True)

    def python(self, code: str) -> str:
        return self.manage("shell", "--no-imports", "--verbosity", "0", "-c", code).stdout

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def answers(self, path: str = "/", headers: dict | None = None) -> bool:
        """Whether ``path`` is a 200, asked with ``headers`` (redirects are not followed)."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            connection.request("GET", path, headers=headers or {})
            return connection.getresponse().status == 200
        finally:
            connection.close()

    def start(self, reviews: int = 6, path: str = "/", headers: dict | None = None) -> None:
        self.manage("migrate", "--verbosity", "0")
        self.manage("seed_bench", "--reviews", str(reviews))
        self.server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "magazine.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{self.port}",
             "--access-logfile", str(self.access_log)],
            env=self.env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for(lambda: self.answers(path, headers), "gunicorn")

    def stop(self) -> None:
        if self.server:
            self.server.terminate()
            self.server.wait(timeout=10)


class Varnish:
    """varnishd with the shipped VCL, started as `make edge` starts it (deploy/varnish/run), in front of the app
    on ``app_port``. It keeps pages in memory: a stop empties it, and ``start`` listens on the same port again."""

    def __init__(self, folder: Path, app_port: int):
        self.folder, self.app_port, self.port, self.process = folder, app_port, free_port(), None

    @property
    def purge_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def start(self) -> None:
        env = {**os.environ, "APP_ADDRESS": f"127.0.0.1:{self.app_port}", "EDGE_PORT": str(self.port),
               "EDGE_WORKDIR": str(self.folder)}
        self.process = subprocess.Popen([str(ROOT / "deploy" / "varnish" / "run")], env=env,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for(lambda: self.request("PURGE", "/", {"xkey-purge": "nothing"})[0] == 200, "varnishd")

    def request(self, method: str, path: str, headers: dict | None = None, source: str = "127.0.0.1"):
        """Status, headers (lower-case names) and body of one request, sent from the address ``source``."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10, source_address=(source, 0))
        try:
            connection.request(method, path, headers=headers or {})
            response = connection.getresponse()
            return response.status, {name.lower(): value for name, value in response.getheaders()}, response.read()
        finally:
            connection.close()

    def get(self, path: str, headers: dict | None = None):
        return self.request("GET", path, headers)

    def purge(self, *keys: str, source: str = "127.0.0.1"):
        return self.request("PURGE", "/", {"xkey-purge": " ".join(keys)}, source)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)


@contextmanager
def site_behind_varnish(folder: Path, **env):
    """A real magazine (its own database and Redis) in gunicorn, with varnishd in front that it purges; ``env``
    adds to the site's environment (``{port}`` in a value is the edge's port). Yields the Varnish, with ``.site``."""
    with site_database(folder) as database_url:
        redis = Redis(folder / "redis")
        redis.start()
        site = Site(folder, redis.url, database_url)
        varnish = Varnish(folder / "varnish", site.port)
        site.env.update(EDGE_PURGE_URLS=varnish.purge_url,
                        **{name: value.format(port=varnish.port) for name, value in env.items()})
        try:
            site.start()
            varnish.start()
            varnish.site = site
            yield varnish
        finally:
            varnish.stop()
            site.stop()
            redis.stop()
