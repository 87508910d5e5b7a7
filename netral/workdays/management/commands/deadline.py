"""`netral deadline --clock NAME --start YYYY-MM-DD [--region CODE] [--json]` and `netral deadline --list`."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.formats import time_format
from django.utils.translation import gettext as _

from netral.workdays import services
from netral.workdays.management.commands._common import (
    bad_date_message,
    fail,
    long_date,
    outside_seeded_years,
    parse_date,
    region_label,
    unknown_region_message,
    years_warning,
)
from netral.workdays.models import DayType, ElectionType


class Command(BaseCommand):
    help = "Compute the due date of a legal clock (working or calendar days), or list the clocks."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--clock", metavar="NAME", help="Clock name, e.g. pemilu.decision (see --list).")
        parser.add_argument("--start", metavar="YYYY-MM-DD", help="Start day of the clock (day 0).")
        parser.add_argument(
            "--region", metavar="CODE", help="Kemendagri region code, e.g. 34.04 (default: national, WIB)."
        )
        parser.add_argument("--list", action="store_true", help="List the clocks with their values.")
        parser.add_argument("--json", action="store_true", help="Print the documented JSON instead of text.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["list"]:
            self._list(as_json=options["json"])
            return
        clock_name, raw_start = options["clock"], options["start"]
        if not clock_name or not raw_start:
            fail(self.stderr, _("Give both --clock and --start (or --list to see the clocks)."))
        start = parse_date(raw_start)
        if start is None:
            fail(self.stderr, bad_date_message(raw_start))
        region_code: str | None = options["region"]
        try:
            deadline = services.compute_deadline(clock_name, start, region_code)
        except services.UnknownClock as exc:
            fail(
                self.stderr,
                _("Unknown clock: %(name)s. Valid clocks: %(known)s.")
                % {"name": exc.name, "known": ", ".join(exc.known)},
            )
        except services.UnknownRegion as exc:
            fail(self.stderr, unknown_region_message(exc.code))
        if missing := outside_seeded_years(deadline.start, deadline.due_date):
            self.stderr.write(years_warning(missing))
        if options["json"]:
            self.stdout.write(json.dumps(deadline.as_dict()))
            return
        self._print(deadline, region_code)

    def _print(self, deadline: services.Deadline, region_code: str | None) -> None:
        calendar = services.get_calendar(region_code)
        day_type = DayType(deadline.day_type).label
        self.stdout.write(
            _("%(clock)s: %(days)s %(day_type)s from %(start)s (day 0)")
            % {
                "clock": deadline.clock,
                "days": deadline.days,
                "day_type": day_type,
                "start": long_date(deadline.start),
            }
        )
        self.stdout.write(
            _("Due: %(date)s at %(time)s %(zone)s")
            % {
                "date": long_date(deadline.due_date),
                "time": time_format(deadline.due_at.time()),
                "zone": calendar.zone_name,
            }
        )
        self.stdout.write(_("Region: %(region)s") % {"region": region_label(region_code)})

    def _list(self, *, as_json: bool) -> None:
        clocks = list(services.list_clocks())
        if as_json:
            rows = [
                {
                    "name": clock.name,
                    "election_type": clock.election_type,
                    "days": clock.days,
                    "day_type": clock.day_type,
                    "description": clock.description,
                    "legal_basis": clock.legal_basis,
                }
                for clock in clocks
            ]
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        if not clocks:
            fail(self.stderr, _("No clocks are loaded; run `netral setup` first."))
        headers: list[str] = [_("clock"), _("days"), _("day type"), _("election"), _("description")]
        table: list[list[str]] = [
            [
                clock.name,
                str(clock.days),
                str(DayType(clock.day_type).label),
                str(ElectionType(clock.election_type).label),
                clock.description,
            ]
            for clock in clocks
        ]
        widths = [max(len(row[i]) for row in [headers, *table]) for i in range(4)]
        for row in [headers, *table]:
            cells = [cell.ljust(width) for cell, width in zip(row[:4], widths, strict=True)]
            self.stdout.write("  ".join([*cells, row[4]]).rstrip())
