"""What a chat message says about its author: where they live, trips, meetup intent.

``read(text, now=...)`` returns :class:`Statement` values; ``might_matter(text)`` is the cheap
pre-filter the watcher calls first (most messages say nothing about places or meetups).

Only first-person, affirmative, present or future statements count: negations ("I don't live
in Denver"), past trips ("I was in Chicago last week"), hypotheticals ("if I lived in Paris"),
future moves ("I'm moving to Denver next year"), other people's locations ("my sister lives in
Denver"), quoted text, code and URLs are ignored. Neighbourhoods count as their city
(Brooklyn -> New York City). A region or country alone is not a place.
"""

from __future__ import annotations

import re
import re._constants as _sre  # the parsed form of the cue patterns (pre-filter)
import re._parser as _sre_parse
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Literal

from bot.nlp.dates import TimeMention, find_times
from bot.nlp.places import (
    City,
    city_name_last_words,
    find_places,
    fold,
    may_mention_place,
    parent_city,
)

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


# ---------------------------------------------------------------------------------------
# Pre-filter

# Words without which no statement is possible: first-person cues of home and travel, and
# meetup words. Matched on whitespace-split lower-case words (cheap), so punctuation-glued
# forms ("coffee?") are covered by the substring check on meetup words below.
_CUE_WORDS = frozenset(
    """i'm im i'll ill i’m i’ll we're we’re we'll live living reside based moved relocated
    here heading headed flying visiting visit trip travelling traveling will gonna greetings fellow
    stay staying landing arriving arrive town driving off going coming home moving
    relocating settled flight flights conference hello spending currently back landed based am
    arrived lived""".split()
)
_INTENT_WORDS = frozenset(
    """meet meetup meetups meeting drinks drink coffee coffees irl person hang hangout
    together beer beers pint pints lunch dinner brunch tweetup""".split()
)


def _variants(words: frozenset[str]) -> frozenset[str]:
    """Forms as they appear in whitespace-split chat: "Coffee", "drinks?", "I'm"."""
    out: set[str] = set()
    for w in words:
        for form in (w, w.capitalize(), w.upper()):
            out.add(form)
            out.update(form + p for p in "?!.,:;)")
            out.add(form.replace("'", "’"))
    return frozenset(out)


_ANY_CUE_FORMS = _variants(_CUE_WORDS | _INTENT_WORDS)
_INTENT_FORMS = _variants(_INTENT_WORDS)
_CUE_FORMS = _variants(_CUE_WORDS)
_LOW_WORD = re.compile(r"[a-z'’]+")


def might_matter(text: str) -> bool:
    """Cheap check: False means ``read`` surely returns nothing for this text."""
    if not text:
        return False
    cues = _ANY_CUE_FORMS.intersection(text.split())
    if not cues:
        # "Portland-based" is the one cue glued to another word
        if "ased" not in text and "ASED" not in text:
            return False
        if "based" not in text and "Based" not in text and "BASED" not in text:
            return False
        return may_mention_place(text)
    if not _INTENT_FORMS.isdisjoint(cues) and _INTENT.search(text.lower().replace("’", "'")):
        return True
    if _CUE_FORMS.isdisjoint(cues):
        return False  # meetup words but no meetup phrase, and no home or travel word
    return may_mention_place(text) and _may_have_cue_phrase(text)


# ---------------------------------------------------------------------------------------
# Cleaning: code, URLs and quotes become spaces (offsets are kept).

_CODE_BLOCK = re.compile(r"```.*?(```|$)", re.DOTALL)
_CODE_INLINE = re.compile(r"`[^`\n]*`")
_URL = re.compile(
    r"\b(?:https?://|www\.)\S+|\b\S+\.(?:com|org|net|io|dev|app)(?:/\S*)?\b", re.IGNORECASE
)
_QUOTE_LINE = re.compile(r"^\s*>.*$", re.MULTILINE)
_QUOTED = re.compile(r"\"[^\"\n]{0,300}\"|“[^”\n]{0,300}”")
_MENTION = re.compile(r"[@#]\w+")


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group())


def _clean(text: str) -> str:
    for rx in (_CODE_BLOCK, _CODE_INLINE, _URL, _QUOTE_LINE, _QUOTED, _MENTION):
        text = rx.sub(_blank, text)
    return text


_SENTENCE = re.compile(r"[^.!?;\n]+[.!?;]*")

# ---------------------------------------------------------------------------------------
# Cues, read on the text right before a city (lower case, straight apostrophes).

