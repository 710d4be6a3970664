"""One meetup's whole life and the watcher's suggestion, run on every platform: the in-memory
fake (Core.handle), the console, Discord through its wire fake and Slack through its wire fake
(tests/scenarios/conftest.py). A new platform passes by adding a driver (docs/testing.md).

The clock starts Monday 2030-01-07 09:00 UTC. Berlin is UTC+1 in January.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.support.drivers.base import ChatDriver, has, last_with

DAY_BEFORE = datetime(2030, 1, 10, 18, 30, tzinfo=UTC)  # the poll's winner starts 11 Jan 18:00Z


def reminders(driver: ChatDriver, user: str) -> list[str]:
    """The reminder DMs (titled "Reminder: <title> in <lead>")."""
    return [t for t in driver.dms(user) if has(t, "Reminder: Board games in")]


async def test_a_meetup_from_date_poll_to_cancellation(driver: ChatDriver) -> None:
    await driver.command("alice", "propose", title="Board games", city="Berlin",
                         when="2030-01-10 19:00 | 2030-01-11 19:00", capacity="2")
    assert has(driver.card(1), "#1", "Board games", "pick a date")

    # the poll: a vote opens a private ballot; the tally is on the card
    for user, option in (("bob", 2), ("carol", 2), ("dave", 1)):
        await driver.click(user, f"Vote {option}", on=1)
        assert has(driver.private(user)[-1], f"Option {option}")
        await driver.click(user, "Yes")
    assert has(driver.card(1), "3 members voted")

    # closing picks Friday and invites its yes voters by DM
    await driver.click("alice", "Close poll", on=1)
    assert has(driver.card(1), "Going 0 / 2")
    assert has(driver.card(1), "Fri 11 Jan 2030 19:00 CET")
    assert has(last_with(driver.dms("bob"), "Board games"), "Fri 11 Jan")
    assert driver.dms("dave") == []  # voted for Thursday only

    # RSVPs up to capacity, then the waitlist
    await driver.click("bob", "Going", on=1)
    await driver.click("carol", "Going")  # from her invitation DM
    await driver.click("dave", "Going", on=1)
    assert has(driver.private("dave")[-1], "waitlist")
    assert has(driver.card(1), "Going 2 / 2", "Waitlist 1")

    # a freed seat is offered to the first waiting, who takes it from the DM
    await driver.click("bob", "Can't go", on=1)
    assert has(last_with(driver.dms("dave"), "seat opened up"), "Board games")
    await driver.click("dave", "Take the seat")
    assert has(driver.private("dave")[-1], "You're going")
    assert has(driver.card(1), "Going 2 / 2") and not has(driver.card(1), "Waitlist")

    # the day before: a reminder for each member going, none for bob
    await driver.advance(DAY_BEFORE - driver.start)  # the clock has not moved before
    assert has(reminders(driver, "carol")[-1], "Board games in 1d", "Fri 11 Jan 2030 19:00 CET")
    assert len(reminders(driver, "dave")) == 1
    assert reminders(driver, "bob") == []

    # cancelled: the card says so, those going are told, no more reminders
    await driver.command("alice", "cancel", id="1", reason="rain")
    assert has(driver.card(1), "cancelled")
    assert has(last_with(driver.dms("carol"), "cancelled"), "rain")
    await driver.advance(timedelta(days=1))
    assert len(reminders(driver, "carol")) == len(reminders(driver, "dave")) == 1


async def test_a_proposal_through_the_form(driver: ChatDriver) -> None:
    await driver.command("bob", "help")
    await driver.click("bob", "Propose a meetup")
    await driver.submit("bob", {"title": "Picnic", "city": "Berlin",
                                "when": "2030-01-12 12:00 UTC", "venue": "Tiergarten",
                                "repeat": ""})
    assert has(driver.card(1), "#1", "Picnic", "Tiergarten")
    assert has(driver.private("bob")[-1], "Proposed #1 Picnic")


async def test_a_series_through_the_forms_repeat(driver: ChatDriver) -> None:
    await driver.command("bob", "help")
    await driver.click("bob", "Propose a meetup")
    await driver.submit("bob", {"title": "Pub night", "city": "Berlin",
                                "when": "2030-01-10 19:00", "venue": "",
                                "repeat": "every first thursday"})
    assert has(driver.private("bob")[-1], "every first Thursday of the month", "Create it?")
    await driver.click("bob", "Create the series")
    assert has(driver.card(1), "#1", "Pub night", "every first Thursday of the month")


async def test_the_watcher_asks_first_then_suggests_a_meetup(driver: ChatDriver) -> None:
    await driver.command("alice", "settings", watch="on")
    await driver.command("bob", "home", city="Portland, Oregon")
    await driver.command("carol", "travel", city="Portland, Oregon",
                         when="2030-02-03 to 2030-02-05")
    await driver.say("dave", "I live in Beaverton and love it")
    assert has(driver.private("dave")[-1], "Count you as Beaverton-based")
    assert not any(has(p, "Meetup idea") for p in driver.posts())  # nothing before consent
    await driver.click("dave", "Yes")
    idea = last_with(driver.posts(), "Meetup idea")
    assert has(idea, "3 members are around Portland, Oregon")
    for user in ("bob", "carol", "dave"):
        await driver.click(user, "I'm in", on="Meetup idea")
    assert has(driver.posts()[-1], "3 members are in")
