"""Importing a civil-servant register from CSV or XLSX (columns: docs/personnel.md).

The file is streamed (csv module / openpyxl read-only), every row is checked, good rows are
upserted in batches keyed on NIP (a re-import updates, never duplicates) and bad rows go to an
error report with the spreadsheet row number, the NIP and the reasons in the active language.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from tqdm import tqdm

from netral.personnel.models import Employee
from netral.personnel.rows import RowChecker, canonical_header

UPDATE_FIELDS = [
    "nik", "name", "name_normalized", "employment", "position_class", "position_title", "agency_id",
    "region_id", "gender", "birth_date",
]  # fmt: skip
REQUIRED_COLUMNS = ("nip", "name", "position_class", "agency")
ERROR_SAMPLE = 20


class ImportFileError(ValueError):
    """The file as a whole cannot be imported (type, header, unreadable); message is translated."""


@dataclass
class ImportSummary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    dry_run: bool = False
    first_errors: list[tuple[int, str, str]] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return self.created + self.updated + self.unchanged + self.rejected


def _csv_rows(path: Path) -> Iterator[list[Any]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        # The separator is read from the header line, which (unlike names) holds no stray commas.
        header = handle.readline()
        handle.seek(0)
        delimiter = max([",", ";", "\t"], key=header.count)
        yield from csv.reader(handle, delimiter=delimiter)


def _xlsx_rows(path: Path) -> Iterator[list[Any]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises several types for a file that is not a workbook
        raise ImportFileError(_("%(file)s is not a readable XLSX workbook.") % {"file": path.name}) from exc
    try:
        sheet = workbook.active
        if sheet is None:
            return
        for values in sheet.iter_rows(values_only=True):
            yield list(values)
    finally:
        workbook.close()


def read_rows(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(row number as shown in a spreadsheet, {canonical column: cell}) for every data row."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        rows = _csv_rows(path)
    elif suffix == ".xlsx":
        rows = _xlsx_rows(path)
    else:
        raise ImportFileError(
            _("Only .csv and .xlsx files can be imported, not %(file)s.") % {"file": path.name}
        )
    header: list[str | None] | None = None
    for number, values in enumerate(rows, start=1):
        if all(v is None or str(v).strip() == "" for v in values):
            continue
        if header is None:
            header = [canonical_header(v) for v in values]
            missing = [c for c in REQUIRED_COLUMNS if c not in header]
            if missing:
                raise ImportFileError(
                    _("Required columns are missing: %(columns)s.") % {"columns": ", ".join(missing)}
                )
            continue
        yield number, {name: value for name, value in zip(header, values, strict=False) if name}
    if header is None:
        raise ImportFileError(_("%(file)s has no header row.") % {"file": path.name})


class _Upserter:
    def __init__(self, summary: ImportSummary, *, dry_run: bool) -> None:
        self.summary = summary
        self.dry_run = dry_run
        self.pending: dict[str, dict[str, Any]] = {}

    def add(self, values: dict[str, Any]) -> None:
        if values["nip"] in self.pending:  # the same NIP again in this batch: the later row wins
            self.summary.updated += 1
        self.pending[values["nip"]] = values

    def flush(self) -> None:
        if not self.pending:
            return
        existing = {e.nip: e for e in Employee.objects.filter(nip__in=list(self.pending))}
        now = timezone.now()
        creates: list[Employee] = []
        updates: list[Employee] = []
        for nip, values in self.pending.items():
            employee = existing.get(nip)
            if employee is None:
                creates.append(Employee(**values))
                continue
            changed = [f for f in UPDATE_FIELDS if getattr(employee, f) != values[f]]
            for name in changed:
                setattr(employee, name, values[name])
            if changed:
                employee.updated_at = now  # bulk_update does not apply auto_now
                updates.append(employee)
            else:
                self.summary.unchanged += 1
        self.summary.created += len(creates)
        self.summary.updated += len(updates)
        if not self.dry_run:
            with transaction.atomic():
                Employee.objects.bulk_create(creates)
                Employee.objects.bulk_update(updates, [*UPDATE_FIELDS, "updated_at"])
        self.pending = {}


def import_register(
    path: Path | str,
    *,
    errors_path: Path | str | None = None,
    dry_run: bool = False,
    progress: bool = True,
    batch_size: int = 1000,
) -> ImportSummary:
    """Import a register file; raises ImportFileError when the file as a whole is unusable."""
    path = Path(path)
    if not path.is_file():
        raise ImportFileError(_("File not found: %(file)s") % {"file": path})
    summary = ImportSummary(dry_run=dry_run)
    checker = RowChecker()
    upserter = _Upserter(summary, dry_run=dry_run)
    with ExitStack() as stack:
        writer = None
        if errors_path:
            writer = csv.writer(
                stack.enter_context(Path(errors_path).open("w", encoding="utf-8", newline=""))
            )
            writer.writerow(["row", "nip", "reason"])
        bar = stack.enter_context(
            tqdm(unit=" rows", file=sys.stderr, disable=not progress or None, desc=path.name)
        )
        for number, cells in read_rows(path):
            values, reasons = checker.check(cells)
            if reasons or values is None:
                summary.rejected += 1
                nip, reason = checker.raw_nip(cells), "; ".join(reasons)
                if writer:
                    writer.writerow([number, nip, reason])
                if len(summary.first_errors) < ERROR_SAMPLE:
                    summary.first_errors.append((number, nip, reason))
            else:
                upserter.add(values)
                if len(upserter.pending) >= batch_size:
                    upserter.flush()
            bar.update(1)
        upserter.flush()
    return summary
