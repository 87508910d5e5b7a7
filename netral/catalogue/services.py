"""Public functions of the catalogue app: loading the versioned file and reading the catalogue.

Other apps use only these functions (and the models' public fields), never the loader's helpers.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.db import transaction
from django.db.models import QuerySet

from netral.catalogue.models import (
    Applies,
    CatalogueItem,
    CatalogueVersion,
    SanctionLevel,
    ViolationClass,
    ViolationGroup,
)

CATALOGUE_FILE = Path(__file__).resolve().parent / "data" / "catalogue.json"

# The ten group codes of docs/catalogue.md, in their fixed order. The file must contain exactly these.
GROUP_CODES = (
    "media_sosial",
    "alat_peraga",
    "deklarasi_kampanye",
    "foto_gestur",
    "kegiatan_keberpihakan",
    "fasilitas_negara",
    "parpol",
    "pencalonan",
    "keputusan_menguntungkan",
    "bukan_pelanggaran",
)
NOT_A_VIOLATION = "bukan_pelanggaran"

_ITEM_KEYS = {
    "code",
    "group",
    "class",
    "sanction_level",
    "applies",
    "param",
    "sanction_forms",
    "legal_basis",
} | {
    "act_id",
    "act_en",
}
_GROUP_KEYS = {"code", "label_id", "label_en", "description_id", "description_en"}


class CatalogueFileError(ValueError):
    """The catalogue file is malformed; the message names the offending entry."""


def read_catalogue_file(path: Path = CATALOGUE_FILE) -> dict[str, Any]:
    """Read and validate a catalogue file; raises CatalogueFileError with a precise message."""
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise CatalogueFileError(f"{path}: {exc}") from exc
    _validate(data)
    return data


def _validate(data: dict[str, Any]) -> None:
    for key in ("version", "source", "groups", "items"):
        if not data.get(key):
            raise CatalogueFileError(f"missing or empty {key!r}")
    codes = tuple(group.get("code") for group in data["groups"])
    if codes != GROUP_CODES:
        raise CatalogueFileError(f"group codes must be exactly {GROUP_CODES}, got {codes}")
    for group in data["groups"]:
        if missing := _GROUP_KEYS - group.keys():
            raise CatalogueFileError(f"group {group['code']}: missing {sorted(missing)}")
    seen: set[str] = set()
    for item in data["items"]:
        code = item.get("code", "?")
        if missing := _ITEM_KEYS - item.keys():
            raise CatalogueFileError(f"item {code}: missing {sorted(missing)}")
        if code in seen:
            raise CatalogueFileError(f"item {code}: duplicate code")
        seen.add(code)
        checks = [
            (item["group"] in GROUP_CODES and item["group"] != NOT_A_VIOLATION, "group"),
            (item["class"] in ViolationClass.values, "class"),
            (item["sanction_level"] in SanctionLevel.values, "sanction_level"),
            (item["applies"] in Applies.values, "applies"),
            (isinstance(item["param"], bool), "param"),
            (isinstance(item["sanction_forms"], list), "sanction_forms"),
        ]
        for ok, field in checks:
            if not ok:
                raise CatalogueFileError(f"item {code}: invalid {field} {item[field]!r}")


@transaction.atomic
def load_catalogue(path: Path = CATALOGUE_FILE) -> tuple[CatalogueVersion, bool]:
    """Load the file's version unless it is already loaded. Returns (version, created).

    Idempotent: an already-loaded version is never touched, so administrators' edits survive.
    A newly loaded version becomes the current one. Groups are shared by all versions: missing
    ones are created, existing ones (possibly edited) are left as they are.
    """
    data = read_catalogue_file(path)
    existing = CatalogueVersion.objects.filter(version=data["version"]).first()
    if existing is not None:
        return existing, False
    groups: dict[str, ViolationGroup] = {}
    for order, entry in enumerate(data["groups"], start=1):
        fields = {key: entry[key] for key in _GROUP_KEYS - {"code"}}
        groups[entry["code"]], _created = ViolationGroup.objects.get_or_create(
            code=entry["code"], defaults={**fields, "order": order}
        )
    version = CatalogueVersion.objects.create(
        version=data["version"],
        source=data["source"],
        notes=data.get("notes", []),
        penalty_forms=data.get("penalty_forms", {}),
        is_current=True,
    )
    CatalogueItem.objects.bulk_create(
        CatalogueItem(
            version=version,
            code=entry["code"],
            group=groups[entry["group"]],
            violation_class=entry["class"],
            sanction_level=entry["sanction_level"],
            sanction_forms=list(entry["sanction_forms"]),
            legal_basis=entry["legal_basis"],
            act_id=entry["act_id"],
            act_en=entry["act_en"],
            applies=entry["applies"],
            param=entry["param"],
            order=order,
        )
        for order, entry in enumerate(data["items"], start=1)
    )
    return version, True


def load_reference_data() -> str:
    version, created = load_catalogue()
    count = version.items.count()
    state = "loaded" if created else "already loaded"
    return f"catalogue {version.version} {state} ({count} items)"


# --- reading ------------------------------------------------------------------------------------


def current_version() -> CatalogueVersion | None:
    return CatalogueVersion.objects.filter(is_current=True).first()


def groups() -> QuerySet[ViolationGroup]:
    """All violation groups in their fixed order."""
    return ViolationGroup.objects.order_by("order", "code")


def get_group(code: str) -> ViolationGroup | None:
    return ViolationGroup.objects.filter(code=code).first()


def current_items() -> QuerySet[CatalogueItem]:
    """The items of the current catalogue version, in catalogue order (empty if nothing is loaded)."""
    return (
        CatalogueItem.objects.filter(version__is_current=True)
        .select_related("group")
        .order_by("order", "code")
    )


def get_item(code: str) -> CatalogueItem | None:
    """The current version's item with this code (e.g. "D4"), or None."""
    return current_items().filter(code=code).first()


