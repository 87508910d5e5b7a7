from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from netral.regions.boundaries import load_boundaries
from netral.regions.models import Region


class Command(BaseCommand):
    help = "Provinces and regencies/cities: list them, load boundary polygons."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="verb", required=True)
        listing = sub.add_parser("list", help="List provinces, or the regencies/cities of one province.")
        listing.add_argument("--province", metavar="CODE", help="two-digit province code, e.g. 34")
        listing.add_argument("--json", action="store_true", help='print [{"code","name","type","timezone"}]')
        load = sub.add_parser("load-boundaries", help="Load polygons from a GeoJSON file into the regions.")
        load.add_argument("file", type=Path, metavar="FILE.geojson")
        load.add_argument("--level", choices=["province", "regency"], required=True)
        load.add_argument("--dry-run", action="store_true", help="match and report, change nothing")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["verb"] == "list":
            self._list(options["province"], as_json=options["json"])
        else:
            self._load(options["file"], options["level"], dry_run=options["dry_run"])

    def _list(self, province: str | None, *, as_json: bool) -> None:
        regions = Region.objects.all()
        if province:
            if not Region.objects.provinces().filter(code=province).exists():
                raise CommandError(_("Unknown province code %(code)s.") % {"code": province})
            regions = regions.filter(parent_id=province)
        else:
            regions = regions.provinces()
        rows = [
            {"code": r.code, "name": r.name, "type": r.type, "timezone": r.timezone}
            for r in regions.order_by("code")
        ]
        if as_json:
            self.stdout.write(json.dumps(rows, ensure_ascii=False))
            return
        for row in rows:
            self.stdout.write(f"{row['code']:<6} {row['name']:<50} {row['type']:<10} {row['timezone']}")

    def _load(self, path: Path, level_name: str, *, dry_run: bool) -> None:
        level = Region.Level.PROVINCE if level_name == "province" else Region.Level.REGENCY
        if not path.is_file():
            raise CommandError(_("File not found: %(path)s") % {"path": path})
        try:
            report = load_boundaries(path, level, dry_run=dry_run)
        except (ValueError, UnicodeDecodeError) as exc:
            raise CommandError(
                _("%(path)s is not a valid GeoJSON file: %(error)s") % {"path": path, "error": exc}
            ) from exc
        self.stdout.write(
            _("%(matched)d features matched%(dry)s.")
            % {"matched": len(report.matched), "dry": _(" (dry run, nothing saved)") if dry_run else ""}
        )
        if report.unmatched:
            self.stdout.write(_("Features that could not be matched (%(n)d):") % {"n": len(report.unmatched)})
            for label in report.unmatched:
                self.stdout.write(f"  - {label}")
        if report.missing:
            self.stdout.write(_("Regions without a polygon (%(n)d):") % {"n": len(report.missing)})
            for region in report.missing:
                self.stdout.write(f"  - {region.code} {region.name}")
        sys.stdout.flush()
