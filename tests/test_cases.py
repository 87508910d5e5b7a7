"""The case workflow core: opening cases from intake, numbering, clocks with golden dates, refusals,
concurrency, audit, notifications, the access rule and the funnel counts."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import translation

from netral.accounts.models import User
from netral.audit.models import AuditEntry
from netral.audit.services import verify
from netral.cases import actions, services
from netral.cases.models import AppendOnlyError, Case, Deadline, Transition
from netral.intake.services import ReportedPersonInput, ReportInput, submit_report
from netral.outbox.models import Event
from tests.test_cases_support import APRIL_4_10_WIB, ORDER, file_report, new_case, walk

pytestmark = pytest.mark.django_db

UTC = dt.UTC
WIB = dt.timezone(dt.timedelta(hours=7))
WITA = dt.timezone(dt.timedelta(hours=8))


def test_a_report_filed_through_intake_opens_a_case(bawaslu_kab_sleman: User) -> None:
    report = file_report()
    case = Case.objects.get(case_reports__report=report)
    assert case.state == "received"
    assert case.channel == "web"
    assert case.daluwarsa is False
    assert case.region_id == "34.04"
    assert case.election.code == "pemilu-2024"
    assert case.received_at == APRIL_4_10_WIB
    assert case.number == "34.04/2024/000001"
    (opened,) = Transition.objects.filter(case=case)
    assert (opened.from_state, opened.to_state, opened.action, opened.actor_id) == (
        "",
        "received",
        "open_case",
        None,
    )


def test_numbers_run_per_region_and_year() -> None:
    numbers = [new_case().number, new_case().number, new_case(region_code="71.71").number]
    numbers.append(
        new_case(received_at=dt.datetime(2025, 1, 6, 3, 0, tzinfo=UTC), known_on=dt.date(2025, 1, 6)).number
    )
    assert numbers == ["34.04/2024/000001", "34.04/2024/000002", "71.71/2024/000001", "34.04/2025/000001"]


def test_the_year_of_the_number_is_the_local_year() -> None:
    # 20:00 UTC on 31 Dec 2024 is 04:00 WITA on 1 Jan 2025 in Manado.
    case = new_case(
        region_code="71.71",
        received_at=dt.datetime(2024, 12, 31, 20, 0, tzinfo=UTC),
        known_on=dt.date(2024, 12, 31),
    )
    assert case.number == "71.71/2025/000001"


def test_a_late_report_and_a_finding_keep_their_flags(bawaslu_kab_sleman: User) -> None:
    late = new_case(known_on=dt.date(2024, 3, 1))
    assert late.daluwarsa is True
    data = ReportInput(
        description="Temuan: camat hadir dalam kampanye.",
        region_code="34.04",
        election="pemilu-2024",
        known_on=dt.date(2024, 4, 4),
        reported=(ReportedPersonInput(name="Camat Depok"),),
    )
    found = submit_report(data, channel="finding", actor=bawaslu_kab_sleman, received_at=APRIL_4_10_WIB)
    case = Case.objects.get(case_reports__report=found.report)
    assert case.channel == "finding"
    opened = Transition.objects.get(case=case)
    assert (opened.actor_id, opened.actor_role) == (bawaslu_kab_sleman.pk, "bawaslu_staff")


def test_an_idempotent_replay_opens_no_second_case() -> None:
    data = ReportInput(
        description="Lurah membagikan stiker calon.",
        region_code="34.04",
        election="pemilu-2024",
        known_on=dt.date(2024, 4, 4),
        anonymous=True,
        reported=(ReportedPersonInput(name="Lurah"),),
    )
    first = submit_report(data, channel="api", idempotency_key="k-1", received_at=APRIL_4_10_WIB)
    again = submit_report(data, channel="api", idempotency_key="k-1", received_at=APRIL_4_10_WIB)
    assert again.created is False and again.report.pk == first.report.pk
    assert Case.objects.count() == 1


def deadline(case: Case, clock: str) -> Deadline:
    return Deadline.objects.get(case=case, clock=clock)


def test_pemilu_clocks_in_sleman_golden_dates(
    bawaslu_kab_sleman: User, commissioner_kab_sleman: User
) -> None:
    # Received Thu 4 Apr 2024. 2 working days: Fri 5 Apr is the first; 6-7 Apr weekend, 8-15 Apr
    # Idulfitri and cuti bersama; Tue 16 Apr is the second. Due 16:00 WIB = 09:00 UTC.
    case = new_case()
    review = deadline(case, "pemilu.initial_review")
    assert (review.started_on, review.due_date, review.state) == (
        dt.date(2024, 4, 4),
        dt.date(2024, 4, 16),
        "open",
    )
    assert review.due_at == dt.datetime(2024, 4, 16, 9, 0, tzinfo=UTC)

    # Registered Tue 16 Apr 10:00 WIB: decision 7 working days after registration:
    # 17, 18, 19, 22, 23, 24, 25 April → Thu 25 Apr 2024.
    actions.start_initial_review(
        case, actor=bawaslu_kab_sleman, at=dt.datetime(2024, 4, 16, 2, 0, tzinfo=UTC)
    )
    registered_at = dt.datetime(2024, 4, 16, 3, 0, tzinfo=UTC)
    actions.register(case, actor=bawaslu_kab_sleman, at=registered_at)
    review.refresh_from_db()
    assert (review.state, review.met_at) == ("met", registered_at)
    decision = deadline(case, "pemilu.decision")
    assert (decision.started_on, decision.due_date) == (dt.date(2024, 4, 16), dt.date(2024, 4, 25))
    assert decision.due_at == dt.datetime(2024, 4, 25, 16, 0, tzinfo=WIB)

    for step in ["start_clarification", "start_study", "to_plenary"]:
        actions.transition(case, step, actor=bawaslu_kab_sleman, at=registered_at)
    decided_at = dt.datetime(2024, 4, 24, 7, 0, tzinfo=UTC)
    actions.decide_not_violation(case, actor=commissioner_kab_sleman, at=decided_at, reason="Tidak terbukti")
    decision.refresh_from_db()
    assert (decision.state, decision.met_at) == ("met", decided_at)
    assert not Deadline.objects.filter(case=case, state="open").exists()


def test_pilkada_clocks_are_calendar_days_from_receipt(bawaslu_kota_manado: User) -> None:
    # Kota Manado (WITA). Received Thu 4 Apr 2024: initial review 2 calendar days → Sat 6 Apr;
    # decision 3 calendar days after receipt → Sun 7 Apr, even though registration is on 5 Apr.
    case = new_case(region_code="71.71", election="pilkada-2024")
    review = deadline(case, "pilkada.initial_review")
    assert review.due_date == dt.date(2024, 4, 6)
    assert review.due_at == dt.datetime(2024, 4, 6, 16, 0, tzinfo=WITA)
    at = dt.datetime(2024, 4, 5, 1, 0, tzinfo=UTC)
    actions.start_initial_review(case, actor=bawaslu_kota_manado, at=at)
    actions.register(case, actor=bawaslu_kota_manado, at=at)
    decision = deadline(case, "pilkada.decision")
    assert (decision.started_on, decision.due_date) == (dt.date(2024, 4, 4), dt.date(2024, 4, 7))


def test_rejections_meet_the_initial_review(bawaslu_kab_sleman: User) -> None:
    case = new_case()
    actions.start_initial_review(case, actor=bawaslu_kab_sleman)
    actions.reject_expired(case, actor=bawaslu_kab_sleman, reason="Lewat 7 hari")
    assert Case.objects.get(pk=case.pk).state == "rejected_expired"
    assert deadline(case, "pemilu.initial_review").state == "met"
    assert not Deadline.objects.filter(case=case, clock="pemilu.decision").exists()


def test_illegal_and_unknown_actions_are_refused(bawaslu_kab_sleman: User) -> None:
    case = new_case()
    with pytest.raises(actions.TransitionRefused) as refused:
        actions.register(case, actor=bawaslu_kab_sleman)
    assert refused.value.code == "wrong_state"
    with pytest.raises(actions.TransitionRefused) as unknown:
        actions.transition(case, "sanction", actor=bawaslu_kab_sleman)
    assert unknown.value.code == "unknown_action"
    case = walk(case, ORDER[:1], bawaslu_kab_sleman, None)
    with pytest.raises(actions.TransitionRefused):
        actions.start_initial_review(case, actor=bawaslu_kab_sleman)  # already in initial review
    assert Transition.objects.filter(case=case).count() == 2


def test_refusals_are_in_indonesian(bawaslu_kab_sleman: User, bkn_analyst: User) -> None:
    case = new_case()
    with translation.override("id"), pytest.raises(actions.TransitionRefused) as refused:
        actions.start_initial_review(case, actor=bkn_analyst)
    assert str(refused.value) == "Peran Anda tidak berwenang mengambil tindakan ini."


def test_inactive_and_anonymous_actors_are_refused(bawaslu_kab_sleman: User) -> None:
    case = new_case()
    with pytest.raises(actions.TransitionRefused):
        actions.start_initial_review(case, actor=None)  # type: ignore[arg-type]
    bawaslu_kab_sleman.is_active = False
    bawaslu_kab_sleman.save(update_fields=["is_active"])
    with pytest.raises(actions.TransitionRefused):
        actions.start_initial_review(case, actor=bawaslu_kab_sleman)


def test_a_concurrent_change_is_detected(bawaslu_kab_sleman: User, bawaslu_prov_diy: User) -> None:
    case = new_case()
    mine = Case.objects.get(pk=case.pk)
    theirs = Case.objects.get(pk=case.pk)
    actions.start_initial_review(theirs, actor=bawaslu_prov_diy)
    with pytest.raises(actions.ConcurrentChange) as lost:
        actions.start_initial_review(mine, actor=bawaslu_kab_sleman)
    assert lost.value.code == "concurrent_change"
    # The same after a change the copy in memory did not see (version bumped in between).
    mine = Case.objects.get(pk=case.pk)
    Case.objects.filter(pk=case.pk).update(version=mine.version + 1)
    with pytest.raises(actions.ConcurrentChange):
        actions.register(mine, actor=bawaslu_kab_sleman)
    stored = Case.objects.get(pk=case.pk)
    assert stored.state == "initial_review"
    assert Transition.objects.filter(case=case).count() == 2  # open_case and the winner only


def test_transitions_are_append_only(bawaslu_kab_sleman: User) -> None:
    case = new_case()
    row = Transition.objects.get(case=case)
    row.reason = "diubah"
    with pytest.raises(AppendOnlyError):
        row.save()
    with pytest.raises(AppendOnlyError):
        row.delete()
    with pytest.raises(AppendOnlyError):
        Transition.objects.filter(case=case).update(reason="x")
    with pytest.raises(AppendOnlyError):
        Transition.objects.filter(case=case).delete()


def test_audit_rows_and_the_chain_after_a_full_bawaslu_stage(
    bawaslu_kab_sleman: User, commissioner_kab_sleman: User
) -> None:
    case = walk(new_case(), ORDER, bawaslu_kab_sleman, commissioner_kab_sleman)
    actions.forward_to_authority(case, actor=bawaslu_kab_sleman, reason="Nama pelapor: Siti")
    entries = AuditEntry.objects.filter(object_type="cases.case", object_id=str(case.pk)).order_by("seq")
    assert [e.action for e in entries] == ["cases.open_case"] + [f"cases.{a}" for a in ORDER] + [
        "cases.forward_to_authority"
    ]
    last = entries.last()
    assert last is not None
    assert last.data["from"] == "violation" and last.data["to"] == "forwarded_asn_authority"
    assert "Siti" not in str([e.data for e in entries])  # the reason is not copied into the log
    assert verify().ok


def test_notifications_run_after_commit(
    bawaslu_kab_sleman: User, django_capture_on_commit_callbacks: Any, recorded: dict[str, list[Any]]
) -> None:
    seen = recorded["case"]
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        case = new_case()
        actions.start_initial_review(case, actor=bawaslu_kab_sleman)
    assert seen == []  # nothing before the commit
    # ... but the events are stored in the steps' own transaction, waiting.
    assert Event.objects.filter(case_id=case.pk, state=Event.State.PENDING).count() == 2
    for callback in callbacks:
        callback()
    assert not Event.objects.filter(case_id=case.pk, state=Event.State.PENDING).exists()
    assert [(e.action, e.from_state, e.to_state) for e in seen] == [
        ("open_case", "", "received"),
        ("start_initial_review", "received", "initial_review"),
    ]
    assert seen[1].actor_id == bawaslu_kab_sleman.pk and seen[1].number == case.number


def test_visible_to(users_by_role: dict[str, User]) -> None:
    sleman, manado = new_case(), new_case(region_code="71.71")
    expected = {
        "bawaslu_ri": {sleman.pk, manado.pk},
        "bawaslu_prov_diy": {sleman.pk},
        "bawaslu_kab_sleman": {sleman.pk},
        "bawaslu_kota_manado": {manado.pk},
        "commissioner_kab_sleman": {sleman.pk},
        "bkn_analyst": set(),
        "ppk_kota_manado": set(),
        "ppk_kab_sleman": set(),
        "kemendagri_officer": set(),
        "admin_user": {sleman.pk, manado.pk},
        "data_custodian": {sleman.pk, manado.pk},
    }
    seen = {
        name: set(Case.objects.visible_to(user).values_list("pk", flat=True))
        for name, user in users_by_role.items()
    }
    assert seen == expected
    assert not Case.objects.visible_to(None).exists()


def test_funnel_counts_equal_hand_counts(
    bawaslu_kab_sleman: User, commissioner_kab_sleman: User, bawaslu_kota_manado: User
) -> None:
    staff, chair = bawaslu_kab_sleman, commissioner_kab_sleman
    proven = walk(new_case(), ORDER, staff, chair)
    actions.forward_to_authority(proven, actor=staff)
    walk(new_case(), [*ORDER[:5], "decide_not_violation"], staff, chair)
    walk(new_case(), ["start_initial_review", "reject_formal"], staff, chair)
    new_case()  # still received
    walk(new_case(region_code="71.71"), ["start_initial_review", "register"], bawaslu_kota_manado, None)

    # By hand: 5 reported, 3 registered (two in Sleman, one in Manado), 1 rejected, 2 decided,
    # 1 proven, 1 not proven, 1 forwarded (to the ASN authority).
    assert services.funnel(Case.objects.all()) == {
        "reported": 5,
        "registered": 3,
        "rejected": 1,
        "decided": 2,
        "proven": 1,
        "not_proven": 1,
        "forwarded": 1,
        "forwarded_asn_authority": 1,
        **{stage: 0 for stage in ("recommended", "sent_to_ppk", "ppk_overdue", "warned", "blocked")},
        **{stage: 0 for stage in ("sanctioned", "left_service")},
    }
    sleman_only = services.funnel(Case.objects.visible_to(staff))
    assert (sleman_only["reported"], sleman_only["registered"]) == (4, 2)


def test_the_admin_shows_cases_read_only(admin_client: Any) -> None:
    case = new_case()
    listing = admin_client.get("/admin/cases/case/")
    assert listing.status_code == 200 and case.number in listing.content.decode()
    detail = admin_client.get(f"/admin/cases/case/{case.pk}/change/")
    assert detail.status_code == 200 and "pemilu.initial_review" in detail.content.decode()
    assert admin_client.post(f"/admin/cases/case/{case.pk}/delete/", {"post": "yes"}).status_code == 403
    assert Case.objects.filter(pk=case.pk).exists()
