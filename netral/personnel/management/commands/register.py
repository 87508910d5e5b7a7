"""`netral register import FILE.csv|FILE.xlsx [--errors OUT.csv] [--dry-run]`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from netral.personnel.importer import ImportFileError, import_register


class Command(BaseCommand):
    help = (
        "Import the civil-servant register from CSV or XLSX: netral register import FILE [--errors OUT.csv]."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="import")
        load = actions.add_parser(
            "import", help="Load a register file; rows are matched on NIP (re-import updates)."
        )
        load.add_argument("file", type=Path, help="A .csv or .xlsx file; columns in docs/personnel.md.")
        load.add_argument("--errors", type=Path, help="Write rejected rows (row, nip, reason) to this CSV.")
        load.add_argument("--dry-run", action="store_true", help="Check and count only; change nothing.")
        load.add_argument("--no-progress", action="store_true", help="Hide the progress bar.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            summary = import_register(
                options["file"],
                errors_path=options["errors"],
                dry_run=options["dry_run"],
                progress=not options["no_progress"],
            )
        except (ImportFileError, OSError) as exc:
            self.stderr.write(str(exc))
            raise SystemExit(1) from exc
        counts = {
            "created": summary.created,
            "updated": summary.updated,
            "unchanged": summary.unchanged,
            "rejected": summary.rejected,
        }
        if summary.dry_run:
            self.stdout.write(_("Dry run: nothing was saved."))
        self.stdout.write(
            _("%(created)d created, %(updated)d updated, %(unchanged)d unchanged, %(rejected)d rejected.")
            % counts
        )
        if summary.rejected and not options["errors"]:
            self.stderr.write(_("Rejected rows (use --errors FILE for the full list):"))
            for number, nip, reason in summary.first_errors:
                self.stderr.write(
                    _("  row %(row)d, NIP %(nip)s: %(reason)s")
                    % {"row": number, "nip": nip or "-", "reason": reason}
                )
