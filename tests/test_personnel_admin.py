"""Admin pages of the register: search by NIP or by normalised name, filters, few queries."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from netral.personnel.models import Agency, Employee

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client() -> Client:
    user = get_user_model().objects.create_superuser("root_admin", "root@example.org", "a-long-password-1")
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def people() -> None:
    sleman = Agency.objects.get(code="pemkab-34.04")
    for index, (nip, name) in enumerate(
        [
            ("198609262015051001", "Drs. H. Moch. Soedjono, M.Si."),
            ("199001012022212001", "Siti Aminah, S.Pd."),
        ]
    ):
        Employee.objects.create(
            nip=nip,
            name=name,
            name_normalized=["muhammad sujono", "siti aminah"][index],
            employment="pns" if index == 0 else "pppk",
            position_class="fungsional",
            agency=sleman,
            region_id="34.04",
            gender="L" if index == 0 else "P",
            birth_date=dt.date(int(nip[:4]), int(nip[4:6]), int(nip[6:8])),
        )


def test_search_by_nip_prefix_and_by_name(admin_client: Client, people: None) -> None:
    url = "/admin/personnel/employee/"
    page = admin_client.get(url, {"q": "19860926 2015"}).content.decode()
    assert "Soedjono" in page and "Siti Aminah" not in page
    page = admin_client.get(url, {"q": "Muhammad Sujono"}).content.decode()
    assert "Soedjono" in page and "Siti Aminah" not in page
    page = admin_client.get(url, {"employment__exact": "pppk"}).content.decode()
    assert "Siti Aminah" in page and "Soedjono" not in page
    page = admin_client.get(url, {"agency__kind__exact": "pemkab"}).content.decode()
    assert "Siti Aminah" in page and "Soedjono" in page


def test_list_does_not_query_per_row(admin_client: Client, people: None) -> None:
    with CaptureQueriesContext(connection) as two_rows:
        assert admin_client.get("/admin/personnel/employee/").status_code == 200
    Employee.objects.create(
        nip="197501152000031002", name="Budi", name_normalized="budi", employment="pns",
        position_class="pelaksana", agency=Agency.objects.get(code="pusat-kemenag"), region_id="33.74",
        gender="L", birth_date=dt.date(1975, 1, 15),
    )  # fmt: skip
    with CaptureQueriesContext(connection) as three_rows:
        admin_client.get("/admin/personnel/employee/")
    assert len(three_rows) == len(two_rows)


def test_the_form_checks_the_nip(admin_client: Client) -> None:
    response = admin_client.post(
        "/admin/personnel/employee/add/",
        {
            "nip": "19860926 201505 1 000", "name": "Budi", "employment": "pns",
            "position_class": "pelaksana", "agency": Agency.objects.get(code="pemkab-34.04").pk,
            "region": "34.04", "gender": "L", "birth_date": "1986-09-26",
        },
    )  # fmt: skip
    assert response.status_code == 200
    assert "tidak boleh 000" in response.content.decode()
    assert not Employee.objects.filter(name="Budi").exists()
    response = admin_client.post(
        "/admin/personnel/employee/add/",
        {
            "nip": "198609262015051001", "name": "Budi", "employment": "pppk",
            "position_class": "pelaksana", "agency": Agency.objects.get(code="pemkab-34.04").pk,
            "region": "34.04", "gender": "P", "birth_date": "1986-09-27",
        },
    )  # fmt: skip
    assert response.content.decode().count("Tidak sesuai dengan NIP.") == 3
    response = admin_client.post(
        "/admin/personnel/employee/add/",
        {
            "nip": "19860926 201505 1 001", "name": "Drs. Budi", "employment": "pns",
            "position_class": "pelaksana", "agency": Agency.objects.get(code="pemkab-34.04").pk,
            "region": "34.04", "gender": "L", "birth_date": "1986-09-26",
        },
    )  # fmt: skip
    assert response.status_code == 302
    saved = Employee.objects.get(nip="198609262015051001")
    assert saved.name_normalized == "budi"


def test_agency_and_ppk_pages(admin_client: Client) -> None:
    assert admin_client.get("/admin/personnel/agency/", {"q": "Sleman"}).status_code == 200
    agency = Agency.objects.get(code="pemkab-34.04")
    page = admin_client.get(f"/admin/personnel/agency/{agency.pk}/change/").content.decode()
    assert "Bupati Sleman" in page
    assert admin_client.get("/admin/personnel/ppk/", {"agency__kind__exact": "pemprov"}).status_code == 200
