"""Calendar feeds (issue #16): `/meetup calendar` through the real core, and the feeds over
HTTP from the web server the composition root starts ([web] on 127.0.0.1, any free port),
parsed back with icalendar."""

from __future__ import annotations

import asyncio
import doctest
import re
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import aiohttp
import pytest
from icalendar import Calendar
from multidict import CIMultiDict

import bot.domain.feeds
import bot.web.feeds
from bot import actions
from bot.app import build_app
from bot.calendar import uid
from bot.config import Settings, WebSettings
from bot.types import NO_COMMUNITY, ActionClicked, Place
from bot.web.feeds import FeedService
from bot.web.server import WebServer, WiringError, build_application
from tests.support import PLATFORM, Harness, Sent

BASE = "https://cal.example.org"
URL = re.compile(r"https://cal\.example\.org(/calendar/[A-Za-z0-9_-]+\.ics)")


class WebHarness(Harness):
    """The Harness with [web] configured: the app serves feeds on a free local port."""

    def __init__(self, database_url: str) -> None:
        super().__init__(database_url)
        self.settings = Settings(database_url=database_url,
                                 web=WebSettings("127.0.0.1", 0, BASE))
        self.app = build_app(self.settings, clock=self.clock, timer=self.timer,
                             adapters=[self.adapter])
        self.session: aiohttp.ClientSession | None = None

    @property
    def server(self) -> WebServer:
        assert self.app.web is not None
        return self.app.web

    async def get(self, path: str, **headers: str) -> tuple[int, CIMultiDict[str], bytes]:
        if self.session is None:
            self.session = aiohttp.ClientSession(auto_decompress=True)
        async with self.session.get(self.server.url + path, headers=headers) as resp:
            return resp.status, CIMultiDict(resp.headers), await resp.read()

    async def stop(self) -> None:
        if self.session is not None:
            await self.session.close()
        await super().stop()

    async def links(self, user: str = "alice", **options: Any) -> tuple[str, str]:
        """Run /meetup calendar; the paths of (my feed, the community feed) from the DM."""
        before = len(self.adapter.dms_to(user))
        await self.command(user, "calendar", **options)
        dms = self.adapter.dms_to(user)
        assert len(dms) == before + 1, self.adapter.last_reply(user).text
        mine, shared = paths(dms[-1])
        return mine, shared


def paths(sent: Sent) -> tuple[str, str]:
    found = list(dict.fromkeys(URL.findall(sent.text)))
    assert len(found) == 2, sent.text
    return found[0], found[1]


def events(body: bytes) -> dict[str, Any]:
    cal = Calendar.from_ical(body)
    return {str(e["SUMMARY"]): e for e in cal.walk("VEVENT")}


@pytest.fixture
async def web(sqlite_url: str) -> AsyncIterator[WebHarness]:
    harness = WebHarness(sqlite_url)
    await harness.start()
    try:
        yield harness
    finally:
        await harness.stop()


async def test_calendar_dms_both_feeds_as_https_and_webcal_with_a_reset_button(
        web: WebHarness) -> None:
    reply = await web.command("alice", "calendar")
    assert reply is not None and "sent you your calendar links by DM" in reply.text
    dm = web.adapter.dms_to("alice")[-1]
    assert dm.msg is not None and dm.msg.title == "Your Tweetup calendar"
    mine, shared = paths(dm)
    assert f"webcal://cal.example.org{mine}" in dm.text
    assert f"webcal://cal.example.org{shared}" in dm.text
    assert [(b.label, b.action_id) for b in dm.msg.buttons] == [
        ("Reset my link", actions.encode("calreset", 1))]
    # the address reveals nobody: no member id, no community id, just a random token
    assert "alice" not in mine.lower() and mine != shared
    # asked again: the same links (subscriptions keep working)
    assert await web.links() == (mine, shared)
    # another member: their own feed, the same community feed
    bob_mine, bob_shared = await web.links("bob")
    assert bob_mine != mine and bob_shared == shared


