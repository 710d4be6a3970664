"""Clock-time rules."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta, timezone, tzinfo
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot.nlp.dates.region import place_zone
from bot.nlp.dates.values import ClockTime, Grain, PartOfDay
from bot.nlp.dates.vocabulary import (
    _AFTER_PARTS,
    _AMPM_WORDS,
    _ARRIVE_FOR,
    _BARE_ZONES,
    _DAY_WORDS,
    _LATE_PART_HOURS,
    _MEAL_PARTS,
    _NOT_PLACE_WORDS,
    _PART_LAST_WORDS,
    _PART_PHRASES,
    _PARTS,
    _TONIGHT_WORDS,
    _TZ_OFFSETS,
    _UNITS,
    _ZONE_NAMES,
    _ZONE_TIME_WORDS,
)

if TYPE_CHECKING:
    from bot.nlp.dates.cursor import Cursor

# Day words before a part of the day ("last" only before "night").
_PART_DAY_OFFSETS = {
    "this": 0,
    "last": -1,
    **{w: d for w, d in _DAY_WORDS.items() if w not in _TONIGHT_WORDS},
}


# Words before a number that make it a clock time ("at 7.30", "by 1030").
# after a 24-hour time: "hrs" first (the only one read after bare digits), then the rest
_MILITARY_SUFFIXES = ("hrs", "hours", "hr")
_PART_PHRASE_FIRST_WORDS = frozenset(words[0] for words in _PART_PHRASES)
_CLOCK_CUES = ("at", "@", "around", "from", "until", "till", "by")
# Signs before a number that make it money or a rank ("£7", "#3"), never an hour.
_NUMBER_SIGNS_BEFORE = frozenset("£$€¥₹#")


@dataclass(slots=True)
class _ClockDigits:
    """A clock time as written in digits, before am/pm or o'clock."""

    hour: int
    minute: int
    second: int
    grain: Grain
    flexible: bool  # an hour 1-12 without a leading zero: am or pm unknown
    explicit: bool  # written so that it is surely a time (minutes, "h")
    end: int


def _ampm(cur: Cursor, j: int) -> tuple[str | None, int]:
    """am / pm / a.m. / p m / a / p / "in the morning" after a time."""
    s = cur.s(j)
    if s in ("am", "pm"):
        k = j + 1
        if cur.word(k, ".") and cur.adjacent(k):
            k += 1
        return s, k
    if s in ("a", "p") and j < cur.n:
        k = j + 1
        if cur.word(k, ".") and cur.adjacent(k):
            k += 1
        if cur.word(k, "m"):
            k += 1
            if cur.word(k, ".") and cur.adjacent(k):
                k += 1
            return ("am" if s == "a" else "pm"), k
        # "7a", "3p": glued, or "at 3p"
        if cur.adjacent(j) or cur.word(k, ".", ",") or k >= cur.n:
            return ("am" if s == "a" else "pm"), k
        return None, j
    if s in ("in", "of") and cur.word(j + 1, "the"):
        k = j + 2
        if cur.word(k, "early", "late"):
            k += 1
        w = cur.s(k)
        if w in ("am", "pm"):
            return w, k + 1
        if w in ("morning", "afternoon", "evening", "night"):
            return _AMPM_WORDS[w], k + 1
    if s == "in" and cur.word(j + 1, "afternoon", "evening", "morning"):
        return _AMPM_WORDS[cur.s(j + 1)], j + 2
    return None, j


def _tz(cur: Cursor, j: int) -> tuple[tzinfo | None, int]:
    """A zone after a clock time: an abbreviation or a place's name.

    Examples: "EST", "(UTC)", "UK time", "German time", "Eastern", "Sydney time"."""
    tz, k = _tz_abbreviation(cur, j)
    return (tz, k) if tz is not None else _tz_named(cur, j)


