"""Every rule of the date grammar reads the examples in its docstring (issue 14).

A rule is a free function over the cursor (``rule(cur, i, ...)``) in one of the rule
modules; its docstring ends with ``Examples: "...", "..."``. For each example, the whole
grammar (``parser.p_expr``) must read the whole example, and the rule itself must take
part: it is watched (replaced in its module for the test) and must return a reading while
the example is read. So a rule that is stubbed out, or that the grammar never reaches,
fails here. The value tables below pin what some rules mean, through ``parse_when`` (the
path the bot uses)."""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from datetime import date, datetime
from types import ModuleType
from zoneinfo import ZoneInfo

import pytest

from bot.nlp.dates import clock, combine, days, find_times, parse_when, relative
from bot.nlp.dates.cursor import Cursor
from bot.nlp.dates.tokens import _tokenize
from bot.nlp.dates.values import Context

# Wednesday 4 March 2026, 10:00 in a US zone (numeric dates are month/day).
NOW = datetime(2026, 3, 4, 10, 0, tzinfo=ZoneInfo("America/Chicago"))
GROUPS: tuple[ModuleType, ...] = (days, clock, relative, combine)
# Helpers the rules call with values rather than a position; the rules that use them are
# the ones with examples.
HELPERS = {
    "_match_weekday",
    "_year_after",
    "_mk_monthday",
    "_container",
    "_ampm",
    "_tz",
    "_hour_ref",
    "_unit_after",
    "_add",
    "_shift_value",
    "_latent_ok",
    "resolve",
    "_convert",
    "_candidate_hours",
    "_in_part",
    "_hour",
    "_tod_value",
    "_day_value",
    "_range_with",
    "_this_year",
}
_EXAMPLES = re.compile(r"Examples:\s*(.*)", re.DOTALL)


def _examples(fn: Callable[..., object]) -> list[str]:
    doc = inspect.getdoc(fn) or ""
    m = _EXAMPLES.search(doc)
    return re.findall(r'"([^"]+)"', m.group(1)) if m else []


def _is_rule(module: ModuleType, fn: object) -> bool:
    """A function of the module whose first parameter is the cursor."""
    if not inspect.isfunction(fn) or fn.__module__ != module.__name__:
        return False
    params = list(inspect.signature(fn).parameters)
    return bool(params) and params[0] == "cur"


def _rules() -> list[tuple[ModuleType, str]]:
    return [
        (module, name)
        for module in GROUPS
        for name, fn in vars(module).items()
        if _is_rule(module, fn) and name not in HELPERS
    ]


RULES = _rules()
CASES = [
    pytest.param(module, name, ex, id=f"{name}:{ex}")
    for module, name in RULES
    for ex in _examples(getattr(module, name))
]


def test_the_rules_are_free_functions_over_the_cursor() -> None:
    assert len(RULES) > 90
    assert not [n for n, v in vars(Cursor).items() if n.startswith(("_d_", "_t_", "_e_", "_r_"))]


@pytest.mark.parametrize(("module", "name"), RULES, ids=[n for _, n in RULES])
def test_every_rule_has_examples(module: ModuleType, name: str) -> None:
    assert _examples(getattr(module, name)), f"{module.__name__}.{name} has no Examples: line"


