import os
from http import HTTPStatus

from django.core.wsgi import get_wsgi_application
from django.http import UnreadablePostError

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "magazine.settings")


class WholeBody:
    """wsgi.input that holds the client to its Content-Length. Django's own stream ends quietly where a client
    hung up, and its form parser keeps the fields that arrived: half an upload would be saved as a whole form."""

    def __init__(self, stream, length: int):
        self.stream, self.remaining = stream, length

    def read(self, size=-1) -> bytes:
        wanted = self.remaining if size is None or size < 0 else min(size, self.remaining)
        chunks, got = [], 0
        while got < wanted:
            chunk = self.stream.read(wanted - got)
            if not chunk:
                raise UnreadablePostError(f"The client hung up with {self.remaining - got} bytes of the body unsent.")
            chunks.append(chunk)
            got += len(chunk)
        self.remaining -= got
        return b"".join(chunks)

    def readline(self, size=-1) -> bytes:
        wanted = self.remaining if size is None or size < 0 else min(size, self.remaining)
        line = self.stream.readline(wanted) if wanted else b""
        if wanted and not line:
            raise UnreadablePostError(f"The client hung up with {self.remaining} bytes of the body unsent.")
        self.remaining -= len(line)
        return line


django_application = get_wsgi_application()

from magazine import page_cache  # noqa: E402  (after Django is set up)


def application(environ, start_response):
    kept = page_cache.answer_before_django(environ)
    if kept is not None:  # a reader's page, ready: no request cycle, no middleware, no database
        status, headers, body = kept
        start_response(f"{status} {HTTPStatus(status).phrase}", headers)
        return [body]
    length = environ.get("CONTENT_LENGTH") or ""
    if length.isdigit() and int(length):
        environ["wsgi.input"] = WholeBody(environ["wsgi.input"], int(length))
    return django_application(environ, start_response)