def _tz_named(cur: Cursor, j: int) -> tuple[tzinfo | None, int]:
    """A zone named after a country, region or city: by itself for the US regions and
    "UK" / "NZ", else with "time" after it; "(...)" around it is read too.

    Examples: "7pm UK time", "19:00 German time", "8pm Eastern", "noon Pacific Time",
    "7pm Sydney time", "7pm (London time)", "8pm Central European time", "6pm ET"."""
    k = j + 1 if cur.word(j, "(") else j
    if k >= cur.n or cur.t[k].kind != "w":
        return None, j
    for size in (3, 2, 1):
        words = tuple(cur.s(x) for x in range(k, min(k + size, cur.n)))
        e = k + size
        said_time = cur.word(e, *_ZONE_TIME_WORDS)
        zone = _zone_of(words, said_time)
        if zone is None or len(words) < size:
            continue
        while cur.word(e, *_ZONE_TIME_WORDS):
            e += 1
        if not said_time and (not _bare_zone(words) or _place_after(cur, e)):
            return None, j  # "7pm London" is where; "8pm Central Park" is a place
        if k != j:  # "(London time)"; a `when` loses its closing ")" to the edge strip
            if e < cur.n and not cur.word(e, ")"):
                return None, j
            e = cur.skip(e, ")")
        return ZoneInfo(zone), e
    return None, j


def _place_after(cur: Cursor, e: int) -> bool:
    """A capitalised word after a region's name makes the two a place ("8pm Central
    Park"), unless it is a day ("8pm NZT Sat", "7pm Eastern Friday").

    Examples: "8pm NZT Sat", "7pm Eastern Friday", "noon Pacific March 12"."""
    if e >= cur.n or not cur.t[e].cap:
        return False
    return cur.p_weekday(e) is None and cur.p_monthname(e) is None


def _zone_of(words: tuple[str, ...], said_time: bool) -> str | None:
    """A place's zone: the curated names first, then countries and (before "time") cities.

    Examples: ("uk",) -> Europe/London; ("ireland",) -> Europe/Dublin; ("cape", "town")
    before "time" -> Africa/Johannesburg."""
    zone = _ZONE_NAMES.get(words)
    if zone is not None:
        return zone
    if any(w in _NOT_PLACE_WORDS or not w.isalpha() for w in words):
        return None
    return place_zone(words, with_time=said_time)


def _bare_zone(words: tuple[str, ...]) -> bool:
    """A zone named without "time": the US regions, "UK", "NZ", and countries."""
    if words in _BARE_ZONES:
        return True
    return all(w.isalpha() for w in words) and place_zone(words, with_time=False) is not None


def _tz_abbreviation(cur: Cursor, j: int) -> tuple[tzinfo | None, int]:
    """A zone's abbreviation ("IST" and "EST" in capitals), "Z" touching the time.

    Examples: "7pm EST", "noon UTC", "9:30 (CET)", "6pm IST", "10:00Z", "1pm (GMT"."""
    k = j
    paren = False
    if cur.word(k, "("):
        paren = True
        k += 1
    s = cur.s(k)
    if (s in _TZ_OFFSETS and (s != "z" or cur.adjacent(k)) and s not in ("est", "ist")) or (
        (s in ("est", "ist") and k < cur.n and cur._raw(k).isupper())
        or (s in ("ist",) and cur.word(k - 1, "pm", "am"))
    ):
        k += 1
        if paren:  # a `when` loses its closing ")" to the edge strip: "1pm (GMT"
            if not cur.word(k, ")") and k < cur.n:
                return None, j
            k = cur.skip(k, ")")
        return timezone(timedelta(hours=_TZ_OFFSETS[s])), k
    return None, j


def _p_tod_impl(cur: Cursor, i: int) -> tuple[ClockTime, int] | None:
    """Any clock time; the longest reading wins.

    Examples: "7pm", "noon", "half past three", "ten thirty"."""
    best: tuple[ClockTime, int] | None = None
    for f in (_t_clock, _t_words, _t_relative_to_hour, _t_named):
        r = f(cur, i)
        if r is not None and (best is None or r[1] > best[1]):
            best = r
    if best is None:
        return None
    tod, j = best
    if tod.hour == 12 and tod.minute == 0 and cur.word(j, "noon", "midday"):
        tod, j = ClockTime(12, 0, grain="hour", flexible=False), j + 1  # "12 noon"
    # "3ish", "ish"
    if cur.word(j, "ish") or (cur.word(j, "-") and cur.word(j + 1, "ish")):
        j += 1 if cur.word(j, "ish") else 2
    if cur.word(j, "approximately", "sharp"):
        j += 1
    j = _arrive_for_start(cur, tod, j)
    tz, j2 = _tz(cur, j)
    if tz is not None:
        tod = replace(tod, tz=tz)
        j = j2
    return tod, j


