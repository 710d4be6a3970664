"""Time expressions in English chat: "next fri 7pm", "March 3-5", "this weekend", "in 2 weeks".

A small hand-written grammar over tokens, on top of python-dateutil's ``relativedelta``.
Every value is resolved against ``now`` (an aware datetime in the community's zone) following
the project's conventions (issue 5):

* a bare weekday is the next one after today, never today; "next friday" is the Friday of
  next week (weeks start on Monday), "this friday" the one in the current week;
* "this weekend" is Friday 18:00 to Monday 00:00; evening/tonight 18-24, afternoon 12-19,
  morning 0-12, lunch 12-14, after work 17-21, night 18-24;
* a bare clock time is its next occurrence (today if still ahead); in a meetup ``when`` an
  hour 1-7 without am/pm is pm;
* "the 29th" skips months without one; a month and day without a year is the next occurrence;
* numeric a/b is month/day in US zones and day/month elsewhere (a first number over 12 forces
  day/month; dotted dates are always day.month);
* "X or Y" is X; a range starts at its first bound and ends, exclusive, at its stated end
  ("7-9pm" ends at 21:00; "March 3-5" ends at March 6 00:00);
* grain: minute when minutes are written, hour for whole hours and parts of day, day for
  dates and weekdays, then week, month, year.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import Literal

from dateutil.parser import isoparse
from dateutil.relativedelta import relativedelta

__all__ = ["Grain", "TimeMention", "find_times", "parse_when", "suggest_times", "uses_us_dates"]

Grain = Literal["minute", "hour", "day", "week", "month", "year"]


@dataclass(frozen=True, slots=True)
class TimeMention:
    text: str
    start_index: int
    end_index: int
    start: datetime
    end: datetime | None
    grain: Grain


# ---------------------------------------------------------------------------------------
# Vocabulary

_MONTHS: dict[str, int] = {}
for _i, _names in enumerate(
    [
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may",),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sep", "sept"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ],
    start=1,
):
    for _n in _names:
        _MONTHS[_n] = _i

_WEEKDAYS: dict[str, int] = {}
for _i, _names in enumerate(
    [
        ("monday", "mon", "mondays"),
        ("tuesday", "tue", "tues", "tuesdays"),
        ("wednesday", "wed", "weds", "wednesdays"),
        ("thursday", "thu", "thur", "thurs", "thursdays"),
        ("friday", "fri", "fridays"),
        ("saturday", "sat", "saturdays"),
        ("sunday", "sun", "sundays"),
    ]
):
    for _n in _names:
        _WEEKDAYS[_n] = _i

_NUMBERS: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
}
_ORDINALS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
}
_UNITS: dict[str, str] = {}
for _u, _names in {
    "second": ("second", "seconds", "sec", "secs", "s"),
    "minute": ("minute", "minutes", "min", "mins", "m"),
    "hour": ("hour", "hours", "hr", "hrs", "h"),
    "day": ("day", "days"),
    "week": ("week", "weeks", "wk", "wks"),
    "fortnight": ("fortnight", "fortnights"),
    "month": ("month", "months", "mo", "mos"),
    "quarter": ("quarter", "quarters", "qtr", "qtrs"),
    "year": ("year", "years", "yr", "yrs"),
}.items():
    for _n in _names:
        _UNITS[_n] = _u

# Parts of the day: (start hour, end hour) on the day, end may be 24.
_PARTS: dict[str, tuple[int, int]] = {
    "morning": (0, 12),
    "mornings": (0, 12),
    "afternoon": (12, 19),
    "afternoons": (12, 19),
    "evening": (18, 24),
    "evenings": (18, 24),
    "night": (18, 24),
    "nights": (18, 24),
    "lunch": (12, 14),
    "lunchtime": (12, 14),
    "noon": (12, 13),
    "brunch": (10, 14),
    "breakfast": (7, 10),
    "dinner": (18, 22),
    "supper": (18, 22),
}
_SEASONS = frozenset({"spring", "summer", "fall", "autumn", "winter", "season", "seasons"})
_DAY_WORDS = {
    "today": 0,
    "tonight": 0,
    "tonite": 0,
    "tomorrow": 1,
    "tmrw": 1,
    "tmr": 1,
    "tmw": 1,
    "tomorrows": 1,
    "tommorow": 1,
    "tomorow": 1,
    "2moro": 1,
    "yesterday": -1,
}

_TZ_OFFSETS: dict[str, float] = {
    "utc": 0,
    "gmt": 0,
    "z": 0,
    "bst": 1,
    "cet": 1,
    "cest": 2,
    "eet": 2,
    "eest": 3,
    "est": -5,
    "edt": -4,
    "cst": -6,
    "cdt": -5,
    "mst": -7,
    "mdt": -6,
    "pst": -8,
    "pdt": -7,
    "akst": -9,
    "hst": -10,
    "ist": 5.5,
    "jst": 9,
    "aest": 10,
    "aedt": 11,
    "msk": 3,
}

# Words that can start or sit inside a time expression; a message with none of these and no
# digit has no time in it (the fast path of find_times).
_TRIGGERS = frozenset(
    [
        *_MONTHS,
        *_WEEKDAYS,
        *_DAY_WORDS,
        *_PARTS,
        "now",
        "noon",
        "midday",
        "midnight",
        "week",
        "weekend",
        "weekends",
        "month",
        "year",
        "ago",
        "hence",
        "fortnight",
        "asap",
        "eod",
        "eom",
        "eoy",
        "bom",
        "atm",
        "quarter",
        "qtr",
        "weeknight",
        "weeknights",
        "oclock",
        "o'clock",
        "hours",
        "minutes",
        "days",
        "weeks",
        "months",
        "years",
        "hour",
        "minute",
        "day",
        "week-end",
        "ides",
        "wkend",
        "yr",
        "yrs",
        "tonite",
        "mins",
        "min",
        "hrs",
        "hr",
        "secs",
        "sec",
        "seconds",
    ]
) - {
    "may",
    "mar",
    "sat",
    "sun",
    "wed",
    "mon",
    "jan",
    "dec",
    "tue",
    "thu",
    "fri",
    "oct",
    "aug",
    "sep",
    "nov",
    "jun",
    "jul",
    "apr",
    "feb",
    "sept",
    "thur",
    "thurs",
    "tues",
    "weds",
    "lunch",
    "dinner",
    "breakfast",
    "brunch",
    "supper",
    "min",
    "sec",
}
# Short forms and words that are times only sometimes ("may", "sun", "lunch"): they pass
# the pre-filter when written with a capital inside a sentence, or with a number around.
_WEAK_TRIGGERS = frozenset(
    [
        "may",
        "mar",
        "sat",
        "sun",
        "wed",
        "mon",
        "jan",
        "feb",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "tue",
        "tues",
        "thu",
        "thur",
        "thurs",
        "fri",
        "weds",
        "boy",
    ]
)
# Meal words and clock words spelled out: they pass with a day word or another clock word.
_PAIR_TRIGGERS = frozenset(
    [
        "lunch",
        "dinner",
        "breakfast",
        "brunch",
        "supper",
        "am",
        "pm",
        "thirty",
        "fifteen",
        "forty",
        "fifty",
        "twenty",
        "half",
        "quarter",
        "past",
        *_NUMBERS,
    ]
)

# US time-zone keys: numeric dates there are month/day.
_US_ZONES = frozenset(
    """America/New_York America/Chicago America/Denver America/Los_Angeles America/Phoenix
    America/Anchorage America/Adak America/Boise America/Detroit America/Juneau
    America/Metlakatla America/Nome America/Sitka America/Yakutat America/Menominee
    America/Indiana/Indianapolis America/Indiana/Knox America/Indiana/Marengo
    America/Indiana/Petersburg America/Indiana/Tell_City America/Indiana/Vevay
    America/Indiana/Vincennes America/Indiana/Winamac America/Kentucky/Louisville
    America/Kentucky/Monticello America/North_Dakota/Beulah America/North_Dakota/Center
    America/North_Dakota/New_Salem America/Puerto_Rico America/Indianapolis
    America/Louisville America/Shiprock America/Fort_Wayne America/Knox_IN Navajo
    Pacific/Honolulu Pacific/Guam Pacific/Saipan Pacific/Pago_Pago US/Alaska US/Aleutian
    US/Arizona US/Central US/East-Indiana US/Eastern US/Hawaii US/Indiana-Starke
    US/Michigan US/Mountain US/Pacific US/Samoa EST5EDT CST6CDT MST7MDT PST8PDT EST MST HST
    """.split()
)


def uses_us_dates(tz: tzinfo | None) -> bool:
    """Month/day for US zones. Fixed offsets and unnamed zones default to month/day too;
    any other named zone (Europe/Paris, America/Toronto...) reads day/month."""
    key = getattr(tz, "key", None)
    if not isinstance(key, str):
        return True
    return key in _US_ZONES


# ---------------------------------------------------------------------------------------
# Tokens

_TOKEN_RE = re.compile(
    r"(?P<w2>2mor+o+w?\b)|(?P<n>\d+(?:st|nd|rd|th)?)|(?P<w>[a-z]+(?:'[a-z]+)?)|(?P<p>[^\sa-z\d])",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Token:
    s: str  # lower-case text
    start: int
    end: int
    kind: str  # "n" number, "w" word, "p" punctuation
    cap: bool
    num: int | None  # value of a number / number word / ordinal
    ordinal: bool


_WORD_NUM: dict[str, tuple[int, bool]] = {
    **{w: (n, False) for w, n in _NUMBERS.items()},
    **{w: (n, True) for w, n in _ORDINALS.items()},
}


def _tokenize(text: str, limit: int = 1 << 30) -> list[Token]:
    """The tokens of ``text``, at most ``limit`` of them."""
    low = text.lower()
    same = len(low) == len(text)
    out: list[Token] = []
    append = out.append
    word_num = _WORD_NUM
    for m in _TOKEN_RE.finditer(text):
        if len(out) >= limit:
            break
        a, b = m.span()
        s = low[a:b] if same else m.group().lower()
        c0 = s[0]
        if s.startswith("2mor"):
            append(Token("2moro", a, b, "w", False, None, False))
        elif "0" <= c0 <= "9":
            ordinal = s[-2:] in ("st", "nd", "rd", "th")
            digits = s[:-2] if ordinal else s
            append(Token(s, a, b, "n", False, int(digits) if len(digits) <= 9 else None, ordinal))
        elif "a" <= c0 <= "z":
            wn = word_num.get(s)
            cap = text[a].isupper()
            if wn is None:
                append(Token(s, a, b, "w", cap, None, False))
            else:
                append(Token(s, a, b, "w", cap, wn[0], wn[1]))
        else:
            append(Token(s, a, b, "p", False, None, False))
    return out


# ---------------------------------------------------------------------------------------
# Values


@dataclass(slots=True)
class DaySpan:
    """A date or a span of days; ``end`` exclusive."""

    start: date
    end: date
    grain: Grain
    weekday_only: bool = False  # from a bare weekday ("Monday, Feb 18" takes the date)
    explicit_year: bool = False
    latent: bool = False


@dataclass(slots=True)
class ClockTime:
    """A clock time on an unknown day."""

    hour: int
    minute: int
    second: int = 0
    ampm: str | None = None  # "am" / "pm" / None
    grain: Grain = "hour"
    latent: bool = False  # a bare number ("at 7" is not latent, "7" is)
    tz: float | None = None  # hours offset when a zone was named
    flexible: bool = True  # hour 1-12 written without am/pm or 24h form


@dataclass(slots=True)
class PartOfDay:
    start_h: int
    end_h: int
    day_offset: int | None = None  # tonight -> 0, last night -> -1
    late: bool = False
    early: bool = False


@dataclass(slots=True)
class Interval:
    """A fully resolved instant or interval."""

    start: datetime
    end: datetime | None
    grain: Grain
    latent: bool = False


Value = DaySpan | ClockTime | PartOfDay | Interval


class Context:
    __slots__ = ("meetup", "now", "today", "tz", "us")

    def __init__(self, now: datetime, meetup: bool) -> None:
        self.now = now
        self.tz = now.tzinfo
        self.today = now.date()
        self.meetup = meetup
        self.us = uses_us_dates(now.tzinfo)

    def at(self, d: date, h: int = 0, m: int = 0, s: int = 0) -> datetime:
        extra = 0
        if h >= 24:
            extra, h = h // 24, h % 24
        dt = datetime.combine(d, time(h, m, s), tzinfo=self.tz)
        return dt + timedelta(days=extra) if extra else dt


# ---------------------------------------------------------------------------------------
# Date helpers


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _valid(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


@functools.lru_cache(maxsize=256)  # pure; a message repeats its days
def _next_month_day(today: date, month: int, day: int) -> date | None:
    """Month and day without a year: the next occurrence (today counts)."""
    for y in range(today.year, today.year + 9):
        d = _valid(y, month, day)
        if d is not None and d >= today:
            return d
    return None


@functools.lru_cache(maxsize=256)  # pure; a message repeats its days
def _next_day_of_month(today: date, day: int) -> date | None:
    """ "the 29th": this month if still ahead, else the next month that has one."""
    first = today.replace(day=1)
    for k in range(0, 14):
        m0 = first + relativedelta(months=k)
        d = _valid(m0.year, m0.month, day)
        if d is not None and d >= today:
            return d
    return None


def _year2(y: int) -> int:
    if y < 100:
        return 2000 + y if y < 50 else 1900 + y
    return y


def _month_span(y: int, m: int) -> tuple[date, date]:
    s = date(y, m, 1)
    return s, s + relativedelta(months=1)


# ---------------------------------------------------------------------------------------
# Parser


_CONNECT = frozenset(
    {
        "at",
        "on",
        "@",
        ",",
        "for",
        "around",
        "about",
        "approximately",
        "during",
        "until",
        "till",
        "til",
        "through",
        "after",
        "since",
        "before",
        "approx",
        "ca",
        "circa",
        "by",
        "of",
        "in",
        "the",
        "starting",
        "from",
    }
)
_RANGE_SEP = frozenset(
    {"-", "–", "—", "to", "thru", "through", "till", "til", "until", "untill", "'til", "and", "~"}
)
_AMPM_WORDS = {
    "am": "am",
    "pm": "pm",
    "a": "am",
    "p": "pm",
    "morning": "am",
    "afternoon": "pm",
    "evening": "pm",
    "night": "pm",
    "tonight": "pm",
}


class Parser:
    def __init__(self, text: str, toks: list[Token], ctx: Context) -> None:
        self.text = text
        self.t = toks
        self.n = len(toks)
        self.ctx = ctx
        self._memo: dict[tuple[str, int], object] = {}
        self.allow_latent = False
        self.rule_calls = 0  # memo misses: the work a message costs (see ``Work``)

    # Memoised entry points: the grammar re-reads the same positions many times.

    def _memoized(self, tag: str, parse: Callable[[int], object], i: int) -> object:
        key = (tag, i)
        if key not in self._memo:
            self.rule_calls += 1
            self._memo[key] = parse(i)
        return self._memo[key]

    def p_date(self, i: int) -> tuple[DaySpan, int] | None:
        return self._memoized("d", self._p_date_impl, i)  # type: ignore[return-value]

    def p_tod(self, i: int) -> tuple[ClockTime, int] | None:
        return self._memoized("t", self._p_tod_impl, i)  # type: ignore[return-value]

    def p_part(self, i: int) -> tuple[PartOfDay, int] | None:
        return self._memoized("p", self._p_part_impl, i)  # type: ignore[return-value]

    def p_relative(self, i: int) -> tuple[Interval | DaySpan, int] | None:
        return self._memoized("r", self._p_relative_impl, i)  # type: ignore[return-value]

    def component(self, i: int) -> tuple[Value, int] | None:
        return self._memoized("c", self._component_impl, i)  # type: ignore[return-value]

    def p_point(self, i: int) -> tuple[Interval, int] | None:
        return self._memoized("x", self._p_point_impl, i)  # type: ignore[return-value]

    # -- token helpers ------------------------------------------------------------------

    def _raw(self, i: int) -> str:
        return self.text[self.t[i].start : self.t[i].end] if i < self.n else ""

    def s(self, i: int) -> str:
        return self.t[i].s if i < self.n else ""

    def adjacent(self, i: int) -> bool:
        """Token i touches token i-1 (no space between)."""
        return 0 < i < self.n and self.t[i].start == self.t[i - 1].end

    def word(self, i: int, *words: str) -> bool:
        return i < self.n and self.t[i].s in words

    def skip_the(self, i: int) -> int:
        return i + 1 if self.word(i, "the") else i

    def number(self, i: int, lo: int = 0, hi: int = 10**9) -> int | None:
        if i < self.n:
            v = self.t[i].num
            if v is not None and not self.t[i].ordinal and lo <= v <= hi:
                return v
        return None

    def compound_number(self, i: int) -> tuple[int, int] | None:
        """ "twenty five", "twenty-five", "25" -> (value, next index)."""
        v = self.number(i)
        if v is None:
            return None
        if self.t[i].kind == "w" and v in (20, 30, 40, 50):
            j = i + 1
            if self.word(j, "-") and self.adjacent(j):
                j += 1
            u = self.number(j, 1, 9)
            if u is not None and self.t[j].kind == "w":
                return v + u, j + 1
        return v, i + 1

    def quantity(self, i: int) -> tuple[float, int] | None:
        """ "2", "two", "a", "an", "a couple of", "a few", "2.5", "1/2", "half an"."""
        if self.word(i, "a", "an", "one"):
            if self.word(i + 1, "couple", "pair"):
                j = i + 2
                return 2.0, (j + 1 if self.word(j, "of") else j)
            if self.word(i + 1, "few"):
                return 3.0, i + 2
            if self.word(i + 1, "quarter"):
                j = i + 2
                if self.word(j, "of"):
                    j += 1
                if self.word(j, "an", "a"):
                    j += 1
                return 0.25, j
            if self.word(i + 1, "half"):
                j = i + 2
                if self.word(j, "an", "a"):
                    j += 1
                return 0.5, j
            return 1.0, i + 1
        if self.word(i, "couple", "few", "several"):
            j = i + 1
            if self.word(j, "of"):
                j += 1
            return (2.0 if self.s(i) == "couple" else 3.0), j
        if self.word(i, "half"):
            j = i + 1
            if self.word(j, "an", "a"):
                j += 1
            return 0.5, j
        if self.word(i, "three") and self.word(i + 1, "quarters", "-"):
            j = i + 1
            if self.word(j, "-"):
                j += 1
            if self.word(j, "quarters"):
                j += 1
                if self.word(j, "of"):
                    j += 1
                if self.word(j, "an", "a"):
                    j += 1
                return 0.75, j
        cn = self.compound_number(i)
        if cn is None:
            return None
        v, j = cn
        # 2.5 / 1/2 / 3/4
        if (
            self.word(j, ".")
            and self.adjacent(j)
            and self.number(j + 1) is not None
            and self.adjacent(j + 1)
            and self.t[j + 1].kind == "n"
        ):
            frac = self.t[j + 1].s
            return float(f"{v}.{frac}"), j + 2
        if (
            self.word(j, "/")
            and self.adjacent(j)
            and self.number(j + 1, 1, 16)
            and self.adjacent(j + 1)
            and v < (self.number(j + 1) or 0)
        ):
            den = self.number(j + 1) or 1
            return v / den, j + 2
        if self.word(j, "and") and self.word(j + 1, "a", "an") and self.word(j + 2, "half"):
            return v + 0.5, j + 3
        return float(v), j

    # -- components -----------------------------------------------------------------------

    def p_year(self, i: int) -> tuple[int, int] | None:
        if self.word(
            i - 1,
            "at",
            "@",
            "around",
            "approximately",
            "about",
            "approx",
            "til",
            "till",
            "until",
            "by",
            "tonight",
        ):
            return None
        if i < self.n and self.t[i].kind == "n" and not self.t[i].ordinal:
            v = self.t[i].num
            if v is not None and len(self.t[i].s) == 4 and 1000 <= v <= 2999:
                j = i + 1
                if self.word(j, "ad"):
                    j += 1
                return v, j
        return None

    def p_monthname(self, i: int) -> int | None:
        if i < self.n and self.t[i].s in _MONTHS:
            s = self.t[i].s
            if s == "may" and not self.t[i].cap and not self._numeric_near(i):
                return None
            if (
                s in ("mar", "jan", "jun", "sun", "sat")
                and not self._numeric_near(i)
                and not self.t[i].cap
            ):
                return None
            return _MONTHS[s]
        return None

    def _numeric_near(self, i: int) -> bool:
        for k in (i - 2, i - 1, i + 1, i + 2):
            if 0 <= k < self.n and self.t[k].kind == "n":
                return True
            if 0 <= k < self.n and self.t[k].ordinal:
                return True
        return False

    def p_dayord(self, i: int) -> tuple[int, int] | None:
        """A day of month: "15", "15th", "fifteenth", "the 15th", "twenty first"."""
        j = i
        if i < self.n and self.t[i].kind == "n":
            v = self.t[i].num
            if v is not None and 1 <= v <= 31 and len(self.t[i].s.rstrip("stndrh")) <= 2:
                return v, i + 1
            return None
        if i < self.n and self.t[i].s in ("twenty", "thirty"):
            base = 20 if self.t[i].s == "twenty" else 30
            j = i + 1
            if self.word(j, "-"):
                j += 1
            tj = self.t[j] if j < self.n else None
            if tj is not None and tj.ordinal and tj.kind == "w" and (tj.num or 0) < 10:
                return base + (self.t[j].num or 0), j + 1
            return None
        if i < self.n and self.t[i].ordinal and self.t[i].kind == "w":
            v = self.t[i].num
            if v is not None and v <= 31:
                return v, i + 1
        return None

    def p_weekday(self, i: int) -> int | None:
        if i < self.n and self.t[i].s in _WEEKDAYS:
            tok = self.t[i]
            if tok.s in ("sun", "sat", "wed", "mon", "fri", "thu", "tue") and not tok.cap:
                # "sun" / "sat" / "wed" are words; lowercase short forms only with a dot or
                # something time-like around.
                if not (
                    self.word(i + 1, ".")
                    or self._numeric_near(i)
                    or self.n <= 2
                    or self.word(i - 1, "next", "this", "on", "last", "coming")
                ):
                    return None
            return _WEEKDAYS[tok.s]
        return None

    def _p_date_impl(self, i: int) -> tuple[DaySpan, int] | None:
        """Any date-like component; the longest wins."""
        best: tuple[DaySpan, int] | None = None
        for f in (
            self._d_words,
            self._d_weekday,
            self._d_monthday,
            self._d_numeric,
            self._d_the_nth,
            self._d_period,
            self._d_month_alone,
            self._d_nth_of,
            self._d_year_alone,
            self._d_boundary,
            self._d_rel_weekday,
        ):
            r = f(i)
            if r is not None and (best is None or r[1] > best[1]):
                best = r
        if best is None:
            return None
        # "Monday, Feb 18" / "Tuesday the 19th" / "Jul 18, Fri"
        d, j = best
        k = j + 1 if self.word(j, ",") else j
        if d.weekday_only:
            r2 = None
            for f in (self._d_monthday, self._d_numeric, self._d_the_nth):
                r = f(k)
                if r is not None and not r[0].weekday_only and (r2 is None or r[1] > r2[1]):
                    r2 = r
            if r2 is not None and r2[0].grain == "day":
                return self._match_weekday(r2[0], d.start.weekday(), i, k), r2[1]
        elif d.grain == "day" and not d.latent:
            wd = self.p_weekday(k)
            if wd is not None and k + 1 <= self.n:
                return (
                    self._match_weekday(d, wd, k, k),
                    k + 1 + (1 if self.word(k + 1, ".") else 0),
                )
        return best

    def _match_weekday(self, d: DaySpan, wd: int, i: int, k: int) -> DaySpan:
        """ "Fri, Jul 18" / "Thu 15th": the nearest such date that is that weekday."""
        if d.start.weekday() == wd or d.explicit_year:
            return d
        today = self.ctx.today
        day = d.start.day
        by_month = self.t[k].ordinal or (k < self.n and self.t[k].s == "the")
        if self.p_monthname(k) is not None or self.p_monthname(k + 1) is not None or (not by_month):
            # a month and a day: this year's or a later year's
            for y in range(today.year, today.year + 12):
                c = _valid(y, d.start.month, day)
                if c is not None and c.weekday() == wd and c >= today - timedelta(days=7):
                    return DaySpan(c, c + timedelta(days=1), "day")
            return d
        first = today.replace(day=1)
        for m in range(0, 24):
            mm = first + relativedelta(months=m)
            c = _valid(mm.year, mm.month, day)
            if c is not None and c >= today and c.weekday() == wd:
                return DaySpan(c, c + timedelta(days=1), "day")
        return d

    def _d_words(self, i: int) -> tuple[DaySpan, int] | None:
        c = self.ctx
        j = i
        if self.word(j, "the"):
            j += 1
        if self.word(j, "day") and self.word(j + 1, "after") and self.word(j + 2, "tomorrow"):
            d = c.today + timedelta(days=2)
            return DaySpan(d, d + timedelta(days=1), "day"), j + 3
        if self.word(j, "day") and self.word(j + 1, "before") and self.word(j + 2, "yesterday"):
            d = c.today - timedelta(days=2)
            return DaySpan(d, d + timedelta(days=1), "day"), j + 3
        if j != i:
            return None
        s = self.s(i)
        if s in (
            "today",
            "tomorrow",
            "tmrw",
            "tmr",
            "tmw",
            "tomorrows",
            "tommorow",
            "tomorow",
            "2moro",
            "yesterday",
        ):
            d = c.today + timedelta(days=_DAY_WORDS[s])
            return DaySpan(d, d + timedelta(days=1), "day"), i + 1
        return None

    def _d_weekday(self, i: int) -> tuple[DaySpan, int] | None:
        c = self.ctx
        j = i
        mod = None
        if self.word(j, "this", "next", "last", "coming", "upcoming", "past", "previous"):
            mod = self.s(j)
            j += 1
            if mod == "this" and self.word(j, "coming", "upcoming"):
                j += 1  # "this coming friday": the next one
            if mod in ("this", "coming", "upcoming") and self.word(j - 1, "coming", "upcoming"):
                mod = None
        wd = self.p_weekday(j)
        if wd is None:
            return None
        j += 1
        if self.word(j, ".") and self.adjacent(j):
            j += 1
        today = c.today
        monday = _monday(today)
        if mod == "this":
            d = monday + timedelta(days=wd)
        elif mod == "next":
            d = monday + timedelta(days=7 + wd)
        elif mod in ("last", "past", "previous"):
            delta = (today.weekday() - wd) % 7 or 7
            d = today - timedelta(days=delta)
        else:
            delta = (wd - today.weekday()) % 7 or 7
            d = today + timedelta(days=delta)
        # "friday after next", "wednesday of next week", "wednesday next week",
        # "sunday from last week", "monday of this week"
        if mod is None:
            if self.word(j, "after") and self.word(j + 1, "next"):
                d = d + timedelta(days=7)
                j += 2
            else:
                k = j
                if self.word(k, "of", "from", "in"):
                    k += 1
                k = self.skip_the(k)
                if self.word(
                    k, "next", "this", "last", "coming", "previous", "past", "following"
                ) and self.word(k + 1, "week"):
                    m = self.s(k)
                    off = {
                        "next": 7,
                        "following": 7,
                        "coming": 7,
                        "this": 0,
                        "last": -7,
                        "previous": -7,
                        "past": -7,
                    }[m]
                    d = monday + timedelta(days=off + wd)
                    j = k + 2
        return DaySpan(d, d + timedelta(days=1), "day", weekday_only=mod is None), j

    def _d_rel_weekday(self, i: int) -> tuple[DaySpan, int] | None:
        """ "last week's sunday"."""
        if self.word(i, "last", "next", "this") and self.word(i + 1, "week's", "weeks"):
            wd = self.p_weekday(i + 2)
            if wd is not None:
                off = {"last": -7, "next": 7, "this": 0}[self.s(i)]
                d = _monday(self.ctx.today) + timedelta(days=off + wd)
                return DaySpan(d, d + timedelta(days=1), "day"), i + 3
        return None

    def _year_after(self, j: int) -> tuple[int | None, int]:
        k = j + 1 if self.word(j, ",") else j
        y = self.p_year(k)
        if y is not None:
            return y[0], y[1]
        # "'15" or two-digit year after a comma / day
        if (
            self.word(k, "'")
            and k + 1 < self.n
            and self.t[k + 1].kind == "n"
            and len(self.t[k + 1].s) == 2
        ):
            return _year2(self.t[k + 1].num or 0), k + 2
        return None, j

    def _mk_monthday(self, month: int, day: int, year: int | None) -> DaySpan | None:
        if year is not None:
            d = _valid(year, month, day)
        else:
            d = _next_month_day(self.ctx.today, month, day)
        if d is None:
            return None
        return DaySpan(d, d + timedelta(days=1), "day", explicit_year=year is not None)

    def _d_monthday(self, i: int) -> tuple[DaySpan, int] | None:
        # "March 3", "Mar 3rd, 2015", "february the 15th", "March first"
        m = self.p_monthname(i)
        if m is not None:
            j = i + 1
            if self.word(j, ".") and self.adjacent(j):
                j += 1
            k = self.skip_the(j)
            dd = self.p_dayord(k)
            if dd is not None and not (
                self.t[k].kind == "n" and len(self.t[k].s) == 4 and not self.t[k].ordinal
            ):
                day, j2 = dd
                # "Mar 10:30" is not March 10
                if self.word(j2, ":"):
                    return None
                year, j3 = self._year_after(j2)
                v = self._mk_monthday(m, day, year)
                if v is not None:
                    return v, j3
        # "15th february", "15 of february", "the 15th of February 2015", "14april 2015"
        k = self.skip_the(i)
        dd = self.p_dayord(k)
        if dd is not None:
            day, j = dd
            if self.word(j, "of"):
                j += 1
                k2 = self.skip_the(j)
                cont = self._container(k2) if self.p_monthname(k2) is None else None
                if cont is not None and (cont[0][1] - cont[0][0]).days in range(28, 32):
                    dd2 = _valid(cont[0][0].year, cont[0][0].month, day)
                    if dd2 is not None:
                        return DaySpan(dd2, dd2 + timedelta(days=1), "day"), cont[1]
            elif self.word(j, "day") and self.word(j + 1, "of"):
                k2 = self.skip_the(j + 2)
                cont = self._container(k2) if self.p_monthname(k2) is None else None
                if cont is not None and (cont[0][1] - cont[0][0]).days in range(28, 32):
                    dd2 = _valid(cont[0][0].year, cont[0][0].month, day)
                    if dd2 is not None:
                        return DaySpan(dd2, dd2 + timedelta(days=1), "day"), cont[1]
            if self.word(j, "-", "/") and self.adjacent(j):
                j += 1
            m = self.p_monthname(j)
            if m is not None:
                j += 1
                if self.word(j, ".") and self.adjacent(j):
                    j += 1
                if (
                    self.word(j, "-", "/")
                    and self.adjacent(j)
                    and j + 1 < self.n
                    and self.t[j + 1].kind == "n"
                ):
                    y = self.t[j + 1].num or 0
                    v = self._mk_monthday(m, day, _year2(y))
                    return (v, j + 2) if v else None
                year, j3 = self._year_after(j)
                if (
                    year is None
                    and j < self.n
                    and self.t[j].kind == "n"
                    and not self.t[j].ordinal
                    and len(self.t[j].s) == 2
                    and self.t[i].ordinal
                ):
                    year, j3 = _year2(self.t[j].num or 0), j + 1
                v = self._mk_monthday(m, day, year)
                if v is not None:
                    return v, j3
        return None

    def _d_numeric(self, i: int) -> tuple[DaySpan, int] | None:
        """3/14, 14/3, 3/14/2026, 2026-12-05, 5.12.2026, 2/2013, 2014-10."""
        if i >= self.n or self.t[i].kind != "n" or self.t[i].ordinal:
            return None
        a = self.t[i].num
        if a is None:
            return None
        sep = self.s(i + 1)
        if sep not in ("/", "-", ".") or i + 2 >= self.n or self.t[i + 2].kind != "n":
            return None
        spaced = not self.adjacent(i + 1) or not self.adjacent(i + 2)
        if spaced and sep != "/" and sep != "-":
            return None
        if self.word(i + 3, "th", "st", "nd", "rd", "%"):
            return None  # "1/6 th of the price"
        b = self.t[i + 2].num
        if b is None or self.t[i + 2].ordinal:
            return None
        la = len(self.t[i].s)
        # yyyy-mm-dd / yyyy/mm/dd / yyyy-mm
        if la == 4:
            if (
                self.word(i + 3, sep)
                and self.adjacent(i + 3)
                and i + 4 < self.n
                and self.t[i + 4].kind == "n"
            ):
                c = self.t[i + 4].num or 0
                d = _valid(a, b, c)
                if d is None:
                    return None
                return DaySpan(d, d + timedelta(days=1), "day", explicit_year=True), i + 5
            if 1 <= b <= 12 and sep in ("-", "/"):
                s, e = _month_span(a, b)
                return DaySpan(s, e, "month", explicit_year=True), i + 3
            return None
        # a/b/c
        year: int | None = None
        j = i + 3
        if (
            self.word(i + 3, sep)
            and self.adjacent(i + 3)
            and i + 4 < self.n
            and self.t[i + 4].kind == "n"
            and len(self.t[i + 4].s) in (2, 4)
        ):
            year = _year2(self.t[i + 4].num or 0)
            j = i + 5
        elif self.word(i + 3, ":", "/", "-", ".") and self.adjacent(i + 3):
            if not (
                sep == "."
                and self.s(i + 3) == "."
                and (i + 4 >= self.n or self.t[i + 4].kind != "n")
            ):
                return None  # 10.31.40.2, times etc.; "24.12." is a date
        if la > 2 or len(self.t[i + 2].s) > 4:
            return None
        # "2/2013" month/year
        if year is None and len(self.t[i + 2].s) == 4 and 1 <= a <= 12 and sep == "/":
            s, e = _month_span(b, a)
            return DaySpan(s, e, "month", explicit_year=True), i + 3
        if len(self.t[i + 2].s) > 2:
            return None
        if sep == ".":
            # Dotted dates are day.month; "10.31.1974" (month first) only when forced.
            day, month = (a, b) if b <= 12 else (b, a)
            if year is None and not (
                (self.allow_latent and self.n <= 4)  # a `when` that is just "24.12"
                or (self.word(i + 3, ".") and self.adjacent(i + 3))  # "am 24.12."
                or self.word(i - 1, "on", "am", "by", "until", "till", "from", "since")
            ):
                return None  # "3.5" / "Python 3.11" are numbers, not dates
        elif a > 12:
            day, month = a, b
        elif b > 12:
            month, day = a, b
        elif self.ctx.us:
            month, day = a, b
        else:
            day, month = a, b
        if sep == "-" and year is None:
            # "7-9" is a range of numbers far more often than July 9th.
            if not self._date_context(i):
                return None
        v = self._mk_monthday(month, day, year)
        if v is None:
            return None
        return v, j

    def _date_context(self, i: int) -> bool:
        """Is there a hint before token i that a date follows ("on", "due", start)?"""
        return self.word(
            i - 1, "on", "by", "from", "until", "till", "since", "before", "after", "date", "dated"
        )

    def _d_the_nth(self, i: int) -> tuple[DaySpan, int] | None:
        """ "the 21st", "on the 15th", "the 24", "on 24th"."""
        j = i
        had_the = False
        if self.word(j, "the"):
            j += 1
            had_the = True
        if j >= self.n:
            return None
        tok = self.t[j]
        if not (tok.ordinal or (had_the and tok.kind == "n")):
            return None
        if not had_the and not (tok.ordinal and (tok.kind == "n" or self.word(i - 1, "on"))):
            return None
        if tok.kind == "w" and not had_the and not self.word(i - 1, "on"):
            return None
        dd = self.p_dayord(j)
        if dd is None:
            return None
        day, k = dd
        # "the 4th of July" etc. are handled by _d_monthday; "the 3rd qtr" is not a day
        if self.word(
            k,
            "quarter",
            "qtr",
            "week",
            "day",
            "of",
            "last",
            "time",
            "floor",
            "place",
            "one",
            "row",
            "item",
            "option",
            "person",
            "try",
            "round",
            "grade",
            "century",
            "edition",
            "anniversary",
            "birthday",
            "street",
            "st",
            "avenue",
            "ave",
        ):
            return None
        if self.word(k, "-") and self.adjacent(k):
            return None
        nxt = self.t[k] if k < self.n else None
        if nxt is not None and nxt.kind == "w" and nxt.s not in _DAY_FOLLOWERS:
            # "the first phrase", "the 3 rd game", "the second one": not days. A digit
            # ordinal ("the 21st works") still is one.
            if tok.kind == "w" or not tok.ordinal:
                return None
        if (
            tok.kind == "w"
            and not self.word(i - 1, "on", "by", "until", "till", "from")
            and (nxt is not None and nxt.kind == "w")
        ):
            return None
        d = _next_day_of_month(self.ctx.today, day)
        if d is None:
            return None
        return DaySpan(d, d + timedelta(days=1), "day"), k

    def _d_month_alone(self, i: int) -> tuple[DaySpan, int] | None:
        """ "March", "next March", "March 2015", "October 2014", "in March"."""
        c = self.ctx
        j = i
        mod = None
        if self.word(j, "next", "this", "last", "coming"):
            mod = self.s(j)
            j += 1
        m = self.p_monthname(j)
        if m is None:
            return None
        tok = self.t[j]
        if mod is None and not tok.cap and tok.s in ("march", "may") and not self._numeric_near(j):
            return None
        j += 1
        if self.word(j, ".") and self.adjacent(j):
            j += 1
        year, j2 = self._year_after(j)
        if year is not None:
            s, e = _month_span(year, m)
            return DaySpan(s, e, "month", explicit_year=True), j2
        y = c.today.year
        if mod == "last":
            y = y if m < c.today.month else y - 1
        elif mod == "next" and m == c.today.month:
            y += 1
        elif mod is None or mod in ("this", "coming", "next"):
            if m < c.today.month:
                y += 1
        # "March after next"
        if self.word(j, "after") and self.word(j + 1, "next"):
            y += 1
            j += 2
        s, e = _month_span(y, m)
        return DaySpan(s, e, "month"), j

    def _d_year_alone(self, i: int) -> tuple[DaySpan, int] | None:
        y = self.p_year(i)
        if y is None:
            return None
        year, j = y
        if self.word(j, "a") and self.word(j + 1, ".") and self.word(j + 2, "d"):
            j += 3
            if self.word(j, "."):
                j += 1
        # a lone four-digit number is a year only near a date word
        latent = not self.word(
            i - 1,
            "in",
            "of",
            "since",
            "after",
            "before",
            "through",
            "during",
            "until",
            "till",
            "from",
            "by",
        )
        s = date(year, 1, 1)
        return DaySpan(s, date(year + 1, 1, 1), "year", explicit_year=True, latent=latent), j

    def _d_period(self, i: int) -> tuple[DaySpan, int] | None:
        """ "this week", "next month", "last year", "this weekend", "the week", "next qtr"."""
        c = self.ctx
        today = c.today
        j = i
        mod = None
        if self.word(j, "this", "the") and self.word(j + 1, "past"):
            j += 1  # "this past weekend" = last weekend
        if (
            self.word(j, "the")
            and self.word(j + 1, "week")
            and self.word(j + 2, "after")
            and self.word(j + 3, "next")
        ):
            mon = _monday(today) + timedelta(days=14)
            return DaySpan(mon, mon + timedelta(days=7), "week"), j + 4
        if self.word(j, "the") and self.word(j + 1, "week") and self.word(j + 2, "of"):
            r = self._d_monthday(j + 3)
            if r is not None:
                mon = _monday(r[0].start)
                return DaySpan(mon, mon + timedelta(days=7), "week"), r[1]
        if self.word(
            j,
            "this",
            "next",
            "last",
            "coming",
            "upcoming",
            "current",
            "past",
            "previous",
            "the",
            "following",
        ):
            mod = self.s(j)
            j += 1
            if mod == "the" and self.word(j, "following", "coming", "next", "previous", "current"):
                mod = "next" if self.s(j) in ("following", "coming", "next") else self.s(j)
                j += 1
        elif self.word(j, "around", "all", "rest") and (
            self.word(j + 1, "next", "week") or self.word(j + 1, "of")
        ):
            if self.s(j) == "around" and self.word(j + 1, "next"):
                mod = "next"
                j += 2
            elif self.s(j) == "all" and self.word(j + 1, "week"):
                s = _monday(today)
                return DaySpan(s, s + timedelta(days=6), "day"), j + 2
            elif self.s(j) == "rest" and self.word(j + 1, "of"):
                k = self.skip_the(j + 2)
                if self.word(k, "week"):
                    return DaySpan(
                        today,
                        max(today + timedelta(days=1), _monday(today) + timedelta(days=6)),
                        "day",
                    ), k + 1
                if self.word(k, "month"):
                    s, e = _month_span(today.year, today.month)
                    return DaySpan(today, e, "day"), k + 1
                if self.word(k, "year"):
                    return DaySpan(today, date(today.year + 1, 1, 1), "day"), k + 1
                return None
        unit_tok = self.s(j)
        if (
            unit_tok in ("weekend", "week-end", "wkend", "weekends")
            or (unit_tok == "week" and self.word(j + 1, "-") and self.word(j + 2, "end"))
            or (unit_tok == "week" and self.word(j + 1, "end") and mod in ("this", "next", "last"))
        ):
            if mod is None:
                return None
            k = j + 1 if unit_tok != "week" else (j + 3 if self.word(j + 1, "-") else j + 2)
            # Friday 18:00 of the week in question
            fri = _monday(today) + timedelta(days=4)
            if mod in ("next", "following", "coming", "upcoming") and today.weekday() < 4:
                fri += timedelta(days=7) if mod == "next" else timedelta(0)
            elif mod in ("next",):
                fri += timedelta(days=7)
            elif mod in ("last", "past", "previous"):
                fri -= timedelta(days=7)
            return DaySpan(fri, fri + timedelta(days=3), "hour"), k
        if unit_tok in _SEASONS and mod is not None and mod != "the":
            return self._season(unit_tok, mod), j + 1
        unit = _UNITS.get(unit_tok)
        if unit not in ("week", "month", "year", "quarter", "day"):
            return None
        if unit_tok in ("m", "h", "s", "mo", "mos", "min", "mins"):
            return None
        k = j + 1
        if mod is None:
            return None
        if unit == "day":
            return None
        if mod == "the":
            if unit == "week":
                # "the week": the rest of this week
                return DaySpan(
                    today, max(today + timedelta(days=1), _monday(today) + timedelta(days=5)), "day"
                ), k
            return None
        off = {
            "this": 0,
            "current": 0,
            "next": 1,
            "coming": 1,
            "upcoming": 1,
            "following": 1,
            "last": -1,
            "past": -1,
            "previous": -1,
        }[mod]
        if unit == "week":
            s = _monday(today) + timedelta(days=7 * off)
            return DaySpan(s, s + timedelta(days=7), "week"), k
        if unit == "month":
            s = today.replace(day=1) + relativedelta(months=off)
            return DaySpan(s, s + relativedelta(months=1), "month"), k
        if unit == "quarter":
            q0 = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
            s = q0 + relativedelta(months=3 * off)
            return DaySpan(s, s + relativedelta(months=3), "month"), k
        s = date(today.year + off, 1, 1)
        return DaySpan(s, date(s.year + 1, 1, 1), "year"), k

    def _season(self, name: str, mod: str) -> DaySpan:
        """Northern-hemisphere seasons (solstices and equinoxes, approximately)."""
        today = self.ctx.today
        spans: list[tuple[str, date, date]] = []
        for y in range(today.year - 2, today.year + 3):
            spans += [
                ("spring", date(y, 3, 20), date(y, 6, 21)),
                ("summer", date(y, 6, 21), date(y, 9, 23)),
                ("fall", date(y, 9, 23), date(y, 12, 21)),
                ("winter", date(y, 12, 21), date(y + 1, 3, 20)),
            ]
        cur = next(k for k, (_, a, b) in enumerate(spans) if a <= today < b)
        if name in ("season", "seasons"):
            off = {
                "this": 0,
                "current": 0,
                "next": 1,
                "coming": 1,
                "upcoming": 1,
                "following": 1,
                "last": -1,
                "past": -1,
                "previous": -1,
            }.get(mod, 0)
            _, a, b = spans[cur + off]
            return DaySpan(a, b, "day")
        want = "fall" if name == "autumn" else name
        idx = [k for k, sp in enumerate(spans) if sp[0] == want]
        if mod in ("last", "past", "previous"):
            k = max(k for k in idx if k < cur)
        elif mod in ("next", "coming", "upcoming", "following"):
            k = min(k for k in idx if k > cur)
        else:  # this / current: the current one, else the next one
            k = min(k for k in idx if k >= cur)
        _, a, b = spans[k]
        return DaySpan(a, b, "day")

    def _d_nth_of(self, i: int) -> tuple[DaySpan, int] | None:
        """ "first tuesday of october", "last friday in october", "third day of october",
        "the first Monday of this month", "last day of october 2015", "first week of
        october 2014", "third quarter", "4th quarter 2018", "the 2nd last week of ..."."""
        j = self.skip_the(i)
        if j >= self.n:
            return None
        nth: int | None = None
        if self.word(j, "last"):
            nth = -1
        elif self.t[j].ordinal and self.t[j].num is not None:
            nth = self.t[j].num
            if self.word(j + 1, "last"):
                nth = -(nth or 1)
                j += 1
        if nth is None:
            return None
        j += 1
        what = self.s(j)
        wd = self.p_weekday(j) if what not in _MONTHS else None
        unit = _UNITS.get(what)
        if (
            wd is None
            and unit not in ("day", "week", "quarter")
            and what not in ("weekend", "week-end", "wkend")
        ):
            return None
        if what == "week" and self.word(j + 1, "end"):
            what = "weekend"
            j += 1
        if what == "week" and self.word(j + 1, "-") and self.word(j + 2, "end"):
            what = "weekend"
            j += 2
        j += 1
        # container
        if unit == "quarter" and not self.word(j, "of", "in"):
            year, j2 = self._year_after(j)
            y = year if year is not None else self.ctx.today.year
            if not 1 <= nth <= 4:
                return None
            s = date(y, 3 * (nth - 1) + 1, 1)
            return DaySpan(s, s + relativedelta(months=3), "month"), j2
        if not self.word(j, "of", "in"):
            return None
        k = self.skip_the(j + 1)
        span = self._container(k)
        if span is None:
            return None
        (cs, ce), k2 = span
        if unit == "quarter":
            if not 1 <= nth <= 4:
                return None
            s = date(cs.year, 3 * (nth - 1) + 1, 1)
            return DaySpan(s, s + relativedelta(months=3), "month"), k2
        if wd is not None:
            days = [
                cs + timedelta(days=x)
                for x in range((ce - cs).days)
                if (cs + timedelta(days=x)).weekday() == wd
            ]
            idx = nth - 1 if nth > 0 else nth
            if not days or not -len(days) <= idx < len(days):
                return None
            d = days[idx]
            return DaySpan(d, d + timedelta(days=1), "day"), k2
        if unit == "day":
            d = cs + timedelta(days=nth - 1) if nth > 0 else ce + timedelta(days=nth)
            if not cs <= d < ce:
                return None
            return DaySpan(d, d + timedelta(days=1), "day"), k2
        if what in ("weekend", "week-end", "wkend"):
            fris = [
                cs + timedelta(days=x)
                for x in range((ce - cs).days)
                if (cs + timedelta(days=x)).weekday() == 4
            ]
            idx = nth - 1 if nth > 0 else nth
            if not fris or not -len(fris) <= idx < len(fris):
                return None
            f = fris[idx]
            return DaySpan(f, f + timedelta(days=3), "hour"), k2
        # weeks: Monday-start weeks that begin inside the container
        mondays = [
            cs + timedelta(days=x)
            for x in range((ce - cs).days)
            if (cs + timedelta(days=x)).weekday() == 0
        ]
        if nth < 0:
            # last week of a month: the week containing its last day
            last_monday = _monday(ce - timedelta(days=1))
            s = last_monday + timedelta(days=7 * (nth + 1))
        else:
            if not mondays or nth > len(mondays):
                return None
            s = mondays[nth - 1]
        return DaySpan(s, s + timedelta(days=7), "week"), k2

    def _container(self, k: int) -> tuple[tuple[date, date], int] | None:
        c = self.ctx
        today = c.today
        m = self.p_monthname(k)
        if m is not None:
            j = k + 1
            year, j2 = self._year_after(j)
            if year is None:
                y = today.year if m >= today.month else today.year + 1
                return _month_span(y, m), j
            return _month_span(year, m), j2
        yy = self.p_year(k)
        if yy is not None:
            return (date(yy[0], 1, 1), date(yy[0] + 1, 1, 1)), yy[1]
        if self.word(k, "month", "year", "week"):
            k -= 1  # "the month": read as "this month"
            if k < 0 or not self.word(k, "the"):
                return None
        mod = self.s(k)
        if mod in ("this", "next", "last", "the", "current", "previous", "coming", "following"):
            unit = _UNITS.get(self.s(k + 1))
            off = {
                "this": 0,
                "the": 0,
                "current": 0,
                "next": 1,
                "coming": 1,
                "last": -1,
                "previous": -1,
                "following": 1,
            }[mod]
            if unit == "month":
                s = today.replace(day=1) + relativedelta(months=off)
                return (s, s + relativedelta(months=1)), k + 2
            if unit == "year":
                s = date(today.year + off, 1, 1)
                return (s, date(s.year + 1, 1, 1)), k + 2
            if unit == "week":
                s = _monday(today) + timedelta(days=7 * off)
                return (s, s + timedelta(days=7)), k + 2
        return None

    def _d_boundary(self, i: int) -> tuple[DaySpan, int] | None:
        """ "end of the month", "beginning of next week", "early March", "mid March",
        "late March", "EOM", "BOY", "end of 2012", "at the end of April"."""
        c = self.ctx
        today = c.today
        j = i
        if self.word(j, "at", "by"):
            j += 1
        j = self.skip_the(j)
        s0 = self.s(j)
        abbrev = {
            "eom": ("end", "month"),
            "bom": ("beginning", "month"),
            "eoy": ("end", "year"),
            "boy": ("beginning", "year"),
        }
        if s0 in abbrev:
            if not self._raw(j).isupper() and not self.word(j - 1, "the", "by", "at"):
                return None  # "muito bom": BOM / EOM / EOY are written in capitals
            which, unit = abbrev[s0]
            span: tuple[date, date] | None = (
                _month_span(today.year, today.month)
                if unit == "month"
                else (date(today.year, 1, 1), date(today.year + 1, 1, 1))
            )
            j += 1
        else:
            if s0 in ("end", "beginning", "start"):
                which = "end" if s0 == "end" else "beginning"
                j += 1
                if not self.word(j, "of"):
                    return None
                j += 1
                if self.word(j, "around"):
                    j += 1
                j = self.skip_the(j)
            elif s0 in ("early", "mid", "late") and self.p_monthname(j + 1) is not None:
                which = {"early": "beginning", "mid": "middle", "late": "end"}[s0]
                j += 1
            elif s0 == "mid" and self.word(j + 1, "-") and self.p_monthname(j + 2) is not None:
                which = "middle"
                j += 2
            else:
                return None
            span = None
            unit = ""
            if self.word(j, "month", "year", "week"):
                unit = self.s(j)
                if unit == "month":
                    span = _month_span(today.year, today.month)
                elif unit == "year":
                    span = (date(today.year, 1, 1), date(today.year + 1, 1, 1))
                else:
                    s = _monday(today)
                    span = (s, s + timedelta(days=7))
                j += 1
            else:
                cont = self._container(j)
                if cont is None:
                    p = self._d_period(j)
                    if p is None:
                        return None
                    pd, j = p
                    span = (pd.start, pd.end)
                    unit = pd.grain
                else:
                    span, j = cont
                    unit = (
                        "month"
                        if (span[1] - span[0]).days < 40
                        else ("week" if (span[1] - span[0]).days <= 7 else "year")
                    )
                    if (span[1] - span[0]).days == 7:
                        unit = "week"
        assert span is not None
        s, e = span
        length = (e - s).days
        if unit == "year" or length > 300:
            if which == "beginning":
                return DaySpan(s, s + relativedelta(months=3), "month"), j
            if which == "middle":
                return DaySpan(s + relativedelta(months=5), s + relativedelta(months=7), "month"), j
            return DaySpan(e - relativedelta(months=4), e, "month"), j
        if length <= 7:
            if which == "beginning":
                return DaySpan(s, s + timedelta(days=3), "day"), j
            return DaySpan(e - timedelta(days=3), e, "day"), j
        if which == "beginning":
            return DaySpan(s, s + timedelta(days=10), "day"), j
        if which == "middle":
            return DaySpan(s + timedelta(days=10), s + timedelta(days=20), "day"), j
        return DaySpan(s + timedelta(days=20), e, "day"), j

    # -- clock times ------------------------------------------------------------------------

    def _ampm(self, j: int) -> tuple[str | None, int]:
        """am / pm / a.m. / p m / a / p / "in the morning" after a time."""
        s = self.s(j)
        if s in ("am", "pm"):
            k = j + 1
            if self.word(k, ".") and self.adjacent(k):
                k += 1
            return s, k
        if s in ("a", "p") and j < self.n:
            k = j + 1
            if self.word(k, ".") and self.adjacent(k):
                k += 1
            if self.word(k, "m"):
                k += 1
                if self.word(k, ".") and self.adjacent(k):
                    k += 1
                return ("am" if s == "a" else "pm"), k
            # "7a", "3p": glued, or "at 3p"
            if self.adjacent(j) or self.word(k, ".", ",") or k >= self.n:
                return ("am" if s == "a" else "pm"), k
            return None, j
        if s in ("in", "of") and self.word(j + 1, "the"):
            k = j + 2
            if self.word(k, "early", "late"):
                k += 1
            w = self.s(k)
            if w in ("am", "pm"):
                return w, k + 1
            if w in ("morning", "afternoon", "evening", "night"):
                return _AMPM_WORDS[w], k + 1
        if s == "in" and self.word(j + 1, "afternoon", "evening", "morning"):
            return _AMPM_WORDS[self.s(j + 1)], j + 2
        return None, j

    def _tz(self, j: int) -> tuple[float | None, int]:
        k = j
        paren = False
        if self.word(k, "("):
            paren = True
            k += 1
        s = self.s(k)
        if (s in _TZ_OFFSETS and (s != "z" or self.adjacent(k)) and s not in ("est", "ist")) or (
            (s in ("est", "ist") and k < self.n and self._raw(k).isupper())
            or (s in ("ist",) and self.word(k - 1, "pm", "am"))
        ):
            k += 1
            if paren:
                if not self.word(k, ")"):
                    return None, j
                k += 1
            return _TZ_OFFSETS[s], k
        return None, j

    def _p_tod_impl(self, i: int) -> tuple[ClockTime, int] | None:
        best: tuple[ClockTime, int] | None = None
        for f in (self._t_clock, self._t_words, self._t_relative_to_hour, self._t_named):
            r = f(i)
            if r is not None and (best is None or r[1] > best[1]):
                best = r
        if best is None:
            return None
        tod, j = best
        # "3ish", "ish"
        if self.word(j, "ish") or (self.word(j, "-") and self.word(j + 1, "ish")):
            j += 1 if self.word(j, "ish") else 2
        if self.word(j, "approximately", "sharp"):
            j += 1
        tz, j2 = self._tz(j)
        if tz is not None:
            tod = replace(tod, tz=tz)
            j = j2
        return tod, j

    def _t_named(self, i: int) -> tuple[ClockTime, int] | None:
        j = self.skip_the(i)
        s = self.s(j)
        if s in ("noon", "midday") or (s == "mid" and self.word(j + 1, "day")):
            return ClockTime(12, 0, grain="hour", flexible=False), j + (2 if s == "mid" else 1)
        if s == "midnight":
            return ClockTime(0, 0, grain="hour", flexible=False, ampm="am"), j + 1
        return None

    def _t_clock(self, i: int) -> tuple[ClockTime, int] | None:
        if i >= self.n or self.t[i].kind != "n" or self.t[i].ordinal:
            return None
        tok = self.t[i]
        v = tok.num
        if v is None:
            return None
        digits = tok.s
        j = i + 1
        hour: int
        minute = 0
        second = 0
        grain: Grain = "hour"
        flexible = True
        explicit = False
        # 7:30, 07:30:15, 19.30 (with am/pm), 16h00, 16h, 3h18
        dotted = (
            self.word(j, ".")
            and self.adjacent(j)
            and j + 1 < self.n
            and self.t[j + 1].kind == "n"
            and len(self.t[j + 1].s) == 2
            and self.adjacent(j + 1)
            and len(digits) <= 2
            and v <= 23
            and (
                self._ampm(j + 2)[0] is not None
                or v > 12
                or self.word(i - 1, "at", "@", "around", "from", "until", "till", "by")
            )
            and not (self.word(j + 2, ".") and self.adjacent(j + 2))
        )
        if dotted and (self.t[j + 1].num or 0) < 60:
            hour, minute = v, self.t[j + 1].num or 0
            j += 2
            grain = "minute"
            explicit = True
            if digits.startswith("0") or hour > 12 or hour == 0:
                flexible = False
        elif (
            self.word(j, ":")
            and self.adjacent(j)
            and j + 1 < self.n
            and self.t[j + 1].kind == "n"
            and len(self.t[j + 1].s) == 2
            and self.adjacent(j + 1)
        ):
            hour, minute = v, self.t[j + 1].num or 0
            j += 2
            grain = "minute"
            explicit = True
            if (
                self.word(j, ":")
                and self.adjacent(j)
                and j + 1 < self.n
                and self.t[j + 1].kind == "n"
                and len(self.t[j + 1].s) == 2
            ):
                second = self.t[j + 1].num or 0
                j += 2
            if digits.startswith("0") or hour > 12 or hour == 0:
                flexible = False
        elif self.word(j, "h") and self.adjacent(j) and len(digits) <= 2:
            hour = v
            j += 1
            flexible = False
            explicit = True
            if j < self.n and self.t[j].kind == "n" and len(self.t[j].s) == 2 and self.adjacent(j):
                minute = self.t[j].num or 0
                j += 1
                grain = "minute"
        elif len(digits) in (3, 4) and not self.word(j, "/", "-", ".", ","):
            # 730 / 1030 / 0815: only with am/pm, "at", or after a part of day
            hour, minute = divmod(v, 100)
            if minute >= 60:
                return None
            grain = "minute"
            if digits.startswith("0") or hour > 12:
                flexible = False
            ampm_peek, _ = self._ampm(j)
            if ampm_peek is None and not (
                self.word(
                    i - 1, "at", "@", "around", "approximately", "tonight", "by", "till", "until"
                )
                or self.word(j, "ish")
            ):
                return None
        elif len(digits) <= 2:
            hour = v
            # "at 3 15", "at 12 15"
            if (
                j < self.n
                and self.t[j].kind == "n"
                and len(self.t[j].s) == 2
                and not self.t[j].ordinal
                and self.word(i - 1, "at")
                and (self.t[j].num or 0) < 60
                and not self.word(j + 1, "/", ":", "-", ".")
            ):
                minute = self.t[j].num or 0
                j += 1
                grain = "minute"
                explicit = True
            if digits.startswith("0") and len(digits) == 2:
                flexible = False
        else:
            return None
        if not 0 <= hour <= 24 or not 0 <= minute <= 59 or not 0 <= second <= 59:
            return None
        ampm, j2 = self._ampm(j)
        # "7a" / "4a" alone: a code as often as a time
        latent_letter = (
            ampm is not None
            and self.s(j) in ("a", "p")
            and j2 == j + 1
            and grain == "hour"
            and not self.word(i - 1, "at", "@", "around", "by", "until", "till")
        )
        if ampm is not None:
            if hour > 12 or (hour == 0 and ampm == "pm"):
                if hour > 12 and ampm == "pm":
                    ampm = None  # "15:00 pm"
                else:
                    return None
            j = j2
            explicit = True
        elif self.word(j, "o'clock", "oclock") or (
            self.word(j, "o") and self.word(j + 1, "'") and self.word(j + 2, "clock")
        ):
            j += 1 if self.s(j) != "o" else 3
            explicit = True
            ampm2, j3 = self._ampm(j)
            if ampm2 is not None:
                ampm, j = ampm2, j3
        latent = not explicit or latent_letter
        if hour == 24:
            hour = 0
            flexible = False
        return ClockTime(
            hour,
            minute,
            second,
            ampm,
            grain,
            latent=latent,
            flexible=flexible and ampm is None and 1 <= hour <= 12,
        ), j

    def _t_words(self, i: int) -> tuple[ClockTime, int] | None:
        """ "ten thirty", "twelve oh three", "seven thirty p.m.", "three twenty", "eight"."""
        if i >= self.n or self.t[i].kind != "w" or self.t[i].ordinal:
            return None
        h = self.t[i].num
        if h is None or not 1 <= h <= 12:
            return None
        j = i + 1
        minute = 0
        grain: Grain = "hour"
        if self.word(j, "-") and self.adjacent(j):
            j += 1
        if self.word(j, "oh", "o", "zero", "ou"):
            k = j + 1
            if self.word(k, "-"):
                k += 1
            u = self.number(k, 1, 9)
            if u is not None and self.t[k].kind == "w":
                minute, j, grain = u, k + 1, "minute"
        else:
            cn = self.compound_number(j) if j < self.n and self.t[j].kind == "w" else None
            if cn is not None and 10 <= cn[0] <= 59:
                minute, j, grain = cn[0], cn[1], "minute"
            elif j > i + 1:
                j = i + 1
        ampm, j2 = self._ampm(j)
        # "three twenty" alone is a number; "at three twenty" is a time
        explicit = self.word(
            i - 1, "at", "@", "around", "by", "until", "till", "before", "after", "from"
        )
        if ampm is not None:
            j = j2
            explicit = True
        elif self.word(j, "o'clock", "oclock"):
            j += 1
            explicit = True
            ampm2, j3 = self._ampm(j)
            if ampm2 is not None:
                ampm, j = ampm2, j3
        return ClockTime(h, minute, 0, ampm, grain, latent=not explicit, flexible=ampm is None), j

    def _t_relative_to_hour(self, i: int) -> tuple[ClockTime, int] | None:
        """ "a quarter past 3pm", "half past three", "20 to noon", "twenty after 3pm",
        "15 minutes past 15h", "half three"."""
        j = i
        minutes: int | None = None
        if self.word(j, "a") and self.word(j + 1, "quarter"):
            minutes, j = 15, j + 2
        elif self.word(j, "quarter"):
            minutes, j = 15, j + 1
        elif self.word(j, "half"):
            minutes, j = 30, j + 1
            if not self.word(j, "past", "after"):
                # "half three" (British) = 3:30
                k = j
                r = self._hour_ref(k)
                if r is not None and (self.t[k].kind == "w" or self.allow_latent):
                    tod, k2 = r
                    return replace(tod, minute=30, grain="minute", latent=False), k2
                return None
        else:
            cn = self.compound_number(j)
            if cn is None:
                return None
            minutes, j = cn
            if not 1 <= minutes <= 59:
                return None
            if self.word(j, "minutes", "minute", "mins", "min"):
                j += 1
            elif self.word(i - 1, "from", "between") or (
                self.word(j, "to", "till", "til", "before", "of")
                and (
                    minutes not in (5, 10, 15, 20, 25)
                    or (self.t[i].kind == "n" and not self.word(j + 1, "noon", "midnight"))
                )
            ):
                return None  # "5 to 7" is a range; "twenty to eight", "5 minutes to 7" are not
        if not self.word(j, "past", "after", "to", "before", "till", "til", "of", "from"):
            return None
        rel = self.s(j)
        if rel in ("to", "before", "till", "til", "of"):
            minutes = -minutes
        r = self._hour_ref(j + 1)
        if r is None:
            return None
        tod, k = r
        total = tod.hour * 60 + tod.minute + minutes
        h, m = divmod(total % (24 * 60), 60)
        flexible = tod.flexible
        ampm = tod.ampm
        if tod.ampm is not None:
            # keep the meaning of the reference hour
            base = tod.hour % 12 + (12 if tod.ampm == "pm" else 0)
            total = base * 60 + tod.minute + minutes
            h, m = divmod(total % (24 * 60), 60)
            ampm = None
            flexible = False
        return ClockTime(h, m, 0, ampm, "minute", latent=False, flexible=flexible), k

    def _hour_ref(self, i: int) -> tuple[ClockTime, int] | None:
        r = self._t_named(i)
        if r is not None:
            return r
        r = self._t_clock(i)
        if r is not None:
            tod, j = r
            return replace(tod, latent=False), j
        if i < self.n and self.t[i].kind == "w":
            h = self.t[i].num
            if h is not None and 1 <= h <= 12 and not self.t[i].ordinal:
                j = i + 1
                ampm, j2 = self._ampm(j)
                if ampm is not None:
                    j = j2
                return ClockTime(h, 0, 0, ampm, "hour", flexible=ampm is None), j
        return None

    # -- parts of day ---------------------------------------------------------------------

    def _p_part_impl(self, i: int) -> tuple[PartOfDay, int] | None:
        j = i
        day_offset: int | None = None
        early = late = False
        if self.word(j, "in", "during") and self.word(j + 1, "the"):
            j += 2
        elif self.word(j, "this", "today", "tomorrow", "yesterday", "tmrw", "last", "tomorrows"):
            day_offset = {
                "this": 0,
                "today": 0,
                "tomorrow": 1,
                "tmrw": 1,
                "tomorrows": 1,
                "yesterday": -1,
                "last": -1,
            }[self.s(j)]
            if self.s(j) == "last" and not self.word(j + 1, "night"):
                return None
            j += 1
        if (
            self.word(j, "late")
            and self.word(j + 1, "last", "tonight", "tonite")
            and (day_offset is None)
        ):
            late = True
            j += 1
            if self.word(j, "last"):
                day_offset = -1
                j += 1
        if self.word(j, "early"):
            early = True
            j += 1
            if self.word(j, "in") and self.word(j + 1, "the"):
                j += 2
        elif self.word(j, "late"):
            late = True
            j += 1
        s = self.s(j)
        if s.endswith("ish") and s[:-3] in _PARTS:
            s = s[:-3]
        if s in ("tonight", "tonite"):
            p = PartOfDay(21 if late else 18, 24, 0 if day_offset is None else day_offset, late)
            return p, j + 1
        if s == "after" and self.word(j + 1, "work"):
            return PartOfDay(17, 21, day_offset), j + 2
        if s == "after" and self.word(j + 1, "lunch"):
            return PartOfDay(13, 17, day_offset), j + 2
        if s == "after" and self.word(j + 1, "school"):
            return PartOfDay(15, 21, day_offset), j + 2
        if s == "the" and self.word(j + 1, "early") and self.word(j + 2, "hours"):
            k = j + 3
            if self.word(k, "of") and self.word(k + 1, "the") and self.word(k + 2, "morning"):
                k += 3
            return PartOfDay(0, 9, day_offset, early=True), k
        if s in _PARTS:
            if s in ("noon",):
                return None
            meal_ok = (
                self.n <= 2
                or self.p_weekday(i - 1) is not None
                or self.word(i - 1, "tomorrow", "today", "tonight", "at", "for", "over")
            )
            if (
                s in ("breakfast", "dinner", "supper", "brunch", "lunch", "lunchtime")
                and day_offset is None
                and j == i
                and not meal_ok
            ):
                return None
            a, b = _PARTS[s]
            if early:
                a, b = (0, 9) if s.startswith("morning") else (a, a + 3)
            elif late:
                a = 21 if s.startswith(("night", "evening")) else max(a, b - 3)
            k = j + 1
            if self.word(k, "ish"):
                k += 1
            if self.word(k, "-") and self.word(k + 1, "ish"):
                k += 2
            return PartOfDay(a, b, day_offset, late, early), k
        if early and s not in _PARTS:
            return None
        return None

    # -- relative expressions -------------------------------------------------------------

    def _unit_after(self, j: int) -> tuple[str, int] | None:
        s = self.s(j)
        if s in ("'", '"') and self.adjacent(j):
            return ("minute" if s == "'" else "second"), j + 1
        u = _UNITS.get(s)
        if u is None:
            return None
        if s in ("h", "m", "s") and not self.adjacent(j):
            if s != "h":
                return None
        if s == "m" and not self.adjacent(j):
            return None
        return u, j + 1

    def _add(self, base: datetime, unit: str, q: float) -> datetime:
        if unit == "second":
            return base + timedelta(seconds=q)
        if unit == "minute":
            return base + timedelta(minutes=q)
        if unit == "hour":
            return base + timedelta(hours=q)
        if unit == "day":
            return base + timedelta(days=q)
        if unit == "week":
            return base + timedelta(weeks=q)
        if unit == "fortnight":
            return base + timedelta(weeks=2 * q)
        out: datetime
        if unit == "month":
            out = base + relativedelta(months=int(q))
        elif unit == "quarter":
            out = base + relativedelta(months=int(3 * q))
        else:
            out = base + relativedelta(years=int(q))
        return out

    def _shift_value(self, unit: str, q: float, sign: int) -> Interval:
        """now +- q units, truncated the way people mean it."""
        now = self.ctx.now
        t = self._add(now, unit, sign * q)
        if unit in ("second",):
            return Interval(t, None, "minute")
        if unit in ("minute", "hour"):
            return Interval(t.replace(second=0, microsecond=0), None, "minute")
        if unit == "day" and q < 7 and sign > 0 and not q.is_integer():
            return Interval(t.replace(minute=0, second=0, microsecond=0), None, "hour")
        if unit in ("day", "week", "fortnight"):
            d = t.date()
            return Interval(self.ctx.at(d), None, "day")
        if unit == "month":
            return Interval(self.ctx.at(t.date()), None, "day")
        if unit == "quarter":
            d = t.date()
            return Interval(
                self.ctx.at(date(d.year, 3 * ((d.month - 1) // 3) + 1, 1)), None, "month"
            )
        return Interval(self.ctx.at(t.date()), None, "day")

    _in_style = False

    def _p_relative_impl(self, i: int) -> tuple[Interval | DaySpan, int] | None:
        c = self.ctx
        j = i
        # "in 2 weeks", "within 2 weeks", "in 15", "in a sec"
        if self.word(j, "in", "within"):
            within = self.s(j) == "within"
            j += 1
            if self.word(j, "about", "around", "approximately", "roughly", "another", "just"):
                j += 1
            q = self.quantity(j)
            if q is None:
                return None
            qty, k = q
            if self.word(k, "more"):
                k += 1
            u = self._unit_after(k)
            if u is None:
                # "in 15" = in 15 minutes
                if (
                    q[0] >= 1
                    and qty.is_integer()
                    and self.t[j].kind == "n"
                    and k >= self.n
                    and 1 <= qty <= 90
                ):
                    return Interval(c.now + timedelta(minutes=qty), None, "minute"), k
                return None
            unit, k = u
            if within:
                end = self._add(c.now, unit, qty)
                return Interval(
                    c.now, end, "minute" if unit in ("minute", "hour", "second") else "day"
                ), k
            self._in_style = True
            v = self._shift_value(unit, qty, 1)
            self._in_style = False
            return v, k
        # "next 3 days", "last 2 weeks", "past 2 days", "upcoming two weeks", "2 upcoming weeks"
        if self.word(j, "next", "last", "past", "previous", "upcoming", "coming"):
            mod = self.s(j)
            q = self.quantity(j + 1)
            if (q is not None and self.t[j + 1].s not in ("a", "an", "one", "half", "quarter")) or (
                q is not None and self.t[j + 1].s == "one"
            ):
                qty, k = q
                u = self._unit_after(k)
                if u is not None:
                    unit, k = u
                    return self._next_n(mod, unit, int(qty)), k
            if self.word(j + 1, "few", "couple"):
                q2 = self.quantity(j + 1)
                if q2 is not None:
                    u = self._unit_after(q2[1])
                    if u is not None:
                        return self._next_n(mod, u[0], int(q2[0])), u[1]
        q = self.quantity(j)
        if q is not None:
            qty, k = q
            if self.word(k, "upcoming", "coming", "next"):
                u = self._unit_after(k + 1)
                if u is not None:
                    return self._next_n("upcoming", u[0], int(qty)), u[1]
            # "3 fridays from now", "2 thursdays ago"
            if k < self.n and self.t[k].s in _WEEKDAYS and self.t[k].s.endswith("s"):
                wd = _WEEKDAYS[self.t[k].s]
                k2 = k + 1
                if self.word(k2, "from") and self.word(k2 + 1, "now", "today"):
                    delta = (wd - c.today.weekday()) % 7 or 7
                    d = c.today + timedelta(days=delta + 7 * (int(qty) - 1))
                    return DaySpan(d, d + timedelta(days=1), "day"), k2 + 2
                if self.word(k2, "ago", "back"):
                    delta = (c.today.weekday() - wd) % 7 or 7
                    d = c.today - timedelta(days=delta + 7 * (int(qty) - 1))
                    return DaySpan(d, d + timedelta(days=1), "day"), k2 + 1
            u = self._unit_after(k)
            if u is not None:
                unit, k2 = u
                if (
                    self.word(k2, "from", "after")
                    and not self.word(k2 + 1, "now", "today", "right")
                    and unit not in ("second", "minute", "hour")
                ):
                    # "a week from friday", "3 days after March 3"
                    base = self.p_point(k2 + 1)
                    if base is not None and base[0].grain in ("day", "hour", "minute"):
                        t = self._add(base[0].start, unit, qty)
                        return Interval(t, None, base[0].grain), base[1]
                if self.word(k2, "ago", "back", "before", "earlier"):
                    if self.s(k2) == "before" and not self.word(k2 + 1, "now"):
                        return None
                    v = self._shift_value(unit, qty, -1)
                    return v, k2 + (2 if self.s(k2) == "before" else 1)
                if (
                    self.word(k2, "hence", "later")
                    or (self.word(k2, "from") and self.word(k2 + 1, "now", "today"))
                    or (
                        self.word(k2, "from")
                        and self.word(k2 + 1, "right")
                        and self.word(k2 + 2, "now")
                    )
                ):
                    stop = k2 + 1
                    base_today = False
                    if self.s(k2) == "from":
                        if self.s(k2 + 1) == "right":
                            stop = k2 + 3
                        else:
                            base_today = self.s(k2 + 1) == "today"
                            stop = k2 + 2
                    if base_today:
                        t = self._add(c.at(c.today), unit, qty)
                        return Interval(t, None, "day"), stop
                    self._in_style = True
                    v = self._shift_value(unit, qty, 1)
                    self._in_style = False
                    return v, stop
        return None

    def _next_n(self, mod: str, unit: str, n: int) -> Interval | DaySpan:
        c = self.ctx
        now = c.now
        today = c.today
        if n <= 0:
            n = 1
        past = mod in ("last", "past", "previous")
        if mod == "upcoming" and unit in ("week", "day", "month", "year", "quarter"):
            # "two upcoming weeks": the week two weeks from now
            if unit == "week":
                s = _monday(today) + timedelta(days=7 * n)
                return DaySpan(s, s + timedelta(days=7), "week")
            if unit == "day":
                s = today + timedelta(days=n)
                return DaySpan(s, s + timedelta(days=1), "day")
            if unit == "month":
                s = today.replace(day=1) + relativedelta(months=n)
                return DaySpan(s, s + relativedelta(months=1), "month")
            if unit == "quarter":
                q0 = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
                s = q0 + relativedelta(months=3 * n)
                return DaySpan(s, s + relativedelta(months=3), "month")
            s = date(today.year + n, 1, 1)
            return DaySpan(s, date(s.year + 1, 1, 1), "year")
        if unit in ("second", "minute", "hour"):
            if unit == "second":
                base = now.replace(microsecond=0)
                step = timedelta(seconds=1)
                g: Grain = "minute"
            elif unit == "minute":
                base = now.replace(second=0, microsecond=0)
                step = timedelta(minutes=1)
                g = "minute"
            else:
                base = now.replace(minute=0, second=0, microsecond=0)
                step = timedelta(hours=1)
                g = "hour"
            if past:
                return Interval(base - step * n, base, g)
            return Interval(base + step, base + step * (n + 1), g)
        if unit == "day":
            if past:
                return DaySpan(today - timedelta(days=n), today, "day")
            return DaySpan(today + timedelta(days=1), today + timedelta(days=n + 1), "day")
        if unit in ("week", "fortnight"):
            n = n * (2 if unit == "fortnight" else 1)
            m = _monday(today)
            if past:
                return DaySpan(m - timedelta(days=7 * n), m, "week")
            return DaySpan(m + timedelta(days=7), m + timedelta(days=7 * (n + 1)), "week")
        if unit in ("month", "quarter"):
            k = n * (3 if unit == "quarter" else 1)
            m1 = today.replace(day=1)
            if past:
                return DaySpan(m1 - relativedelta(months=k), m1, "month")
            return DaySpan(m1 + relativedelta(months=1), m1 + relativedelta(months=k + 1), "month")
        y1 = date(today.year, 1, 1)
        if past:
            return DaySpan(date(today.year - n, 1, 1), y1, "year")
        return DaySpan(date(today.year + 1, 1, 1), date(today.year + n + 1, 1, 1), "year")

    def p_now(self, i: int) -> tuple[Interval, int] | None:
        c = self.ctx
        s = self.s(i)
        if s in ("right", "just") and self.word(i + 1, "now"):
            return Interval(c.now, None, "minute"), i + 2
        if s == "now" or (s == "atm" and self.t[i].cap):
            return Interval(c.now, None, "minute"), i + 1
        if s == "at" and self.word(i + 1, "the") and self.word(i + 2, "moment"):
            return Interval(c.now, None, "minute"), i + 3
        if s == "at" and self.word(i + 1, "this") and self.word(i + 2, "time"):
            return Interval(c.now, None, "minute"), i + 3
        if s == "asap" or (
            s == "as"
            and self.word(i + 1, "soon")
            and self.word(i + 2, "as")
            and self.word(i + 3, "possible")
        ):
            return Interval(c.now, None, "minute"), i + (1 if s == "asap" else 4)
        if s == "eod" or (s == "end" and self.word(i + 1, "of") and self.word(i + 2, "day")):
            return Interval(c.now, c.at(c.today + timedelta(days=1)), "minute"), i + (
                1 if s == "eod" else 3
            )
        return None

    # -- combination ------------------------------------------------------------------------

    def _component_impl(self, i: int) -> tuple[Value, int] | None:
        """The longest single component starting at token i."""
        best: tuple[Value, int] | None = None
        if i >= self.n:
            return None
        tok = self.t[i]
        first = tok.s
        cands: list[tuple[Value, int] | None] = [self.p_date(i), self.p_tod(i)]
        if tok.kind == "w" and (first in _PART_STARTS or first in _PARTS):
            cands.append(self.p_part(i))
        if tok.kind == "n" or tok.num is not None or first in _RELATIVE_STARTS:
            cands.append(self.p_relative(i))
        if first in _NOW_STARTS:
            cands.append(self.p_now(i))
        for r in cands:
            if r is not None and (best is None or r[1] > best[1]):
                best = r
        return best

    def _p_point_impl(self, i: int) -> tuple[Interval, int] | None:
        """A sequence of compatible components joined by connectors, resolved to one value."""
        day: DaySpan | None = None
        tod: ClockTime | None = None
        part: PartOfDay | None = None
        absv: Interval | None = None
        j = i
        last_end = i
        first = True
        while j < self.n:
            k = j
            # connectors between components
            steps = 0
            while k < self.n and self.t[k].s in _CONNECT and steps < 3:
                if self.t[k].s == "from" and not first:
                    break
                k += 1
                steps += 1
            r = self.component(k)
            if k != j:
                r0 = self.component(j)
                if r0 is not None and (r is None or r0[1] >= r[1]):
                    r = r0
                    k = j
            if r is None:
                break
            v, k2 = r
            if isinstance(v, DaySpan):
                if day is not None or absv is not None:
                    break
                day = v
            elif isinstance(v, ClockTime):
                if tod is not None or (absv is not None and absv.grain != "day"):
                    break
                if v.latent and not first and day is None and part is None:
                    break
                if v.latent and not first and (v.hour == 0 or not self._latent_ok(k, k2)):
                    break
                tod = v
            elif isinstance(v, PartOfDay):
                if part is not None or absv is not None:
                    break
                if (
                    part is None
                    and day is not None
                    and v.day_offset is not None
                    and v.day_offset != 0
                ):
                    break
                part = v
            else:
                if not first and not (tod is not None and day is None and part is None):
                    break
                if tod is not None and (tod.latent or v.grain != "day"):
                    break
                if first is False and absv is not None:
                    break
                absv = v
            last_end = k2
            j = k2
            first = False
        if first:
            return None
        val = self.resolve(day, tod, part, absv)
        if val is None:
            return None
        return val, last_end

    def _latent_ok(self, k: int, k2: int) -> bool:
        """A bare number after a day ("friday 7", "tomorrow at 5") is a time unless more
        words follow it ("today after 4 long years")."""
        if self.word(k - 1, "at", "@", "around", "by") or self.word(k, "at", "@"):
            return True
        nxt = self.t[k2] if k2 < self.n else None
        if nxt is None or nxt.kind == "p":
            return True
        return nxt.s in _PARTS or nxt.s in ("tonight", "ish", "o'clock", "oclock", "or", "and")

    def resolve(
        self,
        day: DaySpan | None,
        tod: ClockTime | None,
        part: PartOfDay | None,
        absv: Interval | None,
    ) -> Interval | None:
        c = self.ctx
        if absv is not None:
            if tod is not None:
                # "in 7 days at 5pm", "at 7 in 3 years"
                d = absv.start.date()
                h = self._hour(tod, part, d)
                return self._tod_value(tod, d, h)
            if day is not None or part is not None:
                return None
            return absv
        if day is not None and day.grain not in ("day",) and (tod or part):
            if day.grain == "hour" and tod is None:
                return None
            if day.grain == "week" and part is not None and tod is None:
                return None
            if tod is None:
                return None
            if day.grain != "hour":
                return None
        if day is not None and tod is None and part is None:
            return self._day_value(day)
        base_day = day.start if day is not None else None
        if day is not None and day.grain == "hour" and tod is not None:
            # "this weekend 2pm": Saturday (the weekend starts Friday 18:00), or Sunday when
            # Saturday's is already past
            base_day = day.start + timedelta(days=1)
            if c.at(base_day, self._hour(tod, part, base_day), tod.minute) <= c.now:
                base_day += timedelta(days=1)
        if part is not None and base_day is None and part.day_offset is not None:
            base_day = c.today + timedelta(days=part.day_offset)
        if tod is None:
            assert part is not None
            if base_day is None:
                # "morning", "in the evening", "after work": the next one (today if not over)
                base_day = c.today
                if c.at(base_day, part.end_h) <= c.now:
                    base_day += timedelta(days=1)
            return Interval(
                c.at(base_day, part.start_h),
                c.at(base_day, part.end_h),
                "hour",
                latent=day is None and part.day_offset is None,
            )
        # a clock time, on a day or the next occurrence
        if tod.tz is not None:
            tzinfo = timezone(timedelta(hours=tod.tz))
        else:
            tzinfo = None
        if base_day is not None:
            h = self._hour(tod, part, base_day)
            v = self._tod_value(tod, base_day, h)
            if tzinfo is not None:
                v = self._convert(v, tod, tzinfo, base_day, h)
            return v
        # next occurrence
        best: datetime | None = None
        hours = self._candidate_hours(tod, part)
        for d_off in (0, 1, 2):
            d = c.today + timedelta(days=d_off)
            for h in hours:
                if tzinfo is not None:
                    t = datetime.combine(d, time(h % 24, tod.minute, tod.second), tzinfo=tzinfo)
                    t = t.astimezone(c.tz)
                else:
                    t = c.at(d, h, tod.minute, tod.second)
                if t >= c.now.replace(second=0, microsecond=0) and (best is None or t < best):
                    best = t
            if best is not None:
                break
        if best is None:
            return None
        return Interval(best, None, tod.grain, latent=tod.latent)

    def _convert(self, v: Interval, tod: ClockTime, tzinfo: tzinfo, d: date, h: int) -> Interval:
        t = datetime.combine(d, time(h % 24, tod.minute, tod.second), tzinfo=tzinfo)
        return Interval(t.astimezone(self.ctx.tz), None, v.grain)

    def _candidate_hours(self, tod: ClockTime, part: PartOfDay | None) -> list[int]:
        h = tod.hour
        if tod.ampm == "am":
            return [0 if h == 12 else h]
        if tod.ampm == "pm":
            return [12 if h == 12 else h + 12]
        if part is not None:
            return [self._in_part(h, part)]
        if not tod.flexible:
            return [h]
        if self.ctx.meetup and 1 <= h <= 7:
            return [h + 12]
        if h == 12:
            return [12, 24]
        return [h, h + 12]

    def _in_part(self, h: int, part: PartOfDay) -> int:
        if part.start_h >= 12 and h < 12:
            return h + 12
        if part.start_h >= 12 and h == 12 and part.end_h == 24:
            return 24
        if part.end_h <= 12 and h == 12:
            return 0 if part.start_h == 0 else 12
        return h

    def _hour(self, tod: ClockTime, part: PartOfDay | None, d: date) -> int:
        h = tod.hour
        if tod.ampm == "am":
            return 0 if h == 12 else h
        if tod.ampm == "pm":
            return 12 if h == 12 else h + 12
        if part is not None:
            return self._in_part(h, part)
        if tod.flexible and self.ctx.meetup and 1 <= h <= 7:
            return h + 12
        return h

    def _tod_value(self, tod: ClockTime, d: date, h: int) -> Interval:
        return Interval(self.ctx.at(d, h, tod.minute, tod.second), None, tod.grain)

    def _day_value(self, day: DaySpan) -> Interval:
        c = self.ctx
        if day.grain == "hour":
            # weekends: Friday 18:00 - Monday 00:00
            return Interval(c.at(day.start, 18), c.at(day.end), "hour")
        if day.grain == "day" and day.end - day.start == timedelta(days=1):
            return Interval(c.at(day.start), None, "day", latent=day.latent)
        return Interval(c.at(day.start), c.at(day.end), day.grain, latent=day.latent)

    # -- ranges ---------------------------------------------------------------------------

    def p_expr(self, i: int) -> tuple[Interval, int, int] | None:
        """A point or a range; returns (value, first token, end token)."""
        start_i = i
        if self.word(i, "around", "about", "approximately", "approx", "at", "@", "circa"):
            r0 = self.p_range(i + 1, None, None)
            if r0 is not None:
                return r0[0], start_i, r0[1]
        rng0 = self.p_range(i, None, None)
        if rng0 is not None:
            return rng0[0], start_i, rng0[1]
        if (self.word(i, "by") and not self.word(i + 1, "the")) or (
            self.word(i, "by") and self.word(i + 1, "the") and self.word(i + 2, "end", "eom", "eoy")
        ):
            p_by = self.p_point(i + 1)
            if p_by is not None:
                v_by, e_by = p_by
                deadline = v_by.end if v_by.end is not None else v_by.start
                if deadline > self.ctx.now:
                    return Interval(self.ctx.now, deadline, "minute"), start_i, e_by
        lead_day: DaySpan | None = None
        # "Thursday from 9:30 to 11:00", "this Thu 9-11am", "tomorrow in between 1-2:30"
        rd = self.p_date(i)
        j = i
        if rd is not None and rd[0].grain == "day":
            lead_day, j = rd
            if self.word(j, ","):
                j += 1
            rp = self.p_part(j)
            if rp is not None and rp[0].day_offset is None:
                j = rp[1]  # "thursday evening 6-9": the hours are read in the meetup way
        kw = None
        k = j
        if self.word(k, "in") and self.word(k + 1, "between"):
            k += 1
        if self.word(k, "from", "between", "later"):
            kw = self.s(k)
            k += 1
            if kw == "later":
                if not self.word(k, "than"):
                    kw = None
                    k -= 1
                else:
                    k += 1
        rng = self.p_range(k, kw, lead_day)
        if rng is not None:
            v, end = rng
            return v, start_i, end
        if self.word(i, "for"):
            # "for 10 days from 18th Dec", "for 30' starting from 4pm"
            q = self.quantity(i + 1)
            if q is not None:
                u = self._unit_after(q[1])
                if u is not None:
                    k = u[1]
                    if self.word(k, "starting"):
                        k += 1
                    if self.word(k, "from", "on", "at"):
                        p_f = self.p_point(k + 1)
                        if p_f is not None:
                            return self._for_span(p_f[0], u[0], q[0]), start_i, p_f[1]
        p = self.p_point(i)
        if p is None:
            return None
        v, end = p
        # "X for N units": an interval from X
        if self.word(end, "for"):
            q = self.quantity(end + 1)
            if q is not None:
                u = self._unit_after(q[1])
                if u is not None and u[0] in ("minute", "hour", "day", "week", "month"):
                    return self._for_span(v, u[0], q[0]), start_i, u[1]
        # "X or Y": X
        if self.word(end, "or") and self.p_point(end + 1) is not None:
            p2 = self.p_point(end + 1)
            assert p2 is not None
            end = p2[1]
        return v, start_i, end

    def _for_span(self, v: Interval, unit: str, qty: float) -> Interval:
        end = self._add(v.start, unit, qty)
        grain: Grain = v.grain if unit in ("minute", "hour") else "day"
        if unit in ("minute", "hour") and grain not in ("minute", "hour"):
            grain = "minute"
        return Interval(v.start, end, grain)

    def _bound(self, i: int) -> tuple[str, object, int] | None:
        """A range bound: a full point, a bare day number, or a bare hour."""
        p = self.p_point(i)
        if p is not None:
            return "abs", p, p[1]
        k = self.skip_the(i)
        dd = self.p_dayord(k)
        if dd is not None:
            return "daynum", dd[0], dd[1]
        return None

    def p_range(
        self, i: int, kw: str | None, lead_day: DaySpan | None
    ) -> tuple[Interval, int] | None:
        # Cheap exit: a range needs a separator ("-", "to", "and"...) a few tokens ahead.
        if not any(t.s in _RANGE_SEP or t.s == "but" for t in self.t[i + 1 : i + 9]):
            return None
        # Left bound: a clock time (possibly without am/pm), a day number or a full point.
        left_tod = self.p_tod(i)
        left_day = self.p_date(i)
        left_num = self.p_dayord(self.skip_the(i))
        ends = [r[1] for r in (left_tod, left_day) if r is not None]
        if left_num is not None:
            ends.append(left_num[1])
        left_pt = self.p_point(i) if left_day is not None or left_tod is not None else None
        if left_pt is not None:
            ends.append(left_pt[1])
        if not ends:
            return None
        for lend in sorted(set(ends), reverse=True):
            sep_i = lend
            if sep_i >= self.n:
                continue
            sep = self.s(sep_i)
            if kw == "between" and sep != "and":
                if sep not in ("-",):
                    continue
            if kw == "later" and sep != "but":
                continue
            if kw == "later":
                if not self.word(sep_i + 1, "before"):
                    continue
                r_i = sep_i + 2
            elif sep in _RANGE_SEP and (sep != "and" or kw == "between"):
                r_i = sep_i + 1
            else:
                continue
            r_i = self.skip_the(r_i) if self.word(r_i, "the") and self.p_dayord(r_i + 1) else r_i
            res = self._range_with(i, lend, r_i, lead_day, kw)
            if res is not None:
                return res
        return None

    def _range_with(
        self, i: int, lend: int, r_i: int, lead_day: DaySpan | None, kw: str | None
    ) -> tuple[Interval, int] | None:
        # -- clock ranges: "7-9pm", "3:30 to 6 PM", "9:30 - 11:00 on Thursday"
        lt = self.p_tod(i)
        rt = self.p_tod(r_i)
        clock = self._clock_range(i, lend, r_i, lead_day, kw, lt, rt)
        if clock is not None:
            return clock
        days = self._day_range(i, lend, r_i)
        if days is not None:
            return self._this_year(days[0]), days[1]
        return self._point_range(i, lend, r_i, kw)

    def _this_year(self, v: Interval) -> Interval:
        """ "Mar 3-7" said on March 4: the range going on now, not next year's."""
        c = self.ctx
        if v.end is None or v.start.year != c.today.year + 1:
            return v
        try:
            s0 = v.start.replace(year=v.start.year - 1)
            e0 = v.end.replace(year=v.end.year - 1)
        except ValueError:
            return v
        if s0 <= c.now < e0:
            return Interval(s0, e0, v.grain, v.latent)
        return v

    def _point_range(
        self, i: int, lend: int, r_i: int, kw: str | None
    ) -> tuple[Interval, int] | None:
        """Any two points: "friday 6pm to sunday noon", "from friday 6pm until sunday"."""
        if self.s(lend) not in (
            "to",
            "until",
            "till",
            "til",
            "untill",
            "through",
            "thru",
            "-",
            "–",
        ):
            return None
        lp = self.p_point(i)
        rp = self.p_point(r_i)
        if lp is None or rp is None or lp[1] != lend:
            return None
        left, right = lp[0], rp[0]
        if left.latent or right.latent:
            return None
        end = right.end if right.end is not None else right.start
        if right.end is None and right.grain == "day":
            end = right.start + timedelta(days=1)
        if end <= left.start or end - left.start > timedelta(days=62):
            return None
        grain: Grain = "minute" if "minute" in (left.grain, right.grain) else left.grain
        return Interval(left.start, end, grain), rp[1]

    def _clock_range(
        self,
        i: int,
        lend: int,
        r_i: int,
        lead_day: DaySpan | None,
        kw: str | None,
        lt: tuple[ClockTime, int] | None,
        rt: tuple[ClockTime, int] | None,
    ) -> tuple[Interval, int] | None:
        c = self.ctx
        if lt is not None and lt[1] == lend and rt is not None:
            ltod, rtod = lt[0], rt[0]
            end = rt[1]
            # trailing "in the PM"
            am2, e2 = self._ampm(end)
            if am2 is not None and rtod.ampm is None:
                rtod = replace(rtod, ampm=am2)
                end = e2
            day = lead_day
            part = None
            k = end
            if day is None:
                kk = k
                if self.word(kk, "on", ","):
                    kk += 1
                rd = self.p_date(kk)
                if rd is not None and rd[0].grain == "day":
                    day, k = rd
                else:
                    rp = self.p_part(kk)
                    if rp is not None:
                        part, k = rp
                        if part.day_offset is not None:
                            day = DaySpan(
                                c.today + timedelta(days=part.day_offset),
                                c.today + timedelta(days=part.day_offset + 1),
                                "day",
                            )
            latent_range = False
            if (
                ltod.latent
                and rtod.latent
                and (
                    (day is None and kw is None)
                    or self.p_monthname(k) is not None
                    or (self.word(k, "of") and self.p_monthname(k + 1) is not None)
                )
            ):
                # "7-9" alone is a time only in a `when` ("1-8 september" is read later)
                if (
                    not self.allow_latent
                    or day is not None
                    or self.p_monthname(k) is not None
                    or self.word(k, "of")
                ):
                    return None
                latent_range = True
            if rtod.ampm is not None and ltod.ampm is None and ltod.flexible:
                # "7-9pm": the left takes pm too unless that would pass the right
                lh = ltod.hour % 12 + (12 if rtod.ampm == "pm" else 0)
                rh = rtod.hour % 12 + (12 if rtod.ampm == "pm" else 0)
                if lh * 60 + ltod.minute > rh * 60 + rtod.minute and rtod.ampm == "pm":
                    lh -= 12
                ltod = replace(ltod, hour=lh, ampm=None, flexible=False)
            if ltod.tz is None and rtod.tz is not None:
                ltod = replace(ltod, tz=rtod.tz)
            sv = self.resolve(day, replace(ltod, latent=False), part, None)
            if sv is None:
                return None
            s = sv.start
            # the end: same day as start, after it
            if rtod.ampm is None and rtod.flexible and not ltod.flexible:
                rh = rtod.hour
                cands = [rh, rh + 12] if rh < 12 else [rh]
                eh = None
                for h in cands:
                    t = c.at(s.date(), h, rtod.minute)
                    if t > s:
                        eh = t
                        break
                e = eh if eh is not None else c.at(s.date(), rh, rtod.minute) + timedelta(days=1)
            else:
                if rtod.ampm is None and rtod.flexible and ltod.flexible:
                    rh = rtod.hour
                    cands = [rh, rh + 12]
                    e = None
                    for h in cands:
                        t = c.at(s.date(), h, rtod.minute)
                        if t > s:
                            e = t
                            break
                    if e is None:
                        e = c.at(s.date(), rh, rtod.minute) + timedelta(days=1)
                else:
                    h = self._hour(rtod, part, s.date())
                    if rtod.tz is not None:
                        e = datetime.combine(
                            s.date(),
                            time(h % 24, rtod.minute),
                            tzinfo=timezone(timedelta(hours=rtod.tz)),
                        )
                        e = e.astimezone(c.tz)
                    else:
                        e = c.at(s.date(), h, rtod.minute)
                    if e <= s:
                        e += timedelta(days=1)
            grain: Grain = "minute" if "minute" in (ltod.grain, rtod.grain) else "hour"
            return Interval(s, e, grain, latent=latent_range), k
        return None

    def _day_range(self, i: int, lend: int, r_i: int) -> tuple[Interval, int] | None:
        c = self.ctx
        # -- day ranges: "March 3-5", "13 to 15 July", "Aug 8 - Aug 12", "from Thursday to Sunday"
        ld = self.p_date(i)
        lnum = self.p_dayord(self.skip_the(i))
        rd = self.p_date(r_i)
        rnum = self.p_dayord(self.skip_the(r_i))
        if lnum is not None and lnum[1] == lend:
            # "13 to 15 July", "from the 13th to the 15th of July", "1-8 september"
            if rd is not None and rd[0].grain == "day" and not rd[0].weekday_only:
                rday, end = rd
                sd = _valid(rday.start.year, rday.start.month, lnum[0])
                if sd is None or sd > rday.start:
                    return None
                return Interval(c.at(sd), c.at(rday.end), "day"), end
            if rnum is not None:
                k = rnum[1]
                if self.word(k, "of"):
                    k += 1
                m = self.p_monthname(k)
                if m is not None:
                    year, k2 = self._year_after(k + 1)
                    sd2 = self._mk_monthday(m, lnum[0], year)
                    if sd2 is None:
                        return None
                    ed = _valid(sd2.start.year, m, rnum[0])
                    if ed is None or ed < sd2.start:
                        return None
                    return Interval(c.at(sd2.start), c.at(ed + timedelta(days=1)), "day"), k2
        if ld is not None and ld[1] == lend and ld[0].grain in ("day", "month", "year"):
            lday = ld[0]
            if rd is not None and rd[0].grain == lday.grain:
                rday, end = rd
                sday = lday.start
                eday = rday.end
                if eday <= sday and not rday.explicit_year:
                    # "Dec 28 - Jan 3", "Friday to Monday"
                    if lday.grain == "day" and rday.end - rday.start == timedelta(days=1):
                        rs: date = rday.start
                        while rs < sday:
                            if rday.weekday_only:
                                rs = rs + timedelta(days=7)
                            else:
                                rs = (
                                    rs.replace(year=rs.year + 1)
                                    if not (rs.month == 2 and rs.day == 29)
                                    else rs + timedelta(days=365)
                                )
                        eday = rs + timedelta(days=1)
                if eday <= sday:
                    return None
                g: Grain = lday.grain
                return Interval(c.at(sday), c.at(eday), g), end
            if rnum is not None and lday.grain == "day" and not lday.weekday_only:
                # "July 13-15", "Aug 27th - 29th"
                day_n, end = rnum
                rd2 = _valid(lday.start.year, lday.start.month, day_n)
                if rd2 is None or rd2 < lday.start:
                    return None
                return Interval(c.at(lday.start), c.at(rd2 + timedelta(days=1)), "day"), end
        # -- year ranges "1960 - 1961"
        return None


# ---------------------------------------------------------------------------------------
# Public API


# A digit that starts a word (not "@user2", "abc123" or ".../t.co/9x").
_DIGIT = re.compile(r"(?:^|(?<=[\s(\[{,;~'\"<]))\d")


def _prefilter(text: str) -> bool:
    """False when the text surely has no time expression (cheap)."""
    if _DIGIT.search(text) is not None:
        return True
    words = _WORD_SPLIT.findall(text.lower())
    if not _TRIGGERS.isdisjoint(words):
        return True
    weak = _WEAK_TRIGGERS.intersection(words)
    if weak and any((" " + w.capitalize()) in text or w.upper() in text for w in weak):
        return True
    if _PAIR_TRIGGERS.isdisjoint(words):
        return False
    return len(_PAIR_TRIGGERS.intersection(words)) >= 2


_WORD_SPLIT = re.compile(r"[a-z]+(?:'[a-z]+)?")
_LOOKBEHIND = 4
# First words of the parts of the grammar (a cheap dispatch before trying them).
_PART_STARTS = frozenset(
    "in during this today tomorrow yesterday tmrw tomorrows last early late tonight tonite "
    "after the".split()
)
_RELATIVE_STARTS = frozenset(
    "in within next last past previous upcoming coming a an couple few several half three "
    "one".split()
)
_NOW_STARTS = frozenset("right just now atm at asap as eod end".split())
# Words after "the 21st" that keep it a day.
_DAY_FOLLOWERS = frozenset(
    "at on in of and or to for from through thru till until works work is would could "
    "should then i we it that this next after before around about evening morning "
    "afternoon night lunch dinner".split()
)
# URLs and snake_case words are not chat (group 1 is blanked). Anchored at the start of a
# whitespace-free run, so each run is read a bounded number of times: the former pattern,
# "\S+\.com/" searched at every position, backtracked quadratically on a long run
# ("1/1/1/...": seconds at 20 KB).
_URLISH_RE = re.compile(
    r"(?<!\S)(?:(?=\S+?\.(?:com|org|net|io|co)/|\S*?_\S*?_)|\S*?(?=(?:https?://|www\.)\S))(\S*)"
)
# Words that can open a time expression before its number or time word.
_PREFIX_WORDS = frozenset(
    "at on the in from between by this next last coming upcoming past previous a an half "
    "quarter early late mid end beginning start around about approximately approx for "
    "until till til since after before during within later right just as day all rest "
    "current following @ than of to few couple several three-quarters".split()
)
_ANCHORS = frozenset(
    [
        *_TRIGGERS,
        *_WEAK_TRIGGERS,
        *_UNITS,
        *_NUMBERS,
        *_ORDINALS,
        "noon",
        "midday",
        "midnight",
        "tonight",
        "tonite",
        "now",
        "asap",
        "eod",
        "eom",
        "eoy",
        "bom",
        "boy",
        "end",
        "beginning",
        "start",
        "soon",
        "moment",
        "lunch",
        "lunchtime",
        "work",
        "school",
        "early",
        "late",
        "mid",
        "ides",
        "weekend",
        "week-end",
        "wkend",
        "qtr",
        "quarter",
        "ago",
        "hence",
        "fortnight",
        "atm",
        "breakfast",
        "dinner",
        "brunch",
        "supper",
        "tomorrows",
        "week's",
        "weeks",
        "summer",
        "winter",
        "autumn",
        "fall",
        "spring",
        "season",
    ]
)
# Bounds on the work one message costs, whatever its shape (issue 13: "1/" * 10,000 took
# seconds). Each stage is linear in what it reads and stops at its cap: characters read,
# numbers and time words looked around, tokens made, expression starts tried.
_MAX_LEN = 20_000
_MAX_ANCHORS = 600  # numbers and time words whose neighbourhood is tokenized
_MAX_TOKENS = 1_200
_MAX_ATTEMPTS = 200  # expression starts tried per message (a chat message has a few)


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
    """Spans around the first ``_MAX_ANCHORS`` numbers and time words, merged where they
    meet. Constant work per anchor: windows are grown to whole words only at the edges of
    merged spans, not once per anchor (a wall of digits has an anchor per character)."""
    n = len(text)
    spans: list[tuple[int, int]] = []
    cur_a = cur_b = -1  # the open span, raw (not yet grown to whole words)
    for m in _anchor_scan().finditer(text):
        work.anchors += 1
        if work.anchors > _MAX_ANCHORS:
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
    At most ``_MAX_TOKENS`` tokens."""
    if len(text) <= 2 * (_WINDOW_BEFORE + _WINDOW_AFTER):
        work.chars += len(text)
        return _tokenize(text, _MAX_TOKENS)
    out: list[Token] = []
    for a, b in _windows(text, work):
        if len(out) >= _MAX_TOKENS:
            break
        if out:
            out.append(Token("\n", a, a, "p", False, None, False))
        work.chars += b - a
        for t in _tokenize(text[a:b], _MAX_TOKENS - len(out)):
            t.start += a
            t.end += a
            out.append(t)
    return out


def _blank_urls(text: str) -> str:
    """``text`` with URLs and snake_case words blanked (offsets kept); linear in its length."""
    return _URLISH_RE.sub(lambda m: m.group()[: m.start(1) - m.start()] + " " * len(m[1]), text)


def _run(
    text: str, now: datetime, meetup: bool, allow_latent: bool, work: Work | None = None
) -> list[TimeMention]:
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    if work is None:
        work = Work()
    clipped = text[:_MAX_LEN]
    if "/" in clipped or "_" in clipped or "www." in clipped:
        clipped = _blank_urls(clipped)
    toks = _tokenize_windows(clipped, work)
    work.tokens = len(toks)
    return _parse_all(text, toks, now, meetup, allow_latent, work)


def _parse_all(
    text: str, toks: list[Token], now: datetime, meetup: bool, allow_latent: bool, work: Work
) -> list[TimeMention]:
    """Every expression in ``toks``, left to right, at most ``_MAX_ATTEMPTS`` starts tried."""
    ctx = Context(now, meetup)
    p = Parser(text, toks, ctx)
    p.allow_latent = allow_latent
    out: list[TimeMention] = []
    n = len(toks)
    # Expressions start at most a few tokens before a number or a time word.
    starts: set[int] = set()
    for k, tk in enumerate(toks):
        if tk.kind == "n" or tk.s in _ANCHORS:
            starts.add(k)
            for b in range(k - 1, max(-1, k - 1 - _LOOKBEHIND), -1):
                if toks[b].s in _PREFIX_WORDS:
                    starts.add(b)
                elif toks[b].kind != "n" and toks[b].s not in _ANCHORS:
                    break
    i = 0
    attempts = 0
    while i < n:
        tok = toks[i]
        if i not in starts or (tok.kind == "p" and tok.s != "@"):
            i += 1
            continue
        attempts += 1
        if attempts > _MAX_ATTEMPTS:
            break  # a wall of numbers: stop rather than parse forever
        work.attempts = attempts
        try:
            r = p.p_expr(i)
        except (ValueError, OverflowError, KeyError, IndexError):
            r = None
        work.rule_calls = p.rule_calls
        if r is None:
            i += 1
            continue
        v, s_i, e_i = r
        # trim leading connectors from the span
        while s_i < e_i and toks[s_i].s in (
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
        ):
            if toks[s_i].s == "this" and s_i + 1 < e_i:
                break
            if (
                toks[s_i].s in ("the", "in")
                and s_i + 1 < e_i
                and toks[s_i + 1].s
                in ("morning", "afternoon", "evening", "day", "week", "end", "beginning")
            ):
                break
            if toks[s_i].s == "in" and s_i + 1 < e_i:
                nxt = toks[s_i + 1]
                if nxt.num is not None or nxt.s in ("a", "an", "half", "few", "couple"):
                    break
            s_i += 1
        while e_i > s_i and toks[e_i - 1].s in (",", "at", "on", "-", "the"):
            e_i -= 1
        if e_i <= s_i:
            i += 1
            continue
        if v.latent and not allow_latent:
            i = e_i
            continue
        if v.end is not None and v.end <= v.start:
            v = Interval(v.start, None, v.grain)  # never an empty interval
        start_c = toks[s_i].start
        end_c = toks[e_i - 1].end
        out.append(TimeMention(text[start_c:end_c], start_c, end_c, v.start, v.end, v.grain))
        i = e_i
    return out


def find_times(text: str, *, now: datetime) -> list[TimeMention]:
    """Time expressions in chat text, left to right, without overlaps."""
    if not text or not _prefilter(text):
        return []
    return _run(text, now, meetup=False, allow_latent=False)


def find_times_work(text: str, *, now: datetime) -> tuple[list[TimeMention], Work]:
    """``find_times`` and what it cost (the work-bound tests and the benchmark read it)."""
    work = Work()
    if not text or not _prefilter(text):
        return [], work
    return _run(text, now, meetup=False, allow_latent=False, work=work), work


_EDGE_STRIP = " \t\r\n.,;:!?\"'()[]{}“”‘’"


def parse_when(text: str, *, now: datetime, meetup: bool = True) -> TimeMention | None:
    """The whole text as one time expression, or None."""
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
    found = _run(s, now, meetup=meetup, allow_latent=True)
    if len(found) != 1:
        return None
    m = found[0]
    # everything outside the mention must be filler
    rest = (s[: m.start_index] + " " + s[m.end_index :]).lower()
    rest_words = [w for w in re.findall(r"[\w']+", rest)]
    if any(w not in _FILLER for w in rest_words):
        return None
    return replace(m, start_index=m.start_index + offset, end_index=m.end_index + offset)


_ISO_RE = re.compile(
    r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$"
)

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
        "between",
    }
)


def suggest_times(partial: str, *, now: datetime, limit: int = 5) -> list[datetime]:
    """Autocomplete for a ``when`` option: instants the partial text could mean, best first.

    A day becomes its evening (19:00, then 18:00, then noon); a span of days offers the
    evenings of its days; a part of the day offers times inside it; a partial last word is
    completed ("tomor" -> tomorrow, "7:3" -> 7:30)."""
    s = partial.strip()
    if not s or limit <= 0 or len(s) > 200:
        return []
    out: list[datetime] = []

    def add(dt: datetime | None) -> None:
        if dt is not None and dt >= now - timedelta(minutes=1) and dt not in out:
            out.append(dt)

    def offer(m: TimeMention, full: bool) -> None:
        start = m.start
        if m.grain == "day" and m.end is None:
            for h in (19, 18, 12) if full else (19,):
                add(start.replace(hour=h, minute=0))
            return
        if m.end is not None and m.end - start >= timedelta(days=1):
            # a span of days (weekend, week, month): the evenings of its first days
            d = start.date()
            last = (m.end - timedelta(seconds=1)).date()
            while d <= last and len(out) < limit:
                t = datetime.combine(d, time(19, 0), tzinfo=start.tzinfo)
                if start <= t < m.end:
                    add(t)
                d += timedelta(days=1)
            return
        if m.end is not None and m.end - start >= timedelta(hours=3):
            # a part of the day: 19:00 when it is in it, else its start
            d = start.date()
            seven = datetime.combine(d, time(19, 0), tzinfo=start.tzinfo)
            if start <= seven < m.end:
                for h in (19, 18, 20):
                    t = datetime.combine(d, time(h, 0), tzinfo=start.tzinfo)
                    if start <= t < m.end:
                        add(t)
            else:
                add(start)
                add(start + timedelta(hours=1))
            return
        add(start)

    m = parse_when(s, now=now, meetup=True)
    if m is not None:
        offer(m, True)
    low = s.lower()
    words = low.split()
    if words:
        last = words[-1]
        head = " ".join(words[:-1])
        # "7:3" -> 7:30
        if re.fullmatch(r"\d{1,2}:\d", last):
            m4 = parse_when(f"{low}0", now=now, meetup=True)
            if m4 is not None:
                offer(m4, False)
        # Complete a trailing partial word: "next fri" / "tomor" / "wedn"
        completions: list[str] = []
        for vocab in (
            [w for w in _WEEKDAYS if len(w) > 3 and not w.endswith("s")],
            ["tomorrow", "tonight", "today", "weekend", "evening", "afternoon", "lunch"],
            [w for w in _MONTHS if len(w) > 3] if head else [],
        ):
            for w in vocab:
                if w.startswith(last) and w != last:
                    completions.append(w)
        for w in completions[:4]:
            m2 = parse_when(f"{head} {w}".strip(), now=now, meetup=True)
            if m2 is not None:
                offer(m2, False)
        # "next fri 7" -> also 7pm, 7:30pm, 7am
        if last.isdigit():
            for suffix in ("pm", ":30pm", "am"):
                m3 = parse_when(f"{low}{suffix}", now=now, meetup=True)
                if m3 is not None:
                    add(m3.start)
    return out[:limit]
