"""Elections: seeded reference data, stages in force with regional overrides, determination, command."""

from __future__ import annotations

import datetime as dt
import json
from io import StringIO

import pytest
from django.core.management import call_command

from netral.elections import services
from netral.elections.models import Candidate, Election, Party, Stage, StageOverride
from netral.regions.models import Region

pytestmark = pytest.mark.django_db

D = dt.date
UTC = dt.UTC


def run(*args: str) -> str:
    out = StringIO()
    call_command("elections", *args, stdout=out)
    return out.getvalue()


def code_on(code: str, day: dt.date, region: Region | None = None) -> str | None:
    window = services.stage_on(services.get_election(code), day, region)
    return window.code if window else None


def test_the_three_reference_elections_are_seeded() -> None:
    assert set(Election.objects.values_list("code", flat=True)) == {
        "pemilu-2024",
        "pilkada-2024",
        "pilkada-2020",
    }
    pemilu = services.get_election("pemilu-2024")
    assert (pemilu.type, pemilu.voting_date, pemilu.candidate_determination_date) == (
        "pemilu",
        D(2024, 2, 14),
        D(2023, 11, 13),
    )
    pilkada = services.get_election("pilkada-2024")
    assert (pilkada.type, pilkada.voting_date, pilkada.candidate_determination_date) == (
        "pilkada",
        D(2024, 11, 27),
        D(2024, 9, 22),
    )
    assert services.get_election("pilkada-2020").voting_date == D(2020, 12, 9)
    for election in Election.objects.all():
        assert list(election.stages.values_list("code", flat=True)) == [
            "registration",
            "determination",
            "campaign",
            "quiet_period",
            "voting",
            "counting",
        ]
    campaign = Stage.objects.get(election=pilkada, code="campaign")
    assert (campaign.start, campaign.end) == (D(2024, 9, 25), D(2024, 11, 23))
    with pytest.raises(Election.DoesNotExist):
        services.get_election("pemilu-2029")


def test_pemilu_2024_parties_and_presidential_pairs() -> None:
    parties = dict(
        Party.objects.filter(election__code="pemilu-2024").values_list("ballot_number", "abbreviation")
    )
    assert sorted(parties) == [*range(1, 18), 24]
    assert (parties[1], parties[2], parties[3], parties[15], parties[24]) == (
        "PKB",
        "Gerindra",
        "PDI-P",
        "PSI",
        "Ummat",
    )
    pairs = Candidate.objects.filter(election__code="pemilu-2024", office="president").order_by(
        "ballot_number"
    )
    assert [(pair.ballot_number, pair.names.split()[0], pair.status, pair.region_id) for pair in pairs] == [
        (1, "Anies", "calon", None),
        (2, "Prabowo", "calon", None),
        (3, "Ganjar", "calon", None),
    ]


def test_reload_is_idempotent_and_keeps_admin_edits() -> None:
    stage = Stage.objects.get(election__code="pilkada-2020", code="counting")
    stage.end = D(2020, 12, 31)
    stage.save()
    summary = services.load_reference_data()
    assert summary.startswith("0 elections, 0 stages, 0 parties, 0 candidates created")
    assert Election.objects.count() == 3
    assert Stage.objects.count() == 18
    assert Party.objects.count() == 18
    assert Candidate.objects.count() == 3
    stage.refresh_from_db()
    assert stage.end == D(2020, 12, 31)


