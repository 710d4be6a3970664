"""`tweetup run` with a [slack] section starts the Slack adapter in HTTP mode: health check,
a signed /meetup answered through the real core, a clean stop on SIGTERM, no secret in the log."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
from pathlib import Path

import aiohttp

from tests.slack.slack_driver import SlackDriver
from tests.slack.slack_fake_api import FakeSlackAPI
from tests.slack.slack_harness import REPO_ROOT, SIGNING_SECRET

BOT_TOKEN = "xoxb-1111-2222-cli-secret-token"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def test_tweetup_run_serves_slack_in_http_mode(tmp_path: Path) -> None:
    fake = FakeSlackAPI()
    fake.add_user("U0ALICE01", "alice")
    await fake.start()
    port = _free_port()
    config = tmp_path / "tweetup.toml"
    config.write_text(
        f'[database]\nurl = "sqlite+aiosqlite:///{tmp_path / "cli.db"}"\n\n'
        f'[slack]\nmode = "http"\nbot_token = "{BOT_TOKEN}"\n'
        f'signing_secret = "{SIGNING_SECRET}"\nhttp_host = "127.0.0.1"\nhttp_port = {port}\n'
        f'api_url = "{fake.api_url}"\n', encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("TWEETUP_")}
    env["PYTHONPATH"] = str(REPO_ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "--log-level", "DEBUG", "run", "--config", str(config),
        cwd=tmp_path, env=env, stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE)
    try:
        async with aiohttp.ClientSession() as session:
            loop = asyncio.get_running_loop()
            deadline = loop.time() + 60
            while True:
                assert proc.returncode is None, "tweetup run exited early"
                try:
                    async with session.get(f"http://127.0.0.1:{port}/healthz") as resp:
                        if resp.status == 200:
                            break
                except aiohttp.ClientError:
                    pass
                assert loop.time() < deadline, "the Slack endpoint never came up"
                await asyncio.sleep(0.1)
        url = f"http://127.0.0.1:{port}/slack/events"
        async with SlackDriver(url, SIGNING_SECRET, f"http://127.0.0.1:{fake.port}") as d:
            assert (await d.slash("help")).status == 200
            await fake.wait_for(lambda: len(fake.ephemerals) == 1, within=30)
        assert "/meetup propose" in str(fake.ephemerals[0]["blocks"])
        proc.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(proc.communicate(), 30)
        assert proc.returncode == 0, stderr.decode()[-2000:]
        log = stderr.decode()
        # [slack] http_host/http_port without [web]: the one web server listens there
        assert f"web: serving on 127.0.0.1:{port}" in log and "slack: HTTP mode" in log
        assert BOT_TOKEN not in log and SIGNING_SECRET not in log
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
        await fake.stop()
