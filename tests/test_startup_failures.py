"""`tweetup run` when a platform cannot be reached or refuses the credentials: one line naming
the adapter and the cause, exit code 3 (docs/operations.md), no traceback; and library INFO
chatter (Alembic, APScheduler) stays out of an INFO log."""

from __future__ import annotations

import asyncio
import os
import socket
import sys
from pathlib import Path

from tests.discord.fakediscord import FakeDiscord
from tests.slack.slack_fake_api import FakeSlackAPI

ROOT = Path(__file__).resolve().parents[1]


def _closed_port() -> int:
    """A loopback port nobody listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def _tweetup_run(tmp_path: Path, section: str) -> tuple[int, str]:
    config = tmp_path / "tweetup.toml"
    config.write_text(f'[database]\nurl = "sqlite+aiosqlite:///{tmp_path / "t.db"}"\n\n'
                      f"{section}\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("TWEETUP_")}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "--log-level", "INFO", "run", "--config", str(config),
        cwd=tmp_path, env=env, stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    try:
        _, err = await asyncio.wait_for(proc.communicate(), timeout=120)
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
    assert proc.returncode is not None
    return proc.returncode, err.decode()


def _assert_one_line_failure(code: int, log: str, *expected: str) -> None:
    assert code == 3, log
    assert "Traceback" not in log, log
    failures = [line for line in log.splitlines() if line.startswith("tweetup: ")]
    assert len(failures) == 1, log
    for text in expected:
        assert text in failures[0], failures[0]
    assert "ERROR" not in log, log
    assert "alembic" not in log and "apscheduler" not in log, log


async def test_discord_unreachable(tmp_path: Path) -> None:
    port = _closed_port()
    code, log = await _tweetup_run(
        tmp_path, f'[discord]\ntoken = "t"\napi_base_url = "http://127.0.0.1:{port}/api/v10"\n'
                  f'gateway_url = "ws://127.0.0.1:{port}/gateway"')
    _assert_one_line_failure(code, log, "the discord adapter", f"127.0.0.1:{port}")


async def test_discord_token_refused(tmp_path: Path) -> None:
    fake = FakeDiscord()
    await fake.start()
    try:
        code, log = await _tweetup_run(
            tmp_path, f'[discord]\ntoken = "not-the-token"\n'
                      f'api_base_url = "http://127.0.0.1:{fake.port}/api/v10"\n'
                      f'gateway_url = "{fake.gateway_url}"')
    finally:
        await fake.close()
    _assert_one_line_failure(code, log, "the discord adapter", "refused the token")
    assert "not-the-token" not in log


async def test_slack_unreachable(tmp_path: Path) -> None:
    port = _closed_port()
    code, log = await _tweetup_run(
        tmp_path, f'[slack]\nbot_token = "xoxb-1"\napp_token = "xapp-1"\n'
                  f'api_url = "http://127.0.0.1:{port}/api/"')
    _assert_one_line_failure(code, log, "the slack adapter", f"127.0.0.1:{port}")


async def test_slack_token_refused(tmp_path: Path) -> None:
    fake = FakeSlackAPI()
    await fake.start()
    fake.fail("auth.test", "invalid_auth")
    try:
        code, log = await _tweetup_run(
            tmp_path, f'[slack]\nbot_token = "xoxb-1"\napp_token = "xapp-1"\n'
                      f'api_url = "{fake.api_url}"')
    finally:
        await fake.stop()
    _assert_one_line_failure(code, log, "the slack adapter", "invalid_auth")


def test_db_upgrade_logs_no_alembic_info(tmp_path: Path) -> None:
    import subprocess

    env = {"TWEETUP_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'x.db'}",
           "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-m", "bot", "--log-level", "INFO", "db", "upgrade"],
                            capture_output=True, text=True, timeout=60, env=env)
    assert result.returncode == 0, result.stderr
    assert "alembic" not in result.stderr, result.stderr
