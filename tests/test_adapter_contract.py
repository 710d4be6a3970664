"""The ChatAdapter contract (bot/ports.py), run against every adapter: the in-memory
FakeAdapter (tests/support), the console, Discord through its wire fake and Slack through its
wire fake. A new platform adds a driver here (docs/adding-a-platform.md).

A driver yields a `Rig`: the adapter and what its platform can be made to do. The error cases
run on the drivers whose platform can produce that error (the terminal never refuses a post).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.ports import (
    ChannelUnavailable,
    ChatAdapter,
    ChatError,
    DeliveryUnknown,
    DMClosed,
    MessageGone,
    PlatformBusy,
)
from bot.types import (
    Button,
    CommandInvoked,
    Form,
    FormField,
    FormSubmitted,
    MessageRef,
    Outgoing,
    Place,
    Text,
    UserRef,
)
from tests.support import FakeAdapter, text_of

SINCE = datetime(2020, 1, 1, tzinfo=UTC)


@dataclass
class Rig:
    adapter: ChatAdapter
    place: Place
    """A channel the bot may post in."""
    member: UserRef
    """A member who accepts DMs."""
    shown: Callable[[MessageRef], str]
    """What the platform shows for a message now (its text, as the platform holds it)."""
    closed_dm: UserRef | None = None
    locked: Place | None = None
    missing: MessageRef | None = None
    """A message that does not exist (deleted)."""
    make_busy: Callable[[], None] | None = None
    """The next post is rate limited beyond the adapter's own retries."""
    make_lost: Callable[[], None] | None = None
    """The next post fails after it went out (a server error)."""


Driver = Callable[[], Any]


@asynccontextmanager
async def fake_rig() -> AsyncIterator[Rig]:
    adapter = FakeAdapter()
    adapter.closed_dms.add("bob")
    adapter.closed_channels.add("locked")
    adapter.deleted_messages.add("m-gone")
    place = Place(adapter.platform, "w1", "general")

    def shown(ref: MessageRef) -> str:
        versions = [s.msg for s in adapter.sent if s.ref == ref and s.msg is not None]
        return text_of(versions[-1]) if versions else ""

    def fail(kind: str, error: ChatError) -> Callable[[], None]:
        return lambda: adapter.failures.setdefault(kind, []).append(error)

    yield Rig(
        adapter, place, UserRef(adapter.platform, "alice"), shown,
        closed_dm=UserRef(adapter.platform, "bob"),
        locked=Place(adapter.platform, "w1", "locked"),
        missing=MessageRef(place, "m-gone"),
        make_busy=fail("post", PlatformBusy("429")),
        make_lost=fail("post", DeliveryUnknown("500")),
    )


@asynccontextmanager
async def console_rig() -> AsyncIterator[Rig]:
    from adapters.console import ConsoleAdapter

    async def no_lines() -> AsyncIterator[str]:
        return
        yield  # pragma: no cover

    written: list[str] = []
    adapter = ConsoleAdapter(
        ("alice", "bob"), ("general",), no_lines(), written.append,
        lambda: datetime(2030, 1, 7, 9, tzinfo=UTC),
    )
    place = Place(adapter.platform, "console", "general")
    yield Rig(adapter, place, UserRef(adapter.platform, "alice"), lambda _ref: "\n".join(written))


@asynccontextmanager
async def discord_rig() -> AsyncIterator[Rig]:
    from tests.discord.discord_harness import fake_discord, running
    from tests.support import RecordingInbox

    async with fake_discord() as fake:
        guild = fake.add_guild(channels=("general", "locked"), members=("alice", "bob"))
        alice, bob = (m.user for m in guild.members.values())
        fake.refuse_dms.add(bob.id)
        fake.denied_channels.add(guild.channels["locked"])
        place = Place("discord", guild.id, guild.channels["general"])
        async with running(fake, RecordingInbox()) as adapter:
            yield Rig(
                adapter, place, UserRef("discord", alice.id),
                lambda ref: str(fake.messages[ref.message_id]),
                closed_dm=UserRef("discord", bob.id),
                locked=Place("discord", guild.id, guild.channels["locked"]),
                missing=MessageRef(place, "42"),
            )


