"""The escalation sweep with golden dates: PPK overdue → warning → block → decree → unblock, a
Bawaslu clock marked overdue only, idempotence, notifications, the commands and the audit chain."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import Max

from netral.accounts.models import User
from netral.audit.models import ChainHead
from netral.audit.services import verify
from netral.cases import escalation
from netral.cases.escalation import EscalationEvent, SweepResult, sweep
from netral.cases.models import BlockRecord, Case, Deadline, Transition
from tests.test_cases_authority_support import RECEIVED, forwarded_case, take, wib
from tests.test_cases_support import new_case

pytestmark = pytest.mark.django_db

UTC = dt.UTC
# Sent to the PPK Tue 22 Oct 2024: follow-up due Mon 11 Nov 2024 16:00 WIB (see test_cases_authority).
FOLLOW_UP_DUE = dt.datetime(2024, 11, 11, 9, 0, tzinfo=UTC)
# Warned Wed 13 Nov 2024: after-warning clock due Mon 18 Nov 2024 16:00 WIB.
AFTER_WARNING_DUE = dt.datetime(2024, 11, 18, 9, 0, tzinfo=UTC)


def counts(result: SweepResult) -> tuple[int, int, int, int, int]:
    return (result.claimed, result.overdue_marked, result.ppk_overdue, result.blocked, result.refused)


def sent_to_ppk(staff: User, commissioner: User, analyst: User) -> Case:
    case = forwarded_case(staff, commissioner)
    days = [dt.date(2024, 10, 15), dt.date(2024, 10, 16), dt.date(2024, 10, 21), dt.date(2024, 10, 22)]
    for action, day in zip(["acknowledge_receipt", "verify", "recommend", "send_to_ppk"], days, strict=True):
        take(action, case, analyst, wib(day))
    return Case.objects.get(pk=case.pk)


@pytest.fixture
def events(recorded: dict[str, list[object]]) -> dict[str, list[object]]:
    return recorded


def test_ppk_overdue_warning_block_and_unblock(
    bawaslu_kab_sleman: User,
    commissioner_kab_sleman: User,
    bkn_analyst: User,
    kemendagri_officer: User,
    ppk_kab_sleman: User,
    events: dict[str, list[object]],
    django_capture_on_commit_callbacks: object,
) -> None:
    case = sent_to_ppk(bawaslu_kab_sleman, commissioner_kab_sleman, bkn_analyst)
    follow_up = Deadline.objects.get(case=case, clock="ppk.follow_up")
    assert follow_up.due_at == FOLLOW_UP_DUE

    # Exactly at the due moment the step is not yet overdue.
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        assert counts(sweep(FOLLOW_UP_DUE)) == (0, 0, 0, 0, 0)
    assert Deadline.objects.get(pk=follow_up.pk).state == "open"

    # Tue 12 Nov 2024 10:00 WIB: overdue → ppk_overdue by the system actor.
    first = wib(dt.date(2024, 11, 12))
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        assert counts(sweep(first)) == (1, 1, 1, 0, 0)
    assert Case.objects.get(pk=case.pk).state == "ppk_overdue"
    assert Deadline.objects.get(pk=follow_up.pk).state == "overdue"
    row = Transition.objects.filter(case=case).last()
    assert row is not None
    assert (row.action, row.actor_id, row.actor_role, row.at) == ("mark_ppk_overdue", None, "system", first)
    assert events["escalation"] == [
        EscalationEvent(
            follow_up.pk,
            case.pk,
            case.number,
            "ppk.follow_up",
            FOLLOW_UP_DUE,
            "ppk_officer",
            "kemendagri_officer",
            "mark_ppk_overdue",
        )
    ]
    assert [(e.action, e.to_state) for e in events["case"]] == [("mark_ppk_overdue", "ppk_overdue")]  # type: ignore[attr-defined]

    # A second sweep does nothing new.
    assert counts(sweep(first + dt.timedelta(days=1))) == (0, 0, 0, 0, 0)

    # Kemendagri warns Wed 13 Nov; the sweep on Mon 18 Nov 17:00 WIB (after 16:00) blocks.
    case = Case.objects.get(pk=case.pk)
    take("warn_ppk", case, kemendagri_officer, wib(dt.date(2024, 11, 13)))
    after = Deadline.objects.get(case=case, clock="ppk.follow_up_after_warning")
    assert after.due_at == AFTER_WARNING_DUE
    assert counts(sweep(wib(dt.date(2024, 11, 18), 15))) == (0, 0, 0, 0, 0)
    at = wib(dt.date(2024, 11, 18), 17)
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        assert counts(sweep(at)) == (1, 1, 0, 1, 0)
    assert Case.objects.get(pk=case.pk).state == "blocked"
    block = BlockRecord.objects.get(recommendation__case=case)
    assert (block.requested_at, block.lifted_at) == (at, None)
    assert "Kemendagri" in block.reason and "pemblokiran" in block.reason
    assert events["escalation"][-1] == EscalationEvent(
        after.pk,
        case.pk,
        case.number,
        "ppk.follow_up_after_warning",
        AFTER_WARNING_DUE,
        "ppk_officer",
        "authority_analyst",
        "block",
    )

    # The decree on Mon 25 Nov lifts the block (existing behaviour); then nothing is left to sweep.
    case = Case.objects.get(pk=case.pk)
    take("record_sanction", case, ppk_kab_sleman, wib(dt.date(2024, 11, 25)))
    assert BlockRecord.objects.get(pk=block.pk).lifted_at == wib(dt.date(2024, 11, 25))
    assert Case.objects.get(pk=case.pk).state == "unblocked"
    assert counts(sweep(wib(dt.date(2024, 12, 31)))) == (0, 0, 0, 0, 0)
    assert list(
        Transition.objects.filter(case=case, actor_role="system").values_list("action", flat=True)
    ) == [
        "mark_ppk_overdue",
        "block",
        "unblock",
    ]
    assert verify().ok


def test_a_bawaslu_clock_is_marked_overdue_only(bawaslu_kab_sleman: User) -> None:
    # Pilkada in Sleman, received Mon 7 Oct 2024: initial review 2 calendar days → Wed 9 Oct 2024,
    # 16:00 WIB = 09:00 UTC.
    case = new_case(election="pilkada-2024", received_at=wib(RECEIVED), known_on=RECEIVED)
    review = Deadline.objects.get(case=case, clock="pilkada.initial_review")
    assert review.due_at == dt.datetime(2024, 10, 9, 9, 0, tzinfo=UTC)
    assert counts(sweep(dt.datetime(2024, 10, 9, 8, 59, tzinfo=UTC))) == (0, 0, 0, 0, 0)
    assert Deadline.objects.get(pk=review.pk).state == "open"
    assert counts(sweep(dt.datetime(2024, 10, 9, 9, 1, tzinfo=UTC))) == (1, 1, 0, 0, 0)
    assert Deadline.objects.get(pk=review.pk).state == "overdue"
    stored = Case.objects.get(pk=case.pk)
    assert (stored.state, stored.version) == (case.state, case.version)
    owner = escalation.escalation_for("pilkada.initial_review")
    assert (owner.owner, owner.superior, owner.on_overdue) == ("bawaslu_staff", "bawaslu_commissioner", "")
    assert verify().ok


def test_small_batches_claim_everything_once(bawaslu_kab_sleman: User) -> None:
    for _ in range(3):
        new_case(election="pilkada-2024", received_at=wib(RECEIVED), known_on=RECEIVED)
    assert counts(sweep(wib(dt.date(2024, 10, 10)), batch=2)) == (3, 3, 0, 0, 0)
    assert counts(sweep(wib(dt.date(2024, 10, 10)), batch=2)) == (0, 0, 0, 0, 0)


def test_a_case_that_moved_on_is_not_changed(
    bawaslu_kab_sleman: User, commissioner_kab_sleman: User, bkn_analyst: User, ppk_kab_sleman: User
) -> None:
    # The decree is recorded on time; an overdue follow-up (met already) is never claimed.
    case = sent_to_ppk(bawaslu_kab_sleman, commissioner_kab_sleman, bkn_analyst)
    take("record_sanction", case, ppk_kab_sleman, wib(dt.date(2024, 11, 1)))
    assert counts(sweep(wib(dt.date(2024, 11, 12)))) == (0, 0, 0, 0, 0)
    assert Case.objects.get(pk=case.pk).state == "sanctioned"


def test_naive_now_and_bad_batch_are_refused() -> None:
    with pytest.raises(ValueError):
        sweep(dt.datetime(2024, 11, 12, 10, 0))
    with pytest.raises(ValueError):
        sweep(batch=0)


def test_escalate_command_json_and_text(bawaslu_kab_sleman: User, capsys: pytest.CaptureFixture[str]) -> None:
    new_case(election="pilkada-2024", received_at=wib(RECEIVED), known_on=RECEIVED)
    call_command("escalate", "--now", "2024-10-09T16:00:00+07:00", "--json")
    assert json.loads(capsys.readouterr().out) == {
        "claimed": 0,
        "overdue_marked": 0,
        "ppk_overdue": 0,
        "blocked": 0,
        "refused": 0,
    }
    call_command("escalate", "--now", "2024-10-09T16:01:00+07:00")
    out = capsys.readouterr().out
    assert "claimed: 1" in out and "overdue_marked: 1" in out and "blocked: 0" in out


@pytest.mark.parametrize("value", ["yesterday", "2024-10-09T16:00:00"])
def test_escalate_command_refuses_a_bad_now(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        call_command("escalate", "--now", value)
    assert exit_info.value.code == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "--now" in captured.err


def test_worker_once(bawaslu_kab_sleman: User, capsys: pytest.CaptureFixture[str]) -> None:
    call_command("worker", "--once")
    assert "claimed=0" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        call_command("worker", "--interval", "0")


def _in_own_connection(work: Callable[[], Any]) -> Any:
    """Run `work` in a thread with a connection of its own (committed outside the test transaction)."""
    out: list[Any] = []
    failures: list[BaseException] = []

    def run() -> None:
        from django.db import connection as thread_connection

        try:
            out.append(work())
        except BaseException as exc:  # pragma: no cover - re-raised below
            failures.append(exc)
        finally:
            thread_connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if failures:
        raise failures[0]
    return out[0] if out else None


def _int_pk_models() -> list[Any]:
    return [
        model
        for model in apps.get_models()
        if model._meta.managed
        and model._meta.pk is not None
        and model._meta.pk.get_internal_type() in INT_PKS
    ]


INT_PKS = {"AutoField", "BigAutoField", "SmallAutoField"}


class _Committed:
    """Rows committed by other connections in a PostgreSQL test, taken out again afterwards (Django's foreign
    keys are deferrable), with the audit chain's head put back."""

    def __init__(self) -> None:
        self.models = _int_pk_models()
        self.before = _in_own_connection(self._snapshot)

    def _snapshot(self) -> dict[str, Any]:
        head = ChainHead.objects.get(pk=1)
        maxima = {m._meta.db_table: m.objects.aggregate(m=Max("pk"))["m"] or 0 for m in self.models}
        return {"head": (head.seq, head.hash), "maxima": maxima}

    def _delete(self) -> None:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            for model in self.models:
                table = model._meta.db_table
                column = model._meta.pk.column
                cursor.execute(
                    f'DELETE FROM "{table}" WHERE "{column}" > %s',  # noqa: S608 - names from the model registry
                    [self.before["maxima"][table]],
                )
            seq, head_hash = self.before["head"]
            cursor.execute("UPDATE audit_chainhead SET seq = %s, hash = %s WHERE id = 1", [seq, head_hash])

    def clean_up(self) -> None:
        _in_own_connection(self._delete)