def _arrive_for_start(cur: Cursor, tod: ClockTime, j: int) -> int:
    """ "7 for 7.30": arrive at the first time for a start at the second, as British
    invitations put it; the meetup is at the first. Returns where the pair ends (``j``
    when no start follows: "at 7 for 2 hours" is a duration).

    Examples: "7 for 7.30", "at 6.30 for 7", "7pm for 7.15pm", "friday 7 for 7.30"."""
    if not cur.word(j, *_ARRIVE_FOR):
        return j
    k = cur.skip(j + 1, "a")
    start = cur.p_tod(k) if k < cur.n and cur.t[k].kind == "n" else None
    if start is None or cur.word(start[1], *_UNITS):
        return j
    if start[0].grain != "minute" and start[0].ampm is None and tod.minute == 0:
        return j  # "at 7 for 8 people": two bare numbers are no pair of times
    first = (tod.hour % 12) * 60 + tod.minute
    later = ((start[0].hour % 12) * 60 + start[0].minute - first) % 720
    return start[1] if 0 < later <= 60 else j


def _t_named(cur: Cursor, i: int) -> tuple[ClockTime, int] | None:
    """Clock times with a name.

    Examples: "noon", "midnight", "midday"."""
    j = cur.skip_the(i)
    s = cur.s(j)
    if s in ("noon", "midday") or (s == "mid" and cur.word(j + 1, "day")):
        return ClockTime(12, 0, grain="hour", flexible=False), j + (2 if s == "mid" else 1)
    if s == "midnight":
        return ClockTime(0, 0, grain="hour", flexible=False, ampm="am"), j + 1
    return None


def _t_clock(cur: Cursor, i: int) -> tuple[ClockTime, int] | None:
    """A clock time in digits: hours, minutes, seconds, am/pm, a zone.

    Examples: "7pm", "7 pm", "7:30", "19:30", "7.30pm", "7 o'clock", "7:30 p.m.",
    "12:45:30", "7pm EST"."""
    if i >= cur.n or cur.t[i].kind != "n" or cur.t[i].ordinal or cur.t[i].num is None:
        return None
    if _marked_number(cur, i):
        return None
    d = (
        _digits_dotted(cur, i)
        or _digits_colon(cur, i)
        or _digits_h(cur, i)
        or _digits_compact(cur, i)
        or _digits_plain(cur, i)
    )
    if d is None or not (0 <= d.hour <= 24 and 0 <= d.minute <= 59 and 0 <= d.second <= 59):
        return None
    return _clock_suffix(cur, i, d)


def _marked_number(cur: Cursor, i: int) -> bool:
    """A number with a sign touching it that makes it money, a count or a rank, not an
    hour (£7, $20, €15, #3, 18+, 7%: tests/nlp/test_nlp_when_round9.py); the hours below
    have none.

    Examples: "7pm", "at 7", "18:30"."""
    before = i > 0 and cur.adjacent(i) and cur.s(i - 1) in _NUMBER_SIGNS_BEFORE
    after = i + 1 < cur.n and cur.adjacent(i + 1) and cur.s(i + 1) in ("+", "%")
    return before or after


def _two_digits_after(cur: Cursor, j: int, sep: str) -> bool:
    """``sep`` then two digits, all touching.

    Examples: "7:30", "7.30pm"."""
    return (
        cur.word(j, sep)
        and cur.adjacent(j)
        and j + 1 < cur.n
        and cur.t[j + 1].kind == "n"
        and len(cur.t[j + 1].s) == 2
        and cur.adjacent(j + 1)
    )


def _digits_dotted(cur: Cursor, i: int) -> _ClockDigits | None:
    """Hours.minutes, only with am/pm, an hour over 12 or a word like "at" before it
    (else "3.14" is a number).

    Examples: "7.30pm", "at 7.30", "19.30", "7.30 friday", "tomorrow 6.45", "18.30h"."""
    v, digits, j = cur.t[i].num or 0, cur.t[i].s, i + 1
    if not (_two_digits_after(cur, j, ".") and len(digits) <= 2 and v <= 23):
        return None
    if cur.word(j + 2, ".") and cur.adjacent(j + 2):
        return None  # "5.12.2026"
    minute = cur.t[j + 1].num or 0
    context = (
        _ampm(cur, j + 2)[0] is not None
        or v > 12
        or cur.word(i - 1, *_CLOCK_CUES)
        or (v >= 1 and minute % 15 == 0 and _day_beside(cur, i - 1, j + 2))
        or (minute % 15 == 0 and _after_arrive_for(cur, i))
        or (minute % 15 == 0 and cur.word(j + 2, "ish"))  # "6.30ish"
        or (minute % 15 == 0 and _part_before(cur, i - 1))
        or (minute % 15 == 0 and cur.tag_before(i - 1))
    )
    hours_mark = cur.word(j + 2, "h") and cur.adjacent(j + 2)  # "18.30h", as in Germany
    if not (context or hours_mark) or minute >= 60 or _dotted_date_first(cur, j + 1):
        return None
    flexible = not (digits.startswith("0") or v > 12 or v == 0 or hours_mark)
    return _ClockDigits(v, minute, 0, "minute", flexible, True, j + (3 if hours_mark else 2))


