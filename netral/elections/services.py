"""Public functions of the elections app: reference data, stages in force, candidate determination.

Per-region dates: a regency/city uses its own override of a stage, else its province's, else the
national dates. Stage dates are inclusive local calendar dates.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction
from django.db.models import Q

from netral.elections.models import Candidate, Election, Party, Stage, StageOverride
from netral.regions.models import ZONE_INFO, Region, TimeZone

ELECTIONS_FILE = Path(__file__).resolve().parent / "data" / "elections.json"
DETERMINATION_STAGE = "determination"


# --- reference data -----------------------------------------------------------------------------


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


@dataclass
class _Counts:
    elections: int = 0
    stages: int = 0
    parties: int = 0
    candidates: int = 0


@transaction.atomic
def load_elections(path: Path = ELECTIONS_FILE) -> dict[str, int]:
    """Create the elections, stages, parties and candidates of the file that are missing.

    Idempotent: rows that exist (matched by code, stage code, ballot number, or office, region and
    names) are never changed, so administrators' corrections survive a re-run.
    """
    data = json.loads(path.read_text(encoding="utf-8"))
    counts = _Counts()
    for entry in data["elections"]:
        election, created = Election.objects.get_or_create(
            code=entry["code"],
            defaults={
                "type": entry["type"],
                "name": entry["name"],
                "voting_date": _date(entry["voting_date"]),
                "candidate_determination_date": _date(entry.get("candidate_determination_date")),
            },
        )
        counts.elections += created
        for order, stage in enumerate(entry.get("stages", []), start=1):
            _stage, created = Stage.objects.get_or_create(
                election=election,
                code=stage["code"],
                defaults={
                    "name": stage["name"],
                    "start": _date(stage["start"]),
                    "end": _date(stage["end"]),
                    "order": order,
                },
            )
            counts.stages += created
        for party in entry.get("parties", []):
            _party, created = Party.objects.get_or_create(
                election=election,
                ballot_number=party["ballot_number"],
                defaults={"name": party["name"], "abbreviation": party["abbreviation"]},
            )
            counts.parties += created
        for candidate in entry.get("candidates", []):
            _candidate, created = Candidate.objects.get_or_create(
                election=election,
                office=candidate["office"],
                region_id=candidate.get("region"),
                names=candidate["names"],
                defaults={
                    "ballot_number": candidate.get("ballot_number"),
                    "status": candidate["status"],
                    "incumbent": candidate.get("incumbent", False),
                    "parties": candidate.get("parties", ""),
                },
            )
            counts.candidates += created
    return vars(counts)


def load_reference_data() -> str:
    created = load_elections()
    return (
        f"{created['elections']} elections, {created['stages']} stages, {created['parties']} parties, "
        f"{created['candidates']} candidates created; {Election.objects.count()} elections in total"
    )


# --- reading ------------------------------------------------------------------------------------


def get_election(code: str) -> Election:
    """The election with this code (e.g. "pilkada-2024"); raises Election.DoesNotExist."""
    return Election.objects.get(code=code)


@dataclass(frozen=True)
class StageWindow:
    """A stage with the dates in force for one region (or nationally)."""

    stage: Stage
    start: dt.date
    end: dt.date
    # Code of the region whose override gave these dates; None for the national dates.
    override_region: str | None

    @property
    def code(self) -> str:
        return self.stage.code

    @property
    def name(self) -> str:
        return self.stage.name

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


def _lookup_chain(region: Region | None) -> list[str]:
    """Region codes whose overrides apply, most specific first: the regency, then its province."""
    if region is None:
        return []
    chain = [region.code]
    if region.parent_id:
        chain.append(region.parent_id)
    return chain


def stages_for(election: Election, region: Region | None = None) -> list[StageWindow]:
    """All stages of an election with the dates in force in `region` (national when None)."""
    chain = _lookup_chain(region)
    overrides: dict[tuple[int, str], StageOverride] = {}
    if chain:
        rows = StageOverride.objects.filter(stage__election=election, region_id__in=chain)
        overrides = {(row.stage_id, row.region_id): row for row in rows}
    windows = []
    for stage in election.stages.order_by("order", "start"):
        chosen = next((overrides[key] for code in chain if (key := (stage.pk, code)) in overrides), None)
        if chosen is None:
            windows.append(StageWindow(stage, stage.start, stage.end, None))
        else:
            windows.append(StageWindow(stage, chosen.start, chosen.end, chosen.region_id))
    return windows


def _local_date(day: dt.date, region: Region | None) -> dt.date:
    """A datetime becomes the calendar date in the region's time zone (WIB when national)."""
    if isinstance(day, dt.datetime):
        if day.tzinfo is None:
            raise ValueError("naive datetime: pass an aware datetime or a date")
        zone = region.zoneinfo if region is not None else ZONE_INFO[TimeZone.WIB]
        return day.astimezone(zone).date()
    return day


