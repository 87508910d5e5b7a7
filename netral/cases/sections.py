"""The workspace's sections about the people and material of a case: parties (reported civil servants and
their register records), evidence, messages with the reporter, assignees and tasks. Read-only.

Access: evidence and messages only of the reports `Report.objects.visible_to(user)` holds (Bawaslu of the
region and above, administrators, data custodians); the reply form only for users intake lets write to
the reporter (Bawaslu staff and commissioners entitled to the report, intake's `can_see_reporter_identity`).
No reporter identity is ever shown here: a reporter is "the reporter" (or "anonymous reporter").

Queries: a fixed number whatever the number of reports, evidence files and messages (one query each for the
visible reports, their evidence and their messages; tested).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db.models import F

from netral.cases import todos, workspace
from netral.cases.classification import may_classify
from netral.cases.models import Case
from netral.cases.todo_forms import AssignForm, ReplyForm, TaskForm
from netral.intake.identity import HANDLER_ROLES
from netral.intake.models import Evidence, Message, Report, ReportedPerson
from netral.intake.services import can_see_reporter_identity

if TYPE_CHECKING:
    from netral.accounts.types import RequestUser


@dataclass
class ReportSection:
    report: Report
    evidence: list[tuple[Evidence, str]] = field(
        default_factory=list
    )  # (file, received in the region's time)
    thread: list[tuple[Message, str]] = field(default_factory=list)  # (message, sent in the region's time)
    can_reply: bool = False
    reply_form: ReplyForm | None = None


@dataclass
class Party:
    person: ReportedPerson
    report: Report
    employee: Any  # personnel.Employee or None


def _times(case: Case) -> tuple[Any, str]:
    return case.region.zoneinfo, str(case.region.timezone)


def parties(persons: list[tuple[ReportedPerson, Report]]) -> list[Party]:
    """Each reported person with the register record it is linked to (prefetched by the caller)."""
    return [Party(person, report, person.employee) for person, report in persons]


def may_reply(report: Report, user: RequestUser) -> bool:
    """Intake's own rule: a Bawaslu handler entitled to the report; never on a supervisor's finding."""
    return (
        report.kind != Report.Kind.TEMUAN
        and getattr(user, "role", "") in HANDLER_ROLES
        and can_see_reporter_identity(report, user)
    )


def report_sections(
    case: Case, reports: list[Report], user: RequestUser, bound_reply: tuple[int, ReplyForm] | None = None
) -> list[ReportSection]:
    """Evidence and messages of the reports of the case that `user` may see (empty for everyone else)."""
    ids = [report.pk for report in reports]
    visible = (
        set(Report.objects.visible_to(user).filter(pk__in=ids).values_list("pk", flat=True)) if ids else set()
    )
    if not visible:
        return []
    zone, name = _times(case)
    files: dict[int, list[tuple[Evidence, str]]] = defaultdict(list)
    for item in Evidence.objects.filter(report_id__in=visible).order_by("created_at", "pk"):
        files[item.report_id].append((item, workspace.moment_text(item.created_at, zone, name)))
    threads: dict[int, list[tuple[Message, str]]] = defaultdict(list)
    for message in (
        Message.objects.filter(report_id__in=visible).select_related("author").order_by("created_at", "pk")
    ):
        threads[message.report_id].append((message, workspace.moment_text(message.created_at, zone, name)))
    sections = []
    for report in reports:
        if report.pk not in visible:
            continue
        section = ReportSection(report, files.get(report.pk, []), threads.get(report.pk, []))
        section.can_reply = may_reply(report, user)
        if section.can_reply:
            if bound_reply is not None and bound_reply[0] == report.pk:
                section.reply_form = bound_reply[1]
            else:
                section.reply_form = ReplyForm(report_pk=report.pk)
        sections.append(section)
    return sections


@dataclass
class TaskRow:
    task: Any
    due: str
    overdue: bool
    can_complete: bool


def task_context(case: Case, user: RequestUser, bound: dict[str, Any] | None = None) -> dict[str, Any]:
    """Active assignees, the tasks (open first) and, for users who may manage them, the forms."""
    bound = bound or {}
    manage = todos.may_manage(case, user)
    today = workspace.local_today(case)
    rows = [
        TaskRow(
            task=task,
            due=workspace.date_text(task.due_date) if task.due_date else "",
            overdue=task.done_at is None and task.due_date is not None and task.due_date < today,
            can_complete=task.done_at is None and (manage or task.assignee_id == user.pk),
        )
        for task in case.tasks.select_related("assignee", "done_by", "created_by").order_by(
            F("done_at").asc(nulls_first=True), F("due_date").asc(nulls_last=True), "created_at", "pk"
        )
    ]
    return {
        "manage": manage,
        "assignments": list(case.assignments.filter(active=True).select_related("user__institution")),
        "rows": rows,
        "assign_form": bound.get("assign") or (AssignForm(case=case) if manage else None),
        "task_form": bound.get("task") or (TaskForm(case=case, today=today) if manage else None),
    }


def workspace_sections(
    case: Case,
    user: RequestUser,
    reports: list[Report],
    persons: list[tuple[ReportedPerson, Report]],
    bound: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The context of the parties, evidence, messages and tasks sections."""
    bound = bound or {}
    sections = report_sections(case, reports, user, bound.get("reply"))
    return {
        "parties": parties(persons),
        "may_confirm_parties": may_classify(case, user),
        "report_sections": sections,
        "sees_reports": bool(sections),
        "task_section": task_context(case, user, bound),
    }
