"""Checking and rebuilding the tallies from the rows (`netral analytics tallies --check|--rebuild`, and
bulk loads)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from django.db import connection, models, transaction

from netral.cases.tally.counts import STREAM_CHUNK, TALLIES, GetModel, Snapshot, Tally, _installed


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
