"""The intake queue (NETRAL_INTAKE_QUEUE): stored at once, filed into cases by `intake.filing`."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client, override_settings

from netral.audit.models import AuditEntry
from netral.audit.services import verify
from netral.cases.models import Case, CaseReport
from netral.intake import filing, services
from netral.intake.crypto import ReporterIdentity
from netral.intake.models import Report, ReportedPerson
from tests.test_intake_services import make_employee, report_input, submit

pytestmark = pytest.mark.django_db

KEY = "0c7d2f6e-5a41-4b8e-9d3c-2e1f0a9b8c7d"


@pytest.fixture
def queued() -> Any:
    with override_settings(NETRAL_INTAKE_QUEUE=True):
        yield


def received_entries(report: Report) -> int:
    return AuditEntry.objects.filter(action="intake.report_received", object_id=str(report.pk)).count()


def test_without_the_queue_a_report_is_filed_in_its_own_transaction() -> None:
    report = submit().report
    assert report.filed_at is not None
    assert CaseReport.objects.filter(report=report).count() == 1
    assert received_entries(report) == 1
    assert filing.waiting_count() == 0


def test_a_queued_report_is_stored_and_answered_before_it_is_filed(queued: None) -> None:
    employee = make_employee()
    result = submit(idempotency_key=KEY, channel="api")
    report = Report.objects.get(pk=result.report.pk)
    assert result.created and result.receipt_secret and result.tracking_code == report.tracking_code
    assert report.filed_at is None and report.state == Report.State.RECEIVED
    assert not CaseReport.objects.filter(report=report).exists()
    assert received_entries(report) == 0
    assert ReportedPerson.objects.get(report=report).employee is None  # linked when filed
    assert filing.waiting_count() == 1
    assert services.find_report(result.tracking_code, result.receipt_secret or "") == report

    outcome = filing.file_pending()
    assert (outcome.filed, outcome.failed) == (1, [])
    report.refresh_from_db()
    assert report.filed_at is not None
    case = Case.objects.get(case_reports__report=report)
    assert (case.state, case.channel, case.daluwarsa, case.region_id) == ("received", "api", False, "34.04")
    assert case.deadlines.filter(clock="pemilu.initial_review").count() == 1
    assert received_entries(report) == 1
    entry = AuditEntry.objects.get(action="intake.report_received", object_id=str(report.pk))
    assert entry.actor is None and entry.actor_label == "public (api)"
    assert entry.data["tracking_code"] == report.tracking_code and entry.data["reported_persons"] == 1
    assert "Siti" not in json.dumps(entry.data)
    assert ReportedPerson.objects.get(report=report).employee == employee
    assert filing.waiting_count() == 0 and verify().ok


def test_filing_again_opens_no_second_case(queued: None) -> None:
    reports = [submit().report for _ in range(3)]
    assert filing.file_pending(batch=2).filed == 3  # two batches
    assert filing.file_pending().filed == 0
    for report in reports:
        assert CaseReport.objects.filter(report=report).count() == 1
        assert received_entries(report) == 1
    assert verify().ok


def test_a_retry_of_a_queued_report_returns_it_and_stores_nothing_new(queued: None) -> None:
    first = submit(idempotency_key=KEY, channel="api")
    again = submit(idempotency_key=KEY, channel="api")
    assert not again.created and again.report.pk == first.report.pk
    assert again.receipt_secret == first.receipt_secret
    filing.file_pending()
    after = submit(idempotency_key=KEY, channel="api")
    assert after.report.pk == first.report.pk
    assert Report.objects.filter(idempotency_key=KEY).count() == 1
    assert CaseReport.objects.filter(report_id=first.report.pk).count() == 1


def test_a_finding_is_filed_with_its_supervisor_as_actor(queued: None, bawaslu_kab_sleman: Any) -> None:
    finding = report_input(reporter=ReporterIdentity(), anonymous=False)
    report = submit(finding, channel="finding", actor=bawaslu_kab_sleman).report
    filing.file_pending()
    entry = AuditEntry.objects.get(action="intake.report_received", object_id=str(report.pk))
    assert entry.actor == bawaslu_kab_sleman and entry.data["kind"] == "temuan"
    case = Case.objects.get(case_reports__report=report)
    assert case.transitions.get().actor == bawaslu_kab_sleman


def test_a_report_that_cannot_be_filed_does_not_hold_up_the_others(
    queued: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    good, bad, other = (submit().report for _ in range(3))
    real = filing.file_report

    def failing(report: Report, **kwargs: Any) -> None:
        if report.pk == bad.pk:
            raise RuntimeError("cannot open a case")
        real(report, **kwargs)

    monkeypatch.setattr(filing, "file_report", failing)
    outcome = filing.file_pending()
    assert (outcome.filed, outcome.failed) == (2, [bad.pk])
    assert set(Report.objects.filter(filed_at__isnull=True).values_list("pk", flat=True)) == {bad.pk}
    assert CaseReport.objects.filter(report__in=[good, other]).count() == 2
    assert received_entries(bad) == 0  # its entry was rolled back with its case
    monkeypatch.setattr(filing, "file_report", real)
    assert filing.file_pending().filed == 1
    assert filing.waiting_count() == 0 and verify().ok


def test_the_api_answers_a_queued_report_and_its_status_before_filing(queued: None) -> None:
    body = {
        "anonymous": True,
        "reported": [{"name": "Bambang", "position": "Camat"}],
        "description": "Camat memasang spanduk pasangan calon.",
        "region_code": "34.04",
        "known_on": "2024-11-25",
        "election": "pilkada-2024",
    }
    client = Client()
    answer = client.post(
        "/api/v1/reports", json.dumps(body), content_type="application/json", headers={"Idempotency-Key": KEY}
    )
    assert answer.status_code == 201, answer.content
    receipt = answer.json()
    assert receipt["state"] == "received" and receipt["receipt_secret"]
    status = client.get(
        f"/api/v1/reports/{receipt['tracking_code']}", headers={"X-Receipt-Secret": receipt["receipt_secret"]}
    )
    assert status.status_code == 200 and status.json()["state"] == "received"
    assert filing.waiting_count() == 1
    filing.file_pending()
    assert CaseReport.objects.filter(report__tracking_code=receipt["tracking_code"]).count() == 1


def test_the_file_command_files_the_queue(queued: None) -> None:
    for _ in range(2):
        submit()
    out = io.StringIO()
    call_command("intake", "file", "--json", stdout=out)
    assert json.loads(out.getvalue()) == {"filed": 2, "failed": 0, "waiting": 0}
    out = io.StringIO()
    call_command("intake", "file", stdout=out)
    assert out.getvalue().strip() == "0 diproses menjadi kasus, 0 gagal diproses, 0 menunggu."


@pytest.mark.parametrize("args", [["--batch", "0"], ["--interval", "0"]])
def test_the_file_command_refuses_bad_options(args: list[str]) -> None:
    err = io.StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command("intake", "file", *args, stderr=err)
    assert exit_info.value.code == 1
    assert "--batch" in err.getvalue()


def test_the_schedule_files_the_queue_in_the_worker(queued: None) -> None:
    from django_q.models import Schedule

    out = io.StringIO()
    call_command("intake", "file", "--schedule", stdout=out)
    call_command("intake", "file", "--schedule", stdout=out)
    assert out.getvalue().split("\n")[:2] == ["Jadwal dibuat.", "Jadwal sudah ada."]
    schedule = Schedule.objects.get(name=filing.SCHEDULE_NAME)
    assert (schedule.func, schedule.schedule_type, schedule.minutes) == (filing.SCHEDULE_FUNC, "I", 1)
    submit()
    assert filing.scheduled_filing() == {"filed": 1, "failed": 0, "waiting": 0}
