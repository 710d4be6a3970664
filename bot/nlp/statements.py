"""What a chat message says about its author: where they live, trips, meetup intent.

``read(text, now=...)`` returns :class:`Statement` values; ``might_matter(text)`` (from
``prefilter``) is the cheap check the watcher calls first. Every English word the grammar
reads is in ``bot.nlp.lang.en``; this module holds the rules:

* each city mention (``places.find_places``) is read with the clause before it and the words
  after it: a home cue ("I live in", "X-based", "X here"), a trip cue ("heading to", "in X
  for work", "my X trip"), or no cue at all with dates after it ("Glasgow all week");
* cities of a list or itinerary take the kind of the one before them, each with its days;
* a clause about someone else, the past, a wish, a negation or a joke makes nothing; a
  self-correction ("Boston, sorry, Cambridge") replaces the city before it;
* trip dates come from ``dates.find_times`` in the words after the city, composed by
  :mod:`bot.nlp.trip_dates` (an end in a second clause, "until Friday", "the week of ...");
* meetup intent is one of ``en.INTENT_CUES`` anywhere in the message that is not a
  non-intent ("meet the deadline", a call, a past meetup).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from bot.nlp import trip_dates
from bot.nlp.cues import clean
from bot.nlp.dates import TimeMention, find_times
from bot.nlp.lang import en
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


@dataclass(frozen=True, slots=True)
class _Mention:
    """A city named in the message, with the words the grammar reads around it."""

    start: int
    end: int
    city: City
    sentence: tuple[int, int]
    before: str  # the clause before the city (lower case)
    after: str  # the words after it, up to the next city or the sentence's end
    joined: bool  # only list words ("and", "then", dates) since the city before it


_SENTENCE = re.compile(r"(?:[^.!?\n]|\.(?=\S)(?!\s))+[.!?]*")
_MAX_PLACES = 20
_MAX_TEXT = 20_000
_BEFORE_WINDOW = 80


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
    text = text[:_MAX_TEXT]
    cleaned = clean(text)
    low = _lower(cleaned)
    sentences = [(m.start(), m.end()) for m in _SENTENCE.finditer(cleaned)]
    mentions = _mentions(cleaned, low, sentences, prefer_country)
    times: list[TimeMention] = []
    if mentions:
        times = [t for t in find_times(cleaned, now=now) if t.text.lower() not in en.NOW_WORDS]
    places = _place_statements(text, low, mentions, times, now.date())
    intent = _intent(text, low, mentions, places, sentences)
    return sorted([*places, *intent], key=lambda s: s.start)


def _lower(text: str) -> str:
    """Lower case with straight apostrophes, offsets kept."""
    low = text.lower().replace("’", "'")
    if len(low) != len(text):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text).replace("’", "'")
    return low


def _sentence_of(sentences: list[tuple[int, int]], i: int) -> tuple[int, int]:
    for s, e in sentences:
        if s <= i < e:
            return s, e
    return i, i


def _mentions(
    cleaned: str, low: str, sentences: list[tuple[int, int]], prefer_country: str | None
) -> list[_Mention]:
    found = [p for p in find_places(cleaned, prefer_country=prefer_country) if p.city][:_MAX_PLACES]
    out: list[_Mention] = []
    for k, p in enumerate(found):
        assert p.city is not None
        sent = _sentence_of(sentences, p.start)
        nxt = found[k + 1].start if k + 1 < len(found) else len(low)
        prev_end = found[k - 1].end if k > 0 else -1
        before = _clause_before(low, max(sent[0], p.start - _BEFORE_WINDOW), p.start)
        after = low[p.end : min(sent[1], nxt) if nxt > p.end else sent[1]]
        joined = prev_end >= sent[0] and _only_list_words(low[prev_end : p.start])
        out.append(_Mention(p.start, p.end, parent_city(p.city), sent, before, after, joined))
    return out


_DATEISH = re.compile(r"[\d./–—-]+(?:st|nd|rd|th)?|\b[a-z]+\b")


def _only_list_words(between: str) -> bool:
    """Between two cities of a list: joiners, dates and day or month words only."""
    words = [w for w in re.findall(r"[a-z]+", between) if w not in trip_dates.DATE_WORDS]
    return len(between) < 60 and en.LIST_JOINERS.match(" ".join(words)) is not None


def _clause_before(low: str, start: int, city_start: int) -> str:
    """The clause right before a city, with an adjective or "the" before the city cut."""
    before = low[start:city_start]
    clause = en.CLAUSE_SPLIT.split(before)[-1]
    clause = en.ADJ_BEFORE.sub(" ", " " + clause)
    return en.THE_BEFORE.sub(" ", clause)


# ---------------------------------------------------------------------------------------
# Homes and trips


_NO_WORDS = re.compile(r"^[^a-z]*$")
_LEAD = re.compile(
    r"^\W*(?:(?:hi|hey|hello|ok|okay|so|also|and|then|btw|fyi|update|yo|"
    r"heads\s+up|psa|oh|anyway|me)\b\W*)*$"
)


def _bare(before: str) -> bool:
    """The city starts its clause: nothing but greetings or joiners before it."""
    return _NO_WORDS.match(before) is not None or _LEAD.match(before) is not None


def _kind(m: _Mention, has_dates: bool) -> StatementKind | None:
    """Home, trip, or nothing, from the words around one city."""
    b = m.before
    if en.ORIGIN.search(b) or en.NOT_AFTER.search(m.after):
        return None
    if en.HOME_QUESTION.search(b) or en.HOME_PERFECT.search(b):
        return "home"
    if en.NOT_NOW.search(b) or (en.NOT_SPEAKER.search(b) and not en.SPEAKER.search(b)):
        return None
    if en.HOME_BEFORE.search(b):
        return "trip" if has_dates and en.TRIP_BEFORE.search(b) else "home"
    if en.TRIP_BEFORE.search(b):
        return "trip"
    after = en.QUALIFIER.sub("", m.after, count=1)
    if en.HOME_AFTER.search(after) and not en.NOT_SPEAKER_AFTER.search(after):
        return "home"
    if en.MODIFIER_TRIP.search(m.after):
        return "trip"
    if _bare(b):
        if en.HOME_NOW_AFTER.search(m.after) and not has_dates:
            return "home"
        if has_dates:
            return "trip"
    return None


def _place_statements(
    text: str, low: str, mentions: list[_Mention], times: list[TimeMention], today: date
) -> list[Statement]:
    out: list[Statement] = []
    prev_kind: StatementKind | None = None
    for k, m in enumerate(mentions):
        days = trip_dates.days_after(low, m, times, today, mentions[k - 1] if k else None, out)
        kind = prev_kind if m.joined and prev_kind == "trip" else _kind(m, days is not None)
        if kind == "home" and days is not None and en.MOVED.search(m.before):
            kind = None if days[0] > today else "home"  # "moved to X next month" is no home
        if kind == "trip" and days is None and not en.ARRIVAL.search(m.before):
            kind = "home" if en.IM_IN.search(m.before) else None
        if kind == "trip" and days is not None and days[1] < today:
            kind = None  # a past trip
        if kind is None:
            prev_kind = None if not m.joined else prev_kind
            continue
        st = _statement(text, m, kind, days if kind == "trip" else None)
        if out and en.CORRECTION.search(m.before) and out[-1].kind == kind:
            out[-1] = st  # "Boston, sorry, Cambridge": the corrected city
        elif out and en.CORRECTION.search(m.before) and out[-1].kind in ("home", "trip"):
            out[-1] = st
        else:
            out.append(st)
        prev_kind = kind
    return _one_home(out)


def _one_home(stmts: list[Statement]) -> list[Statement]:
    """At most one home (the last one stated: "originally X, now Y"), trips not at home."""
    homes = [s for s in stmts if s.kind == "home"]
    if len(homes) <= 1:
        home = homes[0] if homes else None
    else:
        home = homes[-1]
    return [
        s
        for s in stmts
        if (s.kind != "home" or s is home)
        and not (s.kind == "trip" and home is not None and s.city == home.city)
    ]


def _statement(
    text: str, m: _Mention, kind: StatementKind, days: tuple[date, date] | None
) -> Statement:
    s0, s1 = m.sentence
    s1 = s0 + len(text[s0:s1].rstrip())
    return Statement(
        kind=kind,
        city=m.city,
        first_day=days[0] if days else None,
        last_day=days[1] if days else None,
        start=s0,
        end=s1,
        text=text[s0:s1],
    )


# ---------------------------------------------------------------------------------------
# Intent


def _intent(
    text: str,
    low: str,
    mentions: list[_Mention],
    places: list[Statement],
    sentences: list[tuple[int, int]],
) -> list[Statement]:
    if not en.intent_gate(text):
        return []
    for cue in en.INTENT_CUES:
        for hit in cue.pattern.finditer(low):
            if cue.name == "around" and not places:
                continue  # "anyone around?" is an intent only beside a home or trip
            s0, s1 = _sentence_of(sentences, hit.start())
            sent = low[s0:s1]
            if en.NOT_INTENT.search(sent) or en.PAST_MEETUP.search(sent):
                continue
            if en.NOT_NOW_INTENT.search(low[max(s0, hit.start() - 30) : hit.start()]):
                continue
            city = _intent_city(hit, mentions, places, (s0, s1))
            s1 = s0 + len(text[s0:s1].rstrip())
            return [Statement(kind="intent", city=city, start=s0, end=s1, text=text[s0:s1])]
    return []


def _intent_city(
    hit: re.Match[str],
    mentions: list[_Mention],
    places: list[Statement],
    sent: tuple[int, int],
) -> City | None:
    """The city the proposal itself names: inside the cue ("any Oslo folks up for..."), or
    in its sentence when no home or trip there took it."""
    for m in mentions:
        if hit.start() <= m.start < hit.end():
            return m.city
    taken = {s.city for s in places}
    for m in mentions:
        if sent[0] <= m.start < sent[1] and m.city not in taken and not en.ORIGIN.search(m.before):
            return m.city
    return None
