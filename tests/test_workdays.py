"""Seeding, the calendar cache and a property test of the workdays app."""

from __future__ import annotations

import datetime as dt

import holidays as holidays_package
import pytest
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from netral.workdays import services
from netral.workdays.models import Clock, Holiday, HolidayKind, HolidaySource

pytestmark = pytest.mark.django_db

D = dt.date

# The clocks of issue 2 (docs/clocks.md) with their default values: (days, day type, election type).
EXPECTED_CLOCKS = {
    "pemilu.report_filing": (7, "working", "pemilu"),
    "pemilu.initial_review": (2, "working", "pemilu"),
    "pemilu.decision": (7, "working", "pemilu"),
    "pemilu.extension": (14, "working", "pemilu"),
    "pilkada.report_filing": (7, "calendar", "pilkada"),
    "pilkada.initial_review": (2, "calendar", "pilkada"),
    "pilkada.decision": (3, "calendar", "pilkada"),
    "pilkada.extension": (2, "calendar", "pilkada"),
    "authority.verification": (7, "working", "any"),
    "authority.bawaslu_validation": (3, "working", "any"),
    "ppk.follow_up": (14, "working", "any"),
    "ppk.follow_up_after_warning": (3, "working", "any"),
}


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    services.invalidate_cache()


# --- seeding ------------------------------------------------------------------------------------------


def test_clocks_are_seeded_with_their_values() -> None:
    rows = {c.name: (c.days, c.day_type, c.election_type) for c in Clock.objects.all()}
    assert rows == EXPECTED_CLOCKS
    assert all(c.description_id and c.description_en and c.legal_basis for c in Clock.objects.all())


def test_2024_holidays_are_seeded_with_indonesian_and_english_names() -> None:
    rows = Holiday.objects.filter(date__year=2024, region__isnull=True)
    cuti = {h.date for h in rows if h.kind == HolidayKind.CUTI_BERSAMA}
    # SKB 3 Menteri for 2024: ten cuti bersama days.
    assert cuti == {
        D(2024, 2, 9), D(2024, 3, 12), D(2024, 4, 8), D(2024, 4, 9), D(2024, 4, 12),
        D(2024, 4, 15), D(2024, 5, 10), D(2024, 5, 24), D(2024, 6, 18), D(2024, 12, 26),
    }  # fmt: skip
    public = {h.date for h in rows if h.kind == HolidayKind.PUBLIC}
    for day in (
        D(2024, 2, 8),
        D(2024, 2, 14),
        D(2024, 4, 10),
        D(2024, 4, 11),
        D(2024, 11, 27),
        D(2024, 12, 25),
    ):
        assert day in public
    idulfitri = rows.get(date=D(2024, 4, 10))
    assert idulfitri.name == "Hari Raya Idul Fitri"
    assert idulfitri.name_en == "Eid al-Fitr"
    assert idulfitri.source == HolidaySource.SEED
    assert all(h.name and h.name_en for h in Holiday.objects.filter(source=HolidaySource.SEED))


def test_two_holidays_on_one_day_get_their_own_rows_and_names() -> None:
    # 13 May 2021: Idulfitri and Ascension Day fell on the same Thursday.
    rows = dict(Holiday.objects.filter(date=D(2021, 5, 13)).values_list("name", "name_en"))
    assert rows == {"Hari Raya Idul Fitri": "Eid al-Fitr", "Kenaikan Yesus Kristus": "Ascension Day"}


def test_every_seeded_year_is_present() -> None:
    years = set(Holiday.objects.filter(source=HolidaySource.SEED).dates("date", "year"))
    assert {d.year for d in years} == set(range(2020, 2031))


