"""Series (issue 16) through Core.handle: propose with repeat:, the confirmation, one open
date at a time, skip / edit this and following / end, always come, .ics, bad input."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from icalendar import Calendar

from bot import actions
from bot.types import Outgoing
from tests.support import Harness, Sent, plain

MONTHLY = {
    "title": "Pub night",
    "city": "London",
    "when": "2030-01-10 19:00",
    "repeat": "every first thursday",
    "venue": "The Crown",
    "capacity": "2",
}


def _buttons(sent: Sent | None) -> dict[str, str]:
    assert sent is not None and sent.msg is not None
    return {b.label: b.action_id for b in sent.msg.buttons}


async def _create(h: Harness, **options: str) -> int:
    """Propose a series, click Create, return the first date's meetup id."""
    echo = await h.command("alice", "propose", **{**MONTHLY, **options})
    assert echo is not None and "Create it?" in echo.text, echo and echo.text
    await h.click("alice", _buttons(echo)["Create the series"])
    return _latest_card_id(h)


def _latest_card_id(h: Harness) -> int:
    posts = [s for s in h.adapter.of("post") if s.msg and (s.msg.title or "").startswith("#")]
    title = posts[-1].msg.title if posts[-1].msg else ""
    return int((title or "#0").split()[0][1:])


def _open_dates(h: Harness) -> list[str]:
    """Titles of the cards posted for the series."""
    return [s.msg.title or "" for s in h.adapter.of("post")
            if s.msg and (s.msg.title or "").startswith("#")]


async def test_propose_echoes_the_rule_and_next_three_dates_before_creating(
    harness: Harness,
) -> None:
    echo = await harness.command("alice", "propose", **MONTHLY)
    assert echo is not None and echo.msg is not None and echo.msg.ephemeral
    text = echo.text
    assert "every first Thursday of the month at 19:00 (Europe/London)" in text
    assert "FREQ=MONTHLY;BYDAY=1TH" in text
    # Thu 10 Jan is not a first Thursday: the first date is 7 Feb; April is in summer time
    assert "the rule's first date from then is 2030-02-07T19:00Z" in text
    assert ("The next three: 2030-02-07T19:00Z (Thu 07 Feb 2030 19:00 GMT); 2030-03-07T19:00Z "
            "(Thu 07 Mar 2030 19:00 GMT); 2030-04-04T18:00Z (Thu 04 Apr 2030 19:00 BST)") in text
    assert harness.adapter.of("post") == []  # nothing is created before the click

    await harness.click("alice", _buttons(echo)["Create the series"])
    mid = _latest_card_id(harness)
    card = harness.card(mid)
    fields = {f.name: plain(f.value) for f in card.fields}
    assert fields["Repeats"] == "every first Thursday of the month"
    assert fields["Going"] == "0 / 2" and "The Crown" in fields["Where"]
    assert [b.label for b in card.buttons][-1] == "Series"
    m = await harness.store.meetup(mid)
    assert m is not None and m.starts_at == datetime(2030, 2, 7, 19, 0, tzinfo=UTC)

    again = await harness.click("alice", _buttons(echo)["Create the series"])
    assert again is not None and "already created" in again.text
    assert len(_open_dates(harness)) == 1


async def test_cancel_on_the_echo_creates_nothing(harness: Harness) -> None:
    echo = await harness.command("alice", "propose", **MONTHLY)
    reply = await harness.click("alice", _buttons(echo)["Cancel"])
    assert reply is not None and "Not created" in reply.text
    late = await harness.click("alice", _buttons(echo)["Create the series"])
    assert late is not None and "was dropped" in late.text
    assert harness.adapter.of("post") == []


async def test_only_the_proposer_creates_it(harness: Harness) -> None:
    echo = await harness.command("alice", "propose", **MONTHLY)
    reply = await harness.click("bob", _buttons(echo)["Create the series"])
    assert reply is not None and "Only the member who proposed" in reply.text
    assert harness.adapter.of("post") == []


