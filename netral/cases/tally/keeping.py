"""Keeping the tallies exact in each change's own transaction: `tracking(case_ids)` around the change,
`count_new_case` for a case just opened, one upsert per changed tally row."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import chain
from typing import Any

from django.db import connection, transaction

from netral.cases.tally.counts import (
    TALLIES,
    Snapshot,
    Tally,
    _counted,
    _current_rows,
    _dimension_rows,
    _installed,
    _week_rows,
    snapshot,
)

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
