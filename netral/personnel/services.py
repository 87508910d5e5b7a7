"""Public functions of the personnel app: reference agencies, identity numbers, names, the register.

Other apps use these (never the private modules): `parse_nip`, `parse_nik`, `normalize_name`,
`agency_for_region`, `load_reference_data`, `import_register`, `known_regency_codes`. The synthetic
register generator is not part of the app: `netral_gen.register.generate.generate_register`.
"""

from __future__ import annotations

from netral.personnel.agencies import load_agencies, region_agency_code
from netral.personnel.importer import ImportSummary, import_register
from netral.personnel.models import PPK, Agency
from netral.personnel.names import normalize_name
from netral.personnel.nik import NikInfo, parse_nik
from netral.personnel.nip import NipInfo, parse_nip
from netral.personnel.regency_codes import known_regency_codes
from netral.regions.models import Region

__all__ = [
    "ImportSummary",
    "NikInfo",
    "NipInfo",
    "agency_for_region",
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
