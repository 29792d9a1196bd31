"""A small WSGI app that answers as the magazine does for the edge: pages naming their surrogate keys, kept for
what Surrogate-Control says, each body new (a count of the requests this process answered), so a test sees
whether Varnish asked for it again. Served by gunicorn in tests/edge/test_vcl.py."""

import itertools

answered = itertools.count(1)

# path: (Surrogate-Key, Surrogate-Control, extra headers)
PAGES = {
    "/a/": ("site page-a list", "max-age=300", []),
    "/b/": ("site page-b list", "max-age=300", []),
    "/c/": ("site page-c", "max-age=300", []),
    "/short/": ("site short", "max-age=1", []),
    "/aged/": ("site aged", "max-age=300", [("Age", "298")]),  # kept by the app's own cache 298 s ago
    "/no-max-age/": ("site odd", "no-store-here", []),
    "/unkept/": ("site unkept", None, []),
    "/cookie/": ("site cookie", "max-age=300", [("Set-Cookie", "csrftoken=abc; Path=/")]),
    "/admin/": ("site admin", "max-age=300", []),
    "/preview/x/": ("site preview", "max-age=300", []),
}


def application(environ, start_response):
    path = environ["PATH_INFO"]
    if path not in PAGES:
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"not here\n"]
    keys, control, extra = PAGES[path]
    body = (f"{path} answer {next(answered)} coding={environ.get('HTTP_ACCEPT_ENCODING', '-')} "
            f"cookie={environ.get('HTTP_COOKIE', '-')}\n").encode()
    headers = [("Content-Type", "text/plain"), ("Content-Length", str(len(body))), ("Surrogate-Key", keys),
               ("Cache-Control", "public, max-age=0, must-revalidate"), ("Vary", "Accept-Encoding"),
               ("ETag", f'W/"{path}"'), *extra]
    if control:
        headers.append(("Surrogate-Control", control))
    start_response("200 OK", headers)
    return [body]
