"""Helpers shared by the intake views: the clock, the pre-submission check, upload checks, rate limits.

Views call these and the intake services; nothing here writes except `attach_files` (through
`services.attach_evidence`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from netral.api import throttle
from netral.intake import evidence, services
from netral.intake.checks import local_today
from netral.intake.forms import EventForm, ReportForm, reported_input
from netral.intake.forms_errors import apply_errors
from netral.intake.models import Report

if TYPE_CHECKING:
    from netral.accounts.types import RequestUser

# "Not in the future" must hold for a reporter anywhere in Indonesia: the easternmost zone (WIT).
EASTERNMOST = ZoneInfo("Asia/Jayapura")
WEB_CHANNEL = "web"
FINDING_CHANNEL = "finding"
PANEL_TEMPLATE = "intake/_check_panel.html"
RESENT_WITH_OTHER_CONTENT = gettext_lazy(
    "This form was already sent with different content. Check it and send it again to file it as a new "
    "report."
)


def now() -> dt.datetime:
    """The current moment; the one place tests move the clock for the views."""
    return timezone.now()


def latest_date() -> dt.date:
    """The latest date a reporter may give (today in WIT, as the services check)."""
    return now().astimezone(EASTERNMOST).date()


# --- the input as the services take it -------------------------------------------------------------


@dataclass
class Built:
    data: services.ReportInput
    indexes: list[int]  # form index of each reported person, to put errors back


def build_input(form: EventForm, formset: Any) -> Built:
    """A ReportInput from whatever parsed in the form and formset (fields that did not parse are empty)."""
    persons, indexes = reported_input(formset)
    anonymous, reporter = (
        form.reporter_input() if isinstance(form, ReportForm) else (False, services.ReporterIdentity())
    )
    data = services.ReportInput(
        anonymous=anonymous, reporter=reporter, reported=persons, **form.event_input()
    )
    return Built(data, indexes)


def validation_errors(built: Built, *, finding: bool) -> dict[str, list[str]]:
    """The services' messages for this input, without storing anything."""
    try:
        services.validate_report(built.data, today=latest_date(), finding=finding)
    except services.ReportValidationError as exc:
        return exc.errors
    return {}


# --- the pre-submission check: reporting window and checklist ---------------------------------------


@dataclass
class Problem:
    field_id: str  # the input's id, for a link from the summary ("" when not about one field)
    label: str
    message: str


@dataclass
class Check:
    window: services.FilingWindow | None
    requirements: list[services.Requirement]
    problems: list[Problem] = field(default_factory=list)

    @property
    def formal(self) -> list[services.Requirement]:
        return [r for r in self.requirements if r.group == "formal"]

    @property
    def material(self) -> list[services.Requirement]:
        return [r for r in self.requirements if r.group == "material"]

    def as_json(self) -> dict[str, Any]:
        window = None
        if self.window is not None:
            window = {**self.window.as_dict(), "day_type": self.window.day_type}
        return {
            "window": window,
            "missing": [{"code": r.code, "group": r.group, "message": r.message} for r in self.requirements],
            "problems": [p.__dict__ for p in self.problems],
        }


def window_for(data: services.ReportInput) -> services.FilingWindow | None:
    """The reporting window for the learned date, election and region entered so far (None if unknown)."""
    if not data.known_on or not data.election:
        return None
    region = data.region_code or None
    try:
        return services.filing_window(data.known_on, data.election, region, local_today(region, now()))
    except (ObjectDoesNotExist, ValueError, LookupError):
        return None


def run_check(built: Built, *, evidence_files: int, finding: bool = False) -> Check:
    window = window_for(built.data)
    region = built.data.region_code or None
    today = local_today(region, now()) if window is not None else None
    requirements = services.requirement_checklist(
        built.data, finding=finding, evidence_files=evidence_files, today=today
    )
    return Check(window=window, requirements=requirements)


def problems(form: EventForm, formset: Any) -> list[Problem]:
    """Every error on the form and formset, in page order, for an error summary."""
    found = [Problem("", "", str(message)) for message in form.non_field_errors()]
    for name in form.fields:
        bound = form[name]
        found.extend(Problem(bound.auto_id or "", str(bound.label), str(m)) for m in bound.errors)
    for number, person_form in enumerate(formset.forms, start=1):
        found.extend(Problem("", "", str(m)) for m in person_form.non_field_errors())
        for name in person_form.fields:
            bound = person_form[name]
            label = _("Reported person %(number)d: %(field)s") % {"number": number, "field": bound.label}
            found.extend(Problem(bound.auto_id or "", label, str(m)) for m in bound.errors)
    found.extend(Problem("", "", str(m)) for m in formset.non_form_errors())
    return found


def full_check(form: EventForm, formset: Any, *, evidence_files: int, finding: bool = False) -> Check:
    """The "Periksa" step: window, checklist, and every validation message put on its field."""
    built = build_input(form, formset)
    apply_errors(form, formset, built.indexes, validation_errors(built, finding=finding))
    check = run_check(built, evidence_files=evidence_files, finding=finding)
    check.problems = problems(form, formset)
    return check


