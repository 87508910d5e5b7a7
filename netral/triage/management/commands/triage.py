"""`netral triage classify|evaluate|train`: the triage contract for scripts and other systems.

Subcommands are registered in SUBCOMMANDS (name -> (add_arguments, handler)); a new subcommand
is one function pair and one entry there.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any, TextIO

from django.core.management.base import BaseCommand, CommandError, CommandParser

from netral.triage.corpus import LabelledFileError, parse_line, read_jsonl
from netral.triage.matching_cli import add_index_arguments, add_match_arguments, handle_index, handle_match

BATCH = 256


def _open(path: str) -> TextIO:
    """The file or stdin as UTF-8 text; bytes that are not UTF-8 become U+FFFD, the rest of the line stays."""
    if path == "-":
        raw = getattr(sys.stdin, "buffer", None)
        return io.TextIOWrapper(raw, encoding="utf-8", errors="replace") if raw is not None else sys.stdin
    file = Path(path)
    if not file.is_file():
        raise CommandError(f"Berkas tidak ditemukan: {path}")
    return file.open(encoding="utf-8", errors="replace")


def _labelled_batches(handle: TextIO) -> Iterator[list[dict[str, Any]]]:
    """Batches of a labelled file; the first malformed line stops the run (a metric needs every line)."""
    lines = iter(handle)
    offset = 0
    while chunk := list(islice(lines, BATCH)):
        try:
            rows = read_jsonl(chunk, require_label=True)
        except LabelledFileError as exc:
            raise CommandError(_shift_line(str(exc), offset)) from exc
        offset += len(chunk)
        if rows:
            yield rows


def _shift_line(message: str, offset: int) -> str:
    prefix, _, rest = message.partition(":")
    number = prefix.removeprefix("baris ").strip()
    return f"baris {int(number) + offset}:{rest}" if number.isdigit() else message


# --- classify -------------------------------------------------------------------------------------


def _classify_args(parser: CommandParser) -> None:
    parser.add_argument(
        "file",
        nargs="?",
        default="-",
        help="JSONL with id, text[, reported_on as YYYY-MM-DD]; - = stdin. A malformed line gives an "
        "output line with 'error' instead of a suggestion; the others are classified; exit status 1 then",
    )


def _classify_record(line: str, number: int) -> dict[str, Any]:
    """A record to classify, or LabelledFileError naming the line (`reported_on` must be a date if given)."""
    from netral.triage.services import parse_date

    record = parse_line(line, number, require_label=False)
    reported_on = record.get("reported_on")
    if reported_on is not None and (not isinstance(reported_on, str) or parse_date(reported_on) is None):
        raise LabelledFileError(
            f"baris {number}: 'reported_on' harus tanggal YYYY-MM-DD, bukan {reported_on!r}"
        )
    return record


def _classify(command: BaseCommand, options: dict[str, Any]) -> None:
    """One output line per input line, in input order: a suggestion, or `{"id", "line", "error"}`."""
    from netral.triage.services import classify_texts

    lines = iter(_open(options["file"]))
    number = failed = 0
    while chunk := list(islice(lines, BATCH)):
        outputs: list[dict[str, Any] | None] = []  # None: the next suggestion of the batch
        records = []
        for line in chunk:
            number += 1
            if not line.strip():
                continue
            try:
                records.append(_classify_record(line, number))
                outputs.append(None)
            except LabelledFileError as exc:
                failed += 1
                command.stderr.write(str(exc))
                outputs.append({"id": _id_of(line), "line": number, "error": str(exc)})
        suggestions = iter(classify_texts(records) if records else [])
        for output in outputs:
            command.stdout.write(json.dumps(output or next(suggestions), ensure_ascii=False))
    if failed:
        raise CommandError(f"{failed} baris tidak sah: keluarannya berisi 'error'; baris lain diklasifikasi.")


def _id_of(line: str) -> Any:
    """The `id` of a line that failed validation, when it can be read at all."""
    try:
        row = json.loads(line)
    except json.JSONDecodeError:
        return None
    return row.get("id") if isinstance(row, dict) else None


# --- evaluate -------------------------------------------------------------------------------------


def _evaluate_args(parser: CommandParser) -> None:
    parser.add_argument(
        "file", nargs="?", help="labelled JSONL (category; optional item, region.kode_kemendagri, employment)"
    )
    parser.add_argument("--heldout", action="store_true", help="evaluate the corpus's held-out split instead")
    parser.add_argument(
        "--whole-texts",
        action="store_true",
        help="instead: cross-validate on the corpus texts written whole (3 folds, one model each)",
    )
    parser.add_argument("--json", action="store_true", help="one JSON object instead of tables")


def evaluate_rows(rows: list[dict[str, Any]], results: list[dict[str, Any]]) -> dict[str, Any]:
    """The evaluation numbers of classified rows (group, region code, employment)."""
    from netral.triage.metrics import accuracy, classification_report

    summary = classification_report([r["category"] for r in rows], [r["group"] for r in results])
    regions = [
        (row["region"]["kode_kemendagri"], (result["entities"].get("regions") or [None])[0])
        for row, result in zip(rows, results, strict=True)
        if isinstance(row.get("region"), dict) and row["region"].get("kode_kemendagri")
    ]
    employment = [
        (str(row["employment"]).lower(), result["entities"].get("employment", "unknown"))
        for row, result in zip(rows, results, strict=True)
        if row.get("employment")
    ]
    if regions:
        summary["region_code"] = accuracy(regions)
    if employment:
        summary["employment"] = accuracy(employment)
    items = [
        (row["item"], result["item"]) for row, result in zip(rows, results, strict=True) if row.get("item")
    ]
    if items:
        summary["item"] = accuracy(items)
    return summary


def _print_report(command: BaseCommand, summary: dict[str, Any]) -> None:
    write = command.stdout.write
    write(
        f"examples {summary['examples']}  accuracy {summary['accuracy']:.3f}  "
        f"macro-F1 {summary['macro_f1']:.3f}"
    )
    write(f"\n{'group':<24} {'precision':>9} {'recall':>7} {'f1':>6} {'support':>8}")
    for group, row in summary["per_group"].items():
        write(
            f"{group:<24} {row['precision']:>9.3f} {row['recall']:>7.3f} "
            f"{row['f1']:>6.3f} {row['support']:>8}"
        )
    labels = summary["labels"]
    write("\nconfusion (rows: label, columns: predicted, in the order of the rows)")
    for gold in labels:
        write(f"{gold:<24} " + " ".join(f"{summary['confusion'][gold][p]:>4}" for p in labels))
    for key, title in (
        ("item", "catalogue item accuracy"),
        ("region_code", "region code accuracy"),
        ("employment", "employment accuracy"),
    ):
        if key in summary:
            write(f"\n{title}: {summary[key]['accuracy']:.3f} ({summary[key]['examples']} examples)")
    if "top3_accuracy" in summary:
        calibration = summary["calibration"]
        write(
            f"\ntop-3 accuracy {summary['top3_accuracy']:.3f}; mean confidence "
            f"{calibration['mean_confidence']:.3f}, expected calibration error {calibration['ece']:.3f} "
            f"({summary['folds']} folds, every text scored by a model trained without it)"
        )


def _evaluate(command: BaseCommand, options: dict[str, Any]) -> None:
    from netral.triage.services import classify_texts

    rows: list[dict[str, Any]] = []
    results: list[dict[str, Any]] = []
    if options["whole_texts"]:
        from netral.triage.training import whole_text_folds

        summary = whole_text_folds()
        if options["json"]:
            command.stdout.write(json.dumps(summary, ensure_ascii=False))
        else:
            _print_report(command, summary)
        return
    if options["heldout"]:
        from netral.triage.corpus import load_corpus, split

        batches: Iterator[list[dict[str, Any]]] = iter([split(load_corpus())[1]])
    elif options["file"]:
        batches = _labelled_batches(_open(options["file"]))
    else:
        raise CommandError("Sebutkan berkas JSONL berlabel atau --heldout.")
    for batch in batches:
        rows.extend(batch)
        results.extend(classify_texts(batch))
    if not rows:
        raise CommandError("Berkas tidak berisi contoh berlabel.")
    summary = evaluate_rows(rows, results)
    summary["model_version"] = results[0]["model_version"]
    if options["json"]:
        command.stdout.write(json.dumps(summary, ensure_ascii=False))
    else:
        _print_report(command, summary)


# --- train ----------------------------------------------------------------------------------------


def _train_args(parser: CommandParser) -> None:
    parser.add_argument("--no-corrections", action="store_true", help="train on the corpus only")
    parser.add_argument("--json", action="store_true", help="print the model version as JSON")


def _train(command: BaseCommand, options: dict[str, Any]) -> None:
    from netral.triage.training import train

    row = train(use_corrections=not options["no_corrections"])
    payload = {
        "version": row.version,
        "trained_at": row.trained_at.isoformat(),
        "examples": row.examples,
        "corrections": row.corrections,
        "metrics": row.metrics,
        "path": row.path,
    }
    if options["json"]:
        command.stdout.write(json.dumps(payload, ensure_ascii=False))
        return
    command.stdout.write(
        f"model {row.version}: {row.examples} examples ({row.corrections} corrections), "
        f"held-out macro-F1 {row.metrics['heldout_macro_f1']:.3f}, "
        f"trained in {row.metrics['train_seconds']} s"
    )


Handler = Callable[[BaseCommand, dict[str, Any]], None]
SUBCOMMANDS: dict[str, tuple[str, Callable[[CommandParser], None], Handler]] = {
    "classify": ("classify reports (JSONL in, JSONL suggestions out)", _classify_args, _classify),
    "evaluate": ("precision/recall/F1 and confusion on a labelled JSONL", _evaluate_args, _evaluate),
    "train": ("retrain from the corpus plus confirmed corrections", _train_args, _train),
    "match": ("register candidates for a reported name (never links)", add_match_arguments, handle_match),
    "index": (
        "build (or load) the register match index now and store it for every process",
        add_index_arguments,
        handle_index,
    ),
}


class Command(BaseCommand):
    help = (
        "Triage: classify reports into the catalogue, evaluate, retrain, match names to the register, "
        "build the register match index."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="{" + ",".join(SUBCOMMANDS) + "}")
        for name, (summary, add_args, _handler) in SUBCOMMANDS.items():
            add_args(sub.add_parser(name, help=summary, description=summary))

    def handle(self, *args: Any, **options: Any) -> None:
        _summary, _add_args, handler = SUBCOMMANDS[options["action"]]
        handler(self, options)
