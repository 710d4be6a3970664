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
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Literal

from bot.nlp import trip_dates
from bot.nlp.cues import clean
from bot.nlp.dates import TimeMention, find_times
from bot.nlp.framed import framed_places
from bot.nlp.lang import en
from bot.nlp.places import City, PlaceMention, _load, find_places, parent_city
from bot.nlp.prefilter import gate_of, lower, might_matter, states_something
from bot.nlp.replies import answered_trip
from bot.nlp.typos import may_have_a_frame, misspelt_cities
from bot.nlp.which_city import by_context, near

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


_FAR = 1_000


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
    prefix: str  # the sentence before the city (lower case)
    answer: bool  # the city opens a reply to a quoted "where's everyone based?"
    tail: str  # the next 80 characters, past the sentence's end ("... just kidding")
    demonym: str = ""  # "one" or "many" when named by its people ("Londoner", "Londoners")
    next_at: int = _FAR  # where the next city starts, counted from this one's end
    route: bool = False  # the city after "<the city before> to": a route's destination


# A sentence; the dot that ends initials ("in L.A. next week") goes on when a lower-case
# word follows it, and so does the dot of a short title ("St. Louis", "Dr. Lee").
# A state's short form ("Cambridge, Mass. next week") goes on the same way (the look
# ahead first: the 32 look-behinds are tried only at such a dot).
_ABBREVIATED = "|".join(rf"(?<=\b{w})" for w in en.ABBREVIATIONS)
_STATE_DOT = "|".join(rf"(?<=\b{w.title()})" for w in en.STATE_ABBREVIATIONS)
_SENTENCE = re.compile(
    rf"(?:[^.!?\n]|\.(?=\S)|(?=\.\s+[a-z0-9])(?:(?<=\.[A-Za-z])|{_STATE_DOT})\."
    rf"|(?=\.\s)(?:{_ABBREVIATED})\.)+[.!?]*"
)
_MAX_PLACES = 20
_MAX_TEXT = 20_000
_BEFORE_WINDOW = 80


def read(text: str, *, now: datetime, prefer_country: str | None = None) -> list[Statement]:
    """Statements about the author in one chat message, in text order. ``prefer_country``
    (the community's country code) breaks ties between same-named cities."""
    if not text:
        return []
    text = text[:_MAX_TEXT]
    passed = gate_of(text)
    if passed is None:
        return []
    gate, cleaned = passed
    return _read(text, now, prefer_country, gate, cleaned)


def _read(
    text: str,
    now: datetime,
    prefer_country: str | None = None,
    gate: en.Gate | None = None,
    cleaned: str | None = None,
) -> list[Statement]:
    """``read`` without the pre-filter (tests check that the pre-filter hides nothing)."""
    if not text:
        return []
    text = text[:_MAX_TEXT]
    gate = gate or en.Gate.of(text)
    stating, proposing = states_something(gate), en.intent_gate(gate)
    if not (stating or proposing):
        return []
    cleaned = clean(text) if cleaned is None else cleaned
    low = lower(cleaned)
    sentences = [(m.start(), m.end()) for m in _SENTENCE.finditer(cleaned)]
    found: list[list[_Mention]] = []

    def mentions() -> list[_Mention]:  # find_places runs once, and only when needed
        if not found:
            found.append(_mentions(text, cleaned, low, sentences, prefer_country))
        return found[0]

    places: list[Statement] = []
    if stating and any(
        _kind(m, en.may_date(low[slice(*m.sentence)] + m.after))
        or _home_after_a_demonym(low, mentions()[k - 1] if k else None, m)
        for k, m in enumerate(mentions())
    ):
        times = [t for t in find_times(cleaned, now=now) if _a_day(t)]
        places = _place_statements(text, low, mentions(), times, now.date())
    if not places and ">" in text:
        places = _reply_trips(text, now, prefer_country)
    intent = _intent(text, low, mentions, places, sentences, gate if proposing else None)
    return sorted([*places, *intent], key=lambda s: s.start)


def _reply_trips(text: str, now: datetime, prefer_country: str | None) -> list[Statement]:
    """ "> who's going to be in Chicago?" then "me! 19th-21st": the reply's trip."""
    answer = answered_trip(text)
    if answer is None:
        return []
    said = f"I'll be in {answer.city} {answer.rest} {answer.asked}"
    reply = text[answer.start : answer.end]
    return [
        replace(s, start=answer.start, end=answer.end, text=reply)
        for s in _read(said, now, prefer_country)
        if s.kind == "trip"
    ]


