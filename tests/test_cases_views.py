"""Case pages: every role on the inbox and the workspace (scope), actions by POST (allowed, refused,
concurrent), deadlines as each reader reads them, and the inbox's query count."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from netral.accounts.models import User
from netral.cases import actions, workspace
from netral.cases.models import Case, Deadline, Transition
from tests.test_cases_authority_support import forwarded_case
from tests.test_cases_support import new_case, walk

pytestmark = pytest.mark.django_db

UTC = dt.UTC
# Who may open the case pages at all.
CASE_STAFF = {"bawaslu_ri", "bawaslu_prov_diy", "bawaslu_kab_sleman", "bawaslu_kota_manado",
              "commissioner_kab_sleman", "bkn_analyst", "ppk_kota_manado", "ppk_kab_sleman",
              "kemendagri_officer", "admin_user", "data_custodian"}  # fmt: skip
# Who sees a Sleman case (34.04) today (the Bawaslu stage): Bawaslu above it, and the operators.
SEES_SLEMAN = {"bawaslu_ri", "bawaslu_prov_diy", "bawaslu_kab_sleman", "commissioner_kab_sleman",
               "admin_user", "data_custodian"}  # fmt: skip
# Whose role takes the step of a case in `received`: Bawaslu staff only.
ACTS_ON_RECEIVED = {"bawaslu_ri", "bawaslu_prov_diy", "bawaslu_kab_sleman"}


def client_for(user: User) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    client.cookies["django_language"] = "en"
    return client


def english(client: Client, url: str, **kwargs: Any) -> Any:
    return client.get(url, HTTP_ACCEPT_LANGUAGE="en", **kwargs)


def post(client: Client, case: Case, action: str, *, reason: str = "", version: int | None = None) -> Any:
    data = {"action": action, "reason": reason, "version": case.version if version is None else version}
    return client.post(f"/perkara/{case.pk}/tindakan/", data, HTTP_ACCEPT_LANGUAGE="en")


# --- scope ------------------------------------------------------------------------------------------


def test_every_role_on_the_inbox_and_the_workspace(users_by_role: dict[str, User]) -> None:
    case = new_case()
    assert set(users_by_role) == CASE_STAFF
    for name, user in users_by_role.items():
        client = client_for(user)
        inbox = english(client, "/perkara/")
        assert inbox.status_code == 200, name
        listed = case.number in inbox.content.decode()
        assert listed == (name in ACTS_ON_RECEIVED), name
        detail = english(client, f"/perkara/{case.pk}/")
        assert detail.status_code == (200 if name in SEES_SLEMAN else 404), name


def test_anonymous_users_are_sent_to_login_and_other_roles_get_403(db: None) -> None:
    case = new_case()
    response = Client().get(f"/perkara/{case.pk}/")
    assert response.status_code == 302
    assert "/masuk/" in response["Location"]
    nobody = User.objects.create_user("no_role", password="x")
    client = Client()
    client.force_login(nobody)
    assert client.get("/perkara/").status_code == 403


def test_the_navigation_shows_cases_to_case_staff(users_by_role: dict[str, User]) -> None:
    for name, user in users_by_role.items():
        page = english(client_for(user), "/beranda/").content.decode()
        assert 'href="/perkara/"' in page, name


# --- workspace --------------------------------------------------------------------------------------


def test_the_workspace_shows_header_timeline_reports_and_persons(
    bawaslu_kab_sleman: User, commissioner_kab_sleman: User
) -> None:
    case = walk(new_case(), ["start_initial_review"], bawaslu_kab_sleman, commissioner_kab_sleman)
    page = english(client_for(bawaslu_kab_sleman), f"/perkara/{case.pk}/").content.decode()
    assert case.number in page
    assert "Initial review" in page
    assert "Kabupaten Sleman (WIB)" in page
    assert "Pemilihan Umum 2024" in page
    assert "badge-expired" not in page
    assert "Received → Initial review" in page
    assert "Rina" in page and "Bawaslu staff" in page
    assert "the reporter (public)" in page
    report = case.case_reports.get().report
    assert f'href="/laporan/{report.pk}/"' in page
    assert "Budi Santoso" in page and "Kepala Dinas" in page


def test_an_expired_case_carries_the_daluwarsa_badge(bawaslu_kab_sleman: User) -> None:
    late = new_case(known_on=dt.date(2024, 3, 1))
    assert late.daluwarsa
    client = client_for(bawaslu_kab_sleman)
    assert "badge-expired" in english(client, f"/perkara/{late.pk}/").content.decode()
    assert "badge-expired" in english(client, "/perkara/").content.decode()


def test_only_this_users_actions_are_offered(
    bawaslu_kab_sleman: User, commissioner_kab_sleman: User, admin_user: User
) -> None:
    case = new_case()
    walk(case, ["start_initial_review"], bawaslu_kab_sleman, commissioner_kab_sleman)
    staff_page = english(client_for(bawaslu_kab_sleman), f"/perkara/{case.pk}/").content.decode()
    for value in ("register", "reject_formal", "reject_expired"):
        assert f'value="{value}"' in staff_page
    assert 'value="start_initial_review"' not in staff_page
    for user in (commissioner_kab_sleman, admin_user):
        page = english(client_for(user), f"/perkara/{case.pk}/").content.decode()
        assert 'name="action"' not in page
        assert "Your role has no action to take" in page


def test_an_allowed_action_changes_the_state_and_redirects(bawaslu_kab_sleman: User) -> None:
    case = new_case()
    client = client_for(bawaslu_kab_sleman)
    response = post(client, case, "start_initial_review", reason="Berkas lengkap.")
    assert response.status_code == 302
    assert response["Location"] == f"/perkara/{case.pk}/"
    case.refresh_from_db()
    assert case.state == "initial_review"
    last = Transition.objects.filter(case=case).last()
    assert last is not None and (last.actor_id, last.reason) == (bawaslu_kab_sleman.pk, "Berkas lengkap.")
    page = english(client, response["Location"]).content.decode()
    assert "Done: Start the initial review. The case is now “Initial review”." in page


def test_a_refused_action_shows_the_message_and_changes_nothing(
    bawaslu_kab_sleman: User, commissioner_kab_sleman: User
) -> None:
    case = new_case()
    # The commissioner may not start the initial review (a staff step).
    response = post(client_for(commissioner_kab_sleman), case, "start_initial_review")
    assert response.status_code == 409
    assert "Your role may not take this action." in response.content.decode()
    # Staff may not skip a step; the reason typed is kept in the form.
    response = post(client_for(bawaslu_kab_sleman), case, "register", reason="catatan saya")
    assert response.status_code == 409
    body = response.content.decode()
    assert "This action is not possible while the case is in state" in body
    assert ">catatan saya</textarea>" in body
    case.refresh_from_db()
    assert (case.state, case.version, Transition.objects.filter(case=case).count()) == ("received", 1, 1)


def test_refusal_messages_are_indonesian_by_default(commissioner_kab_sleman: User) -> None:
    case = new_case()
    client = Client()
    client.force_login(commissioner_kab_sleman)
    response = client.post(f"/perkara/{case.pk}/tindakan/", {"action": "start_initial_review", "version": 1})
    with translation.override("id"):
        expected = translation.gettext("Your role may not take this action.")
    assert expected != "Your role may not take this action."
    assert expected in response.content.decode()


def test_an_action_out_of_scope_is_a_404(bawaslu_kota_manado: User) -> None:
    case = new_case()
    assert post(client_for(bawaslu_kota_manado), case, "start_initial_review").status_code == 404
    case.refresh_from_db()
    assert case.state == "received"


def test_a_concurrent_change_shows_the_message_and_loses_nothing(
    bawaslu_kab_sleman: User, bawaslu_prov_diy: User
) -> None:
    case = new_case()
    read_version = case.version
    # Someone else acts after our page was read.
    actions.transition(case, "start_initial_review", actor=bawaslu_prov_diy)
    response = post(
        client_for(bawaslu_kab_sleman), case, "start_initial_review", reason="x", version=read_version
    )
    assert response.status_code == 409
    body = response.content.decode()
    assert "The case was changed by someone else in the meantime" in body
    assert ">x</textarea>" in body
    case.refresh_from_db()
    assert (case.state, Transition.objects.filter(case=case).count()) == ("initial_review", 2)


def test_a_race_inside_transition_is_reported_the_same_way(
    bawaslu_kab_sleman: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = new_case()

    def racing(*args: Any, **kwargs: Any) -> Case:
        raise actions.ConcurrentChange(
            "The case was changed by someone else in the meantime", "concurrent_change"
        )

    monkeypatch.setattr("netral.cases.views.steps.transition", racing)
    response = post(client_for(bawaslu_kab_sleman), case, "start_initial_review")
    assert response.status_code == 409
    assert "changed by someone else" in response.content.decode()


# --- deadlines --------------------------------------------------------------------------------------


def test_deadlines_in_the_regions_time_and_the_readers_time(
    bawaslu_ri: User, bawaslu_kota_manado: User
) -> None:
    case = new_case(region_code="71.71")  # Manado: WITA
    deadline = Deadline.objects.get(case=case)
    due_wita = deadline.due_at.astimezone(dt.timezone(dt.timedelta(hours=8)))
    due_wib = deadline.due_at.astimezone(dt.timezone(dt.timedelta(hours=7)))
    assert due_wita.hour == due_wib.hour + 1
    region_text = f"{due_wita.day} April 2024, {due_wita:%H:%M} WITA"
    national = english(client_for(bawaslu_ri), f"/perkara/{case.pk}/").content.decode()
    assert region_text in national
    assert f"{due_wib.day} April 2024, {due_wib:%H:%M} WIB" in national  # Bawaslu RI reads WIB
    assert "overdue by" in national
    local = english(client_for(bawaslu_kota_manado), f"/perkara/{case.pk}/").content.decode()
    assert local.count(region_text) == 2  # the reader is in Manado too


def test_countdown_texts() -> None:
    now = dt.datetime(2024, 4, 15, 3, 0, tzinfo=UTC)
    with translation.override("en"):
        assert (
            workspace.countdown(now + dt.timedelta(days=3, hours=4, minutes=5), now) == "3 days 4 hours left"
        )
        assert workspace.countdown(now + dt.timedelta(hours=5, minutes=30), now) == "5 hours 30 minutes left"
        assert workspace.countdown(now + dt.timedelta(minutes=1), now) == "1 minute left"
        assert workspace.countdown(now - dt.timedelta(days=1, hours=1), now) == "overdue by 1 day 1 hour"
    with translation.override("id"):
        assert workspace.countdown(now + dt.timedelta(days=2), now) == "2 hari lagi"


def test_due_soon_cutoff_skips_the_weekend() -> None:
    # Friday 12 July 2024, 10:00 WIB: two working days on is Tuesday 16 July, closing at 16:00 WIB.
    now = dt.datetime(2024, 7, 12, 3, 0, tzinfo=UTC)
    assert workspace.due_soon_cutoff(now) == dt.datetime(2024, 7, 16, 9, 0, tzinfo=UTC)


# --- inboxes ----------------------------------------------------------------------------------------


def _open_deadline(case: Case, due_at: dt.datetime, clock: str = "pemilu.decision") -> Deadline:
    return Deadline.objects.create(
        case=case, clock=clock, started_on=due_at.date(), due_date=due_at.date(), due_at=due_at
    )


def test_the_three_inboxes(bawaslu_kab_sleman: User, commissioner_kab_sleman: User) -> None:
    now = timezone.now()
    waiting = new_case()  # received: the staff's step; its initial review deadline (2024) is overdue
    plenary = walk(new_case(), ["start_initial_review", "register", "start_clarification", "start_study",
                                "to_plenary"], bawaslu_kab_sleman, commissioner_kab_sleman)  # fmt: skip
    Deadline.objects.filter(case=plenary).update(state=Deadline.State.MET)
    _open_deadline(plenary, now + dt.timedelta(hours=1))
    _open_deadline(plenary, now + dt.timedelta(days=30), "pemilu.extension")  # not soon (one open per clock)

    staff = client_for(bawaslu_kab_sleman)
    awaiting = english(staff, "/perkara/").content.decode()
    assert waiting.number in awaiting and plenary.number not in awaiting
    commissioner = english(client_for(commissioner_kab_sleman), "/perkara/").content.decode()
    assert plenary.number in commissioner and waiting.number not in commissioner

    due = english(staff, "/perkara/?tab=due_soon").content.decode()
    assert plenary.number in due and waiting.number not in due
    assert "minutes left" in due  # the deadline an hour away, not the one in 30 days
    assert "days left" not in due
    late = english(staff, "/perkara/?tab=overdue").content.decode()
    assert waiting.number in late and plenary.number not in late
    assert "overdue by" in late


def test_empty_inboxes(bawaslu_kota_manado: User) -> None:
    client = client_for(bawaslu_kota_manado)
    assert "Nothing awaits you" in english(client, "/perkara/").content.decode()
    assert "No deadline due soon" in english(client, "/perkara/?tab=due_soon").content.decode()
    assert "Nothing overdue" in english(client, "/perkara/?tab=overdue").content.decode()


def test_the_inbox_paginates_by_25(bawaslu_kab_sleman: User) -> None:
    for _ in range(26):
        new_case()
    client = client_for(bawaslu_kab_sleman)
    first = english(client, "/perkara/").content.decode()
    assert first.count('href="/perkara/') - first.count('href="/perkara/"') == 25
    assert "Page 1 of 2" in first
    second = english(client, "/perkara/?tab=awaiting&page=2").content.decode()
    assert second.count('href="/perkara/') - second.count('href="/perkara/"') == 1


@pytest.mark.parametrize("tab", ["awaiting", "due_soon", "overdue"])
def test_the_inbox_does_not_grow_queries_with_cases(bawaslu_kab_sleman: User, tab: str) -> None:
    client = client_for(bawaslu_kab_sleman)
    now = timezone.now()

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert english(client, f"/perkara/?tab={tab}").status_code == 200
        return len(captured)

    for _ in range(2):
        _open_deadline(new_case(), now + dt.timedelta(hours=2))
    few = queries()
    for _ in range(10):
        _open_deadline(new_case(), now + dt.timedelta(hours=2))
    assert queries() == few


def test_clock_labels_use_the_last_part_of_the_clock_name() -> None:
    with translation.override("en"):
        assert workspace.clock_label("pemilu.initial_review") == "Initial review"
        assert workspace.clock_label("pilkada.decision") == "Plenary decision"
        assert workspace.clock_label("ppk.follow_up_after_warning") == "PPK follow-up after the warning"
        assert workspace.clock_label("x.something_new") == "Something new"


def test_steps_that_need_their_own_data_are_not_buttons(
    bawaslu_kab_sleman: User, commissioner_kab_sleman: User, bkn_analyst: User
) -> None:
    case = forwarded_case(bawaslu_kab_sleman, commissioner_kab_sleman)
    for action in ("acknowledge_receipt", "verify"):
        case = actions.transition(case, action, actor=bkn_analyst)
    offered = {step.name for step in workspace.button_actions(case, bkn_analyst)}
    assert offered == {"find_not_proven", "reject_at_authority"}  # not "recommend": it needs its form
    response = post(client_for(bkn_analyst), case, "recommend")
    assert response.status_code == 409
    assert "needs its own form" in response.content.decode()
    case.refresh_from_db()
    assert case.state == "verified"
