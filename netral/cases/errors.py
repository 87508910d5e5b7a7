"""Why a step was refused. `str()` is the translated message; `code` is stable for programs."""

from __future__ import annotations


class TransitionRefused(Exception):
    """The step may not be taken (unknown, wrong state, wrong role, out of scope, invalid data)."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class ConcurrentChange(TransitionRefused):
    """Someone else changed the case between reading and acting."""
