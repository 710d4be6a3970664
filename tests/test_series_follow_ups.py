"""Series dates and what follows them (issue #16 polish): the follow-up of a series date
points to the series instead of "Propose the next one", area followers hear of each new
date (once), unconfirmed drafts are purged, and a date's .ics is that date of the series."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from icalendar import Calendar
from sqlalchemy import select

from bot import actions
from bot.store import schema as t
from bot.types import GroupRef
from tests.support import Harness, Sent
from tests.test_series import MONTHLY, _buttons, _create, _open_dates

WEEKLY = {"repeat": "weekly", "when": "2030-01-10 19:00"}


def _follow_up(h: Harness) -> Sent:
    (card,) = [p for p in h.adapter.of("post") if "How was" in p.text]
    return card


def _area_dms(h: Harness, user: str) -> list[Sent]:
    return [s for s in h.adapter.dms_to(user) if "area you follow" in s.text]


async def test_a_series_dates_follow_up_points_to_the_series(harness: Harness) -> None:
    first = await _create(harness, **WEEKLY)
    await harness.advance(timedelta(days=3, hours=13))  # Thu 22:00: the follow-up
    labels = _buttons(_follow_up(harness))
    assert "Propose the next one" not in labels  # the next date comes by itself
    panel = await harness.click("bob", labels["See the series"])
    assert panel is not None and "Repeats every week" in panel.text
    assert f"This date: #{first}" in panel.text
    # the date already posted after it is among the dates after it (only skipped ones are not)
    assert "The dates after it: 2030-01-17T19:00Z" in panel.text, panel.text


async def test_a_one_off_meetups_follow_up_still_offers_the_next_one(harness: Harness) -> None:
    await harness.propose(when="2030-01-10 19:00")
    await harness.advance(timedelta(days=3, hours=13))
    labels = _buttons(_follow_up(harness))
    assert "Propose the next one" in labels and "See the series" not in labels


async def test_area_followers_hear_of_each_new_date_once(harness: Harness) -> None:
    await harness.command("bob", "follow", city="London")
    await harness.command("alice", "follow", city="London")
    await _create(harness, **WEEKLY)
    assert len(_area_dms(harness, "bob")) == 1  # the first date, as any proposal
    await harness.advance(timedelta(days=3, hours=13))  # the second date's card is posted
    assert _open_dates(harness) == ["#1 · Pub night", "#2 · Pub night"]
    told = _area_dms(harness, "bob")
    assert len(told) == 2 and "#2 Pub night" in told[1].text, [t.text for t in told]
    assert "2030-01-17T19:00Z" in told[1].text
    assert _area_dms(harness, "alice") == []  # the organizer is not told of her own series
    await harness.advance(timedelta(hours=6))  # nothing more until the next date is over
    assert len(_area_dms(harness, "bob")) == 2


async def test_an_area_role_is_mentioned_on_each_new_dates_card(harness: Harness) -> None:
    await harness.command("alice", "area-role", admin=True, city="London", role=GroupRef("42"))
    await _create(harness, **WEEKLY)
    await harness.advance(timedelta(days=3, hours=13))
    cards = [p for p in harness.adapter.of("post") if p.msg and (p.msg.title or "").startswith("#")]
    assert len(cards) == 2
    assert all(c.msg is not None and [g.id for g in c.msg.announce] == ["42"] for c in cards)


async def test_drafts_never_confirmed_are_purged_after_a_day(harness: Harness) -> None:
    kept = await _create(harness, **WEEKLY)  # confirmed: stays
    echo = await harness.command("alice", "propose", **{**MONTHLY, "title": "Left alone"})
    cancelled = await harness.command("alice", "propose", **{**MONTHLY, "title": "Cancelled"})
    await harness.click("alice", _buttons(cancelled)["Cancel"])
    assert await _series_titles(harness) == ["Cancelled", "Left alone", "Pub night"]
    await harness.advance(timedelta(hours=12))  # housekeeping ran: not a day old yet
    assert len(await _series_titles(harness)) == 3
    await harness.advance(timedelta(days=1))
    assert await _series_titles(harness) == ["Pub night"]
    late = await harness.click("alice", _buttons(echo)["Create the series"])
    assert late is not None and "has expired" in late.text and "Propose it again" in late.text
    assert (await harness.store.meetup(kept)) is not None


async def _series_titles(h: Harness) -> list[str]:
    async with h.store.engine.connect() as conn:
        return sorted((await conn.execute(select(t.series.c.title))).scalars().all())


def _vevents(sent: Sent | None) -> list[Any]:
    assert sent is not None and sent.msg is not None and sent.msg.attachments
    return list(Calendar.from_ical(sent.msg.attachments[0].content).walk("VEVENT"))


async def test_a_dates_calendar_file_is_that_date_of_the_series_event(harness: Harness) -> None:
    """Adding one date and the whole series gives one event: the date's file carries the
    series' UID and the date as RECURRENCE-ID, like the series file's overrides."""
    first = await _create(harness, **WEEKLY)
    (date,) = _vevents(await harness.click("bob", actions.encode("cal", first)))
    (master,) = _vevents(await harness.click("bob", actions.encode("seriescal", first)))
    assert str(date["uid"]) == str(master["uid"]) and str(date["uid"]).startswith("series-")
    assert date["recurrence-id"].dt.astimezone(UTC) == datetime(2030, 1, 10, 19, tzinfo=UTC)
    assert date["dtstart"].dt.astimezone(UTC) == datetime(2030, 1, 10, 19, tzinfo=UTC)
    await harness.command("alice", "edit", id=str(first), when="2030-01-10 19:30")
    (moved,) = _vevents(await harness.click("bob", actions.encode("cal", first)))
    assert moved["recurrence-id"].dt == date["recurrence-id"].dt  # the rule's date stays
    assert moved["dtstart"].dt.astimezone(UTC) == datetime(2030, 1, 10, 19, 30, tzinfo=UTC)
    assert int(moved["sequence"]) > int(date["sequence"])
    one_off = await harness.propose(when="2030-01-12 19:00", title="Picnic")
    (plain_event,) = _vevents(await harness.click("bob", actions.encode("cal", one_off)))
    assert str(plain_event["uid"]).startswith(f"meetup-{one_off}-")
    assert "recurrence-id" not in plain_event
