"""Assignees and tasks (netral/cases/todos.py): who may be assigned at each stage, who may manage, the task
lifecycle with its audit rows, and the assignee's notification in their own language."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from netral.accounts.models import User
from netral.audit.models import AuditEntry
from netral.audit.services import verify
from netral.cases import todos
from netral.cases.models import Case, CaseAssignment, CaseTask
from netral.notifications.models import Notification
from tests.test_cases_authority_support import forwarded_case, take
from tests.test_cases_support import new_case

pytestmark = pytest.mark.django_db


def audit_actions(case: Case) -> list[str]:
    rows = AuditEntry.objects.filter(
        object_type="cases.case", object_id=str(case.pk), action__startswith="cases."
    )
    return [row.action for row in rows.order_by("seq") if row.action.split(".")[1] in AUDITED]


AUDITED = {"assigned", "unassigned", "task_added", "task_completed"}


def names(users: Any) -> set[str]:
    return {user.username for user in users}


def refused(code: str, function: Any, *args: Any, **kwargs: Any) -> todos.TaskRefused:
    with pytest.raises(todos.TaskRefused) as info:
        function(*args, **kwargs)
    assert info.value.code == code, info.value.message
    return info.value


# --- who may be assigned, who may manage -------------------------------------------------------------


def test_bawaslu_stage_assignees_are_the_bawaslu_of_the_cases_own_region(
    users_by_role: dict[str, User],
) -> None:
    case = new_case()
    assert todos.stage_of(case) == todos.BAWASLU
    assert names(todos.eligible_assignees(case)) == {"bawaslu_kab_sleman", "commissioner_kab_sleman"}
    managers = {name for name, user in users_by_role.items() if todos.may_manage(case, user)}
    # The province and Bawaslu RI supervise the regency: they manage but are not assignable.
    assert managers == {"bawaslu_kab_sleman", "commissioner_kab_sleman", "bawaslu_prov_diy", "bawaslu_ri"}


def test_authority_and_ppk_stages_change_who_is_assignable(
    bawaslu_kab_sleman: User, commissioner_kab_sleman: User, users_by_role: dict[str, User]
) -> None:
    case = forwarded_case(bawaslu_kab_sleman, commissioner_kab_sleman)
    assert todos.stage_of(case) == todos.AUTHORITY
    assert names(todos.eligible_assignees(case)) == {"bkn_analyst"}
    managers = {name for name, user in users_by_role.items() if todos.may_manage(case, user)}
    assert managers == {"bkn_analyst"}  # Bawaslu still sees the case but no longer works on it

    analyst = users_by_role["bkn_analyst"]
    for action in ("acknowledge_receipt", "verify", "recommend", "send_to_ppk"):
        case = Case.objects.get(pk=case.pk)
        take(action, case, analyst)
    case = Case.objects.get(pk=case.pk)
    assert todos.stage_of(case) == todos.PPK
    # The PPK of the recommendation's agency (Sleman), and the analysts (they block and unblock).
    assert names(todos.eligible_assignees(case)) == {"ppk_kab_sleman", "bkn_analyst"}
    managers = {name for name, user in users_by_role.items() if todos.may_manage(case, user)}
    assert managers == {"ppk_kab_sleman", "bkn_analyst"}


# --- assignments --------------------------------------------------------------------------------------


def test_assign_writes_the_row_the_audit_entry_and_tells_the_assignee_in_their_language(
    bawaslu_kab_sleman: User, commissioner_kab_sleman: User, django_capture_on_commit_callbacks: Any
) -> None:
    case = new_case()
    commissioner_kab_sleman.language = "en"
    commissioner_kab_sleman.save(update_fields=["language"])
    with django_capture_on_commit_callbacks(execute=True):
        assignment = todos.assign(case, commissioner_kab_sleman, actor=bawaslu_kab_sleman)
    assert assignment.active and assignment.assigned_by == bawaslu_kab_sleman
    assert audit_actions(case) == ["cases.assigned"]
    note = Notification.objects.get(recipient=commissioner_kab_sleman)
    assert note.kind == "assignment" and note.case_id == case.pk
    assert note.title == f"Case {case.number}: you were assigned"
    assert "Rina" in note.body and note.url == f"/perkara/{case.pk}/"
    # The fixture's default language is Indonesian.
    with django_capture_on_commit_callbacks(execute=True):
        todos.assign(case, bawaslu_kab_sleman, actor=commissioner_kab_sleman)
    note = Notification.objects.get(recipient=bawaslu_kab_sleman)
    assert note.title == f"Perkara {case.number}: Anda ditugaskan"
    assert verify().ok


def test_assignment_refusals(users_by_role: dict[str, User]) -> None:
    case = new_case()
    sleman, prov = users_by_role["bawaslu_kab_sleman"], users_by_role["bawaslu_prov_diy"]
    commissioner = users_by_role["commissioner_kab_sleman"]
    for outsider in ("bawaslu_kota_manado", "bkn_analyst", "ppk_kab_sleman", "kemendagri_officer"):
        refused("scope", todos.assign, case, sleman, actor=users_by_role[outsider])
    for reader in ("admin_user", "data_custodian"):
        refused("role", todos.assign, case, sleman, actor=users_by_role[reader])
    for wrong in ("bawaslu_prov_diy", "bawaslu_kota_manado", "bkn_analyst", "ppk_kab_sleman", "admin_user"):
        refused("assignee", todos.assign, case, users_by_role[wrong], actor=sleman)
    inactive = users_by_role["commissioner_kab_sleman"]
    inactive.is_active = False
    inactive.save(update_fields=["is_active"])
    refused("assignee", todos.assign, case, inactive, actor=prov)
    inactive.is_active = True
    inactive.save(update_fields=["is_active"])
    todos.assign(case, commissioner, actor=prov)
    refused("already_assigned", todos.assign, case, commissioner, actor=sleman)
    assert CaseAssignment.objects.filter(case=case).count() == 1
    assert audit_actions(case) == ["cases.assigned"]


def test_unassign_keeps_the_row_and_allows_a_new_assignment(
    bawaslu_kab_sleman: User, commissioner_kab_sleman: User, bawaslu_kota_manado: User
) -> None:
    case = new_case()
    assignment = todos.assign(case, commissioner_kab_sleman, actor=bawaslu_kab_sleman)
    refused("scope", todos.unassign, assignment, actor=bawaslu_kota_manado)
    todos.unassign(assignment, actor=bawaslu_kab_sleman)
    row = CaseAssignment.objects.get(pk=assignment.pk)
    assert not row.active and row.unassigned_by == bawaslu_kab_sleman and row.unassigned_at is not None
    refused("already_ended", todos.unassign, row, actor=bawaslu_kab_sleman)
    again = todos.assign(case, commissioner_kab_sleman, actor=bawaslu_kab_sleman)
    assert again.pk != assignment.pk
    assert list(CaseAssignment.objects.visible_to(bawaslu_kab_sleman).filter(active=True)) == [again]
    assert not CaseAssignment.objects.visible_to(bawaslu_kota_manado).exists()
    assert audit_actions(case) == ["cases.assigned", "cases.unassigned", "cases.assigned"]


# --- tasks ----------------------------------------------------------------------------------------------


def test_task_lifecycle_with_audit_rows_and_notification(
    bawaslu_kab_sleman: User, commissioner_kab_sleman: User, django_capture_on_commit_callbacks: Any
) -> None:
    case = new_case()
    tomorrow = timezone.now().astimezone(case.region.zoneinfo).date() + dt.timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        task = todos.add_task(
            case,
            actor=bawaslu_kab_sleman,
            title="  Siapkan undangan klarifikasi  ",
            assignee=commissioner_kab_sleman,
            due_date=tomorrow,
        )
    assert task.title == "Siapkan undangan klarifikasi" and task.done_at is None
    note = Notification.objects.get(recipient=commissioner_kab_sleman)
    assert note.kind == "task" and case.number in note.title
    assert "undangan" not in note.body  # the task's text stays in the case, out of notifications and e-mail
    assert tomorrow.strftime("%d-%m-%Y") in note.body

    done = todos.complete_task(task, actor=commissioner_kab_sleman)
    assert done.done_by == commissioner_kab_sleman
    row = CaseTask.objects.get(pk=task.pk)
    assert row.done_at is not None and row.done_by == commissioner_kab_sleman
    refused("already_done", todos.complete_task, row, actor=bawaslu_kab_sleman)
    assert audit_actions(case) == ["cases.task_added", "cases.task_completed"]
    entry = AuditEntry.objects.get(action="cases.task_added")
    assert "undangan" not in str(entry.data) and entry.data["assignee"] == commissioner_kab_sleman.pk
    assert verify().ok


def test_task_refusals(users_by_role: dict[str, User]) -> None:
    case = new_case()
    sleman, commissioner = users_by_role["bawaslu_kab_sleman"], users_by_role["commissioner_kab_sleman"]
    today = timezone.now().astimezone(case.region.zoneinfo).date()
    refused("title", todos.add_task, case, actor=sleman, title="   ", assignee=commissioner)
    refused("title", todos.add_task, case, actor=sleman, title="x" * 201, assignee=commissioner)
    refused(
        "due_date",
        todos.add_task,
        case,
        actor=sleman,
        title="T",
        assignee=commissioner,
        due_date=today - dt.timedelta(1),
    )
    refused(
        "assignee", todos.add_task, case, actor=sleman, title="T", assignee=users_by_role["bawaslu_prov_diy"]
    )
    refused(
        "scope", todos.add_task, case, actor=users_by_role["bawaslu_kota_manado"], title="T", assignee=sleman
    )
    refused("role", todos.add_task, case, actor=users_by_role["data_custodian"], title="T", assignee=sleman)
    task = todos.add_task(case, actor=sleman, title="Telaah bukti", assignee=commissioner, due_date=today)
    # Someone who sees the case but is neither the assignee nor a manager; someone who does not see it.
    refused("role", todos.complete_task, task, actor=users_by_role["admin_user"])
    refused("scope", todos.complete_task, task, actor=users_by_role["ppk_kab_sleman"])
    # A manager other than the assignee may complete it.
    todos.complete_task(task, actor=users_by_role["bawaslu_prov_diy"])
    assert CaseTask.objects.get(pk=task.pk).done_by == users_by_role["bawaslu_prov_diy"]
    assert audit_actions(case) == ["cases.task_added", "cases.task_completed"]
    assert not Notification.objects.exists()  # nothing was committed (the test's transaction is open)


def test_assignee_keeps_completing_own_task_after_the_stage_moves_on(
    bawaslu_kab_sleman: User, commissioner_kab_sleman: User, bkn_analyst: User
) -> None:
    case = forwarded_case(bawaslu_kab_sleman, commissioner_kab_sleman)
    task = todos.add_task(case, actor=bkn_analyst, title="Verifikasi paket", assignee=bkn_analyst)
    refused("role", todos.complete_task, task, actor=bawaslu_kab_sleman)
    todos.complete_task(task, actor=bkn_analyst)
    assert CaseTask.objects.visible_to(bkn_analyst).get().done_by == bkn_analyst


def test_the_case_admin_shows_assignments_and_tasks_read_only(
    bawaslu_kab_sleman: User, commissioner_kab_sleman: User
) -> None:
    from django.contrib.auth import get_user_model
    from django.test import Client

    case = new_case()
    todos.assign(case, commissioner_kab_sleman, actor=bawaslu_kab_sleman)
    todos.add_task(case, actor=bawaslu_kab_sleman, title="Periksa saksi", assignee=commissioner_kab_sleman)
    root = get_user_model().objects.create_superuser("root_admin", "root@example.org", "a-long-password-1")
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(root)
    response = client.get(f"/admin/cases/case/{case.pk}/change/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Periksa saksi" in html
    assert 'name="assignments-TOTAL_FORMS"' in html and 'name="tasks-TOTAL_FORMS"' in html
