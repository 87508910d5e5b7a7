"""Users named by role and place, created through the accounts services.

Every fixture returns a saved `netral.accounts.models.User`. All of them can log in with
`TEST_PASSWORD` (the hash is computed once per session, so creating users stays fast); prefer
`client.force_login(user)` in tests that are not about logging in.

| fixture | role | institution (scope) |
|---|---|---|
| bawaslu_ri | Bawaslu staff | Bawaslu RI (national) |
| bawaslu_prov_diy | Bawaslu staff | Bawaslu Provinsi DI Yogyakarta (34) |
| bawaslu_kab_sleman | Bawaslu staff | Bawaslu Kabupaten Sleman (34.04) |
| bawaslu_kota_manado | Bawaslu staff | Bawaslu Kota Manado (71.71) |
| commissioner_kab_sleman | Bawaslu commissioner | Bawaslu Kabupaten Sleman (34.04) |
| bkn_analyst | ASN authority analyst | BKN (national) |
| ppk_kota_manado | PPK officer | PPK Pemerintah Kota Manado (agency pemkot-71.71) |
| ppk_kab_sleman | PPK officer | PPK Pemerintah Kabupaten Sleman (agency pemkab-34.04) |
| kemendagri_officer | Kemendagri officer | Kemendagri (national) |
| admin_user | administrator (superuser) | operator (national) |
| data_custodian | data custodian | operator (national) |

`users_by_role` maps each of these fixture names to its user; `make_named_user(name)` makes the same
user outside a fixture (module-scoped set-ups). `admin_user` replaces
pytest-django's fixture of the same name (so `admin_client` logs in as this administrator).
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import pytest

from netral.accounts import services
from netral.accounts.models import Institution, Role, User

TEST_PASSWORD = "netral-test-password"


@functools.cache
def _password_hash() -> str:
    from django.contrib.auth.hashers import make_password

    return make_password(TEST_PASSWORD)


def make_user(username: str, role: str, institution: Institution | None, first_name: str = "") -> User:
    """Create a user through `services.create_user` and give it TEST_PASSWORD."""
    user = services.create_user(username, role=role, institution=institution, first_name=first_name)
    user.password = _password_hash()
    user.save(update_fields=["password"])
    return user


# Each named user: (username, role, its institution, first name). The institution is looked up when
# the user is made (the reference data must be loaded).
USER_SPECS: dict[str, tuple[str, str, Callable[[], Institution | None], str]] = {
    "bawaslu_ri": ("bawaslu_ri", Role.BAWASLU_STAFF, lambda: services.bawaslu_for_region(None), "Rahmat"),
    "bawaslu_prov_diy": (
        "bawaslu_prov_diy",
        Role.BAWASLU_STAFF,
        lambda: services.bawaslu_for_region("34"),
        "Agus",
    ),
    "bawaslu_kab_sleman": (
        "bawaslu_kab_sleman",
        Role.BAWASLU_STAFF,
        lambda: services.bawaslu_for_region("34.04"),
        "Rina",
    ),
    "bawaslu_kota_manado": (
        "bawaslu_kota_manado",
        Role.BAWASLU_STAFF,
        lambda: services.bawaslu_for_region("71.71"),
        "Maria",
    ),
    "commissioner_kab_sleman": (
        "commissioner_kab_sleman",
        Role.BAWASLU_COMMISSIONER,
        lambda: services.bawaslu_for_region("34.04"),
        "Bambang",
    ),
    "bkn_analyst": (
        "bkn_analyst",
        Role.AUTHORITY_ANALYST,
        lambda: services.institution(services.BKN),
        "Yusuf",
    ),
    "ppk_kota_manado": (
        "ppk_kota_manado",
        Role.PPK_OFFICER,
        lambda: services.ppk_office_for_region("71.71"),
        "Frans",
    ),
    "ppk_kab_sleman": (
        "ppk_kab_sleman",
        Role.PPK_OFFICER,
        lambda: services.ppk_office_for_region("34.04"),
        "Sri",
    ),
    "kemendagri_officer": (
        "kemendagri_officer",
        Role.KEMENDAGRI_OFFICER,
        lambda: services.institution(services.KEMENDAGRI),
        "Hendra",
    ),
    "admin_user": ("admin", Role.ADMINISTRATOR, lambda: services.institution(services.OPERATOR), "Admin"),
    "data_custodian": (
        "data_custodian",
        Role.DATA_CUSTODIAN,
        lambda: services.institution(services.OPERATOR),
        "Dewi",
    ),
}


def make_named_user(name: str) -> User:
    """The user of the fixture `name` (for module-scoped set-ups, which cannot use the fixtures)."""
    username, role, institution, first_name = USER_SPECS[name]
    return make_user(username, role, institution(), first_name=first_name)


@pytest.fixture
def bawaslu_ri(db: None) -> User:
    return make_named_user("bawaslu_ri")


@pytest.fixture
def bawaslu_prov_diy(db: None) -> User:
    return make_named_user("bawaslu_prov_diy")


@pytest.fixture
def bawaslu_kab_sleman(db: None) -> User:
    return make_named_user("bawaslu_kab_sleman")


@pytest.fixture
def bawaslu_kota_manado(db: None) -> User:
    return make_named_user("bawaslu_kota_manado")


@pytest.fixture
def commissioner_kab_sleman(db: None) -> User:
    return make_named_user("commissioner_kab_sleman")


@pytest.fixture
def bkn_analyst(db: None) -> User:
    return make_named_user("bkn_analyst")


@pytest.fixture
def ppk_kota_manado(db: None) -> User:
    return make_named_user("ppk_kota_manado")


@pytest.fixture
def ppk_kab_sleman(db: None) -> User:
    return make_named_user("ppk_kab_sleman")


@pytest.fixture
def kemendagri_officer(db: None) -> User:
    return make_named_user("kemendagri_officer")


@pytest.fixture
def admin_user(db: None) -> User:
    return make_named_user("admin_user")


@pytest.fixture
def data_custodian(db: None) -> User:
    return make_named_user("data_custodian")


USER_FIXTURES = (
    "bawaslu_ri",
    "bawaslu_prov_diy",
    "bawaslu_kab_sleman",
    "bawaslu_kota_manado",
    "commissioner_kab_sleman",
    "bkn_analyst",
    "ppk_kota_manado",
    "ppk_kab_sleman",
    "kemendagri_officer",
    "admin_user",
    "data_custodian",
)


@pytest.fixture
def users_by_role(request: pytest.FixtureRequest) -> dict[str, User]:
    """Every user fixture above, keyed by fixture name."""
    return {name: request.getfixturevalue(name) for name in USER_FIXTURES}
