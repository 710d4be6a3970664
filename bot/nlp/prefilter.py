"""The watcher's pre-filter: ``might_matter(text)`` is False only when ``statements.read``
surely finds nothing in ``text``. Most chat says nothing about places or meetups, so this
runs on every message and must cost about as little as splitting it into words.

How it stays sound. ``read`` finds a home or trip only where a cue of ``cues.HOME_CUES`` /
``cues.TRIP_CUES`` ends the clause right before a city, or "based"/"here" follows a city;
meetup intent where ``cues.INTENT`` matches. ``clean`` masks code, URLs, quotes and
mentions with a character that is neither whitespace nor a word character, so it never
joins words: what ``read`` finds in the cleaned text stands in the raw text too, word for
word. "A word" below is a whitespace-split word in one of its usual spellings: any case,
curly apostrophes, an opening mark before the first word of a phrase ("(I'm"), after a
phrase's last word only where a phrase may end there ("here!", "coffee?"), and both on a
one-word phrase ("(meetup!!"). A city's name is known by how it may begin and end: its
first two words and its last two (``places.city_name_heads`` / ``city_name_tails``).

1. Every phrase the cue patterns can spell holds a cue word (``cues.CUE_WORDS``), and every
   phrase INTENT can spell a meetup word (``cues.INTENT_WORDS``); ``uncovered_phrases()``
   and ``uncovered_intent_phrases()`` list any that does not, and tests keep them empty.
   A message with neither is dropped at once ("Portland-based" aside: "-based").
2. A meetup word leads to the INTENT alternatives that hold it; each is searched only where
   the message has a word of each of its word groups and each string it must contain.
3. A cue word must stand among the words of one of its phrases: first its neighbours (the
   word before and the word after, one set lookup each), then the phrase's words read
   outwards from it (``_TRIES``), and where the phrase ends, the words that may begin a
   city's name (after "the" and an adjective, as ``read`` cuts them).
4. "Denver here" needs the words that may end a city's name in the four words before
   "here", and after it, within the 40 characters ``read`` tests after that city, a mark
   ("Denver here, anyone?") or nothing that cleaning keeps.
5. The message must name something that may be a city (``places.may_mention_city``).
6. Last, on the cleaned text: a loosened cue alternative (without its ^/$ anchors; the
   clause ``read`` searches starts at a word start, so it matches the whole message too)
   must end where a city's name may start, in the 80 characters ``read`` looks back.
"""

from __future__ import annotations

import functools
import itertools
import re
import re._constants as _sre  # the parsed form of the cue patterns
import re._parser as _sre_parse
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from bot.nlp.cues import (
    ADJECTIVES,
    BASED_AFTER,
    BEFORE_CITY,
    CUE_WORDS,
    HOME_CUES,
    INTENT,
    INTENT_WORDS,
    QUALIFIER,
    TRIP_CUES,
    clean,
)
from bot.nlp.places import (
    city_name_first_words,
    city_name_heads,
    city_name_last_words,
    city_name_tails,
    fold,
    may_mention_city,
)

__all__ = [
    "might_matter",
    "prepare",
    "spelled_intent_phrases",
    "spelled_phrases",
    "uncovered_intent_phrases",
    "uncovered_phrases",
]

# Spellings a cue word has among whitespace-split chat words: case, curly apostrophes,
# markdown or brackets around it, punctuation after it ("here!!!": runs of up to four of
# "!", "?" and "." after a word that may end a phrase).
_BEFORE = ("", "(", "*", "**", "_", '"', "“")
_AFTER = (
    *("", ",", ":", ";", ")", "*", "**", "_", '"', "”", "’", "'", "…", "~", "-"),
    *(":)", ";)", ":D", ":P", "),", "*,", '",', "”,", "!)", "?)", ".)"),
)
_MARK_RUNS = tuple("".join(p) for n in range(1, 5) for p in itertools.product("!?.", repeat=n))
# After a word that both begins and ends a phrase and has an opening mark ("(meetup!!",
# "anyone up for (coffee!"): the usual runs.
_SHORT_RUNS = (*(r for r in _MARK_RUNS if len(r) <= 2), *(c * n for c in "!?." for n in (3, 4)))


def _forms(words: Iterable[str], *, first: bool = True, last: bool = True) -> dict[str, str]:
    """Each spelling -> its word. ``first``: the word may begin a phrase, so an opening mark
    may come before it; ``last``: it may end one, so marks may follow."""
    out: dict[str, str] = {}
    for w in words:
        for cased in {w, w.capitalize(), w.upper()}:
            for apos in {cased, cased.replace("'", "’")}:
                for b in _BEFORE if first else ("",):
                    for a in _AFTER if last else ("",):
                        out[b + apos + a] = w
                    if b and last:
                        for a in _SHORT_RUNS:
                            out[b + apos + a] = w
                if last:
                    for a in _MARK_RUNS:
                        out[apos + a] = w
    return out


