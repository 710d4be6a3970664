"""A series date's card posted by a process killed before it recorded the card (or marked
its job done) is found in the channel's history by the job claimed again, on Discord: posted
once, and recorded, so later edits reach it (real discord.py against the wire fake; the nonce
window shorter than the lease, as in production; issue #14).

The clock starts before today: Discord's message ids hold the real time of posting, which
must come after the job's due time, as in production."""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.app import FEATURES
from bot.routes import JobDelivery, assemble
from tests.discord.discord_flow import buttons, cards, flow
from tests.discord.fakediscord import EPHEMERAL

START = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)  # a Monday, before the test runs
NEXT_AT = datetime(2026, 11, 26, 22, 0, tzinfo=UTC)  # 3 h after the first date (London)


class ProcessDied(BaseException):
    """The process is killed here: nothing after it runs."""


async def test_a_series_card_posted_but_not_recorded_is_found_not_posted_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    async with flow(tmp_path, start=START, nonce_window=0) as f:
        await f.command(f.alice, "propose", title="Pub night", city="London",
                        when="2026-11-26 19:00", repeat="weekly")
        confirm = next(m for m in f.fake.messages.values() if m["flags"] & EPHEMERAL
                       and "Create the series" in buttons(m))
        await f.click(f.alice, confirm["id"], buttons(confirm)["Create the series"])
        assert len(cards(f.fake, f.general)) == 1
        await f.timer.advance_to(NEXT_AT - timedelta(minutes=1))
        claimed = await f.app.store.claim_due(NEXT_AT, f.app.jobs.lease)
        jobs = [j for j in claimed if j.kind == "series"]
        assert len(jobs) == 1

        async def died(*_: Any) -> None:
            raise ProcessDied()

        with monkeypatch.context() as m, contextlib.suppress(ProcessDied):
            m.setattr(f.app.store, "add_card", died)  # posted, then killed
            await JobDelivery(f.app.services, assemble(FEATURES).jobs)(jobs)
        [posted] = [c for c in cards(f.fake, f.general) if c["embeds"][0]["title"][:3] == "#2 "]
        assert await f.app.store.cards(2) == []

        await f.timer.advance_to(NEXT_AT + f.app.jobs.lease + timedelta(minutes=2))
        assert [c["id"] for c in cards(f.fake, f.general)
                if c["embeds"][0]["title"][:3] == "#2 "] == [posted["id"]]
        [recorded] = await f.app.store.cards(2)
        assert recorded.message_id == posted["id"]
        assert f.fake.find("GET", rf"/channels/{f.general}/messages")  # it looked
        assert (await f.app.store.job_counts()).get("claimed", 0) == 0
        assert f.fake.spec_errors == []
