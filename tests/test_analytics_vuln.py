"""The vulnerability index on a small fixture whose scores are worked out by hand below."""

from __future__ import annotations

import datetime as dt
import json
from io import StringIO
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.utils import translation

from netral.analytics import vulnerability
from netral.analytics.vulnerability import Config, compute, explain, load_config, normalise, parse_weights
from netral.elections.models import Candidate, Election
from netral.personnel.models import PPK, Agency, Employee
from tests.test_cases_authority_support import forwarded_case, take, wib
from tests.test_cases_support import ORDER, new_case, walk

AS_OF = dt.date(2024, 11, 30)  # Pilkada 2024 counting stage (27 Nov - 16 Dec)
# Weights sum to 10, so each weight point of a fully normalised indicator is 10 score points.
CONFIG = Config(
    weights={
        "past_violation_rate": 3,
        "open_cases": 2,
        "overdue_recommendations": 1,
        "ppk_noncompliance": 1,
        "candidate_conflict": 1,
        "report_trend": 1,
        "election_stage": 1,
    },
    normalisation="minmax",
    medium=40,
    high=60,
    trend_days=30,
    stage_values={"counting": 0.5, "campaign": 1.0},
)


def _employees(region_code: str, count: int, start: int) -> None:
    agency = Agency.objects.get(region_id=region_code, kind__in=["pemkab", "pemkot"])
    Employee.objects.bulk_create(
        Employee(
            nip=f"1980010120050110{start + i:02d}",
            name=f"Pegawai {start + i}",
            name_normalized=f"pegawai {start + i}",
            employment="pns",
            position_class="pelaksana",
            agency=agency,
            region_id=region_code,
            gender="L",
            birth_date=dt.date(1980, 1, 1),
        )
        for i in range(count)
    )


@pytest.fixture
def fixture_cases(bawaslu_kab_sleman: Any, commissioner_kab_sleman: Any, bkn_analyst: Any) -> dict[str, Any]:
    """The rows behind the hand computation (see test_scores_by_hand)."""
    _employees("34.04", 4, 0)  # Sleman: 4 civil servants
    _employees("71.71", 5, 10)  # Manado: 5 civil servants
    # A: Pemilu 2024 (an earlier election), Sleman, proven violation.
    walk(new_case(), ORDER, bawaslu_kab_sleman, commissioner_kab_sleman)
    # B: Pilkada 2024, Sleman, received 7 Oct, forwarded, recommended, sent to the PPK, overdue.
    case_b = forwarded_case(bawaslu_kab_sleman, commissioner_kab_sleman)
    for action in ("acknowledge_receipt", "verify", "recommend", "send_to_ppk", "mark_ppk_overdue"):
        take(action, case_b, bkn_analyst)
        case_b.refresh_from_db()
    # C and D: Pilkada 2024, Manado, received 20 and 25 Nov, still open.
    for day in (dt.date(2024, 11, 20), dt.date(2024, 11, 25)):
        new_case(region_code="71.71", election="pilkada-2024", received_at=wib(day), known_on=day)
    # E: Pilkada 2024, Sleman, received 20 Oct 2024; stays open in `received`.
    new_case(election="pilkada-2024", received_at=wib(dt.date(2024, 10, 20)), known_on=dt.date(2024, 10, 20))
    election = Election.objects.get(code="pilkada-2024")
    Candidate.objects.create(
        election=election, region_id="71", office="governor", names="X – Y", incumbent=True
    )
    return {"election": election}


