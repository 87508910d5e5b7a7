"""Public, read-only reference data: regions, the violation catalogue, elections, deadlines."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from netral.api import throttle
from netral.api.errors import invalid, not_found
from netral.api.schemas import (
    PROVINCE_CODE,
    REGION_CODE,
    CatalogueOut,
    DeadlineOut,
    ElectionDetailOut,
    ElectionOut,
    ErrorOut,
    RegionDetailOut,
    RegionOut,
    ValidationErrorOut,
)
from netral.catalogue import services as catalogue
from netral.elections import services as elections
from netral.elections.models import Election
from netral.regions.models import Region
from netral.workdays import services as workdays

router = Router(tags=["reference data"], throttle=[throttle.public])

_COMMON: dict[int, Any] = {422: ValidationErrorOut, 429: ErrorOut}


def _region_dict(region: Region) -> dict[str, Any]:
    return {"code": region.code, "name": region.name, "type": region.type, "timezone": region.timezone}


def _known_region(field: str, code: str | None) -> Region | None:
    if code is None:
        return None
    region = Region.objects.filter(code=code).first()
    if region is None:
        raise invalid(field, _("Unknown region code: %(code)s.") % {"code": code})
    return region


# --- regions ---------------------------------------------------------------------------------------


class RegionFilter(Schema):
    province: str | None = Field(
        None, pattern=PROVINCE_CODE, description="Two-digit province code: list its regencies and cities."
    )


@router.get("/regions", response={200: list[RegionOut], **_COMMON}, summary="List provinces or regencies")
def list_regions(request: HttpRequest, filters: Query[RegionFilter]) -> list[dict[str, Any]]:
    """Without `province`: the 38 provinces. With it: that province's regencies and cities.
    Same rows as `netral regions list --json`."""
    if filters.province is None:
        rows = Region.objects.provinces()
    else:
        if not Region.objects.provinces().filter(code=filters.province).exists():
            raise invalid("province", _("Unknown province code: %(code)s.") % {"code": filters.province})
        rows = Region.objects.filter(parent_id=filters.province)
    return [_region_dict(region) for region in rows.order_by("code")]


@router.get(
    "/regions/{code}",
    response={200: RegionDetailOut, 404: ErrorOut, **_COMMON},
    summary="One province or regency/city",
)
def get_region(request: HttpRequest, code: str) -> dict[str, Any]:
    """A region by Kemendagri code: `34` (province) or `34.04` (regency/city)."""
    region = Region.objects.filter(code=code).first()
    if region is None:
        raise not_found(_("Region %(code)s not found.") % {"code": code})
    return {**_region_dict(region), "province": region.parent_id}


# --- catalogue -------------------------------------------------------------------------------------


class CatalogueFilter(Schema):
    group: str | None = Field(None, max_length=40, description="Only this group, e.g. media_sosial.")


@router.get(
    "/catalogue", response={200: CatalogueOut, **_COMMON}, by_alias=True, summary="Violation catalogue"
)
def get_catalogue(request: HttpRequest, filters: Query[CatalogueFilter]) -> dict[str, Any]:
    """The current violation catalogue: groups and items (same as `netral catalogue show --json`).
    Labels and acts are in Indonesian."""
    if filters.group is not None and catalogue.get_group(filters.group) is None:
        raise invalid("group", _("Unknown group: %(code)s.") % {"code": filters.group})
    return catalogue.catalogue_as_dict(filters.group)


# --- elections -------------------------------------------------------------------------------------


@router.get("/elections", response={200: list[ElectionOut], **_COMMON}, summary="List elections")
def list_elections(request: HttpRequest) -> list[dict[str, Any]]:
    """Every election, newest first (same as `netral elections list --json`)."""
    return [elections.election_summary(row) for row in Election.objects.order_by("-voting_date", "code")]


class ElectionFilter(Schema):
    region: str | None = Field(
        None, pattern=REGION_CODE, description="Region code: show the stage dates in force there."
    )


@router.get(
    "/elections/{code}",
    response={200: ElectionDetailOut, 404: ErrorOut, **_COMMON},
    summary="One election with stages, parties and candidates",
)
def get_election(request: HttpRequest, code: str, filters: Query[ElectionFilter]) -> dict[str, Any]:
    """Same as `netral elections show CODE --json [--region CODE]`."""
    try:
        election = elections.get_election(code)
    except Election.DoesNotExist:
        raise not_found(_("Election %(code)s not found.") % {"code": code}) from None
    region = _known_region("region", filters.region)
    return elections.election_detail(election, region)


# --- deadlines -------------------------------------------------------------------------------------


class DeadlineQuery(Schema):
    clock: str = Field(max_length=60, description="Clock name, e.g. pemilu.decision.")
    start: dt.date = Field(description="Day 0 of the clock, YYYY-MM-DD.")
    region: str | None = Field(
        None, pattern=REGION_CODE, description="Region code (default: national calendar, WIB)."
    )


@router.get("/deadlines", response={200: DeadlineOut, **_COMMON}, summary="Due date of a legal clock")
def get_deadline(request: HttpRequest, query: Query[DeadlineQuery]) -> dict[str, Any]:
    """The due date of a clock started on `start` (day 0) in the region's working-day calendar.
    Same JSON as `netral deadline --clock ... --start ... --region ... --json`."""
    try:
        deadline = workdays.compute_deadline(query.clock, query.start, query.region)
    except workdays.UnknownClock as exc:
        raise invalid(
            "clock",
            _("Unknown clock: %(name)s. Valid clocks: %(known)s.")
            % {"name": exc.name, "known": ", ".join(exc.known)},
        ) from None
    except workdays.UnknownRegion as exc:
        raise invalid("region", _("Unknown region code: %(code)s.") % {"code": exc.code}) from None
    return deadline.as_dict()
