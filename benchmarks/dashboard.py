"""Dashboard speed: p95 response time of each analytics JSON endpoint (`/analitik/data/*.json`) and of
the public statistics (`/api/v1/stats`), for a user of each scope level, on many generated cases.

It never touches the database in use: on PostgreSQL it works in `<database>_bench_dashboard` on the
same server (created and set up when missing, kept for the next run: drop it by hand), on SQLite in a
throwaway file. The cases come from `netral_gen.cases.bulk` (bulk rows shaped like the demo); the
benchmark tops that database up to `size` cases first, then a child process measures. Requests go
through the whole Django stack with the test client, logged in as one user per scope level (created as
`bench.<scope>` without a password when missing). Target (issue 6): p95 < 500 ms per endpoint with
1,000,000 cases on PostgreSQL. On SQLite at most `bulk.SQLITE_LIMIT` cases.

Before timing, `machine_gauge` records how fast the machine is at that moment (a fixed Python loop and a
fixed PostgreSQL aggregate, best of 3): the host's speed varies with other work, so only runs with a similar
gauge are comparable. Each endpoint is timed twice: with the result caches off
(`NETRAL_ANALYTICS_CACHE_SECONDS=0`, `NETRAL_STATS_CACHE_SECONDS=0`: every request computes) and with them
as configured (repeated requests are cache hits). Run: `netral bench dashboard [--size N] [--seconds S]
[--json]`. The last `--json` line carries `cases` and `p95_ms` ({endpoint: worst uncached p95 over the scopes,
in ms}).
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.core.cache import cache
from django.core.management.base import CommandError
from django.db import connection
from django.test import Client, override_settings

from netral.accounts import services as accounts
from netral.accounts.models import Role, User
from netral.cases.models import Case
from netral_gen.cases import bulk

TARGET_MS = 500
DEFAULT_SIZE = 1_000_000
DATA = "/analitik/data/"
ENDPOINTS: dict[str, str] = {
    "summary": DATA + "summary.json",
    "funnel": DATA + "funnel.json",
    "breakdown_state": DATA + "breakdown.json?dimension=state",
    "breakdown_group": DATA + "breakdown.json?dimension=group",
    "breakdown_item": DATA + "breakdown.json?dimension=item",
    "breakdown_position_class": DATA + "breakdown.json?dimension=position_class",
    "breakdown_agency": DATA + "breakdown.json?dimension=agency",
    "breakdown_region": DATA + "breakdown.json?dimension=region",
    "weekly": DATA + "weekly.json",
    "deadlines": DATA + "deadlines.json",
    "ppk": DATA + "ppk.json",
    "map": DATA + "map.json",
    "map_province": DATA + "map.json?province=33",
}
PUBLIC = {"stats": "/api/v1/stats"}
# scope → (role, institution) of its benchmark user.
SCOPES: dict[str, tuple[str, Any]] = {
    "national": (Role.BAWASLU_STAFF, lambda: accounts.bawaslu_for_region(None)),
    "province": (Role.BAWASLU_STAFF, lambda: accounts.bawaslu_for_region("33")),
    "regency": (Role.BAWASLU_STAFF, lambda: accounts.bawaslu_for_region("33.29")),
    "authority": (Role.AUTHORITY_ANALYST, lambda: accounts.institution(accounts.BKN)),
    "ppk": (Role.PPK_OFFICER, lambda: accounts.ppk_office_for_region("33.29")),
    "kemendagri": (Role.KEMENDAGRI_OFFICER, lambda: accounts.institution(accounts.KEMENDAGRI)),
}


def p95(samples: list[float]) -> float:
    """The 95th percentile (nearest rank) in milliseconds."""
    ordered = sorted(samples)
    return round(ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)] * 1000, 1)


def _user(scope: str) -> User:
    role, institution = SCOPES[scope]
    user = User.objects.filter(username=f"bench.{scope}").first()
    return user or accounts.create_user(f"bench.{scope}", role=role, institution=institution())


def _top_up(size: int) -> int:
    """Generate cases until the database holds `size`; returns how many were generated."""
    missing = size - Case.objects.count()
    if missing <= 0:
        return 0
    try:
        bulk.generate(missing, seed=Case.objects.count())
    except bulk.GeneratorRefused as exc:
        raise CommandError(f"dashboard benchmark: {exc}") from exc
    return missing


def _time(client: Client, url: str, repeat: int) -> tuple[list[float], int]:
    client.get(url)  # warm up (templates, per-process caches; fills the result caches when they are on)
    samples = []
    status = 200
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(url)
        samples.append(time.perf_counter() - started)
        status = response.status_code if response.status_code != 200 else status
    return samples, status


def _round(repeat: int, errors: dict[str, int]) -> dict[str, dict[str, float]]:
    """p95 per scope and endpoint with the settings in force."""
    by_scope: dict[str, dict[str, float]] = {}
    for scope in SCOPES:
        client = Client()
        client.force_login(_user(scope))
        for name, url in ENDPOINTS.items():
            samples, status = _time(client, url, repeat)
            if status != 200:
                errors[f"{name}@{scope}"] = status
            by_scope.setdefault(scope, {})[name] = p95(samples)
    anonymous = Client()
    for name, url in PUBLIC.items():
        samples, status = _time(anonymous, url, repeat)
        if status != 200:
            errors[f"{name}@public"] = status
        by_scope.setdefault("public", {})[name] = p95(samples)
    return by_scope


def _worst(by_scope: dict[str, dict[str, float]]) -> dict[str, float]:
    worst: dict[str, float] = {}
    for timings in by_scope.values():
        for name, value in timings.items():
            worst[name] = max(worst.get(name, 0.0), value)
    return worst


def machine_gauge() -> dict[str, float]:
    """How fast this machine is right now, for comparing runs (its speed varies with other work on the
    host): the best of 3 timings of a fixed Python loop and, on PostgreSQL, of a fixed aggregate over
    generated numbers (no table read), in ms."""

    def best(work: Any) -> float:
        timings = []
        for _ in range(3):
            started = time.perf_counter()
            work()
            timings.append(time.perf_counter() - started)
        return round(min(timings) * 1000, 1)

    gauge = {"python_ms": best(lambda: sum(i * i for i in range(2_000_000)))}
    if connection.vendor == "postgresql":

        def series() -> None:
            with connection.cursor() as cursor:
                cursor.execute("SELECT sum(i) FROM generate_series(1, 3000000) AS i")
                cursor.fetchone()

        gauge["postgres_ms"] = best(series)
    return gauge


def measure(size: int, repeat: int) -> dict[str, Any]:
    """In the benchmark database: top up to `size` cases, then time. Uncached first (the result caches
    of the dashboards and the public statistics off: every request computes; this is `p95_ms`), then
    with the caches as configured (`p95_ms_cached`)."""
    started = time.perf_counter()
    generated = _top_up(size)
    generate_s = time.perf_counter() - started
    errors: dict[str, int] = {}
    gauge = machine_gauge()
    hosts = [*settings.ALLOWED_HOSTS, "testserver"]
    with override_settings(ALLOWED_HOSTS=hosts, NETRAL_API_RATE_PUBLIC="off"):
        cache.clear()
        with override_settings(NETRAL_ANALYTICS_CACHE_SECONDS=0, NETRAL_STATS_CACHE_SECONDS=0):
            uncached = _round(repeat, errors)
        cached = _round(repeat, errors)
    worst = _worst(uncached)
    return {
        "database": connection.vendor,
        "generated": generated,
        "generate_s": round(generate_s, 1),
        "requests_per_endpoint": repeat,
        "machine_gauge": gauge,
        "target_ms": TARGET_MS,
        "over_target": sorted(name for name, value in worst.items() if value >= TARGET_MS),
        "errors": errors,
        "p95_ms_by_scope": uncached,
        "p95_ms_cached": _worst(cached),
        "cases": Case.objects.count(),
        "p95_ms": worst,
    }


# --- the parent: which database, the child process ------------------------------------------------


def _say(message: str) -> None:
    print(f"dashboard bench: {message}", file=sys.stderr, flush=True)


@contextlib.contextmanager
def _bench_env(size: int) -> Iterator[dict[str, str]]:
    """Environment of the child: never the database in use. PostgreSQL: the database
    `<name>_bench_dashboard` on the same server, created and set up when missing and KEPT (generating a
    million cases takes minutes; drop it by hand). SQLite: a throwaway file, removed afterwards."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("NETRAL_ASYNC")}
    env["NETRAL_LOG_LEVEL"] = "WARNING"
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        import psycopg

        parts = urlsplit(url)
        name = f"{parts.path.lstrip('/') or 'netral'}_bench_dashboard"
        admin = urlunsplit(parts._replace(path="/postgres"))
        with psycopg.connect(admin, autocommit=True, connect_timeout=5) as conn:
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
            if not exists:
                conn.execute(f'CREATE DATABASE "{name}"')
        env["DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{name}"))
        env.setdefault("NETRAL_DATA_DIR", tempfile.gettempdir())
        _say(f"database {name} ({'reused' if exists else 'new'}; kept for the next run)")
        _setup(env)
        yield env
        return
    if size > bulk.SQLITE_LIMIT:
        raise CommandError(
            f"dashboard benchmark: SQLite takes at most {bulk.SQLITE_LIMIT:,} cases "
            f"(use --size {bulk.SQLITE_LIMIT} or less); set DATABASE_URL to PostgreSQL for 1,000,000."
        )
    directory = tempfile.mkdtemp(prefix="netral-bench-dashboard-")
    env.pop("DATABASE_URL", None)
    env["NETRAL_DATA_DIR"] = directory
    _say("throwaway SQLite database")
    try:
        _setup(env)
        yield env
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def _setup(env: dict[str, str]) -> None:
    command = [sys.executable, "-m", "netral.cli", "setup"]
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)  # noqa: S603


