"""The workspace's triage steps (`/triage/perkara/<pk>/...`): all POST with CSRF, then back to the case;
and `options` (GET `/triage/pilihan/<kind>/?q=`), the agencies or regions matching what a supervisor types
into the narrowing form, as JSON for its lists.

Who gets in: logged-in staff of `cases.workspace.CASE_ROLES`; the case through
`Case.objects.visible_to(user)` only (any other case: 404); the steps only for roles that may classify
the case (`cases.classification.may_classify`; others: 403); merging only for Bawaslu staff (checked
by the case actions `merge_cases` takes). Views parse, check, call one function of
`triage.suggestions` / `triage.duplicates`, and redirect; a refusal is shown as a message and changes
nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from netral.cases import workspace
from netral.cases.actions import TransitionRefused
from netral.cases.classification import has_classify_role, may_classify
from netral.cases.models import Case
from netral.cases.views.common import acting_user, case_for_request
from netral.triage import duplicates, persons, suggestions
from netral.triage.models import Suggestion

REASON_MAX = 2000
OPTIONS_LIMIT = 15
View = Callable[..., HttpResponseBase]


def _step(view: View) -> View:
    """POST only, logged-in case staff, a visible case (else 404), a role that may classify (else 403)."""

    @require_POST
    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, pk: int, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not workspace.may_open_cases(request.user):
            return render(request, "cases/forbidden.html", status=403)
        case = case_for_request(request, pk=pk)
        if not may_classify(case, request.user):
            return render(request, "cases/forbidden.html", status=403)
        return view(request, case, *args, **kwargs)

    return wrapped


def _back(case: Case) -> HttpResponse:
    return redirect(reverse("cases:detail", args=[case.pk]) + "#triage")


def _stale(request: HttpRequest, case: Case) -> bool:
    try:
        return int(request.POST.get("version", "")) != case.version
    except ValueError:
        return False


def _refused(request: HttpRequest, case: Case, message: str) -> HttpResponse:
    messages.error(request, message)
    return _back(case)


@_step
def rerun(request: HttpRequest, case: Case) -> HttpResponse:
    try:
        rows = suggestions.rerun(case, actor=acting_user(request))
    except TransitionRefused as exc:
        return _refused(request, case, exc.message)
    messages.success(request, _("Triage was run again: %(count)d suggestions.") % {"count": len(rows)})
    return _back(case)


@_step
def decide(request: HttpRequest, case: Case) -> HttpResponse:
    if _stale(request, case):
        return _refused(
            request, case, _("The case was changed by someone else in the meantime; reload it and try again.")
        )
    post = request.POST
    try:
        suggestions.decide_classification(
            case,
            actor=acting_user(request),
            group=post.get("group", "").strip(),
            item=post.get("item", "").strip(),
            employment=post.get("employment", "unknown").strip(),
            reason=post.get("reason", "")[:REASON_MAX],
        )
    except TransitionRefused as exc:  # includes ConcurrentChange
        return _refused(request, case, exc.message)
    messages.success(request, _("The classification was saved from the triage suggestion."))
    return _back(case)


@_step
def reject(request: HttpRequest, case: Case) -> HttpResponse:
    ids = [int(value) for value in request.POST.getlist("suggestion") if value.isdigit()]
    try:
        count = suggestions.reject(case, ids, actor=acting_user(request))
    except TransitionRefused as exc:
        return _refused(request, case, exc.message)
    messages.success(request, _("%(count)d suggestions were rejected.") % {"count": count})
    return _back(case)


@_step
def confirm_person(request: HttpRequest, case: Case, suggestion_id: int) -> HttpResponse:
    suggestion = get_object_or_404(Suggestion.objects.filter(case=case), pk=suggestion_id)
    choice = request.POST.get("employee", "")
    if choice == "none":
        suggestions.reject(case, [suggestion.pk], actor=acting_user(request))
        messages.success(request, _("None of the register entries was confirmed."))
        return _back(case)
    if not choice.isdigit():
        return _refused(request, case, _("Choose one of the suggested register entries."))
    try:
        persons.confirm_person(suggestion, actor=acting_user(request), employee_id=int(choice))
    except TransitionRefused as exc:
        return _refused(request, case, exc.message)
    messages.success(request, _("The register entry of the reported person was confirmed."))
    return _back(case)


@_step
def narrow_person(request: HttpRequest, case: Case, suggestion_id: int) -> HttpResponse:
    suggestion = get_object_or_404(Suggestion.objects.filter(case=case), pk=suggestion_id)
    post = request.POST
    try:
        narrowed = persons.narrow_person(
            suggestion,
            actor=acting_user(request),
            agency_code=post.get("agency", "")[:250],
            region_code=post.get("region", "")[:250],
            position=post.get("position", ""),
            nip_fragment=post.get("nip", ""),
        )
    except TransitionRefused as exc:
        return _refused(request, case, exc.message)
    count = len(narrowed.value or [])
    messages.success(request, _("The register was searched again: %(count)d candidates.") % {"count": count})
    return _back(case)


@_step
def merge(request: HttpRequest, case: Case) -> HttpResponse:
    """Merge the duplicate named in the form (`source`) into this case."""
    source_pk = request.POST.get("source", "")
    source = case_for_request(request, pk=int(source_pk) if source_pk.isdigit() else 0)
    try:
        duplicates.merge_cases(
            case, source, actor=acting_user(request), reason=request.POST.get("reason", "")[:REASON_MAX]
        )
    except TransitionRefused as exc:
        return _refused(request, case, exc.message)
    messages.success(request, _("Case %(source)s was merged into this case.") % {"source": source.number})
    return _back(case)


@require_GET
@login_required
def options(request: HttpRequest, kind: str) -> HttpResponseBase:
    """Up to OPTIONS_LIMIT "code — name" entries whose code starts with, or whose name contains, `q`.

    For the roles that may classify cases, who see the narrowing form (others: 403); reference data only,
    nothing about cases. Fewer than two characters: an empty list (every entry would match).
    """
    from netral.personnel.models import Agency
    from netral.regions.models import Region

    if kind not in {"instansi", "wilayah"}:
        raise Http404
    if not has_classify_role(request.user):
        return JsonResponse({"options": []}, status=403)
    query = " ".join(request.GET.get("q", "").split())[:80]
    found: list[str] = []
    if len(query) >= 2:
        manager = Agency.objects if kind == "instansi" else Region.objects
        rows = manager.filter(Q(code__istartswith=query) | Q(name__icontains=query))
        found = [
            f"{code} — {name}"
            for code, name in rows.order_by("code").values_list("code", "name")[:OPTIONS_LIMIT]
        ]
    return JsonResponse({"options": found})