@asynccontextmanager
async def slack_rig() -> AsyncIterator[Rig]:
    from tests.slack.slack_fake_api import TEAM_ID
    from tests.slack.slack_harness import slack_wire

    async with slack_wire() as slack:
        slack.fake.dm_closed.add("U0BOB0001")
        place = Place("slack", TEAM_ID, "C0GENERAL")
        yield Rig(
            slack.adapter, place, UserRef("slack", "U0ALICE01"),
            lambda ref: slack.fake.messages[(ref.place.channel_id, ref.message_id)].text,
            closed_dm=UserRef("slack", "U0BOB0001"),
            locked=Place("slack", TEAM_ID, "C0NOSUCH1"),
            missing=MessageRef(place, "1700000000.000001"),
            make_busy=lambda: slack.fake.rate_limit("chat.postMessage", times=10, retry_after=0),
            make_lost=lambda: slack.fake.server_error("chat.postMessage", 500),
        )


DRIVERS: dict[str, Driver] = {
    "fake": fake_rig,
    "console": console_rig,
    "discord": discord_rig,
    "slack": slack_rig,
}
CAN_REFUSE = ["fake", "discord", "slack"]  # DMs closed, channel locked, message deleted
CAN_THROTTLE = ["fake", "slack"]  # Discord's 429s are waited out inside discord.py


def drivers(names: list[str] | None = None) -> Any:
    return pytest.mark.parametrize("driver", names or list(DRIVERS))


def msg(text: str, **kw: Any) -> Outgoing:
    return Outgoing(body=(Text(text),), **kw)


async def with_rig(driver: str, check: Callable[[Rig], Awaitable[None]]) -> None:
    async with DRIVERS[driver]() as rig:
        assert isinstance(rig.adapter.platform, str) and rig.adapter.platform
        await check(rig)


@drivers()
async def test_post_then_update_replaces_the_message(driver: str) -> None:
    async def check(rig: Rig) -> None:
        ref = await rig.adapter.post(rig.place, msg("first version"))
        assert (ref.place.platform, ref.place.channel_id) == (
            rig.place.platform, rig.place.channel_id)
        assert "first version" in rig.shown(ref)
        await rig.adapter.update(ref, msg("second version"))
        assert "second version" in rig.shown(ref)

    await with_rig(driver, check)


@drivers()
async def test_a_dm_with_a_dedupe_key_is_found_again_and_no_other_key_is(driver: str) -> None:
    async def check(rig: Rig) -> None:
        # with a button, as reminders are sent: Discord carries the key in a button's id
        reminder = msg("Reminder", dedupe_key="r:1:24h", buttons=(Button("Going", "tw:go:1"),))
        ref = await rig.adapter.send_dm(rig.member, reminder)
        assert "Reminder" in rig.shown(ref)
        assert await rig.adapter.find_sent(rig.member, "r:1:24h", SINCE)
        assert not await rig.adapter.find_sent(rig.member, "r:1:1h", SINCE)

    await with_rig(driver, check)


@drivers()
async def test_a_post_with_a_dedupe_key_is_found_again_and_no_other_key_is(driver: str) -> None:
    """A job's channel post (a follow-up) is found again by its key before a retried job
    posts it twice (`Outbox.for_job`)."""
    async def check(rig: Rig) -> None:
        follow_up = msg("How was it?", dedupe_key="post:1:1",
                        buttons=(Button("Yes!", "tw:again:1:yes"),))
        ref = await rig.adapter.post(rig.place, follow_up)
        await rig.adapter.post(rig.place, msg("unkeyed"))
        found = await rig.adapter.find_posted(rig.place, "post:1:1", SINCE)
        assert found is not None and found.message_id == ref.message_id
        assert "How was it?" in rig.shown(found)
        assert await rig.adapter.find_posted(rig.place, "post:1:2", SINCE) is None

    await with_rig(driver, check)