def run(size: int = DEFAULT_SIZE, seconds: float | None = None, repeat: int = 20) -> dict[str, Any]:
    """Top up the benchmark database to `size` cases and time every endpoint (`seconds`: a time budget
    for the timing, estimated at 50 ms per request)."""
    if size < 1:
        raise CommandError("dashboard benchmark: --size must be at least 1")
    if seconds:
        repeat = max(3, int(seconds / (2 * (len(ENDPOINTS) * len(SCOPES) + len(PUBLIC)) * 0.05)))
    with _bench_env(size) as env:
        _say(f"up to {size:,} cases, then {repeat} timed requests per endpoint and scope")
        path = str(Path(__file__).resolve())
        code = (
            "import importlib.util, json; "
            f"spec = importlib.util.spec_from_file_location('bench_dashboard', {path!r}); "
            "module = importlib.util.module_from_spec(spec); spec.loader.exec_module(module); "
            f"print(json.dumps(module.measure({size}, {repeat})))"
        )
        command = [sys.executable, "-m", "netral.cli", "shell", "-c", code]
        child = subprocess.run(command, env=env, stdout=subprocess.PIPE, text=True)  # noqa: S603
    if child.returncode != 0:
        raise CommandError(
            f"dashboard benchmark: the measuring process failed (exit code {child.returncode})"
        )
    result: dict[str, Any] = json.loads(child.stdout.strip().splitlines()[-1])
    return result