_SUBJ = r"(?:i'm|im|i\ am|we're|we\ are)"
_ADV = (
    r"(?:\s+(?:currently|now|still|just|actually|finally|also|already|really|"
    r"officially|mostly|permanently|basically|originally))*"
)
_X = re.VERBOSE
_HOME_CUES = re.compile(
    rf"""(?:
      \b(?:i|we)\b{_ADV}\s+(?:live|living|reside|stay|am\ based|'m\ based|am\ located)
          {_ADV}\s+(?:in|near|outside(?:\ of)?|around)\s*$
    | \b{_SUBJ}{_ADV}\s+(?:living|based|located|settled|staying)
          \s+(?:in|near|outside(?:\ of)?|around|out\ of)\s*$
    | \b{_SUBJ}{_ADV}\s+(?:in|from|near)\s*$
    | \b(?:i|we)\b{_ADV}\s+(?:moved|relocated|settled)(?:\s+(?:back|over|down|out))?
          \s+(?:to|in)\s*$
    | ^\s*(?:just\ |finally\ |recently\ |since\ i\ )?(?:moved|relocated)
          (?:\ back|\ over|\ down)?\ (?:to|in)\s*$
    | \b(?:here|over\ here|out\ here|back\ home|home)\ in\s*$
    | ^\s*(?:currently\ |now\ |still\ )?(?:living|based|located|residing|settled)
          \s+(?:in|near|out\ of|outside(?:\ of)?|around)\s*$
    | ^\s*back\ (?:home\ )?in\s*$
    | \b(?:heading|headed|going|flying|driving|back)\ home\ (?:to|in)\s*$
    | \b(?:i|we)\b{_ADV}\s+moved\ from\ [\w\s.,'-]{{1,40}}?\ to\s*$
    | \bmy\ (?:home|place|apartment|flat|house)\ (?:is\ )?in\s*$
    | \b(?:i|we)\ (?:call|now\ call)\s*$
    | \b(?:i|we)'?ve\ been\ living\ in\s*$
    | \b(?:i've|ive|i\ have|we've|we\ have){_ADV}\s+(?:lived|been\ living|been\ based)
          {_ADV}\s+(?:in|near)\s*$
    | \b(?:greetings|hello|hi|hey|waving)\ from\s*$
    | \bfellow\s*$
    | \b(?:i|we)\ (?:work|worked)\ (?:remotely\ )?(?:from|in)\s*$
    )""",
    _X,
)
_TRIP_CUES = re.compile(
    rf"""(?:
      \b(?:i'll|ill|i\ will|we'll|we\ will|i'm\ going\ to|im\ going\ to|gonna
          |i\ am\ going\ to)
          \s+(?:also\s+|probably\s+|definitely\s+)?
          (?:be|stay|visit|go|fly|head|travel|drive)(?:ing)?
          \s+(?:in|to|through|around|near|into|back\ to)?\s*$
    | \b{_SUBJ}{_ADV}\s+(?:heading|headed|flying|going|travell?ing|driving|coming|off
          |returning|visiting|going\ back|coming\ back|popping\ over|stopping|swinging
          |passing)
          \s*(?:to|through|by|over\ to|down\ to|up\ to|out\ to|into|in)?\s*$
    | \b(?:heading|headed|flying|travell?ing|driving|off|going)
          \ (?:to|out\ to|down\ to|up\ to|over\ to|back\ to)\s*$
    | \b(?:i|we)\ (?:fly|head|leave|go|travel|arrive|land)\ (?:to|for|in|into|out\ to)\s*$
    | \b(?:trip|travel|visit|vacation|holiday|flight|conference)\ (?:to|in)\s*$
    | \b(?:visiting|in\ town\ in|landing\ in|arriving\ in|arrive\ in|land\ in)\s*$
    | \b(?:just\ )?(?:landed|arrived|touched\ down)\ (?:in|at)\s*$
    | \bvisiting\s+(?:my\s+|our\s+|the\s+|some\s+)?[\w'-]+\s+in\s*$
    | \b{_SUBJ}\ (?:in|at)\s*$
    | \b{_SUBJ}\s+(?:at|for)\s+[\w'&-]+(?:\s+[\w'&-]+)?\s+in\s*$
    | \bwill\ be\ (?:in|at|around)\s*$
    | ^\s*(?:going\ to|gonna|will)\ be\ (?:in|at|around)\s*$
    | \bspending\ (?:the|a|this|next|my)\ [\w-]+(?:\ [\w-]+)?\ in\s*$
    | \b(?:flying|driving|heading|headed|coming)\ into\s*$
    )""",
    _X,
)
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
_BASED_AFTER = re.compile(r"^\s*-?\s*based\b|^\s*here\b(?!\s+(?:we|i)\b)\W*$")
# Adjectives people put before a city ("greetings from sunny San Diego").
_ADJ_BEFORE = re.compile(
    r"\s+(?:sunny|rainy|beautiful|lovely|snowy|cold|hot|freezing|windy|gorgeous|foggy|humid|"
    r"good old|old|little|downtown|the city of|the beautiful|wonderful|amazing)\s*$"
)
_QUALIFIER = re.compile(r"^\s*,?\s*[a-z.]+(?:\s[a-z]+)?(?=\s+(?:here|based)\b)")
_THE_BEFORE = re.compile(r"\s+the\s*$")
_PRESENT_PERFECT = re.compile(r"\b(?:i've|ive|i have|we've|we have)\b")
_NOW_WORDS = frozenset({"now", "right now", "just now", "at the moment", "atm", "currently"})
_INTENT = re.compile(
    r"""\b(?:
      meet\ ?up
    | meet(?:ing)?\ (?:irl|in\ person|in\ real\ life|up|offline|face\ to\ face)
    | (?:we|y'?all|you\ all|folks|everyone|anyone|we\ all)\ should
          \ (?:meet|get\ together|hang|grab)
    | let'?s\ (?:meet|get\ together|hang\ out|grab|do\ a\ meetup|have\ a\ meetup)
    | (?:anyone|anybody|who|folks|y'?all|you\ guys)\b[^.!?]{0,40}?
          \b(?:want|wanna|wants|keen|up|down|free|around)\b[^.!?]{0,20}?
          \b(?:grab|get|meet|hang|drinks?|coffee|beers?|lunch|dinner|brunch|pints?)
    | (?:anyone|anybody|who'?s|who\ is|someone)
          \ (?:up\ for|down\ for|wants?\ to|wanna|keen\ (?:on|for)|around\ for|free\ for
            |interested\ in)
          \ (?:a\ |some\ |grabbing\ |getting\ |meeting\ |drinks|coffee|beers?|lunch|dinner
            |meet|hang|get\ together|meetup|grab)
    | (?:would|'d)\ love\ to\ meet
    | love\ to\ meet\ (?:you|everyone|y'?all|up|irl|in\ person)
    | (?:grab|get|have)\ (?:a\ )?(?:drinks?|coffee|beers?|lunch|dinner|brunch)\ together
    | get\ together|tweet\ ?up|irl\ meet|in-person\ meet|in\ person\ meet
    )\b""",
    re.VERBOSE,
)


