"""A member's own commands and admin settings, through the core."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from bot import actions
from bot.store import schema as t
from tests.support import Harness, Sent


async def test_home_nearby_and_name_consent(harness: Harness) -> None:
    reply = await harness.command("alice", "nearby")
    assert reply is not None and "home city first" in reply.text
    await harness.command("alice", "home", city="Berlin")
    await harness.command("bob", "home", city="Potsdam")  # ~27 km away
    await harness.command("carol", "home", city="Potsdam")
    await harness.command("dave", "home", city="Hamburg")  # ~255 km away
    await harness.command("bob", "privacy", show_name="yes")
    reply = await harness.command("alice", "nearby")
    assert reply is not None and "2 other members" in reply.text and "within 50 km" in reply.text
    assert "@Bob" in reply.text and "Carol" not in reply.text
    assert "1 who keep their name private" in reply.text
    reply = await harness.command("alice", "nearby", radius="300")
    assert reply is not None and "3 other members" in reply.text
    cleared = await harness.command("bob", "home", city="none")
    assert cleared is not None and "Cleared" in cleared.text
    member = await harness.store.member(1, "bob")
    assert member is not None and member.home_city_id is None


async def test_travel_stores_the_days_in_the_community_zone(harness: Harness) -> None:
    reply = await harness.command("bob", "travel", city="Chicago", when="2030-01-14 to 2030-01-16")
    assert reply is not None and "Chicago" in reply.text
    trips = await harness.store.trips(1, date(2030, 1, 1))
    assert trips and trips[0][2:] == (date(2030, 1, 14), date(2030, 1, 16))
    for when, expect in (("last year", "past"), ("2030-01-01", "past"),
                         ("gibberish dates", "couldn't read")):
        reply = await harness.command("bob", "travel", city="Chicago", when=when)
        assert reply is not None and expect in reply.text, (when, reply.text)
    assert len(await harness.store.trips(1, date(2030, 1, 1))) == 1


async def test_bad_member_options_are_refused(harness: Harness) -> None:
    cases = [
        ("privacy", {"show_name": "maybe"}, "show-name:yes"),
        ("reminders", {"lead": "soonish"}, "lead time"),
        ("reminders", {"lead": "1d,2h,3h,4h,5h,6h"}, "At most 5"),
        ("reminders", {"lead": "1m"}, "between 5 minutes"),
        ("nearby", {"radius": "0"}, ""),
        ("home", {"city": "Atlantis Undersea"}, "don't know a city"),
        ("home", {"city": ""}, "no home city set"),
        ("travel", {"city": "Chicago"}, "When are you there?"),
        ("travel", {"when": "next week"}, "Which city?"),
    ]
    for name, options, expect in cases:
        reply = await harness.command("erin", name, **options)
        assert reply is not None and reply.msg is not None and reply.msg.ephemeral
        assert expect in reply.text, (name, options, reply.text)


async def test_settings_are_for_admins_and_validated_all_or_nothing(harness: Harness) -> None:
    reply = await harness.command("bob", "settings", timezone="Europe/Berlin")
    assert reply is not None and "Only admins" in reply.text
    reply = await harness.command("alice", "settings", admin=True, timezone="Mars/Olympus",
                                  leads="2h")
    assert reply is not None and "not a time zone" in reply.text
    community = await harness.store.community("fake", "w1", timezone="UTC",
                                              now=harness.clock.now())
    assert community.timezone == "UTC" and community.reminder_leads == (1440, 120)
    reply = await harness.command("alice", "settings", admin=True, timezone="Europe/Berlin",
                                  leads="3d, 1h", threshold="4", radius="25", watch="on")
    assert reply is not None and "Saved" in reply.text and "3d, 1h" in reply.text
    community = await harness.store.community("fake", "w1", timezone="UTC",
                                              now=harness.clock.now())
    assert community.timezone == "Europe/Berlin" and community.reminder_leads == (4320, 60)
    assert community.suggest_threshold == 4 and community.suggest_radius_km == 25
    assert await harness.store.is_watched(community.id, "general")
    for bad in ({"threshold": "1"}, {"radius": "9999"}, {"who_proposes": "nobody"},
                {"offer_hours": "x"}):
        reply = await harness.command("alice", "settings", admin=True, **bad)
        assert reply is not None and "must" in reply.text, (bad, reply.text)


async def test_forget_asks_first_then_deletes_everything_and_frees_seats(
        harness: Harness) -> None:
    mid = await harness.propose(capacity="1")
    poll = await harness.propose(when="2030-01-10 19:00 | 2030-01-12 19:00")
    await harness.command("bob", "home", city="Berlin")
    await harness.command("bob", "travel", city="Paris", when="2030-02-01 to 2030-02-03")
    await harness.click("bob", actions.encode("rsvp", mid, "going"))
    await harness.click("carol", actions.encode("rsvp", mid, "going"))  # waitlisted
    await harness.click("bob", actions.encode("vote", poll, 1, "yes"))
    reply = await harness.command("bob", "forget")
    assert reply is not None and reply.msg is not None
    labels = [b.label for b in reply.msg.buttons]
    assert labels == ["Yes, delete it all", "Keep my data"]
    await harness.click("bob", actions.encode("forget", "no"))
    assert "Nothing was deleted" in harness.adapter.last_reply("bob").text
    assert await harness.store.member(1, "bob") is not None
    await harness.click("bob", actions.encode("forget", "yes"))
    done = harness.adapter.last_reply("bob").text
    assert "Deleted:" in done and "1 RSVP" in done and "1 trip" in done and "1 poll vote" in done
    async with harness.store.engine.connect() as conn:
        for table, column in (*t.MEMBER_TABLES, (t.processed_events, "user_id"),
                              (t.rate_counters, "user_id")):
            n = (await conn.execute(select(func.count()).select_from(table)
                                    .where(table.c[column] == "bob"))).scalar()
            assert n == 0, table.name
    # Bob's seat went to Carol, who was waiting.
    assert any("seat opened up" in d.text for d in harness.adapter.dms_to("carol"))


def _buttons(reply: Sent | None) -> list[tuple[str, str]]:
    assert reply is not None and reply.msg is not None
    return [(b.label, b.action_id) for b in reply.msg.buttons]


async def test_travel_without_options_lists_your_trips_with_remove_buttons(
        harness: Harness) -> None:
    empty = await harness.command("bob", "travel")
    assert empty is not None and "no trips" in empty.text and "/meetup travel city:" in empty.text
    await harness.command("bob", "travel", city="Chicago", when="2030-01-14 to 2030-01-16")
    await harness.command("bob", "travel", city="Paris", when="2030-02-01 to 2030-02-03")
    await harness.command("carol", "travel", city="Rome", when="2030-02-01 to 2030-02-03")
    listed = await harness.command("bob", "travel")
    assert listed is not None and listed.msg is not None and listed.msg.ephemeral
    assert "Chicago" in listed.text and "Paris" in listed.text and "Rome" not in listed.text
    buttons = _buttons(listed)
    assert [label for label, _ in buttons] == ["Remove Chicago", "Remove Paris"]
    refused = await harness.click("carol", buttons[0][1])
    assert refused is not None and "not one of your trips" in refused.text
    assert len(await harness.store.trips(1, date(2030, 1, 1))) == 3
    removed = await harness.click("bob", buttons[0][1])
    assert removed is not None and "Removed your trip to Chicago" in removed.text
    left = await harness.store.trips(1, date(2030, 1, 1))
    assert sorted(trip[0] for trip in left) == ["bob", "carol"]
    again = await harness.click("bob", buttons[0][1])
    assert again is not None and "not one of your trips" in again.text


async def test_home_without_options_shows_your_home_with_a_remove_button(
        harness: Harness) -> None:
    empty = await harness.command("bob", "home")
    assert empty is not None and "no home city" in empty.text
    assert "/meetup home city:" in empty.text and _buttons(empty) == []
    await harness.command("bob", "home", city="Berlin")
    shown = await harness.command("bob", "home")
    assert shown is not None and shown.msg is not None and shown.msg.ephemeral
    assert "Berlin" in shown.text
    [(label, action_id)] = _buttons(shown)
    assert label == "Remove my home city"
    done = await harness.click("bob", action_id)
    assert done is not None and "Cleared your home city" in done.text
    member = await harness.store.member(1, "bob")
    assert member is not None and member.home_city_id is None


async def test_reminders_without_options_shows_your_lead_times(harness: Harness) -> None:
    shown = await harness.command("bob", "reminders")
    assert shown is not None and "1d, 2h" in shown.text and "community's default" in shown.text
    await harness.command("bob", "reminders", lead="3h")
    shown = await harness.command("bob", "reminders")
    assert shown is not None and "3h" in shown.text and "default" not in shown.text.split(".")[0]
    help_text = (await harness.command("bob", "help"))
    assert help_text is not None and "5 minutes" in help_text.text


async def test_every_member_sees_the_settings_and_only_admins_change_them(
        harness: Harness) -> None:
    shown = await harness.command("bob", "settings")
    assert shown is not None and "time zone UTC" in shown.text and "Saved" not in shown.text
    assert "who proposes: everyone" in shown.text
    refused = await harness.command("bob", "settings", threshold="5")
    assert refused is not None and "Only admins" in refused.text
    community = await harness.store.community("fake", "w1", timezone="UTC",
                                              now=harness.clock.now())
    assert community.suggest_threshold == 3


async def test_forget_reports_in_plain_words(harness: Harness) -> None:
    mid = await harness.propose()
    other = await harness.propose(title="Tea", when="2030-01-12 19:00")
    await harness.command("bob", "travel", city="Paris", when="2030-02-01 to 2030-02-03")
    await harness.command("bob", "travel", city="Rome", when="2030-03-01 to 2030-03-03")
    await harness.click("bob", actions.encode("rsvp", mid, "going"))
    await harness.click("bob", actions.encode("rsvp", other, "maybe"))
    await harness.click("bob", actions.encode("forget", "yes"))
    done = harness.adapter.last_reply("bob").text
    assert "2 trips" in done and "2 RSVPs" in done, done
    assert "_" not in done and "processed" not in done and "1 profile" not in done, done
