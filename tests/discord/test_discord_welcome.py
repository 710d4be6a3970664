"""First-timers, a door buddy and after the meetup on Discord: the fake Discord's JSON ->
real discord.py client -> adapter -> real core; DM buttons carry no guild, so the core finds
the community from the meetup the member answered."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tests.discord.discord_flow import buttons, card, dms, flow, propose, said, text
from tests.discord.fakediscord import EPHEMERAL

# Berlin: Friday 2030-01-11 19:00 CET is 18:00 UTC
DAY_BEFORE = datetime(2030, 1, 10, 18, 1, tzinfo=UTC)
AFTER = datetime(2030, 1, 11, 21, 1, tzinfo=UTC)


def latest_with(messages: list[dict[str, Any]], words: str) -> dict[str, Any]:
    found = [m for m in messages if words in text(m)]
    assert found, f"no message with {words!r}: {[text(m)[:80] for m in messages]}"
    return found[-1]


async def test_first_timer_door_buddy_and_the_next_one_on_discord(tmp_path: Path) -> None:
    async with flow(tmp_path) as f:
        on = await f.command(f.carol, "greeter", status="on")
        assert "Thank you for volunteering" in said(on[-1])
        meetup = await propose(f, venue="Cafe Lux", **{"find-us": "yellow umbrella"})
        c = card(f.fake, f.general, meetup)
        assert "Find us: yellow umbrella" in text(c)
        await f.click(f.carol, c["id"], buttons(c)["Going"], count=2)
        going = await f.click(f.bob, c["id"], buttons(c)["Going"], count=2)
        confirmation = next(m for m in f.fake.messages.values()
                            if m["flags"] & EPHEMERAL and "It's my first one" in buttons(m))
        assert "You're going" in said(going[-1])
        await f.click(f.bob, confirmation["id"], buttons(confirmation)["It's my first one"])
        welcome = latest_with([m for m in f.fake.messages.values() if m["flags"] & EPHEMERAL],
                              "Welcome!")
        await f.click(f.bob, welcome["id"], buttons(welcome)["Meet me at the door"])

        await f.fake.wait_until(lambda: bool(dms(f.fake, f.carol)))
        ask = latest_with(dms(f.fake, f.carol), "Could you meet a first-timer")
        assert f.bob.id not in text(ask) and "bob" not in text(ask).lower()
        await f.click(f.carol, ask["id"], buttons(ask)["Yes, I'll meet them"])  # a DM: no guild
        intro = latest_with(dms(f.fake, f.bob), "will meet you at the door")
        assert f"<@{f.carol.id}>" in text(intro)
        assert f"<@{f.bob.id}>" in text(latest_with(dms(f.fake, f.carol), "looking forward"))

        await f.timer.advance_to(DAY_BEFORE)
        expect = latest_with(dms(f.fake, f.bob), "What to expect")
        assert "yellow umbrella" in text(expect)
        brief = latest_with(dms(f.fake, f.alice), "First-timers at")
        assert "1 first-timer (who'd rather not be named)" in text(brief)
        await f.click(f.bob, expect["id"], buttons(expect)["I'm running late"])
        assert "running a little late" in text(latest_with(dms(f.fake, f.alice), "late"))

        await f.timer.advance_to(AFTER)
        in_general = [m for m in f.fake.messages.values() if m["channel_id"] == f.general]
        follow = latest_with(in_general, "Would you come again?")
        await f.click(f.bob, follow["id"], buttons(follow)["Yes!"])
        shown = await f.click(f.alice, follow["id"], buttons(follow)["See the answers (organizer)"])
        assert "1 yes, 0 maybe, 0 probably not" in said(shown[-1])
        thanks = latest_with(dms(f.fake, f.bob), "Thank you for coming")
        await f.click(f.bob, thanks["id"], buttons(thanks)["Yes, tell me about Berlin, DE"])

        opener = await f.fake.click(f.alice, follow["id"], buttons(follow)["Propose the next one"])
        (modal,) = await f.fake.wait_response(opener)
        assert modal.json["type"] == 9
        inputs = {c["custom_id"]: c.get("value") for row in modal.json["data"]["components"]
                  for c in row["components"]}
        assert inputs["title"] == "Coffee & code" and inputs["venue"] == "Cafe Lux"
        assert inputs["when"] == "2030-02-08 19:00+01:00"
        assert f.fake.spec_errors == []
