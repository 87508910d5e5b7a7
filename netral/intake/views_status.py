"""The reporter's status page (`/lacak/`): tracking code + receipt secret, then state, deadlines,
messages and more evidence.

- The code and secret are POSTed (never in a URL). A wrong code and a wrong secret get the same
  answer. After `FAILURE_LIMIT` failures from one client address within `FAILURE_WINDOW` seconds,
  every attempt is refused (HTTP 429) until the window ends.
- On success the session keeps a signed "receipt" entry naming that one report, valid for
  `SESSION_MINUTES` minutes from when the secret was entered, so the reporter can read and send
  messages without typing the secret again; "Keluar" removes it. The secret itself is never stored.
"""

from __future__ import annotations

import logging
import math

from django.contrib import messages
from django.core import signing
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from netral.api import throttle
from netral.intake import services
from netral.intake import views_common as common
from netral.intake.forms import EvidenceUploadForm, LookupForm, MessageForm
from netral.intake.models import Report

logger = logging.getLogger("netral.intake")

SESSION_KEY = "intake_receipt"
DRAFT_KEY = "intake_message_draft"
SALT = "netral.intake.receipt-session"
SESSION_MINUTES = 30
FAILURE_LIMIT = 10
FAILURE_WINDOW = 600  # seconds
LOOKUP_TEMPLATE = "intake/status_lookup.html"
STATUS_TEMPLATE = "intake/status.html"


# --- failed attempts --------------------------------------------------------------------------------


def _failure_key(request: HttpRequest) -> tuple[str, int]:
    moment = common.now().timestamp()
    window = int(moment // FAILURE_WINDOW)
    retry_after = max(1, math.ceil((window + 1) * FAILURE_WINDOW - moment))
    return f"netral:intake:receipt-failures:{throttle.client_ident(request)}:{window}", retry_after


def _blocked(request: HttpRequest) -> int | None:
    """Seconds to wait when this client has used up its failed attempts, else None."""
    key, retry_after = _failure_key(request)
    try:
        count = cache.get(key, 0)
    except Exception:  # a broken cache must not lock reporters out
        logger.warning("receipt attempts: cache unavailable", exc_info=True)
        return None
    return retry_after if count >= FAILURE_LIMIT else None


def _count_failure(request: HttpRequest) -> None:
    key, _retry = _failure_key(request)
    try:
        cache.add(key, 0, timeout=FAILURE_WINDOW + 1)
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=FAILURE_WINDOW + 1)
    except Exception:
        logger.warning("receipt attempts: cache unavailable", exc_info=True)


# --- the receipt in the session ---------------------------------------------------------------------


def _remember(request: HttpRequest, report: Report) -> None:
    request.session.cycle_key()  # a new session id once the secret was shown (no fixation)
    payload = {"report": report.pk, "code": report.tracking_code, "at": int(common.now().timestamp())}
    request.session[SESSION_KEY] = signing.dumps(payload, salt=SALT)


def _forget(request: HttpRequest) -> None:
    request.session.pop(SESSION_KEY, None)
    request.session.pop(DRAFT_KEY, None)


