"""Deadline computation speed: how many legal due dates per second one process computes.

Case actions compute a due date every time they start a clock, and the escalation worker
recomputes them in bulk, so this must stay far from being a bottleneck.
Run: `netral bench deadline [--size N]`.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from typing import Any

from netral.regions.models import Region
from netral.workdays.services import compute_deadline

CLOCKS = [
    "pemilu.decision",
    "pemilu.extension",
    "pilkada.decision",
    "authority.verification",
    "ppk.follow_up",
]


def run(size: int = 100_000) -> dict[str, Any]:
    rng = random.Random(0)
    regions = list(Region.objects.values_list("code", flat=True))
    first = dt.date(2024, 1, 1)
    inputs = [
        (rng.choice(CLOCKS), first + dt.timedelta(days=rng.randrange(730)), rng.choice(regions))
        for _ in range(size)
    ]
    compute_deadline(CLOCKS[0], first, regions[0])  # warm the per-process caches once
    started = time.perf_counter()
    for clock, start, region in inputs:
        compute_deadline(clock, start, region)
    elapsed = time.perf_counter() - started
    return {
        "deadlines": size,
        "regions": len(regions),
        "seconds": round(elapsed, 3),
        "deadlines_per_s": round(size / elapsed, 1),
        "us_per_deadline": round(elapsed / size * 1e6, 2),
    }
