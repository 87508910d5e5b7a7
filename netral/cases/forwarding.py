"""Forwarding packages between institutions and the marking of their receipt (`receipts.acknowledge`).

A package is written in the same database transaction as the forwarding step (by `actions.transition`, for
the steps that declare a `package`): `forward_to_authority` (Bawaslu → ASN authority), `send_to_ppk`
(authority → PPK office of the recommendation's agency), `forward_to_gakkumdu` and `forward_to_other`. Its
`contents` are the case summary, the plenary decision, the evidence list (name, kind, SHA-256, size: never
file bytes) and the recommendation. The reporter's identity is never copied into a package: `redacted`
says whether the receiver may see it (only a Bawaslu whose scope covers the case's region is entitled).

**Clocks and acknowledgement** (docs/documents.md): the receiver's clock (`authority.verification`,
`ppk.follow_up`) starts at the forwarding. When the receiver acknowledges the package within
`settings.NETRAL_RECEIPT_GRACE_DAYS` working days of the sending day (region calendar), the clock is
restarted from the acknowledgement day; a later acknowledgement, or none, leaves it counted from the
forwarding (the package was delivered to the receiver's inbox on that day). Acknowledging therefore
gains the receiver at most the grace period, and ignoring a package gains nothing.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.conf import settings

from netral.accounts.models import Institution
from netral.accounts.scope import institution_covers_region, scope_for
from netral.accounts.types import signed_in
from netral.audit.services import record
from netral.cases import workflow
from netral.cases.actors import Actor, as_user, user_of
from netral.cases.models import Case, Deadline, ForwardingPackage, Recommendation, Transition
from netral.workdays.services import compute_deadline, get_calendar

if TYPE_CHECKING:
    from netral.accounts.types import RequestUser

Kind = ForwardingPackage.Kind

# The receiver's clock each package starts (restarted by a timely acknowledgement).
RECEIVER_CLOCK: dict[str, str] = {Kind.TO_AUTHORITY: "authority.verification", Kind.TO_PPK: "ppk.follow_up"}
# Who acknowledges: the receiving institution's role; Gakkumdu and other bodies are not users of
# netral, so the forwarding Bawaslu records their receipt.
ACK_ROLES: dict[str, str] = {
    Kind.TO_AUTHORITY: "authority_analyst",
    Kind.TO_PPK: "ppk_officer",
    Kind.TO_GAKKUMDU: "bawaslu_staff",
    Kind.TO_OTHER: "bawaslu_staff",
}
DEFAULT_GRACE_DAYS = 3


class PackageRefused(Exception):
    """The acknowledgement may not be recorded; `str()` is the translated message."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


def grace_days() -> int:
    return int(getattr(settings, "NETRAL_RECEIPT_GRACE_DAYS", DEFAULT_GRACE_DAYS))


def receiver_entitled(case: Case, receiver: Institution | None) -> bool:
    """Only a Bawaslu whose area covers the case's region may see the reporter's identity."""
    return (
        receiver is not None
        and receiver.kind == Institution.Kind.BAWASLU
        and institution_covers_region(receiver, case.region_id)
    )


# --- contents -----------------------------------------------------------------------------------------


