"""`netral demo cases`: the cases match the planned shape, are made through the real actions, and a
second run with the same seed adds nothing."""

from __future__ import annotations

import json
from collections import Counter
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command

from netral.audit.services import verify
from netral.cases.models import Case, Deadline, Transition
from netral.elections.models import Election
from netral_gen.cases import demo

SIZE = 30


@pytest.fixture(autouse=True)
def demo_actors(db: None) -> None:
    """The demo users the walker acts as (made with the fast test password hash)."""
    from netral.accounts import services
    from netral.accounts.models import Role
    from tests.fixtures import make_user

    make_user("bawaslu.ri", Role.BAWASLU_STAFF, services.bawaslu_for_region(None))
    make_user("komisioner.ri", Role.BAWASLU_COMMISSIONER, services.bawaslu_for_region(None))
    make_user("bkn.analis", Role.AUTHORITY_ANALYST, services.institution(services.BKN))
    make_user("kemendagri", Role.KEMENDAGRI_OFFICER, services.institution(services.KEMENDAGRI))


def _plan(seed: int) -> list[demo.Story]:
    return demo.plan(
        SIZE,
        seed=seed,
        election=Election.objects.get(code="pilkada-2024"),
        past=Election.objects.get(code="pilkada-2020"),
        past_share=0.15,
    )


def test_plan_is_deterministic_and_shaped(db: None) -> None:
    first, again, other = _plan(3), _plan(3), _plan(4)
    assert [vars(s) for s in first] == [vars(s) for s in again]
    assert [vars(s) for s in first] != [vars(s) for s in other]
    big = demo.plan(2000, seed=1, election=Election.objects.get(code="pilkada-2024"), past=None, past_share=0)
    groups = Counter(story.group for story in big)
    # Social media is the largest group (about 30%), as in KASN's Pilkada 2020 figures.
    assert groups.most_common(1)[0][0] == "media_sosial" and 500 < groups["media_sosial"] < 720
    states = Counter(story.final_state for story in big)
    assert states["sanctioned"] > states["blocked"] > 0 and states["ppk_overdue"] > 0


def test_demo_cases_match_the_plan_and_rerun_adds_nothing(db: None) -> None:
    out = StringIO()
    call_command("demo", "cases", "--size", str(SIZE), "--seed", "3", "--json", stdout=out)
    result = json.loads(out.getvalue())
    stories = _plan(3)
    assert result["created"] == SIZE and result["cases"] == SIZE
    assert result["by_state"] == dict(Counter(story.final_state for story in stories))
    assert Case.objects.count() == SIZE
    assert dict(Counter(Case.objects.values_list("state", flat=True))) == result["by_state"]
    by_election = Counter(Case.objects.values_list("election__code", flat=True))
    assert dict(by_election) == result["by_election"]
    # Classified when registered, with the planned group and position class.
    registered = [s for s in stories if s.bawaslu not in demo.UNREGISTERED]
    classified = Case.objects.exclude(group="")
    assert Counter(classified.values_list("group", flat=True)) == Counter(s.group for s in registered)
    assert Counter(classified.values_list("position_class", flat=True)) == Counter(
        s.position_class for s in registered
    )
    # Consistent rows: every case's last transition is its state; deadlines exist; the audit chain holds.
    for case in Case.objects.all():
        assert Transition.objects.filter(case=case).last().to_state == case.state  # type: ignore[union-attr]
    assert Deadline.objects.count() >= SIZE
    assert verify().ok

    again = StringIO()
    call_command("demo", "cases", "--size", str(SIZE), "--seed", "3", "--json", stdout=again)
    assert json.loads(again.getvalue())["created"] == 0
    assert Case.objects.count() == SIZE


def test_bad_size(db: None) -> None:
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("demo", "cases", "--size", "0")


def test_replayed_history_notifies_nobody(db: None, recorded: dict[str, list[Any]]) -> None:
    from netral.notifications.models import Notification
    from netral.outbox.models import Event

    demo.run(3, seed=9)
    assert recorded == {"case": [], "escalation": []}  # replayed history reaches no handler
    assert not Notification.objects.exists()
    states = set(Event.objects.values_list("state", flat=True))
    assert states == {Event.State.SKIPPED}  # stored, and kept from processing
