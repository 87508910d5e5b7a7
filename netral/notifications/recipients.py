"""Who is told about a case step: the active users of the institution(s) that own the next step.

Every candidate is then checked against `Case.objects.visible_to(user)`, so nobody is told about a
case they may not open (a PPK only once a recommendation is addressed to its agency, Kemendagri only
while the case is overdue, warned or blocked).

Institutions per role, for one case:

- `bawaslu_staff` / `bawaslu_commissioner`: the Bawaslu of the case's region;
- the superior of a Bawaslu step (escalations only): the commissioners of that Bawaslu and every
  Bawaslu user of the level above (province for a regency/city, Bawaslu RI for a province);
- `authority_analyst`: the ASN authority the case was forwarded to (`Case.authority`);
- `ppk_officer`: the PPK offices of the agencies the case's recommendations are addressed to;
- `kemendagri_officer`: Kemendagri.

Everything works on many cases at once (a sweep batch, or the one case of a request): `Directory`
loads the candidates of all of them in one query and `Visibility` asks the access rule for every
(case, candidate) pair in one query (see `Visibility.visible`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Q

from netral.accounts.models import Institution, Role, User
from netral.cases.models import Case, Recommendation
from netral.cases.workflow import NOTIFY

STAFF = Role.BAWASLU_STAFF.value
COMMISSIONER = Role.BAWASLU_COMMISSIONER.value
ANALYST = Role.AUTHORITY_ANALYST.value
PPK = Role.PPK_OFFICER.value
KEMENDAGRI = Role.KEMENDAGRI_OFFICER.value
ROLES = (STAFF, COMMISSIONER, ANALYST, PPK, KEMENDAGRI)


def superior_region(code: str) -> str | None:
    """The region of the Bawaslu one level up: "34.04" → "34"; a province → None (Bawaslu RI)."""
    return code.split(".", 1)[0] if "." in code else None


@dataclass
class CaseFacts:
    """What the recipient rules need to know about one case."""

    case: Case
    agencies: set[int] = field(default_factory=set)  # agencies its recommendations are addressed to


def load_cases(case_ids: Iterable[int], *, with_agencies: bool = True) -> dict[int, CaseFacts]:
    """The cases (with their region) and their recommendations' agencies: two queries."""
    ids = set(case_ids)
    facts = {case.pk: CaseFacts(case) for case in Case.objects.filter(pk__in=ids).select_related("region")}
    if with_agencies and facts:
        rows = Recommendation.objects.filter(case_id__in=list(facts)).values_list("case_id", "agency_id")
        for case_id, agency_id in rows:
            facts[case_id].agencies.add(agency_id)
    return facts


class Directory:
    """The active users who hold one of `roles` at an institution that plays it for one of `cases`,
    loaded in one query and grouped by institution (ordered by id)."""

    def __init__(self, cases: Iterable[CaseFacts], roles: Iterable[str]) -> None:
        wanted = set(roles)
        facts = list(cases)
        condition = Q(pk__in=[])
        if wanted & {STAFF, COMMISSIONER}:
            regions = {f.case.region_id for f in facts}
            uppers = {superior_region(code) for code in regions} if COMMISSIONER in wanted else set()
            bawaslu = Q(institution__kind=Institution.Kind.BAWASLU)
            condition |= bawaslu & Q(institution__region_id__in=list(regions | uppers - {None}))
            if None in uppers:
                condition |= bawaslu & Q(institution__region__isnull=True)
        authorities = {f.case.authority_id for f in facts} - {None}
        if ANALYST in wanted and authorities:
            condition |= Q(institution_id__in=list(authorities), role=ANALYST)
        agencies = {agency for f in facts for agency in f.agencies}
        if PPK in wanted and agencies:
            condition |= Q(institution__kind=Institution.Kind.PPK, institution__agency_id__in=list(agencies))
        if KEMENDAGRI in wanted:
            condition |= Q(institution__kind=Institution.Kind.KEMENDAGRI)
        users = User.objects.filter(
            condition, is_active=True, role__in=list(wanted | {STAFF})
        ).select_related("institution")
        self.bawaslu: dict[tuple[str | None, str], list[User]] = defaultdict(list)
        self.by_institution: dict[tuple[int, str], list[User]] = defaultdict(list)
        self.ppk: dict[int, list[User]] = defaultdict(list)
        self.kemendagri: list[User] = []
        for user in users.order_by("pk"):
            institution = user.institution
            if institution is None:  # pragma: no cover - the query requires one
                continue
            self.by_institution[(institution.pk, user.role)].append(user)
            if institution.kind == Institution.Kind.BAWASLU:
                self.bawaslu[(institution.region_id, user.role)].append(user)
            elif institution.kind == Institution.Kind.PPK and user.role == PPK and institution.agency_id:
                self.ppk[institution.agency_id].append(user)
            elif institution.kind == Institution.Kind.KEMENDAGRI and user.role == KEMENDAGRI:
                self.kemendagri.append(user)

    def holders(self, facts: CaseFacts, role: str) -> list[User]:
        """The users holding `role` at the institution that plays it for the case."""
        case = facts.case
        if role in (STAFF, COMMISSIONER):
            return self.bawaslu.get((case.region_id, role), [])
        if role == ANALYST:
            return (
                [] if case.authority_id is None else self.by_institution.get((case.authority_id, ANALYST), [])
            )
        if role == PPK:
            return [user for agency in sorted(facts.agencies) for user in self.ppk.get(agency, [])]
        if role == KEMENDAGRI:
            return self.kemendagri
        return []

    def superiors(self, facts: CaseFacts, role: str) -> list[User]:
        """The superior of a step's owner: for a Bawaslu superior also the Bawaslu one level up."""
        users = list(self.holders(facts, role))
        if role == COMMISSIONER:
            upper = superior_region(facts.case.region_id)
            users += [
                user for level in (STAFF, COMMISSIONER) for user in self.bawaslu.get((upper, level), [])
            ]
        return users