@pytest.mark.parametrize(
    ("code", "day", "expected"),
    [
        ("pemilu-2024", D(2023, 11, 13), "determination"),
        ("pemilu-2024", D(2023, 11, 27), None),  # between determination and campaign
        ("pemilu-2024", D(2023, 11, 28), "campaign"),
        ("pemilu-2024", D(2024, 2, 10), "campaign"),
        ("pemilu-2024", D(2024, 2, 11), "quiet_period"),
        ("pemilu-2024", D(2024, 2, 13), "quiet_period"),
        ("pemilu-2024", D(2024, 2, 14), "voting"),
        ("pemilu-2024", D(2024, 2, 15), "counting"),
        ("pilkada-2024", D(2024, 8, 28), "registration"),
        ("pilkada-2024", D(2024, 9, 24), None),
        ("pilkada-2024", D(2024, 9, 25), "campaign"),
        ("pilkada-2024", D(2024, 11, 26), "quiet_period"),
        ("pilkada-2024", D(2024, 11, 27), "voting"),  # counting starts the same day: the shorter stage wins
        ("pilkada-2024", D(2024, 11, 28), "counting"),
        ("pilkada-2024", D(2024, 12, 17), None),
        ("pilkada-2020", D(2020, 12, 5), "campaign"),
        ("pilkada-2020", D(2020, 12, 9), "voting"),
    ],
)
def test_stage_on_national_dates(code: str, day: dt.date, expected: str | None) -> None:
    assert code_on(code, day) == expected


def test_stage_on_honours_regency_then_province_overrides() -> None:
    election = services.get_election("pilkada-2024")
    campaign = Stage.objects.get(election=election, code="campaign")
    voting = Stage.objects.get(election=election, code="voting")
    diy = Region.objects.get(code="34")
    sleman = Region.objects.get(code="34.04")
    bantul = Region.objects.get(code="34.02")
    jakarta_selatan = Region.objects.get(code="31.74")
    # Made-up regional dates: DIY's campaign ends a week early; Sleman votes two weeks late.
    StageOverride.objects.create(stage=campaign, region=diy, start=D(2024, 9, 25), end=D(2024, 11, 16))
    StageOverride.objects.create(stage=voting, region=sleman, start=D(2024, 12, 11), end=D(2024, 12, 11))

    assert code_on("pilkada-2024", D(2024, 11, 20)) == "campaign"
    assert code_on("pilkada-2024", D(2024, 11, 20), jakarta_selatan) == "campaign"
    assert code_on("pilkada-2024", D(2024, 11, 20), diy) is None  # province override
    assert code_on("pilkada-2024", D(2024, 11, 20), bantul) is None  # inherits the province's override
    assert code_on("pilkada-2024", D(2024, 11, 20), sleman) is None
    assert code_on("pilkada-2024", D(2024, 11, 27), bantul) == "voting"
    assert code_on("pilkada-2024", D(2024, 11, 27), sleman) == "counting"  # Sleman's voting moved
    assert code_on("pilkada-2024", D(2024, 12, 11), sleman) == "voting"
    assert code_on("pilkada-2024", D(2024, 12, 11), bantul) == "counting"

    window = services.stage_on(election, D(2024, 12, 11), sleman)
    assert window is not None and window.override_region == "34.04"
    window = services.stage_on(election, D(2024, 10, 1), bantul)
    assert window is not None and (window.code, window.end, window.override_region) == (
        "campaign",
        D(2024, 11, 16),
        "34",
    )


def test_stage_on_an_aware_datetime_uses_the_regions_local_date() -> None:
    election = services.get_election("pemilu-2024")
    # 10 Feb 2024 16:30 UTC is 23:30 WIB on 10 Feb but 01:30 WIT on 11 Feb.
    moment = dt.datetime(2024, 2, 10, 16, 30, tzinfo=UTC)
    jayapura = Region.objects.get(code="91.71")
    bandung = Region.objects.get(code="32.73")
    assert code_on("pemilu-2024", moment, bandung) == "campaign"
    assert code_on("pemilu-2024", moment, jayapura) == "quiet_period"
    with pytest.raises(ValueError, match="naive"):
        services.stage_on(election, dt.datetime(2024, 2, 10, 12, 0))


def test_is_determined_around_the_determination_date() -> None:
    pilkada = services.get_election("pilkada-2024")
    assert not services.is_determined(pilkada, D(2024, 9, 21))
    assert services.is_determined(pilkada, D(2024, 9, 22))
    assert services.is_determined(pilkada, D(2024, 9, 23))
    # 21 Sep 2024 17:30 UTC is already 22 Sep 00:30 WIB.
    assert services.is_determined(pilkada, dt.datetime(2024, 9, 21, 17, 30, tzinfo=UTC))
    assert not services.is_determined(pilkada, dt.datetime(2024, 9, 21, 16, 30, tzinfo=UTC))
    pemilu = services.get_election("pemilu-2024")
    assert not services.is_determined(pemilu, D(2023, 11, 12))
    assert services.is_determined(pemilu, D(2023, 11, 13))


