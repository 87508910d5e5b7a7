"""The decision clock's extension for more information (golden due dates, once only, never after the
deadline, who may take it, the workspace form) and the reporting-window check at registration."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import translation

from netral.accounts.models import User
from netral.audit.models import AuditEntry
from netral.cases import actions, escalation
from netral.cases.extension import extend_decision
from netral.cases.models import Case, Deadline, DecisionExtension, Transition
from tests.test_cases_support import new_case, walk

pytestmark = pytest.mark.django_db

UTC = dt.UTC
WIB = dt.timezone(dt.timedelta(hours=7))
WITA = dt.timezone(dt.timedelta(hours=8))


def decision(case: Case) -> Deadline:
    return Deadline.objects.get(case=case, clock__endswith=".decision")


def registered_pemilu_case(staff: User, commissioner: User) -> Case:
    # Received Thu 4 Apr 2024 (Kabupaten Sleman, WIB); initial review and registration on Tue 16 Apr 2024,
    # 10:00 WIB. Decision: 7 working days after registration: 17, 18, 19, 22, 23, 24, 25 April → Thu 25 Apr.
    case = new_case()
    at = dt.datetime(2024, 4, 16, 10, 0, tzinfo=WIB)
    actions.start_initial_review(case, actor=staff, at=at)
    actions.register(case, actor=staff, at=at)
    return case


def test_pemilu_extension_golden_date(bawaslu_kab_sleman: User, commissioner_kab_sleman: User) -> None:
    case = registered_pemilu_case(bawaslu_kab_sleman, commissioner_kab_sleman)
    actions.start_clarification(case, actor=bawaslu_kab_sleman, at=dt.datetime(2024, 4, 17, 9, 0, tzinfo=WIB))
    deadline = decision(case)
    assert deadline.due_at == dt.datetime(2024, 4, 25, 16, 0, tzinfo=WIB)
    version = Case.objects.get(pk=case.pk).version

    # Extended on Mon 22 Apr. Pemilu: up to 14 working days after registration (Tue 16 Apr), counted from
    # the registration: 17, 18, 19, 22, 23, 24, 25, 26, 29, 30 April (10); Wed 1 May is Labour Day;
    # Thu 2 (11), Fri 3 (12), Mon 6 (13), Tue 7 May (14) → Tue 7 May 2024, 16:00 WIB.
    at = dt.datetime(2024, 4, 22, 11, 0, tzinfo=WIB)
    row = extend_decision(case, actor=bawaslu_kab_sleman, reason="Menunggu keterangan saksi kedua.", at=at)
    deadline.refresh_from_db()
    assert (deadline.state, deadline.started_on, deadline.due_date) == (
        "open",
        dt.date(2024, 4, 16),
        dt.date(2024, 5, 7),
    )
    assert deadline.due_at == dt.datetime(2024, 5, 7, 16, 0, tzinfo=WIB)
    assert (row.previous_due_date, row.due_date, row.clock) == (
        dt.date(2024, 4, 25),
        dt.date(2024, 5, 7),
        "pemilu.extension",
    )

    stored = Case.objects.get(pk=case.pk)
    assert (stored.state, stored.version) == ("clarification", version + 1)  # the state stays
    last = Transition.objects.filter(case=case).last()
    assert last is not None
    assert (last.action, last.from_state, last.to_state, last.actor_id) == (
        "extend_decision", "clarification", "clarification", bawaslu_kab_sleman.pk,
    )  # fmt: skip
    assert last.reason == "Menunggu keterangan saksi kedua."
    entry = AuditEntry.objects.filter(action="cases.decision_extended").get()
    assert entry.data["previous_due_date"] == "2024-04-25" and entry.data["due_date"] == "2024-05-07"
    assert "saksi" not in str(entry.data)  # the reason is not copied into the audit log

    # The escalation sweep goes by the stored due moment: the old one passes without escalation.
    result = escalation.sweep(now=dt.datetime(2024, 4, 26, 9, 0, tzinfo=WIB))
    assert result.overdue_marked == 0
    deadline.refresh_from_db()
    assert deadline.state == "open"

    # Only once.
    with pytest.raises(actions.TransitionRefused) as again:
        extend_decision(case, actor=bawaslu_kab_sleman, reason="Lagi.", at=at)
    assert again.value.code == "already_extended"
    assert DecisionExtension.objects.count() == 1


def test_pilkada_extension_golden_date(bawaslu_kota_manado: User) -> None:
    # Kota Manado (WITA), Pilkada: received Thu 4 Apr 2024, decision 3 calendar days after receipt → Sun
    # 7 Apr 2024, 16:00 WITA. The extension adds 2 calendar days to it → Tue 9 Apr 2024, 16:00 WITA
    # (UU 10/2016 Pasal 134: at most 5 days after receipt; Idulfitri does not count: calendar days).
    case = new_case(region_code="71.71", election="pilkada-2024")
    at = dt.datetime(2024, 4, 5, 9, 0, tzinfo=WITA)
    actions.start_initial_review(case, actor=bawaslu_kota_manado, at=at)
    actions.register(case, actor=bawaslu_kota_manado, at=at)
    assert decision(case).due_at == dt.datetime(2024, 4, 7, 16, 0, tzinfo=WITA)
    row = extend_decision(case, actor=bawaslu_kota_manado, reason="Keterangan tambahan pelapor.", at=at)
    assert (row.clock, row.due_date) == ("pilkada.extension", dt.date(2024, 4, 9))
    assert decision(case).due_at == dt.datetime(2024, 4, 9, 16, 0, tzinfo=WITA)


def snapshot(case: Case) -> tuple[object, ...]:
    stored = Case.objects.get(pk=case.pk)
    deadline = decision(case)
    return (stored.state, stored.version, Transition.objects.filter(case=case).count(), deadline.due_at,
            DecisionExtension.objects.filter(case=case).count())  # fmt: skip


def test_refusals_write_nothing(
    bawaslu_kab_sleman: User, commissioner_kab_sleman: User, bawaslu_kota_manado: User
) -> None:
    case = registered_pemilu_case(bawaslu_kab_sleman, commissioner_kab_sleman)
    before = snapshot(case)
    early = dt.datetime(2024, 4, 18, 9, 0, tzinfo=WIB)
    cases = [
        (commissioner_kab_sleman, "Perlu keterangan.", early, "role"),
        (bawaslu_kota_manado, "Perlu keterangan.", early, "scope"),
        (bawaslu_kab_sleman, "  ", early, "invalid"),
        # Thu 25 Apr 2024, 16:01 WIB: the decision deadline has passed.
        (
            bawaslu_kab_sleman,
            "Perlu keterangan.",
            dt.datetime(2024, 4, 25, 16, 1, tzinfo=WIB),
            "deadline_passed",
        ),
    ]
    for actor, reason, at, code in cases:
        with pytest.raises(actions.TransitionRefused) as refused:
            extend_decision(case, actor=actor, reason=reason, at=at)
        assert (actor.username, refused.value.code) == (actor.username, code)
        assert snapshot(case) == before
        assert case.version == before[1]  # the caller's copy is not left ahead of the database

    walk(
        case,
        ["start_clarification", "start_study", "to_plenary"],
        bawaslu_kab_sleman,
        commissioner_kab_sleman,
    )
    with pytest.raises(actions.TransitionRefused) as refused:
        extend_decision(case, actor=bawaslu_kab_sleman, reason="Perlu keterangan.", at=early)
    assert refused.value.code == "wrong_state"  # in the plenary it is too late


def test_the_extension_form_on_the_workspace(bawaslu_kab_sleman: User, commissioner_kab_sleman: User) -> None:
    case = new_case(received_at=dt.datetime.now(tz=UTC) - dt.timedelta(hours=1), known_on=dt.date.today())
    walk(case, ["start_initial_review", "register"], bawaslu_kab_sleman, commissioner_kab_sleman)
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(bawaslu_kab_sleman)
    client.cookies["django_language"] = "en"
    page = client.get(f"/perkara/{case.pk}/").content.decode()
    assert 'id="step-extend_decision"' in page and "The decision deadline moves from" in page
    url = f"/perkara/{case.pk}/langkah/extend_decision/"
    version = Case.objects.get(pk=case.pk).version
    empty = client.post(url, {"version": version, "extend_decision-reason": ""})
    assert empty.status_code == 400 and not DecisionExtension.objects.exists()
    done = client.post(url, {"version": version, "extend_decision-reason": "Menunggu dokumen."})
    assert done.status_code == 302
    page = client.get(f"/perkara/{case.pk}/").content.decode()
    assert "extended; was due" in page and "Decision deadline extended once" in page
    assert 'id="step-extend_decision"' not in page  # once only: the form is gone
    again = client.post(url, {"version": version + 1, "extend_decision-reason": "Lagi."})
    assert again.status_code == 409
    assert "already extended once" in again.content.decode()


# --- the reporting window at registration ------------------------------------------------------------


def test_an_expired_report_cannot_be_registered(
    bawaslu_kab_sleman: User, commissioner_kab_sleman: User
) -> None:
    # Known on Fri 1 Mar 2024, filed Thu 4 Apr 2024: far past the 7 working days of the Pemilu window.
    case = new_case(known_on=dt.date(2024, 3, 1))
    assert case.daluwarsa
    walk(case, ["start_initial_review"], bawaslu_kab_sleman, commissioner_kab_sleman)
    with translation.override("id"), pytest.raises(actions.TransitionRefused) as refused:
        actions.register(case, actor=bawaslu_kab_sleman)
    assert refused.value.code == "daluwarsa"
    assert "Tolak: daluwarsa" in refused.value.message  # points to reject_expired, in Indonesian
    assert Case.objects.get(pk=case.pk).state == "initial_review"
    # An unauthorised role still learns only that its role may not act.
    with pytest.raises(actions.TransitionRefused) as role:
        actions.register(case, actor=commissioner_kab_sleman)
    assert role.value.code == "role"
    actions.reject_expired(case, actor=bawaslu_kab_sleman, reason="Lewat batas waktu pelaporan.")
    assert Case.objects.get(pk=case.pk).state == "rejected_expired"


def test_the_workspace_refuses_registering_an_expired_report(
    bawaslu_kab_sleman: User, commissioner_kab_sleman: User
) -> None:
    case = walk(
        new_case(known_on=dt.date(2024, 3, 1)),
        ["start_initial_review"],
        bawaslu_kab_sleman,
        commissioner_kab_sleman,
    )
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(bawaslu_kab_sleman)
    client.cookies["django_language"] = "en"
    page = client.get(f"/perkara/{case.pk}/").content.decode()
    assert 'value="reject_expired"' in page and 'value="register"' not in page  # no button that is refused
    response = client.post(f"/perkara/{case.pk}/tindakan/", {"action": "register", "version": case.version})
    assert response.status_code == 409
    assert "cannot be registered; reject it as expired" in response.content.decode()
    assert Case.objects.get(pk=case.pk).state == "initial_review"


def test_two_officers_extending_the_same_copy_one_wins(
    bawaslu_kab_sleman: User, bawaslu_prov_diy: User, commissioner_kab_sleman: User
) -> None:
    case = registered_pemilu_case(bawaslu_kab_sleman, commissioner_kab_sleman)
    other_copy = Case.objects.get(pk=case.pk)
    at = dt.datetime(2024, 4, 18, 9, 0, tzinfo=WIB)
    extend_decision(case, actor=bawaslu_kab_sleman, reason="Keterangan saksi.", at=at)
    with pytest.raises(actions.TransitionRefused) as lost:
        extend_decision(other_copy, actor=bawaslu_prov_diy, reason="Keterangan ahli.", at=at)
    assert lost.value.code == "already_extended"
    # Even past the quick check (the row read before the first one committed), the version decides.
    DecisionExtension.objects.all().delete()
    with pytest.raises(actions.ConcurrentChange):
        extend_decision(other_copy, actor=bawaslu_prov_diy, reason="Keterangan ahli.", at=at)
    assert Transition.objects.filter(case=case, action="extend_decision").count() == 1
