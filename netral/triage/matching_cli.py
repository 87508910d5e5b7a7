"""`netral triage match --name ... [--agency CODE] [--region CODE] [--position ...] [--nip ...] [--json]`.

Registered as a subcommand in `management/commands/triage.py`. Prints the register candidates with
scores and how many people (within the filters) bear exactly the name; it never links anything.
Each run builds the matching index from the register first (seconds for a regional register, a few
minutes for 4.7 million rows): for many look-ups use `netral.triage.matching.find_candidates` inside
one process.
"""

from __future__ import annotations

import json
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
        command.stdout.write(
            f"{namesakes} orang di register bernama persis seperti ini: nama saja tidak dapat "
            "membedakan mereka (tambahkan --agency, --region, --position atau --nip)."
        )
