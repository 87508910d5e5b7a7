"""Reading an import file as a header and numbered rows, streamed (CSV or XLSX).

CSV must be UTF-8 (a byte-order mark is fine); the separator (comma, semicolon or tab) is taken
from the header line. The whole file is checked for valid UTF-8 before the first row is handed
out, so an import never stops half-way on an encoding error. XLSX is read from its first (active)
sheet with openpyxl in read-only mode, so memory stays flat for large files. Row numbers are the
ones a spreadsheet program shows (the header row included; empty rows are skipped but counted).
"""

from __future__ import annotations

import codecs
import csv
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from netral.intake.validation import IntakeError

Rows = Iterator[tuple[int, list[Any]]]
_CHUNK = 1 << 20


class ImportFileError(IntakeError):
    """The file or the mapping as a whole cannot be used; `str()` is a translated message."""


def _check_utf8(path: Path) -> None:
    decoder = codecs.getincrementaldecoder("utf-8")()
    with path.open("rb") as handle:
        try:
            while chunk := handle.read(_CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            raise ImportFileError(
                _('%(file)s is not UTF-8 text: save it again as "CSV UTF-8".') % {"file": path.name}
            ) from None


def _csv_rows(path: Path, stack: ExitStack) -> Rows:
    _check_utf8(path)
    handle = stack.enter_context(path.open(encoding="utf-8-sig", newline=""))
    first_line = handle.readline()
    handle.seek(0)
    separator = max(",;\t", key=first_line.count)
    reader = csv.reader(handle, delimiter=separator)
    number = 0
    while True:
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise ImportFileError(
                _("Row %(row)d of %(file)s cannot be read as CSV.") % {"row": number + 1, "file": path.name}
            ) from exc
        number += 1
        yield number, values


def _xlsx_rows(path: Path, stack: ExitStack) -> Rows:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds of errors for a file that is no workbook
        raise ImportFileError(_("%(file)s is not a readable XLSX workbook.") % {"file": path.name}) from exc
    stack.callback(workbook.close)
    sheet = workbook.active
    if sheet is None:
        return
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        yield number, list(values)


def _is_blank(values: list[Any]) -> bool:
    return all(value is None or (isinstance(value, str) and not value.strip()) for value in values)


@contextmanager
def open_table(path: Path) -> Iterator[tuple[list[str], Rows]]:
    """`(header, rows)` of a .csv or .xlsx file; rows are `(row number, cells)` without blank rows.

    Raises ImportFileError (translated) for a missing file, another file type, a file that is not
    UTF-8 or not a workbook, and a file without a header row.
    """
    if not path.is_file():
        raise ImportFileError(_("File not found: %(file)s") % {"file": path})
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ImportFileError(
            _("Only .csv and .xlsx files can be imported, not %(file)s.") % {"file": path.name}
        )
    with ExitStack() as stack:
        rows = _csv_rows(path, stack) if suffix == ".csv" else _xlsx_rows(path, stack)
        filled = ((number, values) for number, values in rows if not _is_blank(values))
        first = next(filled, None)
        if first is None:
            raise ImportFileError(_("%(file)s has no header row.") % {"file": path.name})
        header = ["" if value is None else str(value) for value in first[1]]
        yield header, filled
