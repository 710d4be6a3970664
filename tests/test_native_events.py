"""Meetups as the platform's own events, through Core.handle with an adapter that offers the
NativeEvents capability: created, updated and cancelled with the meetup; told once when the
permission is missing; Interested turned into an offer to RSVP (issue #16)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest

from bot import actions
from bot.ports import MissingPermission, NativeEvents
from bot.types import NO_COMMUNITY, ActionClicked, NativeEvent, Place
from tests.support import PLATFORM, FakeAdapter, Harness


@dataclass
class EventfulAdapter(FakeAdapter):
    """The fake platform with its own events, like Discord's."""

    events: dict[str, NativeEvent] = field(default_factory=dict)
    calls: list[tuple[str, str]] = field(default_factory=list)
    cancelled: set[str] = field(default_factory=set)
    may_manage: bool = True

    def _check(self) -> None:
        if not self.may_manage:
            raise MissingPermission("needs Manage Events")

    async def create_native_event(self, workspace_id: str, event: NativeEvent) -> str:
        self._check()
        event_id = f"{9000 + len(self.events)}"
        self.events[event_id] = event
        self.calls.append(("create", event_id))
        return event_id

    async def update_native_event(self, workspace_id: str, event_id: str,
                                  event: NativeEvent) -> None:
        self._check()
        self.events[event_id] = event
        self.calls.append(("update", event_id))

    async def cancel_native_event(self, workspace_id: str, event_id: str) -> None:
        self._check()
        self.cancelled.add(event_id)
        self.calls.append(("cancel", event_id))


@pytest.fixture
async def eventful(sqlite_url: str) -> Harness:
    harness = Harness(sqlite_url)
    harness.adapter = EventfulAdapter()
    harness.app.outbox.add(harness.adapter)
    await harness.start()
    yield harness  # type: ignore[misc]
    await harness.stop()


def adapter(eventful: Harness) -> EventfulAdapter:
    assert isinstance(eventful.adapter, EventfulAdapter)
    return eventful.adapter


async def dm_click(eventful: Harness, user: str, action_id: str) -> None:
    """A click in a DM, which belongs to no community (as on Discord)."""
    await eventful.app.core.handle(ActionClicked(
        eventful.user(user), Place(PLATFORM, NO_COMMUNITY, f"dm-{user}"), None, action_id,
        eventful.key()))


async def interested(eventful: Harness, user: str, event_id: str) -> None:
    await eventful.app.core.handle(ActionClicked(
        eventful.user(user), Place(PLATFORM, eventful.workspace, ""), None,
        actions.encode("interested", event_id), f"gse-add:{event_id}:{user}"))


def test_the_fake_offers_the_capability() -> None:
    assert isinstance(EventfulAdapter(), NativeEvents)
    assert not isinstance(FakeAdapter(), NativeEvents)


async def test_a_meetup_is_created_as_an_event_with_its_venue(eventful: Harness) -> None:
    mid = await eventful.propose(title="Pints", city="Portland, Oregon", venue="Bar Cafe",
                          description="Upstairs")
    [event_id] = adapter(eventful).events
    event = adapter(eventful).events[event_id]
    assert event.title == "Pints"
    assert event.location == "Bar Cafe, Portland, Oregon, US"
    assert event.starts_at == datetime(2030, 1, 12, 3, 0, tzinfo=UTC)  # 19:00 in Portland
    assert event.ends_at - event.starts_at == timedelta(hours=2)
    assert event.description.startswith("Upstairs") and f"#{mid}" in event.description
    row = await eventful.store.native_event_of(mid)
    assert row is not None and row.event_id == event_id


