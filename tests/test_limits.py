"""Per-member and per-community rate limits, counted in the store."""

from __future__ import annotations

from datetime import timedelta

from bot.domain.limits import Limits
from tests.support import Harness


async def test_a_member_spamming_commands_is_refused_politely(sqlite_url: str) -> None:
    harness = await Harness(sqlite_url, limits=Limits(member_events_per_minute=5)).start()
    try:
        for _ in range(5):
            reply = await harness.command("spammer", "list")
            assert reply is not None and "going a bit fast" not in reply.text
        reply = await harness.command("spammer", "list")
        assert reply is not None and "going a bit fast" in reply.text
        other = await harness.command("calm", "list")  # others are not affected
        assert other is not None and "going a bit fast" not in other.text
        await harness.advance(timedelta(minutes=1, seconds=1))
        reply = await harness.command("spammer", "list")
        assert reply is not None and "going a bit fast" not in reply.text
    finally:
        await harness.stop()


async def test_chat_messages_do_not_count(sqlite_url: str) -> None:
    harness = await Harness(sqlite_url, limits=Limits(member_events_per_minute=2)).start()
    try:
        for i in range(10):
            await harness.say("chatty", f"message {i}")
        reply = await harness.command("chatty", "list")
        assert reply is not None and "going a bit fast" not in reply.text
    finally:
        await harness.stop()


async def test_proposal_limits_per_member_and_community(sqlite_url: str) -> None:
    harness = await Harness(sqlite_url, limits=Limits(member_proposals_per_hour=2,
                                                community_proposals_per_hour=3)).start()
    try:
        await harness.propose("alice")
        await harness.propose("alice")
        reply = await harness.command("alice", "propose", title="Third", city="Berlin",
                                when="2030-01-11 19:00")
        assert reply is not None and "limit for now" in reply.text
        await harness.propose("bob")
        reply = await harness.command("carol", "propose", title="Fourth", city="Berlin",
                                when="2030-01-11 19:00")
        assert reply is not None and "a lot of proposals" in reply.text
        assert len(harness.adapter.of("post")) == 3
        await harness.advance(timedelta(hours=1, minutes=1))
        await harness.propose("alice")
    finally:
        await harness.stop()
