"""A job retried after its process died between posting and being marked done posts nothing
twice on Slack, which has no idempotency key: the follow-up carries its key as message
metadata, and the retried job finds it with conversations.history (signed requests -> real
slack-bolt app -> real core -> the fake Slack; issue #14)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.app import FEATURES
from bot.routes import JobDelivery, assemble
from tests.slack.slack_harness import running_slack_app
from tests.support import eventually

ALICE = {"user": "U0ALICE01", "user_name": "alice"}
FOLLOW_UP_AT = datetime(2026, 11, 28, 6, 0, tzinfo=UTC)  # 3 h after 19:00 in Portland


async def test_a_follow_up_a_dead_process_posted_is_not_posted_again(tmp_path: Path) -> None:
    async with running_slack_app(tmp_path) as s:
        await s.driver.slash('propose title:Hike city:"Portland, Oregon" '
                             'when:"2026-11-27 19:00"', **ALICE)
        await eventually(lambda: any("Hike" in p.text for p in s.fake.posts("C0GENERAL")))
        await s.timer.advance_to(FOLLOW_UP_AT - timedelta(minutes=1))
        claimed = await s.app.store.claim_due(FOLLOW_UP_AT, s.app.jobs.lease)
        assert [j.kind for j in claimed] == ["followup"]
        await JobDelivery(s.app.services, assemble(FEATURES).jobs)(claimed)  # then died

        def follow_ups() -> list[str]:
            return [p.ts for p in s.fake.posts("C0GENERAL") if "How was Hike?" in p.text]

        assert len(follow_ups()) == 1
        await s.timer.advance_to(FOLLOW_UP_AT + s.app.jobs.lease + timedelta(minutes=2))
        await s.adapter.idle()
        assert len(follow_ups()) == 1
        looked = s.fake.calls_to("conversations.history")
        assert [c.args["channel"] for c in looked] == ["C0GENERAL"]
        assert (await s.app.store.job_counts()).get("claimed", 0) == 0
