"""The outbox across processes, on the engine the suite runs on: two deliverers at once send each message once,
and what one process left is delivered by the next."""

import os
import subprocess
import time

import pytest

from tests.paths import ROOT
from tests.servers import MANAGE, site_database

ENQUEUE = """
from editorial import outbox
for number in range({count}):
    outbox.enqueue("edge-purge", {url!r}, {{"keys": [f"key-{{number}}"]}})
"""

DELIVER = """
import time
from editorial import outbox
from editorial.outbox import OutboxMessage
time.sleep(max(0, {start} - time.time()))  # both begin together
sent = 0
while OutboxMessage.objects.exists():
    sent += outbox.deliver_due(limit=3)
print("sent", sent)
"""


@pytest.fixture
def database(tmp_path):
    with site_database(tmp_path) as url:
        env = {**os.environ, "DATABASE_URL": url}
        env.pop("CACHE_URL", None), env.pop("REDIS_URL", None)
        subprocess.run([*MANAGE, "migrate", "--verbosity", "0"], env=env, cwd=ROOT, check=True)
        yield env


def shell(env, code: str) -> subprocess.Popen:
    return subprocess.Popen([*MANAGE, "shell", "--no-imports", "--verbosity", "0", "-c", code], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, text=True)


def finished(process: subprocess.Popen) -> str:
    out, _ = process.communicate(timeout=120)
    assert process.returncode == 0
    return out


def test_two_deliverers_at_once_send_each_message_once(database, purge_target):
    finished(shell(database, ENQUEUE.format(count=60, url=purge_target.url)))
    purge_target.pause = 0.02
    start = time.time() + 5
    outs = [finished(process) for process in [shell(database, DELIVER.format(start=start)) for _ in range(2)]]
    counts = [int(out.split()[-1]) for out in outs]
    assert sum(counts) == 60 and all(counts), counts  # both took part
    assert sorted(purge_target.received) == sorted(f"key-{number}" for number in range(60))


def test_what_a_process_left_undelivered_is_delivered_by_the_next(database, purge_target):
    purge_target.status = 502
    left = shell(database, ENQUEUE.format(count=2, url=purge_target.url)
                 + "outbox.deliver_due()\nimport os\nos._exit(0)")  # tried once, refused, then the process died
    finished(left)
    assert len(purge_target.received) == 2
    purge_target.status = 200
    retry = ("from editorial.outbox import OutboxMessage\nfrom django.utils import timezone\n"
             "OutboxMessage.objects.update(next_attempt_at=timezone.now())\n"  # its wait is over
             "from editorial import outbox\nprint('sent', outbox.deliver_due())")
    assert finished(shell(database, retry)).split() == ["sent", "2"]
    assert sorted(purge_target.received) == ["key-0", "key-0", "key-1", "key-1"]
