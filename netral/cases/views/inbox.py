"""The inboxes (`/perkara/`): what awaits the user, what is assigned to them, what is due soon, overdue."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from netral.cases import workspace
from netral.cases.models import Case
from netral.cases.views.common import acting_user, case_staff, no_store

PAGE_SIZE = 25
TABS = ("awaiting", "assigned", "due_soon", "overdue")


@case_staff
def inbox(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
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
