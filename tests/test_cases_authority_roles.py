"""Every ASN-authority and PPK transition by every role fixture (and the system actor): the allowed
role in scope succeeds, everyone else is refused with the reason (role or scope) and nothing changes."""

from __future__ import annotations

import pytest

from netral.accounts.models import Role, User
from netral.accounts.services import KASN, institution
from netral.cases import actions
from netral.cases.models import BlockRecord, Case, Recommendation, SanctionDecree, Transition
from netral.cases.workflow import ANALYST, KEMENDAGRI, PPK, STEPS, SYSTEM_ROLE
from tests.fixtures import USER_FIXTURES, make_user
from tests.test_cases_authority_support import STAGE_FROM, STAGE_ORDER, STAGE_TO, forwarded_case, take

pytestmark = pytest.mark.django_db

# Written by hand from the brief: who may take each action on a case in Kabupaten Sleman that was
# forwarded to BKN and whose recommendation is addressed to the Sleman regency government.
ALLOWED = {
    "acknowledge_receipt": "bkn_analyst",
    "verify": "bkn_analyst",
    "find_not_proven": "bkn_analyst",
    "reject_at_authority": "bkn_analyst",
    "recommend": "bkn_analyst",
    "send_to_ppk": "bkn_analyst",
    "mark_ppk_overdue": None,  # the system actor only
    "warn_ppk": "kemendagri_officer",
    "block": "bkn_analyst",
    "record_sanction": "ppk_kab_sleman",
    "record_left_service": "ppk_kab_sleman",
    "unblock": "bkn_analyst",
}
SYSTEM_ALLOWED = {"mark_ppk_overdue", "block", "unblock"}
# The right role, wrong institution: refused for scope.
OUT_OF_SCOPE = {"record_sanction": "ppk_kota_manado", "record_left_service": "ppk_kota_manado"}
ACTOR_FOR = {"warn_ppk": "kemendagri_officer", "record_sanction": "ppk_kab_sleman"}


def test_the_table_matches_the_hand_written_workflow() -> None:
    rules = {step.name: step for step in STEPS if step.name in STAGE_FROM}
    assert set(rules) == set(STAGE_FROM) == set(ALLOWED)
    # Every step the ASN authority, the PPK, Kemendagri or the system takes is one of the stage's.
    stage_roles = {ANALYST, PPK, KEMENDAGRI, SYSTEM_ROLE}
    assert {step.name for step in STEPS if step.roles & stage_roles} == set(STAGE_FROM)
    assert {action: step.target for action, step in rules.items()} == STAGE_TO
    for action, step in rules.items():
        assert STAGE_FROM[action] in step.sources
    ppk_from = {"sent_to_ppk", "ppk_overdue", "warned", "blocked"}
    assert set(rules["record_sanction"].sources) == ppk_from
    assert set(rules["record_left_service"].sources) == ppk_from
    assert set(rules["unblock"].sources) == {"sanctioned", "left_service"}


def case_in(state: str, users: dict[str, User]) -> Case:
    case = forwarded_case(users["bawaslu_kab_sleman"], users["commissioner_kab_sleman"])
    path = STAGE_ORDER[: STAGE_ORDER.index("block")]
    if state == "sanctioned":
        path = [*STAGE_ORDER[: STAGE_ORDER.index("send_to_ppk") + 1], "record_sanction"]
    for action in path:
        if case.state == state:
            break
        actor = users[ACTOR_FOR.get(action, "bkn_analyst")]
        take(action, case, actor)
        case = Case.objects.get(pk=case.pk)  # record_sanction works on a fresh copy
    assert case.state == state
    if state == "sanctioned":
        # Only a case that was blocked can be unblocked: a block still in force on a sanctioned case (data
        # from before the system lifted blocks with the decree).
        recommendation = Recommendation.objects.get(case=case)
        BlockRecord.objects.create(
            recommendation=recommendation, reason="Data lama.", requested_at=case.updated_at
        )
    return case


def snapshot(case: Case) -> tuple[object, ...]:
    stored = Case.objects.get(pk=case.pk)
    return (
        stored.state,
        stored.version,
        Transition.objects.filter(case=case).count(),
        Recommendation.objects.filter(case=case).count(),
        SanctionDecree.objects.filter(recommendation__case=case).count(),
        BlockRecord.objects.filter(recommendation__case=case).count(),
    )


@pytest.mark.parametrize("action", sorted(STAGE_FROM))
def test_each_action_by_each_role(action: str, users_by_role: dict[str, User]) -> None:
    case = case_in(STAGE_FROM[action], users_by_role)
    kasn_analyst = make_user("kasn_analyst", Role.AUTHORITY_ANALYST, institution(KASN))
    before = snapshot(case)
    for who in (*USER_FIXTURES, "kasn_analyst"):
        if who == ALLOWED[action]:
            continue
        user = kasn_analyst if who == "kasn_analyst" else users_by_role[who]
        with pytest.raises(actions.TransitionRefused) as refused:
            if action == "mark_ppk_overdue":
                actions.transition(case, action, actor=user)
            else:
                take(action, case, user)
        # Another authority (KASN) has the role but the case was forwarded to BKN.
        other_authority = who == "kasn_analyst" and ALLOWED[action] == "bkn_analyst"
        expected = "scope" if who == OUT_OF_SCOPE.get(action) or other_authority else "role"
        assert (who, refused.value.code) == (who, expected)
        assert snapshot(case) == before
    if action not in SYSTEM_ALLOWED:
        with pytest.raises(actions.TransitionRefused) as refused:
            actions.transition(case, action, actor=actions.SYSTEM)
        assert refused.value.code == "role"
        assert snapshot(case) == before

    allowed = ALLOWED[action]
    take(action, case, users_by_role[allowed] if allowed else None)
    stored = Case.objects.get(pk=case.pk)
    assert stored.state == STAGE_TO[action]
    last = Transition.objects.filter(case=case).last()
    assert last is not None
    expected_actor = users_by_role[allowed].pk if allowed else None
    assert (last.from_state, last.to_state, last.action, last.actor_id) == (
        STAGE_FROM[action],
        STAGE_TO[action],
        action,
        expected_actor,
    )
