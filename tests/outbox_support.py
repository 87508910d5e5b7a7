"""A recording outbox handler for tests: `recorded` adds it to `NETRAL_OUTBOX_HANDLERS` and gives what it
was called with, as the events' own dataclasses (`CaseEvent`, `EscalationEvent`)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import pytest

from netral.cases.actions import CaseEvent
from netral.cases.escalation import EscalationEvent
from netral.outbox.models import Event

RECORDER = "tests.outbox_support.record"
SEEN: dict[str, list[Any]] = {"case": [], "escalation": []}


def record(events: Sequence[Event]) -> None:
    for event in events:
        if event.kind == Event.Kind.CASE_STEP:
            SEEN["case"].append(CaseEvent(**event.payload))
        elif event.kind == Event.Kind.CLOCK_OVERDUE:
            SEEN["escalation"].append(EscalationEvent.from_payload(event.payload))


@pytest.fixture
def recorded(settings: Any) -> Iterator[dict[str, list[Any]]]:
    settings.NETRAL_OUTBOX_HANDLERS = (*settings.NETRAL_OUTBOX_HANDLERS, RECORDER)
    for seen in SEEN.values():
        seen.clear()
    yield SEEN
    for seen in SEEN.values():
        seen.clear()
