"""Benchmark: one escalation sweep over the overdue steps of many open cases, and two concurrent
workers that must never process a step twice.

`netral bench worker [--json] [--size N]` (default N = 100,000 open cases):

1. makes a throwaway database: on PostgreSQL (when `DATABASE_URL` points at it) a database
   `netral_bench_worker_<pid>_<random>` on the same server, otherwise a SQLite file in a temporary
   `NETRAL_DATA_DIR`; runs `netral setup` into it (reference data);
2. generates N open cases with `bulk_create`, shaped like real ones: Pilkada 2024 cases over every
   regency/city with their opening transition, one open deadline each on the clock of their state
   (initial review, decision, ASN-authority verification, PPK follow-up, follow-up after the
   warning) and, at the PPK stage, the recommendation addressed to the region's PPK; plus the users
   the notifications go to (Bawaslu staff and commissioner per regency/city, staff per province, a
   PPK officer per regional government, BKN analysts, a Kemendagri officer; no e-mail addresses);
   N/10 deadlines are overdue at the first sweep moment (set A), another N/10 fall due between the
   first and the second moment (set B), the rest later;
3. times one sweep (`cases.escalation.sweep`) at the first moment in its own process: claims,
   state changes (PPK overdue, automatic block) with their transitions and audit entries, and the
   notifications of every step (hooks after each batch's commit) - `sweep_s`, with the process's CPU
   time (`sweep_cpu_s`) and its SQL statements (`queries`, `queries_per_step`);
4. starts two worker processes (each with its own database connection) that sweep at the second
   moment at the same time, each recording the deadlines it processed; `double_processed` counts
   deadlines processed by both (or twice by one), plus cases with a repeated automatic state change
   or a repeated overdue notice to the same person; `missed` counts set-B deadlines left open;
5. drops the database (or the temporary directory), also on errors.

On SQLite the two workers are serialised by the database's write lock (`BEGIN IMMEDIATE`); on
PostgreSQL they claim in parallel with `FOR UPDATE SKIP LOCKED`. The result says which.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from random import Random
from typing import Any
from urllib.parse import urlsplit, urlunsplit

UTC = dt.UTC
FIRST_SWEEP = dt.datetime(2024, 12, 2, 10, 0, tzinfo=UTC)
SECOND_SWEEP = FIRST_SWEEP + dt.timedelta(days=7)
# (state, clock, share of the cases)
SHAPES = [
    ("received", "pilkada.initial_review", 0.35),
    ("study", "pilkada.decision", 0.20),
    ("authority_received", "authority.verification", 0.20),
    ("sent_to_ppk", "ppk.follow_up", 0.17),
    ("warned", "ppk.follow_up_after_warning", 0.08),
]
PPK_STATES = {"sent_to_ppk", "warned"}


def _say(message: str) -> None:
    print(f"worker bench: {message}", file=sys.stderr, flush=True)


# --- the parent: database, processes, result ----------------------------------------------------


@contextlib.contextmanager
def _throwaway_env() -> Iterator[tuple[dict[str, str], str]]:
    """Environment for child processes pointing at a new, empty database; (env, engine)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NETRAL_ASYNC")}
    env["NETRAL_EMAIL_BACKEND"] = "django.core.mail.backends.dummy.EmailBackend"
    env["NETRAL_LOG_LEVEL"] = "WARNING"
    url = os.environ.get("DATABASE_URL", "")
    directory = tempfile.mkdtemp(prefix="netral-bench-worker-")
    env["NETRAL_DATA_DIR"] = directory
    try:
        if url.startswith(("postgres://", "postgresql://")):
            import psycopg

            parts = urlsplit(url)
            admin = urlunsplit(parts._replace(path="/postgres"))
            name = f"netral_bench_worker_{os.getpid()}_{secrets.token_hex(3)}"
            with psycopg.connect(admin, autocommit=True, connect_timeout=5) as conn:
                conn.execute(f'CREATE DATABASE "{name}"')
            env["DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{name}"))
            try:
                yield env, "postgresql"
            finally:
                with psycopg.connect(admin, autocommit=True, connect_timeout=5) as conn:
                    conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        else:
            env.pop("DATABASE_URL", None)
            yield env, "sqlite"
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def _child(env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    command = [sys.executable, str(Path(__file__).resolve()), *args]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True)  # noqa: S603


def _last_json(process: subprocess.Popen[str]) -> dict[str, Any]:
    out, _ = process.communicate()
    if process.returncode != 0:
        raise RuntimeError(f"benchmark child failed with exit code {process.returncode}")
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return result


