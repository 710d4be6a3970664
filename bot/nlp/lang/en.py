"""English: every word, cue phrase and word list the statement grammar reads.

The grammar (``bot.nlp.statements``) names no English word itself: it asks this module
whether the words before or after a city make a home or a trip, whether a clause is about
someone else, the past or a wish, and where a trip's dates start and end. A second language
is a second module with the same names.

Everything here works on lower-case text with straight apostrophes. Each cue is a
:class:`Cue`: its pattern and the words it is written with (``words``), so a reader (and a
test) can see which words a pattern needs; ``examples`` are phrases it must match.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass

__all__ = [
    "ADJECTIVES",
    "ARRIVAL",
    "CLAUSE_SPLIT",
    "CORRECTION",
    "DEMONYM_SELF",
    "END_WORDS",
    "HOME_AFTER",
    "HOME_BEFORE",
    "HOME_NOW_AFTER",
    "INTENT_CUES",
    "INTENT_WORDS",
    "LIST_JOINERS",
    "MODIFIER_TRIP",
    "NOT_INTENT",
    "NOT_NOW",
    "NOT_SPEAKER",
    "NOW_WORDS",
    "ORIGIN",
    "PAST_MEETUP",
    "SPEAKER",
    "TRIP_AFTER",
    "TRIP_BEFORE",
    "UNTIL",
    "WEEKDAY_NAMES",
    "Cue",
    "Gate",
    "fitting_intent_cues",
    "gate_words",
    "intent_gate",
    "may_pass_a_gate",
    "names_a_pair",
    "statement_gate",
    "words_of",
]


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue phrase pattern, the words it is written with, and examples it must match."""

    name: str
    pattern: re.Pattern[str]
    words: frozenset[str]
    examples: tuple[str, ...]
    # Every message the cue fits holds a word of each of these sets, and this mark.
    needs: tuple[frozenset[str], ...] = ()
    mark: str = ""
    beside_a_stay: bool = False  # counts only beside a home or trip of the same message

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text)


_WORD = re.compile(r"[a-z']+")


def words_of(text: str) -> frozenset[str]:
    """The lower-case words of a text (runs of letters and apostrophes)."""
    return frozenset(_WORD.findall(text.lower().replace("’", "'")))


def _cue(
    name: str,
    pattern: str,
    examples: tuple[str, ...],
    needs: tuple[frozenset[str], ...] = (),
    beside_a_stay: bool = False,
    mark: str = "",
) -> Cue:
    rx = re.compile(pattern, re.VERBOSE)
    words = words_of(re.sub(r"\\[a-z]|\(\?[:=!<]+|[^a-z' ]", " ", pattern))
    return Cue(name, rx, words, examples, needs, mark, beside_a_stay)


# ---------------------------------------------------------------------------------------
# Who and when: words that make a clause not the speaker's own, present or future statement

_SUBJ = r"(?:i'm|im|i\s+am|we're|we\s+are)"
# The speaker as subject, or as the one another sends ("work is sending me to Boston").
SPEAKER = re.compile(
    r"\b(?:i|i'm|im|i'll|ill|i've|ive|i'd|we|we're|we'll|we've|"
    r"(?:sending|send|sent|flying|taking|dragging)\s+(?:me|us))\b"
)
NOT_SPEAKER = re.compile(
    r"\b(?:he|she|they|he's|she's|they're|his|her|their|you|you're|your|ur|u|"
    r"my\s+(?!(?:home|place|apartment|flat|house|wife\s+and\s+i|husband\s+and\s+i|partner\s+and\s+i|"
    r"family|kids|own|bf|gf|trip|next|first|last|new|usual|company|team's)\b)\w+|"
    r"friend|friends|sister|brother|mom|mum|dad|mother|father|parents|boss|colleague|coworker|"
    r"cousin|aunt|uncle|wife|husband|girlfriend|boyfriend|partner|son|daughter|team|company|"
    r"office|cofounder|manager|someone|somebody|anyone|anybody|everyone|who|who's|whos)\b"
)
# Negation, the past, wishes and hypotheticals, future moves, jokes.
NOT_NOW = re.compile(
    r"(?:n't\b)|\b(?:not|dont|didnt|never|no\s+longer|wont|cant|cannot|nowhere|anymore|any\s+more|"
    r"was|were|went|visited|had\s+been|used\s+to|grew\s+up|born|spent|flew|drove|got\s+back|"
    r"came\s+back|returned|lived|did|left|ago|last\s+(?:week|month|year|weekend|time|summer|"
    r"winter|spring|fall|autumn)|yesterday|cancel+ed|called\s+off|postponed|"
    r"if|would|wouldn't|could|might|maybe|perhaps|possibly|probably|someday|some\s+day|"
    r"one\s+day|wish|hope|hoping|dream|dreaming|imagine|thinking|considering|planning\s+to\s+move|"
    r"should\s+i|or\s+should|i'd|id\s+love|want\s+to|wanna|would\s+love|in\s+the\s+future|"
    r"eventually|unless|suppose|pretend|depends|depending|assuming|tentatively|"
    r"moving|relocating|shifting|move|relocate|spirit|mentally|kidding|jk|joking|lol\s+no|"
    r"miss|missing|favourite|favorite|love|loved|hate|recommend|recs?|tips|"
    r"any\s+good|anyone\s+know|does\s+anyone|is\s+anyone|is\s+anybody|where|what|how)\b"
)
# "originally from Lyon", "born in Chennai": where someone comes from is not a home.
ORIGIN = re.compile(
    r"\b(?:originally|born|raised|grew\s+up|hometown|native\s+of|from\s+\w+\s+originally)\b"
)
# "Denver... sorry, Boulder": the city after this replaces the one before.
CORRECTION = re.compile(
    r"(?:^|\W)(?:sorry|i\s+mean|i\s+meant|wait\W+no|wait|actually(?:\W+no)?|correction|scratch\s+that|"
    r"make\s+that|no\s+wait|err|erm|or\s+rather|rather|well|i\s+mean|technically)\W*$"
)

# A sentence that opens with nothing but a correction ("Liverpool next week. Actually no,
# Manchester"): its city replaces the one of the sentence before.
CORRECTION_LEAD = re.compile(
    r"^\W*(?:actually|wait|sorry|no|nope|nah|oops|err|erm|correction|scratch\s+that|make\s+that|"
    r"i\s+mean|i\s+meant)(?:\W+(?:actually|wait|sorry|no|nope|oops|i\s+mean|i\s+meant|make\s+that|"
    r"scratch\s+that|it's|its))*\W*$"
)

# ---------------------------------------------------------------------------------------
# What sets a clause apart within a sentence (the grammar reads cues within one clause).

# (An emoji between words ends a clause too: "Munich here 👋 in Berlin next week".)
CLAUSE_SPLIT = re.compile(
    r"[,;:()\[\]|•\u2600-\u27bf\U0001f300-\U0001faff]|\s[-–—]+\s|—|–|\.\.+|…|\s(?:but|while|whereas|though|although|then|"
    r"after\s+that|so|because|cause|cuz|since)\s|\sand\s(?=i\b|we\b|i'm|im\b|we're)"
)
# What may join the cities of a list or an itinerary.
LIST_JOINERS = re.compile(
    r"^\W*(?:and|then|&|\+|->|→|>|to|after\s+that|followed\s+by|before|plus)?\W*"
    r"(?:and|then|&|\+|->|→|>|then\s+on\s+to|on\s+to)?\W*$"
)

# ---------------------------------------------------------------------------------------
# Home cues: the words right before a city (the end of its clause) or right after it.

_ADV = (
    r"(?:\s+(?:currently|now|still|just|actually|finally|also|already|really|officially|"
    r"mostly|permanently|basically|recently|happily|proudly))*"
)
HOME_BEFORE = _cue(
    "home before",
    rf"""(?:
      \b(?:i|we){_ADV}\s+(?:live|reside|stay|am\s+based|'m\s+based|am\s+located)
          {_ADV}\s+(?:in|near|outside(?:\s+of)?|around)\s*$
    | \b{_SUBJ}{_ADV}\s+(?:living|based|located|settled|residing)
          \s+(?:in|near|outside(?:\s+of)?|around|out\s+of)\s*$
    | \b{_SUBJ}{_ADV}\s+(?:in|from|near|outside|out\s+of)\s*$
    | (?:^|\b(?:i|we)\b){_ADV}\s*(?:just\s+|finally\s+|recently\s+)?
          (?:moved|relocated|shifted|settled|landed\s+a\s+place)(?:\s+(?:back|over|down|out|up))?
          \s+(?:to|in)\s*$
    | \b(?:here|over\s+here|out\s+here|down\s+here|up\s+here|back\s+home)\s+in\s*$
    | ^\s*(?:[\w'-]+\s+){{0,2}}(?:lad|lass|gal|guy|girl|boy|kid|expat|transplant|native|local)
          \s+(?:now\s+|currently\s+)?(?:living|based|settled)\s+(?:in|out\s+of)\s*$
    | ^\s*(?:currently\s+|now\s+|still\s+|happily\s+)?(?:live|living|based|located|residing|
          settled|lurking|lurker)(?:\s+(?:out|over|up|down|right))?
          \s+(?:in|near|out\s+of|outside(?:\s+of)?|around|from)\s*$
    | \b(?:joining|lurker|lurking|writing|posting|saying\s+hi|checking\s+in|hi|hello|hey|
          greetings|waving|howdy|hiya|reporting\s+in|dialing\s+in|calling\s+in)\s+from\s*$
    | \bmy\s+(?:home|place|apartment|flat|house|home\s+base|base)\s+(?:is\s+)?(?:in\s*)?$
    | \b(?:moved|moving|settled|settling)\s+(?:in\s*)?(?:to|into)\s+(?:a|an|our|my|the)\s+
          (?:new\s+|little\s+|tiny\s+|small\s+|lovely\s+|nice\s+|cosy\s+|cozy\s+)?
          (?:flat|place|apartment|house|home|condo|studio|bungalow|townhouse)\s+(?:in|near)\s*$
    | \b(?:signed|signing)\s+(?:a|the)\s+lease\s+(?:on\s+(?:a|an|our|my)\s+\w+\s+)?(?:in|near)\s*$
    | \bhome\s+(?:is|=)\s*$
    | \bhome\s+base\s*(?:is\s*)?$
    | \b(?:i|we)\s+(?:call|now\s+call)\s*$
    | \b(?:i've|ive|i\s+have|we've|we\s+have){_ADV}\s+(?:lived|been\s+living|been\s+based|
          been\s+in)\s+(?:in\s+)?$
    | \b(?:been\s+living|been\s+based)\s+(?:in|out\s+of)\s*$
    | \b(?:i'm|im|i\s+am|we're|we\s+are)\s+an?\s+[\w-]+(?:\s+[\w-]+)?\s+(?:now\s+)?
          (?:living|based|settled)
          \s+(?:in|out\s+of)\s*$
    | \b(?:fellow|born\s+and\s+raised)\s*$
    | ^\s*(?:now|currently|these\s+days|nowadays)\s+(?:in|based\s+in|living\s+in)\s*$
    | ^\W*(?:and\s+)?(?:now|nowadays|these\s+days|currently)\W*$
    | \blocation\W*$
    | \b(?:heading|headed|going|flying|driving|back|coming)\s+(?:back\s+)?home\s+(?:to|in)\s*$
    | \b(?:moved|relocated)\s+(?:\w+\s+)?from\s+[\w\s.,'-]{{1,40}}?\s+to\s*$
    | \bbased\s+out\s+of\s*$
    )""",
    (
        "i live in",
        "we're based in",
        "i'm in",
        "just moved to",
        "here in",
        "joining from",
        "living in",
        "based out of",
        "my place is in",
        "home is",
        "fellow",
        "**location:**",
    ),
)
HOME_AFTER = _cue(
    "home after",
    r"""^(?:
      \s*-?\s*based\b
    | \W*here\b(?!'s|\s+(?:we|i|is|are|was|and\s+there|comes?|goes|all\s+week|this\s+week|
          next\s+week)\b|\s+(?:till|til|until|through|thru)\s+(?!further|forever|the\s+foreseeable)|
          \s+for\s+(?:the\s+(?!foreseeable)|a\s|an\s|\d|two\b|three\b|four\b|five\b))
    | \s+(?:lad|lass|gal|guy|girl|boy|dude|kid)\s+here\b
    | \W*checking\s+in\b
    | \W*(?:native|local|resident|born\s+and\s+(?:bred|raised)|represent)\b
          (?![^.!?]{0,30}\b(?:originally|(?<!never\s)left|moved\s+away)\b)
    | \W*(?:represent|reporting\s+in|in\s+the\s+house|checking\s+in)\b
    | \s*\([^)]{0,40}\)\s*here\b
    | \s*(?:\([^)]{1,40}\)|[—–]\s*[^—–\n]{1,40}?\s*[—–]|,\s+the\s+[^,\n]{1,30}?\s+one,)
          \s*(?:'s|is|has\s+been)\s+(?:now\s+)?(?:my\s+|our\s+)?home\b
    | \W*(?:aqu[ií]|ici)\b
    | (?:'s|\s+is|\s+has\s+been|'s\s+been|\s+is\s+now|\s+became)\s+(?:now\s+)?(?:my\s+|our\s+)?
          home\b(?!\s+(?:to|of)\b|\s+for\s+(?!now\b|about\b|good\b|years\b|\d|a\s+(?:few|decade)\b|
          (?:the\s+)?(?:past|last)\b)\b)
    | \s+home\s+(?:now|these\s+days|nowadays)\b
    | (?:'s|\s+is)\s+where\s+(?:i|we)\s+(?:live|am\s+based|'m\s+based|call\s+home|reside)\b
    | \s*[,(]\s*(?:but\s+)?originally\s+from\b
    | \W*(?:any(?:one|body)\s+else|any\s+others?)\s+(?:(?:down|up|out|over|living|based)\s+)?
          (?:here|around\s+here)\b
    )""",
    ("-based", " here", " checking in", " native", " represent", " 🎺 anybody else down here"),
)
# "jersey city now", "Nice these days": a bare city as the clause, with a word for now.
HOME_NOW_AFTER = _cue(
    "home now after",
    r"^\W*(?:now|nowadays|these\s+days|for\s+now|currently|since\s+\w+|for\s+the\s+foreseeable"
    r"(?:\s+future)?)\b",
    (" now", " these days"),
)

