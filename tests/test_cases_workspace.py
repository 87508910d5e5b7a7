"""The workspace's assignee/task, evidence, message and party sections: access per role for every new path,
forms and their Indonesian messages, the "assigned to me" inbox, anonymity, and a bounded query count."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from netral.accounts.models import User
from netral.cases import todos
from netral.cases.models import Case, CaseAssignment, CaseTask
from netral.intake.linking import link_reported_person
from netral.intake.models import Message
from tests.test_cases_authority_support import forwarded_case, take
from tests.test_cases_workspace_support import (
    SITI_TRACES,
    add_employee,
    case_of,
    case_with_reports,
    client_for,
    file_report,
    page,
    url,
    with_material,
)

pytestmark = pytest.mark.django_db

# Who sees a Sleman case in `received`, who manages its tasks and may write to its reporter.
SEES = {"bawaslu_ri", "bawaslu_prov_diy", "bawaslu_kab_sleman", "commissioner_kab_sleman", "admin_user",
        "data_custodian"}  # fmt: skip
# A ceiling for the whole workspace page (45 when written; the other sections run queries of their own).
WORKSPACE_MAX_QUERIES = 60
WORKS_ON = {"bawaslu_ri", "bawaslu_prov_diy", "bawaslu_kab_sleman", "commissioner_kab_sleman"}


@pytest.fixture(autouse=True)
def media_root(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def prepared(staff: User, commissioner: User) -> tuple[Case, dict[str, tuple[str, dict[str, Any]]]]:
    """A Sleman case with material, an assignment and a task; every new POST path with valid data."""
    report = with_material(file_report())
    case = case_of(report)
    assignment = todos.assign(case, commissioner, actor=staff)
    task = todos.add_task(case, actor=staff, title="Telaah bukti", assignee=commissioner)
    paths: dict[str, tuple[str, dict[str, Any]]] = {
        "assign": (url(case, "penugasan/"), {"assign-user": staff.pk}),
        "unassign": (url(case, f"penugasan/{assignment.pk}/akhiri/"), {}),
        "add_task": (
            url(case, "tugas/"),
            {"task-title": "Undang terlapor", "task-assignee": commissioner.pk},
        ),
        "complete": (url(case, f"tugas/{task.pk}/selesai/"), {}),
        "reply": (url(case, f"pesan/{report.pk}/"), {f"reply-{report.pk}-body": "Mohon kirim foto asli."}),
    }
    return case, paths


def test_every_role_on_every_new_path(users_by_role: dict[str, User]) -> None:
    staff, commissioner = users_by_role["bawaslu_kab_sleman"], users_by_role["commissioner_kab_sleman"]
    for name, user in users_by_role.items():
        _case, paths = prepared(staff, commissioner)
        client = client_for(user)
        for path, (address, data) in paths.items():
            response = client.post(address, data)
            expected = 302 if name in WORKS_ON else 403 if name in SEES else 404
            assert response.status_code == expected, (name, path, response.status_code)
            assert client.get(address).status_code == 405
    assert Message.objects.filter(direction="to_reporter").count() == len(WORKS_ON)


def test_rows_of_another_case_are_not_found(bawaslu_kab_sleman: User, commissioner_kab_sleman: User) -> None:
    first, _paths = prepared(bawaslu_kab_sleman, commissioner_kab_sleman)
    other, paths = prepared(bawaslu_kab_sleman, commissioner_kab_sleman)
    client = client_for(bawaslu_kab_sleman)
    for path in ("unassign", "complete", "reply"):
        address, data = paths[path]
        response = client.post(address.replace(f"/perkara/{other.pk}/", f"/perkara/{first.pk}/"), data)
        assert response.status_code == 404, path
    assert CaseAssignment.objects.filter(active=True).count() == 2
    assert not CaseTask.objects.filter(done_at__isnull=False).exists()


def test_other_region_gets_404_and_no_section(bawaslu_kab_sleman: User, bawaslu_kota_manado: User) -> None:
    case = case_of(with_material(file_report()))
    assert client_for(bawaslu_kota_manado).get(url(case)).status_code == 404
    inbox = client_for(bawaslu_kota_manado).get("/perkara/?tab=assigned").content.decode()
    assert case.number not in inbox


# --- tasks and assignees on the page ----------------------------------------------------------------------


def test_forms_are_offered_only_to_who_manages(users_by_role: dict[str, User]) -> None:
    staff, commissioner = users_by_role["bawaslu_kab_sleman"], users_by_role["commissioner_kab_sleman"]
    case, _paths = prepared(staff, commissioner)
    for name in SEES:
        html = page(users_by_role[name], case)
        assert 'id="tasks"' in html and "Telaah bukti" in html, name
        assert ('id="assign-form"' in html) == (name in WORKS_ON), name
        assert ('id="task-form"' in html) == (name in WORKS_ON), name
    html = page(staff, case)
    form = html[html.index('id="assign-form"') :]
    form = form[: form.index("</form>")]
    # Only eligible people are offered: Sleman's staff and commissioner, not the province.
    offered = set(re.findall(r'<option value="(\d+)"', form))
    assert offered == {str(commissioner.pk), str(staff.pk)}


def test_invalid_task_and_assignment_forms_speak_indonesian(
    bawaslu_kab_sleman: User, bawaslu_prov_diy: User, commissioner_kab_sleman: User
) -> None:
    case = case_of(file_report())
    client = client_for(bawaslu_kab_sleman, "id")
    data = {"task-title": "  ", "task-assignee": commissioner_kab_sleman.pk, "task-due_date": "2020-01-01"}
    response = client.post(url(case, "tugas/"), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Tulis tugasnya." in html and "Tanggal tenggat tidak boleh di masa lalu." in html
    response = client.post(url(case, "penugasan/"), {"assign-user": bawaslu_prov_diy.pk})
    assert response.status_code == 400
    assert "Orang ini tidak dapat ditugaskan pada perkara ini di tahap saat ini." in response.content.decode()
    assert not CaseTask.objects.exists() and not CaseAssignment.objects.exists()


def test_a_second_assignment_of_the_same_person_is_refused_with_409(
    bawaslu_kab_sleman: User, commissioner_kab_sleman: User
) -> None:
    case = case_of(file_report())
    client = client_for(bawaslu_kab_sleman)
    assert (
        client.post(url(case, "penugasan/"), {"assign-user": commissioner_kab_sleman.pk}).status_code == 302
    )
    response = client.post(url(case, "penugasan/"), {"assign-user": commissioner_kab_sleman.pk})
    assert response.status_code == 409
    assert "already assigned" in response.content.decode()


def test_assigned_to_me_inbox_lists_cases_and_open_tasks(
    bawaslu_kab_sleman: User, commissioner_kab_sleman: User, bawaslu_prov_diy: User
) -> None:
    case = case_of(file_report())
    other = case_of(file_report())
    task = todos.add_task(
        case, actor=bawaslu_kab_sleman, title="Siapkan kajian", assignee=commissioner_kab_sleman
    )
    todos.assign(other, commissioner_kab_sleman, actor=bawaslu_kab_sleman)
    inbox = client_for(commissioner_kab_sleman).get("/perkara/?tab=assigned").content.decode()
    assert 'id="inbox-assigned"' in inbox and "Assigned to me (2)" in inbox
    assert case.number in inbox and other.number in inbox and "Siapkan kajian" in inbox
    for user in (bawaslu_kab_sleman, bawaslu_prov_diy):  # they see both cases but are not assigned
        html = client_for(user).get("/perkara/?tab=assigned").content.decode()
        assert "Assigned to me (0)" in html and "Nothing assigned to you" in html
    todos.complete_task(task, actor=commissioner_kab_sleman)
    inbox = client_for(commissioner_kab_sleman).get("/perkara/?tab=assigned").content.decode()
    assert "Assigned to me (1)" in inbox and case.number not in inbox and "Siapkan kajian" not in inbox


# --- evidence, messages, parties ----------------------------------------------------------------------------


def test_evidence_only_for_who_may_see_the_reports(
    users_by_role: dict[str, User], bawaslu_kab_sleman: User, commissioner_kab_sleman: User
) -> None:
    report = with_material(file_report(), files=2)
    case = case_of(report)
    items = list(report.evidence.order_by("pk"))
    for name in SEES:
        html = page(users_by_role[name], case)
        assert 'id="evidence"' in html, name
        for item in items:
            assert f"/laporan/{report.pk}/bukti/{item.pk}/" in html and item.original_name in html
            assert item.sha256[:16] in html
        assert "https://example.org/posting/1" in html
    download = client_for(bawaslu_kab_sleman).get(f"/laporan/{report.pk}/bukti/{items[0].pk}/")
    assert download.status_code == 200

    forwarded = forwarded_case(bawaslu_kab_sleman, commissioner_kab_sleman)
    forwarded_report = forwarded.case_reports.get().report
    with_material(forwarded_report)
    html = page(users_by_role["bkn_analyst"], forwarded)
    assert 'id="evidence"' not in html and 'id="messages"' not in html
    assert "/bukti/" not in html and "example.org/posting" not in html
    assert "Budi Santoso" in html  # the parties stay visible to the authority


def test_reply_keeps_an_anonymous_reporter_anonymous(bawaslu_kab_sleman: User) -> None:
    report = with_material(file_report(anonymous=True))
    case = case_of(report)
    client = client_for(bawaslu_kab_sleman)
    response = client.post(url(case, f"pesan/{report.pk}/"), {f"reply-{report.pk}-body": "Terima kasih."})
    assert response.status_code == 302 and response["Location"].endswith(f"#pesan-{report.pk}")
    sent = Message.objects.get(direction="to_reporter")
    assert sent.author == bawaslu_kab_sleman and sent.report == report
    html = page(bawaslu_kab_sleman, case)
    assert "Anonymous reporter" in html and "Terima kasih." in html and "Rina" in html


def test_reporter_identity_never_on_the_workspace(users_by_role: dict[str, User]) -> None:
    report = with_material(file_report(anonymous=False))
    case = case_of(report)
    for name in SEES:
        html = page(users_by_role[name], case)
        for trace in SITI_TRACES:
            assert trace not in html, (name, trace)
        assert ('class="step-form reply-form"' in html) == (name in WORKS_ON), name


def test_an_empty_reply_is_refused_in_indonesian(bawaslu_kab_sleman: User) -> None:
    report = file_report()
    response = client_for(bawaslu_kab_sleman, "id").post(url(case_of(report), f"pesan/{report.pk}/"), {})
    assert response.status_code == 400
    assert "Tulis pesan." in response.content.decode()
    assert not Message.objects.exists()


def test_parties_show_the_register_record_or_the_way_to_confirm_one(
    bawaslu_kab_sleman: User, admin_user: User
) -> None:
    report = file_report()
    case = case_of(report)
    html = page(bawaslu_kab_sleman, case)
    assert "Not linked to the register." in html and 'href="#triage"' in html
    assert 'href="#triage"' not in page(admin_user, case)  # administrators do not classify
    employee = add_employee()
    link_reported_person(report.reported_persons.get(), employee, actor=bawaslu_kab_sleman)
    html = page(bawaslu_kab_sleman, case)
    assert f'data-employee="{employee.pk}"' in html and employee.nip in html
    assert employee.agency.name in html and "Camat Depok" in html
    assert "Not linked to the register." not in html


def test_workspace_queries_do_not_grow_with_reports_evidence_and_messages(
    bawaslu_kab_sleman: User, django_assert_max_num_queries: Any
) -> None:
    small = case_with_reports(bawaslu_kab_sleman, 1, files=1, messages=1)
    large = case_with_reports(bawaslu_kab_sleman, 3, files=3, messages=3)
    todos.add_task(small, actor=bawaslu_kab_sleman, title="Satu", assignee=bawaslu_kab_sleman)
    for number in range(3):
        todos.add_task(large, actor=bawaslu_kab_sleman, title=f"Tugas {number}", assignee=bawaslu_kab_sleman)
    client = client_for(bawaslu_kab_sleman)
    counts = []
    for case in (small, large):
        client.get(url(case))  # warm the session and caches
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url(case)).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
    with django_assert_max_num_queries(WORKSPACE_MAX_QUERIES):
        client.get(url(large))


def test_assigned_tab_queries_do_not_grow_with_cases_and_tasks(
    bawaslu_kab_sleman: User, commissioner_kab_sleman: User
) -> None:
    client = client_for(commissioner_kab_sleman)
    client.get("/perkara/?tab=assigned")  # warm the session
    counts = []
    for number in (1, 4):
        for _ in range(number):
            case = case_of(file_report())
            todos.assign(case, commissioner_kab_sleman, actor=bawaslu_kab_sleman)
            for title in ("Satu", "Dua"):
                todos.add_task(case, actor=bawaslu_kab_sleman, title=title, assignee=commissioner_kab_sleman)
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/perkara/?tab=assigned")
        assert response.status_code == 200
        assert response.content.decode().count("<li><a href=") >= 2 * number
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_at_the_ppk_stage_the_ppk_of_the_agency_takes_over(
    users_by_role: dict[str, User], bawaslu_kab_sleman: User, commissioner_kab_sleman: User, bkn_analyst: User
) -> None:
    case = forwarded_case(bawaslu_kab_sleman, commissioner_kab_sleman)
    for action in ("acknowledge_receipt", "verify", "recommend", "send_to_ppk"):
        take(action, Case.objects.get(pk=case.pk), bkn_analyst)
    ppk = users_by_role["ppk_kab_sleman"]
    data = {"task-title": "Terbitkan keputusan hukuman", "task-assignee": ppk.pk}
    expected = {"ppk_kab_sleman": 302, "bkn_analyst": 302, "ppk_kota_manado": 404, "bawaslu_kota_manado": 404,
                "bawaslu_kab_sleman": 403, "commissioner_kab_sleman": 403, "admin_user": 403}  # fmt: skip
    for name, status in expected.items():
        response = client_for(users_by_role[name]).post(url(case, "tugas/"), data)
        assert response.status_code == status, name
    assert CaseTask.objects.filter(case=case, assignee=ppk).count() == 2
    html = page(ppk, case)
    assert 'id="task-form"' in html and "Terbitkan keputusan hukuman" in html
    assert 'id="evidence"' not in html and 'id="messages"' not in html
