"""Shared helpers for the analytics tests (no tests here): a small world of cases in Kabupaten Sleman
(34.04) and Kota Manado (71.71), built through the real actions (intake, transitions, sanctions,
classification), so the dashboards can be checked against counts computed here from the rows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from netral.accounts import services as accounts
from netral.accounts.models import Role
from netral.cases import actions, sanctions
from netral.cases.classification import classify_case
from netral.cases.models import Case, Recommendation
from netral.catalogue.services import get_item
from netral.personnel.models import Agency
from tests.fixtures import make_user
from tests.test_cases_support import new_case

UTC = dt.UTC
# The Pilkada 2024 reports were received on Mon 7 Oct 2024 (and Manado's on Tue 8 Oct).
RECEIVED = dt.date(2024, 10, 7)
BAWASLU_PATH = [
    ("start_initial_review", 1),
    ("register", 1),
    ("start_clarification", 2),
    ("start_study", 3),
    ("to_plenary", 4),
    ("decide_violation", 4),
    ("forward_to_authority", 7),
]


def at(day: dt.date, offset_days: int = 0, hour: int = 10) -> dt.datetime:
    """`hour`:00 WIB `offset_days` after `day`, as UTC."""
    moment = dt.datetime(day.year, day.month, day.day, hour - 7, 0, tzinfo=UTC)
    return moment + dt.timedelta(days=offset_days)


@dataclass
class Actors:
    staff: Any
    commissioner: Any
    ppk: Any


@dataclass
class World:
    """The cases built, by name, and who acted."""

    cases: dict[str, Case] = field(default_factory=dict)
    sleman: Actors | None = None
    manado: Actors | None = None

    def ids(self, *names: str) -> set[int]:
        return {self.cases[name].pk for name in names}


def classify(case: Case, actor: Any, group: str, item: str, position: str, agency: Agency | None) -> Case:
    catalogue_item = get_item(item) if item else None
    return classify_case(
        case,
        actor=actor,
        group=group,
        item=catalogue_item,
        employment="pns",
        position_class=position,
        agency=agency,
    )


def bawaslu(case: Case, who: Actors, steps: list[tuple[str, int]], start: dt.date) -> Case:
    for action, offset in steps:
        actor = who.commissioner if action.startswith("decide_") else who.staff
        case = actions.transition(case, action, actor=actor, at=at(start, offset))
    return case


def to_ppk(case: Case, who: Actors, analyst: Any, agency: Agency, start: dt.date) -> Recommendation:
    """Forwarded case → acknowledged, verified, recommended to `agency`'s PPK and sent (day 10)."""
    case = actions.transition(case, "acknowledge_receipt", actor=analyst, at=at(start, 8))
    case = actions.transition(case, "verify", actor=analyst, at=at(start, 9))
    item = get_item("D8")
    assert item is not None
    recommendation = sanctions.recommend(
        case, actor=analyst, item=item, sanction_level="sedang", agency=agency, at=at(start, 9, 14)
    )
    sanctions.send_to_ppk(Case.objects.get(pk=case.pk), actor=analyst, at=at(start, 10))
    return recommendation


def decree(day: dt.date) -> sanctions.DecreeInput:
    return sanctions.DecreeInput(number="800/1/2024", date=day, form="tukin_cut_6", start=day)


def build_world(users: dict[str, Any]) -> World:
    """Seven cases (Pilkada 2024):

    Sleman: s_received (media_sosial, fungsional), s_rejected (unclassified, rejected_formal),
    s_sanctioned (media_sosial D6, jpt; PPK Sleman sanctions on day 12: on time), s_blocked (foto_gestur
    D7, pelaksana; PPK overdue, warned, blocked), s_sent (media_sosial D6, jpt; sent to the PPK, past due).
    Manado: m_late (kegiatan_keberpihakan D8, pengawas; PPK Manado sanctions on day 40: late),
    m_received (media_sosial E2, fungsional).
    """
    commissioner_manado = make_user(
        "commissioner_kota_manado", Role.BAWASLU_COMMISSIONER, accounts.bawaslu_for_region("71.71")
    )
    sleman = Actors(users["bawaslu_kab_sleman"], users["commissioner_kab_sleman"], users["ppk_kab_sleman"])
    manado = Actors(users["bawaslu_kota_manado"], commissioner_manado, users["ppk_kota_manado"])
    analyst, kemendagri = users["bkn_analyst"], users["kemendagri_officer"]
    sleman_agency = Agency.objects.get(code="pemkab-34.04")
    manado_agency = Agency.objects.get(code="pemkot-71.71")
    world = World(sleman=sleman, manado=manado)
    start = RECEIVED
    manado_start = RECEIVED + dt.timedelta(days=1)

    def sleman_case(name: str) -> Case:
        case = new_case(election="pilkada-2024", received_at=at(start), known_on=start)
        world.cases[name] = case
        return case

    def manado_case(name: str) -> Case:
        case = new_case(
            region_code="71.71", election="pilkada-2024", received_at=at(manado_start), known_on=manado_start
        )
        world.cases[name] = case
        return case

    classify(sleman_case("s_received"), sleman.staff, "media_sosial", "D6", "fungsional", sleman_agency)

    case = sleman_case("s_rejected")
    bawaslu(case, sleman, [("start_initial_review", 1), ("reject_formal", 1)], start)

    for name, group, item, position in (
        ("s_sanctioned", "media_sosial", "D6", "jpt"),
        ("s_blocked", "foto_gestur", "D7", "pelaksana"),
        ("s_sent", "media_sosial", "D6", "jpt"),
    ):
        case = classify(sleman_case(name), sleman.staff, group, item, position, sleman_agency)
        case = bawaslu(case, sleman, BAWASLU_PATH, start)
        recommendation = to_ppk(case, sleman, analyst, sleman_agency, start)
        if name == "s_sanctioned":
            sanctions.record_sanction(
                recommendation,
                actor=sleman.ppk,
                decree=decree(start + dt.timedelta(days=12)),
                at=at(start, 12),
            )
        elif name == "s_blocked":
            case = Case.objects.get(pk=case.pk)
            case = sanctions.mark_ppk_overdue(case, at=at(start, 40))
            case = sanctions.warn_ppk(case, actor=kemendagri, at=at(start, 41))
            sanctions.block(case, actor=analyst, reason="Teguran tidak ditindaklanjuti.", at=at(start, 50))

    case = classify(
        manado_case("m_late"), manado.staff, "kegiatan_keberpihakan", "D8", "pengawas", manado_agency
    )
    case = bawaslu(case, manado, BAWASLU_PATH, manado_start)
    recommendation = to_ppk(case, manado, analyst, manado_agency, manado_start)
    sanctions.record_sanction(
        recommendation,
        actor=manado.ppk,
        decree=decree(manado_start + dt.timedelta(days=40)),
        at=at(manado_start, 40),
    )
    classify(manado_case("m_received"), manado.staff, "media_sosial", "E2", "fungsional", manado_agency)
    for name, case in world.cases.items():
        world.cases[name] = Case.objects.get(pk=case.pk)
    return world
