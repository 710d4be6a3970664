"""The app uninstalled from a workspace (`app_uninstalled`, or `tokens_revoked` naming the
bot's token) reaches `Inbox.community_removed`; a revoked user token alone does not
(issue #15)."""

from __future__ import annotations

from slack_driver import TEAM_ID
from slack_harness import RecordingInbox, eventually, harness


class RemovalInbox(RecordingInbox):
    def __init__(self) -> None:
        super().__init__()
        self.removed: list[tuple[str, str]] = []

    async def community_removed(self, platform: str, workspace_id: str) -> None:
        self.removed.append((platform, workspace_id))


async def test_app_uninstalled_marks_the_workspace_removed() -> None:
    inbox = RemovalInbox()
    async with harness(inbox) as h:
        reply = await h.driver.event({"type": "app_uninstalled"})
        assert reply.status == 200
        await eventually(lambda: bool(inbox.removed))
    assert inbox.removed == [("slack", TEAM_ID)]


async def test_only_a_revoked_bot_token_counts_as_removal() -> None:
    inbox = RemovalInbox()
    async with harness(inbox) as h:
        user_only = {"type": "tokens_revoked", "tokens": {"oauth": ["U0ALICE01"]}}
        assert (await h.driver.event(user_only)).status == 200
        bot = {"type": "tokens_revoked", "tokens": {"oauth": [], "bot": ["U0TWEETUP"]}}
        assert (await h.driver.event(bot)).status == 200
        await eventually(lambda: bool(inbox.removed))
        await h.adapter.idle()
    assert inbox.removed == [("slack", TEAM_ID)]
