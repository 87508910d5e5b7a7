"""Every Bawaslu-stage transition by every role fixture: allowed roles in scope succeed, all others
are refused with the reason (role or scope), and nothing changes on a refusal."""

from __future__ import annotations

import pytest

from netral.cases import actions
from netral.cases.models import Case, Transition
from netral.cases.workflow import STEP_BY_NAME
from tests.fixtures import USER_FIXTURES
from tests.test_cases_support import DECISIONS, FROM_STATE, PATH_TO, TO_STATE, new_case, walk

pytestmark = pytest.mark.django_db

# Written by hand: who may take each action on a case in Kabupaten Sleman (34.04).
STAFF_IN_SCOPE = {"bawaslu_ri", "bawaslu_prov_diy", "bawaslu_kab_sleman"}
COMMISSIONERS_IN_SCOPE = {"commissioner_kab_sleman"}
RIGHT_ROLE_OUT_OF_SCOPE = {"bawaslu_kota_manado"}  # staff, but of Kota Manado


def test_the_table_matches_the_hand_written_workflow() -> None:
    assert {action: set(STEP_BY_NAME[action].sources) for action in FROM_STATE} == {
        action: {state} for action, state in FROM_STATE.items()
    }
    assert {action: STEP_BY_NAME[action].target for action in FROM_STATE} == TO_STATE


@pytest.mark.parametrize("action", sorted(FROM_STATE))
@pytest.mark.parametrize("who", USER_FIXTURES)
def test_each_action_by_each_role(action: str, who: str, request: pytest.FixtureRequest) -> None:
    staff = request.getfixturevalue("bawaslu_kab_sleman")
    commissioner = request.getfixturevalue("commissioner_kab_sleman")
    user = request.getfixturevalue(who)
    case = walk(new_case(), PATH_TO[FROM_STATE[action]], staff, commissioner)
    before = (case.state, case.version, Transition.objects.filter(case=case).count())

    allowed = COMMISSIONERS_IN_SCOPE if action in DECISIONS else STAFF_IN_SCOPE
    if who in allowed:
        done = actions.transition(case, action, actor=user, reason="uji")
        assert done.state == TO_STATE[action]
        last = Transition.objects.filter(case=case).last()
        assert last is not None
        assert (last.from_state, last.to_state, last.action, last.actor_id) == (
            FROM_STATE[action],
            TO_STATE[action],
            action,
            user.pk,
        )
        return
    with pytest.raises(actions.TransitionRefused) as refused:
        actions.transition(case, action, actor=user)
    expected = "scope" if who in RIGHT_ROLE_OUT_OF_SCOPE and action not in DECISIONS else "role"
    assert refused.value.code == expected
    stored = Case.objects.get(pk=case.pk)
    assert (stored.state, stored.version, Transition.objects.filter(case=case).count()) == before