async def test_community_feed_lists_upcoming_meetups_parsed_back_with_icalendar(
        web: WebHarness) -> None:
    first = await web.propose(title="Coffee", when="2030-01-11 19:00")
    await web.propose(title="Hike", when="2030-01-12 10:00", city="Berlin")
    await web.command("alice", "propose", title="Poll", city="London",
                      when="2030-01-13 19:00 | 2030-01-14 19:00")
    _, shared = await web.links()
    status, headers, body = await web.get(shared)
    assert status == 200 and headers["Content-Type"].startswith("text/calendar")
    found = events(body)
    assert set(found) == {"Coffee", "Hike"}  # a poll has no date yet
    coffee = found["Coffee"]
    m = await web.store.meetup(first)
    assert m is not None and str(coffee["UID"]) == uid(m, PLATFORM)
    assert coffee.decoded("DTSTART").isoformat() == "2030-01-11T19:00:00+00:00"
    hike = found["Hike"].decoded("DTSTART")
    assert (hike.hour, str(hike.tzinfo)) == (10, "Europe/Berlin")  # the city's wall time
    assert str(coffee["STATUS"]) == "CONFIRMED" and int(coffee["SEQUENCE"]) == 0
    cal = Calendar.from_ical(body)
    assert str(cal["X-WR-CALNAME"]) == "Tweetup meetups" and str(cal["METHOD"]) == "PUBLISH"


async def test_member_feed_holds_only_the_meetups_they_are_going_to(web: WebHarness) -> None:
    coffee = await web.propose(title="Coffee")
    await web.propose(title="Hike", when="2030-01-12 10:00")
    mine, _ = await web.links("bob")
    status, _, body = await web.get(mine)
    assert status == 200 and events(body) == {}
    await web.click("bob", actions.encode("rsvp", coffee, "going"))
    assert set(events((await web.get(mine))[2])) == {"Coffee"}
    await web.click("bob", actions.encode("rsvp", coffee, "no"))
    assert events((await web.get(mine))[2]) == {}
    # alice's feed never showed bob's answers
    alice_mine, _ = await web.links("alice")
    assert events((await web.get(alice_mine))[2]) == {}


async def test_feeds_follow_edits_and_cancellations(web: WebHarness) -> None:
    coffee = await web.propose(title="Coffee")
    await web.click("bob", actions.encode("rsvp", coffee, "going"))
    mine, shared = await web.links("bob")
    _, before, _ = await web.get(shared)
    await web.command("alice", "edit", id=coffee, when="2030-01-11 20:00")
    _, after, body = await web.get(shared)
    assert after["ETag"] != before["ETag"]
    edited = events(body)["Coffee"]
    assert int(edited["SEQUENCE"]) == 1 and edited.decoded("DTSTART").hour == 20
    await web.command("alice", "cancel", id=coffee, reason="rain")
    for path in (shared, mine):
        cancelled = events((await web.get(path))[2])["Coffee"]
        assert str(cancelled["STATUS"]) == "CANCELLED" and int(cancelled["SEQUENCE"]) >= 2


async def test_conditional_requests_get_304_until_the_feed_changes(web: WebHarness) -> None:
    await web.propose(title="Coffee")
    _, shared = await web.links()
    status, headers, _ = await web.get(shared)
    etag, modified = headers["ETag"], headers["Last-Modified"]
    assert status == 200 and headers["Cache-Control"] == "private, no-cache"
    assert (await web.get(shared, **{"If-None-Match": etag}))[0] == 304
    assert (await web.get(shared, **{"If-None-Match": f'"x", W/{etag}'}))[0] == 304
    assert web.session is not None
    async with web.session.head(web.server.url + shared) as head:  # HEAD: validators only
        assert head.status == 200 and head.headers["ETag"] == etag
    assert (await web.get(shared, **{"If-Modified-Since": modified}))[0] == 304
    assert (await web.get(shared, **{"If-None-Match": '"stale"'}))[0] == 200
    # If-None-Match decides when both are sent (RFC 9110)
    both = {"If-None-Match": '"stale"', "If-Modified-Since": modified}
    assert (await web.get(shared, **both))[0] == 200
    await web.advance(timedelta(minutes=5))
    await web.propose(title="Hike", when="2030-01-12 10:00")
    status, changed, _ = await web.get(shared, **{"If-None-Match": etag})
    assert status == 200 and changed["ETag"] != etag
    assert (await web.get(shared, **{"If-Modified-Since": modified}))[0] == 200


async def test_an_unchanged_feed_is_rendered_once(web: WebHarness) -> None:
    await web.propose(title="Coffee")
    _, shared = await web.links()
    service = _feed_service(web)
    for _ in range(5):
        assert (await web.get(shared))[0] == 200
    assert service.cache.renders == 1
    await web.propose(title="Hike", when="2030-01-12 10:00")
    assert set(events((await web.get(shared))[2])) == {"Coffee", "Hike"}
    assert service.cache.renders == 2


def _feed_service(web: WebHarness) -> FeedService:
    for resource in web.server.application.router.resources():
        for route in resource:
            owner = getattr(route.handler, "__self__", None)
            if isinstance(owner, FeedService):
                return owner
    raise AssertionError("no feed route")


