"""The watcher through the real core: curated city names and the context that picks among
namesakes (the speaker's own home)."""

from __future__ import annotations

from tests.support import Harness
from tests.test_watcher import asked, questions, watch

RICHMOND_BC = 6122085
RICHMOND_VA = 4781708
BOSTON = 4930956


async def test_a_nickname_is_asked_about_as_its_city(harness: Harness) -> None:
    await watch(harness)
    await harness.say("dave", "Hi all, I live in Beantown and I'm new here")
    [question] = asked(harness, "dave")
    assert "Boston" in question.text
    assert await questions(harness) == [("dave", BOSTON, "home", None)]


async def test_the_speakers_own_home_picks_the_namesake(harness: Harness) -> None:
    """Members live near Richmond, Virginia; the speaker lives in Vancouver: their "Richmond"
    is the one next door, not a question among namesakes."""
    for user in ("bob", "carol"):
        await harness.command(user, "home", city="Richmond, Virginia")
    await harness.command("dave", "home", city="Vancouver, British Columbia")
    await watch(harness)
    await harness.say("dave", "I'll be in Richmond March 3-5 for a conference")
    [question] = asked(harness, "dave")
    assert "Richmond" in question.text
    assert await questions(harness) == [("dave", RICHMOND_BC, "trip", None)]


async def test_without_the_speakers_home_comparable_namesakes_are_asked_among(
        harness: Harness) -> None:
    for user in ("bob", "carol"):
        await harness.command(user, "home", city="Richmond, Virginia")
    await harness.command("erin", "home", city="Vancouver, British Columbia")
    await watch(harness)
    await harness.say("dave", "I'll be in Richmond March 3-5 for a conference")
    [question] = asked(harness, "dave")
    assert question.msg is not None
    labels = [b.label for b in question.msg.buttons]
    assert "Richmond, Virginia, US" in labels and "Richmond, British Columbia, CA" in labels