# ---------------------------------------------------------------------------------------
# Reading the cue patterns


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
    """The alternative without its clause anchors (^, $). Word boundaries (\\b) stay: a
    clause starts after a non-word character or at a word start (``_clause_before`` in
    ``statements``), so a boundary inside it is one in the whole message too. A boundary at
    the very end would not be (the city follows), so no alternative may end with one."""
    if "[^" in alt or "\\$" in alt or "\\^" in alt or "(?=" in alt or "(?!" in alt:
        raise ValueError(f"cue pattern too complex for the pre-filter: {alt!r}")
    for anchor in (r"\s*$", r"^\s*", "$", "^"):
        alt = alt.replace(anchor, "")
    alt = alt.rstrip()
    if alt.endswith(r"\b"):
        raise ValueError(f"cue pattern ends with a word boundary: {alt!r}")
    return _strip_optional_head(alt)


def _musts(items: Any) -> list[tuple[str, ...]]:
    """Sets of strings such that every match of a parsed pattern contains one string of
    each set."""
    out: list[tuple[str, ...]] = []
    run: list[str] = []
    for op, av in [*items, (None, None)]:
        if op is _sre.LITERAL:
            run.append(chr(av))
            continue
        if run:
            out.append(("".join(run),))
            run = []
        if op is _sre.SUBPATTERN:
            out.extend(_musts(av[3]))
        elif op is _sre.BRANCH:
            opts = [_required(b) for b in av[1]]
            if all(opts):
                out.append(tuple(sorted({s for o in opts if o for s in o})))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] >= 1:
            out.extend(_musts(av[2]))
    return out


def _required(items: Any) -> list[str] | None:
    """Strings of which every match of a parsed pattern contains one (None: unknown): of
    its ``_musts``, the set whose shortest string is longest."""
    best: tuple[str, ...] | None = None
    for must in _musts(items):
        if best is None or min(map(len, must)) > min(map(len, best)):
            best = must
    return list(best) if best is not None else None


_OPEN = "\x00"  # a stretch the pattern leaves open ([\w'-]+ and the like): never a cue word
_GAP = "\x01"  # whitespace as \s (any amount, once cleaned); a literal "\ " stays " "
_SPACE = [(_sre.CATEGORY, _sre.CATEGORY_SPACE)]
_MAX_PHRASES = 100_000


def _phrases(items: Any, boundary: str = "") -> set[str]:
    """Every phrase a parsed pattern can spell, with each repeat taken at most once, open
    stretches as _OPEN, \\s as _GAP and \\b as ``boundary``. Enough to know which words its
    matches must contain, and their literal neighbours: more repeats only add words."""
    out = {""}
    for op, av in items:
        if op is _sre.LITERAL:
            parts = {chr(av)}
        elif op is _sre.AT:
            parts = {boundary if av is _sre.AT_BOUNDARY else ""}
        elif op is _sre.SUBPATTERN:
            parts = _phrases(av[3], boundary)
        elif op is _sre.BRANCH:
            parts = set().union(*(_phrases(b, boundary) for b in av[1]))
        elif (op is _sre.IN and av == _SPACE) or (op is _sre.CATEGORY and av is _SPACE[0][1]):
            parts = {_GAP}
        elif op in (_sre.IN, _sre.ANY, _sre.NOT_LITERAL, _sre.CATEGORY):
            parts = {_OPEN}
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
            lo, _hi, sub = av
            if lo == 0 and list(sub) == [(_sre.IN, _SPACE)]:
                raise ValueError("a cue pattern glues words with \\s*: use (?:\\s+...)?")
            parts = _phrases(sub, boundary) | ({""} if lo == 0 else set())
        else:
            raise ValueError(f"cue pattern too complex for the pre-filter: {op}")
        out = {a + b for a in out for b in parts}
        if len(out) > _MAX_PHRASES:
            raise ValueError("cue pattern spells too many phrases for the pre-filter")
    return out


_TOKEN = re.compile(f"[^ {_GAP}]+")
_WORD_OR_OPEN = re.compile(f"[^ {_GAP}{_OPEN}]+|{_OPEN}")


def _intent_word_places() -> dict[str, set[tuple[bool, bool]]]:
    """Where each meetup word stands in the phrases INTENT can spell: (may it begin one,
    may it end one). A word right after an open stretch begins one (a mark may come
    before it: "anyone up for (coffee"), a word right before one ends one ("anyone, up
    for..."); a word between two literal words is only ever plain."""
    places: dict[str, set[tuple[bool, bool]]] = {}
    for p in _phrases(_sre_parse.parse(INTENT.pattern, INTENT.flags), boundary=" "):
        toks = _WORD_OR_OPEN.findall(p)
        for k, tok in enumerate(toks):
            if tok in INTENT_WORDS:
                first = k == 0 or toks[k - 1] == _OPEN
                last = k == len(toks) - 1 or toks[k + 1] == _OPEN
                places.setdefault(tok, set()).add((first, last))
    return places


# The spellings of the cue words, each where its phrases allow it. A home or trip phrase
# goes on after each of its cue words, with whitespace, or ends there and the city follows
# after whitespace: a cue word with a mark after it is in no phrase, but "Denver here!"
# (where "here" follows the city and whitespace: no mark before it). A meetup word
# carries marks where INTENT lets it begin or end a phrase ("coffee?").
_CUE_OF = (
    _forms(CUE_WORDS, last=False)  # "(here in Denver", "(based in Denver"
    | _forms({"here", "based"}, first=False)  # "Denver here!!", "Denver based,"
)
for _word, _places in _intent_word_places().items():
    for _first, _last in _places:
        _CUE_OF |= _forms([_word], first=_first, last=_last)
