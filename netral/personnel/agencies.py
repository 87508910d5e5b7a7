"""Reference agencies: one per regional government, plus the main central agencies, each with
the title of its PPK (the official who imposes sanctions).

Codes are stable and used by other apps and by register imports:
`pemprov-34` (province), `pemkab-34.04` (regency), `pemkot-34.71` (city), `pusat-<slug>` (central).
"""

from __future__ import annotations

from dataclasses import dataclass

from netral.personnel.models import PPK, Agency
from netral.regions.models import Region

# Jakarta's five cities and one regency are administrative, not autonomous: their civil servants
# are employed by the province, so the governor is their PPK.
JAKARTA = "31"


@dataclass(frozen=True)
class CentralAgency:
    slug: str
    name: str
    ppk_title: str


# Names as of the 2024-2029 cabinet (Perpres 139/2024). Kemendikbudristek was split into
# Kemendikdasmen, Kemendiktisaintek and Kementerian Kebudayaan; Kementerian PUPR into PU and PKP.
CENTRAL_AGENCIES = [
    CentralAgency("kemendagri", "Kementerian Dalam Negeri", "Menteri Dalam Negeri"),
    CentralAgency(
        "kemenpan-rb",
        "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
        "Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi",
    ),
    CentralAgency("bkn", "Badan Kepegawaian Negara", "Kepala Badan Kepegawaian Negara"),
    CentralAgency(
        "kemendikdasmen", "Kementerian Pendidikan Dasar dan Menengah", "Menteri Pendidikan Dasar dan Menengah"
    ),
    CentralAgency(
        "kemendiktisaintek",
        "Kementerian Pendidikan Tinggi, Sains, dan Teknologi",
        "Menteri Pendidikan Tinggi, Sains, dan Teknologi",
    ),
    CentralAgency("kemenkes", "Kementerian Kesehatan", "Menteri Kesehatan"),
    CentralAgency("kemenag", "Kementerian Agama", "Menteri Agama"),
    CentralAgency("kemenkeu", "Kementerian Keuangan", "Menteri Keuangan"),
    CentralAgency("kemenpu", "Kementerian Pekerjaan Umum", "Menteri Pekerjaan Umum"),
    CentralAgency(
        "kemenpkp",
        "Kementerian Perumahan dan Kawasan Permukiman",
        "Menteri Perumahan dan Kawasan Permukiman",
    ),
    CentralAgency("kemenkum", "Kementerian Hukum", "Menteri Hukum"),
    CentralAgency("kemensos", "Kementerian Sosial", "Menteri Sosial"),
    CentralAgency("kementan", "Kementerian Pertanian", "Menteri Pertanian"),
    CentralAgency("kemenhub", "Kementerian Perhubungan", "Menteri Perhubungan"),
    CentralAgency(
        "kemendesa",
        "Kementerian Desa dan Pembangunan Daerah Tertinggal",
        "Menteri Desa dan Pembangunan Daerah Tertinggal",
    ),
    CentralAgency(
        "kemenatr-bpn",
        "Kementerian Agraria dan Tata Ruang/Badan Pertanahan Nasional",
        "Menteri Agraria dan Tata Ruang/Kepala Badan Pertanahan Nasional",
    ),
    CentralAgency("bps", "Badan Pusat Statistik", "Kepala Badan Pusat Statistik"),
    CentralAgency(
        "bmkg",
        "Badan Meteorologi, Klimatologi, dan Geofisika",
        "Kepala Badan Meteorologi, Klimatologi, dan Geofisika",
    ),
    CentralAgency("brin", "Badan Riset dan Inovasi Nasional", "Kepala Badan Riset dan Inovasi Nasional"),
    CentralAgency("lan", "Lembaga Administrasi Negara", "Kepala Lembaga Administrasi Negara"),
]


def region_agency_code(region: Region) -> str:
    if region.level == Region.Level.PROVINCE:
        return f"pemprov-{region.code}"
    return f"{'pemkot' if region.type == Region.Type.KOTA else 'pemkab'}-{region.code}"


def _bare(name: str, prefixes: tuple[str, ...]) -> str:
    for prefix in prefixes:
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def region_agency(region: Region, province_name: str) -> tuple[Agency, str]:
    """The (unsaved) agency of a region's government and its PPK's title."""
    if region.level == Region.Level.PROVINCE:
        name, kind = f"Pemerintah Provinsi {region.name}", Agency.Kind.PROVINCE
        title = f"Gubernur {region.name}"
    elif region.type == Region.Type.KOTA:
        name, kind = f"Pemerintah {region.name}", Agency.Kind.CITY
        title = f"Wali Kota {_bare(region.name, ('Kota Administrasi ', 'Kota '))}"
    else:
        name, kind = f"Pemerintah {region.name}", Agency.Kind.REGENCY
        title = f"Bupati {_bare(region.name, ('Kabupaten Administrasi ', 'Kabupaten '))}"
    if region.level == Region.Level.REGENCY and region.code.startswith(JAKARTA + "."):
        title = f"Gubernur {province_name}"
    return Agency(code=region_agency_code(region), name=name, kind=kind, region=region), title


def load_agencies() -> tuple[int, int]:
    """Create missing agencies and, for agencies without any PPK row, a PPK with an empty name.

    Idempotent; rows an administrator edited are left alone. Returns (agencies, ppks) created.
    """
    existing = set(Agency.objects.values_list("code", flat=True))
    regions = list(Region.objects.order_by("code"))
    province_names = {r.code: r.name for r in regions if r.level == Region.Level.PROVINCE}
    titles: dict[str, str] = {}
    new_agencies: list[Agency] = []
    for region in regions:
        agency, title = region_agency(region, province_names.get(region.code[:2], ""))
        titles[agency.code] = title
        if agency.code not in existing:
            new_agencies.append(agency)
    for central in CENTRAL_AGENCIES:
        code = f"pusat-{central.slug}"
        titles[code] = central.ppk_title
        if code not in existing:
            new_agencies.append(Agency(code=code, name=central.name, kind=Agency.Kind.CENTRAL))
    Agency.objects.bulk_create(new_agencies)

    with_ppk = set(PPK.objects.values_list("agency_id", flat=True))
    new_ppks = [
        PPK(agency_id=agency_id, name="", title=titles[code])
        for agency_id, code in Agency.objects.filter(code__in=titles).values_list("id", "code")
        if agency_id not in with_ppk
    ]
    PPK.objects.bulk_create(new_ppks)
    return len(new_agencies), len(new_ppks)
