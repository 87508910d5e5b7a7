"""The append-only, hash-chained audit log and `netral audit verify`."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import itertools
import threading

import pytest
from django.core.management import call_command
from django.db import connection, models
from django.utils import translation

from netral.accounts.models import Institution, User
from netral.audit import services
from netral.audit.models import GENESIS_HASH, AppendOnlyError, AuditEntry, ChainHead

pytestmark = pytest.mark.django_db


# Tampering as someone with database access would: Django's plain QuerySet methods bypass the guard.
def tamper_update(seq: int, **fields: object) -> None:
    models.QuerySet.update(AuditEntry.objects.filter(seq=seq), **fields)


def tamper_delete(seq: int) -> None:
    models.QuerySet.delete(AuditEntry.objects.filter(seq=seq))


def write(n: int) -> list[AuditEntry]:
    institution = Institution.objects.get(code="bawaslu-34.04")
    return [
        services.record("test_action", actor=None, obj=institution, data={"n": i, "note": "contoh"})
        for i in range(n)
    ]


def base_seq() -> int:
    return ChainHead.objects.get(pk=1).seq


def test_entries_chain_and_verify() -> None:
    start = base_seq()
    entries = write(5)
    assert [e.seq for e in entries] == list(range(start + 1, start + 6))
    for before, after in itertools.pairwise(entries):
        assert after.prev_hash == before.hash
    result = services.verify()
    assert result.ok
    assert result.entries == start + 5
    assert (result.head_seq, result.head_hash) == (entries[-1].seq, entries[-1].hash)


def test_hash_is_sha256_of_the_canonical_json() -> None:
    """The canonical form written out by hand: sorted keys, no spaces, UTC time with microseconds."""
    entry = AuditEntry(
        seq=1,
        at=dt.datetime(2024, 11, 27, 8, 30, 0, 123456, tzinfo=dt.timezone(dt.timedelta(hours=8))),
        actor_id=None,
        actor_label="system",
        action="case_registered",
        object_type="cases.case",
        object_id="42",
        data={"state": "registered", "region": "71.71"},
        prev_hash=GENESIS_HASH,
    )
    expected_text = (
        '{"action":"case_registered","actor_id":null,"actor_label":"system",'
        '"at":"2024-11-27T00:30:00.123456+00:00","data":{"region":"71.71","state":"registered"},'
        '"object_id":"42","object_type":"cases.case","prev_hash":"' + "0" * 64 + '","seq":1}'
    )
    assert entry.canonical() == expected_text
    assert entry.compute_hash() == hashlib.sha256(expected_text.encode()).hexdigest()


def test_record_fields(bawaslu_kab_sleman: User) -> None:
    entry = services.record(
        "report_viewed", actor=bawaslu_kab_sleman, obj=bawaslu_kab_sleman, data={"on": dt.date(2024, 2, 14)}
    )
    entry.refresh_from_db()
    assert entry.actor == bawaslu_kab_sleman
    assert entry.actor_label == "bawaslu_kab_sleman"
    assert (entry.object_type, entry.object_id) == ("accounts.user", str(bawaslu_kab_sleman.pk))
    assert entry.data == {"on": "2024-02-14"}  # stored as JSON reads back
    assert entry.compute_hash() == entry.hash
    assert services.verify().ok


def test_model_refuses_changes_and_deletes() -> None:
    entry = write(1)[0]
    entry.data = {"n": 99}
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(pk=entry.pk).update(action="x")
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(pk=entry.pk).delete()
    assert AuditEntry.objects.get(pk=entry.pk).data == {"n": 0, "note": "contoh"}


def test_changed_content_is_detected_at_its_seq() -> None:
    entries = write(5)
    tamper_update(entries[2].seq, data={"n": 2, "note": "diubah"})
    result = services.verify()
    assert not result.ok
    assert result.broken_seq == entries[2].seq
    assert result.code == "content"


def test_rewritten_hash_is_detected_at_the_next_seq() -> None:
    entries = write(4)
    forged = AuditEntry.objects.get(seq=entries[1].seq)
    forged.actor_label = "someone else"
    tamper_update(entries[1].seq, actor_label="someone else", hash=forged.compute_hash())
    result = services.verify()
    assert result.broken_seq == entries[2].seq
    assert result.code == "prev_hash"


def test_deleted_entry_is_detected() -> None:
    entries = write(5)
    tamper_delete(entries[2].seq)
    result = services.verify()
    assert not result.ok
    assert result.broken_seq == entries[2].seq
    assert result.code == "missing"


def test_deleted_tail_is_detected_through_the_chain_head() -> None:
    entries = write(3)
    tamper_delete(entries[-1].seq)
    result = services.verify()
    assert not result.ok
    assert (result.broken_seq, result.code) == (entries[-1].seq, "truncated")


def test_verify_command_ok() -> None:
    write(3)
    out = io.StringIO()
    call_command("audit", "verify", stdout=out)
    assert out.getvalue().strip() == f"ok ({AuditEntry.objects.count()} entries)"


def test_verify_command_reports_the_broken_link_in_indonesian() -> None:
    entries = write(3)
    tamper_update(entries[1].seq, data={"n": 7})
    err = io.StringIO()
    with translation.override("id"), pytest.raises(SystemExit) as exit_info:
        call_command("audit", "verify", stdout=io.StringIO(), stderr=err)
    assert exit_info.value.code == 1
    assert err.getvalue().strip() == (
        f"Rantai audit rusak pada seq {entries[1].seq}: isinya telah diubah (hash tidak cocok)."
    )


def test_verify_command_json() -> None:
    import json

    write(2)
    out = io.StringIO()
    call_command("audit", "verify", "--json", stdout=out)
    data = json.loads(out.getvalue())
    assert data["ok"] is True
    assert data["entries"] == AuditEntry.objects.count()
    assert set(data) == {"ok", "entries", "head_seq", "head_hash", "broken_seq", "code", "reason"}


def test_admin_is_read_only(admin_client: object) -> None:
    entry = write(1)[0]
    client = admin_client
    assert client.get("/admin/audit/auditentry/").status_code == 200  # type: ignore[attr-defined]
    assert client.get(f"/admin/audit/auditentry/{entry.pk}/change/").status_code == 200  # type: ignore[attr-defined]
    assert client.get("/admin/audit/auditentry/add/").status_code == 403  # type: ignore[attr-defined]
    response = client.post(f"/admin/audit/auditentry/{entry.pk}/delete/", {"post": "yes"})  # type: ignore[attr-defined]
    assert response.status_code == 403
    assert services.verify().ok


def _in_own_connection(work: object) -> None:
    """Run `work()` in a thread: its own database connection, committing outside the test transaction."""
    failures: list[BaseException] = []

    def run() -> None:
        from django.db import connection as thread_connection

        try:
            work()  # type: ignore[operator]
        except BaseException as exc:  # pragma: no cover - re-raised below
            failures.append(exc)
        finally:
            thread_connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if failures:
        raise failures[0]


def test_concurrent_writers_get_consecutive_seqs() -> None:
    """Four threads, each with its own connection, write 10 entries each at the same time."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers with its database lock; this checks row locking on PostgreSQL")
    head = ChainHead.objects.get(pk=1)
    start, start_hash = head.seq, head.hash
    errors: list[BaseException] = []
    barrier = threading.Barrier(4)

    def worker(k: int) -> None:
        from django.db import connection as thread_connection

        try:
            barrier.wait()
            for i in range(10):
                services.record("concurrency", actor=None, data={"thread": k, "i": i})
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            thread_connection.close()

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    checked: dict[str, object] = {}

    def check() -> None:
        # In a connection of its own: verify() locks the chain head briefly, and a lock taken in
        # this test's (never committed) transaction would block the clean-up below.
        checked["seqs"] = list(AuditEntry.objects.filter(seq__gt=start).values_list("seq", flat=True))
        checked["ok"] = services.verify().ok

    def clean_up() -> None:
        # The threads committed outside this test's transaction: take their rows out again.
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM audit_auditentry WHERE seq > %s", [start])
            cursor.execute("UPDATE audit_chainhead SET seq = %s, hash = %s WHERE id = 1", [start, start_hash])

    try:
        assert not errors
        _in_own_connection(check)
        assert checked == {"seqs": list(range(start + 1, start + 41)), "ok": True}
    finally:
        _in_own_connection(clean_up)