def test_reloading_is_idempotent_and_keeps_admin_edits() -> None:
    before = Holiday.objects.count()
    seeded = Holiday.objects.get(date=D(2024, 12, 26), region__isnull=True)
    seeded.name = "Cuti Bersama Natal (diubah admin)"
    seeded.active = False
    seeded.save()
    clock = Clock.objects.get(name="ppk.follow_up")
    clock.days = 10
    clock.save()
    summary = services.load_reference_data()
    assert summary.startswith("0 holidays created")
    assert "0 clocks created" in summary
    assert Holiday.objects.count() == before
    seeded.refresh_from_db()
    assert (seeded.name, seeded.active) == ("Cuti Bersama Natal (diubah admin)", False)
    assert Clock.objects.get(name="ppk.follow_up").days == 10


def test_a_deleted_seeded_day_comes_back_at_the_next_load() -> None:
    Holiday.objects.filter(date=D(2024, 12, 26), region__isnull=True).delete()
    assert services.load_reference_data().startswith("1 holidays created")
    assert Holiday.objects.filter(date=D(2024, 12, 26), kind=HolidayKind.CUTI_BERSAMA).exists()


def test_add_holiday_rejects_duplicates_and_unknown_regions() -> None:
    services.add_holiday(D(2024, 11, 26), "Libur uji", region_code="71.71")
    with pytest.raises(services.DuplicateHoliday):
        services.add_holiday(D(2024, 11, 26), "Libur uji", region_code="71.71")
    with pytest.raises(services.DuplicateHoliday):  # a national one with a seeded name
        services.add_holiday(D(2024, 12, 25), "Hari Raya Natal")
    with pytest.raises(services.UnknownRegion):
        services.add_holiday(D(2024, 11, 26), "Libur uji", region_code="99.99")
    # The same name on the same day elsewhere is fine.
    services.add_holiday(D(2024, 11, 26), "Libur uji", region_code="91.71")


# --- calendar ------------------------------------------------------------------------------------------


def test_unknown_clock_and_region() -> None:
    with pytest.raises(services.UnknownClock) as info:
        services.compute_deadline("pemilu.nonsense", D(2024, 4, 4))
    assert "pemilu.decision" in info.value.known
    with pytest.raises(services.UnknownRegion):
        services.compute_deadline("pemilu.decision", D(2024, 4, 4), "00.00")


def test_zero_days_is_the_start_day_and_negative_days_are_refused() -> None:
    calendar = services.get_calendar()
    assert calendar.add_days(D(2024, 4, 6), 0, "working") == D(2024, 4, 6)
    with pytest.raises(services.WorkdaysError):
        calendar.add_days(D(2024, 4, 6), -1, "working")
    with pytest.raises(services.WorkdaysError):
        calendar.add_days(D(2024, 4, 6), 1, "fortnightly")


def test_naive_datetime_start_is_refused() -> None:
    with pytest.raises(services.WorkdaysError):
        services.compute_deadline("pemilu.decision", dt.datetime(2024, 4, 4, 9, 0))


def test_deadline_as_dict_has_exactly_the_documented_keys() -> None:
    data = services.compute_deadline("pilkada.decision", D(2024, 11, 25), "71.71").as_dict()
    assert data == {
        "clock": "pilkada.decision",
        "start": "2024-11-25",
        "days": 3,
        "day_type": "calendar",
        "due_date": "2024-11-28",
        "due_at": "2024-11-28T16:00:00+08:00",
    }


@override_settings(NETRAL_WORKDAYS_CACHE_SECONDS=3600)
def test_cached_calendar_needs_no_queries(django_assert_num_queries: object) -> None:
    services.compute_deadline("pemilu.decision", D(2024, 4, 4), "34.04")
    with django_assert_num_queries(0):  # type: ignore[operator]
        for day in range(1, 29):
            services.compute_deadline("pemilu.decision", D(2024, 2, day), "34.04")


