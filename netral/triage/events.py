"""Triage of the outbox's events (`netral.outbox`; named in `NETRAL_OUTBOX_HANDLERS`): a case opened for a
report gets its suggestions (`suggestions.suggest_for_case_id`, which never raises), unless
NETRAL_TRIAGE_ON_INTAKE is off. With `NETRAL_ASYNC_TASKS` on this runs in `netral worker`, so the intake
request only stores the event."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction

from netral.cases.workflow import OPEN_CASE
from netral.outbox.models import Event
from netral.triage.suggestions import enabled_on_intake, suggest_for_case_id


def handle(events: Sequence[Event]) -> None:
    opened = [
        event.case_id
        for event in events
        if event.kind == Event.Kind.CASE_STEP and event.payload.get("action") == OPEN_CASE and event.case_id
    ]
    if opened and enabled_on_intake():
        for case_id in opened:
            with transaction.atomic():  # a database error in one case's triage spoils no other work
                suggest_for_case_id(case_id)
