"""The cue phrases of the watcher's statements, shared by ``statements`` (which reads them
right before a city) and ``prefilter`` (which proves a message cannot contain one).

Everything here works on lower-case text with straight apostrophes. The cue patterns are
alternations whose alternatives ``prefilter`` analyses one by one, so keep them plain:
literals, groups, ``\\s``, ``\\b``, simple classes, and ``^``/``$`` only as clause anchors.
Every cue phrase must contain one of :data:`CUE_WORDS` as a word (a test checks this for
every phrase the patterns can spell).
"""

from __future__ import annotations

import re

__all__ = [
    "ADJECTIVES",
    "ADJ_BEFORE",
    "BASED_AFTER",
    "BEFORE_CITY",
    "CUE_WORDS",
    "HOME_CUES",
    "INTENT",
    "INTENT_WORDS",
    "MASK",
    "QUALIFIER",
    "THE_BEFORE",
    "TRIP_CUES",
    "clean",
]

# Words without which no statement is possible: first-person cues of home and travel, and
# meetup words. The pre-filter looks for them among the message's whitespace-split words.
CUE_WORDS = frozenset(
    """
    i'm im i'll ill we're we'll am are based located live living lived reside residing settled
    stay staying here home back currently town fellow greetings hello hi hey waving call work worked
    apartment flat house place moved relocated
    will gonna going go coming off head heading headed fly flying flight drive driving
    travel travelling traveling trip visit visiting holiday vacation conference spending
    arrive arriving arrived land landing landed touched leave
    """.split()
)
# Every phrase INTENT can spell holds one of these as a word (a test checks): "anyone up
# for a walk?" holds no meetup word, but "anyone" is a must of that phrase. No word is in
# both sets (the pre-filter reads each word one way; a test checks).
INTENT_WORDS = frozenset(
    """meet meetup meeting drinks drink coffee irl person hang
    together beer beers pint pints lunch dinner brunch tweetup tweet grab
    anyone anybody someone who who's whos folks y'all yall guys""".split()
)

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


# What cleaned-out text becomes: neither whitespace nor a word character, so the words on
# either side never become neighbours ("we @bob are" does not read as "we are"). The
# pre-filter relies on that: a cue phrase in the cleaned text is in the raw text too.
MASK = "\x00"


def _mask(m: re.Match[str]) -> str:
    return MASK * len(m.group())


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
)
_ALL_MARKS = tuple(m for _, marks in _CLEANERS for m in marks)


def clean(text: str) -> str:
    """Code, URLs, quotes and @/# mentions become :data:`MASK` characters (offsets are
    kept): what they say is not the speaker's own statement."""
    probe = text.lower()
    for mark in _ALL_MARKS:
        if mark in probe:
            break
    else:
        return text
    for rx, marks in _CLEANERS:
        if any(m in probe for m in marks):
            text = rx.sub(_mask, text)
    return text


# ---------------------------------------------------------------------------------------
# Cues, read on the clause right before a city.

