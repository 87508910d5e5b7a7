"""Public functions of this app."""

from __future__ import annotations


def load_reference_data() -> str:
    return "nothing to load yet"