def _dotted_date_first(cur: Cursor, m: int) -> bool:
    """In a `when`, "a.0b" (a month with its zero) before a clock time is a day.month, not
    a time: "13.03 - 19:30" is the 13th of March at 19:30, not 13:03 to 19:30.

    Examples: "13.03 - 19:30", "20.03 – 18:00"."""
    digits = cur.t[m].s
    if not (cur.allow_latent and digits.startswith("0") and digits != "00"):
        return False
    k = cur.skip(m + 1, "-", "–", "—", ",", "at", "@", "from")
    tod = cur.p_tod(k) if k > m + 1 else None
    return tod is not None and not tod[0].latent


def _after_arrive_for(cur: Cursor, i: int) -> bool:
    """A dotted time after "<number> for" is the start of "7 for 7.30".

    Examples: "7 for 7.30", "7pm for 7.45"."""
    return cur.word(i - 1, *_ARRIVE_FOR) and i >= 2 and cur.t[i - 2].kind in ("n", "w")


def _part_before(cur: Cursor, k: int) -> bool:
    """A part of the day just before a dotted time ("friday evening, 6.30").

    Examples: "friday evening, 6.30", "sunday afternoon 2.30", "Wednesday after school, 3.30"."""
    if cur.word(k, ","):
        k -= 1
    return k >= 0 and (cur.s(k) in _PARTS or cur.s(k) in _PART_LAST_WORDS)


def _day_beside(cur: Cursor, before: int, after: int) -> bool:
    """A weekday or a day word at either side of a dotted time ("7.30 friday": a clock
    time, as the British write it, not a decimal).

    Examples: "7.30 friday", "tomorrow 6.45", "Sat 4 Apr, 12.30", "the 14th 7.30"."""
    if cur.word(before, ","):
        before -= 1  # "a week on friday, 7.30"
    if cur.p_monthname(before) is not None or (
        before >= 0 and before < cur.n and cur.t[before].ordinal
    ):
        return True  # "Sat 4 Apr, 12.30", "the 14th 7.30"
    return any(cur.p_weekday(k) is not None or cur.s(k) in _DAY_WORDS for k in (before, after))


def _digits_colon(cur: Cursor, i: int) -> _ClockDigits | None:
    """Examples: "7:30", "07:30:15", "19:30"."""
    v, digits, j = cur.t[i].num or 0, cur.t[i].s, i + 1
    if not _two_digits_after(cur, j, ":"):
        return None
    minute, second, j = cur.t[j + 1].num or 0, 0, j + 2
    if (
        cur.word(j, ":")
        and cur.adjacent(j)
        and j + 1 < cur.n
        and cur.t[j + 1].kind == "n"
        and len(cur.t[j + 1].s) == 2
    ):
        second = cur.t[j + 1].num or 0
        j += 2
    flexible = not (digits.startswith("0") or v > 12 or v == 0)
    return _ClockDigits(v, minute, second, "minute", flexible, True, j)


def _digits_h(cur: Cursor, i: int) -> _ClockDigits | None:
    """Examples: "16h", "16h00", "3h18"."""
    v, digits, j = cur.t[i].num or 0, cur.t[i].s, i + 1
    if not (cur.word(j, "h") and cur.adjacent(j) and len(digits) <= 2):
        return None
    j += 1
    if j < cur.n and cur.t[j].kind == "n" and len(cur.t[j].s) == 2 and cur.adjacent(j):
        return _ClockDigits(v, cur.t[j].num or 0, 0, "minute", False, True, j + 1)
    return _ClockDigits(v, 0, 0, "hour", False, True, j)


