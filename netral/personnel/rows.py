"""Checking one register row from an import file: columns, values and consistency with the NIP."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.utils.translation import gettext as _

from netral.personnel.models import Agency, Employee
from netral.personnel.names import normalize_name
from netral.personnel.nik import parse_nik
from netral.personnel.nip import parse_nip
from netral.personnel.regency_codes import known_regency_codes
from netral.regions.models import Region

# Accepted header spellings (case and spaces ignored) for each column.
HEADER_ALIASES = {
    "nip": ["nip"],
    "nik": ["nik"],
    "name": ["name", "nama", "nama_lengkap"],
    "employment": ["employment", "jenis_pegawai", "status_kepegawaian"],
    "position_class": ["position_class", "kelas_jabatan", "jenis_jabatan"],
    "position_title": ["position_title", "position", "jabatan", "nama_jabatan"],
    "agency": ["agency", "agency_code", "instansi", "kode_instansi"],
    "region": ["region", "region_code", "wilayah", "kode_wilayah"],
    "gender": ["gender", "jenis_kelamin"],
    "birth_date": ["birth_date", "tanggal_lahir"],
}
_ALIAS = {alias: column for column, aliases in HEADER_ALIASES.items() for alias in aliases}
_GENDERS = {
    "l": "L",
    "laki-laki": "L",
    "laki laki": "L",
    "pria": "L",
    "p": "P",
    "perempuan": "P",
    "wanita": "P",
}
_POSITION_ALIASES = {"jpt_pratama": "jpt", "jpt_madya": "jpt", "jpt_utama": "jpt"}
_SPACES = re.compile(r"\s+")
_DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y")


def canonical_header(value: Any) -> str | None:
    key = _SPACES.sub("_", str(value or "").strip().lower())
    return _ALIAS.get(key)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value)
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _region_code(text: str) -> str:
    digits = text.replace(".", "")
    if digits.isdigit() and len(digits) in (2, 4):
        return digits if len(digits) == 2 else f"{digits[:2]}.{digits[2:]}"
    return text


class RowChecker:
    """Checks rows against the NIP/NIK rules and the agencies and regions in the database."""

    def __init__(self) -> None:
        self.regions = set(Region.objects.values_list("code", flat=True))
        self.regency_codes = known_regency_codes()
        self.agencies: dict[str, tuple[int, str | None]] = {}
        for agency_id, code, name, region_id in Agency.objects.values_list("id", "code", "name", "region_id"):
            self.agencies[code.lower()] = (agency_id, region_id)
            self.agencies.setdefault(_SPACES.sub(" ", name.strip().lower()), (agency_id, region_id))
        self.position_classes = set(Employee.PositionClass.values)

    @staticmethod
    def raw_nip(cells: dict[str, Any]) -> str:
        return _SPACES.sub("", _text(cells.get("nip")))

    def check(self, cells: dict[str, Any]) -> tuple[dict[str, Any] | None, list[str]]:
        """(values for an Employee, []) for a good row, (None, reasons) for a bad one."""
        reasons: list[str] = []
        raw_nip = cells.get("nip")
        if isinstance(raw_nip, float):
            return None, [_("The NIP is stored as a number and has lost digits; store the column as text.")]
        nip = parse_nip(_text(raw_nip))
        reasons.extend(f"NIP: {message}" for message in nip.messages)

        name = _SPACES.sub(" ", _text(cells.get("name")))
        if not name:
            reasons.append(_("The name is empty."))
        elif len(name) > 200:
            reasons.append(_("The name is longer than 200 characters."))

        nik_text = _text(cells.get("nik"))
        if isinstance(cells.get("nik"), float):
            reasons.append(_("The NIK is stored as a number and has lost digits; store the column as text."))
        elif nik_text:
            nik = parse_nik(nik_text, regency_codes=self.regency_codes)
            reasons.extend(f"NIK: {message}" for message in nik.messages)
            if nik.valid and nip.birth_date and not nik.matches_birth(nip.birth_date):
                reasons.append(_("The birth date in the NIK does not match the NIP."))
            if nik.valid and nip.gender and nik.gender != nip.gender:
                reasons.append(_("The gender in the NIK does not match the NIP."))
            nik_text = nik.nik

        given_employment = _text(cells.get("employment")).lower()
        employment = given_employment or nip.employment
        if given_employment and given_employment not in Employee.Employment.values:
            reasons.append(_("Unknown employment %(value)s (expected pns or pppk).") % {"value": employment})
        elif given_employment and nip.employment and employment != nip.employment:
            reasons.append(
                _("The employment %(value)s does not match the NIP (%(nip)s).")
                % {"value": employment, "nip": nip.employment}
            )

        position_class = _SPACES.sub("_", _text(cells.get("position_class")).lower())
        position_class = _POSITION_ALIASES.get(position_class, position_class)
        if position_class not in self.position_classes:
            reasons.append(
                _("Unknown position class %(value)s (expected one of %(choices)s).")
                % {"value": position_class or "-", "choices": ", ".join(sorted(self.position_classes))}
            )
        position_title = _SPACES.sub(" ", _text(cells.get("position_title")))[:200]

        agency_text = _SPACES.sub(" ", _text(cells.get("agency")).lower())
        agency = self.agencies.get(agency_text)
        if agency is None:
            reasons.append(
                _("Unknown agency %(value)s (give its code or exact name).") % {"value": agency_text or "-"}
            )

        region = _region_code(_text(cells.get("region")))
        if not region and agency is not None:
            region = agency[1] or ""
            if not region:
                reasons.append(_("The region is required for an agency without a region."))
        if region and region not in self.regions:
            reasons.append(_("Unknown region code %(value)s.") % {"value": region})
        elif region and agency is not None and agency[1] and not region.startswith(agency[1]):
            reasons.append(
                _("The region %(region)s lies outside the agency's region %(agency)s.")
                % {"region": region, "agency": agency[1]}
            )

        gender_text = _text(cells.get("gender")).lower()
        gender = _GENDERS.get(gender_text) if gender_text else nip.gender
        if gender_text and gender is None:
            reasons.append(_("Unknown gender %(value)s (expected L or P).") % {"value": gender_text})
        elif gender_text and nip.gender and gender != nip.gender:
            reasons.append(_("The gender does not match the NIP."))

        birth_date = nip.birth_date
        if cells.get("birth_date") not in (None, ""):
            given = _date(cells.get("birth_date"))
            if given is None:
                reasons.append(_("The birth date is not a date (use YYYY-MM-DD)."))
            elif nip.birth_date and given != nip.birth_date:
                reasons.append(
                    _("The birth date %(date)s does not match the NIP (%(nip)s).")
                    % {"date": given.isoformat(), "nip": nip.birth_date.isoformat()}
                )

        if reasons or agency is None or birth_date is None or gender is None or employment is None:
            return None, reasons
        return {
            "nip": nip.nip,
            "nik": nik_text,
            "name": name,
            "name_normalized": normalize_name(name)[:200],
            "employment": employment,
            "position_class": position_class,
            "position_title": position_title,
            "agency_id": agency[0],
            "region_id": region,
            "gender": gender,
            "birth_date": birth_date,
        }, []
