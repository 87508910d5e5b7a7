"""`netral analytics tallies --check|--rebuild` (cases/tally.py `check`, `repair`): the stored tallies
compared with a recount from the rows, on data built through the real actions; and the migrations, which
import no application code."""

from __future__ import annotations

import ast
import importlib
import json
from io import StringIO
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.models import F
from django.utils import translation

from netral.cases import tally
from netral.cases.models import CaseTally, DeadlineTally, DimensionTally, PpkTally, WeekTally
from tests.test_analytics_dash_support import build_world

pytestmark = pytest.mark.django_db

MIGRATIONS = sorted(Path(__file__).resolve().parent.parent.glob("netral/*/migrations/0*.py"))


def run(*args: str) -> tuple[int, str]:
    """Runs `netral analytics tallies ARGS` (in English: the messages read the same in every catalogue
    state); returns (exit status, output)."""
    out = StringIO()
    try:
        with translation.override("en"):
            call_command("analytics", "tallies", *args, stdout=out)
    except SystemExit as exit_info:
        assert isinstance(exit_info.code, int)
        return exit_info.code, out.getvalue()
    return 0, out.getvalue()


@pytest.fixture
def world(users_by_role: dict[str, Any]) -> None:
    build_world(users_by_role)


def test_the_tallies_kept_by_the_actions_agree_with_a_recount(world: None) -> None:
    status, out = run("--check")
    rows = sum(model.objects.exclude(**_zero(model)).count() for model in MODELS)
    assert (status, out.strip()) == (0, f"All {rows} tally rows agree with a recount from the rows.")
    assert rows > 20
    result = tally.check()
    assert result.ok and result.total == rows and set(result.rows) == {t.model for t in tally.TALLIES}


MODELS = (DeadlineTally, CaseTally, DimensionTally, WeekTally, PpkTally)


def _zero(model: Any) -> dict[str, int]:
    tallied = next(t for t in tally.TALLIES if t.model == model.__name__)
    return dict.fromkeys(tallied.measures, 0)


def test_a_row_changed_by_hand_is_named_and_rebuild_repairs_it(world: None) -> None:
    row = CaseTally.objects.filter(current__gt=0).order_by("pk").first()
    assert row is not None
    CaseTally.objects.filter(pk=row.pk).update(current=F("current") + 2)
    status, out = run("--check")
    assert status == 1
    header, line, summary = out.strip().splitlines()
    assert header.split() == ["tally", "key", "measure", "stored", "recounted"]
    group = row.group or '""'  # an empty key value is shown as ""
    key = (
        f"election={row.election_id} region={row.region_id} authority_key={row.authority_key} "
        f"group={group} state={row.state}"
    )
    assert line.split() == ["CaseTally", *key.split(), "current", str(row.current + 2), str(row.current)]
    assert summary.startswith("1 of ") and "(1 with other counts, 0 missing, 0 extra)" in summary

    status, out = run("--rebuild")
    assert status == 0
    assert out.strip().splitlines()[1].split()[-2:] == [str(row.current + 2), str(row.current)]
    assert "1 of " in out and "(1 updated, 0 added, 0 removed)" in out
    assert CaseTally.objects.get(pk=row.pk).current == row.current  # the row itself, updated in place
    assert run("--check")[0] == 0


def test_a_missing_and_an_extra_row_are_both_reported(world: None) -> None:
    gone = PpkTally.objects.filter(received__gt=0).order_by("pk").first()
    assert gone is not None
    PpkTally.objects.filter(pk=gone.pk).delete()
    week = WeekTally.objects.order_by("pk").first()
    assert week is not None
    WeekTally.objects.create(
        election_id=week.election_id,
        region_id=week.region_id,
        authority_key=week.authority_key,
        group="no_such_group",
        week=week.week,
        cases=3,
    )
    status, out = run("--check", "--json")
    assert status == 1
    result = json.loads(out.strip().splitlines()[-1])
    assert (result["ok"], result["mode"], result["differing_rows"]) == (False, "check", 2)
    assert (result["changed"], result["missing"], result["extra"], result["more"]) == (0, 1, 1, 0)
    missing = [d for d in result["differences"] if d["tally"] == "PpkTally"]
    assert {d["measure"] for d in missing} >= {"received"}
    assert all(d["stored"] == 0 and d["recounted"] > 0 for d in missing)
    assert missing[0]["key"]["agency_key"] == gone.agency_key and missing[0]["key"]["state"] == gone.state
    extra = [d for d in result["differences"] if d["tally"] == "WeekTally"]
    assert extra == [
        {
            "tally": "WeekTally",
            "key": {
                "election": week.election_id,
                "region": week.region_id,
                "authority_key": week.authority_key,
                "group": "no_such_group",
                "week": week.week.isoformat(),
            },
            "measure": "cases",
            "stored": 3,
            "recounted": 0,
        }
    ]

    status, out = run("--rebuild", "--json")
    assert status == 0
    repaired = json.loads(out)
    assert (repaired["mode"], repaired["missing"], repaired["extra"]) == ("rebuild", 1, 1)
    assert not WeekTally.objects.filter(group="no_such_group").exists()
    assert PpkTally.objects.filter(
        state=gone.state, agency_key=gone.agency_key, received=gone.received
    ).exists()
    assert run("--check")[0] == 0


