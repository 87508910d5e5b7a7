"""Staff pages of the cases: the inboxes (`/perkara/`) and a case's workspace with its actions.

Who gets in: the staff roles of `workspace.CASE_ROLES` (others: 403). What they see:
`Case.objects.visible_to(user)` only; any other case is a 404. Button steps are POSTed to
`case_action` and applied by `actions.transition` (or their `sanctions` function), which checks role, state,
scope and version again; steps that carry data have their own forms (`views_forms.py`). A refusal shows its
message on the workspace and changes nothing. The parties, evidence, messages and tasks sections come from
`sections.py`; their POSTs are in `views_tasks.py`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial, wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netral.cases import sanctions, workspace
from netral.cases.actions import ConcurrentChange, TransitionRefused, transition
from netral.cases.models import Case
from netral.cases.transitions import DATA_ACTIONS

# Button steps with an action function of their own (lifting block records, clocks); others: `transition`.
BUTTON_FUNCTIONS: dict[str, Callable[..., Any]] = {
    "send_to_ppk": sanctions.send_to_ppk,
    "warn_ppk": sanctions.warn_ppk,
    "unblock": sanctions.unblock,
}
PAGE_SIZE = 25
REASON_MAX = 2000
TABS = ("awaiting", "assigned", "due_soon", "overdue")
View = Callable[..., HttpResponseBase]


def no_store(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store, private"
    return response


def case_staff(view: View) -> View:
    """Login required; users outside `workspace.CASE_ROLES` get the 403 page."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not workspace.may_open_cases(request.user):
            return render(request, "cases/forbidden.html", status=403)
        return view(request, *args, **kwargs)

    return wrapped


# --- inboxes ----------------------------------------------------------------------------------------


@case_staff
def inbox(request: HttpRequest) -> HttpResponse:
    user = request.user
    now = timezone.now()
    tab = request.GET.get("tab", "awaiting")
    if tab not in TABS:
        tab = "awaiting"
    counts = {
        "awaiting": workspace.awaiting_me(user).count(),
        "assigned": workspace.assigned_to_me(user).count(),
        "due_soon": workspace.due_soon(user, now).count(),
        "overdue": workspace.overdue(user, now).count(),
    }
    rows: list[Any]
    page: Page[Any]
    if tab == "awaiting":
        page = Paginator(workspace.awaiting_me(user), PAGE_SIZE).get_page(request.GET.get("page"))
        rows = [(case, workspace.state_label(case.state)) for case in page.object_list]
    elif tab == "assigned":
        page = Paginator(workspace.assigned_to_me(user), PAGE_SIZE).get_page(request.GET.get("page"))
        rows = [(case, workspace.state_label(case.state), _task_rows(case, now)) for case in page.object_list]
    else:
        deadlines = workspace.due_soon(user, now) if tab == "due_soon" else workspace.overdue(user, now)
        page = Paginator(deadlines, PAGE_SIZE).get_page(request.GET.get("page"))
        rows = [
            (workspace.deadline_view(deadline, user, now), workspace.state_label(deadline.case.state))
            for deadline in page.object_list
        ]
    context = {"tab": tab, "counts": counts, "page": page, "rows": rows}
    return no_store(render(request, "cases/inbox.html", context))


def _task_rows(case: Case, now: Any) -> list[tuple[Any, str, bool]]:
    """The user's open tasks on a case (prefetched as `my_open_tasks`): (task, due text, overdue)."""
    today = workspace.local_today(case, now)
    return [
        (
            task,
            workspace.date_text(task.due_date) if task.due_date else "",
            bool(task.due_date and task.due_date < today),
        )
        for task in getattr(case, "my_open_tasks", [])
    ]


# --- workspace --------------------------------------------------------------------------------------


def visible_case(request: HttpRequest, pk: int) -> Case:
    queryset = Case.objects.visible_to(request.user).select_related("region", "election")
    return get_object_or_404(queryset, pk=pk)


