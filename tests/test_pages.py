"""Public meetup pages (issue #17): the settings and the card link through the real core, and
the pages over HTTP from the web server the composition root starts ([web] on 127.0.0.1,
any free port)."""

from __future__ import annotations

import doctest
import re
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import aiohttp
import pytest
from icalendar import Calendar
from multidict import CIMultiDict

import bot.domain.pages
import bot.store.pages
import bot.web.pages
import bot.web.ratelimit
from bot import actions
from bot.app import build_app
from bot.config import Settings, WebSettings
from bot.web.pages import CSP
from bot.web.server import WebServer
from tests.support import Harness, text_of

BASE = "https://meet.example.org"
PAGE = re.compile(r"https://meet\.example\.org(/m/[A-Za-z0-9]{22})")


class PageHarness(Harness):
    """The Harness with [web] configured: the app serves pages on a free local port."""

    def __init__(self, database_url: str, page_rate: int = 10_000) -> None:
        super().__init__(database_url)
        self.settings = Settings(database_url=database_url,
                                 web=WebSettings("127.0.0.1", 0, BASE, page_rate=page_rate))
        self.app = build_app(self.settings, clock=self.clock, timer=self.timer,
                             adapters=[self.adapter])
        self.session: aiohttp.ClientSession | None = None

    @property
    def server(self) -> WebServer:
        assert self.app.web is not None
        return self.app.web

    async def get(self, path: str, **headers: str) -> tuple[int, CIMultiDict[str], str]:
        if self.session is None:
            self.session = aiohttp.ClientSession()
        async with self.session.get(self.server.url + path, headers=headers) as resp:
            return resp.status, CIMultiDict(resp.headers), (await resp.read()).decode()

    async def stop(self) -> None:
        if self.session is not None:
            await self.session.close()
        await super().stop()

    async def pages_on(self, invite: str = "https://discord.gg/tweetup") -> None:
        reply = await self.command("alice", "settings", admin=True, public_pages="on",
                                   invite=invite)
        assert reply is not None and "public pages: on" in reply.text, reply

    def page_path(self, meetup_id: int) -> str:
        found = PAGE.search(text_of(self.card(meetup_id)))
        assert found, text_of(self.card(meetup_id))
        return found.group(1)


async def _harness(url: str, **kwargs: Any) -> PageHarness:
    h = PageHarness(url, **kwargs)
    await h.start()
    return h


@pytest.fixture
async def web(sqlite_url: str) -> AsyncIterator[PageHarness]:
    h = await _harness(sqlite_url)
    try:
        yield h
    finally:
        await h.stop()


def test_doctests() -> None:
    for module in (bot.domain.pages, bot.store.pages, bot.web.pages, bot.web.ratelimit):
        assert doctest.testmod(module).failed == 0, module.__name__


# --- settings and the card ----------------------------------------------------------------

async def test_pages_are_off_by_default_and_the_card_has_no_link(web: PageHarness) -> None:
    coffee = await web.propose()
    assert "/m/" not in text_of(web.card(coffee))
    reply = await web.command("bob", "settings")
    assert reply is not None and "public pages: off; no invite link" in reply.text


async def test_admin_turns_pages_on_and_the_card_and_confirmation_link_the_page(
    web: PageHarness,
) -> None:
    await web.pages_on()
    coffee = await web.propose(find_us="yellow umbrella")
    confirmation = web.adapter.last_reply("alice").text
    path = web.page_path(coffee)
    assert f"{BASE}{path}" in confirmation
    assert path != f"/m/{coffee}" and len(path.removeprefix("/m/")) == 22  # a token, not the id
    status, _, body = await web.get(path)
    assert status == 200 and "<h1>Coffee</h1>" in body


async def test_a_card_posted_before_pages_were_on_gets_the_link_on_its_next_refresh(
    web: PageHarness,
) -> None:
    coffee = await web.propose()
    await web.pages_on()
    await web.click("bob", actions.encode("rsvp", coffee, "going"))
    assert PAGE.search(text_of(web.card(coffee)))