_ANY_FORMS = frozenset(_CUE_OF)


def _cue_words_in(phrase: str) -> set[str]:
    return {w for w in _TOKEN.findall(phrase) if w in CUE_WORDS}


def _word_needs(phrases: Iterable[str]) -> dict[str, set[str]]:
    """For each cue word of the phrases, strings one of which a match holding that word
    contains once whitespace runs are flattened to single spaces: the word with a
    neighbour ("we are", "i'm in"), or alone where the pattern leaves both sides open."""
    needs: dict[str, set[str]] = {}
    for p in phrases:
        toks = _TOKEN.findall(p)
        for k, w in enumerate(toks):
            if w not in CUE_WORDS:
                continue
            if k > 0 and _OPEN not in toks[k - 1]:
                need = f"{toks[k - 1]} {w}"
            elif k + 1 < len(toks) and _OPEN not in toks[k + 1]:
                need = f"{w} {toks[k + 1]}"
            else:
                need = w
            needs.setdefault(w, set()).add(need)
    return needs


def _is_gap(op: Any, av: Any) -> bool:
    """A top-level whitespace item: " ", \\s, \\s+."""
    if op is _sre.LITERAL:
        return bool(av == 32)
    if op is _sre.IN:
        return bool(av == _SPACE)
    return op is _sre.MAX_REPEAT and av[0] >= 1 and list(av[2]) == [(_sre.IN, _SPACE)]


def _stretches(parsed: Any, is_break: Any) -> Iterator[list[Any]]:
    """The runs of top-level items of a parsed pattern between the items ``is_break``
    says end a word."""
    stretch: list[Any] = []
    for op, av in parsed:
        if is_break(op, av):
            if stretch:
                yield stretch
            stretch = []
        else:
            stretch.append((op, av))
    if stretch:
        yield stretch


def _word_groups(parsed: Any) -> tuple[frozenset[str], ...]:
    """Sets of cue words of which every match holds one word each: one set per stretch of
    the pattern between top-level spaces that always spells a cue word ("i'm|i am|we're"
    and "heading|flying" in "{subject} heading to"). A word never spans a space, so the
    stretch's words are whole words of the match."""
    groups: list[frozenset[str]] = []
    for stretch in _stretches(parsed, _is_gap):
        words = [_cue_words_in(p) for p in _phrases(stretch)]
        if all(words):
            groups.append(frozenset().union(*words))
    return tuple(groups)


@dataclass(frozen=True, slots=True, eq=False)
class _Scan:
    """One loosened cue alternative, searched where it can match."""

    search: Any  # re.Pattern.search
    ends: Any  # re.Pattern.search for a match that ends where a city may start
    needs: tuple[str, ...]  # one of these is in every match, even before cleaning
    word_needs: dict[str, tuple[str, ...]]  # cue word -> what a match with it contains
    groups: tuple[frozenset[str], ...]  # spellings: a match has one of each group


@functools.cache
def _alt_phrases(alt: str) -> frozenset[str]:
    """The phrases of one loosened alternative (cached while the module builds its
    tables: several tables read them)."""
    return frozenset(_phrases(_sre_parse.parse(alt, re.VERBOSE)))


def _scan(loosened: str) -> _Scan:
    rx = re.compile(loosened, re.VERBOSE)
    parsed = _sre_parse.parse(rx.pattern, rx.flags)
    need = _required(parsed) or [""]
    word_needs = _word_needs(_alt_phrases(loosened))
    groups = tuple(frozenset(f for f, w in _CUE_OF.items() if w in g) for g in _word_groups(parsed))
    return _Scan(
        rx.search,
        re.compile(rf"(?:{loosened}){BEFORE_CITY}\Z", re.VERBOSE).search,
        tuple({s.strip() for s in need}),
        {w: tuple(sorted(n)) for w, n in word_needs.items()},
        groups,
    )


_ALTERNATIVES = tuple(
    _loosen(alt) for rx in (HOME_CUES, TRIP_CUES) for alt in _top_level_alternatives(rx.pattern)
)
_SCANS: tuple[_Scan, ...] = ()  # built by _build_tables


def _all_phrases() -> set[str]:
    return {p for alt in _ALTERNATIVES for p in _alt_phrases(alt)}


def uncovered_phrases() -> list[str]:
    """Cue phrases that contain no cue word (the pre-filter would miss them): must be []."""
    return sorted(p for p in _all_phrases() if not _cue_words_in(p))


def _intent_phrases(stretch: str = " ") -> set[str]:
    """INTENT's phrases, words apart where it says \\b; ``stretch`` where it leaves a
    stretch open."""
    return {
        p.replace(_OPEN, stretch)
        for p in _phrases(_sre_parse.parse(INTENT.pattern, INTENT.flags), boundary=" ")
    }


def uncovered_intent_phrases() -> list[str]:
    """Meetup-intent phrases that hold no word of ``INTENT_WORDS``: must be []."""
    return sorted(p for p in _intent_phrases() if INTENT_WORDS.isdisjoint(_TOKEN.findall(p)))


