"""A monthly series on Discord (issue 16): the fake Discord's JSON -> real discord.py client ->
adapter -> real core; every REST call is checked against Discord's OpenAPI spec when present."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from icalendar import Calendar

from tests.discord.discord_flow import Flow, buttons, card, cards, dms, flow, said, text
from tests.discord.fakediscord import EPHEMERAL


def _ephemeral_with(f: Flow, prefix: str) -> dict[str, Any]:
    found = [m for m in f.fake.messages.values()
             if m["flags"] & EPHEMERAL and any(v.startswith(prefix)
                                               for v in buttons(m).values())]
    assert found, f"no ephemeral message with a {prefix} button"
    return found[-1]


async def test_a_monthly_series_from_propose_to_the_next_date(tmp_path: Path) -> None:
    async with flow(tmp_path) as f:
        echo = await f.command(f.alice, "propose", title="Pub night", city="London",
                               when="2030-01-10 19:00", repeat="every first thursday",
                               venue="The Crown")
        words = said(echo[-1])
        assert "every first Thursday of the month at 19:00" in words, words
        assert "The next three:" in words and "FREQ=MONTHLY;BYDAY=1TH" in words
        assert not cards(f.fake, f.general)  # nothing before the organizer confirms

        confirm = _ephemeral_with(f, "tw:seriesok:")
        await f.click(f.alice, confirm["id"], buttons(confirm)["Create the series"])
        first = card(f.fake, f.general, 1)
        assert "Repeats: every first Thursday of the month" in text(first)
        unix = int(datetime(2030, 2, 7, 19, tzinfo=UTC).timestamp())
        assert f"<t:{unix}:F>" in text(first)

        await f.click(f.bob, first["id"], buttons(first)["Series"])
        panel = _ephemeral_with(f, "tw:always:")
        await f.click(f.bob, panel["id"], buttons(panel)["Always come"])

        await f.timer.advance_to(datetime(2030, 2, 8, 9, tzinfo=UTC))  # after the follow-up
        await f.fake.wait_until(lambda: len(cards(f.fake, f.general)) == 2)
        second = card(f.fake, f.general, 2)
        assert "Going: 1" in text(second), text(second)
        march = int(datetime(2030, 3, 7, 19, tzinfo=UTC).timestamp())
        assert f"<t:{march}:F>" in text(second)
        await f.fake.wait_until(lambda: any("always come" in text(m) for m in dms(f.fake, f.bob)))
        dm = next(m for m in dms(f.fake, f.bob) if "always come" in text(m))
        assert "Can't go" in buttons(dm)

        skipped = await f.command(f.alice, "series", id=2, do="skip")
        assert "Skipped #2" in said(skipped[-1]), said(skipped[-1])
        await f.fake.wait_until(lambda: any(
            m["embeds"][0]["title"].startswith("#3 ") for m in cards(f.fake, f.general)))
        assert not any(m["embeds"][0]["title"].startswith("#2 ") for m in cards(f.fake, f.general))
        assert any("CANCELLED · #2" in text(m) for m in f.fake.messages.values())
        await f.fake.wait_until(lambda: any("is skipped" in text(m) for m in dms(f.fake, f.bob)))

        third = card(f.fake, f.general, 3)
        iid = await f.fake.click(f.bob, third["id"], buttons(third)["Series"])
        await f.answered(iid, 1)
        panel = _ephemeral_with(f, "tw:seriescal:")
        got = await f.click(f.bob, panel["id"], buttons(panel)["Add the series to calendar"])
        files = [file for rec in got for file in rec.files]
        assert files and files[0][0] == "series-1.ics"
        event = next(iter(Calendar.from_ical(bytes(files[0][1]).decode()).walk("VEVENT")))
        assert event["rrule"].to_ical() == b"FREQ=MONTHLY;BYDAY=1TH"
        assert "EXDATE" in event
        assert f.fake.spec_errors == []
