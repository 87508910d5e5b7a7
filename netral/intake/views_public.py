"""The public report form (no login): check step, live check endpoint, submission and receipt.

The form posts to itself with `action`:
- `check` ("Periksa"): re-render with the reporting window, the requirement checklist and every
  validation message; nothing is stored;
- `add_person`: re-render with one more reported-person block (the no-JS "add another");
- `submit` (default): validate, check the uploads, file the report through the services and show
  the receipt. The receipt is the POST's own response (never a URL with the code or secret in it,
  `Cache-Control: no-store`); a browser that resends the same form gets the same report back
  (the form carries an idempotency key), not a second one.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from netral.intake import services
from netral.intake import views_common as common
from netral.intake.checks import local_today
from netral.intake.forms import ReportForm, reported_formset
from netral.intake.forms_errors import apply_errors

TEMPLATE = "intake/report_form.html"
RECEIPT_TEMPLATE = "intake/receipt.html"
IDENTITY_FIELDS = ("reporter_name", "reporter_nik", "reporter_address", "reporter_phone", "reporter_email")


def _render(
    request: HttpRequest, form: ReportForm, formset: Any, status: int = 200, **extra: Any
) -> HttpResponse:
    context = {
        "form": form,
        "formset": formset,
        "check_url": "intake:report_check",
        "finding": False,
        "form_problems": common.problems(form, formset) if extra.get("failed") else [],
        **extra,
    }
    return common.no_store(render(request, TEMPLATE, context, status=status))


@sensitive_post_parameters(*IDENTITY_FIELDS)
def report(request: HttpRequest) -> HttpResponse:
    today = common.latest_date()
    if request.method != "POST":
        return _render(request, ReportForm(today=today), reported_formset())

    action = request.POST.get("action", "submit")
    form = ReportForm(request.POST, today=today)
    formset = reported_formset(request.POST, add_one=action == "add_person")
    uploads = request.FILES.getlist("evidence")
    dropped = bool(uploads)  # a file input cannot be filled in again: the person must choose again

    if action == "add_person":
        form.is_valid()
        return _render(request, form, formset, files_dropped=dropped)
    if action == "check":
        check = common.full_check(form, formset, evidence_files=len(uploads))
        return _render(request, form, formset, check=check, files_dropped=dropped)

    retry_after = common.over_rate(request, "submit", "submit")
    if retry_after is not None:
        form.is_valid()
        form.add_error(None, _("Too many reports from this connection. Wait a minute and send again."))
        response = _render(request, form, formset, status=429, failed=True, files_dropped=dropped)
        response["Retry-After"] = str(retry_after)
        return response
    return _submit(request, form, formset, uploads)


def _failed(request: HttpRequest, form: ReportForm, formset: Any, uploads: list[Any]) -> HttpResponse:
    check = common.run_check(common.build_input(form, formset), evidence_files=len(uploads))
    return _render(request, form, formset, check=check, failed=True, files_dropped=bool(uploads))


def _submit(request: HttpRequest, form: ReportForm, formset: Any, uploads: list[Any]) -> HttpResponse:
    form.is_valid()
    formset.is_valid()
    built = common.build_input(form, formset)
    file_messages = common.upload_errors(uploads)
    parsed = not form.errors and not any(f.errors for f in formset.forms) and not formset.non_form_errors()
    if not parsed or file_messages:
        apply_errors(form, formset, built.indexes, common.validation_errors(built, finding=False))
        for message in file_messages:
            form.add_error("evidence", message)
        return _failed(request, form, formset, uploads)
    try:
        submitted = services.submit_report(
            built.data,
            channel=common.WEB_CHANNEL,
            idempotency_key=form.cleaned_data.get("idempotency_key") or None,
            received_at=common.now(),
        )
    except services.ReportValidationError as exc:
        apply_errors(form, formset, built.indexes, exc.errors)
        return _failed(request, form, formset, uploads)
    except services.IdempotencyConflict:
        # The same filled-in form was already sent with other content: make this a new submission.
        form.renew_key()
        form.add_error(None, common.RESENT_WITH_OTHER_CONTENT)
        return _failed(request, form, formset, uploads)

    attached = common.attach_files(submitted.report, uploads)
    report = submitted.report
    today = local_today(report.region_id, common.now())
    missing = services.requirement_checklist(built.data, evidence_files=len(attached.stored), today=today)
    context = {
        "submitted": submitted,
        "report": report,
        "window": submitted.filing_window,
        "received": common.local_text(report, report.created_at),
        "attached": attached,
        "missing": [r for r in missing if r.code != "deadline"],
    }
    return common.no_store(render(request, RECEIPT_TEMPLATE, context))


@require_POST
@sensitive_post_parameters(*IDENTITY_FIELDS)
def report_check(request: HttpRequest) -> HttpResponse:
    """JSON for the live check: window, checklist and the panel's HTML. `full=1` adds every
    validation message (the "Periksa" button); field changes send without it."""
    retry_after = common.over_rate(request, "check", "public")
    if retry_after is not None:
        response = JsonResponse({"detail": _("Too many requests. Try again later.")}, status=429)
        response["Retry-After"] = str(retry_after)
        return response
    form = ReportForm(request.POST, today=common.latest_date())
    formset = reported_formset(request.POST)
    return common.check_response(request, form, formset, finding=False)
