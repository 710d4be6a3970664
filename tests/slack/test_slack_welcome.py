"""First-timers, a door buddy and after the meetup on Slack: signed requests -> real
slack-bolt app -> real core -> Web API calls against the fake Slack (ephemeral buttons, DMs,
the prefilled modal with its date-time picker)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.slack.slack_fake_api import FakeSlackAPI, Posted
from tests.slack.slack_harness import SlackApp, running_slack_app
from tests.support import eventually

ALICE = {"user": "U0ALICE01", "user_name": "alice"}
BOB, CAROL = ("U0BOB0001", "bob"), ("U0CAROL01", "carol")
START = datetime(2026, 11, 28, 3, 0, tzinfo=UTC)  # "2026-11-27 19:00" in Portland, OR


@pytest.fixture
async def slack_app(tmp_path: Path) -> AsyncIterator[SlackApp]:
    async with running_slack_app(tmp_path) as value:
        yield value


def blocks_text(posted: Posted | dict[str, object]) -> str:
    blocks = posted.blocks if isinstance(posted, Posted) else posted.get("blocks", [])
    return json.dumps(blocks, ensure_ascii=False)


def action_ids(blocks: object) -> list[str]:
    return [e["action_id"] for b in blocks if b["type"] == "actions"  # type: ignore[attr-defined]
            for e in b["elements"]]


def dms_to(fake: FakeSlackAPI, user_id: str) -> list[Posted]:
    return fake.posts("D" + user_id[1:])


def ephemerals_for(fake: FakeSlackAPI, user_id: str) -> list[dict[str, object]]:
    return [e for e in fake.ephemerals if e.get("user") == user_id]


async def click(slack_app: SlackApp, action_id: str, who: tuple[str, str], *, channel: str,
                ts: str | None = None, ephemeral: bool = False) -> None:
    reply = await slack_app.driver.click(action_id, user=who[0], user_name=who[1],
                                         channel=channel, message_ts=ts, ephemeral=ephemeral)
    assert reply.status == 200
    await slack_app.adapter.idle()


async def test_first_timer_door_buddy_and_the_next_one_on_slack(slack_app: SlackApp) -> None:
    await slack_app.driver.slash('greeter on', user=CAROL[0], user_name=CAROL[1])
    await eventually(lambda: bool(ephemerals_for(slack_app.fake, CAROL[0])))
    await slack_app.driver.slash(
        'propose title:Hike city:"Portland, Oregon" when:"2026-11-27 19:00" '
        'venue:"Trailhead" find-us:"green flag by the map board"', **ALICE)
    await slack_app.fake.wait_for(lambda: len(slack_app.fake.posts("C0GENERAL")) == 1)
    await slack_app.adapter.idle()
    card = slack_app.fake.posts("C0GENERAL")[0]
    assert "green flag by the map board" in blocks_text(card)
    await click(slack_app, "tw:rsvp:1:going", CAROL, channel="C0GENERAL", ts=card.ts)
    await click(slack_app, "tw:rsvp:1:going", BOB, channel="C0GENERAL", ts=card.ts)
    confirmation = ephemerals_for(slack_app.fake, BOB[0])[-1]
    assert action_ids(confirmation["blocks"]) == ["tw:first:1"]
    await click(slack_app, "tw:first:1", BOB, channel="C0GENERAL", ephemeral=True)
    welcome = ephemerals_for(slack_app.fake, BOB[0])[-1]
    assert "Welcome!" in blocks_text(welcome)
    assert action_ids(welcome["blocks"]) == ["tw:door:1"]
    await click(slack_app, "tw:door:1", BOB, channel="C0GENERAL", ephemeral=True)

    await slack_app.fake.wait_for(lambda: len(dms_to(slack_app.fake, CAROL[0])) == 1)
    ask = dms_to(slack_app.fake, CAROL[0])[0]
    assert "U0BOB0001" not in blocks_text(ask) and "bob" not in blocks_text(ask).lower()
    assert "tw:greet:1:1:yes" in action_ids(ask.blocks)
    await click(slack_app, "tw:greet:1:1:yes", CAROL, channel=ask.channel, ts=ask.ts)
    await slack_app.fake.wait_for(lambda: len(dms_to(slack_app.fake, BOB[0])) == 1)
    assert "<@U0CAROL01> will meet you at the door" in blocks_text(
        dms_to(slack_app.fake, BOB[0])[0])
    assert "<@U0BOB0001> is looking forward" in blocks_text(dms_to(slack_app.fake, CAROL[0])[-1])

    await slack_app.timer.advance_to(datetime(2026, 11, 27, 3, 1, tzinfo=UTC))  # a day before
    await slack_app.fake.wait_for(lambda: any("What to expect" in blocks_text(p)
                                      for p in dms_to(slack_app.fake, BOB[0])))
    expect = next(p for p in dms_to(slack_app.fake, BOB[0]) if "What to expect" in blocks_text(p))
    assert "green flag by the map board" in blocks_text(expect)
    briefing = [p for p in dms_to(slack_app.fake, ALICE["user"])
                if "First-timers" in blocks_text(p)]
    assert briefing and "1 first-timer (who'd rather not be named)" in blocks_text(briefing[0])
    await click(slack_app, "tw:late:1", BOB, channel=expect.channel, ts=expect.ts)
    await slack_app.fake.wait_for(lambda: any("running a little late" in blocks_text(p)
                                      for p in dms_to(slack_app.fake, ALICE["user"])))

    # 3 h after the start
    await slack_app.timer.advance_to(datetime(2026, 11, 28, 6, 1, tzinfo=UTC))
    await slack_app.fake.wait_for(lambda: len(slack_app.fake.posts("C0GENERAL")) == 2)
    follow = slack_app.fake.posts("C0GENERAL")[-1]
    assert "Would you come again?" in blocks_text(follow)
    await click(slack_app, "tw:again:1:yes", BOB, channel="C0GENERAL", ts=follow.ts)
    await click(slack_app, "tw:tally:1", (ALICE["user"], "alice"), channel="C0GENERAL",
                ts=follow.ts)
    assert "1 yes, 0 maybe, 0 probably not" in blocks_text(
        ephemerals_for(slack_app.fake, "U0ALICE01")[-1])
    await slack_app.fake.wait_for(lambda: any("Thank you for coming" in blocks_text(p)
                                      for p in dms_to(slack_app.fake, BOB[0])))

    await click(slack_app, "tw:next:1", (ALICE["user"], "alice"), channel="C0GENERAL", ts=follow.ts)
    await slack_app.fake.wait_for(lambda: len(slack_app.fake.views) == 1)
    view = json.dumps(slack_app.fake.views[0])
    assert '"initial_value": "Hike"' in view and '"initial_value": "Trailhead"' in view
    # four Fridays later, 19:00 in Portland (PST): the picker starts at that instant
    assert f'"initial_date_time": {int(datetime(2026, 12, 26, 3, tzinfo=UTC).timestamp())}' in view


async def test_a_greeter_who_leaves_the_workspace_is_replaced(slack_app: SlackApp) -> None:
    for who in (CAROL, ("U0DAVE001", "dave")):
        await slack_app.driver.slash("greeter on", user=who[0], user_name=who[1])
    await slack_app.driver.slash(
        'propose title:Hike city:"Portland, Oregon" when:"2026-11-27 19:00"',
                         **ALICE)
    await slack_app.fake.wait_for(lambda: len(slack_app.fake.posts("C0GENERAL")) == 1)
    await slack_app.adapter.idle()
    card = slack_app.fake.posts("C0GENERAL")[0]
    for who in (CAROL, ("U0DAVE001", "dave"), BOB):
        await click(slack_app, "tw:rsvp:1:going", who, channel="C0GENERAL", ts=card.ts)
    await click(slack_app, "tw:door:1", BOB, channel="C0GENERAL", ephemeral=True)
    await slack_app.fake.wait_for(lambda: len(dms_to(slack_app.fake, CAROL[0])) == 1)
    ask = dms_to(slack_app.fake, CAROL[0])[0]
    await click(slack_app, "tw:greet:1:1:yes", CAROL, channel=ask.channel, ts=ask.ts)
    reply = await slack_app.driver.event({"type": "team_leave", "user": {"id": CAROL[0],
                                                                   "name": "carol"}})
    assert reply.status == 200
    await slack_app.fake.wait_for(lambda: any("A change at the door" in blocks_text(p)
                                      for p in dms_to(slack_app.fake, BOB[0])))
    await slack_app.fake.wait_for(lambda: len(dms_to(slack_app.fake, "U0DAVE001")) == 1)
    assert "Could you meet a first-timer" in blocks_text(dms_to(slack_app.fake, "U0DAVE001")[0])