def current_report(request: HttpRequest) -> tuple[Report | None, bool]:
    """The report whose receipt this session holds, and whether an entry just ran out."""
    token = request.session.get(SESSION_KEY)
    if not token:
        return None, False
    try:
        payload = signing.loads(token, salt=SALT)
        age = common.now().timestamp() - int(payload["at"])
        report_pk, code = int(payload["report"]), str(payload["code"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        _forget(request)
        return None, False
    if age > SESSION_MINUTES * 60 or age < -60:
        _forget(request)
        return None, True
    report = (
        Report.objects.select_related("region", "election").filter(pk=report_pk, tracking_code=code).first()
    )
    if report is None:
        _forget(request)
    return report, False


def _minutes_left(request: HttpRequest) -> int:
    payload = signing.loads(request.session[SESSION_KEY], salt=SALT)
    minutes = max(0, math.ceil((int(payload["at"]) + SESSION_MINUTES * 60 - common.now().timestamp()) / 60))
    return minutes


# --- pages ------------------------------------------------------------------------------------------


def _status_page(
    request: HttpRequest,
    report: Report,
    *,
    message_form: MessageForm | None = None,
    upload_form: EvidenceUploadForm | None = None,
    status: int = 200,
) -> HttpResponse:
    deadline = common.next_deadline(report)
    draft = request.session.pop(DRAFT_KEY, "")
    context = {
        "report": report,
        "received": common.local_text(report, report.created_at),
        "deadline": deadline,
        "deadline_text": common.local_text(report, deadline["due_at"]) if deadline else "",
        "thread": [
            (m, common.local_text(report, m.created_at)) for m in report.messages.order_by("created_at", "pk")
        ],
        "evidence": list(report.evidence.order_by("created_at", "pk")),
        "message_form": message_form or MessageForm(initial={"body": draft}),
        "upload_form": upload_form or EvidenceUploadForm(),
        "minutes_left": _minutes_left(request),
        "max_files": services.MAX_EVIDENCE_FILES,
    }
    return common.no_store(render(request, STATUS_TEMPLATE, context, status=status))


def _lookup_page(
    request: HttpRequest, form: LookupForm | None = None, *, expired: bool = False, status: int = 200
) -> HttpResponse:
    context = {"form": form or LookupForm(), "expired": expired}
    return common.no_store(render(request, LOOKUP_TEMPLATE, context, status=status))


@sensitive_post_parameters("receipt_secret", "draft")
def status(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        report, expired = current_report(request)
        if report is not None:
            return _status_page(request, report)
        return _lookup_page(request, expired=expired)

    form = LookupForm(request.POST)
    retry_after = _blocked(request)
    if retry_after is not None:
        form.is_valid()
        form.add_error(
            None,
            _("Too many wrong attempts from this connection. Try again in %(minutes)d minutes.")
            % {"minutes": math.ceil(retry_after / 60)},
        )
        response = _lookup_page(request, form, status=429)
        response["Retry-After"] = str(retry_after)
        return response
    if not form.is_valid():
        return _lookup_page(request, form)
    report = services.find_report(form.cleaned_data["tracking_code"], form.cleaned_data["receipt_secret"])
    if report is None:
        _count_failure(request)
        form.add_error(
            None,
            _(
                "No report matches this tracking code and receipt secret. Check both and try again "
                "(letters and digits; upper or lower case and dashes do not matter)."
            ),
        )
        return _lookup_page(request, form)
    _remember(request, report)
    if form.cleaned_data.get("draft"):
        request.session[DRAFT_KEY] = form.cleaned_data["draft"]
    return redirect("intake:status")


@require_POST
def status_message(request: HttpRequest) -> HttpResponse:
    form = MessageForm(request.POST)
    report, _expired = current_report(request)
    if report is None:
        draft = request.POST.get("body", "")[: services.MAX_MESSAGE_LENGTH]
        return _lookup_page(request, LookupForm(initial={"draft": draft}), expired=True)
    if not form.is_valid():
        return _status_page(request, report, message_form=form)
    try:
        services.add_message(report, form.cleaned_data["body"], direction="from_reporter")
    except services.ReportValidationError as exc:
        for message_list in exc.errors.values():
            for message in message_list:
                form.add_error("body", message)
        return _status_page(request, report, message_form=form)
    messages.success(request, _("Your message was sent."))
    return redirect("intake:status")


@require_POST
def status_evidence(request: HttpRequest) -> HttpResponse:
    report, _expired = current_report(request)
    if report is None:
        return _lookup_page(request, expired=True)
    form = EvidenceUploadForm(data={})
    form.is_valid()  # bound, so that messages can be added to it
    uploads = request.FILES.getlist("evidence")
    retry_after = common.over_rate(request, "evidence", "submit")
    if retry_after is not None:
        form.add_error(None, _("Too many uploads from this connection. Wait a minute and try again."))
        response = _status_page(request, report, upload_form=form, status=429)
        response["Retry-After"] = str(retry_after)
        return response
    if uploads:
        problems = common.upload_errors(uploads, already=report.evidence.count())
    else:
        problems = [_("Choose at least one file.")]
    if problems:
        for message in problems:
            form.add_error("evidence", message)
        return _status_page(request, report, upload_form=form)
    attached = common.attach_files(report, uploads)
    for failure in attached.failed:
        messages.error(request, failure)
    if attached.stored:
        messages.success(
            request,
            _("Evidence added: %(names)s.") % {"names": ", ".join(attached.stored)},
        )
    return redirect("intake:status")


@require_POST
def status_logout(request: HttpRequest) -> HttpResponse:
    _forget(request)
    request.session.cycle_key()
    messages.info(request, _("You have left the status page. Enter the code and secret again to return."))
    return redirect("intake:status")
