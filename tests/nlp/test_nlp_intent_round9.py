"""Intent classes fixed by intent9 (issue 14), several wordings each beyond the batch
(``ROUND_INTENT9`` in chat_rounds.py), with hard negatives beside them.

The batch was scored before any fix (intent R 0.566, 1 false alarm in 32). Two more fresh
checks were written after the first fixes and scored before the fixes they prompted: 26 of 41
intents found and 3 false alarms in 32 negatives; then 13 of 18 and 2 false alarms in 43;
then 26 of 40 and 2 false alarms in 30 (main: 23 of 40); then 22 of 30 and 3 false alarms
in 25 (main: 21 of 30, 3); and 40 hard negatives written to trip the new cues: 11 false
alarms (main: 8), 1 left ("I'd love to meet Taylor Swift": a name, read in lower case); and
30 intents beside homes and trips: 20 found (main: 16); and 30 in slang, typos and emoji:
13 found (main: 10), 1 false alarm in 19; and 30 negatives about others, news and the past:
5 false alarms (main: 3); and a last check of 20 intents and 15 negatives: 11 of 20 and 3
false alarms (main: 9 of 20, 3). Their messages are the wordings below.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.nlp.lang import en
from bot.nlp.statements import _read, might_matter, read
from tests.nlp.chat_rounds import ROUND_INTENT9, Case, Row

# Mon 2026-08-31 14:00 Chicago: next week is 7-13 Sep.
NOW = datetime(2026, 8, 31, 14, 0, tzinfo=ZoneInfo("America/Chicago"))


def _intent_city(text: str) -> tuple[bool, str | None]:
    """Whether ``read`` finds an intent, and the city it carries; the pre-filter must not
    hide what ``_read`` finds."""
    assert bool(_read(text, NOW)) <= might_matter(text), text
    got = [s for s in read(text, now=NOW) if s.kind == "intent"]
    return bool(got), (got[0].city.name if got and got[0].city else None)


INTENTS: dict[str, list[str]] = {
    # a city's or a hobby's people asked whether they are keen, interested, game
    "people asked if keen": [
        "Manchester lot — anyone keen for a curry one night next week?",
        "Chennai folks interested in a filter coffee crawl?",
        "any Oslo people game for a sauna session this weekend?",
        "anyone round Leeds up for a parkrun saturday?",
        "who'd be up for a curry night next week?",
        "hands up if you'd come to a games night",
        "would anyone fancy a wander round the market on saturday?",
        "any Bristol peeps fancy a cider some evening?",
    ],
    # let's get one going, let's go bowling, we could do one
    "let's get one going": [
        "let's get a regular pub night going",
        "lets get a footy kickabout going in the park",
        "let's go karting next month, who's with me",
        "any chance we could do a picnic before summer ends?",
        "could we maybe do a coffee morning sometime",
        "let's catch up over a pint soon",
    ],
    # an outing asked about, then an offer to book or organise, or a head count
    "offer to organise": [
        "padel on sunday? I'll book the court",
        "escape room next friday? I can sort the booking if 4+ are keen",
        "dim sum brunch on the 14th? will reserve if enough people are in",
        "is anyone organising a christmas drinks thing this year? if not I will",
        "thoughts on a picnic in the botanic gardens next sunday?",
        "any interest in a walking group on saturday mornings?",
        "i'm organising a beach cleanup + bbq on the 20th, come along!",
    ],
    # a group addressed, then a plan floated
    "group then plan": [
        "board gamers! thinking catan at the café saturday arvo",
        "cyclists — how about a coffee ride out to the coast sunday?",
        "swimmers? lido at 7 tomorrow, who's in",
        "Berlin folks: döner and a walk on sunday?",
    ],
    # wishes to meet in person
    "wish to meet": [
        "honestly would be lovely to see a few of you in person",
        "can't wait to finally meet everyone irl at some point",
        "desperate to hang out with you nerds offline",
        "it'd be grand to grab a pint with some of ye",
        "would love for us to meet up one of these days",
    ],
    # invitations: come along, pull up, my shout, tempt anyone
    "invitation": [
        "I'm at the taproom on 5th till 9, pull up if you're nearby",
        "i'll be at the library cafe coworking all afternoon, come join",
        "the first tuesday of every month is board game night at the Fox, come join",
        "drinks at the usual on thurs? first round's mine",
        "can I tempt anyone to a sunday roast?",
        "tennis doubles anyone? need a 4th for sat",
        "keen for a coffee if anyone's in the cbd this week",
        "pls someone come to the cinema with me on friday",
        "i'll be at the dev conf afterparty tonight, find me for a beer",
        "ngl would love a beer with some fellow rustaceans",
    ],
    # a question to the group naming an outing, in any order (a fallback with vetoes)
    "an ask about an outing": [
        "y'all tryna get wings after the game thursday?",
        "lowkey want to start a monthly book club irl, would anyone come?",
        "Denver ppl — anyone wanna ski together at some point this winter?",
        "anyone interested in starting a D&D group that meets in person?",
        "Anyone fancy a natter over a cuppa sometime this week?",
        "Any Sydneysiders fancy a swim at Bondi sunday morning?",
        "who's keen to hit the trails this sat? thinking a loop near Katoomba",
    ],
    # an outing, then who's joining, a head count, or where to answer
    "outing then the ask": [
        "potluck szn!! who's hosting this time 👀",
        "Sunday brunch club is back, who's joining?",
        "trivia tuesdays at O'Malley's, we need a 5th, dm me",
        "bouldering sesh tmrw 6pm, all levels, holler if keen",
        "lets do something irl soon, feels like forever",
        "hmu if you want to get a coffee in Austin while I'm there next week",
        "if anyone's up for it, I'm doing the 10k on sunday and then brunch after",
        "hiking buddies wanted for saturday, moderate pace",
    ],
    # hosting, asking to be taken out, finding people, "fancy doing"
    "hosting and asking": [
        "i'm hosting a small games night friday, dm for the address",
        "someone in Bengaluru please take me to a good darshini for breakfast 🙏",
        "Just moved to Bristol! Would love to find some people to grab a coffee with",
        "fancy doing a pub lunch in York at some point? I'm there most weekends",
        "we're new to Denver, looking for folks to hang out with on weekends",
        "can someone please drag me out of the house for a walk this weekend",
        "any runners in Glasgow? would love company on my long runs",
    ],
    # beside a home or a trip, or a dish few lists hold
    "beside a stay": [
        "Back in Melbourne for good! Who wants to celebrate with a parma?",
        "Berlin-based now, would be fun to do a Späti crawl with some of you",
        "meet halfway in Reading for lunch? 😄",
        "Seoul friends, chimaek night soon?",
        "anyone from here in Manchester fancy grabbing a brew?",
        "any other early birds want to do a sunrise swim tomorrow?",
        "I'm in Madrid until Sunday, tapas anyone?",
        "first time in Tokyo next month, would love to grab an izakaya dinner with anyone local",
    ],
    # the last check
    "last check": [
        "I'm around Bristol till Friday if anyone fancies catching up",
        "how's everyone fixed for a pint on thursday?",
        "Any Perth crew around for a sundowner this week?",
        "Still keen to do that board game evening we talked about?",
        "thinking of starting a Thursday run club from the office, who's interested?",
        "Breakfast tacos tomorrow? I know a spot",
        "if anyone's bored this weekend I'm down for whatever — coffee, walk, pub",
        "grab a coffee sometime? always nice to meet people from here",
    ],
    # slang, typos, emoji
    "slang and typos": [
        "any plans for an outing this sunday guys?",
        "let's plan one meet in Chennai next month",
        "wanna link up this weekend? been a minute",
        "who's tryna hang saturday",
        "let's link when you're in town",
        "anyone keen to catch up for a coldie friday arvo?",
        "🍻 thursday? the usual?",
        "pizza + beer + board games @ mine sat 7pm 🎲",
        "wld love to meet u all 🥹",
        "any1 wanna get lunch?",
        "office hours irl? I'd come",
        "come thru to the rooftop, we're here till late",
        "how about we all go out for dinner after the workshop?",
        "I'll be at the park with a frisbee from 4, join if you like",
        "dinner at ours sunday, all the Jaipur gang welcome",
        "fancy a catch-up over breakfast?",
    ],
}

NOT_INTENTS: dict[str, list[str]] = {
    "online or a greeting": [
        "good to virtually meet you all at the town hall today",
        "e-meeting everyone via slack is weird lol",
        "nice to e-meet you Priya!",
        "great to meet you all at the standup this morning",
        "zoom trivia on thursday, link below",
        "anyone fancy a quick huddle to debug this?",
        "would love to chat with some of you about rust",
    ],
    "work and chores": [
        "who's up for reviewing my PR today?",
        "anyone want to run the migration tonight?",
        "walk me through the deploy steps?",
        "grab the latest build and try again",
        "I can show you around the new dashboard later",
        "let's get the build going again",
        "let's plan the sprint",
        "come by my desk if you're free",
        "can someone book the meeting room for the retro?",
        "we should get the release out friday",
    ],
    "a dish or an outing that is no plan": [
        "pub quiz app is down again, anyone else?",
        "anyone interested in the golf on tv tonight?",
        "what about the bbq sauce, is it vegan?",
        "what about coffee? does it break a fast?",
        "guys, thinking about the bar chart colours for the dashboard",
        "everyone: lunch orders due by 11?",
        "good coffee is hard to come by.",
        "this cake is my treat for finishing the release",
        "anyone into football? who do you support?",
        "who ate my lunch from the office fridge??",
        "I'm buying a new bike this weekend",
        "taking the kids bowling this weekend",
    ],
    "past, news, quoted, others": [
        "the pub quiz last week was a laugh, thanks for coming",
        "karaoke night is cancelled, venue flooded",
        "> who's up for bowling friday?",
        "excited to have Priya join us!",
        "i met a few of you at the conference, so fun",
        "my running buddy moved to Perth",
        "we had drinks after work yesterday, so fun",
        "let's meet in the middle on the API design",
        "we should have lunch more often as a team, says my manager",
    ],
    "a question about a dish or a hobby": [
        "anyone into yoga? looking for app recs",
        "anyone know a good pizza place near the office?",
        "did anyone try the new ramen spot?",
        "anyone else think the new logo looks like a pizza?",
        "are there any good climbing gyms in Denver?",
        "anyone have a spare ticket for the concert? happy to pay",
        "who's based in Melbourne? just curious",
        "anyone here from Lagos?",
        "does anyone want the rest of my pizza? I'm full lol",
        "can anyone recommend a bar in Lisbon for watching the match?",
    ],
    "past habits, dislikes, wishes": [
        "I used to go to the Leeds meetup every month, miss it",
        "meetups aren't really my thing, I'm more of a lurker",
        "I want a boyfriend who will take me to concerts",
        "My wife is organising a picnic for her book club, I'm on sandwich duty",
        "we need a 5th reviewer for the RFC",
        "lmk if you're interested in the job, we're hiring",
        "hands up if you've been bitten by this bug",
    ],
    "a group asked something, not invited": [
        "y'all, is brunch a meal or a lifestyle?",
        "folks, hot take: pineapple belongs on pizza?",
        "crew, who finished the last of the coffee??",
        "peeps, how much do you tip at restaurants here?",
        "so y'all want the bot to post lunch specials?",
        "anyone want my spare concert ticket? can't go anymore",
        "you all coming to the all-hands lunch?",
        "anyone going to the company picnic?",
        "anyone up for a pair programming session this arvo?",
        "would love to meet a dog today, any dog",
        "anyone want to grab the ticket for the login bug?",
    ],
    "slang that is work": [
        "let's link the PR to the issue",
        "who's tryna fix the build",
        "pull up the dashboard and check",
        "come thru with the updated slides pls",
        "office hours on zoom at 4",
        "anyone free to catch up on the incident?",
        "I'll be at the park with my kids all afternoon",
        "can't believe it's been a year since our first meetup",
        "Would love to see you dissect their screenwriting",
    ],
    "others, news, daydreams": [
        "my flatmate is always up for a pint, unlike me",
        "my brother keeps asking if anyone here wants to play 5-a-side",
        "dev rel is organising a meetup in Austin, ask them",
        "the Berlin meetup is sold out, sorry",
        "lol imagine a meetup with this crowd",
        "if I lived in Leeds I'd be at every pub quiz",
        "Sam said we should grab lunch sometime, we never did",
        "can't make drinks tonight, sorry all",
        "I'd never go to a meetup, too introverted",
        "We had such a good time at the Leeds meetup, thanks everyone!",
        "New bot alert: meet Mira, she'll remind you about meetups",
        "Does anyone know if the meetup is still on? Haven't seen an update",
        "pizza or pasta for the team dinner? voting closes at noon",
        "Anyone watching the keynote stream? The coffee demo was wild",
    ],
}


@pytest.mark.parametrize(
    "text", [t for ts in INTENTS.values() for t in ts], ids=lambda t: str(t)[:50]
)
def test_an_intent_worded_another_way_is_found(text: str) -> None:
    assert _intent_city(text)[0], text


@pytest.mark.parametrize(
    "text", [t for ts in NOT_INTENTS.values() for t in ts], ids=lambda t: str(t)[:50]
)
def test_a_hard_negative_states_nothing(text: str) -> None:
    assert bool(_read(text, NOW)) <= might_matter(text), text
    assert read(text, now=NOW) == [], text


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("any Bristol peeps fancy a cider some evening?", "Bristol"),
        ("Chennai folks interested in a filter coffee crawl?", "Chennai"),
        ("looking for a squash partner in Glasgow", "Glasgow"),
        ("anyone near Leeds up for a parkrun saturday?", "Leeds"),
        pytest.param(
            "anyone round Leeds up for a parkrun saturday?",
            "Leeds",
            marks=pytest.mark.xfail(
                strict=True,
                reason="find_places reads no 'Leeds' after 'round'/'around' (it does after "
                "'near', 'in', 'from', and 'around London'): owner places",
            ),
        ),
    ],
)
def test_an_intent_carries_the_city_its_proposal_names(text: str, city: str) -> None:
    assert _intent_city(text) == (True, city)


def test_a_bare_question_mark_after_another_counts_only_after_a_plan() -> None:
    """The cue "food at a time?" also matches the second "?" of "??": it counts after a dish
    or an outing and a day, not after any dish."""
    assert _intent_city("ppl in Austin, taco crawl this weekend??")[0]
    assert not _intent_city("who ate my lunch from the office fridge??")[0]
    assert en.PLAN_BEFORE_MARKS.search("taco crawl this weekend?")
    assert not en.PLAN_BEFORE_MARKS.search("who ate my lunch from the office fridge?")


def _rows(text: str, now: datetime) -> list[Row]:
    return [
        (s.kind, s.city.name if s.city else None, s.first_day, s.last_day)
        for s in read(text, now=now)
    ]


def _norm(row: Row) -> Row:
    """An intent's city is scored apart (as the dev set's scorer does): kind only here."""
    return ("intent", None, None, None) if row[0] == "intent" else row


@pytest.mark.parametrize(
    ("now", "text", "expected"),
    [pytest.param(*case, id=case[1][:60]) for case in ROUND_INTENT9],
)
def test_the_intent_round_gives_its_authors_statements(
    now: datetime, text: str, expected: list[Row]
) -> None:
    got = _rows(text, now)
    assert sorted(map(_norm, got), key=repr) == sorted(map(_norm, expected), key=repr), text
    assert bool(_read(text, now)) <= might_matter(text), text


def test_the_intent_round_names_its_intents_cities() -> None:
    """Every intent of the round that names its place carries that city."""
    cases: list[Case] = [c for c in ROUND_INTENT9 if any(r[0] == "intent" and r[1] for r in c[2])]
    assert len(cases) >= 15
    for now, text, expected in cases:
        want = next(r[1] for r in expected if r[0] == "intent")
        got = [r[1] for r in _rows(text, now) if r[0] == "intent"]
        assert got == [want], text


def _by_sets(gate: en.Gate) -> tuple[list[en.Cue], bool]:
    """The cues that may fit and the intent gate, by ``cue_may_fit``'s set tests."""
    fit = [c for c in en.INTENT_CUES if not c.beside_a_stay and en.cue_may_fit(c, gate)]
    return fit, any(c.needs for c in fit)


@pytest.mark.parametrize(
    "text",
    sorted(
        {
            *(t for ts in INTENTS.values() for t in ts),
            *(t for ts in NOT_INTENTS.values() for t in ts),
            *(case[1] for case in ROUND_INTENT9),
            *(ex for c in en.INTENT_CUES for ex in c.examples),
        }
    ),
    ids=lambda t: str(t)[:50],
)
def test_the_integer_gates_answer_as_the_set_tests(text: str) -> None:
    gate = en.Gate.of(text)
    assert (list(en.fitting_intent_cues(gate)), en.intent_gate(gate)) == _by_sets(gate)


_NEED_WORDS = sorted({w for c in en.INTENT_CUES for need in c.needs for w in need})


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([*_NEED_WORDS, "?", "@", "lol", "Leeds"]), max_size=8))
def test_the_integer_gates_answer_as_the_set_tests_on_any_words(words: list[str]) -> None:
    gate = en.Gate.of(" ".join(words))
    assert (list(en.fitting_intent_cues(gate)), en.intent_gate(gate)) == _by_sets(gate)
