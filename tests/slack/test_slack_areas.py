"""Area follows and user group pings on Slack: signed requests -> real slack-bolt app -> real
core -> Web API calls against the fake Slack (issue #16)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.slack.slack_harness import SlackApp, running_slack_app
from tests.slack.test_slack_flows import dms_to, ephemerals_for, propose

ADA = {"user": "U0ADMIN01", "user_name": "ada"}  # a workspace admin (users.info)
BOB = {"user": "U0BOB0001", "user_name": "bob"}


@pytest.fixture
async def slack_app(tmp_path: Path) -> AsyncIterator[SlackApp]:
    async with running_slack_app(tmp_path) as value:
        yield value


async def slash(slack_app: SlackApp, text: str, who: dict[str, str]) -> None:
    reply = await slack_app.driver.slash(text, **who)
    assert reply.status == 200, reply.text
    await slack_app.adapter.idle()


def said_to(slack_app: SlackApp, who: dict[str, str]) -> str:
    """The latest private answer to the member."""
    texts = ephemerals_for(slack_app.fake, who["user"])
    assert texts, f"nothing said to {who['user_name']}"
    return texts[-1]


async def test_a_user_group_is_mentioned_above_the_card(slack_app: SlackApp) -> None:
    await slash(slack_app, 'area-role city:"Portland, Oregon" role:<!subteam^S0PDX|@portland>', ADA)
    assert "@portland" in said_to(slack_app, ADA)
    card = await propose(slack_app, 'propose title:"<!here> @everyone party" '
                                    'city:"Portland, Oregon" when:"2026-11-27 19:00"')
    assert card.blocks[0] == {"type": "section", "text": {
        "type": "mrkdwn", "text": "<!subteam^S0PDX>", "verbatim": True}}
    assert card.text.startswith("<!subteam^S0PDX> ")
    # Member text is escaped wherever Slack reads mentions (mrkdwn and the top-level text;
    # a header is plain_text, which never mentions): no special mention but the group's.
    mrkdwn = [card.text] + [b["text"]["text"] for b in card.blocks
                            if b["type"] == "section" and "text" in b]
    assert [m.count("<!") for m in mrkdwn[:2]] == [1, 1]
    assert [m for m in mrkdwn[2:] if "<!" in m and "<!date" not in m] == [], mrkdwn
    assert "&lt;!here&gt;" in card.text
    elsewhere = await propose(slack_app, 'propose title:Brunch city:Berlin when:"2026-11-28 11:00"')
    assert "subteam" not in json.dumps(elsewhere.blocks) + elsewhere.text


async def test_only_admins_attach_groups_and_here_is_refused(slack_app: SlackApp) -> None:
    await slash(slack_app, 'area-role city:"Portland, Oregon" role:<!subteam^S0PDX|@portland>', BOB)
    assert "Only admins" in said_to(slack_app, BOB)
    for everyone in ("@here", "<!here>", "<!channel>", "<!everyone>"):  # typed, or as markup
        await slash(slack_app, f'area-role city:"Portland, Oregon" role:{everyone}', ADA)
        assert "That group is everyone" in said_to(slack_app, ADA), everyone
    await slash(slack_app, 'area-role city:"Portland, Oregon" role:<@U0BOB0001>', ADA)
    assert "role: takes a role or user group, e.g. role:@portland" in said_to(slack_app, ADA)
    card = await propose(slack_app, 'propose title:Picnic city:"Portland, Oregon" '
                            'when:"2026-11-27 19:00"')
    assert "subteam" not in json.dumps(card.blocks)


async def test_a_user_group_id_typed_bare_is_that_group(slack_app: SlackApp) -> None:
    await slash(slack_app, 'area-role city:"Portland, Oregon" role:S0PDX1 radius:80', ADA)
    assert "within 80 km of Portland, Oregon, US will mention that role" in said_to(
        slack_app, ADA)
    card = await propose(slack_app, 'propose title:Picnic city:"Portland, Oregon" '
                            'when:"2026-11-27 19:00"')
    assert card.text.startswith("<!subteam^S0PDX1> ")


async def test_followers_get_a_dm(slack_app: SlackApp) -> None:
    await slash(slack_app, 'follow city:"Portland, Oregon"', BOB)
    assert "You follow Portland, Oregon, US" in said_to(slack_app, BOB)
    await propose(slack_app, 'propose title:Picnic city:"Portland, Oregon" when:"2026-11-27 19:00"')
    await slack_app.fake.wait_for(lambda: dms_to(slack_app.fake, "U0BOB0001"))
    [dm] = dms_to(slack_app.fake, "U0BOB0001")
    assert "area you follow" in dm.text and "Picnic" in dm.text
    assert dms_to(slack_app.fake, "U0ALICE01") == []
