"""Public functions of the accounts app: institutions, users, the ASN authority in force.

Other apps reach users and institutions only through these functions, `scope.scope_for` and the
`visible_to(user)` queryset methods.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils.translation import gettext as _

from netral.accounts.models import Institution, Role, User, check_role_institution
from netral.accounts.scope import NATIONAL_ROLES, Scope, scope_for
from netral.audit.services import record
from netral.personnel.models import Agency
from netral.regions.models import Region

Kind = Institution.Kind

# Fixed codes of the national institutions; regional ones are "bawaslu-<region code>" and PPK
# offices "ppk-<agency code>".
BAWASLU_RI = "bawaslu-ri"
KASN = "kasn"
BKN = "bkn"
KEMENDAGRI = "kemendagri"
OPERATOR = "operator"

# The ASN authority changed by law (UU 20/2023): KASN until 23 Aug 2024, BKN from 24 Aug 2024.
# A successor body is one more Institution row of kind asn_authority with its own dates.
_NATIONAL: list[dict[str, object]] = [
    {"code": BAWASLU_RI, "name": "Bawaslu Republik Indonesia", "kind": Kind.BAWASLU},
    {
        "code": KASN,
        "name": "Komisi Aparatur Sipil Negara (KASN)",
        "kind": Kind.ASN_AUTHORITY,
        "active_until": dt.date(2024, 8, 23),
    },
    {
        "code": BKN,
        "name": "Badan Kepegawaian Negara (BKN)",
        "kind": Kind.ASN_AUTHORITY,
        "active_from": dt.date(2024, 8, 24),
    },
    {"code": KEMENDAGRI, "name": "Kementerian Dalam Negeri (Kemendagri)", "kind": Kind.KEMENDAGRI},
    {"code": OPERATOR, "name": "Operator netral", "kind": Kind.OPERATOR},
]

DATA_CUSTODIAN_GROUP = "data custodians"
# Data custodians maintain the reference data of these apps in the Django admin.
_CUSTODIAN_APPS = ("regions", "workdays", "catalogue", "elections", "personnel")
_CUSTODIAN_VIEW_ONLY = ("accounts.view_institution", "audit.view_auditentry")


# --- reference data -----------------------------------------------------------------------------


def bawaslu_code(region_code: str) -> str:
    return f"bawaslu-{region_code}"


def ppk_code(agency_code: str) -> str:
    return f"ppk-{agency_code}"


def _bawaslu_name(region: Region) -> str:
    if region.level == Region.Level.PROVINCE:
        return f"Bawaslu Provinsi {region.name}"
    return f"Bawaslu {region.name}"  # region names already read "Kabupaten X" / "Kota Y"


def load_institutions() -> int:
    """Create every institution that is missing (matched by code); existing rows stay as edited."""
    existing = set(Institution.objects.values_list("code", flat=True))
    new: list[Institution] = []
    for row in _NATIONAL:
        if row["code"] not in existing:
            new.append(Institution(**row))
    for region in Region.objects.order_by("code"):
        code = bawaslu_code(region.code)
        if code not in existing:
            new.append(Institution(code=code, name=_bawaslu_name(region), kind=Kind.BAWASLU, region=region))
    for agency in Agency.objects.order_by("code"):
        code = ppk_code(agency.code)
        if code not in existing:
            new.append(
                Institution(
                    code=code,
                    name=f"PPK {agency.name}",
                    kind=Kind.PPK,
                    agency=agency,
                    region_id=agency.region_id,
                )
            )
    Institution.objects.bulk_create(new)
    return len(new)


def ensure_data_custodian_group() -> Group:
    """The permission group of data custodians: full rights on reference data, read-only elsewhere."""
    group, _created = Group.objects.get_or_create(name=DATA_CUSTODIAN_GROUP)
    wanted = Permission.objects.filter(content_type__app_label__in=_CUSTODIAN_APPS)
    for dotted in _CUSTODIAN_VIEW_ONLY:
        app_label, codename = dotted.split(".")
        wanted |= Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    group.permissions.add(*wanted)
    return group


def load_reference_data() -> str:
    created = load_institutions()
    ensure_data_custodian_group()
    return f"{created} institutions created, {Institution.objects.count()} in total"


# --- look-ups -----------------------------------------------------------------------------------


class NoAuthorityError(LookupError):
    """No ASN authority is configured for a date."""


def current_asn_authority(on: dt.date) -> Institution:
    """The ASN authority in force on a date (KASN up to 23 Aug 2024, BKN from 24 Aug 2024, ...).

    When periods overlap, the body that started most recently wins.
    """
    found = (
        Institution.objects.filter(kind=Kind.ASN_AUTHORITY)
        .filter(Q(active_from__isnull=True) | Q(active_from__lte=on))
        .filter(Q(active_until__isnull=True) | Q(active_until__gte=on))
        .order_by(F("active_from").desc(nulls_last=True), "code")
        .first()
    )
    if found is None:
        raise NoAuthorityError(_("No ASN authority is configured for %(date)s.") % {"date": on.isoformat()})
    return found


def institution(code: str) -> Institution:
    return Institution.objects.get(code=code)


def bawaslu_for_region(region_code: str | None) -> Institution:
    """Bawaslu RI for None, else the Bawaslu of a province or regency/city."""
    return institution(BAWASLU_RI if region_code is None else bawaslu_code(region_code))


def ppk_office_for_region(region_code: str) -> Institution:
    """The PPK office of the regional government of a province or regency/city."""
    return (
        Institution.objects.filter(kind=Kind.PPK, agency__region_id=region_code)
        .exclude(agency__kind=Agency.Kind.CENTRAL)
        .get()
    )


def ppk_office_for_agency(agency: Agency) -> Institution:
    return Institution.objects.get(kind=Kind.PPK, agency=agency)


# --- users --------------------------------------------------------------------------------------


@transaction.atomic
def create_user(
    username: str,
    *,
    role: str,
    institution: Institution | None,
    password: str | None = None,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
    language: str = "id",
    actor: User | None = None,
) -> User:
    """Create a staff user with a role at an institution of the matching kind.

    Administrators become Django superusers; data custodians get admin access through the
    data-custodian group; every other role has no Django-admin access. Without a password the
    account cannot log in until one is set.
    """
    if not role:
        raise ValidationError({"role": _("Every user needs a role.")})
    check_role_institution(role, institution)
    user = User(
        username=username,
        role=role,
        institution=institution,
        first_name=first_name,
        last_name=last_name,
        email=email,
        language=language,
        is_staff=role in NATIONAL_ROLES,
        is_superuser=role == Role.ADMINISTRATOR,
    )
    if password is None:
        user.set_unusable_password()
    else:
        user.set_password(password)
    user.save()
    if role == Role.DATA_CUSTODIAN:
        user.groups.add(ensure_data_custodian_group())
    record(
        "user_created",
        actor=actor,
        obj=user,
        data={"role": role, "institution": institution.code if institution else None},
    )
    return user


def scope_label(scope: Scope) -> str:
    """The scope in words, e.g. "Kabupaten Sleman, Daerah Istimewa Yogyakarta"."""
    if scope.national:
        return _("National")
    if scope.agency_id is not None:
        agency = Agency.objects.filter(pk=scope.agency_id).first()
        return agency.name if agency else _("No access")
    if scope.region_prefix is not None:
        region = Region.objects.select_related("parent").filter(code=scope.region_prefix).first()
        if region is None:
            return scope.region_prefix
        if region.parent is None:
            return _("Province of %(name)s") % {"name": region.name}
        return f"{region.name}, {region.parent.name}"
    return _("No access")


def user_scope_label(user: User) -> str:
    return scope_label(scope_for(user))


# --- demo ---------------------------------------------------------------------------------------

DEMO_PASSWORD = "netral-demo"  # noqa: S105 - demo-only, printed by `make demo`, refused in production


@dataclass(frozen=True)
class _DemoUser:
    username: str
    role: str
    institution: str | None  # an institution code, or "ppk@<region code>"
    first_name: str
    last_name: str


_DEMO_USERS = [
    _DemoUser("admin", Role.ADMINISTRATOR, OPERATOR, "Admin", "Netral"),
    _DemoUser("kustodian", Role.DATA_CUSTODIAN, OPERATOR, "Dewi", "Lestari"),
    _DemoUser("bawaslu.ri", Role.BAWASLU_STAFF, BAWASLU_RI, "Rahmat", "Hidayat"),
    _DemoUser("komisioner.ri", Role.BAWASLU_COMMISSIONER, BAWASLU_RI, "Siti", "Nurhaliza"),
    _DemoUser("bawaslu.diy", Role.BAWASLU_STAFF, bawaslu_code("34"), "Agus", "Santoso"),
    _DemoUser("bawaslu.sleman", Role.BAWASLU_STAFF, bawaslu_code("34.04"), "Rina", "Wulandari"),
    _DemoUser("komisioner.sleman", Role.BAWASLU_COMMISSIONER, bawaslu_code("34.04"), "Bambang", "Suryadi"),
    _DemoUser("bawaslu.manado", Role.BAWASLU_STAFF, bawaslu_code("71.71"), "Maria", "Lumowa"),
    _DemoUser("bkn.analis", Role.AUTHORITY_ANALYST, BKN, "Yusuf", "Pratama"),
    _DemoUser("ppk.manado", Role.PPK_OFFICER, "ppk@71.71", "Frans", "Rumengan"),
    _DemoUser("ppk.sleman", Role.PPK_OFFICER, "ppk@34.04", "Sri", "Handayani"),
    _DemoUser("kemendagri", Role.KEMENDAGRI_OFFICER, KEMENDAGRI, "Hendra", "Gunawan"),
]


def _demo_institution(ref: str | None) -> Institution | None:
    if ref is None:
        return None
    if ref.startswith("ppk@"):
        return ppk_office_for_region(ref.removeprefix("ppk@"))
    return institution(ref)


@transaction.atomic
def create_demo_users() -> list[tuple[str, str, str]]:
    """Create one demo user per role (idempotent: existing usernames are left alone).

    Returns (username, password, description) for every demo user. Demo only: refused when
    NETRAL_ENV=production.
    """
    if settings.PRODUCTION:
        raise RuntimeError(_("Demo users are never created in production."))
    result: list[tuple[str, str, str]] = []
    for demo in _DEMO_USERS:
        user = User.objects.filter(username=demo.username).select_related("institution").first()
        if user is None:
            user = create_user(
                demo.username,
                role=demo.role,
                institution=_demo_institution(demo.institution),
                password=DEMO_PASSWORD,
                first_name=demo.first_name,
                last_name=demo.last_name,
            )
        where = user.institution.name if user.institution else "-"
        result.append((user.username, DEMO_PASSWORD, f"{Role(user.role).label}, {where}"))
    return result
