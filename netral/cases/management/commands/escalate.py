from __future__ import annotations

import datetime as dt
import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from netral.cases.escalation import sweep


class Command(BaseCommand):
    help = "Run one escalation sweep over overdue deadlines and print the counts."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--now", help="Sweep as of this ISO 8601 moment with a UTC offset (default: now)."
        )
        parser.add_argument(
            "--json",
            action="store_true",
            help='Print {"claimed","overdue_marked","ppk_overdue","blocked","refused"}.',
        )

    def handle(self, *args: Any, **options: Any) -> None:
        now: dt.datetime | None = None
        if options["now"]:
            try:
                now = dt.datetime.fromisoformat(options["now"])
            except ValueError:
                now = None
            if now is None or now.tzinfo is None:
                self.stderr.write(
                    _("Invalid --now “%(value)s”: give an ISO 8601 moment with a UTC offset.")
                    % {"value": options["now"]}
                )
                sys.exit(1)
        result = sweep(now)
        if options["json"]:
            self.stdout.write(json.dumps(result.as_dict()))
            return
        for key, value in result.as_dict().items():
            self.stdout.write(f"{key}: {value}")
