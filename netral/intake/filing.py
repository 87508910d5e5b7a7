"""Putting a received report into the workflow: its audit entry and its case.

Filing a report means, in one transaction: the audit entry `intake.report_received` (no personal
data), a case in state `received` through `cases.actions.open_case_for_report`, and `filed_at`.
Two shapes, chosen by the setting NETRAL_INTAKE_QUEUE (docs/intake.md, "The intake queue"):

- off (the default; tests, development, small installations): `submit_report` files the report in
  the same transaction that stores it, so a stored report always has its case.
- on (production under load): `submit_report` stores the report durably (one short transaction:
  report, reported persons, idempotency key) and answers; the report waits with `filed_at` empty,
  and a filer (`netral intake file --follow`, or `netral intake file` after an import) files the
  waiting reports in batches: one transaction, one audit-chain lock and one commit per batch.
  Nothing is lost: a report is either waiting or filed, and filing is done once (`filed_at` and
  row locks with SKIP LOCKED, so several filers never take the same report).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import close_old_connections, transaction
from django.db.models import Count, OuterRef, Subquery
from django.utils import timezone

from netral.audit.services import batch as audit_batch
from netral.audit.services import record
from netral.core import schedules
from netral.intake.models import Report, ReportedPerson
from netral.personnel.models import Employee

if TYPE_CHECKING:
    from netral.accounts.models import User

log = logging.getLogger(__name__)

DEFAULT_BATCH = 100


def queue_enabled() -> bool:
    """True when `submit_report` leaves filing to a filer (setting NETRAL_INTAKE_QUEUE)."""
    return bool(getattr(settings, "NETRAL_INTAKE_QUEUE", False))


def file_report(report: Report, *, actor: User | None, reported_persons: int) -> None:
    """Write the audit entry and open the case of a stored report. Call inside the transaction that
    sets its `filed_at` (and inside an audit batch, so the chain lock is taken only at its end)."""
    record(
        "intake.report_received",
        actor=actor,
        obj=report,
        label=None if actor else f"public ({report.channel})",
        data={
            "tracking_code": report.tracking_code,
            "channel": report.channel,
            "kind": report.kind,
            "anonymous": report.anonymous,
            "region": report.region_id,
            "election": report.election.code,
            "filing_last_day": report.filing_last_day,
            "daluwarsa": report.daluwarsa,
            "reported_persons": reported_persons,
        },
    )
    # Into the workflow (issue 4): the report becomes a case in state `received`.
    from netral.cases.services import open_case_for_report

    open_case_for_report(report, actor=actor)


def _file_batch(ids: Iterable[int] | None, limit: int, skip: set[int]) -> list[int]:
    """File up to `limit` waiting reports (or those of `ids` still waiting) in one transaction."""
    with transaction.atomic(), audit_batch():
        waiting = Report.objects.filter(filed_at__isnull=True).exclude(pk__in=skip)
        if ids is not None:
            waiting = waiting.filter(pk__in=list(ids))
        claimed = list(
            waiting.select_for_update(skip_locked=True, of=("self",))
            .select_related("region", "election", "submitted_by")
            .order_by("pk")[:limit]
        )
        if not claimed:
            return []
        pks = [report.pk for report in claimed]
        rows = ReportedPerson.objects.filter(report_id__in=pks).order_by().values("report_id")
        counts = {row["report_id"]: row["n"] for row in rows.annotate(n=Count("pk"))}
        _link_register(pks)
        for report in claimed:
            file_report(report, actor=report.submitted_by, reported_persons=counts.get(report.pk, 0))
        Report.objects.filter(pk__in=pks).update(filed_at=timezone.now())
    return pks


def _link_register(report_ids: list[int]) -> None:
    """Link the reported persons of queued reports to their register entries by NIP (one UPDATE;
    a report filed at once is linked by its own INSERT)."""
    entry = Employee.objects.filter(nip=OuterRef("nip")).order_by().values("pk")[:1]
    ReportedPerson.objects.filter(report_id__in=report_ids, employee__isnull=True).exclude(nip="").update(
        employee_id=Subquery(entry)
    )


@dataclass
class FilingResult:
    filed: int = 0
    failed: list[int] = field(default_factory=list)  # report ids that could not be filed (see the log)

    def as_dict(self) -> dict[str, Any]:
        return {"filed": self.filed, "failed": len(self.failed), "waiting": waiting_count()}


def file_pending(*, batch: int = DEFAULT_BATCH, max_batches: int | None = None) -> FilingResult:
    """File waiting reports, `batch` at a time, until none is left (or `max_batches` were done).

    A batch that fails is retried one report at a time, so one report that cannot be filed (it is
    logged by id, never by content) does not hold up the others; it stays waiting for the next run.
    """
    result = FilingResult()
    skip: set[int] = set()
    done = 0
    while max_batches is None or done < max_batches:
        done += 1
        try:
            filed = _file_batch(None, batch, skip)
        except Exception:
            filed = _file_one_by_one(batch, skip, result)
        result.filed += len(filed)
        if not filed:
            break
    return result


def _file_one_by_one(limit: int, skip: set[int], result: FilingResult) -> list[int]:
    waiting = Report.objects.filter(filed_at__isnull=True).exclude(pk__in=skip).order_by("pk")
    candidates = list(waiting.values_list("pk", flat=True)[:limit])
    filed: list[int] = []
    for pk in candidates:
        try:
            filed += _file_batch([pk], 1, skip)
        except Exception:
            log.exception("intake: report id %s could not be filed; it stays in the queue", pk)
            skip.add(pk)
            result.failed.append(pk)
    return filed


def waiting_count() -> int:
    """Reports stored but not filed yet (the length of the intake queue)."""
    return Report.objects.filter(filed_at__isnull=True).count()


def follow(
    *,
    batch: int = DEFAULT_BATCH,
    interval: float = 0.2,
    stop: Callable[[], bool] = lambda: False,
    on_pass: Callable[[FilingResult], None] | None = None,
) -> None:
    """File waiting reports as they arrive until `stop()` is true: poll every `interval` seconds
    while the queue is empty (one indexed query), file in batches while it is not."""
    while not stop():
        close_old_connections()
        result = file_pending(batch=batch, max_batches=10)
        if on_pass is not None and (result.filed or result.failed):
            on_pass(result)
        if not result.filed:
            time.sleep(interval)


SCHEDULE_NAME = "intake: file queued reports"
SCHEDULE_FUNC = "netral.intake.filing.scheduled_filing"


def scheduled_filing() -> dict[str, Any]:
    """The django-q2 task: file whatever waits (a safety net beside `netral intake file --follow`)."""
    return file_pending().as_dict()


def ensure_schedule() -> tuple[Any, bool]:
    """The django-q2 `Schedule` running `scheduled_filing` every minute (in `netral worker`);
    returns (schedule, created)."""
    return schedules.ensure_schedule(SCHEDULE_NAME, SCHEDULE_FUNC)
