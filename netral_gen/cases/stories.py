"""The stories of the demo cases, drawn before anything touches the database (no writes here).

`plan` draws each case's region, dates, classification and outcome from the mixes of `shape`
with `Random(seed)`; `actions_for` turns a story into the actions that lead to its final state. The
demo (`demo.py`, through the real actions) and the benchmark generator (`bulk.py`, bulk rows) both
follow these stories, so the two produce the same shapes.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from netral.elections.models import Election
from netral.regions.models import Region
from netral_gen.cases import shape

T = TypeVar("T")
_DAY = dt.timedelta(days=1)
# Bawaslu-stage end states reached before registration: such cases stay unclassified.
UNREGISTERED = frozenset({"received", "initial_review", "rejected_formal", "rejected_expired"})


def _pick(rng: random.Random, pairs: Sequence[tuple[float, T]]) -> T:
    return rng.choices([value for _w, value in pairs], weights=[w for w, _v in pairs])[0]


@dataclass
class Story:
    """Everything about one demo case, drawn before the database is touched."""

    number: int
    election: str
    region: str
    received_at: dt.datetime
    known_late: bool
    group: str
    position_class: str
    employment: str
    name: str
    bawaslu: str  # the Bawaslu-stage end state
    forwarding: str = "stay"
    authority: str = ""
    ppk: str = ""
    form_index: int = 0
    steps: list[float] = field(default_factory=list)  # days between actions

    @property
    def final_state(self) -> str:
        if self.bawaslu != "violation":
            return self.bawaslu
        if self.forwarding == "gakkumdu":
            return "forwarded_gakkumdu"
        if self.forwarding == "other":
            return "forwarded_other"
        if self.forwarding == "stay":
            return "violation"
        if self.authority != "sent_to_ppk":
            return self.authority
        return {
            "sanctioned_on_time": "sanctioned",
            "warned_then_sanctioned": "sanctioned",
            "blocked_then_sanctioned": "unblocked",
        }.get(self.ppk, self.ppk)


def regions(rng: random.Random) -> Callable[[], str]:
    regencies = list(Region.objects.regencies().order_by("code").values_list("code", flat=True))
    weights = [shape.PROVINCE_WEIGHTS.get(code[:2], 1) for code in regencies]
    fixed = shape.FIXED_REGIONS

    def draw() -> str:
        roll = rng.random()
        for share, code in fixed:
            if roll < share:
                return code
            roll -= share
        return rng.choices(regencies, weights=weights)[0]

    return draw


def _received(rng: random.Random, election: Election) -> dt.datetime:
    """A receipt time around the campaign: from 3 weeks before the determination to 2 weeks after voting."""
    first = (election.candidate_determination_date or election.voting_date - 90 * _DAY) - 21 * _DAY
    span = (election.voting_date + 14 * _DAY - first).days
    # Reports bunch up in the campaign: a triangular draw peaking two-thirds of the way in.
    day = first + dt.timedelta(days=int(rng.triangular(0, span, span * 0.66)))
    return dt.datetime.combine(day, dt.time(1 + rng.randrange(8), rng.randrange(60)), tzinfo=dt.UTC)


def plan(
    size: int, *, seed: int, election: Election, past: Election | None, past_share: float
) -> list[Story]:
    """The stories of `size` cases (deterministic for a seed and the regions in the database)."""
    rng = random.Random(seed)
    region = regions(rng)
    return [draw(rng, number, region, election, past, past_share) for number in range(size)]


def draw(
    rng: random.Random,
    number: int,
    region: Callable[[], str],
    election: Election,
    past: Election | None,
    past_share: float,
) -> Story:
    """One story: the next draws of `rng`."""
    is_past = past is not None and rng.random() < past_share
    target = past if is_past and past is not None else election
    employment = _pick(rng, shape.EMPLOYMENT)
    story = Story(
        number=number,
        election=target.code,
        region=region(),
        received_at=_received(rng, target),
        known_late=False,
        group=_pick(rng, shape.GROUPS),
        position_class=_pick(rng, shape.POSITIONS) if employment in ("pns", "pppk") else "",
        employment=employment,
        name=f"{rng.choice(shape.FIRST_NAMES)} {rng.choice(shape.LAST_NAMES)}",
        bawaslu=_pick(rng, shape.BAWASLU_OUTCOMES),
        form_index=rng.randrange(6),
        steps=[round(rng.uniform(0.2, 3.0), 3) for _ in range(16)],
    )
    story.known_late = story.bawaslu == "rejected_expired"
    if story.bawaslu == "violation":
        story.forwarding = (
            "other" if employment in ("honorer", "kepala_desa") else _pick(rng, shape.FORWARDING)
        )
        if is_past and story.forwarding == "authority":
            story.forwarding = "stay"  # earlier elections stop at the Bawaslu decision
    if story.forwarding == "authority":
        story.authority = _pick(rng, shape.AUTHORITY_OUTCOMES)
    if story.authority == "sent_to_ppk":
        story.ppk = _pick(rng, shape.PPK_OUTCOMES)
    return story


def summary(stories: Sequence[Story]) -> dict[str, Any]:
    """Counts a run is expected to produce (what `netral demo cases --json` prints)."""
    return {
        "cases": len(stories),
        "by_election": dict(Counter(story.election for story in stories)),
        "by_state": dict(sorted(Counter(story.final_state for story in stories).items())),
    }


# Bawaslu-stage actions leading to each end state (a decision adds decide_<outcome>).
_BAWASLU_PATHS: dict[str, list[str]] = {
    "received": [],
    "initial_review": ["start_initial_review"],
    "rejected_formal": ["start_initial_review", "reject_formal"],
    "rejected_expired": ["start_initial_review", "reject_expired"],
    "registered": ["start_initial_review", "register"],
    "clarification": ["start_initial_review", "register", "start_clarification"],
    "study": ["start_initial_review", "register", "start_clarification", "start_study"],
}
_DECIDED = ["start_initial_review", "register", "start_clarification", "start_study", "to_plenary"]
_AUTHORITY_PATHS: dict[str, list[tuple[str, float]]] = {
    "forwarded_asn_authority": [],
    "authority_received": [("acknowledge_receipt", 2)],
    "verified": [("acknowledge_receipt", 2), ("verify", 2)],
    "not_proven": [("acknowledge_receipt", 2), ("verify", 2), ("find_not_proven", 4)],
    "rejected": [("acknowledge_receipt", 2), ("verify", 2), ("reject_at_authority", 4)],
    "sent_to_ppk": [("acknowledge_receipt", 2), ("verify", 2), ("recommend", 5), ("send_to_ppk", 1)],
}
_OVERDUE = [("mark_ppk_overdue", 15.0)]
_WARNED = [*_OVERDUE, ("warn_ppk", 3.0)]
_BLOCKED = [*_WARNED, ("block", 4.0)]
_PPK_PATHS: dict[str, list[tuple[str, float]]] = {
    "sent_to_ppk": [],
    "left_service": [("record_left_service", 6)],
    "ppk_overdue": _OVERDUE,
    "warned": _WARNED,
    "warned_then_sanctioned": [*_WARNED, ("record_sanction", 2)],
    "blocked": _BLOCKED,
    "blocked_then_sanctioned": [*_BLOCKED, ("record_sanction", 10)],
}


def actions_for(story: Story) -> list[tuple[str, float]]:
    """The actions that take the story's case from `received` to its final state, each with the days
    since the previous one. (Sanctioning a blocked case also unblocks it: `sanctions.record_sanction`.)"""
    clock = iter(story.steps)
    steps = [(action, next(clock)) for action in _BAWASLU_PATHS.get(story.bawaslu, _DECIDED)]
    if story.bawaslu in ("violation", "not_violation"):
        steps.append((f"decide_{story.bawaslu}", next(clock)))
    if story.bawaslu != "violation" or story.forwarding == "stay":
        return steps
    steps.append((f"forward_to_{story.forwarding}", next(clock)))
    if story.forwarding != "authority":
        return steps
    steps.extend(_AUTHORITY_PATHS[story.authority])
    if story.ppk == "sanctioned_on_time":
        steps.append(("record_sanction", 4 + story.steps[5] * 3))
    elif story.ppk:
        steps.extend(_PPK_PATHS[story.ppk])
    return steps