async def test_bad_repeat_input_is_refused_with_an_example(harness: Harness) -> None:
    cases = [
        ({"repeat": "every blue moon"}, 'Try repeat:"every first thursday"'),
        ({"repeat": "every hour"}, "at most once a day"),
        ({"repeat": "twice a day"}, "at most once a day"),
        ({"repeat": "every february 30th"}, "gives no date"),
        ({"repeat": "weekly", "until": "2030-01-09"}, "gives no date"),
        ({"repeat": "weekly", "until": "someday"}, "as a date"),
        ({"repeat": "weekly", "count": "0"}, "count:"),
        ({"repeat": "weekly", "count": "3", "until": "2030-06-01"}, "not both"),
        ({"repeat": "weekly", "post-next": "soonish"}, "post-next:"),
        ({"repeat": "weekly", "when": "2030-01-10 19:00 | 2030-01-11 19:00"}, "one time"),
        ({"repeat": "", "count": "3"}, "goes with repeat:"),
    ]
    for options, expect in cases:
        reply = await harness.command("alice", "propose", **{**MONTHLY, **options})
        assert reply is not None and expect in reply.text, (options, reply and reply.text)
        assert reply.msg is not None and not reply.msg.buttons, options
    assert harness.adapter.of("post") == []


async def test_one_open_date_at_a_time_posted_after_the_follow_up(harness: Harness) -> None:
    await _create(harness, repeat="weekly", when="2030-01-10 19:00")
    assert _open_dates(harness) == ["#1 · Pub night"]
    await harness.advance(timedelta(days=3, hours=10))  # Thu 10 Jan 19:00: it starts
    assert len(_open_dates(harness)) == 1  # not while the first one is on
    await harness.advance(timedelta(hours=3))  # 22:00: the follow-up, then the next date
    titles = [s.msg.title for s in harness.adapter.of("post") if s.msg]
    assert titles[-2:] == ["How was Pub night?", "#2 · Pub night"]
    await harness.advance(timedelta(days=30))  # a month of weekly dates, one after another
    assert _open_dates(harness) == [f"#{i} · Pub night" for i in range(1, 7)]
    now = harness.clock.now()
    open_ones = [m for m in await harness.store.upcoming(1, now) if not m.is_over(now)]
    assert len(open_ones) == 1  # the channel never has two open dates of one series
    m = await harness.store.meetup(6)
    assert m is not None and m.starts_at == datetime(2030, 2, 14, 19, 0, tzinfo=UTC)


async def test_post_next_days_before(harness: Harness) -> None:
    await _create(harness, **{"post-next": "3d before"})  # monthly: Feb 7, then Mar 7
    await harness.advance(timedelta(days=40))  # Feb 16: Mar 7's card waits for Mar 4
    assert len(_open_dates(harness)) == 1
    await harness.advance(timedelta(days=16))  # Mar 4 09:00
    assert len(_open_dates(harness)) == 1
    await harness.advance(timedelta(hours=10))  # Mar 4 19:00: three days before Mar 7 19:00
    assert _open_dates(harness) == ["#1 · Pub night", "#2 · Pub night"]


async def test_a_count_ends_the_series(harness: Harness) -> None:
    await _create(harness, repeat="weekly", count="2")
    await harness.advance(timedelta(days=60))
    assert _open_dates(harness) == ["#1 · Pub night", "#2 · Pub night"]
    card = harness.card(2)
    assert "the series has ended" in plain(dict((f.name, f.value) for f in card.fields)["Repeats"])


async def test_dates_keep_19_local_across_the_spring_change(harness: Harness) -> None:
    # weekly on Thursdays from 21 Mar 2030 in London: 19:00 GMT, then 19:00 BST
    harness.clock.set(datetime(2030, 3, 18, 9, 0, tzinfo=UTC))
    await _create(harness, repeat="weekly", when="2030-03-21 19:00")
    await harness.advance(timedelta(days=10))
    first, second = (await harness.store.meetup(1)), (await harness.store.meetup(2))
    assert first is not None and first.starts_at == datetime(2030, 3, 21, 19, 0, tzinfo=UTC)
    assert second is not None and second.starts_at == datetime(2030, 3, 28, 19, 0, tzinfo=UTC)
    await harness.advance(timedelta(days=7))
    third = await harness.store.meetup(3)
    assert third is not None and third.starts_at == datetime(2030, 4, 4, 18, 0, tzinfo=UTC)
    assert "19:00 BST" in plain(dict((f.name, f.value) for f in harness.card(3).fields)["When"])


