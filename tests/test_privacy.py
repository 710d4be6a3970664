"""Export for admins, data of communities that removed the bot, secrets never in logs."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from bot import actions
from tests.fakes import Harness


async def test_admins_export_the_community_as_json(harness: Harness) -> None:
    mid = await harness.propose()
    await harness.click("bob", actions.encode("rsvp", mid, "going"))
    refused = await harness.command("bob", "export")
    assert refused is not None and "Only admins" in refused.text
    reply = await harness.command("alice", "export", admin=True)
    assert reply is not None and reply.msg is not None and reply.msg.ephemeral
    data = json.loads(reply.msg.attachments[0].content)
    assert [m["title"] for m in data["tables"]["meetups"]] == ["Coffee"]
    assert [r["user_id"] for r in data["tables"]["rsvps"]] == ["bob"]
    other = await harness.command("mallory", "export", admin=True, workspace="w2")
    assert other is not None and other.msg is not None
    assert json.loads(other.msg.attachments[0].content)["tables"]["meetups"] == []


async def test_removed_communities_are_deleted_after_the_grace_period(harness: Harness) -> None:
    mid = await harness.propose()
    await harness.click("bob", actions.encode("rsvp", mid, "going"))
    other = await harness.propose(workspace="w2", title="Elsewhere")
    core = harness.app.core
    await core.community_removed("fake", "w1")
    await harness.advance(timedelta(days=29))
    assert await harness.store.meetup(mid) is not None  # still within the grace period
    await harness.advance(timedelta(days=2))
    assert await harness.store.meetup(mid) is None
    assert await harness.store.rsvps(mid) == []
    assert await harness.store.meetup(other) is not None  # other communities are untouched


async def test_a_community_that_comes_back_in_time_keeps_its_data(harness: Harness) -> None:
    mid = await harness.propose()
    await harness.app.core.community_removed("fake", "w1")
    await harness.advance(timedelta(days=10))
    await harness.command("alice", "list")  # the bot is back: any event clears the removal
    await harness.advance(timedelta(days=30))
    assert await harness.store.meetup(mid) is not None


def test_secrets_never_reach_the_logs(tmp_path: Path) -> None:
    secrets = {"TWEETUP_SLACK_SIGNING_SECRET": "sekrit-signing-0xC0FFEE",
               "TWEETUP_DISCORD_TOKEN": "sekrit-discord-token-ABC123"}
    config = tmp_path / "config.toml"
    config.write_text('[bot]\nlog_level = "DEBUG"\n', encoding="utf-8")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), **secrets}
    checked = subprocess.run([sys.executable, "-m", "bot", "--log-level", "DEBUG",
                              "check-config", str(config)], capture_output=True, text=True,
                             env=env, timeout=60, cwd=Path(__file__).resolve().parents[1])
    assert checked.returncode == 0, checked.stderr
    console = subprocess.run([sys.executable, "-m", "bot", "--log-level", "DEBUG", "console"],
                             input="/meetup list\n/meetup settings\n", capture_output=True,
                             text=True, env={**env, "TWEETUP_DISCORD_TOKEN": ""}, timeout=120,
                             cwd=tmp_path)
    assert console.returncode == 0, console.stderr
    for output in (checked.stdout, checked.stderr, console.stdout, console.stderr):
        for secret in secrets.values():
            assert secret not in output
    assert "outcome=ok" in console.stderr  # logging really was on (libraries stay quiet)


def test_settings_repr_hides_secrets(monkeypatch: pytest.MonkeyPatch,
                                     caplog: pytest.LogCaptureFixture) -> None:
    from bot.config import load_settings

    monkeypatch.setenv("TWEETUP_DISCORD_TOKEN", "sekrit-token-XYZ")
    with caplog.at_level(logging.DEBUG):
        logging.getLogger("tweetup").debug("settings: %r", load_settings(None))
    assert "sekrit-token-XYZ" not in caplog.text and "***" in caplog.text
