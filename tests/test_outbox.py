"""The outbox: a step's effects are stored with it and processed from the stored rows exactly once, even
when the process dies between the commit and the processing, or in the middle of it."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

from netral.accounts.models import User
from netral.cases import actions
from netral.notifications.models import Notification
from netral.outbox import services as outbox
from netral.outbox.models import Event
from tests.test_cases_support import new_case

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[1]


def die(events: Sequence[Event]) -> None:
    """A handler that kills its own process (after the notification handler wrote its rows)."""
    os.kill(os.getpid(), signal.SIGKILL)


class Crash(BaseException):
    """What a process dying looks like from inside it: nothing after it runs, nothing catches it."""


def crash(events: Sequence[Event]) -> None:
    raise Crash


def told(user: User) -> int:
    return Notification.objects.filter(recipient=user).count()


def test_a_process_dead_after_the_commit_loses_no_notification(
    bawaslu_kab_sleman: User, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=False):  # committed; the process dies before processing
        case = new_case()
    assert told(bawaslu_kab_sleman) == 0
    assert Event.objects.get(case_id=case.pk).state == Event.State.PENDING
    assert outbox.process().done == 1  # the worker, or the next commit once the event is stale
    assert told(bawaslu_kab_sleman) == 1
    assert outbox.process().done == 0  # exactly once
    assert told(bawaslu_kab_sleman) == 1


def test_a_process_dead_in_the_middle_of_delivery_loses_and_repeats_nothing(
    bawaslu_kab_sleman: User, settings: Any
) -> None:
    case = new_case()
    settings.NETRAL_OUTBOX_HANDLERS = (*settings.NETRAL_OUTBOX_HANDLERS, "tests.test_outbox.crash")
    with pytest.raises(Crash):
        outbox.process()  # the notification rows were written, then the process "died"
    assert told(bawaslu_kab_sleman) == 0  # ... and went with the transaction
    assert Event.objects.get(case_id=case.pk).state == Event.State.PENDING
    settings.NETRAL_OUTBOX_HANDLERS = settings.NETRAL_OUTBOX_HANDLERS[:-1]
    assert outbox.process().done == 1
    assert outbox.process().done == 0
    assert told(bawaslu_kab_sleman) == 1


def failing(events: Sequence[Event]) -> None:
    if any(event.payload.get("action") == "start_initial_review" for event in events):
        raise RuntimeError("handler bug")


def test_a_failing_event_waits_and_spoils_no_other(bawaslu_kab_sleman: User, settings: Any) -> None:
    case = new_case()
    actions.start_initial_review(case, actor=bawaslu_kab_sleman)
    settings.NETRAL_OUTBOX_HANDLERS = (*settings.NETRAL_OUTBOX_HANDLERS, "tests.test_outbox.failing")
    result = outbox.process()
    assert (result.done, result.retried, result.failed) == (1, 1, 0)
    opened, moved = Event.objects.filter(case_id=case.pk).order_by("pk")
    assert opened.state == Event.State.DONE and told(bawaslu_kab_sleman) == 1
    assert moved.state == Event.State.PENDING and moved.attempts == 1 and "handler bug" in moved.last_error
    assert moved.available_at > moved.created_at  # it waits before the next attempt
    for attempt in range(2, outbox.MAX_ATTEMPTS + 1):  # each later than the previous attempt's wait
        result = outbox.process(now=moved.available_at + dt.timedelta(minutes=10 * (attempt - 1)))
    moved.refresh_from_db()
    assert moved.state == Event.State.FAILED and moved.attempts == outbox.MAX_ATTEMPTS
    assert result.failed == 1


def test_the_events_of_one_transaction_are_processed_once_together(
    bawaslu_kab_sleman: User, django_capture_on_commit_callbacks: Any, recorded: dict[str, list[Any]]
) -> None:
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        case = new_case()
    processing = [callback for callback in callbacks if callback.__class__.__name__ == "_AfterCommit"]
    assert len(processing) == 1  # one processing for the case's transaction
    assert [event.action for event in recorded["case"]] == ["open_case"]
    assert Event.objects.get(case_id=case.pk).state == Event.State.DONE


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs a database a second process can open (the SQLite test database lives in memory); "
    "CI runs it on PostgreSQL",
)
def test_a_killed_process_loses_no_notification_and_sends_none_twice() -> None:
    """A real process takes a step and is killed with SIGKILL while its outbox processing runs (after the
    notification rows were written, before the commit); the next processing tells everyone once."""
    from tests.fixtures import make_named_user
    from tests.test_cases_escalation import _Committed, _in_own_connection

    committed = _Committed()
    try:
        staff, province, case = _in_own_connection(
            lambda: (make_named_user("bawaslu_kab_sleman"), make_named_user("bawaslu_prov_diy"), new_case())
        )
        before = told(staff)  # opening the case told them already (processed at its commit)
        db = connection.settings_dict
        url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
        script = textwrap.dedent(
            f"""
            import django
            django.setup()
            from django.conf import settings
            from netral.accounts.models import User
            from netral.cases import actions
            from netral.cases.models import Case
            settings.NETRAL_OUTBOX_HANDLERS = (*settings.NETRAL_OUTBOX_HANDLERS, "tests.test_outbox.die")
            province = User.objects.get(pk={province.pk})  # tells the regency's staff
            actions.start_initial_review(Case.objects.get(pk={case.pk}), actor=province)
            """
        )
        env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "netral.settings"}
        child = subprocess.run(  # noqa: S603 - our own interpreter and script
            [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, timeout=60
        )
        assert child.returncode == -signal.SIGKILL, child.stderr.decode()[-2000:]
        event = Event.objects.get(case_id=case.pk, state=Event.State.PENDING)  # the step committed ...
        assert event.payload["action"] == "start_initial_review"
        assert told(staff) == before  # ... its notification died with the process
        # The next worker (a connection of its own: what it writes is committed, as the clean-up expects).
        assert _in_own_connection(outbox.process).done == 1
        assert _in_own_connection(outbox.process).done == 0
        assert told(staff) == before + 1
    finally:
        committed.clean_up()
