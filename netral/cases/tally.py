"""Keeping the tallies (models_tally.py) exact: counts by the case attributes the dashboards select on.

One rule keeps every tally right: a change to a case's rows runs inside `tracking(case_ids)`. It locks
the cases, counts what they contribute to every tally before the change and after it (`snapshot`: the
same GROUP BY queries a full recount runs over all cases, restricted to those cases: a few index probes)
and adds the difference in the same transaction. The action layer does this (`actions.transition`,
`classification.classify_case`, `sanctions.block`, the escalation sweep once per batch); a tracked block
inside another one for the same case counts once, at the outermost. A case just opened is counted from
its row by `count_new_case`. Nothing else has to know which action moves which count, so a new action or
a new tally needs no bookkeeping of its own.

Updates are one upsert per tally row (`INSERT … ON CONFLICT … DO UPDATE SET n = n + excluded.n`,
PostgreSQL and SQLite alike), in key order, so that concurrent transactions lock shared rows in the same
order. `rebuild()` recounts everything from the rows: the migration that creates the tables, bulk loads
such as `analytics.generate` (which bypass the action layer), and the tests that kept = recounted.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.apps import apps as django_apps
from django.db import connection, models
from django.db.models import Count, DateField, F, FilteredRelation, Q, Value
from django.db.models.functions import Coalesce, TruncWeek
from django.utils import timezone

ON_TIME, LATE, OVERDUE = "on_time", "late", "overdue"

# Returns a model of the app "cases" by name: the installed models, or a migration's historical ones.
GetModel = Callable[[str], Any]
# (tally model name, key values in the order of `Tally.keys`) → measure → count.
Snapshot = dict[tuple[str, tuple[Any, ...]], Counter[str]]


def _case_keys(path: str) -> dict[str, Any]:
    """The key columns every tally shares, read from the case at `path` ("" for Case itself)."""
    return {
        "k_election": F(f"{path}election_id"),
        "k_region": F(f"{path}region_id"),
        "k_authority": Coalesce(F(f"{path}authority_id"), Value(0)),
        "k_group": F(f"{path}group"),
    }


# (alias in the counting queries, key column of every tally model)
CASE_KEYS = (
    ("k_election", "election_id"),
    ("k_region", "region_id"),
    ("k_authority", "authority_key"),
    ("k_group", "group"),
)


def _only(rows: Any, field: str, case_ids: Collection[int] | None) -> Any:
    return rows if case_ids is None else rows.filter(**{f"{field}__in": list(case_ids)})


def _count_deadlines(get: GetModel, case_ids: Collection[int] | None) -> Iterable[dict[str, Any]]:
    met = Q(state="met")
    rows = _only(get("Deadline").objects.exclude(state="open"), "case_id", case_ids)
    return (
        rows.values(k_clock=F("clock"), k_state=F("case__state"), **_case_keys("case__"))
        .annotate(
            on_time=Count("pk", filter=met & Q(met_at__lte=F("due_at"))),
            late=Count("pk", filter=met & Q(met_at__gt=F("due_at"))),
            overdue=Count("pk", filter=Q(state="overdue")),
        )
        .order_by()
    )


def _count_cases(get: GetModel, case_ids: Collection[int] | None) -> Iterable[dict[str, Any]]:
    current = (
        _only(get("Case").objects, "pk", case_ids)
        .values(k_state=F("state"), **_case_keys(""))
        .annotate(current=Count("*"), daluwarsa=Count("pk", filter=Q(daluwarsa=True)))
        .order_by()
    )
    # The rows that change the state (the case's opening row "" → received included).
    entered = (
        _only(get("Transition").objects, "case_id", case_ids)
        .exclude(from_state=F("to_state"))
        .values(k_state=F("to_state"), **_case_keys("case__"))
        .annotate(entered=Count("*"))
        .order_by()
    )
    return [*current, *entered]


# Dimension of the breakdowns → the case column or lookup whose value `DimensionTally` keeps.
DIMENSION_VALUES: dict[str, str] = {
    "item": "item__code",
    "position_class": "position_class",
    "employment": "employment",
    "agency": "agency_id",
}


def _count_dimensions(get: GetModel, case_ids: Collection[int] | None) -> Iterable[dict[str, Any]]:
    cases = _only(get("Case").objects, "pk", case_ids)
    rows: list[dict[str, Any]] = []
    for dimension, lookup in DIMENSION_VALUES.items():
        counted = cases.values(k_value=F(lookup), **_case_keys("")).annotate(cases=Count("*")).order_by()
        for row in counted:
            value = row["k_value"]
            rows.append({**row, "k_dimension": dimension, "k_value": "" if value is None else str(value)})
    return rows


def week_of(field: str) -> TruncWeek:
    """The Monday of the week of `field` in the project's time zone (the weekly chart's buckets)."""
    return TruncWeek(field, output_field=DateField(), tzinfo=timezone.get_default_timezone())


def _count_weeks(get: GetModel, case_ids: Collection[int] | None) -> Iterable[dict[str, Any]]:
    return (
        _only(get("Case").objects, "pk", case_ids)
        .values(k_week=week_of("received_at"), **_case_keys(""))
        .annotate(cases=Count("*"))
        .order_by()
    )


def _count_ppk(get: GetModel, case_ids: Collection[int] | None) -> Iterable[dict[str, Any]]:
    from netral.cases.escalation import PPK_FOLLOW_UP  # escalation imports the actions, which import this

    # A deadline met no later than due is met on time (the dashboards' rule, as in queries/ppk.py).
    sent = (
        _only(get("Recommendation").objects, "case_id", case_ids)
        .annotate(fu=FilteredRelation("case__deadlines", condition=Q(case__deadlines__clock=PPK_FOLLOW_UP)))
        .filter(fu__state__isnull=False)
    )
    met = Q(fu__state="met")
    followed = (
        sent.values(k_state=F("case__state"), k_agency=F("agency_id"), **_case_keys("case__"))
        .annotate(
            received=Count("pk"),
            on_time=Count("pk", filter=met & Q(fu__met_at__lte=F("fu__due_at"))),
            late=Count("pk", filter=met & Q(fu__met_at__gt=F("fu__due_at"))),
            overdue=Count("pk", filter=Q(fu__state="overdue")),
        )
        .order_by()
    )
    blocks = (
        _only(get("BlockRecord").objects, "recommendation__case_id", case_ids)
        .values(
            k_state=F("recommendation__case__state"),
            k_agency=F("recommendation__agency_id"),
            **_case_keys("recommendation__case__"),
        )
        .annotate(blocks=Count("pk"))
        .order_by()
    )
    return [*followed, *blocks]


@dataclass(frozen=True)
class Tally:
    model: str  # model name in the app "cases"
    keys: tuple[tuple[str, str], ...]  # (alias in the counting query, column of the tally model)
    measures: tuple[str, ...]
    count: Callable[[GetModel, Collection[int] | None], Iterable[dict[str, Any]]]


TALLIES: tuple[Tally, ...] = (
    Tally(
        "DeadlineTally",
        (("k_clock", "clock"), *CASE_KEYS, ("k_state", "state")),
        (ON_TIME, LATE, OVERDUE),
        _count_deadlines,
    ),
    Tally("CaseTally", (*CASE_KEYS, ("k_state", "state")), ("current", "entered", "daluwarsa"), _count_cases),
    Tally(
        "DimensionTally",
        (*CASE_KEYS, ("k_dimension", "dimension"), ("k_value", "value")),
        ("cases",),
        _count_dimensions,
    ),
    Tally("WeekTally", (*CASE_KEYS, ("k_week", "week")), ("cases",), _count_weeks),
    Tally(
        "PpkTally",
        (*CASE_KEYS, ("k_state", "state"), ("k_agency", "agency_key")),
        ("received", ON_TIME, LATE, OVERDUE, "blocks"),
        _count_ppk,
    ),
)


def _installed(name: str) -> Any:
    return django_apps.get_model("cases", name)


def snapshot(
    case_ids: Collection[int] | None, get: GetModel = _installed, only: Iterable[str] | None = None
) -> Snapshot:
    """What the cases `case_ids` (None: every case) contribute to the tallies (`only`: those model names)."""
    wanted = set(only) if only is not None else None
    result: Snapshot = {}
    for tally in TALLIES:
        if wanted is not None and tally.model not in wanted:
            continue
        for row in tally.count(get, case_ids):
            key = (tally.model, tuple(row[alias] for alias, _column in tally.keys))
            counts = result.setdefault(key, Counter())
            for measure in tally.measures:
                counts[measure] += row.get(measure) or 0
    return result


_tracked: ContextVar[frozenset[int]] = ContextVar("netral_tally_tracked", default=frozenset())


@contextmanager
def tracking(*case_ids: int) -> Iterator[None]:
    """Keep the tallies right across a change to the rows of these cases made inside the block (call it
    inside the change's transaction). The cases' rows are locked first (`SELECT … FOR UPDATE`, in id order),
    so a concurrent change to the same case - an action, the escalation sweep - waits and is counted once,
    by whichever comes second seeing the first one's rows. Cases already tracked by an enclosing block are
    left to it. On an exception nothing is counted (the transaction rolls back anyway)."""
    active = _tracked.get()
    ids = sorted(set(case_ids) - active)
    if not ids:
        yield
        return
    list(_installed("Case").objects.select_for_update().filter(pk__in=ids).order_by("pk").values_list("pk"))
    before = snapshot(ids)
    token = _tracked.set(active | set(ids))
    try:
        yield
    finally:
        _tracked.reset(token)
    _add(_difference(snapshot(ids), before))


def count_new_case(case: Any) -> None:
    """Count a case created just now (its row and its opening transition "" → its state) into the tallies,
    from the row in hand: what `snapshot([case.pk])` would read back (tests/test_cases_tally.py compares
    kept and recounted tallies after cases opened through intake), without the ten queries."""
    keys = (case.election_id, case.region_id, case.authority_id or 0, case.group)
    day = timezone.localtime(case.received_at, timezone.get_default_timezone()).date()
    daluwarsa = int(bool(case.daluwarsa))
    changes: Snapshot = {
        ("CaseTally", (*keys, case.state)): Counter(current=1, entered=1, daluwarsa=daluwarsa),
        ("WeekTally", (*keys, day - dt.timedelta(days=day.weekday()))): Counter(cases=1),
    }
    values = {  # the dimensions of DIMENSION_VALUES
        "item": case.item.code if case.item_id else None,
        "position_class": case.position_class,
        "employment": case.employment,
        "agency": case.agency_id,
    }
    for dimension, value in values.items():
        changes["DimensionTally", (*keys, dimension, "" if value is None else str(value))] = Counter(cases=1)
    _add(changes)


def _difference(after: Snapshot, before: Snapshot) -> Snapshot:
    result: Snapshot = {}
    for key in after.keys() | before.keys():
        change = Counter(after.get(key, Counter()))
        change.subtract(before.get(key, Counter()))
        if any(change.values()):
            result[key] = change
    return result


def _add(changes: Snapshot) -> None:
    for tally in TALLIES:
        rows = sorted(
            (*key, *(counts[measure] for measure in tally.measures))
            for (model, key), counts in changes.items()
            if model == tally.model
        )
        if rows:
            _upsert(tally, rows)


def _upsert(tally: Tally, rows: list[tuple[Any, ...]]) -> None:
    quote = connection.ops.quote_name
    table = quote(_installed(tally.model)._meta.db_table)
    key_columns = [column for _alias, column in tally.keys]
    columns = ", ".join(quote(name) for name in (*key_columns, *tally.measures))
    keys = ", ".join(quote(name) for name in key_columns)
    sums = ", ".join(
        f"{quote(name)} = {table}.{quote(name)} + excluded.{quote(name)}" for name in tally.measures
    )
    marks = ", ".join(["%s"] * (len(key_columns) + len(tally.measures)))
    sql = f"INSERT INTO {table} ({columns}) VALUES ({marks}) ON CONFLICT ({keys}) DO UPDATE SET {sums}"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def stored(name: str, get: GetModel = _installed) -> Snapshot:
    """The rows of one tally as kept now, non-zero ones only (for comparing with `snapshot(None)`)."""
    tally = next(tally for tally in TALLIES if tally.model == name)
    result: Snapshot = {}
    columns = [column for _alias, column in tally.keys]
    for row in get(name).objects.values(*columns, *tally.measures):
        counts = Counter({measure: row[measure] for measure in tally.measures if row[measure]})
        if counts:
            result[(name, tuple(row[column] for column in columns))] = counts
    return result


def rebuild(get: GetModel = _installed, only: Iterable[str] | None = None, batch: int = 5000) -> int:
    """Replace the tallies (`only`: those model names) with a recount from the rows; returns the number
    of tally rows written."""
    names = [tally.model for tally in TALLIES if only is None or tally.model in set(only)]
    counted = snapshot(None, get, names)
    written = 0
    for tally in TALLIES:
        if tally.model not in names:
            continue
        model: type[models.Model] = get(tally.model)
        model._default_manager.all().delete()
        columns = [column for _alias, column in tally.keys]
        objects = [
            model(**dict(zip(columns, key, strict=True)), **{m: counts[m] for m in tally.measures})
            for (name, key), counts in counted.items()
            if name == tally.model
        ]
        model._default_manager.bulk_create(objects, batch_size=batch)
        written += len(objects)
    return written
