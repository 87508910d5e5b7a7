"""Shared pieces of the NIP and NIK parsers: error values and date helpers."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from django.utils.functional import Promise

_WHITESPACE = re.compile(r"\s+")
_DIGITS = re.compile(r"[0-9]*")


@dataclass(frozen=True)
class NumberError:
    """One problem found in an identity number: a stable code plus a translated message.

    The message is rendered when read, in the active language (Indonesian by default).
    """

    code: str
    template: Promise | str
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def message(self) -> str:
        return str(self.template) % self.params if self.params else str(self.template)


class CheckedNumber:
    """What NIP and NIK results share: the list of errors and views of it."""

    errors: tuple[NumberError, ...]

    @property
    def valid(self) -> bool:
        return not self.errors

    @property
    def error_codes(self) -> list[str]:
        return [error.code for error in self.errors]

    @property
    def messages(self) -> list[str]:
        return [error.message for error in self.errors]


def clean_digits(text: str) -> str:
    """The input without any whitespace (NIPs are often written `19860926 201505 1 001`)."""
    return _WHITESPACE.sub("", text or "")


def only_ascii_digits(text: str) -> bool:
    return _DIGITS.fullmatch(text) is not None


def make_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def add_years(day: dt.date, years: int) -> dt.date:
    """The same calendar day `years` later; 29 February becomes 1 March in non-leap years."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return dt.date(day.year + years, 3, 1)
