"""Case documents as PDF: each kind renders a real PDF for an allowed role, is available only once the
case reached its step, is refused to other roles (403) and to users who cannot see the case (404), names
the reporter only for an entitled Bawaslu, and a missing PDF engine is a clear 503."""

from __future__ import annotations

import datetime as dt
import hashlib
import sys
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.urls import reverse

from netral.accounts.models import User
from netral.audit.models import AuditEntry
from netral.cases import documents
from netral.cases.models import Case, Document, DocumentKind
from tests.test_cases_documents_support import IDENTITY_WORDS, URLCONF, named_case, walk

pytestmark = [pytest.mark.django_db, pytest.mark.urls(URLCONF)]

ALL_KINDS = DocumentKind.values
AT = dt.datetime(2024, 11, 14, 3, 0, tzinfo=dt.UTC)  # Thu 14 Nov 2024 10:00 WIB


@pytest.fixture
def warned(users_by_role: dict[str, User]) -> Case:
    """The named case walked to `warned` (Kemendagri warned the PPK on Wed 13 Nov 2024)."""
    return walk(named_case(), "warn_ppk", users_by_role)


def pdf_url(case: Case, kind: str) -> str:
    return reverse("cases:document_pdf", args=[case.number, kind])


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.pdf
@pytest.mark.parametrize("kind", ALL_KINDS)
def test_each_document_is_a_real_pdf_with_the_case_number(
    warned: Case, bawaslu_kab_sleman: User, kind: str
) -> None:
    issued = documents.issue(warned, kind, bawaslu_kab_sleman, at=AT)
    assert issued.pdf.startswith(b"%PDF-")
    assert warned.number in issued.html and issued.document.number in issued.html
    # Dates in Indonesian, the region, the letterhead and the signatory block.
    assert "14 November 2024" in issued.html and "Kabupaten Sleman" in issued.html
    assert 'id="kop"' in issued.html and 'id="signatory"' in issued.html
    document = Document.objects.get(pk=issued.document.pk)
    assert (document.kind, document.sequence, document.issued_by, document.issued_at) == (
        kind,
        1,
        bawaslu_kab_sleman,
        AT,
    )
    assert document.number == f"{warned.number}/{documents.CODES[kind]}/1"
    assert document.sha256 == hashlib.sha256(issued.pdf).hexdigest()
    entry = AuditEntry.objects.get(action="cases.document_issued", object_id=str(document.pk))
    assert entry.data["document"] == document.number and entry.data["sha256"] == document.sha256
    assert not any(word in str(entry.data) for word in IDENTITY_WORDS)


@pytest.mark.pdf
def test_letterhead_and_signatory_follow_the_issuing_institution(
    warned: Case, bawaslu_kab_sleman: User, commissioner_kab_sleman: User, kemendagri_officer: User
) -> None:
    study = documents.issue(warned, "kajian", bawaslu_kab_sleman, at=AT).html
    # The plenary's decision was taken by the commissioner: they sign the study result.
    assert "BAWASLU KABUPATEN SLEMAN" in study and "Bambang" in study and "Anggota Bawaslu" in study
    assert "merupakan pelanggaran" in study and "Jumat, 11 Oktober 2024 pukul 10.00 WIB" in study
    # Letters are dated on the step that produced them: the plenary was taken on Fri 11 Oct 2024.
    assert "Kabupaten Sleman, 11 Oktober 2024" in study
    forwarding_letter = documents.issue(warned, "penerusan", bawaslu_kab_sleman, at=AT).html
    assert "Kabupaten Sleman, 14 Oktober 2024" in forwarding_letter
    assert 'id="recipient">Badan Kepegawaian Negara (BKN)<' in forwarding_letter
    recommendation = documents.issue(warned, "rekomendasi", bawaslu_kab_sleman, at=AT).html
    assert "BADAN KEPEGAWAIAN NEGARA (BKN)" in recommendation and "Yusuf" in recommendation
    assert "Pemerintah Kabupaten Sleman" in recommendation and "11 November 2024" in recommendation
    warning = documents.issue(warned, "peringatan", kemendagri_officer, at=AT).html
    # 3 working days after the warning of Wed 13 Nov 2024: 14, 15, 18 Nov.
    assert "KEMENTERIAN DALAM NEGERI" in warning and 'id="due">18 November 2024<' in warning
    # A second issue of the same kind gets the next number.
    again = documents.issue(warned, "rekomendasi", kemendagri_officer, at=AT)
    assert again.document.number.endswith("/RK/2")


