"""The POSTs that take a step on a case: a button (`case_action`: steps without a form, a reason where
the step requires one), a step form (`case_step`, `/perkara/<id>/langkah/<step>/`) and the classification
(`case_classify`). The step's function checks role, state, scope and version again. An invalid form
re-renders the workspace with its errors (400); a refusal with its message (409); nothing changes.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netral.cases import forms, workflow, workspace
from netral.cases.actions import transition
from netral.cases.classification import classify_case, may_classify
from netral.cases.errors import ConcurrentChange, TransitionRefused
from netral.cases.models import Case
from netral.cases.views.common import acting_user, case_for_request, case_staff, concurrent_message
from netral.cases.views.page import render_workspace, step_form

REASON_MAX = 2000


@require_POST
@case_staff
def case_action(request: HttpRequest, pk: int) -> HttpResponse:
    case = case_for_request(request, pk=pk)
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
    step = workflow.step_for(action)
    if step is not None and step.carries_data:
        refusal = _(
            "This step needs its own form (recommendation, decree or block reason); it cannot be taken here."
        )
        return render_workspace(request, case, refusal=refusal, reason=reason)
    if step is not None and step.reason_required and not reason:
        refusal = _("Write the reason for “%(action)s”: it is part of the record of the case.") % {
            "action": workspace.action_label(action)
        }
        return render_workspace(request, case, refusal=refusal, reason=reason, status=400)
    try:
        transition(case, action, actor=acting_user(request), reason=reason)
    except TransitionRefused as exc:  # includes ConcurrentChange
        fresh = case_for_request(request, pk=pk)
        return render_workspace(request, fresh, refusal=exc.message, reason=reason)
    messages.success(
        request,
        _("Done: %(action)s. The case is now “%(state)s”.")
        % {"action": workspace.action_label(action), "state": workspace.state_label(case.state)},
    )
    return redirect("cases:detail", case.pk)


def _stale(request: HttpRequest, case: Case) -> bool:
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        return False
    return version != case.version


@require_POST
@case_staff
def case_step(request: HttpRequest, pk: int, action: str) -> HttpResponseBase:
    case = case_for_request(request, pk=pk)
    step = workflow.step_for(action)
    if step is None or not step.form:
        raise Http404
    if _stale(request, case):
        return render_workspace(request, case, refusal=concurrent_message())
    form = step_form(step)(request.POST, case=case, prefix=action)
    if not form.is_valid():
        return render_workspace(request, case, bound={action: form}, status=400)
    try:
        form.submit(acting_user(request))
    except TransitionRefused as exc:
        return render_workspace(
            request, case_for_request(request, pk=pk), refusal=exc.message, bound={action: form}
        )
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
    case = case_for_request(request, pk=pk)
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
            actor=acting_user(request),
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
            request, case_for_request(request, pk=pk), refusal=exc.message, classification=form, status=status
        )
    messages.success(request, _("The classification was saved."))
    return redirect("cases:detail", case.pk)
