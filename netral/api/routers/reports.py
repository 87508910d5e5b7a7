"""Filing a report and following it with the receipt (built on netral.intake.services).

No login: the receipt (tracking code + receipt secret) is the reporter's only key. A wrong code and
a wrong secret get the same 404, so the API reveals nothing about which codes exist.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, File, Router, Schema, Status, UploadedFile
from ninja.errors import HttpError
from ninja.params import HeaderEx, P
from pydantic import ConfigDict

from netral.api import throttle
from netral.api.auth import token_from_request
from netral.api.errors import InvalidInput, not_found
from netral.api.idempotency import HEADER as IDEMPOTENCY_HEADER
from netral.api.idempotency import idempotency_key
from netral.api.schemas import ErrorOut, ValidationErrorOut
from netral.intake import services as intake

router = Router(tags=["reports"])

RECEIPT_HEADER = "X-Receipt-Secret"
CHANNEL = "api"
_KEY_HELP = "1-100 printable ASCII characters, e.g. a UUID: retries with the same key are safe."


class _Strict(Schema):
    model_config = ConfigDict(extra="forbid")


class ReporterIn(_Strict):
    name: str = ""
    nik: str = Field(default="", description="16-digit NIK as on the KTP.")
    phone: str = ""
    email: str = ""
    address: str = ""


class ReportedIn(_Strict):
    name: str = Field(default="", description="The civil servant's name as the reporter knows it.")
    position: str = ""
    agency: str = ""
    nip: str = Field(default="", description="18-digit NIP, validated when given.")


class ReportIn(_Strict):
    anonymous: bool = False
    reporter: ReporterIn | None = Field(
        None, description="Required unless anonymous; ignored when anonymous."
    )
    reported: list[ReportedIn] = Field(default_factory=list, description="At least one civil servant.")
    description: str = Field(description="What happened.")
    chronology: str = ""
    region_code: str = Field(description="Kemendagri regency/city or province code, e.g. 34.04.")
    place: str = ""
    occurred_on: dt.date | None = None
    known_on: dt.date = Field(description="The day the reporter learned of it: day 0 of the filing window.")
    election: str = Field(description="Election code, e.g. pilkada-2024.")
    evidence_urls: list[str] = Field(default_factory=list, description="Links (http/https) to public posts.")
    witnesses: list[str] = Field(default_factory=list)


class FilingWindowOut(Schema):
    last_day: dt.date
    days_left: int
    expired: bool = Field(
        description="True when filed after the window: the report is kept, marked daluwarsa."
    )


class ReceiptOut(Schema):
    tracking_code: str
    receipt_secret: str | None = Field(
        description="Shown only here: keep it. null only for a retry more than 24 hours after the first."
    )
    state: str
    filing_window: FilingWindowOut


class EvidenceOut(Schema):
    kind: str = Field(description="image, pdf or video")
    content_type: str
    size: int = Field(description="Bytes stored (images are re-encoded without EXIF/GPS).")
    sha256: str = Field(description="SHA-256 of the stored file.")


class DeadlineRef(Schema):
    clock: str
    due_date: dt.date
    due_at: dt.datetime


class MessageOut(Schema):
    direction: str = Field(description="from_reporter or to_reporter")
    body: str
    sent_at: dt.datetime


class ReportStatusOut(Schema):
    tracking_code: str
    state: str
    received_at: dt.datetime
    daluwarsa: bool
    next_deadline: DeadlineRef | None = Field(description="The next step's legal deadline, when one runs.")
    messages: list[MessageOut]


def _report_input(payload: ReportIn) -> intake.ReportInput:
    reporter = payload.reporter or ReporterIn()
    return intake.ReportInput(
        description=payload.description,
        region_code=payload.region_code,
        election=payload.election,
        known_on=payload.known_on,
        anonymous=payload.anonymous,
        reporter=intake.ReporterIdentity(
            name=reporter.name,
            nik=reporter.nik,
            address=reporter.address,
            phone=reporter.phone,
            email=reporter.email,
        ),
        reported=tuple(
            intake.ReportedPersonInput(name=p.name, position=p.position, agency=p.agency, nip=p.nip)
            for p in payload.reported
        ),
        chronology=payload.chronology,
        place=payload.place,
        occurred_on=payload.occurred_on,
        witnesses=tuple(payload.witnesses),
        evidence_urls=tuple(payload.evidence_urls),
    )


def _field_errors(errors: dict[str, list[str]]) -> InvalidInput:
    """intake's `{"reporter.nik": [...]}` as the API's per-field list."""
    rename = {"idempotency_key": IDEMPOTENCY_HEADER, "__all__": "body"}
    return InvalidInput(
        [(rename.get(field, field), message) for field, messages in errors.items() for message in messages]
    )


@router.post(
    "/reports",
    response={
        201: ReceiptOut,
        400: ErrorOut,
        403: ErrorOut,
        409: ErrorOut,
        413: ErrorOut,
        422: ValidationErrorOut,
        429: ErrorOut,
    },
    throttle=[throttle.submit],
    summary="File a report",
)
def submit_report(
    request: HttpRequest,
    response: HttpResponse,
    payload: ReportIn,
    idempotency: HeaderEx[str | None, P(alias=IDEMPOTENCY_HEADER, description=_KEY_HELP)] = None,
) -> Status[dict[str, Any]]:
    """File a report (no login). Answers the tracking code and the receipt secret once.

    Send an `Idempotency-Key` header (e.g. a UUID) to make retries safe: the same key with the same
    content returns the first report (header `Idempotent-Replayed: true`) instead of a new one; the
    same key with other content is a 409.
    """
    key = idempotency_key(request)
    token = token_from_request(request)
    try:
        submitted = intake.submit_report(
            _report_input(payload),
            channel=CHANNEL,
            idempotency_key=key,
            actor=token.user if token is not None else None,
        )
    except intake.ReportValidationError as exc:
        raise _field_errors(exc.errors) from None
    except intake.IdempotencyConflict as exc:
        raise HttpError(409, str(exc)) from None
    except PermissionDenied as exc:
        raise HttpError(403, str(exc)) from None
    if not submitted.created:
        response["Idempotent-Replayed"] = "true"
    return Status(
        201,
        {
            "tracking_code": submitted.tracking_code,
            "receipt_secret": submitted.receipt_secret,
            "state": submitted.report.state,
            "filing_window": submitted.filing_window.as_dict(),
        },
    )


@router.get(
    "/reports/{tracking_code}",
    response={200: ReportStatusOut, 404: ErrorOut, 422: ValidationErrorOut, 429: ErrorOut},
    throttle=[throttle.public],
    summary="Follow a report with its receipt",
)
def report_status(
    request: HttpRequest,
    tracking_code: str,
    receipt_secret: HeaderEx[str, P(alias=RECEIPT_HEADER, description="The receipt secret.")],
) -> dict[str, Any]:
    """State, next deadline and messages of a report. Needs the receipt secret in the
    `X-Receipt-Secret` header; a wrong code or secret answers the same 404."""
    report = intake.find_report(tracking_code[:100], receipt_secret[:200])
    if report is None:
        raise not_found(_("No report matches this tracking code and receipt secret."))
    return {
        "tracking_code": report.tracking_code,
        "state": report.state,
        "received_at": report.created_at,
        "daluwarsa": report.daluwarsa,
        "next_deadline": intake.next_deadline(report),
        "messages": [
            {"direction": message.direction, "body": message.body, "sent_at": message.created_at}
            for message in report.messages.order_by("created_at", "pk")
        ],
    }


@router.post(
    "/reports/{tracking_code}/evidence",
    response={
        201: EvidenceOut,
        400: ErrorOut,
        404: ErrorOut,
        413: ErrorOut,
        422: ValidationErrorOut,
        429: ErrorOut,
    },
    throttle=[throttle.submit],
    summary="Add an evidence file to a report",
)
def add_evidence(
    request: HttpRequest,
    tracking_code: str,
    receipt_secret: HeaderEx[str, P(alias=RECEIPT_HEADER, description="The receipt secret.")],
    file: File[UploadedFile],
) -> Status[dict[str, Any]]:
    """Upload one image (JPEG, PNG, WebP), PDF or video (MP4, MOV, WebM) as multipart field `file`.
    The type is checked by content; images lose their EXIF/GPS data. Too large: 413."""
    report = intake.find_report(tracking_code[:100], receipt_secret[:200])
    if report is None:
        raise not_found(_("No report matches this tracking code and receipt secret."))
    try:
        item = intake.attach_evidence(report, file, file.name or "")
    except intake.EvidenceError as exc:
        if exc.code == "too_large":
            raise HttpError(413, exc.message) from None
        raise InvalidInput([("file", exc.message)]) from None
    return Status(
        201,
        {
            "kind": item.kind,
            "content_type": item.content_type,
            "size": item.size,
            "sha256": item.sha256,
        },
    )
