"""Shared helpers for the document and forwarding tests (no tests here): a named Pilkada 2024 report in
Kabupaten Sleman walked through the real actions, and a URL configuration with the case URLs (the
document URLs among them) used with `pytest.mark.urls`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import include, path

from netral.cases import actions, sanctions
from netral.cases import urls as case_urls
from netral.cases.models import Case, Transition
from netral.intake.services import ReportedPersonInput, ReporterIdentity, ReportInput, submit_report
from netral.urls import urlpatterns as site_urlpatterns
from tests.test_cases_authority_support import BAWASLU_STEPS, RECEIVED, make_recommendation, wib

URLCONF = "tests.test_cases_documents_support"
urlpatterns = [
    path("", include((case_urls.urlpatterns, "cases"))),
    *site_urlpatterns,
]

SITI = ReporterIdentity(
    name="Siti Rahmawati",
    nik="3404014509860001",
    address="Jl. Kaliurang Km 5, Sleman",
    phone="0812-3456-7890",
    email="siti.r@example.co.id",
)
# Words of the identity that must never leak into what a receiver gets.
IDENTITY_WORDS = ("Siti Rahmawati", "3404014509860001", "Kaliurang", "0812-3456-7890", "siti.r@example.co.id")

# The authority / PPK path after the forwarding on Mon 14 Oct 2024, with its days.
AUTHORITY_STEPS = [
    ("acknowledge_receipt", dt.date(2024, 10, 15)),
    ("verify", dt.date(2024, 10, 16)),
    ("recommend", dt.date(2024, 10, 21)),
    ("send_to_ppk", dt.date(2024, 10, 22)),
    ("mark_ppk_overdue", dt.date(2024, 11, 12)),
    ("warn_ppk", dt.date(2024, 11, 13)),
]


def named_case() -> Case:
    """A named report (Siti Rahmawati) received Mon 7 Oct 2024 10:00 WIB in Kabupaten Sleman."""
    data = ReportInput(
        description="Kepala dinas mengajak pegawai mendukung pasangan calon nomor 2.",
        region_code="34.04",
        election="pilkada-2024",
        known_on=RECEIVED,
        anonymous=False,
        reporter=SITI,
        reported=(ReportedPersonInput(name="Budi Santoso", position="Kepala Dinas"),),
        place="Kantor Dinas Pendidikan",
    )
    report = submit_report(data, channel="web", received_at=wib(RECEIVED)).report
    return Case.objects.get(case_reports__report=report)


def walk(case: Case, until: str, users: dict[str, Any]) -> Case:
    """Take the Bawaslu and then the authority/PPK steps up to and including `until` (steps already taken
    are skipped). `users`: bawaslu_kab_sleman, commissioner_kab_sleman, bkn_analyst, kemendagri_officer."""
    done = set(Transition.objects.filter(case=case).values_list("action", flat=True))
    for action, day in BAWASLU_STEPS + AUTHORITY_STEPS:
        if action in done:
            if action == until:
                break
            continue
        case = Case.objects.get(pk=case.pk)
        at = wib(day)
        if action.startswith("decide_"):
            actions.transition(case, action, actor=users["commissioner_kab_sleman"], at=at)
        elif action in dict(BAWASLU_STEPS):
            actions.transition(case, action, actor=users["bawaslu_kab_sleman"], at=at)
        elif action == "recommend":
            make_recommendation(case, users["bkn_analyst"], at=at)
        elif action == "mark_ppk_overdue":
            sanctions.mark_ppk_overdue(case, at=at)
        elif action == "warn_ppk":
            sanctions.warn_ppk(case, actor=users["kemendagri_officer"], at=at)
        else:
            actions.transition(case, action, actor=users["bkn_analyst"], at=at)
        if action == until:
            break
    return Case.objects.get(pk=case.pk)
