"""Loading boundary polygons from a GeoJSON file into `Region.boundary`.

Features are matched to regions by Kemendagri code when a property holds one, otherwise by
normalised name (within the province when the feature names one). What cannot be matched is
reported, never guessed: an operator fixes the file or the names and loads again.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction
from rapidfuzz import fuzz

from netral.regions.models import Region

CODE_KEYS = (
    "kode",
    "code",
    "kode_prov",
    "kode_kab",
    "kode_kabkota",
    "kdppum",
    "kdpkab",
    "kd_prov",
    "kd_kab",
    "id",
)
PROVINCE_NAME_KEYS = ("provinsi", "wadmpr", "province", "nama_prov", "prov", "_prov")
REGENCY_NAME_KEYS = (
    "wadmkk",
    "kabupaten",
    "kab_kota",
    "kabkota",
    "nama_kab",
    "regency",
    "namobj",
    "name",
    "nama",
)

_ALIASES = {
    "dki jakarta": "jakarta",
    "daerah khusus ibukota jakarta": "jakarta",
    "daerah khusus jakarta": "jakarta",
    "di yogyakarta": "yogyakarta",
    "daerah istimewa yogyakarta": "yogyakarta",
    "diy": "yogyakarta",
    "nanggroe aceh darussalam": "aceh",
    "bangka belitung": "kepulauan bangka belitung",
    "babel": "kepulauan bangka belitung",
}
_PREFIX = re.compile(
    r"^(provinsi|prov\.?|kabupaten administrasi|kab\. administrasi|kota administrasi"
    r"|kabupaten|kab\.?|kota adm\.?|kota)\s+"
)


def normalise(name: str) -> str:
    """Lower-case, no punctuation, single spaces, known aliases applied (used for matching only)."""
    text = re.sub(r"[^a-z0-9 ]+", " ", name.lower().replace("-", " "))
    text = re.sub(r"\s+", " ", text).strip()
    text = _ALIASES.get(text, text)
    text = re.sub(r"\bkep\b", "kepulauan", text)
    return re.sub(r"\s+dan\s+", " ", text)


def split_kind(name: str) -> tuple[str | None, str]:
    """("kota"|"kabupaten"|None, base name) from a regency/city name such as "Kota Bandung"."""
    text = re.sub(r"\s+", " ", name.lower().replace(".", ". ")).strip()
    match = _PREFIX.match(text)
    if not match:
        return None, normalise(text)
    prefix = match.group(1)
    kind = "kota" if prefix.startswith("kota") else "kabupaten"
    return kind, normalise(text[match.end() :])


@dataclass
class LoadReport:
    matched: list[tuple[str, str]] = field(default_factory=list)  # (code, feature label)
    unmatched: list[str] = field(default_factory=list)  # feature labels
    missing: list[Region] = field(default_factory=list)  # regions of that level without a feature


def _props(feature: dict[str, Any]) -> dict[str, Any]:
    return {str(k).lower(): v for k, v in (feature.get("properties") or {}).items()}


def _first(props: dict[str, Any], keys: Iterable[str]) -> str | None:
    for key in keys:
        value = props.get(key)
        if value not in (None, ""):
            return str(value)
    return None


class _Matcher:
    """Finds the region a feature describes: by code, else by (province, kind, name)."""

    FUZZY_MIN = 90.0

    def __init__(self, level: int) -> None:
        self.level = level
        regions = list(Region.objects.filter(level=level))
        self.by_code = {r.code: r for r in regions}
        self.province_by_name = {_key(p.name): p.code for p in Region.objects.provinces()}
        self.entries: list[tuple[Region, str | None, str]] = []  # (region, kind, spaceless base name)
        for region in regions:
            kind, base = split_kind(region.name)
            self.entries.append(
                (region, kind if level == Region.Level.REGENCY else None, base.replace(" ", ""))
            )

    def match(self, props: dict[str, Any]) -> Region | None:
        code = _first(props, CODE_KEYS)
        if code:
            code = code.strip()
            if re.fullmatch(r"\d{4}", code):
                code = f"{code[:2]}.{code[2:]}"
            if code in self.by_code:
                return self.by_code[code]
        if self.level == Region.Level.PROVINCE:
            name = _first(props, PROVINCE_NAME_KEYS + REGENCY_NAME_KEYS)
            return self._best(self.entries, _key(name)) if name else None
        name = _first(props, REGENCY_NAME_KEYS)
        if not name:
            return None
        province_name = _first(props, PROVINCE_NAME_KEYS)
        province = self.province_by_name.get(_key(province_name)) if province_name else None
        if province_name and province is None:
            return None
        kind, base = split_kind(name)
        entries = [e for e in self.entries if province is None or e[0].code.startswith(province + ".")]
        # Without "Kota"/"Kabupaten" in the name the convention of boundary files is the regency.
        entries = [e for e in entries if e[1] == (kind or "kabupaten")] or entries
        return self._best(entries, base.replace(" ", ""))

    def _best(self, entries: list[tuple[Region, str | None, str]], key: str) -> Region | None:
        exact = [e[0] for e in entries if e[2] == key]
        if len(exact) == 1:
            return exact[0]
        if exact:
            return None
        scored = sorted(((fuzz.ratio(key, e[2]), e[0]) for e in entries), key=lambda pair: -pair[0])
        if not scored or scored[0][0] < self.FUZZY_MIN:
            return None
        if len(scored) > 1 and scored[1][0] >= scored[0][0] - 5:
            return None  # ambiguous: report instead of guessing
        return scored[0][1]


def _key(name: str) -> str:
    return split_kind(name)[1].replace(" ", "")


def load_boundaries(path: Path, level: int, *, dry_run: bool = False) -> LoadReport:
    with path.open(encoding="utf-8") as handle:
        data = json.load(handle)
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list):
        raise ValueError("not a GeoJSON FeatureCollection")
    matcher = _Matcher(level)
    report = LoadReport()
    updates: dict[str, Any] = {}
    for index, feature in enumerate(features, start=1):
        props = _props(feature)
        label = _first(props, REGENCY_NAME_KEYS + PROVINCE_NAME_KEYS + CODE_KEYS) or f"#{index}"
        region = matcher.match(props)
        geometry = feature.get("geometry")
        if region is None or not geometry:
            report.unmatched.append(label)
            continue
        updates[region.code] = geometry
        report.matched.append((region.code, label))
    report.missing = [r for code, r in sorted(matcher.by_code.items()) if code not in updates]
    if not dry_run:
        with transaction.atomic():
            for code, geometry in updates.items():
                Region.objects.filter(code=code).update(boundary=geometry)
    return report
