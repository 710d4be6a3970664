"""The series rules at their boundaries, as tables of plain values: the stored RRULE value
both ways, the five-year horizon, UNTIL and COUNT, the first date from now, a wall time the
clocks pass twice, who may change a series, and when the next card is posted."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from bot.domain.refusal import Refusal
from bot.domain.series import (
    MAX_COUNT,
    MAX_STEPS,
    PostNext,
    Recurrence,
    RepeatRule,
    Series,
    SeriesStatus,
    bounded_from,
    check_manage_series,
    check_yields,
    localize,
    occurrences,
    wall_time,
)

NOW = datetime(2030, 1, 7, 9, 0, tzinfo=UTC)  # a Monday


@pytest.mark.parametrize(
    ("text", "recurrence"),
    [
        ("FREQ=WEEKLY", Recurrence(RepeatRule("weekly"))),
        ("FREQ=YEARLY;INTERVAL=2;BYMONTH=1,6;BYMONTHDAY=1,15;BYDAY=MO,-1FR;COUNT=5",
         Recurrence(RepeatRule("yearly", 2, ((0, None), (4, -1)), (1, 15), (1, 6)), count=5)),
        ("FREQ=MONTHLY;BYDAY=2TU,4TU;UNTIL=20301231T235930Z",
         Recurrence(RepeatRule("monthly", weekdays=((1, 2), (1, 4))),
                    until=datetime(2030, 12, 31, 23, 59, 30, tzinfo=UTC))),
    ],
)  # fmt: skip
def test_a_recurrence_is_stored_as_one_rrule_value_and_read_back(
    text: str, recurrence: Recurrence
) -> None:
    assert recurrence.text() == text
    assert Recurrence.parse(text) == recurrence


@pytest.mark.parametrize(
    ("text", "recurrence"),
    [
        (" FREQ=DAILY;INTERVAL=3 ", Recurrence(RepeatRule("daily", 3))),
        ("FREQ=MONTHLY;BYDAY=+1MO", Recurrence(RepeatRule("monthly", weekdays=((0, 1),)))),
        ("FREQ=WEEKLY;;X", Recurrence(RepeatRule("weekly"))),  # parts without a value: ignored
        ("FREQ=MONTHLY;BYMONTHDAY=1,,15", Recurrence(RepeatRule("monthly", month_days=(1, 15)))),
    ],
)
def test_reading_a_stored_rule_is_lenient_about_spacing_and_signs(
    text: str, recurrence: Recurrence
) -> None:
    assert Recurrence.parse(text) == recurrence


@pytest.mark.parametrize("byday", ["XX", "1XY", "123MO", "MO1", "mo"])
def test_a_stored_rule_with_an_unknown_day_is_an_error(byday: str) -> None:
    with pytest.raises(ValueError, match="BYDAY"):
        Recurrence.parse(f"FREQ=WEEKLY;BYDAY={byday}")


def test_until_is_written_in_utc_whatever_its_zone() -> None:
    until = datetime(2030, 6, 1, 1, 30, tzinfo=timezone(timedelta(hours=2)))
    assert Recurrence(RepeatRule("weekly"), until=until).text() == (
        "FREQ=WEEKLY;UNTIL=20300531T233000Z"
    )


def test_a_wall_time_passed_twice_is_the_first_and_wall_times_are_naive() -> None:
    # London falls back at 02:00 BST on 27 Oct 2030: 01:30 happens at 00:30Z and at 01:30Z
    assert localize(datetime(2030, 10, 27, 1, 30), "Europe/London") == datetime(
        2030, 10, 27, 0, 30, tzinfo=UTC
    )
    wall = wall_time(datetime(2030, 7, 1, 12, tzinfo=UTC), "Europe/London")
    assert wall == datetime(2030, 7, 1, 13, 0) and wall.tzinfo is None


def _utc(rule: str, start: datetime, **kwargs: object) -> list[datetime]:
    return occurrences(Recurrence.parse(rule), start, "UTC", **kwargs)  # type: ignore[arg-type]


START = datetime(2030, 1, 1, 19, 0)


def test_dates_end_five_years_and_a_day_or_so_after_the_start() -> None:
    # HORIZON is 5 * 366 = 1830 days: the date exactly 1830 days on is the last one
    daily = _utc("FREQ=DAILY", START, limit=4000)
    assert len(daily) == 1831
    assert daily[-1] == datetime(2035, 1, 5, 19, tzinfo=UTC)
    assert len(_utc("FREQ=YEARLY;INTERVAL=5", START, limit=5)) == 2  # 2035-01-01: within
    assert len(_utc("FREQ=YEARLY;INTERVAL=6", START, limit=5)) == 1  # 2036-01-01: beyond


def test_one_evaluation_looks_at_a_bounded_number_of_rule_dates() -> None:
    assert len(_utc("FREQ=HOURLY", START, limit=MAX_STEPS + 10)) == MAX_STEPS


@pytest.mark.parametrize(
    ("until", "days"),
    [
        (datetime(2030, 1, 15, 19, 0, tzinfo=UTC), [1, 8, 15]),  # a date at UNTIL is in
        (datetime(2030, 1, 15, 18, 59, tzinfo=UTC), [1, 8]),
    ],
)
def test_until_is_inclusive(until: datetime, days: list[int]) -> None:
    weekly = Recurrence(RepeatRule("weekly"), until=until)
    assert [d.day for d in occurrences(weekly, START, "UTC", limit=10)] == days


def test_dates_are_strictly_after_after_and_the_limit_counts_kept_dates() -> None:
    first = datetime(2030, 1, 1, 19, tzinfo=UTC)
    skipped = [first + timedelta(days=14)]
    found = _utc("FREQ=WEEKLY", START, after=first, skipped=skipped, limit=2)
    assert [d.day for d in found] == [8, 22]
    assert [d.day for d in _utc("FREQ=WEEKLY", START)] == [1, 8, 15]  # three by default


@pytest.mark.parametrize(
    ("start", "count", "first"),
    [
        (datetime(2030, 1, 7, 9, 0), None, datetime(2030, 1, 7, 9, 0, tzinfo=UTC)),  # now: in
        (datetime(2030, 1, 7, 8, 59, 59), None, datetime(2030, 1, 14, 8, 59, 59, tzinfo=UTC)),
        (datetime(2030, 1, 7, 9, 0), 1, datetime(2030, 1, 7, 9, 0, tzinfo=UTC)),
        (datetime(2030, 1, 7, 9, 0), MAX_COUNT, datetime(2030, 1, 7, 9, 0, tzinfo=UTC)),
    ],
)
def test_the_first_date_of_a_new_series_is_the_first_from_now(
    start: datetime, count: int | None, first: datetime
) -> None:
    weekly = Recurrence(RepeatRule("weekly"), count=count)
    assert check_yields(weekly, start, "UTC", NOW) == first


@pytest.mark.parametrize(
    ("recurrence", "expect"),
    [
        (Recurrence(RepeatRule("daily")), datetime(2030, 1, 7, 19, tzinfo=UTC)),
        (Recurrence(RepeatRule("daily"), count=2), datetime(2030, 1, 7, 19, tzinfo=UTC)),
    ],
)
def test_a_daily_series_is_allowed(recurrence: Recurrence, expect: datetime) -> None:
    assert check_yields(recurrence, datetime(2030, 1, 7, 19), "UTC", NOW) == expect


@pytest.mark.parametrize(
    ("recurrence", "expect"),
    [
        (Recurrence(RepeatRule("hourly", 48)), "at most once a day"),
        (Recurrence(RepeatRule("minutely", 1440)), "at most once a day"),
        (Recurrence(RepeatRule("weekly"), count=MAX_COUNT + 1), "count:"),
        (Recurrence(RepeatRule("weekly"), count=-1), "count:"),
        (Recurrence(RepeatRule("weekly"), count=1), "gives no date"),  # its one date is past
    ],
)
def test_rules_meeting_more_than_daily_or_never_again_are_refused(
    recurrence: Recurrence, expect: str
) -> None:
    with pytest.raises(Refusal, match=expect):
        check_yields(recurrence, datetime(2030, 1, 6, 19), "UTC", NOW)


def test_a_count_ending_becomes_the_end_of_its_last_day() -> None:
    r = Recurrence(RepeatRule("weekly"), count=5)
    start = datetime(2030, 1, 1, 19, 0, 30)  # seconds do not carry into the end of day
    moved = bounded_from(r, start, "Europe/Berlin", datetime(2030, 1, 8, 20))
    assert moved == Recurrence(r.rule, None, datetime(2030, 1, 29, 22, 59, tzinfo=UTC))
    open_ended = Recurrence(RepeatRule("weekly"))
    assert bounded_from(open_ended, start, "UTC", datetime(2030, 1, 8, 20)) is open_ended


def _series(rrule: str = "FREQ=WEEKLY;COUNT=4") -> Series:
    return Series(
        id=1, community_id=1, channel_id="c", thread_id=None, organizer_id="olga",
        title="Coffee", city_id=10, city_label="Berlin, Germany", timezone="Europe/Berlin",
        rrule=rrule, first_wall=datetime(2030, 3, 24, 19, 0), status=SeriesStatus.ACTIVE,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("user", "is_admin", "allowed"),
    [("olga", False, True), ("olga", True, True), ("ann", True, True), ("ann", False, False)],
)
def test_only_the_organizer_or_an_admin_changes_a_series(
    user: str, is_admin: bool, allowed: bool
) -> None:
    if allowed:
        check_manage_series(_series(), user, is_admin)
    else:
        with pytest.raises(Refusal, match="organizer or an admin"):
            check_manage_series(_series(), user, is_admin)


def test_a_series_dates_are_its_rule_in_its_city_wall_time() -> None:
    series = _series()
    # Berlin springs forward on 31 Mar 2030: 19:00 CET is 18:00Z, then 19:00 CEST is 17:00Z
    assert series.dates() == [
        datetime(2030, 3, 24, 18, tzinfo=UTC),
        datetime(2030, 3, 31, 17, tzinfo=UTC),
        datetime(2030, 4, 7, 17, tzinfo=UTC),
    ]
    after = datetime(2030, 3, 24, 18, tzinfo=UTC)
    skipped = [datetime(2030, 3, 31, 17, tzinfo=UTC)]
    assert series.dates(after=after, skipped=skipped, limit=5) == [
        datetime(2030, 4, 7, 17, tzinfo=UTC),
        datetime(2030, 4, 14, 17, tzinfo=UTC),  # the fourth and last (COUNT=4)
    ]
    assert series.dates(limit=1) == [datetime(2030, 3, 24, 18, tzinfo=UTC)]


@pytest.mark.parametrize(
    ("text", "post"),
    [
        ("", PostNext()),
        ("default", PostNext()),
        ("With  the Follow-up", PostNext()),
        ("1h before", PostNext(days_before=1)),
        ("24 hours before", PostNext(days_before=1)),
        ("25h before", PostNext(days_before=2)),  # hours before round up to whole days
        ("1 day before", PostNext(days_before=1)),
        ("60d before", PostNext(days_before=60)),
        ("1 hour after", PostNext(after=timedelta(hours=1))),
        ("336h after", PostNext(after=timedelta(days=14))),
        ("  2 Days   AFTER ", PostNext(after=timedelta(days=2))),
        ("14d after", PostNext(after=timedelta(days=14))),
    ],
)
def test_post_next_reads_hours_and_days_at_its_bounds(text: str, post: PostNext) -> None:
    assert PostNext.parse(text) == post


@pytest.mark.parametrize(
    "text",
    ["337h after", "1441h before", "61 days before", "0h before", "1000d after", "2w after", "3d"],
)
def test_post_next_beyond_its_bounds_is_refused(text: str) -> None:
    with pytest.raises(Refusal, match="post-next"):
        PostNext.parse(text)


@pytest.mark.parametrize(
    ("post", "stored"),
    [
        (PostNext(), ""),
        (PostNext(days_before=3), "before:3"),
        (PostNext(after=timedelta(minutes=90)), "after:90"),
        (PostNext(after=timedelta(hours=2)), "after:120"),
    ],
)
def test_post_next_is_stored_as_text_and_read_back(post: PostNext, stored: str) -> None:
    assert post.text() == stored
    assert PostNext.stored(stored) == post


def test_an_unknown_stored_post_next_is_the_default() -> None:
    assert PostNext.stored("soon:3") == PostNext()
