"""`netral worker`: --once, the django-q2 schedule (idempotent), the cluster start, the claim logic
that keeps two sweeps from processing a step twice, and the e-mail task path."""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django_q.models import Schedule

from netral.accounts.models import User
from netral.cases import escalation
from netral.cases.escalation import SCHEDULE_FUNC, SCHEDULE_NAME, ensure_schedule, sweep
from netral.cases.models import Deadline
from netral.notifications.models import Notification
from netral.outbox.models import Event
from netral.outbox.services import PROCESS_TASK, process_pending
from tests.test_cases_authority_support import RECEIVED, wib
from tests.test_cases_support import new_case
from tests.test_notifications_support import Commit, commit_runner, give_emails

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks: Any) -> Commit:
    return commit_runner(django_capture_on_commit_callbacks)


UTC = dt.UTC
AFTER_REVIEW = dt.datetime(2024, 10, 10, tzinfo=UTC)  # after the initial reviews of RECEIVED cases


def pilkada_cases(count: int) -> list[int]:
    return [
        new_case(election="pilkada-2024", received_at=wib(RECEIVED), known_on=RECEIVED).pk
        for _ in range(count)
    ]


@pytest.mark.skipif(
    bool(os.environ.get("NETRAL_REDIS_URL") or os.environ.get("NETRAL_ASYNC_TASKS")),
    reason="the defaults are checked only when the environment does not set them",
)
def test_settings_default_to_the_orm_broker_and_synchronous_mail() -> None:
    assert settings.Q_CLUSTER["orm"] == "default" and "redis" not in settings.Q_CLUSTER
    assert settings.NETRAL_ASYNC_TASKS is False
    assert settings.EMAIL_BACKEND.endswith("locmem.EmailBackend")  # pytest-django's test backend