# ---------------------------------------------------------------------------------------
# Pre-filter, second stage: a home or trip cue phrase somewhere in the message.
#
# ``_read`` finds a home or trip statement only when a cue of _HOME_CUES / _TRIP_CUES ends
# the clause right before a city, or "based" / "here" follows it. The clause is a piece of
# the cleaned, lower-cased message (with an adjective or "the" before the city cut off), so
# a cue can only match there if the same alternative, without its anchors (^, $, \b) and
# without an optional leading group, matches somewhere in the whole cleaned message. Those
# loosened alternatives are searched one by one (each is fast on its own).


def _top_level_alternatives(pattern: str) -> list[str]:
    body = pattern.strip()
    assert body.startswith("(?:") and body.endswith(")")
    body = body[3:-1]
    out: list[str] = []
    cur: list[str] = []
    depth = 0
    in_class = False
    i = 0
    while i < len(body):
        c = body[i]
        if c == "\\":
            cur.append(body[i : i + 2])
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append("".join(cur))
            cur = []
            i += 1
            continue
        cur.append(c)
        i += 1
    out.append("".join(cur))
    return out


def _strip_optional_head(alt: str) -> str:
    r""" "(?:just\ )?(?:landed|...)" -> "(?:landed|...)" (the head cannot matter when the
    pattern is searched anywhere)."""
    s = alt.strip()
    if not s.startswith("(?:"):
        return s
    depth = 0
    for i, c in enumerate(s):
        if c == "(" and (i == 0 or s[i - 1] != "\\"):
            depth += 1
        elif c == ")" and s[i - 1] != "\\":
            depth -= 1
            if depth == 0:
                if s[i + 1 : i + 2] in ("?", "*") and s[i + 2 : i + 3] not in ("?", "+"):
                    return _strip_optional_head(s[i + 2 :])
                return s
    return s


def _loosen(alt: str) -> str:
    if "[^" in alt or "\\$" in alt or "\\^" in alt:
        raise ValueError(f"cue pattern too complex for the pre-filter: {alt!r}")
    for anchor in (r"\s*$", r"^\s*", "$", "^", r"\b"):
        alt = alt.replace(anchor, "")
    return _strip_optional_head(alt)


