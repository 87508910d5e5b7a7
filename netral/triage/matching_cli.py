"""`netral triage match --name ... [--agency CODE] [--region CODE] [--position ...] [--nip ...] [--json]`
and `netral triage index [--json]`.

Registered as subcommands in `management/commands/triage.py`. `match` prints the register candidates with
scores and how many people (within the filters) bear exactly the name; it never links anything. Each run
needs the matching index: it maps the stored copy when the register has not changed since it was stored
(milliseconds), else builds it (seconds for a regional register, a few minutes for 4.7 million rows) and
stores it. `index` does only that, for after a bulk register import, so that no one waits later.
"""

from __future__ import annotations

import json
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

MAX_LIMIT = 50


def add_match_arguments(parser: CommandParser) -> None:
    parser.add_argument(
        "--name", required=True, help="name as reported (titles and spelling variants are fine)"
    )
    parser.add_argument("--agency", default=None, help="agency code, e.g. pemkab-34.04 (filter)")
    parser.add_argument("--region", default=None, help="Kemendagri region code, e.g. 34 or 34.04 (filter)")
    parser.add_argument(
        "--position", default=None, help="post or position class, e.g. camat (raises the score)"
    )
    parser.add_argument("--nip", default=None, help="known part of the NIP, 4-18 digits (raises the score)")
    parser.add_argument("--limit", type=int, default=5, help=f"candidates to show (1-{MAX_LIMIT}, default 5)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def _check(options: dict[str, Any]) -> None:
    from netral.personnel.models import Agency
    from netral.regions.models import Region
    from netral.triage.matching import nip_fragment

    if not (options["name"] or "").strip():
        raise CommandError("Nama tidak boleh kosong.")
    if not 1 <= options["limit"] <= MAX_LIMIT:
        raise CommandError(f"--limit harus antara 1 dan {MAX_LIMIT}.")
    if options["agency"] and not Agency.objects.filter(code=options["agency"]).exists():
        raise CommandError(f"Kode instansi tidak dikenal: {options['agency']}")
    if options["region"] and not Region.objects.filter(code=options["region"]).exists():
        raise CommandError(f"Kode wilayah tidak dikenal: {options['region']}")
    if options["nip"] is not None and nip_fragment(options["nip"]) is None:
        raise CommandError(f"--nip harus 4 sampai 18 angka, bukan {options['nip']!r}.")


def handle_match(command: BaseCommand, options: dict[str, Any]) -> None:
    from netral.triage.matching import count_namesakes, find_candidates, nip_fragment

    _check(options)
    matches = find_candidates(
        options["name"],
        agency_code=options["agency"],
        region_code=options["region"],
        position=options["position"],
        nip_fragment=nip_fragment(options["nip"]) if options["nip"] else None,
        limit=options["limit"],
    )
    namesakes = count_namesakes(options["name"], agency_code=options["agency"], region_code=options["region"])
    if options["json"]:
        candidates = [m.as_json() for m in matches]
        payload = {"name": options["name"], "candidates": candidates, "namesakes": namesakes}
        command.stdout.write(json.dumps(payload, ensure_ascii=False))
        return
    if not matches:
        command.stdout.write("Tidak ada kandidat di register.")
        return
    command.stdout.write(f"{'score':>5}  {'NIP':<18}  {'name':<36} {'agency':<20} position")
    for match in matches:
        command.stdout.write(
            f"{match.score:>5}  {match.nip:<18}  {match.name[:36]:<36} {match.agency_code:<20} "
            f"{match.position_title}  ({', '.join(match.reasons)})"
        )
    if namesakes > 1:
        name_alone = not any(options[key] for key in ("agency", "region", "position", "nip"))
        shown_once = (
            " Daftar di atas menampilkan satu dari mereka dan nama lain yang mirip."
            if name_alone and namesakes > options["limit"]
            else ""
        )
        command.stdout.write(
            f"{namesakes} orang di register bernama persis seperti ini: nama saja tidak dapat "
            f"membedakan mereka (tambahkan --agency, --region, --position atau --nip).{shown_once}"
        )


def add_index_arguments(parser: CommandParser) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def handle_index(command: BaseCommand, options: dict[str, Any]) -> None:
    from netral.triage import matching

    started = time.monotonic()
    index = matching.get_index()
    seconds = time.monotonic() - started
    stored = matching.stored_index_path()
    payload = {
        "rows": index.size,
        "seconds": round(seconds, 2),
        "memory_mb": round(index.memory_bytes() / 2**20, 1),
        "stored": str(stored) if stored else None,
    }
    if options["json"]:
        command.stdout.write(json.dumps(payload))
        return
    where = (
        f"tersimpan di {payload['stored']} dan dipakai bersama oleh semua proses"
        if stored
        else "tidak disimpan (NETRAL_MATCH_INDEX_STORE=0 atau penyimpanan gagal, lihat log): "
        "proses ini memakai salinannya sendiri"
    )
    command.stdout.write(
        f"Indeks pencocokan register: {index.size} baris, {payload['memory_mb']} MB, "
        f"siap dalam {seconds:.1f} detik; {where}."
    )