@pytest.mark.parametrize(("module", "name", "example"), CASES)
def test_the_rule_reads_its_examples(
    module: ModuleType, name: str, example: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    toks = _tokenize(example)
    cur = Cursor(example, toks, Context(NOW, meetup=False))
    cur.allow_latent = True
    readings: list[object] = []
    rule = getattr(module, name)

    def watched(*args: object) -> object:
        r = rule(*args)
        if r is not None:
            readings.append(r)
        return r

    monkeypatch.setattr(module, name, watched)
    r = combine.p_expr(cur, 0)  # through the module, so that a watched p_expr counts
    assert r is not None, f"{example!r} is not read at all"
    assert (r[1], r[2]) == (0, len(toks)), f"{example!r} is read only in part"
    assert readings, f"{name} takes no part in reading {example!r}"


def _reading(example: str) -> object:
    """How the grammar reads an example; a rule that breaks its caller reads as the error."""
    toks = _tokenize(example)
    cur = Cursor(example, toks, Context(NOW, meetup=False))
    cur.allow_latent = True
    try:
        return combine.p_expr(cur, 0)
    except (TypeError, AttributeError, ValueError, AssertionError) as e:
        return type(e)


@pytest.mark.parametrize(("module", "name"), RULES, ids=[n for _, n in RULES])
def test_stubbing_a_rule_out_changes_the_reading_of_an_example(
    module: ModuleType, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rule that read nothing (a test that says yes or no: that said the opposite) would
    change how at least one of its examples is read; a rule the others already cover is
    dead and goes."""
    rule = getattr(module, name)
    examples = _examples(rule)
    before = [_reading(example) for example in examples]
    stubs = (True, False) if inspect.signature(rule).return_annotation == "bool" else (None,)
    changed = []
    for stub in stubs:
        monkeypatch.setattr(module, name, lambda *args, stub=stub: stub)
        changed.append([_reading(example) for example in examples] != before)
    assert any(changed), f"every example of {name} is read the same without it"


ALL_EXAMPLES = sorted({ex for module, name in RULES for ex in _examples(getattr(module, name))})


@pytest.mark.parametrize("name", sorted(HELPERS))
def test_stubbing_a_helper_out_changes_the_reading_of_some_example(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The helpers have no examples of their own; stubbing one out must change how some
    rule's example is read (else it is dead and goes)."""
    (module,) = [m for m in GROUPS if name in vars(m)]
    helper = getattr(module, name)
    before = [_reading(example) for example in ALL_EXAMPLES]
    stub = (lambda *args: True) if inspect.signature(helper).return_annotation == "bool" else None
    monkeypatch.setattr(module, name, stub or (lambda *args: None))
    assert [_reading(example) for example in ALL_EXAMPLES] != before


def _when(text: str) -> tuple[datetime, datetime | None, str]:
    m = parse_when(text, now=NOW, meetup=False)
    assert m is not None, text
    return m.start, m.end, m.grain


def _day(d: date) -> datetime:
    return datetime(d.year, d.month, d.day, tzinfo=NOW.tzinfo)


# _d_boundary: a part of a month, week or year. Thirds of a month (1-10, 11-20, 21-end),
# the first/last three days of a week, the first/last third of a year (by months).
BOUNDARIES = [
    ("end of the month", date(2026, 3, 21), date(2026, 4, 1), "day"),
    ("early March", date(2026, 3, 1), date(2026, 3, 11), "day"),
    ("mid March", date(2026, 3, 11), date(2026, 3, 21), "day"),
    ("beginning of next week", date(2026, 3, 9), date(2026, 3, 12), "day"),
    ("end of the year", date(2026, 9, 1), date(2027, 1, 1), "month"),
    ("start of 2027", date(2027, 1, 1), date(2027, 4, 1), "month"),
]


@pytest.mark.parametrize(("text", "first", "end", "grain"), BOUNDARIES)
def test_boundary_values(text: str, first: date, end: date, grain: str) -> None:
    assert _when(text) == (_day(first), _day(end), grain)


# _season: northern-hemisphere seasons from their solstice or equinox; "this" is the one
# going on or next, "next" the one after, "last" the one before.
SEASONS = [
    ("this summer", date(2026, 6, 21), date(2026, 9, 23)),
    ("last winter", date(2024, 12, 21), date(2025, 3, 20)),
    ("this winter", date(2025, 12, 21), date(2026, 3, 20)),
    ("next spring", date(2026, 3, 20), date(2026, 6, 21)),
]


@pytest.mark.parametrize(("text", "first", "end"), SEASONS)
def test_season_values(text: str, first: date, end: date) -> None:
    assert _when(text) == (_day(first), _day(end), "day")


# A clock time with a named zone, on a stated day or the next occurrence: read in that
# zone, shown in the community's (Chicago: UTC-6 until 8 March 2026, then UTC-5).
ZONED = [
    ("friday at 7pm EST", datetime(2026, 3, 6, 18, 0)),
    ("friday at 19:00 UTC", datetime(2026, 3, 6, 13, 0)),
    ("March 10 at 9am PST", datetime(2026, 3, 10, 12, 0)),
    ("7pm EST", datetime(2026, 3, 4, 18, 0)),
]


@pytest.mark.parametrize(("text", "local"), ZONED)
def test_named_zone_values(text: str, local: datetime) -> None:
    assert _when(text)[0] == local.replace(tzinfo=NOW.tzinfo)


# _for_span: "X for N units" is the interval from X.
DURATIONS = [
    ("friday 7pm for 2 hours", datetime(2026, 3, 6, 19), datetime(2026, 3, 6, 21), "hour"),
    ("for 10 days from 18th Dec", datetime(2026, 12, 18), datetime(2026, 12, 28), "day"),
    ("tomorrow for 3 days", datetime(2026, 3, 5), datetime(2026, 3, 8), "day"),
]


@pytest.mark.parametrize(("text", "first", "end", "grain"), DURATIONS)
def test_duration_values(text: str, first: datetime, end: datetime, grain: str) -> None:
    tz = NOW.tzinfo
    assert _when(text) == (first.replace(tzinfo=tz), end.replace(tzinfo=tz), grain)


def test_a_dashed_date_needs_a_word_before_it() -> None:
    # _date_context: "on 3-14" is March 14; "7-9 people" is a count
    assert [(m.text, m.start.date()) for m in find_times("see you on 3-14", now=NOW)] == [
        ("3-14", date(2026, 3, 14))
    ]
    assert find_times("we need 7-9 people", now=NOW) == []
