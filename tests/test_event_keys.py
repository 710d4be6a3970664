"""Inbound event keys: a redelivery (same key, same content) is dropped with one log line; a
seen key carrying other content is a different event, handled and warned about; and the
console's keys never repeat across runs, so a restarted `tweetup run` answers every command."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.core import fingerprint
from bot.types import CommandInvoked
from tests.support import Harness


def _core_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "tweetup.core"]


async def test_a_redelivery_logs_one_line_with_outcome_duplicate(
        harness: Harness, caplog: pytest.LogCaptureFixture) -> None:
    await harness.command("alice", "list", key="k1")
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="tweetup.core"):
        await harness.command("alice", "list", key="k1")
    lines = _core_lines(caplog)
    assert len(lines) == 1, lines
    assert "outcome=duplicate" in lines[0]


async def test_a_reused_key_with_other_content_is_handled_and_warned(
        harness: Harness, caplog: pytest.LogCaptureFixture) -> None:
    await harness.command("alice", "list", key="k1")
    with caplog.at_level(logging.INFO):
        await harness.propose("alice", key="k1")  # asserts that the card was posted
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert any("k1" in r.getMessage() and "REUSED" in r.getMessage() for r in warnings)
    # and its redelivery (same key, same content as the proposal) is a duplicate again
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="tweetup.core"):
        await harness.command("alice", "propose", key="k1", title="Coffee", city="London",
                              when="2030-01-11 19:00")
    assert ["outcome=duplicate" in line for line in _core_lines(caplog)] == [True]


def test_the_fingerprint_follows_the_content_not_the_key() -> None:
    harness = Harness("sqlite+aiosqlite:///:memory:")
    one = CommandInvoked(harness.user("alice"), harness.place(), "list", {}, "k1")
    again = CommandInvoked(harness.user("alice"), harness.place(), "list", {}, "k2")
    other = CommandInvoked(harness.user("alice"), harness.place(), "mine", {}, "k1")
    assert fingerprint(one) == fingerprint(again) != fingerprint(other)


def _tweetup_run(db: Path, cwd: Path, script: str) -> str:
    env = {**os.environ, "TWEETUP_DATABASE_URL": f"sqlite+aiosqlite:///{db}"}
    for var in ("TWEETUP_DISCORD_TOKEN", "TWEETUP_SLACK_BOT_TOKEN"):
        env.pop(var, None)
    result = subprocess.run([sys.executable, "-m", "bot", "run"], input=script,
                            capture_output=True, text=True, timeout=180, cwd=cwd, env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_a_restarted_tweetup_run_answers_and_keeps_everything(tmp_path: Path) -> None:
    db = tmp_path / "tweetup.db"
    first = _tweetup_run(db, tmp_path, '/meetup list\n/meetup propose title:"First" '
                                       'city:Berlin when:"next friday 7pm"\n')
    assert "· First ==" in first
    second = _tweetup_run(db, tmp_path, '/meetup list\n/meetup propose title:"Second" '
                                        'city:Berlin when:"next saturday 7pm"\n/meetup list\n')
    assert "· Second ==" in second  # the card of the new proposal was posted
    listing = second.rsplit("/meetup list", 1)[1]
    assert "First" in listing and "Second" in listing
    assert "The clock is real" in second


async def test_the_store_tells_a_redelivery_from_a_reused_key(database_url: str) -> None:
    from datetime import UTC, datetime, timedelta

    from bot.store.store import Store

    store = Store.from_url(database_url)
    await store.upgrade()
    now, minute = datetime(2030, 1, 7, 9, 0, tzinfo=UTC), timedelta(minutes=1)

    async def mark(fp: str) -> tuple[bool, bool]:
        m = await store.mark_and_count("p:k1", now, minute, scope="p:w", user_id="u",
                                       kind="command", fingerprint=fp)
        return m.new, m.reused

    try:
        assert await mark("aaa") == (True, False)
        assert await mark("aaa") == (False, False)  # a redelivery
        assert await mark("bbb") == (True, True)  # another event under the same key
        assert await mark("bbb") == (False, False)  # ... and its redelivery
        assert await mark("") == (False, False)  # no fingerprint: cannot tell, not acted on
    finally:
        await store.close()
