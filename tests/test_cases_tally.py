"""`DeadlineTally`, the ended deadlines counted by case attributes and kept by the action layer: it always
equals a recount from the deadline rows, and the deadline health read from it equals the count of every
deadline, for every role and filter."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from netral.analytics import generate
from netral.analytics.queries import Filters, aggregates
from netral.analytics.queries.filters import tally_q
from netral.cases import actions, tally
from netral.cases.models import Case, Deadline, DeadlineTally
from tests.test_analytics_dash_joined import FILTERS
from tests.test_analytics_dash_support import build_world, classify
from tests.test_cases_authority_support import BAWASLU_STEPS, RECEIVED, wib
from tests.test_cases_support import new_case

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2025, 1, 15, 12, tzinfo=dt.UTC)


def stored() -> dict[tuple[Any, ...], tuple[int, int, int]]:
    """The kept tally without rows whose counts all went back to zero."""
    rows = DeadlineTally.objects.values_list(
        "clock", "election_id", "region_id", "authority_key", "group", "on_time", "late", "overdue"
    )
    return {row[:5]: row[5:] for row in rows if any(row[5:])}


def recounted() -> dict[tuple[Any, ...], tuple[int, int, int]]:
    return {
        (row["clock"], row["election_id"], row["region_id"], row["case_authority"] or 0, row["group"]): (
            row["on_time"],
            row["late"],
            row["overdue"],
        )
        for row in tally.recount()
    }


def test_the_kept_tally_equals_a_recount(users_by_role: dict[str, Any]) -> None:
    build_world(users_by_role)
    kept = stored()
    assert kept == recounted()
    outcomes = [sum(counts[i] for counts in kept.values()) for i in range(3)]
    assert all(outcomes), outcomes  # on time, late and overdue all occur in the world
    assert {key[3] for key in kept} > {0}  # counted before and after the forwarding


def test_reclassifying_and_forwarding_move_the_counts(
    bawaslu_kab_sleman: Any, commissioner_kab_sleman: Any
) -> None:
    case = new_case(election="pilkada-2024", received_at=wib(RECEIVED), known_on=RECEIVED)
    for action, day in BAWASLU_STEPS:
        actor = commissioner_kab_sleman if action.startswith("decide_") else bawaslu_kab_sleman
        if action == "forward_to_authority":
            # Ended clocks exist by now; a changed group moves them to the new key.
            classify(case, bawaslu_kab_sleman, "media_sosial", "", "fungsional", None)
            assert {key[4] for key in stored()} == {"media_sosial"}
            classify(Case.objects.get(pk=case.pk), bawaslu_kab_sleman, "foto_gestur", "", "fungsional", None)
            assert {key[4] for key in stored()} == {"foto_gestur"}
            case = Case.objects.get(pk=case.pk)
            assert {key[3] for key in stored()} == {0}
        case = actions.transition(case, action, actor=actor, at=wib(day))
    assert case.authority_id is not None
    assert {key[3] for key in stored()} == {case.authority_id}
    assert stored() == recounted()
    assert Deadline.objects.filter(case=case).exclude(state="open").exists()


def test_deadline_health_from_the_tally_equals_the_count_of_every_deadline(
    users_by_role: dict[str, Any],
) -> None:
    build_world(users_by_role)
    compared = 0
    for user in users_by_role.values():
        for filters in [*FILTERS, Filters(election="pilkada-2024", group="media_sosial")]:
            result = aggregates.deadlines(user, filters, now=NOW)
            scanned = [row for row in aggregates._scanned(user, filters, NOW) if row["total"]]
            assert [{k: v for k, v in row.items() if k != "share_on_time"} for row in result["clocks"]] == (
                scanned
            ), (user.username, filters)
            compared += tally_q(user, filters) is not None and bool(scanned)
    assert compared >= 5  # the tally path answered, with deadlines, for several roles and filters


def test_regional_and_authority_selections_use_the_tally(users_by_role: dict[str, Any]) -> None:
    for name in ("bawaslu_ri", "bawaslu_prov_diy", "bawaslu_kab_sleman", "bkn_analyst"):
        assert tally_q(users_by_role[name], Filters(region="34", group="none")) is not None, name
    # Date ranges, a PPK's and Kemendagri's scopes are not among its keys: the deadlines are counted.
    assert tally_q(users_by_role["bawaslu_ri"], Filters(date_from=dt.date(2024, 10, 1))) is None
    assert tally_q(users_by_role["ppk_kab_sleman"], Filters()) is None
    assert tally_q(users_by_role["kemendagri_officer"], Filters()) is None


def test_the_generator_leaves_a_correct_tally(db: None) -> None:
    totals = generate.generate(200, seed=3)
    assert totals["DeadlineTally"] == DeadlineTally.objects.count() > 0
    assert stored() == recounted()
