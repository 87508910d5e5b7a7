"""The hooks plugged into the case actions and the escalation sweep (registered in apps.py).

`on_case_event` runs after every committed transition (`cases.actions.NOTIFICATION_HOOKS`) and tells
the owners of the next step (`recipients.for_state`). `on_escalation` runs after every overdue step
the sweep claimed (`cases.escalation.ESCALATION_HOOKS`) and tells the step's owner and their
superior (`EscalationEvent.owner_role` / `superior_role`).
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from netral.accounts.models import User
from netral.cases import workspace
from netral.cases.actions import CaseEvent
from netral.cases.escalation import EscalationEvent
from netral.cases.models import Case
from netral.cases.transitions import actions_from
from netral.notifications import recipients
from netral.notifications.models import Notification
from netral.notifications.services import Message, notify


def _case_url(case: Case) -> str:
    return reverse("cases:detail", args=[case.pk])


def _next_steps(state: str) -> str:
    steps = [workspace.action_label(action) for action in actions_from(state)]
    if not steps:
        return _("No further step is due in this state.")
    return _("Possible next steps: %(steps)s.") % {"steps": ", ".join(steps)}


def transition_message(case: Case, event: CaseEvent) -> Message:
    """The notification about one transition, in the active language."""
    to_state = workspace.state_label(event.to_state)
    if event.from_state == event.to_state:  # a step that keeps the state (e.g. a clock extension)
        body = _("%(action)s: case %(number)s (state “%(to)s”).") % {
            "action": workspace.action_label(event.action),
            "number": case.number,
            "to": to_state,
        }
    elif event.from_state:
        body = _("%(action)s: case %(number)s moved from “%(from)s” to “%(to)s”.") % {
            "action": workspace.action_label(event.action),
            "number": case.number,
            "from": workspace.state_label(event.from_state),
            "to": to_state,
        }
    else:
        body = _("A new case %(number)s was opened (state “%(to)s”).") % {
            "number": case.number,
            "to": to_state,
        }
    return Message(
        title=_("Case %(number)s: %(state)s") % {"number": case.number, "state": to_state},
        body=f"{body} {_next_steps(event.to_state)}",
        url=_case_url(case),
    )


def escalation_message(case: Case, event: EscalationEvent, *, superior: bool) -> Message:
    """The notification about one overdue step, in the active language."""
    local = case.region.local_time(event.due_at)
    clock = workspace.clock_label(event.clock)
    parts = [
        _("The deadline “%(clock)s” of case %(number)s was due on %(due)s %(zone)s and has passed.")
        % {
            "clock": clock,
            "number": case.number,
            "due": local.strftime("%d-%m-%Y %H:%M"),
            "zone": case.region.timezone,
        }
    ]
    if event.action == "mark_ppk_overdue":
        parts.append(_("The case is now marked PPK overdue; Kemendagri may send a warning letter."))
    elif event.action == "block":
        parts.append(_("A block of the ASN's personnel data has been requested automatically."))
    owner = workspace.role_label(event.owner_role)
    if superior:
        parts.append(_("You are told as the superior of the step's owner (%(role)s).") % {"role": owner})
    else:
        parts.append(_("You are told as the owner of this step (%(role)s).") % {"role": owner})
    return Message(
        title=_("Overdue: case %(number)s, %(clock)s") % {"number": case.number, "clock": clock},
        body=" ".join(parts),
        url=_case_url(case),
    )


def on_case_event(event: CaseEvent) -> None:
    case = Case.objects.select_related("region").filter(pk=event.case_id).first()
    if case is None:  # pragma: no cover - cases are never deleted
        return
    users = recipients.for_state(case, event.to_state, exclude=event.actor_id)
    notify(users, case, Notification.Kind.TRANSITION, lambda _user: transition_message(case, event))


def on_escalation(event: EscalationEvent) -> None:
    case = Case.objects.select_related("region").filter(pk=event.case_id).first()
    if case is None:  # pragma: no cover - cases are never deleted
        return
    owners, superiors = recipients.for_escalation(case, event.owner_role, event.superior_role)
    owner_ids = {user.pk for user in owners}

    def compose(user: User) -> Message:
        return escalation_message(case, event, superior=user.pk not in owner_ids)

    notify([*owners, *superiors], case, Notification.Kind.ESCALATION, compose)