def _a_day(t: TimeMention) -> bool:
    """A time mention that may give a trip's days (not "now", not a bare clock time)."""
    text = t.text.lower()
    return text not in en.NOW_WORDS and en.CLOCK_ONLY.match(text) is None


def _sentence_of(sentences: list[tuple[int, int]], i: int) -> tuple[int, int]:
    for s, e in sentences:
        if s <= i < e:
            return s, e
    return i, i


def _mentions(
    text: str, cleaned: str, low: str, sentences: list[tuple[int, int]], prefer_country: str | None
) -> list[_Mention]:
    raw_low = lower(text)
    found = [p for p in find_places(cleaned, prefer_country=prefer_country) if p.city]
    named = _with_misspelt(cleaned, text.islower(), found)
    named = _near_the_others(named, found)
    found = _without_asides(low, _with_corrections(cleaned, low, named)[:_MAX_PLACES])
    out: list[_Mention] = []
    for k, p in enumerate(found):
        assert p.city is not None
        sent = _sentence_of(sentences, p.start)
        nxt = found[k + 1].start if k + 1 < len(found) else len(low)
        prev_end = found[k - 1].end if k > 0 else -1
        before = _clause_before(low, max(sent[0], p.start - _BEFORE_WINDOW), p.start)
        stop = _after_stop(low, sentences, sent, nxt)
        aside = en.ALIAS_ASIDE.match(low, p.end)
        if aside is not None and aside.end() < stop:  # "Yangon, or Rangoon ..., is home"
            after = " " + low[aside.end() : stop]
        else:
            after = low[p.end : max(p.end, stop)]
        joined = prev_end >= sent[0] and _only_list_words(low[prev_end : p.start])
        route = joined and en.ROUTE_GAP.fullmatch(low[prev_end : p.start]) is not None
        prefix = low[sent[0] : p.start]
        city = by_context(_its_city(p.city), text[p.end :], nxt - p.end)
        answer = _answers_where(raw_low, p.start)
        tail = low[p.end : p.end + 80]
        demonym = "" if p.alias != "demonym" else "many" if p.text.endswith("s") else "one"
        out.append(
            _Mention(
                p.start, p.end, city, sent, before, after, joined, prefix, answer, tail, demonym,
                nxt - p.end if k + 1 < len(found) else _FAR,
                route,
            )
        )
    return out


def _with_misspelt(cleaned: str, all_lower: bool, found: list[PlaceMention]) -> list[PlaceMention]:
    """The mentions, with misspelt big cities in a statement frame ("in Edinbrugh") and
    names a frame marks as a place ("Austin-based", "**Location:** Santiago")."""
    typos = (
        [
            PlaceMention(cleaned[s:e], s, e, c, alias="typo")
            for s, e, c in misspelt_cities(cleaned, all_lower=all_lower)
        ]
        if may_have_a_frame(en.gate_words(cleaned.lower()))
        else []
    )
    extra: list[PlaceMention] = []
    for p in [*typos, *framed_places(cleaned)]:
        if not any(q.start < p.end and p.start < q.end for q in [*found, *extra]):
            extra.append(p)
    return sorted([*found, *extra], key=lambda p: p.start) if extra else found


def _near_the_others(found: list[PlaceMention], seen: list[PlaceMention]) -> list[PlaceMention]:
    """A name a frame adds (not ``seen`` by find_places, so not by its neighbour check) is
    the namesake near another city named: "Victoria based, ferry to Vancouver" is Victoria,
    BC, not Hong Kong's; one already near another city stays."""
    others = [p.city for p in found if p.city is not None]
    out: list[PlaceMention] = []
    for p in found:
        if p.city is not None and p not in seen and len(others) > 1:
            moved = [near(p.city, o) for o in others if o is not p.city]
            if p.city not in moved and moved and any(c != p.city for c in moved):
                p = replace(p, city=next(c for c in moved if c != p.city))
        out.append(p)
    return out


def _without_asides(low: str, found: list[PlaceMention]) -> list[PlaceMention]:
    """The mentions without a second name of the city before it in an aside ("Kiev, or
    Kyiv as the signs say, has been home"): one city, whose words go on past the aside."""
    out: list[PlaceMention] = []
    for p in found:
        prev = out[-1] if out else None
        if prev is not None and prev.city == p.city:
            aside = en.ALIAS_ASIDE.match(low, prev.end)
            if aside is not None and p.end <= aside.end():
                continue
        out.append(p)
    return out


