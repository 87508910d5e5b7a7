"""A supervisor's decisions on the register candidates of a reported person (`Suggestion.Field.PERSON`).

- `narrow_person` searches the register again for one reported person with an agency, a region, a
  position or part of the NIP the supervisor adds (when the name alone fits many people).
- `confirm_person` records which register candidate the supervisor confirmed. Nothing is ever linked
  automatically; the link itself is intake's business (`intake.services.link_reported_person`, when
  it exists: see docs/triage.md, "In the product").

Both lock and re-read the stored suggestion (`_pending_person`), so two supervisors act one after the other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from netral.cases.actions import TransitionRefused
from netral.cases.classification import classify_case
from netral.triage.models import Suggestion
from netral.triage.suggestions import PERSON_CANDIDATES, check_actor, person_name, ready_index

if TYPE_CHECKING:
    from netral.accounts.models import User

F = Suggestion.Field
S = Suggestion.Status


def confirm_person(suggestion: Suggestion, *, actor: User, employee_id: int) -> Suggestion:
    """The supervisor confirms which register candidate a reported person is (one of the suggestion's).

    The suggestion is accepted with the employee's id; the link of the reported person to the register
    is made by intake's public function when it exists (never here, never without this confirmation).
    Fills the case's agency and position class from the register when they are still empty.
    """
    case = suggestion.case
    check_actor(case, actor)
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
    actor: User,
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
    check_actor(case, actor)
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
    name = person_name(suggestion.reported_person)
    index = ready_index()
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