def stage_on(election: Election, day: dt.date, region: Region | None = None) -> StageWindow | None:
    """The stage in force on `day` in `region`, or None between stages.

    Where stages overlap (counting that starts on voting day), the one that started last wins;
    on a tie, the shorter one.
    """
    day = _local_date(day, region)
    current = [window for window in stages_for(election, region) if window.contains(day)]
    if not current:
        return None
    return max(current, key=lambda window: (window.start, -(window.end - window.start).days))


def determination_date(election: Election, region: Region | None = None) -> dt.date | None:
    """The candidate-determination date in force in `region`.

    A regional override of the `determination` stage wins; otherwise the election's
    candidate_determination_date, else the national `determination` stage start.
    """
    windows = {window.code: window for window in stages_for(election, region)}
    window = windows.get(DETERMINATION_STAGE)
    if window is not None and window.override_region is not None:
        return window.start
    if election.candidate_determination_date is not None:
        return election.candidate_determination_date
    return window.start if window is not None else None


def is_determined(election: Election, day: dt.date, region: Region | None = None) -> bool:
    """Whether candidates were determined on or before `day`: acts from then on concern a calon.

    False when the election has no determination date yet.
    """
    determined_on = determination_date(election, region)
    return determined_on is not None and _local_date(day, region) >= determined_on


def candidates_for(election: Election, region: Region | None = None) -> list[Candidate]:
    """Candidates of an election: all of them, or those relevant to a region (national ones, the
    region's own and, for a regency/city, its province's)."""
    rows = election.candidates.select_related("region")
    if region is not None:
        rows = rows.filter(Q(region__isnull=True) | Q(region_id__in=_lookup_chain(region)))
    return list(rows)


def election_summary(election: Election) -> dict[str, Any]:
    return {
        "code": election.code,
        "type": election.type,
        "name": election.name,
        "voting_date": election.voting_date.isoformat(),
        "candidate_determination_date": (
            election.candidate_determination_date.isoformat()
            if election.candidate_determination_date
            else None
        ),
    }


def election_detail(election: Election, region: Region | None = None) -> dict[str, Any]:
    """The documented JSON shape of `netral elections show CODE --json [--region CODE]`."""
    determined_on = determination_date(election, region)
    return {
        **election_summary(election),
        "region": region.code if region is not None else None,
        "determination_date": determined_on.isoformat() if determined_on else None,
        "stages": [
            {
                "code": window.code,
                "name": window.name,
                "start": window.start.isoformat(),
                "end": window.end.isoformat(),
                "override_region": window.override_region,
            }
            for window in stages_for(election, region)
        ],
        "parties": [
            {"ballot_number": party.ballot_number, "name": party.name, "abbreviation": party.abbreviation}
            for party in election.parties.order_by("ballot_number")
        ],
        "candidates": [
            {
                "office": candidate.office,
                "region": candidate.region_id,
                "ballot_number": candidate.ballot_number,
                "names": candidate.names,
                "status": candidate.status,
                "incumbent": candidate.incumbent,
                "parties": candidate.parties,
            }
            for candidate in candidates_for(election, region)
        ],
    }
