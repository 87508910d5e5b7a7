"""Request and response shapes of API v1 (they become the OpenAPI schema)."""

from __future__ import annotations

import datetime as dt

from ninja import Field, Schema

# --- errors ---------------------------------------------------------------------------------------


class ErrorOut(Schema):
    detail: str = Field(description="What went wrong, in Indonesian.")


class FieldErrorOut(Schema):
    field: str = Field(description='The input field, e.g. "region_code" or "reported.0.nip".')
    message: str


class ValidationErrorOut(Schema):
    detail: list[FieldErrorOut]


# --- regions --------------------------------------------------------------------------------------

REGION_CODE = r"^\d{2}(\.\d{2})?$"
PROVINCE_CODE = r"^\d{2}$"


class RegionOut(Schema):
    code: str = Field(examples=["34.04"])
    name: str
    type: str = Field(description="provinsi, kabupaten or kota")
    timezone: str = Field(description="WIB, WITA or WIT")


class RegionDetailOut(RegionOut):
    province: str | None = Field(description="The province code of a regency/city; null for a province.")


# --- catalogue ------------------------------------------------------------------------------------


class CatalogueGroupOut(Schema):
    code: str
    label: str
    description: str


class CatalogueItemOut(Schema):
    code: str = Field(examples=["D4"])
    group: str
    violation_class: str = Field(alias="class", description="ethics or discipline")
    sanction_level: str
    sanction_forms: list[str]
    legal_basis: str
    applies: str
    act: str
    param: bool


class CatalogueOut(Schema):
    version: str | None
    groups: list[CatalogueGroupOut]
    items: list[CatalogueItemOut]


# --- elections ------------------------------------------------------------------------------------


class ElectionOut(Schema):
    code: str = Field(examples=["pilkada-2024"])
    type: str
    name: str
    voting_date: dt.date
    candidate_determination_date: dt.date | None


class StageOut(Schema):
    code: str
    name: str
    start: dt.date
    end: dt.date
    override_region: str | None


class PartyOut(Schema):
    ballot_number: int
    name: str
    abbreviation: str


class CandidateOut(Schema):
    office: str
    region: str | None
    ballot_number: int | None
    names: str
    status: str
    incumbent: bool
    parties: str


class ElectionDetailOut(ElectionOut):
    region: str | None
    determination_date: dt.date | None
    stages: list[StageOut]
    parties: list[PartyOut]
    candidates: list[CandidateOut]


# --- deadlines ------------------------------------------------------------------------------------


class DeadlineOut(Schema):
    clock: str = Field(examples=["pemilu.decision"])
    start: dt.date
    days: int
    day_type: str = Field(description="working or calendar")
    due_date: dt.date
    due_at: dt.datetime = Field(description="Office closing time in the region's time zone.")


# --- tokens ---------------------------------------------------------------------------------------


class MeOut(Schema):
    username: str
    role: str
    scope: str = Field(description="The user's scope in words, e.g. National or a regency's name.")
