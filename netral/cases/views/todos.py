"""The workspace's POSTs for assignees, tasks and replies to the reporter.

- `/perkara/<id>/penugasan/`: assign a person (`todos.assign`);
- `/perkara/<id>/penugasan/<assignment>/akhiri/`: end an assignment (`todos.unassign`);
- `/perkara/<id>/tugas/`: add a task (`todos.add_task`);
- `/perkara/<id>/tugas/<task>/selesai/`: complete a task (`todos.complete_task`);
- `/perkara/<id>/pesan/<report>/`: write to the reporter of one of the case's reports
  (`intake.services.add_message`, which checks intake's own rule again).

The case must be in `Case.objects.visible_to(user)` (else 404); the rows must belong to it (else 404). An
invalid form re-renders the workspace with its messages (400); a refusal with its message (403 for a role
that may not, 409 otherwise); success redirects to the workspace's section.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netral.cases import sections, todos, workspace
from netral.cases.models import Case, CaseAssignment, CaseTask
from netral.cases.todo_forms import AssignForm, ReplyForm, TaskForm
from netral.cases.views.common import acting_user, case_for_request, case_staff
from netral.cases.views.page import render_workspace
from netral.intake import services as intake
from netral.intake.models import Report


def _back(case: Case, anchor: str) -> HttpResponseBase:
    return redirect(reverse("cases:detail", args=[case.pk]) + f"#{anchor}")


def _refused(request: HttpRequest, case: Case, exc: todos.TaskRefused, **bound: object) -> HttpResponseBase:
    status = 403 if exc.code in {"role", "scope"} else 409
    return render_workspace(request, case, refusal=exc.message, sections_bound=dict(bound), status=status)


@require_POST
@case_staff
def case_assign(request: HttpRequest, pk: int) -> HttpResponseBase:
    case = case_for_request(request, pk=pk)
    if not todos.may_manage(case, request.user):
        return render_workspace(
            request, case, refusal=_("Your role may not assign people or tasks on this case."), status=403
        )
    form = AssignForm(request.POST, case=case)
    if not form.is_valid():
        return render_workspace(request, case, sections_bound={"assign": form}, status=400)
    try:
        todos.assign(case, form.cleaned_data["user"], actor=acting_user(request))
    except todos.TaskRefused as exc:
        return _refused(request, case, exc, assign=form)
    messages.success(request, _("The person was assigned to the case."))
    return _back(case, "tasks")


@require_POST
@case_staff
def case_unassign(request: HttpRequest, pk: int, assignment: int) -> HttpResponseBase:
    case = case_for_request(request, pk=pk)
    row = get_object_or_404(CaseAssignment.objects.select_related("case__region"), pk=assignment, case=case)
    try:
        todos.unassign(row, actor=acting_user(request))
    except todos.TaskRefused as exc:
        return _refused(request, case, exc)
    messages.success(request, _("The assignment was ended."))
    return _back(case, "tasks")


@require_POST
@case_staff
def case_add_task(request: HttpRequest, pk: int) -> HttpResponseBase:
    case = case_for_request(request, pk=pk)
    if not todos.may_manage(case, request.user):
        return render_workspace(
            request, case, refusal=_("Your role may not assign people or tasks on this case."), status=403
        )
    form = TaskForm(request.POST, case=case, today=workspace.local_today(case))
    if not form.is_valid():
        return render_workspace(request, case, sections_bound={"task": form}, status=400)
    data = form.cleaned_data
    try:
        todos.add_task(
            case,
            actor=acting_user(request),
            title=data["title"],
            assignee=data["assignee"],
            due_date=data["due_date"],
        )
    except todos.TaskRefused as exc:
        return _refused(request, case, exc, task=form)
    messages.success(request, _("The task was added."))
    return _back(case, "tasks")


@require_POST
@case_staff
def case_complete_task(request: HttpRequest, pk: int, task: int) -> HttpResponseBase:
    case = case_for_request(request, pk=pk)
    row = get_object_or_404(CaseTask.objects.select_related("case__region"), pk=task, case=case)
    try:
        todos.complete_task(row, actor=acting_user(request))
    except todos.TaskRefused as exc:
        return _refused(request, case, exc)
    messages.success(request, _("The task is done."))
    return _back(case, "tasks")


@require_POST
@case_staff
def case_reply(request: HttpRequest, pk: int, report: int) -> HttpResponseBase:
    case = case_for_request(request, pk=pk)
    visible = Report.objects.visible_to(request.user).select_related("region")
    item = get_object_or_404(visible, pk=report, case_link__case=case)
    if not sections.may_reply(item, request.user):
        refusal = _("Only the Bawaslu officers of this report's region may write to its reporter.")
        return render_workspace(request, case, refusal=refusal, status=403)
    form = ReplyForm(request.POST, report_pk=item.pk)
    if not form.is_valid():
        return render_workspace(request, case, sections_bound={"reply": (item.pk, form)}, status=400)
    try:
        intake.add_message(item, form.cleaned_data["body"], direction="to_reporter", author=request.user)
    except PermissionDenied:
        refusal = _("Only the Bawaslu officers of this report's region may write to its reporter.")
        return render_workspace(request, case, refusal=refusal, status=403)
    except intake.ReportValidationError as exc:
        for problems in exc.errors.values():
            for problem in problems:
                form.add_error("body", problem)
        return render_workspace(request, case, sections_bound={"reply": (item.pk, form)}, status=400)
    messages.success(request, _("Your message to the reporter was sent."))
    return _back(case, f"pesan-{item.pk}")
