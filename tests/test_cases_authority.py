"""The ASN-authority and PPK stages: a full life with golden due dates, the rows each action writes,
the sanction end dates, visible_to per role, the funnel counts and the audit chain."""

from __future__ import annotations

import datetime as dt

import pytest

from netral.accounts.models import User
from netral.accounts.services import KASN, institution
from netral.audit.models import AuditEntry
from netral.audit.services import verify
from netral.cases import actions, sanctions, services, workspace
from netral.cases.models import (
    BlockRecord,
    Case,
    Deadline,
    Recommendation,
    SanctionDecree,
    Transition,
    sanction_end,
)
from netral.catalogue.services import get_item
from tests.test_cases_authority_support import (
    forwarded_case,
    make_recommendation,
    sleman_agency,
    take,
    wib,
)
from tests.test_cases_support import new_case

pytestmark = pytest.mark.django_db

UTC = dt.UTC


def due(case: Case, clock: str) -> Deadline:
    return Deadline.objects.get(case=case, clock=clock)


def test_a_full_life_with_golden_due_dates(
    bawaslu_kab_sleman: User,
    commissioner_kab_sleman: User,
    bkn_analyst: User,
    kemendagri_officer: User,
    ppk_kab_sleman: User,
) -> None:
    case = forwarded_case(bawaslu_kab_sleman, commissioner_kab_sleman)
    # Forwarded Mon 14 Oct 2024: BKN is the ASN authority from 24 Aug 2024.
    assert case.state == "forwarded_asn_authority"
    assert Case.objects.get(pk=case.pk).authority == bkn_analyst.institution

    # Receipt acknowledged Tue 15 Oct 2024. Verification, 7 working days (no holiday in October
    # 2024): 16, 17, 18, 21, 22, 23, 24 Oct → Thu 24 Oct 2024, 16:00 WIB = 09:00 UTC.
    actions.acknowledge_receipt(case, actor=bkn_analyst, at=wib(dt.date(2024, 10, 15)))
    verification = due(case, "authority.verification")
    assert (verification.started_on, verification.due_date) == (dt.date(2024, 10, 15), dt.date(2024, 10, 24))
    assert verification.due_at == dt.datetime(2024, 10, 24, 9, 0, tzinfo=UTC)

    actions.verify(case, actor=bkn_analyst, at=wib(dt.date(2024, 10, 16)))
    recommendation = make_recommendation(case, bkn_analyst, at=wib(dt.date(2024, 10, 21)))
    assert due(case, "authority.verification").state == "met"
    assert (recommendation.authority_id, recommendation.agency, recommendation.sanction_level) == (
        bkn_analyst.institution_id,
        sleman_agency(),
        "sedang",
    )
    assert recommendation.item.code == "D8" and recommendation.superior_knew_and_did_nothing is True
    assert (
        recommendation.reported_person is not None and recommendation.reported_person.name == "Budi Santoso"
    )

    # Sent to the PPK Tue 22 Oct 2024. Follow-up, 14 working days: 23, 24, 25, 28, 29, 30, 31 Oct,
    # 1, 4, 5, 6, 7, 8, 11 Nov → Mon 11 Nov 2024.
    sanctions.send_to_ppk(case, actor=bkn_analyst, at=wib(dt.date(2024, 10, 22)))
    follow_up = due(case, "ppk.follow_up")
    assert (follow_up.started_on, follow_up.due_date) == (dt.date(2024, 10, 22), dt.date(2024, 11, 11))
    assert follow_up.due_at == dt.datetime(2024, 11, 11, 9, 0, tzinfo=UTC)

    # The worker finds it overdue on Tue 12 Nov; Kemendagri warns on Wed 13 Nov. After the warning,
    # 3 working days: 14, 15, 18 Nov → Mon 18 Nov 2024.
    sanctions.mark_ppk_overdue(case, at=wib(dt.date(2024, 11, 12)))
    assert due(case, "ppk.follow_up").state == "overdue"
    sanctions.warn_ppk(case, actor=kemendagri_officer, at=wib(dt.date(2024, 11, 13)))
    after_warning = due(case, "ppk.follow_up_after_warning")
    assert (after_warning.started_on, after_warning.due_date) == (
        dt.date(2024, 11, 13),
        dt.date(2024, 11, 18),
    )
    assert after_warning.due_at == dt.datetime(2024, 11, 18, 9, 0, tzinfo=UTC)

    # Blocked by the system on Tue 19 Nov.
    blocked = sanctions.block(case, reason="Teguran tidak ditindaklanjuti.", at=wib(dt.date(2024, 11, 19)))
    assert due(case, "ppk.follow_up_after_warning").state == "overdue"
    assert blocked.requested_at == wib(dt.date(2024, 11, 19)) and blocked.lifted_at is None

    # The decree on Mon 25 Nov: tukin cut for 6 months from Mon 2 Dec 2024 → last day Sun 1 Jun 2025.
    # Recorded while blocked, so the block is lifted in the same action and the case is unblocked.
    decree = take("record_sanction", case, ppk_kab_sleman, wib(dt.date(2024, 11, 25)))
    assert (decree.number, decree.form, decree.start, decree.end) == (
        "800/123/2024",
        "tukin_cut_6",
        dt.date(2024, 12, 2),
        dt.date(2025, 6, 1),
    )
    assert BlockRecord.objects.get(pk=blocked.pk).lifted_at == wib(dt.date(2024, 11, 25))
    stored = Case.objects.get(pk=case.pk)
    assert stored.state == "unblocked"
    # Only the overdue clocks remain overdue; nothing is left open.
    assert not Deadline.objects.filter(case=case, state="open").exists()

    stage = list(
        Transition.objects.filter(case=case, at__gte=wib(dt.date(2024, 10, 15))).values_list(
            "action", "to_state", "actor_role", "actor_id"
        )
    )
    assert stage == [
        ("acknowledge_receipt", "authority_received", "authority_analyst", bkn_analyst.pk),
        ("verify", "verified", "authority_analyst", bkn_analyst.pk),
        ("recommend", "recommended", "authority_analyst", bkn_analyst.pk),
        ("send_to_ppk", "sent_to_ppk", "authority_analyst", bkn_analyst.pk),
        ("mark_ppk_overdue", "ppk_overdue", "system", None),
        ("warn_ppk", "warned", "kemendagri_officer", kemendagri_officer.pk),
        ("block", "blocked", "system", None),
        ("record_sanction", "sanctioned", "ppk_officer", ppk_kab_sleman.pk),
        ("unblock", "unblocked", "system", None),
    ]
    actions_audited = set(AuditEntry.objects.values_list("action", flat=True))
    assert {
        "cases.forward_to_authority",
        "cases.recommend",
        "cases.recommendation",
        "cases.block",
        "cases.block_record",
        "cases.record_sanction",
        "cases.sanction_decree",
        "cases.unblock",
        "cases.block_lifted",
    } <= actions_audited
    assert verify().ok