async def test_reset_button_revokes_the_old_link_at_once(web: WebHarness) -> None:
    await web.propose(title="Coffee")
    mine, shared = await web.links()
    assert (await web.get(mine))[0] == 200
    await web.click("alice", actions.encode("calreset", 1))
    reply = web.adapter.last_reply("alice")
    assert "old link no longer works" in reply.text
    new_mine, new_shared = paths(reply)
    assert new_mine != mine and new_shared == shared
    assert (await web.get(mine))[0] == 404
    assert (await web.get(new_mine))[0] == 200
    # the same with the option, and the community link by an admin only
    await web.command("alice", "calendar", reset="mine")
    assert (await web.get(new_mine))[0] == 404
    refused = await web.command("bob", "calendar", reset="community")
    assert refused is not None and "Only admins" in refused.text
    assert (await web.get(shared))[0] == 200
    await web.command("alice", "calendar", reset="community", admin=True)
    assert (await web.get(shared))[0] == 404


async def test_reset_from_a_dm_outside_the_community(web: WebHarness) -> None:
    """A Discord DM has no guild: the button names the community, and only a member with a
    feed there can use it."""
    mine, _ = await web.links()
    await dm_click(web, "alice", actions.encode("calreset", 1))
    reply = web.adapter.last_reply("alice")
    assert "old link no longer works" in reply.text
    assert (await web.get(mine))[0] == 404
    assert (await web.get(paths(reply)[0]))[0] == 200
    await dm_click(web, "carol", actions.encode("calreset", 1))  # no feed there: not hers
    assert "community's channel" in web.adapter.last_reply("carol").text
    assert not await web.store.has_feed(1, "carol")


async def dm_click(web: WebHarness, user: str, action_id: str) -> None:
    place = Place(PLATFORM, NO_COMMUNITY, f"dm-{user}")
    await web.app.core.handle(ActionClicked(web.user(user), place, None, action_id, web.key()))


async def test_unknown_and_malformed_tokens_are_404(web: WebHarness) -> None:
    for path in ("/calendar/" + "A" * 32 + ".ics", "/calendar/x.ics", "/calendar/..%2f.ics",
                 "/calendar/"):
        assert (await web.get(path))[0] == 404
    assert (await web.get("/healthz"))[0] == 200


async def test_closed_dms_get_the_links_in_a_private_reply(web: WebHarness) -> None:
    web.adapter.closed_dms.add("bob")
    reply = await web.command("bob", "calendar")
    assert reply is not None and reply.msg is not None and reply.msg.ephemeral
    assert "DMs are closed" in reply.text and len(URL.findall(reply.text)) >= 2
    assert [b.label for b in reply.msg.buttons] == ["Reset my link"]


async def test_forget_deletes_the_members_feed(web: WebHarness) -> None:
    mine, shared = await web.links("bob")
    await web.click("bob", actions.encode("forget", "yes"))
    assert (await web.get(mine))[0] == 404
    assert (await web.get(shared))[0] == 200


async def test_export_leaves_the_tokens_out(web: WebHarness) -> None:
    mine, _ = await web.links("bob")
    await web.command("alice", "export", admin=True)
    export = web.adapter.last_reply("alice")
    assert export.msg is not None and export.msg.attachments
    data = export.msg.attachments[0].content.decode()
    token = mine.removeprefix("/calendar/").removesuffix(".ics")
    assert token not in data and "calendar_feeds" in data


async def test_without_web_the_command_says_feeds_are_off(harness: Harness) -> None:
    reply = await harness.command("alice", "calendar")
    assert reply is not None and "not switched on" in reply.text and "[web]" in reply.text
    assert harness.adapter.dms_to("alice") == [] and harness.app.web is None


def test_a_path_served_twice_is_refused() -> None:
    async def handler(request: Any) -> Any:
        return None

    with pytest.raises(WiringError, match="GET /healthz"):
        build_application([aiohttp.web.get("/healthz", handler)])


def test_rule_examples() -> None:
    for module in (bot.domain.feeds, bot.web.feeds):
        assert doctest.testmod(module).failed == 0


async def test_a_burst_of_polls_after_a_change_renders_once(web: WebHarness) -> None:
    await web.propose(title="Coffee")
    _, shared = await web.links()
    results = await asyncio.gather(*(web.get(shared) for _ in range(8)))
    assert {status for status, _, _ in results} == {200}
    assert len({headers["ETag"] for _, headers, _ in results}) == 1
    assert _feed_service(web).cache.renders == 1
