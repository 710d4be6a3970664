"""Calendar feeds show a series date as its own "Add to calendar" file does (issue #16): the
series' UID and a RECURRENCE-ID, so a member who subscribes to a feed and also imports the
series file or a date's file sees each date once. Feeds and files are parsed with icalendar."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import pytest
from icalendar import Calendar

from bot import actions
from tests.support import Harness, Sent
from tests.test_calendar_feeds import WebHarness
from tests.test_pages import PageHarness

WEEKLY = {
    "title": "Pub night",
    "city": "London",
    "when": "2030-01-10 19:00",
    "repeat": "weekly",
    "venue": "The Crown",
}


@pytest.fixture
async def feeds(sqlite_url: str) -> AsyncIterator[WebHarness]:
    harness = WebHarness(sqlite_url)
    await harness.start()
    try:
        yield harness
    finally:
        await harness.stop()


def _vevents(body: bytes) -> list[Any]:
    return list(Calendar.from_ical(body).walk("VEVENT"))


def _attached(sent: Sent | None) -> Any:
    assert sent is not None and sent.msg is not None and sent.msg.attachments
    (vevent,) = _vevents(sent.msg.attachments[0].content)
    return vevent


def _identity(vevent: Any) -> tuple[str, str | None, int]:
    """What makes two VEVENTs one event in a calendar app: UID, RECURRENCE-ID, SEQUENCE."""
    recurrence = vevent.get("RECURRENCE-ID")
    return (
        str(vevent["UID"]),
        recurrence.dt.isoformat() if recurrence is not None else None,
        int(vevent["SEQUENCE"]),
    )


async def _series_with_two_dates(h: Harness) -> tuple[int, int]:
    """A weekly series whose second date is open (after the first one's follow-up); bob
    goes to both."""
    echo = await h.command("alice", "propose", **WEEKLY)
    assert echo is not None and echo.msg is not None, echo and echo.text
    create = {b.label: b.action_id for b in echo.msg.buttons}["Create the series"]
    await h.click("alice", create)
    await h.click("bob", actions.encode("rsvp", 1, "going"))
    await h.advance(timedelta(days=3, hours=13))  # Thu 22:00: the follow-up, the next date
    first, second = 1, 2
    for mid in (first, second):
        assert await h.store.series_of_meetup(mid) is not None
    await h.click("bob", actions.encode("rsvp", second, "going"))
    return first, second


async def _file(h: Harness, mid: int) -> Any:
    return _attached(await h.click("bob", actions.encode("cal", mid)))


async def test_feeds_show_series_dates_as_their_files_do(feeds: WebHarness) -> None:
    first, second = await _series_with_two_dates(feeds)
    picnic = await feeds.propose(title="Picnic", when="2030-01-20 12:00")
    await feeds.click("bob", actions.encode("rsvp", picnic, "going"))
    mine, shared = await feeds.links("bob")
    files = {mid: _identity(await _file(feeds, mid)) for mid in (first, second, picnic)}
    series_file = await feeds.click("bob", actions.encode("seriescal", first))
    assert series_file is not None and series_file.msg is not None
    series_uid = str(_vevents(series_file.msg.attachments[0].content)[0]["UID"])
    assert files[first][0] == files[second][0] == series_uid
    assert files[picnic][0].startswith("meetup-") and files[picnic][1] is None
    for path in (shared, mine):
        status, _, body = await feeds.get(path)
        assert status == 200
        shown = sorted(_identity(e) for e in _vevents(body))
        assert shown == sorted(files.values())  # each date once, as its own file has it


async def test_an_edit_of_one_date_moves_the_feed(feeds: WebHarness) -> None:
    _, second = await _series_with_two_dates(feeds)
    _, shared = await feeds.links("bob")
    _, headers, body = await feeds.get(shared)
    (before,) = [e for e in _vevents(body) if e.decoded("DTSTART").day == 17]
    await feeds.advance(timedelta(minutes=5))
    await feeds.command("alice", "edit", id=str(second), venue="The Bell")
    status, _, body = await feeds.get(shared, **{"If-None-Match": headers["ETag"]})
    assert status == 200
    (after,) = [e for e in _vevents(body) if e.decoded("DTSTART").day == 17]
    assert _identity(after)[:2] == _identity(before)[:2]  # the same event, updated
    assert int(after["SEQUENCE"]) > int(before["SEQUENCE"])
    assert _identity(after) == _identity(await _file(feeds, second))


async def test_a_series_edit_alone_moves_the_feed(feeds: WebHarness) -> None:
    """A this-and-following edit that leaves the date itself as it is (its venue already
    is the new one) still raises the date's SEQUENCE (the series'): the feed follows."""
    _, second = await _series_with_two_dates(feeds)
    await feeds.command("alice", "edit", id=str(second), venue="The Bell")
    _, shared = await feeds.links("bob")
    _, headers, body = await feeds.get(shared)
    (before,) = [e for e in _vevents(body) if e.decoded("DTSTART").day == 17]
    await feeds.advance(timedelta(minutes=5))
    reply = await feeds.command("alice", "series", id=str(second), do="edit", venue="The Bell")
    assert reply is not None and "From #2 on" in reply.text, reply and reply.text
    for validator in ({"If-None-Match": headers["ETag"]},
                      {"If-Modified-Since": headers["Last-Modified"]}):
        status, _, body = await feeds.get(shared, **validator)
        assert status == 200, validator
    (after,) = [e for e in _vevents(body) if e.decoded("DTSTART").day == 17]
    assert int(after["SEQUENCE"]) == int(before["SEQUENCE"]) + 1
    assert _identity(after) == _identity(await _file(feeds, second))


async def test_a_series_dates_public_page_ics_is_its_file(sqlite_url: str) -> None:
    """The public page's .ics of a series date is the same event as the chat's file and
    the feeds: the series' UID and the date's RECURRENCE-ID (not the meetup's own UID)."""
    web = PageHarness(sqlite_url)
    await web.start()
    try:
        await web.pages_on()
        first, _ = await _series_with_two_dates(web)
        status, _, body = await web.get(web.page_path(first) + ".ics")
        assert status == 200
        (page_event,) = _vevents(body.encode())
        assert _identity(page_event) == _identity(await _file(web, first))
        assert page_event.get("RECURRENCE-ID") is not None
    finally:
        await web.stop()
