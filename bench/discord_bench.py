"""Discord adapter benchmark: interaction-to-first-response latency of the real discord.py client
against the local fake Discord, and the pace of a DM fan-out under the global rate limit.

    python bench/discord_bench.py                       # 1,000 commands, 1,000 clicks, 1,000 DMs
    python bench/discord_bench.py -n 200 --dms 300 --dm-rate 48 --no-core

Latency is measured on the fake Discord's side, as Discord would see it: from the moment the
INTERACTION_CREATE is written to the gateway socket to the moment the interaction callback
(the first response: a defer, a message or a card update) arrives over REST. Interactions are
sent one after another (each waits for the previous one's callback). The inbox answers like
the core does: a private reply for a command, an in-place card update for a click. A second
run goes through the real core (temporary SQLite store): `/meetup list` and RSVP clicks on a
real meetup card, each interaction finished before the next is sent.

The DM fan-out sends one reminder to each of N members who have no DM channel yet (so two REST
requests per DM: open the channel, send) through the real `Outbox.dm_many`, against a fake that
answers 429 to anything beyond 50 requests in any sliding second.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from adapters.discord import DiscordAdapter  # noqa: E402
from bot.commands import COMMANDS  # noqa: E402
from bot.config import DiscordSettings, Secret  # noqa: E402
from bot.outbox import Delivery, Outbox  # noqa: E402
from bot.types import (  # noqa: E402
    ActionClicked,
    Button,
    Choice,
    CommandInvoked,
    Field,
    Inbound,
    Outgoing,
    Place,
    SuggestionsRequested,
    Text,
    UserRef,
)
from tests.discord.fakediscord import FakeDiscord, FakeGuild, FakeUser  # noqa: E402

GLOBAL_LIMIT = 50


def pct(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    q = statistics.quantiles(ordered, n=100, method="inclusive")
    return {"n": len(ordered), "p50_ms": round(q[49], 2), "p99_ms": round(q[98], 2),
            "max_ms": round(ordered[-1], 2)}


def card(votes: int) -> Outgoing:
    return Outgoing(
        title="#1 · Coffee & code",
        body=(Text("Friday"),),
        fields=(Field("Going", (Text(str(votes)),)),),
        buttons=(Button("Going", "tw:rsvp:1:going", "success"),
                 Button("Maybe", "tw:rsvp:1:maybe"), Button("Can't go", "tw:rsvp:1:no")),
    )


class BenchInbox:
    def __init__(self) -> None:
        self.adapter: DiscordAdapter | None = None
        self.votes = 0

    @property
    def commands(self) -> Any:
        return COMMANDS

    async def handle(self, event: Inbound) -> None:
        assert self.adapter is not None
        if isinstance(event, CommandInvoked):
            await self.adapter.reply(event, Outgoing(body=(Text("Nothing upcoming yet."),),
                                                     ephemeral=True))
        elif isinstance(event, ActionClicked) and event.message is not None:
            self.votes += 1
            await self.adapter.update(event.message, card(self.votes))

    async def suggest(self, event: SuggestionsRequested) -> list[Choice]:
        return []


async def start_bot(fake: FakeDiscord, inbox: Any, **settings: Any) -> tuple[
        DiscordAdapter, asyncio.Task[None]]:
    adapter = DiscordAdapter(DiscordSettings(
        token=Secret(fake.token), guild_ids=tuple(int(g) for g in fake.guilds),
        api_base_url=fake.api_base_url, gateway_url=fake.gateway_url, **settings),
        guild_ready_timeout=0.2)
    if isinstance(inbox, BenchInbox):
        inbox.adapter = adapter
    task = asyncio.create_task(adapter.run(inbox))
    await asyncio.wait_for(adapter.ready.wait(), 30)
    return adapter, task


async def latency(n: int) -> dict[str, Any]:
    fake = FakeDiscord()
    await fake.start()
    guild: FakeGuild = fake.add_guild(members=("alice",))
    alice: FakeUser = next(iter(guild.members.values())).user
    inbox = BenchInbox()
    adapter, task = await start_bot(fake, inbox)
    try:
        async def one(iid_coro: Any) -> float:
            iid = await iid_coro
            it = fake.interactions[iid]
            await fake.wait_until(lambda: it.first_response_at is not None, 30)
            assert it.first_response_at is not None
            return float((it.first_response_at - it.dispatched_at) * 1000)

        # warm-up
        for _ in range(20):
            await one(fake.slash(alice, guild, "general", "list"))
        commands = [await one(fake.slash(alice, guild, "general", "list")) for _ in range(n)]
        ref = await adapter.post(Place("discord", guild.id, guild.channels["general"]), card(0))
        for _ in range(20):
            await one(fake.click(alice, ref.message_id, "tw:rsvp:1:going"))
        clicks = [await one(fake.click(alice, ref.message_id, "tw:rsvp:1:going"))
                  for _ in range(n)]
        kinds = {}
        for it in list(fake.interactions.values())[-3:]:
            kinds[it.id] = (it.responses[0].json or {}).get("type")
        return {"slash_command_first_response": pct(commands),
                "button_click_first_response": pct(clicks),
                "first_response_types": sorted(set(kinds.values()))}
    finally:
        await adapter.stop()
        await task
        await fake.close()


async def latency_with_core(n: int) -> dict[str, Any]:
    """The same, through the real core on a temporary SQLite store: `/meetup list` and RSVP
    clicks (Going / Can't go, alternating) on real meetup cards. The click's first response is
    the card re-rendered by the core (UPDATE_MESSAGE). The core limits each member to 30 events
    a minute and each community to 1,200, so the load is spread over 4 servers of 50 members."""
    from bot.app import build_app
    from bot.config import Settings

    fake = FakeDiscord()
    await fake.start()
    guilds = [fake.add_guild(f"G{g}", members=tuple(f"m{g}_{i}" for i in range(50)))
              for g in range(4)]
    people = [(g, m.user) for i in range(50) for g in guilds
              for m in [list(g.members.values())[i]]]
    with tempfile.TemporaryDirectory() as tmp:
        app = build_app(Settings(database_url=f"sqlite+aiosqlite:///{tmp}/bench.db"))
        await app.start()
        adapter, task = await start_bot(fake, app.core)
        app.add_adapter(adapter)
        try:
            async def one(iid_coro: Any, settle: int) -> float:
                iid = await iid_coro
                it = fake.interactions[iid]
                await fake.wait_until(lambda: len(it.responses) >= settle, 30)
                assert it.first_response_at is not None
                return float((it.first_response_at - it.dispatched_at) * 1000)

            when = (datetime.now(UTC) + timedelta(days=7)).strftime("%Y-%m-%d 19:00")
            cards: dict[str, tuple[str, int]] = {}
            for number, g in enumerate(guilds, 1):
                first = next(iter(g.members.values())).user
                await one(fake.slash(first, g, "general", "propose", {
                    "title": "Coffee", "city": "Berlin", "when": when}), 2)
                found = [m["id"] for m in fake.messages.values()
                         if m["embeds"] and m["channel_id"] == g.channels["general"]]
                assert found, "the core posted no card"
                cards[g.id] = (found[0], number)
            commands = [await one(fake.slash(u, g, "general", "list"), 2)
                        for g, u in (people[i % len(people)] for i in range(n))]
            clicks = []
            for i in range(n):
                g, u = people[i % len(people)]
                message_id, meetup = cards[g.id]
                verb = "going" if (i // len(people)) % 2 == 0 else "no"
                clicks.append(await one(fake.click(u, message_id, f"tw:rsvp:{meetup}:{verb}"),
                                        2))
            first_types = {(fake.interactions[i].responses[0].json or {}).get("type")
                           for i in list(fake.interactions)[-5:]}
            return {"slash_command_first_response": pct(commands),
                    "button_click_first_response": pct(clicks),
                    "click_first_response_types": sorted(first_types)}
        finally:
            await adapter.stop()
            await task
            await app.stop()
            await fake.close()


async def fan_out(n: int, dm_rate: float) -> dict[str, Any]:
    fake = FakeDiscord(global_rate_limit=GLOBAL_LIMIT)
    await fake.start()
    guild = fake.add_guild(members=())
    members = [fake.add_member(guild, f"m{i}") for i in range(n)]
    inbox = BenchInbox()
    adapter, task = await start_bot(fake, inbox, dm_rate_per_second=dm_rate)
    outbox = Outbox()
    outbox.add(adapter)
    try:
        start_index = len(fake.requests)
        t0 = time.perf_counter()
        deliveries = [Delivery(UserRef("discord", m.id, m.name),
                               Outgoing(body=(Text("Reminder: Coffee & code tomorrow 19:00"),)))
                      for m in members]
        reached, closed = await outbox.dm_many(deliveries, None, ())
        elapsed = time.perf_counter() - t0
        requests = fake.requests[start_index:]
        return {
            "dms": n, "reached": len(reached), "failed": len(closed),
            "rest_requests": len(requests), "seconds": round(elapsed, 2),
            "dms_per_second": round(len(reached) / elapsed, 2),
            "requests_per_second": round(len(requests) / elapsed, 2),
            "percent_of_global_limit": round(100 * len(requests) / elapsed / GLOBAL_LIMIT, 1),
            "http_429": fake.too_many, "dm_rate_per_second_setting": dm_rate,
        }
    finally:
        await adapter.stop()
        await task
        await fake.close()


def machine() -> dict[str, str]:
    return {
        "nproc": str(os.cpu_count()),
        "uname": subprocess.run(["uname", "-a"], capture_output=True, text=True).stdout.strip(),
        "python": platform.python_version(),
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=1000, help="slash commands and clicks (each)")
    parser.add_argument("--dms", type=int, default=1000, help="DMs in the fan-out (0: skip)")
    parser.add_argument("--dm-rate", type=float,
                        default=DiscordSettings(token=Secret("")).dm_rate_per_second,
                        help="the adapter's DM pace (requests/s); default: the setting's default")
    parser.add_argument("--no-core", dest="core", action="store_false",
                        help="skip the latency run through the real core")
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)
    result: dict[str, Any] = {"machine": machine()}
    result["latency"] = await latency(args.n)
    print(json.dumps(result, indent=2), flush=True)
    if args.core:
        result["latency_with_core"] = await latency_with_core(args.n)
        print(json.dumps({"latency_with_core": result["latency_with_core"]}, indent=2),
              flush=True)
    if args.dms:
        result["dm_fan_out"] = await fan_out(args.dms, args.dm_rate)
        print(json.dumps({"dm_fan_out": result["dm_fan_out"]}, indent=2), flush=True)


if __name__ == "__main__":
    asyncio.run(main())
