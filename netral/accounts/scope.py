"""The one access rule: what part of the country (or which agency) a user may see.

`scope_for(user)` turns a user into a `Scope`, and the `Scope` answers every question of the rule, so
it is written once. Every `visible_to(user)` queryset method and every view check in netral starts
from it:

- anonymous, inactive and institution-less users get `EMPTY` (they see nothing);
- superusers, administrators and data custodians are national and see everything
  (`sees_everything`; kind "operator" when they have no institution; a superuser without a role
  counts as an administrator);
- any other user takes the scope of their institution: no region means national (Bawaslu RI,
  the ASN authority, Kemendagri), a province region means that province and all its
  regencies/cities, a regency/city region means only that regency/city;
- a PPK office is scoped to its agency (`agency_id`), not to a region: a PPK sees only what is
  addressed to its own agency, so `region_q` gives a PPK nothing and `agency_q` gives its agency.

What kind of record a national user reaches (everything for Bawaslu RI, only forwarded cases for
the ASN authority) is decided per model from the predicates below (`is_bawaslu`, `authority_id`,
`is_ppk`, `is_kemendagri`, ...); the scope answers "who and where", the model "which rows".

Region codes are Kemendagri codes: a province "34", a regency/city "34.04". "This region lies inside
that area" is spelled only here: `region_covers` (Python), `within_region_q` (a `Q` for any area, e.g.
a filter), `Scope.covers_region` / `Scope.region_q` / `Scope.code_q` (a user's area), and
`institution_covers_region` (an institution's area).

This module imports no models (roles and kinds are kept as strings equal to `accounts.models.Role`
and `Institution.Kind` values), so every app's models may import it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Q

if TYPE_CHECKING:
    from netral.accounts.types import RequestUser

# Roles that see everything, whatever their institution: the operator's administrators and data
# custodians (accounts.models.Role values). Superusers count as administrators.
NATIONAL_ROLES = frozenset({"administrator", "data_custodian"})
ADMINISTRATOR = "administrator"

# Institution kinds (accounts.models.Institution.Kind values).
BAWASLU = "bawaslu"
ASN_AUTHORITY = "asn_authority"
PPK = "ppk"
KEMENDAGRI = "kemendagri"
OPERATOR = "operator"
NO_KIND = "none"


# --- region codes ------------------------------------------------------------------------------


def region_covers(area: str | None, code: str | None) -> bool:
    """Whether the region `code` lies inside the region `area`: the same region, or a regency/city
    of the province `area` ("34" covers "34" and "34.04"; "34.04" does not cover "34")."""
    if not area or not code:
        return False
    return code == area or code.startswith(area + ".")


def within_region_q(area: str, field: str) -> Q:
    """`region_covers(area, ...)` as a `Q` on the region foreign key `field` (e.g. "region",
    "case__region"): the region `area` itself or, for a province, its regencies/cities. For filters
    that narrow what a user chose; a user's own area is `Scope.region_q`."""
    return Q(**{f"{field}_id": area}) | Q(**{f"{field}__code__startswith": area + "."})


def institution_covers_region(institution: Any, code: str | None) -> bool:
    """Whether an institution's area covers a region: an institution without a region is national
    (covers every region); no institution covers nothing."""
    if institution is None:
        return False
    if institution.region_id is None:
        return True
    return region_covers(institution.region_id, code)


