"""Public functions of the intake app: filing reports and findings, finding them again with a
receipt, evidence, messages, and (from identity.py) the reporter's identity for those entitled.

Other apps, views, the API and imports call only what this module exports (see `__all__`).
Every write here records an audit entry without personal data (no identity, no message text).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Subquery
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_variables

from netral.accounts.scope import scope_for
from netral.audit.services import batch as audit_batch
from netral.audit.services import record
from netral.intake import evidence as evidence_files
from netral.intake import filing
from netral.intake.checks import (
    FilingWindow,
    Requirement,
    days_left,
    filing_window,
    local_today,
    missing_requirements,
    next_deadline,
    requirement_checklist,
    window_for_type,
)
from netral.intake.codes import (
    derive_receipt_secret,
    hash_receipt_secret,
    new_receipt_secret,
    new_tracking_code,
    parse_tracking_code,
    verify_receipt_secret,
)
from netral.intake.crypto import (
    IdentityDecryptionError,
    LookupKind,
    ReporterIdentity,
    encrypt_identity,
    identity_hashes,
)
from netral.intake.evidence import EvidenceError, StoredEvidence
from netral.intake.fingerprint import request_fingerprint, same_request
from netral.intake.identity import (
    HANDLER_ROLES,
    active_user,
    can_see_reporter_identity,
    reporter_identity,
    rotate_reporter_identities,
)
from netral.intake.linking import link_reported_person as link_reported_person
from netral.intake.models import Evidence, Message, Report, ReportedPerson
from netral.intake.validation import (
    IntakeError,
    ReportedPersonInput,
    ReportInput,
    ReportValidationError,
    ValidReport,
    check_idempotency_key,
    validate_report,
)
from netral.personnel.models import Employee
from netral.workdays.services import get_clock

if TYPE_CHECKING:
    from netral.accounts.models import User
    from netral.accounts.types import RequestUser

__all__ = [
    "EvidenceError",
    "FilingWindow",
    "IdempotencyConflict",
    "IdentityDecryptionError",
    "IntakeError",
    "ReportInput",
    "ReportValidationError",
    "ReportedPersonInput",
    "ReporterIdentity",
    "Requirement",
    "StoredEvidence",
    "SubmittedReport",
    "add_message",
    "attach_evidence",
    "can_see_reporter_identity",
    "filing_window",
    "find_report",
    "missing_requirements",
    "next_deadline",
    "reporter_identity",
    "requirement_checklist",
    "rotate_reporter_identities",
    "submit_report",
    "validate_report",
]

# A retry with the same idempotency key gets the receipt secret again only within this time.
IDEMPOTENT_REPLAY_WINDOW = dt.timedelta(hours=24)
MAX_MESSAGE_LENGTH = 5_000
MAX_EVIDENCE_FILES = 20
# The easternmost zone (WIT): "not in the future" must hold for a reporter anywhere in Indonesia.
_EASTERNMOST = ZoneInfo("Asia/Jayapura")


class IdempotencyConflict(IntakeError):
    """The idempotency key was already used for a different report."""


@dataclass(frozen=True)
class SubmittedReport:
    report: Report
    tracking_code: str
    # Shown to the reporter once. None only for a retry after IDEMPOTENT_REPLAY_WINDOW.
    receipt_secret: str | None = dataclasses.field(repr=False)
    filing_window: FilingWindow
    created: bool  # False when an earlier submission with the same idempotency key was returned


def _window_at_receipt(report: Report) -> FilingWindow:
    """The filing window as the reporter saw it when the report was received."""
    received_on = local_today(report.region_id, report.created_at)
    day_type = get_clock(report.filing_clock).day_type
    return FilingWindow(
        clock=report.filing_clock,
        known_on=report.known_on,
        last_day=report.filing_last_day,
        day_type=day_type,
        days_left=days_left(received_on, report.filing_last_day, day_type, report.region_id),
        expired=report.daluwarsa,
    )


def _replay(
    key: str, valid: ValidReport, channel: str, actor: User | None, now: dt.datetime
) -> SubmittedReport | None:
    """The earlier submission with this key, if any (IdempotencyConflict when its content differs)."""
    report = Report.objects.filter(idempotency_key=key).first()
    if report is None:
        return None
    if not same_request(report.request_fingerprint, valid, channel, actor):
        raise IdempotencyConflict(_("This idempotency key was already used for a different report."))
    secret: str | None = None
    if now - report.created_at <= IDEMPOTENT_REPLAY_WINDOW:
        candidate = derive_receipt_secret(key)
        if verify_receipt_secret(candidate, report.receipt_secret_hash):
            secret = candidate
    return SubmittedReport(report, report.tracking_code, secret, _window_at_receipt(report), created=False)


def _check_finding(valid: ValidReport, actor: User | None) -> None:
    """A finding is recorded by a Bawaslu supervisor, for a region inside their scope."""
    if actor is None or getattr(actor, "role", "") not in HANDLER_ROLES:
        raise PermissionDenied(_("Only Bawaslu staff and commissioners can record a finding."))
    if not scope_for(actor).covers_region(valid.region.code):
        raise ReportValidationError({"region_code": [_("This region is outside your area of supervision.")]})


def _register_entry(nip: str) -> Subquery | None:
    """The register entry with this NIP, looked up by the INSERT itself (no round trip of its own)."""
    return Subquery(Employee.objects.filter(nip=nip).order_by().values("pk")[:1]) if nip else None


@sensitive_variables()
def submit_report(
    data: ReportInput,
    *,
    channel: str,
    idempotency_key: str | None = None,
    actor: RequestUser | None = None,
    received_at: dt.datetime | None = None,
) -> SubmittedReport:
    """Validate and store a report (or, with channel `finding`, a supervisor's finding).

    Raises ReportValidationError (per-field messages), IdempotencyConflict (key reused for other
    content) or PermissionDenied (a finding by someone who is not a Bawaslu supervisor). A late
    report is stored with `daluwarsa=True`. The same idempotency key with the same content returns
    the report stored first (`created=False`), also when both calls race: the unique key decides.
    `received_at` (aware) is the time of receipt, for imports from other channels; default now.
    The report is filed (audit entry, case) in the same transaction, or with NETRAL_INTAKE_QUEUE on
    left waiting for a filer (intake/filing.py).
    """
    if channel not in Report.Channel.values:
        raise ReportValidationError({"channel": [_("Unknown channel.")]})
    staff = active_user(actor)
    finding = channel == Report.Channel.FINDING
    received_at = received_at or timezone.now()
    if timezone.is_naive(received_at):
        raise ValueError("received_at must be timezone-aware")
    valid = validate_report(data, today=received_at.astimezone(_EASTERNMOST).date(), finding=finding)
    if finding:
        _check_finding(valid, staff)
    key = check_idempotency_key(idempotency_key) if idempotency_key is not None else None
    # No look-up of the key beforehand: the unique constraint decides, for retries and for racing
    # calls alike, and a new key (the usual case) costs no extra query.

    region_code = valid.region.code
    window = window_for_type(
        valid.election.type, valid.known_on, region_code, local_today(region_code, received_at)
    )
    token = ""
    hashes: dict[LookupKind, str] = {"nik": "", "email": "", "phone": ""}
    if not valid.reporter.is_empty:
        token, hashes = encrypt_identity(valid.reporter), identity_hashes(valid.reporter)
    fingerprint = request_fingerprint(valid, channel, staff, settings.SECRET_KEY)

    queued = filing.queue_enabled()
    for _attempt in range(5):
        tracking_code = new_tracking_code()
        secret = derive_receipt_secret(key) if key is not None else new_receipt_secret()
        try:
            # Filing at once: the audit entries (intake's and the case's) are appended together at
            # the end, so the chain lock is held only for that append and the commit. Queued: the
            # transaction holds the report alone, and a filer files it (intake/filing.py).
            with transaction.atomic(), audit_batch():
                report = Report.objects.create(
                    tracking_code=tracking_code,
                    receipt_secret_hash=hash_receipt_secret(secret),
                    channel=channel,
                    kind=Report.Kind.TEMUAN if finding else Report.Kind.LAPORAN,
                    anonymous=valid.data.anonymous,
                    reporter_identity_token=token,
                    reporter_nik_hash=hashes["nik"],
                    reporter_email_hash=hashes["email"],
                    reporter_phone_hash=hashes["phone"],
                    description=valid.data.description,
                    chronology=valid.data.chronology,
                    region=valid.region,
                    place=valid.data.place,
                    occurred_on=valid.data.occurred_on,
                    known_on=valid.known_on,
                    election=valid.election,
                    witnesses=list(valid.data.witnesses),
                    evidence_urls=list(valid.data.evidence_urls),
                    filing_clock=window.clock,
                    filing_last_day=window.last_day,
                    daluwarsa=window.expired,
                    created_at=received_at,
                    idempotency_key=key,
                    request_fingerprint=fingerprint,
                    submitted_by=staff,
                    filed_at=None if queued else timezone.now(),
                )
                ReportedPerson.objects.bulk_create(
                    ReportedPerson(
                        report=report,
                        name=p.name,
                        position=p.position,
                        agency=p.agency,
                        nip=p.nip,
                        # Queued: the filer links the register entries, for a whole batch at once.
                        employee_id=None if queued else _register_entry(p.nip),
                    )
                    for p in valid.reported
                )
                if not queued:
                    filing.file_report(report, actor=staff, reported_persons=len(valid.reported))
        except IntegrityError:
            if key is not None and (earlier := _replay(key, valid, channel, staff, received_at)) is not None:
                return earlier  # a retry, or a concurrent call with the same key that got in first
            if Report.objects.filter(tracking_code=tracking_code).exists():
                continue  # a tracking-code collision (about 1 in 10^16 per pair): draw again
            raise
        return SubmittedReport(report, tracking_code, secret, window, created=True)
    raise IntakeError("could not allocate a unique tracking code")


def find_report(tracking_code: str, receipt_secret: str) -> Report | None:
    """The report with this code, if the receipt secret matches; None otherwise.

    A wrong code and a wrong secret give the same answer, and the secret check runs (in constant
    time) either way, so the answer reveals nothing about which codes exist.
    """
    code = parse_tracking_code(tracking_code)
    report = Report.objects.filter(tracking_code=code).first() if code else None
    matches = verify_receipt_secret(receipt_secret, report.receipt_secret_hash if report else None)
    return report if matches and report is not None else None


def _clean_body(body: Any) -> str:
    if not isinstance(body, str) or not body.strip():
        raise ReportValidationError({"body": [_("Write a message.")]})
    body = body.strip()
    if len(body) > MAX_MESSAGE_LENGTH:
        raise ReportValidationError(
            {"body": [_("At most %(limit)d characters.") % {"limit": MAX_MESSAGE_LENGTH}]}
        )
    if any(ord(c) < 32 and c not in "\t\r\n" for c in body) or "\x7f" in body:
        raise ReportValidationError({"body": [_("Contains characters that are not allowed.")]})
    return body


def add_message(report: Report, body: str, *, direction: str, author: RequestUser | None = None) -> Message:
    """Add a message between the reporter and the handlers.

    `from_reporter`: written by whoever holds the receipt; no author is stored, so an anonymous
    reporter stays anonymous. `to_reporter`: written by a Bawaslu handler (`author`) who can see
    the report; anyone else gets PermissionDenied.
    """
    text = _clean_body(body)
    staff = active_user(author)
    if direction == Message.Direction.FROM_REPORTER:
        if author is not None:
            raise ValueError("a reporter's message has no author")
        label = "reporter"
    elif direction == Message.Direction.TO_REPORTER:
        if (
            staff is None
            or getattr(staff, "role", "") not in HANDLER_ROLES
            or not Report.objects.visible_to(staff).filter(pk=report.pk).exists()
        ):
            raise PermissionDenied(_("You cannot write to the reporter of this report."))
        label = None
    else:
        raise ValueError(f"unknown direction {direction!r}")
    with transaction.atomic():
        message = Message.objects.create(report=report, direction=direction, body=text, author=staff)
        record(
            "intake.message_added",
            actor=staff,
            obj=report,
            label=label,
            data={"message_id": message.pk, "direction": direction},
        )
    return message


def attach_evidence(
    report: Report, source: bytes | IO[bytes], original_name: str, *, actor: RequestUser | None = None
) -> Evidence:
    """Check, clean and store an uploaded file for a report; raises EvidenceError (translated).

    Access is the caller's business (the reporter's receipt, or a staff view); a given `actor`
    must be able to see the report.
    """
    staff = active_user(actor)
    if actor is not None and (
        staff is None or not Report.objects.visible_to(staff).filter(pk=report.pk).exists()
    ):
        raise PermissionDenied(_("You cannot add evidence to this report."))
    if report.evidence.count() >= MAX_EVIDENCE_FILES:
        raise EvidenceError("too_many_files", limit=MAX_EVIDENCE_FILES)
    stored = evidence_files.store_evidence(source, original_name, today=local_today(report.region_id))
    try:
        with transaction.atomic():
            item = Evidence.objects.create(
                report=report,
                kind=stored.kind,
                original_name=stored.original_name,
                stored_path=stored.path,
                size=stored.size,
                sha256=stored.sha256,
                original_sha256=stored.original_sha256,
                content_type=stored.content_type,
            )
            record(
                "intake.evidence_added",
                actor=staff,
                obj=report,
                label=None if staff else "reporter",
                data={
                    "evidence_id": item.pk,
                    "kind": stored.kind,
                    "size": stored.size,
                    "sha256": stored.sha256,
                },
            )
    except BaseException:
        evidence_files.delete_stored(stored.path)
        raise
    return item