# --- evidence uploads -------------------------------------------------------------------------------


def precheck(upload: UploadedFile) -> str | None:
    """Why an upload would be refused (the services' translated message), or None when it is fine.

    Runs the same content checks as `services.attach_evidence` (type by content, size limit by kind,
    images must decode) before anything is stored, so a bad file never leaves half a report behind.
    """
    try:
        head = upload.read(evidence.HEADER_BYTES)
        if not head:
            raise evidence.EvidenceError("empty")
        detected = evidence.detect(head)
        if detected is None:
            raise evidence.EvidenceError("unsupported")
        limit = evidence.MAX_BYTES[detected.kind]
        if (upload.size or 0) > limit:
            raise evidence.EvidenceError(
                "too_large", kind=evidence.KIND_LABELS[detected.kind], limit=limit // evidence.MB
            )
        if detected.kind == evidence.IMAGE:
            evidence.clean_image(head + upload.read(limit + 1 - len(head)), detected)
    except evidence.EvidenceError as exc:
        return exc.message
    finally:
        upload.seek(0)
    return None


def file_label(upload: UploadedFile) -> str:
    return evidence.clean_name(upload.name or "")


def upload_errors(uploads: list[UploadedFile], already: int = 0) -> list[str]:
    """One message per refused file ("foto.jpg: ..."), plus one when there are too many files."""
    if already + len(uploads) > services.MAX_EVIDENCE_FILES:
        return [str(evidence.EvidenceError("too_many_files", limit=services.MAX_EVIDENCE_FILES))]
    messages = []
    for upload in uploads:
        reason = precheck(upload)
        if reason:
            messages.append(_("%(name)s: %(message)s") % {"name": file_label(upload), "message": reason})
    return messages


def _digest(upload: UploadedFile) -> str:
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


@dataclass
class Attached:
    stored: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def attach_files(
    report: Report, uploads: list[UploadedFile], *, actor: RequestUser | None = None
) -> Attached:
    """Store each upload through the services. Files already attached (same SHA-256 as received, e.g.
    when a browser resends the form) are skipped."""
    result = Attached()
    known = set(report.evidence.values_list("original_sha256", flat=True))
    for upload in uploads:
        name = file_label(upload)
        if _digest(upload) in known:
            result.stored.append(name)
            continue
        try:
            services.attach_evidence(report, upload, upload.name or "", actor=actor)
        except (services.EvidenceError, PermissionDenied) as exc:
            message = exc.message if isinstance(exc, services.EvidenceError) else str(exc)
            result.failed.append(_("%(name)s: %(message)s") % {"name": name, "message": message})
        else:
            result.stored.append(name)
    return result


# --- rate limits, deadlines, refusals ---------------------------------------------------------------


def over_rate(request: HttpRequest, group: str, rate_group: str) -> int | None:
    """Count a request against the API's rate `rate_group` ("public"/"submit") under its own web
    counter; the seconds to wait when over the limit, else None."""
    rate = throttle.rate_for(rate_group)
    if rate is None:
        return None
    decision = throttle.hit(f"web-{group}", throttle.client_ident(request), rate)
    return None if decision.allowed else decision.retry_after


def next_deadline(report: Report) -> dict[str, Any] | None:
    """The report's next deadline (the same the API states), or None."""
    return services.next_deadline(report)


def check_response(request: HttpRequest, form: Any, formset: Any, *, finding: bool) -> JsonResponse:
    """The live check's JSON: window, checklist, the panel's HTML; `full=1` adds every validation
    message (the "Periksa" button), plain field changes send without it."""
    try:
        files = max(0, min(int(request.POST.get("evidence_count", "0")), services.MAX_EVIDENCE_FILES))
    except ValueError:
        files = 0
    if request.POST.get("full") == "1":
        check = full_check(form, formset, evidence_files=files, finding=finding)
    else:
        form.is_valid()
        check = run_check(build_input(form, formset), evidence_files=files, finding=finding)
    html = render_to_string(PANEL_TEMPLATE, {"check": check, "finding": finding}, request=request)
    response = JsonResponse({**check.as_json(), "html": html})
    no_store(response)
    return response


def local_text(report: Report, moment: dt.datetime) -> str:
    """A moment as the report's region reads it: `23 April 2024, 16:00 WITA`."""
    local = report.region.local_time(moment)
    return f"{formats.date_format(local, 'j F Y, H:i')} {report.region.timezone}"


def forbidden(request: HttpRequest) -> HttpResponse:
    return render(request, "intake/forbidden.html", status=403)


def no_store(response: HttpResponse) -> HttpResponse:
    """Pages with a receipt, personal data or a half-filled report are not kept by browsers or proxies
    (the Back button on a shared device shows nothing of them)."""
    response["Cache-Control"] = "no-store, private"
    response["Pragma"] = "no-cache"
    return response
