"""Possible duplicates (same person and event, same region, time window, identical evidence) and merging a
duplicate into one case with every report and reporter kept apart."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.utils import translation

from netral.accounts.models import User
from netral.audit.models import AuditEntry
from netral.cases.actions import TransitionRefused, transition
from netral.cases.models import Case, CaseReport
from netral.intake.crypto import ReporterIdentity, decrypt_identity
from netral.intake.models import Report
from netral.intake.services import attach_evidence
from netral.triage.duplicates import find_duplicates, merge_cases
from tests.test_triage_suggest_support import OCT_3_10_WIB, submit

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
FIRST = (
    "Camat Depok Ahmad Fauzi memasang baliho pasangan calon bupati nomor urut 2 di depan kantor "
    "kecamatan dan mengajak warga memilihnya."
)
SAME_EVENT = (
    "pak camat depok ahmad fauzi pasang baliho paslon no 2 depan kantor kecamatan, ngajak warga "
    "milih paslon itu"
)
OTHER_EVENT = "Guru SD di Kalasan mengunggah foto bersama calon bupati dengan gestur dua jari di Instagram."


def _day(days: int) -> dt.datetime:
    return OCT_3_10_WIB + dt.timedelta(days=days)


def _ids(hits: list[Any]) -> set[int]:
    return {hit.case.pk for hit in hits}


@pytest.fixture
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def test_the_same_person_and_event_is_offered_with_its_reasons(
    django_capture_on_commit_callbacks: Any, bawaslu_kab_sleman: User
) -> None:
    first = submit(django_capture_on_commit_callbacks, text=FIRST, person="Drs. Ahmad Fauzi")
    second = submit(
        django_capture_on_commit_callbacks, text=SAME_EVENT, person="Ahmad Fauzy", received_at=_day(2)
    )
    unrelated = submit(
        django_capture_on_commit_callbacks, text=OTHER_EVENT, person="Sri Wahyuni", received_at=_day(1)
    )
    hits = find_duplicates(first, user=bawaslu_kab_sleman)
    assert _ids(hits) == {second.pk} and unrelated.pk not in _ids(hits)
    (hit,) = hits
    assert {"person", "region", "time", "text"} <= set(hit.reasons) and "evidence" not in hit.reasons
    assert 0.5 < hit.score <= 1.0 and hit.text_similarity > 0.15 and hit.days_apart == 2
    assert hit.mergeable
    assert _ids(find_duplicates(second, user=bawaslu_kab_sleman)) == {first.pk}  # both ways


def test_a_different_person_or_a_far_date_is_not_offered(
    django_capture_on_commit_callbacks: Any, bawaslu_kab_sleman: User, settings: Any
) -> None:
    first = submit(django_capture_on_commit_callbacks, text=FIRST, person="Ahmad Fauzi")
    other_person = submit(django_capture_on_commit_callbacks, text=FIRST, person="Bambang Sutrisno")
    much_later = submit(
        django_capture_on_commit_callbacks, text=SAME_EVENT, person="Ahmad Fauzi", received_at=_day(40)
    )
    assert find_duplicates(first, user=bawaslu_kab_sleman) == []
    # The window is a setting: wide enough, the later report is offered; the other person never is.
    settings.NETRAL_TRIAGE_DUPLICATE_DAYS = 60
    assert _ids(find_duplicates(first, user=bawaslu_kab_sleman)) == {much_later.pk}
    assert other_person.pk not in _ids(find_duplicates(first, user=bawaslu_kab_sleman, days=1000))


def test_an_identical_evidence_file_is_always_flagged(
    django_capture_on_commit_callbacks: Any, bawaslu_kab_sleman: User, media: Path
) -> None:
    first = submit(django_capture_on_commit_callbacks, text=FIRST, person="Ahmad Fauzi")
    far = submit(
        django_capture_on_commit_callbacks, text=OTHER_EVENT, person="Sri Wahyuni", received_at=_day(90)
    )
    for case in (first, far):
        attach_evidence(case.case_reports.get().report, PDF, "bukti.pdf")
    (hit,) = find_duplicates(first, user=bawaslu_kab_sleman)
    assert hit.case.pk == far.pk and "evidence" in hit.reasons and hit.score >= 0.95
    assert "person" not in hit.reasons and "time" not in hit.reasons


def test_duplicates_come_only_from_cases_the_user_may_see(
    django_capture_on_commit_callbacks: Any, bawaslu_kab_sleman: User, bawaslu_prov_diy: User
) -> None:
    first = submit(django_capture_on_commit_callbacks, text=FIRST, person="Ahmad Fauzi")
    manado = submit(django_capture_on_commit_callbacks, text=FIRST, person="Ahmad Fauzi", region_code="71.71")
    kulon_progo = submit(
        django_capture_on_commit_callbacks, text=FIRST, person="Ahmad Fauzi", region_code="34.01"
    )
    assert manado.pk not in _ids(find_duplicates(first, user=bawaslu_prov_diy))
    assert kulon_progo.pk in _ids(find_duplicates(first, user=bawaslu_prov_diy))
    assert _ids(find_duplicates(first, user=bawaslu_kab_sleman)) == set()


def test_merge_keeps_both_reports_and_their_reporters_apart(
    django_capture_on_commit_callbacks: Any, bawaslu_kab_sleman: User
) -> None:
    siti = ReporterIdentity(name="Siti Aminah", phone="081234567890", email="siti@example.org")
    joko = ReporterIdentity(name="Joko Widodo", phone="081298765432", email="joko@example.org")
    target = submit(django_capture_on_commit_callbacks, text=FIRST, person="Ahmad Fauzi", reporter=siti)
    source = submit(
        django_capture_on_commit_callbacks,
        text=SAME_EVENT,
        person="Ahmad Fauzy",
        reporter=joko,
        received_at=_day(1),
    )
    target_report, source_report = target.case_reports.get().report, source.case_reports.get().report
    tokens = {
        target_report.pk: target_report.reporter_identity_token,
        source_report.pk: source_report.reporter_identity_token,
    }

    merge_cases(target, source, actor=bawaslu_kab_sleman, reason="Kejadian dan terlapor sama.")

    links = CaseReport.objects.filter(case=target).order_by("report_id")
    assert [link.report_id for link in links] == sorted([target_report.pk, source_report.pk])
    assert not CaseReport.objects.filter(case=source).exists()
    for report in Report.objects.filter(pk__in=tokens):
        assert report.reporter_identity_token == tokens[report.pk]  # untouched, each its own
    assert (
        decrypt_identity(Report.objects.get(pk=target_report.pk).reporter_identity_token).name
        == "Siti Aminah"
    )
    assert (
        decrypt_identity(Report.objects.get(pk=source_report.pk).reporter_identity_token).name
        == "Joko Widodo"
    )
    closed = Case.objects.get(pk=source.pk)
    assert closed.state == "merged"  # its own state: the funnel does not count it as rejected
    last = closed.transitions.order_by("-at", "-pk").first()
    assert last is not None and target.number in last.reason
    entry = AuditEntry.objects.filter(action="cases.merged").get()
    assert entry.data["reports"] == [source_report.pk]
    text = repr(entry.data)
    assert all(secret not in text for secret in ("Siti", "Joko", "0812", "example.org"))
    assert find_duplicates(target, user=bawaslu_kab_sleman) == []  # one case now


def test_merge_is_refused_for_the_wrong_role_state_or_reason(
    django_capture_on_commit_callbacks: Any,
    bawaslu_kab_sleman: User,
    commissioner_kab_sleman: User,
    bawaslu_kota_manado: User,
) -> None:
    target = submit(django_capture_on_commit_callbacks, text=FIRST, person="Ahmad Fauzi")
    source = submit(django_capture_on_commit_callbacks, text=SAME_EVENT, person="Ahmad Fauzi")
    for actor, reason, code in (
        (bawaslu_kab_sleman, "  ", "invalid"),
        (commissioner_kab_sleman, "sama", "role"),
        (bawaslu_kota_manado, "sama", "scope"),
    ):
        with pytest.raises(TransitionRefused) as refused:
            merge_cases(target, source, actor=actor, reason=reason)
        assert refused.value.code == code
    with pytest.raises(TransitionRefused):
        merge_cases(target, target, actor=bawaslu_kab_sleman, reason="sama")
    for action in ("start_initial_review", "register"):
        source = transition(source, action, actor=bawaslu_kab_sleman)
    with pytest.raises(TransitionRefused) as refused:
        merge_cases(target, source, actor=bawaslu_kab_sleman, reason="sama")
    assert refused.value.code == "wrong_state"
    assert CaseReport.objects.filter(case=target).count() == 1
    assert Case.objects.get(pk=source.pk).state == "registered"


def test_merge_from_the_workspace(django_capture_on_commit_callbacks: Any, bawaslu_kab_sleman: User) -> None:
    target = submit(django_capture_on_commit_callbacks, text=FIRST, person="Ahmad Fauzi")
    source = submit(django_capture_on_commit_callbacks, text=SAME_EVENT, person="Ahmad Fauzi")
    client = Client()
    client.force_login(bawaslu_kab_sleman)
    url = f"/triage/perkara/{target.pk}/gabung/"
    assert client.post(url, {"source": source.pk, "reason": ""}).status_code == 302
    assert CaseReport.objects.filter(case=target).count() == 1  # no reason: refused
    response = client.post(url, {"source": source.pk, "reason": "Laporan ganda."})
    assert response.status_code == 302
    assert CaseReport.objects.filter(case=target).count() == 2
    assert client.post(url, {"source": 999999, "reason": "x"}).status_code == 404


def test_the_workspace_lists_duplicates_with_reasons_and_offers_merging_to_staff(
    django_capture_on_commit_callbacks: Any, bawaslu_kab_sleman: User, commissioner_kab_sleman: User, rf: Any
) -> None:
    from django.template import engines

    target = submit(django_capture_on_commit_callbacks, text=FIRST, person="Ahmad Fauzi")
    source = submit(django_capture_on_commit_callbacks, text=SAME_EVENT, person="Ahmad Fauzi")
    template = engines["django"].from_string("{% load triage_workspace %}{% triage_workspace case %}")
    request = rf.get("/")
    request.user = bawaslu_kab_sleman
    with translation.override("en"):
        html = template.render({"case": target}, request)
    assert source.number in html and "same reported person" in html
    assert f"/triage/perkara/{target.pk}/gabung/" in html
    request.user = commissioner_kab_sleman
    html = template.render({"case": target}, request)
    assert source.number in html and f"/triage/perkara/{target.pk}/gabung/" not in html
