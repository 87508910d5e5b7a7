"""The tallies (cases/models/tally.py), kept by the action layer: they always equal a recount from the
rows, and every dashboard number read from them equals the count of the rows themselves, for every role
and filter."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

import pytest
from django.db.models import F
from django.utils import timezone

from netral.analytics import public
from netral.analytics.queries import Filters, aggregates, geo, ppk
from netral.analytics.queries.filters import tally_q
from netral.cases import actions, escalation, tally
from netral.cases.models import Case, Deadline, DeadlineTally, Transition
from netral.cases.tally import TALLIES
from netral_gen.cases import bulk
from tests.test_analytics_dash_joined import FILTERS
from tests.test_analytics_dash_support import build_world, classify
from tests.test_cases_authority_support import BAWASLU_STEPS, RECEIVED, wib
from tests.test_cases_support import new_case

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2025, 1, 15, 12, tzinfo=dt.UTC)


NAMES = [t.model for t in TALLIES]


def stored(name: str = "DeadlineTally") -> dict[tuple[Any, ...], Counter[str]]:
    """The kept tally rows (key → counts) without rows whose counts all went back to zero."""
    return {key: counts for (_model, key), counts in tally.stored(name).items()}


def recounted(name: str = "DeadlineTally") -> dict[tuple[Any, ...], Counter[str]]:
    counted = tally.snapshot(None, only=[name])
    return {key: counts for (_model, key), counts in counted.items() if any(counts.values())}


def assert_kept_equals_recount() -> None:
    for name in NAMES:
        assert stored(name) == recounted(name), name


def test_the_kept_tally_equals_a_recount(users_by_role: dict[str, Any]) -> None:
    build_world(users_by_role)
    assert_kept_equals_recount()
    kept = stored()
    outcomes = [sum(counts[name] for counts in kept.values()) for name in ("on_time", "late", "overdue")]
    assert all(outcomes), outcomes  # on time, late and overdue all occur in the world
    assert {key[3] for key in kept} > {0}  # counted before and after the forwarding
    followed = stored("PpkTally")
    assert {measure for counts in followed.values() for measure in counts} == {
        "received",
        "on_time",
        "late",
        "overdue",
        "blocks",
    }
    assert sum(counts["current"] for counts in stored("CaseTally").values()) == Case.objects.count()


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
    assert_kept_equals_recount()
    assert {key[2] for key in stored("CaseTally")} == {case.authority_id}
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
    totals = bulk.generate(200, seed=3)
    assert totals["tally rows"] >= DeadlineTally.objects.count() > 0
    assert_kept_equals_recount()


def test_a_refused_or_failed_action_counts_nothing(users_by_role: dict[str, Any]) -> None:
    build_world(users_by_role)
    before = {name: stored(name) for name in NAMES}
    case = Case.objects.filter(state="received").first()
    assert case is not None
    with pytest.raises(actions.TransitionRefused):
        actions.transition(case, "recommend", actor=users_by_role["bawaslu_kab_sleman"])
    assert {name: stored(name) for name in NAMES} == before


def _every_number(user: Any, filters: Filters) -> dict[str, Any]:
    numbers: dict[str, Any] = {
        "summary": aggregates.summary(user, filters),
        "funnel": aggregates.funnel(user, filters),
        "weekly": aggregates.weekly(user, filters),
        "deadlines": aggregates.deadlines(user, filters, now=NOW),
        "provinces": geo.by_province(user, filters),
        "regencies": geo.by_regency(user, filters, "34"),
        "ppk": sorted(ppk.compliance(user, filters, now=NOW), key=lambda row: row["agency_id"]),
    }
    for dimension in aggregates.BREAKDOWNS:
        numbers[dimension] = aggregates.breakdown(user, filters, dimension)
    return numbers


def test_dashboards_from_the_tallies_equal_the_counts_of_the_rows(
    users_by_role: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    build_world(users_by_role)
    selections = [
        (user, filters)
        for user in users_by_role.values()
        for filters in [*FILTERS, Filters(election="pilkada-2024", group="media_sosial")]
    ]
    from_tallies = [_every_number(user, filters) for user, filters in selections]
    answered = sum(tally_q(user, filters) is not None for user, filters in selections)
    for module in (aggregates, ppk):
        monkeypatch.setattr(module, "tally_q", lambda *args, **kwargs: None)
    for (user, filters), numbers in zip(selections, from_tallies, strict=True):
        assert numbers == _every_number(user, filters), (user.username, filters)
    assert answered >= 20
    assert sum(bool(numbers["ppk"]) for numbers in from_tallies) >= 5


def test_the_weekly_chart_counts_weeks_from_monday_in_local_time(users_by_role: dict[str, Any]) -> None:
    build_world(users_by_role)
    user = users_by_role["bawaslu_ri"]
    zone = timezone.get_default_timezone()
    days = [at.astimezone(zone).date() for at in Case.objects.values_list("received_at", flat=True)]
    weeks = Counter(day - dt.timedelta(days=day.weekday()) for day in days)
    assert {row["monday"]: row["count"] for row in aggregates.weekly(user)} == {
        monday.isoformat(): count for monday, count in weeks.items()
    }


def test_public_statistics_from_the_tally_equal_the_counts_of_the_rows(users_by_role: dict[str, Any]) -> None:
    build_world(users_by_role)
    counts = public._counts(None)
    cases = Case.objects.all()
    assert counts["total"] == cases.count()
    assert counts["region"] == dict(
        Counter(region[:2] for region in cases.values_list("region_id", flat=True))
    )
    assert counts["group"] == dict(
        Counter(group or "unknown" for group in cases.values_list("group", flat=True))
    )
    transitions = Transition.objects.exclude(from_state=F("to_state"))
    entered = Counter(transitions.values_list("to_state", flat=True))
    for outcome, states in public.OUTCOMES.items():
        assert counts["outcome"][outcome] == sum(entered[state] for state in states), outcome


def test_the_escalation_sweep_keeps_the_tallies(users_by_role: dict[str, Any]) -> None:
    build_world(users_by_role)
    result = escalation.sweep(NOW + dt.timedelta(days=400))
    assert result.overdue_marked > 0 and result.ppk_overdue + result.blocked > 0, result
    assert_kept_equals_recount()
    assert sum(counts["overdue"] for counts in stored().values()) >= result.overdue_marked


def test_a_new_case_is_counted_as_a_recount_would_count_it(db: None) -> None:
    expired = new_case(known_on=dt.date(2024, 1, 2))  # reported long after the window: daluwarsa
    # Monday 01:00 in Jakarta is still Sunday in UTC: the week is the local one.
    monday = new_case(received_at=dt.datetime(2024, 4, 7, 18, tzinfo=dt.UTC), known_on=dt.date(2024, 4, 7))
    assert expired.daluwarsa and not monday.daluwarsa
    assert_kept_equals_recount()
    weeks = {key[-1] for key in stored("WeekTally")}
    assert dt.date(2024, 4, 8) in weeks


def test_a_tracked_change_reads_the_case_rows_once(
    db: None, users_by_role: dict[str, Any], django_assert_num_queries: Any
) -> None:
    cases = [new_case(), new_case(known_on=dt.date(2024, 1, 2)), new_case(region_code="71.71")]
    # One read of the case rows (state, dimensions, week), one of the ended deadlines, one of the
    # transitions (states entered), two of the recommendations and blocks: whatever the number of cases.
    for ids in ([cases[0].pk], [case.pk for case in cases]):
        with django_assert_num_queries(5):
            counted = tally.snapshot(ids)
        assert sum(
            counts["current"] for (model, _key), counts in counted.items() if model == "CaseTally"
        ) == len(ids)
    staff = users_by_role["bawaslu_kab_sleman"]
    actions.transition(cases[0], "start_initial_review", actor=staff)
    assert_kept_equals_recount()
