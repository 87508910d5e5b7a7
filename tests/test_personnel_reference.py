"""Reference agencies and PPK offices, loaded by the test session from the real regions."""

from __future__ import annotations

import pytest

from netral.personnel.models import PPK, Agency
from netral.personnel.services import agency_for_region, load_reference_data

pytestmark = pytest.mark.django_db


def ppk_title(code: str) -> str:
    return PPK.objects.get(agency__code=code).title


def test_one_agency_per_regional_government() -> None:
    assert Agency.objects.filter(kind=Agency.Kind.PROVINCE).count() == 38
    assert Agency.objects.filter(kind__in=[Agency.Kind.REGENCY, Agency.Kind.CITY]).count() == 514
    assert Agency.objects.filter(kind=Agency.Kind.REGENCY).count() == 416
    assert Agency.objects.filter(kind=Agency.Kind.CITY).count() == 98
    assert not Agency.objects.exclude(kind=Agency.Kind.CENTRAL).filter(region__isnull=True).exists()


def test_names_and_ppk_titles() -> None:
    assert Agency.objects.get(code="pemprov-11").name == "Pemerintah Provinsi Aceh"
    assert Agency.objects.get(code="pemkab-34.04").name == "Pemerintah Kabupaten Sleman"
    assert Agency.objects.get(code="pemkot-71.71").name == "Pemerintah Kota Manado"
    assert ppk_title("pemprov-34") == "Gubernur Daerah Istimewa Yogyakarta"
    assert ppk_title("pemkab-34.04") == "Bupati Sleman"
    assert ppk_title("pemkot-71.71") == "Wali Kota Manado"
    # Jakarta's cities are administrative: their civil servants answer to the governor.
    assert ppk_title("pemkot-31.71") == "Gubernur Daerah Khusus Ibukota Jakarta"


def test_central_agencies() -> None:
    for slug in [
        "kemendagri",
        "kemenpan-rb",
        "bkn",
        "kemendikdasmen",
        "kemenkes",
        "kemenag",
        "kemenkeu",
        "kemenpu",
    ]:
        agency = Agency.objects.get(code=f"pusat-{slug}")
        assert agency.kind == Agency.Kind.CENTRAL and agency.region is None
    assert ppk_title("pusat-bkn") == "Kepala Badan Kepegawaian Negara"
    assert ppk_title("pusat-kemendagri") == "Menteri Dalam Negeri"


def test_every_agency_has_one_ppk_with_an_empty_name() -> None:
    assert PPK.objects.count() == Agency.objects.count()
    assert not PPK.objects.exclude(name="").exists()


def test_loading_again_creates_only_what_is_missing_and_keeps_edits() -> None:
    ppk = PPK.objects.get(agency__code="pemkab-34.04")
    ppk.name = "Harda Kiswaya"
    ppk.save()
    Agency.objects.filter(code="pusat-bps").update(name="BPS (edited)")
    PPK.objects.filter(agency__code="pusat-bps").delete()
    assert load_reference_data().startswith("0 agencies and 1 PPK offices created")
    assert load_reference_data().startswith("0 agencies and 0 PPK offices created")
    assert PPK.objects.get(agency__code="pemkab-34.04").name == "Harda Kiswaya"
    assert Agency.objects.get(code="pusat-bps").name == "BPS (edited)"
    assert ppk_title("pusat-bps") == "Kepala Badan Pusat Statistik"


def test_agency_for_region() -> None:
    agency = agency_for_region("34.04")
    assert agency is not None and agency.code == "pemkab-34.04"
    assert agency_for_region("34").code == "pemprov-34"  # type: ignore[union-attr]
    assert agency_for_region("99") is None


def test_agencies_are_public_reference_data() -> None:
    assert Agency.objects.visible_to(None).count() == Agency.objects.count()
