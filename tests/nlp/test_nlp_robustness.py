"""Any text at all goes through the language package without an exception."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.nlp.dates import find_times, parse_when, suggest_times
from bot.nlp.places import find_places, resolve_city, search_cities
from bot.nlp.statements import might_matter, read

NOW = datetime(2026, 3, 4, 10, 0, tzinfo=ZoneInfo("Europe/Paris"))

chat_words = st.sampled_from(
    [
        "I",
        "live",
        "in",
        "Portland",
        "next",
        "friday",
        "7pm",
        "at",
        "3/14",
        "-",
        "to",
        "the",
        "21st",
        "'",
        "`",
        "```",
        "https://paris.example.com",
        "@Austin",
        "#London",
        "😀",
        "?",
        "moved",
        "Brooklyn",
        "tomorrow",
        "noon",
        "12:30",
        "Mar",
        "10-14",
        "or",
        "meet",
        "up",
        "between",
        "and",
        "from",
        "2026-12-05",
        "ago",
        "in",
        "2",
        "weeks",
        "\n",
        ">",
        '"',
        "Nice",
        "Reading",
        "Of",
        "0",
        "99:99",
        "31/31",
        "2/29",
        "1e9",
        "9999999999999",
    ]
)
chatty = st.lists(chat_words, max_size=30).map(" ".join)


def everything(text: str) -> None:
    might_matter(text)
    find_places(text)
    find_places(text, prefer_country="US")
    find_times(text, now=NOW)
    parse_when(text, now=NOW)
    parse_when(text, now=NOW, meetup=False)
    suggest_times(text, now=NOW)
    read(text, now=NOW)
    resolve_city(text)
    search_cities(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_random_unicode_never_raises(text: str) -> None:
    everything(text)


@settings(max_examples=300, deadline=None)
@given(chatty)
def test_chat_like_word_salad_never_raises(text: str) -> None:
    everything(text)
    for m in find_times(text, now=NOW):
        assert text[m.start_index : m.end_index] == m.text
        assert m.start.tzinfo is not None
        assert m.end is None or m.end > m.start
    for p in find_places(text):
        assert text[p.start : p.end] == p.text


@settings(max_examples=5, deadline=None)
@given(st.text(min_size=1, max_size=20))
def test_forty_thousand_characters(seed: str) -> None:
    text = (seed + " I live in Portland next friday 7pm ") * (40_000 // (len(seed) + 36) + 1)
    text = text[:40_000]
    assert len(text) == 40_000
    everything(text)


def test_forty_thousand_character_message() -> None:
    text = ("x" * 39_990) + " Portland"
    everything(text)
    everything("9" * 40_000)
    everything("-" * 40_000)
    everything("Paris " * 6_666)
    everything("1.2.3.4.5." * 4_000)  # no spaces: windows must not grow over the whole text
    everything("7 - 8 - 9 - 10 " * 2_700)
    everything("3/14 " * 8_000)
