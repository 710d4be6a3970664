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

import functools
import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass

from bot.nlp.dates.vocabulary import holiday_names

__all__ = [
    "ADJECTIVES",
    "ARRIVAL",
    "CLAUSE_SPLIT",
    "CORRECTION",
    "DEMONYM_SELF",
    "END_WORDS",
    "HOLIDAY_PHRASES",
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
    "PLAN_BEFORE_MARKS",
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
    "names_a_holiday",
    "names_a_pair",
    "statement_gate",
    "words_of",
]


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue phrase pattern, the words it is written with, and examples it must match."""

    name: str
    source: str  # the pattern as written (``re.VERBOSE``), compiled on first use
    words: frozenset[str]
    examples: tuple[str, ...]
    # Every message the cue fits holds a word of each of these sets, and this mark.
    needs: tuple[frozenset[str], ...] = ()
    mark: str = ""
    beside_a_stay: bool = False  # counts only beside a home or trip of the same message

    @property
    def pattern(self) -> re.Pattern[str]:
        """The compiled pattern. Compiling every cue at import took 0.4 s of the bot's
        start-up; most cues are first needed by a message much later, if ever."""
        return _compiled(self.source)

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text)


@functools.cache
def _compiled(source: str) -> re.Pattern[str]:
    return re.compile(source, re.VERBOSE)


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
    words = words_of(re.sub(r"\\[a-z]|\(\?[:=!<]+|[^a-z' ]", " ", pattern))
    return Cue(name, pattern, words, examples, needs, mark, beside_a_stay)


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
    r"moving|relocating|shifting|(?<!made\sthe\s)move|relocate|spirit|mentally|kidding|jk|joking|"
    r"lol\s+no|"
    r"miss|missing|favourite|favorite|love|loved|hate|recommend|recs?|tips|"
    r"any\s+good|anyone\s+know|does\s+anyone|is\s+anyone|is\s+anybody|where|what|how)\b"
)
# "home tomorrow after a week in Paris": a stay that the speaker is ending.
AFTER_A_STAY = re.compile(
    r"\bafter\s+(?:a|an|one|two|three|four|five|\d+|a\s+few|a\s+couple\s+of|several)\s+"
    r"(?:days?|weeks?|nights?|months?|years?)\s+(?:in|at)\s*$"
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
# Between two cities, a route: "Sydney to Canberra on the 20th" (the second is the trip).
ROUTE_GAP = re.compile(r"\s*to\s*")
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
# What a member is, in an intro ("Tomas here, data engineer out of Bratislava").
_ROLES = (
    r"(?:engineer|developer|dev|designer|writer|consultant|founder|freelancer|student|"
    r"researcher|analyst|pm|manager|scientist|artist|photographer|teacher|marketer|lawyer)"
)
# People a clause without "I" may be about ("a friend now living in Pune" is not a home).
_NOT_ME = (
    r"(?:friend|colleague|coworker|co-worker|cousin|guy|girl|woman|man|person|buddy|mate|"
    r"client|customer|neighbou?r|relative|couple|family)"
)
HOME_BEFORE = _cue(
    "home before",
    rf"""(?:
      \b(?:i|we){_ADV}\s+(?:live|reside|stay|am\s+based|'m\s+based|am\s+located)
          (?:\s+(?:out|over|up|down|right))?{_ADV}\s+(?:in|near|outside(?:\s+of)?|around)\s*$
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
    | \b(?:then\s+)?(?:back\s+)?home\s+to\s*$
    | \bhome\s+base\s*(?:is\s*)?$
    | \b(?:i|we)\s+(?:call|now\s+call)\s*$
    | \b(?:i've|ive|i\s+have|we've|we\s+have){_ADV}\s+(?:lived|been\s+living|been\s+based|
          been\s+in)\s+(?:in\s+)?$
    | \b(?:been\s+living|been\s+based)\s+(?:in|out\s+of)\s*$
    | ^\W*home\s+(?:is\s+)?in\s*$
    | (?:^|\b(?:i'm|im|i\s+am|we're|we\s+are))\W*(?:pretty\s+|fairly\s+|very\s+|brand\s+|still\s+)?
          new\s+to\s*$
    | \b(?:made\s+the\s+(?:move|jump|leap)|got\s+settled|settled\s+down)\s+(?:to|in|over\s+to)\s*$
    | ^\W*(?:an?\s+)?(?:[\w-]+\s+)?{_ROLES}\s+(?:out\s+of|based\s+(?:in|out\s+of))\s*$
    | ^\W*an?\s+(?!{_NOT_ME}\b)[\w-]+(?:\s+[\w-]+)?\s+now\s+(?:living|based|settled)
          \s+(?:in|out\s+of)\s*$
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
    | \s+(?:lad|lass|gal|guy|girl|boy|dude|kid|person|human|expat|side)\s+here\b
    | \s+(?:(?:lad|lass|gal|guy|girl|boy|dude|kid|person)\s+)?through\s+and\s+through\b
    | \s*(?:🏠|🏡)
    | \W*checking\s+in\b
    | \W*(?:native|local|resident|born\s+(?:and|&|n'?)\s+(?:bred|raised)|represent)\b
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
    | (?:^|\b)(?:reaching|pulling\s+into|touching\s+down\s+in|arriving\s+into|
          landing\s+into|making\s+it\s+to|get\s+into)\s*$
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
    (
        "i'll be in", "heading to", "visiting", "trip to", "back in", "flying into", "in",
        "reaching", "pulling into", "touching down in",
    ),
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
# A day that a return leads ends a stay from today: "in Newcastle right now, back home
# friday", "Denver, flying back tuesday" ("leaving friday" may be the day one sets off).
RETURN_BEFORE_DATE = re.compile(
    r"\b(?:back\s+home|heading\s+(?:home|back)|head(?:ing)?\s+back|(?:flying|fly|driving|drive|"
    r"going|go)\s+(?:home|back)|home)\W*(?:on\s+|the\s+)?$"
)
NOW_WORDS = frozenset(
    {
        "now",
        "right now",
        "just now",
        "at the moment",
        "the moment",  # "at the moment" as ``dates`` reads it
        "this moment",
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
    landed arrived touched intro introduction originally grew raised bred""".split()
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


def _holiday_phrases() -> dict[str, tuple[str, ...]]:
    """Holiday names the dates grammar reads whose words are too common to look for alone
    ("boxing day", "new year's eve", "bonfire night"), by their last word; a name with a
    date word ("christmas eve", "good friday") or of one word ("hogmanay") needs none."""
    found: dict[str, set[str]] = {}
    for words in holiday_names():
        if len(words) < 2 or not DATE_WORDS.isdisjoint(words):
            continue
        phrase = " ".join(words).replace(" '", "'")  # ("presidents", "'", "day")
        found.setdefault(words[-1], set()).add(phrase)
    return {last: tuple(sorted(phrases)) for last, phrases in found.items()}


# The words of dates, holidays of one word included ("nye", "juneteenth", "deepavali").
DATE_WORDS = DATE_WORDS | {words[0] for words in holiday_names() if len(words) == 1}
# "day": ("boxing day", "canada day", ...): a holiday named by common words.
HOLIDAY_PHRASES = _holiday_phrases()
_HOLIDAY_LAST_WORDS = frozenset(HOLIDAY_PHRASES) - DATE_WORDS
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
    "been": ("have been", "been in", "been living", "been based"),
    "other": ("any other",),
    "else": ("anyone else", "anybody else"),
    "place": ("my place",),
    "apartment": ("my apartment",),
    "flat": ("my flat",),
    "house": ("my house",),
    "counting": ("and counting",),  # "a decade in Hamburg and counting"
    "through": ("through and through",),  # "Galway girl through and through"
    "stay": ("i stay in", "we stay in", "i stay near", "we stay near"),  # Indian English: live
    "new": ("new to ",),  # "new to Launceston, just moved"
    "city": ("city:", "city :", "city=", "city ="),  # an intro's field, "**City:** Chennai"
    "move": ("the move to", "the move over to", "the move out to"),
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
        or names_a_holiday(low, words)
        or _DATE_DIGITS.search(low) is not None
    )


def names_a_pair(low: str, words: Iterable[str]) -> bool:
    """Whether a two-word subject is in the message: "we are here" yes, "you are" no (a
    set lookup of the word it needs, then a substring test)."""
    return _holds_a_phrase(low, words, _PAIR_WORDS, _PAIRS)


def _holds_a_phrase(
    low: str, words: Iterable[str], keys: frozenset[str], phrases: dict[str, tuple[str, ...]]
) -> bool:
    """Whether ``low`` holds one of the ``phrases`` of a key word among ``words``: one set
    lookup first, the substring tests only for the keys found."""
    if keys.isdisjoint(words):
        return False
    return any(p in low for w in keys.intersection(words) for p in phrases[w])


def cue_may_fit(cue: Cue, gate: Gate) -> bool:
    """Whether the message has a word of each set the cue needs, and its mark."""
    if cue.mark and cue.mark not in gate.low:
        return False
    return all(not need.isdisjoint(gate.words) for need in cue.needs)


def _need_bits(words: frozenset[str]) -> int:
    """One bit for each word set of the intent cues that the message has a word of: a cue
    may fit where all of its sets' bits are set (``cue_may_fit``, in integer tests)."""
    bits = 0
    for w in _NEED_WORDS.intersection(words):
        bits |= _WORD_BITS[w]
    return bits


def fitting_intent_cues(gate: Gate) -> Iterator[Cue]:
    """The intent cues (not those that need a home or trip beside them) that ``statements``
    searches in a message with these gate words, in their order: those ``cue_may_fit``."""
    bits = _need_bits(gate.words)
    low = gate.low
    return (c for c, mask in _SEARCHED if mask & bits == mask and (not c.mark or c.mark in low))


def intent_gate(gate: Gate) -> bool:
    """Whether some intent cue may fit the message (the pre-filter and the grammar both ask
    this, and the grammar searches only the cues that may fit: so the pre-filter never
    hides an intent). The cues by their first set's words, tested by their sets' bits."""
    words = gate.words
    if INTENT_WORDS.isdisjoint(words):
        return False
    bits = _need_bits(words)
    low = gate.low
    for w in INTENT_WORDS.intersection(words):
        for mask, mark in _GATED_BY_WORD[w]:
            if mask & bits == mask and (not mark or mark in low):
                return True
    return False


def may_date(text: str) -> bool:
    """Whether a stretch of text may hold a trip's dates (a date word, a holiday's name or
    date digits)."""
    words = text.translate(_SPLIT).split()
    return (
        not DATE_WORDS.isdisjoint(words)
        or names_a_holiday(text, words)
        or bool(_DATE_DIGITS.search(text))
    )


def names_a_holiday(low: str, words: Collection[str]) -> bool:
    """Whether a holiday named by common words is in the text: "through new year's day",
    "over the bank holiday" yes, "a good day" no (a set lookup of its last word, then a
    substring test)."""
    if "’" in low:
        low = low.replace("’", "'")
    return _holds_a_phrase(low, words, _HOLIDAY_LAST_WORDS, HOLIDAY_PHRASES)


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
    if names_a_pair(low, words) or names_a_holiday(low, words):
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
    # outings as short as a dish in an elliptical ask ("bowling next wednesday?")
    "bowling trivia sundowners roast darts "
    "cider ciders cocktail gin sake soju lager ale stout brekkie brekky supper dosa bagels "
    "cake pastries dessert fondue hotpot kbbq bao nachos falafel shawarma paella karting "
    "padel frisbee parkrun sauna wander stroll mooch cuppa natter sesh brew parma parmi "
    "izakaya chimaek coldie coldies tinnies schooner schooners sundowner pierogies"
).split()

_Trie = dict[str, "_Trie"]


def _trie(words: Iterable[str]) -> str:
    """An alternation of words as a trie ("pint(?:s)?", not "pint|pints"): a regex tries a
    flat list of 200 words one by one at every word of a message, a trie by its first letter
    (5x faster on chat; the same words match)."""
    root: _Trie = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: _Trie) -> str:
        alts = [re.escape(ch) + emit(node[ch]) for ch in sorted(node) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + emit(root) + ")"


_FOOD = (
    r"(?:a\s+|an\s+|some\s+)?(?:food\s+trucks?|bar\s+crawl|board\s*games?(?:\s+night)?|"
    r"games?\s+night|dim\s+sum|happy\s+hours?|escape\s+rooms?|mini\s+golf|"
    + _trie(w for w in _FOOD_WORDS if " " not in w)
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
_FOOD_EMOJI = "🍻 🍺 🍕 ☕ 🍜 🍣 🌮 🍷 🍸 🥂 🍔 🍩 🧋 🥟 🍛 🍝 🥯 🍦 🎳 🎤 🎲".split()
_FOOD_NEEDS = frozenset(
    {*_FOOD_WORDS, *_FOOD_EMOJI, "hour", "hours", "board", "boardgame", "game", "escape", "golf"}
)

# Outings that are not food, asked about only with more around them than a dish needs ("any
# Delhi folks interested in a cricket match?", "let's all go bowling"): alone, "run", "walk",
# "gig", "tour" or "game" are as often work or screens ("anyone want to run the tests?").
_OUTING_WORDS = (
    "cricket football footy soccer tennis padel squash badminton volleyball basketball "
    "pickleball frisbee golf minigolf running jogging parkrun walking hiking rambling swimming "
    "skating kayaking surfing cycling concert concerts cinema movie movies museum gallery "
    "exhibition festival comedy quiz trivia bowling darts snooker karaoke gym yoga dancing "
    "salsa hackathon bouldering climbing picnic bbq sundowners brewery roast swim ski skiing "
    "snowboarding trail trails celebrate outing"
).split()
_OUTING = (
    r"(?:farmers'?\s+markets?|night\s+markets?|christmas\s+markets?|walking\s+tour|food\s+tour|"
    r"escape\s+rooms?|mini\s+golf|(?:5|five|7|seven)[-\s]a[-\s]side|table\s+tennis|ping\s+pong|"
    r"(?:run|running|book|supper|dinner|walking|hiking|film|movie|coffee|lunch|breakfast|brunch|"
    r"knitting|craft)\s+club|" + _trie(_OUTING_WORDS) + ")"
)
_OUTING_NEEDS = frozenset(
    {
        *_OUTING_WORDS,
        *"market markets tour escape room rooms golf side tennis ping pong club".split(),
    }
)
# When a plan is for ("curry on friday", "taco crawl this weekend").
_PLAN_DAY = (
    r"(?:tonight|tomorrow|tmrw|weekend|next\s+week|after\s+work|later|soon|sometime|"
    r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?)"
)
# Anything a member may propose doing together: a dish, a drink or an outing.
_ACT = rf"(?:{_FOOD}|{_OUTING})"
_ACT_NEEDS = _FOOD_NEEDS | _OUTING_NEEDS
# Where a plan may be floated ("meet at the usual bar", "thinking the bouldering gym").
_VENUE_WORDS = (
    "bar pub cafe café brewery park beach gym taproom bakery market crag trail lake river "
    "beer garden rooftop alley lanes usual"
).split()
_VENUE = "(?:" + "|".join(_VENUE_WORDS) + ")"
_SAFE_VENUE_WORDS = "pub brewery gym beach cafe café taproom rooftop crag".split()
# After a group is addressed, a question that asks about something rather than floats a plan:
# "folks, hot take: pineapple belongs on pizza?", "peeps, how much do you tip here?"
_NOT_A_PLAN_AHEAD = (
    r"(?!\s*(?:is|are|was|were|how|why|what|which|where|whose|does|do|did|has|have|had|should|can|"
    r"could|hot\s+take|unpopular|psa|reminder|fyi|quick\s+q|question|who\s+(?!wants|wanna|is\s+"
    r"(?:up|in|down|keen)))\b)"
)
# A group addressed by what its members like to do ("climbers? thinking ...").
_GROUP_NOUNS = (
    "crew folks people peeps gang lot fam squad climbers runners hikers cyclists riders gamers "
    "walkers swimmers readers foodies nerds geeks boulderers skaters surfers players lads ladies "
    "everyone y'all yall guys"
).split()


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
    "guys anyone anybody who who's whos someone takers y'all yall folks people peeps locals crew "
    "who'd whod who'll wholl"
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
        "tag along",
        r"\b(?:come|tag)\s+along\b|\bcome\s+join\s+(?:us|me)\b",
        ("tag along if you're free", "come join us at the pub"),
        # "along" and "join" are rarer than "come": the pre-filter looks for them
        needs=(_needs("along join"), _needs("come tag")),
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
        rf"\b(?:folks|people|peeps|crew|locals)\b\s*[:—,-]+\s*{_NOT_A_PLAN_AHEAD}[^.!?\x00]{{0,40}}\?",
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
    # -----------------------------------------------------------------------------------
    # Intent round 9: outings asked about, offers to organise, groups addressed, invitations
    _cue(
        "who's keen on an outing",
        rf"\b(?:{_WHO}|any\s+(?:other\s+|fellow\s+)?(?:[\w-]+\s+)?[\w-]+s|any\s+of\s+you|"
        r"would\s+you|you'?d)\b[^.!?\x00]{0,30}?"
        r"\b(?:keen|interested|up|down|game|fancy|fancies|want|wants|wanna|free|come|be\s+into)\b"
        rf"[^.!?\x00]{{0,30}}?\b{_ACT}\b",
        (
            "any delhi folks interested in a weekend cricket match?",
            "would you all be keen on a walking tour of edinburgh some saturday?",
            "anyone wanna play 5-a-side on thursday?",
            "who's down for the farmers market sunday",
            "anyone interested in an escape room next week?",
            "who'd be up for a curry night next week?",
            "hands up if you'd come to a games night",
        ),
        needs=(
            _ACT_NEEDS,
            _needs(_ASK_WORDS + " any you would you'd youd"),
            _needs("keen interested up down game fancy fancies free come be want wants wanna"),
        ),
    ),
    _cue(
        "let's go bowling",
        r"\blet'?s\s+(?:all\s+)?(?:go|head\s+out)\s+(?:bowling|climbing|bouldering|hiking|skating|"
        r"swimming|dancing|running|cycling|kayaking|surfing|karting|camping|skiing|clubbing|"
        r"walking|paddleboarding)\b",
        ("let's all go bowling sometime", "lets go climbing on saturday"),
        needs=(
            _needs(
                "bowling climbing bouldering hiking skating swimming dancing running cycling "
                "kayaking surfing karting camping skiing clubbing walking paddleboarding"
            ),
            _needs("let's lets"),
        ),
    ),
    _cue(
        "let's get one going",
        # "let's get a brunch going", "let's plan a quiz night", not "let's get the build going"
        r"\blet'?s\s+(?:get|start|plan|organi[sz]e|arrange|book|sort(?:\s+out)?|set\s+up|kick\s+off)"
        r"\s+(?:a|an|one|some|our|the\s+first|a\s+regular|a\s+monthly|a\s+weekly)\s+"
        rf"(?:[\w-]+\s+){{0,2}}?(?:{_ACT}|meet(?:up)?s?|hangout|get[-\s]together)\b",
        (
            "let's get a brunch going one of these weekends",
            "let's plan a quiz night",
            "let's plan one meet in chennai next month",
        ),
        needs=(frozenset({*_ACT_NEEDS, "meet", "meets"}), _needs("let's lets")),
    ),
    _cue(
        "an idea floated",
        r"\b(?:(?:idea|proposal|suggestion|pitch|hear\s+me\s+out)\s*[:—–-]|proposing|propose|"
        r"who'?s\s+for|why\s+don'?t\s+we|shall\s+we)"
        rf"[^.!?\x00]{{0,40}}?\b(?:{_ACT}|meetups?|hangout|get[-\s]together)\b|"
        r"\b(?:thoughts\s+on|how\s+(?:do|would)\s+(?:we|people|y'?all|you\s+all|folks)\s+feel\s+"
        r"about|any\s+interest\s+in|would\s+(?:people|folks|anyone|y'?all|you\s+all)\s+be\s+"
        r"(?:into|up\s+for|keen\s+on|interested\s+in))\s+(?:a|an|some|another|doing|having|"
        r"getting|organi[sz]ing)\s+(?:[\w-]+\s+){0,2}?"
        rf"(?:{_ACT}|meetups?|hangout|get[-\s]together|social)\b",
        (
            "idea: monthly coworking day at a café",
            "ok hear me out: board game café, thursday, 7ish",
            "proposing a picnic in the park next saturday",
            "why don't we do karaoke after the talk",
            "thoughts on a picnic in the botanic gardens next sunday?",
            "any interest in a walking group on saturday mornings?",
        ),
        needs=(
            frozenset({*_ACT_NEEDS, "meetup", "meetups", "hangout", "together"}),
            _needs(
                "idea proposal suggestion pitch hear proposing propose who's whos why shall "
                "thoughts feel interest would"
            ),
        ),
    ),
    _cue(
        "how about one on friday",
        rf"\b(?:how|what)\s+about\s+(?:a\s+|an\s+|some\s+)?(?:[\w-]+\s+)?{_ACT}\b"
        rf"[^.!?\x00]{{0,30}}?\b{_PLAN_DAY}\b|"
        r"\b(?:how|what)\s+about\s+we\s+(?:all\s+)?(?:go\s+out|go|grab|get|do|have|meet|head)\b"
        rf"[^.!?\x00]{{0,40}}?\b(?:{_ACT}|meetups?|hangout|get[-\s]together)\b",
        (
            "how about a curry on friday?",
            "how about we all go out for dinner after the workshop?",
        ),
        needs=(
            frozenset({*_ACT_NEEDS, "meetup", "meetups", "hangout", "together"}),
            _needs("about"),
            frozenset(
                _needs("we tonight tomorrow tmrw weekend week work later soon sometime")
                | {
                    d + s
                    for d in "mon tue tues wed wednes thu thurs fri sat satur sun".split()
                    for s in ("", "day")
                }
            ),
        ),
    ),
    _cue(
        "organising one, interested?",
        r"\b(?:put(?:ting)?\s+together|organi[sz](?:e|ing)|plan(?:ning)?|arrang(?:e|ing)|"
        r"set(?:ting)?\s+up|throw(?:ing)?|start(?:ing)?|host(?:ing)?)\s+(?:a|an|some)\s+"
        rf"(?:[\w-]+\s+){{0,2}}?(?:{_ACT}|social)\b[^\x00]{{0,60}}?"
        r"(?:\binterested\b|\bkeen\s*\?|\bany(?:one|body)\s*(?:\?|in\b|keen|interested|up\b|down\b|"
        r"fancy|wanna|want|joining|coming)|\bwho'?s\s+(?:in|keen|up|down)\b|\bthoughts\b|"
        r"\bif\s+(?:there'?s|there\s+is|people|folks|enough|others|you|any))",
        (
            "thinking of putting together a little dinner for the pune lot, interested?",
            "planning a picnic on the 5th, who's in?",
        ),
        needs=(
            frozenset({*_ACT_NEEDS, "social"}),
            _needs(
                "put putting organise organize organising organizing plan planning arrange "
                "arranging set setting throw throwing start starting host hosting"
            ),
            _needs("interested keen anyone anybody who's whos thoughts if"),
        ),
    ),
    _cue(
        "someone organise one",
        r"\b(?:someone|somebody|anyone|anybody|can\s+we|could\s+we|can\s+someone|pls|please|plz)\s+"
        r"(?:pls\s+|please\s+|plz\s+|just\s+|finally\s+)?(?:organi[sz]e|plan|arrange|set\s+up|"
        r"sort(?:\s+out)?|put\s+on|throw|book|organi[sz]ing|planning|arranging|throwing|hosting|"
        r"putting\s+on)\s+(?:a|an|some|the|any)\s+(?:[\w-]+\s+){0,2}?"
        rf"(?:{_ACT}|get[-\s]together|social)\b",
        (
            "someone organise a karaoke night and i'm there",
            "can we please plan a picnic",
            "is anyone organising a christmas drinks thing this year?",
        ),
        needs=(
            frozenset({*_ACT_NEEDS, "together", "social"}),
            _needs(
                "organise organize plan arrange set sort put throw book organising organizing "
                "planning arranging throwing hosting putting"
            ),
            _needs("someone somebody anyone anybody can could pls please plz"),
        ),
    ),
    _cue(
        "if people are keen",
        rf"\b(?:{_ACT}|book|booking|bookings|reserve|"
        r"organi[sz]e(?!\s+(?:the|my|our|this|that|your|their|it|them)\b))"
        r"\b[^.!?\x00]{0,60}?\bif\s+(?:(?:there'?s|there\s+is|there\s+are)\s+(?:enough\s+|any\s+|"
        r"some\s+)?(?:interest|takers)|(?:people|folks|enough\s+(?:people|folks|of\s+(?:you|us))|"
        r"others|a\s+few\s+(?:of\s+)?(?:you|us|people)|you\s+lot|y'?all|you\s+guys|\d+\+?|"
        r"two|three|four|five|six)"
        r"(?:'re|\s+are|'s|\s+is)?\s+(?:keen|interested|up\s+for\s+it|game|down|in)\b)",
        (
            "happy to book a table if people are keen",
            "pub quiz on the 30th? i'll book if there's interest",
            "sunday roast somewhere if enough of you are keen",
            "i can sort the booking if 4+ are keen",
        ),
        needs=(
            _ACT_NEEDS | _needs("book booking bookings reserve organise organize"),
            _needs("if"),
        ),
    ),
    _cue(
        "book a table",
        r"\b(?:book|reserve|grab|snag|sort)\s+(?:us\s+)?(?:a|the)\s+(?:big\s+|long\s+|large\s+|"
        r"bowling\s+|tennis\s+|padel\s+|squash\s+|badminton\s+)?(?:table|lanes?|court|pitch|booth)"
        r"\b(?!\s+(?:of|with|for\s+(?:the|each|this|that))\b)",
        ("i'll sort the lane", "happy to book a table", "i'll grab us a big table"),
        needs=(_needs("book reserve grab snag sort"), _needs("table lane lanes court pitch booth")),
    ),
    _cue(
        "come along.",
        # a bare invitation at a clause's end ("..., come join"); not "hard to come by."
        r"\b(?:come\s+(?:and\s+)?(?:say\s+(?:hi|hello)|join(?:\s+(?:me|us))?|along|"
        r"find\s+(?:me|us))|swing\s+by|pop\s+(?:by|over|along|round)|drop\s+by|pull\s+up|roll\s+up)"
        r"(?=\s*(?:[.!,;)]|$))",
        (
            "i'll be at the library cafe coworking all afternoon, come join",
            "come along!",
            "pull up.",
        ),
        needs=(
            _needs("come swing pop drop pull roll"),
            _needs("say join along find by over round up"),
        ),
    ),
    _cue(
        "come say hi",
        # an invitation with a condition or an outing after it ("come say hi if you're
        # about", "join us for drinks"); not "excited to have Priya join us!"
        r"\b(?:(?:come\s+(?:and\s+)?(?:say\s+(?:hi|hello)|join(?:\s+(?:me|us))?|along|by|over|"
        r"find\s+(?:me|us)|thru|through)|swing\s+(?:by|past|through)|pop\s+(?:by|in|over|along|round)|"
        r"drop\s+by|stop\s+by|pull\s+up|roll\s+(?:up|through|thru)|join\s+(?:me|us)|"
        r"find\s+(?:me|us)|join(?=\s+if\b))\b"
        r"(?!\s+(?:(?:on|in|to|by|at)\s+)?(?:the\s+|my\s+)?(?:call|zoom|meet|huddle|stream|channel|thread|"
        r"server|discord|slack|desk|office|\#))"
        r"[^.!?\x00]{0,40}?(?:\bif\s+(?:you'?re|you\s+are|u\s*r|ur|you|u|anyone'?s?|anybody'?s?)"
        r"\s+(?:\w+\s+)?(?:about|around|free|nearby|near|close|want|wanna|keen|fancy|like|bored|"
        r"in\s+the\s+area|up\s+for\s+it)\b|"
        rf"\b(?:for|at|to)\s+(?:a\s+|an\s+|some\s+|the\s+)?(?:{_ACT}|{_VENUE})\b))",
        (
            "come say hi if you're about",
            "swing by if u want",
            "join us for drinks on friday",
            "pop over if you're nearby",
            "pull up if you're nearby",
            "i'll be at the dev conf afterparty tonight, find me for a beer",
            "come thru to the rooftop, we're here till late",
            "i'll be at the park with a frisbee from 4, join if you like",
        ),
        needs=(
            _needs("come swing pop drop stop join pull roll find"),
            frozenset({"if", *_ACT_NEEDS, *_VENUE_WORDS}),
        ),
    ),
    _cue(
        "activity buddies",
        r"\b(?:need|needs|needing|looking\s+for|seeking|searching\s+for|want|wanted)\s+"
        rf"(?:a\s+|an\s+|some\s+|more\s+|new\s+)?{_ACT}\s+(?:buddy|buddies|partner|partners|pals?|"
        r"mates|company|crew|squad)\b|"
        rf"\b{_ACT}\s+(?:buddy|buddies|partners?|pals?|mates|company|crew)\s+(?:wanted|needed|required|"
        r"sought)\b",
        (
            "need climbing buddies for wednesday nights",
            "looking for a running buddy",
            "hiking buddies wanted for saturday",
        ),
        needs=(
            _ACT_NEEDS,
            _needs("buddy buddies partner partners pal pals mates company crew squad"),
            _needs(
                "need needs needing looking seeking searching want wanted needed required sought"
            ),
        ),
    ),
    _cue(
        "my shout",
        # "on me" looked for before the dishes (one short look-ahead, not _FOOD's words)
        rf"\b(?:i'?m\s+buying(?=\s*[^\w\s]|\s*$)|(?=(?:[\w'-]+\s+){{1,4}}?on\s+me\b)(?:{_FOOD}|"
        r"first\s+round|rounds?|"
        r"next\s+round)(?:'s|\s+is|\s+are|'re)?\s+on\s+me\b|(?:it'?s\s+)?my\s+(?:shout|treat)"
        r"(?=\s*(?:[^\w\s-]|$))|first\s+round(?:'s|\s+is)\s+mine\b|"
        r"i'?ll\s+(?:get|buy)\s+(?:the\s+)?(?:first\s+)?(?:round|drinks|coffees?|beers?|pints?)\b)",
        (
            "coffee and a chat this week? i'm buying",
            "first round's on me",
            "brunch, my treat",
            "drinks at the usual on thurs? first round's mine",
        ),
        needs=(
            frozenset(
                {*_FOOD_NEEDS, *(w + "'s" for w in _FOOD_WORDS)}
                | _needs("buying shout treat round round's rounds")
            ),
            _needs("me buying shout treat mine i'll ill"),
            _needs("buying on shout treat mine get buy"),
        ),
    ),
    _cue(
        "meet at a venue",
        rf"\bmeet(?:\s+up)?\s+(?:at|in|by|outside|near)\s+(?:the|a|our|that|this)\s+"
        rf"(?:[\w'-]+\s+)?{_VENUE}\b",
        ("meet at the usual bar after work?", "meet up at the beer garden"),
        needs=(_needs("meet"), frozenset(_VENUE_WORDS)),
    ),
    _cue(
        "always up for one",
        # the speaker, named or by a clause with no subject ("my flatmate is always up for a
        # pint" is someone else)
        r"(?:\b(?:i'?m|im|i\s+am|i'?d\s+be|i\s+would\s+be)\s+|(?:^|(?<=[.!?\n,]))\W*)"
        r"(?:(?:so|totally|definitely|def|well|also|always|usually|forever)\s+)*(?:up|down|game|keen)\s+"
        r"for\s+"
        rf"(?:a\s+|an\s+|some\s+)?(?:[\w-]+\s+)?{_ACT}\b",
        (
            "always up for a pint with people from here",
            "i'm down for karaoke",
            "keen for a coffee if anyone's in the cbd this week",
        ),
        needs=(_needs("up down game keen"), _ACT_NEEDS, _needs("for")),
    ),
    _cue(
        "show you around",
        r"\b(?:show|take)\s+(?:you|anyone|anybody|folks|people|y'?all|you\s+all|visitors|"
        r"newcomers|you\s+guys)\s+(?:\w+\s+)?around\b"
        r"(?!\s+(?:the|our|my|this|that|your)\s+(?!city|town|area|neighbou?rhood|place|cent(?:re|er)"
        r")\w)",
        ("happy to show anyone visiting around", "i'll show you around town"),
        needs=(_needs("around"), _needs("show take")),
    ),
    _cue(
        "meet a few of you",
        r"\b(?:meet|meeting|hang(?:\s+out)?\s+with)\s+(?:up\s+with\s+)?(?:a\s+few|a\s+couple|some|"
        r"more|the\s+rest|a\s+bunch|loads|lots|all|any|each|most|many|one\s+or\s+two)\s+of\s+"
        r"(?:you|y'?all|ya|u|the\s+[\w-]+\s+(?:crew|folks|people|gang|lot|locals))\b",
        ("would be ace to actually meet a few of you", "hang out with a couple of you"),
        needs=(_needs("meet meeting hang"), _needs("of")),
    ),
    _cue(
        "get to know offline",
        r"\b(?:get\s+to\s+know|meet|hang(?:\s+out)?\s+with|chat\s+with|see)\b[^.!?\x00]{0,30}?"
        r"\b(?:offline|in\s+the\s+flesh|away\s+from\s+(?:the\s+)?(?:screen|keyboard|internet|"
        r"computer)|irl|in\s+person|in\s+real\s+life|face\s+to\s+face)\b",
        (
            "i'd really like to get to know some of you offline",
            "meet you lot in the flesh",
            "would be lovely to see a few of you in person",
        ),
        needs=(
            _needs("offline flesh away irl person real face"),
            _needs("know meet hang chat see"),
        ),
    ),
    _cue(
        "group, a plan floated",
        r"(?:^|(?<=[.!?\n]))\W*(?:[\w'-]+\s+){0,2}?(?:"
        + "|".join(_GROUP_NOUNS)
        + r")\s*[?!:,—–-]+\s*(?:thinking|how\s+about|what\s+about|proposing|fancy|shall\s+we|"
        r"let'?s|who'?s\s+(?:up|in|keen|down|free)|idea|plan\s+is)\b[^\x00]{0,60}?"
        rf"\b(?:{_ACT}|" + "|".join(_SAFE_VENUE_WORDS) + r")\b",
        (
            "climbers? thinking the bouldering gym saturday morning",
            "runners! thinking a slow 5k by the beach sunday, then coffee",
        ),
        needs=(
            frozenset({*_ACT_NEEDS, *_SAFE_VENUE_WORDS}),
            frozenset(_GROUP_NOUNS),
            _needs("thinking how what proposing fancy shall let's lets who's whos idea plan"),
        ),
    ),
    _cue(
        "if we do one",
        r"\b(?:if|when|once|next\s+time)\s+we\s+(?:all\s+)?(?:do|organi[sz]e|plan|throw|host|"
        r"go\s+for|book)\s+(?:a\s+|an\s+|some\s+|the\s+)?(?:[\w-]+\s+){0,2}?"
        rf"{_ACT}\b",
        ("i'll bring the snacks if we do a board game arvo", "next time we do drinks"),
        needs=(_ACT_NEEDS, _needs("we"), _needs("if when once time")),
    ),
    _cue(
        "at someone's place",
        r"\bat\s+(?:someone'?s|somebody'?s|one\s+of\s+our)\s+(?:place|house|flat|apartment|"
        r"houses|places|flats)\b",
        ("a board game arvo at someone's place",),
        needs=(
            _needs("place house flat apartment houses places flats"),
            _needs("someone's someones somebody's somebodys one"),
        ),
    ),
    _cue(
        "when are we doing one",
        r"\bwhen\s+(?:are|r|do|should|shall|can)\s+we\s+(?:all\s+)?(?:doing|having|getting|grabbing|"
        r"going\s+for|do|have|get|grab|go\s+for|organi[sz]ing)\s+(?:a\s+|an\s+|some\s+|the\s+next\s+|"
        rf"another\s+)?{_ACT}\b|\bwhen'?s\s+the\s+next\s+(?:{_ACT}|meetup|hangout|get[-\s]together)\b",
        ("so when are we doing drinks?? 🍻", "when's the next picnic"),
        needs=(
            frozenset({*_ACT_NEEDS, "meetup", "hangout", "together"}),
            _needs("when when's whens"),
            _needs("we next"),
        ),
    ),
    _cue(
        "people somewhere, food?",
        r"\b(?:ppl|fam|gang|squad|lads|y'?all|friends|nerds|geeks)\b(?:\s+(?:in|of|from|"
        rf"around)\s+[\w-]+(?:\s+[\w-]+)?)?\s*[:—–,-]+\s*{_NOT_A_PLAN_AHEAD}[^.!?\x00]{{0,40}}?\b"
        rf"(?:{_ACT}|[\w-]+\s+(?:night|nite|evening|sesh|session|outing))\b[^.!?\x00]{{0,30}}\?",
        (
            "ppl in austin, taco crawl this weekend??",
            "lads — footy in the park sunday?",
            "seoul friends, chimaek night soon?",
        ),
        needs=(
            _needs("ppl fam gang squad lads y'all yall friends nerds geeks"),
            _ACT_NEEDS | _needs("night nite evening sesh session outing"),
        ),
        mark="?",
    ),
    _cue(
        "outing, anyone?",
        rf"(?:^|[^\w\s]\s*|\b(?:so|ok|okay|hey|also)\s+){_OUTING}\b(?:[^.!?\x00]{{0,30}}[?,:—-]+"
        r"[^.!\x00]{0,12}|(?:\s+[\w-]+)?\s+)\b(?:anyone|anybody|who|y'?all|takers)\b(?!\s+else\b)",
        ("tennis doubles anyone? need a 4th for sat", "escape room friday, anyone?"),
        needs=(_OUTING_NEEDS, _needs("anyone anybody who y'all yall takers")),
    ),
    _cue(
        "tempt anyone",
        r"\b(?:tempt|convince|persuade|drag|lure|rope\s+in)\s+(?:anyone|anybody|any\s+of\s+you|"
        r"some\s+of\s+you|you\s+lot|y'?all|you\s+all|people|folks)\s+(?:in)?to\s+(?:a\s+|an\s+|"
        rf"some\s+|the\s+)?(?:[\w-]+\s+){{0,2}}?{_ACT}\b",
        ("can i tempt anyone to a sunday roast?", "can i drag any of you to the climbing gym"),
        needs=(_ACT_NEEDS, _needs("tempt convince persuade drag lure rope")),
    ),
    _cue(
        "love one with locals",
        r"\b(?:would|'d|id|i'd)\s+love\s+(?:a|an|some|to\s+(?:grab|hang|explore|eat|drink))\b"
        r"[^.!?\x00]{0,40}?\bwith\s+(?:some\s+|"
        r"any\s+|a\s+few\s+|the\s+|other\s+)?(?:locals|[\w-]+\s+(?:folks|people|peeps|crew|locals)|"
        r"fellow\s+[\w-]+|"
        r"(?:folks|people)\s+from\s+here|y'?all)\b",
        (
            "would love a pastel de nata with some locals",
            "ngl would love a beer with some fellow rustaceans",
        ),
        needs=(
            # first: the people, not "love" or "with" (common on their own)
            _needs("locals folks people peeps crew y'all yall fellow"),
            _needs("love"),
            _needs("with"),
        ),
    ),
    _cue(
        "we could do one",
        r"\b(?:we|could\s+we|can\s+we|we\s+can)\s+(?:could\s+|can\s+|might\s+|maybe\s+|totally\s+|"
        r"always\s+|all\s+)*(?:do|grab|get|have|go\s+for|organi[sz]e|plan)\s+(?:a|an|some)\s+"
        rf"(?:[\w-]+\s+){{0,2}}?{_ACT}\b",
        (
            "any chance we could do a picnic before summer ends?",
            "could we maybe do a coffee morning sometime",
        ),
        needs=(_ACT_NEEDS, _needs("we")),
    ),
    _cue(
        "catch up over a pint",
        r"\b(?:catch(?:ing)?\s+up|chat|natter|yarn|debrief)\s+over\s+(?:a\s+|an\s+|some\s+)?"
        rf"(?:[\w-]+\s+)?{_FOOD}\b",
        ("let's catch up over a pint soon", "would love to chat over coffee"),
        needs=(_FOOD_NEEDS, _needs("over")),
    ),
    _cue(
        "food if anyone's in town",
        rf"\b{_ACT}\b[^.!?\x00]{{0,40}}?\bif\s+(?:anyone|anybody|any\s+of\s+you|you)"
        r"(?:'s|\s+is|\s+are|'re)?\s+(?:in|near|around|about|nearby|close)\b",
        ("keen for a coffee if anyone's in the cbd this week",),
        needs=(_ACT_NEEDS, _needs("if")),
    ),
    _cue(
        "let's do something irl",
        r"\b(?:let'?s|we\s+should|we\s+gotta|we\s+need\s+to)\s+(?:all\s+)?(?:do|plan|organi[sz]e)\s+"
        r"(?:something|a\s+thing|stuff)\s+(?:irl|in\s+person|in\s+real\s+life|together)\b",
        ("lets do something irl soon", "we should do something together soon"),
        needs=(
            _needs("irl person real together"),
            _needs("something thing stuff"),
            _needs("let's lets we"),
        ),
    ),
    _cue(
        "an ask about an outing",
        # A question to the group naming an outing in any order ("y'all tryna get wings after
        # the game thursday?", "a book club irl, would anyone come?"): a fallback, so a word
        # of a question about a dish, a past or a screen rules it out ("anyone know a good
        # pizza place?", "did anyone try the ramen?", "anyone else think it looks like a pizza?").
        r"(?:^|(?<=[.!?\n]))"
        r"(?=[^.!?\n\x00]*?\b(?:anyone|anybody|any\s+takers|who'?s\s+(?:up|down|keen|in|free|around|"
        r"game|coming|joining|interested)|who\s+(?:wants|wanna|fancies|is\s+(?:up|down|keen|in|free|"
        r"around|game|coming))|who'?d|y'?all|you\s+guys|you\s+all|folks|peeps|ppl|crew|gang|mates|"
        r"fam|any\s+(?:other\s+|fellow\s+)?(?:[\w-]+\s+)?[\w-]+s|any\s+of\s+you|would\s+you|you\s+in|"
        r"u\s+in|any1|ne1|guys)\b)"
        rf"(?=[^.!?\n\x00]*?\b(?:{_ACT}|irl|in\s+person|in\s+real\s+life|meetups?|hangout|"
        r"get[-\s]together)\b)"
        r"(?![^.!?\n\x00]*?\b(?:recs?|recommend\w*|suggest\w*|know|knows|knew|think|thinks|thought|"
        r"tried|try|seen|saw|watch\w*|favou?rite|best|good|decent|place|places|spot|spots|where|which|"
        r"what|how|why|ever|else|like|likes|liked|prefer|opinions?|did|was|were|had|has|have|made|"
        r"brought|ate|left|took|recipes?|menu|prices?|cost|cheap|expensive|deliver\w*|order\w*|spare|"
        r"tickets?|sell\w*|buy\w*|open|closed|allerg\w*|vegan|gluten|diet|calories|remember|miss\w*|"
        r"reviews?|rate|rating|apps?|online|virtual|zoom|stream|call|into|fans?|support|is|are|isn't|"
        r"aren't|take|belongs?|finished|last|much|many)\b)"
        r"[^.!?\n\x00]*\?",
        (
            "y'all tryna get wings after the game thursday?",
            "lowkey want to start a monthly book club irl, would anyone come?",
            "denver ppl — anyone wanna ski together at some point this winter?",
            "any1 wanna get lunch?",
            "any plans for an outing this sunday guys?",
        ),
        needs=(
            frozenset({*_ACT_NEEDS, *"irl person real meetup meetups hangout together".split()}),
            _needs(
                "anyone anybody takers who's whos who who'd whod y'all yall guys you folks peeps "
                "ppl crew gang mates fam any u"
            ),
        ),
        mark="?",
    ),
    _cue(
        "who's joining",
        rf"\b{_ACT}\b[^\x00]{{0,60}}?\bwho'?s\s+(?:joining|hosting|with\s+me|bringing|"
        r"organi[sz]ing)\b",
        ("potluck szn!! who's hosting this time 👀", "sunday brunch club is back, who's joining?"),
        needs=(_needs("who's whos"), _ACT_NEEDS),
    ),
    _cue(
        "need one more",
        rf"\b{_ACT}\b[^\x00]{{0,60}}?\bneed\s+(?:a|one|two|three|1|2|3|another|an\s+extra)\s+"
        r"(?:more\b|\d(?:st|nd|rd|th)\b|third|fourth|fifth|sixth|extra|player|players|person|people)",
        ("trivia tuesdays at o'malley's, we need a 5th, dm me", "5-a-side thurs, need two more"),
        needs=(_ACT_NEEDS, _needs("need")),
    ),
    _cue(
        "holler if keen",
        rf"\b{_ACT}\b[^\x00]{{0,80}}?\b(?:holler|shout|hmu|hit\s+me\s+up|dm\s+me|ping\s+me|"
        r"message\s+me|lmk|let\s+me\s+know|give\s+(?:me\s+)?a\s+(?:shout|yell)|reply|react)\b"
        r"[^.!?\x00]{0,20}?\bif\s+(?:you'?re\s+|ur\s+|u\s+r\s+|you\s+are\s+|anyone'?s\s+|anyone\s+is\s+|"
        r"you\s+)?(?:keen|interested|in|down|up\s+for\s+it|game|coming|free|around|fancy|want|wanna|"
        r"can\s+make\s+it|can\s+come)\b|"
        r"\b(?:holler|hmu|hit\s+me\s+up|dm\s+me|ping\s+me|message\s+me|lmk|let\s+me\s+know|"
        r"give\s+(?:me\s+)?a\s+(?:shout|yell)|shout)\s+if\s+(?:you|anyone|anybody|u|ya)\s+(?:\w+\s+)?"
        r"(?:want|wanna|fancy|keen|up\s+for|down\s+for|feel\s+like)\s+(?:to\s+)?(?:[\w-]+\s+){0,3}?"
        rf"{_ACT}\b",
        (
            "bouldering sesh tmrw 6pm, all levels, holler if keen",
            "hmu if you want to get a coffee in austin while i'm there next week",
        ),
        needs=(
            _ACT_NEEDS,
            _needs("holler shout hmu hit dm ping message lmk let give reply react"),
            _needs("if"),
        ),
    ),
    _cue(
        "find people to",
        r"\b(?:find|meet|make|looking\s+for|look\s+for|searching\s+for|seeking)\s+"
        r"(?:some\s+|a\s+few\s+|more\s+|new\s+)?(?:people|folks|friends|"
        r"buddies|mates|peeps|locals)\s+(?:to|for)\s+(?:grab|hang|get|go|explore|eat|drink|"
        rf"{_ACT})\b",
        (
            "would love to find some people to grab a coffee with",
            "looking for folks to hang out with on weekends",
        ),
        needs=(
            _needs("people folks friends buddies mates peeps locals"),
            _needs("find meet make looking look searching seeking"),
        ),
    ),
    _cue(
        "fancy doing one",
        r"\b(?:fancy|fancies)\s+(?:doing|going\s+(?:for|to|out\s+for)|heading\s+(?:for|to|out\s+for)|"
        r"trying|having|hitting|catching)\s+(?:a\s+|an\s+|some\s+|the\s+)?(?:[\w-]+\s+){0,2}?"
        rf"{_ACT}\b",
        ("fancy doing a pub lunch in york at some point?",),
        needs=(_needs("fancy fancies"), _ACT_NEEDS),
    ),
    _cue(
        "i'm hosting one, come",
        r"\b(?:i'?m|we'?re|i\s+am|we\s+are|i'?ll\s+be|we'?ll\s+be|gonna\s+be|will\s+be)\s+(?:hosting|"
        r"throwing|having|running|organi[sz]ing|putting\s+on)\s+(?:a|an|some|our|my)\s+"
        rf"(?:[\w-]+\s+){{0,2}}?{_ACT}\b[^\x00]{{0,80}}?\b(?:dm|message|ping|hmu|address|all\s+welcome|"
        r"everyone'?s?\s+welcome|come|join|rsvp|details|spots?|spaces?|room\s+for|"
        r"if\s+(?:anyone|anybody|you|people|folks))\b",
        ("i'm hosting a small games night friday, dm for the address",),
        needs=(
            _ACT_NEEDS,
            _needs("hosting throwing having running organising organizing putting"),
            _needs(
                "dm message ping hmu address welcome come join rsvp details spot spots space "
                "spaces room if"
            ),
        ),
    ),
    _cue(
        "take me out for one",
        # asked of the group, not a wish ("a boyfriend who will take me to concerts")
        r"\b(?:someone|somebody|anyone|anybody|locals?|pls|please|plz|who'?ll|who\s+wants\s+to)\s+"
        r"(?:please\s+|pls\s+|plz\s+)?(?:take|show|drag|get)\s+me\s+(?:out\s+of\s+(?:the\s+|my\s+)?"
        r"(?:house|flat|apartment)\s+)?(?:to|for|out\s+for|out\s+to|around)\b"
        r"[^.!?\x00]{0,40}?"
        rf"\b{_ACT}\b",
        (
            "someone in bengaluru please take me to a good darshini for breakfast",
            "can someone please drag me out of the house for a walk this weekend",
        ),
        needs=(
            _ACT_NEEDS,
            _needs("take show drag get"),
            _needs("someone somebody anyone anybody local locals pls please plz who'll wholl who"),
        ),
    ),
    _cue(
        "if anyone's up for it, one",
        r"\bif\s+(?:anyone|anybody|any\s+of\s+you|you|people|folks)(?:'s|\s+is|'re|\s+are)?\s+"
        r"(?:up\s+for\s+it|keen|interested|game|down|fancies\s+it|fancy\s+it)\b[^.!?\x00]{0,60}?"
        rf"\b{_ACT}\b",
        ("if anyone's up for it, i'm doing the 10k on sunday and then brunch after",),
        needs=(_ACT_NEEDS, _needs("if")),
    ),
    _cue(
        "fun to do one with you",
        r"\b(?:would|'d|it'?d)\s+be\s+(?:so\s+|really\s+)?(?:fun|great|nice|cool|lovely|ace|awesome|"
        r"good)\s+to\s+(?:do|have|get|grab|go\s+(?:on|for))\s+(?:a|an|some)\s+(?:[\w-]+\s+){0,2}?"
        rf"{_ACT}\b[^.!?\x00]{{0,20}}?\bwith\s+(?:some\s+of\s+)?(?:you|y'?all|folks|people|everyone|"
        r"the\s+[\w-]+\s+(?:crew|folks|people))\b",
        ("would be fun to do a späti crawl with some of you",),
        needs=(
            _ACT_NEEDS,  # first: its words are looked for anyway ("with", "good" are common)
            _needs("with"),
            _needs("fun great nice cool lovely ace awesome good"),
            _needs("do have get grab go"),
        ),
    ),
    _cue(
        "meet halfway",
        # "let's meet halfway — Utrecht?" (not "meet you halfway on tabs": NOT_INTENT)
        r"\bmeet\s+(?:up\s+)?(?:halfway|half\s+way|in\s+the\s+middle)\b(?!\s+(?:on|about|with|re)\b)",
        ("meet halfway in reading for lunch?", "let's meet halfway — utrecht?"),
        needs=(_needs("meet"), _needs("halfway half middle")),
    ),
    _cue(
        "love company",
        r"\b(?:would|'d|i'd|id)\s+(?:love|like|enjoy|appreciate)\s+(?:some\s+)?company\s+"
        r"(?:on|for|at|during|while)\b",
        ("would love company on my long runs",),
        needs=(_needs("company"), _needs("love like enjoy appreciate")),
    ),
    _cue(
        "link up",
        # "wanna link up this weekend?", "let's link when you're in town"; not "link the PR"
        r"\b(?:wanna|want\s+to|let'?s|lets|we\s+should|down\s+to|tryna|trying\s+to|gotta|should)\s+"
        r"link(?:\s+up)?\b(?!\s+(?:the|a|an|this|that|these|those|it|them|my|your|our|to|in|"
        r"with\s+(?:the|a|an|this|that|it|my|our)\b))",
        ("wanna link up this weekend? been a minute", "let's link when you're in town"),
        needs=(_needs("link"), _needs("wanna want let's lets should down tryna trying gotta")),
    ),
    _cue(
        "who's tryna hang",
        rf"\b(?:{_WHO}|i'?m|we'?re|any1)\s+(?:\w+\s+)?(?:tryna|trynna|finna|bouta)\s+(?:hang|meet|"
        rf"link|grab|get|go\s+out|do\s+something|{_ACT})\b",
        ("who's tryna hang saturday",),
        needs=(_needs("tryna trynna finna bouta"),),
    ),
    _cue(
        "catch up",
        # "anyone keen to catch up for a coldie?", "fancy a catch-up over breakfast?"; not
        # "free to catch up on the incident?"
        rf"(?:\b(?:{_WHO}|any\s+[\w-]+s|any1)\b[^.!?\x00]{{0,30}}?\b(?:keen|want|wants|wanna|free|up|"
        r"down|fancy|fancies|tryna)\s+(?:for\s+|to\s+)?(?:a\s+|an\s+)?|\b(?:fancy|fancies)\s+a\s+"
        r"(?:quick\s+|proper\s+)?)catch[-\s]?up\b(?!\s+(?:on|about|re)\b)",
        (
            "anyone keen to catch up for a coldie friday arvo?",
            "fancy a catch-up over breakfast?",
        ),
        needs=(_needs("catch catchup"),),
    ),
    _cue(
        "at ours",
        r"\bat\s+ours\b",
        ("dinner at ours sunday",),
        needs=(_needs("ours"), _needs("at")),
    ),
    _cue(
        "@ mine",
        r"@\s*(?:mine|ours)\b",
        ("pizza + beer + board games @ mine sat 7pm",),
        needs=(_needs("mine ours"),),
        mark="@",
    ),
    _cue(
        "all the gang welcome",
        r"\ball\s+(?:the\s+)?(?:[\w-]+\s+)?(?:gang|crew|folks|people|peeps|members|locals|friends|"
        r"lot)\s+(?:are\s+)?(?:welcome|invited)\b",
        ("all the jaipur gang welcome",),
        needs=(
            _needs("welcome invited"),
            _needs("gang crew folks people peeps members locals friends lot"),
            _needs("all"),
        ),
    ),
    _cue(
        "love 2 meet u",
        r"\b(?:wld|wd|wud|would|'d|i'd|id)\s+(?:love|like|luv)\s+(?:2|to)\s+(?:meet|hang\s+with)\s+"
        r"(?:u|ya|yall|y'all|you)(?:\s+(?:all|guys|lot|lovely\s+lot))?\b",
        ("wld love to meet u all",),
        needs=(_needs("meet hang"), _needs("wld wd wud would i'd id love like luv")),
    ),
    _cue(
        "irl? i'd come",
        r"\b(?:irl|in\s+person|in\s+real\s+life)\s*\?+\s*(?:i'?d\s+(?:come|be\s+there|join|go)|"
        r"count\s+me\s+in|i'?m\s+in|would\s+come|who'?s\s+in)",
        ("office hours irl? i'd come",),
        needs=(_needs("irl person real"),),
        mark="?",
    ),
    _cue(
        "if anyone fancies catching up",
        r"\bif\s+(?:anyone|anybody|any\s+of\s+you|you)(?:'s|\s+is|\s+are|'re)?\s+(?:fancies|fancy|"
        r"wants?\s+to|keen\s+to|up\s+for|down\s+(?:to|for))\s+(?:catching\s+up|a\s+catch[-\s]?up|"
        r"meeting\s+up|a\s+meetup|hanging\s+out|a\s+hang)\b",
        ("i'm around bristol till friday if anyone fancies catching up",),
        needs=(_needs("catching catch catchup meeting meetup hanging hang"), _needs("if")),
    ),
    _cue(
        "how's everyone fixed for one",
        r"\bhow'?s\s+(?:everyone|everybody|people|y'?all|the\s+[\w-]+\s+crew)\s+(?:fixed\s+|looking\s+|"
        rf"placed\s+|set\s+)?for\s+(?:a\s+|an\s+|some\s+)?(?:[\w-]+\s+)?{_ACT}\b",
        ("how's everyone fixed for a pint on thursday?",),
        needs=(
            _ACT_NEEDS,
            _needs("how's hows"),
            _needs("everyone everybody people y'all yall crew"),
        ),
    ),
    _cue(
        "still keen to do one?",
        r"(?:^|(?<=[.!?\n,]))\W*(?:(?:still|anyone|you|y'?all|u)\s+)?(?:keen|up|down|game)\s+(?:to|for)\s+"
        r"(?:(?:do|grab|get|have|go\s+for|try)\s+)?(?:that|the|a|an|some|our)?\s*(?:[\w-]+\s+){0,2}?"
        rf"{_ACT}\b[^.!?\x00]{{0,40}}\?",
        ("still keen to do that board game evening we talked about?",),
        needs=(_ACT_NEEDS, _needs("keen up down game")),
        mark="?",
    ),
    _cue(
        "dish dish day?",
        # "breakfast tacos tomorrow?": two words of a dish before the day ("food at a time?"
        # reads one)
        rf"(?:^|(?<=[.!?\n:—,-]))\W*(?:[\w-]+\s+)?{_FOOD}\s+(?:[\w-]+\s+)?{_PLAN_DAY}\b"
        r"[^?\x00]{0,20}\?",
        ("breakfast tacos tomorrow? i know a spot",),
        needs=(_FOOD_NEEDS,),
        mark="?",
    ),
    _cue(
        "grab one sometime?",
        r"(?:^|(?<=[.!?\n:—,-]))\W*(?:grab|get|do|have|go\s+for)\s+(?:a\s+|an\s+|some\s+)?"
        rf"(?:[\w-]+\s+)?{_FOOD}\b[^?\x00]{{0,30}}\?",
        ("grab a coffee sometime? always nice to meet people from here",),
        needs=(_FOOD_NEEDS, _needs("grab get do have go")),
        mark="?",
    ),
    _cue(
        "down for whatever",
        r"\b(?:i'?m|im|i\s+am)\s+(?:down|up|game|keen)\s+for\s+(?:whatever|anything)\b[^.!?\x00]{0,30}?"
        rf"\b{_ACT}\b",
        ("if anyone's bored this weekend i'm down for whatever — coffee, walk, pub",),
        needs=(_ACT_NEEDS, _needs("whatever anything")),
    ),
    _cue(
        "be ace to meet",
        r"\b(?:(?:would|'d|it'?d|wd)\s+be\s+(?:so\s+|really\s+|super\s+)?(?:ace|brilliant|awesome|"
        r"amazing|class|grand|wicked|sick|rad|dope|epic|good|wonderful|fab|fantastic|neat)\s+to\s+"
        r"(?:actually\s+|properly\s+|finally\s+)*(?:meet|grab|hang|put\s+faces)|"
        r"(?:(?:would|'d|id)\s+(?:love|like)|keen|happy|hoping|want|wanna|dying)\s+to\s+"
        r"(?:actually|properly)\s+(?:finally\s+)?(?:meet|hang|put\s+faces))",
        ("would be brilliant to meet", "i'd love to actually meet"),
        needs=(
            _needs("meet grab hang put"),
            _needs("be love like keen happy hoping want wanna dying"),
            _needs(
                "ace brilliant awesome amazing class grand wicked sick rad dope epic good "
                "wonderful fab fantastic neat actually properly"
            ),
        ),
    ),
)
# No intent cue is searched in a message without one of the words it needs (the pre-filter
# looks for these, and ``statements`` for each cue's own: that keeps the pre-filter sound).
# A test checks that every cue's examples hold one of its words and fit its pattern.
INTENT_WORDS = frozenset(w for cue in INTENT_CUES if cue.needs for w in cue.needs[0])
# Every word one of the gates looks for (statement_gate's "where" is its quoted question's).
_GATE_WORDS = STATEMENT_WORDS | INTENT_WORDS | _PAIR_WORDS | _HOLIDAY_LAST_WORDS | {"where"}
GATE_WORDS = _GATE_WORDS
# The gate words that open a gate by themselves: not "are" or "from", which count only in
# their two-word subjects (``names_a_pair``). On tweets they are among the commonest words.
LONE_GATE_WORDS = _GATE_WORDS - (
    (_PAIR_WORDS | _HOLIDAY_LAST_WORDS) - STATEMENT_WORDS - INTENT_WORDS - {"where"}
)
_CUES_BY_WORD = {
    w: tuple(c for c in INTENT_CUES if c.needs and w in c.needs[0] and not c.beside_a_stay)
    for w in INTENT_WORDS
}
# The intent gates in integer tests (75 cues, a few set tests each, were most of the watcher's
# time on chat with a dish or an outing word): a bit per distinct word set the cues need, the
# bits of each word, and each cue's bits; ``cue_may_fit`` says the same.


def _need_tables() -> tuple[dict[frozenset[str], int], dict[str, int]]:
    bit_of: dict[frozenset[str], int] = {}
    for cue in INTENT_CUES:
        for need in cue.needs:
            bit_of.setdefault(need, 1 << len(bit_of))
    word_bits: dict[str, int] = {}
    for need, bit in bit_of.items():
        for w in need:
            word_bits[w] = word_bits.get(w, 0) | bit
    return bit_of, word_bits


_NEED_BIT, _WORD_BITS = _need_tables()
_NEED_WORDS = frozenset(_WORD_BITS)


def _mask(cue: Cue) -> int:
    mask = 0
    for need in cue.needs:
        mask |= _NEED_BIT[need]
    return mask


_SEARCHED = tuple((c, _mask(c)) for c in INTENT_CUES if not c.beside_a_stay)
_GATED_BY_WORD = {
    w: tuple(dict.fromkeys((_mask(c), c.mark) for c in cues)) for w, cues in _CUES_BY_WORD.items()
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
    r"drink|hang)|"
    # meeting online or as a greeting: "great to e-meet everyone", "lovely to virtually meet
    # you all" (but "it'd be great to meet everyone" is a wish)
    r"e-meet\w*|virtually\s+meet\w*|meet\w*\s+virtually|"
    r"(?<!\bbe\s)(?<!\bbe\sso\s)(?<!\bbe\sreally\s)(?:great|lovely|glad|good|nice|awesome|cool)"
    r"\s+to\s+meet\s+(?:you|everyone|y'?all|all|this|the)|"
    # a task, not an outing: "anyone want to walk through the PR?", "grab the logs"
    r"walk\s+(?:\w+\s+)?through\s+(?:the|this|my|your|our)\s+(?:code|pr|diff|changes|design|docs?|"
    r"slides|plan|proposal|repo|setup|steps)|(?:grab|get|pull|fetch|run)\s+(?:the|this|that|my|"
    r"your|our)\s+(?:logs?|prs?|code|repo|diff|tests?|tickets?|issues?|bugs?|docs|links?|files?|"
    r"builds?|release|branch|commits?|screenshot|trace|data|metrics|dashboard|numbers|stats)|"
    # code review and chores: "who's up for reviewing my PR?"
    r"(?:up|down|keen|game)\s+for\s+(?:reviewing|debugging|pairing|testing|deploying|merging|"
    r"triaging|fixing|covering|taking\s+(?:on|over))|(?:review\w*|look\w*\s+at|test\w*|merg\w*|"
    r"approv\w*)\s+(?:my|the|this|a|our|your)\s+(?:prs?|pull\s+requests?|branch|patch|code|diff)|"
    # a service is down: "pub quiz app is down again, anyone else?"
    r"(?:aren'?t|isn'?t|not)\s+(?:really\s+)?my\s+(?:thing|scene|jam)|i\s+don'?t\s+do\s+meetups|"
    # leftovers offered: "does anyone want the rest of my pizza?"
    r"rest\s+of\s+my|leftovers?|(?:want|take|have)\s+my\s+(?:spare|extra|old|other|leftover)|"
    r"selling|giving\s+away|"
    # someone else's ask, news, a daydream: "my brother keeps asking if anyone ...", "the
    # Berlin meetup is sold out", "imagine a meetup with this crowd", "..., ask them"
    r"(?:my|his|her|their|our)\s+[\w-]+\s+(?:keeps|kept|is|was|has\s+been)\s+asking|sold\s+out|"
    r"imagine|ask\s+(?:them|him|her)|new\s+bot|"
    # asking after a meetup already planned: "does anyone know if the meetup is still on?"
    r"(?:anyone|anybody)\s+know\s+(?:if|whether|when|where|what)|"
    # the company's socials, the bot, pairing: "you all coming to the all-hands lunch?"
    r"(?:team|company|work|staff|office|department)\s+(?:picnic|party|dinner|lunch|bbq|outing|social|"
    r"drinks|christmas\s+party|xmas\s+party)|all[-\s]hands|(?:the|this|our)\s+bot|"
    r"pair(?:ing)?\s+(?:programming|session)|mob\s+programming|code\s+review|"
    # someone or something one wishes to meet: "would love to meet a dog", "... meet my hero"
    r"love\s+to\s+meet\s+(?:a|an|my|his|her|their)\s+(?!few\b|couple\b|bunch\b|group\b|handful\b|"
    r"lot\b|fellow\b|local\b|locals\b|member\b|members\b)|"
    r"(?:app|site|server|api|website|service|build|ci|wifi|vpn|slack|discord)\s+(?:is|are|was)\s+"
    r"(?:down|broken|dead|borked|acting\s+up|not\s+working|flaky)|"
    # watched at home, or a dish's word naming a thing: "the golf on tv", "a coffee machine"
    r"on\s+(?:tv|telly|the\s+telly|netflix|iplayer|the\s+radio)|"
    r"(?:coffee|pizza|beer|tea|quiz|food|lunch|dinner|pub)\s+(?:machines?|makers?|grinders?|apps?|"
    r"bots?|orders?|budget|expenses?|receipts?|subscriptions?)|"
    # an idiom, or someone else's words: "meet in the middle on the API", "..., says my boss"
    r"meet\s+in\s+the\s+middle\s+(?:on|about|with|re)|"
    r"(?:says|said|according\s+to)\s+(?:my|our|the|his|her|their)\s+(?:manager|boss|lead|mum|mom|"
    r"dad|partner|wife|husband|team|ceo|cto|hr))\b"
)
# Before a bare "?" that follows another (the cue "food at a time?" matches it): a dish or
# an outing and a day, so "taco crawl this weekend??" proposes and "who ate my lunch??" not.
PLAN_BEFORE_MARKS = re.compile(rf"\b{_ACT}\b[^.!?\x00]{{0,30}}?\b{_PLAN_DAY}\b")
# "we met up last year": a past meetup is not an intent.
PAST_MEETUP = re.compile(
    r"\b(?:met|had\s+a\s+meetup|last\s+meetup|the\s+meetup\s+(?:in\s+\w+\s+)?(?:last|was)|"
    r"ago|last\s+(?:week|month|year|night|time)|yesterday|"
    r"had\s+(?:such\s+)?(?:a|an)\s+(?:\w+\s+)?(?:time|blast|night|evening|day)|thanks\s+for\s+coming|"
    r"used\s+to|miss\s+(?:it|them|those|that|the)|"  # "I used to go to the Leeds meetup"
    r"since\s+(?:our|the|that)\s+(?:first|last|previous))\b"
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
    # "the Bremen trip on the 8th is off", "... got scrapped", "... isn't happening"
    r"(?:is|'s|are|'re)\s+off(?!\s+(?:to|for|on|at|in))|scrapped|axed|shelved|"
    r"(?:is\s+not|isn't|not|won't\s+be)\s+happening|"
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
    r"born\s+(?:and|&|n'?)\s+(?:bred|raised)\b|[,!(]|$|by\s+choice\b|"
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
NOT_NOW_INTENT = re.compile(
    r"(?:\b(?:not|dont|never|no|quoted|said)\b|n't\b)"
    r"(?!\s+(?:wait|mind|say\s+no|resist)\b)[^.!?]*$"  # "can't wait to meet", "wouldn't mind"
)
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
    r"^\W*(?:for\s+)?(?:(?:going\s+on|nearly|almost|about|around|over|well\s+over|close\s+to|"
    r"coming\s+up\s+on)\s+)?(?:\d+\+?|a\s+few|a\s+couple(?:\s+of)?|many|several|two|three|four|five|"
    r"six|seven|eight|nine|ten|a)\s*(?:yrs?|years?|decades?)\b"
    r"|^\W*(?:(?:my|our)\s+(?:whole|entire)\s+(?:life|lives)|all\s+(?:my|our)\s+lives?|forever)\b"
)
# "five years in Dresden now", "a decade in Leeds and counting": years there, still now
# (``YEARS_STILL_AFTER``), are a home; "did 3 years in Tokyo" is not.
YEARS_BEFORE = re.compile(
    r"^\W*(?:(?:i've|ive|we've)\s+(?:had|spent)\s+)?(?:\d+\+?|a\s+few|a\s+couple(?:\s+of)?|"
    r"many|several|two|three|four|five|six|seven|eight|nine|ten|a)\s*(?:yrs?|years?|decades?)"
    r"\s+(?:in|living\s+in|based\s+in)\s*$"
)
YEARS_STILL_AFTER = re.compile(r"^\W*(?:now|and\s+counting|so\s+far|already|these\s+days)\b")
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
# "Austin, TX here", "Portland (Maine) here", "Newcastle NSW local", "Hyderabad (Sindh, not
# Telangana) is home": a qualifier between a city and the words that make it home.
_QUALIFIED_HOME = (
    r"(?:here|-?\s?based|local|native|resident|born\s+and|checking\s+in|"
    r"is\s+(?:now\s+)?(?:my\s+|our\s+)?home|has\s+been\s+(?:my\s+|our\s+)?home)\b"
)
QUALIFIER = re.compile(
    r"^(?:\s*,\s*[a-z.]+(?:\s[a-z]+)?|\s*\([^)]{1,30}\)|\s+[a-z]{2,3}\b)"
    # what follows starts a word ("Baltimore, where ..." is no "Baltimore, w" before "here")
    r"(?=\s*-\s?based\b|\s+" + _QUALIFIED_HOME + r"|(?<![a-z])" + _QUALIFIED_HOME + r")"
)
# Homes that dates do not turn into a trip ("I live in X", unlike "I'm in X next week").
STRONG_HOME = re.compile(
    r"\b(?:live|living|based|located|reside|residing|moved|relocated|shifted|settled|call|home|"
    r"lived|fellow|proud|location|made\s+the\s+(?:move|jump|leap))\b"
)
# "I'm in Oslo next wknd", "im in Leeds nxt wk": a coming stay whose days are written past
# reading (a misspelt or shortened week), so not a home; "next to the station" is a place.
NEXT_AFTER = re.compile(r"^\W*(?:next|nxt)\s+(?!to\b|door\b)[a-z]")
# A past move: a home whatever dates follow ("moved up from Seattle to Vancouver in March").
MOVED_PAST = re.compile(r"\b(?:moved|relocated|shifted)\b")
# "born and raised in Chicago and never left": an origin that is still home.
STILL_THERE = re.compile(
    r"\b(?:never\s+(?:really\s+)?(?:left|moved(?:\s+away)?|went\s+anywhere)|haven't\s+left|"
    r"still\s+(?:here|there|live|living|in|around)|and\s+still|stayed\s+put)\b"
)
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
    r"time|tz|timezone|office|team|hq|wasn't|isn't|won't|doesn't|didn't)\b|"
    # What the city has, talked about: "Mumbai traffic this week", "Tulsa's weather tomorrow".
    r"^(?:'s)?\s+(?:weather|forecast|traffic|rent|rents|prices|housing|news|scene|nightlife|"
    r"transit|metro|subway|council|mayor|police|skyline|temps|heat|snow|rain|marathon|crowds)\b"
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
# Before a length that is an offset ("in 2 weeks", "within 3 days"), not a trip's length.
OFFSET_BEFORE_LENGTH = re.compile(r"\b(?:in|within)\s+$")
# After a week or weekend, the next one too: "this weekend and next", "next week and the
# one after".
AND_THE_NEXT = re.compile(
    r"\s*(?:and|&|\+)\s+(?:next|the\s+(?:one|week|weekend)\s+after|the\s+following(?:\s+one)?)\b"
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
    r"(?:flying|fly|heading|head|driving|drive|going|go|checking|check)\s+(?:out|home|back))"
    # "fly out again on the 7th", "back home again sunday", "leaving again the 9th"
    r"(?:\s+(?:again|back|home))?\W*(?:on\s+|the\s+)?$"
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
# Right after a city's name, "based" or a hyphen's "-born", "-bound" says where someone is,
# is from or goes ("Bristol-based designer", "LEEDS based", "Dublin-born", "Glasgow-bound"),
# unless "based" is a verb with its object ("Davis based his claim on ...").
PLACE_FRAME_AFTER = frozenset({"based", "born", "bred", "raised", "bound"})
BASED_AFTER_A_NAME = re.compile(
    r"(?:[ \t]?-[ \t]?(?:based|born|bred|raised|bound)\b"
    r"|[ \t]based\b(?![ \t]+(?:on|upon|off|his"
    r"|her|their|its|our|my|your|the|a|an|this|that|these|those|it|them|him|me|us)\b))",
    re.IGNORECASE,
)
# "Leeds born and bred", "Cork born & raised": a place even when its name is a common word.
BORN_AND_BRED_AFTER = re.compile(r"[ \t]born[ \t]+(?:and|&|n'?)[ \t]+(?:raised|bred)\b", re.I)
# After a name's possessive, things only a place has: "Kilkenny's pubs", "Galway's rain",
# "Austin's traffic" (not "Paterson's album", "Harper's column").
PLACE_THINGS_AFTER_POSSESSIVE = frozenset(
    "streets pubs bars nightlife weather rain beaches skyline council mayor airport suburbs "
    "traffic rents housing parks museums harbour harbor waterfront trams subway hills canals "
    "neighbourhoods neighborhoods outskirts population economy".split()
)
# Words before "to" and "from" that make them a person's, the one spoken to or heard from:
# "thanks to Denton", "talked to Lincoln", "a speech from Obama", "a cover from Bowie" (not
# "moving to Denton", "greetings from Kilkenny").
SAID_BEFORE_TO = frozenset(
    "thanks thank shoutout talk talks talked talking speak speaks spoke speaking said say "
    "says reply replies replied replying listen listens listened listening married sent send "
    "sends sending letter letters message messages email emails note notes gift gifts tribute "
    "apology props kudos congrats congratulations condolences".split()
)
SAID_BEFORE_FROM = frozenset(
    "speech speeches message messages letter letters email emails note notes call calls quote "
    "quotes gift gifts tweet tweets text texts reply replies news word update updates "
    "statement statements video videos song songs cover covers interview".split()
)
# Words before "from" that make it where someone is from, in sports talk too: "I'm from Leeds",
# "we're from", "fans from Hull" (not "a free-kick from Rodriguez").
ORIGIN_BEFORE_FROM = frozenset(
    "m am re are s is was were originally born raised fans supporters people folks lads "
    "family".split()
)
# After a multi-word city's name, words of a time that make it a place in lower-case text:
# "salt lake city next week", "new orleans june 10-13".
TIME_AFTER_A_NAME = frozenset({"next", "this", "tomorrow", "tonight", *MONTH_NAMES, *WEEKDAY_NAMES})
