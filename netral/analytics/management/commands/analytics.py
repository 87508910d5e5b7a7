"""`netral analytics vulnerability [--election CODE] [--level province|regency] [--as-of DATE] [--json]`."""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import Any, NoReturn

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from netral.analytics import vulnerability
from netral.elections.models import Election


class Command(BaseCommand):
    help = "Analytics from the command line: the vulnerability index ranking of provinces or regencies."

    def add_arguments(self, parser: CommandParser) -> None:
        verbs = parser.add_subparsers(dest="verb", required=True, metavar="{vulnerability}")
        index = verbs.add_parser(
            "vulnerability", help="Rank regions by the ASN-neutrality vulnerability index."
        )
        index.add_argument(
            "--election", metavar="CODE", help="Election code (default: the latest with cases)."
        )
        index.add_argument("--level", choices=["province", "regency"], default="province")
        index.add_argument(
            "--as-of", metavar="YYYY-MM-DD", help="Reference day (default: today or election end)."
        )
        index.add_argument(
            "--limit", type=int, default=0, help="Show only the first N regions (text output)."
        )
        index.add_argument(
            "--json", action="store_true", help="Print the documented JSON instead of a table."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        election = self._election(options["election"])
        as_of = None
        if options["as_of"]:
            try:
                as_of = dt.date.fromisoformat(options["as_of"])
            except ValueError:
                self._fail(_("Invalid date %(value)s; use YYYY-MM-DD.") % {"value": options["as_of"]})
        try:
            result = vulnerability.compute(election, level=options["level"], as_of=as_of)
        except ImproperlyConfigured as exc:
            self._fail(str(exc))
        if options["json"]:
            self.stdout.write(json.dumps(vulnerability.as_dict(result), ensure_ascii=False, indent=2))
            return
        self.stdout.write(
            _("Vulnerability index, %(election)s, as of %(day)s (%(method)s normalisation)")
            % {
                "election": election.name,
                "day": result.as_of.isoformat(),
                "method": result.config.normalisation,
            }
        )
        rows = result.regions[: options["limit"]] if options["limit"] > 0 else result.regions
        for region in rows:
            label = vulnerability.band_label(region.band)
            self.stdout.write(
                f"{region.rank:>4}. {region.code:<6} {region.name[:34]:<34} {region.score:>5.1f} {label}"
            )
            self.stdout.write(f"        {vulnerability.explain(region, result.config)}")

    def _election(self, code: str | None) -> Election:
        if code is None:
            election = vulnerability.default_election()
            if election is None:
                self._fail(_("No elections yet; run `netral setup` first."))
            return election
        election = Election.objects.filter(code=code).first()
        if election is None:
            self._fail(_("Unknown election code: %(code)s.") % {"code": code})
        return election

    def _fail(self, message: str) -> NoReturn:
        self.stderr.write(message)
        sys.exit(1)
