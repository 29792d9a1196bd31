"""The outbox (editorial/outbox.py) and the edge purges sent through it (editorial/edge.py), against real HTTP
servers; tests/edge/test_edge.py runs them through gunicorn and varnishd."""

import os
import socket
import threading
import time

import pytest
from django.db import transaction
from django.utils import timezone

from editorial import edge, outbox
from editorial.outbox import OutboxMessage
from editorial.publication import public_change
from tests import factories
from tests.servers import wait_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent():
    """A kind whose sender notes what it was given and fails while ``failing`` says so."""
    calls = {"messages": [], "failing": None}

    def send(target, payload):
        if calls["failing"]:
            raise calls["failing"]
        calls["messages"].append((target, payload))

    outbox.register("test", send)
    yield calls
    outbox._senders.pop("test")


def due_now():
    OutboxMessage.objects.update(next_attempt_at=timezone.now())


def test_a_message_enqueued_in_a_transaction_that_rolls_back_is_not_kept(sent):
    with pytest.raises(RuntimeError), transaction.atomic():
        outbox.enqueue("test", "http://edge.example/", {"keys": ["site"]})
        raise RuntimeError("the publish failed")
    assert not OutboxMessage.objects.exists()
    assert outbox.deliver_due() == 0 and sent["messages"] == []


def test_an_acknowledged_message_is_sent_once_and_deleted(sent):
    with factories.committing():
        outbox.enqueue("test", "http://edge.example/", {"keys": ["review-1"]})
    assert outbox.deliver_due() == 1
    assert sent["messages"] == [("http://edge.example/", {"keys": ["review-1"]})]
    assert not OutboxMessage.objects.exists()
    assert outbox.deliver_due() == 0 and len(sent["messages"]) == 1


def test_a_failed_message_is_kept_with_its_error_put_off_and_sent_later(sent):
    outbox.enqueue("test", "http://edge.example/", {"keys": ["site"]})
    sent["failing"] = ConnectionRefusedError("edge down")
    assert outbox.deliver_due() == 0
    message = OutboxMessage.objects.get()
    assert message.attempts == 1 and message.last_error == "ConnectionRefusedError: edge down"
    wait = (message.next_attempt_at - timezone.now()).total_seconds()
    assert 1 < wait <= 2
    assert outbox.deliver_due() == 0 and OutboxMessage.objects.get().attempts == 1  # not due yet: not tried
    due_now()
    outbox.deliver_due()
    assert 3 < (OutboxMessage.objects.get().next_attempt_at - timezone.now()).total_seconds() <= 4  # doubled
    sent["failing"] = None
    due_now()
    assert outbox.deliver_due() == 1 and not OutboxMessage.objects.exists()
    assert sent["messages"] == [("http://edge.example/", {"keys": ["site"]})]


def test_the_wait_doubles_from_two_seconds_to_at_most_thirty():
    assert [outbox.delay(attempts) for attempts in range(1, 8)] == [2, 4, 8, 16, 30, 30, 30]


def test_a_message_no_sender_in_this_process_knows_is_left_for_one_that_does(sent):
    OutboxMessage.objects.create(kind="elsewhere", target="http://hub.example/", payload={})
    assert outbox.deliver_due() == 0
    assert OutboxMessage.objects.get().attempts == 0


def test_one_call_sends_at_most_its_limit_oldest_due_first(sent):
    for number in range(5):
        outbox.enqueue("test", f"http://edge.example/{number}", {})
    assert outbox.deliver_due(limit=2) == 2
    assert [target for target, _ in sent["messages"]] == ["http://edge.example/0", "http://edge.example/1"]
    assert outbox.deliver_due() == 3 and not OutboxMessage.objects.exists()


def test_a_public_change_enqueues_one_purge_per_edge_with_its_keys(settings):
    settings.EDGE_PURGE_URLS = ["http://127.0.0.1:6081/", "http://10.0.0.2:6081/"]
    public_change.send(sender=None, items=[], keys=frozenset({"reviews", "review-12", "person-7"}))
    assert sorted((m.kind, m.target, m.payload["keys"][0]) for m in OutboxMessage.objects.all()) == [
        ("edge-purge", "http://10.0.0.2:6081/", "person-7"), ("edge-purge", "http://127.0.0.1:6081/", "person-7")]
    assert {tuple(m.payload["keys"]) for m in OutboxMessage.objects.all()} == {("person-7", "review-12", "reviews")}


@pytest.mark.parametrize(("keys", "purged"), [
    (None, ["site"]),  # a sender that names no keys changed everything
    (frozenset({"site"}), ["site"]),
    (frozenset({"site", "review-1"}), ["site"]),  # "site" is on every page: the others add nothing
    (frozenset(), None),
])
def test_what_a_public_change_purges(settings, keys, purged):
    settings.EDGE_PURGE_URLS = ["http://127.0.0.1:6081/"]
    public_change.send(sender=None, items=[], **({} if keys is None else {"keys": keys}))
    assert [m.payload["keys"] for m in OutboxMessage.objects.all()] == ([purged] if purged else [])


