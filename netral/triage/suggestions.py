"""Triage suggestions in the product: made when a report opens a case, decided by a supervisor.

- `generate(case)` classifies every report of the case (`services.classify_texts`) and stores one
  pending `Suggestion` per field (group with its top 3, catalogue item, employment status) and, for
  each reported person not yet in the register, the top 5 register candidates
  (`matching.find_candidates`) with the number of people named exactly so (`register_namesakes`: in
  the report's province and anywhere; `matching.count_namesakes`). Pending suggestions of the same
  reports are replaced; decided ones stay as the record. The model version is stored with each row.
- `on_case_event` (plugged into `cases.actions.NOTIFICATION_HOOKS` by `TriageConfig.ready`) runs
  `generate` after the transaction that opened a case committed. It never breaks intake: any failure
  is logged (by case id, never by content) and the report stays filed without suggestions. It waits
  for no training: without a stored model (`netral triage train`) it does nothing, and "re-run
  triage" in the workspace makes the suggestions later. NETRAL_TRIAGE_ON_INTAKE=false switches it off.
- `decide_classification` fills the case through `cases.classification.classify_case` (role, scope,
  values, optimistic lock, history and audit stay there); each field equal to the suggestion is
  accepted, each different one is corrected and becomes a confirmed `TriageCorrection`, which
  `netral triage train` learns from.
- `narrow_person` searches the register again for one reported person with an agency, a region, a
  position or part of the NIP the supervisor adds (when the name alone fits many people).
- `confirm_person` records which register candidate the supervisor confirmed. Nothing is ever linked
  automatically; the link itself is intake's business (`intake.services.link_reported_person`, when
  it exists: see docs/triage.md, "In the product").
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from netral.cases.actions import CaseEvent, TransitionRefused
from netral.cases.classification import classify_case, may_classify
from netral.cases.models import Case
from netral.cases.transitions import OPEN_CASE
from netral.catalogue.services import get_item
from netral.intake.models import Report, ReportedPerson
from netral.triage.models import ModelVersion, Suggestion, TriageCorrection

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


def _person_name(person: ReportedPerson) -> str:
    words = person.name.replace(".", ". ").split()
    while words and words[0].lower().rstrip(".") in HONORIFICS:
        words = words[1:]
    return " ".join(words)


def _person_candidates(person: ReportedPerson, region_code: str) -> list[dict[str, Any]]:
    """Top register candidates for a reported person: inside the report's province first, then anywhere."""
    from netral.triage.matching import find_candidates

    name = _person_name(person)
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

    name = _person_name(person)
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


def on_case_event(event: CaseEvent) -> None:
    """After a case was opened for a report: its suggestions. Never raises (intake must go on)."""
    if event.action != OPEN_CASE or not enabled_on_intake():
        return
    if settings.NETRAL_ASYNC_TASKS:
        # Production shape: the worker classifies and matches; the intake request only queues the job.
        try:
            from django_q.tasks import async_task

            async_task(CASE_TASK, event.case_id, group="triage")
        except Exception:
            log.exception("triage: could not queue suggestions for case id %s", event.case_id)
        return
    suggest_for_case_id(event.case_id)


CASE_TASK = "netral.triage.suggestions.suggest_for_case_id"


def suggest_for_case_id(case_id: int) -> None:
    """Suggestions for a newly opened case (the queued task, or called at once). Never raises."""
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


def rerun(case: Case, *, actor: Any) -> list[Suggestion]:
    """ "Re-run triage" from the workspace: new pending suggestions (checks that `actor` may classify)."""
    _check(case, actor)
    unlinked = ReportedPerson.objects.filter(report__case_link__case=case, employee__isnull=True).exclude(
        name=""
    )
    if unlinked.exists():
        _ready_index()
    return generate(case)


def _ready_index() -> Any:
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


def _check(case: Case, actor: Any) -> None:
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
    case: Case, *, actor: Any, group: str, item: str, employment: str, reason: str = ""
) -> Case:
    """Fill the case's classification with the supervisor's values and settle the pending suggestions.

    Each pending field whose value equals the suggestion is accepted; each different one is corrected
    and recorded as a confirmed TriageCorrection (training data). Raises TransitionRefused (role,
    scope, invalid values) or ConcurrentChange from `classify_case`.
    """
    _check(case, actor)
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


def reject(case: Case, suggestion_ids: Iterable[int], *, actor: Any) -> int:
    """Mark pending suggestions of `case` as rejected (nothing in the case changes); returns how many."""
    _check(case, actor)
    rows = case.triage_suggestions.pending().filter(pk__in=list(suggestion_ids))
    return rows.update(status=S.REJECTED, decided_by=actor, decided_at=timezone.now())


