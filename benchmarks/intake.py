"""Benchmark: filing reports through `POST /api/v1/reports` on a production-style server.

`netral bench intake [--json] [--size CLIENTS] [--seconds S]` creates a throwaway PostgreSQL database,
runs `netral setup` into it, and starts the production shape of docs/intake.md on loopback: gunicorn
(`netral.wsgi`, 2 gthread workers of 4 threads, keep-alive, caches warmed by `netral.intake.warmup`)
with the intake queue on, and `netral intake file --follow` filing the queued reports into cases at a
lower CPU priority. Its own load generator (benchmarks/_intake_load.py) runs client processes with
threads, each holding an http.client keep-alive connection and posting JSON reports (a mix of regions,
elections, named and anonymous reporters) with a fresh `Idempotency-Key`; about 5% of the acknowledged
requests are sent again with the same key and must answer the same tracking code. A request that fails
in transport is retried with its key, as a real client would. A short warm-up of the same kind (its
reports are counted below, its times are not) comes first, then a trivial endpoint is timed on the same
server, then the reports.

After the load the benchmark waits until the queue has drained, then counts: acknowledged =
distinct tracking codes in 201 answers; stored = rows in the database; duplicated = stored -
acknowledged; lost = acknowledged codes that are not stored; reports without a case or with more
than one; reports without their audit entry; and verifies the audit chain. Then it stops the server
and the filer and drops the database (also on errors).

Settings (environment): NETRAL_BENCH_SECONDS (default 60), NETRAL_BENCH_DATABASE_URL (server to
create the database on, default postgres://postgres@127.0.0.1:5432), NETRAL_BENCH_QUEUE (1: the
intake queue and its filer, the default; 0: every request opens its case itself),
NETRAL_BENCH_WORKER_CLASS (gthread, the default, or sync), NETRAL_BENCH_THREADS (gthread threads per
worker, default 4), NETRAL_BENCH_CLIENTS (concurrent connections, default 16; `--size` overrides),
NETRAL_BENCH_WARMUP (seconds, default a tenth of the run, at least 3), NETRAL_BENCH_FILER_NICE (the
filer's nice value, default 10). docs/benchmarks.md has the measured results.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

# The benchmark's own helper modules, next to this file.
import _intake_load as client
import _intake_server as server

DEFAULT_SERVER = "postgres://postgres@127.0.0.1:5432"
DRAIN_TIMEOUT = 900.0


def _flag(value: Any, default: bool) -> bool:
    return default if value in (None, "") else str(value).lower() not in ("0", "false", "no", "off")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(size: int | None = None, **kw: Any) -> dict[str, Any]:
    seconds = float(kw.get("seconds") or os.environ.get("NETRAL_BENCH_SECONDS") or 60)
    clients = int(size or os.environ.get("NETRAL_BENCH_CLIENTS") or 16)
    processes = int(kw.get("processes") or min(2, clients))
    worker_class = str(kw.get("worker_class") or os.environ.get("NETRAL_BENCH_WORKER_CLASS") or "gthread")
    threads = int(kw.get("threads") or os.environ.get("NETRAL_BENCH_THREADS") or 4)
    workers = int(kw.get("workers") or 2)
    queue = _flag(kw.get("queue", os.environ.get("NETRAL_BENCH_QUEUE")), True)
    nice = kw.get("filer_nice", os.environ.get("NETRAL_BENCH_FILER_NICE"))
    filer_nice = int(nice if nice not in (None, "") else server.FILER_NICE)
    warmup = float(kw.get("warmup") or os.environ.get("NETRAL_BENCH_WARMUP") or max(3.0, seconds / 10))
    server_url = os.environ.get("NETRAL_BENCH_DATABASE_URL") or DEFAULT_SERVER
    trivial_seconds = max(5.0, seconds / 6)

    with (
        tempfile.TemporaryDirectory(prefix="netral-bench-") as tmp,
        server.throwaway_database(server_url) as db_url,
    ):
        env = {k: v for k, v in os.environ.items() if not k.startswith(("NETRAL_", "DJANGO_"))}
        env.update(DATABASE_URL=db_url, NETRAL_DATA_DIR=tmp, NETRAL_API_RATE_SUBMIT="off",
                   NETRAL_API_RATE_PUBLIC="off", NETRAL_DEBUG="0", NETRAL_LOG_LEVEL="WARNING",
                   NETRAL_INTAKE_QUEUE="1" if queue else "0", NETRAL_DB_HEALTH_CHECKS="0",
                   DJANGO_SETTINGS_MODULE="netral.settings")  # fmt: skip
        log = Path(tmp) / "bench.log"
        server.say("netral setup")
        server.netral(env, "setup", log=log)
        pools = client.reference_pools(db_url)
        database = urlsplit(db_url).path.strip("/")
        busy = server.machine_busy()
        with (
            server.gunicorn(env, worker_class, workers, threads, log) as (port, master),
            server.filer(env, log, queue, filer_nice) as filer_pid,
        ):
            server.say(f"warm-up: posting reports for {warmup:.0f} s")
            warm = client.load(port, "reports", warmup, clients, processes, pools, seed=10_000)
            server.wait_for_drain(db_url, DRAIN_TIMEOUT)
            server.say(f"trivial endpoint for {trivial_seconds:.0f} s")
            trivial = client.load(port, "trivial", trivial_seconds, clients, processes, pools)
            server.say(f"posting reports for {seconds:.0f} s with {clients} connections")

            def backend(cmd: str, _pid: int, _ppid: int) -> bool:  # "postgres: 15/main: USER DB HOST idle"
                return cmd.startswith("postgres:") and f" {database} " in cmd

            def cpu() -> tuple[float, float, float, float]:
                return (
                    server.cpu_seconds(lambda _cmd, pid, ppid: master in (pid, ppid)),
                    server.cpu_seconds(backend),
                    server.cpu_seconds(lambda _cmd, pid, _ppid: pid == filer_pid),
                    _children_cpu(),
                )  # fmt: skip

            before = cpu()
            load = client.load(port, "reports", seconds, clients, processes, pools)
            at_end = cpu()
            left = server.waiting(db_url)
            server.say(f"load done; {left} reports waiting to be filed")
            drain_s, not_drained = server.wait_for_drain(db_url, DRAIN_TIMEOUT)
            after = cpu()
        counts = server.stored_counts(db_url)
        verified = server.netral(env, "audit", "verify", "--json", log=log, check=False).strip().splitlines()
        audit = json.loads(verified[-1]) if verified else {}
        server_log = log.read_text(errors="replace")
    if "Traceback" in server_log:
        server.say("the server logged tracebacks:\n" + server_log[-3000:])

    acknowledged = set(load["codes"]) | set(warm["codes"])
    stored = counts["codes"]
    requests = sum(load["statuses"].values())
    errors = requests - load["statuses"][201] + load["transport_errors"] + warm["transport_errors"]
    errors += sum(warm["statuses"].values()) - warm["statuses"][201]
    rps = requests / load["elapsed"]
    trivial_rps = sum(trivial["statuses"].values()) / trivial["elapsed"]
    filed_in_run = len(set(load["codes"]))

    def per_request(index: int, end: tuple[float, ...] = at_end) -> float:
        return round((end[index] - before[index]) / max(1, requests) * 1000, 2)

    return {
        "seconds": round(load["elapsed"], 1),
        "clients": clients,
        "server": f"gunicorn {worker_class} {workers}x{threads if worker_class == 'gthread' else 1}",
        "queue": queue,
        "filer_nice": filer_nice if queue else None,
        "requests": requests,
        "rps": round(rps, 1),
        "reports_per_s": round(filed_in_run / load["elapsed"], 1),
        "p50_ms": round(client.percentile(load["latencies"], 0.50) * 1000, 1),
        "p99_ms": round(client.percentile(load["latencies"], 0.99) * 1000, 1),
        "errors": errors,
        "statuses": ",".join(f"{k}:{v}" for k, v in sorted(load["statuses"].items())),
        "retries": load["retries"] + warm["retries"],
        "retry_mismatches": load["retry_mismatches"] + warm["retry_mismatches"],
        "warmup_reports": len(set(warm["codes"])),
        "acknowledged": len(acknowledged),
        "stored": len(stored),
        "duplicated": len(stored) - len(acknowledged),
        "lost": len(acknowledged - stored),
        "waiting_at_end": left,
        "drain_s": round(drain_s, 1),
        "not_filed": not_drained,
        "cases_opened": counts["cases"],
        "reports_without_case": counts["without_case"],
        "reports_with_several_cases": counts["several_cases"],
        "reports_without_audit_entry": len(stored) - counts["audited"],
        "filed_per_s_end_to_end": round(filed_in_run / (load["elapsed"] + drain_s), 1),
        "audit_chain_ok": bool(audit.get("ok")),
        "server_cpu_ms_per_request": per_request(0),
        "db_cpu_ms_per_request": per_request(1, after),
        "filer_cpu_ms_per_request": per_request(2, after),
        "client_cpu_ms_per_request": per_request(3),
        "machine_busy_before_pct": busy,
        "trivial_rps": round(trivial_rps, 1),
        "trivial_p99_ms": round(client.percentile(trivial["latencies"], 0.99) * 1000, 1),
        "reports_vs_trivial": round(rps / trivial_rps, 3) if trivial_rps else 0.0,
    }


if __name__ == "__main__":  # pragma: no cover - manual use: python benchmarks/intake.py [CLIENTS]
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "netral.settings")
    django.setup()
    print(json.dumps(run(int(sys.argv[1]) if len(sys.argv) > 1 else None), indent=2))
