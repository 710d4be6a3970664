"""The rules of series (issue 16) as tables: reading repeat rules, their dates across
daylight-saving changes, what is refused, and when the next date's card is posted."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.domain.refusal import Refusal
from bot.domain.series import (
    PostNext,
    Recurrence,
    RepeatRule,
    bounded_from,
    check_yields,
    localize,
    occurrences,
)
from bot.nlp.repeat import describe, parse_repeat

NOW = datetime(2030, 1, 7, 9, 0, tzinfo=UTC)  # a Monday


@pytest.mark.parametrize(
    ("text", "rrule", "words"),
    [
        ("every first thursday", "FREQ=MONTHLY;BYDAY=1TH", "every first Thursday of the month"),
        ("weekly", "FREQ=WEEKLY", "every week"),
        ("every 2 weeks", "FREQ=WEEKLY;INTERVAL=2", "every 2 weeks"),
        ("monthly on the 15th", "FREQ=MONTHLY;BYMONTHDAY=15", "every month on the 15th"),
        ("every last friday", "FREQ=MONTHLY;BYDAY=-1FR", "every last Friday of the month"),
        ("Every Last Friday", "FREQ=MONTHLY;BYDAY=-1FR", "every last Friday of the month"),
        ("every other tuesday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", "every 2 weeks on Tuesday"),
        ("fortnightly on friday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", "every 2 weeks on Friday"),
        ("thursdays", "FREQ=WEEKLY;BYDAY=TH", "every week on Thursday"),
        ("on the 15th of every month", "FREQ=MONTHLY;BYMONTHDAY=15", "every month on the 15th"),
        ("every month on the 15th", "FREQ=MONTHLY;BYMONTHDAY=15", "every month on the 15th"),
        ("every weekday", "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR", "every weekday"),
        ("daily", "FREQ=DAILY", "every day"),
        ("every 3 months", "FREQ=MONTHLY;INTERVAL=3", "every 3 months"),
        (
            "every 2nd and 4th tuesday",
            "FREQ=MONTHLY;BYDAY=2TU,4TU",
            "every second Tuesday and fourth Tuesday of the month",
        ),
        (
            "every monday and thursday",
            "FREQ=WEEKLY;BYDAY=MO,TH",
            "every week on Monday and Thursday",
        ),
        ("every hour", "FREQ=HOURLY", "every hour"),
        ("twice a day", "FREQ=HOURLY", "every hour"),
    ],
)
def test_repeat_rules_read_as_rrules_and_back_in_words(text: str, rrule: str, words: str) -> None:
    rule = parse_repeat(text)
    assert rule is not None and rule.rrule() == rrule
    assert describe(rule) == words
    assert Recurrence.parse(rrule).rule == rule  # the stored value reads back the same


@pytest.mark.parametrize(
    "text",
    ["every blue moon", "sometimes", "", "weekly on the first monday", "every weeks", "42",
     "every 2", "blah weekly"],
)
def test_unreadable_rules_are_none(text: str) -> None:
    assert parse_repeat(text) is None


def _walls(rule: str, start: datetime, zone: str, n: int) -> list[str]:
    found = occurrences(Recurrence.parse(rule), start, zone, limit=n)
    return [f"{d:%Y-%m-%d %H:%M}Z" for d in found]


@pytest.mark.parametrize(
    ("zone", "rule", "start", "expected"),
    [
        # London springs forward on Sun 31 Mar 2030: 19:00 GMT, then 19:00 BST (18:00Z)
        ("Europe/London", "FREQ=WEEKLY", datetime(2030, 3, 24, 19, 0),
         ["2030-03-24 19:00Z", "2030-03-31 18:00Z", "2030-04-07 18:00Z"]),
        # and falls back on Sun 27 Oct 2030: 19:00 BST (18:00Z), then 19:00 GMT
        ("Europe/London", "FREQ=WEEKLY", datetime(2030, 10, 20, 19, 0),
         ["2030-10-20 18:00Z", "2030-10-27 19:00Z", "2030-11-03 19:00Z"]),
        # New York: second Sunday of March (10 Mar 2030) and first Sunday of November (3 Nov)
        ("America/New_York", "FREQ=MONTHLY;BYDAY=1TH", datetime(2030, 2, 7, 19, 0),
         ["2030-02-08 00:00Z", "2030-03-08 00:00Z", "2030-04-04 23:00Z"]),
        ("America/New_York", "FREQ=WEEKLY;BYDAY=SA", datetime(2030, 10, 26, 19, 0),
         ["2030-10-26 23:00Z", "2030-11-02 23:00Z", "2030-11-10 00:00Z"]),
        # a wall time the clocks skip (01:30 on 31 Mar in London) is an hour later, as
        # RFC 5545 says; the other dates keep 01:30
        ("Europe/London", "FREQ=WEEKLY;BYDAY=SU", datetime(2030, 3, 24, 1, 30),
         ["2030-03-24 01:30Z", "2030-03-31 01:30Z", "2030-04-07 00:30Z"]),
    ],
)  # fmt: skip
def test_dates_keep_their_local_wall_time_across_daylight_saving(
    zone: str, rule: str, start: datetime, expected: list[str]
) -> None:
    assert _walls(rule, start, zone, 3) == expected


def test_skipped_dates_and_until_are_left_out() -> None:
    weekly = Recurrence(RepeatRule("weekly"), until=datetime(2030, 1, 29, tzinfo=UTC))
    start = datetime(2030, 1, 8, 19, 0)
    skipped = [localize(datetime(2030, 1, 15, 19, 0), "UTC")]
    found = occurrences(weekly, start, "UTC", skipped=skipped, limit=10)
    assert [d.day for d in found] == [8, 22]


def test_count_bounds_the_dates() -> None:
    found = occurrences(Recurrence(RepeatRule("weekly"), count=2), datetime(2030, 1, 8, 19), "UTC",
                        limit=10)
    assert len(found) == 2


@pytest.mark.parametrize(
    ("recurrence", "expect"),
    [
        (Recurrence(RepeatRule("hourly")), "at most once a day"),
        (Recurrence(RepeatRule("minutely", 30)), "at most once a day"),
        (Recurrence(RepeatRule("yearly", months=(2,), month_days=(30,))), "gives no date"),
        (Recurrence(RepeatRule("weekly"), until=datetime(2030, 1, 8, tzinfo=UTC)), "before until"),
        (Recurrence(RepeatRule("weekly"), count=0), "count:"),
        (Recurrence(RepeatRule("weekly"), count=501), "count:"),
    ],
)
def test_rules_without_a_date_or_with_several_a_day_are_refused(
    recurrence: Recurrence, expect: str
) -> None:
    with pytest.raises(Refusal, match=expect):
        check_yields(recurrence, datetime(2030, 1, 10, 19, 0), "Europe/London", NOW)


def test_a_rule_gives_its_first_date_from_when() -> None:
    rule = Recurrence(RepeatRule("monthly", weekdays=((3, 1),)))
    first = check_yields(rule, datetime(2030, 1, 10, 19, 0), "Europe/London", NOW)
    assert first == datetime(2030, 2, 7, 19, 0, tzinfo=UTC)


START = datetime(2030, 1, 3, 19, 0, tzinfo=UTC)
NEXT = START + timedelta(days=28)


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("", START + timedelta(hours=3)),  # with the follow-up (3 h after the start)
        ("after", START + timedelta(hours=3)),
        ("2h after", START + timedelta(hours=4)),  # 2 h after it ends (2 h long)
        ("1d after", START + timedelta(hours=26)),
        ("3d before", NEXT - timedelta(days=3)),
        ("3 days before", NEXT - timedelta(days=3)),
        ("40d before", START + timedelta(hours=2)),  # never before the previous one is over
    ],
)
def test_when_the_next_card_is_posted(text: str, due: datetime) -> None:
    post = PostNext.parse(text)
    assert post.due(START, START + timedelta(hours=3), NEXT) == due
    assert PostNext.stored(post.text()) == post


@pytest.mark.parametrize("text", ["soon", "3 weeks before", "0d before", "61d before", "15d after"])
def test_bad_post_next_is_refused_with_what_to_type(text: str) -> None:
    with pytest.raises(Refusal, match="post-next"):
        PostNext.parse(text)


def test_a_count_becomes_an_until_when_the_series_restarts() -> None:
    r = Recurrence(RepeatRule("weekly"), count=3)
    moved = bounded_from(r, datetime(2030, 1, 1, 19), "UTC", datetime(2030, 1, 8, 20))
    assert moved.count is None and moved.until == datetime(2030, 1, 15, 23, 59, tzinfo=UTC)
    found = occurrences(moved, datetime(2030, 1, 8, 20), "UTC", limit=10)
    assert [d.day for d in found] == [8, 15]  # the dates 2 and 3 of the three, at 20:00
