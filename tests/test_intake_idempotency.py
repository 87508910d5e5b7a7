"""Idempotent report submission: same key, same report and secret; conflicts; races."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from netral.accounts.models import User
from netral.audit.models import AuditEntry
from netral.audit.services import verify
from netral.intake import codes, services
from netral.intake.crypto import ReporterIdentity
from netral.intake.models import Report, ReportedPerson
from netral.intake.services import IdempotencyConflict
from tests.test_intake_services import APRIL_5, assert_invalid, report_input, submit

pytestmark = pytest.mark.django_db

# --- idempotency --------------------------------------------------------------------------------

KEY = "7f1c2a9e-3b4d-4e5f-8a6b-1c2d3e4f5a6b"


def test_same_idempotency_key_returns_the_same_report_and_secret() -> None:
    first = submit(idempotency_key=KEY, channel="api")
    again = submit(
        report_input(description="  " + report_input().description + " "), idempotency_key=KEY, channel="api"
    )
    assert first.created and not again.created
    assert again.report.pk == first.report.pk
    assert (again.tracking_code, again.receipt_secret) == (first.tracking_code, first.receipt_secret)
    assert again.filing_window == first.filing_window
    assert Report.objects.filter(idempotency_key=KEY).count() == 1
    assert AuditEntry.objects.filter(action="intake.report_received").count() == 1
    assert services.find_report(first.tracking_code, first.receipt_secret or "") == first.report


def test_short_keys_work_too() -> None:
    first = submit(idempotency_key="retry-1", channel="api")
    assert submit(idempotency_key="retry-1", channel="api").report.pk == first.report.pk


def test_same_key_with_different_content_is_a_conflict() -> None:
    submit(idempotency_key=KEY, channel="api")
    with pytest.raises(IdempotencyConflict):
        submit(report_input(place="Balai Desa"), idempotency_key=KEY, channel="api")
    with pytest.raises(IdempotencyConflict):
        submit(idempotency_key=KEY, channel="web")


def test_same_key_from_another_user_is_a_conflict(
    bawaslu_kab_sleman: User, commissioner_kab_sleman: User
) -> None:
    finding = report_input(reporter=ReporterIdentity())
    submit(finding, idempotency_key=KEY, channel="finding", actor=bawaslu_kab_sleman)
    with pytest.raises(IdempotencyConflict):
        submit(finding, idempotency_key=KEY, channel="finding", actor=commissioner_kab_sleman)


@pytest.mark.parametrize("key", ["", " ", " padded", "x" * 201, "tab\there", "ключ-ключ-ключ-ключ"])
def test_malformed_idempotency_keys_are_refused(key: str) -> None:
    errors = assert_invalid(report_input(), idempotency_key=key)
    assert list(errors) == ["idempotency_key"]


def test_racing_calls_with_the_same_key_store_one_report(monkeypatch: pytest.MonkeyPatch) -> None:
    """A second call inserts without looking first, as a racing call would; the unique constraint
    refuses its row, and the call returns the first report (one report, one audit entry)."""
    first = submit(idempotency_key=KEY, channel="api")
    real_replay = services._replay
    calls: list[str] = []

    def spy(key: str, valid: Any, channel: str, actor: Any, now: dt.datetime) -> Any:
        calls.append(key)
        return real_replay(key, valid, channel, actor, now)

    monkeypatch.setattr(services, "_replay", spy)
    second = submit(idempotency_key=KEY, channel="api")
    assert calls == [KEY]  # reached only through the IntegrityError
    assert not second.created and second.report.pk == first.report.pk
    assert second.receipt_secret == first.receipt_secret
    assert Report.objects.filter(idempotency_key=KEY).count() == 1
    assert ReportedPerson.objects.filter(report__idempotency_key=KEY).count() == 1
    assert AuditEntry.objects.filter(action="intake.report_received").count() == 1
    assert verify().ok


def test_replay_after_the_window_returns_the_report_without_the_secret() -> None:
    first = submit(idempotency_key=KEY, channel="api")
    within = submit(idempotency_key=KEY, channel="api", received_at=APRIL_5 + dt.timedelta(hours=23))
    assert within.receipt_secret == first.receipt_secret
    later = submit(idempotency_key=KEY, channel="api", received_at=APRIL_5 + dt.timedelta(hours=25))
    assert later.report.pk == first.report.pk and later.receipt_secret is None
    assert later.filing_window == first.filing_window  # as at receipt


def test_a_tracking_code_collision_draws_a_new_code(monkeypatch: pytest.MonkeyPatch) -> None:
    taken = submit().tracking_code
    fresh = codes.new_tracking_code()
    drawn = iter([taken, fresh])
    monkeypatch.setattr(services, "new_tracking_code", lambda: next(drawn))
    assert submit().tracking_code == fresh


def test_the_fingerprint_is_the_hmac_of_the_content_as_before() -> None:
    """Fingerprints stored before the faster serialisation must still match a retry."""
    import dataclasses
    import json

    from django.conf import settings
    from django.utils.crypto import salted_hmac

    from netral.intake.fingerprint import request_fingerprint, same_request
    from netral.intake.validation import validate_report

    valid = validate_report(report_input(), today=dt.date(2024, 4, 5))
    content = {"channel": "api", "actor": None, "report": dataclasses.asdict(valid.data)}
    canonical = json.dumps(content, sort_keys=True, default=str, ensure_ascii=False)
    stored = salted_hmac(
        "netral.intake.request-fingerprint", canonical, secret=settings.SECRET_KEY, algorithm="sha256"
    ).hexdigest()
    assert request_fingerprint(valid, "api", None, settings.SECRET_KEY) == stored
    assert same_request(stored, valid, "api", None)
    assert not same_request(stored, valid, "web", None)