def applies_values(determined: bool | None) -> tuple[str, ...]:
    """Which `applies` values fit an act whose timing is known (True/False) or unknown (None).

    The key rule: an act concerning a bakal calon (before the KPU determination) is an ethics
    item, one concerning a calon (after) a discipline item; timing-independent items always fit.
    """
    if determined is None:
        return (Applies.ANY,)
    return (Applies.AFTER if determined else Applies.BEFORE, Applies.ANY)


def items_for(group_code: str, determined: bool | None = None) -> list[CatalogueItem]:
    """The current items of a group that fit the timing, in catalogue order.

    `determined` is whether the act happened on/after the candidate-determination date
    (see `netral.elections.services.is_determined`). With None (timing unknown) every item
    of the group is returned, because any of them may fit.
    """
    items = current_items().filter(group__code=group_code)
    if determined is not None:
        items = items.filter(applies__in=applies_values(determined))
    return list(items)


def item_for(group_code: str, determined: bool | None) -> CatalogueItem | None:
    """The default item for a group and timing: the first fitting item in catalogue order.

    E.g. `media_sosial` before the determination gives the ethics item E2, after it the
    discipline item D2. With unknown timing (None) only timing-independent items qualify, so a
    group whose class depends on the timing gives None: find out the date first.
    Returns None for `bukan_pelanggaran`, which has no items.
    """
    allowed = applies_values(determined)
    return current_items().filter(group__code=group_code, applies__in=allowed).first()


def penalty_forms(version: CatalogueVersion | None = None) -> dict[str, Any]:
    """The penalty forms table (sanction level -> basis and forms) of a version (default: current)."""
    chosen = version or current_version()
    return dict(chosen.penalty_forms) if chosen else {}


def catalogue_as_dict(group_code: str | None = None) -> dict[str, Any]:
    """The current catalogue in the documented JSON shape of `netral catalogue show --json`.

    Texts (labels, descriptions, acts) are in the active language; codes never change.
    With `group_code`, only that group and its items.
    """
    version = current_version()
    group_rows = groups()
    item_rows = current_items()
    if group_code is not None:
        group_rows = group_rows.filter(code=group_code)
        item_rows = item_rows.filter(group__code=group_code)
    return {
        "version": version.version if version else None,
        "groups": [group_as_dict(group) for group in group_rows],
        "items": [item_as_dict(item) for item in item_rows],
    }


def group_as_dict(group: ViolationGroup) -> dict[str, Any]:
    return {"code": group.code, "label": group.label, "description": group.description}


def item_as_dict(item: CatalogueItem) -> dict[str, Any]:
    return {
        "code": item.code,
        "group": item.group.code,
        "class": item.violation_class,
        "sanction_level": item.sanction_level,
        "sanction_forms": list(item.sanction_forms),
        "legal_basis": item.legal_basis,
        "applies": item.applies,
        "act": item.act,
        "param": item.param,
    }
