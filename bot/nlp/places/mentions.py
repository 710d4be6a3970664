"""City and region mentions in chat text (``find_places``) and the cheap checks before it."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from bot.domain.geo import distance_km
from bot.nlp.lang import en
from bot.nlp.places.gazetteer import (
    _MIN_POP_BARE,
    _MIN_POP_BIG_COMMON,
    _MIN_POP_COMMON,
    _NEVER_CITIES,
    _PERSON_NAMES,
    _SMALL_WORDS,
    City,
    _Gazetteer,
    _load,
    fold,
    parent_city,
)
from bot.nlp.places.resolve import _MENTION_BOOST, _rank


@dataclass(frozen=True, slots=True)
class PlaceMention:
    text: str
    start: int
    end: int
    city: City | None
    region: str | None = None
    alias: str = ""
    """How a curated name named the city ("nickname", "demonym", "neighbourhood"...; see
    data/city_aliases.tsv), or "" for its GeoNames name."""


# find_places

_WORD_RE = re.compile(r"[^\W\d_]+")
# A character ``_WORD_RE`` reads in a word, other than a-z ("é", "²"; in lower-case text).
_NON_AZ_WORD_CHAR = re.compile(r"[^\W\d_a-z]")
# Bytes, as bytes.translate is a plain table lookup (str.translate looks up a dict).
_NON_AZ_TO_SPACE = bytes(c if 97 <= c <= 122 else 32 for c in range(256))

# Words before a name that say it is a place.
_LOC_PREP = frozenset(
    "in to from at near around outside visiting visit via into towards toward through "
    "across of between downtown heading headed flying fly moved moving living lives live "
    "based relocating relocated back leaving left".split()
)
_STRONG_PREP = frozenset(
    "in to from near visiting via into towards toward downtown outside".split()
)
# A capitalised word right after a city name that still leaves it a place.
_OK_FOLLOWERS = frozenset(
    "i im i'm we it its this is was and or but for on at in to the this that next last "
    "tonight today tomorrow yesterday monday tuesday wednesday thursday friday saturday "
    "sunday january february march april may june july august september october november "
    "december jan feb mar apr jun jul aug sep sept oct nov dec area metro downtown "
    "mon tue tues wed weds thu thur thurs fri sat "
    "suburbs proper via".split()
)
# Capitalised words before a city that leave it a place ("Hello Melbourne", "Bye Ibiza").
_GREETINGS = frozenset("hello hi hey hiya bye goodbye farewell greetings welcome".split())
# Words after a city that make it a place's modifier, as headlines write them ("Hamilton
# Police", "Lisbon Treaty"), not a name ("Paris Hilton"). Not "University", "Hospital",
# "Council": with them the city names an institution ("Maynooth University").
_PLACE_NOUNS_AFTER = frozenset(
    "office offices police treaty mayor embassy consulate meetup chapter branch hq "
    "headquarters club clubs".split()
)
# Chat words after a city that make it a place ("Hamilton here", "any Leeds folks?").
_CHAT_AFTER = frozenset("here folks peeps crew locals represent".split())
# Travel words after a city that make it a place ("my Austin flights", "the Reno trip").
_TRAVEL_AFTER = frozenset("trip trips flight flights hotel layover stopover leg visit".split())
# After a city: going there for an event, in sports talk too ("Cardiff for the match").
_FOR_AN_EVENT = re.compile(
    r"\s+for\s+(?:the|a|an)\s+(?:\w+\s+)?(?:match|game|derby|final|gig|concert|race)\b",
    re.IGNORECASE,
)
# The end of a street address: the city comes after its comma.
_STREETS = frozenset("street st road rd avenue ave lane drive boulevard blvd".split())
# Words right before a small town's name that may make it a place (the cheap check).
_CONTEXT_BEFORE = _LOC_PREP | _GREETINGS | _STREETS
# Words after a city that make it where someone lives ("a Hamilton man", "#Cork woman").
_RESIDENTS = frozenset(
    "man woman men women boy girl teen teenager resident residents native natives local "
    "locals couple family lad lass gal guy dude kid".split()
)
# Nouns right after a name that make it a place ("Hamilton Police", "a Cork woman", "my
# Austin flights").
_NOUNS_AFTER_A_PLACE = _PLACE_NOUNS_AFTER | _RESIDENTS | _CHAT_AFTER | _TRAVEL_AFTER
# Words after a name that may make it a place (the cheap check; ``_place_context`` and
# ``_based_after`` judge).
_WORDS_AFTER = _NOUNS_AFTER_A_PLACE | en.PLACE_FRAME_AFTER
_PERSON_TITLES = frozenset(
    "mr mrs ms miss dr prof sir lady lord uncle aunt saint st brother sister mom dad mum "
    "friend buddy cousin son daughter wife husband boyfriend girlfriend coach player "
    "president senator governor mayor king queen prince princess captain officer".split()
)
# Results words ("wins", "beat") are no sports talk alone: "MTR wins a franchise" is news
# ("Hull beat Leeds 2-1" is a match by its score).
_SPORTS = frozenset(
    "game match score scored season playoffs playoff fans league cup nba nfl nhl mlb "
    "goal goals striker coach squad xi lineup starting transfer derby "
    "kickoff kick-off fixture fixtures free-kick penalty header assist".split()
)
_SCORE = re.compile(r"(?<![\d/.:-])\b\d{1,2} ?[-–] ?\d{1,2}\b(?![\d/.:-]| ?(?:am|pm|[ap]\.m))")
_CALENDAR = frozenset(
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june "
    "july august september october november december mon tue wed thu fri sat sun monday "
    "tuesday wednesday thursday friday saturday sunday pm am".split()
)
# "Seattle vs Portland" is a match unless the message talks about places.
_VERSUS = frozenset({"vs", "v", "versus"})
_PLACE_TALK = frozenset(
    "trip visit visiting travel live living move moving weekend vacation holiday rent city "
    "cities cost weather food better prefer nicer cheaper".split()
)


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper()


def find_places(text: str, *, prefer_country: str | None = None) -> list[PlaceMention]:
    """City (and region) mentions in chat text, left to right, without overlaps."""
    if not text:
        return []
    g = _load()
    undotted = _undot(text) if "." in text else text
    hits = _candidates(g, undotted)
    if not hits:
        return []
    found = _find_slow(g, undotted[:_MAX_CHARS], hits, prefer_country)
    return found if undotted is text else [_dotted_again(text, m) for m in found]


def may_mention_place(text: str) -> bool:
    """Cheap check: False means ``find_places`` surely finds nothing."""
    return bool(text) and bool(_candidates(_load(), _undot(text) if "." in text else text))


def may_mention_city(text: str) -> bool:
    """Cheap check: False means ``find_places`` surely finds no city (regions aside)."""
    if not text:
        return False
    g = _load()
    undotted = _undot(text) if "." in text else text
    return bool(_candidates(g, undotted, g.city_anchors, g.city_single_anchors))


# Initials with dots ("D.C.", "L.A.", "N.Y.C."): read as the short form they spell.
_DOTTED = re.compile(r"(?<![\w.])((?:[A-Z]\.){2,3})(?!\w)")


def _undot(text: str) -> str:
    """``text`` with dotted initials written as one word, offsets kept: "in L.A. now" ->
    "in LA   now" (the same length, so a mention's span is the same in both)."""
    if _TWO_INITIALS.search(text) is None:  # callers test for a "." first
        return text
    return _DOTTED.sub(lambda m: m[1].replace(".", "") + " " * m[1].count("."), text)


_TWO_INITIALS = re.compile(r"\.[A-Z]\.")  # the cheap test first (a literal "." leads): "D.C."


def _dotted_again(text: str, m: PlaceMention) -> PlaceMention:
    """A mention found in the undotted text, with its surface as written ("L.A.")."""
    dotted = _DOTTED.match(text, m.start)
    if dotted is None or dotted.end() < m.end:
        return m
    return replace(m, text=text[m.start : dotted.end()], end=dotted.end())


def has_a_city_word(text: str, low: str | None = None, words: list[str] | None = None) -> bool:
    """Cheaper necessary check, before cleaning: False means that among the a-z words of
    ``text`` no city's name is a word, and no word of a city's longer name ("great") meets
    another word of such a name ("falls"). The words are those ``_candidates`` reads.
    ``cues.clean`` masks spans whose edges are not letters, so the cleaned text's words are
    among these: where this is False, ``may_mention_city(clean(text))`` is False too.
    ``low``: ``text.lower()``, and ``words``: for ASCII text its runs of a-z and apostrophes
    (the gates' words, ``en.gate_words``), where the caller has them."""
    if low is None:
        low = text.lower()
    if "." in low and (undotted := _undot(text)) is not text:
        low, words = undotted.lower(), None  # "D.C." is the word "dc"
    if words is None or not low.isascii():
        words = _words_of(low)
    elif "'" in low:
        # "paris's" holds the word "paris". Splitting all words again costs no more than
        # testing the words as they are and then the letters each apostrophe touches:
        # most messages with one hold several ("i'm", "don't").
        words = " ".join(words).replace("'", " ").split()
    g = _load()
    hits = g.city_anchors.intersection(words)  # one set test; the rest only on a hit
    if not hits:
        return False
    return hits <= g.city_single_anchors or _a_whole_name_may_be_there(g, hits, words)


def _a_whole_name_may_be_there(g: _Gazetteer, hits: frozenset[str], words: list[str]) -> bool:
    """Some hit is a whole name, or another word of one of its names is among ``words`` (in
    any order: cleaning may bring words together, never makes new ones)."""
    return any(h in g.city_single_anchors or not _partners(g, h).isdisjoint(words) for h in hits)


_PARTNERS: dict[str, frozenset[str]] = {}


def _partners(g: _Gazetteer, anchor: str) -> frozenset[str]:
    """The other words of the multi-word names that hold ``anchor`` (built once per anchor)."""
    found = _PARTNERS.get(anchor)
    if found is None:
        names = g.anchor_names.get(anchor, ())
        # a name of the anchor alone, repeated ("bora bora"), keeps the anchor itself
        found = frozenset(
            w for k in names for w in k.split() if w != anchor or {w} == set(k.split())
        )
        _PARTNERS[anchor] = found
    return found


def _candidates(
    g: _Gazetteer,
    text: str,
    anchors: frozenset[str] | None = None,
    single: frozenset[str] | None = None,
) -> frozenset[str]:
    """Anchor words of place names present in the text (empty: no place here). ``anchors``
    and ``single`` (the anchors that are a whole name) narrow it to some names."""
    low = text.lower()
    words = _words_of(low)
    hits = (g.anchors if anchors is None else anchors).intersection(words)
    if not hits:
        return hits
    if single is None:
        single = g.single_anchors
    if not hits <= single:
        # Anchors of multi-word names ("york", "john"): the whole name must be there.
        joined = " " + " ".join(words) + " "
        names = g.anchor_names
        hits = frozenset(
            h for h in hits if h in single or any(f" {k} " in joined for k in names.get(h, ()))
        )
        if not hits:
            return hits
    if hits <= g.weak_anchors:
        # Only common-word names ("Nice", "Long Beach"): they need a capital letter inside a
        # sentence (or upper case); in a message without capitalised words, a place word
        # before them.
        if (
            any(_followed_by(words, w, _WORDS_AFTER) or "#" + w in low for w in hits)
            or _FOR_AN_EVENT.search(text) is not None
            or any(_a_name_then(g, words, w) for w in hits)
        ):
            pass  # "Hamilton here", "Leeds folks", "#darwin", "Leeds for the derby"
        elif text.islower() or _TITLE_WORD.search(text) is None:
            # lower case, or no capitalised word ("jersey city, 10 min on the PATH"): a
            # place word before the name, or the name in capitals ("NICE 3-5 june")
            if _STRONG_PREP.isdisjoint(words) and not any(w.upper() in text for w in hits):
                return frozenset()
        elif not any(
            _capital_inside(text, w)
            or any(k.title() in text for k in g.anchor_names.get(w, ())[:50])
            or _a_name_after_a_place_word(g, words, w)
            for w in hits
        ):
            return frozenset()
    if hits <= g.needs_ctx and not any(_in_context(g, text, words, h) for h in hits):
        return frozenset()
    return hits


def _a_name_then(g: _Gazetteer, words: list[str], anchor: str) -> bool:
    """A name holding ``anchor`` is followed by a region's name or code ("Split, Croatia",
    "buffalo ny"), by a place noun ("jersey city here", "cape town folks"), or, a name of
    several words, by a time ("salt lake city next week"; not "nice next week")."""
    for start, end in _name_spans(g, words, anchor):
        if end >= len(words):
            continue
        after = words[end]
        if (
            after in _WORDS_AFTER
            or _names_a_region(g, words, end)
            or (end - start > 1 and after in en.TIME_AFTER_A_NAME)
        ):
            return True
    return False


def _a_name_after_a_place_word(g: _Gazetteer, words: list[str], anchor: str) -> bool:
    """A name of several words holding ``anchor`` right after "in", "to", "from"...: "I
    moved to san diego in March" (its lower case judged by ``_lower_case_place``)."""
    return any(
        end - start > 1 and start > 0 and words[start - 1] in _STRONG_PREP
        for start, end in _name_spans(g, words, anchor)
    )


def _name_spans(g: _Gazetteer, words: list[str], anchor: str) -> Iterator[tuple[int, int]]:
    """Where the names holding ``anchor`` stand in ``words``: (first word, past the last)."""
    spots = _positions(words, anchor)
    for name in (anchor, *g.anchor_names.get(anchor, ())):
        parts = name.split(" ")
        at = parts.index(anchor)
        for k in spots:
            start, end = k - at, k - at + len(parts)
            if start >= 0 and end <= len(words) and words[start:end] == parts:
                yield start, end


def _names_a_region(g: _Gazetteer, words: list[str], k: int) -> bool:
    """The words at ``k`` name a region or country ("croatia", "new zealand", "ny")."""
    one = words[k]
    if one in g.region_index or one in g.admin1_names:
        return True
    two = " ".join(words[k : k + 2])
    if two in g.region_index or two in g.admin1_names:
        return True
    return (
        len(one) == 2
        and f"US.{one.upper()}" in g.admin1
        and one not in en.REGION_CODES_THAT_ARE_WORDS
    )


def _words_of(low: str) -> list[str]:
    """The words of a lower-case text as names are looked up: its runs of letters, folded
    ("São" -> "sao")."""
    if low.isascii():
        # the runs of a-z, as re.findall("[a-z]+", low) gives them (translate is faster)
        return low.encode().translate(_NON_AZ_TO_SPACE).decode().split()
    if _NON_AZ_WORD_CHAR.search(low) is None:
        # no letter but a-z (an emoji, "’", "—"): the runs of a-z of its UTF-8 bytes (a
        # lone surrogate, as a broken emoji may leave, is bytes too)
        return low.encode("utf-8", "surrogatepass").translate(_NON_AZ_TO_SPACE).decode().split()
    return [w if w.isascii() else fold(w) for w in _WORD_RE.findall(low)]


def _positions(words: list[str], w: str) -> list[int]:
    """Where ``w`` stands in ``words``, in order: each found by the list's own search (a
    name's word stands once or twice among twenty or more)."""
    out: list[int] = []
    k = -1
    try:
        while True:
            k = words.index(w, k + 1)
            out.append(k)
    except ValueError:
        return out


def _followed_by(words: list[str], w: str, after: frozenset[str]) -> bool:
    return any(k + 1 < len(words) and words[k + 1] in after for k in _positions(words, w))


def _in_context(g: _Gazetteer, text: str, words: list[str], h: str) -> bool:
    """ "in Davis", "Davis, CA": a small town's name with what makes it a place."""
    for idx in _positions(words, h):
        if idx > 0 and words[idx - 1] in _CONTEXT_BEFORE:
            return True
        if idx + 1 < len(words) and (
            words[idx + 1] in g.region_index
            or words[idx + 1] in g.admin1_names
            or words[idx + 1] in _WORDS_AFTER
        ):
            return True
        after = words[idx + 1 : idx + 3]
        if len(after) == 2 and after[0] == "s" and after[1] in en.PLACE_THINGS_AFTER_POSSESSIVE:
            return True  # "Kilkenny's pubs" (``_Site._possessive_of_a_place`` judges)
    cap = h.capitalize()
    if "#" + cap in text or "#" + h in text or "@ " + cap in text:
        return True  # "#Wellington", "#darwin": a tag names the place; "@ Taupo": at it
    k = text.find(cap)
    return k >= 0 and (
        _QUALIFIED_AFTER.match(text, k + len(cap)) is not None
        or _FOR_AN_EVENT.match(text, k + len(cap)) is not None
        or _dateline(text, k + len(cap))
        or _checked_in(text, k)
    )


def _capital_inside(text: str, word: str) -> bool:
    """ "Nice" or "NICE" somewhere other than at the start of a sentence."""
    if word.upper() in text:
        return True
    cap = word.capitalize()
    k = text.find(cap)
    while k >= 0:
        before = text[:k].rstrip()
        if before and before[-1] not in '.!?:;"“(' and text[k - 1] in " #":
            return True
        if _QUALIFIED_AFTER.match(text, k + len(cap)):
            return True  # "Austin TX", "Reading, UK" at the start of a sentence
        k = text.find(cap, k + 1)
    return False


_QUALIFIED_AFTER = re.compile(r",?\s*[A-Z]{2,3}\b")
# A dateline: a name opening a headline, a dash after it ("Northcote - Police are at ...").
_DATELINE_AFTER = re.compile(r"\s+[-–—]\s")
# A check-in: a venue after "@", then a dash and its town ("@ Amnesia - Ibiza").
_CHECK_IN_BEFORE = re.compile(r"@\s*[^@\s][^@\n]{0,40}\s[-–—]\s*$")
_CHECK_IN_REACH = 60


def _checked_in(text: str, start: int) -> bool:
    """The name ends a check-in: "@ Amnesia - Ibiza", "@ The Blue Note – Tokyo"."""
    return _CHECK_IN_BEFORE.search(text, max(0, start - _CHECK_IN_REACH), start) is not None


def _based_after(text: str, end: int) -> bool:
    """ "based", "-born" or "-bound" right after the name says someone is there, from there
    or going there: "Bristol-based designer", "GALWAY based", "Leeds-born", "Leeds-bound";
    not "Davis based his claim on ...", "Austin born 1990"."""
    return en.BASED_AFTER_A_NAME.match(text, end) is not None


def _dateline(text: str, end: int) -> bool:
    """A dash right after the name ("Ashburton - Police say"): with the name opening its
    sentence, a headline's dateline."""
    return _DATELINE_AFTER.match(text, end) is not None


_MAX_CHARS = 50_000
_UPPER_RE = re.compile(r"[^\W\d_a-zß-ÿ]")
_LOWER_RE = re.compile(r"[a-zß-ÿ]")
_ANCHOR_BACK = 3


def _letter_counts(sample: str) -> tuple[int, int]:
    """(capital letters, letters) in a sample: ASCII by two byte-table deletions (no list of
    every letter is built), other text by the regexes."""
    if sample.isascii():
        raw = sample.encode()
        n_lower = len(raw) - len(raw.translate(None, _ASCII_LOWER))
        n_upper = len(raw) - len(raw.translate(None, _ASCII_UPPER))
        return n_upper, n_upper + n_lower
    n_upper = len(_UPPER_RE.findall(sample))
    return n_upper, n_upper + len(_LOWER_RE.findall(sample))


_ASCII_LOWER = bytes(range(97, 123))
_ASCII_UPPER = bytes(range(65, 91))


def _may_score(text: str) -> bool:
    """A dash, which every score ("2-1", "3 – 0") holds: the search only where one is."""
    return "-" in text or "–" in text


def _features(text: str, keys: list[str], caps: list[bool]) -> tuple[bool, bool, bool]:
    """(no case information, title case, talks sports) for a whole message."""
    n_upper, n_alpha = _letter_counts(text[:2000])
    upper_ratio = n_upper / n_alpha if n_alpha else 0.0
    no_case = upper_ratio == 0.0 or upper_ratio > 0.6 or _TITLE_WORD.search(text) is None
    n = len(caps)
    title_case = n >= 4 and sum(caps) / n > 0.6
    has_sports = (
        not _SPORTS.isdisjoint(keys)
        or (not _VERSUS.isdisjoint(keys) and _PLACE_TALK.isdisjoint(keys))
        or (_CALENDAR.isdisjoint(keys) and _may_score(text) and _SCORE.search(text) is not None)
    )
    return no_case, title_case, has_sports


# A capitalised word ("Paris", "Monday"): a message without one ("left manhattan, jersey
# city now, 10 min on the PATH") writes names in lower case, its capitals are acronyms.
_TITLE_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]")

