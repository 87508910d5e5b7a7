"""A case's workspace page (`/perkara/<id>/`): its state, timeline, deadlines, the steps the user may take
now (buttons, and the forms of the steps that carry data: `workflow.Step.form`), its classification and
the sections of `sections.py`. The POSTs are in `steps.py`, `todos.py` and `documents.py`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from netral.cases import extension, forms, workflow, workspace
from netral.cases.classification import may_classify
from netral.cases.models import Case
from netral.cases.sections import workspace_sections
from netral.cases.views.common import case_for_request, case_staff, no_store

if TYPE_CHECKING:
    from netral.accounts.types import RequestUser


def step_form(step: workflow.Step) -> type[forms.StepForm]:
    """The form class a step names (`workflow.Step.form`)."""
    form: type[forms.StepForm] = getattr(forms, step.form)
    return form


@dataclass(frozen=True)
class OfferedStep:
    action: str
    label: str
    form: forms.StepForm


def offered_steps(
    case: Case, user: RequestUser, bound: dict[str, forms.StepForm] | None = None
) -> list[OfferedStep]:
    """The step forms this user may fill in now (a bound form with errors replaces its empty one)."""
    bound = bound or {}
    offered = []
    for step in workspace.form_actions(case, user):
        if step.name == "extend_decision" and not extension.may_extend(case):
            continue
        form = bound.get(step.name) or step_form(step)(case=case, prefix=step.name)
        offered.append(OfferedStep(step.name, str(step.label), form))
    return offered


def classification_form(case: Case, user: RequestUser, bound: forms.ClassificationForm | None = None) -> Any:
    """The classification form for users who may classify this case, else None."""
    if bound is not None:
        return bound
    return forms.ClassificationForm(case=case, prefix="classify") if may_classify(case, user) else None


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
        (step.name, str(step.label), step.reason_required) for step in workspace.button_actions(case, user)
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
    return render_workspace(request, case_for_request(request, pk=pk))


def _extension_preview(case: Case) -> dict[str, str] | None:
    """The decision deadline's due moment now and once extended (region's time), for the extension form."""
    deadline = extension.decision_deadline(case)
    if deadline is None or deadline.state != "open":
        return None
    _due_date, due_at, _clock = extension.extended_due(case, deadline)
    zone, name = case.region.zoneinfo, str(case.region.timezone)
    return {
        "before": workspace.moment_text(deadline.due_at, zone, name),
        "after": workspace.moment_text(due_at, zone, name),
    }
