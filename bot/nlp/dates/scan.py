"""Finding expressions in a message: the pre-filter, windows around numbers and time words,
the work bounds (issue 13), and the public entry points."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta
from itertools import pairwise

from dateutil.parser import isoparse

from bot.nlp.dates.compose import compose_pair, list_head, part_in_span, zone_after
from bot.nlp.dates.parser import Cursor, p_expr
from bot.nlp.dates.span_clock import span_with_clock
from bot.nlp.dates.tokens import Token, _tokenize
from bot.nlp.dates.values import Context, Interval, TimeMention
from bot.nlp.dates.vocabulary import (
    _ANCHORS,
    _MONTHS,
    _NO_TIME_PHRASES,
    _NO_TIME_WORDS,
    _PAIR_TRIGGERS,
    _PREFIX_WORDS,
    _TRIGGERS,
    _WEAK_TRIGGERS,
    _WEEKDAYS,
    EVENING_PHRASES,
    EVENING_WORDS,
    FIELD_LABELS,
    LOWER_CASE_MONTH_CUES,
    NUMBER_IDIOMS,
    WHEN_TAGS,
)

# A digit that starts a word (not "@user2", "abc123" or ".../t.co/9x").
_DIGIT = re.compile(r"(?:^|(?<=[\s(\[{,;~'\"<]))\d")


def _prefilter(text: str) -> bool:
    """False when the text surely has no time expression (cheap)."""
    if _DIGIT.search(text) is not None:
        return True
    low = text.lower()
    words = _WORD_SPLIT.findall(low)
    if not _TRIGGERS.isdisjoint(words):
        return True
    weak = _WEAK_TRIGGERS.intersection(words)
    if weak and any((" " + w.capitalize()) in text or w.upper() in text for w in weak):
        return True
    if "may" in weak and any(f"{cue} may" in low for cue in LOWER_CASE_MONTH_CUES):
        return True  # "in may", "until may": the month in lower case
    if weak and _LED_WEEKDAY.search(low) is not None:
        return True  # "next thurs", "till fri", "thurs-sat" in lower case
    if _PAIR_TRIGGERS.isdisjoint(words):
        return False
    return len(_PAIR_TRIGGERS.intersection(words)) >= 2


_WORD_SPLIT = re.compile(r"[a-z]+(?:'[a-z]+)?")
# A weekday's short form that a date word leads, or a range of them: a day in any case.
_SHORT_DAY = r"(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)"
_LED_WEEKDAY = re.compile(
    rf"\b(?:next|till|til|until|thru|through|from|by)\s+{_SHORT_DAY}\b"
    r"|\b(?:on|this)\s+(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat)\b"
    rf"|\b{_SHORT_DAY}\s*[-–—]\s*{_SHORT_DAY}\b"
)
_LOOKBEHIND = 4
# URLs and snake_case words are not chat (group 1 is blanked). Anchored at the start of a
# whitespace-free run, so each run is read a bounded number of times: the former pattern,
# "\S+\.com/" searched at every position, backtracked quadratically on a long run
# ("1/1/1/...": seconds at 20 KB).
_URLISH_RE = re.compile(
    r"(?<!\S)(?:(?=\S+?\.(?:com|org|net|io|co)/|\S*?_\S*?_)|\S*?(?=(?:https?://|www\.)\S))(\S*)"
)
# Bounds on the work one message costs, whatever its shape (issue 13: "1/" * 10,000 took
# seconds). Each stage is linear in what it reads and stops at its cap: characters read,
# numbers and time words looked around, tokens made, expression starts tried.
MAX_LEN = 20_000
MAX_ANCHORS = 600  # numbers and time words whose neighbourhood is tokenized
MAX_TOKENS = 1_200
MAX_ATTEMPTS = 200  # expression starts tried per message (a chat message has a few)


@dataclass(slots=True)
class Work:
    """What reading one message cost (for the work-bound tests and the benchmark)."""

    chars: int = 0  # characters handed to the tokenizer
    anchors: int = 0  # numbers and time words found by the anchor scan
    tokens: int = 0
    attempts: int = 0  # expression starts tried
    rule_calls: int = 0  # grammar rules applied at a position (memo misses)


def _trie_regex(words: list[str]) -> str:
    """One regex alternation shaped as a trie (fast to scan with ``re``)."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:  # type: ignore[type-arg]
        alts = []
        end = "" in node
        for ch in sorted(k for k in node if k):
            alts.append(re.escape(ch) + build(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if end else body

    return build(trie)


@functools.cache
def _anchor_scan() -> re.Pattern[str]:
    """Numbers and time words (compiled on first use: a long trie-shaped pattern)."""
    words = sorted(w for w in _ANCHORS if w.isalpha() or "'" in w)
    return re.compile(r"\d|\b" + _trie_regex(words) + r"\b", re.IGNORECASE)


_WINDOW_BEFORE = 48
_WINDOW_AFTER = 96
_WORD_REACH = 32  # a window grows to whole words, by at most this many characters


def _grow_left(text: str, a: int) -> int:
    stop = max(0, a - _WORD_REACH)
    while a > stop and not text[a - 1].isspace():
        a -= 1
    return a


def _grow_right(text: str, b: int) -> int:
    stop = min(len(text), b + _WORD_REACH)
    while b < stop and not text[b].isspace():
        b += 1
    return b


def _windows(text: str, work: Work) -> list[tuple[int, int]]:
    """Spans around the first ``MAX_ANCHORS`` numbers and time words, merged where they
    meet. Constant work per anchor: windows are grown to whole words only at the edges of
    merged spans, not once per anchor (a wall of digits has an anchor per character)."""
    n = len(text)
    spans: list[tuple[int, int]] = []
    cur_a = cur_b = -1  # the open span, raw (not yet grown to whole words)
    for m in _anchor_scan().finditer(text):
        work.anchors += 1
        if work.anchors > MAX_ANCHORS:
            break
        a = max(0, m.start() - _WINDOW_BEFORE)
        b = min(n, m.end() + _WINDOW_AFTER)
        if cur_b >= 0 and a <= cur_b:
            cur_b = max(cur_b, b)
            continue
        if cur_b >= 0:
            ga, gb = _grow_left(text, a), _grow_right(text, cur_b)
            if ga <= gb:  # whole words make them touch
                cur_b = max(gb, b)
                continue
            spans.append((cur_a, gb))
        cur_a, cur_b = _grow_left(text, a), b
    if cur_b >= 0:
        spans.append((cur_a, _grow_right(text, cur_b)))
    return spans


def _tokenize_windows(text: str, work: Work) -> list[Token]:
    """Tokens only around numbers and time words; windows are kept apart by a barrier.
    At most ``MAX_TOKENS`` tokens."""
    if len(text) <= 2 * (_WINDOW_BEFORE + _WINDOW_AFTER):
        work.chars += len(text)
        return _tokenize(text, MAX_TOKENS)
    out: list[Token] = []
    for a, b in _windows(text, work):
        if len(out) >= MAX_TOKENS:
            break
        if out:
            out.append(Token("\n", a, a, "p", False, None, False))
        work.chars += b - a
        for t in _tokenize(text[a:b], MAX_TOKENS - len(out)):
            t.start += a
            t.end += a
            out.append(t)
    return out


def _blank_urls(text: str) -> str:
    """``text`` with URLs and snake_case words blanked (offsets kept); linear in its length."""
    return _URLISH_RE.sub(lambda m: m.group()[: m.start(1) - m.start()] + " " * len(m[1]), text)


def _run(
    text: str,
    now: datetime,
    meetup: bool,
    allow_latent: bool,
    work: Work | None = None,
    evening: bool = False,
) -> list[TimeMention]:
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    if work is None:
        work = Work()
    clipped = text[:MAX_LEN]
    if "/" in clipped or "_" in clipped or "www." in clipped:
        clipped = _blank_urls(clipped)
    toks = _tokenize_windows(clipped, work)
    work.tokens = len(toks)
    return _parse_all(text, toks, Context(now, meetup, evening), allow_latent, work)


def _starts(toks: list[Token]) -> set[int]:
    """Where expressions may start: at a number or a time word, or a few prefix words
    ("at", "next", "the"...) before one."""
    starts: set[int] = set()
    for k, tk in enumerate(toks):
        if tk.kind == "n" or tk.s in _ANCHORS:
            starts.add(k)
            for b in range(k - 1, max(-1, k - 1 - _LOOKBEHIND), -1):
                if toks[b].s in _PREFIX_WORDS:
                    starts.add(b)
                elif toks[b].s == "-" and b > 0 and toks[b - 1].s in _PREFIX_WORDS:
                    continue  # "after-school", "post-work"
                elif toks[b].kind != "n" and toks[b].s not in _ANCHORS:
                    break
    return starts


# Connectors left out of a mention's text when they open it ("at 7pm" -> "7pm")...
_LEADING_CONNECTORS = frozenset(
    [
        "at",
        "on",
        "@",
        "for",
        "by",
        "in",
        "of",
        ",",
        "from",
        "around",
        "about",
        "between",
        "approximately",
        "during",
        "this",
    ]
)
# ...and when they close it ("friday at" -> "friday").
_TRAILING_CONNECTORS = frozenset([",", "at", "on", "-", "the"])
_PART_WORDS_AFTER_IN = frozenset(
    ["morning", "afternoon", "evening", "day", "week", "end", "beginning"]
)
_AMOUNTS_AFTER_IN = frozenset(["a", "an", "half", "few", "couple"])


def _keeps_leading(toks: list[Token], s_i: int, e_i: int) -> bool:
    """A leading connector that belongs to the mention: "this friday", "in the morning"
    (via "in" + part word), "in 2 days", "in a week"."""
    if s_i + 1 >= e_i:
        return False
    word, nxt = toks[s_i].s, toks[s_i + 1]
    if word == "this":
        return True
    if word == "in" and nxt.s in _PART_WORDS_AFTER_IN:
        return True
    return word == "in" and (nxt.num is not None or nxt.s in _AMOUNTS_AFTER_IN)


def _trim(toks: list[Token], s_i: int, e_i: int) -> tuple[int, int]:
    """The token span of a mention without the connectors around it."""
    while s_i < e_i and toks[s_i].s in _LEADING_CONNECTORS and not _keeps_leading(toks, s_i, e_i):
        s_i += 1
    while e_i > s_i and toks[e_i - 1].s in _TRAILING_CONNECTORS:
        e_i -= 1
    return s_i, e_i


def _read_at(p: Cursor, i: int) -> tuple[Interval, int, int] | None:
    """The expression starting at token i (a rule's arithmetic error reads as nothing)."""
    try:
        return p_expr(p, i)
    except (ValueError, OverflowError, KeyError, IndexError):
        return None


def _mention(text: str, toks: list[Token], v: Interval, s_i: int, e_i: int) -> TimeMention:
    if v.end is not None and v.end <= v.start:
        v = Interval(v.start, None, v.grain)  # never an empty interval
    start_c = toks[s_i].start
    end_c = toks[e_i - 1].end
    return TimeMention(text[start_c:end_c], start_c, end_c, v.start, v.end, v.grain)


def _parse_all(
    text: str, toks: list[Token], ctx: Context, allow_latent: bool, work: Work
) -> list[TimeMention]:
    """Every expression in ``toks``, left to right, at most ``MAX_ATTEMPTS`` starts tried."""
    p = Cursor(text, toks, ctx)
    p.allow_latent = allow_latent
    out: list[TimeMention] = []
    starts = _starts(toks)
    i = 0
    while i < len(toks):
        tok = toks[i]
        if i not in starts or (tok.kind == "p" and tok.s != "@"):
            i += 1
            continue
        if work.attempts >= MAX_ATTEMPTS:
            break  # a wall of numbers: stop rather than parse forever
        work.attempts += 1
        r = _read_at(p, i)
        work.rule_calls = p.rule_calls
        if r is None:
            i += 1
            continue
        v, s_i, e_i = r
        s_i, e_i = _trim(toks, s_i, e_i)
        if e_i <= s_i:
            i += 1
        elif v.latent and not allow_latent:
            i = e_i
        else:
            out.append(_mention(text, toks, v, s_i, e_i))
            i = e_i
    return out


def find_times(text: str, *, now: datetime) -> list[TimeMention]:
    """Time expressions in chat text, left to right, without overlaps."""
    if not text or not _prefilter(text):
        return []
    return restated(text, _run(text, now, meetup=False, allow_latent=False))


_APPOSITION = re.compile(r"^\s*[,(:-]?\s*$")


def restated(text: str, found: list[TimeMention]) -> list[TimeMention]:
    """Without a day that the span of days right after it restates: the span says which
    days are meant ("for Hogmanay, 29th Dec to 2nd Jan", "over Easter (3-6 April)").

    Examples: "for Christmas, 23rd Dec to 2nd Jan" -> only the span."""
    if len(found) < 2:
        return found
    out: list[TimeMention] = []
    for k, m in enumerate(found):
        nxt = found[k + 1] if k + 1 < len(found) else None
        if (
            nxt is not None
            and m.end is None
            and nxt.end is not None
            and nxt.grain == "day"
            and nxt.start <= m.start < nxt.end
            and _APPOSITION.match(text[m.end_index : nxt.start_index])
        ):
            continue
        out.append(m)
    return out


def find_times_work(text: str, *, now: datetime) -> tuple[list[TimeMention], Work]:
    """``find_times`` and what it cost (the work-bound tests and the benchmark read it)."""
    work = Work()
    if not text or not _prefilter(text):
        return [], work
    return restated(text, _run(text, now, meetup=False, allow_latent=False, work=work)), work


_EDGE_STRIP = " \t\r\n.,;:!?\"'()[]{}“”‘’"


def parse_when(text: str, *, now: datetime, meetup: bool = True) -> TimeMention | None:
    """The whole text as one time expression, or None."""
    return _parse_when(text, now, meetup, meetup and names_an_evening(text))


# Markdown around a `when`: struck-out words (a correction: "~~thurs~~ fri"), emoji codes
# (":beers:") and underscores. (Platforms' own markup, such as Discord's timestamps, is the
# adapters' to read: docs/architecture.md.)
_STRUCK = re.compile(r"~~[^~]*~~")
_EMOJI_CODE = re.compile(r"(?<!\w):[a-z0-9_+-]+:(?!\w)")
# A field's name before a time pasted from an invite: "When: Fri 13 March, 7pm".
_FIELD_LABEL = re.compile(
    r"^\W*(?:" + "|".join(re.escape(w) for w in FIELD_LABELS) + r")\s*:\s*", re.IGNORECASE
)


def chat_markup(text: str) -> str:
    """The text without the Markdown around its words.

    Examples: "~~thurs~~ fri 7pm" -> "fri 7pm"; ":calendar: sun 11am" -> "sun 11am";
    "_next tues 6.30_" -> "next tues 6.30"; "When: Fri 13 March, 7pm" -> "Fri 13 March, 7pm"
    (a field's name pasted with the time)."""
    if not any(c in text for c in "~:_"):
        return text.strip(_EDGE_STRIP)
    text = _FIELD_LABEL.sub("", text)
    return _EMOJI_CODE.sub(" ", _STRUCK.sub(" ", text)).strip(_EDGE_STRIP + "_")


def _parse_when(text: str, now: datetime, meetup: bool, evening: bool) -> TimeMention | None:
    """`parse_when`, with whether the whole `when` names a night out (its pieces are read
    again on their own by ``compose``: "halloween, sat 9")."""
    if meetup:
        plain = chat_markup(text)
        if plain != text.strip(_EDGE_STRIP):
            inner = _parse_when(plain, now, meetup, evening) if plain else None
            return None if inner is None else replace(inner, start_index=0, end_index=len(text))
    s = text.strip(_EDGE_STRIP)
    if not s or len(s) > 200:
        return None
    offset = text.find(s)
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    if _ISO_RE.match(s):
        # "2026-03-12T19:00", "2026-03-12 19:00:00+01:00": dateutil's ISO parser
        try:
            dt = isoparse(s)
        except (ValueError, OverflowError):
            dt = None
        if dt is not None:
            dt = dt.replace(tzinfo=now.tzinfo) if dt.tzinfo is None else dt.astimezone(now.tzinfo)
            return TimeMention(s, offset, offset + len(s), dt, None, "minute")
    if meetup and (names_no_time(s) or s.lower() in NUMBER_IDIOMS):
        return None  # "asap" is now in chat, but no time for a meetup
    found = _run(s, now, meetup=meetup, allow_latent=True, evening=evening)
    m = _one_reading(s, found, now, meetup, evening)
    if m is None:
        return None
    return replace(m, start_index=m.start_index + offset, end_index=m.end_index + offset)


def _content_words(text: str, meetup: bool = False) -> list[str]:
    """The words of ``text`` that are not filler ("at", "the", "probably"...); in a meetup
    `when` chat's tags and the words of moving a meetup are filler too ("sat 2pm ok?",
    "push it to thurs")."""
    skip = _WHEN_FILLER if meetup else _FILLER
    words = re.findall(r"[\w']+", text.lower())
    if meetup:  # "sat, time tbc": the day is the reading, its hour to follow
        after = [*words[1:], ""]
        words = [w for k, w in enumerate(words) if not _hour_to_follow(w, after[k])]
    return [w for w in words if w not in skip]


def _hour_to_follow(word: str, after: str) -> bool:
    """ "time" before a hedge ("time tbc", "times tba"): the hour is to follow, the day
    beside it stands."""
    return word in ("time", "times") and after in _HEDGES


def names_an_evening(text: str) -> bool:
    """The text names a night out or a day that happens at night, so that a bare 8-11 in
    a meetup `when` is the evening.

    Examples: "NYE, 8ish", "new year's eve 9", "halloween party sat 9", "after-work drinks
    thurs 8ish", "pub quiz tues 8", "bonfire night 8"."""
    words = re.findall(r"[\w']+", text.lower())
    if any(w in EVENING_WORDS for w in words):
        return True
    return any(
        tuple(words[k : k + len(p)]) == p for p in EVENING_PHRASES for k in range(len(words))
    )


def _one_reading(
    s: str, found: list[TimeMention], now: datetime, meetup: bool, evening: bool = False
) -> TimeMention | None:
    """The one time the whole text names: one reading with only filler around it, or in
    a meetup `when` pieces that make one (``compose``)."""

    def reread(piece: str, at: datetime) -> TimeMention | None:
        return _parse_when(piece, at, meetup, evening)

    if meetup:
        window = part_in_span(s, now, reread)  # "one evening next week"
        if window is not None:
            return window
    if len(found) == 1:
        m = found[0]
        lead = _content_words(s[: m.start_index], meetup)
        if _content_words(s[m.end_index :], meetup):
            zone = zone_after(s[m.end_index :]) if meetup and not lead else None
            found_there = None if zone is None else reread(m.text, now.astimezone(zone))
            return None if found_there is None else replace(found_there, end_index=len(s))
        if not lead:
            return m
        if meetup and len(lead) == 1:  # "mon, tue or wed evening"
            return list_head(lead[0], m, now, reread)
        return None
    if not 2 <= len(found) <= 3 or not meetup:
        return None
    gaps = s[: found[0].start_index] + " " + s[found[-1].end_index :]
    gaps += " ".join(s[x.end_index : y.start_index] for x, y in pairwise(found))
    if _content_words(gaps, meetup):
        return None
    whole: TimeMention | None = found[0]
    for piece in found[1:]:  # "Saturday (14th) 2pm": the first two, then the third
        whole = None if whole is None else compose_pair(s, whole, piece, reread)
    return whole


def names_no_time(text: str) -> bool:
    """The text is only words that name no time ("whenever", "asap", "tbd", "some day"):
    a `when` made of them is refused with an example rather than read as now.

    Examples: "whenever", "ASAP!", "tbd", "sometime soon", "as soon as possible", "any time"."""
    words = re.findall(r"[a-z']+", text.lower())
    rest: list[str] = []
    k = 0
    while k < len(words):
        phrase = next((p for p in _NO_TIME_PHRASES if tuple(words[k : k + len(p)]) == p), None)
        if phrase is not None:
            rest.append("soon")
            k += len(phrase)
            continue
        rest.append(words[k])
        k += 1
    named = [w for w in rest if w not in _WHEN_FILLER or w in _NO_TIME_WORDS]
    return bool(named) and all(w in _NO_TIME_WORDS for w in named)


_ISO_RE = re.compile(
    r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$"
)

_HEDGES = frozenset({"tbd", "tbc", "tba"})
_FILLER = frozenset(
    {
        "at",
        "on",
        "the",
        "for",
        "from",
        "by",
        "around",
        "about",
        "in",
        "until",
        "till",
        "til",
        "through",
        "thru",
        "after",
        "since",
        "before",
        "anytime",
        "sometime",
        "sometimes",
        "during",
        "starting",
        "whenever",
        "approximately",
        "approx",
        "ish",
        "sharp",
        # hedges beside a time ("tbd next week", "probably friday"): the time is the reading
        *_HEDGES,
        "probably",
        "prob",
        "likely",
        "tentatively",
        "provisionally",
        "between",
        "over",
        # "either thurs or fri", "saturday ideally": the alternatives or the time are the reading
        "either",
        "preferably",
        "ideally",
        "start",  # "2pm start": the time given is the start
        "just",  # "just after lunch"
    }
)
_WHEN_FILLER = _FILLER | WHEN_TAGS  # a meetup `when`: chat tags and rescheduling words too


def suggest_times(partial: str, *, now: datetime, limit: int = 5) -> list[datetime]:
    """Autocomplete for a ``when`` option: instants the partial text could mean, best first.

    A day becomes its evening (19:00, then 18:00, then noon); a span of days offers the
    evenings of its days; a part of the day offers times inside it; a partial last word is
    completed ("tomor" -> tomorrow, "7:3" -> 7:30)."""
    s = partial.strip()
    if not s or limit <= 0 or len(s) > 200:
        return []
    found = _Suggestions(now, limit)
    m = parse_when(s, now=now, meetup=True)
    if m is not None:
        found.offer(m, True)
    low = s.lower()
    words = low.split()
    if words:
        _complete_last_word(found, low, words)
    return found.out[:limit]


class _Suggestions:
    """The instants offered so far, in order, without repeats or past ones."""

    def __init__(self, now: datetime, limit: int) -> None:
        self.now = now
        self.limit = limit
        self.out: list[datetime] = []

    def add(self, dt: datetime | None) -> None:
        if dt is not None and dt >= self.now - timedelta(minutes=1) and dt not in self.out:
            self.out.append(dt)

    def offer(self, m: TimeMention, full: bool) -> None:
        """A reading's instants: a day's evening (and 18:00, noon when ``full``); a span of
        days, its evenings; a part of the day, 19:00 (18:00, 20:00) or its start."""
        start = m.start
        if m.grain == "day" and m.end is None:
            for h in (19, 18, 12) if full else (19,):
                self.add(start.replace(hour=h, minute=0))
        elif m.end is not None and m.end - start >= timedelta(days=1):
            self._evenings(start, m.end)
        elif m.end is not None and m.end - start >= timedelta(hours=3):
            self._in_part(start, m.end)
        else:
            self.add(start)

    def _evenings(self, start: datetime, end: datetime) -> None:
        """A span of days (weekend, week, month): the evenings of its first days."""
        d = start.date()
        last = (end - timedelta(seconds=1)).date()
        while d <= last and len(self.out) < self.limit:
            t = datetime.combine(d, time(19, 0), tzinfo=start.tzinfo)
            if start <= t < end:
                self.add(t)
            d += timedelta(days=1)

    def _in_part(self, start: datetime, end: datetime) -> None:
        """A part of the day: 19:00 (then 18:00, 20:00) when it is in it, else its start."""
        d = start.date()
        seven = datetime.combine(d, time(19, 0), tzinfo=start.tzinfo)
        if not start <= seven < end:
            self.add(start)
            self.add(start + timedelta(hours=1))
            return
        for h in (19, 18, 20):
            t = datetime.combine(d, time(h, 0), tzinfo=start.tzinfo)
            if start <= t < end:
                self.add(t)


def _completions(last: str, head: str) -> list[str]:
    """Words the partial last word may be: weekdays, day words, months (after a word)."""
    out: list[str] = []
    for vocab in (
        [w for w in _WEEKDAYS if len(w) > 3 and not w.endswith("s")],
        ["tomorrow", "tonight", "today", "weekend", "evening", "afternoon", "lunch"],
        [w for w in _MONTHS if len(w) > 3] if head else [],
    ):
        out.extend(w for w in vocab if w.startswith(last) and w != last)
    return out


def _complete_last_word(found: _Suggestions, low: str, words: list[str]) -> None:
    """ "7:3" -> 7:30; "next fri" / "tomor" / "wedn" completed; "next fri 7" -> 7pm,
    7:30pm, 7am."""
    now = found.now
    last = words[-1]
    head = " ".join(words[:-1])
    if re.fullmatch(r"\d{1,2}:\d", last):
        m4 = parse_when(f"{low}0", now=now, meetup=True)
        if m4 is not None:
            found.offer(m4, False)
    for w in _completions(last, head)[:4]:
        m2 = parse_when(f"{head} {w}".strip(), now=now, meetup=True)
        if m2 is not None:
            found.offer(m2, False)
    if last.isdigit():
        for suffix in ("pm", ":30pm", "am"):
            m3 = parse_when(f"{low}{suffix}", now=now, meetup=True)
            if m3 is not None:
                found.add(m3.start)


def clock_on_span(text: str, *, now: datetime) -> tuple[TimeMention, TimeMention] | None:
    """A meetup `when` made of a span of days and a clock time that names no day ("late
    june 7pm"): the span and the time, else None (``span_clock``)."""
    return span_with_clock(text.strip(_EDGE_STRIP), now, lambda s, at: parse_when(s, now=at))
