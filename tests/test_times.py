"""Times are where the meetup is: `when` is read in the meetup city's zone, and cards, DMs and
.ics files show the city's wall time with its zone (issue 12). The clock starts Monday
2030-01-07 09:00 UTC (01:00 in Seattle); the community's zone is UTC unless a test sets it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, text

from adapters.console import demo
from bot import actions
from bot.config import Settings
from bot.store.migrate import alembic_config
from bot.types import SuggestionsRequested
from tests.support import Harness, plain


async def test_seattle_tomorrow_6pm_is_6pm_in_seattle_not_utc(harness: Harness) -> None:
    reply = await harness.command("alice", "propose", title="Coffee", city="Seattle",
                                  when="tomorrow 18:00")
    assert reply is not None
    mid = int(harness.adapter.of("post")[-1].msg.title.split()[0][1:])  # type: ignore[union-attr]
    m = await harness.store.meetup(mid)
    # Tue 8 Jan 18:00 PST is Wed 9 Jan 02:00 UTC
    assert m is not None and m.starts_at == datetime(2030, 1, 9, 2, 0, tzinfo=UTC)
    assert m.timezone == "America/Los_Angeles"
    assert "Tue 08 Jan 2030 18:00 PST" in reply.text
    when = {f.name: plain(f.value) for f in harness.card(mid).fields}["When"]
    assert "Tue 08 Jan 2030 18:00 PST" in when


async def test_a_meetups_dms_and_calendar_file_use_the_citys_zone(harness: Harness) -> None:
    await harness.command("alice", "settings", admin=True, timezone="Europe/Berlin")
    mid = await harness.propose(city="Seattle", when="2030-01-11 19:00")
    going = await harness.click("bob", actions.encode("rsvp", mid, "going"))
    assert going is not None and "Fri 11 Jan 2030 19:00 PST" in going.text
    cal = await harness.click("bob", actions.encode("cal", mid))
    assert cal is not None and cal.msg is not None
    ics = cal.msg.attachments[0].content.decode()
    assert "DTSTART;TZID=America/Los_Angeles:20300111T190000" in ics
    await harness.advance(timedelta(days=4, hours=19, minutes=1))  # 24 h before 03:00 UTC Sat
    reminder = [d for d in harness.adapter.dms_to("bob") if "Reminder" in (d.msg.title or "")]
    assert reminder and "Fri 11 Jan 2030 19:00 PST" in reminder[-1].text


async def test_meetup_list_shows_each_meetup_in_its_own_zone(harness: Harness) -> None:
    await harness.propose(city="Seattle", when="2030-01-11 19:00", title="West")
    await harness.propose(city="Berlin", when="2030-01-11 19:00", title="East")
    listing = await harness.command("carol", "list")
    assert listing is not None
    assert "Fri 11 Jan 2030 19:00 PST" in listing.text
    assert "Fri 11 Jan 2030 19:00 CET" in listing.text


async def test_editing_the_time_reads_it_in_the_meetups_zone(harness: Harness) -> None:
    mid = await harness.propose(city="Seattle", when="2030-01-11 19:00")
    await harness.command("alice", "edit", id=str(mid), when="2030-01-11 20:00")
    m = await harness.store.meetup(mid)
    assert m is not None and m.starts_at == datetime(2030, 1, 12, 4, 0, tzinfo=UTC)


async def test_a_time_the_clocks_skip_is_refused_with_the_nearest_valid_times(
    harness: Harness,
) -> None:
    reply = await harness.command("alice", "propose", title="Night", city="Los Angeles",
                                  when="2030-03-10 02:30")
    assert reply is not None and harness.adapter.of("post") == []
    assert "does not exist" in reply.text
    assert 'when:"2030-03-10 01:30"' in reply.text and 'when:"2030-03-10 03:30"' in reply.text


async def test_a_time_that_happens_twice_asks_which_and_the_answer_is_kept(
    harness: Harness,
) -> None:
    reply = await harness.command("alice", "propose", title="Night", city="Los Angeles",
                                  when="2030-11-03 01:30")
    assert reply is not None and harness.adapter.of("post") == []
    assert "happens twice" in reply.text
    assert 'when:"2030-11-03 01:30 PDT"' in reply.text
    assert 'when:"2030-11-03 01:30 PST"' in reply.text
    reply = await harness.command("alice", "propose", title="Night", city="Los Angeles",
                                  when="2030-11-03 01:30 PST")
    mid = await harness.store.meetup(1)
    assert mid is not None and mid.starts_at == datetime(2030, 11, 3, 9, 30, tzinfo=UTC)
    # the confirmation and the card say the same
    assert reply is not None and "Sun 03 Nov 2030 01:30 PST" in reply.text
    when = {f.name: plain(f.value) for f in harness.card(1).fields}["When"]
    assert "Sun 03 Nov 2030 01:30 PST" in when


async def test_zone_abbreviations_mean_the_zone_with_daylight_saving(harness: Harness) -> None:
    for abbreviation, zone in (("PST", "America/Los_Angeles"), ("EST", "America/New_York")):
        reply = await harness.command("alice", "settings", admin=True, timezone=abbreviation)
        assert reply is not None and f"{abbreviation} is taken as {zone}" in reply.text
        assert f"time zone {zone}" in reply.text


async def test_an_unknown_zone_is_refused_with_the_iana_name_to_use(harness: Harness) -> None:
    reply = await harness.command("alice", "settings", admin=True, timezone="Europe/Berln")
    assert reply is not None and "timezone:Europe/Berlin" in reply.text
    reply = await harness.command("alice", "settings", admin=True, timezone="UTC")
    assert reply is not None and "time zone UTC" in reply.text


async def test_the_first_admin_who_proposes_hears_once_that_the_zone_was_never_set(
    harness: Harness,
) -> None:
    first = await harness.command("bob", "propose", title="A", city="Berlin",
                                  when="2030-01-11 19:00")
    assert first is not None and "never set" not in first.text  # not an admin
    reply = await harness.command("alice", "propose", admin=True, title="B", city="Berlin",
                                  when="2030-01-11 19:00")
    assert reply is not None and "time zone was never set, so it is UTC" in reply.text
    assert "/meetup settings timezone:" in reply.text
    again = await harness.command("alice", "propose", admin=True, title="C", city="Berlin",
                                  when="2030-01-12 19:00")
    assert again is not None and "never set" not in again.text


async def test_an_admin_who_set_the_zone_is_not_told_it_was_never_set(harness: Harness) -> None:
    await harness.command("alice", "settings", admin=True, timezone="Europe/Berlin")
    reply = await harness.command("alice", "propose", admin=True, title="B", city="Berlin",
                                  when="2030-01-11 19:00")
    assert reply is not None and "never set" not in reply.text


LINK = "https://meet.example.com/coffee"


async def test_city_online_makes_an_online_meetup_in_the_community_zone(harness: Harness) -> None:
    await harness.command("alice", "settings", admin=True, timezone="Europe/Berlin")
    reply = await harness.command("alice", "propose", title="Remote coffee", city="online",
                                  when="2030-01-11 19:00", venue=LINK)
    assert reply is not None and "Did you mean" not in reply.text
    assert "Proposed #1 Remote coffee online" in reply.text
    m = await harness.store.meetup(1)
    assert m is not None and m.is_online and m.venue == LINK
    assert m.starts_at == datetime(2030, 1, 11, 18, 0, tzinfo=UTC)  # 19:00 in Berlin
    where = {f.name: plain(f.value) for f in harness.card(1).fields}["Where"]
    assert LINK in where and "openstreetmap" not in where
    await harness.click("bob", actions.encode("rsvp", 1, "going"))
    await harness.advance(timedelta(days=3, hours=9, minutes=1))  # 24 h before
    reminder = [d for d in harness.adapter.dms_to("bob") if "Reminder" in (d.msg.title or "")]
    assert reminder and LINK in reminder[-1].text and "19:00 CET" in reminder[-1].text


async def test_an_online_meetups_venue_must_be_a_link(harness: Harness) -> None:
    reply = await harness.command("alice", "propose", title="Remote", city="online",
                                  when="2030-01-11 19:00", venue="Cafe Central")
    assert reply is not None and harness.adapter.of("post") == []
    assert "venue:https://" in reply.text


async def test_online_in_the_propose_form_and_in_city_suggestions(harness: Harness) -> None:
    await harness.submit("alice", "propose", {"title": "Remote", "city": "Online",
                                              "when": "2030-01-11 19:00", "venue": LINK})
    m = await harness.store.meetup(1)
    assert m is not None and m.is_online
    choices = await harness.app.core.suggest(SuggestionsRequested(
        harness.user("alice"), harness.place(), "propose", "city", "onl"))
    assert choices and choices[0].value == "online"


async def test_a_hybrid_meetup_shows_its_link_and_its_city(harness: Harness) -> None:
    mid = await harness.propose(city="Berlin", venue=LINK)
    where = {f.name: plain(f.value) for f in harness.card(mid).fields}["Where"]
    # the link is a link (not a map search for a URL); the city keeps its map
    assert f"[{LINK}]({LINK})" in where and "search?query=https" not in where
    assert "Berlin" in where and "openstreetmap.org/?mlat=" in where


async def test_this_weekend_2pm_is_saturday_afternoon(harness: Harness) -> None:
    mid = await harness.propose(when="this weekend 2pm")  # London: wall time is UTC
    m = await harness.store.meetup(mid)
    assert m is not None and m.starts_at == datetime(2030, 1, 12, 14, 0, tzinfo=UTC)


async def test_a_past_date_gets_a_future_example_never_a_past_one(harness: Harness) -> None:
    reply = await harness.command("alice", "propose", title="Old", city="London",
                                  when="2019-01-01")
    assert reply is not None and harness.adapter.of("post") == []
    assert "in the past" in reply.text and "2019 7pm" not in reply.text
    assert 'when:"Wed 01 Jan 2031 7pm"' in reply.text


async def test_the_31st_of_february_is_named_as_such(harness: Harness) -> None:
    reply = await harness.command("alice", "propose", title="Feb", city="London",
                                  when="31 feb 7pm")
    assert reply is not None and "February has no 31st" in reply.text


async def test_day_month_order_follows_the_city_and_offers_the_other_reading(
    harness: Harness,
) -> None:
    reply = await harness.command("alice", "propose", title="US", city="Seattle",
                                  when="12/01 7pm")
    m = await harness.store.meetup(1)
    # month first in the US: 1 December, 19:00 PST
    assert m is not None and m.starts_at == datetime(2030, 12, 2, 3, 0, tzinfo=UTC)
    assert reply is not None and reply.msg is not None
    assert "month first" in reply.text and "Sun 01 Dec" in reply.text
    (button,) = reply.msg.buttons
    assert button.label == "Make it Sat 12 Jan 19:00"
    changed = await harness.click("alice", button.action_id)
    m = await harness.store.meetup(1)
    assert m is not None and m.starts_at == datetime(2030, 1, 13, 3, 0, tzinfo=UTC)
    assert changed is not None and "Sat 12 Jan 2030 19:00 PST" in changed.text
    when = {f.name: plain(f.value) for f in harness.card(1).fields}["When"]
    assert "Sat 12 Jan 2030 19:00 PST" in when
    again = await harness.click("alice", button.action_id)
    assert again is not None and "already on" in again.text
    assert "Sat 12 Jan 2030 19:00 PST" in again.text
    # only the organizer (or an admin) may pick the other reading
    other = await harness.click("bob", button.action_id)
    assert other is not None and "Only the organizer" in other.text


async def test_day_first_outside_the_us_and_no_question_when_only_one_reading_is_a_date(
    harness: Harness,
) -> None:
    reply = await harness.command("alice", "propose", title="EU", city="Berlin",
                                  when="12/01 7pm")
    m = await harness.store.meetup(1)
    assert m is not None and m.starts_at == datetime(2030, 1, 12, 18, 0, tzinfo=UTC)
    assert reply is not None and reply.msg is not None and "day first" in reply.text
    assert reply.msg.buttons[0].label == "Make it Sun 01 Dec 19:00"
    reply = await harness.command("alice", "propose", title="EU2", city="Berlin",
                                  when="13/01 7pm")
    assert reply is not None and reply.msg is not None and reply.msg.buttons == ()


async def test_time_suggestions_follow_the_city_already_typed(harness: Harness) -> None:
    def ask(**options: str) -> SuggestionsRequested:
        return SuggestionsRequested(harness.user("alice"), harness.place(), "propose", "when",
                                    "tomorrow 6pm", options=options)

    seattle = await harness.app.core.suggest(ask(city="Seattle", title="Coffee"))
    assert seattle and seattle[0].label == "Tue 08 Jan 2030, 18:00 (PST)"
    assert seattle[0].value == "2030-01-08 18:00"
    plain_zone = await harness.app.core.suggest(ask())
    assert plain_zone and plain_zone[0].label == "Tue 08 Jan 2030, 18:00 (UTC)"


async def test_an_online_meetups_venue_stays_a_link_when_edited(harness: Harness) -> None:
    await harness.command("alice", "propose", title="Remote", city="online",
                          when="2030-01-11 19:00", venue=LINK)
    reply = await harness.command("alice", "edit", id="1", venue="Cafe Central")
    assert reply is not None and "venue:https://" in reply.text
    m = await harness.store.meetup(1)
    assert m is not None and m.venue == LINK


def test_migration_marks_communities_that_chose_a_zone_as_settled(tmp_path: Path) -> None:
    """Communities from before the migration: a zone other than UTC was chosen, so only the
    UTC ones will hear that their zone was never set."""
    engine = create_engine(f"sqlite:///{tmp_path}/old.db")
    try:
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "0004")
            for workspace, zone in (("w1", "UTC"), ("w2", "Europe/Berlin")):
                conn.execute(text(
                    "INSERT INTO communities (platform, workspace_id, timezone, created_at) "
                    "VALUES ('fake', :w, :z, '2030-01-01 00:00:00')"), {"w": workspace, "z": zone})
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "head")
            rows = conn.execute(text(
                "SELECT workspace_id, timezone_settled FROM communities ORDER BY workspace_id"))
            assert [(w, bool(s)) for w, s in rows] == [("w1", False), ("w2", True)]
    finally:
        engine.dispose()


async def test_time_suggestions_when_editing_follow_the_meetups_zone(harness: Harness) -> None:
    mid = await harness.propose(city="Seattle", when="2030-01-11 19:00")
    choices = await harness.app.core.suggest(SuggestionsRequested(
        harness.user("alice"), harness.place(), "edit", "when", "tomorrow 6pm",
        options={"id": str(mid)}))
    assert choices and choices[0].label == "Tue 08 Jan 2030, 18:00 (PST)"


async def test_a_time_given_with_an_offset_on_the_fall_back_night_is_taken_as_given(
    harness: Harness,
) -> None:
    reply = await harness.command("alice", "propose", title="Night", city="Los Angeles",
                                  when="2030-11-03 04:30 EST")
    m = await harness.store.meetup(1)
    assert m is not None and m.starts_at == datetime(2030, 11, 3, 9, 30, tzinfo=UTC)
    assert reply is not None and "Sun 03 Nov 2030 01:30 PST" in reply.text


async def test_the_demo_shows_the_portland_meetup_in_portlands_time() -> None:
    """The demo's community runs on New York time; its Portland meetup is in PST."""
    out: list[str] = []
    assert await demo.play(Settings(source="demo"), write=out.append) == 0
    transcript = "\n".join(out)
    assert "EST is taken as America/New_York" in transcript
    assert "When: Wed 09 Jan 2030 18:00 PST" in transcript
    assert "Reminder: Coffee & code" in transcript
