"""The append-only, hash-chained audit log.

Each entry's `hash` is SHA-256 over a canonical JSON of its fields and `prev_hash`, the hash of
the entry before it (the first entry's `prev_hash` is GENESIS_HASH). Changing or deleting a row
breaks the chain at that row; `netral audit verify` finds it. `ChainHead` is a single row holding
the last seq and hash: writers lock it, which serialises them, and it reveals truncation.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any, NoReturn

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

GENESIS_HASH = "0" * 64


class AppendOnlyError(Exception):
    """Raised on any attempt to change or delete an audit entry through the ORM."""


def _refuse(*_args: Any, **_kwargs: Any) -> NoReturn:
    raise AppendOnlyError("audit entries are append-only: they cannot be changed or deleted")


class AuditEntryQuerySet(models.QuerySet["AuditEntry"]):
    # Bulk changes would bypass the model guard: refuse them too.
    update = _refuse
    delete = _refuse
    bulk_update = _refuse


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def format_at(at: dt.datetime) -> str:
    return at.astimezone(dt.UTC).isoformat(timespec="microseconds")


class AuditEntry(models.Model):
    seq = models.PositiveBigIntegerField(_("sequence"), unique=True)
    at = models.DateTimeField(_("time"))
    # PROTECT: a user who appears in the log cannot be deleted (deactivate them instead), so the
    # foreign key never changes under the hash.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("actor"),
    )
    actor_label = models.CharField(_("actor label"), max_length=150)
    action = models.CharField(_("action"), max_length=64, db_index=True)
    object_type = models.CharField(_("object type"), max_length=100, blank=True, default="")
    object_id = models.CharField(_("object id"), max_length=64, blank=True, default="")
    # Never personal data (no reporter identity, no passwords, no tokens): ids, codes, states.
    data = models.JSONField(_("data"), default=dict, blank=True)
    prev_hash = models.CharField(_("previous hash"), max_length=64)
    hash = models.CharField(_("hash"), max_length=64, unique=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["seq"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        indexes = [models.Index(fields=["object_type", "object_id"], name="audit_object_idx")]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action} {self.actor_label}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            _refuse()
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        _refuse()

    def canonical(self) -> str:
        """The canonical JSON the hash covers: every field except `hash` itself."""
        return canonical_json(
            {
                "seq": self.seq,
                "at": format_at(self.at),
                "actor_id": self.actor_id,
                "actor_label": self.actor_label,
                "action": self.action,
                "object_type": self.object_type,
                "object_id": self.object_id,
                "data": self.data,
                "prev_hash": self.prev_hash,
            }
        )

    def compute_hash(self) -> str:
        return hashlib.sha256(self.canonical().encode("utf-8")).hexdigest()


class ChainHead(models.Model):
    """The single row (pk=1) holding the last entry's seq and hash; writers lock it."""

    seq = models.PositiveBigIntegerField(default=0)
    hash = models.CharField(max_length=64, default=GENESIS_HASH)

    class Meta:
        verbose_name = _("audit chain head")

    def __str__(self) -> str:
        return f"{self.seq} {self.hash[:12]}"
