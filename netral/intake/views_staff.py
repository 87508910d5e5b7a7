"""Staff pages: the list of reports a user may see, a report's detail (evidence downloads, reporter
identity on request, messages) and the supervisors' finding form.

Who gets in: Bawaslu staff and commissioners, administrators and data custodians (others: 403).
What they see: `Report.objects.visible_to(user)` only; anything outside it is a 404. A finding is
recorded only by Bawaslu staff and commissioners, for a region in their own area.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netral.accounts.scope import scope_for, within_region_q
from netral.audit.services import record
from netral.intake import evidence, services
from netral.intake import views_common as common
from netral.intake.forms import FindingForm, MessageForm, StaffFilterForm, region_choices
from netral.intake.forms import reported_formset as make_formset
from netral.intake.forms_errors import apply_errors
from netral.intake.identity import HANDLER_ROLES
from netral.intake.models import Evidence, Report

if TYPE_CHECKING:
    from netral.accounts.types import RequestUser

PAGE_SIZE = 25
View = Callable[..., HttpResponseBase]


def _is_staff(user: RequestUser) -> bool:
    """Report handlers (Bawaslu staff and commissioners) and whoever sees everything (superusers,
    administrators, data custodians)."""
    return _is_handler(user) or scope_for(user).sees_everything


def _is_handler(user: RequestUser) -> bool:
    return bool(user.is_active and getattr(user, "role", "") in HANDLER_ROLES)


def _only(check: Callable[[RequestUser], bool]) -> Callable[[View], View]:
    """Login required; then users failing `check` get the 403 page."""

    def decorator(view: View) -> View:
        @login_required
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not check(request.user):
                return common.forbidden(request)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def _scope_regions(user: RequestUser) -> list[tuple[str, Any]]:
    return region_choices(scope_for(user))


# --- list -------------------------------------------------------------------------------------------


@_only(_is_staff)
def report_list(request: HttpRequest) -> HttpResponse:
    reports = (
        Report.objects.visible_to(request.user)
        .select_related("region", "election")
        .prefetch_related("reported_persons")
        .annotate(evidence_count=Count("evidence"))
        .order_by("-created_at", "-pk")
    )
    filters = StaffFilterForm(request.GET or None, regions=_scope_regions(request.user))
    filtered = False
    if filters.is_bound and filters.is_valid():
        region = filters.cleaned_data["region"]
        if region:
            reports = reports.filter(within_region_q(region, "region"))
        if filters.cleaned_data["daluwarsa"]:
            reports = reports.filter(daluwarsa=filters.cleaned_data["daluwarsa"] == "yes")
        if filters.cleaned_data["channel"]:
            reports = reports.filter(channel=filters.cleaned_data["channel"])
        filtered = any(filters.cleaned_data.values())
    page = Paginator(reports, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [(report, common.local_text(report, report.created_at)) for report in page.object_list]
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "page": page,
        "rows": rows,
        "filters": filters,
        "filtered": filtered,
        "query": query.urlencode(),
        "can_record_finding": _is_handler(request.user),
    }
    return common.no_store(render(request, "intake/staff/report_list.html", context))


# --- detail -----------------------------------------------------------------------------------------


def _visible(request: HttpRequest, pk: int) -> Report:
    queryset = Report.objects.visible_to(request.user).select_related("region", "election", "submitted_by")
    return get_object_or_404(queryset, pk=pk)


def _detail(
    request: HttpRequest,
    report: Report,
    *,
    identity: services.ReporterIdentity | None = None,
    identity_error: bool = False,
    reply_form: MessageForm | None = None,
) -> HttpResponse:
    thread = report.messages.select_related("author").order_by("created_at", "pk")
    deadline = common.next_deadline(report)
    context = {
        "report": report,
        "received": common.local_text(report, report.created_at),
        "deadline": deadline,
        "deadline_text": common.local_text(report, deadline["due_at"]) if deadline else "",
        "persons": report.reported_persons.select_related("employee").all(),
        "evidence_items": report.evidence.order_by("created_at", "pk"),
        "thread": [(m, common.local_text(report, m.created_at)) for m in thread],
        "can_see_identity": services.can_see_reporter_identity(report, request.user),
        "identity": identity,
        "identity_error": identity_error,
        "can_reply": _is_handler(request.user),
        "reply_form": reply_form or MessageForm(),
    }
    return common.no_store(render(request, "intake/staff/report_detail.html", context))


@_only(_is_staff)
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, _visible(request, pk))


@require_POST
@_only(_is_staff)
def report_identity(request: HttpRequest, pk: int) -> HttpResponse:
    """Show the reporter's identity, on request (each disclosure is audited by the services)."""
    report = _visible(request, pk)
    if not services.can_see_reporter_identity(report, request.user):
        return common.forbidden(request)
    try:
        identity = services.reporter_identity(report, user=request.user)
    except services.IdentityDecryptionError:
        return _detail(request, report, identity_error=True)
    return _detail(request, report, identity=identity)