def spelled_intent_phrases(stretch: str = " ") -> list[str]:
    """Every meetup-intent phrase, readable, with ``stretch`` where INTENT leaves a stretch
    open (for tests: marks there, "anyone, up for (coffee", may touch the words)."""
    return sorted({" ".join(p.replace(_GAP, " ").split()) for p in _intent_phrases(stretch)})


def spelled_phrases() -> list[str]:
    """Every cue phrase the patterns spell, readable: open stretches as "x" (for tests)."""
    return sorted({p.replace(_OPEN, "x").replace(_GAP, " ") for p in _all_phrases()})


_Route = tuple[_Scan, tuple[str, ...]]


def _routes() -> dict[str, tuple[_Route, ...]]:
    """Spelling of a cue word -> the scans whose phrases hold that word, each with what a
    match holding it contains."""
    by_word: dict[str, list[_Route]] = {}
    for scan in _SCANS:
        for w, needs in scan.word_needs.items():
            by_word.setdefault(w, []).append((scan, needs))
    # (one tuple per word, shared by its spellings: 30,000 fewer objects for the collector)
    of_word = {w: tuple(routes) for w, routes in by_word.items()}
    return {form: of_word.get(w, ()) for form, w in _CUE_OF.items()}


_ROUTES: dict[str, tuple[_Route, ...]] = {}  # built by _build_tables
_HERE_FORMS = frozenset(f for f, w in _CUE_OF.items() if w == "here")


@functools.cache
def _spellings(word: str, marked: bool = False) -> frozenset[str]:
    """``word`` in the cases and apostrophes chat gives it; ``marked``: also after an
    opening mark ("(we")."""
    return frozenset(
        b + apos
        for cased in (word, word.capitalize(), word.upper())
        for apos in (cased, cased.replace("'", "’"))
        for b in (_BEFORE if marked else ("",))
    )


@dataclass(frozen=True, slots=True)
class _Neighbours:
    """The whitespace-split words a cue word needs around it, in one of its phrases: a
    phrase word right before it ("we" of "we are") is at a word start, so it may carry
    an opening mark ("(we"), and has whitespace after it; a phrase word right after it
    ("in" of "i'm in") has whitespace on both sides (the city follows after whitespace)."""

    after_any: frozenset[str]  # words after it that do, whatever stands before it
    before_any: frozenset[str]  # words before it that do, whatever stands after it
    after: dict[str, frozenset[str]]  # word before it -> words after it that then do


_EMPTY: frozenset[str] = frozenset()


# Tries of the words a cue word's phrases hold around it, read outwards from it: the words
# before it nearest first, the words after it in order. Each node maps a word to the next
# node; _DONE marks where a phrase's words may stop. After the words after a cue word
# comes either an open stretch ([\w'-]+ and the like: anything) or, at a phrase's end, the
# city (_CITY).
_Trie = dict[str, Any]
_DONE = "\x01done"
_CITY = "\x01city"


def _around_cue_words() -> tuple[dict[str, _Neighbours | None], dict[str, tuple[_Trie, _Trie]]]:
    """From every phrase the cue patterns spell: per cue word, its neighbours (None where
    a phrase leaves both sides open) and its tries."""
    pairs: dict[str, set[tuple[str | None, str | None]]] = {}
    tries: dict[str, tuple[_Trie, _Trie]] = {}
    for p in _all_phrases():
        toks = _TOKEN.findall(p)
        for k, w in enumerate(toks):
            if w not in CUE_WORDS:
                continue
            prev = toks[k - 1] if k > 0 and _OPEN not in toks[k - 1] else None
            nxt = toks[k + 1] if k + 1 < len(toks) and _OPEN not in toks[k + 1] else None
            pairs.setdefault(w, set()).add((prev, nxt))
            first = k
            while first > 0 and _OPEN not in toks[first - 1]:
                first -= 1
            last = k
            while last + 1 < len(toks) and _OPEN not in toks[last + 1]:
                last += 1
            before, after = tries.setdefault(w, ({}, {}))
            for tok in reversed(toks[first:k]):
                before = before.setdefault(tok, {})
            before[_DONE] = True
            for tok in toks[k + 1 : last + 1]:
                after = after.setdefault(tok, {})
            after[_CITY if last == len(toks) - 1 else _DONE] = True
    shared: dict[Any, _Trie] = {}
    return (
        {w: _neighbours_of(around) for w, around in pairs.items()},
        {w: (_share(b, shared), _share(a, shared)) for w, (b, a) in tries.items()},
    )


def _neighbours_of(around: set[tuple[str | None, str | None]]) -> _Neighbours | None:
    if (None, None) in around:
        return None
    after_any: set[str] = set()
    before_any: set[str] = set()
    after_word: dict[str, set[str]] = {}
    for prev, nxt in around:
        if prev is None:
            after_any |= _spellings(nxt or "")
        elif nxt is None:
            before_any |= _spellings(prev, marked=True)
        else:
            after_word.setdefault(prev, set()).update(_spellings(nxt))
    after: dict[str, frozenset[str]] = {}
    for prev, nexts in after_word.items():
        shared_nexts = frozenset(nexts)
        for b in _spellings(prev, marked=True):
            after[b] = after[b] | shared_nexts if b in after else shared_nexts
    return _Neighbours(frozenset(after_any), frozenset(before_any), after)


