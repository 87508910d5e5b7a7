"""Notifications of overdue steps: the step's owner and their superior, in their language, within
what they may see, with an e-mail copy, never the reporter's identity."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail

from netral.accounts.models import User
from netral.cases.escalation import sweep
from netral.cases.models import Case
from netral.notifications.models import Notification
from tests.test_cases_authority_support import BAWASLU_STEPS, take, wib
from tests.test_notifications_support import (
    REPORTER_TRACES,
    Commit,
    commit_runner,
    day,
    give_emails,
    named_case,
    recipients,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks: Any) -> Commit:
    return commit_runner(django_capture_on_commit_callbacks)


@pytest.fixture
def with_emails(users_by_role: dict[str, User]) -> dict[str, User]:
    return give_emails(users_by_role)


UTC = dt.UTC


def test_an_overdue_bawaslu_step_tells_the_staff_and_the_superiors(
    with_emails: dict[str, User], committed: Commit
) -> None:
    users = with_emails
    users["bawaslu_prov_diy"].language = "en"
    users["bawaslu_prov_diy"].save(update_fields=["language"])
    case = named_case()  # hooks not run: only the escalation is looked at here
    # Pilkada initial review: due Wed 9 Oct 2024 16:00 WIB.
    with committed():
        assert sweep(dt.datetime(2024, 10, 9, 9, 1, tzinfo=UTC)).overdue_marked == 1
    assert recipients(kind="escalation") == {
        "bawaslu_kab_sleman",
        "commissioner_kab_sleman",
        "bawaslu_prov_diy",
    }
    owner = Notification.objects.get(recipient=users["bawaslu_kab_sleman"])
    assert owner.case_id == case.pk and owner.url == f"/perkara/{case.pk}/"
    assert owner.title == f"Lewat tenggat: perkara {case.number}, Kajian awal"
    assert "09-10-2024 16:00 WIB" in owner.body
    assert "sebagai pemilik langkah ini" in owner.body
    commissioner = Notification.objects.get(recipient=users["commissioner_kab_sleman"])
    assert "sebagai atasan pemilik langkah ini" in commissioner.body
    english = Notification.objects.get(recipient=users["bawaslu_prov_diy"])
    assert english.title == f"Overdue: case {case.number}, Initial review"
    assert "was due on 09-10-2024 16:00 WIB and has passed" in english.body
    assert "superior" in english.body
    assert sorted(m.to[0] for m in mail.outbox) == [
        "bawaslu_kab_sleman@example.go.id",
        "bawaslu_prov_diy@example.go.id",
        "commissioner_kab_sleman@example.go.id",
    ]
    for text in [n.body + n.title for n in Notification.objects.all()] + [m.body for m in mail.outbox]:
        assert not any(trace in text for trace in REPORTER_TRACES)
    # A second sweep tells nobody again.
    with committed():
        sweep(dt.datetime(2024, 10, 10, tzinfo=UTC))
    assert Notification.objects.count() == 3


def test_an_overdue_ppk_is_reported_to_the_ppk_and_kemendagri_then_blocked(
    users_by_role: dict[str, User], committed: Commit
) -> None:
    users = users_by_role
    case = named_case()
    for action, on in BAWASLU_STEPS:
        actor = (
            users["commissioner_kab_sleman"] if action.startswith("decide_") else users["bawaslu_kab_sleman"]
        )
        case = take(action, case, actor, wib(on))
    for action, date in [("acknowledge_receipt", 15), ("verify", 16), ("recommend", 21), ("send_to_ppk", 22)]:
        take(action, Case.objects.get(pk=case.pk), users["bkn_analyst"], day(date))
    Notification.objects.all().delete()

    # Follow-up due Mon 11 Nov 2024 16:00 WIB; the sweep on Tue 12 Nov marks the PPK overdue.
    with committed():
        sweep(wib(dt.date(2024, 11, 12)))
    overdue = Notification.objects.filter(kind="escalation")
    assert {n.recipient.username for n in overdue} == {"ppk_kab_sleman", "kemendagri_officer"}
    ppk_note = overdue.get(recipient=users["ppk_kab_sleman"])
    assert "sebagai pemilik" in ppk_note.body and "Kemendagri dapat mengirim surat teguran" in ppk_note.body
    assert "sebagai atasan" in overdue.get(recipient=users["kemendagri_officer"]).body
    # The state change itself (sent_to_ppk → ppk_overdue) went through the transition hook too.
    assert recipients(kind="transition") == {"ppk_kab_sleman", "kemendagri_officer"}

    take("warn_ppk", Case.objects.get(pk=case.pk), users["kemendagri_officer"], wib(dt.date(2024, 11, 13)))
    Notification.objects.all().delete()
    with committed():
        sweep(wib(dt.date(2024, 11, 18), 17))
    assert recipients(kind="escalation") == {"ppk_kab_sleman", "bkn_analyst"}
    blocked = Notification.objects.get(kind="escalation", recipient=users["bkn_analyst"])
    assert "Pemblokiran data kepegawaian ASN" in blocked.body
    assert recipients(kind="transition") == {"ppk_kab_sleman", "bkn_analyst"}
    # The PPK of another agency and the other region's Bawaslu are never told.
    assert not recipients() & {"ppk_kota_manado", "bawaslu_kota_manado", "bawaslu_ri"}


def test_an_overdue_step_nobody_may_see_tells_nobody(
    users_by_role: dict[str, User], committed: Commit
) -> None:
    # A Manado case: the Sleman users, the Manado PPK (no recommendation yet) and Kemendagri
    # (the case is not overdue at the PPK) are not told.
    from tests.test_cases_support import new_case

    case = new_case(region_code="71.71", election="pilkada-2024", received_at=wib(dt.date(2024, 10, 7)),
                    known_on=dt.date(2024, 10, 7))  # fmt: skip
    with committed():
        sweep(dt.datetime(2024, 10, 20, tzinfo=UTC))
    assert recipients(case=case) == {"bawaslu_kota_manado"}
