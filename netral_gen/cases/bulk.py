"""A fast bulk generator of cases for the dashboard benchmark (not for demos: use `netral demo cases`).

It follows the same stories as the demo (`stories`: mixes of groups, positions, outcomes, PPK
behaviour) but writes the rows directly, in chunks: cases with their classification, every transition
the actions would have written, deadlines (due after the clock's number of *calendar* days, a
simplification for speed), recommendations, sanction decrees and block records. No reports, audit
entries or forwarding packages: the dashboards do not read them. Case numbers carry a `G` before the
sequence (`34.04/2024/G0000001`) so they never collide with numbers the system hands out.

PostgreSQL: COPY (psycopg), 1,000,000 cases in minutes. SQLite: INSERT with executemany, at most
`SQLITE_LIMIT` cases (enough to develop with); anything else is refused.
"""

from __future__ import annotations

import datetime as dt
import functools
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import connection, models, transaction
from django.utils import timezone

from netral.accounts.services import current_asn_authority
from netral.cases import tally
from netral.cases.models import BlockRecord, Case, Deadline, Recommendation, SanctionDecree, Transition
from netral.cases.workflow import OPEN_CASE, STEP_BY_NAME, counts_from_receipt, full_clock_name
from netral.catalogue.services import item_for
from netral.elections.models import Election
from netral.personnel.models import Agency
from netral.workdays.models import Clock
from netral_gen.cases import shape
from netral_gen.cases.stories import UNREGISTERED, Story, actions_for, draw, regions

SQLITE_LIMIT = 50_000
CHUNK = 5_000
MODELS: tuple[type[models.Model], ...] = (
    Case,
    Transition,
    Deadline,
    Recommendation,
    SanctionDecree,
    BlockRecord,
)


class GeneratorRefused(Exception):
    """The database cannot take this size (the message says why, in English for operators)."""


@dataclass
class Rows:
    """The rows of one chunk, per model, as dicts of attname → value."""

    by_model: dict[type[models.Model], list[dict[str, Any]]]

    def add(self, model: type[models.Model], **values: Any) -> int:
        self.by_model[model].append(values)
        return len(self.by_model[model])


class _Ids:
    """Sequential primary keys after the current maximum of each table."""

    def __init__(self) -> None:
        self.next = {
            model: (model._default_manager.aggregate(m=models.Max("pk"))["m"] or 0) + 1 for model in MODELS
        }

    def take(self, model: type[models.Model]) -> int:
        value = self.next[model]
        self.next[model] += 1
        return value


def _columns(model: type[models.Model]) -> list[models.Field[Any, Any]]:
    return list(model._meta.concrete_fields)


_NOW = object()  # marks auto_now / auto_now_add columns in a column plan


@functools.cache
def _plan(model: type[models.Model]) -> tuple[tuple[str, Any], ...]:
    """(attname, fallback) per column: the fallback fills columns a row does not give."""
    plan = []
    for field in _columns(model):
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            plan.append((field.attname, _NOW))
        else:
            plan.append((field.attname, field.get_default() if field.has_default() else None))
    return tuple(plan)


def _row(model: type[models.Model], values: dict[str, Any], now: dt.datetime) -> tuple[Any, ...]:
    return tuple(values.get(name, now if fallback is _NOW else fallback) for name, fallback in _plan(model))


def _writer() -> Callable[[type[models.Model], list[tuple[Any, ...]]], None]:
    quote = connection.ops.quote_name

    def write(model: type[models.Model], rows: list[tuple[Any, ...]]) -> None:
        if not rows:
            return
        table = quote(model._meta.db_table)
        cols = ", ".join(quote(field.column) for field in _columns(model))
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                with cursor.copy(f"COPY {table} ({cols}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
            else:
                marks = ", ".join(["%s"] * len(rows[0]))
                cursor.executemany(f"INSERT INTO {table} ({cols}) VALUES ({marks})", rows)  # noqa: S608

    return write


def _reset_sequences() -> None:
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for model in MODELS:
            table = model._meta.db_table
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE(MAX(id), 1)) FROM {table}"  # noqa: S608
            )


def _role(action: str) -> str:
    """The role that takes an action in the demo stories (the generator stores no actor)."""
    if action in ("mark_ppk_overdue", "block", "unblock"):
        return "system"
    if action.startswith("decide_"):
        return "bawaslu_commissioner"
    if action == "warn_ppk":
        return "kemendagri_officer"
    if action.startswith("record_"):
        return "ppk_officer"
    if action in ("acknowledge_receipt", "verify", "find_not_proven", "reject_at_authority", "recommend"):
        return "authority_analyst"
    if action == "send_to_ppk":
        return "authority_analyst"
    return "" if action == OPEN_CASE else "bawaslu_staff"


