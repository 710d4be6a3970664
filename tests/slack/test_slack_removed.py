"""The app uninstalled from a workspace (`app_uninstalled`, or `tokens_revoked` naming the
bot's token) reaches `Inbox.community_removed`; a revoked user token alone does not
(issue #15)."""

from __future__ import annotations

from dataclasses import dataclass, field

from tests.slack.slack_fake_api import TEAM_ID
from tests.slack.slack_harness import slack_wire
from tests.support import RecordingInbox, eventually


@dataclass
class RemovalInbox(RecordingInbox):
    removed: list[tuple[str, str]] = field(default_factory=list)

    async def community_removed(self, platform: str, workspace_id: str) -> None:
        self.removed.append((platform, workspace_id))


async def test_app_uninstalled_marks_the_workspace_removed() -> None:
    inbox = RemovalInbox()
    async with slack_wire(inbox) as slack:
        reply = await slack.driver.event({"type": "app_uninstalled"})
        assert reply.status == 200
        await eventually(lambda: bool(inbox.removed))
    assert inbox.removed == [("slack", TEAM_ID)]


async def test_only_a_revoked_bot_token_counts_as_removal() -> None:
    inbox = RemovalInbox()
    async with slack_wire(inbox) as slack:
        user_only = {"type": "tokens_revoked", "tokens": {"oauth": ["U0ALICE01"]}}
        assert (await slack.driver.event(user_only)).status == 200
        bot = {"type": "tokens_revoked", "tokens": {"oauth": [], "bot": ["U0TWEETUP"]}}
        assert (await slack.driver.event(bot)).status == 200
        await eventually(lambda: bool(inbox.removed))
        await slack.adapter.idle()
    assert inbox.removed == [("slack", TEAM_ID)]
