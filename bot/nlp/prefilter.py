"""The watcher's pre-filter: ``might_matter(text)`` is False only when ``statements.read``
surely finds nothing in ``text``. Most chat says nothing about places or meetups, so this
runs on every message and must cost about as little as splitting it into words.

How it stays sound (``read`` finds a home or trip only where a cue of ``cues.HOME_CUES`` /
``cues.TRIP_CUES`` ends the clause right before a city, or "based"/"here" follows one):

1. Every phrase those cue patterns can spell contains a cue word (``cues.CUE_WORDS``) as a
   word; ``uncovered_phrases()`` lists any that does not, and a test keeps it empty. So a
   message none of whose whitespace-split words is a cue word (in one of its usual
   spellings: "I'm", "Coffee?", "(home") is dropped at once.
2. Words that are cue words only beside a partner ("are" in "we are") need that pair.
3. The message must name something that may be a place (``places.may_mention_place``).
4. The clause is a piece of the cleaned, lower-case message that starts at a word start,
   so a cue alternative that matches it, without its ^/$ anchors, matches the whole message
   too. Each alternative is searched only where the message has one of the cue words it
   can spell (its *route*) with a neighbour it needs (a fast ``in``).
"""

from __future__ import annotations

import re
import re._constants as _sre  # the parsed form of the cue patterns
import re._parser as _sre_parse
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from bot.nlp.cues import (
    BASED_AFTER,
    CUE_WORDS,
    HOME_CUES,
    INTENT,
    INTENT_WORDS,
    QUALIFIER,
    TRIP_CUES,
    clean,
)
from bot.nlp.places import city_name_last_words, fold, may_mention_place

__all__ = ["might_matter", "spelled_phrases", "uncovered_phrases"]

# Spellings a cue word has among whitespace-split chat words: case, curly apostrophes,
# markdown or brackets around it, punctuation after it.
_BEFORE = ("", "(", "*", "**", "_", '"', "“")
_AFTER = ("", "?", "!", ".", ",", ":", ";", ")", "*", "**", "_", '"', "”", "!!", "...", "?!")


def _forms(words: Iterable[str]) -> dict[str, str]:
    """Each spelling -> its cue word."""
    out: dict[str, str] = {}
    for w in words:
        for cased in {w, w.capitalize(), w.upper()}:
            for apos in {cased, cased.replace("'", "’")}:
                for b in _BEFORE:
                    for a in _AFTER:
                        out[b + apos + a] = w
    return out


_CUE_OF = _forms(CUE_WORDS | INTENT_WORDS)
_ANY_FORMS = frozenset(_CUE_OF)
_INTENT_FORMS = frozenset(f for f, w in _CUE_OF.items() if w in INTENT_WORDS)


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


def _required(items: Any) -> list[str] | None:
    """Strings of which every match of a parsed pattern contains one (None: unknown)."""
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


_OPEN = "\x00"  # a stretch the pattern leaves open ([\w'-]+ and the like): never a cue word
_GAP = "\x01"  # whitespace as \s (any amount, once cleaned); a literal "\ " stays " "
_SPACE = [(_sre.CATEGORY, _sre.CATEGORY_SPACE)]
_MAX_PHRASES = 100_000


def _phrases(items: Any) -> set[str]:
    """Every phrase a parsed pattern can spell, with each repeat taken at most once, open
    stretches as _OPEN and \\s as _GAP. Enough to know which words its matches must
    contain, and their literal neighbours: more repeats only add words."""
    out = {""}
    for op, av in items:
        if op is _sre.LITERAL:
            parts = {chr(av)}
        elif op is _sre.AT:
            parts = {""}
        elif op is _sre.SUBPATTERN:
            parts = _phrases(av[3])
        elif op is _sre.BRANCH:
            parts = set().union(*(_phrases(b) for b in av[1]))
        elif (op is _sre.IN and av == _SPACE) or (op is _sre.CATEGORY and av is _SPACE[0][1]):
            parts = {_GAP}
        elif op in (_sre.IN, _sre.ANY, _sre.NOT_LITERAL, _sre.CATEGORY):
            parts = {_OPEN}
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
            lo, _hi, sub = av
            if lo == 0 and list(sub) == [(_sre.IN, _SPACE)]:
                raise ValueError("a cue pattern glues words with \\s*: use (?:\\s+...)?")
            parts = _phrases(sub) | ({""} if lo == 0 else set())
        else:
            raise ValueError(f"cue pattern too complex for the pre-filter: {op}")
        out = {a + b for a in out for b in parts}
        if len(out) > _MAX_PHRASES:
            raise ValueError("cue pattern spells too many phrases for the pre-filter")
    return out


_TOKEN = re.compile(f"[^ {_GAP}]+")


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


def _word_groups(parsed: Any) -> tuple[frozenset[str], ...]:
    """Sets of cue words of which every match holds one word each: one set per stretch of
    the pattern between top-level spaces that always spells a cue word ("i'm|i am|we're"
    and "heading|flying" in "{subject} heading to"). A word never spans a space, so the
    stretch's words are whole words of the match."""
    groups: list[frozenset[str]] = []
    stretch: list[Any] = []
    for op, av in [*parsed, (None, None)]:
        if op is not None and not _is_gap(op, av):
            stretch.append((op, av))
            continue
        if stretch:
            words = [_cue_words_in(p) for p in _phrases(stretch)]
            if all(words):
                groups.append(frozenset().union(*words))
            stretch = []
    return tuple(groups)