class Builder:
    """Turns stories into rows (ids assigned here, so children can point at their parents)."""

    def __init__(self, election: Election) -> None:
        self.election = election
        self.ids = _Ids()
        self.days = dict(Clock.objects.values_list("name", "days"))
        self.authority_id = current_asn_authority(on=election.voting_date).pk
        self.agencies = dict(
            Agency.objects.exclude(kind=Agency.Kind.CENTRAL)
            .filter(region__isnull=False)
            .values_list("region_id", "pk")
        )
        self.items: dict[str, tuple[int, str]] = {}
        for _weight, group in shape.GROUPS:
            item = item_for(group, True)
            if item is not None:
                self.items[group] = (item.pk, item.sanction_level)
        self.now = timezone.now()

    def clock(
        self, case_id: int, rows: Rows, name: str, start: dt.datetime, authority_id: int | None
    ) -> dict[str, Any]:
        due = start + dt.timedelta(days=self.days.get(name, 7))
        row = {"id": self.ids.take(Deadline), "case_id": case_id, "clock": name, "started_on": start.date()}
        row.update(due_date=due.date(), due_at=due, state="open", met_at=None, authority_id=authority_id)
        rows.by_model[Deadline].append(row)  # the same dict: meeting the clock later updates it
        return row

    def case(self, story: Story, rows: Rows) -> None:
        case_id = self.ids.take(Case)
        agency = self.agencies.get(story.region)
        registered = story.bawaslu not in UNREGISTERED
        item_id, level = self.items.get(story.group, (None, "berat"))
        at = story.received_at
        state, moves = "received", 0
        open_clocks: dict[str, dict[str, Any]] = {}
        recommendation_id = None
        # Where the case ends up forwarded; its deadlines carry that authority (set at the forwarding).
        authority_id = self.authority_id if story.forwarding == "authority" else None

        def move(action: str, to_state: str) -> None:
            nonlocal state, moves
            moves += 1
            rows.add(
                Transition,
                id=self.ids.take(Transition),
                case_id=case_id,
                from_state="" if action == OPEN_CASE else state,
                to_state=to_state,
                action=action,
                actor_id=None,
                actor_role=_role(action),
                reason="",
                at=at,
            )
            step = STEP_BY_NAME[action]
            for name in step.meets + step.marks_overdue:
                full = full_clock_name(self.election.type, name)
                if (row := open_clocks.pop(full, None)) is not None:
                    row["state"] = "met" if name in step.meets else "overdue"
                    row["met_at"] = at if name in step.meets else None
            for name in step.starts:
                full = full_clock_name(self.election.type, name)
                start = story.received_at if counts_from_receipt(full) else at
                open_clocks[full] = self.clock(case_id, rows, full, start, authority_id)
            state = to_state

        move(OPEN_CASE, "received")
        for action, days in actions_for(story):
            at = min(at + dt.timedelta(days=days), self.now)
            was_blocked = state == "blocked"
            move(action, STEP_BY_NAME[action].target or state)
            if action == "recommend" and item_id is not None and agency is not None:
                recommendation_id = self.ids.take(Recommendation)
                rows.add(
                    Recommendation,
                    id=recommendation_id,
                    case_id=case_id,
                    authority_id=self.authority_id,
                    item_id=item_id,
                    sanction_level=level if level in shape.SANCTION_FORMS else "berat",
                    agency_id=agency,
                    text="",
                    created_at=at,
                )
            elif action == "block" and recommendation_id is not None:
                block_id = self.ids.take(BlockRecord)
                reason = "Peringatan tidak ditindaklanjuti."
                rows.add(
                    BlockRecord,
                    id=block_id,
                    recommendation_id=recommendation_id,
                    reason=reason,
                    requested_at=at,
                )
            elif action == "record_sanction" and recommendation_id is not None:
                forms = shape.SANCTION_FORMS.get(level, shape.SANCTION_FORMS["berat"])
                rows.add(
                    SanctionDecree,
                    id=self.ids.take(SanctionDecree),
                    recommendation_id=recommendation_id,
                    number=f"800/G{case_id}",
                    date=at.date(),
                    form=forms[story.form_index % len(forms)],
                    pppk=story.employment == "pppk",
                    created_at=at,
                )
                if was_blocked:
                    for block in rows.by_model[BlockRecord]:
                        if block["recommendation_id"] == recommendation_id:
                            block["lifted_at"] = at
                    move("unblock", "unblocked")
        rows.add(
            Case,
            id=case_id,
            number=f"{story.region}/{story.received_at.year}/G{case_id:07d}",
            region_id=story.region,
            election_id=self.election.pk,
            state=state,
            daluwarsa=story.known_late,
            channel="web",
            received_at=story.received_at,
            created_at=story.received_at,
            updated_at=at,
            version=moves,
            authority_id=authority_id,
            group=story.group if registered else "",
            item_id=item_id if registered else None,
            employment=story.employment if registered else "unknown",
            position_class=story.position_class if registered else "",
            agency_id=agency if registered else None,
            occurred_on=story.received_at.date() - dt.timedelta(days=1),
        )


def generate(
    size: int,
    *,
    seed: int = 0,
    election_code: str = "pilkada-2024",
    progress: Callable[[int], None] | None = None,
) -> dict[str, int]:
    """Write `size` generated cases with their rows; returns the row counts per table."""
    if connection.vendor == "sqlite" and size > SQLITE_LIMIT:
        raise GeneratorRefused(
            f"SQLite takes at most {SQLITE_LIMIT:,} generated cases; use PostgreSQL (DATABASE_URL) for more."
        )
    if connection.vendor not in ("sqlite", "postgresql"):
        raise GeneratorRefused(f"the generator supports PostgreSQL and SQLite, not {connection.vendor}")
    election = Election.objects.get(code=election_code)
    builder = Builder(election)
    rng = random.Random(seed)
    region = regions(rng)
    write = _writer()
    totals = {model.__name__: 0 for model in MODELS}
    for start in range(0, size, CHUNK):
        rows = Rows({model: [] for model in MODELS})
        for number in range(start, min(start + CHUNK, size)):
            builder.case(draw(rng, number, region, election, None, 0.0), rows)
        with transaction.atomic():
            for model in MODELS:  # parents first
                write(model, [_row(model, values, builder.now) for values in rows.by_model[model]])
                totals[model.__name__] += len(rows.by_model[model])
        if progress is not None:
            progress(min(start + CHUNK, size))
    _reset_sequences()
    # The rows were written without the action layer, so its running counts are recounted once.
    totals["tally rows"] = tally.rebuild()
    if connection.vendor == "postgresql":
        # Statistics for the planner and, outside a transaction, the visibility map that index-only scans
        # need (without it the dashboards' covering and partial indexes visit the table for every row).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
    return totals
