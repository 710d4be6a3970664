"""Calendar feed addresses and what a feed covers: pure rules (bot/web/feeds.py serves them).

A feed's address is the public base URL, FEED_PREFIX and a random token: it names no member
and no community, so only someone it was given to can subscribe, and a reset revokes it.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

FEED_PREFIX = "/calendar/"
FEED_SUFFIX = ".ics"
FEED_HISTORY = timedelta(days=30)  # past meetups stay this long in subscribed calendars
_TOKEN = re.compile(r"[A-Za-z0-9]{16,64}")


def feed_url(base_url: str, token: str) -> str:
    """The https (or http) address of a feed.

    >>> feed_url("https://tweetup.example.org", "abc123")
    'https://tweetup.example.org/calendar/abc123.ics'
    """
    return f"{base_url.rstrip('/')}{FEED_PREFIX}{token}{FEED_SUFFIX}"


def webcal_url(url: str) -> str:
    """The same address for "subscribe" links: calendar apps open webcal:// themselves
    (Apple Calendar, Outlook) and fetch it over https (or http for an http:// address).

    >>> webcal_url("https://tweetup.example.org/calendar/abc123.ics")
    'webcal://tweetup.example.org/calendar/abc123.ics'
    >>> webcal_url("http://localhost:8080/calendar/abc123.ics")
    'webcal://localhost:8080/calendar/abc123.ics'
    """
    return "webcal://" + url.split("://", 1)[1]


def is_token(text: str) -> bool:
    """Whether `text` could be a feed token (anything else is a 404 without a lookup).

    >>> is_token("x4Qz0Jq2V1yR8kLmN3bT7cD5fG9hA6sE")
    True
    >>> is_token("../../etc/passwd"), is_token("short"), is_token("x4Qz0Jq2V1yR8kLm_3bT7cD5")
    (False, False, False)
    """
    return _TOKEN.fullmatch(text) is not None


def window_start(now: datetime) -> datetime:
    """The first instant a feed shows: midnight UTC FEED_HISTORY days ago. It moves once a
    day, so a feed's content changes with time at most daily.

    >>> window_start(datetime(2030, 2, 10, 15, 30, tzinfo=UTC)).isoformat()
    '2030-01-11T00:00:00+00:00'
    """
    day = now.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    return day - FEED_HISTORY