def _digits_compact(cur: Cursor, i: int) -> _ClockDigits | None:
    """730 / 1030 / 0815: only with am/pm, "at" or the like before it, or "ish".

    In a `when`, a day beside it is context too ("1830 tmrw").

    Examples: "730pm", "at 1030", "0815 am"."""
    v, digits, j = cur.t[i].num or 0, cur.t[i].s, i + 1
    if len(digits) not in (3, 4) or cur.word(j, "/", "-", ".", ","):
        return None
    hour, minute = divmod(v, 100)
    if minute >= 60:
        return None
    context = (
        _ampm(cur, j)[0] is not None
        or cur.word(i - 1, "at", "@", "around", "approximately", "tonight", "by", "till", "until")
        or cur.word(j, "ish")
        or cur.word(j, _MILITARY_SUFFIXES[0])  # "1900hrs"; "1900 hours" may be a count
        or (cur.ctx.meetup and _day_beside(cur, i - 1, j))  # a `when`'s "1830 tmrw"
    )
    if not context:
        return None
    flexible = not (digits.startswith("0") or hour > 12)
    return _ClockDigits(hour, minute, 0, "minute", flexible, False, j)


def _digits_plain(cur: Cursor, i: int) -> _ClockDigits | None:
    """An hour alone, or "at" hour minute.

    Examples: "7", "at 3 15", "at 12 15", "07 pm"."""
    v, digits, j = cur.t[i].num or 0, cur.t[i].s, i + 1
    if len(digits) > 2:
        return None
    flexible = not (digits.startswith("0") and len(digits) == 2)
    if (
        j < cur.n
        and cur.t[j].kind == "n"
        and len(cur.t[j].s) == 2
        and not cur.t[j].ordinal
        and cur.word(i - 1, "at")
        and (cur.t[j].num or 0) < 60
        and not cur.word(j + 1, "/", ":", "-", ".")
    ):
        return _ClockDigits(v, cur.t[j].num or 0, 0, "minute", flexible, True, j + 1)
    return _ClockDigits(v, 0, 0, "hour", flexible, False, j)


def _clock_suffix(cur: Cursor, i: int, d: _ClockDigits) -> tuple[ClockTime, int] | None:
    """am/pm or o'clock after the digits ("15:00 pm" is 15:00; "0 pm" is nothing).

    Examples: "7pm", "7 o'clock", "7 o'clock pm", "15:00 pm", "7a"."""
    hour, j, explicit, flexible = d.hour, d.end, d.explicit, d.flexible
    ampm, j2 = _ampm(cur, j)
    # "7a" / "4a" alone: a code as often as a time
    latent_letter = (
        ampm is not None
        and cur.s(j) in ("a", "p")
        and j2 == j + 1
        and d.grain == "hour"
        and not cur.word(i - 1, "at", "@", "around", "by", "until", "till")
    )
    if ampm is not None:
        if hour > 12 and ampm == "pm":
            ampm = None  # "15:00 pm"
        elif hour > 12 or (hour == 0 and ampm == "pm"):
            return None
        j = j2
        explicit = True
    elif cur.word(j, "o'clock", "oclock") or (
        cur.word(j, "o")
        and (cur.word(j + 1, "clock") or (cur.word(j + 1, "'") and cur.word(j + 2, "clock")))
    ):
        j += 1 if cur.s(j) != "o" else (3 if cur.word(j + 1, "'") else 2)  # "7 o clock"
        explicit = True
        ampm2, j3 = _ampm(cur, j)
        if ampm2 is not None:
            ampm, j = ampm2, j3
    elif d.grain == "minute" and (k := _military_hours(cur, j)) is not None:
        j, explicit, flexible = k, True, False
    if hour == 24:
        hour = 0
        flexible = False
    return ClockTime(
        hour,
        d.minute,
        d.second,
        ampm,
        d.grain,
        latent=not explicit or latent_letter,
        flexible=flexible and ampm is None and 1 <= hour <= 12,
    ), j


def _military_hours(cur: Cursor, j: int) -> int | None:
    """ "hrs" or "hours" after a clock time in minutes, as British and Indian notices
    write it: the time is on the 24-hour clock (after bare digits, only "hrs").

    Examples: "19:00hrs", "1900hrs", "19:00 hours", "7:00 hrs saturday"."""
    if cur.word(j, *_MILITARY_SUFFIXES):
        return j + 1
    return None