_SUBJ = r"(?:i'm|im|i\ am|we're|we\ are)"
_ADV = (
    r"(?:\s+(?:currently|now|still|just|actually|finally|also|already|really|"
    r"officially|mostly|permanently|basically|originally))*"
)
_X = re.VERBOSE
HOME_CUES = re.compile(
    rf"""(?:
      \b(?:i|we)\b{_ADV}\s+(?:live|living|reside|stay|am\ based|'m\ based|am\ located)
          {_ADV}\s+(?:in|near|outside(?:\ of)?|around)\s*$
    | \b{_SUBJ}{_ADV}\s+(?:living|based|located|settled|staying)
          \s+(?:in|near|outside(?:\ of)?|around|out\ of)\s*$
    | \b{_SUBJ}{_ADV}\s+(?:in|from|near)\s*$
    | \b(?:i|we)\b{_ADV}\s+(?:moved|relocated|settled)(?:\s+(?:back|over|down|out))?
          \s+(?:to|in)\s*$
    | ^\s*(?:just\ |finally\ |recently\ |since\ i\ )?(?:moved|relocated)
          (?:\ back|\ over|\ down)?\ (?:to|in)\s*$
    | \b(?:here|over\ here|out\ here|back\ home|home)\ in\s*$
    | ^\s*(?:currently\ |now\ |still\ )?(?:living|based|located|residing|settled)
          \s+(?:in|near|out\ of|outside(?:\ of)?|around)\s*$
    | ^\s*back\ (?:home\ )?in\s*$
    | \b(?:heading|headed|going|flying|driving|back)\ home\ (?:to|in)\s*$
    | \b(?:i|we)\b{_ADV}\s+moved\ from\ [\w\s.,'-]{{1,40}}?\ to\s*$
    | \bmy\ (?:home|place|apartment|flat|house)\ (?:is\ )?in\s*$
    | \b(?:i|we)\ (?:call|now\ call)\s*$
    | \b(?:i|we)'?ve\ been\ living\ in\s*$
    | \b(?:i've|ive|i\ have|we've|we\ have){_ADV}\s+(?:lived|been\ living|been\ based)
          {_ADV}\s+(?:in|near)\s*$
    | \b(?:greetings|hello|hi|hey|waving)\ from\s*$
    | \bfellow\s*$
    | \b(?:i|we)\ (?:work|worked)\ (?:remotely\ )?(?:from|in)\s*$
    )""",
    _X,
)
TRIP_CUES = re.compile(
    rf"""(?:
      \b(?:i'll|ill|i\ will|we'll|we\ will|i'm\ going\ to|im\ going\ to|gonna
          |i\ am\ going\ to)
          \s+(?:also\s+|probably\s+|definitely\s+)?
          (?:be|stay|visit|go|fly|head|travel|drive)(?:ing)?
          \s+(?:in|to|through|around|near|into|back\ to)?\s*$
    | \b{_SUBJ}{_ADV}\s+(?:heading|headed|flying|going|travell?ing|driving|coming|off
          |returning|visiting|going\ back|coming\ back|popping\ over|stopping|swinging
          |passing)
          (?:\s+(?:to|through|by|over\ to|down\ to|up\ to|out\ to|into|in))?\s*$
    | \b(?:heading|headed|flying|travell?ing|driving|off|going)
          \ (?:to|out\ to|down\ to|up\ to|over\ to|back\ to)\s*$
    | \b(?:i|we)\ (?:fly|head|leave|go|travel|arrive|land)\ (?:to|for|in|into|out\ to)\s*$
    | \b(?:trip|travel|visit|vacation|holiday|flight|conference)\ (?:to|in)\s*$
    | \b(?:visiting|in\ town\ in|landing\ in|arriving\ in|arrive\ in|land\ in)\s*$
    | \b(?:just\ )?(?:landed|arrived|touched\ down)\ (?:in|at)\s*$
    | \bvisiting\s+(?:my\s+|our\s+|the\s+|some\s+)?[\w'-]+\s+in\s*$
    | \b{_SUBJ}\ (?:in|at)\s*$
    | \b{_SUBJ}\s+(?:at|for)\s+[\w'&-]+(?:\s+[\w'&-]+)?\s+in\s*$
    | \bwill\ be\ (?:in|at|around)\s*$
    | ^\s*(?:going\ to|gonna|will)\ be\ (?:in|at|around)\s*$
    | \bspending\ (?:the|a|this|next|my)\ [\w-]+(?:\ [\w-]+)?\ in\s*$
    | \b(?:flying|driving|heading|headed|coming)\ into\s*$
    )""",
    _X,
)
# What may stand between a cue and its city, cut off the clause before the city: an
# adjective ("greetings from sunny San Diego"), and before that "the".
ADJECTIVES = (
    *"sunny rainy beautiful lovely snowy cold hot freezing windy gorgeous foggy humid".split(),
    "good old",
    *"old little downtown".split(),
    "the city of",
    "the beautiful",
    "wonderful",
    "amazing",
)
_ADJECTIVE = "(?:" + "|".join(re.escape(a) for a in ADJECTIVES) + ")"
ADJ_BEFORE = re.compile(rf"\s+{_ADJECTIVE}\s*$")
THE_BEFORE = re.compile(r"\s+the\s*$")
BEFORE_CITY = rf"(?:\s+the)?(?:\s+{_ADJECTIVE})?\s*"  # as a cue's tail, VERBOSE-safe
# After a city: "Denver-based", "Denver here!" (an optional qualifier "Austin, TX" between).
# "here" ends the sentence, or a mark sets it apart from what follows: "Denver here, anyone
# around?", "Seattle here 👋 long time lurker" (not "Paris here's a photo", "here and there").
BASED_AFTER = re.compile(r"^\s*-?\s*based\b|^\s*here\b(?!\s+(?:we|i)\b)(?:\W*$|\s*[^\w\s'’])")
QUALIFIER = re.compile(r"^\s*,?\s*[a-z.]+(?:\s[a-z]+)?(?=\s+(?:here|based)\b)")
# Meetup intent. Its open stretches stop at a sentence end and at masked text, so what it
# matches in cleaned text it matches in the raw text too (the pre-filter relies on that).
INTENT = re.compile(
    r"""\b(?:
      meet\ ?up
    | meet(?:ing)?\ (?:irl|in\ person|in\ real\ life|up|offline|face\ to\ face)
    | (?:we|y'?all|you\ all|folks|everyone|anyone|we\ all)\ should
          \ (?:meet|get\ together|hang|grab)
    | let'?s\ (?:meet|get\ together|hang\ out|grab|do\ a\ meetup|have\ a\ meetup)
    | (?:anyone|anybody|who|folks|y'?all|you\ guys)\b[^.!?\x00]{0,40}?
          \b(?:want|wanna|wants|keen|up|down|free|around)\b[^.!?\x00]{0,20}?
          \b(?:grab|get|meet|hang|drinks?|coffee|beers?|lunch|dinner|brunch|pints?)
    | (?:anyone|anybody|who'?s|who\ is|someone)
          \ (?:up\ for|down\ for|wants?\ to|wanna|keen\ (?:on|for)|around\ for|free\ for
            |interested\ in)
          \ (?:a\ |some\ |grabbing\ |getting\ |meeting\ |drinks|coffee|beers?|lunch|dinner
            |meet|hang|get\ together|meetup|grab)
    | (?:would|'d)\ love\ to\ meet
    | love\ to\ meet\ (?:you|everyone|y'?all|up|irl|in\ person)
    | (?:grab|get|have)\ (?:a\ )?(?:drinks?|coffee|beers?|lunch|dinner|brunch)\ together
    | get\ together|tweet\ ?up|irl\ meet|in-person\ meet|in\ person\ meet
    )\b""",
    re.VERBOSE,
)
