"""Calendar files (RFC 5545, via icalendar) and Google Calendar links for a meetup.

The UID is stable per meetup, SEQUENCE follows every edit, and a cancelled meetup gives a
METHOD:CANCEL file, so calendar apps update the event they already have instead of adding one.
A feed (`feed`) holds the same events (a series date as that date of the series' event), so a
meetup added from a file and from a feed is one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING
from urllib.parse import urlencode
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.domain.meetups import DEFAULT_DURATION, Meetup, Status, is_link
from bot.domain.series import Recurrence, Series, SeriesDate, SeriesStatus

if TYPE_CHECKING:
    from icalendar import Event

PRODID = "-//Tweetup//Tweetup meetup bot//EN"
FEED_REFRESH = timedelta(hours=1)  # how often a subscribed calendar should look again


def uid(m: Meetup, platform: str) -> str:
    return f"meetup-{m.id}-{platform}-{m.community_id}@tweetup"


def _location(m: Meetup) -> str:
    if m.is_online:
        return m.venue or m.city_label  # its link
    return f"{m.venue}, {m.city_label}" if m.venue else m.city_label


def ics(
    m: Meetup,
    platform: str,
    now: datetime,
    community_zone: str = "UTC",
    series: tuple[Series, SeriesDate] | None = None,
) -> bytes:
    """The event at its wall time in the meetup's zone (TZID + VTIMEZONE), so calendar
    apps show "19:00 PST" where the meetup is and convert for their own zone. A date of a
    series is that date of the series' recurring event (`series`: see `event`)."""
    from icalendar import Calendar  # here: the console's start-up does not need it

    cancelled = m.status is Status.CANCELLED
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("method", "CANCEL" if cancelled else "PUBLISH")
    cal.add_component(event(m, platform, now, community_zone, series))
    cal.add_missing_timezones()
    return bytes(cal.to_ical())


def event(
    m: Meetup,
    platform: str,
    now: datetime,
    community_zone: str = "UTC",
    series: tuple[Series, SeriesDate] | None = None,
) -> Event:
    """The meetup's VEVENT: the same UID in a file and in every feed, SEQUENCE from its
    edits, STATUS:CANCELLED once cancelled. With `series` (the date's series and its rule
    date), the series' UID and a RECURRENCE-ID, as `series_ics` writes an override (RFC 5545
    3.8.4.4): adding a date and the whole series to a calendar gives one event, not two."""
    if m.starts_at is None:
        raise ValueError("a meetup without a date has no calendar entry yet")
    from icalendar import Event

    cancelled = m.status is Status.CANCELLED
    vevent = Event()
    sequence = m.sequence
    if series is None:
        vevent.add("uid", uid(m, platform))
    else:
        s, date = series
        vevent.add("uid", series_uid(s, platform))
        vevent.add("recurrence-id", date.starts_at.astimezone(_zone(s.timezone)))
        sequence += s.sequence
    vevent.add("dtstamp", now.astimezone(UTC))
    zone = _zone(m.zone(community_zone))
    vevent.add("dtstart", m.starts_at.astimezone(zone))
    end = m.ends_at()
    assert end is not None
    vevent.add("dtend", end.astimezone(zone))
    vevent.add("summary", m.title)
    vevent.add("location", _location(m))
    if m.description:
        vevent.add("description", m.description)
    if not m.is_online:
        vevent.add("geo", (m.latitude, m.longitude))
    if is_link(m.venue):
        vevent.add("url", m.venue)
    vevent.add("sequence", sequence)
    vevent.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    return vevent


