"""Repeat rules in English ("every first thursday", "monthly on the 15th") to and from
`RepeatRule`, the RRULE value the domain evaluates.

Every word of a rule must be one this module knows (the words live in ``lang/en.py``), so
"every blue moon" is unreadable rather than read as something else. The parts found decide
the frequency when no word names it: an ordinal weekday or a day of the month repeats
monthly, weekdays weekly, a month and day yearly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.domain.series import RepeatRule
from bot.nlp.lang import en

_MULTIWORD = re.compile(r"\b(second|next)\s+to\s+last\b|\bon\s+(?:every|each)\b")
_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")  # fmt: skip
EXAMPLES = (
    'repeat:"every first thursday", "weekly", "every 2 weeks", "monthly on the 15th" '
    'or "every last friday"'
)


@dataclass
class _Parts:
    freq: str | None = None
    interval: int | None = None
    weekdays: list[tuple[int, int | None]] = field(default_factory=list)
    month_days: list[int] = field(default_factory=list)
    months: list[int] = field(default_factory=list)
    every: bool = False


def _tokens(text: str) -> list[str]:
    text = " ".join(text.lower().replace("’", "'").split())
    text = _MULTIWORD.sub(lambda m: m[0].replace(" ", "_"), text)
    return [t.replace("_", " ") for t in re.findall(r"[a-z_]+|\d+(?:st|nd|rd|th)?", text)]


def _number(token: str) -> int | None:
    digits = re.fullmatch(r"(\d{1,3})(?:st|nd|rd|th)?", token)
    return int(digits[1]) if digits else None


def parse_repeat(text: str) -> RepeatRule | None:
    """The rule `text` states, or None when a word is not one of a rule.

    >>> parse_repeat("every first thursday").rrule()
    'FREQ=MONTHLY;BYDAY=1TH'
    >>> parse_repeat("weekly").rrule()
    'FREQ=WEEKLY'
    >>> parse_repeat("every 2 weeks").rrule()
    'FREQ=WEEKLY;INTERVAL=2'
    >>> parse_repeat("monthly on the 15th").rrule()
    'FREQ=MONTHLY;BYMONTHDAY=15'
    >>> parse_repeat("every last friday").rrule()
    'FREQ=MONTHLY;BYDAY=-1FR'
    >>> parse_repeat("every other tuesday").rrule()
    'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU'
    >>> parse_repeat("every weekday").rrule()
    'FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR'
    >>> parse_repeat("every hour").rrule()
    'FREQ=HOURLY'
    >>> parse_repeat("every blue moon") is None
    True
    """
    if en.REPEAT_MANY_A_DAY.search(text.lower()):
        return RepeatRule("hourly")
    tokens = _tokens(text)
    if not tokens or len(tokens) > 20:
        return None
    parts = _Parts()
    i = 0
    while i < len(tokens):
        used = _read_one(tokens, i, parts)
        if used == 0:
            return None
        i += used
    return _rule(parts)


def _read_one(tokens: list[str], i: int, parts: _Parts) -> int:
    """Read the words at `i` into `parts`; how many were read (0: not a word of a rule).

    The readers below are tried in order; each returns how many words it read, 0 to stop
    the whole rule ("every weeks"), or None when the word is not its kind."""
    word = tokens[i]
    following = tokens[i + 1] if i + 1 < len(tokens) else ""
    for reader in _READERS:
        used = reader(tokens, i, word, following, parts)
        if used is not None:
            return used
    return 0


def _every(tokens: list[str], i: int, word: str, following: str, parts: _Parts) -> int | None:
    """"every", "each"."""
    if word in en.REPEAT_EVERY:
        parts.every = True
        return 1
    return None


def _other(tokens: list[str], i: int, word: str, following: str, parts: _Parts) -> int | None:
    """"every other tuesday": an interval of 2."""
    if word == en.REPEAT_OTHER and parts.every and parts.interval is None:
        parts.interval = 2
        return 1
    return None


def _adverb(tokens: list[str], i: int, word: str, following: str, parts: _Parts) -> int | None:
    """"weekly", "fortnightly", "monthly"."""
    if word in en.REPEAT_ADVERBS:
        parts.freq, interval = en.REPEAT_ADVERBS[word]
        parts.interval = parts.interval or interval
        return 1
    return None


def _nth_weekday(
    tokens: list[str], i: int, word: str, following: str, parts: _Parts
) -> int | None:
    """"first thursday", "last friday", and "the 2nd and 4th tuesday" (its first half)."""
    if word not in en.REPEAT_ORDINALS:
        return None
    if following in en.REPEAT_WEEKDAYS:
        parts.weekdays.append((en.REPEAT_WEEKDAYS[following], en.REPEAT_ORDINALS[word]))
        return 2
    if following == "and":
        rest = tokens[i + 2 : i + 5]
        days = [t for t in rest if t in en.REPEAT_WEEKDAYS]
        if days and all(t in en.REPEAT_ORDINALS or t in en.REPEAT_WEEKDAYS for t in rest[:2]):
            parts.weekdays.append((en.REPEAT_WEEKDAYS[days[0]], en.REPEAT_ORDINALS[word]))
            return 2
    return None


def _weekday(tokens: list[str], i: int, word: str, following: str, parts: _Parts) -> int | None:
    """"tuesday", "tues"."""
    if word in en.REPEAT_WEEKDAYS:
        parts.weekdays.append((en.REPEAT_WEEKDAYS[word], None))
        return 1
    return None


def _day_group(
    tokens: list[str], i: int, word: str, following: str, parts: _Parts
) -> int | None:
    """"weekday", "weekend": several days, daily."""
    if word in en.REPEAT_DAY_GROUPS:
        parts.weekdays += [(d, None) for d in en.REPEAT_DAY_GROUPS[word]]
        parts.freq = parts.freq or "daily"
        return 1
    return None


def _month(tokens: list[str], i: int, word: str, following: str, parts: _Parts) -> int | None:
    """"march": a yearly rule's month."""
    if word in en.MONTH_NAMES:
        parts.months.append(en.MONTH_NAMES[word])
        return 1
    return None


