"""The cursor the rules read with: token helpers and the memoised entry points."""

from __future__ import annotations

from collections.abc import Callable

from bot.nlp.dates import clock, combine, days, relative
from bot.nlp.dates.tokens import Token
from bot.nlp.dates.values import ClockTime, Context, DaySpan, Interval, PartOfDay, Value
from bot.nlp.dates.vocabulary import (
    _FILLER_AFTER_DAY,
    _MONTHS,
    _PARTS,
    _WEEKDAYS,
    LOWER_CASE_MONTH_CUES,
    MAY_AS_A_VERB_BEFORE,
    MONTH_CUES,
    WHEN_TAGS,
)

# Between two weekdays that make each other weekdays: "tue or wed", "sat/sun", "mon-fri".
_DAY_JOINERS = ("or", "and", "to", "-", "/")


class Cursor:
    """The tokens of one message, a position in them, and readable helpers; the memoised
    entry points of the rule groups (free functions over the cursor in ``days``,
    ``clock``, ``relative`` and ``combine``)."""

    def __init__(self, text: str, toks: list[Token], ctx: Context) -> None:
        self.text = text
        self.t = toks
        self.n = len(toks)
        self.ctx = ctx
        self._memo: dict[tuple[str, int], object] = {}
        self.allow_latent = False
        self.rule_calls = 0  # memo misses: the work a message costs (see ``Work``)

    # Memoised entry points: the grammar re-reads the same positions many times.

    def _memoized(self, tag: str, parse: Callable[[Cursor, int], object], i: int) -> object:
        key = (tag, i)
        if key not in self._memo:
            self.rule_calls += 1
            self._memo[key] = parse(self, i)
        return self._memo[key]

    def p_date(self, i: int) -> tuple[DaySpan, int] | None:
        return self._memoized("d", days._p_date_impl, i)  # type: ignore[return-value]

    def p_tod(self, i: int) -> tuple[ClockTime, int] | None:
        return self._memoized("t", clock._p_tod_impl, i)  # type: ignore[return-value]

    def p_part(self, i: int) -> tuple[PartOfDay, int] | None:
        return self._memoized("p", clock._p_part_impl, i)  # type: ignore[return-value]

    def p_relative(self, i: int) -> tuple[Interval | DaySpan, int] | None:
        return self._memoized("r", relative._p_relative_impl, i)  # type: ignore[return-value]

    def component(self, i: int) -> tuple[Value, int] | None:
        return self._memoized("c", combine._component_impl, i)  # type: ignore[return-value]

    def p_point(self, i: int) -> tuple[Interval, int] | None:
        return self._memoized("x", combine._p_point_impl, i)  # type: ignore[return-value]

    # -- token helpers ------------------------------------------------------------------

    def _raw(self, i: int) -> str:
        return self.text[self.t[i].start : self.t[i].end] if i < self.n else ""

    def s(self, i: int) -> str:
        return self.t[i].s if 0 <= i < self.n else ""  # before the first token: none

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

    def skip(self, i: int, *words: str) -> int:
        """Past token i if it is one of ``words``."""
        return i + 1 if self.word(i, *words) else i

    def quantity(self, i: int) -> tuple[float, int] | None:
        """ "2", "two", "a", "an", "a couple of", "a few", "2.5", "1/2", "half an"."""
        if self.word(i, "a", "an", "one"):
            return self._article_quantity(i + 1)
        return self._word_quantity(i) or self._numeric_quantity(i)

    def _article_quantity(self, j: int) -> tuple[float, int]:
        """After "a", "an", "one": "a couple of", "a few", "a quarter of an", "a half"."""
        if self.word(j, "couple", "pair"):
            return 2.0, self.skip(j + 1, "of")
        if self.word(j, "few"):
            return 3.0, j + 1
        if self.word(j, "quarter"):
            return 0.25, self.skip(self.skip(j + 1, "of"), "an", "a")
        if self.word(j, "half"):
            return 0.5, self.skip(j + 1, "an", "a")
        return 1.0, j

    def _word_quantity(self, i: int) -> tuple[float, int] | None:
        """ "couple of", "few", "several", "half an", "three quarters of an"."""
        if self.word(i, "couple", "few", "several"):
            return (2.0 if self.s(i) == "couple" else 3.0), self.skip(i + 1, "of")
        if self.word(i, "half"):
            return 0.5, self.skip(i + 1, "an", "a")
        if self.word(i, "three") and self.word(i + 1, "quarters", "-"):
            j = self.skip(i + 1, "-")
            if self.word(j, "quarters"):
                return 0.75, self.skip(self.skip(j + 1, "of"), "an", "a")
        return None

    def _numeric_quantity(self, i: int) -> tuple[float, int] | None:
        """ "2", "twenty five", "2.5", "1/2", "3 and a half"."""
        cn = self.compound_number(i)
        if cn is None:
            return None
        v, j = cn
        if (
            self.word(j, ".")
            and self.adjacent(j)
            and self.number(j + 1) is not None
            and self.adjacent(j + 1)
            and self.t[j + 1].kind == "n"
        ):
            return float(f"{v}.{self.t[j + 1].s}"), j + 2
        den = self.number(j + 1, 1, 16)
        if self.word(j, "/") and self.adjacent(j) and den and self.adjacent(j + 1) and v < den:
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
            # lower-case "may" is a verb unless a number is near, or, in a `when` (all time
            # words), a month cue comes before: "late may", "the first half of may"
            if (
                s == "may"
                and not self.t[i].cap
                and not self._numeric_near(i)
                and not (self.ctx.meetup and self.s(i - 1) in MONTH_CUES)
                and (
                    self.s(i - 1) not in LOWER_CASE_MONTH_CUES  # "in may", "until may"
                    or self.s(i + 1) in MAY_AS_A_VERB_BEFORE  # "things in may change"
                )
            ):
                return None
            if (
                s in ("mar", "jan", "jun", "sun", "sat")
                and not self._numeric_near(i)
                and not self.t[i].cap
            ):
                return None
            return _MONTHS[s]
        return None

    def _part_after(self, i: int) -> bool:
        """A part of the day after a short weekday in a `when`: "sat evening", "wed
        after work" (in chat "the cat sat evening..." stays a verb)."""
        return self.s(i + 1) in _PARTS or (self.word(i + 1, "after") and self.word(i + 2, "work"))

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

    def _set_apart(self, i: int) -> bool:
        """A word with punctuation (or the text's edge) on both sides: a `when`'s list
        item or aside ("wknd, sat ideally" has a comma before it; "the 14th (sat)")."""
        before = i == 0 or self.t[i - 1].kind == "p"
        after = i + 1 >= self.n or self.t[i + 1].kind == "p"
        return before and (after or self.word(i + 1, *_FILLER_AFTER_DAY))

    def _beside_a_tag(self, i: int) -> bool:
        """A word next to a chat tag or a word of moving a meetup, in a `when` (the whole
        text is a time there): "let's do fri instead, 7", "push to sat then, 4", "sun pls"."""
        return self.word(i - 1, *WHEN_TAGS) or self.word(i + 1, *WHEN_TAGS)

    def tag_before(self, k: int) -> bool:
        """In a meetup `when`, a chat tag or a word of moving a meetup at ``k``, or just
        before a comma there: it makes the dotted number after it a clock time ("can we do
        wed instead, 6.30", "fri then, 7.15", "sat pls 2.30"); in chat "6.30" stays a
        number."""
        if self.word(k, ","):
            k -= 1
        return self.ctx.meetup and self.word(k, *WHEN_TAGS)

    def p_weekday(self, i: int) -> int | None:
        if i >= self.n or self.t[i].s not in _WEEKDAYS:
            return None
        tok = self.t[i]
        if tok.s in ("sun", "sat", "wed", "mon", "fri", "thu", "tue") and not tok.cap:
            # "sun" / "sat" / "wed" are words; lowercase short forms only with a dot or
            # something time-like around.
            timely = (
                self.word(i + 1, ".")
                or self._numeric_near(i)
                or self.n <= 2
                or self.word(i - 1, "next", "this", "on", "last", "coming")
                or (self.ctx.meetup and self._part_after(i))
                or (self.ctx.meetup and self._set_apart(i))
                or (self.ctx.meetup and self._beside_a_tag(i))
                or (self.word(i + 1, *_DAY_JOINERS) and self.s(i + 2) in _WEEKDAYS)
                or (self.word(i - 1, *_DAY_JOINERS) and self.s(i - 2) in _WEEKDAYS)
            )
            if not timely:
                return None
        return _WEEKDAYS[tok.s]
