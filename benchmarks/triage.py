"""Triage throughput: classify + extract 300-character reports in one process.

`netral bench triage [--json] [--size N]` composes N synthetic reports of about 300 characters
from the corpus generator's fragments (not the training texts), warms the model (training one if
none is stored), then classifies them in batches of 256 as `netral triage classify` does and
times it, after a warm-up on 1,000 other reports. p95_ms is the 95th percentile of single-report
latency (one report per call) on a sample of 200, the latency the case workspace sees.
Target: >= 2,000 reports/s.
"""

from __future__ import annotations

import random
import statistics
import time
from typing import Any

from netral.triage.corpusgen.build import GROUPS, _compose
from netral.triage.services import classify_texts
from netral.triage.training import current_model

BATCH = 256
LATENCY_SAMPLE = 200


def _reports(size: int, seed: int = 7) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    reports: list[dict[str, Any]] = []
    styles = ["formal", "news", "whatsapp", "caption"]
    specs = [{**spec, "code": code} for code, spec in GROUPS.items()]
    while len(reports) < size:
        parts: list[str] = []
        while sum(len(p) for p in parts) < 280:
            parts.append(_compose(rng.choice(specs), rng.choice(styles), rng)[0])
        text = " ".join(parts)[:300]
        reports.append({"id": f"bench-{len(reports)}", "text": text, "reported_on": "2024-10-15"})
    return reports


def run(size: int = 20_000) -> dict[str, Any]:
    reports = _reports(size)
    version, _model = current_model()
    # Warm the per-word caches (stems, n-gram indices) and the extractor's tables on other reports,
    # as a long-running worker is warm; the timed reports are not the warm-up ones.
    warm_up = _reports(1_000, seed=8)
    for start in range(0, len(warm_up), BATCH):
        classify_texts(warm_up[start : start + BATCH])
    started = time.perf_counter()
    cpu_started = time.process_time()
    for start in range(0, size, BATCH):
        classify_texts(reports[start : start + BATCH])
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    latencies = []
    for report in reports[:LATENCY_SAMPLE]:
        one = time.perf_counter()
        classify_texts([report])
        latencies.append((time.perf_counter() - one) * 1000)
    return {
        "reports": size,
        "mean_chars": round(statistics.mean(len(r["text"]) for r in reports), 1),
        "model_version": version.version,
        "seconds": round(elapsed, 3),
        # CPU time of this process: on a shared machine, what a free core would manage.
        "cpu_reports_per_s": round(size / cpu, 1) if cpu else None,
        "reports_per_s": round(size / elapsed, 1),
        "p50_ms": round(statistics.median(latencies), 3),
        "p95_ms": round(statistics.quantiles(latencies, n=20)[-1], 3),
    }
