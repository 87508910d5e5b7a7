"""Keeping `DeadlineTally` (models_tally.py) exact: the counts of ended deadlines by case attributes.

Every change that can move a count goes through here, inside the action's transaction:
- `record_ended` when `actions.transition` meets a clock or marks it overdue (`_apply_clocks`);
- `move` when an attribute in the key changes on a case that already has ended deadlines: the ASN
  authority at `forward_to_authority` (`actions._side_effects`) and the violation group
  (`classification.classify_case`).
Updates are one upsert per row (`INSERT … ON CONFLICT … DO UPDATE SET n = n + excluded.n`, PostgreSQL and
SQLite alike), in key order so that concurrent transactions lock shared rows in the same order.
`rebuild()` recounts everything from the deadline rows (the migration that created the table, bulk loads
such as `analytics.generate`, and the test that the kept counts equal a recount).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import connection, models
from django.db.models import Count, F, Q

from netral.cases.models import Case, Deadline, DeadlineTally

ON_TIME, LATE, OVERDUE = "on_time", "late", "overdue"
OUTCOMES = (ON_TIME, LATE, OVERDUE)
KEY_COLUMNS = ("clock", "election_id", "region_id", "authority_key", "group")


@dataclass(frozen=True, order=True)
class Key:
    """The case attributes a tally row is counted under (besides the clock)."""

    election_id: int
    region_id: str
    authority_key: int  # Case.authority_id, 0 for none
    group: str

    @classmethod
    def of(cls, case: Case) -> Key:
        return cls(case.election_id, case.region_id, case.authority_id or 0, case.group)


def met_outcome(met_at: dt.datetime, due_at: dt.datetime) -> str:
    """A deadline met no later than due is met on time (the dashboards' rule)."""
    return ON_TIME if met_at <= due_at else LATE


def outcome(state: str, met_at: dt.datetime | None, due_at: dt.datetime) -> str | None:
    """How an ended deadline counts (None while it is open)."""
    if state == Deadline.State.MET and met_at is not None:
        return met_outcome(met_at, due_at)
    if state == Deadline.State.OVERDUE:
        return OVERDUE
    return None


def record_ended(case: Case, ended: Iterable[tuple[str, str]]) -> None:
    """Count deadlines of `case` that have just ended, as (clock, outcome) pairs."""
    _add(Key.of(case), Counter(ended), 1)


def move(case: Case, before: Key, after: Key) -> None:
    """Move the ended deadlines of `case` from the key `before` to `after` (an attribute changed)."""
    if before == after:
        return
    ended = Deadline.objects.filter(case=case).exclude(state=Deadline.State.OPEN)
    counts: Counter[tuple[str, str]] = Counter()
    for clock, state, met_at, due_at in ended.values_list("clock", "state", "met_at", "due_at"):
        result = outcome(state, met_at, due_at)
        if result is not None:
            counts[clock, result] += 1
    if counts:
        for key, sign in sorted([(before, -1), (after, 1)]):
            _add(key, counts, sign)


def _add(key: Key, counts: Counter[tuple[str, str]], sign: int) -> None:
    clocks = sorted({clock for clock, _outcome in counts})
    rows: list[tuple[str | int, ...]] = [
        (
            clock,
            key.election_id,
            key.region_id,
            key.authority_key,
            key.group,
            *(sign * counts[clock, result] for result in OUTCOMES),
        )
        for clock in clocks
    ]
    if not rows:
        return
    quote = connection.ops.quote_name
    table = quote(DeadlineTally._meta.db_table)
    columns = ", ".join(quote(name) for name in (*KEY_COLUMNS, *OUTCOMES))
    keys = ", ".join(quote(name) for name in KEY_COLUMNS)
    sums = ", ".join(f"{quote(name)} = {table}.{quote(name)} + excluded.{quote(name)}" for name in OUTCOMES)
    marks = ", ".join(["%s"] * (len(KEY_COLUMNS) + len(OUTCOMES)))
    sql = f"INSERT INTO {table} ({columns}) VALUES ({marks}) ON CONFLICT ({keys}) DO UPDATE SET {sums}"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def recount(deadlines: Any = None) -> list[dict[str, Any]]:
    """The tally rows as counted from the deadlines now (`deadlines`: a Deadline manager, for migrations)."""
    manager = deadlines if deadlines is not None else Deadline.objects
    met = Q(state="met")
    return list(
        manager.exclude(state="open")
        .values(
            "clock",
            election_id=F("case__election_id"),
            region_id=F("case__region_id"),
            case_authority=F("case__authority_id"),
            group=F("case__group"),
        )
        .annotate(
            on_time=Count("pk", filter=met & Q(met_at__lte=F("due_at"))),
            late=Count("pk", filter=met & Q(met_at__gt=F("due_at"))),
            overdue=Count("pk", filter=Q(state="overdue")),
        )
        .order_by()
    )


def rebuild(deadlines: Any = None, tallies: Any = None, batch: int = 5000) -> int:
    """Replace the tally with a recount from the deadline rows; returns the number of rows written."""
    model: type[models.Model] = tallies.model if tallies is not None else DeadlineTally
    model._default_manager.all().delete()
    rows = [
        model(
            clock=row["clock"],
            election_id=row["election_id"],
            region_id=row["region_id"],
            authority_key=row["case_authority"] or 0,
            group=row["group"],
            on_time=row["on_time"],
            late=row["late"],
            overdue=row["overdue"],
        )
        for row in recount(deadlines)
    ]
    model._default_manager.bulk_create(rows, batch_size=batch)
    return len(rows)