_Tok = tuple[str, int, int]  # a word, its start and its end in the text
# A name found at a start: (end token, key, city ids, region code); ids or region is set.
_Found = tuple[int, str, tuple[int, ...] | None, str | None]
# A name judged no place where it stood: (start token, end token, key, city ids, hashtag).
_Doubted = tuple[int, int, str, tuple[int, ...], bool]
# Gaps that continue a list of places ("Paris / Lyon", "Leeds and York").
_LIST_GAPS = frozenset({"/", ",", "and", "or", "&", "-", "+"})


def _find_slow(
    g: _Gazetteer, text: str, hits: frozenset[str], prefer_country: str | None
) -> list[PlaceMention]:
    toks = [(m[0], m.start(), m.end()) for m in _WORD_RE.finditer(text)]
    n = len(toks)
    keys = [t[0].lower() for t in toks]
    if not text.isascii():
        keys = [key if key.isascii() else fold(key) for key in keys]
    starts = _name_starts(keys, hits)
    caps = [t[0][:1].isupper() for t in toks]
    all_lower = text.islower()
    # Message-level features, computed when the first candidate name is found.
    features: tuple[bool, bool, bool] | None = None
    out: list[PlaceMention] = []
    doubted: list[_Doubted] = []  # names judged no place
    known: dict[str, City] = {}  # names judged a city: key -> the city
    pos = 0
    first_max = g.first_max
    for i in sorted(starts):
        if i < pos:
            continue
        maxlen = first_max.get(keys[i])
        if maxlen is None:
            continue
        hashtag = _is_hashtag(text, toks[i][1])
        if not hashtag and _inside_a_token(text, toks, keys, i):
            continue
        shortest = starts[i]
        if hashtag:
            maxlen = shortest = 1  # "#Wellington": the tag is one word
        found = _longest_name(g, text, toks, keys, caps, i, maxlen, shortest, all_lower)
        if found is None:
            continue
        j, key, ids, region = found
        e0 = toks[j - 1][2]
        if e0 < len(text) and (text[e0].isalnum() or text[e0] == "_"):
            continue  # "George_Berridge", "Vegas24seven": part of a handle
        if features is None:
            features = _features(text, keys, caps)
        chained = (
            bool(out)
            and out[-1].city is not None
            and _continues_a_list(text[out[-1].end : toks[i][1]], features[2])
        )
        site = _Site(g, text, toks, keys, caps, i, j, key, ids, region, prefer_country)
        mention = _judge(site, features, chained=chained)
        if mention is not None:
            out.append(_as_named(g, text, mention, key, hashtag))
            pos = j
            if mention.city is not None:
                known[key] = mention.city
                if pos < n:
                    pos = _skip_own_region(g, text, toks, keys, pos, mention.city)
        elif ids is not None and region is None:
            doubted.append((i, j, key, ids, hashtag))
    if doubted and known:
        out = _named_again(g, text, toks, keys, caps, out, known, doubted, prefer_country, features)
    return _by_neighbours(g, text, out) if len(out) > 1 else out


