"""Possible duplicates of a case, and merging a duplicate into one case.

`find_duplicates(case, user=...)` compares the case with the other cases of the same election that
`user` may see and whose event lies within the time window (setting NETRAL_TRIAGE_DUPLICATE_DAYS,
default 14 days; the event day is the date it happened, else the day of receipt), plus every visible
case whose evidence has an identical file hash (Evidence.sha256 or original_sha256, at any time).
Signals, each a reason shown to the supervisor:

- `evidence`: an identical evidence file; always flagged, whatever else differs;
- `person`: the same reported person (the same NIP, the same register entry, or the same name after
  `personnel.names.normalize_name` with typos tolerated by rapidfuzz);
- `region`: the same region (or one inside the other);
- `time`: events within the window;
- `text`: TF-IDF cosine of the normalised texts (character 3-5-grams, robust to typos and slang).

Without a shared evidence file a case is never offered when the events are further apart than the
window, or when both name people and none of them is the same. It is offered for the same person
with some textual or regional overlap, or, when a report names nobody, for a very similar text in the
same region. Nothing is merged automatically: `merge_cases` is a supervisor's action.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import product
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from netral.cases.actions import TransitionRefused
from netral.cases.merging import merge_into
from netral.cases.models import Case, CaseReport
from netral.cases.workflow import may_merge
from netral.intake.models import Evidence
from netral.personnel.names import normalize_name

if TYPE_CHECKING:
    from netral.accounts.models import User
    from netral.accounts.types import RequestUser

DEFAULT_WINDOW_DAYS = 14
POOL_LIMIT = 300
NAME_SIMILARITY = 90  # rapidfuzz token_sort_ratio for "the same name"
TEXT_WITH_PERSON = 0.15  # the same person: this much text similarity (or the same region) suffices
TEXT_ALONE = 0.45  # nobody named: similar text in the same region
WEIGHTS = {"text": 0.45, "person": 0.25, "region": 0.15, "time": 0.15}


def window_days() -> int:
    return int(getattr(settings, "NETRAL_TRIAGE_DUPLICATE_DAYS", DEFAULT_WINDOW_DAYS))


@dataclass(frozen=True)
class Profile:
    """What the comparison reads from one case (all of its reports together)."""

    case: Case
    day: dt.date
    text: str
    names: frozenset[str]
    nips: frozenset[str]
    employees: frozenset[int]
    hashes: frozenset[str]

    @property
    def names_someone(self) -> bool:
        return bool(self.names or self.nips or self.employees)


@dataclass(frozen=True)
class Duplicate:
    case: Case
    score: float  # 0-1
    text_similarity: float
    reasons: tuple[str, ...]  # codes: evidence, person, region, time, text
    days_apart: int
    mergeable: bool  # may be merged into the case it was found for (`merge_cases(case, this)`)


def _event_day(case: Case) -> dt.date:
    return case.occurred_on or case.received_at.astimezone(case.region.zoneinfo).date()


def profiles(cases: Iterable[Case]) -> list[Profile]:
    """The profiles of `cases` (four queries, whatever their number)."""
    cases = list(cases)
    links = (
        CaseReport.objects.filter(case__in=cases)
        .select_related("report")
        .prefetch_related("report__reported_persons", "report__evidence")
    )
    by_case: dict[int, list[Any]] = {}
    for link in links:
        by_case.setdefault(link.case_id, []).append(link.report)
    found = []
    for case in cases:
        reports = by_case.get(case.pk, [])
        persons = [person for report in reports for person in report.reported_persons.all()]
        evidence = [item for report in reports for item in report.evidence.all()]
        found.append(
            Profile(
                case=case,
                day=_event_day(case),
                text="\n".join(f"{r.description}\n{r.chronology}" for r in reports),
                names=frozenset(n for n in (normalize_name(p.name) for p in persons if p.name) if n),
                nips=frozenset(p.nip for p in persons if p.nip),
                employees=frozenset(p.employee_id for p in persons if p.employee_id),
                hashes=frozenset(h for e in evidence for h in (e.sha256, e.original_sha256) if h),
            )
        )
    return found


def text_similarities(text: str, others: list[str]) -> list[float]:
    """TF-IDF cosine of `text` with each of `others` (character 3-5-grams of the normalised texts)."""
    if not others:
        return []
    from sklearn.feature_extraction.text import TfidfVectorizer

    from netral.triage.preprocess import normalise

    docs = [normalise(text)] + [normalise(other) for other in others]
    if not any(doc.strip() for doc in docs):
        return [0.0] * len(others)
    vectors = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True).fit_transform(docs)
    return [float(value) for value in (vectors[1:] @ vectors[0].T).toarray().ravel()]


def same_person(a: Profile, b: Profile) -> bool:
    if a.nips & b.nips or a.employees & b.employees or a.names & b.names:
        return True
    from rapidfuzz import fuzz

    return any(fuzz.token_sort_ratio(x, y) >= NAME_SIMILARITY for x, y in product(a.names, b.names))


def same_region(a: Case, b: Case) -> bool:
    return a.region_id.startswith(b.region_id) or b.region_id.startswith(a.region_id)


def compare(a: Profile, b: Profile, text: float, days: int) -> Duplicate | None:
    """Whether `b` may be a duplicate of `a`, with its score and reasons; None when it is not."""
    apart = abs((a.day - b.day).days)
    evidence = bool(a.hashes & b.hashes)
    person = same_person(a, b)
    region = same_region(a.case, b.case)
    timely = apart <= days
    reasons = [
        code
        for code, present in (
            ("evidence", evidence),
            ("person", person),
            ("region", region),
            ("time", timely),
            ("text", text >= TEXT_WITH_PERSON),
        )
        if present
    ]
    if not evidence:
        if not timely:
            return None
        if person:
            if text < TEXT_WITH_PERSON and not region:
                return None
        elif a.names_someone and b.names_someone:
            return None  # both name people, and not the same one
        elif text < TEXT_ALONE or not region:
            return None
    closeness = max(0.0, 1 - apart / days) if days else float(apart == 0)
    score = (
        WEIGHTS["text"] * text
        + WEIGHTS["person"] * person
        + WEIGHTS["region"] * region
        + WEIGHTS["time"] * closeness
    )
    if evidence:
        score = max(score, 0.95)
    return Duplicate(
        case=b.case,
        score=round(min(score, 1.0), 3),
        text_similarity=round(text, 3),
        reasons=tuple(reasons),
        days_apart=apart,
        mergeable=may_merge(b.case.state, a.case.state),
    )


def _pool(case: Case, user: RequestUser, day: dt.date, days: int, hashes: frozenset[str]) -> list[Case]:
    visible = Case.objects.visible_to(user).exclude(pk=case.pk).select_related("region")
    around = dt.timedelta(days=days)
    received = (
        dt.datetime.combine(day - around - dt.timedelta(days=1), dt.time.min, tzinfo=dt.UTC),
        dt.datetime.combine(day + around + dt.timedelta(days=2), dt.time.min, tzinfo=dt.UTC),
    )
    in_window = Q(occurred_on__range=(day - around, day + around)) | Q(
        occurred_on__isnull=True, received_at__range=received
    )
    pool = list(visible.filter(in_window, election=case.election_id).order_by("-received_at")[:POOL_LIMIT])
    if hashes:
        shared = Evidence.objects.filter(Q(sha256__in=hashes) | Q(original_sha256__in=hashes))
        same_file = visible.filter(case_reports__report__in=shared.values("report_id")).distinct()
        known = {c.pk for c in pool}
        pool += [c for c in same_file[:POOL_LIMIT] if c.pk not in known]
    return pool


def find_duplicates(
    case: Case, *, user: RequestUser, days: int | None = None, limit: int = 10
) -> list[Duplicate]:
    """Cases `user` may see that may be about the same ASN and event as `case`, best first."""
    days = window_days() if days is None else days
    (own,) = profiles([case])
    others = profiles(_pool(case, user, own.day, days, own.hashes))
    similarities = text_similarities(own.text, [other.text for other in others])
    found = [
        hit
        for other, text in zip(others, similarities, strict=True)
        if (hit := compare(own, other, text, days)) is not None
    ]
    found.sort(key=lambda hit: (-hit.score, hit.case.pk))
    return found[:limit]


def merge_cases(target: Case, source: Case, *, actor: User, reason: str) -> Case:
    """Gather the reports of `source` into `target` and close `source` (state `merged`); returns the target.

    The merge itself is the cases action `merging.merge_into` (role, scope, state and version checked
    there); every report keeps its own reporter (identity, receipt, messages, evidence). Here only the
    pending suggestions follow the reports. Raises TransitionRefused or ConcurrentChange.
    """
    if not may_merge(source.state, target.state):
        raise TransitionRefused(
            _("Only a case not registered yet can be merged into a case still under Bawaslu's study."),
            "wrong_state",
        )
    with transaction.atomic():
        merge_into(source, target, actor=actor, reason=reason)
        from netral.triage.models import Suggestion

        Suggestion.objects.filter(case=source, status=Suggestion.Status.PENDING).update(case=target)
    return target
