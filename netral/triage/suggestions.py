"""Triage suggestions in the product: made when a report opens a case, decided by a supervisor.

- `generate(case)` classifies every report of the case (`services.classify_texts`) and stores one
  pending `Suggestion` per field (group with its top 3, catalogue item, employment status) and, for
  each reported person not yet in the register, the top 5 register candidates
  (`matching.find_candidates`) with the number of people named exactly so (`register_namesakes`: in
  the report's province and anywhere; `matching.count_namesakes`). Pending suggestions of the same
  reports are replaced; decided ones stay as the record. The model version is stored with each row.
- `triage.events.handle` (an outbox handler) runs `suggest_for_case_id` for each `open_case` step, after
  the transaction that opened the case committed. It never breaks intake: any failure
  is logged (by case id, never by content) and the report stays filed without suggestions. It waits
  for no training: without a stored model (`netral triage train`) it does nothing, and "re-run
  triage" in the workspace makes the suggestions later. NETRAL_TRIAGE_ON_INTAKE=false switches it off.
- `decide_classification` fills the case through `cases.classification.classify_case` (role, scope,
  values, optimistic lock, history and audit stay there); each field equal to the suggestion is
  accepted, each different one is corrected and becomes a confirmed `TriageCorrection`, which
  `netral triage train` learns from.
- The supervisor's decisions on person suggestions (narrowing the register search, confirming a
  candidate) are in `triage.persons`.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from netral.cases.classification import classify_case, may_classify
from netral.cases.errors import TransitionRefused
from netral.cases.models import Case
from netral.catalogue.services import get_item
from netral.intake.models import Report, ReportedPerson
from netral.triage.models import ModelVersion, Suggestion, TriageCorrection

if TYPE_CHECKING:
    from netral.accounts.models import User

log = logging.getLogger(__name__)

F = Suggestion.Field
S = Suggestion.Status
CLASSIFICATION_FIELDS = (F.GROUP, F.ITEM, F.EMPLOYMENT)
PERSON_CANDIDATES = 5
# How people address a civil servant in a report ("Pak Camat", "Bu Siti"): not part of the register name.
HONORIFICS = frozenset(
    {"pak", "bapak", "bpk", "bu", "ibu", "mas", "mbak", "bang", "abang", "kak", "sdr", "saudara"}
)


def enabled_on_intake() -> bool:
    return bool(settings.NETRAL_TRIAGE_ON_INTAKE)


def report_text(report: Report) -> str:
    """The text triage reads: what happened, the chronology and the place."""
    parts = [report.description, report.chronology, report.place]
    return "\n".join(part.strip() for part in parts if part and part.strip())


def _reported_on(report: Report) -> dt.date:
    return report.created_at.astimezone(report.region.zoneinfo).date()


def person_name(person: ReportedPerson) -> str:
    words = person.name.replace(".", ". ").split()
    while words and words[0].lower().rstrip(".") in HONORIFICS:
        words = words[1:]
    return " ".join(words)


def _person_candidates(person: ReportedPerson, region_code: str) -> list[dict[str, Any]]:
    """Top register candidates for a reported person: inside the report's province first, then anywhere."""
    from netral.triage.matching import find_candidates

    name = person_name(person)
    position, nip = person.position or None, person.nip or None
    found = find_candidates(
        name, region_code=region_code[:2], position=position, nip_fragment=nip, limit=PERSON_CANDIDATES
    )
    if len(found) < PERSON_CANDIDATES:
        found += find_candidates(name, position=position, nip_fragment=nip, limit=PERSON_CANDIDATES)
    best: dict[int, dict[str, Any]] = {}
    for match in found:
        row = match.as_json()
        if match.employee_id not in best or best[match.employee_id]["score"] < match.score:
            best[match.employee_id] = row
    ranked = sorted(best.values(), key=lambda row: (-int(row["score"]), int(row["employee_id"])))
    return ranked[:PERSON_CANDIDATES]


def _person_namesakes(person: ReportedPerson, region_code: str) -> dict[str, Any]:
    """How many register people bear exactly the reported name: in the report's province and anywhere."""
    from netral.triage.matching import count_namesakes

    name = person_name(person)
    return {
        "province": region_code[:2],
        "in_province": count_namesakes(name, region_code=region_code[:2]),
        "anywhere": count_namesakes(name),
    }


def _classification_rows(case: Case, report: Report, result: dict[str, Any]) -> list[Suggestion]:
    common = {
        "case": case,
        "report": report,
        "entities": result["entities"],
        "model_version": str(result["model_version"]),
    }
    employment = result["entities"].get("employment") or "unknown"
    return [
        Suggestion(
            field=F.GROUP,
            value=result["group"],
            confidence=result["confidence"],
            top3=result["top3"],
            **common,
        ),
        Suggestion(
            field=F.ITEM,
            value=result["item"],
            confidence=result.get("item_confidence", result["confidence"]),
            **common,
        ),
        Suggestion(
            field=F.EMPLOYMENT,
            value=employment,
            confidence=0.0 if employment == "unknown" else 1.0,
            **common,
        ),
    ]


def _person_rows(case: Case, report: Report, version: str) -> list[Suggestion]:
    rows = []
    persons = report.reported_persons.filter(employee__isnull=True).exclude(name="")
    for person in persons:
        try:
            candidates = _person_candidates(person, report.region_id)
            namesakes = _person_namesakes(person, report.region_id)
        except Exception:  # the register index must not cost the classification suggestions
            log.exception("triage: register matching failed for reported person id %s", person.pk)
            continue
        top = candidates[0]["score"] / 100 if candidates else 0.0
        rows.append(
            Suggestion(
                case=case,
                report=report,
                reported_person=person,
                field=F.PERSON,
                value=candidates,
                register_namesakes=namesakes,
                confidence=top,
                model_version=version,
            )
        )
    return rows