def test_worker_once_runs_one_sweep(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    pilkada_cases(2)
    started: list[str] = []
    monkeypatch.setattr("netral.cases.management.commands.worker.call_command", started.append)
    call_command("worker", "--once")
    out = capsys.readouterr().out
    assert "claimed=2" in out and "overdue_marked=2" in out
    assert started == [] and not Schedule.objects.exists()


@pytest.mark.parametrize("value", ["0", "-3"])
def test_worker_refuses_a_bad_interval(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        call_command("worker", "--interval", value)
    assert exit_info.value.code == 1
    assert "menit" in capsys.readouterr().err


def test_schedule_is_created_once_and_kept_up_to_date() -> None:
    schedule, created = ensure_schedule()
    assert created
    assert (schedule.func, schedule.schedule_type, schedule.minutes, schedule.repeats) == (
        SCHEDULE_FUNC,
        Schedule.MINUTES,
        1,
        -1,
    )
    again, created = ensure_schedule()
    assert not created and again.pk == schedule.pk
    # Two workers that started at once left a duplicate; an interval change is applied.
    Schedule.objects.create(name=SCHEDULE_NAME, func=SCHEDULE_FUNC, schedule_type=Schedule.MINUTES, minutes=1)
    updated, created = ensure_schedule(5)
    assert not created and updated.pk == schedule.pk
    assert list(Schedule.objects.values_list("name", "minutes")) == [(SCHEDULE_NAME, 5)]
    with pytest.raises(ValueError):
        ensure_schedule(0)


def test_worker_ensures_the_schedule_then_runs_the_cluster(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[str] = []
    monkeypatch.setattr("netral.cases.management.commands.worker.call_command", started.append)
    call_command("worker")
    call_command("worker")
    assert started == ["qcluster", "qcluster"]
    assert Schedule.objects.filter(name=SCHEDULE_NAME).count() == 1
    out = capsys.readouterr().out
    assert "dibuat" in out and "sudah ada" in out
    assert "Indeks pencocokan register: 0 baris" in out  # built before the cluster forks its workers
    call_command("worker", "--schedule-only", "--interval", "2")
    assert started == ["qcluster", "qcluster"]
    assert Schedule.objects.get(name=SCHEDULE_NAME).minutes == 2


def test_the_scheduled_task_sweeps() -> None:
    pilkada_cases(1)
    result = escalation.schedule_sweep()
    assert result["claimed"] == 1 and result["overdue_marked"] == 1


def test_a_step_read_by_two_sweeps_is_processed_once(
    bawaslu_kab_sleman: User, committed: Commit, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sweep A reads the overdue rows; before it marks them, sweep B (another worker) processes
    them all. A's conditional claim then finds nothing: no second escalation, no second notice."""
    ids = pilkada_cases(3)
    real_claim = escalation._claim
    inner: list[escalation.SweepResult] = []
    racing = [True]

    def racing_claim(now: dt.datetime, batch: int) -> list[Deadline]:
        rows = real_claim(now, batch)
        if racing.pop() if racing else False:  # the other worker runs now, between A's read and update
            inner.append(sweep(now, batch=batch))
        return rows

    monkeypatch.setattr(escalation, "_claim", racing_claim)
    with committed():
        outer = sweep(AFTER_REVIEW, batch=10)
    assert (inner[0].claimed, inner[0].overdue_marked, inner[0].skipped) == (3, 3, 0)
    assert (outer.claimed, outer.overdue_marked, outer.skipped) == (3, 0, 3)
    assert list(Deadline.objects.filter(case_id__in=ids).values_list("state", flat=True)) == ["overdue"] * 3
    # One escalation notice per step and recipient, not two.
    notices = Notification.objects.filter(kind="escalation", recipient=bawaslu_kab_sleman)
    assert sorted(notices.values_list("case_id", flat=True)) == sorted(ids)


def test_with_a_cluster_a_new_report_only_queues_one_task(
    bawaslu_kab_sleman: User, committed: Commit, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With NETRAL_ASYNC_TASKS the request that opens a case stores its event and queues one processing
    task; the task (in the worker) writes the rows and sends the e-mails itself."""
    bawaslu_kab_sleman.email = "rina@example.go.id"
    bawaslu_kab_sleman.save(update_fields=["email"])
    queued: list[tuple[Any, ...]] = []
    monkeypatch.setattr("django_q.tasks.async_task", lambda *args, **kwargs: queued.append(args))
    monkeypatch.setattr(settings, "NETRAL_ASYNC_TASKS", True)
    with committed():
        (case_id,) = pilkada_cases(1)
    assert mail.outbox == [] and not Notification.objects.exists()
    assert queued == [(PROCESS_TASK,)]
    (event,) = Event.objects.filter(state=Event.State.PENDING)
    assert event.case_id == case_id and event.payload["action"] == "open_case"
    with committed():
        assert process_pending()["events_done"] == 1
    assert Notification.objects.get().recipient == bawaslu_kab_sleman
    assert mail.outbox[0].to == ["rina@example.go.id"]  # sent by the task itself, nothing queued again
    assert queued == [(PROCESS_TASK,)]


def test_with_a_cluster_a_sweep_queues_processing_and_the_worker_mails(
    users_by_role: dict[str, User], committed: Commit, monkeypatch: pytest.MonkeyPatch
) -> None:
    give_emails(users_by_role)
    with committed():  # filed (and their reporters' and staff's notices sent) before the worker starts
        pilkada_cases(3)
    mail.outbox.clear()
    Notification.objects.all().delete()
    queued: list[tuple[Any, ...]] = []
    monkeypatch.setattr("django_q.tasks.async_task", lambda *args, **kwargs: queued.append(args))
    monkeypatch.setattr(settings, "NETRAL_ASYNC_TASKS", True)
    with committed():
        sweep(AFTER_REVIEW, batch=2)  # two batches: 2 + 1 steps
    # One processing task per batch's transaction; nothing written or sent by the sweep itself.
    assert queued == [(PROCESS_TASK,), (PROCESS_TASK,)]
    assert mail.outbox == [] and not Notification.objects.exists()
    with committed():
        assert process_pending()["events_done"] == 3  # the worker: both batches' events at once
    # 3 people told per step (Sleman staff and commissioner, DIY province staff), sent by the worker.
    assert len(mail.outbox) == 9 and len(queued) == 2
    assert {m.to[0] for m in mail.outbox} == {
        "bawaslu_kab_sleman@example.go.id",
        "commissioner_kab_sleman@example.go.id",
        "bawaslu_prov_diy@example.go.id",
    }
    assert all(m.subject.startswith("[netral] ") for m in mail.outbox)


def test_a_failing_mail_server_does_not_break_the_step(
    bawaslu_kab_sleman: User,
    committed: Commit,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    bawaslu_kab_sleman.email = "rina@example.go.id"
    bawaslu_kab_sleman.save(update_fields=["email"])

    def refuse(*_args: Any, **_kwargs: Any) -> int:
        raise ConnectionRefusedError("no mail server")

    monkeypatch.setattr("netral.notifications.services.send_emails", refuse)
    with caplog.at_level("ERROR"), committed():
        pilkada_cases(1)
    assert Notification.objects.filter(recipient=bawaslu_kab_sleman).count() == 1
    assert "ConnectionRefusedError" in caplog.text and "rina@" not in caplog.text
    # A queue that is down: the notification is written at once instead.
    monkeypatch.setattr(settings, "NETRAL_ASYNC_TASKS", True)
    monkeypatch.setattr("django_q.tasks.async_task", refuse)
    with caplog.at_level("ERROR"), committed():
        pilkada_cases(1)
    assert Notification.objects.filter(recipient=bawaslu_kab_sleman).count() == 2


def test_with_the_intake_queue_the_worker_also_schedules_filing(settings: Any) -> None:
    from netral.intake.filing import SCHEDULE_FUNC as FILING_FUNC

    call_command("worker", "--schedule-only")
    assert not Schedule.objects.filter(func=FILING_FUNC).exists()  # no queue, nothing to file
    settings.NETRAL_INTAKE_QUEUE = True
    call_command("worker", "--schedule-only")
    call_command("worker", "--schedule-only")
    assert Schedule.objects.filter(func=FILING_FUNC).count() == 1
