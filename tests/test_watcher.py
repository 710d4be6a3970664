"""The discussion watcher through the real core and store: private questions, answers,
suggestions, interest, forged buttons, /meetup forget, and any text at all."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from bot import actions
from bot.store import schema as t
from tests.support import Harness, Sent

# The clock starts Monday 2030-01-07 09:00 UTC.
PORTLAND = 5746545
CHICAGO = 4887398


async def watch(harness: Harness, channel: str = "general") -> None:
    await harness.command("admin", "settings", admin=True, channel=channel, watch="on")
    harness.adapter.clear()


async def questions(harness: Harness) -> list[tuple[str, int, str, str | None]]:
    q = t.place_questions
    async with harness.store.engine.connect() as conn:
        rows = (await conn.execute(select(q.c.user_id, q.c.city_id, q.c.kind, q.c.answer)
                                   .order_by(q.c.id))).all()
    return [(r.user_id, r.city_id, r.kind, r.answer) for r in rows]


async def suggestion_count(harness: Harness) -> int:
    async with harness.store.engine.connect() as conn:
        return len((await conn.execute(select(t.suggestions.c.id))).all())


def asked(harness: Harness, user: str) -> list[Sent]:
    return [s for s in harness.adapter.replies_to(user)
            if s.msg and any(b.action_id.startswith("tw:place:") for b in s.msg.buttons)]


def button(sent: Sent, label: str) -> str:
    assert sent.msg is not None
    for b in sent.msg.buttons:
        if b.label == label:
            return b.action_id
    raise AssertionError(f"no {label!r} button in {sent.text!r}")


def cards(harness: Harness) -> list[Sent]:
    return [s for s in harness.adapter.of("post") if s.msg and s.msg.title == "Meetup idea"]


@pytest.fixture
async def each_engine(database_url: str) -> AsyncIterator[Harness]:
    """The harness on SQLite, and on PostgreSQL when TWEETUP_TEST_POSTGRES_URL is set."""
    harness = await Harness(database_url).start()
    try:
        yield harness
    finally:
        await harness.stop()


async def test_question_answer_suggestion_and_interest_on_every_engine(
        each_engine: Harness) -> None:
    harness = each_engine
    await watch(harness)
    await harness.command("bob", "home", city="Portland, Oregon")
    await harness.command("carol", "travel", city="Portland, Oregon",
                          when="2030-02-03 to 2030-02-05")
    await harness.say("dave", "I live in Beaverton and love it")
    await harness.say("dave", "I'll be in Chicago March 3-5")  # the same day: not asked
    [question] = asked(harness, "dave")
    assert await questions(harness) == [("dave", 5713376, "home", None)]
    await harness.click("dave", button(question, "Yes"))
    await harness.click("dave", button(question, "Yes"))  # a second click changes nothing
    [card] = cards(harness)
    assert "3 members are around Portland, Oregon, US on Feb 3–5" in card.text
    for user in ("bob", "carol", "dave", "dave"):
        await harness.click(user, button(card, "I'm in"))
    assert sorted(await harness.store.interested(1)) == ["bob", "carol", "dave"]
    assert [s.text for s in harness.adapter.of("post")][-1].startswith("3 members are in")
    harness.clock.advance(timedelta(days=1))
    await harness.say("dave", "I'll be in Chicago March 3-5")
    assert len(asked(harness, "dave")) == 2
    await harness.click("dave", button(asked(harness, "dave")[1], "No"))
    assert await questions(harness) == [("dave", 5713376, "home", "yes"),
                                  ("dave", CHICAGO, "trip", "no")]
    assert await harness.store.trips(1, date(2030, 1, 1)) == [
        ("carol", PORTLAND, date(2030, 2, 3), date(2030, 2, 5))]


async def test_unwatched_channels_are_left_alone(harness: Harness) -> None:
    await harness.say("dave", "I live in Portland, Oregon. We should meet up for drinks!")
    await watch(harness, channel="other")
    await harness.say("dave", "I live in Portland, Oregon. We should meet up for drinks!")
    assert harness.adapter.sent == []
    assert await questions(harness) == []
    assert await harness.store.member(1, "dave") is None  # nothing stored about the speaker


async def test_a_home_statement_is_a_private_question_and_yes_stores_it(
        harness: Harness) -> None:
    await watch(harness)
    await harness.say("dave", "Hi all! I live in Portland, Oregon, and I'm new here.")
    [question] = asked(harness, "dave")
    assert question.msg is not None and question.msg.ephemeral
    assert question.text.startswith("Count you as Portland-based for meetup suggestions?")
    assert "Portland, Oregon, US" in question.text
    assert [b.label for b in question.msg.buttons] == ["Yes", "No", "Don't ask again"]
    # only the pending question is stored before Yes
    assert await questions(harness) == [("dave", PORTLAND, "home", None)]
    member = await harness.store.member(1, "dave")
    assert member is not None and member.home_city_id is None
    reply = await harness.click("dave", button(question, "Yes"))
    assert reply is not None and "your home city is Portland, Oregon, US" in reply.text
    member = await harness.store.member(1, "dave")
    assert member is not None and member.home_city_id == PORTLAND
    assert await questions(harness) == [("dave", PORTLAND, "home", "yes")]
    again = await harness.click("dave", button(question, "No"))
    assert again is not None and "already answered" in again.text
    member = await harness.store.member(1, "dave")
    assert member is not None and member.home_city_id == PORTLAND


async def test_a_trip_statement_asks_with_its_days_and_yes_adds_the_trip(
        harness: Harness) -> None:
    await watch(harness)
    await harness.say("erin", "I'll be in Chicago March 3-5 for a conference")
    [question] = asked(harness, "erin")
    assert question.text.startswith("Count you as in Chicago Mar 3–5 for meetup suggestions?")
    assert await harness.store.trips(1, date(2030, 1, 1)) == []
    await harness.click("erin", button(question, "Yes"))
    assert await harness.store.trips(1, date(2030, 1, 1)) == [
        ("erin", CHICAGO, date(2030, 3, 3), date(2030, 3, 5))]
    assert "you'll be in Chicago, Illinois, US Mar 3–5" in harness.adapter.last_reply("erin").text


async def test_statements_without_a_question(harness: Harness) -> None:
    await watch(harness)
    await harness.command("dave", "home", city="Portland, Oregon")
    await harness.command("dave", "travel", city="Chicago", when="2030-03-03 to 2030-03-05")
    for text in ("I live in Portland, Oregon",  # already their home
                 "I'll be in Chicago March 4-5",  # a trip they told us about already
                 "I'll be in Seattle sometime",  # a trip without days
                 "my sister lives in Denver",
                 "```\nI live in Boston\n```",
                 "see https://boston.example.com/i-live-in-boston"):
        await harness.say("dave", text)
    assert asked(harness, "dave") == []
    assert await questions(harness) == []


async def test_once_per_place_once_a_day_and_never_after_dont_ask_again(
        harness: Harness) -> None:
    await watch(harness)
    await harness.say("dave", "I live in Portland, Oregon")
    await harness.say("dave", "I'll be in Chicago March 3-5")  # same day: not asked
    assert len(asked(harness, "dave")) == 1
    await harness.click("dave", button(asked(harness, "dave")[0], "No"))
    harness.clock.advance(timedelta(hours=23))
    await harness.say("dave", "I'll be in Chicago March 3-5")
    assert len(asked(harness, "dave")) == 1  # still within a day of the first question
    harness.clock.advance(timedelta(hours=2))
    await harness.say("dave", "I live in Portland, Oregon")  # said No to Portland
    assert len(asked(harness, "dave")) == 1
    await harness.say("dave", "I'll be in Chicago March 3-5")
    assert len(asked(harness, "dave")) == 2
    await harness.click("dave", button(asked(harness, "dave")[1], "Don't ask again"))
    harness.clock.advance(timedelta(days=30))
    await harness.say("dave", "I moved to Lisbon last year")
    await harness.say("dave", "I'll be in Seattle March 10-12")
    assert len(asked(harness, "dave")) == 2
    assert await questions(harness) == [("dave", PORTLAND, "home", "no"),
                                        ("dave", CHICAGO, "trip", "never")]
    assert await harness.store.trips(1, date(2030, 1, 1)) == []


async def test_forged_and_foreign_buttons_change_nothing(harness: Harness) -> None:
    await watch(harness)
    await harness.say("dave", "I live in Portland, Oregon")
    yes = button(asked(harness, "dave")[0], "Yes")
    qid = yes.split(":")[2]
    await harness.command("x1", "home", city="Seattle")
    await harness.command("x2", "home", city="Seattle")
    await harness.command("x3", "home", city="Seattle")
    [card] = cards(harness)
    im_in, propose = (b.action_id for b in card.msg.buttons)  # type: ignore[union-attr]
    forged = [
        ("mallory", yes, "isn't one I asked you"),  # someone else's question
        ("dave", f"tw:place:{qid}:yes:{CHICAGO}", "isn't one I asked you"),  # wrong place
        ("dave", f"tw:place:{qid}:maybe:{PORTLAND}", "not one of Yes"),
        ("dave", f"tw:place:999:yes:{PORTLAND}", "isn't one I asked you"),
        ("dave", "tw:place:x:yes:1", "not one I know"),
        ("mallory", "tw:interest:999", "no such meetup suggestion"),
        ("mallory", "tw:suggest:999", "no such meetup suggestion"),
    ]
    for user, action_id, expect in forged:
        reply = await harness.click(user, action_id)
        assert reply is not None and reply.msg is not None and reply.msg.ephemeral
        assert expect in reply.text, (action_id, reply.text)
    # the same ids from another community
    for user, action_id in (("dave", yes), ("dave", im_in), ("dave", propose)):
        reply = await harness.click(user, action_id, workspace="w2")
        assert reply is not None and ("isn't one I asked" in reply.text
                                      or "no such meetup suggestion" in reply.text)
    assert await questions(harness) == [("dave", PORTLAND, "home", None)]
    member = await harness.store.member(1, "dave")
    assert member is not None and member.home_city_id is None
    assert await harness.store.interested(1) == []
    assert harness.adapter.of("form") == []


async def test_enough_members_nearby_get_a_suggestion_card_with_consenting_names(
        harness: Harness) -> None:
    await harness.command("bob", "privacy", show_name="yes")
    await harness.command("bob", "home", city="Portland, Oregon")
    await harness.command("carol", "home", city="Beaverton")
    assert cards(harness) == []
    await harness.command("dave", "home", city="Gresham", channel="pdx")
    [card] = cards(harness)
    assert card.to.channel_id == "pdx"  # where the change happened
    assert card.text.startswith(
        "Meetup idea\n3 members are around Portland, Oregon, US — how about a meetup?")
    assert "Among them: @Bob and 2 more." in card.text
    assert "Carol" not in card.text and "Dave" not in card.text
    assert card.msg is not None and card.msg.ping == ()
    assert [b.label for b in card.msg.buttons] == ["I'm in", "Propose one"]
    # cooldown: more members do not bring another card for a month
    await harness.command("erin", "home", city="Portland, Oregon")
    assert len(cards(harness)) == 1
    harness.clock.advance(timedelta(days=31))
    await harness.command("frank", "home", city="Portland, Oregon")
    assert len(cards(harness)) == 2
    assert cards(harness)[-1].text.startswith("Meetup idea\n5 members are around Portland")


async def test_a_coming_meetup_in_the_area_means_no_suggestion(harness: Harness) -> None:
    await harness.propose(city="Portland, Oregon", when="2030-01-20 19:00")
    for user in ("bob", "carol", "dave"):
        await harness.command(user, "home", city="Portland, Oregon")
    assert cards(harness) == []
    assert await suggestion_count(harness) == 0


async def test_yes_in_a_watched_channel_completes_a_cluster(harness: Harness) -> None:
    await watch(harness)
    await harness.command("bob", "home", city="Portland, Oregon", channel="elsewhere")
    await harness.command("carol", "home", city="Portland, Oregon", channel="elsewhere")
    await harness.say("dave", "Portland-based here, hi!")
    await harness.click("dave", button(asked(harness, "dave")[0], "Yes"))
    [card] = cards(harness)
    assert card.to.channel_id == "general"
    assert "3 members are around Portland, Oregon, US" in card.text


async def test_trip_cluster_names_the_days_and_prefills_the_propose_form(
        harness: Harness) -> None:
    await harness.command("bob", "travel", city="Chicago", when="2030-03-03 to 2030-03-05")
    await harness.command("carol", "travel", city="Evanston, Illinois",
                          when="2030-03-04 to 2030-03-08")
    await harness.command("dave", "travel", city="Chicago", when="2030-03-10 to 2030-03-12")
    assert cards(harness) == []  # dave is there at another time
    await harness.command("erin", "home", city="Chicago")
    [card] = cards(harness)
    assert "3 members are around Chicago, Illinois, US on Mar 4–5 — how about" in card.text
    propose = button(card, "Propose one")
    await harness.click("bob", propose)
    [form] = harness.adapter.of("form")
    assert form.form is not None
    values = {f.name: f.default for f in form.form.fields}
    assert values["city"] == "Chicago, Illinois, US"
    assert values["when"] == "2030-03-04 19:00 | 2030-03-05 19:00"
    assert values["title"] == "Meetup in Chicago"
    await harness.submit("bob", form.form.form_id, values)
    posts = harness.adapter.of("post")
    assert posts[-1].msg is not None and (posts[-1].msg.title or "").startswith("#1 ")


async def test_im_in_counts_once_and_tells_the_channel_at_the_threshold(
        harness: Harness) -> None:
    for user in ("bob", "carol", "dave"):
        await harness.command(user, "home", city="Portland, Oregon")
    [card] = cards(harness)
    im_in = button(card, "I'm in")
    await harness.command("bob", "privacy", show_name="yes")
    reply = await harness.click("bob", im_in)
    assert reply is not None and "1 of 3 so far" in reply.text
    reply = await harness.click("bob", im_in)
    assert reply is not None and "already in" in reply.text
    await harness.click("carol", im_in)
    before = len(harness.adapter.of("post"))
    await harness.click("erin", im_in)
    [told] = harness.adapter.of("post")[before:]
    assert told.to.channel_id == "general"
    assert told.text.startswith("3 members are in for a meetup around Portland, Oregon, US!")
    assert "@Bob and 2 more" in told.text and told.msg is not None
    assert [u.id for u in told.msg.ping] == ["bob"]
    assert [b.label for b in told.msg.buttons] == ["Propose one"]
    await harness.click("frank", im_in)  # the fourth does not announce again
    assert len(harness.adapter.of("post")) == before + 1
    assert sorted(await harness.store.interested(1)) == ["bob", "carol", "erin", "frank"]


async def test_meetup_intent_from_a_near_threshold_cluster_brings_the_suggestion_sooner(
        harness: Harness) -> None:
    await watch(harness)
    await harness.command("bob", "home", city="Portland, Oregon")
    await harness.command("carol", "home", city="Beaverton")
    await harness.say("zed", "we should meet up for drinks sometime!")  # no home: nothing
    await harness.say("carol", "we should meet up for drinks sometime!", channel="other")
    assert cards(harness) == []
    await harness.say("carol", "we should meet up for drinks sometime!")
    [card] = cards(harness)
    assert "2 members are around Portland, Oregon, US" in card.text
    await harness.say("bob", "yes, anyone up for coffee?")  # cooldown holds
    assert len(cards(harness)) == 1


async def test_a_card_that_cannot_be_posted_is_not_counted(harness: Harness) -> None:
    harness.adapter.closed_channels.add("general")
    for user in ("bob", "carol", "dave"):
        await harness.command(user, "home", city="Portland, Oregon")
    assert await suggestion_count(harness) == 0
    harness.adapter.closed_channels.clear()
    await harness.command("erin", "home", city="Portland, Oregon")
    assert len(cards(harness)) == 1 and await suggestion_count(harness) == 1


async def test_forget_removes_questions_and_answers_and_allows_asking_afresh(
        harness: Harness) -> None:
    await watch(harness)
    for user in ("bob", "carol", "dave"):
        await harness.command(user, "home", city="Portland, Oregon")
    [card] = cards(harness)
    await harness.click("dave", button(card, "I'm in"))
    await harness.say("dave", "I'll be in Chicago March 3-5")
    assert await questions(harness) == [("dave", CHICAGO, "trip", None)]
    reply = await harness.click("dave", actions.encode("forget", "yes"))
    assert reply is not None and "1 question about your places" in reply.text
    assert "1 meetup idea you were in for" in reply.text
    assert await questions(harness) == []
    assert await harness.store.interested(1) == []
    old_yes = button(asked(harness, "dave")[0], "Yes")
    reply = await harness.click("dave", old_yes)
    assert reply is not None and "isn't one I asked you" in reply.text
    await harness.say("dave", "I'll be in Chicago March 3-5")  # asked afresh, same day
    assert len(asked(harness, "dave")) == 2
    assert await questions(harness) == [("dave", CHICAGO, "trip", None)]


# --- any text at all ------------------------------------------------------------------------------


class _Errors(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(scope="module")
def chat(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[asyncio.Runner, Harness]]:
    path: Path = tmp_path_factory.mktemp("watcher") / "chat.db"
    runner = asyncio.Runner()
    harness = Harness(f"sqlite+aiosqlite:///{path}")
    runner.run(harness.start())
    runner.run(watch(harness))
    runner.run(harness.command("bob", "home", city="Portland, Oregon"))
    runner.run(harness.command("carol", "home", city="Portland, Oregon"))
    try:
        yield runner, harness
    finally:
        runner.run(harness.stop())
        runner.close()


def _say_all(chat: tuple[asyncio.Runner, Harness], texts: list[str]) -> None:
    runner, harness = chat
    errors = _Errors()
    logging.getLogger().addHandler(errors)
    try:
        for i, text in enumerate(texts):
            runner.run(harness.say(("bob", "carol", "newbie")[i % 3], text))
    finally:
        logging.getLogger().removeHandler(errors)
    assert errors.records == [], [r.getMessage() for r in errors.records]


NASTY = [
    "I live in Portland " * 2200,  # ~40,000 characters
    "x" * 40_000,
    "🎉" * 40_000,
    "```python\nI live in Portland\nwhile True: meet_up()\n```",
    "`I'll be in Chicago March 3-5`",
    "https://www.portland.gov/i-live-in-portland?next=chicago-march-3-5",
    "www.berlin.de/moved-to-berlin and https://x.io/we-should-meet-up",
    "> I live in Chicago\nquoted",
    "I live in \x00Portland\u202e\u200b, Oregon 🇺🇸 🎉🎉 let's meet up!",
    "I'll be in Chicago from 99/99 to 2030-13-45, then Berlin 2030-02-30",
    "I'll be in Chicago March 3-5 " + "and Berlin " * 500,
    "\n" * 5000 + "I live in Portland",
    "@everyone <!here> <@123> I'm in Portland, drinks?",
    "Ich wohne in München 🍺 und komme nach Köln am 3.3.",
    "",
    " ",
]


def test_nasty_messages_go_through_the_watcher(chat: tuple[asyncio.Runner, Harness]) -> None:
    _say_all(chat, NASTY)


@settings(max_examples=120, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=100).map(
        lambda s: f"I'll be in Chicago {s} March 3-5"),
    st.text(max_size=60).map(lambda s: f"I live in {s}"),
    st.sampled_from(NASTY[3:]),
), min_size=1, max_size=4))
def test_any_text_goes_through_the_watcher(chat: tuple[asyncio.Runner, Harness],
                                           texts: list[str]) -> None:
    _say_all(chat, texts)


async def test_concurrent_changes_post_one_card(each_engine: Harness) -> None:
    harness = each_engine
    await harness.command("bob", "home", city="Portland, Oregon")
    await harness.command("carol", "home", city="Portland, Oregon")
    await asyncio.gather(*(harness.command(u, "home", city="Portland, Oregon")
                           for u in ("dave", "erin", "frank")))
    assert len(cards(harness)) == 1 and await suggestion_count(harness) == 1


async def test_yes_clicked_in_a_dm_posts_the_card_where_the_member_spoke(
        harness: Harness) -> None:
    from bot.types import NO_COMMUNITY, ActionClicked, Place

    await watch(harness)
    await harness.command("bob", "home", city="Portland, Oregon", channel="elsewhere")
    await harness.command("carol", "home", city="Portland, Oregon", channel="elsewhere")
    await harness.say("dave", "Portland-based here, hi!")
    yes = button(asked(harness, "dave")[0], "Yes")
    dm = Place("fake", NO_COMMUNITY, "dm-dave")
    # Someone else cannot answer dave's question from their DMs.
    await harness.app.core.handle(ActionClicked(harness.user("erin"), dm, None, yes, "x1"))
    assert "community's channel" in harness.adapter.last_reply("erin").text
    await harness.app.core.handle(ActionClicked(harness.user("dave"), dm, None, yes, "x2"))
    [card] = cards(harness)
    assert card.to.channel_id == "general" and card.to.workspace_id == "w1"
    assert "3 members are around Portland, Oregon, US" in card.text