def _by_neighbours(g: _Gazetteer, text: str, out: list[PlaceMention]) -> list[PlaceMention]:
    """A name of several cities means the one near another city the message names, when
    the one picked is near none: "Salt Lake, sector V, IT hub of Kolkata" is Kolkata's Salt
    Lake, not Salt Lake City; "Victoria, ferry to Vancouver" is Victoria BC, not Hong Kong's.
    When either of two names could move ("Boston — sorry, Cambridge"), the move to the bigger
    city is made (Cambridge, Massachusetts, not Boston, Lincolnshire)."""
    moves: list[tuple[int, int, City]] = []  # (-population, index, the namesake near)
    for k, m in enumerate(out):
        key = _key_of(text[m.start : m.end])
        ids = g.aliases.mention.get(key) or g.name_index.get(key, ())
        if m.city is None or len(ids) < 2:
            continue
        others = [o.city for o in out if o is not m and o.city is not None]
        near = [g.by_id[i] for i in ids if any(_within(g.by_id[i], o) for o in others)]
        if near and m.city not in near:
            moves.append((-near[0].population, k, near[0]))
    found = list(out)
    for _, k, city in sorted(moves, key=lambda mv: mv[:2]):
        others = [o.city for j, o in enumerate(found) if j != k and o.city is not None]
        here = found[k].city
        if here is not None and not any(_within(here, o) for o in others):
            found[k] = replace(found[k], city=city)
    return found