def _committed_cases(count: int) -> list[int]:
    made = [
        new_case(election="pilkada-2024", received_at=wib(RECEIVED), known_on=RECEIVED) for _ in range(count)
    ]
    return [case.pk for case in made]


def test_two_concurrent_sweeps_never_process_a_deadline_twice() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers with its database lock; this checks SKIP LOCKED on PostgreSQL")
    committed = _Committed()
    cases = 12
    try:
        case_ids = _in_own_connection(lambda: _committed_cases(cases))
        results: list[SweepResult] = []
        errors: list[BaseException] = []
        barrier = threading.Barrier(2)

        def worker() -> None:
            from django.db import connection as thread_connection

            try:
                barrier.wait()
                results.append(sweep(dt.datetime(2024, 10, 10, tzinfo=UTC), batch=2))
            except BaseException as exc:  # pragma: no cover - reported below
                errors.append(exc)
            finally:
                thread_connection.close()

        threads = [threading.Thread(target=worker) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert not errors
        states = _in_own_connection(
            lambda: sorted(Deadline.objects.filter(case_id__in=case_ids).values_list("state", flat=True))
        )
        assert states == ["overdue"] * cases
        assert sum(result.claimed for result in results) == cases
        assert sum(result.overdue_marked for result in results) == cases
    finally:
        committed.clean_up()


def test_a_case_a_user_is_changing_is_left_to_the_next_sweep() -> None:
    """While an action holds a case's row, the sweep skips that case (SKIP LOCKED) instead of waiting with
    the deadline claimed; the next sweep marks it; the tallies equal a recount throughout."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers with its database lock; this checks SKIP LOCKED on PostgreSQL")
    from tests.test_cases_tally import assert_kept_equals_recount

    committed = _Committed()
    now = dt.datetime(2024, 10, 10, tzinfo=UTC)
    held, release = threading.Event(), threading.Event()
    failures: list[BaseException] = []

    def hold(case_id: int) -> None:
        from django.db import connection as thread_connection

        try:
            with transaction.atomic():
                list(Case.objects.select_for_update().filter(pk=case_id).values_list("pk"))
                held.set()
                release.wait(30)
        except BaseException as exc:  # pragma: no cover - reported below
            failures.append(exc)
        finally:
            held.set()
            thread_connection.close()

    try:
        busy, *free = _in_own_connection(lambda: _committed_cases(3))
        holder = threading.Thread(target=hold, args=(busy,))
        holder.start()
        try:
            assert held.wait(10)
            first = _in_own_connection(lambda: sweep(now, batch=10))
            states = _in_own_connection(
                lambda: dict(
                    Deadline.objects.filter(case_id__in=[busy, *free]).values_list("case_id", "state")
                )
            )
        finally:
            release.set()
            holder.join()
        assert not failures
        assert (first.claimed, first.overdue_marked, first.skipped) == (3, 2, 1)
        assert states == {busy: "open", free[0]: "overdue", free[1]: "overdue"}
        second = _in_own_connection(lambda: sweep(now, batch=10))
        assert (second.claimed, second.overdue_marked, second.skipped) == (1, 1, 0)
        assert _in_own_connection(lambda: Deadline.objects.get(case_id=busy).state) == "overdue"
        _in_own_connection(assert_kept_equals_recount)
    finally:
        committed.clean_up()
