"""Synthetic reports of about 300 characters for the triage benchmark (`netral bench triage`).

Each report joins composed texts of random groups and styles (`compose`, the corpus's fragments but not
its texts) until it is about 300 characters long. Deterministic for a seed.
"""

from __future__ import annotations

import random
from typing import Any

from netral_gen.corpus.compose import STYLES, compose
from netral_gen.corpus.fragments import GROUP_ACTS

LENGTH = 300


def synthetic_reports(size: int, seed: int = 7) -> list[dict[str, Any]]:
    """`size` records as `netral triage classify` reads them: id, text, reported_on."""
    rng = random.Random(seed)
    reports: list[dict[str, Any]] = []
    groups = list(GROUP_ACTS.values())
    while len(reports) < size:
        parts: list[str] = []
        while sum(len(p) for p in parts) < LENGTH - 20:
            parts.append(compose(rng.choice(groups), rng.choice(STYLES), rng)[0])
        text = " ".join(parts)[:LENGTH]
        reports.append({"id": f"bench-{len(reports)}", "text": text, "reported_on": "2024-10-15"})
    return reports