def feed(
    meetups: Iterable[Meetup],
    platform: str,
    now: datetime,
    community_zone: str,
    name: str,
    refresh: timedelta = FEED_REFRESH,
    series: Mapping[int, tuple[Series, SeriesDate]] | None = None,
) -> bytes:
    """A subscribable calendar (RFC 5545 with the RFC 7986 name and refresh interval) of
    these meetups; cancelled ones stay in it with STATUS:CANCELLED, so subscribed calendars
    mark the event cancelled instead of silently losing it. `series` (by meetup id) makes a
    series date the same VEVENT as its own file (`event`): the series' UID, a RECURRENCE-ID."""
    in_series = series or {}
    from icalendar import Calendar, vDuration

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("method", "PUBLISH")
    cal.add("name", name)
    cal.add("x-wr-calname", name)
    cal.add("refresh-interval", refresh, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", vDuration(refresh))
    for m in meetups:
        if m.starts_at is not None:
            cal.add_component(event(m, platform, now, community_zone, in_series.get(m.id)))
    cal.add_missing_timezones()
    return bytes(cal.to_ical())


def _zone(name: str) -> tzinfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def calendar_details(m: Meetup) -> str:
    """The details of a calendar entry: the description, else a line naming no id (the link
    is on public pages, where a meetup id would tell how many meetups exist).

    >>> from bot.domain.meetups import Status
    >>> m = Meetup(7, 1, "c", None, "Coffee", 1, "Berlin", "u", "Ana", Status.SCHEDULED, None)
    >>> calendar_details(m)
    'Organized with Tweetup'
    """
    return m.description or "Organized with Tweetup"


def google_link(m: Meetup) -> str:
    if m.starts_at is None:
        raise ValueError("a meetup without a date has no calendar entry yet")
    end = m.ends_at()
    assert end is not None
    fmt = "%Y%m%dT%H%M%SZ"
    query = {
        "action": "TEMPLATE",
        "text": m.title,
        "dates": f"{m.starts_at.astimezone(UTC):{fmt}}/{end.astimezone(UTC):{fmt}}",
        "details": calendar_details(m),
        "location": _location(m),
    }
    return "https://calendar.google.com/calendar/render?" + urlencode(query)


# --- series (issue 16) -------------------------------------------------------------------------


def series_uid(s: Series, platform: str) -> str:
    """Stable per series: every date of it is one recurring event in calendar apps."""
    return f"series-{s.id}-{platform}-{s.community_id}@tweetup"


def series_ics(
    s: Series,
    dates: Sequence[SeriesDate],
    meetups: Mapping[int, Meetup],
    platform: str,
    now: datetime,
) -> bytes:
    """The series as one recurring event: its RRULE from its first wall time (TZID), an
    EXDATE for every skipped date, and an override (RECURRENCE-ID) for each date whose
    meetup was moved, changed or cancelled on its own. SEQUENCE is the series' (edits of
    this and following dates raise it), and the meetup's on an override."""
    from icalendar import Calendar, Event, vRecur

    zone = _zone(s.timezone)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("method", "PUBLISH")
    master = Event()
    master.add("uid", series_uid(s, platform))
    master.add("dtstamp", now.astimezone(UTC))
    first = s.first_wall.replace(tzinfo=zone)
    master.add("dtstart", first)
    master.add("dtend", first + DEFAULT_DURATION)
    master.add("rrule", vRecur.from_ical(_bounded_rule(s, dates)))
    skipped = [d.starts_at.astimezone(zone) for d in dates if d.skipped]
    if skipped:
        master.add("exdate", skipped)
    master.add("summary", s.title)
    master.add("location", f"{s.venue}, {s.city_label}" if s.venue else s.city_label)
    if s.description:
        master.add("description", s.description)
    master.add("sequence", s.sequence)
    master.add("status", "CONFIRMED")
    cal.add_component(master)
    for d in dates:
        m = meetups.get(d.meetup_id or 0)
        if m is None or d.skipped or m.starts_at is None or d.starts_at < first:
            continue  # (dates before DTSTART belong to the rule before an edit)
        if not _differs(s, d, m):
            continue
        override = Event()
        override.add("uid", series_uid(s, platform))
        override.add("dtstamp", now.astimezone(UTC))
        override.add("recurrence-id", d.starts_at.astimezone(zone))
        override.add("dtstart", m.starts_at.astimezone(zone))
        end = m.ends_at()
        assert end is not None
        override.add("dtend", end.astimezone(zone))
        override.add("summary", m.title)
        override.add("location", _location(m))
        override.add("sequence", s.sequence + m.sequence)
        cancelled = m.status is Status.CANCELLED
        override.add("status", "CANCELLED" if cancelled else "CONFIRMED")
        cal.add_component(override)
    cal.add_missing_timezones()
    return bytes(cal.to_ical())


def _bounded_rule(s: Series, dates: Sequence[SeriesDate]) -> str:
    """An ended series stops at its last date; an active one is its rule."""
    if s.status is not SeriesStatus.ENDED:
        return s.rrule
    held = [d.starts_at for d in dates if not d.skipped]
    last = max(held) if held else s.first_wall.replace(tzinfo=_zone(s.timezone))
    recurrence = Recurrence.parse(s.rrule)
    return Recurrence(recurrence.rule, None, last.astimezone(UTC)).text()


def _differs(s: Series, d: SeriesDate, m: Meetup) -> bool:
    """Whether a date's meetup is no longer what the rule and template say."""
    return (
        m.starts_at != d.starts_at
        or m.status is Status.CANCELLED
        or m.venue != s.venue
        or m.title != s.title
    )
