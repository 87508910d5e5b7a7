"""Merging a duplicate case into another: the duplicate's reports join the target case.

`merge_into(source, target, actor=..., reason=...)` takes the `merge_into` transition on the source
(the one merge rule: `workflow.may_merge`; role, scope and version checked by `transition`), moves
the source's CaseReport links to the target and writes an audit entry. A target not registered yet is
`daluwarsa` afterwards only if every report it now holds is (`known_on.case_expired`): a report in time
merged into a case whose own report was late lets it be registered. Every report keeps its own
reporter, receipt, messages and evidence: only the report's link to its case moves, so no reporter's
identity reaches another report. The source stays as a closed case in state `merged` (its history and
the funnel's "reported" count stay true).
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from netral.audit.services import record
from netral.cases import tally
from netral.cases.actions import transition
from netral.cases.actors import Actor, as_user
from netral.cases.errors import TransitionRefused
from netral.cases.known_on import case_expired
from netral.cases.models import Case, CaseReport
from netral.cases.workflow import MERGE_TARGET_STATES, NOT_REGISTERED_YET


def merge_into(source: Case, target: Case, *, actor: Actor, reason: str) -> Case:
    """Close `source` as a duplicate of `target` and move its reports there; returns the target.

    Raises TransitionRefused (or ConcurrentChange) with a translated message."""
    reason = (reason or "").strip()
    if not reason:
        raise TransitionRefused(_("Write the reason for merging the cases."), "invalid")
    if source.pk == target.pk:
        raise TransitionRefused(_("A case cannot be merged into itself."), "invalid")
    if not Case.objects.visible_to(as_user(actor)).filter(pk=target.pk).exists():
        raise TransitionRefused(_("This case is outside your area of supervision."), "scope")
    if target.election_id != source.election_id:
        raise TransitionRefused(_("Only cases of the same election can be merged."), "invalid")
    if target.state not in MERGE_TARGET_STATES:
        raise TransitionRefused(
            _("Reports can only be added to a case still under Bawaslu's study."), "wrong_state"
        )
    note = _("Merged into case %(number)s as a duplicate: %(reason)s") % {
        "number": target.number,
        "reason": reason,
    }
    with transaction.atomic(), tally.tracking(source.pk, target.pk):
        transition(source, "merge_into", actor=actor, reason=note)
        reports = list(CaseReport.objects.filter(case=source).values_list("report_id", flat=True))
        CaseReport.objects.filter(case=source).update(case=target)
        data: dict[str, Any] = {"target": target.number, "source": source.number, "reports": reports}
        if target.state in NOT_REGISTERED_YET:
            expired = case_expired(target)
            if expired != target.daluwarsa:
                data["daluwarsa"] = {"before": target.daluwarsa, "after": expired}
                Case.objects.filter(pk=target.pk).update(daluwarsa=expired)
                target.daluwarsa = expired
        record("cases.merged", actor=as_user(actor), obj=target, data=data)
    return target
