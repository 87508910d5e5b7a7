"""ASN-authority and PPK stage actions: each is one `actions.transition` plus its own rows, audited,
in one database transaction (a refused transition writes nothing).

- `recommend` (verified → recommended) stores a `Recommendation`;
- `send_to_ppk` (→ sent_to_ppk, starts `ppk.follow_up`);
- `record_sanction` / `record_left_service` (PPK of the addressed agency) store a `SanctionDecree` or
  the leaving; when the case is blocked, the open `BlockRecord` is lifted and the system actor takes
  `unblock` (sanctioned/left_service → unblocked) in the same transaction;
- `mark_ppk_overdue` (system only), `warn_ppk` (Kemendagri, starts `ppk.follow_up_after_warning`),
  `block` (authority analyst or system; stores a `BlockRecord`), `unblock` (authority analyst or system).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from netral.audit.services import record
from netral.cases import tally
from netral.cases.actions import transition
from netral.cases.actors import SYSTEM, Actor, as_user
from netral.cases.errors import TransitionRefused
from netral.cases.models import (
    BlockRecord,
    Case,
    Recommendation,
    SanctionDecree,
    SanctionForm,
    sanction_end,
)
from netral.catalogue.models import CatalogueItem, SanctionLevel
from netral.intake.models import ReportedPerson
from netral.personnel.models import Agency


@dataclass(frozen=True)
class DecreeInput:
    number: str
    date: dt.date
    form: str
    start: dt.date | None = None
    pppk: bool = False


def _now(at: dt.datetime | None) -> dt.datetime:
    at = at or timezone.now()
    if timezone.is_naive(at):
        raise ValueError("at must be timezone-aware")
    return at


def _invalid(message: str) -> TransitionRefused:
    return TransitionRefused(message, "invalid")


def _audit_row(action: str, case: Case, actor: Actor, obj: Any, data: dict[str, Any]) -> None:
    system = actor is SYSTEM
    record(
        f"cases.{action}",
        actor=as_user(actor),
        obj=obj,
        label="system" if system else None,
        data={"number": case.number, **data},
    )


def recommend(
    case: Case,
    *,
    actor: Actor,
    item: CatalogueItem,
    sanction_level: str,
    agency: Agency,
    reported_person: ReportedPerson | None = None,
    superior_knew_and_did_nothing: bool = False,
    text: str = "",
    reason: str = "",
    at: dt.datetime | None = None,
) -> Recommendation:
    """verified → recommended, with the recommendation addressed to the PPK of `agency`."""
    at = _now(at)
    if sanction_level not in SanctionLevel.values:
        raise _invalid(_("Unknown sanction level “%(level)s”.") % {"level": sanction_level})
    if reported_person is not None and reported_person.report.case_link.case_id != case.pk:
        raise _invalid(_("The reported person does not belong to this case."))
    authority_id = case.authority_id
    if authority_id is None:  # pragma: no cover - forward_to_authority always sets it
        raise _invalid(_("This case was not forwarded to an ASN authority."))
    with transaction.atomic():
        transition(case, "recommend", actor=actor, reason=reason, at=at)
        recommendation = Recommendation.objects.create(
            case=case,
            authority_id=authority_id,
            item=item,
            sanction_level=sanction_level,
            agency=agency,
            reported_person=reported_person,
            superior_knew_and_did_nothing=superior_knew_and_did_nothing,
            text=text,
            created_at=at,
        )
        _audit_row(
            "recommendation",
            case,
            actor,
            recommendation,
            {"item": item.code, "sanction_level": sanction_level, "agency": agency.code},
        )
    return recommendation


def send_to_ppk(case: Case, *, actor: Actor, reason: str = "", at: dt.datetime | None = None) -> Case:
    """recommended → sent_to_ppk (starts the PPK follow-up clock)."""
    return transition(case, "send_to_ppk", actor=actor, reason=reason, at=_now(at))


def _lift_blocks(case: Case, recommendation: Recommendation, at: dt.datetime) -> None:
    """Take `unblock` as the system actor when a block record is open (the step lifts them)."""
    lifted = BlockRecord.objects.filter(recommendation__case=case, lifted_at__isnull=True).count()
    if lifted:
        transition(case, "unblock", actor=SYSTEM, reason=_("Lifted by the sanction decree."), at=at)
        _audit_row("block_lifted", case, SYSTEM, recommendation, {"lifted": lifted})


def record_sanction(
    recommendation: Recommendation, *, actor: Actor, decree: DecreeInput, at: dt.datetime | None = None
) -> SanctionDecree:
    """The PPK records the decree (→ sanctioned); a block in force is lifted in the same action."""
    at = _now(at)
    if decree.form not in SanctionForm.values:
        raise _invalid(_("Unknown sanction form “%(form)s”.") % {"form": decree.form})
    if not decree.number.strip():
        raise _invalid(_("The decree number is required."))
    case = Case.objects.get(pk=recommendation.case_id)
    was_blocked = case.state == "blocked"
    with transaction.atomic():
        transition(case, "record_sanction", actor=actor, reason=decree.number, at=at)
        row = SanctionDecree.objects.create(
            recommendation=recommendation,
            number=decree.number.strip(),
            date=decree.date,
            form=decree.form,
            start=decree.start,
            end=sanction_end(decree.form, decree.start),
            pppk=decree.pppk,
            created_at=at,
        )
        _audit_row("sanction_decree", case, actor, row, {"form": row.form, "pppk": row.pppk})
        if was_blocked:
            _lift_blocks(case, recommendation, at)
    return row


def record_left_service(
    recommendation: Recommendation, *, actor: Actor, reason: str = "", at: dt.datetime | None = None
) -> Case:
    """The PPK records that the ASN left service (→ left_service); a block in force is lifted."""
    at = _now(at)
    case = Case.objects.get(pk=recommendation.case_id)
    was_blocked = case.state == "blocked"
    with transaction.atomic():
        transition(case, "record_left_service", actor=actor, reason=reason, at=at)
        if was_blocked:
            _lift_blocks(case, recommendation, at)
    return case


def mark_ppk_overdue(case: Case, *, at: dt.datetime | None = None) -> Case:
    """sent_to_ppk → ppk_overdue, by the system actor (the escalation worker)."""
    return transition(case, "mark_ppk_overdue", actor=SYSTEM, at=_now(at))


def warn_ppk(case: Case, *, actor: Actor, reason: str = "", at: dt.datetime | None = None) -> Case:
    """Kemendagri's warning letter: ppk_overdue → warned (starts the after-warning clock)."""
    return transition(case, "warn_ppk", actor=actor, reason=reason, at=_now(at))


def block(case: Case, *, actor: Actor = SYSTEM, reason: str, at: dt.datetime | None = None) -> BlockRecord:
    """warned → blocked, with a block request on the ASN's personnel data for the last recommendation."""
    at = _now(at)
    if not reason.strip():
        raise _invalid(_("A reason is required."))
    recommendation = Recommendation.objects.filter(case=case).last()
    if recommendation is None:  # pragma: no cover - a warned case always has one
        raise _invalid(_("This case has no recommendation."))
    with transaction.atomic(), tally.tracking(case.pk):
        transition(case, "block", actor=actor, reason=reason, at=at)
        row = BlockRecord.objects.create(recommendation=recommendation, reason=reason, requested_at=at)
        _audit_row("block_record", case, actor, row, {"recommendation": recommendation.pk})
    return row


def unblock(case: Case, *, actor: Actor, reason: str = "", at: dt.datetime | None = None) -> Case:
    """sanctioned/left_service → unblocked by hand, lifting any block record still open."""
    return transition(case, "unblock", actor=actor, reason=reason, at=_now(at))
