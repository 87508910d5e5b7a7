"""The hooks plugged into the case actions and the escalation sweep (registered in apps.py).

- `on_case_event` runs after every committed transition (`cases.actions.NOTIFICATION_HOOKS`) and
  tells the owners of the next step (`recipients.STATE_ROLES`). With `NETRAL_ASYNC_TASKS` on, the
  whole work (recipients, rows, e-mails) goes into one django-q2 task (`deliver_case_events`), so a
  request that files a report only queues it; otherwise it is done at once (a few queries).
- `on_escalations` runs once per committed sweep batch (`cases.escalation.ESCALATION_BATCH_HOOKS`)
  and tells each overdue step's owner and their superior (`EscalationEvent.owner_role` /
  `superior_role`).
- `sweep_scope` (`cases.escalation.SWEEP_CONTEXTS`) is entered around a sweep: there the transition
  events of the batch's state changes are held back and written together with the batch's overdue
  notices, and each user's access rule is compiled once per sweep.

`deliver(case_events, escalations)` does the work for any number of events: the cases (2 queries),
the candidates (1 query, `recipients.Directory`), the access rule for every (case, candidate) pair
(1 query per 200 distinct rules, `recipients.Visibility`), each text composed once per event,
language and role, multi-row INSERTs, and the e-mail copies (one task or one mail connection).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator, Sequence
from contextvars import ContextVar
from dataclasses import asdict, dataclass, field
from typing import Any

from django.conf import settings
from django.utils import translation

from netral.accounts.models import User
from netral.cases.actions import CaseEvent
from netral.cases.escalation import EscalationEvent
from netral.notifications import recipients
from netral.notifications.messages import CaseUrls, Message, escalation_message, transition_message
from netral.notifications.models import Notification
from netral.notifications.services import store

logger = logging.getLogger(__name__)

CASE_EVENTS_TASK = "netral.notifications.hooks.deliver_case_events"


@dataclass
class Pending:
    """What a sweep holds back until its batch's overdue notices are written."""

    case_events: list[CaseEvent] = field(default_factory=list)
    visibility: recipients.Visibility = field(default_factory=recipients.Visibility)


_pending: ContextVar[Pending | None] = ContextVar("netral_notifications_pending", default=None)


def deliver(
    case_events: Sequence[CaseEvent],
    escalations: Sequence[EscalationEvent] = (),
    *,
    visibility: recipients.Visibility | None = None,
    queue_mail: bool | None = None,
) -> int:
    """Write the notifications of any number of transitions and overdue steps (see the module)."""
    roles = {role for event in case_events for role in recipients.STATE_ROLES.get(event.to_state, ())}
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


def on_case_event(event: CaseEvent) -> None:
    pending = _pending.get()
    if pending is not None:  # inside a sweep: written with the batch's overdue notices
        pending.case_events.append(event)
        return
    if settings.NETRAL_ASYNC_TASKS:
        try:
            from django_q.tasks import async_task

            async_task(CASE_EVENTS_TASK, [asdict(event)], group="notifications")
            return
        except Exception as exc:  # the queue is down: tell them now rather than never
            logger.error("notification task could not be queued (%s); written at once", type(exc).__name__)
    deliver([event])


def deliver_case_events(events: list[dict[str, Any]]) -> int:
    """The django-q2 task of `on_case_event`: the notifications of the events, e-mails sent from
    the worker itself; returns the number of notifications written."""
    return deliver([CaseEvent(**event) for event in events], queue_mail=False)


def on_escalations(events: list[EscalationEvent]) -> None:
    pending = _pending.get()
    if pending is None:
        deliver([], events)
        return
    held, pending.case_events = pending.case_events, []
    deliver(held, events, visibility=pending.visibility)


@contextlib.contextmanager
def sweep_scope() -> Iterator[Pending]:
    pending = Pending()
    token = _pending.set(pending)
    try:
        yield pending
    finally:
        _pending.reset(token)
        if pending.case_events:  # state changes whose batch had no notices (not expected)
            deliver(pending.case_events, visibility=pending.visibility)
