"""Where the register's people work and when they were born.

`build_placements` reads the agencies and regions in the database once and weights every agency by the
share of the register it employs (`shape`); `birth_days` shares the rows out over birth days by the age
pyramid, oldest first, so NIP and NIK serials only need counters for one day at a time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from netral.personnel.idcheck import add_years
from netral.personnel.models import Agency
from netral.regions.models import Region
from netral_gen.register import shape
from netral_gen.register.pick import Picker


class Placement:
    """Where a share of the register works: an agency, its regions, and its posts by age."""

    __slots__ = ("agency_id", "posts_by_age", "regions")

    def __init__(self, agency_id: int, regions: Picker[str], posts: Sequence[shape.Post]) -> None:
        self.agency_id = agency_id
        self.regions = regions
        self.posts_by_age: dict[int, Picker[shape.Post]] = {
            age: Picker([(post[2], post) for post in posts if post[3] <= age])
            for age in range(shape.MIN_AGE, shape.MAX_AGE + 1)
        }


def _province_weight(code: str) -> float:
    return float(shape.PROVINCE_POPULATION.get(code, 1.0) ** shape.POPULATION_EXPONENT)


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
        share = (1 - shape.CENTRAL_SHARE) * weights[prov] / total_weight
        own_share = share if prov == "31" else share * shape.PROVINCIAL_SHARE
        province_agency = agencies.get(f"pemprov-{prov}")
        if province_agency:  # provincial staff (e.g. upper-secondary teachers) work all over the province
            anywhere = Picker([(1, r) for r in regencies])
            pairs.append((own_share, Placement(province_agency, anywhere, shape.PROVINCIAL_POSTS)))
        if prov == "31":  # Jakarta's cities are administrative: the province employs everyone
            continue
        for code in regencies:
            agency_id = agencies.get(f"pemkab-{code}") or agencies.get(f"pemkot-{code}")
            if agency_id:
                pair_share = (share - own_share) / len(regencies)
                pairs.append((pair_share, Placement(agency_id, Picker([(1, code)]), shape.REGIONAL_POSTS)))
    hq = shape.CENTRAL_HQ_SHARE
    central_regions = Picker(
        [(hq, shape.CENTRAL_HQ_REGION)]
        + [((1 - hq) * weights[p] / total_weight / len(rs), r) for p, rs in by_province.items() for r in rs]
    )
    central_total = sum(shape.CENTRAL_WEIGHTS.values())
    for slug, weight in shape.CENTRAL_WEIGHTS.items():
        if f"pusat-{slug}" in agencies:
            posts = shape.CENTRAL_COMMON_POSTS + shape.CENTRAL_OWN_POSTS.get(slug, [])
            share = shape.CENTRAL_SHARE * weight / central_total
            pairs.append((share, Placement(agencies[f"pusat-{slug}"], central_regions, posts)))
    if not pairs:
        raise RuntimeError("No agencies: run `netral setup` first.")
    return Picker(pairs)


def birth_days(size: int, as_of: dt.date) -> Iterator[tuple[dt.date, int, int]]:
    """(birth date, age at `as_of`, rows) for every day, sharing out `size` rows by the age weights."""
    first = add_years(as_of, -(shape.MAX_AGE + 1)) + dt.timedelta(days=1)
    last = add_years(as_of, -shape.MIN_AGE)
    days: list[tuple[dt.date, int, int]] = []
    day = first
    while day <= last:
        age = as_of.year - day.year - ((as_of.month, as_of.day) < (day.month, day.day))
        weight = 0
        for start, value in shape.AGE_WEIGHTS:
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