def _share(node: _Trie, shared: dict[Any, _Trie]) -> _Trie:
    """The trie with equal subtrees made one (the adverbs make many)."""
    out = {k: v if k in (_DONE, _CITY) else _share(v, shared) for k, v in node.items()}
    key = tuple(sorted((k, id(v) if isinstance(v, dict) else v) for k, v in out.items()))
    return shared.setdefault(key, out)


_TRIES: dict[str, tuple[_Trie, _Trie]] = {}  # built by _build_tables
# A cue word in no home or trip phrase (only in "Denver-based" or "Denver here").
_NO_PHRASE = _Neighbours(_EMPTY, _EMPTY, {})
_MARKS_BEFORE = "".join(sorted(set("".join(_BEFORE))))
# Words ``read`` may find between a cue and its city: "the", then an adjective.
_BETWEEN = tuple(tuple(a.split()) for a in ADJECTIVES)
_BETWEEN_FIRST = frozenset(seq[0] for seq in _BETWEEN)
_BETWEEN_BY_FIRST = {w: tuple(seq for seq in _BETWEEN if seq[0] == w) for w in _BETWEEN_FIRST}
_BETWEEN_MAX = max(map(len, _BETWEEN))


@dataclass(frozen=True, slots=True, eq=False)
class _IntentScan:
    """One alternative of INTENT, searched only where all it must contain is there."""

    search: Any  # re.Pattern.search
    groups: tuple[frozenset[str], ...]  # a match holds one word of each group
    musts: tuple[tuple[str, ...], ...]  # a match holds one string of each


def _is_break(op: Any, av: Any) -> bool:
    """A top-level item of INTENT that ends a word: \\b, whitespace, an open stretch."""
    if op is _sre.AT:
        return av is _sre.AT_BOUNDARY
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
        return list(av[2]) != [] and all(o is not _sre.LITERAL for o, _ in av[2])
    return _is_gap(op, av)


def _intent_word_groups(parsed: Any) -> tuple[frozenset[str], ...]:
    """Sets of words of which every match holds one each, as a whitespace-split word (in a
    usual spelling): one set per stretch between word breaks, its longest word of each
    phrase."""
    groups: list[frozenset[str]] = []
    for stretch in _stretches(parsed, _is_break):
        picks = set()
        for p in _phrases(stretch, boundary=" "):
            toks = _TOKEN.findall(p.replace(_OPEN, " "))
            if not toks or not (toks[0][0].isalnum() and toks[-1][-1].isalnum()):
                break  # "'d" after \\b is glued to a word: "I'd"
            picks.add(max(toks, key=len))
        else:
            groups.append(frozenset(picks))
    return tuple(groups)


_IntentRoute = tuple[_IntentScan, tuple[frozenset[str], ...]]


def _intent_routes() -> dict[str, tuple[_IntentRoute, ...]]:
    """Meetup word -> the INTENT alternatives whose phrases hold that word, each with its
    word groups that word does not answer (as the words' spellings: a message must hold
    one of each)."""
    body = INTENT.pattern.strip()
    assert body.startswith("\\b(?:") and body.endswith(")\\b")
    by_word: dict[str, list[_IntentScan]] = {}
    for alt in _top_level_alternatives(body[2:-2]):
        rx = re.compile(rf"\b(?:{alt})\b", INTENT.flags)
        parsed = _sre_parse.parse(rx.pattern, rx.flags)
        musts = tuple(m for m in _musts(parsed) if all(x.strip() for x in m))
        groups = _intent_word_groups(_sre_parse.parse(alt, INTENT.flags))
        scan = _IntentScan(rx.search, groups, musts)
        words = {
            w for p in _phrases(parsed, boundary=" ") for w in _TOKEN.findall(p.replace(_OPEN, " "))
        }
        for w in words & INTENT_WORDS:
            by_word.setdefault(w, []).append(scan)
    spelled: dict[frozenset[str], frozenset[str]] = {}  # group -> its words' spellings
    routes = {
        w: tuple(
            (
                scan,
                tuple(
                    spelled.setdefault(g, frozenset(_forms(g))) for g in scan.groups if w not in g
                ),
            )
            for scan in scans
        )
        for w, scans in by_word.items()
    }
    return routes


# What ``might_matter`` does with each spelling of a cue word, in one look: its INTENT
# routes (a meetup word), its neighbours (a cue word of a home or trip phrase), and whether
# it is "here" or "based", which may close a city's name ("Denver here").
_HERE, _BASED = 1, 2
_Plan = tuple[tuple[_IntentRoute, ...] | None, _Neighbours | None, int]
_PLAN: dict[str, _Plan] = {}  # built by _build_tables


_build_lock = threading.Lock()
_built = False


