"""The receiver's acknowledgement of a forwarding package (docs/documents.md).

A package to the ASN authority is acknowledged by the `acknowledge_receipt` step (forwarded_asn_authority →
authority_received), which marks the package itself (`workflow.Step.acknowledges_package`); the other
packages change no state and are marked here (`forwarding.mark_acknowledged`).
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from netral.cases.actions import transition
from netral.cases.actors import Actor, as_user
from netral.cases.forwarding import Kind, PackageRefused, mark_acknowledged, may_acknowledge
from netral.cases.models import Case, ForwardingPackage
from netral.cases.workflow import State


def acknowledge(
    package: ForwardingPackage, *, actor: Actor, at: dt.datetime | None = None
) -> ForwardingPackage:
    """The receiver acknowledges receipt. Raises PackageRefused, or the step's TransitionRefused."""
    at = at or timezone.now()
    if timezone.is_naive(at):
        raise ValueError("at must be timezone-aware")
    case = Case.objects.select_related("region").get(pk=package.case_id)
    if not Case.objects.visible_to(as_user(actor)).filter(pk=case.pk).exists():
        raise PackageRefused(_("This case is outside your area of supervision."), "scope")
    if package.acknowledged_at is not None:
        raise PackageRefused(_("This package was already acknowledged."), "already_acknowledged")
    if not may_acknowledge(package, as_user(actor)):
        raise PackageRefused(_("Only the receiver may acknowledge this package."), "not_receiver")
    with transaction.atomic():
        if package.kind == Kind.TO_AUTHORITY and case.state == State.FORWARDED_ASN_AUTHORITY:
            transition(case, "acknowledge_receipt", actor=actor, at=at)  # marks the package itself
        elif not mark_acknowledged(case, package, actor=actor, at=at):
            raise PackageRefused(_("This package was already acknowledged."), "already_acknowledged")
    package.refresh_from_db()
    return package
