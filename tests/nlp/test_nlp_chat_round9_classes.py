"""Classes fixed after chat round 9, each in several wordings with the hard negatives next
to it: a first name or a common word opening a closed dated frame ("Providence thru Sunday
for family stuff", not "Florence on the 4th said ..."), the speaker at a workplace of the
city ("at our Raleigh office Tue-Thu next week", not "our Denver office is closed"), a start
day "for the weekend", a one-day leg of an itinerary, a demonym with how long ("Bangalorean
for a decade now"), "settled into a flat in", "we really should", "virtually meet", a
relative clause after a city ("Baltimore, where my grandparents live, ..."), and a short
weekday a date word leads in lower case ("next thurs")."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.nlp.dates import find_times
from bot.nlp.statements import _read, might_matter, read

# Mon 2026-08-31 14:00 Chicago: this weekend is 4-6 Sep, next week 7-13 Sep.
NOW = datetime(2026, 8, 31, 14, 0, tzinfo=ZoneInfo("America/Chicago"))
# Wed 2026-12-23 10:00 Dublin.
XMAS = datetime(2026, 12, 23, 10, 0, tzinfo=ZoneInfo("Europe/Dublin"))
Row = tuple[str, str | None, date | None, date | None]


def _rows(text: str, now: datetime = NOW) -> list[Row]:
    got = [
        (s.kind, s.city.name if s.city else None, s.first_day, s.last_day)
        for s in read(text, now=now)
    ]
    assert bool(_read(text, now)) <= might_matter(text), text  # the pre-filter hides nothing
    return got


def H(city: str) -> Row:
    return ("home", city, None, None)


def T(city: str, first: str, last: str) -> Row:
    return ("trip", city, date.fromisoformat(first), date.fromisoformat(last))


def I(city: str | None = None) -> Row:  # noqa: E743 - the table reads H, T, I
    return ("intent", city, None, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a common word's city opening a dated frame that closes on a trip's purpose
        ("Providence thru Sunday for family stuff", [T("Providence", "2026-08-31", "2026-09-06")]),
        (
            "Bologna Wednesday to Saturday for a trade fair",
            [T("Bologna", "2026-09-02", "2026-09-05")],
        ),
        ("Oxford next thurs for a talk", [T("Oxford", "2026-09-10", "2026-09-10")]),
        ("Mobile this weekend for a wedding", [T("Mobile", "2026-09-04", "2026-09-06")]),
        # a first name's city opening a dated frame that closes
        ("Eugene this weekend 🌲", [T("Eugene", "2026-09-04", "2026-09-06")]),
        ("Reno on the 12th, then home", [T("Reno", "2026-09-12", "2026-09-12")]),
        ("Savannah this weekend for a wedding", [T("Savannah", "2026-09-04", "2026-09-06")]),
        ("Reno this weekend!", [T("Reno", "2026-09-04", "2026-09-06")]),
        ("Reno this weekend, skiing at Tahoe", [T("Reno", "2026-09-04", "2026-09-06")]),
        (
            "Mobile this weekend for my cousin's wedding",
            [T("Mobile", "2026-09-04", "2026-09-06")],
        ),
        ("Anchorage next week for work", [T("Anchorage", "2026-09-07", "2026-09-13")]),
        # "then" opens a later leg, which may be either
        (
            "in Atlanta Sept 8–9 for a conference, then Savannah for the weekend",
            [T("Atlanta", "2026-09-08", "2026-09-09"), T("Savannah", "2026-09-11", "2026-09-13")],
        ),
    ],
)
def test_a_weak_name_in_a_closed_dated_frame(text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Florence on the 4th said she'd cover my shift",  # a verb after the dates
        "Austin next week will demo the new build",
        "Reading next week's chapters tonight",
        "Reading 3-4 chapters a night lately",
        "Split 2-3 ways, that's fair",
        "Sale this weekend!",  # a common word with no trip's purpose
        "Nice this weekend, finally some sun",
        "Normal next week, hopefully",
        "Jackson on the 12th for a one-on-one",  # a first name, a meeting
        "Florence tomorrow for a quick 1:1",
        # a common word's city needs a trip's purpose, not any "for"
        "Wedding next week for my cousin",
        "Orange next week for the launch",
        "Mission tomorrow for the kids",
        "Tours next week for the tourists",
        "Split next week for a deep dive on the PR",
        "Mobile next week for the beta, desktop after",
        "Reading this weekend for fun: Dune",
        "Normal next week, then the chaos",
        # a first name with no purpose needs the frame to end the message
        "Jackson next week for the onboarding",
    ],
)
def test_names_before_dates_that_stay_words_or_people(text: str) -> None:
    assert _rows(text) == [], text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "at our Raleigh office Tue–Thu next week",
            [T("Raleigh", "2026-09-08", "2026-09-10")],
        ),
        ("I'm in the Austin office all week", [T("Austin", "2026-08-31", "2026-09-06")]),
        ("working from the Denver office tomorrow", [T("Denver", "2026-09-01", "2026-09-01")]),
        (
            "heading to our Toronto HQ next week for onboarding",
            [T("Toronto", "2026-09-07", "2026-09-13")],
        ),
        # a workplace with no one there, or someone else there
        ("our Denver office is closed for Labor Day", []),
        ("the Berlin office is hiring next week", []),
        ("my team is at the Leeds office next week", []),
        ("anyone in the Chicago office next week?", []),
        ("the Seattle office party is on the 12th", []),
        ("I'm in the Austin office", []),  # no days: no trip
    ],
)
def test_the_speaker_at_a_workplace_of_the_city(text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a start day, then the weekend or week it opens
        (
            "Cincinnati-bound on Friday for the weekend",
            [T("Cincinnati", "2026-09-04", "2026-09-06")],
        ),
        (
            "driving up to Duluth Saturday for the weekend",
            [T("Duluth", "2026-09-05", "2026-09-06")],
        ),
        (
            "in Boise from Thursday over the weekend",
            [T("Boise", "2026-09-03", "2026-09-06")],
        ),
        # one bare day of a later leg
        (
            "Lyon 3–5 Sept, Dijon 6, Paris 7–9 Sept",
            [
                T("Lyon", "2026-09-03", "2026-09-05"),
                T("Dijon", "2026-09-06", "2026-09-06"),
                T("Paris", "2026-09-07", "2026-09-09"),
            ],
        ),
        (
            "Boston 14–16, Providence 17, New York 18–20 Sept",
            [
                T("Boston", "2026-09-14", "2026-09-16"),
                T("Providence", "2026-09-17", "2026-09-17"),
                T("New York City", "2026-09-18", "2026-09-20"),
            ],
        ),
        # a short weekday a date word leads, in lower case
        ("in boston next thurs", [T("Boston", "2026-09-10", "2026-09-10")]),
        ("in Leeds till fri", [T("Leeds", "2026-08-31", "2026-09-04")]),
        ("in denver thurs-sat", [T("Denver", "2026-09-03", "2026-09-05")]),
    ],
)
def test_trip_days_as_written(text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected


def test_a_short_weekday_is_a_day_where_a_date_word_leads_it() -> None:
    assert [t.text for t in find_times("next thurs", now=NOW)] == ["next thurs"]
    assert [t.text for t in find_times("thurs-sat", now=NOW)] == ["thurs-sat"]
    assert find_times("this sun is brutal", now=NOW) == []
    assert find_times("sat on the sofa all day", now=NOW) == []


def test_a_holiday_after_a_small_city_leads_its_dates() -> None:
    assert _rows("Derry for Christmas, 24th to the 27th", XMAS) == [
        T("Derry", "2026-12-24", "2026-12-27")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a demonym with how long so far
        ("Bangalorean for a decade now, traffic and all", [H("Bengaluru")]),
        ("Londoner since 2011, never looked back", [H("London")]),
        ("Glaswegian for 20 years and counting", [H("Glasgow")]),
        ("Parisian cafés are the best", []),
        ("Londoners since forever have hated the tube", []),
        # settled into a home
        ("finally settled into a flat in Limerick 🎉", [H("Limerick")]),
        ("we've settled into a little house in Galway", [H("Galway")]),
        ("moved into a tiny studio in Brooklyn", [H("New York City")]),
        ("my sister settled into a flat in Leeds", []),
        # a clause about someone else's home after the city; a qualifier before "here"
        ("Baltimore, where my grandparents live, is getting a foot of snow", []),
        ("Leeds, where my sister lives, is lovely in spring", []),
        ("Austin, TX here", [H("Austin")]),
        ("Portland (Maine) here", [H("Portland")]),
        ("Cambridge MA based postdoc, hello!", [H("Cambridge")]),
    ],
)
def test_homes(text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("we really should grab pints one of these evenings", [I()]),
        ("we honestly need to do a picnic before summer ends", [I()]),
        ("we seriously gotta get dumplings sometime", [I()]),
        ("we really should fix the flaky test", []),
        ("lovely to virtually meet everyone 👋", []),
        ("great to e-meet you all", []),
        ("nice to virtually meet you, welcome!", []),
        ("would love to meet some of you irl", [I()]),
    ],
)
def test_intents(text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # week words typed in a hurry
        ("in Boston next wek for a bit", [T("Boston", "2026-09-07", "2026-09-13")]),
        ("in Boston nxt wk", [T("Boston", "2026-09-07", "2026-09-13")]),
        ("Boston this wknd, anyone around?", [T("Boston", "2026-09-04", "2026-09-06"), I()]),
        ("great wk everyone, thanks", []),
        # a city's curated short form in lower case, opening a dated clause
        (
            "sf 9/14-9/16, lmk if anyone wants to grab lunch",
            [T("San Francisco", "2026-09-14", "2026-09-16"), I()],
        ),
        ("bcn next week for a conf", [T("Barcelona", "2026-09-07", "2026-09-13")]),
        ("dc tomorrow, back friday", [T("Washington", "2026-09-01", "2026-09-04")]),
        ("la next week", []),  # a common word
        ("tbh next week is busy", []),
        # a common word's city with the next leg after it
        ("Cork tmrw, Kerry after", [T("Cork", "2026-09-01", "2026-09-01")]),
        ("Bath on the 5th, Bristol after", [T("Bath", "2026-09-05", "2026-09-05")]),
        ("Sale this weekend, Nike stuff 20% off", []),
    ],
)
def test_hurried_spellings_and_short_forms(text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hamburger born, Münchner by choice", [H("Munich")]),
        ("Texan by birth, New Yorker by choice", [H("New York City")]),
        ("Münchner here, servus", [H("Munich")]),
        ("Münchner Freiheit is a nice square", []),
    ],
)
def test_a_demonym_by_choice(text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected


# Classes fixed after round 10 (bench-only, tests/nlp/chat_rounds.py ROUND10).


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "shifted to" is a move (Indian English)
        ("shifted to Gurgaon last month, still settling in", [H("Gurugram")]),
        ("we shifted to Pune in March", [H("Pune")]),
        ("shifting to Chennai next month", []),  # a future move
        # someone of a place, living in another
        ("Galway girl living in Cork now", [H("Cork")]),
        ("Kiwi expat living in Berlin", [H("Berlin")]),
        ("Texas transplant based in Denver", [H("Denver")]),
        # a former home, then the city now
        ("originally Tulsa, these days Austin", [H("Austin")]),
        ("grew up in Leeds, now Bristol.", [H("Bristol")]),
        ("born in Lyon, currently Nice", [H("Nice")]),
        ("now Florence, tell me more", []),  # a person addressed
        ("I was at the standup, now Jackson, go ahead", []),
        # demonyms newly curated
        ("Canberran here, it's actually nice", [H("Canberra")]),
        ("proud Brooklynite, obviously", [H("New York City")]),
        ("Joburger born and bred", [H("Johannesburg")]),
        # a correction word before a lower-case common word is no correction
        ("Leeds here, well, reading is my hobby", [H("Leeds")]),
        # home for the holidays: a trip (in August "the 2nd" is 2 September)
        ("home for the summer in Sligo till the 2nd", [T("Sligo", "2026-08-31", "2026-09-02")]),
    ],
)
def test_round10_homes_and_stays(text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "home for the holidays in Sligo till the 2nd",
            [T("Sligo", "2026-12-23", "2027-01-02")],
        ),
        (
            "back home for Christmas in Derry, 24th to the 27th",
            [T("Derry", "2026-12-24", "2026-12-27")],
        ),
        (
            "we're spending new year's in Kraków, 30th to the 2nd",
            [T("Kraków", "2026-12-30", "2027-01-02")],
        ),
    ],
)
def test_holiday_stays(text: str, expected: list[Row]) -> None:
    assert _rows(text, XMAS) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "any fellow Pittsburghers around this week? grabbing pierogies Thursday",
            [H("Pittsburgh"), I("Pittsburgh")],
        ),
        ("tacos on me if a few of you are around Friday", [I()]),
        ("first round's on me at the pub tonight", [I()]),
        ("we met the deadline, drinks on me in spirit", []),
        ("keen for a brekkie catch-up with whoever's free saturday", [I()]),
        ("lunch with anyone who is around tomorrow", [I()]),
        ("pint in the local on the 27th? few of us are going", [I()]),
        ("drinks at the usual bar friday?", [I()]),
        ("pizza in the fridge?", []),
        ("anyone know if the Montreal meetup is still happening?", []),
        ("does anybody know when the next meetup is?", []),
        ("is the picnic still on for saturday?", []),
    ],
)
def test_round10_intents(text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected


# Classes fixed after round 11 (bench-only, tests/nlp/chat_rounds.py ROUND11).


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "X, here till Friday" is a stay; "X here" a home
        (
            "just got into Knoxville, here through Thursday",
            [T("Knoxville", "2026-08-31", "2026-09-03")],
        ),
        ("Knoxville, here till Friday", [T("Knoxville", "2026-08-31", "2026-09-04")]),
        ("Knoxville here, loving the hills", [H("Knoxville")]),
        ("Boise, based here till further notice", [H("Boise")]),
        ("Boise here for the foreseeable future", [H("Boise")]),
        # "these days" opens the gate
        ("Geelong these days after a decade in Sydney", [H("Geelong")]),
        ("Leipzig these days, Dresden before that", [H("Leipzig")]),
        # an aside between the city and "is home"
        ("San Jose — the California one — is home", [H("San Jose")]),
        ("Portland (the Maine one) is home", [H("Portland")]),
        # a nickname
        ("Indy this weekend for the race", [T("Indianapolis", "2026-09-04", "2026-09-06")]),
        ("indy games are my jam", []),
        ("Indy 500 was wild", []),
    ],
)
def test_round11_statements(text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a few of us are doing a swim on Saturday, come along", [I()]),
        ("we're doing drinks friday, come join us", [I()]),
        ("tag along if you're free, tacos at 7", [I()]),
        ("join us on the call at 3", []),
        ("the project is coming along nicely", []),
        ("the Christmas meetup got rained off, sorry all", []),
        ("the picnic was called off, sorry folks", []),
    ],
)
def test_round11_intents(text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected
