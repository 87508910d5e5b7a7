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
order.

`check()` recounts every tally from the rows and compares it with the stored rows (`netral analytics tallies
--check`); `repair()` (`--rebuild`) writes the differences it finds, and `rebuild()` is that repair for bulk
loads such as `analytics.generate`, which bypass the action layer. Neither holds the cases in memory: the
recount is the same GROUP BY queries as above over all cases, read in chunks, one tally at a time, so what is
held is one tally's recounted rows (key → counts) while the stored rows stream past them (measured in
docs/analytics.md, "Tallies: checking and rebuilding").
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import Any

from django.apps import apps as django_apps
from django.db import connection, models, transaction
from django.db.models import Count, DateField, F, FilteredRelation, Q, Value
from django.db.models.functions import Coalesce, TruncWeek
from django.utils import timezone

from netral.cases.workflow import PPK_FOLLOW_UP

ON_TIME, LATE, OVERDUE = "on_time", "late", "overdue"

# Returns a model of the app "cases" by name (the installed ones, `_installed`; the counting code names no
# model class).
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


# Grouped rows read per round trip by a full recount.
STREAM_CHUNK = 5000


def _stream(rows: Any, case_ids: Collection[int] | None) -> Iterable[dict[str, Any]]:
    """A full recount (`case_ids` None) reads its grouped rows in chunks, never the whole result at once."""
    return rows.iterator(chunk_size=STREAM_CHUNK) if case_ids is None else rows


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
    counted = (
        ended.values(k_clock=F("clock"), k_state=F("case__state"), **_case_keys("case__"))
        .annotate(
            on_time=Count("pk", filter=met & Q(met_at__lte=F("due_at"))),
            late=Count("pk", filter=met & Q(met_at__gt=F("due_at"))),
            overdue=Count("pk", filter=Q(state="overdue")),
        )
        .order_by()
    )
    return _stream(counted, case_ids)


def _current_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{**row, "current": 1, "daluwarsa": int(bool(row["daluwarsa"]))} for row in rows]


def _count_cases(
    get: GetModel, case_ids: Collection[int] | None, rows: CaseRows = None
) -> Iterable[dict[str, Any]]:
    current: Iterable[dict[str, Any]]
    if rows is not None:
        current = _current_rows(rows)
    else:
        current = _stream(
            get("Case")
            .objects.values(k_state=F("state"), **_case_keys(""))
            .annotate(current=Count("*"), daluwarsa=Count("pk", filter=Q(daluwarsa=True)))
            .order_by(),
            case_ids,
        )
    # The rows that change the state (the case's opening row "" → received included).
    entered = (
        _only(get("Transition").objects, "case_id", case_ids)
        .exclude(from_state=F("to_state"))
        .values(k_state=F("to_state"), **_case_keys("case__"))
        .annotate(entered=Count("*"))
        .order_by()
    )
    return chain(current, _stream(entered, case_ids))


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
    return chain.from_iterable(_count_dimension(get, *item) for item in DIMENSION_VALUES.items())


def _count_dimension(get: GetModel, dimension: str, lookup: str) -> Iterator[dict[str, Any]]:
    found = get("Case").objects.values(k_value=F(lookup), **_case_keys("")).annotate(cases=Count("*"))
    for row in _stream(found.order_by(), None):
        yield {**row, "k_dimension": dimension, "k_value": _dimension_value(row["k_value"])}


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
    return _stream(
        get("Case")
        .objects.values(k_week=week_of("received_at"), **_case_keys(""))
        .annotate(cases=Count("*"))
        .order_by(),
        case_ids,
    )


def _count_ppk(
    get: GetModel, case_ids: Collection[int] | None, rows: CaseRows = None
) -> Iterable[dict[str, Any]]:
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
    return chain(_stream(followed, case_ids), _stream(blocks, case_ids))


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


# The attribute of an atomic block (`transaction.atomic()`) that names the cases a `tracking` block counts.
TRACKED = "netral_tally_cases"


def _tracked_now() -> frozenset[int]:
    """The cases counted by the enclosing `tracking` blocks of this transaction (kept on their atomic
    blocks, so the knowledge lives and ends with the transaction)."""
    return frozenset(chain.from_iterable(getattr(block, TRACKED, ()) for block in connection.atomic_blocks))


@contextmanager
def tracking(*case_ids: int) -> Iterator[None]:
    """Keep the tallies right across a change to the rows of these cases made inside the block (call it
    inside the change's transaction). The cases' rows are locked first (`SELECT … FOR UPDATE`, in id order),
    so a concurrent change to the same case - an action, the escalation sweep - waits and is counted once,
    by whichever comes second seeing the first one's rows. Cases already tracked by an enclosing block are
    left to it. On an exception nothing is counted (the transaction rolls back anyway)."""
    ids = sorted(set(case_ids) - _tracked_now())
    if not ids:
        yield
        return
    with transaction.atomic():
        list(
            _installed("Case").objects.select_for_update().filter(pk__in=ids).order_by("pk").values_list("pk")
        )
        before = snapshot(ids)
        setattr(connection.atomic_blocks[-1], TRACKED, frozenset(ids))
        yield
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


@dataclass(frozen=True)
class Difference:
    """One measure of one tally row whose stored count is not the recount (0 for a row that is missing)."""

    tally: str  # model name
    key: tuple[tuple[str, Any], ...]  # (column of the tally model, value), in the order of `Tally.keys`
    measure: str
    stored: int
    recounted: int


@dataclass
class Comparison:
    """What `check()` found (and `repair()` wrote). A row is a tally row with a count other than zero, stored
    or recounted; rows whose counts all went back to zero are no row (the action layer leaves them)."""

    rows: dict[str, int] = field(default_factory=dict)  # tally → rows compared
    # The differences, tally by tally (`keep`: only the first ones; `found` counts them all).
    differences: list[Difference] = field(default_factory=list)
    found: int = 0
    # Rows that differ, per kind: stored with other counts, missing (only recounted), extra (only stored).
    changed: int = 0
    missing: int = 0
    extra: int = 0
    repaired: bool = False  # written by `repair()`: the stored rows now equal the recount

    @property
    def ok(self) -> bool:
        return not self.found

    @property
    def total(self) -> int:
        return sum(self.rows.values())

    @property
    def differing(self) -> int:
        return self.changed + self.missing + self.extra


def _names(only: Iterable[str] | None) -> list[str]:
    wanted = None if only is None else set(only)
    unknown = (wanted or set()) - {tally.model for tally in TALLIES}
    if unknown:
        raise ValueError(f"unknown tallies: {', '.join(sorted(unknown))}")
    return [tally.model for tally in TALLIES if wanted is None or tally.model in wanted]


def check(only: Iterable[str] | None = None, keep: int | None = None) -> Comparison:
    """Recount the tallies (`only`: those model names) from the rows and compare with the stored rows; writes
    nothing; `keep`: list only that many differences (all are counted). One transaction, so the rows and the
    tallies compared are one state of the database even while actions run (PostgreSQL: REPEATABLE READ;
    SQLite: a transaction sees one state)."""
    names = _names(only)
    with _one_state(names, writing=False):
        return _compare(names, repair=False, keep=keep)


def repair(only: Iterable[str] | None = None, keep: int | None = None, batch: int = 5000) -> Comparison:
    """`check()`, then write the recount where it differs (update, insert, delete; rows whose counts all went
    back to zero are deleted too), in one transaction that holds off the actions' tally updates meanwhile
    (PostgreSQL: the tally tables locked against writes, reads go on; SQLite: the database's write lock).
    Returns what differed, which is what was written."""
    names = _names(only)
    with _one_state(names, writing=True):
        return _compare(names, repair=True, keep=keep, batch=batch)


def rebuild(only: Iterable[str] | None = None, batch: int = 5000) -> int:
    """Make the tallies (`only`: those model names) equal a recount from the rows (`repair`), after a bulk
    load that bypassed the action layer; returns the number of tally rows there are now."""
    return repair(only, keep=0, batch=batch).total


@contextmanager
def _one_state(names: list[str], *, writing: bool) -> Iterator[None]:
    outermost = not connection.in_atomic_block
    quote = connection.ops.quote_name
    tables = [quote(_installed(name)._meta.db_table) for name in names]
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            if outermost:  # must come first in the transaction; a caller's transaction decides for itself
                mode = "READ WRITE" if writing else "READ ONLY"
                cursor.execute(f"SET TRANSACTION ISOLATION LEVEL REPEATABLE READ {mode}")
            if writing:
                # Blocks the actions' upserts (they wait, then add their change to the repaired rows); not
                # readers. Taken before the first read, so the snapshot includes whatever committed before.
                cursor.execute(f"LOCK TABLE {', '.join(tables)} IN EXCLUSIVE MODE")
        elif writing and tables:
            # SQLite has one writer at a time: a write that changes nothing takes the lock now (the project's
            # IMMEDIATE transactions hold it already), so no action writes between the recount and the repair.
            cursor.execute(f"UPDATE {tables[0]} SET id = id WHERE 1 = 0")  # noqa: S608
        yield


def _recount(tally: Tally) -> dict[tuple[Any, ...], tuple[int, ...]]:
    """Key → the measures, in the order of `tally.measures`, recounted from the rows (zero rows included)."""
    counted: dict[tuple[Any, ...], tuple[int, ...]] = {}
    for row in tally.count(_installed, None, None):
        key = tuple(row[alias] for alias, _column in tally.keys)
        values = tuple(row.get(measure) or 0 for measure in tally.measures)
        before = counted.get(key)
        counted[key] = values if before is None else tuple(map(sum, zip(before, values, strict=True)))
    return counted


def _compare(names: list[str], *, repair: bool, keep: int | None, batch: int = 5000) -> Comparison:
    result = Comparison(repaired=repair)
    for tally in TALLIES:
        if tally.model in names:
            _compare_one(tally, result, repair=repair, keep=keep, batch=batch)
    return result


def _compare_one(tally: Tally, result: Comparison, *, repair: bool, keep: int | None, batch: int) -> None:
    """Held in memory: the tally's recount, and for a repair the ids and counts of the rows to write."""
    model: type[models.Model] = _installed(tally.model)
    columns = [column for _alias, column in tally.keys]
    zero = (0,) * len(tally.measures)
    recounted = _recount(tally)
    rows = 0
    updated: list[tuple[int, ...]] = []  # the recounted measures, then the id
    removed: list[int] = []

    def differ(key: tuple[Any, ...], kept: tuple[int, ...], counted: tuple[int, ...]) -> None:
        for measure, was, now in zip(tally.measures, kept, counted, strict=True):
            if was != now:
                result.found += 1
                if keep is None or len(result.differences) < keep:
                    named = tuple(zip(columns, key, strict=True))
                    result.differences.append(Difference(tally.model, named, measure, was, now))

    # The stored rows stream past the recount; each one found is taken out of it, what is left is missing.
    stored_rows = model._default_manager.order_by().values_list("pk", *columns, *tally.measures)
    for pk, *values in stored_rows.iterator(chunk_size=STREAM_CHUNK):
        key, kept = tuple(values[: len(columns)]), tuple(values[len(columns) :])
        counted = recounted.pop(key, zero)
        if kept == counted:
            rows += any(kept)
            if repair and not any(kept):
                removed.append(pk)  # a row whose counts all went back to zero: no difference, dropped
            continue
        rows += 1
        differ(key, kept, counted)
        if any(counted):
            result.changed += 1
            updated.append((*counted, pk))
        else:
            result.extra += 1
            removed.append(pk)
    for key, counted in recounted.items():
        if any(counted):
            rows += 1
            result.missing += 1
            differ(key, zero, counted)
    result.rows[tally.model] = rows
    if repair:
        _write(tally, model, recounted, updated, removed, batch)


def _write(
    tally: Tally,
    model: type[models.Model],
    added: dict[tuple[Any, ...], tuple[int, ...]],
    updated: list[tuple[int, ...]],
    removed: list[int],
    batch: int,
) -> None:
    """Deletes the rows `removed`, sets the measures of the rows `updated`, inserts `added` (the non-zero
    ones), `batch` rows a statement (and no more model instances than that at a time)."""
    manager = model._default_manager
    for start in range(0, len(removed), batch):
        manager.filter(pk__in=removed[start : start + batch]).delete()
    quote = connection.ops.quote_name
    sets = ", ".join(f"{quote(measure)} = %s" for measure in tally.measures)
    update = f"UPDATE {quote(model._meta.db_table)} SET {sets} WHERE {quote(model._meta.pk.column)} = %s"  # noqa: S608
    with connection.cursor() as cursor:
        for start in range(0, len(updated), batch):
            cursor.executemany(update, updated[start : start + batch])
    columns = [column for _alias, column in tally.keys]
    new = (
        model(**dict(zip(columns, key, strict=True)), **dict(zip(tally.measures, counted, strict=True)))
        for key, counted in added.items()
        if any(counted)
    )
    while chunk := list(islice(new, batch)):
        manager.bulk_create(chunk)