def _key_of(surface: str) -> str:
    return " ".join(_words_of(surface.lower()))


def _within(a: City, b: City) -> bool:
    return distance_km(a.latitude, a.longitude, b.latitude, b.longitude) <= _NEIGHBOUR_KM


_NEIGHBOUR_KM = 100


def _continues_a_list(gap: str, has_sports: bool) -> bool:
    """The words ``gap`` between a city and the next name continue a list of places:
    "Paris / Lyon", "Leeds and York", and, outside sports talk (where "Leeds 2-1 Hull" is
    a score), days of the city before and "then": "Lyon 1–3 July, Marseille 4–6, Nice 7–9",
    "Auckland 3–8 March, then Wellington"."""
    if gap.strip() in _LIST_GAPS:
        return True
    return not has_sports and bool(gap.strip()) and en.PLACE_LIST_GAP.match(gap) is not None


def _name_starts(keys: list[str], hits: frozenset[str]) -> dict[int, int]:
    """Where a name may start -> the fewest words it can have: every name that can be a
    mention holds an anchor word, so one starting there reaches the next anchor found
    ("new york": "york" at 1 gives {0: 2, 1: 1})."""
    starts: dict[int, int] = {}
    for k in sorted(k for h in hits for k in _positions(keys, h)):  # the anchors, in order
        for i in range(max(0, k - _ANCHOR_BACK), k + 1):
            starts.setdefault(i, k - i + 1)
    return starts


def _is_hashtag(text: str, s0: int) -> bool:
    """A "#" opens the word at ``s0`` as a tag ("#Wellington"), not glued to one ("C#")."""
    return s0 > 0 and text[s0 - 1] == "#" and (s0 < 2 or not _glued(text[s0 - 2]))


def _inside_a_token(text: str, toks: list[_Tok], keys: list[str], i: int) -> bool:
    """The word at ``i`` is part of an @handle, a URL, a path, an e-mail address or a
    subreddit ("@paris", "example.com/paris", "r / Calgary"): no name starts there."""
    s0 = toks[i][1]
    before = text[s0 - 1] if s0 > 0 else " "
    if (
        before in "@/_\\#"
        or before.isalnum()
        or (before in ".'’" and s0 > 1 and text[s0 - 2].isalnum())
    ):
        return True
    return i >= 2 and keys[i - 2] == "r" and text[toks[i - 2][2] : s0].strip() == "/"


def _longest_name(
    g: _Gazetteer,
    text: str,
    toks: list[_Tok],
    keys: list[str],
    caps: list[bool],
    i: int,
    maxlen: int,
    shortest: int,
    all_lower: bool,
) -> _Found | None:
    """The longest place name starting at token ``i`` ("New York City" before "New
    York"), of ``shortest`` to ``maxlen`` words."""
    for length in range(min(maxlen, len(toks) - i), shortest - 1, -1):
        j = i + length
        if length > 1:
            if not _one_name_gaps(text, toks, i, j):
                continue
            key = " ".join(keys[i:j])
        else:
            key = keys[i]
        ids = g.aliases.mention.get(key) or g.name_index.get(key)
        if key == "washington" and ids:
            ids = None  # the state, unless "Washington DC" matched above
        if ids is not None:
            return j, key, ids, None
        region = g.region_index.get(key)
        if region is not None:
            return j, key, None, region
        if length == 1:
            cid = _short_form(g, key, toks[i][0], caps[i] or all_lower)
            if cid is not None:
                return j, key, (cid,), None
    return None


def _one_name_gaps(text: str, toks: list[_Tok], i: int, j: int) -> bool:
    """Tokens i..j may be one name: it spans one line and no punctuation other than '-',
    '.', "'", space ("Stoke-on-Trent", "St. Louis"; not "Paris. York")."""
    for k in range(i + 1, j):
        gap = text[toks[k - 1][2] : toks[k][1]]
        if len(gap) > 3 or gap.strip(" -.'’"):
            return False
    return True


