"""Reading command option values (cities, times) into domain values, with member-facing
messages that echo what was understood and say what to type instead."""

from __future__ import annotations

import calendar
import difflib
import functools
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from bot.domain.community import Community
from bot.domain.meetups import check_future
from bot.domain.refusal import Refusal
from bot.nlp import dates, places
from bot.nlp.places import City, CityLookup
from bot.store.store import Store

MAX_CITY_TEXT = 100

# What people mean by a North American abbreviation: the region's zone, with daylight saving.
# (tzdata's "EST", "MST" and "HST" are fixed offsets: "EST" would stay UTC-5 all summer.)
ZONE_ABBREVIATIONS = {
    **dict.fromkeys(("pst", "pdt", "pt", "pacific"), "America/Los_Angeles"),
    **dict.fromkeys(("mst", "mdt", "mt", "mountain"), "America/Denver"),
    **dict.fromkeys(("cst", "cdt", "ct", "central"), "America/Chicago"),
    **dict.fromkeys(("est", "edt", "et", "eastern"), "America/New_York"),
    **dict.fromkeys(("akst", "akdt", "alaska"), "America/Anchorage"),
    **dict.fromkeys(("hst", "hawaii"), "Pacific/Honolulu"),
}


ONLINE_WORDS = frozenset({"online", "virtual", "remote", "internet"})


def is_online(raw: str) -> bool:
    """`city:online`: a meetup with a link instead of a place."""
    return " ".join(raw.lower().split()).strip(" .!") in ONLINE_WORDS


def parse_meetup_city(raw: str) -> City | None:
    """A meetup's city, or None for an online meetup."""
    return None if is_online(raw) else parse_city(raw)


@dataclass(frozen=True, slots=True)
class CityHints:
    """What tells a community's namesakes apart: its country (from its time zone) and the
    cities its members live in (see `places.dominant`)."""

    country: str | None = None
    homes: tuple[City, ...] = ()


NO_HINTS = CityHints()


async def city_hints(store: Store, community: Community, raw: str) -> CityHints:
    """Hints for reading `raw`; members' homes are read only when the name has namesakes or
    names a small town (most names need no store read)."""
    country = places.country_of_zone(community.timezone)
    found = places.resolve_city(raw.strip()[:MAX_CITY_TEXT], prefer_country=country)
    if found.city is not None and not found.alternatives:
        return CityHints(country)
    if found.city is None and not found.candidates and not found.suggestions:
        return CityHints(country)
    ids = {m.home_city_id for m in await store.homes(community.id) if m.home_city_id}
    homes = (places.city_by_id(i) for i in sorted(ids))
    return CityHints(country, tuple(c for c in homes if c is not None))


def read_city(raw: str, hints: CityHints = NO_HINTS) -> CityLookup:
    """The city `raw` means (with its namesakes as `alternatives`), or a refusal that says
    what to type: the namesakes to choose from, or close spellings."""
    text = raw.strip()
    if not text:
        raise Refusal('Which city? Add city:<name>, e.g. city:"Portland, Oregon".')
    if len(text) > MAX_CITY_TEXT:
        raise Refusal("That city name is too long. Type just the city, e.g. city:Lisbon.")
    found = places.resolve_city(text, prefer_country=hints.country, homes=hints.homes)
    if found.city is not None:
        return found
    shown = text[:40]
    if found.candidates:
        options = " or ".join(_typed(c) for c in found.candidates[: places.MAX_CHOICES])
        raise Refusal(f"There are several places called {shown}. Which one? Type {options}.")
    if found.suggestions and places.fold(found.suggestions[0].name) == places.fold(text):
        options = " or ".join(_typed(c) for c in found.suggestions[: places.MAX_CHOICES])
        raise Refusal(
            f"The only {shown} I know is {found.suggestions[0].label}, a small town where "
            f"no member lives. If you mean it, type {options}; otherwise check the "
            'spelling, or add the country, e.g. city:"Lisbon, Portugal".'
        )
    if found.suggestions:
        options = ", ".join(f'"{c.label}"' for c in found.suggestions[:3])
        raise Refusal(f"I don't know a city called {shown!r}. Did you mean {options}?")
    raise Refusal(
        f"I don't know a city called {shown!r}. Check the spelling, or add the "
        'country, e.g. city:"Lisbon, Portugal".'
    )


