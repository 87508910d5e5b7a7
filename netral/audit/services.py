"""Writing and verifying the audit log.

Actions call `record(...)` inside their own transaction, after the change they audit. `record`
locks the chain head with SELECT ... FOR UPDATE (PostgreSQL; on SQLite every write transaction
already holds the database write lock), so concurrent writers get consecutive seq numbers and each
entry chains to the one before it. A write is three statements (lock and read the head, INSERT the
entries, UPDATE the head) and no savepoint; the last entry is never re-read.

The lock is held until the caller's transaction ends, so it serialises every audited transaction.
An action that does more work after (or between) its audit entries wraps it in `batch()`: the
entries are collected and appended together when the block ends, so the lock is held only for the
append and the commit, not for the whole action.
"""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from netral.audit.models import GENESIS_HASH, AuditEntry, ChainHead

if TYPE_CHECKING:
    from netral.accounts.types import RequestUser

HEAD_PK = 1


def _locked_head() -> ChainHead:
    """Lock the chain head row and read its seq and hash in one statement."""
    try:
        return ChainHead.objects.select_for_update().get(pk=HEAD_PK)
    except ChainHead.DoesNotExist:
        # Only if the row made by the migration was removed: recreate it, then lock it.
        ChainHead.objects.get_or_create(pk=HEAD_PK)
        return ChainHead.objects.select_for_update().get(pk=HEAD_PK)


def _plain(data: dict[str, Any] | None) -> dict[str, Any]:
    """Data as it will read back from the JSON column (dates as strings, tuples as lists)."""
    if not data:
        return {}
    plain = json.loads(json.dumps(data, cls=DjangoJSONEncoder))
    if not isinstance(plain, dict):
        raise TypeError("audit data must be a dict")
    return plain


class _Marker:
    """A no-op on_commit callback. Django drops the callbacks registered inside a savepoint that is
    rolled back, so a marker still registered at the end of a batch shows that its entry's part
    of the transaction survived."""

    __slots__ = ()

    def __call__(self) -> None:
        return None


_local = threading.local()


def _open_batch() -> list[tuple[AuditEntry, _Marker]] | None:
    stack: list[list[tuple[AuditEntry, _Marker]]] = getattr(_local, "batches", [])
    return stack[-1] if stack else None


@contextlib.contextmanager
def batch() -> Iterator[None]:
    """Collect the entries `record` makes inside the block; append them to the chain at its end.

    The block runs in a transaction (its own one if none is open, like
    `transaction.atomic(savepoint=False)`); the entries are appended with one lock of the chain head,
    one INSERT and one UPDATE just before the block ends, so the lock is held only from there to the
    commit. An entry recorded inside a savepoint that was rolled back is left out, as its change is.
    `record` returns the entry at once; its seq, time and hashes are set when the batch appends.
    Nested batches join the outermost one. If the block raises, nothing is appended.
    """
    if _open_batch() is not None:
        yield
        return
    pending: list[tuple[AuditEntry, _Marker]] = []
    stack = _local.__dict__.setdefault("batches", [])
    stack.append(pending)
    try:
        with transaction.atomic(savepoint=False):
            yield
            stack.pop()
            registered = {id(callback[1]) for callback in connection.run_on_commit}
            _append([entry for entry, marker in pending if id(marker) in registered])
    finally:
        if stack and stack[-1] is pending:
            stack.pop()


def _append(entries: list[AuditEntry]) -> None:
    """Number, time, chain and insert `entries` under the chain-head lock (3 statements)."""
    if not entries:
        return
    with transaction.atomic(savepoint=False):
        head = _locked_head()
        at = timezone.now()
        seq, prev_hash = head.seq, head.hash
        for entry in entries:
            seq += 1
            entry.seq, entry.at, entry.prev_hash = seq, at, prev_hash
            entry.hash = prev_hash = entry.compute_hash()
        AuditEntry.objects.bulk_create(entries)
        ChainHead.objects.filter(pk=HEAD_PK).update(seq=seq, hash=prev_hash)


