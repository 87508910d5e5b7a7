"""Bulk import of reports received through other channels (SIGAPLAPOR, SBT, SP4N-LAPOR!, spreadsheets).

`import_reports(path, source=...)` reads a CSV or XLSX export through a column mapping
(bulk_mapping.py), turns each row into a report input (bulk_rows.py) and files it with
`submit_report`, the channel being the source. Everything about the file and the mapping is
checked before the first row is read. Rows are streamed; each stored row is its own transaction.

Idempotent: each row's idempotency key is `import:<source>:<source report id>`, or, for a file
without an id column, `import:<source>:row:<keyed hash of the row's normalised content>`; a second
import of the same file returns the stored reports and creates nothing. The same id with other
content is refused (the stored report is kept). A dry run files every row inside a transaction
that is rolled back, so it checks exactly what a real import would and stores nothing.

The error report (`errors_path`) has the row number, the source id and the reasons, in the active
language, never a cell's value: no NIK, phone number or name reaches it.
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import json
import re
import sys
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from tqdm import tqdm

from netral.elections.models import Election
from netral.intake.bulk_mapping import (
    SOURCES,
    TARGETS,
    Columns,
    builtin_mapping,
    load_mapping_file,
    resolve_columns,
)
from netral.intake.bulk_read import ImportFileError, open_table
from netral.intake.bulk_rows import ParsedRow, RowParser
from netral.intake.models import Report
from netral.intake.services import IdempotencyConflict, ReportValidationError, submit_report

__all__ = ["SOURCES", "BulkImportSummary", "ImportFileError", "builtin_mapping", "import_reports"]

ERROR_SAMPLE = 20
_KEY_SALT = "netral.intake.bulk-import-row"
_PLAIN_ID = re.compile(r"[\x21-\x7e]([\x20-\x7e]{0,148}[\x21-\x7e])?")
# validate_report's keys ("reporter.nik", "reported.0.nip", "witnesses.2") → mapping fields.
_FIELD_KEY = re.compile(r"(?P<group>[a-z_]+)(?:\.(?P<index>\d+))?(?:\.(?P<part>[a-z_]+))?")
_GROUP_TARGET = {"reporter": "reporter_name", "reported": "reported_name", "idempotency_key": "source_id"}


@dataclass
class BulkImportSummary:
    created: int = 0
    present: int = 0  # already stored by an earlier import (or earlier in this file)
    rejected: int = 0
    dry_run: bool = False
    skipped_fields: list[str] = field(default_factory=list)
    first_errors: list[tuple[int, str, str]] = field(default_factory=list)  # (row, source id, reason)

    @property
    def rows(self) -> int:
        return self.created + self.present + self.rejected


def row_key(source: str, row: ParsedRow) -> str:
    """The idempotency key of a row (see the module docstring)."""
    if row.source_id:
        if _PLAIN_ID.fullmatch(row.source_id):
            return f"import:{source}:{row.source_id}"
        return f"import:{source}:sha256:{hashlib.sha256(row.source_id.encode()).hexdigest()}"
    return f"import:{source}:row:{_content_digest(row, settings.SECRET_KEY)}"


def _content_digest(row: ParsedRow, secret: str) -> str:
    # Keyed: the content holds the reporter's identity, and the key is stored in plain text.
    content = {"report": dataclasses.asdict(row.data), "received_at": row.received_at}
    canonical = json.dumps(content, sort_keys=True, default=str, ensure_ascii=False)
    return salted_hmac(_KEY_SALT, canonical, secret=secret, algorithm="sha256").hexdigest()[:48]


def _key_for(source: str, row: ParsedRow) -> str:
    """`row_key`, or the key of an earlier import made under an old SECRET_KEY (still a fallback)."""
    key = row_key(source, row)
    fallbacks = getattr(settings, "SECRET_KEY_FALLBACKS", [])
    if row.source_id or not fallbacks:
        return key
    older = [f"import:{source}:row:{_content_digest(row, secret)}" for secret in fallbacks]
    earlier = (
        Report.objects.filter(idempotency_key__in=older).values_list("idempotency_key", flat=True).first()
    )
    return earlier or key


class _Importer:
    def __init__(self, source: str, columns: Columns, summary: BulkImportSummary, writer: Any) -> None:
        self.source = source
        self.columns = columns
        self.summary = summary
        self.writer = writer
        self.seen: dict[str, str] = {}  # dry run: key → content digest of the rows checked so far

    def label(self, error_key: str, persons: int) -> str:
        match = _FIELD_KEY.fullmatch(error_key)
        if match is None:
            return ""
        group, index, part = match.group("group", "index", "part")
        target = f"{group}_{part}" if part else _GROUP_TARGET.get(group, group)
        if group == "reported" and not part and "reported_name" not in self.columns.label:
            target = "reported_position"
        if target not in TARGETS:
            return ""
        name = self.columns.label.get(target, target)
        return (
            f"{name} #{int(index) + 1}" if group == "reported" and index is not None and persons > 1 else name
        )

    def reject(self, number: int, source_id: str, reasons: list[tuple[str, str]], persons: int = 1) -> None:
        labelled = ((self.label(key, persons), message) for key, message in reasons)
        text = " | ".join(f"{label}: {message}" if label else message for label, message in labelled)
        self.summary.rejected += 1
        if self.writer is not None:
            self.writer.writerow([number, _safe_cell(source_id), text])
        if len(self.summary.first_errors) < ERROR_SAMPLE:
            self.summary.first_errors.append((number, source_id, text))

    def file(self, number: int, row: ParsedRow) -> None:
        key = _key_for(self.source, row)
        channel = SOURCES[self.source]
        try:
            if not self.summary.dry_run:
                created = submit_report(
                    row.data, channel=channel, idempotency_key=key, received_at=row.received_at
                )
                self.count(created.created)
                return
            digest = _content_digest(row, settings.SECRET_KEY)
            if key in self.seen:
                if self.seen[key] != digest:
                    raise IdempotencyConflict(key)
                self.count(created=False)
                return
            with transaction.atomic():
                checked = submit_report(
                    row.data, channel=channel, idempotency_key=key, received_at=row.received_at
                )
                transaction.set_rollback(True)
            self.seen[key] = digest
            self.count(checked.created)
        except ReportValidationError as exc:
            reasons = [(k, m) for k, messages in exc.errors.items() for m in messages]
            self.reject(number, row.source_id, reasons, persons=len(row.data.reported))
        except IdempotencyConflict:
            message = _("A report with this ID was already imported with different content; it was kept.")
            self.reject(number, row.source_id, [("source_id", message)])

    def count(self, created: bool) -> None:
        if created:
            self.summary.created += 1
        else:
            self.summary.present += 1


def _safe_cell(value: str) -> str:
    """Keep spreadsheet programs from running a cell as a formula (CSV injection)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def import_reports(
    path: Path | str,
    *,
    source: str,
    mapping_path: Path | str | None = None,
    errors_path: Path | str | None = None,
    dry_run: bool = False,
    election: str | None = None,
    progress: bool = True,
) -> BulkImportSummary:
    """Import a CSV/XLSX export of `source`; raises ImportFileError when the file or the mapping
    as a whole is unusable (checked before any row is read)."""
    builtin = builtin_mapping(source)
    user = load_mapping_file(Path(mapping_path)) if mapping_path else None
    if election and not Election.objects.filter(code=election).exists():
        raise ImportFileError(_("Unknown election %(code)s.") % {"code": election})
    path = Path(path)
    summary = BulkImportSummary(dry_run=dry_run)
    with ExitStack() as stack:
        header, rows = stack.enter_context(open_table(path))
        columns = resolve_columns(header, builtin, user, election_given=bool(election))
        summary.skipped_fields = columns.skipped
        parser = RowParser(columns.index, default_election=election)
        writer = None
        if errors_path:
            writer = csv.writer(
                stack.enter_context(Path(errors_path).open("w", encoding="utf-8", newline=""))
            )
            writer.writerow(["row", "source_id", "reason"])
        importer = _Importer(source, columns, summary, writer)
        bar = stack.enter_context(
            tqdm(unit=" rows", file=sys.stderr, disable=not progress or None, desc=path.name)
        )
        for number, cells in rows:
            parsed, problems = parser.parse(cells)
            if parsed is None:
                importer.reject(number, parser.source_id(cells), problems)
            else:
                importer.file(number, parsed)
            bar.update(1)
    return summary