def _typed(city: City) -> str:
    return f'city:"{city.label}"'


def parse_city(raw: str, hints: CityHints = NO_HINTS) -> City:
    found = read_city(raw, hints)
    assert found.city is not None
    return found.city


def parse_zone(raw: str) -> tuple[str, str]:
    """An IANA zone for a settings value, and a note when an abbreviation was mapped
    ("EST" -> America/New_York, which keeps daylight saving)."""
    text = raw.strip()
    mapped = ZONE_ABBREVIATIONS.get(text.lower().replace(" ", ""))
    if mapped:
        return mapped, f"{text} is taken as {mapped} (daylight saving included). "
    if text.upper() in ("UTC", "GMT"):
        return "UTC", ""
    # only Area/Location names: tzdata's bare legacy names include fixed offsets ("EST")
    if "/" in text and _known_zone(text):
        return text, ""
    close = _close_zones(text)
    hint = f"Did you mean {' or '.join(f'timezone:{z}' for z in close)}? " if close else ""
    raise Refusal(
        f"{text[:40]!r} is not a time zone I know. {hint}Use an IANA name such as "
        'timezone:"Europe/Berlin" or timezone:"America/New_York".'
    )


def _known_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


@functools.cache
def _zone_names() -> dict[str, str]:
    """Lower-cased IANA names and their last parts ("berlin") -> the name."""
    names: dict[str, str] = {}
    for name in sorted(available_timezones()):
        if "/" in name and not name.startswith(("Etc/", "SystemV/")):
            names.setdefault(name.lower(), name)
            names.setdefault(name.rsplit("/", 1)[1].lower().replace("_", " "), name)
    return names


def _close_zones(text: str) -> list[str]:
    names = _zone_names()
    key = text.lower().replace("_", " ")
    found = difflib.get_close_matches(key, list(names), n=2, cutoff=0.75)
    return list(dict.fromkeys(names[k] for k in found))


def city_zone(city: City | None, community: Community) -> ZoneInfo:
    """The zone a meetup's times are read in: its city's (GeoNames gives every city one),
    else the community's (online meetups, commands without a city)."""
    for name in (city.timezone if city else "", community.timezone):
        try:
            if name:
                return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return ZoneInfo("UTC")


def parse_one_time(
    raw: str,
    local_now: datetime,
    now: datetime,
    what: str = "That time",
    place: str = "",
    offer_poll: bool = False,
) -> datetime:
    """One instant, with a time of day, in the future. `local_now` carries the zone. A span
    of days ("late june", "early next month") is refused, with a date poll over it offered
    when `offer_poll` (a new meetup's `when`)."""
    text = raw.strip()
    if not text:
        raise Refusal('When? e.g. when:"next friday 7pm" or when:"2026-12-05 19:00".')
    if len(text) > 200:
        raise Refusal('That time is too long to read. Try e.g. when:"next friday 7pm".')
    if dates.names_no_time(text):
        raise Refusal(
            f"{text[:40]!r} doesn't name a time, and a meetup needs one so that I can remind "
            'people. Pick a day and a time, e.g. when:"next friday 7pm".'
        )
    found = dates.parse_when(text, now=local_now, meetup=True)
    if found is None or (found.grain in ("minute", "hour") and found.end is None):
        on_span = dates.clock_on_span(text, now=local_now)  # "late june 7pm"
        if on_span is not None:
            at = (found or on_span[1]).start.time()
            raise Refusal(span_of_days(text, on_span[0], local_now, offer_poll, at))
    if found is None:
        raise Refusal(
            no_such_day(text)
            or f"I couldn't read {text[:60]!r} as a date and time. Try "
            'when:"next friday 7pm", when:"Dec 5 19:00" or when:"2026-12-05 19:00".'
        )
    if found.grain not in ("minute", "hour") and is_span_of_days(found):
        raise Refusal(span_of_days(text, found, local_now, offer_poll))
    if found.grain not in ("minute", "hour") and found.start.date() < local_now.date():
        raise Refusal(past_day(found.start, local_now, what))
    if found.grain not in ("minute", "hour"):
        day = found.start.strftime("%a %d %b %Y")
        raise Refusal(
            f"I understood {text[:40]!r} as {day}, but a meetup needs a time of day "
            f'too, e.g. when:"{day} 7pm".'
        )
    start = found.start
    check_wall_time(start, text, place)
    check_future(start, now, what)
    return start