def confirm_person(suggestion: Suggestion, *, actor: Any, employee_id: int) -> Suggestion:
    """The supervisor confirms which register candidate a reported person is (one of the suggestion's).

    The suggestion is accepted with the employee's id; the link of the reported person to the register
    is made by intake's public function when it exists (never here, never without this confirmation).
    Fills the case's agency and position class from the register when they are still empty.
    """
    case = suggestion.case
    _check(case, actor)
    from netral.personnel.models import Employee

    now = timezone.now()
    with transaction.atomic():
        suggestion = _pending_person(suggestion)
        candidates = {int(row["employee_id"]) for row in suggestion.value or []}
        if employee_id not in candidates:  # as stored now: a narrowing meanwhile may have replaced them
            raise TransitionRefused(_("Choose one of the suggested register entries."), "invalid")
        employee = Employee.objects.select_related("agency").get(pk=employee_id)
        suggestion.status = S.ACCEPTED
        suggestion.decided_value = employee_id
        suggestion.decided_by, suggestion.decided_at = actor, now
        suggestion.save(update_fields=["status", "decided_value", "decided_by", "decided_at"])
        link = register_linker()
        if link is not None and suggestion.reported_person is not None:
            link(suggestion.reported_person, employee, actor=actor)
        if case.agency_id is None:
            classify_case(
                case,
                actor=actor,
                group=case.group,
                item=case.item,
                employment=case.employment if case.employment != "unknown" else employee.employment,
                position_class=case.position_class or employee.position_class,
                agency=employee.agency,
                reason=_("Register entry of a reported person confirmed."),
                at=now,
            )
    return suggestion


def narrow_person(
    suggestion: Suggestion,
    *,
    actor: Any,
    agency_code: str = "",
    region_code: str = "",
    position: str = "",
    nip_fragment: str = "",
) -> Suggestion:
    """Search the register again for a pending person suggestion with what the supervisor knows more.

    Agency and region narrow the search (filters), a position or a part of the NIP raise the people
    who hold them; the suggestion's candidates and namesake counts are replaced (`narrowed` records
    the criteria), so the supervisor can then confirm one of the new candidates. Links nothing.
    """
    from netral.personnel.models import Agency
    from netral.regions.models import Region
    from netral.triage.matching import count_namesakes, find_candidates
    from netral.triage.matching import nip_fragment as nip_digits

    case = suggestion.case
    _check(case, actor)
    if suggestion.field != F.PERSON or suggestion.status != S.PENDING or suggestion.reported_person is None:
        raise TransitionRefused(_("This suggestion is not waiting for a decision."), "invalid")
    position, nip_written = position.strip()[:80], "".join(nip_fragment.split())
    if not (agency_code.strip() or region_code.strip() or position or nip_written):
        raise TransitionRefused(_("Give an agency, a region, a position or part of the NIP."), "invalid")
    agency_code = _known_code(Agency, agency_code, _("Unknown agency: %(value)s."))
    region_code = _known_code(Region, region_code, _("Unknown region: %(value)s."))
    nip_fragment = nip_digits(nip_written) or ""
    if nip_written and not nip_fragment:
        raise TransitionRefused(_("Part of the NIP: 4 to 18 digits."), "invalid")
    name = _person_name(suggestion.reported_person)
    index = _ready_index()
    found = find_candidates(
        name,
        agency_code=agency_code or None,
        region_code=region_code or None,
        position=position or None,
        nip_fragment=nip_fragment or None,
        limit=PERSON_CANDIDATES,
        index=index,
    )
    criteria = {"agency": agency_code, "region": region_code, "position": position, "nip": nip_fragment}
    in_scope = count_namesakes(
        name, agency_code=agency_code or None, region_code=region_code or None, index=index
    )
    with transaction.atomic():
        suggestion = _pending_person(suggestion)  # not decided while the register was searched
        suggestion.value = [match.as_json() for match in found]
        suggestion.confidence = found[0].score / 100 if found else 0.0
        suggestion.register_namesakes = {
            **(suggestion.register_namesakes or {}),
            "narrowed": {key: value for key, value in criteria.items() if value},
            "in_scope": in_scope,
        }
        suggestion.save(update_fields=["value", "confidence", "register_namesakes"])
    return suggestion


def _pending_person(suggestion: Suggestion) -> Suggestion:
    """The person suggestion as stored now, locked to the end of the transaction; refused unless pending.

    A confirmation and a narrowing of the same suggestion by two supervisors therefore happen one after
    the other: the second sees the first's result (decided: refused; new candidates: checked against).
    """
    fresh = Suggestion.objects.select_for_update().filter(pk=suggestion.pk).first()
    if fresh is None or fresh.field != F.PERSON or fresh.status != S.PENDING:
        raise TransitionRefused(_("This suggestion is not waiting for a decision."), "invalid")
    return fresh


def _known_code(model: Any, written: str, unknown: str) -> str:
    """The code of an agency or region written as its code, as "code — name" (a list entry) or by name.

    A name may be partial ("Manado") when only one entry contains it; when several do, the refusal names
    a few of them.
    """
    written = " ".join(written.split())
    if not written:
        return ""
    code = written.split(" ", 1)[0]
    if model.objects.filter(code=code).exists():
        return code
    for lookup in ("name__iexact", "name__icontains"):
        found = list(
            model.objects.filter(**{lookup: written}).order_by("code").values_list("code", "name")[:6]
        )
        if len(found) == 1:
            return str(found[0][0])
        if found:
            names = ", ".join(name for _code, name in found[:5]) + (", …" if len(found) > 5 else "")
            raise TransitionRefused(
                _(
                    "Several entries match %(value)s: %(names)s. "
                    "Write more of the name or pick one from the list."
                )
                % {"value": written, "names": names},
                "invalid",
            )
    raise TransitionRefused(unknown % {"value": written}, "invalid")


def register_linker() -> Any:
    """intake's public function that links a reported person to a register entry, or None while missing."""
    from netral.intake import services as intake_services

    return getattr(intake_services, "link_reported_person", None)
