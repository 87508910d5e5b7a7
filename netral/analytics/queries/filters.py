"""The dashboard selection: which cases a user may count, narrowed by the dashboard filters.

Everything starts from `Case.objects.visible_to(user)` (the one access rule); the filters only narrow
it. `Filters` is the parsed form of the query string (`forms.FilterForm` builds it) and `as_params()`
writes it back, so every number on a dashboard links to `/analitik/perkara/?<same filters>&<dim>=<value>`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from netral.accounts.scope import scope_for, within_region_q
from netral.cases.models import Case, case_condition

if TYPE_CHECKING:
    from netral.accounts.types import RequestUser

# The value that stands for "not classified yet" (an empty group, no item, no agency ...).
NONE = "none"


@dataclass(frozen=True)
class Filters:
    """The dashboard filters. Empty values mean "no restriction"."""

    election: str = ""  # election code, e.g. "pilkada-2024"
    date_from: dt.date | None = None  # received on or after (local date, Asia/Jakarta)
    date_to: dt.date | None = None  # received on or before
    region: str = ""  # a province ("34") or regency/city ("34.04") code
    group: str = ""  # violation group code, or NONE for unclassified cases

    def as_params(self) -> dict[str, str]:
        """The filters as query-string parameters (empty ones left out)."""
        params = {
            "election": self.election,
            "date_from": self.date_from.isoformat() if self.date_from else "",
            "date_to": self.date_to.isoformat() if self.date_to else "",
            "region": self.region,
            "group": self.group,
        }
        return {key: value for key, value in params.items() if value}


def day_start(day: dt.date) -> dt.datetime:
    """Midnight at the start of `day` in the current time zone (aware), for index-friendly ranges."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def region_prefix_q(code: str, field: str = "region") -> Q:
    """Cases in the region `code` and, for a province, in all its regencies/cities."""
    return within_region_q(code, field)


def filters_q(filters: Filters) -> Q:
    """The filters as one `Q` on Case (no joins: every field is a column of cases_case)."""
    q = Q()
    if filters.election:
        q &= Q(election__code=filters.election)
    if filters.date_from:
        q &= Q(received_at__gte=day_start(filters.date_from))
    if filters.date_to:
        q &= Q(received_at__lt=day_start(filters.date_to + dt.timedelta(days=1)))
    if filters.region:
        q &= region_prefix_q(filters.region)
    if filters.group:
        q &= Q(group="" if filters.group == NONE else filters.group)
    return q


def cases_for(user: RequestUser, filters: Filters | None = None) -> QuerySet[Case]:
    """The cases a dashboard counts: visible to `user`, narrowed by `filters`."""
    cases = Case.objects.visible_to(user)
    if filters is not None:
        cases = cases.filter(filters_q(filters))
    return cases


def is_unrestricted(user: RequestUser, filters: Filters | None) -> bool:
    """Whether the selection is every case (a national user with no filters): related tables can then
    be counted without a semi-join on cases."""
    return case_condition(user) is None and (filters is None or not filters.as_params())


def related_q(user: RequestUser, filters: Filters | None, field: str = "case") -> Q:
    """A `Q` restricting a model with a foreign key `field` to Case to the selection."""
    if is_unrestricted(user, filters):
        return Q()
    return Q(**{f"{field}__in": cases_for(user, filters).values("pk")})


def copied_q(user: RequestUser, filters: Filters | None, copies: frozenset[str], field: str = "case") -> Q:
    """The selection as a `Q` on a model that keeps copies of some case columns (`copies`, such as the
    deadline's `authority_id`, kept by the action layer): when the user's visibility condition reads only
    those columns it is applied to the model's own copies, with no semi-join on the cases; the filters, if
    any, still go through the semi-join. Otherwise the same as `related_q`."""
    if is_unrestricted(user, filters):
        return Q()
    condition = case_condition(user)
    on_copies = (
        None if condition is None else _mapped(condition, lambda *pair: pair if pair[0] in copies else None)
    )
    if on_copies is None:
        return related_q(user, filters, field)
    if filters is None or not filters.as_params():
        return on_copies
    return on_copies & Q(**{f"{field}__in": Case.objects.filter(filters_q(filters)).values("pk")})


# Case lookups the visibility rule and the filters use → the same lookup on the tallies
# (cases/models/tally.py), whose key columns are copies of those case columns (an authority of None is
# kept as 0 there).
TALLY_LOOKUPS: dict[str, str] = {
    "region_id": "region_id",
    "region__code__startswith": "region__code__startswith",
    "election__code": "election__code",
    "group": "group",
    "authority_id": "authority_key",
}
# The case's current state, for a tally that keeps it in its key (`PpkTally`; Kemendagri's scope).
STATE_LOOKUPS: dict[str, str] = {"state": "state", "state__in": "state__in"}


def tally_q(user: RequestUser, filters: Filters | None, extra: dict[str, str] | None = None) -> Q | None:
    """The selection as a `Q` on a tally (the same visibility condition and filters, on its key columns;
    `extra`: lookups the tally has beyond `TALLY_LOOKUPS`), or None when a part of it is not among the
    tally's keys (a date range, a PPK's scope, ...): the dashboard then counts the rows themselves."""
    lookups = {**TALLY_LOOKUPS, **(extra or {})}

    def on_tally(lookup: str, value: Any) -> tuple[str, Any] | None:
        if lookup not in lookups:
            return None
        return lookups[lookup], (value or 0) if lookup == "authority_id" else value

    result = Q()
    for part in (case_condition(user) or Q(), filters_q(filters) if filters is not None else Q()):
        translated = _mapped(part, on_tally)
        if translated is None:
            return None
        result &= translated
    return result


def joined_q(user: RequestUser, filters: Filters | None, field: str = "case") -> Q:
    """The selection as a `Q` on a model whose foreign key `field` to Case is joined anyway (the PPK table
    reads the case's state): the visibility rule and the filters applied to the joined case row, instead
    of a semi-join on the selection. Falls back to `related_q` when a condition is not a plain lookup."""
    if is_unrestricted(user, filters):
        return Q()
    parts = [case_condition(user) or Q(), filters_q(filters) if filters is not None else Q()]
    prefixed = [_mapped(part, lambda lookup, value: (f"{field}__{lookup}", value)) for part in parts]
    if any(part is None for part in prefixed):
        return related_q(user, filters, field)
    result = Q()
    for part in prefixed:
        result &= part  # type: ignore[operator]
    return result


def _mapped(q: Q, change: Callable[[str, Any], tuple[str, Any] | None]) -> Q | None:
    """`q` with every (lookup, value) child replaced by `change(lookup, value)`; None when `change` refuses
    one (returns None) or a child is not a plain (lookup, value) pair (an expression)."""
    children: list[Any] = []
    for child in q.children:
        inner: Q | tuple[str, Any] | None
        if isinstance(child, Q):
            inner = _mapped(child, change)
        elif isinstance(child, tuple) and len(child) == 2 and isinstance(child[0], str):
            inner = change(*child)
        else:
            inner = None
        if inner is None:
            return None
        children.append(inner)
    return Q(*children, _connector=q.connector, _negated=q.negated)


def effective_region(user: RequestUser, filters: Filters | None) -> str:
    """The narrowest region the selection lies in ("" when national or not regional)."""
    if filters is not None and filters.region:
        return filters.region
    return scope_for(user).region_prefix or ""
