"""Tokens: words, numbers (with their value) and punctuation, with their offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.nlp.dates.vocabulary import _NUMBERS, _ORDINALS, RESPELLINGS

# ---------------------------------------------------------------------------------------
# Tokens

_TOKEN_RE = re.compile(
    r"(?P<w2>2mor+o+w?\b|2mr+w\b|2ni(?:te|ght)\b)|(?P<n>\d+(?:st|nd|rd|th)?)|(?P<w>[a-z]+(?:'[a-z]+|-ish\b)?)|(?P<p>[^\sa-z\d])",
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
        if s.startswith("2m"):
            append(Token("2moro", a, b, "w", False, None, False))
        elif s.startswith("2ni"):
            append(Token("tonight", a, b, "w", False, None, False))
        elif "0" <= c0 <= "9":
            ordinal = s[-2:] in ("st", "nd", "rd", "th")
            digits = s[:-2] if ordinal else s
            append(Token(s, a, b, "n", False, int(digits) if len(digits) <= 9 else None, ordinal))
        elif "a" <= c0 <= "z":
            s = respelled(s)
            wn = word_num.get(s)
            cap = text[a].isupper()
            if wn is None:
                append(Token(s, a, b, "w", cap, None, False))
            else:
                append(Token(s, a, b, "w", cap, wn[0], wn[1]))
        else:
            append(Token(s, a, b, "p", False, None, False))
    return out


def respelled(word: str) -> str:
    """The word meant by a lower-case word typed in a hurry: one slip from a weekday, a
    month or a day word, shorthand, or a time word with "ish"; other words as they are.

    Examples: "wedensday" -> "wednesday", "thrusday" -> "thursday", "saturaday" ->
    "saturday", "tommorrow" -> "tomorrow", "nxt" -> "next", "noonish" -> "noon",
    "late-ish" -> "late"; "sundae" and "frida" stay."""
    return RESPELLINGS.get(word, word)
