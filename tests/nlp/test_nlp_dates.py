"""Time expressions: tables of chat phrases against the conventions of issue 5."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from bot.nlp.dates import find_times, parse_when, suggest_times, uses_us_dates

LA = ZoneInfo("America/Los_Angeles")
BERLIN = ZoneInfo("Europe/Berlin")
# Wednesday 2026-03-04 10:00 in Los Angeles
NOW = datetime(2026, 3, 4, 10, 0, tzinfo=LA)


def at(y: int, mo: int, d: int, h: int = 0, mi: int = 0, tz: ZoneInfo = LA) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=tz)


# phrase -> (start, end or None, grain), meetup rule on (parse_when default)
WHEN_TABLE = [
    ("next friday 7pm", at(2026, 3, 13, 19), None, "hour"),
    ("next fri 7", at(2026, 3, 13, 19), None, "hour"),
    ("this friday", at(2026, 3, 6), None, "day"),
    ("friday", at(2026, 3, 6), None, "day"),
    ("wednesday", at(2026, 3, 11), None, "day"),  # never today
    ("Wed", at(2026, 3, 11), None, "day"),
    ("tomorrow", at(2026, 3, 5), None, "day"),
    ("today at noon", at(2026, 3, 4, 12), None, "hour"),
    ("tomorrow at 7:30pm", at(2026, 3, 5, 19, 30), None, "minute"),
    ("7pm", at(2026, 3, 4, 19), None, "hour"),
    ("19:00", at(2026, 3, 4, 19), None, "minute"),
    ("9am", at(2026, 3, 5, 9), None, "hour"),  # already past today
    ("at 7", at(2026, 3, 4, 19), None, "hour"),  # meetup: 1-7 means pm
    ("7:30", at(2026, 3, 4, 19, 30), None, "minute"),
    ("8", at(2026, 3, 4, 20), None, "hour"),  # next occurrence of 8 (8am passed)
    ("noon", at(2026, 3, 4, 12), None, "hour"),
    ("7:30 in the evening", at(2026, 3, 4, 19, 30), None, "minute"),
    ("friday evening", at(2026, 3, 6, 18), at(2026, 3, 7), "hour"),
    ("tonight", at(2026, 3, 4, 18), at(2026, 3, 5), "hour"),
    ("tomorrow afternoon", at(2026, 3, 5, 12), at(2026, 3, 5, 19), "hour"),
    ("saturday morning", at(2026, 3, 7), at(2026, 3, 7, 12), "hour"),
    ("lunch tomorrow", at(2026, 3, 5, 12), at(2026, 3, 5, 14), "hour"),
    ("after work on Thursday", at(2026, 3, 5, 17), at(2026, 3, 5, 21), "hour"),
    ("this weekend", at(2026, 3, 6, 18), at(2026, 3, 9), "hour"),
    ("next week", at(2026, 3, 9), at(2026, 3, 16), "week"),
    ("next month", at(2026, 4, 1), at(2026, 5, 1), "month"),
    ("March 3", at(2027, 3, 3), None, "day"),  # passed this year -> next year
    ("March 30", at(2026, 3, 30), None, "day"),
    ("Dec 5th", at(2026, 12, 5), None, "day"),
    ("5 December", at(2026, 12, 5), None, "day"),
    ("2026-12-05", at(2026, 12, 5), None, "day"),
    ("3/14", at(2026, 3, 14), None, "day"),  # US zone: month/day
    ("3/14/2027", at(2027, 3, 14), None, "day"),
    ("the 21st", at(2026, 3, 21), None, "day"),
    ("the 31st", at(2026, 3, 31), None, "day"),
    ("in two weeks", at(2026, 3, 18), None, "day"),
    ("in 3 days", at(2026, 3, 7), None, "day"),
    ("7-9pm", at(2026, 3, 4, 19), at(2026, 3, 4, 21), "hour"),
    ("Mar 10-14", at(2026, 3, 10), at(2026, 3, 15), "day"),
    ("from Thursday to Sunday", at(2026, 3, 5), at(2026, 3, 9), "day"),
    ("friday or saturday", at(2026, 3, 6), None, "day"),
    ("Friday 3/20 at 6:30pm", at(2026, 3, 20, 18, 30), None, "minute"),
    ("6:30pm on March 20", at(2026, 3, 20, 18, 30), None, "minute"),
]


@pytest.mark.parametrize(("text", "start", "end", "grain"), WHEN_TABLE)
def test_parse_when_table(text: str, start: datetime, end: datetime | None, grain: str) -> None:
    m = parse_when(text, now=NOW)
    assert m is not None, text
    assert (m.start, m.end, m.grain) == (start, end, grain)
    assert m.start.tzinfo is not None


# A Friday evening in London (day/month zone)
FRI = datetime(2026, 3, 6, 20, 0, tzinfo=ZoneInfo("Europe/London"))
LON = ZoneInfo("Europe/London")

FRIDAY_TABLE = [
    ("next friday", datetime(2026, 3, 13, tzinfo=LON), None, "day"),
    ("friday", datetime(2026, 3, 13, tzinfo=LON), None, "day"),  # never today
    ("this friday", datetime(2026, 3, 6, tzinfo=LON), None, "day"),
    ("tonight at 8", datetime(2026, 3, 6, 20, tzinfo=LON), None, "hour"),
    ("8 tonight", datetime(2026, 3, 6, 20, tzinfo=LON), None, "hour"),
    ("noon tomorrow", datetime(2026, 3, 7, 12, tzinfo=LON), None, "hour"),
    ("6-8", datetime(2026, 3, 7, 18, tzinfo=LON), datetime(2026, 3, 7, 20, tzinfo=LON), "hour"),
    (
        "saturday 2-4",
        datetime(2026, 3, 7, 14, tzinfo=LON),
        datetime(2026, 3, 7, 16, tzinfo=LON),
        "hour",
    ),
    ("10pm-2am", datetime(2026, 3, 6, 22, tzinfo=LON), datetime(2026, 3, 7, 2, tzinfo=LON), "hour"),
    ("Mon 6:30", datetime(2026, 3, 9, 18, 30, tzinfo=LON), None, "minute"),
    ("3/4", datetime(2026, 4, 3, tzinfo=LON), None, "day"),  # day/month outside the US
    ("7.30pm", datetime(2026, 3, 7, 19, 30, tzinfo=LON), None, "minute"),
    ("19.30", datetime(2026, 3, 7, 19, 30, tzinfo=LON), None, "minute"),
    ("half past seven", datetime(2026, 3, 7, 19, 30, tzinfo=LON), None, "minute"),
    ("quarter to 8", datetime(2026, 3, 7, 19, 45, tzinfo=LON), None, "minute"),
    (
        "sunday brunch",
        datetime(2026, 3, 8, 10, tzinfo=LON),
        datetime(2026, 3, 8, 14, tzinfo=LON),
        "hour",
    ),
    ("Dec 31 - Jan 2", datetime(2026, 12, 31, tzinfo=LON), datetime(2027, 1, 3, tzinfo=LON), "day"),
    ("10 March 2027 19:30", datetime(2027, 3, 10, 19, 30, tzinfo=LON), None, "minute"),
    ("Thursday the 12th", datetime(2026, 3, 12, tzinfo=LON), None, "day"),
    (
        "next weekend",
        datetime(2026, 3, 13, 18, tzinfo=LON),
        datetime(2026, 3, 16, tzinfo=LON),
        "hour",
    ),
]


@pytest.mark.parametrize(("text", "start", "end", "grain"), FRIDAY_TABLE)
def test_parse_when_on_a_friday_evening(
    text: str, start: datetime, end: datetime | None, grain: str
) -> None:
    m = parse_when(text, now=FRI)
    assert m is not None, text
    assert (m.start, m.end, m.grain) == (start, end, grain)


def test_bare_number_ranges_are_not_times_in_chat() -> None:
    assert find_times("we need 6-8 volunteers", now=FRI) == []
    assert find_times("it scored 3-1", now=FRI) == []


def test_the_29th_skips_february() -> None:
    now = datetime(2027, 2, 10, 12, tzinfo=LA)
    m = parse_when("the 29th", now=now)
    assert m is not None and m.start == at(2027, 3, 29)
    m = parse_when("the 30th", now=datetime(2027, 1, 31, 12, tzinfo=LA))
    assert m is not None and m.start == at(2027, 3, 30)


def test_numeric_dates_follow_the_zone() -> None:
    now_b = datetime(2026, 3, 4, 10, tzinfo=BERLIN)
    m = parse_when("3/4/2027", now=now_b)
    assert m is not None and m.start == at(2027, 4, 3, tz=BERLIN)
    m = parse_when("3/4/2027", now=NOW)
    assert m is not None and m.start == at(2027, 3, 4)
    m = parse_when("25/12", now=NOW)  # first number over 12 forces day/month
    assert m is not None and m.start == at(2026, 12, 25)
    m = parse_when("5.12.2026", now=NOW)  # dotted: always day.month
    assert m is not None and m.start == at(2026, 12, 5)
    assert uses_us_dates(LA) and not uses_us_dates(BERLIN)
    assert not uses_us_dates(ZoneInfo("America/Toronto"))


def test_meetup_rule_only_in_meetup_mode() -> None:
    m = parse_when("at 7", now=NOW, meetup=False)
    assert m is not None and m.start == at(2026, 3, 4, 19)  # 7am passed: next is 7pm
    early = datetime(2026, 3, 4, 5, 0, tzinfo=LA)
    m = parse_when("at 7", now=early, meetup=False)
    assert m is not None and m.start == at(2026, 3, 4, 7)
    m = parse_when("at 7", now=early, meetup=True)
    assert m is not None and m.start == at(2026, 3, 4, 19)
    m = parse_when("7am", now=early, meetup=True)
    assert m is not None and m.start == at(2026, 3, 4, 7)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "hello",
        "next friday at the pub with Sam",
        "Nice to meet you",
        "pizza",
        "7 people",
        "tomorrow or never, honestly I do not know",
    ],
)
def test_parse_when_rejects_non_times(text: str) -> None:
    assert parse_when(text, now=NOW) is None


def test_parse_when_ignores_edge_punctuation() -> None:
    m = parse_when("  'next friday 7pm!' ", now=NOW)
    assert m is not None and m.start == at(2026, 3, 13, 19)


# chat line -> list of (mention text, start)
FIND_TABLE = [
    # said on March 4: the range going on now
    ("I'll be in Chicago March 3-5", [("March 3-5", at(2026, 3, 3))]),
    ("I'll be in Chicago March 13-15", [("March 13-15", at(2026, 3, 13))]),
    ("I'll be in Chicago March 1-2", [("March 1-2", at(2027, 3, 1))]),
    ("free from friday 6pm until sunday", [("friday 6pm until sunday", at(2026, 3, 6, 18))]),
    ("heading to SF for Dreamforce next week", [("next week", at(2026, 3, 9))]),
    ("drinks friday evening?", [("friday evening", at(2026, 3, 6, 18))]),
    ("let's do 7-9pm at the usual place", [("7-9pm", at(2026, 3, 4, 19))]),
    ("can we move it to tomorrow at 6:30pm", [("tomorrow at 6:30pm", at(2026, 3, 5, 18, 30))]),
    ("see you on the 21st!", [("the 21st", at(2026, 3, 21))]),
    ("back in two weeks", [("in two weeks", at(2026, 3, 18))]),
    ("Meetup is on 2026-12-05 downtown", [("2026-12-05", at(2026, 12, 5))]),
]


@pytest.mark.parametrize(("text", "expected"), FIND_TABLE)
def test_find_times_table(text: str, expected: list[tuple[str, datetime]]) -> None:
    got = find_times(text, now=NOW)
    assert [(m.text, m.start) for m in got] == expected
    for m in got:
        assert text[m.start_index : m.end_index] == m.text


@pytest.mark.parametrize(
    "text",
    [
        "Nice to meet you",
        "Reading this thread",
        "Mobile app is broken again",
        "Of course",
        "I have 3 cats",
        "version 2.5 is out",
        "call me at 650-650-6500",
        "page 7",
        "it costs 25",
        "Python 3.11 and Django 4",
        "I may come",
        "the sun is out",
        "we had a great season",
        "my wed plans",
        "the second one is better",
        "laughing out loud",
        "this is the one",
        "muito bom ver essa geração",
        "the first phrase in the filing",
        "The Second Coming is out",
        "was mason playing catcher the 3 rd game",
        "https://reddit.com/r/sydney/comments/5x/ladies_night_friday_march_24th/",
        "selling it at 1 / 6 th of the price",
    ],
)
def test_find_times_hard_negatives(text: str) -> None:
    assert find_times(text, now=NOW) == []


def test_bare_numbers_after_a_day_need_to_look_like_times() -> None:
    (m,) = find_times("my brother is home today after 4 long years", now=NOW)
    assert m.text == "today"
    (m,) = find_times("rain today 0.00 in", now=NOW)
    assert m.text == "today"
    (m,) = find_times("friday 7 people came", now=NOW)
    assert m.text == "friday"
    (m,) = find_times("see you friday at 7", now=NOW)
    assert m.text == "friday at 7" and m.start.hour in (7, 19)


def test_find_times_zones_and_dst() -> None:
    # 2026-03-08 is the US DST switch; a day later at 19:00 is still 19:00 local
    m = parse_when("monday 7pm", now=datetime(2026, 3, 6, 12, tzinfo=LA))
    assert m is not None and m.start == at(2026, 3, 9, 19)
    assert m.start.utcoffset() == timedelta(hours=-7)


def test_fixed_offset_now_is_accepted() -> None:
    now = datetime(2013, 2, 12, 4, 30, tzinfo=timezone(timedelta(hours=-2)))
    m = parse_when("tomorrow at 5pm", now=now, meetup=False)
    assert m is not None and m.start == datetime(2013, 2, 13, 17, tzinfo=now.tzinfo)


def test_naive_now_is_an_error() -> None:
    with pytest.raises(ValueError):
        find_times("tomorrow", now=datetime(2026, 1, 1))


def test_suggest_times() -> None:
    got = suggest_times("next fri 7", now=NOW)
    assert got and got[0] == at(2026, 3, 13, 19)
    got = suggest_times("tomor", now=NOW)
    assert got and got[0].date() == at(2026, 3, 5).date()
    assert suggest_times("", now=NOW) == []
    assert suggest_times("zzzz qqq", now=NOW) == []
    assert all(t >= NOW for t in suggest_times("friday", now=NOW))


def test_long_messages_keep_exact_spans() -> None:
    filler = "lorem ipsum dolor sit amet " * 40
    text = f"{filler}see you next friday at 7pm {filler} or on the 21st {filler}"
    got = find_times(text, now=NOW)
    assert [m.text for m in got] == ["next friday at 7pm", "the 21st"]
    for m in got:
        assert text[m.start_index : m.end_index] == m.text
    assert got[0].start == at(2026, 3, 13, 19)


def test_suggest_times_offers_evenings_and_completions() -> None:
    assert suggest_times("this weekend", now=NOW) == [
        at(2026, 3, 6, 19),
        at(2026, 3, 7, 19),
        at(2026, 3, 8, 19),
    ]
    assert suggest_times("7:3", now=NOW)[0] == at(2026, 3, 4, 19, 30)
    assert suggest_times("tonight", now=NOW)[0] == at(2026, 3, 4, 19)
    assert suggest_times("wed", now=NOW)[0] == at(2026, 3, 11, 19)
    assert len(suggest_times("next week", now=NOW, limit=3)) == 3
    assert suggest_times("next week", now=NOW, limit=0) == []


def test_dotted_dates_and_times() -> None:
    berlin = datetime(2026, 3, 4, 10, 0, tzinfo=BERLIN)
    m = parse_when("24.12", now=berlin)
    assert m is not None and m.start == at(2026, 12, 24, tz=BERLIN) and m.grain == "day"
    (t,) = find_times("wir treffen uns am 24.12. abends", now=berlin)
    assert t.start == at(2026, 12, 24, tz=BERLIN)
    (t,) = find_times("meet at 19.30", now=berlin)
    assert t.start == at(2026, 3, 4, 19, 30, tz=BERLIN) and t.grain == "minute"
    for text in ("Python 3.11 is out", "version 2.5", "ip 10.0.0.1", "v1.2.3", "24.12 km"):
        assert find_times(text, now=berlin) == [], text


NY = ZoneInfo("America/New_York")
WED_NY = datetime(2026, 3, 4, 10, 0, tzinfo=NY)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2026-03-12T19:00", datetime(2026, 3, 12, 19, tzinfo=NY), None),
        ("2026-03-12T23:00Z", datetime(2026, 3, 12, 19, tzinfo=NY), None),
        ("a week from friday", datetime(2026, 3, 13, tzinfo=NY), None),
        ("this coming friday", datetime(2026, 3, 6, tzinfo=NY), None),
        ("half 7 friday", datetime(2026, 3, 6, 19, 30, tzinfo=NY), None),
        ("2moro 7pm", datetime(2026, 3, 5, 19, tzinfo=NY), None),
        (
            "thursday evening 6-9",
            datetime(2026, 3, 5, 18, tzinfo=NY),
            datetime(2026, 3, 5, 21, tzinfo=NY),
        ),
        (
            "between 6 and 8 friday",
            datetime(2026, 3, 6, 18, tzinfo=NY),
            datetime(2026, 3, 6, 20, tzinfo=NY),
        ),
        ("first friday of april", datetime(2026, 4, 3, tzinfo=NY), None),
        ("last friday of the month", datetime(2026, 3, 27, tzinfo=NY), None),
        ("on the 15th at 7", datetime(2026, 3, 15, 19, tzinfo=NY), None),
        ("Thursday, March 12 at 7pm", datetime(2026, 3, 12, 19, tzinfo=NY), None),
        ("tmrw 7", datetime(2026, 3, 5, 19, tzinfo=NY), None),
    ],
)
def test_more_meetup_whens(text: str, start: datetime, end: datetime | None) -> None:
    m = parse_when(text, now=WED_NY)
    assert m is not None, text
    assert (m.start, m.end) == (start, end)


def test_ranges_across_days_and_number_ranges() -> None:
    (m,) = find_times("friday 6pm to sunday noon", now=NOW)
    assert (m.start, m.end) == (at(2026, 3, 6, 18), at(2026, 3, 8, 12))
    (m,) = find_times("can we do the week after next", now=NOW)
    assert (m.start, m.end, m.grain) == (at(2026, 3, 16), at(2026, 3, 23), "week")
    assert find_times("see page 5 to 7 of the doc", now=NOW) == []
    m2 = parse_when("twenty to eight", now=NOW)
    assert m2 is not None and m2.start == at(2026, 3, 4, 19, 40)