# "back in Nagpur now": a stay with no days that is now, and for good, is a home.
NOW_AFTER = re.compile(r"^\W*(?:now|nowadays|these\s+days|for\s+good)\b")

# ---------------------------------------------------------------------------------------
# Trip cues

TRIP_BEFORE = _cue(
    "trip before",
    rf"""(?:
      \b(?:i'll|ill|i\s+will|we'll|we\s+will|i'm\s+going\s+to|im\s+going\s+to|gonna|i\s+am\s+going\s+to
          |we're\s+going\s+to|i'm\s+gonna|im\s+gonna)
          \s+(?:also\s+|definitely\s+|finally\s+|actually\s+)?
          (?:be|stay|visit|go|fly|head|travel|drive|pop|swing|stop|land|arrive)(?:ing)?
          (?:\s+(?:over|down|up|out|back|by))?
          \s+(?:in|to|through|around|near|into|back\s+to|at)?\s*$
    | \b{_SUBJ}{_ADV}\s+(?:heading|headed|flying|going|travell?ing|driving|coming|off|
          returning|visiting|going\s+back|coming\s+back|popping\s+over|stopping|swinging|
          passing|taking\s+the\s+kids|taking\s+a\s+trip|road\s*tripping|training|hopping|
          jetting|zipping|back)
          (?:\s+(?:to|through|by|over\s+to|down\s+to|up\s+to|out\s+to|into|in|over\s+in))?\s*$
    | (?:^|\b)(?:heading|headed|flying|travell?ing|driving|off|going|returning|popping|
          jetting|hopping|swinging|training|taking\s+the\s+(?:kids|family|train|bus))
          (?:\s+(?:over|down|up|out|back))?\s+(?:to|into|through|by|over\s+to|in)\s*$
    | \b(?:i|we)\s+(?:fly|head|leave|go|travel|arrive|land|drive)\s+(?:out\s+)?
          (?:to|for|in|into)\s*$
    | \b(?:road|way|conf|summit|workshop|wedding|meetings?|work)\s+(?:to|in|at)\s*$
    | \b(?:sending|send|sent|flying|taking|dragging)\s+(?:me|us)\s+(?:out\s+|over\s+|down\s+|up\s+)?
          (?:to|into)\s*$
    | ^\s*(?:currently|still|now|right\s+now)\s+(?:in|at)\s*$
    | \b(?:trip|travel|visit|vacation|holiday|flight|flights|conference|offsite|off-site|
          layover|stopover|work\s+trip|road\s+trip|weekend|week|days|nights)\s+(?:to|in|at)\s*$
    | (?:^|\b)(?:visiting|in\s+town\s+in|landing\s+in|arriving\s+in|arrive\s+in|land\s+in|
          back\s+in|over\s+in|out\s+in|up\s+in|down\s+in|stuck\s+in|stopping\s+in|
          passing\s+through|touring|exploring|staying\s+in|staying\s+at|
          spending\s+[\w']+(?:\s+[\w']+)?\s+in)\s*$
    | \b(?:back\s+)?home\s+for\s+(?:the\s+)?(?:holidays|christmas|xmas|thanksgiving|easter|diwali|
          eid|new\s+year'?s?|summer|winter\s+break|break|hols)\s+(?:in|to)\s*$
    | \b(?:just\s+)?(?:landed|arrived|touched\s+down)\s+(?:in|at)\s*$
    | \b(?:just\s+)?got\s+(?:into|in\s+to|here\s+to)\s*$
    | \b(?:landing|arriving|getting\s+in|flying\s+in)\s+(?:on\s+)?(?:the\s+)?[\w]+
          (?:\s+(?:morning|afternoon|evening|night))?\s+(?:in|at|into)\s*$
    | \bvisiting\s+(?:my\s+|our\s+|the\s+|some\s+)?[\w'-]+(?:\s+[\w'-]+)?\s+in\s*$
    | \bsee(?:ing)?\s+(?:my\s+|our\s+)[\w'-]+(?:\s+[\w'-]+)?\s+in\s*$
    | \b{_SUBJ}\s+(?:in|at)\s*$
    | \b{_SUBJ}\s+(?:at|for)\s+[\w'&-]+(?:\s+[\w'&-]+)?\s+in\s*$
    | \bwill\s+be\s+(?:in|at|around)\s*$
    | ^\s*(?:going\s+to|gonna|will|should)\s+be\s+(?:in|at|around)\s*$
    | \b(?:flying|driving|heading|headed|coming|rolling|getting)\s+into\s*$
    | (?:^|\bme|\bi)\s*(?:->|→|>)\s*$
    | ^\s*(?:in|at)\s*$
    | \bbooked\s+(?:a\s+)?(?:trip|flights?|tickets?|a\s+hotel)?\s*(?:to|in|for)\s*$
    )""",
    ("i'll be in", "heading to", "visiting", "trip to", "back in", "flying into", "in"),
)
# After a city: "Berlin trip", "Tulsa trip booked", "the Lisbon offsite".
MODIFIER_TRIP = _cue(
    "city as a modifier",
    r"^\s*(?:trip|visit|work\s+trip|road\s+trip|weekend|getaway|offsite|off-site|run|leg|"
    r"stopover|layover|jaunt|conference|summit|wedding|flights?|hotel|tickets?|train)\b",
    (" trip", " visit", " offsite"),
)
# After a city with a date: "in Oslo for work", "Oslo for a wedding" (the date is read apart).
TRIP_AFTER = _cue(
    "trip after",
    r"^\W*(?:for\s+(?:work|a|an|the|my|our|\w+\s+(?:trip|days|nights|weeks))|on\s+business|"
    r"again|bound|trip|tmrw|tomorrow|tonight|next|this|from|rn|right\s+now|till|til|until|"
    r"through|thru|all\s+week|the\s+week|the\s+weekend|over\s+the|early|mid|late|end\s+of)\b",
    (" for work", " next week", " till friday"),
)
# "just landed in Tokyo": a trip now, with or without days.
ARRIVAL = re.compile(r"\b(?:just\s+)?(?:landed|arrived|touched\s+down)\s+(?:in|at)\s*$")

# ---------------------------------------------------------------------------------------
# Trip dates

# A time mention that these words lead is the trip's last day ("here till the 20th").
UNTIL = re.compile(
    r"\b(?:until|till|til|thru|through|to|-|–|—|back|leaving|leave|home|out|"
    r"flying\s+out|fly\s+out|flying\s+home|fly\s+home|heading\s+home|"
    r"departing|staying\s+on|staying|and|&|return(?:ing)?|then)\W*$"
)
END_WORDS = ("until", "till", "til")
NOW_WORDS = frozenset(
    {
        "now",
        "right now",
        "just now",
        "at the moment",
        "atm",
        "currently",
        "rn",
        "today",
        "tonight",
        "this morning",
        "this evening",
    }
)
WEEKDAY_NAMES = {
    **dict.fromkeys(("monday", "mon"), 0),
    **dict.fromkeys(("tuesday", "tue", "tues"), 1),
    **dict.fromkeys(("wednesday", "wed", "weds"), 2),
    **dict.fromkeys(("thursday", "thu", "thur", "thurs"), 3),
    **dict.fromkeys(("friday", "fri"), 4),
    **dict.fromkeys(("saturday", "sat"), 5),
    **dict.fromkeys(("sunday", "sun"), 6),
}
# Days named relative to a week: a weekend or weekdays ("for the weekend", "fri-sun").
RELATIVE_DAYS = re.compile(r"\bweekend\b|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b")
WEEK_OF = re.compile(r"\bweek\s+of\s*$")
WEEKEND_OF = re.compile(r"\bweekend\s+of\s*$")
NEXT_WEEK_AFTER = re.compile(r"^\s*(?:next\s+week|the\s+week\s+after)\b")
WEEK_AFTER_NEXT = re.compile(r"^\s*(?:the\s+)?week\s+after\s+next\b")
WEEKDAY_RANGE = re.compile(
    r"\b(mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)[a-z]*\s*"
    r"(?:-|–|—|to|through|thru|till|until|and|&)"
    r"\s*(mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)[a-z]*\b"
)
# "next week (Tue-Thu)", "next week, Wed to Fri": a weekday range qualifying next week.
NEXT_WEEK_THEN_DAYS = re.compile(
    r"\bnext\s+week\W{0,4}(mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)[a-z]*\s*"
    r"(?:-|–|—|to|through|thru|till|until)\s*(mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)[a-z]*\b"
)
# "the 9th-11th" after a month's trip: a bare day range.
DAY_RANGE = re.compile(
    r"^\W*(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s*(?:-|–|—|to|through|thru|till|until)"
    r"\s*(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\b"
)
# "21.–24.5." (German): a dotted day range ending in a month.
DOTTED_RANGE = re.compile(r"\b(\d{1,2})\.\s*[-–]\s*(\d{1,2})\.(\d{1,2})\.?")
# "15.10–18.10" (day.month-day.month, as written outside the US).
DOTTED_DAY_MONTH_RANGE = re.compile(
    r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.?\s*[-–—]\s*(\d{1,2})\.(\d{1,2})\.?(?![\d.]*\d)"
)
# One bare day of a later leg, the list going on after it: "Delhi 20-22, Agra 23, Jaipur ...".
BARE_DAY = re.compile(r"^\W*(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?(?=\s*(?:[,;]|$|and\b|then\b))")
# A bare day range in a list of them ("14–15, 16–17, 18–20 Sept").
BARE_DAY_RANGE = re.compile(r"(?<![\d/.])(\d{1,2})\s*(?:-|–|—)\s*(\d{1,2})(?![\d/.:])")
# A vague length inside a named month: "next month for a few days" is the whole month.
VAGUE_LENGTH = re.compile(
    r"\b(?:a\s+few|a\s+couple(?:\s+of)?|couple(?:\s+of)?|some|several|a\s+bit|a\s+while)"
    r"(?:\s+(?:days|nights|weeks))?\b"
)
ADJECTIVES = (
    *"sunny rainy beautiful lovely snowy cold hot freezing windy gorgeous foggy humid".split(),
    "good old",
    *"old little downtown rainy grey gray wonderful amazing".split(),
    "the city of",
    "the beautiful",
)
ADJ_BEFORE = re.compile(r"\s+(?:" + "|".join(re.escape(a) for a in ADJECTIVES) + r")\s*$")
THE_BEFORE = re.compile(r"\s+the\s*$")

