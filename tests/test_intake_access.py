"""Who sees which report, and who may see the reporter's identity (intake models and services)."""

from __future__ import annotations

import datetime as dt

import pytest
from cryptography.fernet import Fernet
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.test import override_settings

from netral.accounts.models import User
from netral.audit.models import AuditEntry
from netral.intake import services
from netral.intake.crypto import configured_keys, decrypt_identity
from netral.intake.models import Evidence, Message, Report, ReportedPerson
from tests.test_intake_services import SITI, report_input, submit

pytestmark = pytest.mark.django_db

REGIONS = ("34.04", "34.71", "71.71")  # Kabupaten Sleman, Kota Yogyakarta (both DIY), Kota Manado

# fixture name -> regions of the reports it sees
EXPECTED = {
    "bawaslu_ri": {"34.04", "34.71", "71.71"},
    "bawaslu_prov_diy": {"34.04", "34.71"},
    "bawaslu_kab_sleman": {"34.04"},
    "bawaslu_kota_manado": {"71.71"},
    "commissioner_kab_sleman": {"34.04"},
    "bkn_analyst": set(),
    "ppk_kota_manado": set(),
    "ppk_kab_sleman": set(),
    "kemendagri_officer": set(),
    "admin_user": {"34.04", "34.71", "71.71"},
    "data_custodian": {"34.04", "34.71", "71.71"},
}

# fixture name -> regions whose reporter identity it may decrypt
IDENTITY = {
    "bawaslu_ri": {"34.04", "34.71", "71.71"},
    "bawaslu_prov_diy": {"34.04", "34.71"},
    "bawaslu_kab_sleman": {"34.04"},
    "bawaslu_kota_manado": {"71.71"},
    "commissioner_kab_sleman": {"34.04"},
    "bkn_analyst": set(),
    "ppk_kota_manado": set(),
    "ppk_kab_sleman": set(),
    "kemendagri_officer": set(),
    "admin_user": set(),  # administrators run the system; they do not read reporters' identities
    "data_custodian": {"34.04", "34.71", "71.71"},
}


@pytest.fixture
def reports() -> dict[str, Report]:
    made = {}
    for code in REGIONS:
        report = submit(report_input(region_code=code)).report
        services.add_message(report, "Ada kabar?", direction="from_reporter")
        Evidence.objects.create(
            report=report,
            kind="pdf",
            original_name="x.pdf",
            stored_path=f"evidence/2024/04/{code}.pdf",
            size=1,
            sha256="0" * 64,
            original_sha256="0" * 64,
            content_type="application/pdf",
        )
        made[code] = report
    return made


def regions_of(queryset: object) -> set[str]:
    return {r.region_id for r in queryset}  # type: ignore[attr-defined]


@pytest.mark.parametrize("role", sorted(EXPECTED))
def test_visible_to_every_role(role: str, reports: dict[str, Report], request: pytest.FixtureRequest) -> None:
    user = request.getfixturevalue(role)
    assert regions_of(Report.objects.visible_to(user)) == EXPECTED[role]
    ids = {reports[code].pk for code in EXPECTED[role]}
    for model in (ReportedPerson, Evidence, Message):
        assert {row.report_id for row in model.objects.visible_to(user)} == ids, model.__name__


def test_the_public_and_inactive_users_see_nothing(reports: dict[str, Report], bawaslu_ri: User) -> None:
    assert not Report.objects.visible_to(AnonymousUser()).exists()
    assert not Report.objects.visible_to(None).exists()
    assert not Message.objects.visible_to(AnonymousUser()).exists()
    bawaslu_ri.is_active = False
    assert not Report.objects.visible_to(bawaslu_ri).exists()


def test_a_user_without_institution_sees_nothing(reports: dict[str, Report]) -> None:
    nobody = User.objects.create(username="nobody", role="")
    assert not Report.objects.visible_to(nobody).exists()


@pytest.mark.parametrize("role", sorted(IDENTITY))
def test_reporter_identity_only_for_entitled_roles(
    role: str, reports: dict[str, Report], request: pytest.FixtureRequest
) -> None:
    user = request.getfixturevalue(role)
    for code, report in reports.items():
        identity = services.reporter_identity(report, user=user)
        if code in IDENTITY[role]:
            assert identity == SITI
        else:
            assert identity is None
    viewed = AuditEntry.objects.filter(action="intake.reporter_identity_viewed", actor=user)
    assert {e.object_id for e in viewed} == {str(reports[c].pk) for c in IDENTITY[role]}
    assert all("Siti" not in str(e.data) for e in viewed)


def test_no_identity_for_anonymous_reports_or_the_public(bawaslu_kab_sleman: User) -> None:
    anonymous = submit(report_input(anonymous=True)).report
    assert services.reporter_identity(anonymous, user=bawaslu_kab_sleman) is None
    named = submit().report
    assert services.reporter_identity(named, user=AnonymousUser()) is None
    assert services.reporter_identity(named, user=None) is None


def test_reported_person_nip_is_validated_by_the_model() -> None:
    report = submit().report
    ReportedPerson(report=report, name="X", nip="198609262015051001").full_clean()
    ReportedPerson(report=report, name="X", nip="").full_clean()  # the NIP is optional
    for bad in ("198609262015051000", "123"):
        with pytest.raises(ValidationError) as info:
            ReportedPerson(report=report, name="X", nip=bad).full_clean()
        assert "nip" in info.value.message_dict


def test_key_rotation_re_encrypts_and_re_hashes(bawaslu_kab_sleman: User) -> None:
    report = submit().report
    old_key = configured_keys()[0]
    new_key = Fernet.generate_key().decode()
    with override_settings(NETRAL_ENCRYPTION_KEY=f"{new_key},{old_key}"):
        # Before the rotation: old rows are still readable and still found by their contact.
        assert list(Report.objects.with_reporter("email", SITI.email)) == [report]
        assert services.rotate_reporter_identities(batch_size=1) >= 1
    report.refresh_from_db()
    with override_settings(NETRAL_ENCRYPTION_KEY=new_key):
        assert decrypt_identity(report.reporter_identity_token) == SITI
        assert services.reporter_identity(report, user=bawaslu_kab_sleman) == SITI
        assert list(Report.objects.with_reporter("phone", SITI.phone)) == [report]
    assert AuditEntry.objects.filter(action="intake.identity_keys_rotated").count() == 1


def test_report_str_and_repr_show_only_the_tracking_code() -> None:
    result = submit()
    assert str(result.report) == result.tracking_code
    assert repr(result.report) == f"<Report: {result.tracking_code}>"
    assert "Siti" not in repr(report_input())
    assert result.report.created_at == dt.datetime(2024, 4, 5, 3, 0, tzinfo=dt.UTC)
