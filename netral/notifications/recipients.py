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
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q

from netral.accounts.models import Institution, Role, User
from netral.cases.models import Case, Recommendation
from netral.cases.transitions import State

STAFF = Role.BAWASLU_STAFF.value
COMMISSIONER = Role.BAWASLU_COMMISSIONER.value
ANALYST = Role.AUTHORITY_ANALYST.value
PPK = Role.PPK_OFFICER.value
KEMENDAGRI = Role.KEMENDAGRI_OFFICER.value
BAWASLU_OUTCOME = (STAFF, COMMISSIONER)

S = State
# The roles told when a case reaches a state: who owns the next step (or, for an outcome, the
# institutions that handled the case before).
STATE_ROLES: dict[str, tuple[str, ...]] = {
    S.RECEIVED: (STAFF,),
    S.INITIAL_REVIEW: (STAFF,),
    S.REGISTERED: (STAFF,),
    S.CLARIFICATION: (STAFF,),
    S.STUDY: (STAFF,),
    S.PLENARY: (COMMISSIONER,),
    S.VIOLATION: (STAFF,),
    S.REJECTED_FORMAL: BAWASLU_OUTCOME,
    S.REJECTED_EXPIRED: BAWASLU_OUTCOME,
    S.NOT_VIOLATION: BAWASLU_OUTCOME,
    S.FORWARDED_GAKKUMDU: BAWASLU_OUTCOME,
    S.FORWARDED_OTHER: BAWASLU_OUTCOME,
    "gakkumdu_concluded": BAWASLU_OUTCOME,
    "other_concluded": BAWASLU_OUTCOME,
    S.FORWARDED_ASN_AUTHORITY: (ANALYST,),
    S.AUTHORITY_RECEIVED: (ANALYST,),
    S.VERIFIED: (ANALYST,),
    S.RECOMMENDED: (ANALYST,),
    S.NOT_PROVEN: BAWASLU_OUTCOME,
    S.REJECTED: BAWASLU_OUTCOME,
    S.SENT_TO_PPK: (PPK,),
    S.PPK_OVERDUE: (KEMENDAGRI, PPK),
    S.WARNED: (PPK,),
    S.BLOCKED: (PPK, ANALYST),
    S.SANCTIONED: (*BAWASLU_OUTCOME, ANALYST),
    S.LEFT_SERVICE: (*BAWASLU_OUTCOME, ANALYST),
    S.UNBLOCKED: (ANALYST, PPK),
}


def superior_region(code: str) -> str | None:
    """The region of the Bawaslu one level up: "34.04" → "34"; a province → None (Bawaslu RI)."""
    return code.split(".", 1)[0] if "." in code else None


def _bawaslu(region_code: str | None, roles: Iterable[str]) -> Q:
    where = Q(institution__region_id=region_code) if region_code else Q(institution__region__isnull=True)
    return Q(institution__kind=Institution.Kind.BAWASLU, role__in=list(roles)) & where


def role_condition(case: Case, role: str) -> Q:
    """The users holding `role` at the institution that plays it for `case` (may match nobody)."""
    if role in (STAFF, COMMISSIONER):
        return _bawaslu(case.region_id, [role])
    if role == ANALYST:
        if case.authority_id is None:
            return Q(pk__in=[])
        return Q(institution_id=case.authority_id, role=ANALYST)
    if role == PPK:
        agencies = Recommendation.objects.filter(case_id=case.pk).values("agency_id")
        return Q(institution__kind=Institution.Kind.PPK, institution__agency_id__in=agencies, role=PPK)
    if role == KEMENDAGRI:
        return Q(institution__kind=Institution.Kind.KEMENDAGRI, role=KEMENDAGRI)
    return Q(pk__in=[])


def superior_condition(case: Case, role: str) -> Q:
    """The superior of a step's owner: for a Bawaslu superior also the Bawaslu one level up."""
    condition = role_condition(case, role)
    if role == COMMISSIONER:
        condition |= _bawaslu(superior_region(case.region_id), BAWASLU_OUTCOME)
    return condition


def users_where(case: Case, condition: Q, *, exclude: Any = None, mark: Q | None = None) -> list[User]:
    """Active users matching `condition` who may see `case` (ordered by id; `exclude`: a user id).

    With `mark`, each user gets `marked` (whether they match `mark` too), in the same query.
    """
    candidates = User.objects.filter(condition, is_active=True).select_related("institution")
    if mark is not None:
        candidates = candidates.annotate(marked=ExpressionWrapper(mark, output_field=BooleanField()))
    if exclude is not None:
        candidates = candidates.exclude(pk=exclude)
    return visible_among(case, list(candidates.order_by("pk")))


def visible_among(case: Case, users: list[User]) -> list[User]:
    """The users for whom `Case.objects.visible_to(user)` holds `case`, asked in one query."""
    if not users:
        return []
    checks = {
        f"user_{index}": Exists(Case.objects.visible_to(user).filter(pk=OuterRef("pk")))
        for index, user in enumerate(users)
    }
    row = Case.objects.filter(pk=case.pk).annotate(**checks).values(*checks).first() or {}
    return [user for index, user in enumerate(users) if row.get(f"user_{index}")]


def for_escalation(case: Case, owner_role: str, superior_role: str) -> tuple[list[User], list[User]]:
    """(owners, superiors) of an overdue step of `case`, in one query; an owner is never both."""
    owner = role_condition(case, owner_role)
    users = users_where(case, owner | superior_condition(case, superior_role), mark=owner)
    owners = [user for user in users if user.marked]  # type: ignore[attr-defined]
    return owners, [user for user in users if not user.marked]  # type: ignore[attr-defined]


def for_state(case: Case, state: str, *, exclude: Any = None) -> list[User]:
    """Who is told that `case` reached `state` (the actor, `exclude`, is never told)."""
    roles = STATE_ROLES.get(state, ())
    if not roles:
        return []
    condition = Q(pk__in=[])
    for role in roles:
        condition |= role_condition(case, role)
    return users_where(case, condition, exclude=exclude)