# ---------------------------------------------------------------------------------------
# Meetup intent

# No home or trip can be read from a message without one of these words or a digit: home
# and trip cue words, and the words of dates (a bare "Glasgow all week" is a trip by its
# dates). ``statements`` asks ``statement_gate`` before it reads any city, and so does the
# pre-filter; the class tests show the cues still find what they should.
_HOME_WORDS = frozenset(
    """here live lives living lived based moved relocated settled fellow proud home located reside
    residing joining lurker lurking greetings now currently nowadays foreseeable native local
    resident represent checking location aquí aqui ici i'm im we're i've ive we've born shifted
    landed arrived touched intro introduction originally""".split()
)
# The words of dates: every trip but an arrival needs its days.
DATE_WORDS = frozenset(
    """today tomorrow tmrw tmr tonight week weeks weekend weekends fortnight month spring
    summer autumn fall winter christmas xmas easter thanksgiving diwali ramadan eid hanukkah
    halloween holidays wk wks wek weeek wknd wkd wkend weeknd jan january feb february mar
    march apr april may jun june jul july aug
    august sep sept september oct october nov november dec december mon monday tue tues
    tuesday wed weds wednesday thu thur thurs thursday fri friday sat saturday sun
    sunday""".split()
)
STATEMENT_WORDS = _HOME_WORDS | DATE_WORDS
_MARKS = '!"#$%&()*+,./:;<=>?@[\\]^_`{|}~\n\t\r-'
_SPLIT = str.maketrans({**{c: " " for c in _MARKS + "–—…“”"}, "’": "'"})
# ASCII words are runs of letters and apostrophes (every word the gates look for is one), so
# the pre-filter's city test reuses them (``places.has_a_city_word``).
_SPLIT_ASCII = bytes(
    c if 97 <= c <= 122 or c == 39 else c + 32 if 65 <= c <= 90 else 32 for c in range(256)
)
_SPLIT_RE = re.compile("[\\s" + re.escape(_MARKS + "–—…“”") + "]+")
# Digits as trip dates are written: "the 20th", "5/27", "14.6", "3-8", "3–8 March".
_DATE_DIGITS = re.compile(r"\d(?:st|nd|rd|th|\s*[/.–—-]\s*\d)")
_ASCII_DIGITS = b"0123456789"
# Two-word subjects whose words alone are too common to look for.
# Each by the word that must be there for it to be (a set lookup before any search).
_PAIRS = {
    "are": ("we are",),
    "am": ("i am",),
    "been": ("have been",),
    "other": ("any other",),
    "else": ("anyone else", "anybody else"),
    "place": ("my place",),
    "apartment": ("my apartment",),
    "flat": ("my flat",),
    "house": ("my house",),
    "from": ("hi from", "hey from", "hello from", "howdy from", "hiya from", "waving from"),
    "days": ("these days",),
}
_PAIR_WORDS = frozenset(_PAIRS)


@dataclass(frozen=True, slots=True)
class Gate:
    """What the gates read of a message: its lower-case text and words (split at marks)."""

    low: str
    words: frozenset[str]

    @classmethod
    def of(cls, text: str) -> Gate:
        low = text.lower()
        return cls(low, frozenset(gate_words(low)))


def gate_words(low: str) -> list[str]:
    """The words of a lower-case message as the gates read them: in ASCII, the runs of
    letters and apostrophes; in other text, split at marks."""
    if low.isascii():
        return ascii_gate_words(low.encode())
    # One regex split is far cheaper than str.translate's dict lookups (the same words).
    return [w for w in _SPLIT_RE.split(low.replace("’", "'")) if w]


def has_date_digits(low: str) -> bool:
    """Digits as trip dates are written ("the 20th", "5/27", "3-8"). An ASCII text without
    a digit is told by a byte-table deletion, cheaper than the regex's scan."""
    if low.isascii():
        return ascii_has_date_digits(low.encode(), low)
    return _DATE_DIGITS.search(low) is not None


def ascii_gate_words(raw: bytes) -> list[str]:
    """``gate_words`` of an ASCII text already encoded (the pre-filter encodes once)."""
    return raw.translate(_SPLIT_ASCII).decode().split()


def ascii_has_date_digits(raw: bytes, low: str) -> bool:
    """``has_date_digits`` of an ASCII text ``low`` and its bytes ``raw``."""
    if len(raw.translate(None, _ASCII_DIGITS)) == len(raw):
        return False  # no digit at all
    return _DATE_DIGITS.search(low) is not None


def may_pass_a_gate(low: str, words: list[str]) -> bool:
    """False when neither gate can be True: no word either looks for by itself, no
    two-word subject ("we are": "are" alone opens no gate), no date digits. Most messages
    stop here, before any set is built."""
    return (
        not LONE_GATE_WORDS.isdisjoint(words)
        or names_a_pair(low, words)
        or _DATE_DIGITS.search(low) is not None
    )


def names_a_pair(low: str, words: Iterable[str]) -> bool:
    """Whether a two-word subject is in the message: "we are here" yes, "you are" no (a
    set lookup of the word it needs, then a substring test)."""
    if _PAIR_WORDS.isdisjoint(words):
        return False
    return any(p in low for w in _PAIR_WORDS.intersection(words) for p in _PAIRS[w])


def cue_may_fit(cue: Cue, gate: Gate) -> bool:
    """Whether the message has a word of each set the cue needs, and its mark."""
    if cue.mark and cue.mark not in gate.low:
        return False
    return all(not need.isdisjoint(gate.words) for need in cue.needs)


def fitting_intent_cues(gate: Gate) -> Iterator[Cue]:
    """The intent cues (not those that need a home or trip beside them) that ``statements``
    searches in a message with these gate words, in their order."""
    hits = INTENT_WORDS.intersection(gate.words)
    return (
        c
        for c in INTENT_CUES
        if not c.beside_a_stay
        and (not c.needs or not hits.isdisjoint(c.needs[0]))  # the cheap half first
        and cue_may_fit(c, gate)
    )


def intent_gate(gate: Gate) -> bool:
    """Whether some intent cue may fit the message (the pre-filter and the grammar both ask
    this, and the grammar searches only the cues that may fit: so the pre-filter never
    hides an intent)."""
    if INTENT_WORDS.isdisjoint(gate.words):
        return False
    hits = INTENT_WORDS.intersection(gate.words)
    return any(cue_may_fit(cue, gate) for w in hits for cue in _CUES_BY_WORD[w])


def may_date(text: str) -> bool:
    """Whether a stretch of text may hold a trip's dates (a date word or date digits)."""
    return not DATE_WORDS.isdisjoint(text.translate(_SPLIT).split()) or bool(
        _DATE_DIGITS.search(text)
    )


def statement_gate(gate: Gate) -> bool:
    """Whether a message may state a home or a trip (the pre-filter and the grammar both
    ask this, so the pre-filter never hides one)."""
    return may_state_in(gate.low, gate.words)


def may_state_in(low: str, words: Collection[str]) -> bool:
    """``statement_gate`` of a lower-case text and its words — all of them, or only those
    among ``GATE_WORDS`` (it reads no other), so the pre-filter asks it with its first
    test's few hits and can never disagree with the grammar."""
    if not STATEMENT_WORDS.isdisjoint(words):
        return True
    if names_a_pair(low, words):
        return True
    if "where" in words and (">" in low or ":" in low):
        return True  # a reply to a quoted "where's everyone based?", "**Where:** Tacoma"
    return _DATE_DIGITS.search(low) is not None


_FOOD_WORDS = (
    "drinks drink coffee coffees beer beers pint pints lunch dinner brunch breakfast tacos ramen "
    "pizza dumplings sushi tapas bbq cocktails wine whisky bite food apero apéro karaoke donuts "
    "bevvy bevvies picnic potluck hike walk climb bouldering games crawl noodles curry pho "
    "dim sum boardgames pub pubs table cowork coworking café cafe chai tea boba kebabs gelato "
    "climbing taco burger burgers wings dumpling samosas biryani pasta biergarten pizzas "
    "brekkie brekky pierogies"
).split()
_FOOD = (
    r"(?:a\s+|an\s+|some\s+)?(?:food\s+trucks?|bar\s+crawl|board\s*games?(?:\s+night)?|"
    r"games?\s+night|dim\s+sum|happy\s+hours?|"
    + "|".join(re.escape(w) for w in _FOOD_WORDS if " " not in w)
    + ")"
)
_WHO = (
    r"(?:you\s+guys|anyone|anybody|any\s+[\w-]+\s+(?:folks|people|peeps|crew|friends|members|"
    r"devs|locals)|who'?s|who\s+is|who|someone|any\s+takers|y'?all|you\s+all|folks|people|"
    r"peeps|locals|crew)"
)
_DAYISH = (
    r"(?:after\s+work|after\s+(?:the|this|that)\s+\w+|when\s+i'?m\s+back|tonight|tomorrow|tmrw|"
    r"later|soon|sometime|this\s+\w+|next\s+\w+|on\s+\w+|"
    r"at\s+\d|\d{1,2}\s*(?:am|pm)|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"mon|tue|wed|thu|fri|sat|sun)"
)

# "food at a time?": what must follow a clause's start for it to match there (its marks,
# then a "?" or the first word of one of its parts, each of which starts with a letter or
# digit), checked first; and each run of marks read by one ``\W*`` (stacked optional parts
# each with its own ``\W*`` tried every split of a long run of marks: ", , , , ok?" took
# time cubic in its length). The same matches, the same spans (tests/nlp).
_FOOD_AHEAD = rf"(?=[^?\w]*+(?:\?|usual\s+spot|{_FOOD}|{_DAYISH}))"


# The words of _FOOD (a message with "happy hour" has "hour", a rarer word than "happy").
_FOOD_NEEDS = frozenset({*_FOOD_WORDS, "hour", "hours"})


def _needs(words: str) -> frozenset[str]:
    return frozenset(words.split())