def _count(tokens: list[str], i: int, word: str, following: str, parts: _Parts) -> int | None:
    """"every 2 weeks" (an interval) or "on the 15th" (a day of the month)."""
    number = _number(word)
    if number is None:
        return None
    if following in en.REPEAT_UNITS and parts.every and parts.interval is None:
        parts.freq, parts.interval = en.REPEAT_UNITS[following], number
        return 2
    if 1 <= number <= 31 and (not word.isdigit() or parts.months or _after_the(tokens, i)):
        parts.month_days.append(number)
        return 1
    return 0


def _unit(tokens: list[str], i: int, word: str, following: str, parts: _Parts) -> int | None:
    """"every week", "each month"; a plural without a number ("every weeks") stops."""
    if word in en.REPEAT_UNITS and parts.freq is None:
        if word.endswith("s"):
            return 0
        parts.freq, parts.interval = en.REPEAT_UNITS[word], parts.interval or 1
        return 1
    return None


def _filler(tokens: list[str], i: int, word: str, following: str, parts: _Parts) -> int | None:
    """"on", "the", "of": words a rule may carry."""
    return 1 if word in en.REPEAT_FILLER else None


_READERS = (
    _every, _other, _adverb, _nth_weekday, _weekday, _day_group, _month, _count, _unit, _filler
)


def _after_the(tokens: list[str], i: int) -> bool:
    return i > 0 and tokens[i - 1] == "the"


def _rule(parts: _Parts) -> RepeatRule | None:
    freq = parts.freq
    ordinal = any(n is not None for _, n in parts.weekdays)
    if freq is None:
        if parts.months:
            freq = "yearly"
        elif ordinal or parts.month_days:
            freq = "monthly"
        elif parts.weekdays:
            freq = "weekly"
        else:
            return None
    if ordinal and freq not in ("monthly", "yearly"):
        return None  # "weekly on the first monday" says two things
    if parts.months and freq != "yearly":
        return None
    if parts.month_days and freq in ("weekly", "daily"):
        return None
    return RepeatRule(
        freq,
        parts.interval or 1,
        tuple(dict.fromkeys(parts.weekdays)),
        tuple(dict.fromkeys(parts.month_days)),
        tuple(dict.fromkeys(parts.months)),
    )


def describe(rule: RepeatRule) -> str:
    """The rule in words.

    >>> describe(RepeatRule("monthly", weekdays=((3, 1),)))
    'every first Thursday of the month'
    >>> describe(RepeatRule("weekly", 2, weekdays=((1, None),)))
    'every 2 weeks on Tuesday'
    >>> describe(RepeatRule("monthly", month_days=(15,)))
    'every month on the 15th'
    >>> describe(RepeatRule("daily", weekdays=tuple((d, None) for d in range(5))))
    'every weekday'
    """
    unit = {"yearly": "year", "monthly": "month", "weekly": "week", "daily": "day",
            "hourly": "hour", "minutely": "minute"}[rule.freq]  # fmt: skip
    every = f"every {rule.interval} {unit}s" if rule.interval > 1 else f"every {unit}"
    ordinal = [(d, n) for d, n in rule.weekdays if n is not None]
    if ordinal and rule.interval == 1 and rule.freq == "monthly":
        return (
            "every "
            + _and([f"{_ordinal_word(n)} {_DAY_NAMES[d]}" for d, n in ordinal])
            + (" of the month")
        )
    if rule.freq == "daily" and sorted(d for d, _ in rule.weekdays) == [0, 1, 2, 3, 4]:
        return "every weekday" if rule.interval == 1 else f"{every} on weekdays"
    words = [every]
    if rule.months:
        words.append("in " + _and([_MONTH_NAMES[m - 1] for m in rule.months]))
    if rule.month_days:
        words.append("on the " + _and([_ordinal_word(d) for d in rule.month_days]))
    if rule.weekdays:
        words.append(
            "on "
            + _and(
                [
                    (f"the {_ordinal_word(n)} " if n else "") + _DAY_NAMES[d]
                    for d, n in rule.weekdays
                ]
            )
        )
    return " ".join(words)


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _ordinal_word(n: int) -> str:
    named = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", -1: "last",
             -2: "second to last"}  # fmt: skip
    if n in named and abs(n) <= 5:
        return named[n]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
