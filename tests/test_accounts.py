"""Institutions, roles, scope and the accounts services."""

from __future__ import annotations

import datetime as dt
import io
import json
from dataclasses import replace
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.utils import translation

from netral.accounts import services
from netral.accounts.models import Institution, Role, User, is_administrator
from netral.accounts.scope import (
    EMPTY,
    Scope,
    agency_q,
    institution_covers_region,
    region_covers,
    region_q,
    scope_for,
    within_region_q,
)
from netral.personnel.models import Agency
from netral.regions.models import Region

pytestmark = pytest.mark.django_db


# --- reference data ---------------------------------------------------------------------------


def test_one_bawaslu_per_region_plus_ri() -> None:
    bawaslu = Institution.objects.filter(kind=Institution.Kind.BAWASLU)
    assert bawaslu.filter(region__isnull=True).count() == 1  # Bawaslu RI
    assert bawaslu.filter(region__level=Region.Level.PROVINCE).count() == 38
    assert bawaslu.filter(region__level=Region.Level.REGENCY).count() == 514
    assert bawaslu.count() == 553


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("bawaslu-ri", "Bawaslu Republik Indonesia"),
        ("bawaslu-34", "Bawaslu Provinsi Daerah Istimewa Yogyakarta"),
        ("bawaslu-34.04", "Bawaslu Kabupaten Sleman"),
        ("bawaslu-71.71", "Bawaslu Kota Manado"),
        ("bawaslu-71", "Bawaslu Provinsi Sulawesi Utara"),
    ],
)
def test_bawaslu_names(code: str, name: str) -> None:
    assert Institution.objects.get(code=code).name == name


def test_national_institutions() -> None:
    kasn = Institution.objects.get(code="kasn")
    bkn = Institution.objects.get(code="bkn")
    assert (kasn.kind, kasn.active_from, kasn.active_until) == ("asn_authority", None, dt.date(2024, 8, 23))
    assert (bkn.kind, bkn.active_from, bkn.active_until) == ("asn_authority", dt.date(2024, 8, 24), None)
    assert Institution.objects.get(code="kemendagri").kind == "kemendagri"
    assert Institution.objects.get(code="operator").kind == "operator"


def test_one_ppk_office_per_agency_in_the_agency_region() -> None:
    agencies = Agency.objects.count()
    assert agencies > 552  # every regional government plus central agencies
    offices = Institution.objects.filter(kind=Institution.Kind.PPK)
    assert offices.count() == agencies
    assert not offices.filter(agency__isnull=True).exists()
    manado = services.ppk_office_for_region("71.71")
    assert manado.code == "ppk-pemkot-71.71"
    assert manado.name == "PPK Pemerintah Kota Manado"
    assert manado.region_id == "71.71"
    for office in offices.select_related("agency")[:50]:
        assert office.agency is not None and office.region_id == office.agency.region_id


def test_loader_is_idempotent_and_keeps_edits() -> None:
    before = Institution.objects.count()
    Institution.objects.filter(code="bawaslu-34.04").update(name="Bawaslu Sleman (edited)")
    Institution.objects.filter(code="bawaslu-34.71").delete()
    summary = services.load_reference_data()
    assert summary.startswith("1 institutions created")
    assert Institution.objects.count() == before
    assert Institution.objects.get(code="bawaslu-34.04").name == "Bawaslu Sleman (edited)"
    assert Institution.objects.get(code="bawaslu-34.71").name == "Bawaslu Kota Yogyakarta"


@pytest.mark.parametrize(
    ("day", "code"),
    [
        (dt.date(2020, 12, 9), "kasn"),
        (dt.date(2024, 8, 23), "kasn"),
        (dt.date(2024, 8, 24), "bkn"),
        (dt.date(2029, 2, 14), "bkn"),
    ],
)
def test_current_asn_authority(day: dt.date, code: str) -> None:
    assert services.current_asn_authority(day).code == code


def test_a_new_asn_authority_is_just_a_row() -> None:
    Institution.objects.filter(code="bkn").update(active_until=dt.date(2027, 9, 30))
    Institution.objects.create(
        code="new-body", name="Badan baru", kind="asn_authority", active_from=dt.date(2027, 10, 1)
    )
    assert services.current_asn_authority(dt.date(2027, 9, 30)).code == "bkn"
    assert services.current_asn_authority(dt.date(2027, 10, 1)).code == "new-body"


def test_no_asn_authority_is_a_clear_error() -> None:
    Institution.objects.filter(kind="asn_authority").update(active_from=dt.date(2100, 1, 1))
    with pytest.raises(services.NoAuthorityError):
        services.current_asn_authority(dt.date(2024, 1, 1))


