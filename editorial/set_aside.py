"""Work that fails after the fact fails alone: it is set aside, logged as one structured line, and shown to
editors (the dashboard, the item's form), instead of failing every request that would retry it.

``record`` never raises: it is called where the failure it reports must not become a second one.
"""

import json
import logging

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from editorial.models import SetAside

logger = logging.getLogger("editorial.set_aside")
Step = SetAside.Step
REASON_MAX = 2000


def reason(error: BaseException) -> str:
    """The failure in words an editor can act on."""
    if isinstance(error, ValidationError):
        text = " ".join(error.messages)
    elif isinstance(error, IntegrityError):
        text = f"The database refused the change, which clashes with another item: {error}"
    else:
        text = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
    return text[:REASON_MAX]


def label(item) -> str:
    return f"{item._meta.label_lower}:{item.pk}" if item is not None else "-"


def record(item, step: str, error: BaseException, *, revision=None) -> SetAside | None:
    """Set the failed ``step`` of ``item`` aside; an open record of the same step is brought up to date."""
    why = reason(error)
    log(item, step, why, revision=revision)
    try:
        with transaction.atomic():
            return _kept(item, step, why, revision)
    except DatabaseError as failure:  # the database is why it failed: the log line is all there can be
        log(item, step, f"not recorded: {failure}")
        return None


def log(item, step: str, why: str, *, revision=None) -> None:
    """One line an operator can alert on: ``set aside {"item": …, "step": …, "error": …, "revision": …}``."""
    logger.error("set aside %s", json.dumps({"item": label(item), "step": step, "error": why,
                                              "revision": getattr(revision, "pk", None)}, ensure_ascii=False))


def _kept(item, step: str, why: str, revision) -> SetAside:
    where = _of(item) if item is not None else {"content_type": None, "object_id": None}
    kept = SetAside.objects.filter(**where, step=step, resolved_at=None).first()
    if kept is None:
        return SetAside.objects.create(**where, step=step, error=why, revision=revision,
                                       item_repr=str(item)[:300] if item is not None else "")
    SetAside.objects.filter(pk=kept.pk).update(error=why, revision=revision or kept.revision,
                                                created_at=timezone.now(), attempts=F("attempts") + 1)
    kept.refresh_from_db()
    return kept


def _of(item) -> dict:
    return {"content_type": ContentType.objects.get_for_model(item), "object_id": item.pk}


def resolve(item, *steps: str) -> None:
    """The item's ``steps`` (all, when none is named) went through since: they are no longer open."""
    found = open_for(item)
    if steps:
        found = found.filter(step__in=steps)
    found.update(resolved_at=timezone.now())


def open_for(item):
    return SetAside.objects.filter(**_of(item), resolved_at=None)


def open_ones():
    return SetAside.objects.filter(resolved_at=None).select_related("content_type")
