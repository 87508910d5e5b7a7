"""The texts of the notifications, composed in the active language (the recipient's)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils import translation

from netral.cases import workspace
from netral.cases.actions import CaseEvent
from netral.cases.escalation import EscalationEvent
from netral.cases.models import Case
from netral.cases.workflow import steps_from


@functools.lru_cache(maxsize=4096)
def _translated(function: Callable[[str], str], language: str | None, value: str) -> str:
    with translation.override(language):
        return function(value)


def _in_language(function: Callable[[str], str]) -> Callable[[str], str]:
    """`function` (a pure function of its argument and the active language, e.g. gettext or a
    label) memoised per language: a sweep composes thousands of texts from a few dozen phrases."""

    def cached(value: str) -> str:
        return _translated(function, translation.get_language(), value)

    return cached


_ = _in_language(translation.gettext)
_state = _in_language(workspace.state_label)
_action = _in_language(workspace.action_label)
_clock = _in_language(workspace.clock_label)
_role = _in_language(workspace.role_label)


@dataclass(frozen=True)
class Message:
    title: str
    body: str
    url: str


def case_url(case: Case) -> str:
    return reverse("cases:detail", args=[case.pk])


class CaseUrls:
    """`case_url` for many cases: the URL pattern is reversed once (per language) and filled in."""

    MARK = 987654321987

    def __init__(self) -> None:
        self._patterns: dict[str, tuple[str, str]] = {}

    def __call__(self, case: Case, language: str) -> str:
        pattern = self._patterns.get(language)
        if pattern is None:
            with translation.override(language):
                head, _mark, tail = reverse("cases:detail", args=[self.MARK]).partition(str(self.MARK))
            pattern = self._patterns[language] = (head, tail)
        return f"{pattern[0]}{case.pk}{pattern[1]}"


def _next_steps(state: str) -> str:
    steps = [_action(step.name) for step in steps_from(state)]
    if not steps:
        return _("No further step is due in this state.")
    return _("Possible next steps: %(steps)s.") % {"steps": ", ".join(steps)}


def transition_message(case: Case, event: CaseEvent, url: str | None = None) -> Message:
    """The notification about one transition, in the active language."""
    to_state = _state(event.to_state)
    if event.from_state == event.to_state:  # a step that keeps the state (e.g. a clock extension)
        body = _("%(action)s: case %(number)s (state “%(to)s”).") % {
            "action": _action(event.action),
            "number": case.number,
            "to": to_state,
        }
    elif event.from_state:
        body = _("%(action)s: case %(number)s moved from “%(from)s” to “%(to)s”.") % {
            "action": _action(event.action),
            "number": case.number,
            "from": _state(event.from_state),
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
        url=case_url(case) if url is None else url,
    )


def escalation_message(
    case: Case, event: EscalationEvent, *, superior: bool, url: str | None = None
) -> Message:
    """The notification about one overdue step, in the active language."""
    local = case.region.local_time(event.due_at)
    clock = _clock(event.clock)
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
    owner = _role(event.owner_role)
    if superior:
        parts.append(_("You are told as the superior of the step's owner (%(role)s).") % {"role": owner})
    else:
        parts.append(_("You are told as the owner of this step (%(role)s).") % {"role": owner})
    return Message(
        title=_("Overdue: case %(number)s, %(clock)s") % {"number": case.number, "clock": clock},
        body=" ".join(parts),
        url=case_url(case) if url is None else url,
    )
