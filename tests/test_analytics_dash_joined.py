"""The PPK table applies the selection to the joined case row (`queries.filters.joined_q`), and the deadline
health to the deadline's copy of the case's authority (`queries.filters.copied_q`), instead of a semi-join:
each must select exactly the rows the semi-join (`related_q`) selects, for every role and filter."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db.models import Q

from netral.analytics.queries import Filters
from netral.analytics.queries.aggregates import DEADLINE_CASE_COPIES
from netral.analytics.queries.filters import copied_q, joined_q, related_q
from netral.cases.models import BlockRecord, Deadline, Recommendation
from tests.test_analytics_dash_support import build_world

pytestmark = pytest.mark.django_db

FILTERS = [
    Filters(),
    Filters(region="34"),
    Filters(region="71.71", election="pilkada-2024"),
    Filters(group="media_sosial", date_from=dt.date(2024, 10, 1), date_to=dt.date(2024, 12, 31)),
    Filters(group="none"),
]


def _ids(model: Any, q: Q) -> set[int]:
    return set(model.objects.filter(q).values_list("pk", flat=True))


def test_joined_scope_selects_what_the_semi_join_selects(users_by_role: dict[str, Any]) -> None:
    build_world(users_by_role)
    assert Recommendation.objects.exists()
    seen_rows = 0
    for user in users_by_role.values():
        for filters in FILTERS:
            for model, field in ((Recommendation, "case"), (Deadline, "case")):
                joined = _ids(model, joined_q(user, filters, field))
                assert joined == _ids(model, related_q(user, filters, field)), (user.username, filters)
                seen_rows += len(joined)
            field = "recommendation__case"
            assert _ids(BlockRecord, joined_q(user, filters, field)) == _ids(
                BlockRecord, related_q(user, filters, field)
            )
    assert seen_rows > 0  # the comparison saw rows, not only empty selections


def test_a_condition_that_is_not_a_plain_lookup_falls_back_to_the_semi_join(
    users_by_role: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.db.models import Exists, OuterRef

    from netral.analytics.queries import filters as module

    build_world(users_by_role)
    user = users_by_role["bawaslu_prov_diy"]
    odd = Q(Exists(Recommendation.objects.filter(case=OuterRef("pk"))))
    monkeypatch.setattr(module, "case_condition", lambda _user: odd)
    fallback = module.joined_q(user, Filters(), "case")
    # the semi-join of related_q
    assert [child[0] for child in fallback.children if isinstance(child, tuple)] == ["case__in"]


def test_copied_scope_selects_what_the_semi_join_selects(users_by_role: dict[str, Any]) -> None:
    world = build_world(users_by_role)
    forwarded = [case for case in world.cases.values() if case.authority_id is not None]
    assert forwarded  # the world has cases forwarded to the ASN authority
    analyst_rows = 0
    for user in users_by_role.values():
        for filters in FILTERS:
            copied = _ids(Deadline, copied_q(user, filters, DEADLINE_CASE_COPIES))
            assert copied == _ids(Deadline, related_q(user, filters)), (user.username, filters)
            if user.username == "bkn_analyst":
                analyst_rows += len(copied)
    assert analyst_rows > 0
    # the analyst's selection without filters is the copy alone, no semi-join on the cases
    plain = copied_q(users_by_role["bkn_analyst"], Filters(), DEADLINE_CASE_COPIES)
    assert [child[0] for child in plain.children if isinstance(child, tuple)] == ["authority_id"]
    assert len(plain.children) == 1


def test_deadlines_carry_their_case_authority(users_by_role: dict[str, Any]) -> None:
    build_world(users_by_role)
    rows = list(Deadline.objects.values_list("authority_id", "case__authority_id"))
    assert any(case_authority is not None for _own, case_authority in rows)
    assert any(case_authority is None for _own, case_authority in rows)
    assert all(own == case_authority for own, case_authority in rows)
