"""The workspace's step forms: which form each data-carrying step has, how its cleaned data reaches the
action function, and the POST views (`/perkara/<id>/langkah/<action>/`, `/perkara/<id>/klasifikasi/`).

A step form is offered only when `workspace.form_actions(case, user)` holds its action (the user's role may
take it in the case's state); the action function checks role, state and scope again. An invalid form
re-renders the workspace with its errors (400); a refusal with its message (409); nothing changes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netral.cases import extension, forms, known_on, routes, sanctions, workspace
from netral.cases.actions import ConcurrentChange, TransitionRefused
from netral.cases.classification import classify_case, may_classify
from netral.cases.models import Case, Recommendation
from netral.cases.views import case_staff, concurrent_message, render_workspace, visible_case


def _recommendation(case: Case) -> Recommendation:
    recommendation = Recommendation.objects.filter(case=case).last()
    if recommendation is None:
        raise TransitionRefused(_("This case has no recommendation."), "invalid")
    return recommendation


def _recommend(case: Case, data: dict[str, Any], user: Any, form: Any) -> None:
    sanctions.recommend(
        case,
        actor=user,
        item=data["item"],
        sanction_level=data["sanction_level"],
        agency=data["agency"],
        reported_person=data["reported_person"],
        superior_knew_and_did_nothing=data["superior_knew_and_did_nothing"],
        text=data["text"].strip(),
    )


def _decree(case: Case, data: dict[str, Any], user: Any, form: Any) -> None:
    decree = sanctions.DecreeInput(
        number=data["number"], date=data["date"], form=data["form"], start=data["start"], pppk=data["pppk"]
    )
    sanctions.record_sanction(_recommendation(case), actor=user, decree=decree)


def _left_service(case: Case, data: dict[str, Any], user: Any, form: Any) -> None:
    sanctions.record_left_service(_recommendation(case), actor=user, reason=form.reason())


def _outcome(case: Case, data: dict[str, Any], user: Any, form: Any) -> None:
    routes.record_outcome(
        case, actor=user, outcome=data["outcome"], reference=data["reference"], note=data["note"]
    )


def _forward(route: str) -> Callable[[Case, dict[str, Any], Any, Any], None]:
    def handle(case: Case, data: dict[str, Any], user: Any, form: Any) -> None:
        routes.forward(
            case, actor=user, route=route, receiving_body=data["receiving_body"], reason=data["reason"]
        )

    return handle


@dataclass(frozen=True)
class Step:
    form: type[forms.StepForm]
    handle: Callable[[Case, dict[str, Any], Any, Any], None]


def _send(case: Case, data: dict[str, Any], user: Any, form: Any) -> None:
    sanctions.send_to_ppk(case, actor=user, reason=data["note"].strip())


def _block(case: Case, data: dict[str, Any], user: Any, form: Any) -> None:
    sanctions.block(case, actor=user, reason=data["reason"].strip())


def _extend(case: Case, data: dict[str, Any], user: Any, form: Any) -> None:
    extension.extend_decision(case, actor=user, reason=data["reason"])


def _known_on(case: Case, data: dict[str, Any], user: Any, form: Any) -> None:
    known_on.correct_known_on(
        case, actor=user, known_on=data["known_on"], reason=data["reason"], report=data.get("report", "")
    )


STEPS: dict[str, Step] = {
    "recommend": Step(forms.RecommendationForm, _recommend),
    "send_to_ppk": Step(forms.SendToPpkForm, _send),
    "record_sanction": Step(forms.DecreeForm, _decree),
    "record_left_service": Step(forms.LeftServiceForm, _left_service),
    "block": Step(forms.ReasonForm, _block),
    "forward_to_gakkumdu": Step(forms.GakkumduForm, _forward(routes.Route.GAKKUMDU)),
    "forward_to_other": Step(forms.OtherBodyForm, _forward(routes.Route.OTHER)),
    "record_gakkumdu_outcome": Step(forms.OutcomeForm, _outcome),
    "record_other_outcome": Step(forms.OutcomeForm, _outcome),
    "extend_decision": Step(forms.ExtensionForm, _extend),
    "correct_known_on": Step(forms.KnownOnForm, _known_on),
}


@dataclass(frozen=True)
class OfferedStep:
    action: str
    label: str
    form: forms.StepForm


def offered_steps(case: Case, user: Any, bound: dict[str, forms.StepForm] | None = None) -> list[OfferedStep]:
    """The step forms this user may fill in now (a bound form with errors replaces its empty one)."""
    bound = bound or {}
    offered = []
    for rule in workspace.form_actions(case, user):
        step = STEPS.get(rule.action)
        if step is None:  # pragma: no cover - every FORM_STEPS action has a form above
            continue
        if rule.action == "extend_decision" and not extension.may_extend(case):
            continue
        form = bound.get(rule.action) or step.form(case=case, prefix=rule.action)
        offered.append(OfferedStep(rule.action, workspace.action_label(rule.action), form))
    return offered


def classification_form(case: Case, user: Any, bound: forms.ClassificationForm | None = None) -> Any:
    """The classification form for users who may classify this case, else None."""
    if bound is not None:
        return bound
    return forms.ClassificationForm(case=case, prefix="classify") if may_classify(case, user) else None


def _stale(request: HttpRequest, case: Case) -> bool:
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        return False
    return version != case.version


@require_POST
@case_staff
def case_step(request: HttpRequest, pk: int, action: str) -> HttpResponseBase:
    case = visible_case(request, pk)
    step = STEPS.get(action)
    if step is None:
        raise Http404
    if _stale(request, case):
        return render_workspace(request, case, refusal=concurrent_message())
    form = step.form(request.POST, case=case, prefix=action)
    if not form.is_valid():
        return render_workspace(request, case, bound={action: form}, status=400)
    try:
        step.handle(case, form.cleaned_data, request.user, form)
    except TransitionRefused as exc:
        return render_workspace(request, visible_case(request, pk), refusal=exc.message, bound={action: form})
    fresh = Case.objects.get(pk=case.pk)
    messages.success(
        request,
        _("Done: %(action)s. The case is now “%(state)s”.")
        % {"action": workspace.action_label(action), "state": workspace.state_label(fresh.state)},
    )
    return redirect("cases:detail", case.pk)


@require_POST
@case_staff
def case_classify(request: HttpRequest, pk: int) -> HttpResponseBase:
    case = visible_case(request, pk)
    if not may_classify(case, request.user):
        return render_workspace(request, case, refusal=_("Your role may not classify cases."), status=403)
    if _stale(request, case):
        return render_workspace(request, case, refusal=concurrent_message())
    form = forms.ClassificationForm(request.POST, case=case, prefix="classify")
    if not form.is_valid():
        return render_workspace(request, case, classification=form, status=400)
    data = form.cleaned_data
    try:
        classify_case(
            case,
            actor=request.user,
            group=data["group"],
            item=data["item"],
            employment=data["employment"],
            position_class=data["position_class"],
            agency=data["agency"],
            reason=data["reason"],
        )
    except TransitionRefused as exc:  # includes ConcurrentChange
        status = 409 if isinstance(exc, ConcurrentChange) else 400
        return render_workspace(
            request, visible_case(request, pk), refusal=exc.message, classification=form, status=status
        )
    messages.success(request, _("The classification was saved."))
    return redirect("cases:detail", case.pk)