# --- scope ------------------------------------------------------------------------------------


def test_scopes_of_the_named_users(users_by_role: dict[str, User]) -> None:
    manado_agency = Agency.objects.get(code="pemkot-71.71").pk
    sleman_agency = Agency.objects.get(code="pemkab-34.04").pk
    expected = {
        "bawaslu_ri": Scope(True, None, None, "bawaslu", "bawaslu_staff"),
        "bawaslu_prov_diy": Scope(False, "34", None, "bawaslu", "bawaslu_staff"),
        "bawaslu_kab_sleman": Scope(False, "34.04", None, "bawaslu", "bawaslu_staff"),
        "bawaslu_kota_manado": Scope(False, "71.71", None, "bawaslu", "bawaslu_staff"),
        "commissioner_kab_sleman": Scope(False, "34.04", None, "bawaslu", "bawaslu_commissioner"),
        "bkn_analyst": Scope(True, None, None, "asn_authority", "authority_analyst"),
        "ppk_kota_manado": Scope(False, None, manado_agency, "ppk", "ppk_officer"),
        "ppk_kab_sleman": Scope(False, None, sleman_agency, "ppk", "ppk_officer"),
        "kemendagri_officer": Scope(True, None, None, "kemendagri", "kemendagri_officer"),
        "admin_user": Scope(True, None, None, "operator", "administrator", superuser=True),
        "data_custodian": Scope(True, None, None, "operator", "data_custodian"),
    }
    institutions = {
        "bawaslu_ri": "bawaslu-ri",
        "bawaslu_prov_diy": "bawaslu-34",
        "bawaslu_kab_sleman": "bawaslu-34.04",
        "bawaslu_kota_manado": "bawaslu-71.71",
        "commissioner_kab_sleman": "bawaslu-34.04",
        "bkn_analyst": "bkn",
        "ppk_kota_manado": "ppk-pemkot-71.71",
        "ppk_kab_sleman": "ppk-pemkab-34.04",
        "kemendagri_officer": "kemendagri",
        "admin_user": "operator",
        "data_custodian": "operator",
    }
    ids = dict(Institution.objects.values_list("code", "pk"))
    expected = {name: replace(s, institution_id=ids[institutions[name]]) for name, s in expected.items()}
    assert {name: scope_for(user) for name, user in users_by_role.items()} == expected


# The predicates of every named user: (sees_everything, is_administrator, is_bawaslu, is_asn_authority,
# is_ppk, is_kemendagri, is_regional).
PREDICATES = {
    "bawaslu_ri": (False, False, True, False, False, False, False),
    "bawaslu_prov_diy": (False, False, True, False, False, False, True),
    "bawaslu_kab_sleman": (False, False, True, False, False, False, True),
    "bawaslu_kota_manado": (False, False, True, False, False, False, True),
    "commissioner_kab_sleman": (False, False, True, False, False, False, True),
    "bkn_analyst": (False, False, False, True, False, False, False),
    "ppk_kota_manado": (False, False, False, False, True, False, False),
    "ppk_kab_sleman": (False, False, False, False, True, False, False),
    "kemendagri_officer": (False, False, False, False, False, True, False),
    "admin_user": (True, True, False, False, False, False, False),
    "data_custodian": (True, False, False, False, False, False, False),
}


def _predicates(scope: Scope) -> tuple[bool, ...]:
    return (
        scope.sees_everything,
        scope.is_administrator,
        scope.is_bawaslu,
        scope.is_asn_authority,
        scope.is_ppk,
        scope.is_kemendagri,
        scope.is_regional,
    )


def test_predicates_of_the_named_users(users_by_role: dict[str, User]) -> None:
    assert {name: _predicates(scope_for(user)) for name, user in users_by_role.items()} == PREDICATES
    bkn = Institution.objects.get(code="bkn").pk
    assert {name: scope_for(user).authority_id for name, user in users_by_role.items()} == {
        name: bkn if name == "bkn_analyst" else None for name in PREDICATES
    }
    assert _predicates(EMPTY) == (False,) * 7 and EMPTY.authority_id is None


def test_a_superuser_with_another_role_sees_everything(bawaslu_kab_sleman: User) -> None:
    bawaslu_kab_sleman.is_superuser = True
    scope = scope_for(bawaslu_kab_sleman)
    assert scope.national and scope.sees_everything and scope.is_administrator
    assert (scope.role, scope.kind) == ("bawaslu_staff", "bawaslu")
    bawaslu_kab_sleman.is_active = False
    assert scope_for(bawaslu_kab_sleman) is EMPTY
    assert not is_administrator(bawaslu_kab_sleman)


