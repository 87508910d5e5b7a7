"""Who can reach what, per role: home, admin, user list, `visible_to`, anonymous visitors.

Login, lock-out and two-factor enrolment are in test_access_login.py."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client

from netral.accounts.models import Institution, User

pytestmark = pytest.mark.django_db

ROLES = (
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
NATIONAL = {"bawaslu_ri", "bkn_analyst", "kemendagri_officer", "admin_user", "data_custodian"}


# --- pages per role ---------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_home_page_per_role(role: str, request: pytest.FixtureRequest, client: Client) -> None:
    user: User = request.getfixturevalue(role)
    client.force_login(user)
    response = client.get("/beranda/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Cakupan" in html
    assert user.institution is not None and user.institution.name in html
    if role in NATIONAL:
        assert "Nasional" in html
    assert 'class="empty-state"' in html


@pytest.mark.parametrize(
    ("role", "scope_text", "empty_text"),
    [
        (
            "bawaslu_kab_sleman",
            "Kabupaten Sleman, Daerah Istimewa Yogyakarta",
            "Belum ada laporan untuk Anda",
        ),
        ("bawaslu_prov_diy", "Provinsi Daerah Istimewa Yogyakarta", "Belum ada laporan untuk Anda"),
        ("ppk_kota_manado", "Pemerintah Kota Manado", "Belum ada rekomendasi yang ditujukan kepada Anda"),
        ("bkn_analyst", "Nasional", "Belum ada perkara yang diteruskan kepada Anda"),
    ],
)
def test_home_shows_scope_and_empty_state(
    role: str, scope_text: str, empty_text: str, request: pytest.FixtureRequest, client: Client
) -> None:
    client.force_login(request.getfixturevalue(role))
    html = client.get("/beranda/").content.decode()
    assert scope_text in html
    assert empty_text in html


@pytest.mark.parametrize("role", ROLES)
def test_admin_only_for_administrators_and_custodians(
    role: str, request: pytest.FixtureRequest, client: Client
) -> None:
    client.force_login(request.getfixturevalue(role))
    response = client.get("/admin/")
    if role in {"admin_user", "data_custodian"}:
        assert response.status_code == 200
    else:
        assert response.status_code == 302
        assert response["Location"] == "/admin/login/?next=/admin/"
        refused = client.get(response["Location"])
        assert refused.status_code == 403
        assert "Tidak ada akses ke halaman administrasi" in refused.content.decode()


def test_data_custodian_edits_reference_data_but_not_users(data_custodian: User, client: Client) -> None:
    client.force_login(data_custodian)
    assert client.get("/admin/elections/election/").status_code == 200
    assert client.get("/admin/catalogue/catalogueitem/").status_code == 200
    assert client.get("/admin/accounts/user/").status_code == 403
    assert client.get("/admin/audit/auditentry/").status_code == 200


EXPECTED_USERS = {
    "bawaslu_ri": {"bawaslu_ri"},
    "bawaslu_prov_diy": {"bawaslu_prov_diy"},
    "bawaslu_kab_sleman": {"bawaslu_kab_sleman", "commissioner_kab_sleman"},
    "commissioner_kab_sleman": {"bawaslu_kab_sleman", "commissioner_kab_sleman"},
    "bawaslu_kota_manado": {"bawaslu_kota_manado"},
    "bkn_analyst": {"bkn_analyst"},
    "ppk_kota_manado": {"ppk_kota_manado"},
    "ppk_kab_sleman": {"ppk_kab_sleman"},
    "kemendagri_officer": {"kemendagri_officer"},
    "admin_user": {
        "bawaslu_ri",
        "bawaslu_prov_diy",
        "bawaslu_kab_sleman",
        "commissioner_kab_sleman",
        "bawaslu_kota_manado",
        "bkn_analyst",
        "ppk_kota_manado",
        "ppk_kab_sleman",
        "kemendagri_officer",
        "admin",
        "data_custodian",
    },
    "data_custodian": {"admin", "data_custodian"},  # both belong to the operator institution
}


@pytest.mark.parametrize("role", ROLES)
def test_user_visibility_per_role(role: str, users_by_role: dict[str, User], client: Client) -> None:
    user = users_by_role[role]
    visible = set(User.objects.visible_to(user).values_list("username", flat=True))
    assert visible == EXPECTED_USERS[role]
    client.force_login(user)
    html = client.get("/pengguna/").content.decode()
    shown = {name for name in EXPECTED_USERS["admin_user"] if f"<td>{name}</td>" in html}
    assert shown == EXPECTED_USERS[role]


def test_user_visibility_anonymous_and_inactive(bawaslu_kab_sleman: User) -> None:
    assert not User.objects.visible_to(AnonymousUser()).exists()
    assert not User.objects.visible_to(None).exists()
    bawaslu_kab_sleman.is_active = False
    assert not User.objects.visible_to(bawaslu_kab_sleman).exists()


DIY_INSTITUTIONS = {
    "bawaslu-34",
    "bawaslu-34.01",
    "bawaslu-34.02",
    "bawaslu-34.03",
    "bawaslu-34.04",
    "bawaslu-34.71",
    "ppk-pemprov-34",
    "ppk-pemkab-34.01",
    "ppk-pemkab-34.02",
    "ppk-pemkab-34.03",
    "ppk-pemkab-34.04",
    "ppk-pemkot-34.71",
}
EXPECTED_INSTITUTIONS: dict[str, set[str] | None] = {  # None: every institution
    "bawaslu_ri": None,
    "bkn_analyst": None,
    "kemendagri_officer": None,
    "admin_user": None,
    "data_custodian": None,
    "bawaslu_prov_diy": DIY_INSTITUTIONS,
    "bawaslu_kab_sleman": {"bawaslu-34.04", "ppk-pemkab-34.04"},
    "commissioner_kab_sleman": {"bawaslu-34.04", "ppk-pemkab-34.04"},
    "bawaslu_kota_manado": {"bawaslu-71.71", "ppk-pemkot-71.71"},
    "ppk_kota_manado": {"ppk-pemkot-71.71"},
    "ppk_kab_sleman": {"ppk-pemkab-34.04"},
}


@pytest.mark.parametrize("role", ROLES)
def test_institution_visibility_per_role(role: str, request: pytest.FixtureRequest) -> None:
    user = request.getfixturevalue(role)
    visible = set(Institution.objects.visible_to(user).values_list("code", flat=True))
    expected = EXPECTED_INSTITUTIONS[role]
    if expected is None:
        assert len(visible) == Institution.objects.count()
    else:
        assert visible == expected


def test_institution_visibility_anonymous() -> None:
    assert not Institution.objects.visible_to(AnonymousUser()).exists()


# --- anonymous visitors -----------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/beranda/", "/pengguna/", "/dua-langkah/"])
def test_anonymous_is_sent_to_login(path: str, client: Client) -> None:
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == f"/masuk/?next={path}"


def test_admin_sends_anonymous_to_the_main_login(client: Client) -> None:
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1] == ("/masuk/?next=/admin/", 302)


def test_landing_page(client: Client, bawaslu_kab_sleman: User) -> None:
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'lang="id"' in html and 'href="/masuk/"' in html
    assert "Menjaga netralitas ASN" in html
    client.force_login(bawaslu_kab_sleman)
    assert client.get("/")["Location"] == "/beranda/"


def test_admin_pages_for_accounts_render(admin_client: Client, bawaslu_kab_sleman: User) -> None:
    assert admin_client.get("/admin/accounts/user/").status_code == 200
    assert admin_client.get("/admin/accounts/user/add/").status_code == 200
    assert admin_client.get(f"/admin/accounts/user/{bawaslu_kab_sleman.pk}/change/").status_code == 200
    assert admin_client.get("/admin/accounts/institution/?kind=ppk").status_code == 200
    bkn = Institution.objects.get(code="bkn")
    assert admin_client.get(f"/admin/accounts/institution/{bkn.pk}/change/").status_code == 200


def test_admin_refuses_a_role_at_the_wrong_institution(
    admin_client: Client, bawaslu_kab_sleman: User
) -> None:
    bkn = Institution.objects.get(code="bkn")
    data = {
        "username": bawaslu_kab_sleman.username,
        "role": "bawaslu_staff",
        "institution": bkn.pk,
        "language": "id",
        "is_active": "on",
        "date_joined_0": "2024-01-01",
        "date_joined_1": "08:00:00",
    }
    response = admin_client.post(f"/admin/accounts/user/{bawaslu_kab_sleman.pk}/change/", data)
    assert response.status_code == 200  # the form comes back with the error
    assert "harus berada di lembaga berjenis Bawaslu" in response.content.decode()
    bawaslu_kab_sleman.refresh_from_db()
    assert (
        bawaslu_kab_sleman.institution is not None and bawaslu_kab_sleman.institution.code == "bawaslu-34.04"
    )