def _build_tables() -> None:
    """The tables read off the cue patterns (about half a second): built for the first
    message that holds a cue word, not at import."""
    global _built, _SCANS, _ROUTES, _TRIES, _PLAN
    with _build_lock:
        if _built:
            return
        _SCANS = tuple(_scan(alt) for alt in _ALTERNATIVES)
        _ROUTES = _routes()
        neighbours, _TRIES = _around_cue_words()
        _alt_phrases.cache_clear()  # 43,000 phrases: the tables hold what they say
        intent_routes = _intent_routes()
        plans: dict[str, _Plan] = {  # one per word, shared by its spellings
            w: (
                intent_routes.get(w, ()) if w in INTENT_WORDS else None,
                neighbours.get(w, _NO_PHRASE),
                _HERE if w == "here" else _BASED if w == "based" else 0,
            )
            for w in set(_CUE_OF.values())
        }
        _PLAN = {form: plans[w] for form, w in _CUE_OF.items()}
        _built = True


def prepare() -> None:
    """Build the tables now rather than for the first message that holds a cue word (the
    app does this at start, with the gazetteer)."""
    _build_tables()
    city_name_first_words()
    city_name_last_words()
    city_name_tails()


# ---------------------------------------------------------------------------------------
# The check


def might_matter(text: str) -> bool:
    """Cheap check: False means ``statements.read`` surely returns nothing for this text.
    It runs on every message, so its loops are written out: a call costs more here than
    the work inside it."""
    words = text.split()
    if _ANY_FORMS.isdisjoint(words):  # most messages: no set is built
        if "-" not in text or not _glued_based(text):
            return False
        if not _may_close_a_city(text, "based"):
            return False
        if not may_mention_city(text):
            return False
        return _may_end_with_cue(_cleaned(text), frozenset())
    if not _built:
        _build_tables()
    cues = _ANY_FORMS.intersection(words)
    flat = ""
    gated: list[str] = []  # cue words that stand among the words of one of their phrases
    last = len(words) - 1
    closers = 0  # _HERE | _BASED: "here", "based" among the cue words
    for form in cues:
        routes, nb, closer = _PLAN[form]
        closers |= closer
        if routes is not None:  # a meetup word
            for scan, groups in routes:
                for group in groups:
                    if group.isdisjoint(words):
                        break
                else:
                    flat = flat or _flatten(words)
                    if _may_match(flat, scan):
                        return True
            continue
        if nb is _NO_PHRASE:
            continue
        i = words.index(form)
        if nb is None or (
            (after := words[i + 1] if i < last else "") in nb.after_any
            or (before := words[i - 1] if i else "") in nb.before_any
            or after in nb.after.get(before, _EMPTY)
        ):
            if _phrase_fits(words, i, form):
                gated.append(form)
                continue
        # (the text's count bounds the words': a cheaper look first)
        if text.count(form) > 1 and words.count(form) > 1 and _fits_later(words, form, i, nb):
            gated.append(form)
    if (
        not gated
        and not (
            (closers & _BASED or ("-" in text and _glued_based(text)))
            and _may_close_a_city(text, "based")
        )
        and (
            not closers & _HERE
            or not _city_before_here(words, cues)
            or not _may_close_a_city(text, "here")
        )
    ):
        return False
    if not may_mention_city(text):
        return False
    low = _cleaned(text)
    if gated and _may_have_cue_phrase(low, flat or _flatten(words), cues, gated):
        return True
    return _may_end_with_cue(low, cues)


def _fits_later(words: list[str], form: str, i: int, nb: _Neighbours | None) -> bool:
    """Does ``form``, somewhere after words[i], stand among the words of one of its
    phrases?"""
    for k in range(i + 1, len(words)):
        if words[k] != form:
            continue
        before = words[k - 1]
        after = words[k + 1] if k + 1 < len(words) else ""
        if (
            nb is None
            or after in nb.after_any
            or before in nb.before_any
            or after in nb.after.get(before, _EMPTY)
        ) and _phrase_fits(words, k, form):
            return True
    return False


def _norm(word: str) -> str:
    return word.lower().replace("’", "'")


def _phrase_fits(words: list[str], i: int, form: str) -> bool:
    """Can the words around words[i], the cue word ``form``, be those of one of its
    phrases (and, where the phrase ends, the start of a city's name)? The words before it
    and those after it are matched apart: looser, but small."""
    tries = _TRIES.get(_CUE_OF[form])
    if tries is None or not form[-1].isalpha():
        return False  # a mark after the cue word: no phrase goes on from there
    node = tries[0]
    if form[0] in _MARKS_BEFORE:  # "(we": the first word of its phrase
        if _DONE not in node:
            return False
    else:
        j = i - 1
        while _DONE not in node:
            if j < 0:
                return False
            word = _norm(words[j])
            child = node.get(word)
            if child is None:  # the phrase's first word may carry an opening mark
                child = node.get(word.lstrip(_MARKS_BEFORE))
                if child is None or _DONE not in child:
                    return False
            node = child
            j -= 1
    node = tries[1]
    j = i + 1
    n = len(words)
    while True:
        if _DONE in node:
            return True
        if j >= n:
            return False
        word = _norm(words[j])
        if _CITY in node and _city_starts(words, j, word):
            return True
        child = node.get(word)
        if child is None:
            return False
        node = child
        j += 1


