"""Keeping the tallies (models_tally.py) exact: counts by the case attributes the dashboards select on.

One rule keeps every tally right: a change to a case's rows runs inside `tracking(case_ids)`. It locks
the cases, counts what they contribute to every tally before the change and after it (`snapshot`: the
same GROUP BY queries a full recount runs over all cases, restricted to those cases: a few index probes;
what comes from the case row alone - state, dimensions, week - is read once as rows (`_case_rows`) and
counted in Python, as a new case's row is) and adds the difference in the same transaction. The action
layer does this (`actions.transition`, `classification.classify_case`, `sanctions.block`, the escalation
sweep once per batch); a tracked block inside another one for the same case counts once, at the
outermost. A case just opened is counted from its row by `count_new_case`. Nothing else has to know which
action moves which count, so a new action or a new tally needs no bookkeeping of its own.

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


# The values of a case row that the tallies count by (`_case_rows`, `_count_*` with rows, `count_new_case`).
ROW_FIELDS = ("daluwarsa", "received_at")  # and the state and DIMENSION_VALUES as `k_state`, `d_<dimension>`
# The rows of the tracked cases (given whenever case ids are); None for a recount of all cases.
CaseRows = list[dict[str, Any]] | None


def _case_rows(get: GetModel, case_ids: Collection[int]) -> list[dict[str, Any]]:
    """The tracked cases' rows with the values the tallies count by (one query)."""
    cases = get("Case").objects.filter(pk__in=list(case_ids))
    values = {f"d_{dimension}": F(lookup) for dimension, lookup in DIMENSION_VALUES.items()}
    return list(cases.values(*ROW_FIELDS, **_case_keys(""), k_state=F("state"), **values))


def _week(moment: dt.datetime) -> dt.date:
    """The Monday of the week of `moment` in the project's time zone (what `week_of` gives in SQL)."""
    day = timezone.localtime(moment, timezone.get_default_timezone()).date()
    return day - dt.timedelta(days=day.weekday())


def _count_deadlines(
    get: GetModel, case_ids: Collection[int] | None, rows: CaseRows = None
) -> Iterable[dict[str, Any]]:
    met = Q(state="met")
    ended = _only(get("Deadline").objects.exclude(state="open"), "case_id", case_ids)
    return (
        ended.values(k_clock=F("clock"), k_state=F("case__state"), **_case_keys("case__"))
        .annotate(
            on_time=Count("pk", filter=met & Q(met_at__lte=F("due_at"))),
            late=Count("pk", filter=met & Q(met_at__gt=F("due_at"))),
            overdue=Count("pk", filter=Q(state="overdue")),
        )
        .order_by()
    )


def _current_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{**row, "current": 1, "daluwarsa": int(bool(row["daluwarsa"]))} for row in rows]


def _count_cases(
    get: GetModel, case_ids: Collection[int] | None, rows: CaseRows = None
) -> Iterable[dict[str, Any]]:
    current: Iterable[dict[str, Any]]
    if rows is not None:
        current = _current_rows(rows)
    else:
        current = (
            get("Case")
            .objects.values(k_state=F("state"), **_case_keys(""))
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


def _dimension_value(value: Any) -> str:
    return "" if value is None else str(value)


def _dimension_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {**row, "k_dimension": dimension, "k_value": _dimension_value(row[f"d_{dimension}"]), "cases": 1}
        for row in rows
        for dimension in DIMENSION_VALUES
    ]


def _count_dimensions(
    get: GetModel, case_ids: Collection[int] | None, rows: CaseRows = None
) -> Iterable[dict[str, Any]]:
    if rows is not None:
        return _dimension_rows(rows)
    counted: list[dict[str, Any]] = []
    for dimension, lookup in DIMENSION_VALUES.items():
        found = get("Case").objects.values(k_value=F(lookup), **_case_keys("")).annotate(cases=Count("*"))
        for row in found.order_by():
            counted.append({**row, "k_dimension": dimension, "k_value": _dimension_value(row["k_value"])})
    return counted


def week_of(field: str) -> TruncWeek:
    """The Monday of the week of `field` in the project's time zone (the weekly chart's buckets)."""
    return TruncWeek(field, output_field=DateField(), tzinfo=timezone.get_default_timezone())


def _week_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{**row, "k_week": _week(row["received_at"]), "cases": 1} for row in rows]


def _count_weeks(
    get: GetModel, case_ids: Collection[int] | None, rows: CaseRows = None
) -> Iterable[dict[str, Any]]:
    if rows is not None:
        return _week_rows(rows)
    return (
        get("Case")
        .objects.values(k_week=week_of("received_at"), **_case_keys(""))
        .annotate(cases=Count("*"))
        .order_by()
    )


def _count_ppk(
    get: GetModel, case_ids: Collection[int] | None, rows: CaseRows = None
) -> Iterable[dict[str, Any]]:
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
    # (model getter, case ids or None for all, the tracked cases' rows or None) -> counted rows
    count: Callable[[GetModel, Collection[int] | None, CaseRows], Iterable[dict[str, Any]]]


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
    rows = None if case_ids is None else _case_rows(get, case_ids)
    return _counted(lambda tally: tally.count(get, case_ids, rows), wanted)


def _counted(count: Callable[[Tally], Iterable[dict[str, Any]]], wanted: set[str] | None = None) -> Snapshot:
    result: Snapshot = {}
    for tally in TALLIES:
        if wanted is not None and tally.model not in wanted:
            continue
        for row in count(tally):
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
    kept and recounted tallies after cases opened through intake), without a query."""
    row = {
        "k_election": case.election_id,
        "k_region": case.region_id,
        "k_authority": case.authority_id or 0,
        "k_group": case.group,
        "k_state": case.state,
        "daluwarsa": case.daluwarsa,
        "received_at": case.received_at,
        "d_item": case.item.code if case.item_id else None,
        "d_position_class": case.position_class,
        "d_employment": case.employment,
        "d_agency": case.agency_id,
    }
    from_row = {"CaseTally": _current_rows, "DimensionTally": _dimension_rows, "WeekTally": _week_rows}
    changes = _counted(lambda tally: from_row[tally.model]([row]) if tally.model in from_row else [])
    case_tally = next(tally for tally in TALLIES if tally.model == "CaseTally")
    opening = ("CaseTally", tuple(row[alias] for alias, _column in case_tally.keys))
    changes[opening]["entered"] += 1  # its opening transition: the case entered its state
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
