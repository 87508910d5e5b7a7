"""Triage throughput: classify + extract 300-character reports in one process.

`netral bench triage [--json] [--size N]` composes N synthetic reports of about 300 characters
from the corpus generator's fragments (`netral_gen.corpus.reports`; not the training texts), warms
the model (training one if none is stored), then classifies them in batches of 256 as `netral triage
classify` does and times it, after a warm-up on 1,000 other reports. Latency, two ways:

* `p50_ms`/`p95_ms`: one report per call on a sample of 200: the latency the case workspace sees
  (`classify_text`), and the number the target's p95 refers to.
* `batch_p95_ms`: the 95th percentile of the time one batch of 256 takes in the throughput run, and
  `batch_p95_ms_per_report` that time divided by the reports in the batch (each report's share of a
  batch; a report read by the CLI waits for its whole batch, at most `batch_p95_ms`).

Throughput is given by the wall clock (`reports_per_s`) and by the process's CPU time
(`cpu_reports_per_s`: what one free core manages when other work shares the machine).
Target: >= 2,000 reports/s.
"""

from __future__ import annotations

import statistics
import time
from typing import Any

from netral.triage.services import classify_texts
from netral.triage.training import current_model
from netral_gen.corpus.reports import synthetic_reports

BATCH = 256
LATENCY_SAMPLE = 200


def run(size: int = 20_000) -> dict[str, Any]:
    reports = synthetic_reports(size)
    version, _model = current_model()
    # Warm the per-word caches (stems, n-gram indices) and the extractor's tables on other reports,
    # as a long-running worker is warm; the timed reports are not the warm-up ones.
    warm_up = synthetic_reports(1_000, seed=8)
    for start in range(0, len(warm_up), BATCH):
        classify_texts(warm_up[start : start + BATCH])
    batch_ms: list[float] = []
    batch_ms_per_report: list[float] = []
    started = time.perf_counter()
    cpu_started = time.process_time()
    for start in range(0, size, BATCH):
        batch = reports[start : start + BATCH]
        one = time.perf_counter()
        classify_texts(batch)
        took = (time.perf_counter() - one) * 1000
        batch_ms.append(took)
        batch_ms_per_report.append(took / len(batch))
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
        "batch_size": BATCH,
        "batch_p95_ms": round(_p95(batch_ms), 3),
        "batch_p95_ms_per_report": round(_p95(batch_ms_per_report), 4),
        "reports_per_s": round(size / elapsed, 1),
        "p50_ms": round(statistics.median(latencies), 3),
        "p95_ms": round(_p95(latencies), 3),
    }


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]