@drivers()
async def test_a_reply_to_an_event_without_a_platform_handle_still_reaches_the_member(
        driver: str) -> None:
    """Events the core makes up (replays from the store) have no handle: the adapter posts
    (or DMs a private answer) instead of failing."""
    async def check(rig: Rig) -> None:
        event = CommandInvoked(user=rig.member, place=rig.place, name="list", options={}, key="k1")
        await rig.adapter.reply(event, msg("public answer"))
        await rig.adapter.reply(event, msg("private answer", ephemeral=True))

    await with_rig(driver, check)


@drivers()
async def test_a_form_and_its_field_errors_on_an_event_without_a_handle_do_not_fail(
        driver: str) -> None:
    """Where the platform cannot open a form any more (no interaction to answer), the adapter
    offers another way in; field errors of a form submitted earlier are still told."""
    form = Form("propose", "Propose a meetup", (FormField("title", "Title"),))
    async def check(rig: Rig) -> None:
        clicked = CommandInvoked(user=rig.member, place=rig.place, name="propose", options={},
                                 key="k2")
        await rig.adapter.open_form(clicked, form)
        submitted = FormSubmitted(user=rig.member, place=rig.place, form_id="propose",
                                  values={"title": ""}, key="k3")
        await rig.adapter.reject_form(submitted, {"title": "Give the meetup a title."})

    await with_rig(driver, check)


@drivers(CAN_REFUSE)
async def test_closed_dms_raise_dm_closed(driver: str) -> None:
    async def check(rig: Rig) -> None:
        assert rig.closed_dm is not None
        with pytest.raises(DMClosed) as err:
            await rig.adapter.send_dm(rig.closed_dm, msg("hi"))
        assert not err.value.retryable

    await with_rig(driver, check)


@drivers(CAN_REFUSE)
async def test_a_channel_the_bot_cannot_post_in_raises_channel_unavailable(driver: str) -> None:
    async def check(rig: Rig) -> None:
        assert rig.locked is not None
        with pytest.raises(ChannelUnavailable) as err:
            await rig.adapter.post(rig.locked, msg("hi"))
        assert not err.value.retryable

    await with_rig(driver, check)


@drivers(CAN_REFUSE)
async def test_updating_a_deleted_message_raises_message_gone(driver: str) -> None:
    async def check(rig: Rig) -> None:
        assert rig.missing is not None
        with pytest.raises(MessageGone) as err:
            await rig.adapter.update(rig.missing, msg("v2"))
        assert not err.value.retryable

    await with_rig(driver, check)


@drivers(CAN_THROTTLE)
async def test_rate_limited_beyond_retries_is_platform_busy_and_retryable(driver: str) -> None:
    async def check(rig: Rig) -> None:
        assert rig.make_busy is not None
        rig.make_busy()
        with pytest.raises(PlatformBusy) as err:
            await rig.adapter.post(rig.place, msg("hi"))
        assert err.value.retryable

    await with_rig(driver, check)


@drivers(CAN_THROTTLE)
async def test_a_post_lost_after_it_went_out_is_delivery_unknown_and_not_retried(
        driver: str) -> None:
    async def check(rig: Rig) -> None:
        assert rig.make_lost is not None
        rig.make_lost()
        with pytest.raises(DeliveryUnknown) as err:
            await rig.adapter.post(rig.place, msg("once"))
        assert not err.value.retryable

    await with_rig(driver, check)


def test_only_platform_busy_is_retryable() -> None:
    """The retry rule the core and the outbox read from the error type alone."""
    family = {DMClosed: False, ChannelUnavailable: False, MessageGone: False,
              PlatformBusy: True, DeliveryUnknown: False, ChatError: False}
    assert {kind: kind("x").retryable for kind in family} == family
    assert all(issubclass(kind, ChatError) for kind in family)


def test_every_chat_adapter_method_is_covered_by_this_suite() -> None:
    """A method added to the port must get a contract case here."""
    source = Path(__file__).read_text(encoding="utf-8")
    methods = [name for name in vars(ChatAdapter) if not name.startswith("_")
               and callable(getattr(ChatAdapter, name))]
    covered = {m for m in methods if f"adapter.{m}(" in source or f"{m}=" in source}
    assert set(methods) - covered <= {"run", "stop"}, methods  # every rig runs and stops
