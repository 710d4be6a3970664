"""A job retried after its process died between sending its DMs and being marked done sends
no DM twice on Discord: the eve's "what to expect" (with buttons) and the organizer's
first-timer briefing (without: its key rides in the text, invisibly) are found in the DM
channels' history (real discord.py against the wire fake; issue #14).

The clock starts before today: Discord's message ids hold the real time of sending, which
must come after the job's due time, as in production."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.app import FEATURES
from bot.routes import JobDelivery, assemble
from tests.discord.discord_flow import Flow, buttons, card, dms, flow, propose, text
from tests.discord.fakediscord import EPHEMERAL

START = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)  # a Monday, before the test runs
EVE_AT = datetime(2026, 11, 26, 18, 0, tzinfo=UTC)  # the day before 19:00 in Berlin


def all_dms(f: Flow) -> Counter[str]:
    return Counter(text(m) for user in (f.alice, f.bob) for m in dms(f.fake, user))


async def test_the_eve_dms_a_dead_process_sent_are_not_sent_again(tmp_path: Path) -> None:
    async with flow(tmp_path, start=START, nonce_window=0) as f:  # the crash outlived it
        meetup = await propose(f, title="Pub night", when="2026-11-27 19:00")
        c = card(f.fake, f.general, meetup)
        await f.click(f.bob, c["id"], buttons(c)["Going"], count=2)
        confirmation = next(m for m in f.fake.messages.values()
                            if m["flags"] & EPHEMERAL and "It's my first one" in buttons(m))
        await f.click(f.bob, confirmation["id"], buttons(confirmation)["It's my first one"])
        await f.timer.advance_to(EVE_AT - timedelta(minutes=1))
        claimed = await f.app.store.claim_due(EVE_AT, f.app.jobs.lease)
        assert "eve" in {j.kind for j in claimed}
        await JobDelivery(f.app.services, assemble(FEATURES).jobs)(claimed)  # then died

        before = all_dms(f)
        assert [t for t in before if "What to expect" in t]
        briefing = [m for m in dms(f.fake, f.alice) if "First-timers at" in text(m)]
        assert len(briefing) == 1 and not briefing[0]["components"]  # no button to carry it
        await f.timer.advance_to(EVE_AT + f.app.jobs.lease + timedelta(minutes=2))
        assert all_dms(f) == before
        assert all(n == 1 for n in before.values()), before
        assert f.fake.find("GET", r"/channels/\d+/messages")  # it looked
        assert (await f.app.store.job_counts()).get("claimed", 0) == 0
        assert f.fake.spec_errors == []