def is_span_of_days(found: dates.TimeMention) -> bool:
    """A `when` read as several days with no time of day ("late june", "next week")."""
    return found.end is not None and (found.end.date() - found.start.date()).days > 1


POLL_OPTIONS = 4
POLL_TIME = time(19)  # the example's time of day: an evening suits weekdays and weekends alike
# a poll's days by weekday (Monday first): the weekend first, then Friday, then the rest
_DAY_RANK = (2, 2, 2, 2, 1, 0, 0)


def poll_days(first: date, end: date, count: int = POLL_OPTIONS) -> list[date]:
    """Up to `count` days from `first` to `end` (exclusive) to offer as a date poll:
    weekend days first, then Friday and the other weekdays, earliest first within each;
    returned in calendar order."""
    days = [first + timedelta(days=n) for n in range((end - first).days)]
    ranked = sorted(days, key=lambda d: (_DAY_RANK[d.weekday()], d))
    return sorted(ranked[:count])


def _typed_day(day: date, today: date) -> str:
    year = f" {day.year}" if day.year != today.year else ""
    return f"{day:%a} {day.day} {day:%b}{year}"


def _typed_clock(at: time) -> str:
    """ "7pm", "7:30pm", "8am": a time of day as members type it."""
    hour = at.hour % 12 or 12
    minutes = f":{at.minute:02d}" if at.minute else ""
    return f"{hour}{minutes}{'am' if at.hour < 12 else 'pm'}"


def span_of_days(
    text: str,
    found: dates.TimeMention,
    local_now: datetime,
    poll: bool,
    at: time = POLL_TIME,
) -> str:
    """The reply to a span of days: what was understood, that one day and time is needed,
    and (for a new meetup) a date poll over the span's days still ahead, at the time of
    day the member gave (`at`, else the evening)."""
    today = local_now.date()
    start, end = found.start.date(), found.end.date() if found.end else found.start.date()
    last = end - timedelta(days=1)
    shown = f"{_typed_day(start, today)} to {_typed_day(last, today)}"
    if last <= today:
        return (
            f"{text[:40]!r} ({shown}) is in the past. Pick a day from now on and a time, "
            'e.g. when:"next friday 7pm".'
        )
    days = poll_days(max(start, today + timedelta(days=1)), end)
    times = [f"{_typed_day(d, today)} {_typed_clock(at)}" for d in days]
    reply = (
        f"I understood {text[:40]!r} as the days {shown}, but a meetup needs one day and a "
        f'time, e.g. when:"{times[0]}".'
    )
    if poll and len(times) > 1:
        reply += (
            " Or let members pick with a date poll: give several times separated by |, "
            f'e.g. when:"{" | ".join(times)}".'
        )
    return reply


_SLASH_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?:/(\d{2}|\d{4}))?(?![\d/])")


def other_reading(text: str, start: datetime, local_now: datetime) -> datetime | None:
    """For "12/01 7pm", read month first in the US and day first elsewhere (by the zone),
    the other order's instant when it is also a date from now on; else None."""
    found = _SLASH_DATE.search(text)
    if found is None:
        return None
    a, b = int(found[1]), int(found[2])
    if a == b or not (1 <= a <= 12 and 1 <= b <= 12):
        return None
    # the date that was read, swapped: day <-> month, same time of day, same year rule
    try:
        swapped = start.replace(month=start.day, day=start.month, fold=0)
    except ValueError:
        return None
    if found[3] is None and swapped.date() <= local_now.date():
        swapped = swapped.replace(year=swapped.year + 1)
    if swapped <= local_now or swapped - local_now > timedelta(days=2 * 366):
        return None
    return swapped