def render_workspace(
    request: HttpRequest,
    case: Case,
    *,
    refusal: str = "",
    reason: str = "",
    bound: dict[str, Any] | None = None,
    classification: Any = None,
    status: int | None = None,
    sections_bound: dict[str, Any] | None = None,
) -> HttpResponse:
    from netral.cases.sections import workspace_sections
    from netral.cases.views_forms import classification_form, offered_steps

    user = request.user
    now = timezone.now()
    links = case.case_reports.select_related("report").prefetch_related(
        "report__reported_persons__employee__agency"
    )
    reports = [link.report for link in links.order_by("added_at", "pk")]
    persons = [(person, report) for report in reports for person in report.reported_persons.all()]
    timeline = [
        {
            "transition": item,
            "from": workspace.state_label(item.from_state),
            "to": workspace.state_label(item.to_state),
            "action": workspace.action_label(item.action),
            "role": workspace.role_label(item.actor_role) if item.actor_role else "",
            "at": workspace.moment_text(item.at, case.region.zoneinfo, str(case.region.timezone)),
        }
        for item in case.transitions.select_related("actor").order_by("at", "pk")
    ]
    deadlines = [
        workspace.deadline_view(deadline, user, now)
        for deadline in case.deadlines.select_related("case__region", "extension").order_by("due_at", "pk")
    ]
    actions = [
        (rule.action, workspace.action_label(rule.action), rule.action in workspace.REASON_REQUIRED)
        for rule in workspace.button_actions(case, user)
    ]
    steps = offered_steps(case, user, bound)
    context = {
        "case": case,
        "state": workspace.state_label(case.state),
        "received": workspace.moment_text(case.received_at, case.region.zoneinfo, str(case.region.timezone)),
        "timeline": timeline,
        "deadlines": deadlines,
        "reports": reports,
        "persons": persons,
        "actions": actions,
        "refusal": refusal,
        "reason": reason,
        "steps": steps,
        "extension_preview": _extension_preview(case)
        if "extend_decision" in {s.action for s in steps}
        else None,
        "classification": classification_form(case, user, classification),
        "stage": workspace.stage_view(case),
        **workspace_sections(case, user, reports, persons, sections_bound),
    }
    status = status or (409 if refusal else 200)
    return no_store(render(request, "cases/workspace.html", context, status=status))


@case_staff
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return render_workspace(request, visible_case(request, pk))


@require_POST
@case_staff
def case_action(request: HttpRequest, pk: int) -> HttpResponse:
    case = visible_case(request, pk)
    action = request.POST.get("action", "")
    reason = request.POST.get("reason", "").strip()[:REASON_MAX]
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        version = case.version
    if version != case.version:
        # The page was read before someone else acted: the action would be taken on a stale view.
        refusal = str(ConcurrentChange(concurrent_message(), "concurrent_change"))
        return render_workspace(request, case, refusal=refusal, reason=reason)
    if action in DATA_ACTIONS:
        refusal = _(
            "This step needs its own form (recommendation, decree or block reason); it cannot be taken here."
        )
        return render_workspace(request, case, refusal=refusal, reason=reason)
    if action in workspace.REASON_REQUIRED and not reason:
        refusal = _("Write the reason for “%(action)s”: it is part of the record of the case.") % {
            "action": workspace.action_label(action)
        }
        return render_workspace(request, case, refusal=refusal, reason=reason, status=400)
    try:
        BUTTON_FUNCTIONS.get(action, partial(transition, action=action))(
            case, actor=request.user, reason=reason
        )
    except TransitionRefused as exc:  # includes ConcurrentChange
        fresh = visible_case(request, pk)
        return render_workspace(request, fresh, refusal=exc.message, reason=reason)
    messages.success(
        request,
        _("Done: %(action)s. The case is now “%(state)s”.")
        % {"action": workspace.action_label(action), "state": workspace.state_label(case.state)},
    )
    return redirect("cases:detail", case.pk)


def concurrent_message() -> str:
    return _("The case was changed by someone else in the meantime; reload it and try again.")


def _extension_preview(case: Case) -> dict[str, str] | None:
    """The decision deadline's due moment now and once extended (region's time), for the extension form."""
    from netral.cases.extension import decision_deadline, extended_due

    deadline = decision_deadline(case)
    if deadline is None or deadline.state != "open":
        return None
    _due_date, due_at, _clock = extended_due(case, deadline)
    zone, name = case.region.zoneinfo, str(case.region.timezone)
    return {
        "before": workspace.moment_text(deadline.due_at, zone, name),
        "after": workspace.moment_text(due_at, zone, name),
    }