@require_POST
@_only(_is_staff)
def report_reply(request: HttpRequest, pk: int) -> HttpResponse:
    report = _visible(request, pk)
    form = MessageForm(request.POST)
    if not form.is_valid():
        return _detail(request, report, reply_form=form)
    try:
        services.add_message(report, form.cleaned_data["body"], direction="to_reporter", author=request.user)
    except PermissionDenied:
        return common.forbidden(request)
    except services.ReportValidationError as exc:
        for message_list in exc.errors.values():
            for message in message_list:
                form.add_error("body", message)
        return _detail(request, report, reply_form=form)
    messages.success(request, _("Your message to the reporter was sent."))
    return redirect(reverse("intake:staff_detail", args=[report.pk]) + "#pesan")


@_only(_is_staff)
def evidence_download(request: HttpRequest, pk: int, evidence_pk: int) -> HttpResponseBase:
    """An evidence file as a download, for users who can see its report (404 for anyone else)."""
    item = get_object_or_404(
        Evidence.objects.visible_to(request.user).select_related("report"), pk=evidence_pk, report_id=pk
    )
    try:
        handle = evidence.resolve(item.stored_path).open("rb")
    except (ValueError, OSError):
        raise Http404 from None
    record(
        "intake.evidence_downloaded",
        actor=request.user,
        obj=item.report,
        data={"evidence_id": item.pk, "sha256": item.sha256},
    )
    response = FileResponse(
        handle, as_attachment=True, filename=item.original_name, content_type=item.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


# --- findings ---------------------------------------------------------------------------------------


def _finding_page(request: HttpRequest, form: FindingForm, formset: Any, **extra: Any) -> HttpResponse:
    context = {
        "form": form,
        "formset": formset,
        "check_url": "intake:finding_check",
        "finding": True,
        "form_problems": common.problems(form, formset) if extra.get("failed") else [],
        **extra,
    }
    return common.no_store(render(request, "intake/staff/finding_form.html", context))


@_only(_is_handler)
def finding(request: HttpRequest) -> HttpResponse:
    """A supervisor's own finding (temuan), filed into the same pipeline with channel `finding`."""
    regions = _scope_regions(request.user)
    today = common.latest_date()
    if request.method != "POST":
        return _finding_page(request, FindingForm(regions=regions, today=today), make_formset())
    action = request.POST.get("action", "submit")
    form = FindingForm(request.POST, regions=regions, today=today)
    formset = make_formset(request.POST, add_one=action == "add_person")
    uploads = request.FILES.getlist("evidence")
    dropped = bool(uploads)
    if action == "add_person":
        form.is_valid()
        return _finding_page(request, form, formset, files_dropped=dropped)
    if action == "check":
        check = common.full_check(form, formset, evidence_files=len(uploads), finding=True)
        return _finding_page(request, form, formset, check=check, files_dropped=dropped)

    form.is_valid()
    formset.is_valid()
    built = common.build_input(form, formset)
    file_messages = common.upload_errors(uploads)
    parsed = not form.errors and not any(f.errors for f in formset.forms) and not formset.non_form_errors()
    errors = {} if parsed and not file_messages else common.validation_errors(built, finding=True)
    submitted = None
    if parsed and not file_messages:
        try:
            submitted = services.submit_report(
                built.data,
                channel=common.FINDING_CHANNEL,
                actor=request.user,
                idempotency_key=form.cleaned_data.get("idempotency_key") or None,
                received_at=common.now(),
            )
        except services.ReportValidationError as exc:
            errors = exc.errors
        except services.IdempotencyConflict:
            form.renew_key()
            form.add_error(None, common.RESENT_WITH_OTHER_CONTENT)
    if submitted is None:
        apply_errors(form, formset, built.indexes, errors)
        for message in file_messages:
            form.add_error("evidence", message)
        check = common.run_check(built, evidence_files=len(uploads), finding=True)
        return _finding_page(request, form, formset, check=check, failed=True, files_dropped=dropped)

    attached = common.attach_files(submitted.report, uploads, actor=request.user)
    for failure in attached.failed:
        messages.error(request, failure)
    messages.success(
        request,
        _("The finding was recorded with tracking code %(code)s.") % {"code": submitted.tracking_code},
    )
    return redirect("intake:staff_detail", submitted.report.pk)


@require_POST
@_only(_is_handler)
def finding_check(request: HttpRequest) -> HttpResponse:
    form = FindingForm(request.POST, regions=_scope_regions(request.user), today=common.latest_date())
    return common.check_response(request, form, make_formset(request.POST), finding=True)