def _with_corrections(cleaned: str, low: str, found: list[PlaceMention]) -> list[PlaceMention]:
    """The mentions, with the city a self-correction names ("Leeds — sorry, Bradford"): a
    correction is a place's context, as "in" is (a small town needs one to be found)."""
    extra: list[PlaceMention] = []
    for p in found[:_MAX_PLACES]:
        ahead = low[p.end : p.end + 50]
        if not any(w in ahead for w in en.CORRECTION_WORDS):
            continue
        lead = en.CORRECTION_AHEAD.match(low, p.end)
        if lead is None or any(lead.end() <= q.start < lead.end() + 3 for q in found):
            continue
        at = lead.end()
        named = find_places("in " + cleaned[at : at + 40])
        if named and named[0].city is not None and named[0].start == 3:
            q = named[0]
            if _a_word_not_a_name(q, cleaned):
                continue  # "Canberran here, it's actually nice": no correction
            extra.append(replace(q, start=at, end=at + len(q.text)))
    return sorted([*found, *extra], key=lambda p: p.start) if extra else found


def _a_word_not_a_name(p: PlaceMention, cleaned: str) -> bool:
    """A common word's city in lower case in a message that uses capitals: "actually nice",
    "well, reading is fun" are words after a correction word, not a corrected city."""
    return (
        p.text[:1].islower()
        and not cleaned.islower()
        and p.city is not None
        and p.city.id in _load().common
    )


def _its_city(city: City) -> City:
    """The city a district belongs to (Brooklyn, Shibuya), but a town across a state line
    is a municipality of its own (Jersey City and Hoboken, NJ, are not New York City)."""
    parent = parent_city(city)
    return parent if parent.admin1_code == city.admin1_code else city


def _after_stop(low: str, sentences: list[tuple[int, int]], sent: tuple[int, int], nxt: int) -> int:
    """Where the words after a city end: the next city, or its sentence's end, or the next
    sentence's when that one goes on about "here" ("greetings from Tokyo! here until ...")
    or is nothing but dates ("... Rotterdam, I mix them up. Thursday to Saturday")."""
    stop = sent[1]
    for s, e in sentences:
        if s >= sent[1]:
            if re.match(r"\W*here\b", low[s:e]) or _only_dates(low[s:e]):
                stop = e
            break
    return min(stop, nxt) if nxt > sent[0] else stop


def _only_dates(sentence: str) -> bool:
    """A sentence of date words alone: "Thursday to Saturday.", "3-5 june"."""
    words = re.findall(r"[a-z]+", sentence)
    return bool(words) and all(w in trip_dates.DATE_WORDS for w in words) and en.may_date(sentence)


def _answers_where(raw_low: str, start: int) -> bool:
    """The city opens the line right after a quoted question about where people are."""
    low = raw_low
    line_start = low.rfind("\n", 0, start) + 1
    if line_start == 0 or not _bare(low[line_start:start]):
        return False
    prev_line = low[low.rfind("\n", 0, line_start - 1) + 1 : line_start - 1]
    return prev_line.lstrip().startswith(">") and en.WHERE_QUESTION.search(prev_line) is not None


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
    if en.HOME_QUESTION.search(b) or en.HOME_PERFECT.search(b) or m.answer or _introduced(m):
        return "home"
    if m.demonym:
        return "home" if _one_of_its_people(m) else None
    if _at_a_workplace(m):
        return "trip" if has_dates and not _not_the_speaker_now(m) else None
    if _not_a_stay(m):
        return None
    if en.ORIGIN.search(b):
        return "home" if en.STILL_THERE.search(m.after) else None
    if en.BEEN_IN.search(b) and en.YEARS_AFTER.match(m.after):
        return "home"  # "been in Bengaluru 6 yrs now"
    if en.YEARS_BEFORE.search(b) and en.YEARS_STILL_AFTER.match(m.after):
        return "home"  # "five years in Dresden now"
    if not en.VISIT_SOMEONE.search(b) and _not_the_speaker_now(m):
        return None
    if en.HOME_BEFORE.search(b):
        if not en.STRONG_HOME.search(b):
            return "trip" if has_dates else None if en.NEXT_AFTER.match(m.after) else "home"
        return "home"
    if en.TRIP_BEFORE.search(b) or en.VISIT_SOMEONE.search(b):
        return "trip"
    if m.route:
        return "trip" if has_dates else None  # "Sydney to Canberra on the 20th"
    return _kind_from_after(m, has_dates)