@dataclass(frozen=True, slots=True, eq=False)
class _Scan:
    """One loosened cue alternative, searched where it can match."""

    search: Any  # re.Pattern.search
    needs: tuple[str, ...]  # one of these is in every match, even before cleaning
    word_needs: dict[str, tuple[str, ...]]  # cue word -> what a match with it contains
    groups: tuple[frozenset[str], ...]  # spellings: a match has one of each group


def _scan(loosened: str) -> _Scan:
    rx = re.compile(loosened, re.VERBOSE)
    parsed = _sre_parse.parse(rx.pattern, rx.flags)
    need = _required(parsed) or [""]
    word_needs = _word_needs(_phrases(parsed))
    groups = tuple(
        frozenset(f for f, w in _CUE_OF.items() if w in g) for g in _word_groups(parsed)
    )
    return _Scan(
        rx.search,
        tuple({s.strip() for s in need}),
        {w: tuple(sorted(n)) for w, n in word_needs.items()},
        groups,
    )


_ALTERNATIVES = tuple(
    _loosen(alt) for rx in (HOME_CUES, TRIP_CUES) for alt in _top_level_alternatives(rx.pattern)
)
_SCANS = tuple(_scan(alt) for alt in _ALTERNATIVES)


def _all_phrases() -> list[str]:
    return sorted(
        {p for alt in _ALTERNATIVES for p in _phrases(_sre_parse.parse(alt, re.VERBOSE))}
    )


def uncovered_phrases() -> list[str]:
    """Cue phrases that contain no cue word (the pre-filter would miss them): must be []."""
    return [p for p in _all_phrases() if not _cue_words_in(p)]


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
    return {form: tuple(by_word.get(w, ())) for form, w in _CUE_OF.items()}


_ROUTES = _routes()
# Per spelling, strings without any of which none of its routes can match: one quick look
# rejects most messages ("are" without "we are").
_GATES = {
    form: tuple(sorted({n for _, needs in routes for n in needs}))
    for form, routes in _ROUTES.items()
}
_HERE_FORMS = frozenset(f for f, w in _CUE_OF.items() if w == "here")
# Common words that are cue words only next to a partner word ("we are", "hi from", "my
# place is in"): a message whose only cue words are these needs a partner next to one, in
# its raw text (a mention or code squeezed between the two would hide the pair).
_PARTNERED = frozenset(
    """are go work worked house place flat apartment call hi hey waving head land leave fly
    drive travel holiday vacation located residing touched""".split()
)
_PARTNERED_FORMS = frozenset(f for f, w in _CUE_OF.items() if w in _PARTNERED)


# ---------------------------------------------------------------------------------------
# The check


def might_matter(text: str) -> bool:
    """Cheap check: False means ``statements.read`` surely returns nothing for this text."""
    if not text:
        return False
    words = text.split()
    if _ANY_FORMS.isdisjoint(words):  # most messages: no set is built
        # "Portland-based" is the one cue glued to another word
        if "ased" not in text and "ASED" not in text:
            return False
        if "based" not in text and "Based" not in text and "BASED" not in text:
            return False
        return may_mention_place(text)
    cues = _ANY_FORMS.intersection(words)
    low = text[:20_000].lower().replace("’", "'")  # read looks no further
    if not _INTENT_FORMS.isdisjoint(cues) and INTENT.search(low):
        return True
    if cues <= _PARTNERED_FORMS and not any(g in low for f in cues for g in _GATES[f]):
        return False  # "are" without "we are", "hi" without "hi from"
    return may_mention_place(text) and _may_have_cue_phrase(low, cues)


def _may_have_cue_phrase(low: str, cues: frozenset[str]) -> bool:
    """False means ``read`` surely finds no home or trip statement in the lower-case text
    ``low`` (straight apostrophes)."""
    low = clean(low)
    flat = " ".join(low.split())  # every needed string is in here, whitespace flattened
    scans: set[_Scan] = set()
    for form in cues:
        for gate in _GATES[form]:
            if gate in flat:
                break
        else:
            continue
        for scan, needs in _ROUTES[form]:
            if (
                scan not in scans
                and all(not g.isdisjoint(cues) for g in scan.groups)
                and any(s in flat for s in needs)
                and any(s in flat for s in scan.needs)
            ):
                scans.add(scan)
    if "based" in low or (not _HERE_FORMS.isdisjoint(cues) and _here_may_end(low)):
        return True  # "Portland-based", "Denver here"
    return any(scan.search(low) is not None for scan in scans)


def _sentence_end(low: str, i: int) -> int:
    """End of the sentence (``statements._SENTENCE``) of ``low`` that holds position i."""
    n = len(low)
    while i < n and low[i] not in ".!?;\n":
        i += 1
    while i < n and low[i] in ".!?;":
        i += 1
    return i


def _here_may_end(low: str) -> bool:
    """Could BASED_AFTER read "here" after a city ("Denver here!")? ``read`` tests the 40
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
            if BASED_AFTER.match(QUALIFIER.sub("", window, count=1)):
                return True
        k = low.find("here", k + 1)
    return False
