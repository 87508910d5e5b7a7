"""Linking a reported person to their civil-servant register entry (always a supervisor's decision).

Triage only proposes register candidates; `link_reported_person` is called when a Bawaslu supervisor
confirms one. It checks that the person's report is visible to the actor and that the actor's role may
decide, saves the link and writes an audit entry (ids and NIP only; nothing of the reporter).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from netral.audit.services import record
from netral.intake.identity import HANDLER_ROLES
from netral.intake.models import ReportedPerson
from netral.personnel.models import Employee

if TYPE_CHECKING:
    from netral.accounts.types import RequestUser

# The roles that may link a reported person to the register: the Bawaslu supervisors handling reports.
LINKING_ROLES = HANDLER_ROLES


def link_reported_person(
    person: ReportedPerson, employee: Employee | None, *, actor: RequestUser
) -> ReportedPerson:
    """Link `person` to `employee` (or unlink with None); raises PermissionDenied outside the actor's
    role or scope."""
    if getattr(actor, "role", None) not in LINKING_ROLES:
        raise PermissionDenied(_("Only Bawaslu supervisors may link a reported person to the register."))
    if not ReportedPerson.objects.visible_to(actor).filter(pk=person.pk).exists():
        raise PermissionDenied(_("This report is outside your area of supervision."))
    before = person.employee_id
    with transaction.atomic():
        person.employee = employee
        person.save(update_fields=["employee"])
        record(
            "intake.person_linked",
            actor=actor,
            obj=person,
            data={
                "report": person.report_id,
                "employee_before": before,
                "employee": employee.pk if employee else None,
                "nip": employee.nip if employee else "",
            },
        )
    return person