def _introduced(m: _Mention) -> bool:
    """An intro names the city as a field or as the last item of its list: "**Location:**
    Lyon", "quick intro: Priya, data eng, Pune.", "I'm Ana — backend — Porto"."""
    if en.FIELD_LABEL.search(m.prefix):
        return True
    return (
        en.INTRO_LIST.search(m.prefix) is not None
        and en.INTRO_ITEM_END.match(m.after) is not None
        and not en.may_date(m.after[:30])
    )


def _at_a_workplace(m: _Mention) -> bool:
    """The speaker at a workplace in the city, a trip by its dates: "at our Raleigh office
    Tue-Thu next week", "I'm in the Austin office all week" (not "our Denver office is
    closed", "the Berlin office is hiring": a company)."""
    return (
        en.WORKPLACE_AFTER.match(m.after) is not None
        and en.AT_A_WORKPLACE_BEFORE.search(m.before) is not None
    )


def _one_of_its_people(m: _Mention) -> bool:
    """ "I'm a Londoner", "proud Sydneysider": the speaker is one of the city's people (a
    plural needs "we": "Londoners are rude" is about others)."""
    if en.DEMONYM_SELF.search(m.before) is None:
        return False
    if en.DEMONYM_ELSEWHERE.match(m.after):
        return False  # "a Bostonian living in LA": the later city is the home
    if not re.search(r"[a-z]", m.before) and not en.DEMONYM_SELF_AFTER.match(m.after):
        return False  # "Glaswegian weather": an adjective; "Glaswegian, 34, loves hills"
    return m.demonym != "many" or re.search(r"\bwe\b|\bwe're\b", m.before) is not None


def _not_a_stay(m: _Mention) -> bool:
    """A group or a clock ("Berlin folks", "Berlin time"), the city as a sentence's subject
    ("Dublin is lovely at christmas"), a joke or a called-off trip."""
    return bool(
        en.CITY_AS_SUBJECT.match(m.after)
        or en.NOT_A_STAY_AFTER.search(m.after)
        or en.NOT_AFTER.search(m.after)
        or en.JOKE_AFTER.search(m.tail)
        or _taken_back(m)
    )


def _taken_back(m: _Mention) -> bool:
    """ "Toronto next week... scratch that": taken back, unless a city follows the words
    ("scratch that, Milwaukee" corrects)."""
    if not any(w in m.tail for w in en.TAKEN_BACK_WORDS):
        return False  # the cheap test first
    back = en.TAKEN_BACK_AFTER.search(m.tail)
    return back is not None and not back.end() <= m.next_at <= len(m.tail)


def _not_the_speaker_now(m: _Mention) -> bool:
    b = m.before
    if en.NOT_NOW.search(b) or en.AFTER_A_STAY.search(b):
        return True
    if en.SPEAKER.search(b):
        return False
    return bool(en.NOT_SPEAKER.search(b) or en.OTHER_SUBJECT.search(m.prefix))


def _kind_from_after(m: _Mention, has_dates: bool) -> StatementKind | None:
    """No cue before the city: "Denver-based", "Denver here", "my Tulsa trip", or a bare
    city with dates ("Glasgow all week")."""
    after = en.QUALIFIER.sub("", m.after, count=1)
    if en.HOME_AFTER.search(after) and not en.NOT_SPEAKER_AFTER.search(after):
        return "home"
    if en.MODIFIER_TRIP.search(m.after):
        return "trip"
    if not _bare(m.before):
        return None
    if en.HOME_NOW_AFTER.search(m.after) and not has_dates:
        return "home"
    if en.ASKED_AFTER.match(m.after):
        return None  # "Chicago in December? no thanks"
    return "trip" if has_dates else None


def _place_statements(
    text: str, low: str, mentions: list[_Mention], times: list[TimeMention], today: date
) -> list[Statement]:
    out: list[Statement] = []
    prev_kind: StatementKind | None = None
    prev_days: tuple[date, date] | None = None
    listed = trip_dates.itinerary(low, mentions, times)
    for k, m in enumerate(mentions):
        prev = mentions[k - 1] if k else None
        corrects = _corrects(low, prev, m)
        if corrects and prev is not None:
            m = replace(m, before=prev.before, prefix=prev.prefix, city=near(m.city, prev.city))
            out = [s for s in out if s.city != prev.city]
        days = listed.get(k) or trip_dates.days_after(low, m, times, today, prev, out)
        kind = _final_kind(m, prev_kind, days, today)
        if kind is None and _home_after_a_demonym(low, prev, m):
            kind = "home"
        if corrects and kind is None:
            kind = prev_kind
        if corrects and days is None:
            days = prev_days
        prev_days = days
        prev_kind = kind if kind is not None or not m.joined else prev_kind
        if kind is None or (kind == "trip" and days is None and not en.ARRIVAL.search(m.before)):
            continue
        out.append(_statement(text, m, kind, days if kind == "trip" else None))
    return _one_home(out)