def _short_form(g: _Gazetteer, key: str, raw: str, cased_ok: bool) -> int | None:
    """The city of a curated short form: in capitals ("BCN", "HCMC"), or in any case for
    the ones written so ("Philly", "vegas" where capitals are used for it or nowhere)."""
    cid = g.aliases.abbr.get(key)
    if cid is not None and (raw.isupper() or (key in g.aliases.any_case and cased_ok)):
        return cid
    return None


def _named_again(
    g: _Gazetteer,
    text: str,
    toks: list[tuple[str, int, int]],
    keys: list[str],
    caps: list[bool],
    out: list[PlaceMention],
    known: dict[str, City],
    doubted: list[tuple[int, int, str, tuple[int, ...], bool]],
    prefer_country: str | None,
    features: tuple[bool, bool, bool] | None,
) -> list[PlaceMention]:
    """A name judged no place where it stood is one where the message names that place
    elsewhere ("Ashburton search moves underwater - police investigating the shooting in
    Ashburton ..."): judged again as a known place (teams, people and titles still no).
    A town judged too small to stand bare is one where the message names cities of its
    country (``_among_compatriots``)."""
    added = False
    countries = frozenset(m.city.country_code for m in out if m.city is not None)
    for i, j, key, ids, hashtag in doubted:
        city = known.get(key)
        start, end = toks[i][1], toks[j - 1][2]
        if any(m.start < end and start < m.end for m in out):
            continue
        assert features is not None
        site = _Site(g, text, toks, keys, caps, i, j, key, ids, None, prefer_country)
        if city is None:
            city = _among_compatriots(site, countries)
            if city is None:
                continue
            site.compatriot = True
            mention = _judge(site, features)
        else:
            mention = _judge(site, features, known=True)
        if mention is not None:
            out.append(_as_named(g, text, replace(mention, city=city), key, hashtag))
            added = True
    return sorted(out, key=lambda m: m.start) if added else out


def _among_compatriots(s: _Site, countries: frozenset[str]) -> City | None:
    """The town of a bare name in a country of which the message names cities, where that
    is all the name lacked to be one: "Napoli ; Ancona ; Genoa", "Milan was fun but Lucca is
    home", "Kilkenny next week, two hours from Dublin" (the town a place word would have
    made a city; a first name or a common word still needs that word: "Bowie ... New
    York")."""
    if not countries or (s.i > 0 and s.caps[s.i - 1] and not s.prev_gap.strip()):
        return None  # "Kim Ancona" is a person
    if s.key in s.g.region_index or s.key in s.g.admin1_names:
        return None  # "Portland, not Oregon": the state (and not Oregon, Ohio)
    if s.nxt == "s" and s.next_gap in ("'", "’"):
        return None  # "Harper's column about Monrovia": a person's, as likely as a town's
    return next((c for c in s.cities if c.country_code in countries), None)


def _skip_own_region(
    g: _Gazetteer,
    text: str,
    toks: list[tuple[str, int, int]],
    keys: list[str],
    i: int,
    city: City,
) -> int:
    """After "Portland", skip ", Maine" / " OR" / ", US" when they are its region; "Montreal,
    Hong Kong" names two places."""
    end = _skip_qualifier(g, text, toks, keys, i)
    if end > i and _region_code(g, toks, keys, i) not in _regions_of(city):
        return i
    return end


def _regions_of(city: City) -> tuple[str, str]:
    return city.country_code, f"{city.country_code}-{city.admin1_code}"


def _glued(c: str) -> bool:
    """A character that makes a "#" part of a word ("C#", "issue#12"), not a hashtag."""
    return c.isalnum() or c == "_"


def _as_named(
    g: _Gazetteer, text: str, mention: PlaceMention, key: str, hashtag: bool
) -> PlaceMention:
    """The mention with how it was named: a curated name's kind, and a hashtag's "#"."""
    alias = ""
    if mention.city is not None:
        meant = g.aliases.mention.get(key) or (g.aliases.abbr.get(key),)
        if mention.city.id in meant:
            alias = g.aliases.kind[key]
    if hashtag:
        start = mention.start - 1
        return replace(mention, text=text[start : mention.end], start=start, alias=alias)
    return replace(mention, alias=alias) if alias else mention


def _qualifier_at(
    g: _Gazetteer, toks: list[tuple[str, int, int]], keys: list[str], i: int
) -> tuple[str, int] | None:
    """A region named at token i: ("US-OR", end) for "Oregon" / "OR", ("CA-08", end) for
    "Ontario" / "ON", ("FR", end) for "France"."""
    if keys[i] in _region_heads():
        for length in (3, 2, 1):
            if i + length > len(keys):
                continue
            key = " ".join(keys[i : i + length])
            code = g.region_index.get(key) or g.admin1_names.get(key)
            if code is not None:
                return code, i + length
    key = keys[i]
    if len(key) == 2 and key not in en.REGION_CODES_THAT_ARE_WORDS and toks[i][0].islower():
        # "buffalo ny": a state's code in lower case, where it is no everyday word
        return (f"US-{key.upper()}", i + 1) if f"US.{key.upper()}" in g.admin1 else None
    if toks[i][0].isupper() and 2 <= len(key) <= 3:
        if len(key) == 2 and f"US.{key.upper()}" in g.admin1:
            return f"US-{key.upper()}", i + 1
        for cc in ("CA", "AU"):
            full = g.admin1_abbr.get(f"{cc}.{key}")
            if full is not None:
                return full.replace(".", "-"), i + 1
    return None


@functools.cache
def _region_heads() -> frozenset[str]:
    """First words of every region's name (built once): most words start none."""
    g = _load()
    return frozenset(k.split(" ", 1)[0] for k in (*g.region_index, *g.admin1_names))


def _skip_qualifier(
    g: _Gazetteer, text: str, toks: list[tuple[str, int, int]], keys: list[str], i: int
) -> int:
    """After "Portland", skip ", Maine" / " OR" / ", US": they qualify the city."""
    gap = text[toks[i - 1][2] : toks[i][1]]
    if gap.strip(" ,") or len(gap) > 3:
        return i
    q = _qualifier_at(g, toks, keys, i)
    return q[1] if q is not None else i


def _judge(
    site: _Site, features: tuple[bool, bool, bool], chained: bool = False, known: bool = False
) -> PlaceMention | None:
    """Decide whether the place name at ``site`` is a place mention here: the first of
    ``_VERDICT_RULES`` with a verdict decides (the last always has one). ``features``: the
    message's (no case information, title case, talks sports); ``chained``: the name
    continues a list of places; ``known``: the message names the same place elsewhere,
    where it was judged one."""
    no_case, title_case, has_sports = features
    site.read_context(no_case, title_case, has_sports, chained, known)
    for rule in _VERDICT_RULES:
        verdict = rule(site)
        if verdict is not None:
            return verdict if isinstance(verdict, PlaceMention) else None
    raise AssertionError("the last verdict rule always decides")


class _NoPlace:
    """The verdict "no place here"."""

    __slots__ = ()


NO_PLACE = _NoPlace()
# A rule's verdict: a mention, NO_PLACE, or None ("not mine to say": the next rule judges).
_Verdict = PlaceMention | _NoPlace | None


# What in the gap before a name makes it open a sentence (or a quote, a list's item).
_SENTENCE_MARK = re.compile('[.!?\n:;"“(]')