def month_first(zone: tzinfo | None) -> bool:
    return dates.uses_us_dates(zone)


_MONTH_NUMBERS = {
    name.lower(): i
    for i in range(1, 13)
    for name in (calendar.month_name[i], calendar.month_abbr[i])
}
_DAY_AND_MONTH = re.compile(
    r"\b(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>[a-z]{3,9})\b"
    r"|\b(?P<m2>[a-z]{3,9})\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?\b"
    r"|\b\d{4}-(?P<m3>\d{1,2})-(?P<d3>\d{1,2})\b",
    re.IGNORECASE,
)


def no_such_day(text: str) -> str | None:
    """ "31 feb" -> "February has no 31st ..." (None when no such mistake is in the text)."""
    for found in _DAY_AND_MONTH.finditer(text):
        day_text = found["d1"] or found["d2"] or found["d3"]
        month_text = (found["m1"] or found["m2"] or found["m3"]).lower()
        month = int(month_text) if month_text.isdigit() else _MONTH_NUMBERS.get(month_text, 0)
        if not 1 <= month <= 12:
            continue
        day = int(day_text)
        longest = calendar.monthrange(2028, month)[1]  # a leap year: 29 February exists
        if day > longest:
            name = calendar.month_name[month]
            return (
                f"{name} has no {_ordinal(day)} (it has {longest if month != 2 else '28 or 29'} "
                f'days). Pick another day, e.g. when:"{longest if month != 2 else 28} '
                f'{name[:3]} 7pm".'
            )
    return None


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def past_day(start: datetime, local_now: datetime, what: str = "That time") -> str:
    """A past date, with the same day in the future (never a past one) as the example."""
    future = None
    for year in range(local_now.year, local_now.year + 3):
        try:
            candidate = start.replace(year=year)
        except ValueError:  # 29 February
            continue
        if candidate.date() > local_now.date():
            future = candidate
            break
    example = f"{future:%a %d %b %Y} 7pm" if future else "tomorrow 7pm"
    return (
        f"{what} ({start:%a %d %b %Y}) is in the past. Pick a date from now on, "
        f'e.g. when:"{example}".'
    )


# a zone or offset at the end of a time ("01:30 PST", "04:30 EST", "...T09:30Z", "+01:00"):
# the instant is then given, wherever it lands
_EXPLICIT_ZONE = re.compile(
    r"(?:\b(?:utc|gmt|[a-z]{1,3}[sd]t)|\dz|[+-]\d{2}(?::?\d{2})?)\s*$", re.IGNORECASE
)


def check_wall_time(start: datetime, text: str, place: str = "") -> None:
    """Refuse a wall time that the zone skips (spring forward) or has twice (fall back)
    unless the text names which (PDT / PST): a meetup must be at one instant everyone agrees on."""
    zone = start.tzinfo
    where = f" in {place}" if place else (f" in {zone}" if zone else "")
    earlier, later = start.replace(fold=1), start.replace(fold=0)
    if earlier.utcoffset() == later.utcoffset():
        return
    day, wall = f"{start:%Y-%m-%d}", f"{start:%H:%M}"
    skipped = start.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != start.replace(
        tzinfo=None
    )
    if skipped:
        # fold=1 reads the wall time with the later offset: the instant just before the gap
        before = earlier.astimezone(UTC).astimezone(zone)
        after = later.astimezone(UTC).astimezone(zone)
        raise Refusal(
            f"{wall} on {start:%a %d %b %Y} does not exist{where}: the clocks skip that hour "
            f'(daylight saving starts). Type when:"{before:%Y-%m-%d %H:%M}" or '
            f'when:"{after:%Y-%m-%d %H:%M}".'
        )
    first, second = later.tzname() or "", earlier.tzname() or ""
    if not _EXPLICIT_ZONE.search(text):
        raise Refusal(
            f"{wall} happens twice on {start:%a %d %b %Y}{where}: the clocks go back an hour "
            f'that night. Which one? Type when:"{day} {wall} {first}" (the first) or '
            f'when:"{day} {wall} {second}" (an hour later).'
        )