def _iso(moment: dt.datetime | dt.date | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def _reports(case: Case, *, redacted: bool) -> tuple[list[dict[str, Any]], list[dict[str, Any]], bool]:
    reports: list[dict[str, Any]] = []
    evidence: list[dict[str, Any]] = []
    anonymous = True
    links = case.case_reports.select_related("report").order_by("added_at", "pk")
    for link in links:
        report = link.report
        anonymous = anonymous and (report.anonymous or not report.reporter_identity_token)
        entry: dict[str, Any] = {
            "kind": report.kind,
            "channel": report.channel,
            "received_at": _iso(report.created_at),
            "description": report.description,
            "chronology": report.chronology,
            "place": report.place,
            "occurred_on": _iso(report.occurred_on),
            "reported_persons": [
                {"name": p.name, "position": p.position, "agency": p.agency, "nip": p.nip}
                for p in report.reported_persons.order_by("pk")
            ],
        }
        if not redacted:
            entry["tracking_code"] = report.tracking_code
        reports.append(entry)
        evidence.extend(
            {"name": item.original_name, "kind": item.kind, "sha256": item.sha256, "size": item.size}
            for item in report.evidence.order_by("created_at", "pk")
        )
    return reports, evidence, anonymous


def _decision(case: Case) -> dict[str, Any] | None:
    row = Transition.objects.filter(case=case, action__in=workflow.DECISION_STEPS).order_by("at", "pk").last()
    if row is None:
        return None
    return {
        "action": row.action,
        "to": row.to_state,
        "at": _iso(row.at),
        "role": row.actor_role,
        "reason": row.reason,
    }


def _recommendation(case: Case) -> dict[str, Any] | None:
    row = Recommendation.objects.filter(case=case).select_related("item", "agency").last()
    if row is None:
        return None
    return {
        "item": row.item.code,
        "act": row.item.act_id,
        "sanction_level": row.sanction_level,
        "agency": row.agency.name,
        "superior_knew_and_did_nothing": row.superior_knew_and_did_nothing,
        "text": row.text,
        "created_at": _iso(row.created_at),
    }


def build_contents(case: Case, *, redacted: bool) -> dict[str, Any]:
    """The package's contents as JSON-ready data (no identity, no file bytes)."""
    reports, evidence, anonymous = _reports(case, redacted=redacted)
    return {
        "schema": 1,
        "case": {
            "number": case.number,
            "region": case.region_id,
            "region_name": case.region.name,
            "election": case.election.name,
            "received_at": _iso(case.received_at),
            "group": case.group,
            "item": case.item.code if case.item is not None else "",
            "employment": case.employment,
            "position_class": case.position_class,
            "occurred_on": _iso(case.occurred_on),
        },
        "reports": reports,
        "decision": _decision(case),
        "evidence": evidence,
        "recommendation": _recommendation(case),
        "reporter": {"anonymous": anonymous, "identity": "withheld" if redacted else "available"},
    }


# --- creating a package (inside the forwarding transition) -------------------------------------------


def _receiver(case: Case, kind: str) -> tuple[Institution | None, str]:
    if kind == Kind.TO_AUTHORITY:
        return case.authority, ""
    if kind == Kind.TO_PPK:
        recommendation = Recommendation.objects.filter(case=case).select_related("agency").last()
        if recommendation is None:  # pragma: no cover - send_to_ppk always follows recommend
            return None, ""
        office = Institution.objects.filter(kind=Institution.Kind.PPK, agency=recommendation.agency).first()
        return office, "" if office else f"PPK {recommendation.agency.name}"
    if kind == Kind.TO_GAKKUMDU:
        return None, "Sentra Gakkumdu"
    return None, ""


def _sender(case: Case, kind: str, actor: Actor) -> Institution | None:
    if kind == Kind.TO_PPK:
        return case.authority
    return getattr(actor, "institution", None)


def create_package(case: Case, kind: str, *, actor: Actor, at: dt.datetime) -> ForwardingPackage:
    """The package of a forwarding step (`workflow.Step.package`; called by `actions.transition`, inside
    its transaction)."""
    receiver, to_name = _receiver(case, kind)
    redacted = not receiver_entitled(case, receiver)
    sender_user = user_of(actor)
    package = ForwardingPackage.objects.create(
        case=case,
        kind=kind,
        from_institution=_sender(case, kind, actor),
        to_institution=receiver,
        to_name=to_name,
        contents=build_contents(case, redacted=redacted),
        redacted=redacted,
        sent_at=at,
        sent_by=sender_user,
    )
    record(
        "cases.package_sent",
        actor=sender_user,
        obj=package,
        data={
            "number": case.number,
            "kind": kind,
            "to": receiver.code if receiver else to_name,
            "redacted": redacted,
            "evidence": len(package.contents["evidence"]),
        },
    )
    return package


# --- acknowledgement ----------------------------------------------------------------------------------


def may_acknowledge(package: ForwardingPackage, user: RequestUser | None) -> bool:
    """The receiver acknowledges: a user of the receiving institution with the receiving role (for
    Gakkumdu / another body, Bawaslu staff whose area covers the case record the receipt)."""
    staff = signed_in(user)
    if staff is None or package.acknowledged_at is not None:
        return False
    if staff.role != ACK_ROLES[package.kind]:
        return False
    if package.to_institution_id is not None:
        return bool(staff.institution_id == package.to_institution_id)
    return institution_covers_region(staff.institution, package.case.region_id)


def may_view(package: ForwardingPackage, user: RequestUser) -> bool:
    """Sender, receiver, Bawaslu of the case's area, Kemendagri (PPK packages), administrators and
    data custodians; always on top of `Case.objects.visible_to(user)` (checked by the caller)."""
    staff = signed_in(user)
    if staff is None:
        return False
    role = staff.role
    if scope_for(staff).sees_everything:
        return True
    if role == "kemendagri_officer":
        return package.kind == Kind.TO_PPK
    institution_id = staff.institution_id
    if institution_id is not None and institution_id in (
        package.from_institution_id,
        package.to_institution_id,
    ):
        return True
    return role.startswith("bawaslu_") and institution_covers_region(
        staff.institution, package.case.region_id
    )


def receiver_name(package: ForwardingPackage) -> str:
    """The receiving institution, or the body named on the Gakkumdu / other-law route."""
    if package.to_institution is not None:
        return package.to_institution.name
    route = {str(Kind.TO_GAKKUMDU): "gakkumdu", str(Kind.TO_OTHER): "other"}.get(package.kind)
    found = package.case.external_routes.filter(route=route).last() if route else None
    return found.receiving_body if found else package.to_name


def package_rows(case: Case, user: RequestUser) -> list[ForwardingPackage]:
    """The case's packages this user may see (the case itself must be visible: the caller's check)."""
    packages = case.packages.select_related("case__region", "from_institution", "to_institution")
    return [package for package in packages.order_by("sent_at", "pk") if may_view(package, user)]


def restart_clock(case: Case, package: ForwardingPackage, at: dt.datetime) -> Deadline | None:
    """Restart the receiver's clock from `at` when acknowledged within the grace period; returns the
    changed deadline, or None when nothing changed (late, already met, or no clock for this kind)."""
    clock = RECEIVER_CLOCK.get(package.kind)
    if clock is None:
        return None
    due = compute_deadline(clock, at, region_code=case.region_id)
    if not Deadline.objects.filter(case=case, clock=clock).exists():
        # A case forwarded before clocks started at the forwarding (older data): start it now.
        return Deadline.objects.create(
            case=case,
            clock=clock,
            started_on=due.start,
            due_date=due.due_date,
            due_at=due.due_at,
            authority_id=case.authority_id,
        )
    calendar = get_calendar(case.region_id)
    if calendar.local_date(at) > calendar.add_days(
        calendar.local_date(package.sent_at), grace_days(), "working"
    ):
        return None
    deadline = (
        Deadline.objects.filter(case=case, clock=clock, state=Deadline.State.OPEN).order_by("pk").last()
    )
    if deadline is None or due.start <= deadline.started_on:
        return None
    deadline.started_on, deadline.due_date, deadline.due_at = due.start, due.due_date, due.due_at
    deadline.save(update_fields=["started_on", "due_date", "due_at"])
    return deadline


def mark_acknowledged(case: Case, package: ForwardingPackage, *, actor: Actor, at: dt.datetime) -> bool:
    """Record the acknowledgement (once: a conditional UPDATE), restart the clock, audit it."""
    user = as_user(actor)
    changed = ForwardingPackage.objects.filter(pk=package.pk, acknowledged_at__isnull=True).update(
        acknowledged_at=at, acknowledged_by=user if user is not None and user.pk else None
    )
    if not changed:
        return False
    package.acknowledged_at, package.acknowledged_by = at, user
    deadline = restart_clock(case, package, at)
    record(
        "cases.package_acknowledged",
        actor=user,
        obj=package,
        data={
            "number": case.number,
            "kind": package.kind,
            "clock_restarted": deadline is not None,
            "due_date": deadline.due_date.isoformat() if deadline else None,
        },
    )
    return True


def on_receipt_acknowledged(case: Case, *, actor: Actor, at: dt.datetime) -> None:
    """`acknowledge_receipt` (however taken) acknowledges the case's open package to the authority."""
    package = (
        ForwardingPackage.objects.filter(case=case, kind=Kind.TO_AUTHORITY, acknowledged_at__isnull=True)
        .order_by("pk")
        .last()
    )
    if package is not None:
        mark_acknowledged(case, package, actor=actor, at=at)
