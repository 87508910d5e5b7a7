"""POST /api/v1/reports, GET /api/v1/reports/{code}, evidence uploads (on netral.intake.services)."""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
from pathlib import Path
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client, override_settings
from django.utils import timezone
from PIL import Image

from netral.intake import services as intake
from netral.intake.models import Evidence, Report

pytestmark = pytest.mark.django_db

KEY = "0f8fad5b-d9cb-469f-a165-70867728950e"


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> None:
    cache.clear()


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


def today() -> dt.date:
    return timezone.localdate()  # Asia/Jakarta, the zone of Sleman (34.04)


def report_body(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "anonymous": True,
        "reported": [{"name": "Budi Santoso", "position": "Camat", "agency": "Pemkab Sleman"}],
        "description": "Camat memakai kaos bergambar pasangan calon saat apel pagi.",
        "region_code": "34.04",
        "place": "Kantor Kecamatan Depok",
        "occurred_on": (today() - dt.timedelta(days=3)).isoformat(),
        "known_on": (today() - dt.timedelta(days=2)).isoformat(),
        "election": "pilkada-2024",
        "evidence_urls": ["https://example.org/post/1"],
        "witnesses": ["Siti"],
    }
    body.update(changes)
    return body


def post(client: Client, body: Any, **headers: Any) -> Any:
    data = body if isinstance(body, str) else json.dumps(body)
    return client.post("/api/v1/reports", data=data, content_type="application/json", **headers)


def status_of(client: Client, code: str, secret: str | None) -> Any:
    extra: dict[str, Any] = {"HTTP_X_RECEIPT_SECRET": secret} if secret is not None else {}
    return client.get(f"/api/v1/reports/{code}", **extra)


# --- filing ---------------------------------------------------------------------------------------


def test_anonymous_report_gets_a_receipt(client: Client) -> None:
    response = post(client, report_body())
    assert response.status_code == 201
    data = response.json()
    assert set(data) == {"tracking_code", "receipt_secret", "state", "filing_window"}
    assert data["state"] == "received"
    # Pilkada: 7 calendar days from the day it became known (day 0), two days ago: 5 days left.
    known = today() - dt.timedelta(days=2)
    assert data["filing_window"] == {
        "last_day": (known + dt.timedelta(days=7)).isoformat(),
        "days_left": 5,
        "expired": False,
    }
    report = Report.objects.get()
    assert report.tracking_code == data["tracking_code"]
    assert report.channel == "api"
    assert report.anonymous
    assert [person.name for person in report.reported_persons.all()] == ["Budi Santoso"]
    assert data["receipt_secret"] not in json.dumps(list(Report.objects.values()), default=str)


def test_late_report_is_kept_and_flagged(client: Client) -> None:
    response = post(
        client, report_body(known_on=(today() - dt.timedelta(days=30)).isoformat(), occurred_on=None)
    )
    assert response.status_code == 201
    assert response.json()["filing_window"]["expired"] is True
    assert response.json()["filing_window"]["days_left"] == 0
    assert Report.objects.get().daluwarsa


