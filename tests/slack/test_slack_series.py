"""A monthly series on Slack (issue 16): signed requests -> real slack-bolt app -> real core ->
Web API calls against the fake Slack."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from icalendar import Calendar

from tests.slack.slack_harness import SlackApp, running_slack_app, spec_problems
from tests.slack.test_slack_flows import (
    action_ids,
    card_text,
    dms_to,
    ephemeral_action_ids,
    settle,
)
from tests.support import eventually

ALICE = {"user": "U0ALICE01", "user_name": "alice"}
BOB = {"user": "U0BOB0001", "user_name": "bob"}


@pytest.fixture
async def slack_app(tmp_path: Path) -> AsyncIterator[SlackApp]:
    async with running_slack_app(tmp_path) as value:
        yield value


def _cards(slack_app: SlackApp) -> list[str]:
    return [card_text(p) for p in slack_app.fake.posts("C0GENERAL") if "Repeats" in card_text(p)]


async def test_a_monthly_series_on_slack(slack_app: SlackApp) -> None:
    # the fake's clock starts Mon 23 Nov 2026; London's first Thursday of December is the 3rd
    reply = await slack_app.driver.slash(
        'propose title:"Pub night" city:London when:"2026-11-26 19:00" '
        'repeat:"every first thursday" venue:"The Crown" count:3', **ALICE)
    assert reply.status == 200
    await eventually(lambda: bool(slack_app.fake.ephemerals))
    echo = slack_app.fake.ephemerals[-1]
    words = json.dumps(echo["blocks"], ensure_ascii=False)
    assert "every first Thursday of the month at 19:00 (Europe/London), 3 times" in words
    assert "FREQ=MONTHLY;BYDAY=1TH;COUNT=3" in words
    december = int(datetime(2026, 12, 3, 19, tzinfo=UTC).timestamp())
    assert f"<!date^{december}^" in words  # each reader's own time
    assert _cards(slack_app) == []
    create = next(a for a in ephemeral_action_ids(echo) if a.endswith(":yes"))
    await slack_app.driver.click(create, ephemeral=True, **ALICE)
    await eventually(lambda: len(_cards(slack_app)) == 1)
    first = slack_app.fake.posts("C0GENERAL")[-1]
    assert "every first Thursday of the month" in card_text(first)
    assert "tw:series:1" in action_ids(first)

    await slack_app.driver.click("tw:series:1", channel=first.channel, message_ts=first.ts, **BOB)
    await settle(slack_app)
    panel = slack_app.fake.ephemerals[-1]
    assert "Always come" in json.dumps(panel["blocks"])
    await slack_app.driver.click("tw:always:1:on", ephemeral=True, **BOB)
    await settle(slack_app)

    await slack_app.timer.advance_to(datetime(2026, 12, 4, 9, tzinfo=UTC))  # after its follow-up
    await eventually(lambda: len(_cards(slack_app)) == 2)
    second = _cards(slack_app)[-1]
    january = int(datetime(2027, 1, 7, 19, tzinfo=UTC).timestamp())
    assert f"<!date^{january}^" in second and "#2" in second
    await eventually(lambda: any("always come" in json.dumps(p.blocks) for p in
                                 dms_to(slack_app.fake, "U0BOB0001")))

    await slack_app.driver.slash("series id:2 do:edit venue:\"The Anchor\"", **ALICE)
    await eventually(lambda: any("From #2 on" in str(e.get("text"))
                                 for e in slack_app.fake.ephemerals))

    await slack_app.timer.advance_to(datetime(2027, 2, 5, 9, tzinfo=UTC))
    await eventually(lambda: len(_cards(slack_app)) == 3)
    third = _cards(slack_app)[-1]
    assert "#3" in third and "The Anchor" in third
    await slack_app.timer.advance_to(datetime(2027, 4, 30, 9, tzinfo=UTC))  # count:3: no fourth
    await settle(slack_app)
    assert len(_cards(slack_app)) == 3

    await slack_app.driver.click("tw:seriescal:3", ephemeral=True, **BOB)
    await eventually(lambda: bool(slack_app.fake.uploads))
    data = next(iter(slack_app.fake.uploads.values()))
    event = next(iter(Calendar.from_ical(data.decode()).walk("VEVENT")))
    assert "UNTIL=" in event["rrule"].to_ical().decode()  # the series ended after three
    assert str(event["sequence"]) == "1"  # the venue edit of this and following dates
    assert spec_problems(slack_app.fake) == []
