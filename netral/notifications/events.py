"""Notifications of the outbox's events (`netral.outbox`; named in `NETRAL_OUTBOX_HANDLERS`).

`handle(events)` is called with each claimed batch of events, in the batch's transaction: the `case.step`
events tell the owners of the next step (`workflow.NOTIFY`), the `case.clock_overdue` events of an
escalation sweep tell each overdue step's owner and their superior (`EscalationEvent.owner_role` /
`superior_role`). A sweep batch's state changes and overdue notices are stored in one transaction and
processed together, so they are written together and each user's access rule is compiled once.

`deliver(case_events, escalations)` does the work for any number of events: the cases (2 queries),
the candidates (1 query, `recipients.Directory`), the access rule for every (case, candidate) pair
(1 query per 200 distinct rules, `recipients.Visibility`), each text composed once per event,
language and role, multi-row INSERTs, and the e-mail copies (sent after the commit over one mail
connection).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.utils import translation

from netral.accounts.models import User
from netral.cases.actions import CaseEvent
from netral.cases.escalation import EscalationEvent
from netral.cases.workflow import NOTIFY
from netral.notifications import recipients
from netral.notifications.messages import CaseUrls, Message, escalation_message, transition_message
from netral.notifications.models import Notification
from netral.notifications.services import store
from netral.outbox.models import Event


def deliver(
    case_events: Sequence[CaseEvent],
    escalations: Sequence[EscalationEvent] = (),
    *,
    visibility: recipients.Visibility | None = None,
    queue_mail: bool | None = None,
) -> int:
    """Write the notifications of any number of transitions and overdue steps (see the module)."""
    roles = {role for event in case_events for role in NOTIFY.get(event.to_state, ())}
    roles |= {role for event in escalations for role in (event.owner_role, event.superior_role)}
    if not roles:
        return 0
    ids = {event.case_id for event in case_events} | {event.case_id for event in escalations}
    facts = recipients.load_cases(ids, with_agencies=recipients.PPK in roles)
    directory = recipients.Directory(facts.values(), roles)
    # (case facts, user, kind, text key, how to compose it)
    plan: list[tuple[recipients.CaseFacts, User, str, tuple[Any, ...], Any]] = []
    for number, event in enumerate(case_events):
        case_facts = facts.get(event.case_id)
        if case_facts is None:  # pragma: no cover - cases are never deleted
            continue
        for user in recipients.state_candidates(
            directory, case_facts, event.to_state, exclude=event.actor_id
        ):
            plan.append((case_facts, user, Notification.Kind.TRANSITION, ("t", number), event))
    for number, step in enumerate(escalations):
        case_facts = facts.get(step.case_id)
        if case_facts is None:  # pragma: no cover - cases are never deleted
            continue
        owners, superiors = recipients.escalation_candidates(
            directory, case_facts, step.owner_role, step.superior_role
        )
        for superior, users in ((False, owners), (True, superiors)):
            for user in users:
                plan.append((case_facts, user, Notification.Kind.ESCALATION, ("e", number, superior), step))
    allowed = (visibility or recipients.Visibility()).visible((item[0].case.pk, item[1]) for item in plan)
    texts: dict[tuple[Any, ...], Message] = {}
    urls = CaseUrls()
    planned = []
    for case_facts, user, kind, key, event in plan:
        case = case_facts.case
        if (case.pk, user.pk) not in allowed:
            continue
        language = user.language or settings.LANGUAGE_CODE
        message = texts.get((*key, language))
        if message is None:
            url = urls(case, language)
            with translation.override(language):
                if kind == Notification.Kind.TRANSITION:
                    message = transition_message(case, event, url)
                else:
                    message = escalation_message(case, event, superior=key[2], url=url)
            texts[(*key, language)] = message
        planned.append((user, case.pk, kind, message))
    return store(planned, queue=queue_mail)


def handle(events: Sequence[Event]) -> int:
    """The notifications of a batch of outbox events; returns the number written."""
    steps = [CaseEvent(**event.payload) for event in events if event.kind == Event.Kind.CASE_STEP]
    overdue = [
        EscalationEvent.from_payload(event.payload)
        for event in events
        if event.kind == Event.Kind.CLOCK_OVERDUE
    ]
    if not steps and not overdue:
        return 0
    # This runs in the worker (or, without one, in the process that made the change): the e-mails are
    # sent from here after the commit, not queued again.
    return deliver(steps, overdue, queue_mail=False)