async def test_only_admins_change_pages_and_a_bad_invite_says_what_to_type(
    web: PageHarness,
) -> None:
    reply = await web.command("bob", "settings", public_pages="on")
    assert reply is not None and "Only admins" in reply.text
    reply = await web.command("alice", "settings", admin=True, invite="discord.gg/x")
    assert reply is not None and "invite:https://discord.gg/" in reply.text
    reply = await web.command("alice", "settings", admin=True, invite="javascript:alert(1)")
    assert reply is not None and "must be an https:// link" in reply.text
    reply = await web.command("bob", "settings")
    assert reply is not None and "public pages: off; no invite link" in reply.text


async def test_pages_on_without_a_web_address_says_so(sqlite_url: str) -> None:
    h = Harness(sqlite_url)
    await h.start()
    try:
        reply = await h.command("alice", "settings", admin=True, public_pages="on")
        assert reply is not None and "no web address yet" in reply.text
        coffee = await h.propose()
        assert "/m/" not in text_of(h.card(coffee))
    finally:
        await h.stop()


# --- the page --------------------------------------------------------------------------------

async def test_the_page_shows_the_meetup_in_the_citys_zone_with_map_calendar_and_invite(
    web: PageHarness,
) -> None:
    await web.pages_on()
    coffee = await web.propose(title="Coffee", city="Berlin", when="2030-01-11 19:00",
                               venue="Café Kranzler", find_us="yellow umbrella",
                               description="Cake & chat")
    status, headers, body = await web.get(web.page_path(coffee))
    assert status == 200
    assert headers["Content-Security-Policy"] == CSP
    assert headers["Content-Type"].startswith("text/html")
    assert '<html lang="en">' in body and "<main" in body and "<header" in body
    assert "Friday 11 January 2030, 19:00" in body and "Berlin time, CET" in body
    assert 'datetime="2030-01-11T18:00:00+00:00"' in body
    assert "Café Kranzler, Berlin" in body and "https://www.openstreetmap.org/search?" in body
    assert "yellow umbrella" in body and "Cake &amp; chat" in body
    assert 'href="https://discord.gg/tweetup"' in body and "Join us" in body
    assert ".ics" in body and "https://calendar.google.com/calendar/render?" in body
    assert '<meta property="og:title" content="Coffee">' in body
    assert '<meta name="twitter:card" content="summary">' in body
    description = re.search(r'og:description" content="([^"]*)"', body)
    assert description is not None
    assert description.group(1) == (
        "Friday 11 January 2030, 19:00 · Café Kranzler, Berlin, DE · Cake &amp; chat"
    )
    # nothing from elsewhere: no script, style or image from another origin
    assert not re.search(r'<(script|img)[^>]+src="https?://|stylesheet" href="https?://', body)
    assert 'rel="stylesheet" href="/static/pages/page.css"' in body


async def test_member_text_is_escaped(web: PageHarness) -> None:
    await web.pages_on()
    coffee = await web.propose(title="<script>alert(1)</script>",
                               description='"><img src=x onerror=alert(1)>')
    _, _, body = await web.get(web.page_path(coffee))
    assert "<script>alert(1)</script>" not in body and "<img src=x" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


async def test_going_shows_a_count_and_names_only_of_members_who_chose_to_show_them(
    web: PageHarness,
) -> None:
    await web.pages_on()
    coffee = await web.propose()
    await web.command("bob", "privacy", show_name="yes")
    for user in ("bob", "carol"):
        await web.click(user, actions.encode("rsvp", coffee, "going"))
    _, _, body = await web.get(web.page_path(coffee))
    assert "2 members: Bob and 1 more" in body and "Carol" not in body


async def test_a_forgotten_member_disappears_from_the_page(web: PageHarness) -> None:
    await web.pages_on()
    coffee = await web.propose()
    await web.command("bob", "privacy", show_name="yes")
    await web.click("bob", actions.encode("rsvp", coffee, "going"))
    path = web.page_path(coffee)
    assert "Bob" in (await web.get(path))[2]
    await web.click("bob", actions.encode("forget", "yes"))
    body = (await web.get(path))[2]
    assert "Bob" not in body and "Nobody yet" in body


