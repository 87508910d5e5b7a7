"""Shared helpers for the triage workspace tests (no tests here): a small trained model, reports filed
through intake (with the after-commit hooks run), register entries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from netral.accounts.models import User
from netral.cases.models import Case
from netral.intake.crypto import ReporterIdentity
from netral.intake.services import ReportedPersonInput, ReportInput, submit_report
from netral.personnel.models import Agency, Employee
from netral.personnel.names import normalize_name
from netral.personnel.nip import build_nip
from netral.triage import matching, training
from netral.triage.models import ModelVersion
from tests.triage_support import write_small_corpus

# 10:00 WIB on Thursday 3 October 2024 (Pilkada 2024 campaign).
OCT_3_10_WIB = dt.datetime(2024, 10, 3, 3, 0, tzinfo=dt.UTC)
SOCIAL_MEDIA_TEXT = (
    "Camat Depok Ahmad Fauzi membagikan poster pasangan calon bupati nomor urut 2 di grup WhatsApp "
    "kecamatan dan mengajak warga memilih paslon itu, kemarin."
)


@pytest.fixture
def trained(tmp_path: Path, settings: Any) -> Iterator[ModelVersion]:
    """A model trained on twelve corpus examples per group (about a second), stored under tmp_path."""
    settings.DATA_DIR = tmp_path
    training.forget_loaded_model()
    path = write_small_corpus(tmp_path)
    matching.reset_index()
    yield training.train(corpus_path=path)
    training.forget_loaded_model()
    matching.reset_index()


def add_employee(name: str, *, serial: int, agency: str = "pemkab-34.04", region: str = "34.04") -> Employee:
    return Employee.objects.create(
        nip=build_nip(dt.date(1975, 3, serial), gender="L", serial=serial, tmt_year=2000, tmt_month=3),
        name=name,
        name_normalized=normalize_name(name),
        employment="pns",
        position_class="kepala_wilayah",
        position_title="Camat Depok",
        agency=Agency.objects.get(code=agency),
        region_id=region,
        gender="L",
        birth_date=dt.date(1975, 3, serial),
    )


def submit(
    capture: Any,
    *,
    text: str = SOCIAL_MEDIA_TEXT,
    person: str = "Ahmad Fauzy",
    nip: str = "",
    region_code: str = "34.04",
    received_at: dt.datetime = OCT_3_10_WIB,
    occurred_on: dt.date | None = None,
    reporter: ReporterIdentity | None = None,
) -> Case:
    """A report filed through intake with its after-commit hooks run; returns its case."""
    data = ReportInput(
        description=text,
        region_code=region_code,
        election="pilkada-2024",
        known_on=received_at.date(),
        anonymous=reporter is None,
        reporter=reporter or ReporterIdentity(),
        reported=(ReportedPersonInput(name=person, position="Camat", nip=nip),),
        occurred_on=occurred_on,
    )
    with capture(execute=True):
        report = submit_report(data, channel="web", received_at=received_at).report
    return Case.objects.get(case_reports__report=report)


def logged_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def post_step(user: User, case: Case, name: str, data: dict[str, Any] | None = None, *args: Any) -> Any:
    """POST one triage step of the workspace (`/triage/perkara/<pk>/<name>/<args>/`) as `user`."""
    return logged_in(user).post(
        f"/triage/perkara/{case.pk}/{name}/" + "".join(f"{a}/" for a in args), data or {}
    )