# --- the scope ---------------------------------------------------------------------------------


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
    # The user's institution (None for EMPTY and for operators without one).
    institution_id: int | None = None
    # A Django superuser (who sees everything and counts as an administrator).
    superuser: bool = False

    @property
    def is_empty(self) -> bool:
        return not self.national and self.region_prefix is None and self.agency_id is None

    # --- who ---------------------------------------------------------------------------------

    @property
    def sees_everything(self) -> bool:
        """Superusers, administrators and data custodians: every record of every kind."""
        return self.kind != NO_KIND and (self.superuser or self.role in NATIONAL_ROLES)

    @property
    def is_administrator(self) -> bool:
        """Superusers and administrators (not data custodians): they manage users and API tokens."""
        return self.kind != NO_KIND and (self.superuser or self.role == ADMINISTRATOR)

    @property
    def is_bawaslu(self) -> bool:
        """A Bawaslu office (RI, a province or a regency/city)."""
        return self.kind == BAWASLU

    @property
    def is_asn_authority(self) -> bool:
        """The ASN authority (KASN, BKN, ...): it reaches the cases forwarded to `authority_id`."""
        return self.kind == ASN_AUTHORITY

    @property
    def authority_id(self) -> int | None:
        """The ASN-authority institution of this scope (None for everyone else)."""
        return self.institution_id if self.is_asn_authority else None

    @property
    def is_ppk(self) -> bool:
        """A PPK office: it reaches what is addressed to its agency (`agency_id`; None: nothing)."""
        return self.kind == PPK

    @property
    def is_kemendagri(self) -> bool:
        """The Ministry of Home Affairs (it reaches overdue PPK recommendations)."""
        return self.kind == KEMENDAGRI

    @property
    def is_regional(self) -> bool:
        """Limited to one province or regency/city (`region_prefix`)."""
        return not self.national and self.region_prefix is not None

    # --- where -------------------------------------------------------------------------------

    def covers_region(self, code: str | None) -> bool:
        """Whether a region code (province or regency/city) lies inside this scope."""
        if self.national:
            return True
        return region_covers(self.region_prefix, code)

    def overlaps_region(self, code: str | None) -> bool:
        """Whether a region lies inside this scope or contains it (a regency user's province)."""
        return self.covers_region(code) or region_covers(code, self.region_prefix)

    def region_q(self, field: str) -> Q:
        """A `Q` restricting the region foreign key `field` to the scope.

        National: no restriction. Regional: the region `region_prefix` and, for a province, all its
        regencies/cities. Anyone else (PPK, empty scope): no rows.
        """
        return self.code_q(f"{field}__code")

    def code_q(self, code_field: str) -> Q:
        """`region_q` for a path to a region code ("region__code", or "code" on Region itself).

        Regional: `<code_field>__startswith=<prefix>`, one `LIKE '34%'` the indexes serve; on
        Kemendagri codes it selects exactly what `within_region_q` and `covers_region` select ("34"
        and "34.xx"; "34.04" only itself).
        """
        if self.national:
            return Q()
        if self.region_prefix is None:
            return NOTHING
        return Q(**{f"{code_field}__startswith": self.region_prefix})

    def agency_q(self, field: str) -> Q:
        """A `Q` restricting the agency foreign key `field` to a PPK's agency.

        National: no restriction. PPK: only its own agency. Anyone else: no rows (combine with
        `region_q` using `|` where regional users should see an area's agencies as well).
        """
        if self.national:
            return Q()
        if self.agency_id is None:
            return NOTHING
        return Q(**{f"{field}_id": self.agency_id})


EMPTY = Scope(national=False, region_prefix=None, agency_id=None, kind=NO_KIND, role="")

# A condition no row satisfies: Django turns `pk__in=[]` into an empty result without a query.
NOTHING = Q(pk__in=[])


def scope_for(user: RequestUser | None) -> Scope:
    """The scope of a user (or of `None`/AnonymousUser, which is `EMPTY`)."""
    if user is None or not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False):
        return EMPTY
    role: str = getattr(user, "role", "") or ""
    institution = getattr(user, "institution", None)
    kind = institution.kind if institution is not None else NO_KIND
    institution_id = institution.pk if institution is not None else None
    superuser = bool(getattr(user, "is_superuser", False))
    if superuser or role in NATIONAL_ROLES:
        # Administrators and data custodians belong to the operator, even when no institution is set
        # (e.g. a superuser made with `netral createsuperuser`).
        return Scope(
            national=True,
            region_prefix=None,
            agency_id=None,
            kind=kind if institution is not None else OPERATOR,
            role=role or ADMINISTRATOR,
            institution_id=institution_id,
            superuser=superuser,
        )
    if institution is None:
        return EMPTY
    if kind == PPK:
        return Scope(
            national=False,
            region_prefix=None,
            agency_id=institution.agency_id,
            kind=kind,
            role=role,
            institution_id=institution_id,
        )
    if institution.region_id is None:
        return Scope(
            national=True,
            region_prefix=None,
            agency_id=None,
            kind=kind,
            role=role,
            institution_id=institution_id,
        )
    return Scope(
        national=False,
        region_prefix=str(institution.region_id),
        agency_id=None,
        kind=kind,
        role=role,
        institution_id=institution_id,
    )


def region_q(scope: Scope, field: str) -> Q:
    """`scope.region_q(field)` (kept as a function for existing callers)."""
    return scope.region_q(field)


def agency_q(scope: Scope, field: str) -> Q:
    """`scope.agency_q(field)` (kept as a function for existing callers)."""
    return scope.agency_q(field)
