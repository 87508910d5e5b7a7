"""Forwarding packages: created by the forwarding actions, redacted for the receiver, acknowledged by the
receiver only (through the action layer, audited), the receiver's clock restarted by a timely
acknowledgement (golden due dates in Kabupaten Sleman, 2024), and the package page."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from PIL import Image

from netral.accounts.models import Institution, User
from netral.accounts.services import BKN, bawaslu_for_region, institution, ppk_office_for_region
from netral.audit.models import AuditEntry
from netral.audit.services import verify
from netral.cases import actions, forwarding, receipts, sanctions
from netral.cases.escalation import sweep
from netral.cases.models import Case, Deadline, ForwardingPackage, Transition
from netral.intake.services import attach_evidence
from tests.test_cases_authority_support import BAWASLU_STEPS, make_recommendation, wib
from tests.test_cases_documents_support import IDENTITY_WORDS, URLCONF, named_case, walk

pytestmark = [pytest.mark.django_db, pytest.mark.urls(URLCONF)]

UTC = dt.UTC
FORWARDED = dt.date(2024, 10, 14)  # Mon


@pytest.fixture(autouse=True)
def media_root(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    settings.NETRAL_RECEIPT_GRACE_DAYS = 3
    return tmp_path


def forwarded(users: dict[str, User], *, evidence: bool = False) -> Case:
    case = named_case()
    if evidence:
        image = io.BytesIO()
        Image.new("RGB", (12, 12), (200, 0, 0)).save(image, "PNG")
        attach_evidence(case.case_reports.get().report, image.getvalue(), "spanduk.png")
    return walk(case, "forward_to_authority", users)


def verification(case: Case) -> Deadline:
    return Deadline.objects.get(case=case, clock="authority.verification")


def test_forwarding_writes_a_redacted_package_for_the_authority(users_by_role: dict[str, User]) -> None:
    case = forwarded(users_by_role, evidence=True)
    package = ForwardingPackage.objects.get(case=case)
    bkn = institution(BKN)
    assert (package.kind, package.from_institution, package.to_institution, package.redacted) == (
        "to_authority",
        bawaslu_for_region("34.04"),
        bkn,
        True,
    )
    assert package.sent_at == wib(FORWARDED) and package.sent_by == users_by_role["bawaslu_kab_sleman"]
    assert package.acknowledged_at is None
    contents = package.contents
    assert contents["case"]["number"] == case.number and contents["case"]["region"] == "34.04"
    assert contents["decision"]["action"] == "decide_violation" and contents["decision"]["role"] == (
        "bawaslu_commissioner"
    )
    assert contents["reports"][0]["reported_persons"][0]["name"] == "Budi Santoso"
    assert contents["reporter"] == {"anonymous": False, "identity": "withheld"}
    [item] = contents["evidence"]
    assert set(item) == {"name", "kind", "sha256", "size"} and len(item["sha256"]) == 64
    assert contents["recommendation"] is None
    text = json.dumps(contents)
    assert not any(word in text for word in IDENTITY_WORDS)
    assert case.case_reports.get().report.tracking_code not in text
    entry = AuditEntry.objects.get(action="cases.package_sent")
    assert entry.data["to"] == BKN and entry.data["redacted"] is True and entry.data["evidence"] == 1


def test_only_an_entitled_bawaslu_would_see_the_identity(users_by_role: dict[str, User]) -> None:
    case = forwarded(users_by_role)
    for code in ("34.04", "34", None):
        assert forwarding.receiver_entitled(case, bawaslu_for_region(code)), code
    for receiver in (
        bawaslu_for_region("71.71"),
        institution(BKN),
        ppk_office_for_region("34.04"),
        institution("kemendagri"),
        None,
    ):
        assert not forwarding.receiver_entitled(case, receiver), receiver
    # Even an unredacted package never copies the identity; it only keeps the tracking code.
    contents = forwarding.build_contents(case, redacted=False)
    assert contents["reporter"]["identity"] == "available"
    assert not any(word in json.dumps(contents) for word in IDENTITY_WORDS)
    assert contents["reports"][0]["tracking_code"]


def test_a_timely_acknowledgement_restarts_the_verification_clock(users_by_role: dict[str, User]) -> None:
    case = forwarded(users_by_role)
    # Forwarded Mon 14 Oct 2024: 7 working days 15, 16, 17, 18, 21, 22, 23 Oct → Wed 23 Oct, 16:00 WIB.
    clock = verification(case)
    assert (clock.started_on, clock.due_date) == (FORWARDED, dt.date(2024, 10, 23))
    assert clock.due_at == dt.datetime(2024, 10, 23, 9, 0, tzinfo=UTC)
    # Acknowledged Wed 16 Oct, inside the 3-working-day grace (15, 16, 17 Oct): counted from 16 Oct,
    # 17, 18, 21, 22, 23, 24, 25 Oct → Fri 25 Oct 2024, 16:00 WIB = 09:00 UTC.
    package = ForwardingPackage.objects.get(case=case)
    analyst = users_by_role["bkn_analyst"]
    receipts.acknowledge(package, actor=analyst, at=wib(dt.date(2024, 10, 16)))
    clock = verification(case)
    assert (clock.started_on, clock.due_date, clock.state) == (
        dt.date(2024, 10, 16),
        dt.date(2024, 10, 25),
        "open",
    )
    assert clock.due_at == dt.datetime(2024, 10, 25, 9, 0, tzinfo=UTC)
    package.refresh_from_db()
    assert (package.acknowledged_at, package.acknowledged_by) == (wib(dt.date(2024, 10, 16)), analyst)
    stored = Case.objects.get(pk=case.pk)
    assert stored.state == "authority_received"
    row = Transition.objects.filter(case=case).last()
    assert row is not None and (row.action, row.actor) == ("acknowledge_receipt", analyst)
    entry = AuditEntry.objects.get(action="cases.package_acknowledged")
    assert entry.data["clock_restarted"] is True and entry.data["due_date"] == "2024-10-25"
    assert AuditEntry.objects.filter(action="cases.acknowledge_receipt").count() == 1
    with pytest.raises(forwarding.PackageRefused) as refused:
        receipts.acknowledge(package, actor=analyst)
    assert refused.value.code == "already_acknowledged"
    assert verify().ok


def test_a_late_acknowledgement_leaves_the_clock_from_the_forwarding(users_by_role: dict[str, User]) -> None:
    case = forwarded(users_by_role)
    # Fri 18 Oct is after the grace (ends Thu 17 Oct): the clock stays due Wed 23 Oct.
    actions.acknowledge_receipt(case, actor=users_by_role["bkn_analyst"], at=wib(dt.date(2024, 10, 18)))
    clock = verification(case)
    assert (clock.started_on, clock.due_date) == (FORWARDED, dt.date(2024, 10, 23))
    # The workspace's button took the same acknowledgement: the package is marked too.
    package = ForwardingPackage.objects.get(case=case)
    assert package.acknowledged_at == wib(dt.date(2024, 10, 18))
    assert AuditEntry.objects.get(action="cases.package_acknowledged").data["clock_restarted"] is False


def test_the_ppk_package_and_its_acknowledgement_move_the_follow_up_clock(
    users_by_role: dict[str, User], ppk_kab_sleman: User, bkn_analyst: User
) -> None:
    case = walk(named_case(), "send_to_ppk", users_by_role)
    package = ForwardingPackage.objects.get(case=case, kind="to_ppk")
    assert (package.from_institution, package.to_institution, package.redacted) == (
        institution(BKN),
        ppk_office_for_region("34.04"),
        True,
    )
    assert package.contents["recommendation"]["item"] == "D8"
    assert package.contents["recommendation"]["sanction_level"] == "sedang"
    assert not any(word in json.dumps(package.contents) for word in IDENTITY_WORDS)
    # Sent Tue 22 Oct: 14 working days → Mon 11 Nov 2024 (the existing golden date).
    follow_up = Deadline.objects.get(case=case, clock="ppk.follow_up")
    assert follow_up.due_date == dt.date(2024, 11, 11)
    # The authority cannot acknowledge for the PPK.
    with pytest.raises(forwarding.PackageRefused):
        receipts.acknowledge(package, actor=bkn_analyst, at=wib(dt.date(2024, 10, 24)))
    # The PPK acknowledges Thu 24 Oct (grace 23, 24, 25 Oct): from 24 Oct, 14 working days 25, 28, 29,
    # 30, 31 Oct, 1, 4, 5, 6, 7, 8, 11, 12, 13 Nov → Wed 13 Nov 2024, 16:00 WIB = 09:00 UTC.
    receipts.acknowledge(package, actor=ppk_kab_sleman, at=wib(dt.date(2024, 10, 24)))
    follow_up.refresh_from_db()
    assert (follow_up.started_on, follow_up.due_date) == (dt.date(2024, 10, 24), dt.date(2024, 11, 13))
    assert follow_up.due_at == dt.datetime(2024, 11, 13, 9, 0, tzinfo=UTC)
    stored = Case.objects.get(pk=case.pk)
    assert stored.state == "sent_to_ppk" and stored.version == case.version  # no state change
    entry = AuditEntry.objects.get(action="cases.package_acknowledged", actor=ppk_kab_sleman)
    assert entry.data["kind"] == "to_ppk" and entry.data["clock_restarted"] is True
    # Tue 12 Nov is no longer overdue; after Wed 13 Nov 16:00 WIB it is.
    assert sweep(wib(dt.date(2024, 11, 12))).ppk_overdue == 0
    assert sweep(wib(dt.date(2024, 11, 13), 17)).ppk_overdue == 1
    assert verify().ok


def test_gakkumdu_package_is_acknowledged_by_the_forwarding_bawaslu(users_by_role: dict[str, User]) -> None:
    case = walk(named_case(), "decide_violation", users_by_role)
    staff = users_by_role["bawaslu_kab_sleman"]
    actions.transition(case, "forward_to_gakkumdu", actor=staff, at=wib(FORWARDED))
    package = ForwardingPackage.objects.get(case=case)
    assert (package.kind, package.to_institution, package.to_name) == ("to_gakkumdu", None, "Sentra Gakkumdu")
    assert not forwarding.may_acknowledge(package, users_by_role["bawaslu_kota_manado"])
    receipts.acknowledge(package, actor=staff, at=wib(dt.date(2024, 10, 15)))
    package.refresh_from_db()
    assert package.acknowledged_by == staff
    assert not Deadline.objects.filter(case=case, clock__startswith="authority").exists()


def test_the_authority_in_force_on_the_forwarding_day_receives_it(
    users_by_role: dict[str, User], admin_user: User
) -> None:
    client = Client()
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:accounts_institution_add"),
        {
            "code": "otoritas-asn",
            "name": "Badan Pengawas ASN",
            "kind": "asn_authority",
            "active_from": "2027-10-01",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    body = Institution.objects.get(code="otoritas-asn")
    from netral.accounts.services import current_asn_authority

    assert current_asn_authority(on=dt.date(2024, 8, 23)).code == "kasn"
    assert current_asn_authority(on=dt.date(2024, 8, 24)).code == BKN
    assert current_asn_authority(on=dt.date(2027, 9, 30)).code == BKN
    assert current_asn_authority(on=dt.date(2027, 10, 1)) == body

    def forward_on(day: dt.date) -> Case:
        case = walk(named_case(), "decide_violation", users_by_role)
        at = dt.datetime(day.year, day.month, day.day, 1, 0, tzinfo=UTC)  # 08:00 WIB
        return actions.forward_to_authority(case, actor=users_by_role["bawaslu_kab_sleman"], at=at)

    before, after = forward_on(dt.date(2027, 9, 30)), forward_on(dt.date(2027, 10, 1))
    assert Case.objects.get(pk=before.pk).authority == institution(BKN)
    assert Case.objects.get(pk=after.pk).authority == body
    assert ForwardingPackage.objects.get(case=after).to_institution == body
    assert ForwardingPackage.objects.get(case=before).to_institution == institution(BKN)


def test_the_package_page_and_its_acknowledge_button(users_by_role: dict[str, User]) -> None:
    case = forwarded(users_by_role)
    package = ForwardingPackage.objects.get(case=case)
    url = reverse("cases:package", args=[case.number, package.pk])

    staff = Client()
    staff.force_login(users_by_role["bawaslu_kab_sleman"])
    page = staff.get(url)
    assert page.status_code == 200 and "acknowledge-form" not in page.content.decode()
    assert staff.post(url).status_code == 409  # not the receiver: refused, nothing changes
    assert ForwardingPackage.objects.get(pk=package.pk).acknowledged_at is None

    outsider = Client()
    outsider.force_login(users_by_role["bawaslu_kota_manado"])
    assert outsider.get(url).status_code == 404
    assert outsider.post(url).status_code == 404

    analyst = Client()
    analyst.force_login(users_by_role["bkn_analyst"])
    body = analyst.get(url).content.decode()
    assert "acknowledge-form" in body and "Budi Santoso" in body
    assert not any(word in body for word in IDENTITY_WORDS)
    response = analyst.post(url)
    assert response.status_code == 302 and response["Location"] == url
    assert ForwardingPackage.objects.get(pk=package.pk).acknowledged_by == users_by_role["bkn_analyst"]
    assert Case.objects.get(pk=case.pk).state == "authority_received"
    assert "acknowledge-form" not in analyst.get(url).content.decode()
    # A package id of another case is not found under this case.
    other = forwarded(users_by_role)
    other_package = ForwardingPackage.objects.get(case=other)
    assert analyst.get(reverse("cases:package", args=[case.number, other_package.pk])).status_code == 404


def test_a_case_forwarded_without_a_clock_gets_one_at_acknowledgement(users_by_role: dict[str, User]) -> None:
    # A case forwarded before the clock started at forwarding (older data): acknowledging starts it.
    case = forwarded(users_by_role)
    Deadline.objects.filter(case=case).delete()
    package = ForwardingPackage.objects.get(case=case)
    receipts.acknowledge(package, actor=users_by_role["bkn_analyst"], at=wib(dt.date(2024, 10, 21)))
    clock = verification(case)
    assert (clock.started_on, clock.due_date) == (dt.date(2024, 10, 21), dt.date(2024, 10, 30))


def test_recommendation_after_acknowledgement_meets_the_clock(users_by_role: dict[str, User]) -> None:
    case = forwarded(users_by_role)
    analyst = users_by_role["bkn_analyst"]
    receipts.acknowledge(
        ForwardingPackage.objects.get(case=case), actor=analyst, at=wib(dt.date(2024, 10, 15))
    )
    case = Case.objects.get(pk=case.pk)
    actions.verify(case, actor=analyst, at=wib(dt.date(2024, 10, 16)))
    make_recommendation(Case.objects.get(pk=case.pk), analyst, at=wib(dt.date(2024, 10, 21)))
    assert verification(case).state == "met"
    assert [step for step, _day in BAWASLU_STEPS][-1] == "forward_to_authority"
    sanctions.send_to_ppk(Case.objects.get(pk=case.pk), actor=analyst, at=wib(dt.date(2024, 10, 22)))
    assert ForwardingPackage.objects.filter(case=case).count() == 2