_ACTIVITY = frozenset(
    {
        *_FOOD_NEEDS,
        *"meet meetup meetups tweetup irl hangout person together hang faces grab".split(),
    }
    | {"usernames", "names"}
)
# "who's in for tacos?", "who's in this sat?": what may follow an ask to join ("who's in
# Seoul?" asks who is in a place).
_IN_WHAT = r"(?:for|on|with|this|next|tonight|tomorrow|tmrw|today|then|or|lol|too)\b"
_ASK_WORDS = (
    "guys anyone anybody who who's whos someone takers y'all yall folks people peeps locals crew"
)
INTENT_CUES: tuple[Cue, ...] = (
    _cue(
        "meetup word",
        r"\b(?:meetups?|tweetups?|hangout)\b",
        ("a tweetup", "london meetup when??", "a hangout"),
        needs=(_needs("meetup meetups tweetup tweetups hangout"),),
    ),
    _cue(
        "get-together",
        r"\bget[-\s]together\b(?!\s+(?:a|an|the|some|our|my)\s+(?!few\b|bunch\b|group\b)\w)",
        ("a channel get-together",),
        needs=(_needs("together"), _needs("get")),
    ),
    _cue(
        "irl thing",
        r"\b(?:irl|in[-\s]person)\s+(?:[\w-]+\s+)?(?:meet|thing|hang|event|day|night|session|"
        r"gathering|hack|drinks|dinner|lunch|brunch|coffee|catch)",
        ("organise an irl thing", "an in-person meet", "a tiny in-person hack day in march"),
        needs=(
            _needs("irl person"),
            _needs(
                "meet meetup thing hang hangout event day night session gathering hack drinks "
                "dinner lunch brunch coffee catch"
            ),
        ),
    ),
    _cue(
        "meet someone",
        r"\b(?:meet|meeting|say\s+hi\s+to)[-\s]+(?:up|irl|in\s+person|in\s+real\s+life|offline|"
        r"face\s+to\s+face|(?:some\s+of\s+)?(?:you|y'?all|everyone|people|folks|the\s+[\w-]+"
        r"\s+(?:crew|folks|people|gang|locals))(?:\s+(?:all|guys|lot))?\s*(?:irl|in\s+person|"
        r"for\s+real|there)?)\b",
        ("would love to meet some of you irl", "meet up", "meet people in both"),
        needs=(
            _needs("meet meeting say"),
            _needs(
                "up irl person real offline face you y'all yall everyone people folks crew "
                "gang locals"
            ),
        ),
    ),
    _cue(
        "in person",
        r"\b(?:say\s+hi|hang|hang\s+out|meet|grab\s+\w+|get\s+\w+|drinks?|coffee|chat|catch\s+up)\b"
        r"[^.!?\x00]{0,40}?\b(?:in\s+person|irl|in\s+real\s+life|face\s+to\s+face)",
        (
            "say hi to the oslo crew in person",
            "down to hang in person",
            "wants to say hi in person",
            "keen to catch up irl with some of you",
        ),
        needs=(
            _needs("person irl real face"),
            _needs("say hi hang meet grab get drinks drink coffee chat catch"),
        ),
    ),
    _cue(
        "we should",
        r"\b(?:we|y'?all|you\s+all|folks|everyone|we\s+all|this\s+channel|this\s+group|"
        r"[\w-]+\s+(?:crew|folks|people|gang|peeps|locals))\s+"
        r"(?:(?:really|honestly|seriously|totally|definitely|def|absolutely|so|just)\s+)?"
        r"(?:should|oughta|ought\s+to|gotta|need\s+to|have\s+to|must)\s+(?:really\s+|totally\s+|"
        r"definitely\s+|all\s+)?(?:meet|get|hang|grab|do|have|go|organi[sz]e|put)\b",
        (
            "we should grab a beer",
            "we oughta get dumplings",
            "we should really meet up",
            "the denver crew should do a hike",
            "we really should grab pints",
        ),
        needs=(
            _ACTIVITY,
            _needs("we y'all yall folks everyone channel group crew people gang peeps locals"),
        ),
    ),
    _cue(
        "let's",
        r"\blet'?s\s+(?:all\s+)?(?:meet|get\s+together|get\s+(?:a\s+few|some|a\s+bunch|all)\s+of\s+us"
        r"\s+together|hang|grab|do\s+(?:a|an|some|drinks|lunch|"
        r"dinner|coffee|brunch)|have\s+a|go\s+(?:for|get|out)|put|get\s+(?:a\s+|some\s+)?"
        rf"{_FOOD})\b",
        (
            "let's grab a coffee",
            "let's do a tweetup",
            "let's get dumplings",
            "let's get a few of us together for a pint",
        ),
        needs=(_ACTIVITY, _needs("let's lets")),
    ),
    _cue(
        "who's up for",
        rf"\b(?:{_WHO}|any\s+[\w-]+s)\b[^.!?\x00]{{0,30}}?\b(?:want|wanna|wants|keen|up|down|free|"
        r"around|in|"
        r"interested|fancy|fancies|game|able)\b[^.!?\x00]{0,30}?"
        rf"\b(?:grab|get|meet|meetup|hang|{_FOOD})\b",
        (
            "who's free for a pint after work friday",
            "anyone up for coffee this week?",
            "any oslo people up for a meetup?",
            "anyone fancies a coffee",
            "any sydneysiders up for a run + coffee?",
            "anyone want to grab hot chicken?",
        ),
        needs=(
            frozenset({*_FOOD_NEEDS, "meet", "meetup", "hang", "grab"}),
            _needs(_ASK_WORDS + " any"),
        ),
    ),
    _cue(
        "up for anything",
        rf"\b{_WHO}\s+(?:else\s+)?(?:up|down|keen|game)\s+for\s+(?:a\s+|an\s+|some\s+)?[\w-]+",
        ("anyone up for donuts?", "any wien locals up for a heuriger?"),
        needs=(_needs("up down keen game"), _needs(_ASK_WORDS), _needs("for")),
        mark="?",
    ),
    _cue(
        "food, anyone?",
        rf"(?:^|[^\w\s]\s*|\b(?:so|ok|okay|hey|also)\s+){_FOOD}\b[^.!?\x00]{{0,30}}[?,:—-]+"
        r"[^.!\x00]{0,12}\b(?:anyone|anybody|who|y'?all|takers)\b",
        (
            "drinks? anyone?",
            "ramen? anyone??",
            "coffee on saturday, anyone?",
            "food trucks wednesday? 🌮 anyone?",
        ),
        needs=(_FOOD_NEEDS, _needs("anyone anybody who y'all yall takers")),
    ),
    _cue(
        "food ... anyone?",
        rf"\b{_FOOD}\b(?:(?!\b(?:recs?|recommend\w*|suggestions?|tips|know|seen|tried|ideas?|"
        r"opinions?|thoughts|favou?rite|best|good|place|places|spot|spots)\b)[^.!?\x00]){0,30}?"
        r"(?<!for\s)(?<!to\s)(?<!with\s)(?<!from\s)\b(?:anyone|anybody|takers)\s*\?",
        ("filter coffee this saturday anyone?", "tacos after work anybody?"),
        needs=(_FOOD_NEEDS, _needs("anyone anybody takers")),
        mark="?",
    ),
    _cue(
        "food at a time?",
        rf"(?:^|(?<=[.!?\n:—,-])){_FOOD_AHEAD}\W*"
        rf"(?:usual\s+spot\W+(?:{_FOOD}\W*)?|{_FOOD}\W*)?"
        rf"(?:(?:in|at)\s+(?:the\s+|our\s+|my\s+)?[\w'-]+(?:\s+[\w'-]+)?\s+{_DAYISH}\b[^?\x00]{{0,30}}|"
        rf"(?:{_DAYISH}[^?\x00]{{0,30}})?)\?",
        (
            "drinks after work on thursday?",
            "beers?? 🍻",
            "coffee? ☕ free after 3",
            "berlin people: karaoke friday?",
            "usual spot, 7pm? 🍻",
            "pint in the local on the 27th?",
        ),
        needs=(frozenset({*_FOOD_NEEDS, "spot"}),),
        mark="?",
    ),
    _cue(
        "love to meet",
        r"\b(?:would|'d|i'd|id|i\s+would|really\s+want|want|wanna|keen|happy|hoping|hope|"
        r"would\s+be\s+(?:great|fun|nice|cool|lovely)|it'?d\s+be\s+(?:great|fun|nice|cool|lovely))\s+"
        r"(?:love\s+|like\s+|to\s+)?(?:to\s+)?(?:finally\s+)?(?:meet|put\s+(?:faces|names|usernames)"
        r"|say\s+hi\s+(?:in\s+person|irl)|grab\s+(?:a|some|\w+)|get\s+(?:a|some)\s+\w+\s+with|"
        r"meet\s+up|see\s+(?:some\s+of\s+)?(?:you|folks|people))",
        (
            "would love to meet",
            "i'd love to finally put faces to usernames",
            "happy to grab a coffee",
            "would be great to grab dinner",
        ),
        needs=(
            _ACTIVITY,
            _needs("would i'd id want wanna keen happy hoping hope it'd"),
        ),
    ),
    _cue(
        "faces to names",
        r"\b(?:put(?:ting)?|match(?:ing)?)\s+(?:some\s+)?(?:faces|names|usernames)\s+to\s+"
        r"(?:faces|names|usernames|handles|avatars)\b",
        ("it'd be fun to put usernames to faces",),
        needs=(_needs("faces usernames"),),
    ),
    _cue(
        "fancy a pint",
        rf"\b(?:fancy|fancies)\s+(?:grabbing\s+|getting\s+)?{_FOOD}",
        ("fancy a pint after?", "if anyone fancies a coffee"),
        needs=(_needs("fancy fancies"),),
    ),
    _cue(
        "food if anyone fancies",
        rf"\b{_FOOD}\b[^.!?\x00]{{0,40}}?\bif\s+(?:anyone|anybody|any\s+of\s+you|"
        r"any\s+[\w-]+\s+(?:people|folks|peeps|locals))(?:'s|\s+is|\s+are)?\s+"
        r"(?:fancies|wants|keen|up\s+for|down|free|interested|game|about|around)\b",
        (
            "down for a walk along the river if anyone fancies it",
            "pints later if anyone's keen",
            "a catch up over coffee if any adelaide people are about",
        ),
        needs=(_FOOD_NEEDS, _needs("anyone anybody any anyone's anybody's"), _needs("if")),
    ),
    _cue(
        "come along",
        r"\b(?:who|anyone|anybody|any\s+of\s+you)\b[^.!?\x00]{0,12}?\b(?:wants?|wanna|keen|fancy|"
        r"fancies|up|down)\s+(?:to\s+|for\s+)?(?:come|join)(?:\s+(?:along|me|us|out|over))?\b"
        r"(?!\s+(?:the|a|an|my|our)\s+(?:call|zoom|meeting|huddle|standup|stream|team|repo|project|"
        r"channel|server|org|review)\b)",
        ("who wants to come to the biergarten thursday?", "anyone keen to join me for a run?"),
        needs=(_needs("come join"), _needs(_ASK_WORDS + " any")),
        mark="?",
    ),
    _cue(
        "come along",
        r"\b(?:come|tag)\s+along\b|\bcome\s+join\s+(?:us|me)\b|\bjoin\s+us\b(?!\s+(?:on|in|for)\s+"
        r"(?:the\s+|this\s+|a\s+)?(?:call|zoom|meet|huddle|stream|channel|server|thread|discord|slack|"
        r"webinar|livestream|video)\b)",
        ("a few of us are doing a swim on stephen's day, come along", "come join us at the pub"),
        # "along" and "join" are rarer than "come" and "me": the pre-filter looks for them
        needs=(_needs("along join"), _needs("come tag us me")),
    ),
    _cue(
        "hosting",
        r"\bat\s+(?:(?:my|our)\s+(?:place|flat|house|apartment)|mine)\b",
        ("tacos at my place saturday", "board game night at mine on friday"),
        needs=(_needs("place flat house apartment mine"), _needs("at")),
    ),
    _cue(
        "all invited",
        r"\b(?:whole\s+channel|everyone'?s?\s+(?:invited|welcome)|all\s+welcome|open\s+invite|"
        r"happy\s+to\s+host|i'?ll\s+host|we'?ll\s+host|i'?ll\s+organi[sz]e|"
        r"(?:happy|keen|glad|willing|i'?d\s+love)\s+to\s+organi[sz]e"
        r"(?!\s+(?:the|my|our|this|that|your|their|it|them)\b))\b",
        (
            "whole channel invited",
            "happy to host a hack night",
            "keen to organise something in hobart",
            "open invite: i'm at the cafe",
            "biryani crawl? i'll organise if there's interest",
        ),
        needs=(
            _needs("invited welcome invite host organise organize"),
            _needs(
                "whole everyone everyone's all open happy i'll ill we'll keen glad willing love"
            ),
        ),
    ),
    _cue(
        "food with anyone",
        # not after a past or a question's "have": "did you have lunch with anyone?"
        # "with any" looked for first (one cheap lookahead at each word, not _FOOD's words)
        r"\b(?=[\w-]+(?:\s+[\w-]+)?\s+with\s+any)"
        r"(?<!\bhad\s)(?<!\bhave\s)(?<!\bate\s)(?<!\bhad\sa\s)(?<!\bhave\sa\s)"
        rf"{_FOOD}\s+with\s+(?:any(?:one|body)|any\s+(?:of\s+you|(?:[\w-]+\s+)?"
        r"(?:locals|folks|people|peeps)))\b",
        ("coffee with any locals?", "down for dinner with anyone in montreal"),
        needs=(_FOOD_NEEDS, _needs("anyone anybody any")),
    ),
    _cue(
        "food with whoever",
        # "with whoever" looked for first (one cheap lookahead at each word, as "food with anyone")
        r"\b(?=[\w-]+(?:\s+[\w-]+){0,3}\s+with\s+(?:whoever|anyone\s+who|anybody\s+who))"
        rf"{_FOOD}(?:[\s-]+[\w-]+)?\s+with\s+(?:whoever|anyone\s+who|anybody\s+who)"
        r"(?:'s|\s+is|\s+are|'re)?\s+(?:free|around|about|keen|interested|in\s+town|up\s+for\s+it)\b",
        ("keen for a brekkie catch-up with whoever's free", "lunch with anyone who is around"),
        needs=(_FOOD_NEEDS, _needs("whoever whoever's anyone anybody")),
    ),
    _cue(
        "food on me",
        # "on me" looked for first (one cheap lookahead at each word)
        r"\b(?=[\w'-]+(?:\s+[\w'-]+){0,2}\s+on\s+me\b)"
        rf"(?:{_FOOD}|(?:the\s+)?first\s+round)(?:'s|\s+is|\s+are)?\s+on\s+me\b"
        r"(?!\s+in\s+spirit)",
        ("tacos on me if a few of you are around", "first round's on me"),
        needs=(frozenset({*_FOOD_NEEDS, "round's"}), _needs("me")),
    ),
    _cue(
        "channel plans",
        r"\bchannel\s+(?:picnic|drinks|beers|dinner|lunch|hike|bbq|meetup|meet|walk|brunch)\b",
        ("channel picnic in the park", "channel drinks friday?"),
        needs=(
            _needs("channel"),
            _needs("picnic drinks beers dinner lunch hike bbq meetup meet walk brunch"),
        ),
    ),
    _cue(
        "group, food?",
        r"\b(?:folks|people|peeps|crew|locals)\b\s*[:—,-]+\s*[^.!?\x00]{0,40}\?",
        ("nyc folks — bar crawl on the 30th?", "kl folks, teh tarik soon?"),
        needs=(_needs("folks people peeps crew locals"),),
        mark="?",
    ),
    _cue(
        "around",
        r"\b(?:anyone|anybody|who'?s|who\s+is|any\s+\w+\s+(?:folks|people|peeps)|"
        r"any\s+(?:fellow|other)\s+[\w'-]+s)\s+(?:else\s+)?"
        r"(?:around|about|free|in\s+town|nearby|close\s+by)\b|\bif\s+(?:anyone|anybody)(?:'s|\s+is)?"
        r"\s+(?:around|about|free|nearby|in\s+town|wants)\b|"
        r"\b(?:ping|dm|message|text|hmu|hit\s+me\s+up|give\s+me\s+a\s+shout|shout)\b[^.!?\x00]{0,12}?"
        r"\bif\s+(?:you'?re|you\s+are|u\s+r|ur)\s+(?:around|about|free|nearby|in\s+town)\b",
        (
            "anyone around?",
            "if anyone's around",
            "ping me if you're around",
            "any fellow pittsburghers around",
        ),
        needs=(),
        beside_a_stay=True,
    ),
    _cue(
        "if you're ever in",
        r"\bif\s+(?:you'?re|anyone'?s?|anybody'?s?|any\s+of\s+you\s+(?:are|is))\s+(?:ever\s+)?"
        r"(?:in|around|passing\s+through|visiting)\b[^.!?\x00]{0,40}\b(?:hit\s+me\s+up|let'?s|"
        r"ping|shout|dm|drinks?|coffee|beers?|on\s+me|grab|meet)\b",
        ("if you're ever in lagos hit me up",),
        needs=(_needs("ever"), _needs("if")),
    ),
    _cue(
        "count me in",
        rf"\b(?:who'?s\s+in\b(?!\s+(?!{_IN_WHAT})[^\W\d_])|who'?s\s+coming|who'?s\s+down|"
        r"any\s+takers)\b",
        ("who's in?", "any takers"),
        needs=(_needs("takers who's whos"),),
    ),
)
# No intent cue is searched in a message without one of the words it needs (the pre-filter
# looks for these, and ``statements`` for each cue's own: that keeps the pre-filter sound).
# A test checks that every cue's examples hold one of its words and fit its pattern.
INTENT_WORDS = frozenset(w for cue in INTENT_CUES if cue.needs for w in cue.needs[0])
# Every word one of the gates looks for (statement_gate's "where" is its quoted question's).
_GATE_WORDS = STATEMENT_WORDS | INTENT_WORDS | _PAIR_WORDS | {"where"}
GATE_WORDS = _GATE_WORDS
# The gate words that open a gate by themselves: not "are" or "from", which count only in
# their two-word subjects (``names_a_pair``). On tweets they are among the commonest words.
LONE_GATE_WORDS = _GATE_WORDS - (_PAIR_WORDS - STATEMENT_WORDS - INTENT_WORDS - {"where"})
_CUES_BY_WORD = {
    w: tuple(c for c in INTENT_CUES if c.needs and w in c.needs[0] and not c.beside_a_stay)
    for w in INTENT_WORDS
}
# "the potluck two weeks ago was a blast", "we'll never meet that SLA": not intents.
NOT_INTENT = re.compile(
    r"\b(?:meet\s+(?:the|that|this|our|my|your|a|its|those|these|all)\s+(?:\w+\s+)?"
    r"(?:deadlines?|slas?|targets?|goals?|requirements?|bar|quotas?|criteria|standards?|"
    r"expectations?|new|specs?|needs|bot|kpis?|okrs?|numbers|budget)|"
    r"meet\s+(?:you|me)\s+halfway|(?:nice|great|lovely|good|pleasure)\s+(?:to\s+)?(?:e-?)?meeting|"
    r"nice\s+to\s+(?:e-)?meet|pleasure\s+to\s+(?:e-)?meet|good\s+to\s+(?:e-)?meet|"
    r"(?:e-)?meet\s+you\s+all|great\s+meeting|"
    r"zoom|video|call|huddle|virtual|virtually|online|e-meet(?:ing)?|discord\s+call|slack\s+call|google\s+meet|"
    r"turn\s+(?:that|it|this)\s+off|suggesting|mute|disable|notifications?|"
    r"teams\s+call|standup|stand-up|sprint|sync|1:1|one-on-one|retro|planning\s+meeting|"
    r"client\s+meetup|meetup\.com|the\s+meeting|a\s+meeting|meeting\s+(?:notes|room|invite)|"
    r"watch\s+(?:party|together)|stream|"
    r"was\s+(?:a\s+blast|great|fun|amazing|awesome|cancelled|canceled|lovely)|"
    r"cancel+ed|postponed|rained\s+(?:off|out)|called\s+off|scrapped|photos?|pics|recap|recording|slides|livestream|youtube|"
    r"(?:team|company|work|staff|department|client)\s+(?:meetup|offsite|retreat)|"
    r"hate|dislike|not\s+a\s+fan|skiing\s*>\s*meetups|"
    r"(?:any(?:one|body)|does\s+any(?:one|body)|do\s+you|y'?all)\s+know\s+(?:if|whether|when|where)|"
    r"still\s+(?:happening|on\s+for|going\s+ahead)|"
    # asking what a city's people do: "where do people in Brisbane go for brunch?"
    r"(?:where|what|which\s+\w+)\s+(?:do|does|would|should|can)\s+(?:the\s+|most\s+)?"
    r"(?:people|folks|locals|peeps)\s+(?:in|around|from|here|there|usually|normally|go|get|eat|"
    r"drink|hang))\b"
)
# "we met up last year": a past meetup is not an intent.
PAST_MEETUP = re.compile(
    r"\b(?:met|had\s+a\s+meetup|last\s+meetup|the\s+meetup\s+(?:in\s+\w+\s+)?(?:last|was)|"
    r"ago|last\s+(?:week|month|year|night|time)|yesterday)\b"
)

