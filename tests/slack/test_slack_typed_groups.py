"""A user group handle typed as text (role:@portland, not picked from Slack's list) is no
mention: Slack would ping nobody. The adapter looks the handle up with usergroups.list; one
match is that group, none is a reply that says how to pick it, and an app installed without
usergroups:read says so; never "will mention" a ping that won't happen (signed requests ->
real slack-bolt app -> real core -> the fake Slack)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from adapters.slack.inbound import user_group_named
from tests.slack.slack_harness import SlackApp, running_slack_app
from tests.slack.test_slack_areas import ADA, said_to, slash
from tests.slack.test_slack_flows import propose


@pytest.fixture
async def slack_app(tmp_path: Path) -> AsyncIterator[SlackApp]:
    async with running_slack_app(tmp_path) as value:
        yield value


async def test_a_typed_handle_is_that_user_group_and_pings_it(slack_app: SlackApp) -> None:
    slack_app.fake.add_user_group("S0PDX1", "portland", "Portland crew")
    slack_app.fake.add_user_group("S0SEA1", "seattle")
    await slash(slack_app, 'area-role city:"Portland, Oregon" role:@Portland', ADA)
    assert "will mention @portland on their card" in said_to(slack_app, ADA)
    [row] = await slack_app.app.store.area_groups(1)
    assert (row.group_id, row.group_label) == ("S0PDX1", "portland")
    [call] = slack_app.fake.calls_to("usergroups.list")
    assert call.args.get("include_disabled") in ("false", "0", False)
    card = await propose(slack_app, 'propose title:Picnic city:"Portland, Oregon" '
                                    'when:"2026-11-27 19:00"')
    assert card.text.startswith("<!subteam^S0PDX1> ")


async def test_an_unknown_handle_says_how_to_pick_the_group(slack_app: SlackApp) -> None:
    slack_app.fake.add_user_group("S0SEA1", "seattle")
    await slash(slack_app, 'area-role city:"Portland, Oregon" role:@portland', ADA)
    said = said_to(slack_app, ADA)
    assert "no user group @portland" in said and "pick the user group from the list" in said
    assert "will mention" not in said
    assert await slack_app.app.store.area_groups(1) == []


async def test_without_usergroups_read_the_reply_says_so(slack_app: SlackApp) -> None:
    slack_app.fake.fail("usergroups.list", "missing_scope")
    await slash(slack_app, 'area-role city:"Portland, Oregon" role:@portland', ADA)
    said = said_to(slack_app, ADA)
    assert "usergroups:read" in said and "pick the user group from the list" in said
    assert "will mention" not in said
    assert await slack_app.app.store.area_groups(1) == []
    # a picked group needs no look-up, scope or not
    await slash(slack_app, 'area-role city:"Portland, Oregon" role:<!subteam^S0PDX|@portland>',
                ADA)
    assert "will mention @portland" in said_to(slack_app, ADA)
    assert len(slack_app.fake.calls_to("usergroups.list")) == 1


def test_user_group_named_matches_the_whole_handle_in_any_case() -> None:
    groups = [{"id": "S1", "handle": "portland"}, {"id": "S2", "handle": "pdx-crew"},
              {"id": "S3", "handle": "twin"}, {"id": "S4", "handle": "Twin"}]
    table = {"@portland": "S1", "PORTLAND": "S1", " @pdx-crew ": "S2", "pdx": None,
             "crew": None, "twin": None}
    for typed, expected in table.items():
        found = user_group_named(groups, typed).found
        assert (found.id if found else None) == expected, typed
    assert user_group_named(groups, "twin").why_not.startswith("2 user groups are @twin.")