def test_a_case_forwarded_before_24_august_2024_goes_to_kasn(
    bawaslu_kab_sleman: User, commissioner_kab_sleman: User
) -> None:
    case = new_case()  # Pemilu, received Thu 4 Apr 2024
    for action in ["start_initial_review", "register", "start_clarification", "start_study", "to_plenary"]:
        case = actions.transition(case, action, actor=bawaslu_kab_sleman, at=wib(dt.date(2024, 4, 16)))
    actions.decide_violation(case, actor=commissioner_kab_sleman, at=wib(dt.date(2024, 4, 17)))
    actions.forward_to_authority(case, actor=bawaslu_kab_sleman, at=wib(dt.date(2024, 8, 23), hour=15))
    assert Case.objects.get(pk=case.pk).authority == institution(KASN)


def test_left_service_while_blocked_lifts_the_block(
    bawaslu_kab_sleman: User,
    commissioner_kab_sleman: User,
    bkn_analyst: User,
    kemendagri_officer: User,
    ppk_kab_sleman: User,
) -> None:
    case = forwarded_case(bawaslu_kab_sleman, commissioner_kab_sleman)
    for action in ["acknowledge_receipt", "verify", "recommend", "send_to_ppk", "mark_ppk_overdue"]:
        take(action, case, bkn_analyst)
    sanctions.warn_ppk(case, actor=kemendagri_officer)
    row = sanctions.block(case, actor=bkn_analyst, reason="Tidak ada tindak lanjut.")
    take("record_left_service", case, ppk_kab_sleman)
    assert Case.objects.get(pk=case.pk).state == "unblocked"
    assert BlockRecord.objects.get(pk=row.pk).lifted_at is not None
    assert not SanctionDecree.objects.exists()


def test_a_sanction_without_a_block_stays_sanctioned(
    bawaslu_kab_sleman: User, commissioner_kab_sleman: User, bkn_analyst: User, ppk_kab_sleman: User
) -> None:
    case = forwarded_case(bawaslu_kab_sleman, commissioner_kab_sleman)
    for action in ["acknowledge_receipt", "verify", "recommend", "send_to_ppk"]:
        take(action, case, bkn_analyst)
    take("record_sanction", case, ppk_kab_sleman)
    stored = Case.objects.get(pk=case.pk)
    assert stored.state == "sanctioned"
    assert not Transition.objects.filter(case=case, action="unblock").exists()
    # Never blocked: nothing to lift, so unblock is neither offered nor accepted.
    assert "unblock" not in [step.name for step in workspace.button_actions(stored, bkn_analyst)]
    with pytest.raises(actions.TransitionRefused) as refused:
        sanctions.unblock(stored, actor=bkn_analyst, reason="Keliru.")
    assert refused.value.code == "never_blocked"
    assert Case.objects.get(pk=case.pk).state == "sanctioned"


