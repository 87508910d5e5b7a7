"""Loading all reference data, in dependency order, idempotently.

Each app exposes `load_reference_data() -> str` in its `services.py`; the string is a one-line
summary for the operator. `netral setup` and the test session both call `load_all`.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from django.db import transaction

# Order matters: later loaders use rows created by earlier ones.
LOADERS = [
    "netral.regions.services",
    "netral.workdays.services",
    "netral.catalogue.services",
    "netral.elections.services",
    "netral.personnel.services",
    "netral.accounts.services",
]


def load_all(report: Callable[[str], None] = lambda _line: None) -> None:
    for dotted in LOADERS:
        module = import_module(dotted)
        with transaction.atomic():
            summary = module.load_reference_data()
        report(f"{dotted.split('.')[1]}: {summary}")
