import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


class PurgeTarget:
    """A real HTTP server that takes PURGE requests as an edge does, answering ``status``, and notes each one's
    xkey-purge header. ``pause`` (seconds) makes each answer slow."""

    def __init__(self):
        self.status, self.pause, self.received, self.lock = 200, 0.0, [], threading.Lock()
        target = self

        class Handler(BaseHTTPRequestHandler):
            def do_PURGE(self):  # noqa: N802  (http.server's naming)
                time.sleep(target.pause)
                with target.lock:
                    target.received.append(self.headers["xkey-purge"])
                self.send_response(target.status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def purge_target():
    target = PurgeTarget()
    yield target
    target.close()
