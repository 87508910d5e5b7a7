"""Benchmark: filing reports through `POST /api/v1/reports` on a production-style server.

`netral bench intake [--json] [--size CLIENTS]` creates a throwaway PostgreSQL database, runs
`netral setup` into it, starts gunicorn (`netral.wsgi`, 2 workers) on a free loopback port, and
drives it with its own load generator: client processes with threads, each holding an http.client
keep-alive connection and posting JSON reports (a mix of regions, elections, named and anonymous
reporters) with a fresh `Idempotency-Key`; about 5% of the acknowledged requests are sent again
with the same key and must answer the same tracking code. A request that fails in transport is
retried with its key, as a real client would. Then a trivial endpoint is timed on the same server.

Acknowledged = distinct tracking codes in 201 answers; stored = rows in the database; duplicated =
stored - acknowledged; lost = acknowledged codes that are not stored. Afterwards the audit chain is
verified, the server stopped and the database dropped (also on errors).

Settings (environment): NETRAL_BENCH_SECONDS (default 60), NETRAL_BENCH_DATABASE_URL (server to
create the database on, default postgres://postgres@127.0.0.1:5432), NETRAL_BENCH_WORKER_CLASS
(sync or gthread; default sync, measured best), NETRAL_BENCH_THREADS (gthread threads per worker, default 1),
NETRAL_BENCH_CLIENTS (concurrent connections, default 16; `--size` overrides). docs/benchmarks.md
has the measured results.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import http.client
import json
import multiprocessing
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from random import Random
from typing import Any
from urllib.parse import urlsplit, urlunsplit

DEFAULT_SERVER = "postgres://postgres@127.0.0.1:5432"
RETRY_SHARE = 0.05
TRANSPORT_RETRIES = 3
TRIVIAL_PATH = "/api/v1/regions/34.04"
REPORTS_PATH = "/api/v1/reports"
ELECTIONS = [("pilkada-2024", 0.70, dt.date(2024, 11, 27)), ("pemilu-2024", 0.25, dt.date(2024, 2, 14)),
             ("pilkada-2020", 0.05, dt.date(2020, 12, 9))]  # fmt: skip
# fmt: off
FIRST_NAMES = ["Siti", "Budi", "Agus", "Dewi", "Rahmat", "Nur", "Wayan", "Yohanes", "Fitri", "Andi", "Made",
               "Ketut", "Rina", "Hendra", "Maria", "Aisyah"]
LAST_NAMES = ["Rahmawati", "Santoso", "Wijaya", "Siregar", "Nasution", "Pattiasina", "Hidayat", "Lumban Gaol",
              "Mahendra", "Tanjung"]
POSITIONS = ["Camat", "Lurah", "Kepala Dinas Pendidikan", "Guru SMP Negeri", "Kepala Sekolah",
             "Sekretaris Kecamatan", "Kepala Bidang Pemerintahan", "Staf Kecamatan", "Kepala Puskesmas"]
# fmt: on
ACTS = [
    "memasang spanduk pasangan calon di pagar kantor",
    "mengunggah foto dengan gestur jari mendukung pasangan calon di media sosial",
    "menghadiri kampanye pasangan calon pada jam kerja dengan seragam dinas",
    "mengarahkan para guru untuk memilih calon tertentu dalam rapat",
    "membagikan bahan kampanye kepada warga saat pelayanan di kantor",
    "menyukai dan membagikan unggahan kampanye calon petahana",
]


def _say(message: str) -> None:
    print(f"intake bench: {message}", file=sys.stderr, flush=True)


def _cpu_seconds(match: Any) -> float:
    """User + system CPU seconds of the live processes for which match(cmdline, pid, ppid) holds."""
    tick, total = os.sysconf("SC_CLK_TCK"), 0.0
    for pid in filter(str.isdigit, os.listdir("/proc")):
        with contextlib.suppress(OSError, ValueError, IndexError):
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            if match(cmd, int(pid), int(fields[1])):
                total += (int(fields[11]) + int(fields[12])) / tick
    return total


def _machine_busy(seconds: float = 3.0) -> float:
    """How busy (%) all CPUs were over `seconds` before the run: other work sharing the machine."""

    def snapshot() -> tuple[int, int]:
        values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        return sum(values), values[3] + values[4]

    total, idle = snapshot()
    time.sleep(seconds)
    total2, idle2 = snapshot()
    return round(100 * (1 - (idle2 - idle) / max(1, total2 - total)), 1)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# --- database and server ---------------------------------------------------------------------------


@contextlib.contextmanager
def _throwaway_database(server_url: str) -> Iterator[str]:
    import psycopg

    parts = urlsplit(server_url)
    admin_url = urlunsplit(parts._replace(path="/" + (parts.path.strip("/") or "postgres")))
    name = f"netral_bench_{os.getpid()}_{secrets.token_hex(4)}"
    try:
        with psycopg.connect(admin_url, autocommit=True, connect_timeout=5) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
            version = conn.execute("SHOW server_version").fetchone()
    except psycopg.OperationalError as exc:
        from django.core.management.base import CommandError

        raise CommandError(f"PostgreSQL is not reachable at {server_url} ({exc}).") from None
    _say(f"database {name} created (PostgreSQL {version[0] if version else '?'})")
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        _say(f"database {name} dropped")


def _log_tail(log: Path) -> str:
    return "\n".join(log.read_text(errors="replace").splitlines()[-30:]) if log.exists() else ""


def _netral(env: dict[str, str], *args: str, log: Path, check: bool = True) -> str:
    with log.open("a") as err:
        done = subprocess.run(  # noqa: S603 - our own CLI with fixed arguments
            [sys.executable, "-m", "netral.cli", *args], env=env, stdout=subprocess.PIPE, stderr=err,
            text=True, check=False, timeout=900,
        )  # fmt: skip
    if check and done.returncode != 0:
        raise RuntimeError(f"netral {' '.join(args)} failed:\n{_log_tail(log)}")
    return done.stdout


@contextlib.contextmanager
def _server(
    env: dict[str, str], worker_class: str, workers: int, threads: int, log: Path
) -> Iterator[tuple[int, int]]:
    port = _free_port()
    command = [sys.executable, "-m", "gunicorn", "netral.wsgi", "--bind", f"127.0.0.1:{port}",
               "--workers", str(workers), "--worker-class", worker_class, "--backlog", "2048"]  # fmt: skip
    if worker_class == "gthread":
        command += ["--threads", str(threads), "--keep-alive", "30"]
    with log.open("a") as out:
        process = subprocess.Popen(command, env=env, stdout=out, stderr=out)  # noqa: S603
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn did not start:\n{_log_tail(log)}")
            with contextlib.suppress(OSError):
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                conn.request("GET", TRIVIAL_PATH)
                if conn.getresponse().status == 200:
                    break
            time.sleep(0.2)
        _say(f"gunicorn {worker_class} x{workers} (threads {threads}) on 127.0.0.1:{port}")
        yield port, process.pid
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        _say("server stopped")


# --- request bodies --------------------------------------------------------------------------------


def _pools(db_url: str) -> dict[str, Any]:
    """Regions, and valid NIKs and NIPs built from them (checked with personnel's parsers)."""
    import psycopg

    from netral.personnel.services import parse_nik, parse_nip
    from netral.regions.models import Region

    table = Region._meta.db_table
    with psycopg.connect(db_url) as conn:
        rows = conn.execute(f"SELECT code, level FROM {table}").fetchall()  # noqa: S608
    regencies = sorted(code for code, level in rows if level == Region.Level.REGENCY)
    provinces = sorted(code for code, level in rows if level == Region.Level.PROVINCE)
    rng = Random(20240404)
    niks, nips = [], []
    for _ in range(2000):
        born = dt.date(1960, 1, 1) + dt.timedelta(days=rng.randrange(40 * 365))
        female = rng.random() < 0.5
        region = rng.choice(regencies).replace(".", "") + f"{rng.randrange(1, 30):02d}"
        day = born.day + 40 if female else born.day
        nik = f"{region}{day:02d}{born:%m}{born.year % 100:02d}{rng.randrange(1, 9999):04d}"
        tmt = born.year + 20 + rng.randrange(15)
        nip = (
            f"{born:%Y%m%d}{tmt:04d}{rng.randrange(1, 13):02d}{2 if female else 1}{rng.randrange(1, 999):03d}"
        )
        if parse_nik(nik, regency_codes=set(regencies)).valid:
            niks.append(nik)
        if parse_nip(nip).valid:
            nips.append(nip)
    return {"regencies": regencies, "provinces": provinces, "niks": niks, "nips": nips}


def _person(rng: Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def _body(rng: Random, pools: dict[str, Any], today: dt.date) -> bytes:
    code, _share, voting = rng.choices(ELECTIONS, weights=[e[1] for e in ELECTIONS])[0]
    region = rng.choice(pools["provinces"]) if rng.random() < 0.05 else rng.choice(pools["regencies"])
    # 60% learned of it in the last days (in time), the rest around the vote (late: daluwarsa).
    if rng.random() < 0.6:
        known = today - dt.timedelta(days=rng.randrange(6))
    else:
        known = voting - dt.timedelta(days=rng.randrange(-10, 60))
    occurred = known - dt.timedelta(days=rng.randrange(3))
    reported = []
    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        person: dict[str, str] = {"name": _person(rng), "position": rng.choice(POSITIONS),
                                  "agency": f"Pemerintah Daerah {region}"}  # fmt: skip
        if rng.random() < 0.5:
            person["nip"] = rng.choice(pools["nips"])
        reported.append(person)
    act = rng.choice(ACTS)
    payload: dict[str, Any] = {
        "anonymous": rng.random() < 0.3,
        "reported": reported,
        "description": f"{reported[0]['position']} {reported[0]['name']} {act}. " * rng.randrange(1, 5),
        "chronology": f"Sekitar pukul {rng.randrange(7, 17):02d}.{rng.randrange(60):02d} WIB terlapor {act}.",
        "region_code": region,
        "place": f"Kantor {reported[0]['position']}, wilayah {region}",
        "occurred_on": occurred.isoformat(),
        "known_on": known.isoformat(),
        "election": code,
        "evidence_urls": [f"https://instagram.com/p/{uuid.UUID(int=rng.getrandbits(128)).hex[:11]}"]
        * rng.randrange(3),
        "witnesses": [_person(rng) for _ in range(rng.randrange(3))],
    }
    if not payload["anonymous"]:
        payload["reporter"] = {
            "name": _person(rng),
            "nik": rng.choice(pools["niks"]),
            "phone": f"08{rng.randrange(11, 99)}{rng.randrange(10**7, 10**8)}",
            "email": f"pelapor{rng.randrange(10**6)}@example.co.id" if rng.random() < 0.5 else "",
            "address": f"Jl. Merdeka No. {rng.randrange(1, 200)}",
        }
    return json.dumps(payload).encode()


# --- load generator --------------------------------------------------------------------------------


class _Client:
    """One keep-alive connection; `send` retries transport failures with the same request."""

    def __init__(self, port: int, tally: dict[str, Any]) -> None:
        self.port = port
        self.tally = tally
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def send(self, method: str, path: str, body: bytes | None, headers: dict[str, str]) -> tuple[int, bytes]:
        for _attempt in range(TRANSPORT_RETRIES + 1):
            started = time.perf_counter()
            try:
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                data = response.read()
            except (OSError, http.client.HTTPException):
                self.tally["transport_errors"] += 1
                self.conn.close()
                continue
            self.tally["latencies"].append(time.perf_counter() - started)
            self.tally["statuses"][response.status] += 1
            if response.getheader("Connection", "").lower() == "close":
                self.conn.close()
            return response.status, data
        return 0, b""


def _thread_loop(
    port: int, mode: str, stop_at: float, seed: int, pools: dict[str, Any], tally: dict[str, Any]
) -> None:
    rng = Random(seed)
    client = _Client(port, tally)
    today = dt.date.today()
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    while time.time() < stop_at:
        if mode == "trivial":
            client.send("GET", TRIVIAL_PATH, None, headers)
            continue
        body = _body(rng, pools, today)
        sent = {**headers, "Idempotency-Key": str(uuid.uuid4())}  # unique across runs, unlike rng
        status, data = client.send("POST", REPORTS_PATH, body, sent)
        if status != 201:
            continue
        code = json.loads(data)["tracking_code"]
        tally["codes"].append(code)
        if rng.random() < RETRY_SHARE:
            tally["retries"] += 1
            status, data = client.send("POST", REPORTS_PATH, body, sent)
            if status != 201 or json.loads(data)["tracking_code"] != code:
                tally["retry_mismatches"] += 1


def _process_main(port: int, mode: str, start_at: float, stop_at: float, seeds: list[int],
                  pools: dict[str, Any], results: Any) -> None:  # fmt: skip
    import threading

    tally: dict[str, Any] = {"latencies": [], "statuses": Counter(), "codes": [], "retries": 0,
                             "retry_mismatches": 0, "transport_errors": 0}  # fmt: skip
    time.sleep(max(0.0, start_at - time.time()))
    threads = [
        threading.Thread(target=_thread_loop, args=(port, mode, stop_at, s, pools, tally)) for s in seeds
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    results.put(tally)


def _load(
    port: int, mode: str, seconds: float, clients: int, processes: int, pools: dict[str, Any]
) -> dict[str, Any]:
    """Run `clients` connections in `processes` forked processes for `seconds`; merged tallies."""
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    start_at = time.time() + 1.0
    stop_at = start_at + seconds
    seeds = list(range(clients))
    workers = [context.Process(target=_process_main,
                               args=(port, mode, start_at, stop_at, seeds[i::processes], pools, results))
               for i in range(processes)]  # fmt: skip
    for worker in workers:
        worker.start()
    tallies = [results.get(timeout=seconds + 300) for _ in workers]
    finished = time.time()
    for worker in workers:
        worker.join()
    merged: dict[str, Any] = {"latencies": [], "statuses": Counter(), "codes": [], "retries": 0,
                              "retry_mismatches": 0, "transport_errors": 0}  # fmt: skip
    for tally in tallies:
        for key, value in tally.items():
            merged[key] = merged[key] + value
    merged["elapsed"] = finished - start_at
    return merged


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


# --- the benchmark ---------------------------------------------------------------------------------


def run(size: int | None = None, **kw: Any) -> dict[str, Any]:
    seconds = float(kw.get("seconds") or os.environ.get("NETRAL_BENCH_SECONDS") or 60)
    clients = int(size or os.environ.get("NETRAL_BENCH_CLIENTS") or 16)
    processes = int(kw.get("processes") or min(2, clients))
    worker_class = str(kw.get("worker_class") or os.environ.get("NETRAL_BENCH_WORKER_CLASS") or "sync")
    threads = int(kw.get("threads") or os.environ.get("NETRAL_BENCH_THREADS") or 1)
    workers = int(kw.get("workers") or 2)
    server_url = os.environ.get("NETRAL_BENCH_DATABASE_URL") or DEFAULT_SERVER
    trivial_seconds = max(5.0, seconds / 6)

    with (
        tempfile.TemporaryDirectory(prefix="netral-bench-") as tmp,
        _throwaway_database(server_url) as db_url,
    ):
        env = {k: v for k, v in os.environ.items() if not k.startswith(("NETRAL_", "DJANGO_"))}
        env.update(DATABASE_URL=db_url, NETRAL_DATA_DIR=tmp, NETRAL_API_RATE_SUBMIT="off",
                   NETRAL_API_RATE_PUBLIC="off", NETRAL_DEBUG="0", NETRAL_LOG_LEVEL="WARNING",
                   DJANGO_SETTINGS_MODULE="netral.settings")  # fmt: skip
        log = Path(tmp) / "bench.log"
        _say("netral setup")
        _netral(env, "setup", log=log)
        pools = _pools(db_url)
        database = urlsplit(db_url).path.strip("/")
        busy = _machine_busy()
        with _server(env, worker_class, workers, threads, log) as (port, master):
            _say(f"trivial endpoint for {trivial_seconds:.0f} s")
            trivial = _load(port, "trivial", trivial_seconds, clients, processes, pools)
            _say(f"posting reports for {seconds:.0f} s with {clients} connections")

            def cpu() -> tuple[float, float]:
                return _cpu_seconds(lambda _cmd, pid, ppid: master in (pid, ppid)), _cpu_seconds(
                    lambda cmd, _pid, _ppid: cmd.startswith("postgres:") and f" {database} " in cmd
                )

            before = cpu()
            load = _load(port, "reports", seconds, clients, processes, pools)
            after = cpu()
        stored = _stored_codes(db_url)
        verified = _netral(env, "audit", "verify", "--json", log=log, check=False).strip().splitlines()
        audit = json.loads(verified[-1]) if verified else {}
        server_log = log.read_text(errors="replace")
    if "Traceback" in server_log:
        _say("the server logged tracebacks:\n" + server_log[-3000:])

    acknowledged = set(load["codes"])
    requests = sum(load["statuses"].values())
    errors = requests - load["statuses"][201] + load["transport_errors"]
    rps = requests / load["elapsed"]
    trivial_rps = sum(trivial["statuses"].values()) / trivial["elapsed"]
    return {
        "seconds": round(load["elapsed"], 1),
        "clients": clients,
        "server": f"gunicorn {worker_class} {workers}x{threads if worker_class == 'gthread' else 1}",
        "requests": requests,
        "rps": round(rps, 1),
        "reports_per_s": round(len(acknowledged) / load["elapsed"], 1),
        "p50_ms": round(_percentile(load["latencies"], 0.50) * 1000, 1),
        "p99_ms": round(_percentile(load["latencies"], 0.99) * 1000, 1),
        "errors": errors,
        "statuses": ",".join(f"{k}:{v}" for k, v in sorted(load["statuses"].items())),
        "retries": load["retries"],
        "retry_mismatches": load["retry_mismatches"],
        "acknowledged": len(acknowledged),
        "stored": len(stored),
        "duplicated": len(stored) - len(acknowledged),
        "lost": len(acknowledged - stored),
        "audit_chain_ok": bool(audit.get("ok")),
        "server_cpu_ms_per_request": round((after[0] - before[0]) / max(1, requests) * 1000, 2),
        "db_cpu_ms_per_request": round((after[1] - before[1]) / max(1, requests) * 1000, 2),
        "machine_busy_before_pct": busy,
        "trivial_rps": round(trivial_rps, 1),
        "trivial_p99_ms": round(_percentile(trivial["latencies"], 0.99) * 1000, 1),
        "reports_vs_trivial": round(rps / trivial_rps, 3) if trivial_rps else 0.0,
    }


def _stored_codes(db_url: str) -> set[str]:
    import psycopg

    from netral.intake.models import Report

    with psycopg.connect(db_url) as conn:
        rows = conn.execute(f"SELECT tracking_code FROM {Report._meta.db_table}").fetchall()  # noqa: S608
    return {row[0] for row in rows}


if __name__ == "__main__":  # pragma: no cover - manual use: python benchmarks/intake.py [CLIENTS]
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "netral.settings")
    django.setup()
    print(json.dumps(run(int(sys.argv[1]) if len(sys.argv) > 1 else None), indent=2))