async def test_skip_tells_everyone_who_answered_and_posts_the_next_date(
    harness: Harness,
) -> None:
    mid = await _create(harness)
    await harness.click("bob", actions.encode("rsvp", mid, "going"))
    await harness.click("carol", actions.encode("rsvp", mid, "no"))
    refused = await harness.command("bob", "series", id=str(mid), do="skip")
    assert refused is not None and "Only the series' organizer" in refused.text

    panel = await harness.command("alice", "series", id=str(mid))
    ask = await harness.click("alice", _buttons(panel)["Skip this date"])
    assert ask is not None and "Everyone who answered is told" in ask.text
    done = await harness.click("alice", _buttons(ask)["Yes, skip it"])
    assert done is not None and "Skipped #1" in done.text and "#2" in done.text
    for user in ("bob", "carol"):
        dm = harness.adapter.dms_to(user)[-1]
        assert "#1 Pub night on 2030-02-07T19:00Z" in dm.text and "is skipped" in dm.text
        assert "The next one is 2030-03-07T19:00Z" in dm.text
        assert dm.msg is not None and dm.msg.attachments  # a METHOD:CANCEL file
    assert (harness.card(1).title or "").startswith("CANCELLED")
    told = len(harness.adapter.dms_to("bob"))
    twice = await harness.click("alice", _buttons(ask)["Yes, skip it"])
    assert twice is not None and "cancelled, so you can't skip it" in twice.text
    assert len(harness.adapter.dms_to("bob")) == told
    assert _open_dates(harness) == ["#1 · Pub night", "#2 · Pub night"]
    assert await harness.store.job_counts()  # the first date's jobs are gone, not the series'
    # the series' job of the skipped date is dropped: time passing posts no third date early
    await harness.advance(timedelta(days=10))
    assert len(_open_dates(harness)) == 2

    ics = await harness.click("bob", actions.encode("seriescal", 2))
    assert ics is not None and ics.msg is not None
    cal = Calendar.from_ical(ics.msg.attachments[0].content)
    events = [c for c in cal.walk("VEVENT")]
    master = events[0]
    assert str(master["uid"]).startswith("series-1-")
    assert master["rrule"].to_ical() == b"FREQ=MONTHLY;BYDAY=1TH"
    exdates = [d.dt for d in master["exdate"].dts] if not isinstance(master["exdate"], list) \
        else [d.dt for e in master["exdate"] for d in e.dts]
    assert [d.astimezone(UTC) for d in exdates] == [datetime(2030, 2, 7, 19, 0, tzinfo=UTC)]


async def test_always_come_is_going_on_each_new_date_and_one_click_declines(
    harness: Harness,
) -> None:
    mid = await _create(harness, repeat="weekly", when="2030-01-10 19:00", capacity="1")
    reply = await harness.command("bob", "series", id=str(mid), do="always")
    assert reply is not None and "You always come" in reply.text and "click Going" in reply.text
    panel = await harness.click("carol", actions.encode("series", mid))
    await harness.click("carol", _buttons(panel)["Always come"])
    await harness.advance(timedelta(days=3, hours=13))  # the second date is posted
    second = _latest_card_id(harness)
    assert second == 2
    rsvps = {r.user_id: r.status.value for r in await harness.store.rsvps(second)}
    assert rsvps == {"bob": "going", "carol": "waiting"}  # capacity 1: in the order they said
    dm = harness.adapter.dms_to("bob")[-1]
    assert "You're going to #2 Pub night" in dm.text and "you always come" in dm.text
    assert "on the waitlist" in harness.adapter.dms_to("carol")[-1].text
    cant = _buttons(dm)["Can't go"]
    await harness.click("bob", cant)  # one click declines this date; carol gets the seat offer
    rsvps = {r.user_id: r.status.value for r in await harness.store.rsvps(second)}
    assert rsvps["bob"] == "no" and rsvps["carol"] in ("offered", "going")
    stop = await harness.command("bob", "series", id=str(second), do="never")
    assert stop is not None and "no longer always come" in stop.text
    await harness.advance(timedelta(days=7))
    third = _latest_card_id(harness)
    assert third == 3
    assert {r.user_id for r in await harness.store.rsvps(third)} == {"carol"}