def test_one_tally_and_the_limit(world: None) -> None:
    DimensionTally.objects.filter(cases__gt=0).update(cases=F("cases") + 1)
    changed = DimensionTally.objects.filter(cases__gt=1).count()
    assert changed > 3
    assert run("--check", "--tally", "CaseTally")[0] == 0  # only the tally asked for is recounted
    status, out = run("--check", "--tally", "DimensionTally", "--limit", "2")
    lines = out.strip().splitlines()
    assert status == 1 and len(lines) == 1 + 2 + 2
    assert lines[3] == f"… and {changed - 2} more differences (--limit 0 lists them all)."
    assert lines[4].startswith(f"{changed} of ")


def test_rows_counted_back_to_zero_are_no_difference_and_rebuild_drops_them(world: None) -> None:
    row = DeadlineTally.objects.order_by("pk").first()
    assert row is not None
    DeadlineTally.objects.create(
        clock="no.such_clock",
        election_id=row.election_id,
        region_id=row.region_id,
        authority_key=row.authority_key,
        group=row.group,
        state=row.state,
    )
    assert tally.check().ok
    repaired = tally.repair()
    assert repaired.ok and not DeadlineTally.objects.filter(clock="no.such_clock").exists()


def test_the_check_or_the_rebuild_is_required() -> None:
    with pytest.raises(CommandError, match="one of the arguments --check --rebuild is required"):
        call_command("analytics", "tallies")
    with pytest.raises(CommandError, match="not allowed with argument"):
        call_command("analytics", "tallies", "--check", "--rebuild")


def test_an_empty_database_agrees() -> None:
    assert run("--check") == (0, "All 0 tally rows agree with a recount from the rows.\n")


def _imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


# The live manager of accounts.User is in its migration state (`use_in_migrations`, inherited from Django's
# UserManager), so a migration has to name it until netral/accounts/models.py sets
# `use_in_migrations = False` on it; then 0002 can say `managers=[]` and leave this list.
NAMES_LIVE_MANAGER = {"accounts/migrations/0002_user_manager_and_role_labels.py"}


def test_migrations_import_no_application_code() -> None:
    assert len(MIGRATIONS) > 20
    importing = {
        path.relative_to(path.parents[2]).as_posix()
        for path in MIGRATIONS
        if any(name == "netral" or name.startswith("netral.") for name in _imported_modules(path))
    }
    assert importing <= NAMES_LIVE_MANAGER


def test_the_models_and_migrations_agree() -> None:
    call_command("makemigrations", "--check", "--dry-run", stdout=StringIO())  # exits 1 on a change


def test_the_tally_migration_warns_when_cases_exist(world: None, capsys: pytest.CaptureFixture[str]) -> None:
    fill = importlib.import_module("netral.cases.migrations.0012_more_tallies").fill
    fill(apps, SimpleNamespace(connection=connection))
    err = capsys.readouterr().err
    assert "netral analytics tallies --rebuild" in err and "holds 7 cases" in err


def test_the_tally_migration_is_silent_without_cases(capsys: pytest.CaptureFixture[str]) -> None:
    fill = importlib.import_module("netral.cases.migrations.0012_more_tallies").fill
    fill(apps, SimpleNamespace(connection=connection))
    assert capsys.readouterr().err == ""