def _t_words(cur: Cursor, i: int) -> tuple[ClockTime, int] | None:
    """ "ten thirty", "twelve oh three", "seven thirty p.m.", "three twenty", "eight".

    Examples: "ten thirty", "twelve oh three", "seven thirty p.m.", "three twenty",
    "eight", "seven pm"."""
    if i >= cur.n or cur.t[i].kind != "w" or cur.t[i].ordinal:
        return None
    h = cur.t[i].num
    if h is None or not 1 <= h <= 12:
        return None
    j = i + 1
    minute = 0
    grain: Grain = "hour"
    if cur.word(j, "-") and cur.adjacent(j):
        j += 1
    if cur.word(j, "oh", "o", "zero", "ou"):
        k = j + 1
        if cur.word(k, "-"):
            k += 1
        u = cur.number(k, 1, 9)
        if u is not None and cur.t[k].kind == "w":
            minute, j, grain = u, k + 1, "minute"
    else:
        cn = cur.compound_number(j) if j < cur.n and cur.t[j].kind == "w" else None
        if cn is not None and 10 <= cn[0] <= 59:
            minute, j, grain = cn[0], cn[1], "minute"
        elif j > i + 1:
            j = i + 1
    ampm, j2 = _ampm(cur, j)
    # "three twenty" alone is a number; "at three twenty" is a time
    explicit = cur.word(
        i - 1, "at", "@", "around", "by", "until", "till", "before", "after", "from"
    )
    if ampm is not None:
        j = j2
        explicit = True
    elif cur.word(j, "o'clock", "oclock"):
        j += 1
        explicit = True
        ampm2, j3 = _ampm(cur, j)
        if ampm2 is not None:
            ampm, j = ampm2, j3
    return ClockTime(h, minute, 0, ampm, grain, latent=not explicit, flexible=ampm is None), j


def _t_relative_to_hour(cur: Cursor, i: int) -> tuple[ClockTime, int] | None:
    """ "a quarter past 3pm", "half past three", "20 to noon", "twenty after 3pm",
    "15 minutes past 15h", "half three".

    Examples: "a quarter past 3pm", "half past three", "20 to noon", "twenty after 3pm",
    "quarter to 8"."""
    j = i
    minutes: int | None = None
    if cur.word(j, "a") and cur.word(j + 1, "quarter"):
        minutes, j = 15, j + 2
    elif cur.word(j, "quarter"):
        minutes, j = 15, j + 1
    elif cur.word(j, "half"):
        minutes, j = 30, j + 1
        if not cur.word(j, "past", "after"):
            # "half three" (British) = 3:30
            k = j
            r = _hour_ref(cur, k)
            if r is not None and (cur.t[k].kind == "w" or cur.allow_latent):
                tod, k2 = r
                return replace(tod, minute=30, grain="minute", latent=False), k2
            return None
    else:
        cn = cur.compound_number(j)
        if cn is None:
            return None
        minutes, j = cn
        if not 1 <= minutes <= 59:
            return None
        if cur.word(j, "minutes", "minute", "mins", "min"):
            j += 1
        elif cur.word(i - 1, "from", "between") or (
            cur.word(j, "to", "till", "til", "before", "of")
            and (
                minutes not in (5, 10, 15, 20, 25)
                or (cur.t[i].kind == "n" and not cur.word(j + 1, "noon", "midnight"))
            )
        ):
            return None  # "5 to 7" is a range; "twenty to eight", "5 minutes to 7" are not
    if not cur.word(j, "past", "after", "to", "before", "till", "til", "of", "from"):
        return None
    rel = cur.s(j)
    if rel in ("to", "before", "till", "til", "of"):
        minutes = -minutes
    r = _hour_ref(cur, j + 1)
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


def _hour_ref(cur: Cursor, i: int) -> tuple[ClockTime, int] | None:
    r = _t_named(cur, i)
    if r is not None:
        return r
    r = _t_clock(cur, i)
    if r is not None:
        tod, j = r
        return replace(tod, latent=False), j
    if i < cur.n and cur.t[i].kind == "w":
        h = cur.t[i].num
        if h is not None and 1 <= h <= 12 and not cur.t[i].ordinal:
            j = i + 1
            ampm, j2 = _ampm(cur, j)
            if ampm is not None:
                j = j2
            return ClockTime(h, 0, 0, ampm, "hour", flexible=ampm is None), j
    return None


# -- parts of day ---------------------------------------------------------------------


