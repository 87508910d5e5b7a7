"""The classification of a case: violation group, catalogue item, employment status, position class and
agency of the reported civil servant (the `Case` fields of migration 0003).

`classify_case(...)` is the only code that changes them: it checks the actor (role and scope) and the values,
updates the case with the same optimistic lock as a transition (`version`), keeps a `ClassificationChange`
row (before, after, reason) and writes the audit entry `cases.classified`. Triage calls it when a supervisor
accepts or corrects a suggestion; the workspace's classification form calls it too. The case's state does not
change, so no Transition row is written.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from netral.accounts.models import Role, User
from netral.audit.services import record
from netral.cases import tally
from netral.cases.errors import ConcurrentChange, TransitionRefused
from netral.cases.models import Case, ClassificationChange, Employment
from netral.catalogue.models import CatalogueItem, ViolationGroup
from netral.personnel.models import Agency, Employee

if TYPE_CHECKING:
    from netral.accounts.types import RequestUser

# Who may classify a case (within `Case.objects.visible_to`): the Bawaslu officers who triage reports and
# the ASN authority's analysts who verify them.
CLASSIFY_ROLES = frozenset({Role.BAWASLU_STAFF, Role.BAWASLU_COMMISSIONER, Role.AUTHORITY_ANALYST})
NOT_A_VIOLATION = "bukan_pelanggaran"
FIELDS = ("group", "item", "employment", "position_class", "agency")


def _invalid(message: str) -> TransitionRefused:
    return TransitionRefused(message, "invalid")


def has_classify_role(user: RequestUser) -> bool:
    """Whether `user` is active in a role that classifies cases (which cases: `may_classify`)."""
    active = getattr(user, "is_authenticated", False) and getattr(user, "is_active", False)
    return bool(active and getattr(user, "role", "") in CLASSIFY_ROLES)


def may_classify(case: Case, user: RequestUser) -> bool:
    """Whether `user` may change the classification of `case` (role, active, case visible)."""
    return has_classify_role(user) and Case.objects.visible_to(user).filter(pk=case.pk).exists()


def snapshot(case: Case) -> dict[str, str]:
    """The classification as codes (for the history row and the audit entry)."""
    return {
        "group": case.group,
        "item": case.item.code if case.item_id and case.item else "",
        "employment": case.employment,
        "position_class": case.position_class,
        "agency": case.agency.code if case.agency_id and case.agency else "",
    }


def _group_code(group: Any) -> str:
    code = group.code if isinstance(group, ViolationGroup) else str(group or "").strip()
    if code and not ViolationGroup.objects.filter(code=code).exists():
        raise _invalid(_("Unknown violation group “%(group)s”.") % {"group": code})
    return code


def _check_values(
    group: str, item: CatalogueItem | None, employment: str, position_class: str, agency: Agency | None
) -> None:
    if item is not None:
        if not item.version.is_current:
            raise _invalid(
                _("The catalogue item %(item)s is not in the current catalogue.") % {"item": item.code}
            )
        if item.group.code != group:
            raise _invalid(
                _("The catalogue item %(item)s belongs to the group “%(item_group)s”, not “%(group)s”.")
                % {"item": item.code, "item_group": item.group.code, "group": group or "—"}
            )
    if group == NOT_A_VIOLATION and item is not None:
        raise _invalid(_("“Not a violation” has no catalogue item."))
    if employment not in Employment.values:
        raise _invalid(_("Unknown employment status “%(value)s”.") % {"value": employment})
    if position_class and position_class not in Employee.PositionClass.values:
        raise _invalid(_("Unknown position class “%(value)s”.") % {"value": position_class})
    if agency is not None and not isinstance(agency, Agency):
        raise _invalid(_("Unknown agency."))


def classify_case(
    case: Case,
    *,
    actor: User,
    group: Any,
    item: CatalogueItem | None,
    employment: str,
    position_class: str,
    agency: Agency | None,
    reason: str = "",
    at: dt.datetime | None = None,
) -> Case:
    """Set the classification of `case` as `actor`; returns the case with its new values and version.

    `group` is a group code (or a `ViolationGroup`), "" for unclassified; `item` a catalogue item of that
    group in the current catalogue (or None); `employment` an `Employment` value; `position_class` an
    `Employee.PositionClass` value or ""; `agency` the reported person's `Agency` or None. Raises
    TransitionRefused (codes `role`, `scope`, `invalid`) or ConcurrentChange. Setting the same values again
    writes nothing.
    """
    at = at or timezone.now()
    if timezone.is_naive(at):
        raise ValueError("at must be timezone-aware")
    active = actor is not None and getattr(actor, "is_authenticated", False) and actor.is_active
    if not active or getattr(actor, "role", "") not in CLASSIFY_ROLES:
        raise TransitionRefused(_("Your role may not classify cases."), "role")
    if not Case.objects.visible_to(actor).filter(pk=case.pk).exists():
        raise TransitionRefused(_("This case is outside your area of supervision."), "scope")
    code = _group_code(group)
    _check_values(code, item, employment, position_class, agency)
    before = snapshot(case)
    values = {
        "group": code,
        "item": item,
        "employment": employment,
        "position_class": position_class,
        "agency": agency,
    }
    after = {
        "group": code,
        "item": item.code if item else "",
        "employment": employment,
        "position_class": position_class,
        "agency": agency.code if agency else "",
    }
    if after == before:
        return case
    with transaction.atomic(), tally.tracking(case.pk):
        changed = Case.objects.filter(pk=case.pk, version=case.version).update(
            version=F("version") + 1, updated_at=at, **values
        )
        if changed == 0:
            raise ConcurrentChange(
                _("The case was changed by someone else in the meantime; reload it and try again."),
                "concurrent_change",
            )
        for name, value in values.items():
            setattr(case, name, value)
        case.version += 1
        case.updated_at = at
        ClassificationChange.objects.create(
            case=case,
            actor=actor,
            actor_role=actor.role,
            before=before,
            after=after,
            reason=reason.strip(),
            at=at,
        )
        record(
            "cases.classified",
            actor=actor,
            obj=case,
            data={"number": case.number, "before": before, "after": after, "version": case.version},
        )
    return case
