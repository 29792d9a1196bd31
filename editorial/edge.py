"""Edge caches (Varnish, ``deploy/varnish/magazine.vcl``) purged by surrogate key, through the outbox.

After a commit that changed what readers see, each address in ``EDGE_PURGE_URLS`` gets one message naming the
keys the commit touched; it is sent as ``PURGE`` with an ``xkey-purge`` header, and a 2xx is the edge's
acknowledgement. ``site`` is on every public page, so it purges everything and stands alone.
"""

import urllib.request

from django.conf import settings

from editorial import outbox
from editorial.publication import public_change

KIND = "edge-purge"
HEADER_MAX = 6000  # bytes of keys in one request; Varnish refuses a header much longer (http_req_hdr_len 8 KB)
TIMEOUT = 5  # seconds
_direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # to the edge itself, never a proxy


def purge_keys(keys) -> list[str]:
    wanted = {"site"} if keys is None else set(keys)
    return ["site"] if "site" in wanted else sorted(wanted)


def enqueue_purges(keys=None, **kwargs) -> None:
    """A receiver of ``public_change``; ``keys`` None (a sender that names none) is everything."""
    wanted = purge_keys(keys)
    for address in settings.EDGE_PURGE_URLS if wanted else ():
        outbox.enqueue(KIND, address, {"keys": wanted})


def batches(keys: list[str]) -> list[str]:
    """The keys as space-separated headers of at most HEADER_MAX bytes each."""
    found, current = [], ""
    for key in keys:
        if current and len(current) + 1 + len(key.encode()) > HEADER_MAX:
            found.append(current)
            current = ""
        current = f"{current} {key}" if current else key
    return [*found, current] if current else found


def send_purge(target: str, payload: dict) -> None:
    for header in batches(payload["keys"]):
        request = urllib.request.Request(target, method="PURGE", headers={"xkey-purge": header})
        with _direct.open(request, timeout=TIMEOUT) as response:  # anything but a 2xx raises
            response.read()


def connect() -> None:
    outbox.register(KIND, send_purge)
    public_change.connect(enqueue_purges, dispatch_uid="editorial.edge.enqueue_purges")