# ---------------------------------------------------------------------------------------
# More guards, read by the grammar around a city

# After a city: the trip is off or a joke ("my Berlin trip got cancelled", "... just kidding").
JOKE_AFTER = re.compile(
    r"^[^\n]{0,40}?\b(?:just\s+kidding|kidding|jk|joking|not\s+really|lol\s+no)\b"
)
# After a city, the speaker takes it back: "Toronto next week... scratch that", "Hobart next
# week, never mind", "Denver next week... not anymore". With a city after it, it is a
# correction instead ("scratch that, Milwaukee"). Read only when a TAKEN_BACK_WORDS is there.
TAKEN_BACK_AFTER = re.compile(
    r"^[^\n]{0,40}?\b(?:scratch\s+that|nvm|forget\s+(?:it|that)|not\s+any\s?more|"
    r"cancel+ed|called\s+off|fell\s+through|"
    r"never\s?mind(?!\s+(?:the|about|that|how|what|if)))\b"  # not "never mind the cost"
)
# One of them is in every match of TAKEN_BACK_AFTER (a cheap test before it).
TAKEN_BACK_WORDS = ("scratch", "mind", "nvm", "forget", "more", "cancel", "called", "fell")
NOT_AFTER = re.compile(
    r"\b(?:cancel+ed|called\s+off|fell\s+through|postponed|kidding|jk|in\s+spirit|"
    r"was\s+(?:great|amazing|fun|lovely)|"
    r"not\s+anymore|no\s+longer|anymore|after\s+all|someday|one\s+day(?![\s-]+(?:thing|trip|visit|only))|eventually|"
    r"is\s+on\s+(?:the|my)\s+list|no\s+dates|if\s+(?:my|the|i)|depends|assuming|maybe|might|"
    r"tbd|tbc|for\s+now\s+just\s+dreaming|has\s+the)\b"
    # "Leeds next week, which is a relief" ... but not past a clause break: "ATL based, the
    # traffic is a whole personality" is still a home.
    r"|^[^,;:—–(]*\bis\s+(?:so|really|a)\b"
)
# Before a city in a question that still places the speaker: "anyone else in Nottingham?",
# "any other Brisbane people lurking?", "is anybody else here based out of Tampa?".
# The clause before a demonym that makes the speaker one: "I'm a Londoner", "proud
# Sydneysider", "born and raised Dubliner", "we're Glaswegians" (nothing but these words).
DEMONYM_SELF = re.compile(
    r"(?:^|\b(?:i'm|im|i\s+am|we're|we\s+are|as|speaking\s+as)\s+)(?:(?:also|too|a|an|proud|fellow|lifelong|"
    r"true|real|proper|born\s+and\s+(?:raised|bred)|native|another|just|one)\b|\W)*$"
)
# After a demonym, a home elsewhere: "a Bostonian living in LA now" (LA is the home).
DEMONYM_ELSEWHERE = re.compile(
    r"^\W*(?:now\s+)?(?:living|based|settled|residing|now)\s+(?:in|out)\b"
)
# All the words between a demonym and the next city: "Mumbaikar living in Bengaluru".
DEMONYM_THEN_HOME = re.compile(
    r"^\W*(?:now\s+|but\s+|currently\s+)*(?:living|based|settled|residing)\s+(?:in|out\s+of)\s*$"
)
# After a demonym that stands alone as a clause: "Melburnian checking in", "Torontonian for
# life", "Glaswegian here", "Münchner by choice", and how long so far: "Bangalorean for a
# decade now", "Londoner since 2011", "Dubliner these days".
DEMONYM_SELF_AFTER = re.compile(
    r"\s*(?:here\b|checking\s+in\b|reporting\s+in\b|for\s+life\b|through\s+and\s+through\b|"
    r"born\s+and\s+(?:bred|raised)\b|[,!(]|$|by\s+choice\b|"
    r"(?:for\s+)?(?:\d+\+?|a\s+few|a\s+couple(?:\s+of)?|many|several|two|three|four|five|six|"
    r"seven|eight|nine|ten|a|over\s+a|almost\s+a|nearly\s+a)\s*(?:yrs?|years?|decades?)\b|"
    r"since\s+(?:\d{4}|uni|college|school|birth|forever|the\s+\w+|\w+\s+\d{4})\b|"
    r"these\s+days\b|nowadays\b|now\b)"
)
HOME_QUESTION = re.compile(
    r"\b(?:any(?:one|body)?\s+else|any\s+other|anyone\s+else|other|fellow)\b"
    r"(?:\s+(?:here|around|living|based|lurking|out|from|in|of|people|folks|devs))*\s*$"
)
# After a city: someone else's home ("Denver here is cold" is not the speaker).
# "Berlin-based team": the city's "-based" describes a company or group, not the speaker.
NOT_SPEAKER_AFTER = re.compile(
    r"^\W*here\s+(?:is|are|was|has|have|gets|got)\b|^\s*-?\s*based\s+(?:[\w-]+\s+)?(?:team|teams|"
    r"company|companies|startup|startups|firm|agency|office|client|clients|customer|customers|org|"
    r"organi[sz]ation|band|brand|group|studio|shop|business|employer|colleagues?|friends?|family|"
    r"folks|people|devs|engineers|members|members'|recruiters?|restaurant|bakery|publication)\b"
)
# "moved to X": a move, so dates after it tell whether it happened yet.
MOVED = re.compile(
    r"\b(?:moved|relocated|shifted|moving|relocating|shifting|move|relocate)\b[\w\s]*$"
)
# "I'm in X" with no dates is a home.
IM_IN = re.compile(r"\b(?:i'm|im|i\s+am|we're|we\s+are)\s+(?:\w+\s+)?(?:in|at)\s*$")
# A sentence that opens a hypothetical: "if I lived in Edinburgh I'd be at every meetup".
HYPOTHETICAL = re.compile(
    r"^\W*(?:but\s+|and\s+)?if\s+(?:i|we)\s+(?:lived|were|was|had|still|could|didn't)\b"
)
# Right before an intent cue: a negation ("I don't want to meet up").
NOT_NOW_INTENT = re.compile(r"(?:\b(?:not|dont|never|no|quoted|said)\b|n't\b)[^.!?]*$")
# "I've lived in Toronto for 10 years": the past tense still true now.
HOME_PERFECT = re.compile(
    r"\b(?:i've|ive|i\s+have|we've|we\s+have)\s+(?:\w+\s+)?(?:lived|been\s+living|been\s+based|"
    r"been)\s+(?:in|out\s+of)\s*$"
)
# "been in Bengaluru 6 yrs now", "been living in Leeds for a decade": years there are a home.
BEEN_IN = re.compile(
    r"(?:^|\b(?:i've|ive|i\s+have|we've|we\s+have)\s+)\s*been\s+(?:living\s+)?in\s*$"
)
YEARS_AFTER = re.compile(
    r"^\W*(?:for\s+)?(?:\d+\+?|a\s+few|a\s+couple(?:\s+of)?|many|several|two|three|four|five|"
    r"six|seven|eight|nine|ten|a)\s*(?:yrs?|years?|decades?)\b"
    r"|^\W*(?:(?:my|our)\s+(?:whole|entire)\s+(?:life|lives)|all\s+(?:my|our)\s+lives?|forever)\b"
)
# After "sorry" and a city, its people: an apology to them ("Manchester here, sorry London
# folks"), not a self-correction ("Leeds, sorry, Bradford").
APOLOGY_TO_PEOPLE = re.compile(
    r"\s+(?:folks|people|peeps|lot|fans|crew|friends|gang|locals|massive|fam|readers|"
    r"members|supporters)\b"
)
# Short words whose dot ends no sentence ("St. Louis next week", "Ft. Worth"): the words
# before the dot, capitalised as written.
ABBREVIATIONS = ("St", "Mt", "Ft", "Dr", "Mr", "Mrs", "Ms", "Pt", "Ste", "Jr", "Sr", "Prof")
# US states shortened with a dot, as newspapers write them ("Cambridge, Mass. next week",
# "St. Paul, Minn. mid-June"): the dot ends no sentence when a lower-case word follows, and
# the short form names the state for the namesake choice.
STATE_ABBREVIATIONS = {
    "ala": "alabama", "ariz": "arizona", "ark": "arkansas", "calif": "california",
    "colo": "colorado", "conn": "connecticut", "del": "delaware", "fla": "florida",
    "ga": "georgia", "ill": "illinois", "ind": "indiana", "kan": "kansas", "ky": "kentucky",
    "la": "louisiana", "md": "maryland", "mass": "massachusetts", "mich": "michigan",
    "minn": "minnesota", "miss": "mississippi", "mo": "missouri", "mont": "montana",
    "neb": "nebraska", "nev": "nevada", "okla": "oklahoma", "ore": "oregon",
    "penn": "pennsylvania", "tenn": "tennessee", "tex": "texas", "va": "virginia",
    "vt": "vermont", "wash": "washington", "wis": "wisconsin", "wyo": "wyoming",
}  # fmt: skip
# After a city, an aside naming it again: "Yangon, or Rangoon if you're old school, is home",
# "Kiev (Kyiv as the signs say) has been home": the words after the aside are the city's.
ALIAS_ASIDE = re.compile(
    r"\s*[,(]\s*(?:or|formerly|aka|a\.k\.a\.?|also\s+known\s+as|once|n[ée]e|ex|officially|"
    r"(?:better\s+|now\s+|also\s+)?(?:known\s+as|called))\s"
    r"[^,;.!?()\n]{1,60}[,)]"
)
# "Austin, TX here", "Portland (Maine) here": a qualifier between a city and "here".
QUALIFIER = re.compile(
    r"^(?:\s*,\s*[a-z.]+(?:\s[a-z]+)?|\s*\([^)]{1,30}\)|\s+[a-z]{2}\b)"
    r"(?=\s*-\s?based\b|\s+(?:here|based)\b|(?<![a-z])(?:here|based)\b)"
)
# Homes that dates do not turn into a trip ("I live in X", unlike "I'm in X next week").
STRONG_HOME = re.compile(
    r"\b(?:live|living|based|located|reside|residing|moved|relocated|shifted|settled|call|home|"
    r"lived|fellow|proud|location)\b"
)
# "I'm in Oslo next wknd", "im in Leeds nxt wk": a coming stay whose days are written past
# reading (a misspelt or shortened week), so not a home; "next to the station" is a place.
NEXT_AFTER = re.compile(r"^\W*(?:next|nxt)\s+(?!to\b|door\b)[a-z]")
# A past move: a home whatever dates follow ("moved up from Seattle to Vancouver in March").
MOVED_PAST = re.compile(r"\b(?:moved|relocated|shifted)\b")
# "born and raised in Chicago and never left": an origin that is still home.
STILL_THERE = re.compile(r"\b(?:never\s+left|still\s+(?:here|there|live|living|in)|and\s+still)\b")
# After a city: a group or a clock, not a place the speaker is ("Berlin people:", "Berlin time").
# The speaker at a workplace of the city: "at our Raleigh office Tue-Thu next week", "I'm in
# the Austin office all week", "working from the Leeds campus tomorrow" (a trip, where "the
# Berlin office is hiring" is about a company).
AT_A_WORKPLACE_BEFORE = re.compile(
    r"(?:^|\b(?:i'm|im|i\s+am|i'll\s+be|ill\s+be|we're|we'll\s+be|be|working|work|stationed|"
    r"heading|headed|going|flying|off|back))\s*(?:at|in|from|out\s+of|to|into|visiting)\s+"
    r"(?:our|my|the|the\s+company's)?\s*$"
)
WORKPLACE_AFTER = re.compile(
    r"^\s*(?:office|offices|hq|headquarters|campus|site|branch|studio|plant|lab|factory|"
    r"warehouse|store)\b"
)
NOT_A_STAY_AFTER = re.compile(
    # A dish, drink or style named after a city: "Denver omelette", "Chicago-style pizza".
    r"^\W*(?:omelett?e|omelet|style|cheesecake|bagels?|hot\s+chicken|hot\s+dogs?|deep\s+dish|"
    r"cocktail|mule|sling|chowder|cheesesteak|rolls?|wings|biryani|fried\s+chicken|bbq|"
    r"barbecue|pizza|sourdough|dynamics|post|times|tribune|globe|herald|gazette|chronicle)\b|"
    r"^\W*(?:folks|people|peeps|crew|locals|gang|friends|members|devs|community|chapter|"
    r"time|tz|timezone|office|team|hq|wasn't|isn't|won't|doesn't|didn't)\b"
)
# After a city: the city is the subject of a sentence about it ("Dublin is lovely at
# christmas", "Lisbon gets busy in June"), not a stay ("Edinburgh is home" is a home).
CITY_AS_SUBJECT = re.compile(
    r"^\s*(?:is(?!\s+(?:now\s+)?(?:my\s+|our\s+)?home\b|\s+where\s+(?:i|we)\b)|was|gets|looks|"
    r"seems|feels|sounds|has\s+been(?!\s+(?:my\s+|our\s+)?home\b))\b"
)
# After a bare city and its dates, the clause ends in a question: "Chicago in December? no
# thanks", "Berlin next week??" (asking, not stating).
ASKED_AFTER = re.compile(r"^[^,;:.!?\n]*\?")
# Another person as the sentence's subject (a later clause without one is theirs too).
OTHER_SUBJECT = re.compile(
    r"\b(?:he|she|they|he's|she's|they're|his|her|their|my\s+(?:sister|brother|mom|mum|dad|"
    r"parents|friend|friends|boss|colleague|coworker|cousin|aunt|uncle|wife|husband|partner|"
    r"girlfriend|boyfriend|son|daughter|team|company|manager|cofounder))\b"
)
# A trip to see someone: "visiting my parents in Cleveland" is the speaker's trip.
VISIT_SOMEONE = re.compile(
    r"\b(?:visiting|see|seeing|visit)\s+(?:my|our|the)\s+[\w'-]+(?:\s+[\w'-]+)?\s+(?:in|at)\s*$"
)
# A hedge anywhere earlier in the sentence: "assuming my passport arrives, Taipei in July".
HEDGE = re.compile(
    r"\b(?:assuming|if|unless|depends|depending|maybe|might|hopefully|fingers\s+crossed|"
    r"in\s+theory|tentatively|not\s+sure|no\s+idea|thinking)\b"
)
# Trip lengths: "for 4 nights", "10 days starting June 3".
DURATION = re.compile(
    r"\b(\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(day|night|week)s?\b"
)
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
# An arrival on a weekday, in the sentence of a stay "til wed": "landing at LHR sat morning,
# in london til wed" starts on that Saturday, not today.
ARRIVAL_WEEKDAY = re.compile(
    r"\b(?:landing|landed|arriving|arrive|land|getting\s+in|get\s+in|flying\s+in|fly\s+in|"
    r"rolling\s+in|touching\s+down)\b[^.!?\n]{0,25}?\b(monday|mon|tuesday|tues|tue|wednesday|"
    r"weds|wed|thursday|thurs|thur|thu|friday|fri|saturday|sat|sunday|sun)\b"
)
# Before a city: the speaker is not there ("not in Bengaluru this week, ...").
NOT_THERE = re.compile(r"(?:\bnot|\bno\s+longer|n't(?:\s+be)?)\s+(?:in|at|going\s+to)\s*$")
# A later time mention that ends the trip: "..., staying on till the 26th", "and".
SECOND_CLAUSE = re.compile(
    r"(?:until|till|til|thru|through|to|-|–|—|back|leaving|leave|home|out|departing|"
    r"staying(?:\s+on)?(?:\s+(?:till|until|through|thru))?|return(?:ing)?|and|&|"
    r"flying\s+(?:out|home|back)|fly\s+(?:out|home|back))\W*(?:on\s+|the\s+)?$"
)
# Between a start day and the weekend it opens: "on Friday for the weekend" (the trip ends
# with that weekend).
FOR_THE_PERIOD = re.compile(r"^\s*(?:for|over)\s*$")
# Until a weekday, for a current trip ("in london til wed").
UNTIL_WEEKDAY = re.compile(
    r"\b(?:until|till|til|thru|through)\s+(mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)"
    r"[a-z]*\b"
)
# "6/29-7/2", "14/6 – 18/6": a numeric range (which order: the one not in the past).
NUMERIC_RANGE = re.compile(r"\b(\d{1,2})/(\d{1,2})\s*[-–—]\s*(\d{1,2})/(\d{1,2})\b")
# Words that follow a quoted "where's everyone based?" (the reply names a home).
WHERE_QUESTION = re.compile(r"\b(?:where|based|from|located|live)\b")
MONTH_NAMES = {
    **dict.fromkeys(("january", "jan"), 1), **dict.fromkeys(("february", "feb"), 2),
    **dict.fromkeys(("march", "mar"), 3), **dict.fromkeys(("april", "apr"), 4),
    "may": 5, **dict.fromkeys(("june", "jun"), 6), **dict.fromkeys(("july", "jul"), 7),
    **dict.fromkeys(("august", "aug"), 8), **dict.fromkeys(("september", "sept", "sep"), 9),
    **dict.fromkeys(("october", "oct"), 10), **dict.fromkeys(("november", "nov"), 11),
    **dict.fromkeys(("december", "dec"), 12),
}  # fmt: skip
# "March 20-22": a month, then a day range.
MONTH_DAY_RANGE = re.compile(
    r"\b(" + "|".join(sorted(MONTH_NAMES, key=len, reverse=True)) + r")\.?\s+(\d{1,2})"
    r"(?:st|nd|rd|th)?\s*(?:-|–|—|to|through|thru|till|until)\s*(\d{1,2})(?:st|nd|rd|th)?\b"
)
# "all week", "this week": from today to Sunday.
THIS_WEEK = re.compile(r"^(?:all|this|the\s+whole|whole|the\s+rest\s+of\s+the)\s+week$")
# A clock time alone ("at 11pm") says nothing about a trip's days.
CLOCK_ONLY = re.compile(r"^(?:at\s+|@\s*)?\d{1,2}(?::\d{2})?\s*(?:am|pm|h)?$")

