"""Shared helpers for the notification tests (no tests here)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

from netral.accounts.models import User
from netral.cases.models import Case
from netral.intake.crypto import ReporterIdentity
from netral.intake.services import ReportedPersonInput, ReportInput, submit_report
from netral.notifications.models import Notification
from tests.test_cases_authority_support import RECEIVED, wib

# A named reporter: nothing of this may ever reach a notification or an e-mail.
SITI = ReporterIdentity(
    name="Siti Rahmawati",
    nik="3404014509860001",
    address="Jl. Kaliurang Km 5, Sleman",
    phone="0812-3456-7890",
    email="siti.r@example.co.id",
)
REPORTER_TRACES = ("Siti", "Rahmawati", "3404014509860001", "Kaliurang", "0812", "3456-7890", "siti.r@")

Commit = Callable[[], AbstractContextManager[Any]]


def commit_runner(capture: Any) -> Commit:
    """From pytest-django's `django_capture_on_commit_callbacks`: `with commit(): ...` runs the
    on-commit hooks (notifications) of what happened inside."""

    def run() -> AbstractContextManager[Any]:
        return capture(execute=True)

    return run


def give_emails(users: dict[str, User]) -> dict[str, User]:
    """Every fixture user with an e-mail address (`<name>@example.go.id`)."""
    for name, user in users.items():
        user.email = f"{name}@example.go.id"
        user.save(update_fields=["email"])
    return users


def named_case(election: str = "pilkada-2024") -> Case:
    """A named report (Siti) about a camat in Sleman, received Mon 7 Oct 2024, and its case."""
    data = ReportInput(
        description="Camat mengajak para lurah mendukung pasangan calon nomor 2.",
        region_code="34.04",
        election=election,
        known_on=RECEIVED,
        reporter=SITI,
        reported=(ReportedPersonInput(name="Drs. Bambang Sutrisno", position="Camat Depok"),),
    )
    report = submit_report(data, channel="web", received_at=wib(RECEIVED)).report
    return Case.objects.get(case_reports__report=report)


def recipients(**filters: Any) -> set[str]:
    """Usernames of the recipients of the notifications matching `filters`."""
    return set(Notification.objects.filter(**filters).values_list("recipient__username", flat=True))


def day(number: int) -> dt.datetime:
    """10:00 WIB on `number` October 2024."""
    return wib(dt.date(2024, 10, number))