def test_is_determined_follows_a_regional_determination_override() -> None:
    pilkada = services.get_election("pilkada-2024")
    determination = Stage.objects.get(election=pilkada, code="determination")
    sleman = Region.objects.get(code="34.04")
    StageOverride.objects.create(stage=determination, region=sleman, start=D(2024, 10, 1), end=D(2024, 10, 1))
    assert services.determination_date(pilkada, sleman) == D(2024, 10, 1)
    assert not services.is_determined(pilkada, D(2024, 9, 30), sleman)
    assert services.is_determined(pilkada, D(2024, 10, 1), sleman)
    assert services.is_determined(pilkada, D(2024, 9, 30), Region.objects.get(code="34.02"))


def test_is_determined_is_false_without_a_date() -> None:
    election = Election.objects.create(
        code="pilkada-2029", type="pilkada", name="Pilkada 2029", voting_date=D(2029, 11, 28)
    )
    assert services.determination_date(election) is None
    assert not services.is_determined(election, D(2030, 1, 1))


def test_visible_to_returns_all_elections() -> None:
    assert Election.objects.visible_to(None).count() == 3


def test_list_json() -> None:
    data = json.loads(run("list", "--json"))
    assert [row["code"] for row in data] == ["pilkada-2024", "pemilu-2024", "pilkada-2020"]
    assert data[1] == {
        "code": "pemilu-2024",
        "type": "pemilu",
        "name": "Pemilihan Umum 2024",
        "voting_date": "2024-02-14",
        "candidate_determination_date": "2023-11-13",
    }


def test_show_json_with_a_regional_override() -> None:
    stage = Stage.objects.get(election__code="pilkada-2024", code="voting")
    StageOverride.objects.create(stage=stage, region_id="34.04", start=D(2024, 12, 11), end=D(2024, 12, 11))
    data = json.loads(run("show", "pilkada-2024", "--json", "--region", "3404"))
    assert set(data) == {
        "code", "type", "name", "voting_date", "candidate_determination_date", "region", "determination_date",
        "stages", "parties", "candidates",
    }  # fmt: skip
    assert data["region"] == "34.04"
    voting = next(row for row in data["stages"] if row["code"] == "voting")
    assert voting == {
        "code": "voting",
        "name": "Pemungutan suara",
        "start": "2024-12-11",
        "end": "2024-12-11",
        "override_region": "34.04",
    }
    national = json.loads(run("show", "pilkada-2024", "--json"))
    assert next(row for row in national["stages"] if row["code"] == "voting")["start"] == "2024-11-27"
    assert national["region"] is None


def test_show_json_lists_parties_and_pairs() -> None:
    data = json.loads(run("show", "pemilu-2024", "--json"))
    assert len(data["parties"]) == 18
    assert data["parties"][0] == {
        "ballot_number": 1,
        "name": "Partai Kebangkitan Bangsa",
        "abbreviation": "PKB",
    }
    assert [row["ballot_number"] for row in data["candidates"]] == [1, 2, 3]
    assert set(data["candidates"][0]) == {
        "office",
        "region",
        "ballot_number",
        "names",
        "status",
        "incumbent",
        "parties",
    }


def test_show_text_is_in_indonesian() -> None:
    text = run("show", "pemilu-2024")
    assert "Hari pemungutan suara: 14 Februari 2024" in text
    assert "28 November 2023 – 10 Februari 2024" in text


@pytest.mark.parametrize("args", [("show", "pemilu-2099"), ("show", "pemilu-2024", "--region", "99.99")])
def test_unknown_election_or_region_exits_1(args: tuple[str, ...]) -> None:
    err = StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command("elections", *args, stdout=StringIO(), stderr=err)
    assert exit_info.value.code == 1
    assert "tidak dikenal" in err.getvalue()