async def test_edit_this_and_following(harness: Harness) -> None:
    mid = await _create(harness, repeat="weekly", when="2030-01-10 19:00")
    await harness.click("bob", actions.encode("rsvp", mid, "going"))
    reply = await harness.command("alice", "series", id=str(mid), do="edit", when="19:30",
                                  venue="The Anchor", capacity="5")
    assert reply is not None
    assert "From #1 on, every date of Pub night: every week at 19:30, The Anchor, capacity 5" \
        in reply.text
    m = await harness.store.meetup(mid)
    assert m is not None and m.starts_at == datetime(2030, 1, 10, 19, 30, tzinfo=UTC)
    assert m.venue == "The Anchor" and m.capacity == 5
    dm = harness.adapter.dms_to("bob")[-1]
    assert "When:" in dm.text and "Venue: The Crown → The Anchor" in dm.text
    await harness.advance(timedelta(days=4))
    nxt = await harness.store.meetup(2)
    assert nxt is not None and nxt.starts_at == datetime(2030, 1, 17, 19, 30, tzinfo=UTC)
    assert nxt.venue == "The Anchor" and nxt.capacity == 5
    s = await harness.store.series(1)
    assert s is not None and s.sequence == 1
    # one date alone: /meetup edit; the next ones keep the series' venue
    await harness.command("alice", "edit", id="2", venue="The Bell")
    await harness.advance(timedelta(days=7))
    third = await harness.store.meetup(3)
    assert third is not None and third.venue == "The Anchor"
    ics = await harness.click("alice", actions.encode("seriescal", 3))
    assert ics is not None and ics.msg is not None
    events = list(Calendar.from_ical(ics.msg.attachments[0].content).walk("VEVENT"))
    overrides = [e for e in events if "RECURRENCE-ID" in e]
    assert [str(e["location"]).split(",")[0] for e in overrides] == ["The Bell"]
    assert all(str(e["uid"]) == str(events[0]["uid"]) for e in events)


async def test_edit_following_refuses_another_day_and_nothing(harness: Harness) -> None:
    mid = await _create(harness)
    other_day = await harness.command("alice", "series", id=str(mid), do="edit",
                                      when="2030-02-08 19:00")
    assert other_day is not None and "time of day" in other_day.text
    nothing = await harness.command("alice", "series", id=str(mid), do="edit")
    assert nothing is not None and "Nothing to change" in nothing.text
    stray = await harness.command("alice", "series", id=str(mid), venue="X")
    assert stray is not None and "go with do:edit" in stray.text


async def test_end_the_series(harness: Harness) -> None:
    mid = await _create(harness, repeat="weekly")
    panel = await harness.command("alice", "series", id=str(mid))
    ask = await harness.click("alice", _buttons(panel)["End the series"])
    done = await harness.click("alice", _buttons(ask)["Yes, end it"])
    assert done is not None and "no more dates" in done.text and "#1 still takes place" in done.text
    await harness.advance(timedelta(days=30))
    assert _open_dates(harness) == ["#1 · Pub night"]
    again = await harness.command("alice", "series", id=str(mid), do="end")
    assert again is not None and "has ended already" in again.text


async def test_series_of_a_one_off_meetup_says_how_to_make_one(harness: Harness) -> None:
    mid = await harness.propose()
    reply = await harness.command("alice", "series", id=str(mid))
    assert reply is not None and "one-off meetup" in reply.text and "repeat:" in reply.text
    card: Outgoing = harness.card(mid)
    assert "Series" not in [b.label for b in card.buttons]


async def test_forget_drops_always_come_and_leaves_the_series_to_admins(
    harness: Harness,
) -> None:
    mid = await _create(harness, repeat="weekly")
    await harness.command("bob", "series", id=str(mid), do="always")
    await harness.command("bob", "forget")
    confirm = harness.adapter.last_reply("bob")
    await harness.click("bob", _buttons(confirm)["Yes, delete it all"])
    assert "1 series you always came to" in harness.adapter.last_reply("bob").text
    assert await harness.store.always_coming(1) == []
    await harness.command("alice", "forget")
    confirm = harness.adapter.last_reply("alice")
    await harness.click("alice", _buttons(confirm)["Yes, delete it all"])
    assert "1 series you organized" in harness.adapter.last_reply("alice").text
    s = await harness.store.series(1)
    assert s is not None and s.organizer_id == ""
    ended = await harness.command("carol", "series", id=str(mid), do="end", admin=True)
    assert ended is not None and "Ended the series" in ended.text


