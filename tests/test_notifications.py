"""Notifications on case transitions: the right recipients (owners of the next step, within what
they may see), in each recipient's language, e-mail copies, and never the reporter's identity."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail

from netral.accounts.models import User
from netral.cases import actions
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


OUTSIDERS = {"bawaslu_kota_manado", "ppk_kota_manado"}


def bawaslu_stage(case: Case, staff: User, commissioner: User, commit: Commit) -> Case:
    for action, on in BAWASLU_STEPS:
        actor = commissioner if action.startswith("decide_") else staff
        with commit():
            case = actions.transition(case, action, actor=actor, at=wib(on))
    return case


def test_a_new_report_tells_the_regional_bawaslu_staff_only(
    with_emails: dict[str, User], committed: Commit
) -> None:
    with committed():
        case = named_case()
    assert recipients(case=case) == {"bawaslu_kab_sleman"}
    note = Notification.objects.get(case=case)
    assert note.kind == "transition" and note.read_at is None
    assert note.url == f"/perkara/{case.pk}/"
    assert case.number in note.title
    assert [message.to for message in mail.outbox] == [["bawaslu_kab_sleman@example.go.id"]]
    assert case.number in mail.outbox[0].subject
    assert f"http://127.0.0.1:8000/perkara/{case.pk}/" in mail.outbox[0].body


def test_each_step_tells_the_owner_of_the_next_one(with_emails: dict[str, User], committed: Commit) -> None:
    users = with_emails
    with committed():
        case = named_case()
    case = bawaslu_stage(case, users["bawaslu_kab_sleman"], users["commissioner_kab_sleman"], committed)
    # The actor is never told about their own step; the plenary goes to the commissioner.
    assert recipients(case=case, title__endswith="Rapat pleno") == {"commissioner_kab_sleman"}
    assert recipients(case=case, title__endswith="Terbukti pelanggaran") == {"bawaslu_kab_sleman"}
    assert recipients(case=case, title__contains="Diteruskan ke instansi") == {"bkn_analyst"}

    analyst, ppk, kemendagri = users["bkn_analyst"], users["ppk_kab_sleman"], users["kemendagri_officer"]
    for action, on in [("acknowledge_receipt", 15), ("verify", 16), ("recommend", 21)]:
        with committed():
            take(action, Case.objects.get(pk=case.pk), analyst, day(on))
    before = Notification.objects.count()
    with committed():
        take("send_to_ppk", Case.objects.get(pk=case.pk), analyst, day(22))
    assert _new_recipients(before) == {"ppk_kab_sleman"}

    before = Notification.objects.count()
    with committed():
        take("mark_ppk_overdue", Case.objects.get(pk=case.pk), None, wib(dt.date(2024, 11, 12)))
    assert _new_recipients(before) == {"kemendagri_officer", "ppk_kab_sleman"}

    before = Notification.objects.count()
    with committed():
        take("warn_ppk", Case.objects.get(pk=case.pk), kemendagri, wib(dt.date(2024, 11, 13)))
    assert _new_recipients(before) == {"ppk_kab_sleman"}

    before = Notification.objects.count()
    with committed():
        take("record_sanction", Case.objects.get(pk=case.pk), ppk, wib(dt.date(2024, 11, 15)))
    assert _new_recipients(before) == {"bawaslu_kab_sleman", "commissioner_kab_sleman", "bkn_analyst"}

    # Nobody outside the case's scope was ever told, and Kemendagri only once the PPK was overdue.
    everyone = recipients()
    assert not everyone & OUTSIDERS
    assert {"bawaslu_ri", "bawaslu_prov_diy", "admin", "data_custodian"}.isdisjoint(everyone)
    # (Kemendagri no longer sees the sanctioned case; everybody else still does.)
    for note in Notification.objects.exclude(recipient=kemendagri).select_related("recipient"):
        assert note.case_id == case.pk
        assert Case.objects.visible_to(note.recipient).filter(pk=case.pk).exists()
    assert recipients(recipient=kemendagri, title__contains="Dikirim") == set()
    # One e-mail per notification (everybody has an address).
    assert len(mail.outbox) == Notification.objects.count()


def test_no_reporter_identity_anywhere(with_emails: dict[str, User], committed: Commit) -> None:
    users = with_emails
    with committed():
        case = named_case()
    bawaslu_stage(case, users["bawaslu_kab_sleman"], users["commissioner_kab_sleman"], committed)
    assert Notification.objects.count() >= 4 and len(mail.outbox) >= 4
    texts = [f"{n.title}\n{n.body}\n{n.url}" for n in Notification.objects.all()]
    texts += [f"{m.subject}\n{m.body}" for m in mail.outbox]
    for text in texts:
        for trace in REPORTER_TRACES:
            assert trace not in text


def test_written_in_the_recipients_language(users_by_role: dict[str, User], committed: Commit) -> None:
    staff, commissioner = users_by_role["bawaslu_kab_sleman"], users_by_role["commissioner_kab_sleman"]
    staff.language = "en"
    staff.save(update_fields=["language"])
    with committed():
        case = named_case()
    note = Notification.objects.get(recipient=staff, case=case)
    assert note.title == f"Case {case.number}: Received"
    assert "A new case" in note.body and "Possible next steps: Start the initial review" in note.body
    bawaslu_stage(case, staff, commissioner, committed)
    plenary = Notification.objects.get(recipient=commissioner, title__endswith="Rapat pleno")
    assert plenary.title.startswith(f"Perkara {case.number}")
    assert "Kemungkinan langkah berikutnya" in plenary.body
    violation = Notification.objects.get(recipient=staff, case=case, title__contains="Violation")
    assert "moved from" in violation.body


def test_inactive_and_address_less_users(users_by_role: dict[str, User], committed: Commit) -> None:
    staff = users_by_role["bawaslu_kab_sleman"]
    colleague = User.objects.create(
        username="sleman_2", role="bawaslu_staff", institution=staff.institution, is_active=False
    )
    with committed():
        case = named_case()
    assert recipients(case=case) == {"bawaslu_kab_sleman"}
    assert not Notification.objects.filter(recipient=colleague).exists()
    assert mail.outbox == []  # nobody has an e-mail address here


def _new_recipients(before: int) -> set[str]:
    rows = Notification.objects.order_by("pk")[before:]
    return {row.recipient.username for row in rows}


def test_visibility_is_asked_of_the_one_access_rule(users_by_role: dict[str, User]) -> None:
    from netral.notifications.recipients import visible_among

    case = named_case()
    users = list(users_by_role.values())
    expected = [user for user in users if Case.objects.visible_to(user).filter(pk=case.pk).exists()]
    assert visible_among(case, users) == expected
    assert {user.username for user in expected} == {
        "bawaslu_ri",
        "bawaslu_prov_diy",
        "bawaslu_kab_sleman",
        "commissioner_kab_sleman",
        "admin",
        "data_custodian",
    }
    assert visible_among(case, []) == []
