"""Benchmark: synthetic civil-servant register generation on the current database.

`run(size)` is called by `netral bench register`. It times generating rows alone (pure Python)
and `generate_register` end to end (generation plus inserts), then deletes the rows it added, so
the database is left as it was (pass `keep=True` to keep them).
"""

from __future__ import annotations

import time
from itertools import islice
from typing import Any

TARGET_ROWS = 5_000_000
GENERATION_SAMPLE = 100_000


def run(size: int = 200_000, *, seed: int = 424_242, keep: bool = False) -> dict[str, Any]:
    from django.db import connection

    from netral.personnel.models import Employee
    from netral_gen.register.generate import generate_register, generate_rows
    from netral_gen.register.placements import build_placements

    sample = min(size, GENERATION_SAMPLE)
    placements = build_placements()
    started = time.perf_counter()
    generated = sum(1 for _row in islice(generate_rows(sample, seed=seed, placements=placements), sample))
    generation_seconds = time.perf_counter() - started

    last_id = Employee.objects.order_by("-id").values_list("id", flat=True).first() or 0
    started = time.perf_counter()
    inserted = generate_register(size, seed=seed, progress=False)
    seconds = time.perf_counter() - started
    if not keep:
        # Plain SQL: nothing refers to these fresh rows, and the ORM would load them all first.
        table = connection.ops.quote_name(Employee._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {table} WHERE id > %s", [last_id])  # noqa: S608

    rate = size / seconds if seconds else 0.0
    return {
        "benchmark": "register",
        "database": connection.vendor,
        "rows": size,
        "inserted": inserted,
        "seconds": round(seconds, 2),
        "rows_per_second": round(rate),
        "generation_only_rows_per_second": round(generated / generation_seconds) if generation_seconds else 0,
        "estimated_minutes_for_5m": round(TARGET_ROWS / rate / 60, 1) if rate else None,
        "kept": keep,
    }


if __name__ == "__main__":  # pragma: no cover - manual use: python benchmarks/register.py [SIZE]
    import json
    import os
    import sys

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "netral.settings")
    django.setup()
    print(json.dumps(run(int(sys.argv[1]) if len(sys.argv) > 1 else 200_000), indent=2))
