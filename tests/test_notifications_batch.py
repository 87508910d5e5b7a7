"""Notifications in bulk: a sweep batch's notices cost a fixed number of queries whatever its size,
the transition notices of a sweep wait for the batch (the outbox processes a transaction's events
together), the access rule is asked for many pairs at once (same answers as asking one by one), and a
new report costs few queries (or one task)."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Any

import pytest
from django.conf import settings
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from netral.accounts.models import User
from netral.cases.actions import CaseEvent
from netral.cases.escalation import EscalationEvent, sweep
from netral.cases.models import Case
from netral.notifications import events as hooks
from netral.notifications.models import Notification
from netral.notifications.recipients import Visibility
from netral.outbox.models import Event
from netral.outbox.services import PROCESS_TASK, emit
from tests.test_cases_authority_support import RECEIVED, wib
from tests.test_cases_support import new_case
from tests.test_notifications_support import Commit, commit_runner, recipients

pytestmark = pytest.mark.django_db

UTC = dt.UTC
AFTER_REVIEW = dt.datetime(2024, 10, 10, tzinfo=UTC)  # after the initial reviews of RECEIVED cases


@pytest.fixture
def committed(django_capture_on_commit_callbacks: Any) -> Commit:
    return commit_runner(django_capture_on_commit_callbacks)


def cases_in(region_code: str, count: int) -> list[Case]:
    return [
        new_case(
            region_code=region_code, election="pilkada-2024", received_at=wib(RECEIVED), known_on=RECEIVED
        )
        for _ in range(count)
    ]


def sweep_queries(committed: Commit) -> int:
    with CaptureQueriesContext(connection) as queries, committed():
        sweep(AFTER_REVIEW)
    return len(queries)


def test_the_queries_of_a_sweep_do_not_grow_with_its_steps(
    users_by_role: dict[str, User], committed: Commit
) -> None:
    cases_in("34.04", 2)
    Notification.objects.all().delete()
    small = sweep_queries(committed)
    assert Notification.objects.count() == 2 * 3  # Sleman staff + commissioner, DIY province staff
    cases_in("34.04", 3)
    cases_in("71.71", 3)
    Notification.objects.all().delete()
    large = sweep_queries(committed)
    assert Notification.objects.count() == 3 * 3 + 3 * 1  # Manado: only its staff in the fixtures
    assert large == small


def test_a_new_report_costs_a_few_queries(users_by_role: dict[str, User]) -> None:
    (case,) = cases_in("34.04", 1)
    Notification.objects.all().delete()
    event = CaseEvent(case.pk, case.number, "open_case", "", "received", None)
    with CaptureQueriesContext(connection) as queries:
        assert hooks.deliver([event]) == 1
    # The case, the candidates, the access rule for all of them, the INSERT.
    assert len([q for q in queries if not q["sql"].startswith(("SAVEPOINT", "RELEASE"))]) == 4
    assert recipients(case=case) == {"bawaslu_kab_sleman"}


def test_with_a_cluster_a_new_report_queues_and_queries_nothing(
    users_by_role: dict[str, User], monkeypatch: pytest.MonkeyPatch, django_capture_on_commit_callbacks: Any
) -> None:
    queued: list[tuple[Any, ...]] = []
    monkeypatch.setattr("django_q.tasks.async_task", lambda *args, **kwargs: queued.append(args))
    monkeypatch.setattr(settings, "NETRAL_ASYNC_TASKS", True)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        (case,) = cases_in("34.04", 1)
    with CaptureQueriesContext(connection) as queries:
        for callback in callbacks:
            callback()
    assert len(queries) == 0 and queued == [(PROCESS_TASK,)]
    assert Event.objects.get(case_id=case.pk).state == Event.State.PENDING  # for the worker


def test_in_a_sweep_transition_notices_wait_for_the_batch(
    users_by_role: dict[str, User], committed: Commit
) -> None:
    (case,) = cases_in("34.04", 1)
    Notification.objects.all().delete()
    moved = CaseEvent(case.pk, case.number, "start_initial_review", "received", "initial_review", None)
    overdue = EscalationEvent(
        1,
        case.pk,
        case.number,
        "pilkada.initial_review",
        wib(RECEIVED),
        "bawaslu_staff",
        "bawaslu_commissioner",
        "",
    )
    with committed():
        with transaction.atomic():  # a sweep batch: its state change and its overdue notice
            emit(Event.Kind.CASE_STEP, asdict(moved), case_id=case.pk)
            assert not Notification.objects.exists()
            emit(Event.Kind.CLOCK_OVERDUE, overdue.payload(), case_id=case.pk)
            assert not Notification.objects.exists()
        assert not Notification.objects.exists()  # nothing before the commit
    # Both written by one processing of the batch.
    assert Notification.objects.filter(kind="transition").count() == 1
    assert Notification.objects.filter(kind="escalation").count() == 3
    with committed():
        emit(Event.Kind.CASE_STEP, asdict(moved), case_id=case.pk)  # alone: at its commit
    assert Notification.objects.filter(kind="transition").count() == 2
    assert not Event.objects.filter(
        state=Event.State.PENDING, case_id=case.pk, kind="case.clock_overdue"
    ).exists()


def test_the_access_rule_asked_in_bulk_answers_as_one_by_one(
    users_by_role: dict[str, User], monkeypatch: pytest.MonkeyPatch
) -> None:
    cases = cases_in("34.04", 2) + cases_in("71.71", 1) + cases_in("34.71", 1)
    Case.objects.filter(pk=cases[1].pk).update(state="ppk_overdue")  # Kemendagri sees this one
    users = list(users_by_role.values())
    pairs = [(case.pk, user) for case in cases for user in users]
    expected = {
        (case.pk, user.pk)
        for case in cases
        for user in users
        if Case.objects.visible_to(user).filter(pk=case.pk).exists()
    }
    monkeypatch.setattr(Visibility, "CHUNK", 3)  # several UNION queries
    visibility = Visibility()
    with CaptureQueriesContext(connection) as queries:
        assert visibility.visible(pairs) == expected
    distinct = len({visibility._sql(user) for user in users} - {None})
    assert len(queries) == -(-distinct // 3) < len(users)
    assert (cases[1].pk, users_by_role["kemendagri_officer"].pk) in expected
    assert (cases[0].pk, users_by_role["kemendagri_officer"].pk) not in expected
    assert visibility.visible([]) == set()


def test_a_province_case_goes_up_to_bawaslu_ri(users_by_role: dict[str, User], committed: Commit) -> None:
    (province_case,) = cases_in("34", 1)
    (regency_case,) = cases_in("34.04", 1)
    Notification.objects.all().delete()
    with committed():
        sweep(AFTER_REVIEW)  # both in one batch
    owner = Notification.objects.get(case=province_case, recipient=users_by_role["bawaslu_prov_diy"])
    assert "sebagai pemilik" in owner.body
    superior = Notification.objects.get(case=province_case, recipient=users_by_role["bawaslu_ri"])
    assert "sebagai atasan" in superior.body
    assert recipients(case=province_case) == {"bawaslu_prov_diy", "bawaslu_ri"}
    # In the same batch the province staff is a superior of the regency's step, not its owner.
    assert recipients(case=regency_case) == {
        "bawaslu_kab_sleman",
        "commissioner_kab_sleman",
        "bawaslu_prov_diy",
    }
    assert (
        "sebagai atasan"
        in Notification.objects.get(case=regency_case, recipient=users_by_role["bawaslu_prov_diy"]).body
    )
