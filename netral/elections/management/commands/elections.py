"""`netral elections list [--json]` and `netral elections show CODE [--region CODE] [--json]`."""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import Any, NoReturn

from django.core.management.base import BaseCommand, CommandParser
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from netral.elections import services
from netral.elections.models import Candidate, Election
from netral.regions.models import Region


def _day(value: str | None) -> str:
    return date_format(dt.date.fromisoformat(value), "j F Y") if value else "-"


class Command(BaseCommand):
    help = "List elections and show their stages (tahapan), parties and candidates."

    def add_arguments(self, parser: CommandParser) -> None:
        verbs = parser.add_subparsers(dest="verb", required=True, metavar="{list,show}")
        listing = verbs.add_parser("list", help="List all elections.")
        listing.add_argument(
            "--json", action="store_true", help="Print the documented JSON instead of a table."
        )
        show = verbs.add_parser("show", help="Show one election with its stages, parties and candidates.")
        show.add_argument("code", help="Election code, e.g. pilkada-2024.")
        show.add_argument(
            "--region", metavar="CODE", help="Kemendagri region code: stage dates in force there."
        )
        show.add_argument("--json", action="store_true", help="Print the documented JSON instead of text.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["verb"] == "list":
            self._list(as_json=options["json"])
        else:
            self._show(options["code"], options["region"], as_json=options["json"])

    def _list(self, *, as_json: bool) -> None:
        rows = [services.election_summary(election) for election in Election.objects.order_by("-voting_date")]
        if as_json:
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        if not rows:
            self.stdout.write(_("No elections yet; run `netral setup` first."))
        for row in rows:
            self.stdout.write(f"{row['code']:<14} {row['name']}")
            self.stdout.write(
                "               "
                + _("voting: %(voting)s · candidate determination: %(determination)s")
                % {
                    "voting": _day(row["voting_date"]),
                    "determination": _day(row["candidate_determination_date"]),
                }
            )

    def _show(self, code: str, region_code: str | None, *, as_json: bool) -> None:
        election = Election.objects.filter(code=code).first()
        if election is None:
            known = ", ".join(Election.objects.values_list("code", flat=True))
            self._fail(
                _("Unknown election: %(code)s. Known elections: %(known)s.") % {"code": code, "known": known}
            )
        region = None
        if region_code is not None:
            region = _find_region(region_code)
            if region is None:
                self._fail(_("Unknown region code: %(code)s.") % {"code": region_code})
        data = services.election_detail(election, region)
        if as_json:
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        self._print_detail(data, region)

    def _print_detail(self, data: dict[str, Any], region: Region | None) -> None:
        out = self.stdout.write
        out(f"{data['name']} ({data['code']})")
        out(_("Voting day: %(date)s") % {"date": _day(data["voting_date"])})
        out(_("Candidate determination: %(date)s") % {"date": _day(data["determination_date"])})
        out("")
        if region is not None:
            out(_("Stages in %(region)s:") % {"region": f"{region.code} {region.name}"})
        else:
            out(_("Stages (national dates):"))
        for stage in data["stages"]:
            span = _day(stage["start"])
            if stage["end"] != stage["start"]:
                span = f"{span} – {_day(stage['end'])}"
            note = ""
            if stage["override_region"]:
                note = "  " + _("(regional dates of %(region)s)") % {"region": stage["override_region"]}
            out(f"  {stage['code']:<14} {span:<40} {stage['name']}{note}")
        if data["parties"]:
            out("")
            out(_("Parties:"))
            for party in data["parties"]:
                out(f"  {party['ballot_number']:>3}  {party['abbreviation']:<10} {party['name']}")
        if data["candidates"]:
            out("")
            out(_("Candidates:"))
            offices = dict(Candidate.Office.choices)
            statuses = dict(Candidate.Status.choices)
            for candidate in data["candidates"]:
                number = candidate["ballot_number"] if candidate["ballot_number"] is not None else "-"
                place = candidate["region"] or _("national")
                incumbent = " · " + _("incumbent") if candidate["incumbent"] else ""
                out(f"  {number:>3}  {candidate['names']}")
                office, status = offices[candidate["office"]], statuses[candidate["status"]]
                out(f"       {office} · {place} · {status}{incumbent}")
                if candidate["parties"]:
                    out(f"       {candidate['parties']}")

    def _fail(self, message: str) -> NoReturn:
        self.stderr.write(message)
        sys.exit(1)


def _find_region(code: str) -> Region | None:
    """Accept "34.04" as well as "3404"."""
    code = code.strip()
    if "." not in code and len(code) == 4:
        code = f"{code[:2]}.{code[2:]}"
    return Region.objects.filter(code=code).first()