def generate(case: Case, *, reports: Iterable[Report] | None = None) -> list[Suggestion]:
    """Fresh pending suggestions for `reports` of `case` (default: all of its reports)."""
    from netral.triage.services import classify_texts

    if reports is None:
        reports = [link.report for link in case.case_reports.select_related("report__region")]
    chosen = list(reports)
    if not chosen:
        return []
    records = [{"id": r.pk, "text": report_text(r), "reported_on": _reported_on(r)} for r in chosen]
    results = classify_texts(records)
    rows: list[Suggestion] = []
    for report, result in zip(chosen, results, strict=True):
        rows += _classification_rows(case, report, result)
        rows += _person_rows(case, report, str(result["model_version"]))
    with transaction.atomic():
        Suggestion.objects.filter(case=case, report__in=chosen, status=S.PENDING).delete()
        Suggestion.objects.bulk_create(rows)
    return rows


def suggest_for_case_id(case_id: int) -> None:
    """Suggestions for a newly opened case (the outbox handler `triage.events.handle`). Never raises."""
    try:
        if not model_ready():
            log.info(
                "triage: no trained model yet (netral triage train); case id %s has no suggestions", case_id
            )
            return
        generate(Case.objects.get(pk=case_id))
    except Exception:
        log.exception("triage: suggestions for case id %s failed; the case stays without them", case_id)


def model_ready() -> bool:
    """Whether a trained model of this code version is stored (intake never waits for a training)."""
    from pathlib import Path

    from netral.triage.model import CODE_VERSION

    paths = ModelVersion.objects.filter(code_version=CODE_VERSION).values_list("path", flat=True)[:5]
    return any(Path(path).is_file() for path in paths)


def rerun(case: Case, *, actor: User) -> list[Suggestion]:
    """ "Re-run triage" from the workspace: new pending suggestions (checks that `actor` may classify)."""
    check_actor(case, actor)
    unlinked = ReportedPerson.objects.filter(report__case_link__case=case, employee__isnull=True).exclude(
        name=""
    )
    if unlinked.exists():
        ready_index()
    return generate(case)


def ready_index() -> Any:
    """The register match index, or a refusal while this process builds it for the first time: a request
    never waits the minutes that takes at 4.7 million rows (`matching.get_index(wait=False)`)."""
    from netral.triage.matching import IndexNotReady, get_index

    try:
        return get_index(wait=False)
    except IndexNotReady:
        raise TransitionRefused(
            _(
                "The register is being indexed for the first time since the server started; "
                "try again in a few minutes."
            ),
            "unavailable",
        ) from None


def check_actor(case: Case, actor: User) -> None:
    if not may_classify(case, actor):
        raise TransitionRefused(_("Your role may not classify this case."), "role")


def current(case: Case) -> dict[str, Suggestion]:
    """The newest pending suggestion of each classification field of `case`."""
    found: dict[str, Suggestion] = {}
    pending = case.triage_suggestions.pending().filter(field__in=CLASSIFICATION_FIELDS)
    for row in pending.order_by("-created_at", "-pk"):
        found.setdefault(row.field, row)
    return found


def _as_code(value: Any) -> str:
    return "" if value is None else str(value)


def _model_version(version: str) -> ModelVersion | None:
    return ModelVersion.objects.filter(version=version).first() if version else None


def decide_classification(
    case: Case, *, actor: User, group: str, item: str, employment: str, reason: str = ""
) -> Case:
    """Fill the case's classification with the supervisor's values and settle the pending suggestions.

    Each pending field whose value equals the suggestion is accepted; each different one is corrected
    and recorded as a confirmed TriageCorrection (training data). Raises TransitionRefused (role,
    scope, invalid values) or ConcurrentChange from `classify_case`.
    """
    check_actor(case, actor)
    pending = current(case)
    catalogue_item = get_item(item) if item else None
    if item and catalogue_item is None:
        raise TransitionRefused(_("Unknown catalogue item “%(item)s”.") % {"item": item}, "invalid")
    decided: dict[str, str] = {F.GROUP: group, F.ITEM: item, F.EMPLOYMENT: employment}
    now = timezone.now()
    note = reason.strip() or _("Triage suggestion reviewed.")
    with transaction.atomic():
        case = classify_case(
            case,
            actor=actor,
            group=group,
            item=catalogue_item,
            employment=employment,
            position_class=case.position_class,
            agency=case.agency,
            reason=note,
            at=now,
        )
        for field, row in pending.items():
            value = decided[field]
            same = _as_code(row.value) == value
            row.status = S.ACCEPTED if same else S.CORRECTED
            row.decided_value = value or None
            row.decided_by, row.decided_at = actor, now
            row.save(update_fields=["status", "decided_value", "decided_by", "decided_at"])
            if not same:
                TriageCorrection.objects.create(
                    report=row.report,
                    case=case,
                    field=field,
                    suggested=_as_code(row.value),
                    corrected=value,
                    text=report_text(row.report),
                    model_version=_model_version(row.model_version),
                    confirmed=True,
                    by=actor,
                    at=now,
                )
    return case


def reject(case: Case, suggestion_ids: Iterable[int], *, actor: User) -> int:
    """Mark pending suggestions of `case` as rejected (nothing in the case changes); returns how many."""
    check_actor(case, actor)
    rows = case.triage_suggestions.pending().filter(pk__in=list(suggestion_ids))
    return rows.update(status=S.REJECTED, decided_by=actor, decided_at=timezone.now())
