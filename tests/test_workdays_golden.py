"""Golden deadlines from the real 2024 Indonesian calendar, every expected date worked out by hand.

The 2024 non-working days used below (Keppres/SKB 3 Menteri for 2024, checked by hand against a
printed calendar):
  Thu 8 Feb Isra Mikraj · Fri 9 Feb cuti bersama Imlek · Sat 10 Feb Imlek · Wed 14 Feb Pemilu day
  Mon 11 Mar Nyepi · Tue 12 Mar cuti bersama · Fri 29 Mar Good Friday · Sun 31 Mar Easter
  Mon 8, Tue 9 Apr cuti bersama · Wed 10, Thu 11 Apr Idulfitri · Fri 12, Mon 15 Apr cuti bersama
  Wed 27 Nov Pilkada day · Wed 25 Dec Christmas · Thu 26 Dec cuti bersama · Wed 1 Jan 2025 New Year
Counting rule: the start is day 0; the due date is the N-th working (or calendar) day after it.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import override_settings

from netral.workdays import services
from netral.workdays.models import Holiday, HolidayKind

pytestmark = pytest.mark.django_db

D = dt.date


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    services.invalidate_cache()


def due(clock: str, start: dt.date, region: str | None = None) -> dt.date:
    return services.compute_deadline(clock, start, region).due_date


# --- working days across Idulfitri 2024 --------------------------------------------------------------


def test_seven_working_days_across_idulfitri() -> None:
    # Start Thu 4 Apr (day 0). Fri 5 Apr = 1; Sat 6, Sun 7 weekend; Mon 8, Tue 9 cuti bersama;
    # Wed 10, Thu 11 Idulfitri; Fri 12 cuti bersama; Sat 13, Sun 14; Mon 15 cuti bersama;
    # Tue 16 = 2, Wed 17 = 3, Thu 18 = 4, Fri 19 = 5; Sat 20, Sun 21; Mon 22 = 6, Tue 23 = 7.
    assert due("pemilu.decision", D(2024, 4, 4)) == D(2024, 4, 23)


@override_settings(NETRAL_CUTI_BERSAMA_NON_WORKING=False)
def test_seven_working_days_across_idulfitri_when_cuti_bersama_is_working() -> None:
    # Only 10-11 Apr (Idulfitri) are off: Fri 5 = 1, Mon 8 = 2, Tue 9 = 3, Fri 12 = 4, Mon 15 = 5,
    # Tue 16 = 6, Wed 17 = 7.
    assert due("pemilu.decision", D(2024, 4, 4)) == D(2024, 4, 17)


def test_fourteen_working_days_across_idulfitri() -> None:
    # Start Mon 1 Apr. Tue 2 = 1, Wed 3 = 2, Thu 4 = 3, Fri 5 = 4; 8-15 Apr all off (see above);
    # Tue 16 = 5, Wed 17 = 6, Thu 18 = 7, Fri 19 = 8, Mon 22 = 9, Tue 23 = 10, Wed 24 = 11,
    # Thu 25 = 12, Fri 26 = 13, Mon 29 = 14.
    assert due("pemilu.extension", D(2024, 4, 1)) == D(2024, 4, 29)


# --- Isra Mikraj / Imlek block and Pemilu day 14 Feb 2024 -------------------------------------------


def test_working_days_across_imlek_block_and_pemilu_day() -> None:
    # Start Wed 7 Feb. Thu 8 Isra Mikraj, Fri 9 cuti bersama, Sat 10 Imlek, Sun 11; Mon 12 = 1,
    # Tue 13 = 2, Wed 14 Pemilu day, Thu 15 = 3, Fri 16 = 4; Sat 17, Sun 18; Mon 19 = 5, Tue 20 = 6,
    # Wed 21 = 7.
    assert due("pemilu.report_filing", D(2024, 2, 7)) == D(2024, 2, 21)


@override_settings(NETRAL_CUTI_BERSAMA_NON_WORKING=False)
def test_working_days_across_imlek_block_when_cuti_bersama_is_working() -> None:
    # Fri 9 Feb now counts: Fri 9 = 1, Mon 12 = 2, Tue 13 = 3, (Wed 14 off) Thu 15 = 4, Fri 16 = 5,
    # Mon 19 = 6, Tue 20 = 7.
    assert due("pemilu.report_filing", D(2024, 2, 7)) == D(2024, 2, 20)


def test_initial_review_skips_pemilu_day() -> None:
    # Start Tue 13 Feb. Wed 14 Pemilu day; Thu 15 = 1, Fri 16 = 2.
    assert due("pemilu.initial_review", D(2024, 2, 13)) == D(2024, 2, 16)


def test_working_days_across_nyepi() -> None:
    # Start Fri 8 Mar. Sat 9, Sun 10; Mon 11 Nyepi; Tue 12 cuti bersama; Wed 13 = 1, Thu 14 = 2,
    # Fri 15 = 3, Mon 18 = 4, Tue 19 = 5, Wed 20 = 6, Thu 21 = 7.
    assert due("authority.verification", D(2024, 3, 8)) == D(2024, 3, 21)


def test_working_days_across_pilkada_voting_day() -> None:
    # Start Mon 18 Nov. Tue 19 = 1, Wed 20 = 2, Thu 21 = 3, Fri 22 = 4, Mon 25 = 5, Tue 26 = 6,
    # Wed 27 Pilkada day, Thu 28 = 7, Fri 29 = 8, Mon 2 Dec = 9, Tue 3 = 10, Wed 4 = 11, Thu 5 = 12,
    # Fri 6 = 13, Mon 9 Dec = 14.
    assert due("ppk.follow_up", D(2024, 11, 18)) == D(2024, 12, 9)


# --- Christmas 2024 with cuti bersama 26 Dec ----------------------------------------------------------


def test_working_days_across_christmas() -> None:
    # Start Mon 23 Dec. Tue 24 = 1, Wed 25 Christmas, Thu 26 cuti bersama, Fri 27 = 2,
    # Sat 28, Sun 29, Mon 30 = 3.
    assert due("ppk.follow_up_after_warning", D(2024, 12, 23)) == D(2024, 12, 30)


def test_working_days_across_christmas_and_new_year() -> None:
    # Start Mon 23 Dec. Tue 24 = 1, Fri 27 = 2, Mon 30 = 3, Tue 31 = 4, Wed 1 Jan 2025 New Year,
    # Thu 2 Jan = 5, Fri 3 Jan = 6, Sat 4, Sun 5, Mon 6 Jan = 7.
    assert due("pemilu.decision", D(2024, 12, 23)) == D(2025, 1, 6)


def test_christmas_with_cuti_bersama_switched_to_working_and_back() -> None:
    # With cuti bersama working, Thu 26 Dec counts: Tue 24 = 1, Thu 26 = 2, Fri 27 = 3.
    # And for 7 days: 24 = 1, 26 = 2, 27 = 3, 30 = 4, 31 = 5, Thu 2 Jan = 6, Fri 3 Jan = 7.
    # The same process computes both ways: the cache must follow the setting.
    assert due("ppk.follow_up_after_warning", D(2024, 12, 23)) == D(2024, 12, 30)
    with override_settings(NETRAL_CUTI_BERSAMA_NON_WORKING=False):
        assert due("ppk.follow_up_after_warning", D(2024, 12, 23)) == D(2024, 12, 27)
        assert due("pemilu.decision", D(2024, 12, 23)) == D(2025, 1, 3)
    assert due("ppk.follow_up_after_warning", D(2024, 12, 23)) == D(2024, 12, 30)


# --- start on a weekend or holiday -------------------------------------------------------------------


def test_start_on_saturday_inside_the_idulfitri_block() -> None:
    # Start Sat 6 Apr (day 0, even though not a working day). Mon 8 - Mon 15 off; Tue 16 = 1, Wed 17 = 2.
    assert due("pemilu.initial_review", D(2024, 4, 6)) == D(2024, 4, 17)


def test_start_on_a_holiday() -> None:
    # Start Wed 10 Apr, Idulfitri itself. Thu 11, Fri 12, Sat 13, Sun 14, Mon 15 off; Tue 16 = 1,
    # Wed 17 = 2.
    assert due("pemilu.initial_review", D(2024, 4, 10)) == D(2024, 4, 17)


def test_start_on_sunday_before_pemilu_day() -> None:
    # Start Sun 11 Feb. Mon 12 = 1, Tue 13 = 2, Wed 14 Pemilu day, Thu 15 = 3.
    assert due("authority.bawaslu_validation", D(2024, 2, 11)) == D(2024, 2, 15)


# --- calendar days (Pilkada) -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("clock", "start", "expected"),
    [
        # 4 Apr + 7 = Thu 11 Apr: a calendar-day deadline may fall on a holiday (Idulfitri day 2).
        ("pilkada.report_filing", D(2024, 4, 4), D(2024, 4, 11)),
        # 8 Feb + 2 = Sat 10 Feb (Imlek); holidays and weekends are not skipped.
        ("pilkada.initial_review", D(2024, 2, 8), D(2024, 2, 10)),
        # Mon 25 Nov + 3 = Thu 28 Nov, across Pilkada day 27 Nov.
        ("pilkada.decision", D(2024, 11, 25), D(2024, 11, 28)),
        # Tue 24 Dec + 2 = Thu 26 Dec (cuti bersama).
        ("pilkada.extension", D(2024, 12, 24), D(2024, 12, 26)),
        # Mon 23 Dec + 7 = Mon 30 Dec; Sat 28 Dec + 7 = Sat 4 Jan 2025 (across the year end).
        ("pilkada.report_filing", D(2024, 12, 23), D(2024, 12, 30)),
        ("pilkada.report_filing", D(2024, 12, 28), D(2025, 1, 4)),
        # 2024 is a leap year: Mon 26 Feb + 7 = Mon 4 Mar (26, 27, 28, 29 Feb, 1, 2, 3, 4 Mar).
        ("pilkada.report_filing", D(2024, 2, 26), D(2024, 3, 4)),
    ],
)
def test_calendar_day_clocks(clock: str, start: dt.date, expected: dt.date) -> None:
    assert due(clock, start) == expected


@override_settings(NETRAL_CUTI_BERSAMA_NON_WORKING=False)
def test_calendar_day_clocks_ignore_the_cuti_bersama_setting() -> None:
    assert due("pilkada.report_filing", D(2024, 4, 4)) == D(2024, 4, 11)


# --- due_at in the region's time zone ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("region", "expected"),
    [
        (None, "2024-04-23T16:00:00+07:00"),  # no region: WIB
        ("34.04", "2024-04-23T16:00:00+07:00"),  # Kabupaten Sleman, DI Yogyakarta: WIB
        ("71.71", "2024-04-23T16:00:00+08:00"),  # Kota Manado, Sulawesi Utara: WITA
        ("91.71", "2024-04-23T16:00:00+09:00"),  # Kota Jayapura, Papua: WIT
    ],
)
def test_due_at_is_office_close_in_the_region_time_zone(region: str | None, expected: str) -> None:
    deadline = services.compute_deadline("pemilu.decision", D(2024, 4, 4), region)
    assert deadline.due_at.isoformat() == expected
    assert deadline.due_at.utcoffset() is not None


def test_due_at_in_utc() -> None:
    # 16:00 WIT (UTC+9) on 23 Apr is 07:00 UTC the same day.
    deadline = services.compute_deadline("pemilu.decision", D(2024, 4, 4), "91.71")
    assert deadline.due_at.astimezone(dt.UTC) == dt.datetime(2024, 4, 23, 7, 0, tzinfo=dt.UTC)


@override_settings(NETRAL_OFFICE_CLOSE=dt.time(15, 30))
def test_office_close_is_a_setting() -> None:
    deadline = services.compute_deadline("pilkada.decision", D(2024, 11, 25), "71.71")
    assert deadline.due_at.isoformat() == "2024-11-28T15:30:00+08:00"


def test_aware_start_uses_the_local_date_of_the_region() -> None:
    # 23:30 UTC on Thu 4 Apr is already Fri 5 Apr 08:30 in Jayapura (UTC+9): day 0 is Fri 5 Apr.
    # Fri 5 = day 0; Tue 16 = 1, Wed 17 = 2.
    moment = dt.datetime(2024, 4, 4, 23, 30, tzinfo=dt.UTC)
    deadline = services.compute_deadline("pemilu.initial_review", moment, "91.71")
    assert deadline.start == D(2024, 4, 5)
    assert deadline.due_date == D(2024, 4, 17)
    # 16:59 UTC is 23:59 WIB, still Thu 4 Apr in Sleman: day 0 stays Thu 4 Apr.
    early = dt.datetime(2024, 4, 4, 16, 59, tzinfo=dt.UTC)
    assert services.compute_deadline("pemilu.initial_review", early, "34.04").start == D(2024, 4, 4)


# --- regional ad-hoc holidays and switched-off days --------------------------------------------------


def test_regency_adhoc_holiday_affects_only_that_regency() -> None:
    # An ad-hoc holiday in Sleman on Tue 16 Apr: Fri 5 = 1, (16 off) Wed 17 = 2, Thu 18 = 3,
    # Fri 19 = 4, Mon 22 = 5, Tue 23 = 6, Wed 24 = 7.
    services.add_holiday(D(2024, 4, 16), "Libur daerah uji", region_code="34.04")
    assert due("pemilu.decision", D(2024, 4, 4), "34.04") == D(2024, 4, 24)
    assert due("pemilu.decision", D(2024, 4, 4), "34.71") == D(2024, 4, 23)  # Kota Yogyakarta
    assert due("pemilu.decision", D(2024, 4, 4), "34") == D(2024, 4, 23)  # the province itself
    assert due("pemilu.decision", D(2024, 4, 4), "71.71") == D(2024, 4, 23)
    assert due("pemilu.decision", D(2024, 4, 4)) == D(2024, 4, 23)


def test_province_adhoc_holiday_applies_to_its_regencies() -> None:
    # A province-wide day in DI Yogyakarta (34) on Tue 16 Apr moves Sleman and Kota Yogyakarta to
    # Wed 24 Apr (as above) but not Jawa Tengah's Kota Semarang (33.74).
    services.add_holiday(D(2024, 4, 16), "Libur provinsi uji", region_code="34")
    assert due("pemilu.decision", D(2024, 4, 4), "34") == D(2024, 4, 24)
    assert due("pemilu.decision", D(2024, 4, 4), "34.04") == D(2024, 4, 24)
    assert due("pemilu.decision", D(2024, 4, 4), "34.71") == D(2024, 4, 24)
    assert due("pemilu.decision", D(2024, 4, 4), "33.74") == D(2024, 4, 23)


def test_switching_a_seeded_day_off_makes_it_a_working_day() -> None:
    # Deactivate cuti bersama Fri 12 Apr: Fri 5 = 1, Fri 12 = 2, Tue 16 = 3, Wed 17 = 4, Thu 18 = 5,
    # Fri 19 = 6, Mon 22 = 7.
    assert due("pemilu.decision", D(2024, 4, 4)) == D(2024, 4, 23)
    day = Holiday.objects.get(date=D(2024, 4, 12), kind=HolidayKind.CUTI_BERSAMA, region__isnull=True)
    day.active = False
    day.save()
    assert due("pemilu.decision", D(2024, 4, 4)) == D(2024, 4, 22)
