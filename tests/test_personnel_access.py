"""The register's access rule, `Employee.objects.visible_to(user)`, for every kind of scope."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser

from netral.accounts.scope import Scope
from netral.personnel.models import Agency, Employee

pytestmark = pytest.mark.django_db


def scope(
    kind: str, role: str = "", *, national: bool = False, prefix: str | None = None, agency: int | None = None
) -> Scope:
    return Scope(national=national, region_prefix=prefix, agency_id=agency, kind=kind, role=role)


def make(nip: str, agency_code: str, region: str) -> Employee:
    return Employee.objects.create(
        nip=nip,
        name=f"Pegawai {nip[-3:]}",
        name_normalized=f"pegawai {nip[-3:]}",
        employment="pns",
        position_class="pelaksana",
        agency=Agency.objects.get(code=agency_code),
        region_id=region,
        gender="L",
        birth_date=dt.date(int(nip[:4]), int(nip[4:6]), int(nip[6:8])),
    )


@pytest.fixture
def register() -> dict[str, Employee]:
    return {
        "sleman": make("198609262015051001", "pemkab-34.04", "34.04"),
        "jogja_city": make("198609262015051002", "pemkot-34.71", "34.71"),
        "diy_province": make("198609262015051003", "pemprov-34", "34.02"),
        "semarang": make("198609262015051004", "pemkot-33.74", "33.74"),
        "kemenag_sleman": make("198609262015051005", "pusat-kemenag", "34.04"),
    }


def visible(s: Any) -> set[str]:
    return set(Employee.objects.for_scope(s).values_list("nip", flat=True))


def nips(register: dict[str, Employee], *keys: str) -> set[str]:
    return {register[k].nip for k in keys}


@pytest.mark.parametrize(
    "s",
    [
        scope("operator", "administrator"),
        scope("operator", "data_custodian"),
        scope("asn_authority", "authority_analyst"),
        scope("kemendagri", "kemendagri_officer"),
        scope("bawaslu", "bawaslu_commissioner", national=True),
    ],
)
def test_roles_that_see_everything(register: dict[str, Employee], s: Any) -> None:
    assert visible(s) == set(register_nips(register))


def register_nips(register: dict[str, Employee]) -> list[str]:
    return [e.nip for e in register.values()]


def test_bawaslu_province_sees_its_province(register: dict[str, Employee]) -> None:
    expected = nips(register, "sleman", "jogja_city", "diy_province", "kemenag_sleman")
    assert visible(scope("bawaslu", "bawaslu_staff", prefix="34")) == expected


def test_bawaslu_regency_sees_its_regency(register: dict[str, Employee]) -> None:
    assert visible(scope("bawaslu", "bawaslu_staff", prefix="34.04")) == nips(
        register, "sleman", "kemenag_sleman"
    )
    assert visible(scope("bawaslu", "bawaslu_staff", prefix="33.74")) == nips(register, "semarang")


def test_ppk_office_sees_its_agency_only(register: dict[str, Employee]) -> None:
    sleman = Agency.objects.get(code="pemkab-34.04").pk
    assert visible(scope("ppk", "ppk_officer", agency=sleman)) == nips(register, "sleman")
    assert visible(scope("ppk", "ppk_officer", agency=None)) == set()


@pytest.mark.parametrize(
    "s",
    [
        scope("none"),
        scope("none", "administrator"),  # an inactive administrator
        scope("bawaslu", "bawaslu_staff"),  # a Bawaslu office without a region and not national
        scope("operator", ""),
    ],
)
def test_everyone_else_sees_nothing(register: dict[str, Employee], s: Any) -> None:
    assert visible(s) == set()


def test_visible_to_asks_the_accounts_scope(
    register: dict[str, Employee], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`visible_to` takes the scope from `netral.accounts.scope.scope_for`."""
    import netral.accounts.scope as module

    seen: list[object] = []

    def fake_scope_for(user: object) -> Any:
        seen.append(user)
        return scope("bawaslu", "bawaslu_staff", prefix="33")

    monkeypatch.setattr(module, "scope_for", fake_scope_for)
    user = AnonymousUser()  # any user: the fake scope is the one asked
    assert set(Employee.objects.visible_to(user).values_list("nip", flat=True)) == nips(register, "semarang")
    assert seen == [user]


def user(username: str, role: str, institution_code: str | None, *, active: bool = True) -> Any:
    from netral.accounts import services as accounts

    institution = accounts.institution(institution_code) if institution_code else None
    created = accounts.create_user(username, role=role, institution=institution)
    if not active:
        created.is_active = False
        created.save()
    return created


def test_every_role_with_real_users(register: dict[str, Employee]) -> None:
    """The same rule through `netral.accounts.scope.scope_for`, with users made by the accounts app."""
    from django.contrib.auth.models import AnonymousUser

    from netral.accounts import services as accounts

    everyone = set(register_nips(register))
    sleman_agency = "ppk-pemkab-34.04"
    cases = [
        (user("admin_pusat", "administrator", accounts.OPERATOR), everyone),
        (user("custodian", "data_custodian", accounts.OPERATOR), everyone),
        (user("bkn_analyst", "authority_analyst", accounts.BKN), everyone),
        (user("kemendagri_officer", "kemendagri_officer", accounts.KEMENDAGRI), everyone),
        (user("bawaslu_ri", "bawaslu_commissioner", accounts.BAWASLU_RI), everyone),
        (
            user("bawaslu_prov_diy", "bawaslu_staff", "bawaslu-34"),
            nips(register, "sleman", "jogja_city", "diy_province", "kemenag_sleman"),
        ),
        (
            user("bawaslu_kab_sleman", "bawaslu_staff", "bawaslu-34.04"),
            nips(register, "sleman", "kemenag_sleman"),
        ),
        (user("ppk_kab_sleman", "ppk_officer", sleman_agency), nips(register, "sleman")),
        (user("inactive_analyst", "authority_analyst", accounts.BKN, active=False), set()),
        (AnonymousUser(), set()),
    ]
    for who, expected in cases:
        assert set(Employee.objects.visible_to(who).values_list("nip", flat=True)) == expected, who