def test_empty_scopes(bawaslu_kab_sleman: User) -> None:
    assert scope_for(None) is EMPTY
    assert scope_for(AnonymousUser()) is EMPTY
    bawaslu_kab_sleman.is_active = False
    assert scope_for(bawaslu_kab_sleman) is EMPTY
    loose = User.objects.create(username="no_institution", role=Role.BAWASLU_STAFF)
    assert scope_for(loose) is EMPTY
    assert EMPTY.is_empty
    # An "administrator" role on an empty scope (kind "none") is no licence to see anything.
    assert not Scope(False, None, None, "none", "administrator").sees_everything


def test_superuser_without_role_is_national() -> None:
    root = User.objects.create(username="root", is_superuser=True, is_staff=True)
    scope = scope_for(root)
    assert scope == Scope(True, None, None, "operator", "administrator", superuser=True)
    assert scope.sees_everything and scope.is_administrator and is_administrator(root)


def test_region_q_restricts_by_code_prefix(users_by_role: dict[str, User]) -> None:
    bawaslu = Institution.objects.filter(kind="bawaslu")

    def visible(name: str) -> set[str]:
        return set(
            bawaslu.filter(region_q(scope_for(users_by_role[name]), "region")).values_list("code", flat=True)
        )

    diy = {"bawaslu-34", "bawaslu-34.01", "bawaslu-34.02", "bawaslu-34.03", "bawaslu-34.04", "bawaslu-34.71"}
    assert visible("bawaslu_prov_diy") == diy
    assert visible("bawaslu_kab_sleman") == {"bawaslu-34.04"}
    assert visible("bawaslu_kota_manado") == {"bawaslu-71.71"}
    assert len(visible("bawaslu_ri")) == 553
    assert visible("ppk_kota_manado") == set()
    assert bawaslu.filter(region_q(EMPTY, "region")).count() == 0


def test_agency_q(users_by_role: dict[str, User]) -> None:
    offices = Institution.objects.filter(kind="ppk")
    manado = scope_for(users_by_role["ppk_kota_manado"])
    assert list(offices.filter(agency_q(manado, "agency")).values_list("code", flat=True)) == [
        "ppk-pemkot-71.71"
    ]
    assert offices.filter(agency_q(scope_for(users_by_role["bawaslu_kab_sleman"]), "agency")).count() == 0
    assert (
        offices.filter(agency_q(scope_for(users_by_role["bkn_analyst"]), "agency")).count() == offices.count()
    )


def test_covers_region() -> None:
    diy = Scope(False, "34", None, "bawaslu", "bawaslu_staff")
    assert diy.covers_region("34") and diy.covers_region("34.04")
    assert not diy.covers_region("35.04") and not diy.covers_region(None)
    assert not Scope(False, "34.04", None, "bawaslu", "").covers_region("34")
    assert Scope(True, None, None, "bawaslu", "").covers_region("71.71")
    assert not EMPTY.covers_region("34")


def test_overlaps_region() -> None:
    sleman = Scope(False, "34.04", None, "bawaslu", "bawaslu_staff")
    assert sleman.overlaps_region("34") and sleman.overlaps_region("34.04")
    assert not sleman.overlaps_region("34.71") and not sleman.overlaps_region("35")
    assert not EMPTY.overlaps_region("34")


def test_region_covers() -> None:
    assert region_covers("34", "34") and region_covers("34", "34.04") and region_covers("34.04", "34.04")
    assert (
        not region_covers("34.04", "34") and not region_covers("3", "34") and not region_covers("34", "340")
    )
    assert not region_covers(None, "34") and not region_covers("34", None) and not region_covers("", "")


def test_the_q_builders_select_what_region_covers_says() -> None:
    codes = list(Region.objects.values_list("code", flat=True))
    offices = Institution.objects.filter(kind="bawaslu", region__isnull=False)
    for area in ("34", "34.04", "71", "71.71"):
        covered = {code for code in codes if region_covers(area, code)}
        assert (
            set(offices.filter(within_region_q(area, "region")).values_list("region", flat=True)) == covered
        )
        scope = Scope(False, area, None, "bawaslu", "bawaslu_staff")
        assert set(offices.filter(scope.region_q("region")).values_list("region", flat=True)) == covered
        assert set(Region.objects.filter(scope.code_q("code")).values_list("code", flat=True)) == covered
        assert {code for code in codes if scope.covers_region(code)} == covered
    assert Region.objects.filter(EMPTY.code_q("code")).count() == 0
    assert Region.objects.filter(Scope(True, None, None, "bawaslu", "").code_q("code")).count() == len(codes)


