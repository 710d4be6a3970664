"""`tweetup --log-level DEBUG run` with both real adapters (against the local wire fakes of
Discord and Slack): the log holds no token, secret, interaction token or response_url, a
rejected Slack request is one log line (not its body), and a non-numeric Slack timestamp is
a 401."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import parse_qs

import aiohttp

from tests.discord.fakediscord import FakeDiscord
from tests.slack.slack_driver import SlackDriver, sign
from tests.slack.slack_fake_api import FakeSlackAPI
from tests.slack.slack_harness import REPO_ROOT, SIGNING_SECRET

DISCORD_TOKEN = "discord-bot-token-SECRET-7f3a"
SLACK_TOKEN = "xoxb-1111-2222-log-secret-token"
FORGED_MARK = "forged-body-marker-91c2"
REJECTED = "slack: request rejected"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _config(tmp_path: Path, discord: FakeDiscord, slack: FakeSlackAPI, port: int) -> Path:
    guilds = ", ".join(discord.guilds)
    config = tmp_path / "tweetup.toml"
    config.write_text(
        f'[database]\nurl = "sqlite+aiosqlite:///{tmp_path / "logs.db"}"\n\n'
        f'[discord]\ntoken = "{DISCORD_TOKEN}"\nguild_ids = [{guilds}]\n'
        f'api_base_url = "{discord.api_base_url}"\ngateway_url = "{discord.gateway_url}"\n\n'
        f'[slack]\nmode = "http"\nbot_token = "{SLACK_TOKEN}"\n'
        f'signing_secret = "{SIGNING_SECRET}"\nhttp_host = "127.0.0.1"\nhttp_port = {port}\n'
        f'api_url = "{slack.api_url}"\n',
        encoding="utf-8",
    )
    return config


@asynccontextmanager
async def _tweetup(config: Path, cwd: Path) -> AsyncIterator[asyncio.subprocess.Process]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TWEETUP_")}
    env["PYTHONPATH"] = str(REPO_ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "--log-level", "DEBUG", "run", "--config", str(config),
        cwd=cwd, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    try:
        yield proc
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()


async def _slack_up(port: int, proc: asyncio.subprocess.Process) -> None:
    async with aiohttp.ClientSession() as session:
        for _ in range(600):
            assert proc.returncode is None, "tweetup run exited early"
            try:
                async with session.get(f"http://127.0.0.1:{port}/healthz") as resp:
                    if resp.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.1)
    raise AssertionError("the Slack endpoint never came up")


async def test_debug_logs_of_both_adapters_hold_no_secret(tmp_path: Path) -> None:
    discord = FakeDiscord()
    discord.token = DISCORD_TOKEN
    await discord.start()
    guild = discord.add_guild(members=("alice",))
    alice = next(iter(guild.members.values())).user
    slack = FakeSlackAPI()
    slack.add_user("U0ALICE01", "alice")
    await slack.start()
    port = _free_port()
    response_urls: list[str] = []
    try:
        async with _tweetup(_config(tmp_path, discord, slack, port), tmp_path) as proc:
            await _slack_up(port, proc)
            # the commands are synced before the gateway session: an interaction sent before
            # IDENTIFY would be dropped with the fake's pre-session buffer
            await discord.wait_until(lambda: discord.commands and discord.identifies, within=90)
            for sub in ("help", "list"):
                iid = await discord.slash(alice, guild, "general", sub)
                await discord.wait_response(iid, within=90)  # a loaded CI machine warms up slowly
            url = f"http://127.0.0.1:{port}/slack/events"
            async with SlackDriver(url, SIGNING_SECRET, f"http://127.0.0.1:{slack.port}") as d:
                for text in ("help", "list"):
                    body = d.slash_body(text)
                    response_urls += parse_qs(body)["response_url"]
                    assert (await d.send(body, "application/x-www-form-urlencoded")).status == 200
                await slack.wait_for(lambda: len(slack.ephemerals) >= 2, within=90)
                forged = d.slash_body(f"list {FORGED_MARK}")
                form = "application/x-www-form-urlencoded"
                assert (await d.send(forged, form, bad_signature=True)).status == 401
                not_a_time = {"X-Slack-Request-Timestamp": "soon",
                              "X-Slack-Signature": sign(SIGNING_SECRET, "soon", forged)}
                reply = await d.send(forged, form, signed=False, headers=not_a_time)
                assert reply.status == 401
            proc.send_signal(signal.SIGTERM)
            _, stderr = await asyncio.wait_for(proc.communicate(), 60)
        log = stderr.decode()
        assert proc.returncode == 0, log[-3000:]
        assert log.count("outcome=ok") == 4  # logging was on: a line per event
        secrets = [DISCORD_TOKEN, SLACK_TOKEN, SIGNING_SECRET, FORGED_MARK,
                   *discord.by_token, *response_urls]
        assert len(discord.by_token) == 2 and len(response_urls) == 2
        leaked = [s for s in secrets if s in log]
        assert leaked == []
        assert log.count(REJECTED) == 2  # one line per rejected request
        assert "Traceback" not in log
    finally:
        await slack.stop()
        await discord.close()


def test_libraries_log_at_debug_only_when_asked_for_by_name() -> None:
    import io
    import logging

    from bot.logsetup import configure

    names = ("", "tweetup", "bot", "adapters", "tweetup.slack.bolt", "discord")
    saved = {n: logging.getLogger(n).level for n in names}
    handlers = list(logging.getLogger().handlers)
    try:
        configure("DEBUG", stream=io.StringIO())
        assert logging.getLogger("bot.jobs").isEnabledFor(logging.DEBUG)
        assert not logging.getLogger("discord.webhook.async_").isEnabledFor(logging.INFO)
        assert not logging.getLogger("tweetup.slack.bolt").isEnabledFor(logging.INFO)
        configure("INFO", ["discord", "slack_bolt"], stream=io.StringIO())
        assert logging.getLogger("discord.http").isEnabledFor(logging.DEBUG)
        assert logging.getLogger("tweetup.slack.bolt").isEnabledFor(logging.DEBUG)
        assert not logging.getLogger("bot.jobs").isEnabledFor(logging.DEBUG)
        assert not logging.getLogger("aiohttp.access").isEnabledFor(logging.INFO)
    finally:
        root = logging.getLogger()
        for h in [h for h in root.handlers if h not in handlers]:
            root.removeHandler(h)
        for n, level in saved.items():
            logging.getLogger(n).setLevel(level)