def test_bad_input_is_refused_and_writes_nothing(
    bawaslu_kab_sleman: User, commissioner_kab_sleman: User, bkn_analyst: User, ppk_kab_sleman: User
) -> None:
    case = forwarded_case(bawaslu_kab_sleman, commissioner_kab_sleman)
    for action in ["acknowledge_receipt", "verify"]:
        take(action, case, bkn_analyst)
    item = get_item("D8")
    assert item is not None
    with pytest.raises(actions.TransitionRefused) as refused:
        sanctions.recommend(case, actor=bkn_analyst, item=item, sanction_level="huge", agency=sleman_agency())
    assert refused.value.code == "invalid"
    assert Case.objects.get(pk=case.pk).state == "verified" and not Recommendation.objects.exists()
    recommendation = make_recommendation(case, bkn_analyst)
    sanctions.send_to_ppk(case, actor=bkn_analyst)
    bad = sanctions.DecreeInput(number="1", date=dt.date(2024, 11, 1), form="flogging")
    with pytest.raises(actions.TransitionRefused):
        sanctions.record_sanction(recommendation, actor=ppk_kab_sleman, decree=bad)
    assert Case.objects.get(pk=case.pk).state == "sent_to_ppk" and not SanctionDecree.objects.exists()


@pytest.mark.parametrize(
    ("form", "start", "end"),
    [
        # Worked out by hand: start + N months, minus one day.
        ("tukin_cut_6", dt.date(2024, 12, 2), dt.date(2025, 6, 1)),
        ("tukin_cut_9", dt.date(2024, 5, 31), dt.date(2025, 2, 27)),  # 28 Feb 2025 (clamped) - 1
        ("tukin_cut_12", dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
        ("demotion_12", dt.date(2024, 2, 29), dt.date(2025, 2, 27)),  # 28 Feb 2025 (clamped) - 1
        ("release_12", dt.date(2024, 11, 1), dt.date(2025, 10, 31)),
        ("written_reprimand", dt.date(2024, 11, 1), None),
        ("moral_open", dt.date(2024, 11, 1), None),
    ],
)
def test_sanction_end_dates(form: str, start: dt.date, end: dt.date | None) -> None:
    assert sanction_end(form, start) == end


def test_visible_to_per_role_and_funnel(
    users_by_role: dict[str, User],
) -> None:
    staff, chair = users_by_role["bawaslu_kab_sleman"], users_by_role["commissioner_kab_sleman"]
    analyst, ppk = users_by_role["bkn_analyst"], users_by_role["ppk_kab_sleman"]
    fresh = new_case()  # Bawaslu stage only
    received = forwarded_case(staff, chair)
    take("acknowledge_receipt", received, analyst)
    overdue = forwarded_case(staff, chair)
    for action in ["acknowledge_receipt", "verify", "recommend", "send_to_ppk", "mark_ppk_overdue"]:
        take(action, overdue, analyst)
    done = forwarded_case(staff, chair)
    for action in ["acknowledge_receipt", "verify", "recommend", "send_to_ppk"]:
        take(action, done, analyst)
    take("record_sanction", done, ppk)
    sleman = {fresh.pk, received.pk, overdue.pk, done.pk}
    expected = {
        "bawaslu_ri": sleman,
        "bawaslu_prov_diy": sleman,
        "bawaslu_kab_sleman": sleman,
        "bawaslu_kota_manado": set(),
        "commissioner_kab_sleman": sleman,
        "bkn_analyst": {received.pk, overdue.pk, done.pk},
        "ppk_kota_manado": set(),
        "ppk_kab_sleman": {overdue.pk, done.pk},
        "kemendagri_officer": {overdue.pk},
        "admin_user": sleman,
        "data_custodian": sleman,
    }
    seen = {
        name: set(Case.objects.visible_to(user).values_list("pk", flat=True))
        for name, user in users_by_role.items()
    }
    assert seen == expected

    # By hand: 4 reported, 3 forwarded, 2 recommended and sent, 1 overdue, 1 sanctioned, none blocked.
    counts = services.funnel(Case.objects.all())
    later = ("recommended", "sent_to_ppk", "ppk_overdue", "warned", "blocked", "sanctioned", "left_service")
    assert {key: counts[key] for key in later} == {
        "recommended": 2,
        "sent_to_ppk": 2,
        "ppk_overdue": 1,
        "warned": 0,
        "blocked": 0,
        "sanctioned": 1,
        "left_service": 0,
    }
    assert (counts["reported"], counts["forwarded_asn_authority"]) == (4, 3)
    assert set(services.funnel(Case.objects.all())) == set(services.FUNNEL_STAGES)


def test_two_analysts_on_the_same_copy_one_wins(
    bawaslu_kab_sleman: User, commissioner_kab_sleman: User, bkn_analyst: User
) -> None:
    case = forwarded_case(bawaslu_kab_sleman, commissioner_kab_sleman)
    take("acknowledge_receipt", case, bkn_analyst)
    other_copy = Case.objects.get(pk=case.pk)
    actions.verify(case, actor=bkn_analyst)
    with pytest.raises(actions.ConcurrentChange):
        actions.transition(other_copy, "verify", actor=bkn_analyst)
    assert Transition.objects.filter(case=case, action="verify").count() == 1
