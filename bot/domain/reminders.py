"""Reminder lead times and when reminders are due."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime, timedelta

from bot.domain.refusal import Refusal

MAX_LEADS = 5
MAX_LEAD_MINUTES = 14 * 24 * 60
_LEAD = re.compile(r"^\s*(\d{1,4})\s*(m|min|mins|minutes?|h|hrs?|hours?|d|days?|w|weeks?)\s*$")
_UNIT_MINUTES = {"m": 1, "h": 60, "d": 24 * 60, "w": 7 * 24 * 60}


def parse_leads(text: str) -> tuple[int, ...]:
    """ "1d,2h" -> (1440, 120). "off" -> (). Largest first, no duplicates."""
    raw = text.strip().lower()
    if raw in ("off", "none", "no"):
        return ()
    leads: set[int] = set()
    for part in re.split(r"[,;]|\band\b", raw):
        if not part.strip():
            continue
        match = _LEAD.match(part)
        if not match:
            raise Refusal(
                f"I can't read {part.strip()[:20]!r} as a lead time. "
                "Use numbers with m, h, d or w, "
                'e.g. lead:"1d,2h", or lead:off.'
            )
        minutes = int(match.group(1)) * _UNIT_MINUTES[match.group(2)[0]]
        if not 5 <= minutes <= MAX_LEAD_MINUTES:
            raise Refusal("Each lead time must be between 5 minutes and 2 weeks.")
        leads.add(minutes)
    if not leads:
        raise Refusal('Give at least one lead time, e.g. lead:"1d,2h", or lead:off.')
    if len(leads) > MAX_LEADS:
        raise Refusal(f"At most {MAX_LEADS} reminders per meetup, please.")
    return tuple(sorted(leads, reverse=True))


def format_lead(minutes: int) -> str:
    for unit, size in (("w", 7 * 1440), ("d", 1440), ("h", 60)):
        if minutes % size == 0:
            return f"{minutes // size}{unit}"
    return f"{minutes}m"


def format_leads(leads: Iterable[int]) -> str:
    text = ", ".join(format_lead(m) for m in leads)
    return text or "off"


def due_reminders(
    starts_at: datetime, leads: Iterable[int], now: datetime
) -> list[tuple[int, datetime]]:
    """(lead, due instant) for each lead whose instant is still ahead of now. A reminder whose
    time has passed when someone RSVPs is not sent late: they just said yes."""
    return [
        (lead, starts_at - timedelta(minutes=lead))
        for lead in leads
        if starts_at - timedelta(minutes=lead) > now
    ]


def still_worth_sending(starts_at: datetime | None, now: datetime) -> bool:
    """A reminder that came due while the bot was down is sent if the event has not started."""
    return starts_at is not None and now < starts_at