def record(
    action: str,
    *,
    actor: RequestUser | None,
    obj: models.Model | None = None,
    data: dict[str, Any] | None = None,
    label: str | None = None,
) -> AuditEntry:
    """Append one entry to the audit log and return it (inside `batch()`: at the batch's end).

    `actor` is a user or None (the system, or an anonymous visitor: then say who in `label`).
    `obj` is the model instance acted on. `data` holds ids, codes and states: never personal data
    such as a reporter's identity, passwords or tokens.
    """
    actor_user = actor if actor is not None and actor.is_authenticated else None
    if label is None:
        label = actor_user.get_username() if actor_user is not None else "system"
    object_type = object_id = ""
    if obj is not None:
        object_type = obj._meta.label_lower
        object_id = str(obj.pk)
    entry = AuditEntry(
        actor=actor_user,
        actor_label=label[:150],
        action=action,
        object_type=object_type,
        object_id=object_id,
        data=_plain(data),
    )
    pending = _open_batch()
    if pending is not None:
        marker = _Marker()
        transaction.on_commit(marker)
        pending.append((entry, marker))
        return entry
    # No savepoint: inside the caller's transaction a failed write fails that whole transaction
    # (the action must not commit without its entry); outside one, this is its own transaction.
    _append([entry])
    return entry


@dataclass(frozen=True)
class Verification:
    ok: bool
    entries: int
    head_seq: int
    head_hash: str
    broken_seq: int | None = None
    # A stable code for programs (missing, prev_hash, content, truncated, unchained, head) and the
    # same in words for people (in the active language).
    code: str = ""
    reason: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "entries": self.entries,
            "head_seq": self.head_seq,
            "head_hash": self.head_hash,
            "broken_seq": self.broken_seq,
            "code": self.code,
            "reason": self.reason,
        }


def verify() -> Verification:
    """Walk the chain from seq 1 to the chain head and report the first broken link, if any.

    Writers may append while this runs: entries after the head as read at the start are left for
    the next run, except that rows beyond the current head (written without `record`) are reported.
    """
    head = ChainHead.objects.filter(pk=HEAD_PK).first()
    head_seq, head_hash = (head.seq, head.hash) if head else (0, GENESIS_HASH)
    walked = 0

    def broken(seq: int, code: str, reason: str) -> Verification:
        return Verification(False, walked, head_seq, head_hash, broken_seq=seq, code=code, reason=reason)

    expected_seq = 1
    prev_hash = GENESIS_HASH
    for entry in AuditEntry.objects.filter(seq__lte=head_seq).order_by("seq").iterator(chunk_size=2000):
        walked += 1
        if entry.seq != expected_seq:
            return broken(
                expected_seq,
                "missing",
                _("entry %(seq)s is missing (the next entry is %(found)s)")
                % {"seq": expected_seq, "found": entry.seq},
            )
        if entry.prev_hash != prev_hash:
            return broken(entry.seq, "prev_hash", _("its previous hash does not match the entry before it"))
        if entry.compute_hash() != entry.hash:
            return broken(entry.seq, "content", _("its content was changed (the hash does not match)"))
        prev_hash = entry.hash
        expected_seq += 1
    last_seq = expected_seq - 1
    if head_seq > last_seq:
        return broken(
            last_seq + 1,
            "truncated",
            _("entries %(first)s to %(last)s are missing (the chain head is at %(last)s)")
            % {"first": last_seq + 1, "last": head_seq},
        )
    if head_hash != prev_hash:
        return broken(last_seq, "head", _("the chain head does not match the last entry"))
    with transaction.atomic():
        current = ChainHead.objects.select_for_update().filter(pk=HEAD_PK).first()
        beyond = AuditEntry.objects.filter(seq__gt=current.seq if current else 0).order_by("seq").first()
    if beyond is not None:
        return broken(beyond.seq, "unchained", _("this entry was added without going through the log writer"))
    return Verification(True, walked, head_seq, head_hash)
