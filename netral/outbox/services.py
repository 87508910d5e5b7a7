"""Writing events and processing them (the outbox; docs/architecture.md, "After a change").

- `emit(kind, payload, case_id=...)` stores an `Event` in the caller's transaction and asks for it to be
  processed once that transaction commits: when `NETRAL_ASYNC_TASKS` is off (the default: the demo and
  the tests), at once in this process, the transaction's events together (a sweep batch's hundreds as
  one batch) and any event another process left pending for `STALE_SECONDS` (it died after its commit);
  else by queueing one `process_pending` task for the worker, whose schedule also picks up what a lost
  task left. Either way the effects come from the stored rows, so the two paths are the same code.
- `process()` claims pending events in id order (`SELECT ... FOR UPDATE SKIP LOCKED` where the database
  can, then a conditional UPDATE `state = 'pending'` returning the rows this call won: the compare-and-set
  of the escalation sweep) and hands each batch to the handlers named in `NETRAL_OUTBOX_HANDLERS`, in the
  same database transaction as the claim. A process killed on the way rolls the claim back with the
  handlers' rows: the events stay pending and are processed once by the next `process()`.
- A handler that raises fails only its own events: the batch is retried one event at a time; a failing
  event waits (`RETRY_SECONDS` × attempts) and is retried up to `MAX_ATTEMPTS` times, then kept as
  `failed` with its error for an operator (`netral worker --once` processes what is pending).

Handlers are named in settings (like middleware) so that this module does not import the apps that react
to events, which themselves import the apps that emit them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.module_loading import import_string

from netral.core import schedules
from netral.outbox.models import Event

logger = logging.getLogger(__name__)

PROCESS_TASK = "netral.outbox.services.process_pending"
BATCH = 200
# A pending event this old was left by a process that died after its commit (see the module).
STALE_SECONDS = 60
MAX_ATTEMPTS = 5
RETRY_SECONDS = 60

Handler = Callable[[Sequence[Event]], None]


def emit(kind: str, payload: dict[str, Any], *, case_id: int | None = None) -> Event:
    """Store an event in the current transaction; it is processed after the commit (see the module)."""
    event = Event.objects.create(kind=kind, payload=payload, case_id=case_id)
    _process_after_commit(event.pk)
    return event


def emit_many(kind: str, items: Sequence[tuple[dict[str, Any], int | None]]) -> None:
    """`emit` for many events of one kind, (payload, case id) each, in one INSERT."""
    if not items:
        return
    rows = Event.objects.bulk_create(
        [Event(kind=kind, payload=payload, case_id=case_id) for payload, case_id in items]
    )
    first = rows[0].pk
    if first is None:  # a database that does not return the ids: processed from the oldest pending event
        first = Event.objects.filter(state=Event.State.PENDING).order_by("pk").values_list("pk", flat=True)[0]
    _process_after_commit(first)


class _AfterCommit:
    """The one processing a transaction asks for after its commit: from its first event on (the events
    written after it in the transaction are processed with it), and what a dead process left behind; with
    the worker, one `process_pending` task instead."""

    def __init__(self, first_id: int, transaction_block: object) -> None:
        self.first_id = first_id
        self.transaction_block = transaction_block

    def __call__(self) -> None:
        if settings.NETRAL_ASYNC_TASKS:
            try:
                from django_q.tasks import async_task

                async_task(PROCESS_TASK, group="outbox")
                return
            except Exception as exc:  # the queue is down: processed now rather than late
                logger.error("outbox: processing could not be queued (%s); done at once", type(exc).__name__)
        now = timezone.now()
        process(from_id=self.first_id, now=now)
        process(created_before=now - dt.timedelta(seconds=STALE_SECONDS), now=now)


def _transaction_block() -> object | None:
    """The atomic block that is the current transaction: the outermost one, not counting the blocks a
    Django test case wraps every test in (each block inside those is a transaction of its own there)."""
    blocks = [block for block in connection.atomic_blocks if not getattr(block, "_from_testcase", False)]
    return blocks[0] if blocks else None


def _process_after_commit(event_id: int) -> None:
    """Ask for one processing per transaction, however many events it writes (a sweep batch: hundreds)."""
    block = _transaction_block()
    if block is not None:
        for entry in connection.run_on_commit:  # (savepoint ids, callback, robust)
            callback = entry[1]
            if isinstance(callback, _AfterCommit) and callback.transaction_block is block:
                return
    transaction.on_commit(_AfterCommit(event_id, block))


@contextlib.contextmanager
def unprocessed() -> Iterator[None]:
    """A transaction whose events are stored as `skipped`, never processed (the demo replaying history:
    nobody is told of it, and no suggestions are made)."""
    with transaction.atomic():
        before = Event.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        yield
        Event.objects.filter(pk__gt=before, state=Event.State.PENDING).update(
            state=Event.State.SKIPPED, processed_at=timezone.now()
        )


def handlers() -> list[Handler]:
    return [import_string(path) for path in settings.NETRAL_OUTBOX_HANDLERS]


@dataclass
class ProcessResult:
    done: int = 0
    retried: int = 0
    failed: int = 0

    def as_dict(self) -> dict[str, int]:
        return {"events_done": self.done, "events_retried": self.retried, "events_failed": self.failed}


def process(
    *,
    from_id: int | None = None,
    created_before: dt.datetime | None = None,
    batch: int = BATCH,
    now: dt.datetime | None = None,
) -> ProcessResult:
    """Process the events pending now (only those from the id `from_id` on, or only those created before
    `created_before`, when given), in batches of `batch` (see the module)."""
    result = ProcessResult()
    query = Event.objects.filter(state=Event.State.PENDING, available_at__lte=now or timezone.now())
    if from_id is not None:
        query = query.filter(pk__gte=from_id)
    if created_before is not None:
        query = query.filter(created_at__lt=created_before)
    while _process_batch(query, batch, now or timezone.now(), result) == batch:
        pass
    return result


def process_pending(**_kwargs: Any) -> dict[str, int]:
    """Entry point of the worker's task and schedule."""
    return process().as_dict()