async def test_edits_update_it_and_a_cancel_cancels_it(eventful: Harness) -> None:
    mid = await eventful.propose(venue="Bar Cafe")
    [event_id] = adapter(eventful).events
    await eventful.click("bob", actions.encode("rsvp", mid, "going"))
    assert adapter(eventful).calls == [("create", event_id)]  # an RSVP changes nothing there
    await eventful.command("alice", "edit", id=str(mid), venue="The Pub", when="2030-01-12 18:00")
    assert adapter(eventful).calls[-1] == ("update", event_id)
    event = adapter(eventful).events[event_id]
    assert event.location == "The Pub, London, GB"
    assert event.starts_at == datetime(2030, 1, 12, 18, 0, tzinfo=UTC)
    await eventful.command("alice", "cancel", id=str(mid))
    assert adapter(eventful).calls[-1] == ("cancel", event_id)
    assert adapter(eventful).cancelled == {event_id}


async def test_a_date_poll_gets_its_event_when_it_closes(eventful: Harness) -> None:
    mid = await eventful.propose(when="2030-01-11 19:00 | 2030-01-12 19:00")
    assert adapter(eventful).events == {}
    await eventful.command("alice", "close", id=str(mid), option="2")
    [event] = adapter(eventful).events.values()
    assert event.starts_at == datetime(2030, 1, 12, 19, 0, tzinfo=UTC)


async def test_without_the_permission_admins_are_told_once(eventful: Harness) -> None:
    adapter(eventful).may_manage = False
    for title in ("First", "Again"):
        await eventful.command("alice", "propose", title=title, city="London",
                               when="2030-01-11 19:00")
    notices = [s for s in eventful.adapter.of("post") if "Manage Events" in s.text]
    assert len(notices) == 1 and notices[0].to.channel_id == eventful.channel
    # the meetups go on as cards
    assert eventful.card(1).title == "#1 · First" and eventful.card(2).title == "#2 · Again"
    await eventful.command("alice", "edit", id="1", venue="Elsewhere")
    assert len([s for s in eventful.adapter.of("post") if "Manage Events" in s.text]) == 1
    adapter(eventful).may_manage = True  # granted: the next meetup shows up there
    await eventful.propose(title="Third")
    assert [e.title for e in adapter(eventful).events.values()] == ["Third"]


async def test_interested_offers_to_rsvp_by_dm(eventful: Harness) -> None:
    mid = await eventful.propose()
    [event_id] = adapter(eventful).events
    await interested(eventful, "bob", event_id)
    [dm] = eventful.adapter.dms_to("bob")
    assert f"#{mid} Coffee" in dm.text and "RSVP Going" in dm.text
    assert dm.msg is not None
    [button] = dm.msg.buttons
    assert button.label == "RSVP Going"
    await dm_click(eventful, "bob", button.action_id)
    [rsvp] = await eventful.store.rsvps(mid)
    assert (rsvp.user_id, rsvp.status.value) == ("bob", "going")
    await interested(eventful, "bob", event_id)  # going already: nothing more
    await eventful.app.core.handle(ActionClicked(  # a second Interested after taking it back
        eventful.user("bob"), Place(PLATFORM, eventful.workspace, ""), None,
        actions.encode("interested", event_id), f"gse-add:{event_id}:bob:again"))
    assert len(eventful.adapter.dms_to("bob")) == 1


async def test_the_dm_button_is_only_for_whom_it_was_offered(eventful: Harness) -> None:
    mid = await eventful.propose()
    await dm_click(eventful, "mallory", actions.encode("gonative", mid))
    assert "use this in the community's channel" in eventful.adapter.last_reply("mallory").text
    assert await eventful.store.rsvps(mid) == []


async def test_interest_in_an_event_the_bot_did_not_make_is_ignored(eventful: Harness) -> None:
    await eventful.propose()
    await interested(eventful, "bob", "12345")
    assert eventful.adapter.dms_to("bob") == []
    assert eventful.adapter.replies_to("bob") == []


async def test_closed_dms_just_skip_the_offer(eventful: Harness) -> None:
    await eventful.propose()
    [event_id] = adapter(eventful).events
    eventful.adapter.closed_dms.add("bob")
    posts = len(eventful.adapter.of("post"))
    await interested(eventful, "bob", event_id)
    assert len(eventful.adapter.of("post")) == posts  # no channel post for a courtesy
