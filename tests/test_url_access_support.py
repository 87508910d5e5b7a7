"""The objects behind the parameters of the URLs that `test_url_access.py` requests: the users with a
logged-in client each, a named Sleman report with evidence and its case, an assignment with a task, a
notification, and a case forwarded to BKN with its package; built once per module through the real
actions and rolled back after it."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client
from PIL import Image

from netral.accounts.models import User
from netral.cases import actions, todos
from netral.cases.models import Case, CaseAssignment, CaseTask, ForwardingPackage
from netral.intake.models import Evidence, Report
from netral.intake.services import (
    ReportedPersonInput,
    ReporterIdentity,
    ReportInput,
    SubmittedReport,
    attach_evidence,
    submit_report,
)
from netral.notifications.models import Notification
from netral.notifications.services import Message, notify
from tests.fixtures import USER_FIXTURES, make_named_user
from tests.test_cases_authority_support import BAWASLU_STEPS

pytestmark = pytest.mark.django_db


ANONYMOUS = "anonymous"


@dataclass
class World:
    clients: dict[str, Client]
    users: dict[str, User]
    report: Report  # named reporter, Sleman, with one evidence file; its case is `case`
    tracking_code: str
    receipt_secret: str
    evidence: Evidence
    case: Case  # received, Sleman: Bawaslu of the area and the operators see it
    assignment: CaseAssignment  # Bawaslu Sleman's staff member on `case`, with one task
    task: CaseTask
    notification: Notification  # of bawaslu_kab_sleman, about `case`
    forwarded: Case  # Sleman, forwarded to BKN: BKN sees it as well
    package: ForwardingPackage

    def case_kwargs(self, **more: Any) -> dict[str, Any]:
        return {"pk": self.case.pk, **more}


def wib(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour - 7, tzinfo=dt.UTC)


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


REPORTED = (ReportedPersonInput(name="Budi Santoso", position="Kepala Dinas", agency="Pemkab Sleman"),)


def _report(election: str, received: dt.date, *, named: bool) -> SubmittedReport:
    data = ReportInput(
        description="Kepala dinas mengajak pegawai mendukung calon tertentu lewat grup WhatsApp.",
        region_code="34.04",
        election=election,
        known_on=received,
        anonymous=not named,
        reporter=ReporterIdentity(name="Siti Rahmawati", nik="3404014509860001", phone="0812-3456-7890")
        if named
        else ReporterIdentity(),
        reported=REPORTED,
    )
    return submit_report(data, channel="web", received_at=wib(received))


def _case_of(report: Report) -> Case:
    return Case.objects.get(case_reports__report=report)


def build_world() -> World:
    users = {name: make_named_user(name) for name in USER_FIXTURES}
    submitted = _report("pemilu-2024", dt.date(2024, 4, 4), named=True)
    report = submitted.report
    evidence = attach_evidence(report, png(), "spanduk.png")
    forwarded = _case_of(_report("pilkada-2024", dt.date(2024, 10, 7), named=False).report)
    for action, day in BAWASLU_STEPS:  # Pilkada 2024, forwarded to BKN on 14 Oct
        actor = users["commissioner_kab_sleman" if action.startswith("decide_") else "bawaslu_kab_sleman"]
        forwarded = actions.transition(forwarded, action, actor=actor, at=wib(day))
    case = _case_of(report)
    staff, commissioner = users["bawaslu_kab_sleman"], users["commissioner_kab_sleman"]
    assignment = todos.assign(case, staff, actor=commissioner)
    task = todos.add_task(case, actor=commissioner, title="Klarifikasi pelapor", assignee=staff)
    notify([staff], case, Notification.Kind.ASSIGNMENT, lambda user: Message("Penugasan", "", ""))
    clients = {ANONYMOUS: Client()}
    for name, user in users.items():
        clients[name] = Client()
        clients[name].force_login(user)
    return World(
        clients=clients,
        users=users,
        report=report,
        tracking_code=submitted.tracking_code,
        receipt_secret=submitted.receipt_secret or "",
        evidence=evidence,
        case=case,
        assignment=assignment,
        task=task,
        notification=Notification.objects.get(recipient=staff),
        forwarded=forwarded,
        package=ForwardingPackage.objects.get(case=forwarded),
    )