def test_scores_by_hand(fixture_cases: dict[str, Any]) -> None:
    """Provinces on 30 Nov 2024, weights of CONFIG (sum 10).

    Trend windows: recent = [1 Nov, 1 Dec), previous = [2 Oct, 1 Nov) (WIB).

    | indicator | DIY (34) raw → n | Sulut (71) raw → n | others |
    | past violations / 1,000 ASN | 1/4*1000 = 250 → 1 | 0/5 = 0 → 0 | none → 0 |
    | open cases (B, E / C, D) | 2 → 1 | 2 → 1 | 0 |
    | overdue recommendations (B) | 1 → 1 | 0 → 0 | 0 |
    | PPK non-compliance (B sent, B overdue) | 1/1 = 1 | none → 0 | 0 |
    | candidate conflict (incumbent in 71) | 0 | 1 | 0 |
    | report trend (recent − previous, at least 0) | 0 − 2 → 0 | 2 − 0 = 2 → 1 | 0 |
    | stage (counting) | 0.5 | 0.5 | 0.5 |

    DIY: 3*1 + 2*1 + 1 + 1 + 0 + 0 + 0.5 = 7.5 → 75.0 (high)
    Sulut: 0 + 2*1 + 0 + 0 + 1 + 1*1 + 0.5 = 4.5 → 45.0 (medium)
    Others: 0.5 (stage) → 5.0 (low)
    """
    result = compute(fixture_cases["election"], level="province", as_of=AS_OF, config=CONFIG)
    by_code = {region.code: region for region in result.regions}
    assert len(result.regions) == 38
    diy, sulut, aceh = by_code["34"], by_code["71"], by_code["11"]
    assert (diy.score, diy.band, diy.rank) == (75.0, "high", 1)
    assert (sulut.score, sulut.band, sulut.rank) == (45.0, "medium", 2)
    assert (aceh.score, aceh.band) == (5.0, "low")
    raw = {item.key: item.raw for item in diy.indicators}
    assert raw["past_violation_rate"] == 250.0
    assert raw["open_cases"] == 2 and raw["overdue_recommendations"] == 1
    assert raw["ppk_noncompliance"] == 1.0 and raw["report_trend"] == 0
    assert {item.key: item.raw for item in sulut.indicators}["ppk_noncompliance"] is None
    points = {item.key: item.points for item in diy.indicators}
    assert points == {
        "past_violation_rate": 30.0,
        "open_cases": 20.0,
        "overdue_recommendations": 10.0,
        "ppk_noncompliance": 10.0,
        "candidate_conflict": 0.0,
        "report_trend": 0.0,
        "election_stage": 5.0,
    }
    # DIY's top: past violations (30), open cases (20), then the tie of 10 points in indicator order.
    assert [item.key for item in diy.top()] == [
        "past_violation_rate",
        "open_cases",
        "overdue_recommendations",
    ]
    assert [item.key for item in sulut.top()] == ["open_cases", "candidate_conflict", "report_trend"]


def test_explanation_names_the_top_indicators_in_indonesian(fixture_cases: dict[str, Any]) -> None:
    result = compute(fixture_cases["election"], level="province", as_of=AS_OF, config=CONFIG)
    by_code = {region.code: region for region in result.regions}
    with translation.override("id"):
        diy = explain(by_code["34"], CONFIG)
        sulut = explain(by_code["71"], CONFIG)
    assert diy.startswith("Skor 75,0 (tinggi)")
    assert "250,00 pelanggaran terbukti per 1.000 ASN" in diy
    assert "2 perkara masih berjalan" in diy and "1 rekomendasi" in diy
    assert "tahapan" not in diy  # the stage (5 points) is not among the top three
    assert "petahana" in sulut and "Skor 45,0 (sedang)" in sulut


def test_regency_level_and_ppk_as_candidate(fixture_cases: dict[str, Any]) -> None:
    PPK.objects.filter(agency__code="pemkab-34.04").update(name="Dr. Hj. Kustini Sri Purnomo")
    Candidate.objects.create(
        election=fixture_cases["election"],
        region_id="34.04",
        office="regent",
        names="Kustini Sri Purnomo – Danang Maharsa",
    )
    result = compute(fixture_cases["election"], level="regency", as_of=AS_OF, config=CONFIG)
    by_code = {region.code: region for region in result.regions}
    sleman, manado = by_code["34.04"], by_code["71.71"]
    assert sleman.raw.ppk_candidate and not sleman.raw.incumbent
    assert not manado.raw.incumbent  # the incumbent runs for governor (province 71), not in Manado
    # Sleman: past 1, open 1 (2 of max 2), overdue 1, PPK 1, conflict 1, trend 0, stage 0.5 → 85.0
    assert sleman.score == 85.0 and sleman.rank == 1
    with translation.override("id"):
        assert "PPK" in explain(sleman, CONFIG)


