"""The states of a case, the roles that take steps, and who is told when a case reaches a state."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class State(models.TextChoices):
    """The states of a case. The values are stored; the labels are the English source strings of the
    Indonesian catalogue (`cases/locale`)."""

    RECEIVED = "received", _("Received")
    INITIAL_REVIEW = "initial_review", _("Initial review")
    REGISTERED = "registered", _("Registered")
    REJECTED_FORMAL = "rejected_formal", _("Rejected (formal requirements)")
    REJECTED_EXPIRED = "rejected_expired", _("Rejected (expired)")
    CLARIFICATION = "clarification", _("Clarification")
    STUDY = "study", _("Study (kajian)")
    PLENARY = "plenary", _("Plenary")
    VIOLATION = "violation", _("Violation proven")
    NOT_VIOLATION = "not_violation", _("Not a violation")
    FORWARDED_ASN_AUTHORITY = "forwarded_asn_authority", _("Forwarded to the ASN authority")
    FORWARDED_GAKKUMDU = "forwarded_gakkumdu", _("Forwarded to Gakkumdu")
    FORWARDED_OTHER = "forwarded_other", _("Forwarded to another body")
    # The outcome of the Gakkumdu / other-law routes, reported back to Bawaslu.
    GAKKUMDU_CONCLUDED = "gakkumdu_concluded", _("Gakkumdu outcome recorded")
    OTHER_CONCLUDED = "other_concluded", _("Outcome of the other body recorded")
    # A duplicate whose reports were gathered into another case (`merging.merge_into`).
    MERGED = "merged", _("Merged into another case (duplicate)")
    # ASN-authority stage.
    AUTHORITY_RECEIVED = "authority_received", _("Received by the ASN authority")
    VERIFIED = "verified", _("Verified by the ASN authority")
    NOT_PROVEN = "not_proven", _("Not proven (ASN authority)")
    REJECTED = "rejected", _("Rejected by the ASN authority")
    RECOMMENDED = "recommended", _("Sanction recommended")
    # PPK stage.
    SENT_TO_PPK = "sent_to_ppk", _("Sent to the PPK")
    SANCTIONED = "sanctioned", _("Sanctioned")
    LEFT_SERVICE = "left_service", _("Left the civil service")
    PPK_OVERDUE = "ppk_overdue", _("PPK overdue")
    WARNED = "warned", _("PPK warned")
    BLOCKED = "blocked", _("Blocked")
    UNBLOCKED = "unblocked", _("Unblocked")


S = State

# Roles (accounts.Role values; kept as strings so this module imports no models).
STAFF = "bawaslu_staff"
COMMISSIONER = "bawaslu_commissioner"
ANALYST = "authority_analyst"
PPK = "ppk_officer"
KEMENDAGRI = "kemendagri_officer"
# The pseudo-role of automatic steps (the escalation worker); only `actors.SYSTEM` has it.
SYSTEM_ROLE = "system"
# Whoever files a report (the public included) opens its case: `OPEN_CASE` checks no role.
ANYONE = "*"

# Who is told when a case reaches a state: who owns the next step (or, for an outcome, the institutions
# that handled the case before).
BAWASLU_OUTCOME = (STAFF, COMMISSIONER)
NOTIFY: dict[str, tuple[str, ...]] = {
    S.RECEIVED: (STAFF,),
    S.INITIAL_REVIEW: (STAFF,),
    S.REGISTERED: (STAFF,),
    S.CLARIFICATION: (STAFF,),
    S.STUDY: (STAFF,),
    S.PLENARY: (COMMISSIONER,),
    S.VIOLATION: (STAFF,),
    S.REJECTED_FORMAL: BAWASLU_OUTCOME,
    S.REJECTED_EXPIRED: BAWASLU_OUTCOME,
    S.NOT_VIOLATION: BAWASLU_OUTCOME,
    S.FORWARDED_GAKKUMDU: BAWASLU_OUTCOME,
    S.FORWARDED_OTHER: BAWASLU_OUTCOME,
    S.GAKKUMDU_CONCLUDED: BAWASLU_OUTCOME,
    S.OTHER_CONCLUDED: BAWASLU_OUTCOME,
    S.MERGED: (),
    S.FORWARDED_ASN_AUTHORITY: (ANALYST,),
    S.AUTHORITY_RECEIVED: (ANALYST,),
    S.VERIFIED: (ANALYST,),
    S.RECOMMENDED: (ANALYST,),
    S.NOT_PROVEN: BAWASLU_OUTCOME,
    S.REJECTED: BAWASLU_OUTCOME,
    S.SENT_TO_PPK: (PPK,),
    S.PPK_OVERDUE: (KEMENDAGRI, PPK),
    S.WARNED: (PPK,),
    S.BLOCKED: (PPK, ANALYST),
    S.SANCTIONED: (*BAWASLU_OUTCOME, ANALYST),
    S.LEFT_SERVICE: (*BAWASLU_OUTCOME, ANALYST),
    S.UNBLOCKED: (ANALYST, PPK),
}
# The states in which Kemendagri sees a case (an overdue PPK, its warning and the block).
KEMENDAGRI_STATES: frozenset[str] = frozenset({S.PPK_OVERDUE, S.WARNED, S.BLOCKED})
# Before registration, whether the reports were filed in time decides (`actions.precondition_refusal`).
NOT_REGISTERED_YET: frozenset[str] = frozenset({S.RECEIVED, S.INITIAL_REVIEW})


def state_label(state: str) -> str:
    return str(State(state).label) if state in State.values else (state.replace("_", " ").capitalize() or "—")
