"""The bot removed from a guild (GUILD_DELETE) reaches `Inbox.community_removed`; a guild
that is only unavailable (an outage) does not (issue #15)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from tests.discord.discord_harness import fake_discord, running
from tests.support import RecordingInbox


@dataclass
class RemovalInbox(RecordingInbox):
    removed: list[tuple[str, str]] = field(default_factory=list)
    removal: asyncio.Event = field(default_factory=asyncio.Event)

    async def community_removed(self, platform: str, workspace_id: str) -> None:
        self.removed.append((platform, workspace_id))
        self.removal.set()


async def test_a_guild_that_removes_the_bot_is_reported_and_an_outage_is_not() -> None:
    inbox = RemovalInbox()
    async with fake_discord() as fake:
        down = fake.add_guild(name="Down", channels=("general",), members=("alice",))
        gone = fake.add_guild(name="Gone", channels=("general",), members=("bob",))
        async with running(fake, inbox):
            await fake.dispatch("GUILD_DELETE", {"id": down.id, "unavailable": True})
            await fake.dispatch("GUILD_DELETE", {"id": gone.id})
            await asyncio.wait_for(inbox.removal.wait(), 20)
    assert inbox.removed == [("discord", gone.id)]