def _p_part_impl(cur: Cursor, i: int) -> tuple[PartOfDay, int] | None:
    """A part of the day, maybe with its day word or early/late.

    Examples: "tonight", "this morning", "in the afternoon", "evening", "late tonight",
    "early morning", "after work", "last night", "tomorrow night", "lunch"."""
    phrase = _part_phrase(cur, i, None) if cur.word(i, "late", "early") else None
    if phrase is not None:
        return phrase  # "late doors": a phrase that opens with "late"
    mods = _part_modifiers(cur, i)
    if mods is None:
        return None
    day_offset, early, late, j = mods
    s = cur.s(j)
    if s.endswith("ish") and s[:-3] in _PARTS:
        s = s[:-3]
    fixed = _fixed_part(cur, s, j, day_offset, late) or _part_phrase(cur, j, day_offset)
    if fixed is not None:
        return fixed
    if s not in _PARTS or s == "noon" or _meal_alone(cur, s, i, j, day_offset):
        return None
    return _part_span(cur, s, j + 1, day_offset, early, late)


def _part_modifiers(cur: Cursor, i: int) -> tuple[int | None, bool, bool, int] | None:
    """What comes before a part of the day: its day ("tomorrow", "last" only before
    "night"), "in the", "early", "late". Returns (day offset, early, late, next).

    Examples: "tomorrow night", "in the evening", "early morning", "late last night",
    "early in the morning", "later in the evening", "late-morning"."""
    j = i
    day_offset: int | None = None
    early = False
    if cur.word(j, "in", "during") and cur.word(j + 1, "the"):
        j += 2
    elif cur.word(j, *_PART_DAY_OFFSETS):
        if cur.s(j) == "last" and not cur.word(j + 1, "night"):
            return None
        day_offset = _PART_DAY_OFFSETS[cur.s(j)]
        j += 1
    j, late = _towards(cur, j)
    if cur.word(j, "late") and cur.word(j + 1, "last", "tonight", "tonite") and day_offset is None:
        late = True
        j += 1
        if cur.word(j, "last"):
            day_offset = -1
            j += 1
    if cur.word(j, "early", "late", "later"):
        early, late = cur.s(j) == "early", cur.s(j) != "early"
        j += 1
        if cur.word(j - 1, "later") and cur.word(j, "on") and cur.word(j + 1, "in"):
            j += 1  # "later on in the evening"
        if cur.word(j, "-") and cur.adjacent(j) and cur.s(j + 1) in _PARTS:
            j += 1  # "late-morning", "early-evening"
        if cur.word(j, "in") and cur.word(j + 1, "the"):
            j += 2  # "early in the morning", "late in the afternoon"
    return day_offset, early, late, j


def _towards(cur: Cursor, j: int) -> tuple[int, bool]:
    """ "towards" a part of the day, or "the end of" it: its late hours when an end is
    said. Returns (next, late).

    Examples: "towards evening", "toward the evening", "towards the end of the afternoon",
    "end of the afternoon", "the end of the evening"."""
    k = j
    if cur.word(k, "towards", "toward"):
        k = cur.skip(k + 1, "the")
    if cur.word(k, "end") and cur.word(k + 1, "of") and cur.word(k + 2, "the"):
        return k + 3, True
    if k > j and cur.s(k) in _PARTS:
        return k, False
    if cur.word(j, "the") and cur.word(j + 1, "end"):
        return _towards(cur, j + 1)
    return j, False


def _fixed_part(
    cur: Cursor, s: str, j: int, day_offset: int | None, late: bool
) -> tuple[PartOfDay, int] | None:
    """Parts of the day with their own hours.

    Examples: "tonight", "late tonight", "after work", "after lunch", "after school",
    "the early hours", "the early hours of the morning"."""
    if s in ("tonight", "tonite"):
        p = PartOfDay(21 if late else 18, 24, 0 if day_offset is None else day_offset, late)
        return p, j + 1
    if s == "after":
        return _after_part(cur, j, day_offset)
    if s == "the" and cur.word(j + 1, "early") and cur.word(j + 2, "hours"):
        k = j + 3
        if cur.word(k, "of") and cur.word(k + 1, "the") and cur.word(k + 2, "morning"):
            k += 3
        return PartOfDay(0, 9, day_offset, early=True), k
    return None


def _after_part(cur: Cursor, j: int, day_offset: int | None) -> tuple[PartOfDay, int] | None:
    """ "after" the working, school or lunch hours: from their end.

    Examples: "after work", "after-school", "after office hours", "after work hours",
    "after class", "after lunch"."""
    k = j + 2 if cur.word(j + 1, "-") else j + 1
    if not cur.word(k, *_AFTER_PARTS):
        return None
    a, b = _AFTER_PARTS[cur.s(k)]
    k += 1
    if cur.word(k, "hours", "hrs") and cur.s(k - 1) in ("work", "office", "school"):
        k += 1
    return PartOfDay(a, b, day_offset), k


