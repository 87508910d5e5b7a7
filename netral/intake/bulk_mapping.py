"""Column mappings for bulk import: which column of a source's export holds which report field.

A mapping is a JSON object `{"target_field": "Source Column"}`; a value may also be a list of
alternative column names (the first one present in the file is used) or null (do not read this
field). Built-in mappings per source live in `data/import_mappings/<source>.json`; their column
names are assumptions about the exports (docs/intake.md) and a user mapping given with
`--mapping` overrides them field by field. Column names are matched ignoring case and repeated
spaces. Everything here is checked before the first row is read.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from netral.intake.bulk_read import ImportFileError
from netral.intake.models import Report

MAPPINGS_DIR = Path(__file__).resolve().parent / "data" / "import_mappings"

# Source name on the command line → the report channel it is recorded with.
SOURCES = {
    "sigaplapor": Report.Channel.SIGAPLAPOR.value,
    "sbt": Report.Channel.SBT.value,
    "sp4n-lapor": Report.Channel.SP4N_LAPOR.value,
    "spreadsheet": Report.Channel.SPREADSHEET.value,
}

# Every field a mapping may name, in the order of docs/intake.md.
TARGETS = (
    "source_id", "received_at", "anonymous",
    "reporter_name", "reporter_nik", "reporter_address", "reporter_phone", "reporter_email",
    "reported_name", "reported_position", "reported_agency", "reported_nip",
    "description", "chronology", "region_code", "place", "occurred_on", "known_on", "election",
    "witnesses", "evidence_urls",
)  # fmt: skip
REQUIRED = ("description", "region_code", "known_on", "election")
# At least one of these must be mapped: a reported person needs a name or a position.
REPORTED_ANY = ("reported_name", "reported_position")

Mapping = dict[str, list[str]]


def normalise_header(value: Any) -> str:
    return " ".join(str(value or "").split()).casefold()


def _parse(raw: Any, origin: str) -> dict[str, list[str] | None]:
    if not isinstance(raw, dict):
        raise ImportFileError(
            _('The mapping %(file)s must be a JSON object such as {"description": "Uraian"}.')
            % {"file": origin}
        )
    unknown = sorted(str(key) for key in raw if key not in TARGETS)
    if unknown:
        raise ImportFileError(
            _("Unknown fields in the mapping %(file)s: %(fields)s. Known fields: %(known)s.")
            % {"file": origin, "fields": ", ".join(unknown), "known": ", ".join(TARGETS)}
        )
    parsed: dict[str, list[str] | None] = {}
    for target, value in raw.items():
        names = [value] if isinstance(value, str) else value
        if value is not None and (
            not isinstance(names, list)
            or not names
            or not all(isinstance(n, str) and n.strip() for n in names)
        ):
            raise ImportFileError(
                _("In the mapping %(file)s, %(field)s must be a column name, a list of names or null.")
                % {"file": origin, "field": target}
            )
        parsed[target] = None if value is None else [n.strip() for n in names]
    return parsed


def load_mapping_file(path: Path) -> dict[str, list[str] | None]:
    """A user's mapping file, checked (unknown fields and bad values raise ImportFileError)."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise ImportFileError(_("Mapping file not found: %(file)s") % {"file": path}) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ImportFileError(
            _("The mapping %(file)s is not valid JSON (%(error)s).") % {"file": path.name, "error": exc}
        ) from None
    return _parse(raw, path.name)


def builtin_mapping(source: str) -> Mapping:
    """The built-in mapping of a source (`sigaplapor`, `sbt`, `sp4n-lapor`, `spreadsheet`)."""
    if source not in SOURCES:
        raise ImportFileError(
            _("Unknown source %(source)s; choose one of %(choices)s.")
            % {"source": source, "choices": ", ".join(SOURCES)}
        )
    path = MAPPINGS_DIR / f"{source}.json"
    parsed = _parse(json.loads(path.read_text(encoding="utf-8")), path.name)
    return {target: names for target, names in parsed.items() if names}


@dataclass
class Columns:
    """Where each mapped field is in the file: its column index and the header as written."""

    index: dict[str, int] = field(default_factory=dict)
    label: dict[str, str] = field(default_factory=dict)
    # Fields of the built-in mapping whose columns this file does not have (they stay empty).
    skipped: list[str] = field(default_factory=list)


def resolve_columns(
    header: list[str],
    builtin: Mapping,
    user: dict[str, list[str] | None] | None = None,
    *,
    election_given: bool = False,
) -> Columns:
    """Match the mapping (the built-in one overridden by `user`) against the file's header.

    A column named by the user must exist; a field of the built-in mapping whose columns are all
    absent is skipped; a required field that ends up without a column is an error, listing
    every missing one (`election` is not required when a default election is given).
    """
    positions: dict[str, int] = {}
    for position, name in enumerate(header):
        positions.setdefault(normalise_header(name), position)
    merged: dict[str, list[str] | None] = {**builtin, **(user or {})}
    columns = Columns()
    absent_user: list[str] = []
    for target in TARGETS:
        names = merged.get(target)
        if not names:
            continue
        found = next(
            (positions[normalise_header(n)] for n in names if normalise_header(n) in positions), None
        )
        if found is not None:
            columns.index[target] = found
            columns.label[target] = header[found].strip()
        elif user and user.get(target):
            absent_user.append(f'{target} ("{names[0]}")')
        else:
            columns.skipped.append(target)
    if absent_user:
        raise ImportFileError(
            _("Columns named in the mapping are not in the file: %(columns)s.")
            % {"columns": ", ".join(absent_user)}
        )
    missing = []
    for target in REQUIRED:
        if target in columns.index or (target == "election" and election_given):
            continue
        expected = merged.get(target) or []
        hint = f' ("{expected[0]}")' if expected else ""
        missing.append(f"{target}{hint}" + (_(" or --election") if target == "election" else ""))
    if not any(target in columns.index for target in REPORTED_ANY):
        missing.append(" / ".join(REPORTED_ANY))
    if missing:
        raise ImportFileError(
            _("Required columns are missing: %(columns)s. Adjust the mapping with --mapping.")
            % {"columns": "; ".join(missing)}
        )
    return columns