async def test_dates_keep_19_local_across_the_autumn_change(harness: Harness) -> None:
    # weekly on Thursdays from 17 Oct 2030 in London: 19:00 BST (18:00Z), then 19:00 GMT
    harness.clock.set(datetime(2030, 10, 14, 9, 0, tzinfo=UTC))
    await _create(harness, repeat="weekly", when="2030-10-17 19:00")
    await harness.advance(timedelta(days=4))
    await harness.advance(timedelta(days=7))
    starts = [(await harness.store.meetup(i)) for i in (1, 2, 3)]
    assert [m.starts_at for m in starts if m] == [
        datetime(2030, 10, 17, 18, 0, tzinfo=UTC),
        datetime(2030, 10, 24, 18, 0, tzinfo=UTC),
        datetime(2030, 10, 31, 19, 0, tzinfo=UTC),
    ]


async def test_a_date_moved_later_holds_back_the_next_card(harness: Harness) -> None:
    mid = await _create(harness, repeat="weekly", when="2030-01-10 19:00")
    await harness.command("alice", "edit", id=str(mid), when="2030-01-12 19:00")
    await harness.advance(timedelta(days=4))  # Fri 11 Jan 09:00: the old follow-up passed
    assert len(_open_dates(harness)) == 1
    await harness.advance(timedelta(days=2))  # Sun 13 Jan 09:00: after the moved date
    assert len(_open_dates(harness)) == 2
    nxt = await harness.store.meetup(2)
    assert nxt is not None and nxt.starts_at == datetime(2030, 1, 17, 19, 0, tzinfo=UTC)


async def test_help_tells_how_to_repeat(harness: Harness) -> None:
    reply = await harness.command("bob", "help")
    assert reply is not None
    assert "/meetup series" in reply.text and 'repeat:"every first thursday"' in reply.text


async def test_members_who_always_come_get_each_dates_reminders(harness: Harness) -> None:
    mid = await _create(harness, repeat="weekly", when="2030-01-10 19:00")
    await harness.command("bob", "series", id=str(mid), do="always")
    await harness.advance(timedelta(days=3, hours=13))  # #2 (Thu 17 Jan) is posted
    assert _latest_card_id(harness) == 2
    await harness.advance(timedelta(days=6))  # Thu 16 Jan 22:00: past the 1 day lead
    reminders = [d for d in harness.adapter.dms_to("bob") if "Reminder" in d.text]
    assert reminders and "Pub night" in reminders[-1].text


async def test_a_weekly_series_never_has_two_open_dates(harness: Harness) -> None:
    """Even when asked to post 30 days ahead, a date's card waits for the previous one."""
    await _create(harness, repeat="weekly", when="2030-01-10 19:00", **{"post-next": "30d before"})
    for _ in range(8):  # three weeks, a few hours at a time
        await harness.advance(timedelta(hours=64))
        now = harness.clock.now()
        community = await harness.store.community("fake", "w1", timezone="UTC", now=now)
        open_dates = [m for m in await harness.store.upcoming(community.id, now)
                      if m.starts_at is not None and m.starts_at + timedelta(hours=2) > now]
        assert len(open_dates) <= 1, [m.id for m in open_dates]
    # Jan 10, 17, 24 and 31: each card came as the date before it ended (Jan 24 21:00 last)
    assert len(_open_dates(harness)) == 4


async def test_find_us_is_on_every_date(harness: Harness) -> None:
    await _create(harness, repeat="weekly", **{"find-us": "yellow umbrella at the back"})
    await harness.advance(timedelta(days=4))
    dates = [await harness.store.meetup(i) for i in (1, 2)]
    assert [m.find_us for m in dates if m] == ["yellow umbrella at the back"] * 2
