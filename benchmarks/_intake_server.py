"""The server side of the intake benchmark: a throwaway PostgreSQL database, gunicorn, the intake
filer, CPU accounting and the counts read back from the database (see benchmarks/intake.py)."""

from __future__ import annotations

import contextlib
import http.client
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

TRIVIAL_PATH = "/api/v1/regions/34.04"
FILER_NICE = 10


def say(message: str) -> None:
    print(f"intake bench: {message}", file=sys.stderr, flush=True)


def cpu_seconds(match: Callable[[str, int, int], bool]) -> float:
    """User + system CPU seconds of the live processes for which match(cmdline, pid, ppid) holds."""
    tick, total = os.sysconf("SC_CLK_TCK"), 0.0
    for pid in filter(str.isdigit, os.listdir("/proc")):
        with contextlib.suppress(OSError, ValueError, IndexError):
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            if match(cmd, int(pid), int(fields[1])):
                total += (int(fields[11]) + int(fields[12])) / tick
    return total


def machine_busy(seconds: float = 3.0) -> float:
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


@contextlib.contextmanager
def throwaway_database(server_url: str) -> Iterator[str]:
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
    say(f"database {name} created (PostgreSQL {version[0] if version else '?'})")
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        say(f"database {name} dropped")


def log_tail(log: Path) -> str:
    return "\n".join(log.read_text(errors="replace").splitlines()[-30:]) if log.exists() else ""


def netral(env: dict[str, str], *args: str, log: Path, check: bool = True) -> str:
    with log.open("a") as err:
        done = subprocess.run(  # noqa: S603 - our own CLI with fixed arguments
            [sys.executable, "-m", "netral.cli", *args], env=env, stdout=subprocess.PIPE, stderr=err,
            text=True, check=False, timeout=900,
        )  # fmt: skip
    if check and done.returncode != 0:
        raise RuntimeError(f"netral {' '.join(args)} failed:\n{log_tail(log)}")
    return done.stdout


def _stop(process: subprocess.Popen[bytes], name: str) -> None:
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    say(f"{name} stopped")


@contextlib.contextmanager
def gunicorn(
    env: dict[str, str], worker_class: str, workers: int, threads: int, log: Path
) -> Iterator[tuple[int, int]]:
    """gunicorn `netral.wsgi` on a free loopback port; yields (port, master pid)."""
    port = _free_port()
    # -c python:netral.intake.warmup: every worker fills its region, election and calendar caches
    # before it accepts requests, as a long-running production worker has them.
    command = [sys.executable, "-m", "gunicorn", "-c", "python:netral.intake.warmup", "netral.wsgi",
               "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--worker-class", worker_class,
               "--backlog", "2048"]  # fmt: skip
    if worker_class == "gthread":
        command += ["--threads", str(threads), "--keep-alive", "30"]
    with log.open("a") as out:
        process = subprocess.Popen(command, env=env, stdout=out, stderr=out)  # noqa: S603
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn did not start:\n{log_tail(log)}")
            with contextlib.suppress(OSError):
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                conn.request("GET", TRIVIAL_PATH)
                if conn.getresponse().status == 200:
                    break
            time.sleep(0.2)
        say(f"gunicorn {worker_class} x{workers} (threads {threads}) on 127.0.0.1:{port}")
        yield port, process.pid
    finally:
        _stop(process, "server")


@contextlib.contextmanager
def filer(env: dict[str, str], log: Path, enabled: bool, nice: int = FILER_NICE) -> Iterator[int | None]:
    """`netral intake file --follow` at a lower CPU priority (the web workers come first); yields its pid."""
    if not enabled:
        yield None
        return
    command = ["nice", "-n", str(nice), sys.executable, "-m", "netral.cli"]
    command += ["intake", "file", "--follow"]
    with log.open("a") as out:
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=out)  # noqa: S603
    say(f"intake filer started (nice {nice})")
    try:
        yield process.pid
    finally:
        _stop(process, "filer")


def waiting(db_url: str) -> int:
    """Reports stored but not filed yet."""
    import psycopg

    with psycopg.connect(db_url) as conn:
        row = conn.execute("SELECT count(*) FROM intake_report WHERE filed_at IS NULL").fetchone()
    return int(row[0]) if row else 0


def wait_for_drain(db_url: str, timeout: float) -> tuple[float, int]:
    """Seconds until the intake queue was empty (or `timeout`), and what was left then."""
    started = time.monotonic()
    left = waiting(db_url)
    while left and time.monotonic() - started < timeout:
        time.sleep(0.5)
        left = waiting(db_url)
    return time.monotonic() - started, left


def stored_counts(db_url: str) -> dict[str, Any]:
    """Tracking codes stored; cases opened; reports without a case or with several; reports with
    their `intake.report_received` audit entry."""
    import psycopg

    with psycopg.connect(db_url) as conn:
        codes = {row[0] for row in conn.execute("SELECT tracking_code FROM intake_report").fetchall()}
        audited = conn.execute(
            "SELECT count(DISTINCT object_id) FROM audit_auditentry WHERE action = 'intake.report_received'"
        ).fetchone()
        cases = conn.execute(
            "SELECT count(*) FILTER (WHERE n = 0), count(*) FILTER (WHERE n > 1), sum(n) FROM ("
            " SELECT r.id, count(cr.id) AS n FROM intake_report r"
            " LEFT JOIN cases_casereport cr ON cr.report_id = r.id GROUP BY r.id) per_report"
        ).fetchone()
    without, several, total = cases if cases else (0, 0, 0)
    return {"codes": codes, "without_case": int(without or 0), "several_cases": int(several or 0),
            "cases": int(total or 0), "audited": int(audited[0]) if audited else 0}  # fmt: skip