class _Site:
    """A place name found at tokens i..j, with what is around it: what the verdict rules
    read."""

    __slots__ = (
        "_cities",
        "all_cap",
        "caps",
        "compatriot",
        "end",
        "g",
        "has_sports",
        "i",
        "ids",
        "j",
        "key",
        "keys",
        "loc_ctx",
        "next_cap",
        "next_gap",
        "no_case",
        "nxt",
        "prefer_country",
        "prev",
        "prev_gap",
        "region",
        "sentence_start",
        "start",
        "strong_ctx",
        "surface",
        "tagged",
        "text",
        "title_case",
        "toks",
    )

    def __init__(
        self,
        g: _Gazetteer,
        text: str,
        toks: list[_Tok],
        keys: list[str],
        caps: list[bool],
        i: int,
        j: int,
        key: str,
        ids: tuple[int, ...] | None,
        region: str | None,
        prefer_country: str | None,
    ) -> None:
        self.g, self.text, self.toks, self.keys, self.caps = g, text, toks, keys, caps
        self.i, self.j, self.key, self.ids, self.region = i, j, key, ids, region
        self.prefer_country = prefer_country
        self.compatriot = False  # the message names cities of the name's country
        self._cities: list[City] | None = None
        self.start, self.end = start, end = toks[i][1], toks[j - 1][2]
        self.surface = text[start:end]
        # a one-word name is all capitalised where its word is (most names here)
        self.all_cap = (
            caps[i]
            if j - i == 1
            else all(c for c, k in zip(caps[i:j], keys[i:j], strict=True) if k not in _SMALL_WORDS)
        )
        self.prev = keys[i - 1] if i > 0 else ""
        # the message's first name keeps what opens it: "#Wellington represent"
        self.prev_gap = prev_gap = text[toks[i - 1][2] : start] if i > 0 else text[:start]
        self.sentence_start = i == 0 or (
            prev_gap != " " and _SENTENCE_MARK.search(prev_gap) is not None
        )
        self.nxt = keys[j] if j < len(keys) else ""
        self.next_gap = text[end : toks[j][1]] if j < len(toks) else ""
        self.tagged = prev_gap.endswith("#")  # a hashtag is one word: "#darwin Dry Season"
        self.next_cap = (
            j < len(toks) and caps[j] and self.next_gap.strip() == "" and not self.tagged
        )

    def read_context(
        self, no_case: bool, title_case: bool, has_sports: bool, chained: bool, known: bool
    ) -> None:
        """The message's features, and the place words around the name."""
        self.no_case, self.title_case, self.has_sports = no_case, title_case, has_sports
        self.loc_ctx, self.strong_ctx = _place_context(
            self.g,
            self.text,
            "" if self._said_to_or_from() else self.prev,
            self.prev_gap,
            self.nxt,
            self.next_gap,
            self.ids,
            capital=self.caps[self.i] or self._a_proper_name_without_case(),
            chained=chained,
        )
        i, end = self.i, self.end
        if self.prev == "of" and i > 1 and self.keys[i - 2] == "out" and not self.prev_gap.strip():
            self.loc_ctx = self.strong_ctx = True  # "based out of Austin"
        if (
            _FOR_AN_EVENT.match(self.text, end)
            or known
            or self._based_after()
            or self._possessive_of_a_place()
        ):
            self.loc_ctx = self.strong_ctx = True  # "Liverpool for the match": one goes there
        elif (self.sentence_start and _dateline(self.text, end)) or _checked_in(
            self.text, self.start
        ):
            self.loc_ctx = True  # "Northcote - Police are at the scene", "@ Amnesia - Ibiza"

    def _said_to_or_from(self) -> bool:
        """ "to" or "from" before the name is a person's, spoken to or heard from: "thanks
        to Denton", "a speech from Obama" (no place word; not "moving to Denton")."""
        i, keys = self.i, self.keys
        if i < 2 or self.prev not in ("to", "from"):
            return False
        said = en.SAID_BEFORE_TO if self.prev == "to" else en.SAID_BEFORE_FROM
        return keys[i - 2] in said

    def _a_proper_name_without_case(self) -> bool:
        """In a message that shows no case, a lower-case name reads as a capitalised one
        where it is no first name or common word: "#galway for the arts festival" as
        "#Galway" (not "#reading list", "#obama")."""
        return (
            self.no_case
            and self.ids is not None
            and self.key not in _PERSON_NAMES
            and not self.common
        )

    def _possessive_of_a_place(self) -> bool:
        """The name's possessive, then a thing only a place has: "Kilkenny's pubs",
        "Galway's rain" (not "Paterson's album")."""
        j = self.j
        return (
            self.nxt == "s"
            and self.next_gap in ("'", "’")
            and j + 1 < len(self.keys)
            and self.keys[j + 1] in en.PLACE_THINGS_AFTER_POSSESSIVE
            and not self.text[self.toks[j][2] : self.toks[j + 1][1]].strip()
        )

    def _based_after(self) -> bool:
        """ "based" or "-born" after a city's name that is no common word (not "mobile-based
        apps", "a reading-based course"; framed.py reads "Nice-based" for statements)."""
        if self.ids is None:
            return False
        if en.BORN_AND_BRED_AFTER.match(self.text, self.end):
            return self.caps[self.i]  # "Cork born and bred" (not "cork born and bred")
        return _based_after(self.text, self.end) and not self.common

    @property
    def cities(self) -> list[City]:
        """The cities of the name, likeliest first. In running text the community's own
        country is a strong prior (Birmingham, AL for an American community), stronger
        than for a typed city where we can ask."""
        if self._cities is None:
            assert self.ids is not None
            self._cities = _rank(self.g, self.ids, self.prefer_country, _MENTION_BOOST)
        return self._cities

    @property
    def common(self) -> bool:
        """The likeliest city's name is a common word ("Nice", "Mobile", "Reading")."""
        return self.cities[0].id in self.g.common

    def mention(self, city: City | None = None, region: str | None = None) -> PlaceMention:
        """This name as a mention of ``city`` or of ``region``."""
        return PlaceMention(self.surface, self.start, self.end, city, region)


# The verdict rules, in order. Rejections common to cities and regions first, then a
# region's verdict, then a city's.


def _team_after(s: _Site) -> _Verdict:
    """ "Leeds fan", "Chicago fans", "Leeds United": a team or its fans."""
    return NO_PLACE if s.nxt in _TEAM_AFTER and s.next_gap.strip() in ("", "'", "’") else None


def _team_before(s: _Site) -> _Verdict:
    """ "Real Madrid", "Inter Milan": a team."""
    return NO_PLACE if s.prev in _TEAM_BEFORE and not s.prev_gap.strip() else None


def _the_demonym(s: _Site) -> _Verdict:
    """ "The New Yorker", "the Berliner": a magazine, a doughnut."""
    return NO_PLACE if s.prev == "the" and s.g.aliases.kind.get(s.key) == "demonym" else None


def _event_tag(s: _Site) -> _Verdict:
    """A tag of a common word's city before an event noun names the event: "#Reading
    festival" (not "#Wellington represent", "#Lisbon festival")."""
    return NO_PLACE if s.tagged and s.nxt in en.EVENT_NOUNS and s.common else None


def _person_title(s: _Site) -> _Verdict:
    """ "Mr Lincoln", "Dr. Austin", "coach Dallas": a person."""
    return NO_PLACE if s.prev in _PERSON_TITLES and s.i > 0 and not s.prev_gap.strip(". ") else None