def _city_starts(words: list[str], j: int, first: str) -> bool:
    """Does a city's name start at words[j] (``first``, normalised), or after "the" and an
    adjective there?"""
    if first != "the" and first not in _BETWEEN_FIRST:  # most words
        return _city_head_at(words, j, first)
    window = [first, *(_norm(w) for w in words[j + 1 : j + _BETWEEN_MAX + 2])]
    starts = [0, 1] if first == "the" else [0]
    for k in tuple(starts):
        for seq in _BETWEEN_BY_FIRST.get(window[k] if k < len(window) else "", ()):
            if tuple(window[k : k + len(seq)]) == seq:
                starts.append(k + len(seq))
    return any(_city_head_at(words, j + k, window[k] if k < len(window) else "") for k in starts)


def _city_head_at(words: list[str], k: int, norm: str) -> bool:
    """Do the words from words[k] (``norm``: it normalised) begin a city's name (its first
    two words)?"""
    if norm.isalpha():  # most words: a word run of its own
        if not _is_city_start(norm):
            return False
    elif k >= len(words) or (m := _LETTERS.match(words[k])) is None:
        return False
    elif not _is_city_start(m.group().lower()):
        return False
    low = " ".join(words[k : k + 3]).lower()
    first = _LETTERS.match(low)
    return first is not None and _begins_a_city(low, first)


def _begins_a_city(low: str, first: re.Match[str]) -> bool:
    """Does a city's name begin with the word run ``first`` of the lower-case ``low`` and
    the run after it (its second word, as ``find_places`` cuts them)?"""
    after = _LETTERS.search(low, first.end())
    return _is_city_head(first.group(), after.group() if after is not None else "")


def _city_before_here(words: list[str], cues: frozenset[str]) -> bool:
    """In "Denver here" (or "Portland , new hampshire here") the city's last word is in
    one of the four words before "here": is a city's name ending there?"""
    last_words = city_name_last_words()
    for form in cues:
        if form not in _HERE_FORMS:
            continue
        k = -1
        for _ in range(words.count(form)):
            k = words.index(form, k + 1)
            # (one word more: the word run before the first may begin the name)
            low = " ".join(words[max(0, k - 5) : k]).lower()
            runs = _LETTERS.findall(low)
            if not low.isascii():
                runs = [fold(run) for run in runs]
            before = ""
            for run in runs:
                if run in last_words and _is_city_tail(before, run):
                    return True
                before = run
    return False


def _is_city_tail(before: str, last: str) -> bool:
    """Can a city's name end with the (folded, lower-case) words ``before`` ``last``?"""
    tails = city_name_tails()
    return last in tails or f"{before} {last}" in tails


def _cleaned(text: str) -> str:
    """The text as ``read`` searches it: cleaned, lower case, straight apostrophes."""
    return clean(text[:20_000].lower().replace("’", "'"))  # read looks no further


def _glued_based(text: str) -> bool:
    """ "Portland-based" is the one cue glued to another word (by "-", as BASED_AFTER
    reads it; "Portland based" has the word itself)."""
    return "-based" in text or "-Based" in text or "-BASED" in text


def _flatten(words: list[str]) -> str:
    """The raw text, lower case, whitespace runs as single spaces. Cleaning only masks text
    (it never joins words), so every string a cue phrase needs in the cleaned text is in
    here too."""
    return " ".join(words).lower().replace("’", "'")


def _has_any(text: str, needles: tuple[str, ...]) -> bool:
    for needle in needles:
        if needle in text:
            return True
    return False


def _may_match(flat: str, scan: _IntentScan) -> bool:
    """Could ``read`` find this meetup intent? It searches cleaned sentences; INTENT's open
    stretches never cross masked text, so a match there is a match in ``flat`` too."""
    for must in scan.musts:
        if not _has_any(flat, must):
            return False
    return scan.search(flat) is not None


def _may_end_with_cue(low: str, cues: frozenset[str]) -> bool:
    """ "Portland-based", "Denver here!" in the cleaned, lower-case text."""
    if "based" in low and _may_follow_a_city(low, "based"):
        return True
    return not _HERE_FORMS.isdisjoint(cues) and _may_follow_a_city(low, "here")


def _may_have_cue_phrase(low: str, flat: str, cues: frozenset[str], gated: list[str]) -> bool:
    """Could a cue phrase match in the cleaned, lower-case text ``low``? ``flat`` is the raw
    lower-case text with whitespace runs as single spaces, and ``gated`` the spellings among
    ``cues`` with a needed neighbour in it."""
    scans: set[_Scan] = set()
    for form in gated:
        for scan, needs in _ROUTES[form]:
            if (
                scan not in scans
                and all(not g.isdisjoint(cues) for g in scan.groups)
                and _has_any(flat, needs)
                and _has_any(flat, scan.needs)
            ):
                scans.add(scan)
    if not scans:
        return False
    # ``read`` looks for the cue in the 80 characters before a city (an adjective or "the"
    # may stand between), so the cue must end where a city's name may start.
    starts = [
        m.start()
        for m in _LETTERS.finditer(low)
        if _is_city_start(m.group()) and _begins_a_city(low, m)
    ]
    return any(scan.ends(low, max(0, c - 80), c) for c in starts for scan in scans)