def test_normalisation() -> None:
    assert normalise({"a": 1, "b": 2, "c": 2, "d": 5}, "minmax") == {"a": 0, "b": 0.25, "c": 0.25, "d": 1}
    assert normalise({"a": 1, "b": 2, "c": 2, "d": 5}, "rank") == {"a": 0, "b": 0.5, "c": 0.5, "d": 1}
    assert normalise({"a": 3, "b": 3}, "minmax") == {"a": 0, "b": 0}
    assert normalise({}, "rank") == {}


def test_configuration_file_and_overrides(settings: Any, tmp_path: Any) -> None:
    config = load_config(weights="")
    assert config.weights["past_violation_rate"] == 25 and config.normalisation == "minmax"
    assert load_config(weights="open_cases=40, report_trend=0").weights["open_cases"] == 40
    settings.NETRAL_VULNERABILITY_WEIGHTS = "election_stage=9"
    assert load_config().weights["election_stage"] == 9
    for bad in ("nonsense=1", "open_cases", "open_cases=x", "open_cases=-1"):
        with pytest.raises(ImproperlyConfigured):
            parse_weights(bad)
    path = tmp_path / "index.json"
    path.write_text(
        json.dumps({"weights": {"open_cases": 1}, "normalisation": "rank", "bands": {"medium": 10}})
    )
    other = load_config(path, weights="")
    assert other.normalisation == "rank" and other.medium == 10 and other.weights["past_violation_rate"] == 0
    path.write_text(json.dumps({"weights": {}}))
    with pytest.raises(ImproperlyConfigured):
        load_config(path, weights="")


def test_command_json_and_errors(fixture_cases: dict[str, Any], capsys: Any) -> None:
    out = StringIO()
    call_command(
        "analytics",
        "vulnerability",
        "--election",
        "pilkada-2024",
        "--as-of",
        "2024-11-30",
        "--json",
        stdout=out,
    )
    data = json.loads(out.getvalue())
    assert data["election"] == "pilkada-2024" and data["level"] == "province" and len(data["regions"]) == 38
    first = data["regions"][0]
    assert set(first) >= {
        "rank",
        "code",
        "name",
        "score",
        "band",
        "explanation",
        "top_indicators",
        "indicators",
    }
    assert vulnerability.default_election() == fixture_cases["election"]
    text = StringIO()
    call_command("analytics", "vulnerability", "--level", "regency", "--limit", "2", stdout=text)
    assert len(text.getvalue().splitlines()) == 1 + 2 * 2
    with pytest.raises(SystemExit) as exit_info:
        call_command("analytics", "vulnerability", "--election", "no-such-election")
    assert exit_info.value.code == 1


def test_staff_page_shows_only_regions_in_scope(
    client: Any, fixture_cases: dict[str, Any], bawaslu_prov_diy: Any, ppk_kab_sleman: Any, bawaslu_ri: Any
) -> None:
    url = "/analitik/kerawanan/?election=pilkada-2024&level=regency"
    assert client.get(url).status_code == 302  # login first
    client.force_login(ppk_kab_sleman)
    assert client.get(url).status_code == 403
    client.force_login(bawaslu_prov_diy)
    page = client.get(url).content.decode()
    assert 'data-region="34.04"' in page and 'data-region="71.71"' not in page
    client.force_login(bawaslu_ri)
    page = client.get(url).content.decode()
    assert 'data-region="34.04"' in page and 'data-region="71.71"' in page


def test_navigation_links(client: Any, bawaslu_prov_diy: Any, ppk_kab_sleman: Any) -> None:
    client.force_login(bawaslu_prov_diy)
    page = client.get("/beranda/").content.decode()
    assert 'href="/analitik/kerawanan/"' in page and 'href="/statistik/"' in page
    client.force_login(ppk_kab_sleman)
    assert 'href="/analitik/kerawanan/"' not in client.get("/beranda/").content.decode()
