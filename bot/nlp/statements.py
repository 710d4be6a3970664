"""What a chat message says about its author: where they live, trips, meetup intent.

``read(text, now=...)`` returns :class:`Statement` values; ``might_matter(text)`` (from
``prefilter``) is the cheap check the watcher calls first: most messages say nothing about
places or meetups. The cue phrases themselves are in ``cues``.

Only first-person, affirmative, present or future statements count: negations ("I don't live
in Denver"), past trips ("I was in Chicago last week"), hypotheticals ("if I lived in Paris"),
future moves ("I'm moving to Denver next year"), other people's locations ("my sister lives in
Denver"), quoted text, code and URLs are ignored. Neighbourhoods count as their city
(Brooklyn -> New York City). A region or country alone is not a place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from bot.nlp.cues import (
    ADJ_BEFORE,
    BASED_AFTER,
    HOME_CUES,
    INTENT,
    QUALIFIER,
    THE_BEFORE,
    TRIP_CUES,
    clean,
)
from bot.nlp.dates import TimeMention, find_times
from bot.nlp.places import City, find_places, parent_city
from bot.nlp.prefilter import might_matter

__all__ = ["Statement", "StatementKind", "might_matter", "read"]

StatementKind = Literal["home", "trip", "intent"]


@dataclass(frozen=True, slots=True)
class Statement:
    kind: StatementKind
    city: City | None  # None for an intent that names no city
    first_day: date | None = None  # trips: first and last local day, when stated
    last_day: date | None = None
    start: int = 0  # character span of the sentence in the input
    end: int = 0
    text: str = ""


_SENTENCE = re.compile(r"[^.!?;\n]+[.!?;]*")

# ---------------------------------------------------------------------------------------
# What makes a cue not about the speaker, now

_NEGATION = re.compile(
    r"\b(?:not|n't|dont|don't|didnt|didn't|never|no longer|won't|wont|can't|cant|cannot|"
    r"isn't|aren't|wasn't|weren't|nowhere)\b"
)
_HYPOTHETICAL = re.compile(
    r"\b(?:if|would|wouldn't|could|might|maybe|perhaps|someday|one day|wish|hope|hoping|"
    r"dream|dreaming|imagine|thinking (?:about|of)|considering|planning to move|"
    r"should i|i'd|id love|want to move|wanna move|want to live|would love to live|"
    r"in the future|eventually|unless|suppose|pretend)\b"
)
_FUTURE_MOVE = re.compile(
    r"\b(?:moving|relocating|move|relocate)\b(?:\s+\w+){0,2}\s*(?:to|in)?\s*$"
)
_PAST = re.compile(
    r"\b(?:was|were|went|visited|had been|used to|grew up|born|spent|flew|drove|got back|"
    r"came back|returned|lived)\b"
)
_OTHER_PERSON = re.compile(
    r"\b(?:he|she|they|he's|she's|they're|his|her|their|you|you're|your|my (?!home|place|"
    r"apartment|flat|house|wife and i|husband and i|partner and i|family and i)\w+|"
    r"friend|sister|brother|mom|dad|mother|father|parents|boss|colleague|cousin|"
    r"aunt|uncle|wife|husband|girlfriend|boyfriend|son|daughter|kids?)\b"
)
_PRESENT_PERFECT = re.compile(r"\b(?:i've|ive|i have|we've|we have)\b")
_NOW_WORDS = frozenset({"now", "right now", "just now", "at the moment", "atm", "currently"})


_CLAUSE_SPLIT = re.compile(r",|\bbut\b|\band\b(?= i\b)|\bwhile\b|\bwhereas\b")
_WORD_HEAD = re.compile(r"\w+")


def _clause_before(low: str, start: int) -> str:
    """The clause right before a city: up to 80 characters back to a comma or conjunction,
    never starting inside a word (the pre-filter relies on that), with an adjective or
    "the" right before the city cut off."""
    b = max(0, start - 80)
    before = low[b:start]
    if b > 0 and (head := _WORD_HEAD.match(before)) and _WORD_HEAD.match(low, b - 1):
        before = before[head.end() :]
    clause = _CLAUSE_SPLIT.split(before)[-1]
    clause = ADJ_BEFORE.sub(" ", clause)
    return THE_BEFORE.sub(" ", clause)


def _first_last(m: TimeMention) -> tuple[date, date]:
    first = m.start.date()
    if m.end is None:
        return first, first
    last = (m.end - timedelta(microseconds=1)).date()
    return first, max(first, last)


_MAX_PLACES = 20


def read(text: str, *, now: datetime, prefer_country: str | None = None) -> list[Statement]:
    """Statements about the author in one chat message, in text order. ``prefer_country``
    (the community's country code) breaks ties between same-named cities."""
    if not text or not might_matter(text):
        return []
    return _read(text, now, prefer_country)


def _read(text: str, now: datetime, prefer_country: str | None = None) -> list[Statement]:
    """``read`` without the pre-filter (tests check that the pre-filter hides nothing)."""
    if not text:
        return []
    text = text[:20_000]
    cleaned = clean(text)
    out: list[Statement] = []
    today = now.date()
    for sm in _SENTENCE.finditer(cleaned):
        sent = sm.group()
        if not sent.strip():
            continue
        s0 = sm.start()
        low = sent.lower().replace("’", "'")
        question = sent.rstrip().endswith("?")
        intent = INTENT.search(low)
        places = [
            p for p in find_places(sent, prefer_country=prefer_country) if p.city is not None
        ][:_MAX_PLACES]
        found_city = False
        sent_times: list[TimeMention] | None = None
        for p in places:
            assert p.city is not None
            after = QUALIFIER.sub("", low[p.end : p.end + 40], count=1)
            clause = _clause_before(low, p.start)
            city = parent_city(p.city)
            kind: StatementKind | None = None
            if BASED_AFTER.match(after) and not _OTHER_PERSON.search(clause):
                kind = "home"
            elif HOME_CUES.search(clause):
                kind = "home"
            elif TRIP_CUES.search(clause):
                kind = "trip"
            if kind is None:
                continue
            if question and not re.search(r"\b(?:i'm|im|i am|i'll|i will)\b", clause):
                continue
            if question:
                continue
            if _NEGATION.search(clause) or _HYPOTHETICAL.search(clause):
                continue
            if _FUTURE_MOVE.search(clause):
                continue
            if _OTHER_PERSON.search(clause) and not re.search(
                r"\b(?:i|i'm|im|i'll|we|we're|we'll)\b", clause
            ):
                continue
            # dates in the same sentence
            if sent_times is None:
                sent_times = [
                    t for t in find_times(sent, now=now) if t.text.lower() not in _NOW_WORDS
                ]
            times = sent_times
            first: date | None = None
            last: date | None = None
            if times:
                # the time mention nearest after the city, else the last one before it
                after_t = [t for t in times if t.start_index >= p.end]
                t = after_t[0] if after_t else times[-1]
                first, last = _first_last(t)
            if kind == "home":
                if "moved" in clause or "relocated" in clause:
                    # "moved to Lisbon last year" is a home; "moved to ... next month" is not
                    if first is not None and first > today:
                        continue
                elif first is not None and (
                    re.search(r"\b(?:i'm|im|i am|we're|we are) (?:in|at)\s*$", clause)
                    and last is not None
                    and last >= today
                ):
                    kind = "trip"  # "I'm in Chicago March 3-5"
                elif _PAST.search(clause) and not _PRESENT_PERFECT.search(clause):
                    continue
            if kind == "trip":
                if _PAST.search(clause) and not re.search(r"\b(?:will|'ll|going)\b", clause):
                    continue
                if last is not None and last < today:
                    continue  # a past trip
                if first is None and re.search(
                    r"\b(?:i'm|im|i am|we're|we are) (?:in|at)\s*$", clause
                ):
                    kind = "home"
            found_city = True
            out.append(
                Statement(
                    kind=kind,
                    city=city,
                    first_day=first if kind == "trip" else None,
                    last_day=last if kind == "trip" else None,
                    start=s0,
                    end=s0 + len(sent.rstrip()),
                    text=text[s0 : s0 + len(sent.rstrip())],
                )
            )
        if (
            intent
            and not _NEGATION.search(low[: intent.start()][-30:])
            and not re.search(r"\b(?:met|had a meetup|last meetup)\b", low)
        ):
            city_for_intent: City | None = None
            if places and not found_city:
                c0 = places[0].city
                city_for_intent = parent_city(c0) if c0 is not None else None
            out.append(
                Statement(
                    kind="intent",
                    city=city_for_intent,
                    start=s0,
                    end=s0 + len(sent.rstrip()),
                    text=text[s0 : s0 + len(sent.rstrip())],
                )
            )
    return out