def _unique(users: Iterable[User], skip: set[int] | None = None) -> list[User]:
    seen = set(skip or ())
    out = []
    for user in sorted(users, key=lambda u: u.pk):
        if user.pk not in seen:
            seen.add(user.pk)
            out.append(user)
    return out


def state_candidates(
    directory: Directory, facts: CaseFacts, state: str, *, exclude: Any = None
) -> list[User]:
    """Who owns the next step once the case reached `state` (ordered by id; never `exclude`)."""
    users = [user for role in NOTIFY.get(state, ()) for user in directory.holders(facts, role)]
    return _unique(users, {exclude} if exclude is not None else None)


def escalation_candidates(
    directory: Directory, facts: CaseFacts, owner_role: str, superior_role: str
) -> tuple[list[User], list[User]]:
    """(owners, superiors) of an overdue step (each ordered by id); an owner is never both."""
    owners = _unique(directory.holders(facts, owner_role))
    superiors = _unique(directory.superiors(facts, superior_role), {user.pk for user in owners})
    return owners, superiors


class Visibility:
    """Asks `Case.objects.visible_to(user)` for many (case, user) pairs in few queries.

    Each user's `visible_to` queryset is compiled once (cached by user id for the life of this
    object, e.g. one sweep); users whose querysets compile to the same SQL and parameters see the
    same cases and are asked once. The pairs are then checked with one `UNION ALL` of
    `SELECT <n>, pk FROM (<visible_to SQL>) v WHERE v.pk IN (<the cases asked for that SQL>)` per
    chunk of `CHUNK` terms (SQLite allows 500 terms per compound SELECT). A user whose role or
    institution changes during a sweep keeps the rule compiled at its start until the sweep ends.
    """

    CHUNK = 200

    def __init__(self) -> None:
        self._compiled: dict[int, tuple[str, tuple[Any, ...]] | None] = {}

    def _sql(self, user: User) -> tuple[str, tuple[Any, ...]] | None:
        if user.pk not in self._compiled:
            query = Case.objects.visible_to(user).order_by().values("pk").query
            try:
                sql, params = query.sql_with_params()
            except EmptyResultSet:
                self._compiled[user.pk] = None
            else:
                self._compiled[user.pk] = (sql, tuple(params))
        return self._compiled[user.pk]

    def visible(self, pairs: Iterable[tuple[int, User]]) -> set[tuple[int, int]]:
        """The (case id, user id) pairs among `pairs` where the user may see the case."""
        wanted = [(case_id, user, self._sql(user)) for case_id, user in pairs]
        asked: dict[tuple[str, tuple[Any, ...]], set[int]] = defaultdict(set)
        for case_id, _user, compiled in wanted:
            if compiled is not None:
                asked[compiled].add(case_id)
        keys = list(asked.items())
        seen: set[tuple[int, int]] = set()  # (number of the SQL in `keys`, case id)
        for start in range(0, len(keys), self.CHUNK):
            seen |= self._ask(keys, start)
        number = {key: index for index, (key, _ids) in enumerate(keys)}
        return {
            (case_id, user.pk)
            for case_id, user, compiled in wanted
            if compiled is not None and (number[compiled], case_id) in seen
        }

    def _ask(
        self, keys: Sequence[tuple[tuple[str, tuple[Any, ...]], set[int]]], start: int
    ) -> set[tuple[int, int]]:
        terms: list[str] = []
        params: list[Any] = []
        for number in range(start, min(start + self.CHUNK, len(keys))):
            (sql, sql_params), case_ids = keys[number]
            marks = ", ".join(["%s"] * len(case_ids))
            terms.append(f"SELECT {number} AS n, v.pk AS id FROM ({sql}) v WHERE v.pk IN ({marks})")  # noqa: S608
            params += [*sql_params, *sorted(case_ids)]
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join(terms), params)
            return {(int(n), int(case_id)) for n, case_id in cursor.fetchall()}


def visible_among(case: Case, users: list[User], visibility: Visibility | None = None) -> list[User]:
    """The users for whom `Case.objects.visible_to(user)` holds `case` (in their order)."""
    if not users:
        return []
    allowed = (visibility or Visibility()).visible((case.pk, user) for user in users)
    return [user for user in users if (case.pk, user.pk) in allowed]