def test_named_reporter_identity_is_not_echoed_or_logged(
    client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    reporter = {"name": "Rahasia Pelapor", "phone": "081234567890", "email": "pelapor@example.org"}
    with caplog.at_level(logging.DEBUG):
        response = post(client, report_body(anonymous=False, reporter=reporter))
        bad = post(client, report_body(anonymous=False, reporter={**reporter, "email": "not-an-email"}))
    assert response.status_code == 201
    assert bad.status_code == 422
    for text in [response.content.decode(), bad.content.decode(), caplog.text]:
        assert "Rahasia Pelapor" not in text
        assert "081234567890" not in text
    report = Report.objects.get()
    assert not report.anonymous
    assert "Rahasia Pelapor" not in report.reporter_identity_token


# --- idempotency ----------------------------------------------------------------------------------


def test_same_idempotency_key_returns_the_same_report(client: Client) -> None:
    first = post(client, report_body(), HTTP_IDEMPOTENCY_KEY=KEY)
    again = post(client, report_body(), HTTP_IDEMPOTENCY_KEY=KEY)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first
    assert Report.objects.count() == 1


def test_same_key_with_other_content_is_a_conflict(client: Client) -> None:
    assert post(client, report_body(), HTTP_IDEMPOTENCY_KEY=KEY).status_code == 201
    response = post(client, report_body(description="Sesuatu yang lain."), HTTP_IDEMPOTENCY_KEY=KEY)
    assert response.status_code == 409
    assert isinstance(response.json()["detail"], str)
    assert Report.objects.count() == 1


@pytest.mark.parametrize("key", ["k" * 101, "kunci-é-1234567890", "tab\tkey-1234567890"])
def test_malformed_idempotency_key_is_a_422(client: Client, key: str) -> None:
    response = post(client, report_body(), HTTP_IDEMPOTENCY_KEY=key)
    assert response.status_code == 422
    assert [error["field"] for error in response.json()["detail"]] == ["Idempotency-Key"]
    assert not Report.objects.exists()


# --- bad input ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"region_code": "99.99"}, "region_code"),
        ({"election": "pemilu-2099"}, "election"),
        ({"description": ""}, "description"),
        ({"known_on": (today() + dt.timedelta(days=3)).isoformat()}, "known_on"),
        ({"known_on": "04/04/2024"}, "known_on"),
        ({"known_on": None}, "known_on"),
        ({"anonymous": "maybe"}, "anonymous"),
        ({"reported": "Budi"}, "reported"),
        ({"reported": []}, "reported"),
        ({"reported": [{"name": "Budi", "nip": "123"}]}, "reported.0.nip"),
        ({"reported": [{"name": 42}]}, "reported.0.name"),
        ({"evidence_urls": ["javascript:alert(1)"]}, "evidence_urls.0"),
        ({"witnesses": "Siti"}, "witnesses"),
        ({"unexpected": 1}, "unexpected"),
        ({"region_code": "34.04' OR '1'='1"}, "region_code"),
        ({"region_code": "<script>alert(1)</script>"}, "region_code"),
    ],
)
def test_bad_report_is_a_422_naming_the_field(client: Client, changes: dict[str, Any], field: str) -> None:
    response = post(client, report_body(**changes))
    assert response.status_code == 422, response.content
    detail = response.json()["detail"]
    assert field in [error["field"] for error in detail]
    assert all(error["message"] for error in detail)
    assert not Report.objects.exists()


def test_missing_required_fields(client: Client) -> None:
    response = post(client, {"anonymous": True})
    assert response.status_code == 422
    fields = {error["field"] for error in response.json()["detail"]}
    assert {"description", "region_code", "known_on", "election"} <= fields


@pytest.mark.parametrize("body", ["{not json", "", "[]", "null", '"text"'])
def test_malformed_or_wrong_json_is_a_4xx(client: Client, body: str) -> None:
    response = post(client, body)
    assert response.status_code in {400, 422}
    assert "detail" in response.json()
    assert not Report.objects.exists()


def test_injection_strings_in_text_are_stored_as_text(client: Client) -> None:
    text = "'; DROP TABLE intake_report; -- <script>alert(1)</script>"
    response = post(client, report_body(description=text, place=text))
    assert response.status_code == 201
    assert Report.objects.get().description == text


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=2_000)
def test_oversized_body_is_a_413(client: Client) -> None:
    response = post(client, report_body(description="x" * 5_000))
    assert response.status_code == 413
    assert response.json() == {"detail": "Permintaan terlalu besar."}
    assert not Report.objects.exists()


@override_settings(NETRAL_API_RATE_SUBMIT="2/min")
def test_submissions_are_rate_limited(client: Client) -> None:
    assert post(client, report_body()).status_code == 201
    assert post(client, report_body()).status_code == 201
    response = post(client, report_body())
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    assert Report.objects.count() == 2
    # Reading reference data is a separate group.
    assert client.get("/api/v1/elections").status_code == 200


# --- status ---------------------------------------------------------------------------------------


def _file(client: Client) -> dict[str, Any]:
    response = post(client, report_body())
    assert response.status_code == 201
    return dict(response.json())