# ---------------------------------------------------------------------------------------
# Which namesake: words after a city that name its country ("Valencia (the Spanish one)")

# Country adjectives and native names, by ISO code (a region name is read from the gazetteer).
COUNTRY_WORDS = {
    "spanish": "es", "españa": "es", "espana": "es", "indian": "in", "british": "gb",
    "english": "gb", "scottish": "gb", "welsh": "gb", "american": "us", "canadian": "ca",
    "australian": "au", "aussie": "au", "kiwi": "nz", "irish": "ie", "german": "de",
    "deutschland": "de", "french": "fr", "italian": "it", "italia": "it", "mexican": "mx",
    "venezuelan": "ve", "argentinian": "ar", "argentine": "ar", "pakistani": "pk",
    "brazilian": "br", "brasil": "br", "dutch": "nl", "colombian": "co", "chilean": "cl",
    "filipino": "ph", "south african": "za", "portuguese": "pt", "swiss": "ch",
    # provinces that name one country, where the gazetteer has no province names
    "sindh": "pk", "sindhi": "pk", "balochistan": "pk",
}  # fmt: skip
# Before a region word: the namesake the speaker does NOT mean ("not Oregon", "not the UK one").
NOT_THIS_ONE = re.compile(r"\b(?:not|nor|no|isn't|never)\s+(?:in\s+)?(?:the\s+)?$")

