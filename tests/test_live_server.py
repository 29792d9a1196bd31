"""The browser tests' live server: on SQLite, one request at a time (tests/live_server.py)."""

import http.client
import threading
import time
import urllib.request

from django.core.servers.basehttp import ThreadedWSGIServer
from django.db import connection
from django.test.testcases import QuietWSGIRequestHandler

from tests.live_server import OneRequestAtATime

REQUESTS = 4


def most_at_once(server_class) -> tuple[int, list[bytes]]:
    """How many requests the server had in hand at once, with four asked together while a fifth
    connection stays open (kept alive) the whole time; and what each of the four was answered."""
    inside = most = 0
    counting = threading.Lock()

    def application(environ, start_response):
        nonlocal inside, most
        with counting:
            inside += 1
            most = max(most, inside)
        time.sleep(0.1)
        start_response("200 OK", [("Content-Type", "text/plain")])
        yield b"answered"  # the body is read after the view returns, as a streamed one would be
        with counting:
            inside -= 1

    server = server_class(("127.0.0.1", 0), QuietWSGIRequestHandler, connections_override={})
    server.set_app(application)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    kept_alive = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    kept_alive.request("GET", "/")
    kept_alive.getresponse().read()
    answers = []

    def ask():
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as response:
            answers.append(response.read())

    askers = [threading.Thread(target=ask) for _ in range(REQUESTS)]
    for asker in askers:
        asker.start()
    for asker in askers:
        asker.join(timeout=15)
    kept_alive.close()
    server.shutdown()
    server.server_close()
    return most, answers


def test_one_request_at_a_time_even_with_a_connection_kept_alive():
    most, answers = most_at_once(OneRequestAtATime)
    assert most == 1
    assert answers == [b"answered"] * REQUESTS


def test_django_s_own_server_would_answer_them_together():
    most, answers = most_at_once(ThreadedWSGIServer)
    assert most > 1
    assert answers == [b"answered"] * REQUESTS


def test_the_live_server_takes_turns_only_on_sqlite(live_server):
    assert isinstance(live_server.thread.httpd, OneRequestAtATime) is (connection.vendor == "sqlite")
