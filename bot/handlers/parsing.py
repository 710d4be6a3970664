"""Reading command option values (cities, times) into domain values, with member-facing
messages that echo what was understood and say what to type instead."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.domain.community import Community
from bot.domain.meetups import Refusal, check_future
from bot.nlp import dates, places
from bot.nlp.places import City, CityLookup
from bot.store.store import Store

MAX_CITY_TEXT = 100


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


def parse_one_time(
    raw: str, local_now: datetime, now: datetime, what: str = "That time"
) -> datetime:
    """One instant, with a time of day, in the future. `local_now` carries the zone."""
    text = raw.strip()
    if not text:
        raise Refusal('When? e.g. when:"next friday 7pm" or when:"2026-12-05 19:00".')
    if len(text) > 200:
        raise Refusal('That time is too long to read. Try e.g. when:"next friday 7pm".')
    found = dates.parse_when(text, now=local_now, meetup=True)
    if found is None:
        raise Refusal(
            f"I couldn't read {text[:60]!r} as a date and time. Try "
            'when:"next friday 7pm", when:"Dec 5 19:00" or when:"2026-12-05 19:00".'
        )
    if found.grain not in ("minute", "hour"):
        day = found.start.strftime("%a %d %b %Y")
        raise Refusal(
            f"I understood {text[:40]!r} as {day}, but a meetup needs a time of day "
            f'too, e.g. when:"{day} 7pm".'
        )
    start = found.start
    check_future(start, now, what)
    return start
