"""A poll closed at its deadline by a process killed before its result was posted, or after
it was posted but before the job was marked done, is announced exactly once on Slack (no
idempotency key: the result carries its key as metadata, found with conversations.history),
and its voter invited once (signed requests -> real slack-bolt app -> real core -> the fake
Slack; issue #14)."""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.app import FEATURES
from bot.routes import JobDelivery, assemble
from tests.slack.slack_harness import SlackApp, running_slack_app
from tests.support import eventually

ALICE = {"user": "U0ALICE01", "user_name": "alice"}
BOB = {"user": "U0BOB0001", "user_name": "bob"}
DEADLINE = datetime(2026, 11, 25, 20, 0, tzinfo=UTC)  # 12:00 in Portland


class ProcessDied(BaseException):
    """The process is killed here: nothing after it runs."""


async def _poll_claimed_at_its_deadline(s: SlackApp) -> list[Any]:
    await s.driver.slash('propose title:Hike city:"Portland, Oregon" '
                         'when:"2026-11-27 19:00 | 2026-11-28 19:00" '
                         'deadline:"2026-11-25 12:00"', **ALICE)
    await eventually(lambda: any("Hike" in p.text for p in s.fake.posts("C0GENERAL")))
    card = s.fake.posts("C0GENERAL")[0]
    reply = await s.driver.click("tw:vote:1:1:yes", channel="C0GENERAL", message_ts=card.ts,
                                 **BOB)
    assert reply.status == 200
    await s.adapter.idle()
    await s.timer.advance_to(DEADLINE - timedelta(minutes=1))
    claimed = await s.app.store.claim_due(DEADLINE, s.app.jobs.lease)
    return [j for j in claimed if j.kind == "poll"]


def _results(s: SlackApp) -> list[str]:
    return [p.ts for p in s.fake.posts("C0GENERAL") if "can make it" in p.text]


def _invitations(s: SlackApp) -> list[str]:
    return [p.ts for p in s.fake.dms_to(BOB["user"]) if "the date is set" in p.text]


async def _lease_runs_out(s: SlackApp) -> None:
    await s.timer.advance_to(DEADLINE + s.app.jobs.lease + timedelta(minutes=2))
    await s.adapter.idle()
    assert (await s.app.store.job_counts()).get("claimed", 0) == 0


async def test_a_poll_closed_by_a_process_killed_before_the_post_is_announced_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    async with running_slack_app(tmp_path) as s:
        jobs = await _poll_claimed_at_its_deadline(s)
        real_post = s.adapter.post

        async def dies_at_the_result(place: Any, msg: Any, **kw: Any) -> Any:
            if "can make it" in str(msg):
                raise ProcessDied()
            return await real_post(place, msg, **kw)

        with monkeypatch.context() as m, contextlib.suppress(ProcessDied):
            m.setattr(s.adapter, "post", dies_at_the_result)
            await JobDelivery(s.app.services, assemble(FEATURES).jobs)(jobs)
        closed = await s.app.store.meetup(1)
        assert closed is not None and closed.status.value == "scheduled"
        assert _results(s) == [] and _invitations(s) == []
        await _lease_runs_out(s)
        assert len(_results(s)) == 1 and len(_invitations(s)) == 1


async def test_a_poll_result_a_killed_process_posted_is_not_posted_again(tmp_path: Path) -> None:
    async with running_slack_app(tmp_path) as s:
        jobs = await _poll_claimed_at_its_deadline(s)
        await JobDelivery(s.app.services, assemble(FEATURES).jobs)(jobs)  # then killed
        await s.adapter.idle()
        assert len(_results(s)) == 1 and len(_invitations(s)) == 1
        await _lease_runs_out(s)
        assert len(_results(s)) == 1 and len(_invitations(s)) == 1
        looked = {c.args["channel"] for c in s.fake.calls_to("conversations.history")}
        assert {"C0GENERAL", "D0BOB0001"} <= looked