def _lower_case_in_cased_text(s: _Site) -> _Verdict:
    """Lower case in a message that uses capitals: only a city's big, unambiguous name, or
    one in a place's context ("moving to seattle", "#darwin"; not "a nice day", "austin
    said", "texas" as a region)."""
    if s.all_cap or s.no_case:
        return None
    if s.region is not None or s.ids is None:
        return NO_PLACE
    ok = _lower_case_place(s.g, s.keys, s.i, s.key, s.ids, s.loc_ctx, s.strong_ctx, s.tagged)
    return None if ok else NO_PLACE


def _region_name(s: _Site) -> _Verdict:
    """A region: not two letters alone ("OR", "IN"); one that is also a common word or name
    ("Georgia", "Jordan", "Turkey") only after a place word ("in Georgia")."""
    if s.region is None:
        return None
    if len(s.key) <= 2 or (s.key in _WEAK_REGIONS and not s.loc_ctx):
        return NO_PLACE
    return s.mention(region=s.region)


def _qualified_city(s: _Site) -> _Verdict:
    """ "Portland, Maine", "Austin TX", "Reading, UK", "buffalo ny": the city in the region
    named after it, in any case."""
    j = s.j
    if s.ids is None or j >= len(s.toks) or _skip_qualifier(s.g, s.text, s.toks, s.keys, j) <= j:
        return None
    rcode = _region_code(s.g, s.toks, s.keys, j)
    matches = [c for c in s.cities if rcode in _regions_of(c)]
    return s.mention(matches[0]) if matches else None


def _never_a_city(s: _Site) -> _Verdict:
    """Names in ``_NEVER_CITIES`` ("March", "Police") are never a city in running text."""
    return NO_PLACE if s.key in _NEVER_CITIES else None


def _common_word_alone(s: _Site) -> _Verdict:
    """A one-word name that is a common word, of no big city: "in Police custody", "Best
    of luck"."""
    multi = s.j - s.i > 1
    return NO_PLACE if s.common and s.cities[0].population < _MIN_POP_COMMON and not multi else None


def _the_common_word(s: _Site) -> _Verdict:
    """A common word after "the": "the Phoenix project", "the Mobile app"."""
    return NO_PLACE if s.common and s.prev == "the" and s.j - s.i == 1 else None


def _sports_talk(s: _Site) -> _Verdict:
    """In sports talk a city is its team unless a strong place word says otherwise
    ("Leeds beat Hull 2-1"; not "flying to Leeds for the match"). There "to" and "from"
    are a journey's only after one's word (``_a_teams_to_or_from``)."""
    if not s.has_sports or (s.strong_ctx and not _a_teams_to_or_from(s)):
        return None
    return NO_PLACE


def _a_teams_to_or_from(s: _Site) -> bool:
    """The name's only strong place word is a "to" or "from" of no journey, as sports talk
    writes of teams and players: "changes to Hull's back four", "a free-kick from
    Rodriguez", "the transfer to Sheffield" (not "the trip to Leeds", "flying from Hull
    for the match")."""
    if s.prev not in ("to", "from") or _gone_to(s.keys, s.i):
        return False
    if s.prev == "from" and s.i >= 2 and s.keys[s.i - 2] in en.ORIGIN_BEFORE_FROM:
        return False  # "I'm from Leeds", "fans from Hull"
    return _FOR_AN_EVENT.match(s.text, s.end) is None and not s.prev_gap.endswith("#")


def _name_goes_on(s: _Site) -> _Verdict:
    """A capitalised word right after: "Paris Hilton", "Chicago Bulls", "London Bridge";
    not "Paris Tuesday", "Hamilton Police", "LONDON", "Portland OR", a title-case
    headline."""
    j = s.j
    if not s.next_cap or s.title_case or s.nxt in _OK_FOLLOWERS or s.nxt in _PLACE_NOUNS_AFTER:
        return None
    if s.surface.isupper() and len(s.surface) > 3:
        return None
    next_word = s.toks[j][0]
    next_acronym = next_word.isupper() and len(next_word) <= 4
    if (
        next_acronym
        and s.nxt not in _TEAM_AFTER
        and (j - s.i > 1 or s.cities[0].population >= 1_000_000 or s.loc_ctx)
    ):
        return None
    return NO_PLACE


def _name_came_before(s: _Site) -> _Verdict:
    """A capitalised word right before, inside a sentence: "Kim Paris", "Downton Abbey";
    not "Hello Melbourne", "In Paris", "Riot Games Sydney Office"."""
    i = s.i
    if (
        i > 0
        and s.caps[i - 1]
        and not s.sentence_start
        and not s.title_case
        and s.prev not in _OK_FOLLOWERS
        and s.prev not in _GREETINGS
        and s.prev not in _LOC_PREP
        and not s.prev_gap.strip()
        and not (s.nxt in _PLACE_NOUNS_AFTER and not s.next_gap.strip())
    ):
        return NO_PLACE
    return None


def _too_short(s: _Site) -> _Verdict:
    """Three letters or fewer are a city only as a curated short form ("BCN", "NYC"), or
    with a region after them (``_qualified_city``): not "#ufa", acronyms "OF", "VAN",
    "MAN"."""
    return NO_PLACE if len(s.key) <= 3 and s.key not in s.g.aliases.abbr else None


def _common_word_of(s: _Site) -> _Verdict:
    """A common word before "of": "Fate of the Furious"."""
    return NO_PLACE if s.common and s.nxt == "of" else None


def _weak_name_bare(s: _Site) -> _Verdict:
    """A common word's city that is not big, or a first name, needs a strong place word:
    "Davis said" is a person, "moving to Davis" a place."""
    if s.key in s.g.aliases.abbr or s.strong_ctx:
        return None
    weak = (s.common and s.cities[0].population < _MIN_POP_BIG_COMMON) or s.key in _PERSON_NAMES
    return NO_PLACE if weak else None


def _small_town_bare(s: _Site) -> _Verdict:
    """A small town needs a place word: "near Ashby", not "Ashby" alone (a multi-word name
    may be smaller: "Bury St Edmunds")."""
    if s.key in s.g.aliases.abbr or s.loc_ctx or s.compatriot:
        return None
    floor = _MIN_POP_MULTI if s.j - s.i > 1 else _MIN_POP_BARE
    return NO_PLACE if s.cities[0].population < floor else None


def _district_of_the_next(s: _Site) -> _Verdict:
    """A district, then a comma and its city: "Williamsburg, Brooklyn", "Andheri West,
    Mumbai" (the district's namesake in that city; not "Kent, Ohio": no city of "Ohio")."""
    if s.next_gap.strip() != "," or s.ids is None:
        return None
    after = _name_at(s.g, s.keys, s.j)
    if after is None:
        return None
    for c in s.cities:
        holder = parent_city(c)
        if holder is not c and holder.id in after:
            return s.mention(c)
    return _unknown_district_of(s, after)


def _unknown_district_of(s: _Site, after: tuple[int, ...]) -> _Verdict:
    """A small town's name, then a comma and a big city far from every town of that name:
    a district of that city the gazetteer does not hold ("Whitefield, Bangalore" is in
    Bengaluru, not Whitefield near Manchester; "Salford, Manchester" stays Salford)."""
    city = s.g.by_id[after[0]]
    if city.population < _MIN_POP_DISTRICT_HOLDER or any(
        c.population >= _MIN_POP_BARE_DISTRICT
        or distance_km(c.latitude, c.longitude, city.latitude, city.longitude) <= _NEIGHBOUR_KM
        for c in s.cities
    ):
        return None
    return s.mention(city)


