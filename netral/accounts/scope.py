"""The one access rule: what part of the country (or which agency) a user may see.

`scope_for(user)` turns a user into a `Scope`. Every `visible_to(user)` queryset method in netral
starts from it, so the rule is written once:

- anonymous, inactive and institution-less users get `EMPTY` (they see nothing);
- superusers, administrators and data custodians are national (kind "operator" when they have
  no institution; a superuser without a role counts as an administrator);
- any other user takes the scope of their institution: no region means national (Bawaslu RI,
  the ASN authority, Kemendagri), a province region means that province and all its
  regencies/cities, a regency/city region means only that regency/city;
- a PPK office is scoped to its agency (`agency_id`), not to a region: a PPK sees only what is
  addressed to its own agency, so `region_q` gives a PPK nothing and `agency_q` gives its agency.

What kind of record a national user reaches (everything for Bawaslu RI, only forwarded cases for
the ASN authority) is decided per model from `kind` and `role`; the scope only answers "where".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q

# Roles that are national whatever their institution (kept as strings so this module does not
# import the models; they equal accounts.models.Role values).
NATIONAL_ROLES = frozenset({"administrator", "data_custodian"})


@dataclass(frozen=True)
class Scope:
    """Where a user may look. `national` wins over `region_prefix`; PPK offices use `agency_id`."""

    national: bool
    # A province code ("34") or regency/city code ("34.04"); None when national or not regional.
    region_prefix: str | None
    # For PPK officers: the personnel Agency whose civil servants their PPK sanctions.
    agency_id: int | None
    # The institution kind ("bawaslu", "asn_authority", "ppk", "kemendagri", "operator") or "none".
    kind: str
    role: str

    @property
    def is_empty(self) -> bool:
        return not self.national and self.region_prefix is None and self.agency_id is None

    def covers_region(self, code: str | None) -> bool:
        """Whether a region code (province or regency/city) lies inside this scope."""
        if self.national:
            return True
        if self.region_prefix is None or not code:
            return False
        return code == self.region_prefix or code.startswith(self.region_prefix + ".")


EMPTY = Scope(national=False, region_prefix=None, agency_id=None, kind="none", role="")

# A condition no row satisfies: Django turns `pk__in=[]` into an empty result without a query.
NOTHING = Q(pk__in=[])


def scope_for(user: Any) -> Scope:
    """The scope of a user (or of `None`/AnonymousUser, which is `EMPTY`)."""
    if user is None or not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False):
        return EMPTY
    role: str = getattr(user, "role", "") or ""
    institution = getattr(user, "institution", None)
    kind = institution.kind if institution is not None else "none"
    if user.is_superuser or role in NATIONAL_ROLES:
        # Administrators and data custodians belong to the operator, even when no institution is set
        # (e.g. a superuser made with `netral createsuperuser`).
        return Scope(
            national=True,
            region_prefix=None,
            agency_id=None,
            kind=kind if institution is not None else "operator",
            role=role or "administrator",
        )
    if institution is None:
        return EMPTY
    if kind == "ppk":
        if institution.agency_id is None:
            return Scope(national=False, region_prefix=None, agency_id=None, kind=kind, role=role)
        return Scope(
            national=False, region_prefix=None, agency_id=institution.agency_id, kind=kind, role=role
        )
    if institution.region_id is None:
        return Scope(national=True, region_prefix=None, agency_id=None, kind=kind, role=role)
    return Scope(
        national=False, region_prefix=str(institution.region_id), agency_id=None, kind=kind, role=role
    )


def region_q(scope: Scope, field: str) -> Q:
    """A `Q` restricting the region foreign key `field` to the scope.

    National: no restriction. Regional: `<field>__code__startswith=<prefix>` (a province prefix "34"
    covers "34" and every "34.xx"). Anyone else (PPK, empty scope): no rows.
    """
    if scope.national:
        return Q()
    if scope.region_prefix is None:
        return NOTHING
    return Q(**{f"{field}__code__startswith": scope.region_prefix})


def agency_q(scope: Scope, field: str) -> Q:
    """A `Q` restricting the agency foreign key `field` to a PPK's agency.

    National: no restriction. PPK: only its own agency. Anyone else: no rows (combine with
    `region_q` using `|` where regional users should see an area's agencies as well).
    """
    if scope.national:
        return Q()
    if scope.agency_id is None:
        return NOTHING
    return Q(**{f"{field}_id": scope.agency_id})