async def test_a_cancelled_meetups_page_says_so(web: PageHarness) -> None:
    await web.pages_on()
    coffee = await web.propose()
    path = web.page_path(coffee)
    await web.command("alice", "cancel", id=coffee, reason="rain")
    _, _, body = await web.get(path)
    assert "This meetup was cancelled." in body and "Reason: rain" in body
    assert "calendar.google.com" not in body


async def test_a_past_meetups_page_says_it_happened_and_links_upcoming_ones(
    web: PageHarness,
) -> None:
    await web.pages_on()
    coffee = await web.propose(when="2030-01-08 19:00")
    hike = await web.propose(title="Hike", when="2030-01-20 10:00")
    path = web.page_path(coffee)
    await web.advance(timedelta(days=3))
    _, _, body = await web.get(path)
    assert "This meetup has happened." in body
    hike_path = web.page_path(hike)
    assert f'href="{BASE}{hike_path}">Hike</a>' in body


async def test_the_ics_downloads_and_parses(web: PageHarness) -> None:
    await web.pages_on()
    coffee = await web.propose()
    status, headers, body = await web.get(web.page_path(coffee) + ".ics")
    assert status == 200 and headers["Content-Type"].startswith("text/calendar")
    assert "attachment" in headers["Content-Disposition"]
    (event,) = Calendar.from_ical(body).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Coffee"


async def test_unknown_and_private_pages_give_the_same_404(web: PageHarness) -> None:
    await web.pages_on()
    coffee = await web.propose()
    path = web.page_path(coffee)
    await web.command("alice", "settings", admin=True, public_pages="off")
    private = await web.get(path)
    unknown = await web.get("/m/" + "A" * 22)
    malformed = await web.get("/m/../../etc/passwd")
    assert private[0] == unknown[0] == 404 and private[2] == unknown[2]
    assert private[1]["Content-Security-Policy"] == CSP
    assert malformed[0] == 404
    assert (await web.get(path + ".ics"))[2] == unknown[2]


async def test_malformed_and_oversized_requests_are_refused(web: PageHarness) -> None:
    await web.pages_on()
    path = web.page_path(await web.propose())
    assert web.session is None or not web.session.closed
    async with aiohttp.ClientSession() as session:
        async with session.get(web.server.url + path, data=b"x" * 100) as resp:
            assert resp.status == 400
        async with session.get(web.server.url + "/m/" + "a" * 20_000) as resp:
            assert resp.status in (400, 414, 431)
        async with session.post(web.server.url + path) as resp:
            assert resp.status == 405


async def test_requests_are_rate_limited_per_address_with_retry_after(sqlite_url: str) -> None:
    h = await _harness(sqlite_url, page_rate=3)  # a burst of 3, then one every 20 s
    try:
        await h.pages_on()
        path = h.page_path(await h.propose())
        statuses = [(await h.get(path))[0] for _ in range(4)]
        assert statuses == [200, 200, 200, 429]
        status, headers, body = await h.get(path)
        assert status == 429 and 1 <= int(headers["Retry-After"]) <= 20
        assert "Try again in" in body
    finally:
        await h.stop()


async def test_a_page_is_rendered_once_per_version(web: PageHarness) -> None:
    await web.pages_on()
    coffee = await web.propose()
    path = web.page_path(coffee)
    service = _service(web)
    first = service.renders
    _, headers, _ = await web.get(path)
    await web.get(path)
    assert service.renders == first + 1
    assert (await web.get(path, **{"If-None-Match": headers["ETag"]}))[0] == 304
    await web.click("bob", actions.encode("rsvp", coffee, "going"))
    assert "1 member" in (await web.get(path))[2]
    assert service.renders == first + 2


def _service(h: PageHarness) -> bot.web.pages.PageService:
    for resource in h.server.application.router.resources():
        if resource.canonical.startswith("/m/"):
            for route in resource:
                handler: Any = route.handler  # PageService.limited's closure holds the service
                for cell in handler.__closure__ or ():
                    if isinstance(cell.cell_contents, bot.web.pages.PageService):
                        return cell.cell_contents
    raise AssertionError("no page route")
