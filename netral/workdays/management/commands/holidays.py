"""`netral holidays list [--year Y] [--region CODE] [--json]` and `netral holidays add DATE NAME [...]`."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from netral.workdays import services
from netral.workdays.management.commands._common import (
    bad_date_message,
    fail,
    parse_date,
    region_label,
    unknown_region_message,
)
from netral.workdays.models import Holiday, HolidayKind


class Command(BaseCommand):
    help = "List the holidays of a year (national and regional) or add an ad-hoc holiday."

    def add_arguments(self, parser: CommandParser) -> None:
        verbs = parser.add_subparsers(dest="verb", required=True, metavar="{list,add}")
        show = verbs.add_parser("list", help="Holidays of a year that apply nationally or to a region.")
        show.add_argument("--year", type=int, help="Year (default: this year).")
        show.add_argument("--region", metavar="CODE", help="Kemendagri region code, e.g. 34.04.")
        show.add_argument("--json", action="store_true", help="Print JSON instead of a table.")
        add = verbs.add_parser("add", help="Add a holiday by hand, e.g. a Pilkada voting day in one region.")
        add.add_argument("date", metavar="DATE", help="YYYY-MM-DD")
        add.add_argument("name", metavar="NAME", help="Name in Indonesian, e.g. 'Hari Pemungutan Suara'.")
        add.add_argument(
            "--region", metavar="CODE", help="Only this province or regency/city (default: national)."
        )
        add.add_argument("--name-en", default="", help="Name in English.")
        add.add_argument(
            "--kind",
            choices=HolidayKind.values,
            default=HolidayKind.ADHOC,
            help="Kind of day (default: adhoc).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["verb"] == "add":
            self._add(options)
        else:
            self._list(options)

    def _list(self, options: dict[str, Any]) -> None:
        year: int = options["year"] or timezone.localdate().year
        region_code: str | None = options["region"]
        try:
            rows = list(services.list_holidays(year, region_code))
        except services.UnknownRegion as exc:
            fail(self.stderr, unknown_region_message(exc.code))
        non_working = set(services.non_working_kinds())
        if options["json"]:
            data = [
                {
                    "date": row.date.isoformat(),
                    "name": row.name,
                    "name_en": row.name_en,
                    "kind": row.kind,
                    "region": row.region_id,
                    "active": row.active,
                    "source": row.source,
                    "non_working": row.active and row.kind in non_working,
                }
                for row in rows
            ]
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        self.stdout.write(
            _("Holidays %(year)s, %(region)s: %(count)s")
            % {"year": year, "region": region_label(region_code), "count": len(rows)}
        )
        kinds = {value: str(label) for value, label in HolidayKind.choices}
        for row in rows:
            self.stdout.write(self._line(row, kinds, counts=row.active and row.kind in non_working))

    def _line(self, row: Holiday, kinds: dict[str, str], *, counts: bool) -> str:
        notes = []
        if row.region_id:
            notes.append(row.region_id)
        if not row.active:
            notes.append(_("inactive"))
        elif not counts:
            notes.append(_("working day under the current settings"))
        suffix = f"  [{'; '.join(notes)}]" if notes else ""
        day = date_format(row.date, "D")
        return f"{row.date.isoformat()} {day:<6} {kinds[row.kind]:<32} {row.display_name}{suffix}"

    def _add(self, options: dict[str, Any]) -> None:
        day = parse_date(options["date"])
        if day is None:
            fail(self.stderr, bad_date_message(options["date"]))
        try:
            holiday = services.add_holiday(
                day,
                options["name"],
                region_code=options["region"],
                name_en=options["name_en"],
                kind=options["kind"],
            )
        except services.UnknownRegion as exc:
            fail(self.stderr, unknown_region_message(exc.code))
        except services.DuplicateHoliday:
            fail(
                self.stderr,
                _("This holiday already exists: %(date)s %(name)s.")
                % {"date": day.isoformat(), "name": options["name"].strip()},
            )
        except services.WorkdaysError:
            fail(self.stderr, _("A holiday needs a name."))
        self.stdout.write(
            _("Added: %(date)s %(name)s (%(region)s).")
            % {"date": day.isoformat(), "name": holiday.name, "region": region_label(holiday.region_id)}
        )