def _required(items: Any) -> list[str] | None:
    """Strings of which every match of a parsed pattern contains one (None: unknown). Each
    alternative is searched only where one of its strings is in the text (fast ``in``)."""
    best: list[str] | None = None

    def consider(opt: list[str] | None) -> None:
        nonlocal best
        if opt and (best is None or min(map(len, opt)) > min(map(len, best))):
            best = opt

    run: list[str] = []
    for op, av in [*items, (None, None)]:
        if op is _sre.LITERAL:
            run.append(chr(av))
            continue
        if run:
            consider(["".join(run)])
            run = []
        if op is _sre.SUBPATTERN:
            consider(_required(av[3]))
        elif op is _sre.BRANCH:
            opts = [_required(b) for b in av[1]]
            if all(opts):
                consider(sorted({s for o in opts if o for s in o}))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] >= 1:
            consider(_required(av[2]))
    return best


def _cue_scan(alt: str) -> tuple[tuple[str, ...] | None, re.Pattern[str]]:
    rx = re.compile(_loosen(alt), _X)
    need = _required(_sre_parse.parse(rx.pattern, rx.flags))
    if rx.flags & re.IGNORECASE:
        need = None  # the strings would be case-sensitive: search always
    return (tuple(need) if need else None), rx


_CUE_SCANS = tuple(
    _cue_scan(alt) for rx in (_HOME_CUES, _TRIP_CUES) for alt in _top_level_alternatives(rx.pattern)
)


# Without any of these, _clean changes nothing (code, URLs, quotes, mentions).
_CLEAN_MARKS = (
    *("`", "://", "www.", ".com", ".org", ".net", ".io", ".dev", ".app"),
    *(">", '"', "“", "@", "#"),
)


def _sentence_end(low: str, i: int) -> int:
    """End of the _SENTENCE piece of ``low`` that holds position i."""
    n = len(low)
    while i < n and low[i] not in ".!?;\n":
        i += 1
    while i < n and low[i] in ".!?;":
        i += 1
    return i


def _here_may_end(low: str) -> bool:
    """Could _BASED_AFTER read "here" after a city ("Denver here!")? ``_read`` tests the 40
    characters after the city, up to the end of its sentence. Every place a city can end
    (after a letter, before no letter, digit or "_") in the 40 characters before a "here"
    is tried the same way."""
    k = low.find("here")
    while k >= 0:
        for e in range(max(1, k - 40), k + 1):
            if not low[e - 1].isalpha() or (e < len(low) and (low[e].isalnum() or low[e] == "_")):
                continue
            b = e - 1
            while b > 0 and low[b - 1].isalpha():
                b -= 1
            word = low[b:e]
            if (word if word.isascii() else fold(word)) not in city_name_last_words():
                continue  # no city name ends with this word
            window = low[e : min(e + 40, _sentence_end(low, e))]
            if _BASED_AFTER.match(_QUALIFIER.sub("", window, count=1)):
                return True
        k = low.find("here", k + 1)
    return False


def _may_have_cue_phrase(text: str) -> bool:
    """False means ``_read`` surely finds no home or trip statement in ``text``."""
    text = text[:20_000]
    low = text.lower()
    if any(c in low for c in _CLEAN_MARKS):
        low = _clean(text).lower()
    low = low.replace("’", "'")
    if "based" in low or ("here" in low and _here_may_end(low)):
        return True  # "Portland-based", "Denver here"
    for need, rx in _CUE_SCANS:
        if need is not None:
            for s in need:
                if s in low:
                    break
            else:
                continue  # none of the strings this cue needs
        if rx.search(low) is not None:
            return True
    return False


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
    cleaned = _clean(text)
    out: list[Statement] = []
    today = now.date()
    for sm in _SENTENCE.finditer(cleaned):
        sent = sm.group()
        if not sent.strip():
            continue
        s0 = sm.start()
        low = sent.lower().replace("’", "'")
        question = sent.rstrip().endswith("?")
        intent = _INTENT.search(low)
        places = [
            p for p in find_places(sent, prefer_country=prefer_country) if p.city is not None
        ][:_MAX_PLACES]
        found_city = False
        sent_times: list[TimeMention] | None = None
        for p in places:
            assert p.city is not None
            before = low[max(0, p.start - 80) : p.start]
            after = _QUALIFIER.sub("", low[p.end : p.end + 40], count=1)
            # clause: the text before the city back to a comma/conjunction boundary
            clause = re.split(r",|\bbut\b|\band\b(?= i\b)|\bwhile\b|\bwhereas\b", before)[-1]
            clause = _ADJ_BEFORE.sub(" ", clause)
            clause = _THE_BEFORE.sub(" ", clause)
            city = parent_city(p.city)
            kind: StatementKind | None = None
            if _BASED_AFTER.match(after) and not _OTHER_PERSON.search(clause):
                kind = "home"
            elif _HOME_CUES.search(clause):
                kind = "home"
            elif _TRIP_CUES.search(clause):
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
