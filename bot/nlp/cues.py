"""Cleaning a chat message before the watcher reads it: code, URLs, quotes and @/#
mentions become :data:`MASK` characters (offsets kept), but for a #tag that may be a city.
The cue phrases themselves are in ``bot.nlp.lang.en``."""

from __future__ import annotations

import re

from bot.nlp.places import may_mention_city

__all__ = ["MASK", "clean"]

# ---------------------------------------------------------------------------------------
# Cleaning

_CODE_BLOCK = re.compile(r"```.*?(```|$)", re.DOTALL)
_CODE_INLINE = re.compile(r"`[^`\n]*`")
_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
# A bare domain ("portland.com/events"): the whole whitespace-separated token. The lazy \S+?
# starts only at a token start, so this stays linear in the text's length.
_DOMAIN = re.compile(r"(?<!\S)\S+?\.(?:com|org|net|io|dev|app)\b(?:/\S*)?", re.IGNORECASE)
_QUOTE_LINE = re.compile(r"^\s*>.*$", re.MULTILINE)
_QUOTED = re.compile(r"\"[^\"\n]{0,300}\"|“[^”\n]{0,300}”")
_MENTION = re.compile(r"[@#]\w+")
# Markdown emphasis and spoilers, "*Denver*", "**City:**", "_finally_", "||spoiler||", and a
# strikethrough, "moved to ~Sydney~ Brisbane" (the struck word taken back): the marks, or
# the struck words, become spaces so the words around them read on.
_EMPHASIS = re.compile(r"\*+|\|\||(?<!\w)_+|_+(?!\w)")
_STRUCK = re.compile(r"~~?[^~\n]{1,60}~~?")


# What cleaned-out text becomes: neither whitespace nor a word character, so the words on
# either side never become neighbours ("we @bob are" does not read as "we are"). The
# pre-filter relies on that: a cue phrase in the cleaned text is in the raw text too.
MASK = "\x00"


def _mask(m: re.Match[str]) -> str:
    return MASK * len(m.group())


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group())


def _mask_tag(m: re.Match[str]) -> str:
    """An @mention or #tag is masked, but a #tag that may name a city ("#Wellington") is
    the speaker's own word: it stays, and ``find_places`` judges it in its sentence."""
    tag = m.group()
    if tag[0] == "#" and tag[1:2].isupper() and may_mention_city("in " + tag[1:]):
        return tag
    return MASK * len(tag)


# Each cleaner after the marks (in the lower-case text) without which it changes nothing:
# most messages have none, and `in` is far cheaper than a regex search.
_CLEANERS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (_CODE_BLOCK, ("```",)),
    (_CODE_INLINE, ("`",)),
    (_URL, ("://", "www.")),
    (_DOMAIN, (".com", ".org", ".net", ".io", ".dev", ".app")),
    (_QUOTE_LINE, (">",)),
    (_QUOTED, ('"', "“")),
    (_MENTION, ("@", "#")),
    (_STRUCK, ("~",)),
    (_EMPHASIS, ("*", "_", "||")),
)
# How each cleaner rewrites what it finds (masked, unless named here).
_REWRITE = {_MENTION: _mask_tag, _STRUCK: _blank, _EMPHASIS: _blank}
_ALL_MARKS = tuple(m for _, marks in _CLEANERS for m in marks)


def clean(text: str) -> str:
    """Code, URLs, quotes and @/# mentions become :data:`MASK` characters (offsets are
    kept): what they say is not the speaker's own statement. Markdown marks and
    struck-through words become spaces. (A platform's own mention and link markup is
    made plain text by its adapter before the watcher reads it.)"""
    probe = text.lower()
    for mark in _ALL_MARKS:
        if mark in probe:
            break
    else:
        return text
    for rx, marks in _CLEANERS:
        if any(m in probe for m in marks):
            text = rx.sub(_REWRITE.get(rx, _mask), text)
    return text