# Intro formats: a field label before the city ("**Location:** Lyon", "city = Oslo") ...
FIELD_LABEL = re.compile(
    r"^\W*(?:location|city|based|based\s+in|home|home\s+base|where|lives?\s+in|from)\W*[:=]\W*$"
)
# ... or the last item of a "name, role, city" intro ("quick intro: Priya, data eng, Pune",
# "hi all! I'm Ana — backend — Porto"); the city ends the item (``INTRO_ITEM_END`` after it).
_INTRO_SEP = r"(?:,|\||\s[—–-]|—|–)"
INTRO_LIST = re.compile(
    r"(?:^|\b(?:intro|introduction|about\s+me|hi\s+all|hi\s+everyone|hey\s+all|hello\s+all|"
    r"hello\s+everyone)\b)(?:\s+time)?\W*(?:(?:i'm|im|i\s+am|me|name)\s*[:=]?\s+)?[a-z][\w'.-]*"
    rf"(?:\s+[a-z][\w'.-]*)?\s*{_INTRO_SEP}(?:\s*[^,|—–\n]{{2,40}}?\s*{_INTRO_SEP}){{1,3}}\s*$"
)
INTRO_ITEM_END = re.compile(r"^\s*(?:[.!|,;—–-]|\(|$|\n|\W*$)")
# Before a date in the words after a city: the date is of the past, no trip's ("in Atlanta now,
# moved in June", "here since March"; not a reschedule, "trip got moved to the 15th").
PAST_BEFORE_DATE = re.compile(
    r"\b(?:moved(?!\s+(?:it\s+)?(?:back\s+|up\s+)?to\s+(?:the|next|this|\d+\w*)?\s*$)|relocated|arrived|"
    r"got\s+here|came|left|was|were|since|been|ago)\b[^,;.!?]*$"
)
# After a city, the words that lead its correction ("Denver... sorry, ", "Leeds — I mean ");
# ``CORRECTION_WORDS``: one of them is in every match (a cheap first test).
CORRECTION_WORDS = (
    *("sorry", "mean", "wait", "correction", "make that", "rather", "scratch", "well"),
    "actually",
)
CORRECTION_AHEAD = re.compile(
    r"[^.!?\n]{0,30}?(?:\.\.+|…|\W)\s*(?:sorry|i\s+mean|i\s+meant|wait\s+no|no\s+wait|"
    r"correction|make\s+that|or\s+rather|scratch\s+that|well|actually)\W+"
)
# A quoted question about who will be somewhere ("> who's going to be in Chicago for the
# summit?"), and a reply that says "me" to it ("me! 19th-21st", "yep, I'll be there 3-5").
TRIP_QUESTION = re.compile(
    r"\b(?:who'?s|who\s+is|who\s+else|who\s+will|anyone|anybody|any\s+of\s+you)\b[^\n]{0,60}?"
    r"\b(?:be|going|heading|headed|flying|coming|in\s+town)\b[^\n]{0,20}?\b(?:in|to|at)\b"
)
YES_ME = re.compile(
    r"^\W*(?:me|me\s+too|i\s+am|i'm|im|i\s+will|i'll|yes|yep|yeah|yup|same|count\s+me\s+in|"
    r"🙋\S*)(?=\W|$)(?![\s!,.]*(?:neither|either|not|no|nope|sadly\s+not)\b)[\s!,.:—–-]*"
)
# Frames that mark the words next to them as a place, where a bare name would need more:
# "Austin-based", "shibuya based", "**Location:** Santiago", "city: Lyon".
BASED_AFTER_NAME = re.compile(
    r"(?<![\w'])([^\W\d_][\w'.]*(?:\s[^\W\d_][\w'.]*)?)(?:-|\s)based\b"
    r"(?P<end>\W*(?:$|\W\s|\s(?:but|and|here|in)\b))?"
)
# A capitalised name that opens a clause with a trip's dates right after it: "Galway from the
# 27th", "..., then Inverness mon-wed", "Hobart 3-5 March, Launceston 6-8". The name is read as
# a place as if "in" stood before it (``framed``). The words after it must start a date.
_DATE_LEAD = (
    r"(?:from\s+the\s+\d|from\s+\d|on\s+the\s+\d|the\s+\d|the\s+weekend|next\s+(?:week|wee?k|month|"
    r"weekend|mon|tue|wed|thu|fri|sat|sun)|this\s+(?:week|weekend|mon|tue|wed|thu|fri|sat|sun)|"
    r"tmrw|tomorrow|all\s+week|over\s+the\s+weekend|for\s+(?:a|an|the|one|two|three|four|five|"
    r"a\s+few|a\s+couple\s+of|\d{1,2})\s+(?:weeks?|weekend|nights?|days?)\b|\d{1,2}(?:st|nd|rd|th)?\s*(?:[-–—/.]|to\b|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)|"
    r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\s*(?:[-–—]|to\b|through\b|thru\b|and\b)|"
    r"(?:thru|through|till|til|until)\s+(?:mon|tue|wed|thu|fri|sat|sun|the\s+\d|\d|next|tomorrow|"
    r"tmrw|the\s+end|end)|"
    r"for\s+(?:christmas|xmas|the\s+holidays|new\s+year|easter|thanksgiving|diwali|eid|hanukkah|"
    r"hogmanay)\b|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)"
)
# Every date lead holds one of these (the cheap test before ``DATED_NAME``).
DATE_LEAD_HINT = re.compile(r"\d|week|month|tmrw|tomorrow|mon|tue|wed|thu|fri|sat|sun")
DATED_NAME = re.compile(r"([A-Z][\w'.-]*(?:\s[A-Z][\w'.-]*)?)(?=\s+(?i:" + _DATE_LEAD + r"))")
# A city's short form typed in lower case with dates after it: "sf 9/14-9/16", "bcn next week"
# (``framed`` matches it only where a curated short form is among a message's words).
DATED_SHORT_FORM = re.compile(r"(?<![\w@#/.'’-])([a-z]{2,5})(?=\s+(?i:" + _DATE_LEAD + r"))")
# What may stand right before such a name: nothing, a mark, or a joiner ("..., then Inverness").
CLAUSE_OPENS = re.compile(r"(?:^|[\n.!?:;,→>]|\bthen|\band|\bbut)\s*(?:then\s+)?$")
# "..., then Savannah for the weekend": a clause that "then" opens is a later leg of a trip.
THEN_OPENS = re.compile(r"\bthen\s*$")
# The words of a dated frame's dates, up to where its clause closes: "Eugene next weekend 🌲",
# "Reno on the 12th, ...", "Providence thru Sunday for family stuff"; not "Florence on the 4th
# said ...", "Austin next week will demo ...", "Reading next week's agenda", "Reading 3-4
# chapters". A first name or a common word is a place in such a frame only (``framed``).
_FRAME_DATE_WORD = (
    r"(?:\d{1,2}(?:st|nd|rd|th)?|\d{1,2}[/.]\d{1,2}|[-–—/&]|"
    r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?|"
    + "|".join(sorted(MONTH_NAMES, key=len, reverse=True))
    + r"|week|weekend|month|fortnight|next|this|the|from|to|till|til|until|thru|through|on|"
    r"and|tmrw|tomorrow|tonight|all|over|of|for|a|an|one|two|three|four|five|few|couple|"
    r"days?|nights?|weeks?|early|mid|late|end|start)\b\.?"
)
DATED_FRAME_CLOSED = re.compile(
    rf"(?i:(?:\s*{_FRAME_DATE_WORD})+?(?P<end>\s*(?:$|[,;!?)\n]|\.(?:\s|$)|[^\w\s'’.,;!?)/&–—-]|"
    r"\s+(?:for|then|to\s+see|to\s+visit|visiting|with|w/|back|and\s+then)\b)))"
)
# Where a dated frame closes, a trip's purpose or its next leg: what a common word's name
# needs as well ("Bologna Wednesday to Saturday for a trade fair"; not "Sale this weekend!").
# ... but not a meeting with a person of that name: "Jackson on the 12th for a one-on-one".
MEETING_PURPOSE = re.compile(
    r"(?i:\s+for\s+(?:a|an|the|our|my|your|his|her|their)?\s*(?:quick\s+)?(?:1:1|1-1|one-on-one|"
    r"sync|call|review|chat|meeting|interview|demo|standup|stand-up|pairing|handover|catch-?up|"
    r"check-?in|retro)\b)"
)
# A trip's purpose is an event one travels to ("for a trade fair", "for my cousin's wedding"),
# not any "for" ("Wedding next week for my cousin", "Orange next week for the launch").
_TRIP_EVENTS = (
    r"weddings?|conference|conf|summit|trade\s+fair|fair|expo|talk|workshop|meetup|festival|fest|"
    r"gig|concert|match|game|race|marathon|visit|trip|holidays?|vacation|getaway|hen\s+do|"
    r"stag\s+do|bachelor(?:ette)?\s+party|birthday|funeral|graduation|reunion|engagement|"
    r"christening|offsite|off-site|hackathon"
)
TRIP_PURPOSE = re.compile(
    r"(?i:\s+for\s+(?:work|business|family|a\s+(?:few|couple\s+of)\s+(?:days|nights)|"
    r"(?:a|an|the|my|our|his|her|their|[\w-]+'s)\s+(?:[\w'-]+\s+){0,2}(?:" + _TRIP_EVENTS + r"))\b"
    r"|\s+(?:to\s+(?:see|visit)|visiting)\s+(?:my|our|the|family|friends|[\w-]+'s)\b)"
    # then home, or the next leg: "..., then home", "Cork tmrw, Kerry after"
    r"|,?\s+(?i:then|and\s+then)\s+(?:(?i:home|back)\b|[A-Z])"
    r"|\s*[,;]\s*[A-Z][\w'-]+(?:\s[A-Z][\w'-]+)?\s+(?i:(?:after|afterwards|later|next|this|"
    r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*)\b|(?:on\s+|from\s+)?the\s+\d|\d)"
    # what one does there: "Reno this weekend, skiing at Tahoe"
    r"|\s*[,;—–-]\s*(?i:skiing|hiking|surfing|camping|sightseeing|visiting|staying|seeing)\b"
)
# Where a dated frame closes for a first name with no purpose: the message's end, an emoji,
# "!" ("Eugene next weekend 🌲", "Reno this weekend!"), not a comma ("Austin tomorrow, ...").
FRAME_ENDS_HERE = re.compile(r"\s*(?:$|!|[^\w\s'’.,;:!?)(\[\]\-–—/&])")
# A name after a word for now that opens a clause after a former home and ends it: "originally
# Tulsa, these days Austin", "grew up in Leeds, now Bristol." (a first name or a common word
# too: the frame says it is a place; not "now Florence, tell me more").
# One of these is in every match of FORMER_HOME_HINT (substring tests before it).
FORMER_HOME_WORDS = ("originally", "born", "raised", "grew", "hometown", "used to", "lived", "left",
                     "formerly", "moved")  # fmt: skip