def run(size: int = 100_000) -> dict[str, Any]:
    if size < 100:
        raise ValueError("size must be at least 100")
    overdue = size // 10
    with _throwaway_env() as (env, engine):
        _say(f"netral setup into a throwaway {engine} database")
        subprocess.run(
            [sys.executable, "-m", "netral.cli", "setup"], env=env, check=True, stdout=subprocess.DEVNULL
        )
        _say(f"generating {size:,} open cases ({overdue:,} overdue, {overdue:,} more for the workers)")
        made = _last_json(_child(env, "generate", str(size), str(overdue)))
        _say("timing one sweep")
        single = _last_json(_child(env, "sweep", FIRST_SWEEP.isoformat(), "-", "500"))
        _say("two concurrent workers")
        work = Path(env["NETRAL_DATA_DIR"])
        # Batches small enough that both workers get some (production: 500 per batch).
        batch = str(max(10, min(500, overdue // 20)))
        workers = [_child(env, "sweep", SECOND_SWEEP.isoformat(), str(work / f"w{i}"), batch) for i in (1, 2)]
        while not all((work / f"w{i}.ready").exists() for i in (1, 2)):
            if any(w.poll() is not None for w in workers):
                break
            time.sleep(0.05)
        (work / "go").touch()
        results = [_last_json(w) for w in workers]
        ids = [json.loads((work / f"w{i}.ids").read_text()) for i in (1, 2)]
        checks = _last_json(_child(env, "check", SECOND_SWEEP.isoformat()))
    both = len(set(ids[0]) & set(ids[1]))
    repeated = sum(len(i) - len(set(i)) for i in ids)
    return {
        "database": engine,
        "open_cases": made["open_cases"],
        "overdue_steps": single["overdue_marked"],
        "generate_s": made["seconds"],
        "sweep_s": single["seconds"],
        "sweep_cpu_s": single["cpu_seconds"],  # CPU time of the sweeping process (not the database's)
        "steps_per_s": round(single["overdue_marked"] / single["seconds"], 1) if single["seconds"] else 0.0,
        "ppk_overdue": single["ppk_overdue"],
        "blocked": single["blocked"],
        "notifications": single["notifications"],
        "queries": single["queries"],
        "queries_per_step": round(single["queries"] / single["overdue_marked"], 2)
        if single["overdue_marked"]
        else 0.0,
        "workers": 2,
        "concurrency": "parallel (SKIP LOCKED)"
        if engine == "postgresql"
        else "serialised (SQLite write lock)",
        "worker_batch": int(batch),
        "worker_steps": [r["overdue_marked"] for r in results],
        "worker_skipped": [r["skipped"] for r in results],
        "concurrent_sweep_s": max(r["seconds"] for r in results),
        "double_processed": both + repeated + checks["repeated_changes"] + checks["repeated_notices"],
        "missed": checks["still_open"],
    }


# --- the children (run as `python benchmarks/worker.py ...` with the throwaway database) --------


def _generate(size: int, overdue: int) -> dict[str, Any]:
    from django.contrib.auth.hashers import make_password

    from netral.accounts.models import Institution, User
    from netral.cases.models import Case, Deadline, Recommendation, Transition
    from netral.catalogue.services import get_item
    from netral.elections.models import Election
    from netral.personnel.models import Agency
    from netral.regions.models import Region

    started = time.perf_counter()
    rng = Random(0)
    regions = list(Region.objects.regencies().order_by("code"))
    election = Election.objects.get(code="pilkada-2024")
    bkn = Institution.objects.get(code="bkn")
    item = get_item("D8")
    agencies = {
        a.region_id: a for a in Agency.objects.exclude(kind=Agency.Kind.CENTRAL).filter(region__in=regions)
    }
    password = make_password(None)
    users: list[User] = []
    for inst in Institution.objects.filter(kind__in=["bawaslu", "ppk", "kemendagri"]).exclude(
        kind="ppk", agency__kind=Agency.Kind.CENTRAL
    ):
        roles = {"bawaslu": ["bawaslu_staff"], "ppk": ["ppk_officer"], "kemendagri": ["kemendagri_officer"]}
        extra = (
            ["bawaslu_commissioner"]
            if inst.kind == "bawaslu" and inst.region_id and "." in inst.region_id
            else []
        )
        for role in roles[inst.kind] + extra:
            users.append(User(username=f"{role}-{inst.code}", role=role, institution=inst, password=password))
    users += [
        User(username=f"bkn-{i}", role="authority_analyst", institution=bkn, password=password)
        for i in (1, 2)
    ]
    User.objects.bulk_create(users, batch_size=2000)

    weights = [share for _state, _clock, share in SHAPES]
    plan = []  # (state, clock, due_at)
    for index in range(size):
        state, clock, _share = rng.choices(SHAPES, weights)[0]
        if index < overdue:  # set A: overdue at the first sweep
            due = FIRST_SWEEP - dt.timedelta(minutes=rng.randrange(1, 60 * 24 * 30))
        elif index < 2 * overdue:  # set B: due between the two sweeps
            due = FIRST_SWEEP + dt.timedelta(minutes=rng.randrange(1, 60 * 24 * 7))
        else:
            due = SECOND_SWEEP + dt.timedelta(minutes=rng.randrange(1, 60 * 24 * 60))
        plan.append((state, clock, due))
    rng.shuffle(plan)
    cases = []
    for index, (state, _clock, due) in enumerate(plan):
        region = regions[index % len(regions)]
        received = due - dt.timedelta(days=30)
        cases.append(
            Case(
                number=f"{region.code}/2024/{index:06d}",
                region=region,
                election=election,
                state=state,
                channel="web",
                received_at=received,
                authority=bkn if state not in ("received", "study") else None,
                version=2,
            )
        )
    Case.objects.bulk_create(cases, batch_size=2000)
    cases = list(Case.objects.order_by("pk").only("pk", "region_id", "state", "received_at"))
    Transition.objects.bulk_create(
        [
            Transition(case_id=c.pk, from_state="", to_state="received", action="open_case", at=c.received_at)
            for c in cases
        ],
        batch_size=2000,
    )
    Deadline.objects.bulk_create(
        [
            Deadline(case_id=c.pk, clock=clock, started_on=due.date() - dt.timedelta(days=14),
                     due_date=due.date(), due_at=due)
            for c, (_state, clock, due) in zip(cases, plan, strict=True)
        ],
        batch_size=2000,
    )  # fmt: skip
    Recommendation.objects.bulk_create(
        [
            Recommendation(case_id=c.pk, authority=bkn, item=item, sanction_level="sedang",
                           agency=agencies[c.region_id], created_at=c.received_at)
            for c in cases
            if c.state in PPK_STATES
        ],
        batch_size=2000,
    )  # fmt: skip
    return {"open_cases": len(cases), "users": len(users), "seconds": round(time.perf_counter() - started, 2)}


def _sweep(moment: str, ids_path: str, batch: int) -> dict[str, Any]:
    from django.db import connection

    from netral.cases.escalation import sweep
    from netral.notifications.models import Notification
    from netral.outbox import services as outbox
    from netral.outbox.models import Event

    processed: list[int] = []
    handlers = outbox.handlers

    def collect(events: Sequence[Event]) -> None:
        """The deadlines whose overdue events this process's outbox processing handled."""
        processed.extend(e.payload["deadline_id"] for e in events if e.kind == Event.Kind.CLOCK_OVERDUE)

    outbox.handlers = lambda: [*handlers(), collect]
    connection.ensure_connection()  # each worker holds its own connection
    if ids_path != "-":
        Path(f"{ids_path}.ready").touch()
        go = Path(ids_path).parent / "go"
        while not go.exists():
            time.sleep(0.01)
    before = Notification.objects.count()
    queries = [0]

    def count(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        queries[0] += 1
        return execute(sql, params, many, context)

    started, cpu = time.perf_counter(), time.process_time()
    with connection.execute_wrapper(count):
        result = sweep(dt.datetime.fromisoformat(moment), batch=batch)
    seconds = round(time.perf_counter() - started, 2)
    cpu_seconds = round(time.process_time() - cpu, 2)
    if ids_path != "-":
        Path(f"{ids_path}.ids").write_text(json.dumps(processed))
    counts = {**result.as_dict(), "skipped": result.skipped}
    notices = Notification.objects.count() - before
    timing = {"seconds": seconds, "cpu_seconds": cpu_seconds}
    return {**counts, **timing, "notifications": notices, "queries": queries[0]}


def _check(moment: str) -> dict[str, int]:
    from django.db.models import Count

    from netral.cases.models import Deadline, Transition
    from netral.notifications.models import Notification

    changes = (
        Transition.objects.filter(action__in=["mark_ppk_overdue", "block"])
        .values("case_id", "action")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
    )
    notices = (
        Notification.objects.filter(kind="escalation")
        .values("recipient_id", "case_id")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
    )
    open_due = Deadline.objects.filter(state="open", due_at__lt=dt.datetime.fromisoformat(moment))
    return {
        "repeated_changes": changes.count(),
        "repeated_notices": notices.count(),
        "still_open": open_due.count(),
    }


def _main(argv: list[str]) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "netral.settings")
    import django

    django.setup()
    command, *args = argv
    if command == "generate":
        out: dict[str, Any] = _generate(int(args[0]), int(args[1]))
    elif command == "sweep":
        out = _sweep(args[0], args[1], int(args[2]))
    elif command == "check":
        out = dict(_check(args[0]))
    else:
        raise SystemExit(f"unknown benchmark step {command!r}")
    print(json.dumps(out), flush=True)


if __name__ == "__main__":
    _main(sys.argv[1:])
