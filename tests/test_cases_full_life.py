"""One case's whole life, report → registration → clarification (with an extension) → study → plenary →
forward → authority recommendation → PPK overdue → warning → block → sanction decree → unblock, through the
real actions and the escalation sweep, with due dates worked out by hand (Pemilu 2024, Kabupaten Sleman,
WIB, around Idulfitri, Ascension, Waisak and Idul Adha with their cuti bersama), funnel counts from the
transition rows, and `audit verify` passing at the end. Then: every step of `workflow.STEPS`
tried by every user who may not take it is refused and changes nothing."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from django.core.management import call_command

from netral.accounts.models import Role, User
from netral.accounts.services import KASN, institution
from netral.cases import actions, escalation, routes, sanctions, services
from netral.cases.extension import extend_decision
from netral.cases.models import BlockRecord, Case, Deadline, SanctionDecree, Transition
from netral.cases.workflow import OPEN_CASE, STEPS, SYSTEM_ROLE, Step
from netral.catalogue.services import get_item
from tests.fixtures import USER_FIXTURES, make_user
from tests.test_cases_authority_support import sleman_agency
from tests.test_cases_support import new_case

pytestmark = pytest.mark.django_db

WIB = dt.timezone(dt.timedelta(hours=7))


def at(month: int, day: int, hour: int = 10) -> dt.datetime:
    """`hour`:00 WIB on `day` `month` 2024."""
    return dt.datetime(2024, month, day, hour, 0, tzinfo=WIB)


def open_due(case: Case, clock: str) -> Deadline:
    """The latest deadline of `clock` on the case."""
    deadline = Deadline.objects.filter(case=case, clock=clock).order_by("-pk").first()
    assert deadline is not None, clock
    return deadline


def fresh(case: Case) -> Case:
    return Case.objects.get(pk=case.pk)


def test_a_whole_life_with_golden_due_dates(
    bawaslu_kab_sleman: User,
    commissioner_kab_sleman: User,
    kemendagri_officer: User,
    ppk_kab_sleman: User,
) -> None:
    staff, chair = bawaslu_kab_sleman, commissioner_kab_sleman
    # Forwarded in May 2024, the case goes to KASN (the ASN authority until 23 Aug 2024).
    analyst = make_user("kasn_analyst", Role.AUTHORITY_ANALYST, institution(KASN))

    # Report received Thu 4 Apr 2024, 10:00 WIB. Initial review, 2 working days: Fri 5 Apr is day 1; 6-7 Apr
    # weekend; 8-9 Apr cuti bersama, 10-11 Apr Idulfitri, 12 and 15 Apr cuti bersama; Tue 16 Apr is day 2.
    case = new_case()
    assert open_due(case, "pemilu.initial_review").due_at == at(4, 16, 16)

    # Registered Tue 16 Apr. Decision, 7 working days after registration: 17, 18, 19, 22, 23, 24, 25 Apr.
    actions.start_initial_review(case, actor=staff, at=at(4, 16, 9))
    actions.register(case, actor=staff, at=at(4, 16))
    assert open_due(case, "pemilu.initial_review").state == "met"
    assert open_due(case, "pemilu.decision").due_at == at(4, 25, 16)
    actions.start_clarification(case, actor=staff, at=at(4, 17))

    # The reported civil servant does not come to the clarification: more information is needed. Extension,
    # 14 working days after registration: 17 Apr … 30 Apr are days 1-10; Wed 1 May is Labour Day; Thu 2 (11),
    # Fri 3 (12), Mon 6 (13), Tue 7 May (14) → Tue 7 May 2024, 16:00 WIB.
    extend_decision(case, actor=staff, reason="Terlapor tidak hadir; klarifikasi ulang.", at=at(4, 23))
    assert open_due(case, "pemilu.decision").due_at == at(5, 7, 16)
    actions.start_study(case, actor=staff, at=at(4, 29))
    actions.to_plenary(case, actor=staff, at=at(5, 3))
    # The plenary decides on Mon 6 May, before the extended deadline: the decision clock is met.
    actions.decide_violation(case, actor=chair, reason="Terbukti dalam rapat pleno.", at=at(5, 6))
    assert open_due(case, "pemilu.decision").state == "met"

    # Forwarded Tue 7 May; KASN acknowledges on Wed 8 May. Verification, 7 working days from 8 May: Thu 9 May
    # Ascension, Fri 10 May cuti bersama; 13, 14, 15, 16, 17, 20, 21 May → Tue 21 May 2024, 16:00 WIB.
    actions.forward_to_authority(case, actor=staff, at=at(5, 7))
    assert fresh(case).authority == analyst.institution
    actions.acknowledge_receipt(case, actor=analyst, at=at(5, 8))
    assert open_due(case, "authority.verification").due_at == at(5, 21, 16)
    actions.verify(case, actor=analyst, at=at(5, 16))
    item = get_item("D6")
    assert item is not None
    recommendation = sanctions.recommend(
        case,
        actor=analyst,
        item=item,
        sanction_level="berat",
        agency=sleman_agency(),
        reported_person=case.case_reports.get().report.reported_persons.get(),
        superior_knew_and_did_nothing=True,
        text="Direkomendasikan hukuman disiplin berat.",
        at=at(5, 20),
    )
    assert open_due(case, "authority.verification").state == "met"

    # Sent to the PPK on Tue 21 May; the PPK never acknowledges, so the follow-up counts from the sending.
    # 14 working days: Wed 22 May (1); Thu 23 May Waisak, Fri 24 May cuti bersama; 27, 28, 29, 30, 31 May
    # (2-6); 3, 4, 5, 6, 7 Jun (7-11); 10, 11, 12 Jun (12-14) → Wed 12 Jun 2024, 16:00 WIB.
    sanctions.send_to_ppk(case, actor=analyst, at=at(5, 21))
    follow_up = open_due(case, "ppk.follow_up")
    assert (follow_up.due_date, follow_up.due_at) == (dt.date(2024, 6, 12), at(6, 12, 16))

    # Not yet overdue at 16:00 sharp; the sweep on Thu 13 Jun marks the PPK overdue (the system actor).
    assert escalation.sweep(now=at(6, 12, 16)).ppk_overdue == 0
    assert escalation.sweep(now=at(6, 13, 9)).ppk_overdue == 1
    assert fresh(case).state == "ppk_overdue"

    # Kemendagri warns on Fri 14 Jun. After the warning, 3 working days: Mon 17 Jun Idul Adha, Tue 18 Jun cuti
    # bersama; 19, 20, 21 Jun → Fri 21 Jun 2024, 16:00 WIB.
    sanctions.warn_ppk(fresh(case), actor=kemendagri_officer, reason="Surat teguran Mendagri.", at=at(6, 14))
    assert open_due(case, "ppk.follow_up_after_warning").due_at == at(6, 21, 16)
    # Ignored: the sweep on Mon 24 Jun requests the block of the ASN's personnel data.
    assert escalation.sweep(now=at(6, 24, 8)).blocked == 1
    assert fresh(case).state == "blocked"
    block = BlockRecord.objects.get(recommendation=recommendation)
    assert (block.requested_at, block.lifted_at) == (at(6, 24, 8), None)

    # The PPK records the decree (demotion for 12 months from Mon 1 Jul 2024, ending Mon 30 Jun 2025) on
    # Tue 2 Jul: the block is lifted in the same action (blocked → sanctioned → unblocked).
    decree = sanctions.DecreeInput(
        number="800/321/2024", date=dt.date(2024, 7, 1), form="demotion_12", start=dt.date(2024, 7, 1)
    )
    row = sanctions.record_sanction(recommendation, actor=ppk_kab_sleman, decree=decree, at=at(7, 2))
    assert row.end == dt.date(2025, 6, 30)
    block.refresh_from_db()
    assert block.lifted_at == at(7, 2)
    assert fresh(case).state == "unblocked"
    assert not Deadline.objects.filter(case=case, state="open").exists()

    path = list(Transition.objects.filter(case=case).order_by("at", "pk").values_list("action", flat=True))
    assert path == [
        "open_case", "start_initial_review", "register", "start_clarification", "extend_decision",
        "start_study", "to_plenary", "decide_violation", "forward_to_authority", "acknowledge_receipt",
        "verify", "recommend", "send_to_ppk", "mark_ppk_overdue", "warn_ppk", "block", "record_sanction",
        "unblock",
    ]  # fmt: skip

    # Two more cases for the funnel: one rejected as expired, one proven and sent to Gakkumdu.
    late = new_case(known_on=dt.date(2024, 3, 1))
    actions.start_initial_review(late, actor=staff, at=at(4, 5))
    actions.reject_expired(late, actor=staff, reason="Lewat batas waktu pelaporan.", at=at(4, 5))
    criminal = new_case()
    for action in ("start_initial_review", "register", "start_clarification", "start_study", "to_plenary"):
        actions.transition(criminal, action, actor=staff, at=at(4, 16))
    actions.decide_violation(criminal, actor=chair, at=at(4, 18))
    routes.forward(
        criminal, actor=staff, route="gakkumdu", receiving_body="Sentra Gakkumdu Sleman", at=at(4, 19)
    )

    counts = services.funnel(Case.objects.all())
    assert counts == {
        "reported": 3, "registered": 2, "rejected": 1, "decided": 2, "proven": 2, "not_proven": 0,
        "forwarded": 2, "forwarded_asn_authority": 1, "recommended": 1, "sent_to_ppk": 1, "ppk_overdue": 1,
        "warned": 1, "blocked": 1, "sanctioned": 1, "left_service": 0,
    }  # fmt: skip
    assert SanctionDecree.objects.count() == 1

    out = io.StringIO()
    call_command("audit", "verify", "--json", stdout=out)
    result = json.loads(out.getvalue())
    assert result["ok"] is True and result["entries"] > 40


# --- every transition by every user who may not take it ------------------------------------------------

# How to bring a Sleman case (Pemilu 2024, KASN) to a state: the actions, in order, from `received`.
BAWASLU_PATH = ["start_initial_review", "register", "start_clarification", "start_study", "to_plenary"]
PATHS: dict[str, list[str]] = {
    "received": [],
    "initial_review": BAWASLU_PATH[:1],
    "registered": BAWASLU_PATH[:2],
    "clarification": BAWASLU_PATH[:3],
    "study": BAWASLU_PATH[:4],
    "plenary": BAWASLU_PATH,
    "violation": [*BAWASLU_PATH, "decide_violation"],
    "forwarded_gakkumdu": [*BAWASLU_PATH, "decide_violation", "forward_to_gakkumdu"],
    "forwarded_other": [*BAWASLU_PATH, "decide_violation", "forward_to_other"],
    "forwarded_asn_authority": [*BAWASLU_PATH, "decide_violation", "forward_to_authority"],
}
AUTHORITY_PATH = ["acknowledge_receipt", "verify", "recommend", "send_to_ppk", "mark_ppk_overdue", "warn_ppk"]
for _index, _state in enumerate(
    ["authority_received", "verified", "recommended", "sent_to_ppk", "ppk_overdue", "warned"]
):
    PATHS[_state] = [*PATHS["forwarded_asn_authority"], *AUTHORITY_PATH[: _index + 1]]
PATHS["blocked"] = [*PATHS["warned"], "block"]
PATHS["sanctioned"] = [*PATHS["sent_to_ppk"], "record_sanction"]
PATHS["left_service"] = [*PATHS["sent_to_ppk"], "record_left_service"]


def case_in(state: str, users: dict[str, User]) -> Case:
    """A Sleman case walked to `state` by the users who take each step (data steps by their functions)."""
    case = new_case()
    analyst = users["bkn_analyst"]
    for action in PATHS[state]:
        case = fresh(case)
        if action == "decide_violation":
            actions.transition(case, action, actor=users["commissioner_kab_sleman"])
        elif action in ("forward_to_gakkumdu", "forward_to_other"):
            route = "gakkumdu" if action == "forward_to_gakkumdu" else "other"
            routes.forward(case, actor=users["bawaslu_kab_sleman"], route=route, receiving_body="Penerima")
        elif action == "forward_to_authority":
            # Forwarded on 1 Oct 2024: the ASN authority is BKN (the fixture's analyst).
            actions.transition(case, action, actor=users["bawaslu_kab_sleman"], at=at(10, 1))
        elif action in ("acknowledge_receipt", "verify"):
            actions.transition(case, action, actor=analyst)
        elif action == "recommend":
            item = get_item("D6")
            assert item is not None
            sanctions.recommend(
                case, actor=analyst, item=item, sanction_level="berat", agency=sleman_agency()
            )
        elif action == "send_to_ppk":
            sanctions.send_to_ppk(case, actor=analyst)
        elif action == "mark_ppk_overdue":
            sanctions.mark_ppk_overdue(case)
        elif action == "warn_ppk":
            sanctions.warn_ppk(case, actor=users["kemendagri_officer"])
        elif action == "block":
            sanctions.block(case, reason="Teguran diabaikan.")
        elif action in ("record_sanction", "record_left_service"):
            recommendation = case.recommendations.get()
            if action == "record_left_service":
                sanctions.record_left_service(
                    recommendation, actor=users["ppk_kab_sleman"], reason="Pensiun."
                )
            else:
                decree = sanctions.DecreeInput(
                    number="1", date=dt.date(2024, 11, 1), form="written_reprimand"
                )
                sanctions.record_sanction(recommendation, actor=users["ppk_kab_sleman"], decree=decree)
        else:
            actions.transition(case, action, actor=users["bawaslu_kab_sleman"])
    case = fresh(case)
    assert case.state == state
    return case


def snapshot(case: Case) -> tuple[object, ...]:
    stored = fresh(case)
    return (stored.state, stored.version, Transition.objects.filter(case=case).count(),
            Deadline.objects.filter(case=case).count())  # fmt: skip


TAKEN_STEPS = [step for step in STEPS if step.name != OPEN_CASE]  # opening a case is no step on a case


@pytest.mark.parametrize("rule", TAKEN_STEPS, ids=[step.name for step in TAKEN_STEPS])
def test_every_transition_is_refused_to_every_user_who_may_not_take_it(
    rule: Step, users_by_role: dict[str, User]
) -> None:
    case = case_in(sorted(rule.sources)[0], users_by_role)
    before = snapshot(case)
    tried = 0
    for name in USER_FIXTURES:
        user = users_by_role[name]
        in_scope = Case.objects.visible_to(user).filter(pk=case.pk).exists()
        if user.role in rule.roles and in_scope:
            continue  # allowed: tested by the stage tests
        with pytest.raises(actions.TransitionRefused) as refused:
            actions.transition(fresh(case), rule.name, actor=user, reason="coba")
        assert (name, refused.value.code) == (name, "scope" if user.role in rule.roles else "role")
        assert snapshot(case) == before
        tried += 1
    if SYSTEM_ROLE not in rule.roles:
        with pytest.raises(actions.TransitionRefused) as refused:
            actions.transition(fresh(case), rule.name, actor=actions.SYSTEM)
        assert refused.value.code == "role"
        assert snapshot(case) == before
    assert (
        tried >= len(USER_FIXTURES) - 4
    )  # at most three in-scope officers share a role, plus one commissioner