def _part_phrase(cur: Cursor, j: int, day_offset: int | None) -> tuple[PartOfDay, int] | None:
    """Parts of the day said in two words, regional or finer than morning/afternoon.

    Examples: "tea time", "first thing", "happy hour", "before work", "mid-morning",
    "mid afternoon", "midmorning", "lunch-time", "dinner-time"."""
    if cur.s(j) not in _PART_PHRASE_FIRST_WORDS:
        return None  # the cheap test first
    for size in (4, 3, 2, 1):
        hours = _PART_PHRASES.get(tuple(cur.s(x) for x in range(j, j + size)))
        if hours is not None:
            return PartOfDay(hours[0], hours[1], day_offset), j + size
    # a hyphen between its words ("lunch-time", "knock-off-time"): the words without it
    words: list[str] = []
    ends: list[int] = []
    k = j
    while k < cur.n and len(words) < 4:
        if not (words and cur.word(k, "-") and cur.adjacent(k)):
            words.append(cur.s(k))
            ends.append(k + 1)
        k += 1
    for size in range(len(words), 1, -1):
        hours = _PART_PHRASES.get(tuple(words[:size]))
        if hours is not None:
            return PartOfDay(hours[0], hours[1], day_offset), ends[size - 1]
    return None


def _meal_alone(cur: Cursor, s: str, i: int, j: int, day_offset: int | None) -> bool:
    """A meal word with nothing that makes it a time ("lunch was great"): not a part of
    the day. A day, "at", "for", "over" before it, or a text of a word or two, do.

    Examples: "friday lunch", "at dinner", "tomorrow breakfast"."""
    if s not in _MEAL_PARTS:
        return False
    if i > 0 and cur.t[i - 1].kind == "n":
        return False  # "27.3 lunchtime": a date before it
    if day_offset is not None or j != i or cur.n <= 2 or _meal_on_a_date(cur, i, j):
        return False
    if cur.word(i - 1, ",") and cur.ctx.meetup:
        i -= 1  # "friday, dinnertime"
    return not (
        cur.p_weekday(i - 1) is not None
        or cur.word(i - 1, "tomorrow", "today", "tonight", "at", "for", "over", "day", "eve")
        or (cur.word(i - 1, "from") and cur.p_weekday(i - 2) is not None)  # "Sat from lunch"
        or (cur.ctx.meetup and cur.p_weekday(j + 1) is not None)  # `when`: "dinner friday 8pm"
    )


def _meal_on_a_date(cur: Cursor, i: int, j: int) -> bool:
    """In a `when`, a meal beside a date is its time, as beside a weekday: a date after it
    (maybe after "on") or a day of the month before it (maybe before a comma).

    Examples: "lunchtime on the 12th", "dinner on 14.3", "lunch 12th march",
    "the 12th, lunchtime", "brunch on march 15"."""
    if not cur.allow_latent:
        return False
    k = i - 2 if i > 0 and cur.word(i - 1, ",") else i - 1
    if k >= 0 and (cur.t[k].ordinal or cur.p_monthname(k) is not None):
        return True  # "the 12th, lunchtime", "12 march lunch"
    after = cur.skip(j + 1, "on", ",")
    return cur.p_date(after) is not None


def _part_span(
    cur: Cursor, s: str, k: int, day_offset: int | None, early: bool, late: bool
) -> tuple[PartOfDay, int]:
    """The hours of a part of the day; early: its first three (a morning: 0-9), late:
    its last three (an evening or a night: from 21).

    Examples: "morning", "early afternoon", "late evening", "evening-ish", "morning ish"."""
    a, b = _PARTS[s]
    if early:
        a, b = (0, 9) if s.startswith("morning") else (a, a + 3)
    elif late and s in _LATE_PART_HOURS:
        a, b = _LATE_PART_HOURS[s]
    elif late:
        a = 21 if s.startswith(("night", "evening")) else max(a, b - 3)
    if cur.word(k, "ish"):
        k += 1
    if cur.word(k, "-") and cur.word(k + 1, "ish"):
        k += 2
    if cur.allow_latent and cur.word(k, "time") and s not in _MEAL_PARTS:
        k += 1  # a `when`'s "evening time", "night time"
    return PartOfDay(a, b, day_offset, late, early), k

    # -- relative expressions -------------------------------------------------------------
