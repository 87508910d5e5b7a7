"""The legal clocks a step starts, meets or marks overdue: who owns each, who is their superior, the step the
escalation sweep takes when one passes, and which count from the report's receipt."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from netral.cases.workflow.states import ANALYST, COMMISSIONER, KEMENDAGRI, PPK, STAFF


@dataclass(frozen=True)
class Clock:
    """A legal clock. `name` is the workdays clock (`workdays.Clock`), or for the Bawaslu clocks its suffix
    after the election type ("decision" → "pilkada.decision"). `owner` is told when it passes and
    `superior` is told too (escalation); `on_overdue` is the step the escalation sweep takes then;
    `from_receipt` lists the election types whose clock counts from the report's receipt rather than from
    the step that starts it."""

    name: str
    label: str | Promise
    owner: str = STAFF
    superior: str = COMMISSIONER
    on_overdue: str = ""
    from_receipt: frozenset[str] = frozenset()


PPK_FOLLOW_UP = "ppk.follow_up"
PPK_AFTER_WARNING = "ppk.follow_up_after_warning"

CLOCKS: tuple[Clock, ...] = (
    Clock("initial_review", _("Initial review"), from_receipt=frozenset({"pemilu", "pilkada"})),
    # Pilkada: 3 days after receipt; Pemilu: 7 working days after registration.
    Clock("decision", _("Plenary decision"), from_receipt=frozenset({"pilkada"})),
    # The forwarding Bawaslu follows up what it forwarded.
    Clock("authority.verification", _("Verification by the ASN authority"), ANALYST, COMMISSIONER),
    # Kemendagri issues the warning letter to an overdue PPK.
    Clock(PPK_FOLLOW_UP, _("PPK follow-up"), PPK, KEMENDAGRI, on_overdue="mark_ppk_overdue"),
    # The ASN authority requests (and lifts) the block of the ASN's personnel data.
    Clock(PPK_AFTER_WARNING, _("PPK follow-up after the warning"), PPK, ANALYST, on_overdue="block"),
)
CLOCK_BY_NAME: dict[str, Clock] = {clock.name: clock for clock in CLOCKS}


def clock_for(name: str) -> Clock | None:
    """The declaration of a clock by its full name ("pemilu.decision") or its own ("ppk.follow_up")."""
    return CLOCK_BY_NAME.get(name) or CLOCK_BY_NAME.get(name.rsplit(".", 1)[-1] if "." in name else name)


def full_clock_name(election_type: str, clock: str) -> str:
    """A bare suffix means the clock "<election type>.<suffix>"; a dotted name is a clock of its own."""
    return clock if "." in clock else f"{election_type}.{clock}"


def counts_from_receipt(full_name: str) -> bool:
    election_type, _dot, suffix = full_name.partition(".")
    clock = CLOCK_BY_NAME.get(suffix)
    return clock is not None and election_type in clock.from_receipt


def clock_label(name: str) -> str:
    clock = clock_for(name)
    return str(clock.label) if clock else name.rsplit(".", 1)[-1].replace("_", " ").capitalize()
