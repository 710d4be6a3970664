"""Trips as members write their dates, by class (issue 14): a fresh batch written by the
lead on 2026-12-07 and scored once before its fixes (24 trips: F1 0.833, false alarms 2 of 4
negatives; misses: an arrival verb "reaching", a departure with "again", a holiday as the
end, a trip called off with "is off"), then tests of each class in other wordings."""

from __future__ import annotations

from datetime import date

import pytest

from bot.nlp.lang import en
from bot.nlp.prefilter import might_matter
from tests.nlp.chat_rounds import AUG, FEB, JAN, MAY, NYE, OCT, XMAS, Case, H, T, statement_rows

BATCH: list[Case] = [
    # the end in a second clause
    (
        AUG,
        "getting into Omaha on the 9th, heading out the 12th",
        [T("Omaha", "2026-09-09", "2026-09-12")],
    ),
    (
        OCT,
        "reaching Indore on monday and leaving on thursday",
        [T("Indore", "2026-10-12", "2026-10-15")],
    ),
    (
        MAY,
        "in Gdansk from wednesday, back home on saturday",
        [T("Gdańsk", "2027-06-02", "2027-06-05")],
    ),
    (
        FEB,
        "arrive in Darwin on the 3rd, fly out again on the 7th",
        [T("Darwin", "2027-03-03", "2027-03-07")],
    ),
    (
        JAN,
        "touching down in Tucson friday, leaving sunday night",
        [T("Tucson", "2027-01-29", "2027-01-31")],
    ),
    (
        NYE,
        "I land in Montreal on the 5th and fly home the 9th",
        [T("Montréal", "2027-01-05", "2027-01-09")],
    ),
    # two days joined by "and"
    (AUG, "in Kansas City thursday and friday", [T("Kansas City", "2026-09-03", "2026-09-04")]),
    (OCT, "I'm in Surat tomorrow and sunday", [T("Surat", "2026-10-10", "2026-10-11")]),
    (MAY, "Bremen on the 8th and 9th of June", [T("Bremen", "2027-06-08", "2027-06-09")]),
    # current trips
    (FEB, "I'm in Cairns right now, here till friday", [T("Cairns", "2027-02-16", "2027-02-19")]),
    (XMAS, "currently in Derry, staying until the 28th", [T("Derry", "2026-12-23", "2026-12-28")]),
    (JAN, "here in Reno for the rest of the week", [T("Reno", "2027-01-28", "2027-01-31")]),
    (NYE, "in Philly through new year's day", [T("Philadelphia", "2026-12-29", "2027-01-01")]),
    # weeks, weekends, weekday ranges of a week
    (AUG, "Tulsa mon-wed the week after next", [T("Tulsa", "2026-09-14", "2026-09-16")]),
    (OCT, "Kochi the weekend of the 24th", [T("Kochi", "2026-10-23", "2026-10-25")]),
    (MAY, "I'll be in Lyon the week of the 14th", [T("Lyon", "2027-06-14", "2027-06-20")]),
    (FEB, "Brisbane thu–sat next week for work", [T("Brisbane", "2027-02-25", "2027-02-27")]),
    # cross-month, year-end, day-first numerics
    (XMAS, "I'm in Kilkenny 30 Dec – 3 Jan", [T("Kilkenny", "2026-12-30", "2027-01-03")]),
    (NYE, "Quebec City Jan 30 to Feb 2", [T("Québec", "2027-01-30", "2027-02-02")]),
    (MAY, "will be in Graz 28/6 – 2/7", [T("Graz", "2027-06-28", "2027-07-02")]),
    (OCT, "Nagpur 29/10 to 1/11 for a cousin's wedding", [T("Nagpur", "2026-10-29", "2026-11-01")]),
    # durations
    (
        JAN,
        "I'll be in Portland for 4 days from feb 10",
        [T("Portland", "2027-02-10", "2027-02-13")],
    ),
    (MAY, "two nights in Ghent from friday", [T("Gent", "2027-06-04", "2027-06-06")]),
    # not trips
    (AUG, "was in Omaha thursday and friday last week", []),
    (OCT, "my cousin is in Surat tomorrow and sunday", []),
    (MAY, "Bremen trip on the 8th is off, sadly", []),
]


def _rows(case: Case) -> list[tuple[str, str | None, date | None, date | None]]:
    return statement_rows(case[0], case[1])


@pytest.mark.parametrize("case", BATCH, ids=[c[1] for c in BATCH])
def test_batch(case: Case) -> None:
    assert _rows(case) == sorted(case[2])


