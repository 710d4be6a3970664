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
from tests.support import Harness


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


PRIVACY_DOC = (Path(__file__).resolve().parents[1] / "docs" / "privacy.md").read_text()
LOCATION_KEYS = ("home_city_id", "city_id", "first_day", "last_day")


async def test_the_export_shows_no_location_of_members_who_keep_their_name_private(
        harness: Harness) -> None:
    from bot.nlp.places import resolve_city

    berlin, potsdam, paris, rome, hamburg = (
        resolve_city(name).city for name in ("Berlin", "Potsdam", "Paris", "Rome", "Hamburg"))
    assert berlin and potsdam and paris and rome and hamburg
    await harness.command("alice", "privacy", show_name="yes")
    for user, city in (("alice", "Berlin"), ("bob", "Berlin"), ("carol", "Potsdam")):
        await harness.command(user, "home", city=city)
    await harness.command("bob", "travel", city="Paris", when="2030-02-01 to 2030-02-03")
    await harness.command("alice", "travel", city="Rome", when="2030-02-01 to 2030-02-03")
    await harness.command("alice", "settings", admin=True, watch="on")
    await harness.say("dave", "I live in Hamburg and love it")  # a question, not yet answered
    assert any("Hamburg" in r.text for r in harness.adapter.replies_to("dave"))

    reply = await harness.command("alice", "export", admin=True)
    assert reply is not None and reply.msg is not None
    data = json.loads(reply.msg.attachments[0].content)
    tables = data["tables"]
    hidden = {"bob", "carol", "dave"}
    for name, rows in tables.items():
        for row in rows:
            if row.get("user_id") in hidden:
                assert not set(LOCATION_KEYS) & set(row), (name, row)
    homes = {m["user_id"]: m.get("home_city_id") for m in tables["members"]}
    assert homes["alice"] == berlin.id
    assert [t["user_id"] for t in tables["trips"]] == ["alice"]
    assert {(a["city_id"], a["members"]) for a in data["homes_by_area"]} == {
        (berlin.id, 1), (potsdam.id, 1)}
    assert [(a["city_id"], a["trips"]) for a in data["trips_by_area"]] == [(paris.id, 1)]
    assert all("city_id" not in q for q in tables["place_questions"])  # inferred: never shown
    assert str(hamburg.id) not in reply.msg.attachments[0].content.decode()
    assert "docs/privacy.md" in data["about"]
    for key in (*tables, *(k for k in data if k != "tables")):
        assert f"`{key}`" in PRIVACY_DOC, f"docs/privacy.md does not describe {key}"
