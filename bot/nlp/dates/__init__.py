"""Time expressions in English chat: "next fri 7pm", "March 3-5", "this weekend", "in 2 weeks".

A small hand-written grammar over tokens, on top of python-dateutil's ``relativedelta``.
Every value is resolved against ``now`` (an aware datetime in the community's zone) following
the project's conventions (issue 5):

* a bare weekday is the next one after today, never today; "next friday" is the Friday of
  next week (weeks start on Monday), "this friday" the one in the current week;
* "this weekend" is Friday 18:00 to Monday 00:00; evening/tonight 18-24, afternoon 12-19,
  morning 0-12, lunch 12-14, after work 17-21, night 18-24;
* a bare clock time is its next occurrence (today if still ahead); in a meetup ``when`` an
  hour 1-7 without am/pm is pm;
* "the 29th" skips months without one; a month and day without a year is the next occurrence;
* numeric a/b is month/day in US zones and day/month elsewhere (a first number over 12 forces
  day/month; dotted dates are always day.month);
* "X or Y" is X, sharing Y's time of day when only Y says it ("Friday or Saturday evening"
  is Friday evening); a range starts at its first bound and ends, exclusive, at its stated end
  ("7-9pm" ends at 21:00; "March 3-5" ends at March 6 00:00);
* grain: minute when minutes are written, hour for whole hours and parts of day, day for
  dates and weekdays, then week, month, year;
* a zone named after a place ("7pm UK time", "8pm Eastern") is that place's IANA zone, with
  its summer time; an abbreviation ("EST") is a fixed offset;
* holidays are the next one (or the year's, "last ..."), read for the country (and state) of
  the zone (Canadian Thanksgiving in Toronto, Labour Day in March in Melbourne); "the bank
  holiday" is the next public holiday; seasons follow the zone's hemisphere, and in a
  meetup `when` a season without "this" is the coming one;
* a meetup `when` may be two pieces that make one time ("a week on thursday, 6.30", "this
  weekend, saturday preferably"): ``compose``;
* words that name no time ("asap", "tbd", "whenever") are refused in a meetup ``when``
  (``names_no_time``); in chat "asap" stays "now", as in Duckling.
* in a meetup ``when``, Markdown ("~~thurs~~ fri", ":beers:", "_sat 2pm_"), chat
  tags ("sat 2pm ok?", "lah") and rescheduling words ("push it to thurs") are read past; a
  day or outing that happens at night ("NYE, 8ish") makes a bare 8-11 the evening; vague
  parts of a period ("early next month", "the first half of may") are spans of days, which
  the bot refuses as one time and offers as a date poll;
* in chat, a day restated by the span of days right after it gives way to the span ("for
  Hogmanay, 29th Dec to 2nd Jan").

Layout: ``values`` (what a rule reads a message into: DaySpan, ClockTime, PartOfDay,
Interval), ``vocabulary`` (the English words), ``tokens``, ``cursor`` (token helpers and the
memoised entry points), the rules by what they read (``days``, ``clock``, ``relative``,
``combine``: free functions over the cursor; ``parser.p_expr`` is the entry), ``compose``
(two pieces of a `when` that make one time), ``span_clock`` (a clock time put on a span of
days, "late june 7pm", which the bot refuses like the span), ``region`` (country, state and
hemisphere of the zone; zones of named places), ``holiday_dates``, and ``scan`` (the pre-filter, the
windows around numbers and time words, the work caps of issue 13, and the entry points).
Every rule's docstring ends with its examples; ``tests/nlp/test_nlp_date_rules.py`` reads
them through the grammar.
"""

from bot.nlp.dates.scan import (
    Work,
    clock_on_span,
    find_times,
    find_times_work,
    names_no_time,
    parse_when,
    suggest_times,
)
from bot.nlp.dates.values import Grain, TimeMention
from bot.nlp.dates.vocabulary import uses_us_dates

__all__ = [
    "Grain",
    "TimeMention",
    "Work",
    "clock_on_span",
    "find_times",
    "find_times_work",
    "names_no_time",
    "parse_when",
    "suggest_times",
    "uses_us_dates",
]