def test_institution_covers_region() -> None:
    assert institution_covers_region(services.institution(services.BAWASLU_RI), "71.71")
    assert institution_covers_region(services.bawaslu_for_region("34"), "34.04")
    assert institution_covers_region(services.bawaslu_for_region("34.04"), "34.04")
    assert not institution_covers_region(services.bawaslu_for_region("34.04"), "34")
    assert not institution_covers_region(services.bawaslu_for_region("34"), "35.04")
    assert not institution_covers_region(None, "34")


@pytest.mark.parametrize(
    ("fixture", "indonesian", "english"),
    [
        ("bawaslu_ri", "Nasional", "National"),
        ("bawaslu_prov_diy", "Provinsi Daerah Istimewa Yogyakarta", "Province of Daerah Istimewa Yogyakarta"),
        (
            "bawaslu_kab_sleman",
            "Kabupaten Sleman, Daerah Istimewa Yogyakarta",
            "Kabupaten Sleman, Daerah Istimewa Yogyakarta",
        ),
        ("ppk_kota_manado", "Pemerintah Kota Manado", "Pemerintah Kota Manado"),
    ],
)
def test_scope_label(request: pytest.FixtureRequest, fixture: str, indonesian: str, english: str) -> None:
    user = request.getfixturevalue(fixture)
    with translation.override("id"):
        assert services.user_scope_label(user) == indonesian
    with translation.override("en"):
        assert services.user_scope_label(user) == english
    with translation.override("id"):
        assert services.scope_label(EMPTY) == "Tidak ada akses"


# --- users ------------------------------------------------------------------------------------


def test_role_must_match_institution_kind() -> None:
    with pytest.raises(ValidationError):
        services.create_user("x1", role=Role.BAWASLU_STAFF, institution=services.institution(services.BKN))
    with pytest.raises(ValidationError):
        services.create_user("x2", role=Role.PPK_OFFICER, institution=services.bawaslu_for_region("34.04"))
    with pytest.raises(ValidationError):
        services.create_user("x3", role=Role.BAWASLU_STAFF, institution=None)
    with pytest.raises(ValidationError):
        services.create_user("x4", role="", institution=None)
    assert not User.objects.filter(username__in=["x1", "x2", "x3", "x4"]).exists()


def test_admin_rights_follow_the_role(users_by_role: dict[str, User]) -> None:
    staff = {name for name, user in users_by_role.items() if user.is_staff}
    superusers = {name for name, user in users_by_role.items() if user.is_superuser}
    assert staff == {"admin_user", "data_custodian"}
    assert superusers == {"admin_user"}
    custodian = users_by_role["data_custodian"]
    assert custodian.has_perm("personnel.change_employee")
    assert custodian.has_perm("regions.change_region")
    assert custodian.has_perm("accounts.view_institution")
    assert not custodian.has_perm("accounts.change_user")
    assert not custodian.has_perm("audit.change_auditentry")


def test_user_creation_is_audited(bawaslu_kab_sleman: User) -> None:
    from netral.audit.models import AuditEntry

    entry = AuditEntry.objects.filter(action="user_created", object_id=str(bawaslu_kab_sleman.pk)).get()
    assert entry.data == {"role": "bawaslu_staff", "institution": "bawaslu-34.04"}
    assert entry.actor is None and entry.actor_label == "system"


def test_demo_users_cover_every_role_and_are_idempotent(settings: object) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # type: ignore[attr-defined]
    first = services.create_demo_users()
    second = services.create_demo_users()
    assert first == second
    users = User.objects.filter(username__in=[username for username, _p, _d in first])
    assert {user.role for user in users} == set(Role.values)
    username, password, description = next(row for row in first if row[0] == "bawaslu.sleman")
    assert description.endswith("Bawaslu Kabupaten Sleman")
    assert User.objects.get(username=username).check_password(password)


def test_demo_users_refused_in_production(settings: object) -> None:
    settings.PRODUCTION = True  # type: ignore[attr-defined]
    with pytest.raises(RuntimeError):
        services.create_demo_users()
    assert not User.objects.filter(username="bawaslu.sleman").exists()


def test_demo_users_command(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    out = io.StringIO()
    call_command("demo", "users", "--json", stdout=out)
    rows = json.loads(out.getvalue())
    assert len(rows) == 12
    assert {"username": "ppk.manado", "password": "netral-demo"}.items() <= rows[9].items()
    settings.PRODUCTION = True
    err = io.StringIO()
    with translation.override("id"), pytest.raises(CommandError, match="tidak pernah dibuat"):
        call_command("demo", "users", stdout=io.StringIO(), stderr=err)