def _home_after_a_demonym(low: str, prev: _Mention | None, m: _Mention) -> bool:
    """ "Mumbaikar living in Bengaluru", "Londoner, based in Paris": a demonym, then the
    home (the demonym says where the speaker is from, ``_one_of_its_people``)."""
    return (
        prev is not None
        and prev.demonym == "one"
        and prev.sentence == m.sentence
        and en.DEMONYM_THEN_HOME.match(low[prev.end : m.start]) is not None
        and (_bare(prev.before) or en.SPEAKER.search(prev.before) is not None)
        and not _not_the_speaker_now(prev)
    )


def _corrects(low: str, prev: _Mention | None, m: _Mention) -> bool:
    """The city replaces the one before it in its sentence ("Leeds — sorry, Bradford"), or
    in the next one when that opens with the correction ("Liverpool next week. Actually no,
    Manchester"); not otherwise across sentences ("... Petaling Jaya technically. KL
    folks, ...")."""
    if prev is None:
        return False
    if en.APOLOGY_TO_PEOPLE.match(low, m.end):
        return False  # "Manchester here, sorry London folks"
    across = prev.sentence != m.sentence and "..." not in low[prev.end : m.start]
    if across and en.CORRECTION_LEAD.match(m.prefix) is None:
        return False
    return en.CORRECTION.search(low[prev.end : m.start]) is not None


def _final_kind(
    m: _Mention, prev_kind: StatementKind | None, days: tuple[date, date] | None, today: date
) -> StatementKind | None:
    kind = prev_kind if m.joined and prev_kind == "trip" else _kind(m, days is not None)
    moving_later = (
        days is not None
        and days[0] > today
        and en.MOVED.search(m.before)
        and not en.MOVED_PAST.search(m.before)
    )
    if kind == "home" and moving_later:
        return None  # "moving to X next month" is no home yet
    if kind == "trip" and days is None and not en.ARRIVAL.search(m.before):
        now_there = en.IM_IN.search(m.before) or en.NOW_AFTER.search(m.after)
        return "home" if now_there else None  # "I'm in X", "back in X now"
    if kind == "trip" and days is not None and (days[1] < today or en.HEDGE.search(m.prefix)):
        return None  # a past or hedged trip
    return kind


def _one_home(stmts: list[Statement]) -> list[Statement]:
    """At most one home (the last one stated: "originally X, now Y"), trips not at home."""
    homes = [s for s in stmts if s.kind == "home"]
    home = homes[-1] if homes else None
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
    mentions: Callable[[], list[_Mention]],
    places: list[Statement],
    sentences: list[tuple[int, int]],
    gate: en.Gate | None,
) -> list[Statement]:
    """``gate``: the message's words where it has an intent word, else None."""
    if gate is None and not places:
        return []
    for cue in en.INTENT_CUES:
        if cue.beside_a_stay and not places:
            continue  # "anyone around?" is an intent only beside a home or trip
        if not cue.beside_a_stay and (gate is None or not en.cue_may_fit(cue, gate)):
            continue
        for hit in cue.pattern.finditer(low):
            s0, s1 = _sentence_of(sentences, hit.start())
            if not any(c.isalnum() for c in hit.group()) and not en.PLAN_BEFORE_MARKS.search(
                low, s0, hit.start()
            ):
                continue  # a bare "?" after another: "who ate my lunch??" proposes nothing
            sent = low[s0:s1]
            if (
                en.NOT_INTENT.search(sent)
                or en.PAST_MEETUP.search(sent)
                or en.HYPOTHETICAL.match(sent)
            ):
                continue
            if en.NOT_NOW_INTENT.search(low[max(s0, hit.start() - 30) : hit.start()]):
                continue
            city = _intent_city(hit, mentions(), places, (s0, s1))
            return [_intent_statement(text, city, s0, s1)]
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


def _intent_statement(text: str, city: City | None, s0: int, s1: int) -> Statement:
    s1 = s0 + len(text[s0:s1].rstrip())
    return Statement(kind="intent", city=city, start=s0, end=s1, text=text[s0:s1])