FORMER_HOME_HINT = re.compile(
    r"(?i:\b(?:originally|born|raised|grew\s+up|hometown|used\s+to\s+live|lived|left|formerly|"
    r"moved\s+(?:away\s+)?from)\b)"
)
NOW_NAME = re.compile(
    r"(?:[,;.!?\n]\s*|\b(?:but|and)\s+)(?i:now|nowadays|these\s+days|currently)\s+(?:in\s+)?"
    r"([A-Z][\w'.-]*(?:\s[A-Z][\w'.-]*)?)"
    r"(?=\s*(?:$|[,.!;:)\n]|[^\w\s'’]|\s+(?i:now|for|and|but|though|tho|lol|haha)\b))"
)
# A name, a word for a person and "here": "Galway lad here", "Leeds lass here 👋".
PERSON_HERE_AFTER_NAME = re.compile(
    r"([A-Z][\w'.-]*(?:\s[A-Z][\w'.-]*)?)\s+(?:lad|lass|gal|guy|girl|boy|dude|kid)\s+here\b"
)
PERSON_HERE = re.compile(r"\b(?:lad|lass|gal|guy|girl|boy|dude|kid)\s+here\b")
# Names chained by arrows, an itinerary: "Rome → Florence → Venice", "Lisbon -> Porto".
ARROW_CHAIN_NAME = re.compile(
    r"(?:(?<=→)|(?<=->)|(?<=>))\s*([A-Z][\w'.-]*(?:\s[A-Z][\w'.-]*)?)"
    r"|([A-Z][\w'.-]*(?:\s[A-Z][\w'.-]*)?)(?=\s*(?:→|->))"
)
FIELD_LABEL_LINE = re.compile(
    r"^\W*(?i:location|city|based\s+in|home\s+base|home|where)\W*[:=]\W*"
    r"([^\W\d_][\w'.-]*(?:\s[^\W\d_][\w'.-]*)?)",
    re.MULTILINE,
)

# ---------------------------------------------------------------------------------------
# Repeat rules of a series (bot.nlp.repeat): "every first thursday", "monthly on the 15th"

# Which weekday of the month: "first" ... "fifth", "last", "second to last" (read as -2).
REPEAT_ORDINALS = {
    **dict.fromkeys(("first", "1st"), 1), **dict.fromkeys(("second", "2nd"), 2),
    **dict.fromkeys(("third", "3rd"), 3), **dict.fromkeys(("fourth", "4th"), 4),
    **dict.fromkeys(("fifth", "5th"), 5), "last": -1, "second to last": -2,
    "next to last": -2, "penultimate": -2,
}  # fmt: skip
# "every 2 weeks": the unit words, singular and plural, by the rule's frequency.
REPEAT_UNITS = {
    **dict.fromkeys(("minute", "minutes", "min", "mins"), "minutely"),
    **dict.fromkeys(("hour", "hours", "hr", "hrs"), "hourly"),
    **dict.fromkeys(("day", "days", "night", "nights"), "daily"),
    **dict.fromkeys(("week", "weeks"), "weekly"),
    **dict.fromkeys(("month", "months"), "monthly"),
    **dict.fromkeys(("year", "years"), "yearly"),
}  # fmt: skip
# "weekly", "fortnightly": a frequency and its interval in one word.
REPEAT_ADVERBS = {
    "hourly": ("hourly", 1), "daily": ("daily", 1), "nightly": ("daily", 1),
    "weekly": ("weekly", 1), "biweekly": ("weekly", 2), "fortnightly": ("weekly", 2),
    "monthly": ("monthly", 1), "bimonthly": ("monthly", 2), "quarterly": ("monthly", 3),
    "yearly": ("yearly", 1), "annually": ("yearly", 1),
}  # fmt: skip
# Words that say "every": "every", "each", "on every"; "other" after them doubles the interval.
REPEAT_EVERY = frozenset({"every", "each", "on every", "on each"})
REPEAT_OTHER = "other"
# More than once a day, in words: refused like "every hour".
REPEAT_MANY_A_DAY = re.compile(r"\b(?:twice|thrice|\d+\s+times)\s+(?:a|per|each)\s+day\b")
# Weekday groups: "every weekday" is Monday to Friday.
REPEAT_DAY_GROUPS = {"weekday": (0, 1, 2, 3, 4), "weekdays": (0, 1, 2, 3, 4),
                     "weekend": (5, 6), "weekends": (5, 6)}  # fmt: skip
# "mondays", "thursdays": plural weekday names (the singular ones are WEEKDAY_NAMES).
REPEAT_WEEKDAYS = {
    **WEEKDAY_NAMES,
    **{name + "s": day for name, day in WEEKDAY_NAMES.items() if name.endswith("day")},
}
# Filler words a rule may hold without changing it ("every month on the 15th").
REPEAT_FILLER = frozenset({"on", "the", "of", "a", "at", "in", "and", "month", "day"})

# ---------------------------------------------------------------------------------------
# Places (bot.nlp.places): the words between two cities of one list or itinerary

# "Leeds and York", "Lyon 1–3 July, Marseille 4–6, Nice 7–9", "Auckland 3–8 March, then
# Wellington": separators, list words and the days of the city before; nothing else.
_DAY_WORDS = "|".join(sorted([*MONTH_NAMES, *WEEKDAY_NAMES], key=len, reverse=True))
PLACE_LIST_GAP = re.compile(
    r"^(?:[\s,;/&+()→>–—-]|\d{1,2}(?:st|nd|rd|th)?\b|(?:and|or|then|after\s+that|to|till|until"
    r"|thru|through|the|first|this|next|week|weekend|tomorrow|tonight|" + _DAY_WORDS + r")\b\.?)*$",
    re.IGNORECASE,
)
# Two-letter region codes that are also everyday lower-case words: "reading in the park" is no
# Reading, Indiana, though "buffalo ny" is Buffalo, New York.
REGION_CODES_THAT_ARE_WORDS = frozenset(
    "in or me hi ok oh pa de la ma co id al ne mo ga wa va sc md nd sd mt ct ut ks ar".split()
)
# After a tag of a city whose name is a common word, the event it names: "#Reading festival"
# is the festival, no statement about Reading.
EVENT_NOUNS = frozenset("festival fest con conference expo summit marathon half carnival".split())
# After a multi-word city's name, words of a time that make it a place in lower-case text:
# "salt lake city next week", "new orleans june 10-13".
TIME_AFTER_A_NAME = frozenset({"next", "this", "tomorrow", "tonight", *MONTH_NAMES, *WEEKDAY_NAMES})
