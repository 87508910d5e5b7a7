"""`netral analytics vulnerability [--election CODE] [--level province|regency] [--as-of DATE] [--json]`;
`netral analytics tallies --check|--rebuild [--tally NAME] [--limit N] [--json]`."""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import Any, NoReturn

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from netral.analytics import vulnerability
from netral.cases import tally
from netral.elections.models import Election


class Command(BaseCommand):
    help = (
        "Analytics from the command line: the vulnerability index ranking of provinces or regencies; "
        "checking and repairing the dashboards' running counts (tallies)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        verbs = parser.add_subparsers(dest="verb", required=True, metavar="{vulnerability,tallies}")
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
        tallies = verbs.add_parser(
            "tallies",
            help="Recount the dashboards' tallies from the case rows: check them (exit 1 when any differ) "
            "or rebuild them.",
            description="The dashboards read running counts (tallies) that the actions keep. "
            "--check recounts every tally from the cases, transitions, deadlines, recommendations and "
            "block requests and lists the rows that differ (exit 1), or says that all rows agree "
            "(exit 0); it writes nothing. --rebuild writes the recount where it differs, in one "
            "transaction, and lists what it changed. Run --rebuild after upgrading a database that had "
            'cases before the tallies existed (docs/analytics.md, "Tallies: checking and rebuilding").',
        )
        mode = tallies.add_mutually_exclusive_group(required=True)
        mode.add_argument(
            "--check", action="store_true", help="Compare the stored tallies with a recount; write nothing."
        )
        mode.add_argument(
            "--rebuild", action="store_true", help="Write the recount where the stored tallies differ."
        )
        tallies.add_argument(
            "--tally",
            action="append",
            choices=[t.model for t in tally.TALLIES],
            metavar="NAME",
            help="Only this tally (repeatable): " + ", ".join(t.model for t in tally.TALLIES) + ".",
        )
        tallies.add_argument(
            "--limit",
            type=int,
            default=50,
            metavar="N",
            help="List the first N differences found (default 50; 0: all); the totals count every one.",
        )
        tallies.add_argument(
            "--json",
            action="store_true",
            help='Print one JSON line {"ok","mode","rows","by_tally","differing_rows","changed","missing",'
            '"extra","differences":[{"tally","key","measure","stored","recounted"}],"more"} instead.',
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["verb"] == "tallies":
            self._tallies(options)
            return
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

    def _tallies(self, options: dict[str, Any]) -> None:
        repair, keep = options["rebuild"], (options["limit"] if options["limit"] > 0 else None)
        result = (tally.repair if repair else tally.check)(options["tally"], keep=keep)
        shown = sorted(result.differences, key=_order)
        if options["json"]:
            self.stdout.write(json.dumps(_as_dict(result, shown), ensure_ascii=False))
        else:
            self._differences(shown, result.found)
            self.stdout.write(_summary(result))
        if not repair and not result.ok:
            sys.exit(1)

    def _differences(self, shown: list[tally.Difference], total: int) -> None:
        """The differences listed, as a table; the number of those left out."""
        if not shown:
            return
        rows = [(d.tally, _key(d), d.measure, str(d.stored), str(d.recounted)) for d in shown]
        header = (_("tally"), _("key"), _("measure"), _("stored"), _("recounted"))
        widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
        for row in [header, *rows]:
            cells = [
                cell.rjust(width) if i >= 3 else cell.ljust(width)
                for i, (cell, width) in enumerate(zip(row, widths, strict=True))
            ]
            self.stdout.write("  ".join(cells).rstrip())
        if total > len(shown):
            self.stdout.write(
                _("… and %(n)d more differences (--limit 0 lists them all).") % {"n": total - len(shown)}
            )

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


def _order(difference: tally.Difference) -> tuple[Any, ...]:
    names = [t.model for t in tally.TALLIES]
    return (
        names.index(difference.tally),
        [str(value) for _column, value in difference.key],
        difference.measure,
    )


def _key(difference: tally.Difference) -> str:
    """The key as `column=value` pairs (an empty value as ""), e.g. `election=2 region=34.04 group=""`."""
    pairs = ((column.removesuffix("_id"), '""' if value == "" else value) for column, value in difference.key)
    return " ".join(f"{column}={value}" for column, value in pairs)


def _summary(result: tally.Comparison) -> str:
    if result.ok:
        return _("All %(rows)d tally rows agree with a recount from the rows.") % {"rows": result.total}
    counts = {
        "rows": result.differing,
        "total": result.total,
        "changed": result.changed,
        "missing": result.missing,
        "extra": result.extra,
    }
    if result.repaired:
        return (
            _(
                "Rebuilt: %(rows)d of %(total)d tally rows corrected (%(changed)d updated, "
                "%(missing)d added, %(extra)d removed); all rows now agree with a recount."
            )
            % counts
        )
    return (
        _(
            "%(rows)d of %(total)d tally rows differ from a recount (%(changed)d with other counts, "
            "%(missing)d missing, %(extra)d extra); `netral analytics tallies --rebuild` repairs them."
        )
        % counts
    )


def _as_dict(result: tally.Comparison, shown: list[tally.Difference]) -> dict[str, Any]:
    return {
        "ok": result.ok,
        "mode": "rebuild" if result.repaired else "check",
        "rows": result.total,
        "by_tally": result.rows,
        "differing_rows": result.differing,
        "changed": result.changed,
        "missing": result.missing,
        "extra": result.extra,
        "differences": [
            {
                "tally": d.tally,
                "key": {column.removesuffix("_id"): _plain(value) for column, value in d.key},
                "measure": d.measure,
                "stored": d.stored,
                "recounted": d.recounted,
            }
            for d in shown
        ],
        "more": result.found - len(shown),
    }


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value
