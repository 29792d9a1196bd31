"""The browser tests' server: Django's live server, answering one request at a time on SQLite.

pytest-django starts the live server once a session, before the first test database is made, so its
request threads each open a connection of their own to SQLite's shared-cache in-memory test database.
Two requests of a page at once (an autosave and a preview, a beacon and a click) then lock each other's
tables, which can deadlock them and hang the test for good. Each request is answered whole, under one lock,
before the next begins; connections are still accepted in parallel, so a browser's open keep-alive
connection holds no one up. PostgreSQL handles concurrent requests itself, and the server stays as Django
made it.
"""

import os
import threading

from django.core.servers.basehttp import ThreadedWSGIServer
from django.db import connection
from pytest_django.live_server_helper import LiveServer


class OneRequestAtATime(ThreadedWSGIServer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.turn = threading.Lock()

    def set_app(self, application):
        def in_turn(environ, start_response):
            with self.turn:
                response = application(environ, start_response)
                try:
                    return [b"".join(response)]  # the body too is read in turn: it may still query
                finally:
                    if hasattr(response, "close"):
                        response.close()

        super().set_app(in_turn)


def start_live_server(address: str) -> LiveServer:
    server = LiveServer(address, start=False)
    if connection.vendor == "sqlite":
        server.thread.server_class = OneRequestAtATime
    server.start()
    return server


def live_server_address(config) -> str:
    return config.getvalue("liveserver") or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS") or "localhost"