def _claim(query: QuerySet[Event], batch: int) -> list[Event]:
    query = query.order_by("pk")
    if connection.features.has_select_for_update_skip_locked:
        query = query.select_for_update(skip_locked=True)
    else:
        query = query.select_for_update()
    return list(query[:batch])


def _mark_done(ids: list[int], now: dt.datetime) -> set[int]:
    """Mark the claimed events done in one conditional UPDATE; returns the ids this call won."""
    if not ids:
        return set()
    table = connection.ops.quote_name(Event._meta.db_table)
    marks = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET state = %s, processed_at = %s, attempts = attempts + 1 "  # noqa: S608 - our table
            f"WHERE id IN ({marks}) AND state = %s RETURNING id",
            [
                Event.State.DONE.value,
                connection.ops.adapt_datetimefield_value(now),
                *ids,
                Event.State.PENDING.value,
            ],
        )
        return {int(row[0]) for row in cursor.fetchall()}


def _dispatch(events: Sequence[Event]) -> None:
    for handler in handlers():
        handler(events)


def _process_batch(query: QuerySet[Event], batch: int, now: dt.datetime, result: ProcessResult) -> int:
    with transaction.atomic():
        claimed = _claim(query, batch)
        won = _mark_done([event.pk for event in claimed], now)
        events = [event for event in claimed if event.pk in won]
        try:
            with transaction.atomic():
                _dispatch(events)
            result.done += len(events)
        except Exception:
            logger.exception("outbox: a batch of %d events failed; retried one by one", len(events))
            for event in events:
                try:
                    with transaction.atomic():
                        _dispatch([event])
                    result.done += 1
                except Exception as exc:
                    _failed(event, exc, now, result)
    return len(claimed)


def _failed(event: Event, exc: Exception, now: dt.datetime, result: ProcessResult) -> None:
    attempts = event.attempts + 1
    final = attempts >= MAX_ATTEMPTS
    logger.error(
        "outbox: event %s (%s) failed, attempt %d: %s", event.pk, event.kind, attempts, type(exc).__name__
    )
    Event.objects.filter(pk=event.pk).update(
        state=Event.State.FAILED if final else Event.State.PENDING,
        processed_at=now if final else None,
        available_at=now + dt.timedelta(seconds=RETRY_SECONDS * attempts),
        last_error=f"{type(exc).__name__}: {exc}"[:2000],
    )
    if final:
        result.failed += 1
    else:
        result.retried += 1


SCHEDULE_NAME = "netral: outbox"


def ensure_schedule(minutes: int = 1) -> tuple[Any, bool]:
    """The schedule that processes pending events every `minutes` (a backstop for events whose queued
    task was lost); returns (schedule, created)."""
    return schedules.ensure_schedule(SCHEDULE_NAME, PROCESS_TASK, minutes)
