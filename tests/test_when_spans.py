"""A meetup `when` that names a span of days ("late june", "early next month") is refused as
one time, the same way for every such span, and the reply offers a date poll over the
span's days (weekends first) that can be typed back as it is. Driven through Core.handle."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.domain.refusal import Refusal
from bot.handlers.parsing import parse_one_time, poll_days
from tests.support import Harness

LONDON = ZoneInfo("Europe/London")
# The harness's now is Monday 2030-01-07 09:00 UTC; London's wall time is UTC in winter.
VAGUE = [
    ("late june", date(2030, 6, 21), date(2030, 6, 30)),
    ("mid july", date(2030, 7, 11), date(2030, 7, 20)),
    ("end of the month", date(2030, 1, 21), date(2030, 1, 31)),
    ("early next month", date(2030, 2, 1), date(2030, 2, 10)),
    ("sometime in august", date(2030, 8, 1), date(2030, 8, 31)),
    ("the first half of may", date(2030, 5, 1), date(2030, 5, 15)),
    ("next week", date(2030, 1, 14), date(2030, 1, 20)),
]


def _poll_text(reply: str) -> str:
    found = re.search(r'date poll: .*?when:"([^"]+)"', reply)
    assert found is not None, reply
    return found[1]


@pytest.mark.parametrize(("text", "first", "last"), VAGUE)
async def test_a_vague_span_is_refused_with_a_date_poll_over_its_days(
    harness: Harness, text: str, first: date, last: date
) -> None:
    posts = len(harness.adapter.of("post"))
    reply = await harness.command("alice", "propose", title="Picnic", city="London", when=text)
    assert reply is not None and reply.msg is not None and reply.msg.ephemeral
    assert "needs one day and a time" in reply.text, reply.text
    assert "time of day too" not in reply.text  # no single day named for a span
    assert len(harness.adapter.of("post")) == posts
    options = _poll_text(reply.text).split(" | ")
    assert 3 <= len(options) <= 4
    # the suggestion is typed back as it is: a date poll inside the span, weekends first
    mid = await harness.propose(title="Picnic", when=" | ".join(options))
    stored, _ = await harness.store.poll(mid)
    days = [o.starts_at.astimezone(LONDON).date() for o in stored]
    assert all(first <= d <= last for d in days), (text, days)
    assert days == sorted(days)
    weekend = [d for d in days if d.weekday() >= 5]
    span_weekend_days = sum(
        1 for n in range((last - first).days + 1)
        if date.fromordinal(first.toordinal() + n).weekday() >= 5
    )
    assert len(weekend) == min(len(days), span_weekend_days), (text, days)
    assert all(o.starts_at.astimezone(LONDON).hour == 19 for o in stored)


async def test_a_span_with_a_single_day_reads_as_before(harness: Harness) -> None:
    reply = await harness.command("alice", "propose", title="Picnic", city="London",
                                  when="2030-06-22")
    assert reply is not None and "time of day too" in reply.text


def test_a_span_already_under_way_offers_only_days_still_ahead() -> None:
    now = datetime(2030, 1, 29, 12, 0, tzinfo=UTC)  # a Tuesday; "end of the month" is 21-31
    with pytest.raises(Refusal) as refused:
        parse_one_time("end of the month", now, now, offer_poll=True)
    assert "Wed 30 Jan 7pm | Thu 31 Jan 7pm" in str(refused.value)
    with pytest.raises(Refusal) as past:
        parse_one_time("early january", now, now, offer_poll=True)
    assert "in the past" in str(past.value)


def test_moving_a_meetup_to_a_span_offers_no_poll() -> None:
    now = datetime(2030, 1, 7, 9, 0, tzinfo=UTC)
    with pytest.raises(Refusal) as refused:
        parse_one_time("late june", now, now)
    assert "needs one day and a time" in str(refused.value)
    assert "poll" not in str(refused.value)


def test_poll_days_put_weekends_first_then_fridays() -> None:
    # Mon 1 Jun 2026 to Wed 10 Jun: Sat 6, Sun 7, then Fri 5, then Mon 1
    assert poll_days(date(2026, 6, 1), date(2026, 6, 11)) == [
        date(2026, 6, 1), date(2026, 6, 5), date(2026, 6, 6), date(2026, 6, 7)
    ]
    assert poll_days(date(2026, 6, 1), date(2026, 6, 3)) == [date(2026, 6, 1), date(2026, 6, 2)]


# A clock time on a span names no one day either: refused the same way, and the poll keeps
# the member's time of day. Each side of the span, with and without a comma or "at".
TIMED = [
    ("late june 7pm", date(2030, 6, 21), date(2030, 6, 30), (19, 0)),
    ("mid july at 8pm", date(2030, 7, 11), date(2030, 7, 20), (20, 0)),
    ("sometime next week 7pm", date(2030, 1, 14), date(2030, 1, 20), (19, 0)),
    ("6.30pm sometime in august", date(2030, 8, 1), date(2030, 8, 31), (18, 30)),
    ("early next month, 7:30pm", date(2030, 2, 1), date(2030, 2, 10), (19, 30)),
    ("the first half of may at 2pm", date(2030, 5, 1), date(2030, 5, 15), (14, 0)),
    ("march 14-16 7pm", date(2030, 3, 14), date(2030, 3, 16), (19, 0)),
]


@pytest.mark.parametrize(("text", "first", "last", "clock"), TIMED)
async def test_a_time_on_a_vague_span_is_refused_with_a_poll_at_that_time(
    harness: Harness, text: str, first: date, last: date, clock: tuple[int, int]
) -> None:
    posts = len(harness.adapter.of("post"))
    reply = await harness.command("alice", "propose", title="Picnic", city="London", when=text)
    assert reply is not None and "needs one day and a time" in reply.text, reply.text
    assert len(harness.adapter.of("post")) == posts
    mid = await harness.propose(title="Picnic", when=_poll_text(reply.text))
    stored, _ = await harness.store.poll(mid)
    assert len(stored) >= 2
    local = [o.starts_at.astimezone(LONDON) for o in stored]
    assert all(first <= t.date() <= last for t in local), (text, local)
    assert all((t.hour, t.minute) == clock for t in local), (text, local)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a weekend is read as its Saturday (the convention: "this weekend" alone is Friday
        # 18:00, one evening), so a time on it is a time on one day
        ("this weekend 7pm", datetime(2030, 1, 12, 19, 0, tzinfo=UTC)),
        ("next weekend, 2pm", datetime(2030, 1, 19, 14, 0, tzinfo=UTC)),
        # a day inside the span still names one day
        ("next week fri 7pm", datetime(2030, 1, 18, 19, 0, tzinfo=UTC)),
        ("june 21 7pm", datetime(2030, 6, 21, 19, 0, tzinfo=UTC)),
    ],
)
def test_a_time_on_one_day_is_still_read(text: str, expected: datetime) -> None:
    now = datetime(2030, 1, 7, 9, 0, tzinfo=UTC)
    assert parse_one_time(text, now, now, offer_poll=True) == expected
