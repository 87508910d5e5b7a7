"""`netral nip check NIP [--json]`."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from netral.personnel.nip import format_nip, parse_nip


class Command(BaseCommand):
    help = "Check a civil-servant number (NIP) and show what it encodes: netral nip check NIP [--json]."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="check")
        check = actions.add_parser("check", help="Check one NIP; exit 0 if valid, 1 if not.")
        check.add_argument("nip", nargs="+", help="The NIP; spaces between groups are allowed.")
        check.add_argument("--json", action="store_true", help="Print the result as JSON on stdout.")

    def handle(self, *args: Any, **options: Any) -> None:
        info = parse_nip(" ".join(options["nip"]))
        if options["json"]:
            self.stdout.write(json.dumps(info.as_json(), ensure_ascii=False))
            if not info.valid:
                self.stderr.write(_("Invalid NIP."))
                raise SystemExit(1)
            return
        if not info.valid:
            self.stderr.write(_("Invalid NIP %(nip)s:") % {"nip": info.nip or "-"})
            for message in info.messages:
                self.stderr.write(f"  - {message}")
            raise SystemExit(1)
        assert info.birth_date is not None  # a valid NIP has every part
        self.stdout.write(_("Valid NIP %(nip)s") % {"nip": format_nip(info.nip)})
        lines = [
            (_("birth date"), info.birth_date.isoformat()),
            (_("TMT CPNS"), info.tmt or ""),
            (_("employment"), (info.employment or "").upper()),
            (_("gender"), _("male (L)") if info.gender == "L" else _("female (P)")),
            (_("serial"), info.serial or ""),
        ]
        for label, value in lines:
            self.stdout.write(f"  {label}: {value}")
