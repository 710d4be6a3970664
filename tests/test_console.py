"""The console adapter in script mode, as `tweetup console < script` runs it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from adapters.console import run_console
from adapters.console.adapter import HELP, parse_duration
from bot.config import Settings
from tests.support.drivers.base import has
from tests.support.drivers.console import ConsoleDriver

SEAT_OFFER = """\
/meetup propose title:"Board games" city:Berlin when:"wed 7pm" capacity:1
/as bob
/click 1
/as carol
/click 1
/as bob
/click 3
"""

SCRIPT = SEAT_OFFER + """\
/as carol
/dm
/click 1
/channel general
/meetup propose
Picnic
Berlin
saturday noon


/clock +2d
/channel random
hello everyone, anyone in Berlin?
/as nobody
/channel general
/click 99
/clock tomorrow
/meetup frobnicate
"""


async def _run(script: str) -> list[str]:
    out: list[str] = []
    code = await run_console(Settings(), script=script.splitlines(), write=out.append)
    assert code == 0
    return out


async def test_script_runs_the_whole_flow() -> None:
    out = "\n".join(await _run(SCRIPT))
    assert "== #1 · Board games ==" in out
    assert "Going: 1 / 1" in out and "Waitlist: 1" in out
    assert "(DM to carol) Tweetup: A seat opened up at #1 Board games! " in out
    assert "(only carol sees this) Tweetup: You're going to #1" in out
    assert "**" not in out  # a terminal shows no markdown: emphasis is plain text
    assert "(form for carol) Propose a meetup" in out
    assert "== #2 · Picnic ==" in out and "Going: 0\n" in out
    assert "(DM to carol) Tweetup: == Reminder: Board games in 1d ==" in out
    assert "No member called 'nobody'" in out
    assert "Pick a button from 1 to" in out
    assert "Use /clock +<number><unit>" in out
    assert "There is no `/meetup frobnicate` command." in out


async def test_the_same_script_gives_the_same_transcript() -> None:
    assert await _run(SCRIPT) == await _run(SCRIPT)


def test_tweetup_console_reads_a_script_from_stdin(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "console"], input="/meetup list\n/meetup help\n",
        capture_output=True, text=True, timeout=120, cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert "No upcoming meetups yet" in result.stdout
    assert "/meetup propose" in result.stdout
    assert not list(tmp_path.glob("*.db"))  # scripts use a temporary database


def test_tweetup_demo_exits_0_and_shows_the_story(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "bot", "demo"], capture_output=True,
                            text=True, timeout=180, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    for expected in ("pick a date", "Closed the poll", "waitlist", "seat opened up",
                     "Reminder: Coffee & code", "How was Coffee & code?",
                     "Count you as Portland-based", "3 members are around Portland"):
        assert expected in result.stdout, expected


def test_durations() -> None:
    assert parse_duration("+90m").total_seconds() == 5400
    assert parse_duration("2d").days == 2
    assert parse_duration("+1w").days == 7



async def test_a_dm_button_is_pressed_from_the_dms() -> None:
    out = "\n".join(await _run(SEAT_OFFER + "/as carol\n/dm\n/click 2\n"))
    assert "(DM to carol) Tweetup: A seat opened up" in out
    assert "/dm " in HELP and "/cancel " in HELP
    after = out.split("carol (DM with Tweetup)> /click 2", 1)[1]
    assert "(only carol sees this) Tweetup: Got it, you can't make #1" in after


async def test_the_channel_click_stays_on_the_channel_card() -> None:
    out = "\n".join(await _run(SEAT_OFFER + "/as carol\n/dm\n/channel general\n/click 2\n"))
    after = out.split("carol #general> /click 2", 1)[1]
    assert "Maybe" in after and "can't make" not in after


async def test_a_form_can_be_cancelled_and_commands_are_not_taken_as_answers() -> None:
    out = "\n".join(await _run("/meetup propose\nPicnic\n/meetup list\n/cancel\n/meetup list\n"))
    assert "You are filling in a form. Answer City, or type /cancel" in out
    assert "Cancelled; nothing was saved." in out
    assert "No upcoming meetups yet" in out  # the list after /cancel is a command again
    assert "'/meetup list'" not in out


async def test_one_bad_field_is_asked_again_and_the_others_are_kept() -> None:
    out = "\n".join(await _run(
        "/meetup propose\nPicnic\nBerlin\nyesterday\n\n\nsaturday noon\n/meetup list\n"))
    assert "When (| between options for a poll): That time (Sun 06 Jan 2030) is in the past" in out
    retry = out.split("Please answer again", 1)[1]
    assert "Title" not in retry.split("== #1", 1)[0]  # only the bad field is asked again
    assert "== #1 · Picnic ==" in retry and "Going: 0\n" in retry
    assert "#1 Picnic" in retry.rsplit("/meetup list", 1)[1]


async def test_the_banner_says_the_script_clock_is_simulated() -> None:
    out = await _run("/who\n")
    assert "The clock is simulated" in out[0]


async def test_the_console_finds_a_keyed_dm_it_printed_this_run() -> None:
    from datetime import UTC, datetime

    from adapters.console.adapter import ConsoleAdapter
    from bot.types import Outgoing, Text, UserRef

    async def no_lines():  # type: ignore[no-untyped-def]
        return
        yield

    out: list[str] = []
    console = ConsoleAdapter(("Alice", "Bob"), ("general",), no_lines(), out.append,
                             lambda: datetime(2030, 1, 7, tzinfo=UTC))
    alice, bob = UserRef("console", "alice", "Alice"), UserRef("console", "bob", "Bob")
    since = datetime(2030, 1, 7, tzinfo=UTC)
    await console.send_dm(alice, Outgoing(body=(Text("Reminder"),), dedupe_key="remind:7"))
    assert await console.find_sent(alice, "remind:7", since)
    assert not await console.find_sent(bob, "remind:7", since)
    assert not await console.find_sent(alice, "remind:8", since)


async def test_a_private_answer_is_printed_for_the_member_who_asked(
        console: ConsoleDriver) -> None:
    await console.command("bob", "list")
    assert has(console.private("bob")[-1], "No upcoming meetups")
    assert console.private("alice") == [] and console.posts() == []