_MIN_POP_DISTRICT_HOLDER = 1_000_000  # a city big enough to have districts people name
_MIN_POP_BARE_DISTRICT = 100_000  # a town this big is itself, wherever it is


def _name_at(g: _Gazetteer, keys: list[str], j: int) -> tuple[int, ...] | None:
    """The cities of the longest name (up to three words) at token ``j``, or None."""
    for size in (3, 2, 1):
        key = " ".join(keys[j : j + size])
        ids = g.aliases.mention.get(key) or g.name_index.get(key)
        if j + size <= len(keys) and ids:
            return tuple(parent_city(g.by_id[i]).id for i in ids)
    return None


def _a_city(s: _Site) -> _Verdict:
    """No rule objects: the likeliest city of the name."""
    return s.mention(s.cities[0])


_VERDICT_RULES: tuple[Callable[[_Site], _Verdict], ...] = (
    _team_after,
    _team_before,
    _the_demonym,
    _person_title,
    _event_tag,
    _qualified_city,
    _lower_case_in_cased_text,
    _region_name,
    _never_a_city,
    _common_word_alone,
    _the_common_word,
    _sports_talk,
    _name_goes_on,
    _name_came_before,
    _too_short,
    _common_word_of,
    _district_of_the_next,
    _weak_name_bare,
    _small_town_bare,
    _a_city,
)


def _lower_case_place(
    g: _Gazetteer,
    keys: list[str],
    i: int,
    key: str,
    ids: tuple[int, ...],
    loc_ctx: bool,
    strong_ctx: bool,
    tagged: bool,
) -> bool:
    """A lower-case name in a message that uses capitals is a place only as a big name that
    is no common word or first name, or in a place's context: "#darwin", "moving to
    seattle", "on my way to ibiza", "a motherwell man"; not "talked to barry", "a nice day",
    "austin said"."""
    top = g.by_id[ids[0]]
    if top.id in g.common or len(key) < 4:
        return False
    if tagged:
        return top.population >= _MIN_POP_LOWER_TAG
    if key in _PERSON_NAMES:
        return False
    if top.population >= 1_000_000 or (loc_ctx and top.population >= 100_000):
        return True
    if top.population >= 100_000 and _a_proper_name_of_words(g, key):
        return True  # "new orleans", "san diego", "tel aviv"; not "a long beach walk"
    return strong_ctx and top.population >= _MIN_POP_LOWER_STRONG and _gone_to(keys, i)


def _a_proper_name_of_words(g: _Gazetteer, key: str) -> bool:
    """A name of several words, one of them no English word: "new orleans", "san diego"
    (not "long beach", "jersey city", "little rock", made of words)."""
    words = key.split(" ")
    return len(words) > 1 and any(
        w not in g.common_words and w not in _SMALL_WORDS and len(w) > 2 for w in words
    )


# Words before "to" or "from" that make it a journey's ("way to ibiza", not "talk to barry").
_TRAVEL_BEFORE = frozenset(
    "way trip trips flight flights road drive train bus going go goes went heading headed "
    "moving moved move flying fly flew travel travelling traveling returning return back "
    "welcome greetings hello home ticket tickets".split()
)


def _gone_to(keys: list[str], i: int) -> bool:
    """The name at ``i`` is not the end of "to" or "from", or of a journey's: "way to",
    "greetings from" (the person one talks to or hears from is no place)."""
    if i == 0 or keys[i - 1] not in ("to", "from"):
        return True
    return i >= 2 and keys[i - 2] in _TRAVEL_BEFORE


def _place_context(
    g: _Gazetteer,
    text: str,
    prev: str,
    prev_gap: str,
    nxt: str,
    next_gap: str,
    ids: tuple[int, ...] | None,
    *,
    capital: bool,
    chained: bool,
) -> tuple[bool, bool]:
    """(a place word is near, a strong one is) for a name: "in", "to" before it; "@ ", a
    greeting ("Bye Ibiza"); a place noun after it ("Hamilton Police", "a Cork woman"); a
    capitalised hashtag; or a list of places it continues ("Paris / Lyon")."""
    same_clause = not any(c in prev_gap for c in ".!?\n")
    hashtag = prev_gap.endswith("#") and _tag_names_place(g, ids, capital)
    noun_after = next_gap.strip() == "" and nxt in _NOUNS_AFTER_A_PLACE
    address = prev in _STREETS and prev_gap.strip() == ","  # "320 Willis Street, Wellington"
    strong = (prev in _STRONG_PREP and same_clause) or chained or hashtag or noun_after or address
    at_sign = prev_gap.endswith(" ") and prev_gap.rstrip().endswith("@")  # "@ Ibiza"
    greeted = prev in _GREETINGS and prev_gap.strip() == ""
    loc = strong or (prev in _LOC_PREP and same_clause) or at_sign or greeted
    return loc, strong


def _tag_names_place(g: _Gazetteer, ids: tuple[int, ...] | None, capital: bool) -> bool:
    """A capitalised hashtag of a city name is a place, unless the name is a common word
    and the city not a big one ("#Wedding", "#Boom" are no places; "#Wellington" is); a
    lower-case one only as a big city's name that is no common word ("#darwin")."""
    if ids is None:
        return False
    top = g.by_id[ids[0]]
    if not capital:
        return top.id not in g.common and top.population >= _MIN_POP_LOWER_TAG
    return top.id not in g.common or top.population >= _MIN_POP_COMMON_TAG


_MIN_POP_COMMON_TAG = 300_000
_MIN_POP_LOWER_TAG = 100_000


def _region_code(g: _Gazetteer, toks: list[tuple[str, int, int]], keys: list[str], j: int) -> str:
    q = _qualifier_at(g, toks, keys, j)
    return q[0] if q is not None else ""


_MIN_POP_MULTI = 15_000
# A lower-case name in a message that uses capitals, with a strong place word ("to ibiza").
_MIN_POP_LOWER_STRONG = 20_000
_TEAM_AFTER = frozenset(
    "fan fans supporters supporter fc united city rovers wanderers athletic hotspur "
    "county albion dodgers lakers bulls bears cubs sox giants jets knicks nets mets "
    "yankees rangers warriors kings clippers raiders chargers rams 49ers seahawks "
    "blazers timbers sounders fire galaxy celtics patriots bruins eagles flyers "
    "phillies steelers penguins pirates browns cavaliers cavs indians guardians reds "
    "bengals colts pacers packers bucks brewers vikings twins wild timberwolves "
    "broncos nuggets avalanche rockies cowboys mavericks mavs stars texans astros "
    "rockets spurs saints pelicans falcons hawks braves heat dolphins marlins "
    "panthers lightning rays buccaneers bucs jaguars titans predators grizzlies "
    "thunder jazz suns cardinals diamondbacks coyotes ducks sharks canucks oilers "
    "flames jets senators leafs canadiens raptors blue orioles ravens capitals "
    "nationals commanders wizards redskins lions pistons tigers red hornets xi".split()
)
_TEAM_BEFORE = frozenset(
    "real atletico atlético inter ac fc sporting dynamo dinamo olympique borussia "
    "athletic racing deportivo hertha bayer eintracht".split()
)
# Region names that are also common words or names: need a place word before them.
_WEAK_REGIONS = frozenset(
    "georgia jordan chad guinea turkey china japan jersey washington virginia "
    "carolina india niger mali peru cuba oman israel indiana nevada montana "
    "florida".split()
)