def test_documents_appear_as_the_case_reaches_their_step(
    users_by_role: dict[str, User], bawaslu_kab_sleman: User
) -> None:
    case = named_case()
    client = client_for(bawaslu_kab_sleman)
    expected = [
        ("received", {"tanda-terima"}),
        ("register", {"tanda-terima", "kajian-awal"}),
        ("to_plenary", {"tanda-terima", "kajian-awal", "kajian"}),
        ("forward_to_authority", {"tanda-terima", "kajian-awal", "kajian", "penerusan"}),
        ("recommend", {"tanda-terima", "kajian-awal", "kajian", "penerusan", "rekomendasi"}),
        ("warn_ppk", set(ALL_KINDS)),
    ]
    for until, available in expected:
        if until != "received":
            case = walk(case, until, users_by_role)
        rows = {row["kind"]: row["available"] for row in documents.document_rows(case, bawaslu_kab_sleman)}
        assert {kind for kind, ok in rows.items() if ok} == available, until
        for kind in set(ALL_KINDS) - available:
            assert client.get(pdf_url(case, kind)).status_code == 404
            assert client.post(pdf_url(case, kind)).status_code == 404


@pytest.mark.parametrize(
    ("user_name", "allowed"),
    [
        ("bawaslu_kab_sleman", set(ALL_KINDS)),
        ("commissioner_kab_sleman", set(ALL_KINDS)),
        ("bawaslu_prov_diy", set(ALL_KINDS)),
        ("bkn_analyst", {"kajian", "penerusan", "rekomendasi", "peringatan"}),
        ("ppk_kab_sleman", {"rekomendasi", "peringatan"}),
        ("kemendagri_officer", {"rekomendasi", "peringatan"}),
        ("admin_user", set(ALL_KINDS)),
    ],
)
def test_roles_get_their_documents_and_403_for_the_others(
    warned: Case, users_by_role: dict[str, User], user_name: str, allowed: set[str], monkeypatch: Any
) -> None:
    monkeypatch.setattr(documents, "to_pdf", lambda html: b"%PDF-1.7 test")  # the access rule, not WeasyPrint
    monkeypatch.setattr(documents, "pdf_engine", lambda: None)
    client = client_for(users_by_role[user_name])
    for kind in ALL_KINDS:
        assert client.get(pdf_url(warned, kind)).status_code == (200 if kind in allowed else 403), kind
        response = client.post(pdf_url(warned, kind))
        if kind in allowed:
            assert response.status_code == 200, kind
            assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")
            assert response["Cache-Control"] == "no-store, private"
        else:
            assert response.status_code == 403, kind
    assert Document.objects.filter(issued_by=users_by_role[user_name]).count() == len(allowed)


@pytest.mark.parametrize("user_name", ["bawaslu_kota_manado", "ppk_kota_manado"])
def test_users_who_cannot_see_the_case_get_404(
    warned: Case, users_by_role: dict[str, User], user_name: str
) -> None:
    client = client_for(users_by_role[user_name])
    assert client.get(reverse("cases:documents", args=[warned.number])).status_code == 404
    for kind in ALL_KINDS:
        assert client.get(pdf_url(warned, kind)).status_code == 404
        assert client.post(pdf_url(warned, kind)).status_code == 404
    assert not Document.objects.exists()


def test_only_a_post_issues_a_document_a_get_shows_the_button(
    warned: Case, bawaslu_kab_sleman: User, monkeypatch: Any
) -> None:
    monkeypatch.setattr(documents, "to_pdf", lambda html: b"%PDF-1.7 test")
    monkeypatch.setattr(documents, "pdf_engine", lambda: None)
    client = client_for(bawaslu_kab_sleman)
    url = pdf_url(warned, "rekomendasi")
    for _visit in range(3):  # a link preview, a prefetch, a reload
        response = client.get(url)
        assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
        assert f'action="{url}"' in response.content.decode() and 'method="post"' in response.content.decode()
    assert client.head(url).status_code == 405
    assert not Document.objects.exists()
    assert not AuditEntry.objects.filter(action="cases.document_issued").exists()
    assert client.post(url).content.startswith(b"%PDF")
    assert client.post(url).status_code == 200
    assert list(Document.objects.values_list("sequence", flat=True)) == [1, 2]  # one number per POST


def test_unknown_kind_and_anonymous_visitors(warned: Case) -> None:
    client = Client()
    response = client.get(pdf_url(warned, "tanda-terima"))
    assert response.status_code == 302  # to the login page
    with pytest.raises(documents.DocumentNotAvailable):
        documents.check(warned, "surat-cinta", AnonymousUser())


