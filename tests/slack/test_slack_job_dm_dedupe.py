"""A job retried after its process died between sending its DMs and being marked done sends
no DM twice on Slack, which has no idempotency key: the eve's "what to expect" and the
organizer's briefing carry their keys as message metadata, and the retried job finds them
with conversations.history in each DM (signed requests -> real slack-bolt app -> real core
-> the fake Slack; issue #14)."""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.app import FEATURES
from bot.routes import JobDelivery, assemble
from tests.slack.slack_harness import SlackApp, running_slack_app
from tests.support import eventually

ALICE = {"user": "U0ALICE01", "user_name": "alice"}
BOB = {"user": "U0BOB0001", "user_name": "bob"}
EVE_AT = datetime(2026, 11, 27, 3, 0, tzinfo=UTC)  # the day before 19:00 in Portland


def all_dms(s: SlackApp) -> Counter[str]:
    return Counter(json.dumps(p.blocks) for who in (ALICE, BOB)
                   for p in s.fake.dms_to(who["user"]))


async def test_the_eve_dms_a_dead_process_sent_are_not_sent_again(tmp_path: Path) -> None:
    async with running_slack_app(tmp_path) as s:
        await s.driver.slash('propose title:Hike city:"Portland, Oregon" '
                             'when:"2026-11-27 19:00"', **ALICE)
        await eventually(lambda: any("Hike" in p.text for p in s.fake.posts("C0GENERAL")))
        card = s.fake.posts("C0GENERAL")[0]
        for action, ephemeral in (("tw:rsvp:1:going", False), ("tw:first:1", True)):
            reply = await s.driver.click(action, channel="C0GENERAL", ephemeral=ephemeral,
                                         message_ts=None if ephemeral else card.ts, **BOB)
            assert reply.status == 200
            await s.adapter.idle()
        await s.timer.advance_to(EVE_AT - timedelta(minutes=1))
        claimed = await s.app.store.claim_due(EVE_AT, s.app.jobs.lease)
        assert "eve" in {j.kind for j in claimed}
        await JobDelivery(s.app.services, assemble(FEATURES).jobs)(claimed)  # then died

        before = all_dms(s)
        assert any("What to expect" in b for b in before)
        assert any("First-timers" in b for b in before)
        await s.timer.advance_to(EVE_AT + s.app.jobs.lease + timedelta(minutes=2))
        await s.adapter.idle()
        assert all_dms(s) == before
        assert all(n == 1 for n in before.values()), before
        looked = {c.args["channel"] for c in s.fake.calls_to("conversations.history")}
        assert {"D0ALICE01", "D0BOB0001"} <= looked
        assert (await s.app.store.job_counts()).get("claimed", 0) == 0