def test_without_edges_a_public_change_enqueues_nothing():
    public_change.send(sender=None, items=[], keys=frozenset({"site"}))
    assert not OutboxMessage.objects.filter(kind=edge.KIND).exists()


def test_a_purge_is_a_purge_request_naming_the_keys_and_a_refusal_keeps_it(settings, purge_target):
    settings.EDGE_PURGE_URLS = [purge_target.url]
    public_change.send(sender=None, items=[], keys=frozenset({"review-3", "reviews"}))
    purge_target.status = 503
    assert outbox.deliver_due() == 0
    assert "HTTPError: HTTP Error 503" in OutboxMessage.objects.get().last_error
    purge_target.status = 200
    due_now()
    assert outbox.deliver_due() == 1
    assert purge_target.received == ["review-3 reviews", "review-3 reviews"]  # refused, then taken


def test_a_target_that_does_not_answer_is_waited_for_once_a_round(settings, monkeypatch):
    with socket.socket() as silent:  # accepts connections, never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        settings.EDGE_PURGE_URLS = [f"http://127.0.0.1:{silent.getsockname()[1]}/"]
        monkeypatch.setattr(edge, "TIMEOUT", 0.5)
        for number in range(3):
            public_change.send(sender=None, items=[], keys=frozenset({f"review-{number}"}))
        started = time.monotonic()
        assert outbox.deliver_due() == 0
        assert time.monotonic() - started < 1.0  # one timeout, not three
    assert [m.attempts for m in OutboxMessage.objects.all()] == [1, 1, 1]
    assert all("timed out" in m.last_error for m in OutboxMessage.objects.all())


def test_a_target_that_refuses_one_message_is_still_sent_the_others(settings, purge_target):
    settings.EDGE_PURGE_URLS = [purge_target.url]
    for number in range(2):
        public_change.send(sender=None, items=[], keys=frozenset({f"review-{number}"}))
    purge_target.status = 500
    assert outbox.deliver_due() == 0
    assert purge_target.received == ["review-0", "review-1"]  # it answered: it is there


def test_a_purge_of_many_keys_is_split_into_headers_an_edge_takes(purge_target):
    keys = sorted(f"review-{number}" for number in range(2000))
    edge.send_purge(purge_target.url, {"keys": keys})
    assert len(purge_target.received) > 1
    assert all(len(header) <= edge.HEADER_MAX for header in purge_target.received)
    assert " ".join(purge_target.received).split() == keys


def test_a_purge_to_an_address_where_nothing_listens_fails(purge_target):
    purge_target.close()
    with pytest.raises(OSError):
        edge.send_purge(purge_target.url, {"keys": ["site"]})


def test_a_sender_that_died_is_started_again_by_the_next_request(settings):
    settings.OUTBOX_POLL_SECONDS = 3600  # it waits to be woken, and nothing here wakes it
    dead = threading.Thread(target=lambda: None)
    dead.start()
    dead.join()
    kept = dict(outbox._sender)
    outbox._sender.update(thread=dead, pid=os.getpid())
    try:
        outbox.ensure_sender()
        assert outbox.running() and outbox._sender["thread"] is not dead
        started = outbox._sender["thread"]
        outbox.ensure_sender()
        assert outbox._sender["thread"] is started  # once per process
    finally:
        outbox._sender.update(kept)  # the new one is never woken: no later test meets it


def test_with_no_poll_interval_no_sender_starts(settings):
    settings.OUTBOX_POLL_SECONDS = 0
    kept = dict(outbox._sender)
    outbox._sender.update(thread=None, pid=None)
    try:
        outbox.ensure_sender()
        assert outbox._sender["thread"] is None
    finally:
        outbox._sender.update(kept)


def test_the_first_request_starts_the_sender(settings, client):
    settings.OUTBOX_POLL_SECONDS = 3600
    kept = dict(outbox._sender)
    outbox._sender.update(thread=None, pid=None)
    try:
        client.get("/healthz")
        assert outbox.running()
    finally:
        outbox._sender.update(kept)


class Counting(outbox.Sender):
    """This process's sender as it starts, counting its rounds instead of reading the outbox from its thread."""

    def __init__(self):
        super().__init__(poll=3600)
        self.rounds = 0

    def round(self):
        self.rounds += 1


def test_a_request_that_enqueues_wakes_the_sender_once_it_is_answered(sent):
    kept = dict(outbox._sender)
    outbox._sender.update(thread=Counting(), pid=os.getpid())
    outbox._sender["thread"].start()
    try:
        outbox.request_began()  # what request_started runs (Django's own receivers would close the connection)
        with factories.committing():
            outbox.enqueue("test", "http://edge.example/", {})
        assert not outbox._sender["thread"].woken.is_set()  # the rest of the request first (the page cache)
        outbox.request_ended()
        wait_for(lambda: outbox._sender["thread"].rounds == 1, "the sender's round")
        with factories.committing():
            outbox.enqueue("test", "http://edge.example/", {})  # outside a request: at once
        wait_for(lambda: outbox._sender["thread"].rounds == 2, "the sender's round")
    finally:
        outbox._sender.update(kept)
