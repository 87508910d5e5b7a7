"""`netral deadline` and `netral holidays`: JSON shapes, Indonesian text, exit code 1 on bad input."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import translation

from netral.workdays import services
from netral.workdays.models import Clock

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _indonesian_and_fresh_cache() -> Any:
    services.invalidate_cache()
    with translation.override("id"):
        yield


def run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def fails(*args: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(SystemExit) as info:
        call_command(*args, stdout=out, stderr=err)
    assert info.value.code == 1
    assert out.getvalue() == ""
    return err.getvalue()


# --- deadline ----------------------------------------------------------------------------------------


def test_deadline_json_is_exactly_the_documented_object() -> None:
    # 7 working days from Thu 4 Apr 2024 across Idulfitri = Tue 23 Apr (see test_workdays_golden.py).
    out, err = run(
        "deadline", "--clock", "pemilu.decision", "--start", "2024-04-04", "--region", "71.71", "--json"
    )
    assert json.loads(out) == {
        "clock": "pemilu.decision",
        "start": "2024-04-04",
        "days": 7,
        "day_type": "working",
        "due_date": "2024-04-23",
        "due_at": "2024-04-23T16:00:00+08:00",
    }
    assert err == ""


def test_deadline_json_without_region_is_wib() -> None:
    out, _err = run("deadline", "--clock", "pilkada.report_filing", "--start", "2024-12-28", "--json")
    data = json.loads(out)
    assert (data["due_date"], data["due_at"]) == ("2025-01-04", "2025-01-04T16:00:00+07:00")


def test_deadline_text_is_indonesian() -> None:
    out, _err = run("deadline", "--clock", "pemilu.decision", "--start", "2024-04-04", "--region", "34.04")
    assert "Kamis, 4 April 2024" in out
    assert "Selasa, 23 April 2024" in out
    assert "16.00 WIB" in out
    assert "hari kerja" in out
    assert "Kabupaten Sleman" in out


def test_deadline_text_in_wit() -> None:
    out, _err = run(
        "deadline", "--clock", "ppk.follow_up_after_warning", "--start", "2024-12-23", "--region", "91.71"
    )
    assert "Senin, 30 Desember 2024" in out
    assert "16.00 WIT" in out


def test_deadline_list_json_has_every_clock() -> None:
    out, _err = run("deadline", "--list", "--json")
    rows = json.loads(out)
    assert len(rows) == 12
    decision = next(row for row in rows if row["name"] == "pemilu.decision")
    assert set(decision) == {"name", "election_type", "days", "day_type", "description", "legal_basis"}
    assert (decision["days"], decision["day_type"], decision["election_type"]) == (7, "working", "pemilu")


def test_deadline_list_table() -> None:
    out, _err = run("deadline", "--list")
    lines = out.splitlines()
    assert len(lines) == 13  # header + 12 clocks
    assert any(line.startswith("pilkada.decision") and "hari kalender" in line for line in lines)


def test_deadline_outside_seeded_years_warns_on_stderr_only() -> None:
    out, err = run("deadline", "--clock", "pilkada.decision", "--start", "2035-01-01", "--json")
    assert json.loads(out)["due_date"] == "2035-01-04"
    assert "2035" in err


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--clock", "pemilu.unknown", "--start", "2024-04-04"], "pemilu.decision"),  # lists valid clocks
        (["--clock", "pemilu.decision", "--start", "2024-02-30"], "YYYY-MM-DD"),
        (["--clock", "pemilu.decision", "--start", "4 April 2024"], "YYYY-MM-DD"),
        (["--clock", "pemilu.decision", "--start", "2024-04-04", "--region", "99.99"], "99.99"),
        (["--clock", "pemilu.decision"], "--start"),
        (["--start", "2024-04-04", "--json"], "--clock"),
    ],
)
def test_deadline_bad_input_exits_1_with_a_message(args: list[str], expected: str) -> None:
    message = fails("deadline", *args)
    assert expected in message


def test_deadline_messages_are_indonesian() -> None:
    assert "tidak dikenal" in fails("deadline", "--clock", "x", "--start", "2024-04-04")
    assert "tidak valid" in fails("deadline", "--clock", "pemilu.decision", "--start", "2024-13-01")


# --- holidays ----------------------------------------------------------------------------------------


def test_holidays_list_json_2024() -> None:
    out, _err = run("holidays", "list", "--year", "2024", "--json")
    rows = json.loads(out)
    assert len(rows) == 29  # 19 public holidays + 10 cuti bersama
    christmas_leave = next(row for row in rows if row["date"] == "2024-12-26")
    assert christmas_leave == {
        "date": "2024-12-26",
        "name": "Cuti Bersama Hari Raya Natal",
        "name_en": "Christmas Joint Holiday",
        "kind": "cuti_bersama",
        "region": None,
        "active": True,
        "source": "seed",
        "non_working": True,
    }


def test_holidays_add_regional_day_changes_only_that_region() -> None:
    out, _err = run("holidays", "add", "2024-04-16", "Hari libur daerah", "--region", "34.04")
    assert "2024-04-16" in out
    sleman = json.loads(run("holidays", "list", "--year", "2024", "--region", "34.04", "--json")[0])
    manado = json.loads(run("holidays", "list", "--year", "2024", "--region", "71.71", "--json")[0])
    assert [row["date"] for row in sleman if row["region"]] == ["2024-04-16"]
    assert not any(row["region"] for row in manado)
    # Tue 16 Apr now off in Sleman: Fri 5 = 1, Wed 17 = 2, ..., Tue 23 = 6, Wed 24 = 7.
    data = json.loads(
        run("deadline", "--clock", "pemilu.decision", "--start", "2024-04-04", "--region", "34.04", "--json")[
            0
        ]
    )
    assert data["due_date"] == "2024-04-24"


@pytest.mark.parametrize(
    "args",
    [
        ["add", "2024-99-01", "Libur"],
        ["add", "2024-04-16", "Libur", "--region", "00"],
        ["add", "2024-12-25", "Hari Raya Natal"],  # already seeded
        ["add", "2024-04-16", "  "],
        ["list", "--year", "2024", "--region", "nowhere"],
    ],
)
def test_holidays_bad_input_exits_1(args: list[str]) -> None:
    assert fails("holidays", *args)


# --- admin -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/admin/workdays/holiday/",
        "/admin/workdays/holiday/?kind__exact=cuti_bersama&scope=national&date__year=2024",
        "/admin/workdays/holiday/?q=Natal",
        "/admin/workdays/holiday/add/",
        "/admin/workdays/clock/",
        "/admin/workdays/clock/?day_type__exact=calendar",
    ],
)
def test_admin_pages_render(admin_client: Any, url: str) -> None:
    assert admin_client.get(url).status_code == 200


def test_admin_holiday_search_finds_christmas(admin_client: Any) -> None:
    content = admin_client.get("/admin/workdays/holiday/?q=Natal&date__year=2024").content.decode()
    assert "Cuti Bersama Hari Raya Natal" in content


def test_admin_clock_name_is_read_only_once_created(admin_client: Any) -> None:
    clock = Clock.objects.get(name="pemilu.decision")
    response = admin_client.get(f"/admin/workdays/clock/{clock.pk}/change/")
    assert response.status_code == 200
    assert b'name="name"' not in response.content
    assert b'name="days"' in response.content
