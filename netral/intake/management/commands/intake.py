"""`netral intake import FILE --source SOURCE [--mapping M.json] [--dry-run] [--errors OUT.csv]
[--election CODE]`, `netral intake mapping SOURCE` (print a built-in column mapping) and
`netral intake file [--follow] [--batch N] [--interval S] [--json] [--schedule]` (file the reports
waiting in the intake queue: audit entry and case; --follow keeps filing them as they arrive, until
SIGTERM; --schedule creates the django-q2 schedule that files them every minute in `netral worker`)."""

from __future__ import annotations

import json
import signal
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from netral.intake import filing
from netral.intake.bulk_import import SOURCES, ImportFileError, builtin_mapping, import_reports


class Command(BaseCommand):
    help = (
        "Import reports from SIGAPLAPOR, SBT, SP4N-LAPOR! or a spreadsheet (netral intake import FILE "
        "--source SOURCE [--dry-run]); file queued reports into cases (netral intake file [--follow])."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        verbs = parser.add_subparsers(dest="verb", required=True, metavar="import|mapping|file")
        load = verbs.add_parser(
            "import",
            help="File every row of a CSV/XLSX export as a report (re-importing creates nothing new).",
        )
        load.add_argument("file", type=Path, help="A .csv (UTF-8) or .xlsx file.")
        load.add_argument(
            "--source", required=True, choices=sorted(SOURCES), help="Where the export comes from."
        )
        load.add_argument(
            "--mapping",
            type=Path,
            help='JSON {"target_field": "Source Column"} overriding the built-in mapping.',
        )
        load.add_argument("--dry-run", action="store_true", help="Check every row; store nothing.")
        load.add_argument(
            "--errors", type=Path, help="Write rejected rows (row, source_id, reason) to this CSV."
        )
        load.add_argument("--election", help="Election code for rows without one, e.g. pilkada-2024.")
        load.add_argument("--no-progress", action="store_true", help="Hide the progress bar.")
        show = verbs.add_parser("mapping", help="Print the built-in column mapping of a source (JSON).")
        show.add_argument("source", choices=sorted(SOURCES))
        queue = verbs.add_parser(
            "file", help="File the reports waiting in the intake queue (audit entry, case), in batches."
        )
        queue.add_argument("--follow", action="store_true", help="Keep filing new reports until stopped.")
        queue.add_argument("--batch", type=int, default=filing.DEFAULT_BATCH, help="Reports per transaction.")
        queue.add_argument(
            "--interval", type=float, default=0.2, help="Seconds between looks at an empty queue (--follow)."
        )
        queue.add_argument("--json", action="store_true", help="Print the counts as JSON.")
        queue.add_argument(
            "--schedule",
            action="store_true",
            help="Create the django-q2 schedule filing the queue every minute in `netral worker`; exit.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["verb"] == "file":
            self._file(options)
            return
        if options["verb"] == "mapping":
            self.stdout.write(json.dumps(builtin_mapping(options["source"]), indent=2, ensure_ascii=False))
            return
        try:
            summary = import_reports(
                options["file"],
                source=options["source"],
                mapping_path=options["mapping"],
                errors_path=options["errors"],
                dry_run=options["dry_run"],
                election=options["election"],
                progress=not options["no_progress"],
            )
        except ImportFileError as exc:
            self.stderr.write(str(exc))
            raise SystemExit(1) from exc
        except OSError as exc:  # e.g. the error report cannot be written
            self.stderr.write(
                _("Cannot write %(file)s: %(error)s") % {"file": exc.filename, "error": exc.strerror}
            )
            raise SystemExit(1) from exc
        if summary.skipped_fields:
            self.stderr.write(
                _("Not in this file, left empty: %(fields)s.") % {"fields": ", ".join(summary.skipped_fields)}
            )
        if summary.dry_run:
            self.stdout.write(_("Dry run: nothing was saved."))
        self.stdout.write(
            _("%(created)d created, %(present)d already present, %(rejected)d rejected.")
            % {"created": summary.created, "present": summary.present, "rejected": summary.rejected}
        )
        if summary.rejected and not options["errors"]:
            self.stderr.write(_("Rejected rows (use --errors FILE for the full list):"))
            for number, source_id, reason in summary.first_errors:
                self.stderr.write(
                    _("  row %(row)d (ID %(id)s): %(reason)s")
                    % {"row": number, "id": source_id or "-", "reason": reason}
                )

    def _file(self, options: dict[str, Any]) -> None:
        if options["batch"] < 1 or options["interval"] <= 0:
            self.stderr.write(_("--batch must be at least 1 and --interval more than 0."))
            raise SystemExit(1)
        if options["schedule"]:
            _schedule, created = filing.ensure_schedule()
            self.stdout.write(_("Schedule created.") if created else _("Schedule present."))
            return
        if not options["follow"]:
            result = filing.file_pending(batch=options["batch"])
            self._print(result, options["json"])
            if result.failed:
                raise SystemExit(1)
            return
        stopping: list[int] = []
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda number, _frame: stopping.append(number))
        filing.follow(
            batch=options["batch"],
            interval=options["interval"],
            stop=lambda: bool(stopping),
            on_pass=lambda result: self._print(result, options["json"]),
        )

    def _print(self, result: filing.FilingResult, as_json: bool) -> None:
        counts = result.as_dict()
        if as_json:
            self.stdout.write(json.dumps(counts))
            return
        self.stdout.write(_("%(filed)d filed, %(failed)d could not be filed, %(waiting)d waiting.") % counts)
