"""Fast inserts into the register that skip rows whose NIP already exists.

SQLite: `INSERT OR IGNORE` with executemany, one transaction per batch. PostgreSQL: COPY (psycopg
`cursor.copy`) into a temporary table, then `INSERT ... ON CONFLICT (nip) DO NOTHING`. Any other
database: `bulk_create(ignore_conflicts=True)`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from django.db import connection, transaction

from netral.personnel.models import Employee

Writer = Callable[[Sequence[Sequence[Any]]], None]
_TEMP_TABLE = "netral_employee_load"
_SQLITE_CACHE_KIB = 256 * 1024


def insert_ignoring_existing(columns: Sequence[str]) -> tuple[Writer, Callable[[], None]]:
    """A function that inserts a batch of row tuples (in `columns` order), and a clean-up function."""
    table = Employee._meta.db_table
    quote = connection.ops.quote_name
    cols = ", ".join(quote(c) for c in columns)
    if connection.vendor == "sqlite":
        sql = f"INSERT OR IGNORE INTO {quote(table)} ({cols}) VALUES ({', '.join(['%s'] * len(columns))})"  # noqa: S608

        # A bigger page cache keeps the growing indexes in memory (the default is 2 MB).
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size")
            previous = cursor.fetchone()[0]
            cursor.execute(f"PRAGMA cache_size = {-_SQLITE_CACHE_KIB}")

        def write_sqlite(rows: Sequence[Sequence[Any]]) -> None:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.executemany(sql, rows)

        def restore() -> None:
            with connection.cursor() as cursor:
                cursor.execute(f"PRAGMA cache_size = {int(previous)}")

        return write_sqlite, restore

    if connection.vendor == "postgresql":
        temp = quote(_TEMP_TABLE)
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {temp}")
            cursor.execute(f"CREATE TEMPORARY TABLE {temp} AS SELECT {cols} FROM {quote(table)} WITH NO DATA")  # noqa: S608

        def write_postgresql(rows: Sequence[Sequence[Any]]) -> None:
            with transaction.atomic(), connection.cursor() as cursor:
                with cursor.copy(f"COPY {temp} ({cols}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
                cursor.execute(
                    f"INSERT INTO {quote(table)} ({cols}) SELECT {cols} FROM {temp} "  # noqa: S608
                    "ON CONFLICT (nip) DO NOTHING"
                )
                cursor.execute(f"TRUNCATE {temp}")

        def drop() -> None:
            with connection.cursor() as cursor:
                cursor.execute(f"DROP TABLE IF EXISTS {temp}")

        return write_postgresql, drop

    def write_orm(rows: Sequence[Sequence[Any]]) -> None:
        objects = []
        for row in rows:
            values = dict(zip(columns, row, strict=True))
            if isinstance(values.get("birth_date"), str):
                values["birth_date"] = dt.date.fromisoformat(values["birth_date"])
            objects.append(Employee(**values))
        with transaction.atomic():
            Employee.objects.bulk_create(objects, batch_size=1000, ignore_conflicts=True)

    return write_orm, lambda: None
