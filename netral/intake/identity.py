"""The reporter's identity: who may read it, reading it (audited), and re-encrypting after a key
rotation. Re-exported by services.py; other apps import it from there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.views.decorators.debug import sensitive_variables

from netral.accounts.scope import scope_for
from netral.accounts.types import signed_in
from netral.audit.services import record
from netral.intake.crypto import ReporterIdentity, decrypt_identity, encrypt_identity, identity_hashes
from netral.intake.models import Report

if TYPE_CHECKING:
    from netral.accounts.models import User
    from netral.accounts.types import RequestUser

# Roles that handle reports (accounts.Role values): they may write to reporters and, within their
# scope, see who reported.
HANDLER_ROLES = frozenset({"bawaslu_staff", "bawaslu_commissioner"})
# Roles that may read every reporter's identity (to answer a court or a data-protection request).
IDENTITY_CUSTODIAN_ROLES = frozenset({"data_custodian"})


def active_user(user: RequestUser | None) -> User | None:
    """The user when logged in and active, else None (the public, or a deactivated account)."""
    return signed_in(user)


def can_see_reporter_identity(report: Report, user: RequestUser | None) -> bool:
    """Data custodians, and Bawaslu staff and commissioners whose scope covers the report's region."""
    staff = active_user(user)
    if staff is None:
        return False
    role = getattr(staff, "role", "")
    if role in IDENTITY_CUSTODIAN_ROLES:
        return True
    scope = scope_for(staff)
    return role in HANDLER_ROLES and scope.is_bawaslu and scope.covers_region(report.region_id)


@sensitive_variables()
def reporter_identity(report: Report, *, user: RequestUser | None) -> ReporterIdentity | None:
    """The decrypted identity of a named report's reporter, for an entitled user; None otherwise.

    Each disclosure is written to the audit log (who saw which report's reporter; not the values).
    """
    if not report.reporter_identity_token or not can_see_reporter_identity(report, user):
        return None
    identity = decrypt_identity(report.reporter_identity_token)
    record(
        "intake.reporter_identity_viewed",
        actor=user,
        obj=report,
        data={"tracking_code": report.tracking_code},
    )
    return identity


@sensitive_variables()
def rotate_reporter_identities(batch_size: int = 500) -> int:
    """Re-encrypt every stored identity with the first configured key and recompute its lookup
    hashes; returns how many reports were rewritten. Run after putting a new key first."""
    count, last_pk = 0, 0
    fields = ["reporter_identity_token", "reporter_nik_hash", "reporter_email_hash", "reporter_phone_hash"]
    named = Report.objects.exclude(reporter_identity_token="").order_by("pk").only("pk", *fields)
    while batch := list(named.filter(pk__gt=last_pk)[:batch_size]):
        for report in batch:
            identity = decrypt_identity(report.reporter_identity_token)
            hashes = identity_hashes(identity)
            report.reporter_identity_token = encrypt_identity(identity)
            report.reporter_nik_hash = hashes["nik"]
            report.reporter_email_hash = hashes["email"]
            report.reporter_phone_hash = hashes["phone"]
        with transaction.atomic():
            Report.objects.bulk_update(batch, fields)
        count += len(batch)
        last_pk = batch[-1].pk
    if count:
        record("intake.identity_keys_rotated", actor=None, data={"reports": count})
    return count