def test_clock_edits_reach_the_cache() -> None:
    assert services.compute_deadline("pilkada.decision", D(2024, 11, 25)).due_date == D(2024, 11, 28)
    Clock.objects.filter(name="pilkada.decision").update(days=5)  # a bulk write sends no signal
    services.invalidate_cache()
    assert services.compute_deadline("pilkada.decision", D(2024, 11, 25)).due_date == D(2024, 11, 30)
    clock = Clock.objects.get(name="pilkada.decision")
    clock.days = 4
    clock.save()  # a save does
    assert services.compute_deadline("pilkada.decision", D(2024, 11, 25)).due_date == D(2024, 11, 29)


def test_writes_by_another_process_are_seen_after_the_revalidation_interval() -> None:
    # Another process (e.g. the admin in a web worker) saves a clock: this process gets no signal,
    # so an update() that sets updated_at stands in for it. With a 0-second interval the next call
    # compares the tables' fingerprint and reloads.
    assert services.compute_deadline("pilkada.decision", D(2024, 11, 25)).due_date == D(2024, 11, 28)
    Clock.objects.filter(name="pilkada.decision").update(days=6, updated_at=timezone.now())
    with override_settings(NETRAL_WORKDAYS_CACHE_SECONDS=3600):
        assert services.compute_deadline("pilkada.decision", D(2024, 11, 25)).due_date == D(2024, 11, 28)
    with override_settings(NETRAL_WORKDAYS_CACHE_SECONDS=0):
        assert services.compute_deadline("pilkada.decision", D(2024, 11, 25)).due_date == D(2024, 12, 1)


def test_rolled_back_holiday_leaves_the_cache() -> None:
    # Fri 5 Apr 2024 is a working day; inside a transaction that is rolled back it becomes a
    # holiday for a moment, and after the rollback the cached calendar must not remember it.
    assert services.get_calendar("34.04").is_working_day(D(2024, 4, 5))
    with pytest.raises(RuntimeError), transaction.atomic():
        services.add_holiday(D(2024, 4, 5), "Libur sementara", region_code="34.04")
        assert not services.get_calendar("34.04").is_working_day(D(2024, 4, 5))
        raise RuntimeError("roll back")
    assert services.get_calendar("34.04").is_working_day(D(2024, 4, 5))


def test_deleting_a_holiday_with_a_queryset_reaches_the_cache() -> None:
    assert not services.get_calendar().is_working_day(D(2024, 2, 14))
    Holiday.objects.filter(date=D(2024, 2, 14)).delete()
    assert services.get_calendar().is_working_day(D(2024, 2, 14))


# --- property test against an independent oracle ------------------------------------------------------


def _oracle_non_working(cuti_bersama: bool) -> set[dt.date]:
    """Non-working weekdays straight from the `holidays` package, independent of the app's code."""
    categories = ("public", "government") if cuti_bersama else ("public",)
    return set(holidays_package.country_holidays("ID", years=range(2020, 2031), categories=categories))


def _is_working(day: dt.date, off: set[dt.date]) -> bool:
    return day.weekday() < 5 and day not in off


@pytest.mark.parametrize("cuti_bersama", [True, False])
def test_working_day_clocks_property(cuti_bersama: bool) -> None:
    off = _oracle_non_working(cuti_bersama)
    with override_settings(NETRAL_CUTI_BERSAMA_NON_WORKING=cuti_bersama):
        calendar = services.get_calendar("71.71")

    @hypothesis_settings(max_examples=300, deadline=None, derandomize=True)
    @given(start=st.dates(D(2020, 1, 1), D(2030, 10, 31)), n=st.integers(0, 40))
    def check(start: dt.date, n: int) -> None:
        due = calendar.add_days(start, n, "working")
        in_between = [start + dt.timedelta(days=i) for i in range(1, (due - start).days + 1)]
        # exactly N working days lie in (start, due], and the due date is one of them
        assert sum(_is_working(day, off) for day in in_between) == n
        if n > 0:
            assert _is_working(due, off)
        else:
            assert due == start
        assert calendar.working_days_between(start, due) == n
        assert calendar.add_days(start, n, "calendar") == start + dt.timedelta(days=n)

    check()
