"""Correcting the day the reporter learned of the event: the window again with hand-written golden dates, the
report's and the case's `daluwarsa`, who may and when, refusals that write nothing, the tallies and the
workspace form."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import translation

from netral.accounts.models import User
from netral.audit.models import AuditEntry
from netral.cases import actions
from netral.cases.forms import KnownOnForm
from netral.cases.known_on import correct_known_on, originating_report
from netral.cases.merging import merge_into
from netral.cases.models import Case, Transition
from netral.intake.models import Report
from tests.test_cases_support import new_case, walk
from tests.test_cases_tally import assert_kept_equals_recount

pytestmark = pytest.mark.django_db

# 10:00 WIB on Thursday 3 October 2024 (Pilkada 2024: 7 calendar days).
OCT_3_10_WIB = dt.datetime(2024, 10, 3, 3, 0, tzinfo=dt.UTC)
REASON = "Pelapor baru mengetahui dari unggahan yang beredar; tangkapan layar bertanggal."


def pilkada_case(known_on: dt.date) -> Case:
    return new_case(election="pilkada-2024", received_at=OCT_3_10_WIB, known_on=known_on)


def test_pilkada_golden_dates_a_late_report_becomes_timely_and_can_be_registered(
    bawaslu_kab_sleman: User, commissioner_kab_sleman: User
) -> None:
    # Known on Wed 25 Sep 2024: the window's last day is Wed 2 Oct; filed Thu 3 Oct: late.
    case = pilkada_case(dt.date(2024, 9, 25))
    assert case.daluwarsa and originating_report(case).filing_last_day == dt.date(2024, 10, 2)
    walk(case, ["start_initial_review"], bawaslu_kab_sleman, commissioner_kab_sleman)
    # Found: learned of it on Thu 26 Sep. Last day Thu 3 Oct, the day of filing, counts in full.
    correct_known_on(case, actor=bawaslu_kab_sleman, known_on=dt.date(2024, 9, 26), reason=REASON)
    stored = Case.objects.get(pk=case.pk)
    report = originating_report(stored)
    assert (stored.daluwarsa, stored.state, stored.version) == (False, "initial_review", case.version)
    assert (report.known_on, report.filing_last_day, report.daluwarsa) == (
        dt.date(2024, 9, 26),
        dt.date(2024, 10, 3),
        False,
    )
    assert report.filing_clock == "pilkada.report_filing"
    row = Transition.objects.filter(case=case).latest("at", "pk")
    assert (row.action, row.from_state, row.to_state, row.reason) == (
        "correct_known_on",
        "initial_review",
        "initial_review",
        REASON,
    )
    entry = AuditEntry.objects.get(action="cases.known_on_corrected")
    assert entry.data["before"] == {"known_on": "2024-09-25", "daluwarsa": True}
    assert entry.data["after"] == {"known_on": "2024-09-26", "daluwarsa": False}
    assert entry.data["last_day"] == "2024-10-03" and REASON not in str(entry.data)
    actions.register(stored, actor=bawaslu_kab_sleman)  # no longer refused as daluwarsa
    assert Case.objects.get(pk=case.pk).state == "registered"
    assert_kept_equals_recount()


def test_pemilu_golden_dates_in_working_days_and_a_timely_report_found_late(
    bawaslu_kab_sleman: User,
) -> None:
    # Pemilu 2024, filed Thu 4 Apr 2024, known on Mon 25 Mar: 7 working days skip Good Friday (29 Mar),
    # last day Thu 4 Apr: in time.
    case = new_case(known_on=dt.date(2024, 3, 25))
    assert not case.daluwarsa and originating_report(case).filing_last_day == dt.date(2024, 4, 4)
    # Found: known on Fri 22 Mar; the 7th working day is Wed 3 Apr: late.
    correct_known_on(case, actor=bawaslu_kab_sleman, known_on=dt.date(2024, 3, 22), reason=REASON)
    stored = Case.objects.get(pk=case.pk)
    assert stored.daluwarsa and stored.state == "received"
    assert originating_report(stored).filing_last_day == dt.date(2024, 4, 3)
    with pytest.raises(actions.TransitionRefused) as refused:
        actions.register(
            walk(stored, ["start_initial_review"], bawaslu_kab_sleman, None), actor=bawaslu_kab_sleman
        )
    assert refused.value.code == "daluwarsa"
    assert_kept_equals_recount()


def _snapshot(case: Case) -> tuple[object, ...]:
    stored = Case.objects.get(pk=case.pk)
    report = originating_report(stored)
    return (stored.version, stored.daluwarsa, report.known_on, report.daluwarsa,
            Transition.objects.filter(case=case).count(), AuditEntry.objects.count())  # fmt: skip


def test_refusals_write_nothing(
    bawaslu_kab_sleman: User,
    commissioner_kab_sleman: User,
    bawaslu_kota_manado: User,
    bkn_analyst: User,
    admin_user: User,
) -> None:
    case = pilkada_case(dt.date(2024, 9, 25))
    before = _snapshot(case)
    attempts = [
        (commissioner_kab_sleman, dt.date(2024, 9, 26), REASON, "role"),
        (bkn_analyst, dt.date(2024, 9, 26), REASON, "role"),
        (admin_user, dt.date(2024, 9, 26), REASON, "role"),
        (bawaslu_kota_manado, dt.date(2024, 9, 26), REASON, "scope"),
        (bawaslu_kab_sleman, dt.date(2024, 9, 26), "   ", "invalid"),
        (bawaslu_kab_sleman, dt.date(2024, 10, 4), REASON, "invalid"),  # after the report was received
        (bawaslu_kab_sleman, dt.date(2024, 9, 25), REASON, "invalid"),  # the day the report gives
    ]
    for actor, day, reason, code in attempts:
        with pytest.raises(actions.TransitionRefused) as refused:
            correct_known_on(case, actor=actor, known_on=day, reason=reason)
        assert (actor.username, refused.value.code) == (actor.username, code)
        assert _snapshot(case) == before
    walk(case, ["start_initial_review"], bawaslu_kab_sleman, commissioner_kab_sleman)
    actions.reject_expired(case, actor=bawaslu_kab_sleman, reason="Lewat batas waktu pelaporan.")
    with pytest.raises(actions.TransitionRefused) as refused:
        correct_known_on(case, actor=bawaslu_kab_sleman, known_on=dt.date(2024, 9, 26), reason=REASON)
    assert refused.value.code == "wrong_state"  # only before the report is registered or rejected
    with translation.override("id"), pytest.raises(actions.TransitionRefused) as refused:
        correct_known_on(
            pilkada_case(dt.date(2024, 9, 25)),
            actor=bawaslu_kab_sleman,
            known_on=dt.date(2024, 10, 4),
            reason="x",
        )
    assert "setelah laporan diterima (2024-10-03)" in refused.value.message


def test_the_workspace_offers_the_form_to_bawaslu_staff_before_registration(
    bawaslu_kab_sleman: User, commissioner_kab_sleman: User
) -> None:
    case = pilkada_case(dt.date(2024, 9, 25))
    staff = Client()
    staff.force_login(bawaslu_kab_sleman)
    commissioner = Client()
    commissioner.force_login(commissioner_kab_sleman)
    page = staff.get(f"/perkara/{case.pk}/").content.decode()
    assert 'id="step-correct_known_on"' in page and 'value="2024-09-25"' in page  # the stated day first
    assert "diketahui 25 September 2024, hari terakhir 2 Oktober 2024" in page  # the window as filed
    assert 'id="step-correct_known_on"' not in commissioner.get(f"/perkara/{case.pk}/").content.decode()
    url = f"/perkara/{case.pk}/langkah/correct_known_on/"
    missing = staff.post(url, {"version": case.version, "correct_known_on-known_on": "2024-09-26"})
    assert missing.status_code == 400 and Case.objects.get(pk=case.pk).daluwarsa  # no reason
    data = {
        "version": case.version,
        "correct_known_on-known_on": "2024-09-26",
        "correct_known_on-reason": REASON,
    }
    assert staff.post(url, data).status_code == 302
    assert not Case.objects.get(pk=case.pk).daluwarsa
    with translation.override("id"):
        page = staff.get(f"/perkara/{case.pk}/").content.decode()
    assert "Koreksi tanggal pelapor mengetahui kejadian" in page  # in the history, with the reason
    assert "diketahui 26 September 2024, hari terakhir 3 Oktober 2024" in page
    assert REASON in page
    fresh = Case.objects.get(pk=case.pk)
    walk(fresh, ["start_initial_review", "register"], bawaslu_kab_sleman, commissioner_kab_sleman)
    assert 'id="step-correct_known_on"' not in staff.get(f"/perkara/{case.pk}/").content.decode()


def test_a_report_in_time_merged_into_a_late_case_lets_it_be_registered(
    bawaslu_kab_sleman: User,
) -> None:
    # Both filed Thu 3 Oct 2024 (Pilkada, 7 calendar days). Known on Wed 25 Sep: last day Wed 2 Oct, late;
    # known on Tue 1 Oct: last day Tue 8 Oct, in time.
    late = pilkada_case(dt.date(2024, 9, 25))
    timely = pilkada_case(dt.date(2024, 10, 1))
    also_late = pilkada_case(dt.date(2024, 9, 20))
    assert (late.daluwarsa, timely.daluwarsa, also_late.daluwarsa) == (True, False, True)
    merge_into(also_late, late, actor=bawaslu_kab_sleman, reason="Kejadian yang sama.")
    assert Case.objects.get(pk=late.pk).daluwarsa  # every report in it is late
    merge_into(timely, late, actor=bawaslu_kab_sleman, reason="Kejadian yang sama.")
    stored = Case.objects.get(pk=late.pk)
    assert not stored.daluwarsa and stored.case_reports.count() == 3
    entry = AuditEntry.objects.filter(action="cases.merged").latest("pk")
    assert entry.data["daluwarsa"] == {"before": True, "after": False}
    stored = walk(stored, ["start_initial_review"], bawaslu_kab_sleman, None)
    actions.register(stored, actor=bawaslu_kab_sleman)  # one report in time is enough
    assert Case.objects.get(pk=late.pk).state == "registered"
    assert_kept_equals_recount()


def test_a_late_report_merged_into_a_timely_case_changes_nothing(bawaslu_kab_sleman: User) -> None:
    timely = pilkada_case(dt.date(2024, 10, 1))
    late = pilkada_case(dt.date(2024, 9, 25))
    merge_into(late, timely, actor=bawaslu_kab_sleman, reason="Kejadian yang sama.")
    assert not Case.objects.get(pk=timely.pk).daluwarsa
    assert "daluwarsa" not in AuditEntry.objects.get(action="cases.merged").data
    assert_kept_equals_recount()


def test_the_day_of_a_merged_report_is_corrected_and_the_case_follows_all_its_reports(
    bawaslu_kab_sleman: User,
) -> None:
    case = pilkada_case(dt.date(2024, 10, 1))  # in time
    merged = pilkada_case(dt.date(2024, 9, 25))  # late
    code = originating_report(merged).tracking_code
    merge_into(merged, case, actor=bawaslu_kab_sleman, reason="Kejadian yang sama.")
    with translation.override("id"), pytest.raises(actions.TransitionRefused, match="tidak memuat laporan"):
        correct_known_on(
            case, actor=bawaslu_kab_sleman, known_on=dt.date(2024, 9, 26), reason=REASON, report="X"
        )
    # The merged report: found known on Thu 26 Sep, last day Thu 3 Oct, in time; the first report untouched.
    correct_known_on(
        case, actor=bawaslu_kab_sleman, known_on=dt.date(2024, 9, 26), reason=REASON, report=code
    )
    reports = {r.tracking_code: r for r in Report.objects.filter(case_link__case=case)}
    assert (reports[code].known_on, reports[code].daluwarsa) == (dt.date(2024, 9, 26), False)
    first = originating_report(case)
    assert first.tracking_code != code and first.known_on == dt.date(2024, 10, 1)
    # The first report found late (known Tue 24 Sep, last day Tue 1 Oct): the merged one is still in time.
    stored = correct_known_on(case, actor=bawaslu_kab_sleman, known_on=dt.date(2024, 9, 24), reason=REASON)
    assert originating_report(stored).daluwarsa and not stored.daluwarsa
    # Both late: the case is.
    stored = correct_known_on(
        stored, actor=bawaslu_kab_sleman, known_on=dt.date(2024, 9, 20), reason=REASON, report=code
    )
    assert stored.daluwarsa and Case.objects.get(pk=case.pk).daluwarsa
    entry = AuditEntry.objects.filter(action="cases.known_on_corrected").latest("pk")
    assert entry.data["case_daluwarsa"] == {"before": False, "after": True} and entry.data["report"] == code
    html = str(KnownOnForm(case=stored)["report"])
    assert html.index(f'value="{first.tracking_code}"') < html.index(f'value="{code}"')
    assert list(KnownOnForm(case=stored).fields)[:3] == ["report", "known_on", "reason"]
    assert (
        "report" not in KnownOnForm(case=pilkada_case(dt.date(2024, 10, 1))).fields
    )  # one report: no choice
    assert_kept_equals_recount()
