"""Commands and emphasis in core text, as Discord receives them (fake Discord -> real
discord.py -> adapter -> real core): a command is inline code, never escaped backticks."""

from __future__ import annotations

from pathlib import Path

from tests.discord.discord_flow import buttons, card, dms, flow, propose, said


async def test_a_command_named_in_a_reply_is_inline_code(tmp_path: Path) -> None:
    async with flow(tmp_path) as f:
        shown = await f.command(f.alice, "show", id=999)
        reply = said(shown[-1])
        assert "`/meetup list`" in reply, reply
        assert "\\`" not in reply, reply  # no literal (escaped) backticks


async def test_bold_keeps_its_spaces_outside_the_markers(tmp_path: Path) -> None:
    async with flow(tmp_path) as f:
        meetup = await propose(f, title="Cap One")
        await f.click(f.bob, card(f.fake, f.general, meetup)["id"],
                      buttons(card(f.fake, f.general, meetup))["Going"])
        await f.command(f.alice, "cancel", id=meetup, reason="rain")
        await f.fake.wait_until(lambda: bool(dms(f.fake, f.bob)))
        told = [m.get("content") or "" for m in dms(f.fake, f.bob)]
        told += [e.get("description") or "" for m in dms(f.fake, f.bob)
                 for e in m.get("embeds") or []]
        # "**...cancelled. **" is not bold in Discord's markdown (the space before the end)
        assert any("Cap One is cancelled.** Reason: rain." in t for t in told), told
