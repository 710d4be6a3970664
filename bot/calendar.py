"""Calendar files (RFC 5545, via icalendar) and Google Calendar links for a meetup.

The UID is stable per meetup, SEQUENCE follows every edit, and a cancelled meetup gives a
METHOD:CANCEL file, so calendar apps update the event they already have instead of adding one.
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from urllib.parse import urlencode
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.domain.meetups import Meetup, Status, is_link

PRODID = "-//Tweetup//Tweetup meetup bot//EN"


def uid(m: Meetup, platform: str) -> str:
    return f"meetup-{m.id}-{platform}-{m.community_id}@tweetup"


def _location(m: Meetup) -> str:
    if m.is_online:
        return m.venue or m.city_label  # its link
    return f"{m.venue}, {m.city_label}" if m.venue else m.city_label


def ics(m: Meetup, platform: str, now: datetime, community_zone: str = "UTC") -> bytes:
    """The event at its wall time in the meetup's zone (TZID + VTIMEZONE), so calendar
    apps show "19:00 PST" where the meetup is and convert for their own zone."""
    if m.starts_at is None:
        raise ValueError("a meetup without a date has no calendar entry yet")
    from icalendar import Calendar, Event  # here: the console's start-up does not need it

    cancelled = m.status is Status.CANCELLED
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("method", "CANCEL" if cancelled else "PUBLISH")
    event = Event()
    event.add("uid", uid(m, platform))
    event.add("dtstamp", now.astimezone(UTC))
    zone = _zone(m.zone(community_zone))
    event.add("dtstart", m.starts_at.astimezone(zone))
    end = m.ends_at()
    assert end is not None
    event.add("dtend", end.astimezone(zone))
    event.add("summary", m.title)
    event.add("location", _location(m))
    if m.description:
        event.add("description", m.description)
    if not m.is_online:
        event.add("geo", (m.latitude, m.longitude))
    if is_link(m.venue):
        event.add("url", m.venue)
    event.add("sequence", m.sequence)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    cal.add_component(event)
    cal.add_missing_timezones()
    return bytes(cal.to_ical())


def _zone(name: str) -> tzinfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


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
        "details": m.description or f"Meetup #{m.id}, organized with Tweetup",
        "location": _location(m),
    }
    return "https://calendar.google.com/calendar/render?" + urlencode(query)