def test_status_with_the_receipt(client: Client) -> None:
    receipt = _file(client)
    report = Report.objects.get()
    intake.add_message(report, "Apakah ada foto tambahan?", direction="from_reporter")
    response = status_of(client, receipt["tracking_code"], receipt["receipt_secret"])
    assert response.status_code == 200
    data = response.json()
    assert data["tracking_code"] == receipt["tracking_code"]
    assert data["state"] == "received"
    assert data["daluwarsa"] is False
    # Pilkada initial review: 2 calendar days from the day of receipt, 16:00 WIB.
    due = today() + dt.timedelta(days=2)
    assert data["next_deadline"] == {
        "clock": "pilkada.initial_review",
        "due_date": due.isoformat(),
        "due_at": f"{due.isoformat()}T16:00:00+07:00",
    }
    assert [(m["direction"], m["body"]) for m in data["messages"]] == [
        ("from_reporter", "Apakah ada foto tambahan?")
    ]


def test_wrong_code_or_secret_are_the_same_404(client: Client) -> None:
    receipt = _file(client)
    other = _file(client)
    answers = [
        status_of(client, receipt["tracking_code"], "AAAA-BBBB-CCCC-DDDD-EEEE"),
        status_of(client, receipt["tracking_code"], other["receipt_secret"]),
        status_of(client, "NTR-AAAA-BBBB-CCCC", receipt["receipt_secret"]),
        status_of(client, "nonsense", receipt["receipt_secret"]),
    ]
    assert {response.status_code for response in answers} == {404}
    assert len({response.content for response in answers}) == 1
    assert answers[0].json() == {
        "detail": "Tidak ada laporan dengan kode pelacakan dan rahasia tanda terima ini."
    }
    missing = status_of(client, receipt["tracking_code"], None)
    assert missing.status_code == 422
    assert missing.json()["detail"][0]["field"] == "X-Receipt-Secret"


# --- evidence -------------------------------------------------------------------------------------


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


def upload(client: Client, code: str, secret: str, name: str, content: bytes) -> Any:
    upload_file = io.BytesIO(content)
    upload_file.name = name
    return client.post(
        f"/api/v1/reports/{code}/evidence", {"file": upload_file}, HTTP_X_RECEIPT_SECRET=secret
    )


def test_evidence_upload(client: Client) -> None:
    receipt = _file(client)
    response = upload(client, receipt["tracking_code"], receipt["receipt_secret"], "foto.png", _png())
    assert response.status_code == 201, response.content
    data = response.json()
    assert (data["kind"], data["content_type"]) == ("image", "image/png")
    evidence = Evidence.objects.get()
    assert data["sha256"] == evidence.sha256
    stored = Path(str(evidence.stored_path))
    assert not stored.is_absolute()


def test_disguised_executable_is_refused(client: Client) -> None:
    receipt = _file(client)
    executable = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200
    response = upload(client, receipt["tracking_code"], receipt["receipt_secret"], "foto.jpg", executable)
    assert response.status_code == 422
    assert [error["field"] for error in response.json()["detail"]] == ["file"]
    broken = b"\x89PNG\r\n\x1a\n" + b"\x00" * 100
    response = upload(client, receipt["tracking_code"], receipt["receipt_secret"], "rusak.png", broken)
    assert response.status_code == 422
    assert not Evidence.objects.exists()


def test_evidence_needs_the_receipt(client: Client) -> None:
    receipt = _file(client)
    response = upload(client, receipt["tracking_code"], "AAAA-BBBB-CCCC-DDDD-EEEE", "foto.png", _png())
    assert response.status_code == 404
    missing = client.post(
        f"/api/v1/reports/{receipt['tracking_code']}/evidence",
        {},
        HTTP_X_RECEIPT_SECRET=receipt["receipt_secret"],
    )
    assert missing.status_code == 422
    assert missing.json()["detail"][0]["field"] == "file"
    assert not Evidence.objects.exists()


def test_malformed_multipart_is_a_400(client: Client) -> None:
    receipt = _file(client)
    response = client.generic(
        "POST",
        f"/api/v1/reports/{receipt['tracking_code']}/evidence",
        b"--x\r\nnonsense",
        content_type="multipart/form-data",
        HTTP_X_RECEIPT_SECRET=receipt["receipt_secret"],
    )
    assert response.status_code == 400
    assert response.json() == {"detail": "Permintaan tidak sah."}
