"""Meetups: the record, what may be changed, and by whom."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from bot.domain.refusal import Refusal

# Field limits are rules of the domain; the command table reads them for its option specs.
TITLE_MAX = 100
DESCRIPTION_MAX = 1000
VENUE_MAX = 200
CAPACITY_MAX = 10_000

DEFAULT_DURATION = timedelta(hours=2)
ONLINE_CITY_ID = 0  # an online meetup has no city: GeoNames ids start at 1
ONLINE_LABEL = "Online"


class Status(StrEnum):
    POLL = "poll"
    SCHEDULED = "scheduled"
    CANCELLED = "cancelled"
    EXPIRED = "expired"  # a date poll whose options all passed before it closed


@dataclass(frozen=True, slots=True)
class Meetup:
    id: int
    community_id: int
    channel_id: str
    thread_id: str | None
    title: str
    city_id: int
    city_label: str
    organizer_id: str
    organizer_name: str
    status: Status
    starts_at: datetime | None  # None while the date poll is open
    venue: str = ""
    description: str = ""
    capacity: int | None = None
    deadline: datetime | None = None
    sequence: int = 0
    seats_taken: int = 0
    cancel_reason: str = ""
    latitude: float = 0.0
    longitude: float = 0.0
    timezone: str = ""  # the city's IANA zone; "" for meetups made before zones were stored
    find_us: str = ""  # how to spot the group there ("look for the yellow umbrella")

    @property
    def is_online(self) -> bool:
        return self.city_id == ONLINE_CITY_ID

    def zone(self, community_zone: str) -> str:
        """The zone this meetup's times are read and shown in."""
        return self.timezone or community_zone

    @property
    def is_poll(self) -> bool:
        return self.status is Status.POLL

    def ends_at(self) -> datetime | None:
        return self.starts_at + DEFAULT_DURATION if self.starts_at else None

    def is_over(self, now: datetime) -> bool:
        return self.starts_at is not None and now >= self.starts_at + DEFAULT_DURATION

    def has_started(self, now: datetime) -> bool:
        return self.starts_at is not None and now >= self.starts_at


# Bidirectional embeddings, overrides and isolates (the "Trojan Source" set): they reorder
# what follows them, so "abc\u202egnp.exe" reads "abcexe.png". Never needed in a title.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# Control characters other than line breaks and tabs (which descriptions may hold).
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Letters that draw nothing (Hangul fillers, the braille blank, Khmer inherent vowels).
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u17b4\u17b5")
# Categories that draw nothing: format (ZWSP, joiners, direction marks), separators, controls.
_BLANK_CATEGORIES = frozenset({"Cf", "Cc", "Zs", "Zl", "Zp"})
# Combining marks draw only on a base letter (kept after one: emoji variation selectors).
_MARK_CATEGORIES = frozenset({"Mn", "Me"})


def _is_blank(ch: str) -> bool:
    return ch in _BLANK_LETTERS or unicodedata.category(ch) in _BLANK_CATEGORIES


def has_visible(text: str) -> bool:
    """True if some character draws on its own (not blank, not a lone combining mark)."""
    return any(not _is_blank(ch) and unicodedata.category(ch) not in _MARK_CATEGORIES
               for ch in text)


def clean_member_text(value: str) -> str:
    """Member text without direction overrides and control characters, and without
    invisible characters at either end."""
    value = _CONTROLS.sub("", _BIDI_CONTROLS.sub("", value))
    if not has_visible(value):
        return ""
    start, end = 0, len(value)
    while _is_blank(value[start]):
        start += 1
    while _is_blank(value[end - 1]):
        end -= 1
    return value[start:end]


def check_title(title: str) -> str:
    title = clean_member_text(" ".join(title.split()))
    if not title:
        raise Refusal(
            'The title is empty (or has nothing visible in it). Example: title:"Coffee & code"'
        )
    if len(title) > TITLE_MAX:
        raise Refusal(f"The title is {len(title)} characters; keep it to {TITLE_MAX}.")
    return title


def check_text(value: str, name: str, limit: int) -> str:
    value = clean_member_text(value)
    if len(value) > limit:
        raise Refusal(f"The {name} is {len(value)} characters; keep it to {limit}.")
    return value


def check_venue(value: str) -> str:
    """A place, an address or a link (http/https) for online and hybrid meetups."""
    value = check_text(value, "venue", VENUE_MAX)
    if value and "://" in value.split()[0] and not is_link(value):
        raise Refusal(
            "A link in venue: must start with https:// (or http://), with no spaces, "
            "e.g. venue:https://meet.example.com/coffee"
        )
    return value


def is_link(venue: str) -> bool:
    return bool(re.fullmatch(r"https?://[^\s<>|]+", venue, re.IGNORECASE))


def check_online_venue(value: str) -> str:
    """An online meetup's venue is its link (or nothing yet)."""
    value = check_venue(value)
    if value and not is_link(value):
        raise Refusal(
            "An online meetup's venue is its link: venue:https://meet.example.com/coffee "
            "(or leave venue out and share the link later)."
        )
    return value


def check_description(value: str) -> str:
    return check_text(value, "description", DESCRIPTION_MAX)


def parse_capacity(raw: str) -> int | None:
    """A positive whole number, or "none"/"unlimited" for no limit."""
    text = raw.strip().lower()
    if text in ("", "none", "unlimited", "no limit", "0 (none)"):
        return None
    try:
        value = int(text)
    except ValueError:
        raise Refusal(
            f"capacity must be a whole number, like capacity:12 (not {raw[:30]!r})."
        ) from None
    if value <= 0:
        raise Refusal("capacity must be at least 1 (or leave it out for no limit).")
    if value > CAPACITY_MAX:
        raise Refusal(f"capacity can be at most {CAPACITY_MAX:,}; leave it out for no limit.")
    return value


def check_manage(meetup: Meetup, user_id: str, is_admin: bool, verb: str) -> None:
    if user_id != meetup.organizer_id and not is_admin:
        raise Refusal(
            f"Only the organizer ({meetup.organizer_name}) or an admin can {verb} meetup "
            f"#{meetup.id}."
        )


def check_active(meetup: Meetup, now: datetime, verb: str) -> None:
    if meetup.status is Status.CANCELLED:
        raise Refusal(f"Meetup #{meetup.id} was cancelled, so you can't {verb} it.")
    if meetup.status is Status.EXPIRED:
        raise Refusal(
            f"The date poll #{meetup.id} expired (every option passed), so you can't {verb} "
            "it. Propose it again with new dates: `/meetup propose`."
        )
    if meetup.is_over(now):
        raise Refusal(f"Meetup #{meetup.id} is already over, so you can't {verb} it.")


def check_future(start: datetime, now: datetime, what: str = "That time") -> None:
    if start <= now:
        raise Refusal(f'{what} is in the past. Pick a time from now on, e.g. when:"tomorrow 7pm".')
    if start > now + timedelta(days=2 * 366):
        raise Refusal(f"{what} is more than two years away. Pick a date within two years.")
