"""A job retried after its process died between posting and being marked done posts nothing
twice on Discord: the follow-up carries its key on a button, and the retried job finds it
in the channel's history (real discord.py against the wire fake; issue #14).

The clock starts before today: Discord's message ids hold the real time of posting, which
must come after the job's due time, as in production."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.app import FEATURES
from bot.routes import JobDelivery, assemble
from tests.discord.discord_flow import flow, propose, text

START = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)  # a Monday, before the test runs
FOLLOW_UP_AT = datetime(2026, 11, 27, 21, 0, tzinfo=UTC)  # 3 h after 19:00 in Berlin (18:00Z)


async def test_a_follow_up_a_dead_process_posted_is_not_posted_again(tmp_path: Path) -> None:
    async with flow(tmp_path, start=START) as f:
        await propose(f, title="Pub night", when="2026-11-27 19:00")
        await f.timer.advance_to(FOLLOW_UP_AT - timedelta(minutes=1))
        claimed = await f.app.store.claim_due(FOLLOW_UP_AT, f.app.jobs.lease)
        assert [j.kind for j in claimed] == ["followup"]
        await JobDelivery(f.app.services, assemble(FEATURES).jobs)(claimed)  # then died

        def follow_ups() -> list[str]:
            return [m["id"] for m in f.fake.messages.values()
                    if m["channel_id"] == f.general and "How was Pub night?" in text(m)]

        assert len(follow_ups()) == 1
        await f.timer.advance_to(FOLLOW_UP_AT + f.app.jobs.lease + timedelta(minutes=2))
        assert len(follow_ups()) == 1
        assert f.fake.find("GET", rf"/channels/{f.general}/messages")  # it looked
        assert (await f.app.store.job_counts()).get("claimed", 0) == 0