# An arrival verb before the city starts the trip ("reaching", "pulling into", "touching down in").
@pytest.mark.parametrize(
    ("now", "text", "want"),
    [
        (
            AUG,
            "reaching Denver on the 10th, out on the 13th",
            T("Denver", "2026-09-10", "2026-09-13"),
        ),
        (
            OCT,
            "pulling into Agra tomorrow night, leaving monday",
            T("Agra", "2026-10-10", "2026-10-12"),
        ),
        (
            MAY,
            "touching down in Oslo thursday, flying back sunday",
            T("Oslo", "2027-06-03", "2027-06-06"),
        ),
        (
            FEB,
            "we're reaching Ballarat on friday and heading home sunday",
            T("Ballarat", "2027-02-19", "2027-02-21"),
        ),
    ],
)
def test_an_arrival_verb_starts_the_trip(now: object, text: str, want: object) -> None:
    assert _rows((now, text, [])) == [want]  # type: ignore[arg-type]


# The end in a second clause, its verb followed by "again", "back" or "home".
@pytest.mark.parametrize(
    ("now", "text", "want"),
    [
        (
            FEB,
            "in Perth from the 2nd, flying out again on the 6th",
            T("Perth", "2027-03-02", "2027-03-06"),
        ),
        (
            AUG,
            "landing in Reno friday, heading back home again monday",
            T("Reno", "2026-09-04", "2026-09-07"),
        ),
        (
            JAN,
            "I'm in Fresno from the 3rd, driving back home the 5th",
            T("Fresno", "2027-02-03", "2027-02-05"),
        ),
        (
            MAY,
            "Antwerp from tuesday, checking out again friday",
            T("Antwerp", "2027-06-01", "2027-06-04"),
        ),
    ],
)
def test_a_departure_with_again_or_home_ends_the_trip(now: object, text: str, want: object) -> None:
    assert _rows((now, text, [])) == [want]  # type: ignore[arg-type]


# A holiday named by common words gives a trip its days ("through new year's day", "over the
# bank holiday", "till boxing day"); the same common words alone are no date.
@pytest.mark.parametrize(
    ("now", "text", "want"),
    [
        (NYE, "here in Atlanta through new year's day", [T("Atlanta", "2026-12-29", "2027-01-01")]),
        (XMAS, "I'm in Sligo till boxing day", [T("Sligo", "2026-12-23", "2026-12-26")]),
        (XMAS, "in Galway until new year’s day", [T("Galway", "2026-12-23", "2027-01-01")]),
        (AUG, "Memphis for labor day", [T("Memphis", "2026-09-07", "2026-09-07")]),
        (XMAS, "Limerick here, what a good day it was", [H("Limerick")]),
    ],
)
def test_a_holiday_by_common_words_is_a_date(now: object, text: str, want: list[object]) -> None:
    assert _rows((now, text, [])) == sorted(want)  # type: ignore[type-var, arg-type]


@pytest.mark.parametrize(
    "text", ["through new year's day", "till boxing day", "over the bank holiday", "on canada day"]
)
def test_the_gates_open_on_a_holiday_name(text: str) -> None:
    assert en.may_date(text)
    assert might_matter(f"in Toronto {text}")


@pytest.mark.parametrize("text", ["a good day", "the night was long", "happy new phone"])
def test_common_words_alone_name_no_holiday(text: str) -> None:
    assert not en.may_date(text)
    assert not en.names_a_holiday(text, text.split())


# A trip called off after its city and days: "is off", "got scrapped", "isn't happening".
@pytest.mark.parametrize(
    ("now", "text"),
    [
        (MAY, "the Bremen trip on the 8th is off, sadly"),
        (AUG, "Denver next week's off, work stuff"),
        (OCT, "my Pune trip on saturday got scrapped"),
        (FEB, "Hobart next weekend isn't happening anymore"),
        (JAN, "Seattle on the 5th is not happening"),
    ],
)
def test_a_trip_called_off_is_no_trip(now: object, text: str) -> None:
    assert _rows((now, text, [])) == []  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("now", "text", "want"),
    [
        (
            AUG,
            "Denver next week, off to the mountains after",
            T("Denver", "2026-09-07", "2026-09-13"),
        ),
        (
            MAY,
            "in Bremen on the 8th, off for a run by the river",
            T("Bremen", "2027-06-08", "2027-06-08"),
        ),
    ],
)
def test_off_to_somewhere_is_not_called_off(now: object, text: str, want: object) -> None:
    assert _rows((now, text, [])) == [want]  # type: ignore[arg-type]


# Weekday short forms that are no other word read in lower case ("tues", "thurs", "fri").
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("in Denver thurs and fri", T("Denver", "2027-01-28", "2027-01-29")),
        ("Boise tues to thurs", T("Boise", "2027-02-02", "2027-02-04")),
        ("Fresno weds", T("Fresno", "2027-02-03", "2027-02-03")),
    ],
)
def test_lower_case_weekday_short_forms(text: str, want: object) -> None:
    assert _rows((JAN, text, [])) == [want]
