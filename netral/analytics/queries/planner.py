"""Planner settings for one dashboard query on PostgreSQL (no-op elsewhere).

At a million cases the PostgreSQL planner prefers hash joins for the PPK table and the scoped deadline
health (it builds a hash of ~460,000 recommendations, or of the selection's case ids, then scans the
deadlines), while walking the covering indexes of `cases.0009_dashboard_indexes_2` in case-id order (a
merge join or an index-only nested loop) is about twice as fast on this machine (docs/analytics.md,
"Speed"). `without_hash_joins()` turns hash joins off for the queries run inside it only: the settings are
transaction-local (`set_config(..., true)`) and put back to their previous values on the way out, so the
rest of the request plans as usual.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager

from django.db import connection, transaction

# Statements a hinted query costs on PostgreSQL inside an open transaction: SAVEPOINT, set_config, the
# restoring set_config, RELEASE (outside a transaction the savepoint pair is BEGIN/COMMIT instead).
EXTRA_STATEMENTS = 4


@contextmanager
def planner_settings(**settings: str) -> Iterator[None]:
    """Run the block with the given planner settings (PostgreSQL only; elsewhere nothing changes)."""
    if connection.vendor != "postgresql" or not settings:
        yield
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            previous: dict[str, str] = {}
            for name, value in settings.items():
                cursor.execute("SELECT current_setting(%s), set_config(%s, %s, true)", [name, name, value])
                previous[name] = str(cursor.fetchone()[0])
        # On an error the atomic block rolls back, and that undoes the settings too.
        yield
        with connection.cursor() as cursor:
            for name, value in previous.items():
                cursor.execute("SELECT set_config(%s, %s, true)", [name, value])


def without_hash_joins() -> AbstractContextManager[None]:
    return planner_settings(enable_hashjoin="off")
