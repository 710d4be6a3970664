"""The page server's cached path (issue #17): a page checked a moment ago is answered without
reading the store, yet every change this process writes shows on the very next request, and
a change written by another process within FRESH_SECONDS. And what a public page must not give
away.

The service's monotonic clock is frozen here, so the freshness window never runs out by
itself: only the write generation (or the meetup passing) can make a request read again."""

from __future__ import annotations

import html
import re
from collections.abc import AsyncIterator
from datetime import timedelta
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from sqlalchemy import text

from bot import actions
from bot.store.store import Store
from bot.web.pages import FRESH_SECONDS, PageService
from tests.test_pages import PageHarness, _harness, _service


class FrozenMonotonic:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
async def web(sqlite_url: str) -> AsyncIterator[tuple[PageHarness, PageService, FrozenMonotonic]]:
    h = await _harness(sqlite_url)
    service = _service(h)
    service.monotonic = monotonic = FrozenMonotonic()
    try:
        yield h, service, monotonic
    finally:
        await h.stop()


Web = tuple[PageHarness, PageService, FrozenMonotonic]


async def _page(h: PageHarness, path: str) -> str:
    status, _, body = await h.get(path)
    assert status == 200, body
    return body


async def test_a_page_asked_again_is_answered_without_reading_the_store(web: Web) -> None:
    h, service, _ = web
    await h.pages_on()
    path = h.page_path(await h.propose())
    await _page(h, path)
    reads, renders = service.reads, service.renders
    for _ in range(5):
        assert "Coffee" in await _page(h, path)
    assert (service.reads, service.renders) == (reads, renders)


async def test_every_change_shows_on_the_next_request(web: Web) -> None:
    h, _, _ = web
    await h.pages_on()
    coffee = await h.propose()
    path = h.page_path(coffee)
    await h.command("bob", "privacy", show_name="yes")

    assert "Nobody yet" in await _page(h, path)
    await h.click("bob", actions.encode("rsvp", coffee, "going"))
    assert "Bob" in await _page(h, path)

    await h.command("alice", "edit", id=coffee, title="Cake")
    assert "Cake" in await _page(h, path)

    await h.click("bob", actions.encode("forget", "yes"))
    body = await _page(h, path)
    assert "Bob" not in body and "Nobody yet" in body

    await h.command("alice", "cancel", id=coffee, reason="rain")
    assert "This meetup was cancelled." in await _page(h, path)

    await h.command("alice", "settings", admin=True, public_pages="off")
    assert (await h.get(path))[0] == 404


async def test_the_page_says_the_meetup_happened_once_it_passed_with_no_write(web: Web) -> None:
    h, _, _ = web
    await h.pages_on()
    coffee = await h.propose(when="2030-01-08 19:00")
    path = h.page_path(coffee)
    assert "This meetup has happened." not in await _page(h, path)
    h.clock.advance(timedelta(days=3))  # time only: no job runs, nothing is written
    assert "This meetup has happened." in await _page(h, path)


async def test_another_process_change_shows_within_the_freshness_window(
    web: Web, sqlite_url: str
) -> None:
    h, service, monotonic = web
    await h.pages_on()
    coffee = await h.propose()
    path = h.page_path(coffee)
    await _page(h, path)
    other = Store.from_url(sqlite_url)  # another process's writes move no generation here
    try:
        async with other.engine.begin() as conn:
            await conn.execute(
                text("UPDATE meetups SET title = 'Tea', updated_at = '2030-01-01T00:00:00+00:00'"
                     " WHERE id = :id"),
                {"id": coffee},
            )
    finally:
        await other.close()
    reads = service.reads
    await _page(h, path)
    assert service.reads == reads  # inside the window: answered from the cache
    monotonic.now += FRESH_SECONDS
    assert "Tea" in await _page(h, path)


# --- what a public page gives away ----------------------------------------------------------


async def test_the_google_calendar_link_of_a_meetup_without_description_names_no_id(
    web: Web,
) -> None:
    h, _, _ = web
    await h.pages_on()
    coffee = await h.propose()
    body = await _page(h, h.page_path(coffee))
    (link,) = re.findall(r'href="(https://calendar\.google\.com/[^"]+)"', body)
    query = parse_qs(urlsplit(html.unescape(link)).query)
    assert query["details"] == ["Organized with Tweetup"]
    assert f"#{coffee}" not in unquote(html.unescape(link))