@pytest.mark.pdf
def test_the_reporter_is_named_only_for_an_entitled_bawaslu(
    warned: Case, bawaslu_kab_sleman: User, bawaslu_prov_diy: User, admin_user: User, bkn_analyst: User
) -> None:
    for user in (bawaslu_kab_sleman, bawaslu_prov_diy):
        for kind in ("tanda-terima", "kajian-awal"):
            html = documents.render_html(warned, kind, user, number="X", at=AT)
            assert "Siti Rahmawati" in html, (user, kind)
            assert documents.carries_identity(warned, kind, user)
    disclosures = AuditEntry.objects.filter(action="intake.reporter_identity_viewed").count()
    assert disclosures == 4  # each disclosure is audited
    # The administrator is not entitled; nobody gets the identity in the other documents.
    for kind in ("tanda-terima", "kajian-awal"):
        html = documents.render_html(warned, kind, admin_user, number="X", at=AT)
        assert "Siti Rahmawati" not in html and "Dirahasiakan" in html
    for user in (bawaslu_kab_sleman, bkn_analyst):
        for kind in ("kajian", "penerusan", "rekomendasi", "peringatan"):
            html = documents.render_html(warned, kind, user, number="X", at=AT)
            assert not any(word in html for word in IDENTITY_WORDS), (user, kind)
            assert not documents.carries_identity(warned, kind, user)
    issued = documents.issue(warned, "tanda-terima", bawaslu_kab_sleman, at=AT)
    assert issued.document.with_identity is True


def test_no_pdf_engine_is_a_clear_503_not_a_500(
    warned: Case, bawaslu_kab_sleman: User, monkeypatch: Any
) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # `import weasyprint` now raises ImportError
    with pytest.raises(documents.PdfUnavailable):
        documents.pdf_engine()
    response = client_for(bawaslu_kab_sleman).post(pdf_url(warned, "tanda-terima"))
    assert response.status_code == 503
    assert "Pango" in response.content.decode() and "WeasyPrint" in response.content.decode()
    assert not Document.objects.exists()
    assert not AuditEntry.objects.filter(action="intake.reporter_identity_viewed").exists()


def test_the_document_list_page(warned: Case, bkn_analyst: User, monkeypatch: Any) -> None:
    monkeypatch.setattr(documents, "to_pdf", lambda html: b"%PDF-1.7 test")
    monkeypatch.setattr(documents, "pdf_engine", lambda: None)
    client = client_for(bkn_analyst)
    assert client.post(pdf_url(warned, "rekomendasi")).status_code == 200
    response = client.get(reverse("cases:documents", args=[warned.number]))
    assert response.status_code == 200
    body = response.content.decode()
    assert pdf_url(warned, "penerusan") in body and pdf_url(warned, "rekomendasi") in body
    assert pdf_url(warned, "tanda-terima") not in body  # not for the authority
    assert f"{warned.number}/RK/1" in body
    # The packages the authority may open: to it, and the one it sent to the PPK.
    packages = list(warned.packages.order_by("pk"))
    for package in packages:
        assert reverse("cases:package", args=[warned.number, package.pk]) in body


def test_the_workspace_tag_lists_documents_and_packages(warned: Case, bkn_analyst: User) -> None:
    from django.template import Context, Template
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = bkn_analyst
    html = Template("{% load case_documents %}{% case_documents case %}").render(
        Context({"case": warned, "request": request})
    )
    assert 'id="case-documents"' in html and pdf_url(warned, "rekomendasi") in html
    assert 'data-kind="tanda-terima"' not in html  # not a document of the authority
    assert reverse("cases:package", args=[warned.number, warned.packages.first().pk]) in html  # type: ignore[union-attr]


def test_the_workspace_issue_button_carries_a_csrf_token_that_works(
    warned: Case, bawaslu_kab_sleman: User, monkeypatch: Any
) -> None:
    import re

    monkeypatch.setattr(documents, "to_pdf", lambda html: b"%PDF-1.7 test")
    monkeypatch.setattr(documents, "pdf_engine", lambda: None)
    client = Client(enforce_csrf_checks=True)
    client.force_login(bawaslu_kab_sleman)
    page = client.get(reverse("cases:detail", args=[warned.pk])).content.decode()
    url = pdf_url(warned, "rekomendasi")
    form = re.search(rf'<form method="post" action="{re.escape(url)}".*?</form>', page, re.S)
    assert form is not None
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.group(0))
    assert token is not None  # the inclusion tag passes the request's token on
    assert client.post(url).status_code == 403  # without it, Django refuses
    response = client.post(url, {"csrfmiddlewaretoken": token.group(1)})
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
