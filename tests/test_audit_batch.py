"""`audit.services.batch()`: entries collected during an action and appended together at its end."""

from __future__ import annotations

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from netral.audit import services
from netral.audit.models import AuditEntry, ChainHead

pytestmark = pytest.mark.django_db


def head() -> tuple[int, str]:
    row = ChainHead.objects.get(pk=1)
    return row.seq, row.hash


def test_entries_of_a_batch_are_appended_together_at_its_end() -> None:
    start, start_hash = head()
    with services.batch():
        first = services.record("batch.one", actor=None, data={"n": 1})
        second = services.record("batch.two", actor=None, label="public (api)", data={"n": 2})
        # Nothing is written before the block ends: no lock is taken yet.
        assert head() == (start, start_hash)
        assert not AuditEntry.objects.filter(action__startswith="batch.").exists()
    assert (first.seq, second.seq) == (start + 1, start + 2)
    assert first.prev_hash == start_hash and second.prev_hash == first.hash
    assert head() == (start + 2, second.hash)
    stored = list(AuditEntry.objects.filter(seq__gt=start).order_by("seq"))
    assert [(e.action, e.actor_label, e.data) for e in stored] == [
        ("batch.one", "system", {"n": 1}),
        ("batch.two", "public (api)", {"n": 2}),
    ]
    assert all(e.compute_hash() == e.hash for e in stored)
    assert services.verify().ok


def test_a_batch_locks_the_chain_head_once() -> None:
    with CaptureQueriesContext(connection) as queries, services.batch():
        for n in range(5):
            services.record("batch.many", actor=None, data={"n": n})
    statements = [q["sql"] for q in queries.captured_queries]
    audit = [sql for sql in statements if "audit_" in sql]
    assert len(audit) == 3  # lock and read the head, one INSERT of five rows, UPDATE the head
    assert sum("audit_auditentry" in sql and sql.startswith("INSERT") for sql in audit) == 1
    assert services.verify().ok


def test_an_entry_of_a_rolled_back_savepoint_is_left_out() -> None:
    start, _hash = head()
    with services.batch():
        services.record("batch.kept", actor=None)
        try:
            with transaction.atomic():
                services.record("batch.rolled_back", actor=None)
                raise RuntimeError("the change is undone")
        except RuntimeError:
            pass
        services.record("batch.kept_too", actor=None)
    actions = list(AuditEntry.objects.filter(seq__gt=start).order_by("seq").values_list("action", flat=True))
    assert actions == ["batch.kept", "batch.kept_too"]
    assert head()[0] == start + 2
    assert services.verify().ok


def test_an_error_in_the_block_appends_nothing() -> None:
    start = head()
    with pytest.raises(ValueError), transaction.atomic(), services.batch():
        services.record("batch.failed", actor=None)
        raise ValueError("the action failed")
    assert head() == start
    assert not AuditEntry.objects.filter(action="batch.failed").exists()


def test_nested_batches_join_the_outermost() -> None:
    start, _hash = head()
    with services.batch():
        services.record("batch.outer", actor=None)
        with services.batch():
            services.record("batch.inner", actor=None)
        assert head()[0] == start  # the inner block appended nothing on its own
    assert head()[0] == start + 2
    assert services.verify().ok


def test_record_outside_a_batch_appends_at_once() -> None:
    start, _hash = head()
    entry = services.record("batch.none", actor=None)
    assert entry.seq == start + 1 and head() == (start + 1, entry.hash)