_LETTERS = re.compile(r"[^\W\d_]+")  # how ``find_places`` cuts words


def _is_city_start(word: str) -> bool:
    return (word if word.isascii() else fold(word)) in city_name_first_words()


def _is_city_head(first: str, second: str) -> bool:
    """Can a city's name start with the (lower-case) words ``first`` and ``second``?"""
    if not first.isascii():
        first = fold(first)
    heads = city_name_heads()
    if first in heads:
        return True
    if not second.isascii():
        second = fold(second)
    return f"{first} {second}" in heads


def _sentence_end(low: str, i: int) -> int:
    """End of the sentence (``statements._SENTENCE``) of ``low`` that holds position i."""
    n = len(low)
    while i < n and low[i] not in ".!?;\n":
        i += 1
    while i < n and low[i] in ".!?;":
        i += 1
    return i


_WORD_CHAR = re.compile(r"\w")
_SENTENCE_END = re.compile(r"[.!?;\n]")
# Marks of what ``clean`` masks inside one whitespace-split word (URLs, domains, mentions);
# quotes and code ('"', "“", "`") it may mask across words.
_WORD_MASKS = ("@", "#", "://", "www.", *(f".{d}" for d in "com org net io dev app".split()))


def _may_close_a_city(text: str, word: str) -> bool:
    """Could ``word`` ("here", "based") follow a city as BASED_AFTER reads it ("Denver
    here!", "Denver-based")? A cheap look at the raw text: the word stands apart, after a
    word that ends a city's name (and a qualifier: "Austin, TX here"), and after "here"
    comes a mark or nothing a cleaned text would keep. Cleaning only masks whole words, so the raw
    text has every word, and every stretch between words, that the cleaned one has."""
    low = text.lower()
    n = len(word)
    start = _HERE_START if word == "here" else _BASED_START
    last_words = city_name_last_words()
    k = low.find(word)
    while k >= 0:
        before = low[k - 1 : k]
        after = low[k + n : k + n + 1]
        if before and not (before.isalnum() or before == "_" or after.isalnum() or after == "_"):
            s = max(0, k - 80)  # (the word run before the first one that may end a city)
            while s > 0 and low[s - 1].isalpha():
                s -= 1
            run_before = ""
            for m in _LETTERS.finditer(low, s, k):
                e = m.end()  # where a city may end: "read" tests the 40 characters after it
                name_end = m.group()
                if not name_end.isascii():
                    name_end = fold(name_end)
                if (
                    e >= k + n - 40
                    and not (low[e : e + 1].isalnum() or low[e : e + 1] == "_")
                    and name_end in last_words
                    and _is_city_tail(run_before, name_end)
                    # ``read`` tests the 40 characters after the city: what follows "here"
                    # there (none at all when the 40 end with it)
                    and (word != "here" or _here_may_end(low, k + n, e + 40))
                    and start.match(QUALIFIER.sub("", low[e : e + 40], count=1))
                ):
                    return True
                run_before = name_end
        k = low.find(word, k + n)
    return False


_HERE_START = re.compile(r"\s*here\b")
_BASED_START = re.compile(r"\s*-?\s*based\b")


def _here_may_end(low: str, start: int, stop: int) -> bool:
    """After "Denver here" ``read`` wants, in the cleaned text up to the end of the sentence
    or 40 characters after the city, a mark right after "here" (cleaning masks with one), or
    nothing but non-word characters. In the raw text: a mark, a word ``clean`` may mask (a
    URL, a mention), quotes or code, or no word at all."""
    rest = low[start:stop]
    end = _SENTENCE_END.search(rest)
    if end is not None:
        rest = rest[: end.start()]
    words = rest.split()
    if not words:
        return True
    first = words[0][0]
    if not (first.isalnum() or first == "_" or first in "'’"):
        return True  # "Denver here, anyone?", "Seattle here 👋 ..."
    if '"' in rest or "“" in rest or "`" in rest or any(m in words[0] for m in _WORD_MASKS):
        return True  # masked in the cleaned text: a mark there
    for w in words:
        if _WORD_CHAR.search(w) is not None and not any(m in w for m in _WORD_MASKS):
            return False
    return True


def _may_follow_a_city(low: str, word: str) -> bool:
    """Could BASED_AFTER read ``word`` ("here", "based") after a city ("Denver here!",
    "Denver-based")? ``read`` tests the 40 characters after the city, up to the end of its
    sentence. Every place a city can end (after a letter, before no letter, digit or "_") in
    the 40 characters before the word is tried the same way."""
    k = low.find(word)
    while k >= 0:
        for e in range(max(1, k - 40), k + 1):
            if not low[e - 1].isalpha() or (e < len(low) and (low[e].isalnum() or low[e] == "_")):
                continue
            b = e - 1
            while b > 0 and low[b - 1].isalpha():
                b -= 1
            name_end = low[b:e]
            if (name_end if name_end.isascii() else fold(name_end)) not in city_name_last_words():
                continue  # no city name ends with this word
            window = low[e : min(e + 40, _sentence_end(low, e))]
            if BASED_AFTER.match(QUALIFIER.sub("", window, count=1)):
                return True
        k = low.find(word, k + 1)
    return False
