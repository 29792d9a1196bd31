"""A durable outbox: messages to other servers (edge purges, hub pings), kept in the database until the other
server acknowledges them.

``enqueue`` writes a row with the caller's transaction, so a message exists exactly when the change it announces
was committed. Each web process delivers with one daemon thread of its own, started by its first request: woken
once a request whose commit enqueued is answered, and every ``OUTBOX_POLL_SECONDS`` besides, so rows left by a
process that died, or refused by a server that was down, go out after a restart. A failed message is put off (2 s,
doubling, at most 30 s) with its error; it is never a reader's failure. Delivery is at least once: a row is claimed
(hidden from other senders for a lease) before it is sent, and deleted once acknowledged.

With ``OUTBOX_POLL_SECONDS`` at 0 no thread starts (the tests call ``deliver_due`` themselves).
"""

import logging
import os
import threading
from collections.abc import Callable
from datetime import timedelta
from urllib.error import HTTPError

from django.conf import settings
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection, models, transaction
from django.db.models import F
from django.utils import timezone

logger = logging.getLogger("editorial.outbox")

LEASE = timedelta(seconds=60)  # how long a claimed message is hidden from other senders: longer than a send
FIRST_DELAY, LONGEST_DELAY = 2, 30  # seconds a failed message waits, doubling each time
ERROR_MAX = 2000


class OutboxMessage(models.Model):
    """One message, kept until its target acknowledges it."""

    kind = models.CharField(max_length=32)
    target = models.CharField(max_length=2000)
    payload = models.JSONField(default=dict)
    created_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now, db_index=True)
    last_error = models.TextField(blank=True)

    class Meta:
        app_label = "editorial"
        ordering = ["next_attempt_at", "pk"]

    def __str__(self):
        return f"{self.kind} to {self.target}"


_senders: dict[str, Callable[[str, dict], None]] = {}


def register(kind: str, send: Callable[[str, dict], None]) -> None:
    """``send(target, payload)`` delivers one message of ``kind``: it returns once the target acknowledged it
    and raises otherwise."""
    _senders[kind] = send


def enqueue(kind: str, target: str, payload: dict) -> None:
    """Keep a message for ``target``, with the current transaction if there is one."""
    OutboxMessage.objects.create(kind=kind, target=target, payload=payload)
    transaction.on_commit(wake_soon)


def deliver_due(limit: int = 100) -> int:
    """Send up to ``limit`` messages that are due; the number acknowledged."""
    acknowledged, unreachable = 0, {}
    for message in claim(limit):
        if message.target in unreachable:  # one timeout a round per target that does not answer, not one a message
            put_off(message, unreachable[message.target])
            continue
        try:
            _senders[message.kind](message.target, message.payload)
        except Exception as error:  # noqa: BLE001  (whatever failed, the message waits for the next try)
            if isinstance(error, OSError) and not isinstance(error, HTTPError):  # no answer at all (an HTTP one is)
                unreachable[message.target] = error
            put_off(message, error)
        else:
            OutboxMessage.objects.filter(pk=message.pk).delete()
            acknowledged += 1
    return acknowledged


def claim(limit: int) -> list[OutboxMessage]:
    """Due messages this sender alone will send: each is moved past a lease, so no other sender sees it meanwhile."""
    now = timezone.now()
    due = OutboxMessage.objects.filter(kind__in=list(_senders), next_attempt_at__lte=now)
    claimed = {"next_attempt_at": now + LEASE, "attempts": F("attempts") + 1}
    if connection.features.has_select_for_update_skip_locked:
        with transaction.atomic():
            messages = list(due.select_for_update(skip_locked=True)[:limit])
            OutboxMessage.objects.filter(pk__in=[message.pk for message in messages]).update(**claimed)
    else:  # SQLite writes one at a time: a message is this sender's if its UPDATE finds it as it was read
        messages = [message for message in due[:limit]
                    if due.filter(pk=message.pk, attempts=message.attempts).update(**claimed)]
    for message in messages:
        message.attempts += 1
    return messages


def delay(attempts: int) -> int:
    return min(FIRST_DELAY * 2 ** (attempts - 1), LONGEST_DELAY)


def put_off(message: OutboxMessage, error: Exception) -> None:
    wait = delay(message.attempts)
    why = (f"{type(error).__name__}: {error}" if str(error) else type(error).__name__)[:ERROR_MAX]
    logger.warning("outbox: %s to %s failed (attempt %d), next try in %d s: %s",
                   message.kind, message.target, message.attempts, wait, why)
    OutboxMessage.objects.filter(pk=message.pk).update(
        next_attempt_at=timezone.now() + timedelta(seconds=wait), last_error=why)


class Sender(threading.Thread):
    """This process's deliverer: runs ``deliver_due`` when woken and every ``OUTBOX_POLL_SECONDS``."""

    def __init__(self, poll: float):
        super().__init__(name="outbox-sender", daemon=True)
        self.poll, self.woken, self.failing = poll, threading.Event(), False

    def run(self) -> None:
        while True:
            self.woken.wait(self.poll)
            self.woken.clear()
            self.round()

    def round(self) -> None:
        close_old_connections()
        try:
            while deliver_due():
                pass  # some went out: there may be more due
        except Exception:  # noqa: BLE001  (the database is away: the next round tries again)
            if not self.failing:
                logger.exception("outbox: cannot read the outbox; trying again every %s s", self.poll)
            self.failing = True
        else:
            self.failing = False
        finally:
            close_old_connections()


_sender: dict = {"thread": None, "pid": None}
_starting = threading.Lock()
_request = threading.local()  # whether this thread is answering a request, and whether it enqueued


def ensure_sender() -> None:
    """Start this process's sender, once (again after a fork, or if it died)."""
    if running() or settings.OUTBOX_POLL_SECONDS <= 0:
        return
    with _starting:
        if not running():
            _sender["thread"], _sender["pid"] = Sender(settings.OUTBOX_POLL_SECONDS), os.getpid()
            _sender["thread"].start()


def running() -> bool:
    thread = _sender["thread"]
    return thread is not None and thread.is_alive() and _sender["pid"] == os.getpid()


def wake() -> None:
    if running():
        _sender["thread"].woken.set()


def wake_soon() -> None:
    """Wake the sender once the request that enqueued is answered, or at once outside a request. Whatever order
    the receivers of a change run in, the page cache has then moved on before an edge purge goes out: an edge
    purged first could be refilled with the old page."""
    if getattr(_request, "answering", False):
        _request.enqueued = True
    else:
        wake()


def request_began(**kwargs) -> None:
    ensure_sender()
    _request.answering, _request.enqueued = True, False


def request_ended(**kwargs) -> None:
    _request.answering = False
    if getattr(_request, "enqueued", False):
        _request.enqueued = False
        wake()


def connect() -> None:
    """Each web process starts its sender with its first request (management commands leave theirs to them)."""
    request_started.connect(request_began, dispatch_uid="editorial.outbox.request_began")
    request_finished.connect(request_ended, dispatch_uid="editorial.outbox.request_ended")
