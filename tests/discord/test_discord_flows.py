"""Whole meetup flows on Discord: the fake Discord's JSON -> real discord.py client -> adapter
-> real core (temporary SQLite store, simulated clock, manual timer) -> REST calls the fake
records (and checks against Discord's OpenAPI spec when it is present)."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.discord.discord_flow import (
    FRIDAY,
    START,
    buttons,
    card,
    cards,
    dms,
    flow,
    propose,
    said,
    text,
)
from tests.discord.fakediscord import EPHEMERAL
from tests.support import seed_meetups


async def test_propose_with_autocomplete_then_rsvp_to_capacity_and_waitlist(
    tmp_path: Path,
) -> None:
    async with flow(tmp_path) as f:
        iid = await f.fake.autocomplete(f.alice, f.guild, "general", "propose", "city", "Portla")
        (auto,) = await f.fake.wait_response(iid)
        choices = auto.json["data"]["choices"]
        assert choices and any("Oregon" in c["name"] for c in choices)
        city = next(c["value"] for c in choices if "Oregon" in c["name"])
        iid = await f.fake.autocomplete(f.alice, f.guild, "general", "propose", "when",
                                        "next fri 7")
        (when,) = await f.fake.wait_response(iid)
        assert when.json["data"]["choices"], "no time suggestions"

        meetup = await propose(f, city=city, capacity=1)
        c = card(f.fake, f.general, meetup)
        assert "Oregon" in text(c)
        # 19:00 in Portland (PST) is 03:00 UTC; the card shows both Portland's and yours
        unix = int(datetime(2030, 1, 12, 3, tzinfo=UTC).timestamp())
        assert f"Fri 11 Jan 2030 19:00 PST (your time: <t:{unix}:F>) (<t:{unix}:R>)" in text(c)
        going = buttons(c)["Going"]
        first = await f.click(f.alice, c["id"], going)
        assert first[0].json["type"] == 7  # the card itself is the answer to the click
        second = await f.click(f.bob, c["id"], going)
        assert "waitlist" in (said(second[-1]) + text(card(f.fake, f.general, meetup))).lower()
        final = text(card(f.fake, f.general, meetup))
        assert "1/1" in final or "1 / 1" in final, final
        # every card edit went through the click's interaction, not the channel edit endpoint
        assert not f.fake.find("PATCH", rf"/channels/{f.general}/messages/\d+")
        assert f.fake.spec_errors == []


async def test_modal_from_a_button_proposes_a_meetup(tmp_path: Path) -> None:
    async with flow(tmp_path) as f:
        from bot.types import Button, Outgoing, Place, Text

        ref = await f.adapter.post(Place("discord", f.guild.id, f.general), Outgoing(
            body=(Text("Plan something"),), buttons=(Button("Propose a meetup", "tw:propose"),)))
        opener = await f.fake.click(f.alice, ref.message_id, "tw:propose")
        (modal,) = await f.fake.wait_response(opener)
        assert modal.json["type"] == 9
        bad = await f.fake.submit_modal(f.alice, opener, {"title": "Picnic", "city": "Berlin",
                                                          "when": "blorp", "repeat": ""})
        rejected = await f.answered(bad, 2)
        assert "When" in said(rejected[-1]) or "when" in said(rejected[-1]).lower()
        assert not cards(f.fake, f.general)
        opener = await f.fake.click(f.alice, ref.message_id, "tw:propose")
        await f.fake.wait_response(opener)
        forged = await f.fake.submit_modal(f.alice, opener, {  # over the modal's own limits
            "title": "P" * 101, "city": "Berlin", "when": FRIDAY, "repeat": "r" * 201})
        limits = await f.fake.wait_response(forged, 2)  # refused by the adapter itself
        assert "Title: at most 100 characters" in said(limits[-1])
        assert "at most 200 characters" in said(limits[-1])
        assert not cards(f.fake, f.general)
        opener = await f.fake.click(f.alice, ref.message_id, "tw:propose")
        await f.fake.wait_response(opener)
        good = await f.fake.submit_modal(f.alice, opener, {"title": "Picnic", "city": "Berlin",
                                                           "when": FRIDAY, "repeat": ""})
        await f.answered(good, 2)
        assert "Picnic" in text(cards(f.fake, f.general)[-1])
        assert f.fake.spec_errors == []


async def test_the_bare_modal_has_a_repeat_that_makes_a_series(tmp_path: Path) -> None:
    async with flow(tmp_path) as f:
        from bot.types import Button, Outgoing, Place, Text

        ref = await f.adapter.post(Place("discord", f.guild.id, f.general), Outgoing(
            body=(Text("Plan something"),), buttons=(Button("Propose a meetup", "tw:propose"),)))
        opener = await f.fake.click(f.alice, ref.message_id, "tw:propose")
        (modal,) = await f.fake.wait_response(opener)
        inputs = [c for row in modal.json["data"]["components"] for c in row["components"]]
        assert [c["custom_id"] for c in inputs] == ["title", "city", "when", "venue", "repeat"]
        assert inputs[-1]["label"] == "Repeat (empty: once)" and not inputs[-1]["required"]
        sent = await f.fake.submit_modal(f.alice, opener, {
            "title": "Pub night", "city": "Berlin", "when": FRIDAY, "venue": "",
            "repeat": "every first friday"})
        echoed = await f.answered(sent, 2)
        assert "every first Friday of the month" in said(echoed[-1])
        assert "Create it?" in said(echoed[-1]) and not cards(f.fake, f.general)
        assert f.fake.spec_errors == []


async def test_dm_reminder_and_closed_dms_fall_back_to_one_channel_message(
    tmp_path: Path,
) -> None:
    async with flow(tmp_path) as f:
        meetup = await propose(f)
        c = card(f.fake, f.general, meetup)
        await f.click(f.alice, c["id"], buttons(c)["Going"])
        await f.click(f.bob, c["id"], buttons(c)["Going"])
        f.fake.refuse_dms.add(f.bob.id)
        before = len(f.fake.channel_posts(f.general))
        await f.timer.advance_to(datetime(2030, 1, 10, 19, 30, tzinfo=UTC))  # past the 24 h lead
        reminders = dms(f.fake, f.alice)
        assert reminders and "Coffee" in text(reminders[-1])
        # The reminder carries a nonce Discord enforces, so a re-send after a crash is one message.
        alice_dm = next(c for c, u in f.fake.dm_channels.items() if u == f.alice.id)
        sent = [r.json for r in f.fake.find("POST", rf"/channels/{alice_dm}/messages")
                if r.json and "Reminder" in json.dumps(r.json)]
        assert sent and all(len(b["nonce"]) == 25 and b["enforce_nonce"] is True for b in sent)
        fallback = f.fake.channel_posts(f.general)[before:]
        assert len(fallback) == 1
        body = fallback[0].json
        assert f"<@{f.bob.id}>" in text(body)
        assert body["allowed_mentions"]["parse"] == []
        assert [str(u) for u in body["allowed_mentions"]["users"]] == [f.bob.id]
        assert f.fake.spec_errors == []


async def test_gateway_resume_replays_a_click_that_is_acted_on_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, "adapters.discord")
    async with flow(tmp_path) as f:
        meetup = await propose(f, capacity=5)
        c = card(f.fake, f.general, meetup)
        await f.click(f.alice, c["id"], buttons(c)["Going"])
        await f.fake.drop_connection(replay_extra=1)  # the RESUME replays alice's click
        iid = await f.fake.click(f.bob, c["id"], buttons(c)["Going"])  # sent while down
        await f.fake.wait_until(lambda: f.fake.resumes and f.fake.connected)
        await f.answered(iid)
        final = text(card(f.fake, f.general, meetup))
        assert "2/5" in final or "2 / 5" in final, final
        assert len(f.fake.resumes) == 1 and len(f.fake.identifies) == 1
        assert any("ignoring replayed event" in r.getMessage() for r in caplog.records)


async def test_a_429_on_message_create_still_posts_the_card_once(tmp_path: Path) -> None:
    async with flow(tmp_path) as f:
        f.fake.rate_limit_next["POST /channels/{id}/messages"] = 1
        await propose(f)
        posts = f.fake.find("POST", f"/channels/{f.general}/messages")
        assert [p.status for p in posts] == [429, 200]
        assert len(cards(f.fake, f.general)) == 1


async def test_a_meetup_of_another_guild_is_not_found_here(tmp_path: Path) -> None:
    async with flow(tmp_path) as f:
        meetup = await propose(f)
        other = f.fake.add_guild("Other", members=())
        mallory = f.fake.add_member(other, "mallory")
        # a forged click in the other guild on a message carrying guild 1's button
        ref_msg = card(f.fake, f.general, meetup)
        forged = dict(ref_msg) | {"channel_id": other.channels["general"], "id": "1"}
        f.fake.messages["1"] = forged
        responses = await f.click(mallory, "1", buttons(ref_msg)["Going"])
        assert f"no meetup #{meetup}" in said(responses[-1]).lower()
        assert responses[-1].json["data"]["flags"] == EPHEMERAL
        shown = await f.command(mallory, "show", guild=other, id=meetup)
        assert f"no meetup #{meetup}" in said(shown[-1]).lower()


async def test_buttons_of_a_missing_meetup_and_a_member_without_permission(
    tmp_path: Path,
) -> None:
    async with flow(tmp_path) as f:
        from bot.types import Button, Outgoing, Place, Text

        ref = await f.adapter.post(Place("discord", f.guild.id, f.general), Outgoing(
            body=(Text("old card"),), buttons=(Button("Going", "tw:rsvp:999:going"),)))
        gone = await f.click(f.alice, ref.message_id, "tw:rsvp:999:going")
        assert "no meetup #999" in said(gone[-1]).lower()
        meetup = await propose(f)
        stale = json.loads(json.dumps(card(f.fake, f.general, meetup)))
        cancelled = await f.command(f.alice, "cancel", id=meetup, reason="rain")
        assert "cancel" in " ".join(said(r) for r in cancelled).lower()
        iid = await f.fake.click(f.bob, stale["id"], buttons(stale)["Going"], as_seen=stale)
        late = await f.answered(iid)
        assert "cancel" in said(late[-1]).lower()
        assert all((r.json or {}).get("data", r.json or {}).get("flags") == EPHEMERAL
                   for r in late if r.method == "POST" and (r.json or {}).get("type") != 7)
        refused = await f.command(f.bob, "settings", watch="on")
        assert "admin" in said(refused[-1]).lower() or "manage" in said(refused[-1]).lower()
        allowed = await f.command(f.carol, "settings", timezone="Europe/Berlin")
        assert "Europe/Berlin" in said(allowed[-1])


async def test_channel_without_send_messages_gets_a_private_card_and_a_log_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING)
    async with flow(tmp_path) as f:
        locked = f.guild.channels["locked"]
        f.fake.denied_channels.add(locked)
        responses = await f.command(f.alice, "propose", channel="locked", title="Hidden",
                                    city="Berlin", when=FRIDAY)
        told = " ".join(said(r) for r in responses[1:])
        assert "can't post in this channel" in told.lower()
        assert all((r.json or {}).get("flags", EPHEMERAL) & EPHEMERAL for r in responses[2:])
        assert any("cannot post in channel" in r.getMessage() for r in caplog.records)
        assert "#1 · Hidden" in told  # the card itself, privately
        # nothing lost: the meetup is saved and can be shown where the bot may post
        shown = await f.command(f.alice, "show", id=1)
        assert "Hidden" in " ".join(said(r) for r in shown) + " ".join(
            text(m) for m in cards(f.fake, f.general))


async def test_fifty_members_click_going_at_once_on_ten_seats(tmp_path: Path) -> None:
    async with flow(tmp_path) as f:
        crowd = [f.fake.add_member(f.guild, f"m{i}") for i in range(50)]
        meetup = await propose(f, capacity=10)
        c = json.loads(json.dumps(card(f.fake, f.general, meetup)))
        going = buttons(c)["Going"]
        iids = [await f.fake.click(m, c["id"], going, as_seen=c) for m in crowd]
        for iid in iids:
            await f.answered(iid)
        final = text(card(f.fake, f.general, meetup))
        assert "10/10" in final.replace(" ", ""), final
        assert "40" in final, final
        # every click was answered exactly once, the card edits rode on the clicks themselves
        assert all(f.fake.interactions[i].responses[0].json["type"] in (6, 7) for i in iids)
        assert not f.fake.find("PATCH", rf"/channels/{f.general}/messages/\d+")
        assert f.fake.spec_errors == []


async def test_meetup_list_next_button_shows_page_two(tmp_path: Path) -> None:
    async with flow(tmp_path) as f:
        first_id = await propose(f, title="Meetup 0")
        meetup = await f.app.store.meetup(first_id)
        assert meetup is not None and meetup.starts_at is not None
        starts_at = meetup.starts_at
        await seed_meetups(f.app.store, meetup.community_id, 24, first=1, now=START,
                           starts=lambda i: starts_at + timedelta(days=i), channel=f.general,
                           organizer=str(f.alice.id), city=(meetup.city_id, "Berlin, DE"))
        listed = await f.command(f.bob, "list")
        assert "Showing 1–10 of 25 (page 1 of 3)" in said(listed[-1])
        page_one = next(m for m in f.fake.messages.values() if "Showing 1–10" in text(m))
        assert page_one["flags"] & EPHEMERAL and list(buttons(page_one)) == ["Next →"]
        clicked = await f.click(f.bob, page_one["id"], buttons(page_one)["Next →"])
        page_two = said(clicked[-1])
        assert "Showing 11–20 of 25 (page 2 of 3)" in page_two, page_two
        assert "Meetup 10" in page_two and "#1 Meetup 0" not in page_two
        assert f.fake.spec_errors == []


async def test_a_discord_timestamp_in_when_is_read_as_that_instant(tmp_path: Path) -> None:
    # a member pastes Discord's timestamp markup (any style letter, or none); the adapter's
    # inbound layer turns it into the instant before the core reads the `when`
    at = datetime(2030, 1, 11, 18, 30, tzinfo=UTC)
    unix = int(at.timestamp())
    async with flow(tmp_path) as f:
        meetup = await propose(f, when=f"<t:{unix}:F>")
        stored = await f.app.store.meetup(meetup)
        assert stored.starts_at == at
        poll = await propose(f, when=f"<t:{unix}> | <t:{unix + 86400}:R>")
        options, _ = await f.app.store.poll(poll)
        assert [o.starts_at for o in options] == [at, at + timedelta(days=1)]
