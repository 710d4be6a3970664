"""The English words of the grammar: months, weekdays, numbers, units, parts of the day,
zones, and the word sets the scanner and the rules dispatch on."""

from __future__ import annotations

from datetime import tzinfo

# ---------------------------------------------------------------------------------------
# Vocabulary

_MONTHS: dict[str, int] = {}
for _i, _names in enumerate(
    [
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may",),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sep", "sept"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ],
    start=1,
):
    for _n in _names:
        _MONTHS[_n] = _i

_WEEKDAYS: dict[str, int] = {}
for _i, _names in enumerate(
    [
        ("monday", "mon", "mondays"),
        ("tuesday", "tue", "tues", "tuesdays"),
        ("wednesday", "wed", "weds", "wednesdays"),
        ("thursday", "thu", "thur", "thurs", "thursdays"),
        ("friday", "fri", "fridays"),
        ("saturday", "sat", "saturdays"),
        ("sunday", "sun", "sundays"),
    ]
):
    for _n in _names:
        _WEEKDAYS[_n] = _i

_NUMBERS: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
}
_ORDINALS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
}
_UNITS: dict[str, str] = {}
for _u, _names in {
    "second": ("second", "seconds", "sec", "secs", "s"),
    "minute": ("minute", "minutes", "min", "mins", "m"),
    "hour": ("hour", "hours", "hr", "hrs", "h"),
    "day": ("day", "days"),
    "week": ("week", "weeks", "wk", "wks"),
    "fortnight": ("fortnight", "fortnights"),
    "month": ("month", "months", "mo", "mos"),
    "quarter": ("quarter", "quarters", "qtr", "qtrs"),
    "year": ("year", "years", "yr", "yrs"),
}.items():
    for _n in _names:
        _UNITS[_n] = _u

# Regional and finer parts of the day: (start hour, end hour). "arvo" is Australian for the
# afternoon; "tea time" the British late afternoon; "first thing" the start of the working
# day; "mid-morning" sits between breakfast and noon, "mid-afternoon" around three.
_MORE_PARTS: dict[str, tuple[int, int]] = {
    "arvo": (12, 19),
    "arvos": (12, 19),
    "evo": (18, 24),
    "eve": (18, 24),
    "teatime": (16, 18),
    # round 4: more regional and abbreviated parts ("avo" is Australian for arvo; "aft" and
    # "evng" are typed in a hurry; "elevenses" is the British mid-morning break)
    "avo": (12, 19),
    "aft": (12, 19),
    "evng": (18, 24),
    "evn": (18, 24),
    "dinnertime": (18, 22),
    "suppertime": (18, 22),
    "elevenses": (11, 12),
    # round 9: Australian "afto" (arvo), a hurried "aftn"
    "afto": (12, 19),
    "aftn": (12, 19),
}
# Parts of the day: (start hour, end hour) on the day, end may be 24.
_PARTS: dict[str, tuple[int, int]] = {
    "morning": (0, 12),
    "mornings": (0, 12),
    "afternoon": (12, 19),
    "afternoons": (12, 19),
    "evening": (18, 24),
    "evenings": (18, 24),
    "night": (18, 24),
    "nights": (18, 24),
    "lunch": (12, 14),
    "lunchtime": (12, 14),
    "noon": (12, 13),
    "brunch": (10, 14),
    "breakfast": (7, 10),
    "dinner": (18, 22),
    "supper": (18, 22),
    **_MORE_PARTS,
}
_SEASONS = frozenset({"spring", "summer", "fall", "autumn", "winter", "season", "seasons"})
_DAY_WORDS = {
    "today": 0,
    "tonight": 0,
    "tonite": 0,
    "tomorrow": 1,
    "tmrw": 1,
    "tmr": 1,
    "tmw": 1,
    "tomorrows": 1,
    "tommorow": 1,
    "tomorow": 1,
    "2moro": 1,
    "2mrw": 1,
    "tmoro": 1,
    "tomoz": 1,
    "tmorrow": 1,
    "2morrow": 1,
    "tmrrw": 1,
    "morra": 1,  # Scots: "the morra"
    "morrow": 1,
    "yesterday": -1,
}

_TZ_OFFSETS: dict[str, float] = {
    "utc": 0,
    "gmt": 0,
    "z": 0,
    "bst": 1,
    "cet": 1,
    "cest": 2,
    "eet": 2,
    "eest": 3,
    "est": -5,
    "edt": -4,
    "cst": -6,
    "cdt": -5,
    "mst": -7,
    "mdt": -6,
    "pst": -8,
    "pdt": -7,
    "akst": -9,
    "hst": -10,
    "ist": 5.5,
    "jst": 9,
    "aest": 10,
    "acst": 9.5,
    "acdt": 10.5,
    "awst": 8,
    "nzst": 12,
    "nzdt": 13,
    "sgt": 8,
    "hkt": 8,
    "kst": 9,
    "akdt": -8,
    "ast": -4,
    "adt": -3,
    "aedt": 11,
    "msk": 3,
    # South Africa, West Africa, Pakistan, the Philippines ("CAT"/"EAT" are words: left out)
    "sast": 2,
    "wat": 1,
    "pkt": 5,
    "pht": 8,
}

# ---------------------------------------------------------------------------------------
# Words added for the last `when` misses (issue 14): zones named after a place, regional
# and finer parts of the day, holidays, and words that name no time.

# Zones named after a country, region or city, after a clock time ("7pm UK time", "8pm
# Eastern"): the words -> an IANA zone (summer time follows the zone). Names in
# ``_BARE_ZONES`` are zones by themselves; the others need "time" after them ("7pm Sydney
# time"), since a city after a time is usually where, not which clock.
_ZONE_NAMES: dict[tuple[str, ...], str] = {
    ("uk",): "Europe/London",
    ("british",): "Europe/London",
    ("london",): "Europe/London",
    ("irish",): "Europe/Dublin",
    ("dublin",): "Europe/Dublin",
    ("german",): "Europe/Berlin",
    ("germany",): "Europe/Berlin",
    ("berlin",): "Europe/Berlin",
    ("french",): "Europe/Paris",
    ("france",): "Europe/Paris",
    ("paris",): "Europe/Paris",
    ("spanish",): "Europe/Madrid",
    ("madrid",): "Europe/Madrid",
    ("dutch",): "Europe/Amsterdam",
    ("amsterdam",): "Europe/Amsterdam",
    ("italian",): "Europe/Rome",
    ("rome",): "Europe/Rome",
    ("swedish",): "Europe/Stockholm",
    ("stockholm",): "Europe/Stockholm",
    ("central", "european"): "Europe/Berlin",
    ("european",): "Europe/Berlin",
    ("eastern",): "America/New_York",
    ("et",): "America/New_York",
    ("east", "coast"): "America/New_York",
    ("new", "york"): "America/New_York",
    ("nyc",): "America/New_York",
    ("ny",): "America/New_York",
    ("toronto",): "America/Toronto",
    ("central",): "America/Chicago",
    ("ct",): "America/Chicago",
    ("chicago",): "America/Chicago",
    ("mountain",): "America/Denver",
    ("mt",): "America/Denver",
    ("denver",): "America/Denver",
    ("pacific",): "America/Los_Angeles",
    ("pt",): "America/Los_Angeles",
    ("west", "coast"): "America/Los_Angeles",
    ("la",): "America/Los_Angeles",
    ("sf",): "America/Los_Angeles",
    ("vancouver",): "America/Vancouver",
    ("sydney",): "Australia/Sydney",
    ("aet",): "Australia/Sydney",
    ("nzt",): "Pacific/Auckland",
    ("melbourne",): "Australia/Melbourne",
    ("brisbane",): "Australia/Brisbane",
    ("perth",): "Australia/Perth",
    ("aussie",): "Australia/Sydney",
    ("nz",): "Pacific/Auckland",
    ("auckland",): "Pacific/Auckland",
    ("india",): "Asia/Kolkata",
    ("indian",): "Asia/Kolkata",
    ("japan",): "Asia/Tokyo",
    ("japanese",): "Asia/Tokyo",
    ("tokyo",): "Asia/Tokyo",
    ("singapore",): "Asia/Singapore",
    ("hong", "kong"): "Asia/Hong_Kong",
    ("bangalore",): "Asia/Kolkata",
    ("bombay",): "Asia/Kolkata",
    ("calcutta",): "Asia/Kolkata",
    # demonyms ("7.30pm South African time"): the country's capital's zone
    ("south", "african"): "Africa/Johannesburg",
    ("australian",): "Australia/Sydney",
    ("canadian",): "America/Toronto",
    ("nigerian",): "Africa/Lagos",
    ("kenyan",): "Africa/Nairobi",
    ("filipino",): "Asia/Manila",
    ("singaporean",): "Asia/Singapore",
    ("chinese",): "Asia/Shanghai",
    ("korean",): "Asia/Seoul",
    ("thai",): "Asia/Bangkok",
    ("polish",): "Europe/Warsaw",
    ("norwegian",): "Europe/Oslo",
    ("danish",): "Europe/Copenhagen",
    ("finnish",): "Europe/Helsinki",
    ("portuguese",): "Europe/Lisbon",
    ("greek",): "Europe/Athens",
    ("turkish",): "Europe/Istanbul",
    ("israeli",): "Asia/Jerusalem",
    ("brazilian",): "America/Sao_Paulo",
    ("mexican",): "America/Mexico_City",
    ("scottish",): "Europe/London",
    ("welsh",): "Europe/London",
    ("kiwi",): "Pacific/Auckland",
    ("swiss",): "Europe/Zurich",
    ("austrian",): "Europe/Vienna",
    ("belgian",): "Europe/Brussels",
    ("czech",): "Europe/Prague",
    ("hungarian",): "Europe/Budapest",
    ("romanian",): "Europe/Bucharest",
    ("ukrainian",): "Europe/Kyiv",
    ("russian",): "Europe/Moscow",
    ("icelandic",): "Atlantic/Reykjavik",
    ("croatian",): "Europe/Zagreb",
    ("vietnamese",): "Asia/Ho_Chi_Minh",
    ("indonesian",): "Asia/Jakarta",
    ("malaysian",): "Asia/Kuala_Lumpur",
    ("pakistani",): "Asia/Karachi",
    ("bangladeshi",): "Asia/Dhaka",
    ("egyptian",): "Africa/Cairo",
    ("saudi",): "Asia/Riyadh",
    ("emirati",): "Asia/Dubai",
    ("argentine",): "America/Argentina/Buenos_Aires",
    ("argentinian",): "America/Argentina/Buenos_Aires",
    ("chilean",): "America/Santiago",
    ("colombian",): "America/Bogota",
    ("peruvian",): "America/Lima",
    ("jamaican",): "America/Jamaica",
    # states and provinces whose main clock is one zone (before GeoNames' towns: "Ontario"
    # is also a town in California)
    ("california",): "America/Los_Angeles",
    ("oregon",): "America/Los_Angeles",
    ("washington", "state"): "America/Los_Angeles",
    ("nevada",): "America/Los_Angeles",
    ("arizona",): "America/Phoenix",
    ("colorado",): "America/Denver",
    ("utah",): "America/Denver",
    ("texas",): "America/Chicago",
    ("illinois",): "America/Chicago",
    ("minnesota",): "America/Chicago",
    ("florida",): "America/New_York",
    ("georgia",): "America/New_York",
    ("massachusetts",): "America/New_York",
    ("ontario",): "America/Toronto",
    ("quebec",): "America/Toronto",
    ("british", "columbia"): "America/Vancouver",
    ("bc",): "America/Vancouver",
    ("alberta",): "America/Edmonton",
    ("manitoba",): "America/Winnipeg",
    ("nova", "scotia"): "America/Halifax",
    ("newfoundland",): "America/St_Johns",
    ("western", "australia"): "Australia/Perth",
    ("south", "australia"): "Australia/Adelaide",
    ("new", "south", "wales"): "Australia/Sydney",
    ("nsw",): "Australia/Sydney",
    ("tasmania",): "Australia/Hobart",
    ("northern", "territory"): "Australia/Darwin",
    # parts of countries and short names GeoNames' country list does not hold
    ("scotland",): "Europe/London",
    ("wales",): "Europe/London",
    ("england",): "Europe/London",
    ("northern", "ireland"): "Europe/London",
    ("central", "europe"): "Europe/Berlin",
    ("aus",): "Australia/Sydney",
    ("queensland",): "Australia/Brisbane",
    ("qld",): "Australia/Brisbane",
    ("hawaii",): "Pacific/Honolulu",
    ("alaska",): "America/Anchorage",
    ("korea",): "Asia/Seoul",
    ("uae",): "Asia/Dubai",
    # round 9: more regions and cities said for a clock ("7pm Atlantic", "7pm Adelaide")
    ("atlantic",): "America/Halifax",
    ("hawaiian",): "Pacific/Honolulu",
    ("adelaide",): "Australia/Adelaide",
    ("darwin",): "Australia/Darwin",
    ("hobart",): "Australia/Hobart",
    ("tassie",): "Australia/Hobart",
    ("canberra",): "Australia/Sydney",
    ("melb",): "Australia/Melbourne",
    ("wellington",): "Pacific/Auckland",
    ("christchurch",): "Pacific/Auckland",
    ("montreal",): "America/Toronto",
    ("ottawa",): "America/Toronto",
    ("calgary",): "America/Edmonton",
    ("edmonton",): "America/Edmonton",
    ("winnipeg",): "America/Winnipeg",
    ("halifax",): "America/Halifax",
    ("boston",): "America/New_York",
    ("seattle",): "America/Los_Angeles",
    ("edinburgh",): "Europe/London",
    ("glasgow",): "Europe/London",
    ("manchester",): "Europe/London",
    ("belfast",): "Europe/London",
    ("cork",): "Europe/Dublin",
    ("mumbai",): "Asia/Kolkata",
    ("delhi",): "Asia/Kolkata",
    ("chennai",): "Asia/Kolkata",
    ("kolkata",): "Asia/Kolkata",
    ("hyderabad",): "Asia/Kolkata",
    ("pune",): "Asia/Kolkata",
    ("eastern", "european"): "Europe/Helsinki",
    ("western", "european"): "Europe/Lisbon",
}
_BARE_ZONES = frozenset(
    {("uk",), ("eastern",), ("et",), ("central",), ("ct",), ("mountain",), ("mt",)}
    | {("central", "european"), ("scotland",), ("england",), ("wales",), ("hawaii",)}
    | {("west", "coast"), ("east", "coast"), ("central", "europe"), ("atlantic",)}
    | {("pacific",), ("pt",), ("nz",), ("nzt",), ("aet",)}
)
_ZONE_TIME_WORDS = frozenset({"time", "standard", "daylight"})

# Two-word parts: the words -> hours.
_PART_PHRASES: dict[tuple[str, ...], tuple[int, int]] = {
    ("tea", "time"): (16, 18),
    ("afternoon", "tea"): (15, 17),
    ("lunch", "time"): (12, 14),
    ("first", "thing"): (8, 10),
    ("happy", "hour"): (17, 19),
    ("before", "work"): (7, 9),
    ("straight", "after", "work"): (17, 21),
    ("right", "after", "work"): (17, 21),
    ("mid", "-", "morning"): (10, 12),
    ("mid", "morning"): (10, 12),
    ("midmorning",): (10, 12),
    ("mid", "-", "afternoon"): (14, 17),
    ("mid", "afternoon"): (14, 17),
    ("midafternoon",): (14, 17),
    ("mid", "-", "evening"): (19, 22),
    ("mid", "-", "arvo"): (14, 17),
    ("mid", "arvo"): (14, 17),
    ("mid", "evening"): (19, 22),
    ("all", "day"): (0, 24),  # "all day saturday": the whole day, from its start
    ("dinner", "time"): (18, 22),
    ("supper", "time"): (18, 22),
    ("morning", "tea"): (10, 11),  # Australian and New Zealand mid-morning break
    ("lunch", "hour"): (12, 14),
    ("late", "doors"): (21, 24),  # northern English: late in the evening
    ("after", "dinner"): (20, 23),
    ("after", "tea"): (18, 21),
    # Australian end of the working day
    ("knock", "-", "off", "time"): (17, 19),
    ("knock", "off", "time"): (17, 19),
    ("knock", "-", "off"): (17, 19),
    ("knockoff",): (17, 19),
    # round 9: hyphenated and "time" forms, the end of the working or school day
    ("knock", "off"): (17, 19),
    ("tea", "-", "time"): (16, 18),
    ("breakfast", "time"): (7, 10),
    ("brunch", "time"): (10, 14),
    ("brekkie", "time"): (7, 10),
    ("straight", "after", "school"): (15, 21),
    ("right", "after", "school"): (15, 21),
    ("post", "work"): (17, 21),
    ("post", "-", "work"): (17, 21),
}
# "after work" and the like: their hours ("after-school", "after office hours" too).
_AFTER_PARTS = {
    "work": (17, 21),
    "office": (17, 21),
    "lunch": (13, 17),
    "school": (15, 21),
    "uni": (17, 21),
    "college": (17, 21),
    "class": (17, 21),
    "classes": (17, 21),
    "lectures": (17, 21),
}
# The words a part of the day may end with ("mid-morning", "after work", "tea time",
# "evening-ish"): a short weekday after one is a day in a `when` ("mid-morning sat").
_PART_LAST_WORDS = frozenset(words[-1] for words in _PART_PHRASES) | frozenset(
    ["work", "office", "school", "uni", "college", "ish"]
)
# "late morning" is its last two hours (the grammar's "late" is the last three otherwise).
_LATE_PART_HOURS: dict[str, tuple[int, int]] = {"morning": (10, 12), "mornings": (10, 12)}

# Holidays people plan around: the words -> the key of ``holiday_dates``.
_HOLIDAY_NAMES: dict[tuple[str, ...], str] = {
    ("christmas",): "christmas",
    ("xmas",): "christmas",
    ("christmas", "day"): "christmas",
    ("xmas", "day"): "christmas",
    ("christmas", "eve"): "christmas_eve",
    ("xmas", "eve"): "christmas_eve",
    ("boxing", "day"): "boxing_day",
    ("new", "year's", "eve"): "new_years_eve",
    ("new", "years", "eve"): "new_years_eve",
    ("new", "year", "eve"): "new_years_eve",
    ("nye",): "new_years_eve",
    ("hogmanay",): "new_years_eve",  # Scotland
    ("new", "year's", "day"): "new_years_day",
    ("new", "years", "day"): "new_years_day",
    ("new", "year's"): "new_years_day",
    ("new", "year"): "new_years_day",
    ("new", "years"): "new_years_day",
    ("thanksgiving",): "thanksgiving",
    ("thanksgiving", "day"): "thanksgiving",
    ("easter",): "easter",
    ("easter", "sunday"): "easter",
    ("easter", "monday"): "easter_monday",
    ("easter", "saturday"): "easter_saturday",
    ("holy", "saturday"): "easter_saturday",
    ("easter", "mon"): "easter_monday",
    # round 9: the other days of Easter as typed ("Easter Friday" is Good Friday)
    ("easter", "sat"): "easter_saturday",
    ("easter", "sun"): "easter",
    ("easter", "friday"): "good_friday",
    ("easter", "fri"): "good_friday",
    ("good", "fri"): "good_friday",
    ("valentine", "day"): "valentines",
    ("st", "paddy's", "day"): "st_patricks",
    ("saint", "paddy's", "day"): "st_patricks",
    ("saint", "patricks", "day"): "st_patricks",
    ("st", "patricks", "day"): "st_patricks",
    ("good", "friday"): "good_friday",
    ("diwali",): "diwali",
    ("deepavali",): "diwali",
    # the end of Ramadan by its regional names (Malay, Hausa/Yoruba, Arabic)
    ("hari", "raya"): "eid_al_fitr",
    ("hari", "raya", "puasa"): "eid_al_fitr",
    ("hari", "raya", "aidilfitri"): "eid_al_fitr",
    ("raya",): "eid_al_fitr",
    ("sallah",): "eid_al_fitr",
    ("eid",): "eid_al_fitr",
    ("eid", "al", "fitr"): "eid_al_fitr",
    ("eid", "ul", "fitr"): "eid_al_fitr",
    ("hari", "raya", "haji"): "eid_al_adha",
    ("eid", "al", "adha"): "eid_al_adha",
    ("eid", "ul", "adha"): "eid_al_adha",
    ("halloween",): "halloween",
    ("valentine's", "day"): "valentines",
    ("valentines", "day"): "valentines",
    ("valentine's",): "valentines",
    ("st", "patrick's", "day"): "st_patricks",
    ("saint", "patrick's", "day"): "st_patricks",
    ("paddy's", "day"): "st_patricks",
    ("fourth", "of", "july"): "july_fourth",
    ("independence", "day"): "july_fourth",
    ("canada", "day"): "canada_day",
    ("civic", "holiday"): "civic_holiday",
    ("australia", "day"): "australia_day",
    ("memorial", "day"): "memorial_day",
    ("labor", "day"): "labour_day",
    ("labour", "day"): "labour_day",
    ("bank", "holiday"): "bank_holiday",
    ("bank", "holiday", "monday"): "bank_holiday_monday",
    ("bonfire", "night"): "bonfire_night",
    ("guy", "fawkes", "night"): "bonfire_night",
    ("guy", "fawkes"): "bonfire_night",
    ("fireworks", "night"): "bonfire_night",
    ("burns", "night"): "burns_night",
    ("st", "andrew's", "day"): "st_andrews",
    ("saint", "andrew's", "day"): "st_andrews",
    ("st", "andrews", "day"): "st_andrews",
    ("juneteenth",): "juneteenth",
    ("remembrance", "day"): "remembrance_day",
    ("armistice", "day"): "remembrance_day",
    ("remembrance", "sunday"): "remembrance_sunday",
    ("black", "friday"): "black_friday",
    ("cyber", "monday"): "cyber_monday",
    ("presidents", "day"): "presidents_day",
    ("president's", "day"): "presidents_day",
    ("presidents", "'", "day"): "presidents_day",
    ("mlk", "day"): "mlk_day",
    ("martin", "luther", "king", "day"): "mlk_day",
    ("cinco", "de", "mayo"): "cinco_de_mayo",
    ("lunar", "new", "year"): "lunar_new_year",
    ("chinese", "new", "year"): "lunar_new_year",
    # round 9: the names as typed in chat (no apostrophe, slang, short forms)
    ("x", "-", "mas"): "christmas",
    ("x", "-", "mas", "eve"): "christmas_eve",
    ("chrimbo",): "christmas",
    ("crimbo",): "christmas",
    ("nyd",): "new_years_day",
    ("turkey", "day"): "thanksgiving",
    ("paddys", "day"): "st_patricks",
    ("patricks", "day"): "st_patricks",
    ("patrick's", "day"): "st_patricks",
    ("st", ".", "patrick's", "day"): "st_patricks",
    ("st", ".", "patricks", "day"): "st_patricks",
    ("st", "paddys", "day"): "st_patricks",
    ("bank", "hol"): "bank_holiday",
    ("bank", "hol", "monday"): "bank_holiday_monday",
    ("easter", "bank", "holiday"): "good_friday",
}
_HOLIDAY_FIRST_WORDS = frozenset(words[0] for words in _HOLIDAY_NAMES)


def holiday_names() -> frozenset[tuple[str, ...]]:
    """Every holiday name this grammar reads, as its words ("boxing", "day"): the statement
    grammar opens its date gate on them (``lang.en.names_a_holiday``)."""
    return frozenset(_HOLIDAY_NAMES)
# The holiday words that alone make a message worth reading (not "new", "good", "bank": the
# other names end in "day", "friday" or "year's", which pass by themselves).
_HOLIDAY_TRIGGERS = frozenset(
    [
        "christmas",
        "xmas",
        "nye",
        "thanksgiving",
        "easter",
        "diwali",
        "deepavali",
        "hogmanay",
        "raya",
        "sallah",
        "eid",
        "halloween",
        "year's",
        "holiday",
        "valentine's",
        "valentines",
        "cinco",
        "juneteenth",
        "bonfire",
        "burns",
        "fawkes",
        "chrimbo",
        "crimbo",
        "nyd",
        "turkey",
        "paddys",
    ]
)

# First words of the "... Day" holidays read from the community's own calendar (the
# ``holidays`` package): national days, Labour Day by state, days of remembrance.
_CALENDAR_FIRST_WORDS = frozenset(
    [
        "cup",
        "anzac",
        "waitangi",
        "democracy",
        "rizal",
        "bonifacio",
        "family",
        "republic",
        "heritage",
        "freedom",
        "remembrance",
        "labour",
        "labor",
        "independence",
        "victoria",
        "canada",
        "australia",
        "youth",
        "reconciliation",
        "workers",
        "workers'",
        "veterans",
        "columbus",
        "civic",
        "human",
        "national",
        "emancipation",
        "discovery",
        "truth",
        "matariki",
        "islander",
        "may",
        "st",
        "saint",
        "king's",
        "kings",
        "queen's",
        "queens",
        "constitution",
        "unity",
        "spring",
        "summer",
        "late",
        "june",
        "october",
        "august",
        "melbourne",
        "day",
        "dussehra",
        "holi",
        "onam",
        "pongal",
        "navratri",
        "janmashtami",
        "vesak",
    ]
)
_CALENDAR_LAST_WORDS = frozenset(["day", "holiday", "birthday"])
# The word a holiday's name ends in that its long weekend may leave out ("Labour weekend").
HOLIDAY_DAY = "day"
# Festivals named in one word, and words inside a calendar's names ("Melbourne Cup Day"):
# where reading may start, so that the name is looked up.
_FESTIVALS = frozenset(
    ["dussehra", "holi", "onam", "pongal", "navratri", "janmashtami", "vesak", "matariki"]
)
# (and the words inside national calendars' names: "Human Rights Day", "National Heroes Day")
_CALENDAR_INNER_WORDS = frozenset(["cup", "rights", "heroes", "women's", "goodwill"])
# "St Stephen's Day", "Saint David's Day": the saint's name between is no time word, so the
# reading starts at "St" itself.
_SAINTS = frozenset(["st", "saint"])
# A holiday named with a part of the day ("bonfire night"): the part is read as such.
_PART_NAMES_IN_HOLIDAYS = frozenset(["night"])

# Words that name no time: a `when` made of them is refused with an example, never read as
# now ("asap" is "now" in chat, as in Duckling, but a meetup cannot start as soon as possible).
_NO_TIME_WORDS = frozenset(
    [
        "whenever",
        "soon",
        "soonish",
        "asap",
        "tbd",
        "tba",
        "tbc",
        "someday",
        "sometime",
        "anytime",
        "eventually",
        "later",
        "flexible",
        "undecided",
        "unknown",
        "idk",
        "dunno",
    ]
)
_NO_TIME_PHRASES = (
    ("as", "soon", "as", "possible"),
    ("any", "time"),
    ("some", "day"),
    ("one", "day"),
    ("at", "some", "point"),
    ("not", "sure"),
    ("to", "be", "decided"),
    ("to", "be", "announced"),
    ("to", "be", "confirmed"),
    ("just", "now"),  # South Africa: later, some time
    ("now", "now"),  # South Africa: soon
    ("one", "of", "these", "days"),
    ("when", "we", "can"),
    ("whenever", "works"),
)


# Words that can start or sit inside a time expression; a message with none of these and no
# digit has no time in it (the fast path of find_times).
_TRIGGERS = frozenset(
    [
        *_MONTHS,
        *_WEEKDAYS,
        *_DAY_WORDS,
        *_PARTS,
        "now",
        "noon",
        "midday",
        "midnight",
        "week",
        "weekend",
        "weekends",
        "month",
        "year",
        "ago",
        "hence",
        "fortnight",
        "asap",
        "eod",
        "eom",
        "eoy",
        "bom",
        "atm",
        "quarter",
        "qtr",
        "weeknight",
        "weeknights",
        "oclock",
        "o'clock",
        "hours",
        "minutes",
        "days",
        "weeks",
        "months",
        "years",
        "hour",
        "minute",
        "day",
        "week-end",
        "ides",
        "wkend",
        # week words typed in a hurry (``_SHORTHAND``): "next wek", "this wknd", "nxt wk"
        "wk",
        "wks",
        "wek",
        "weeek",
        "wknd",
        "wkd",
        "weeknd",
        "yr",
        "yrs",
        "tonite",
        "mins",
        "min",
        "hrs",
        "hr",
        "secs",
        "sec",
        "seconds",
        *_HOLIDAY_TRIGGERS,
        "midmorning",
        "midafternoon",
        "teatime",
    ]
) - {
    "may",
    "mar",
    "sat",
    "sun",
    "wed",
    "mon",
    "jan",
    "dec",
    "oct",
    "aug",
    "sep",
    "nov",
    "jun",
    "jul",
    "apr",
    "feb",
    "sept",
    "lunch",
    "dinner",
    "breakfast",
    "brunch",
    "supper",
    "min",
    "sec",
}
# Short forms and words that are times only sometimes ("may", "sun", "lunch"): they pass
# the pre-filter when written with a capital inside a sentence, or with a number around.
# ("tues", "thurs", "fri" are no other word: they pass in lower case too.)
_WEAK_TRIGGERS = frozenset(
    [
        "may",
        "mar",
        "sat",
        "sun",
        "wed",
        "mon",
        "jan",
        "feb",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "boy",
    ]
)
# Meal words and clock words spelled out: they pass with a day word or another clock word.
_PAIR_TRIGGERS = frozenset(
    [
        "lunch",
        "dinner",
        "breakfast",
        "brunch",
        "supper",
        "am",
        "pm",
        "thirty",
        "fifteen",
        "forty",
        "fifty",
        "twenty",
        "half",
        "quarter",
        "past",
        *_NUMBERS,
    ]
)

# US time-zone keys: numeric dates there are month/day.
_US_ZONES = frozenset(
    [
        "America/New_York",
        "America/Chicago",
        "America/Denver",
        "America/Los_Angeles",
        "America/Phoenix",
        "America/Anchorage",
        "America/Adak",
        "America/Boise",
        "America/Detroit",
        "America/Juneau",
        "America/Metlakatla",
        "America/Nome",
        "America/Sitka",
        "America/Yakutat",
        "America/Menominee",
        "America/Indiana/Indianapolis",
        "America/Indiana/Knox",
        "America/Indiana/Marengo",
        "America/Indiana/Petersburg",
        "America/Indiana/Tell_City",
        "America/Indiana/Vevay",
        "America/Indiana/Vincennes",
        "America/Indiana/Winamac",
        "America/Kentucky/Louisville",
        "America/Kentucky/Monticello",
        "America/North_Dakota/Beulah",
        "America/North_Dakota/Center",
        "America/North_Dakota/New_Salem",
        "America/Puerto_Rico",
        "America/Indianapolis",
        "America/Louisville",
        "America/Shiprock",
        "America/Fort_Wayne",
        "America/Knox_IN",
        "Navajo",
        "Pacific/Honolulu",
        "Pacific/Guam",
        "Pacific/Saipan",
        "Pacific/Pago_Pago",
        "US/Alaska",
        "US/Aleutian",
        "US/Arizona",
        "US/Central",
        "US/East-Indiana",
        "US/Eastern",
        "US/Hawaii",
        "US/Indiana-Starke",
        "US/Michigan",
        "US/Mountain",
        "US/Pacific",
        "US/Samoa",
        "EST5EDT",
        "CST6CDT",
        "MST7MDT",
        "PST8PDT",
        "EST",
        "MST",
        "HST",
    ]
)


def uses_us_dates(tz: tzinfo | None) -> bool:
    """Month/day for US zones. Fixed offsets and unnamed zones default to month/day too;
    any other named zone (Europe/Paris, America/Toronto...) reads day/month."""
    key = getattr(tz, "key", None)
    if not isinstance(key, str):
        return True
    return key in _US_ZONES


_CONNECT = frozenset(
    {
        "at",
        "on",
        "@",
        ",",
        "for",
        "around",
        "about",
        "approximately",
        "during",
        "until",
        "till",
        "til",
        "through",
        "after",
        "since",
        "before",
        "approx",
        "ca",
        "circa",
        "by",
        "of",
        "in",
        "the",
        "starting",
        "from",
    }
)
_RANGE_SEP = frozenset(
    {"-", "–", "—", "to", "thru", "through", "till", "til", "until", "untill", "'til", "and", "~"}
    | {"&"}
)
_AMPM_WORDS = {
    "am": "am",
    "pm": "pm",
    "a": "am",
    "p": "pm",
    "morning": "am",
    "afternoon": "pm",
    "evening": "pm",
    "night": "pm",
    "tonight": "pm",
}

# First words of the parts of the grammar (a cheap dispatch before trying them).
_PART_STARTS = frozenset(
    [
        "in",
        "during",
        "this",
        "today",
        "tomorrow",
        "yesterday",
        "tmrw",
        "tomorrows",
        "last",
        "early",
        "late",
        "later",
        "tonight",
        "tonite",
        "after",
        "the",
        "towards",
        "toward",
        "end",
    ]
)
_RELATIVE_STARTS = frozenset(
    [
        "in",
        "within",
        "next",
        "last",
        "past",
        "previous",
        "upcoming",
        "coming",
        "a",
        "an",
        "couple",
        "few",
        "several",
        "half",
        "three",
        "one",
        "this",  # "this time tomorrow"
        "same",  # "same time next week"
    ]
)
_NOW_STARTS = frozenset(["right", "just", "now", "atm", "at", "asap", "as", "eod", "end"])
# Words after "the 21st" that keep it a day.
_DAY_FOLLOWERS = frozenset(
    [
        "at",
        "on",
        "in",
        "of",
        "and",
        "or",
        "to",
        "for",
        "from",
        "through",
        "thru",
        "till",
        "until",
        "works",
        "work",
        "office",
        "is",
        "would",
        "could",
        "should",
        "then",
        "i",
        "we",
        "could",
        "shall",
        "how",
        "what",
        "about",
        "it",
        "that",
        "this",
        "next",
        "after",
        "before",
        "around",
        "about",
        "evening",
        "morning",
        "afternoon",
        "night",
        "lunch",
        "dinner",
    ]
)
# The words of holiday names before their last word: a holiday is read from its first word,
# found by looking back from the last ("day", "friday", "year's", "holiday", "eve"...).
_HOLIDAY_PREFIX_WORDS = frozenset(
    w for words in _HOLIDAY_NAMES for w in words[:-1] if w not in _HOLIDAY_TRIGGERS and w != "."
)
# Words that can open a time expression before its number or time word.
# Which half of a period: "the first half of may", "the back half of next week".
HALVES = {
    **dict.fromkeys(("first", "front"), "first half"),
    **dict.fromkeys(("second", "back", "latter", "last"), "second half"),
}

_PREFIX_WORDS = (
    frozenset(
        [
            "at",
            "on",
            "the",
            "in",
            "from",
            "between",
            "by",
            "this",
            "next",
            "last",
            "coming",
            "upcoming",
            "past",
            "previous",
            "a",
            "an",
            "half",
            "quarter",
            "early",
            "late",
            "mid",
            "end",
            "beginning",
            "start",
            "around",
            "about",
            "approximately",
            "approx",
            "for",
            "until",
            "till",
            "til",
            "since",
            "after",
            "before",
            "during",
            "within",
            "later",
            "right",
            "just",
            "as",
            "day",
            "all",
            "rest",
            "current",
            "following",
            "@",
            "than",
            "of",
            "to",
            "few",
            "couple",
            "several",
            "three-quarters",
            "straight",
            "same",
            "time",
            "post",  # "post-work"
            "long",  # "Labour long weekend"
            "towards",
            "toward",
        ]
    )
    | _HOLIDAY_PREFIX_WORDS
    | frozenset(HALVES)
    | _CALENDAR_FIRST_WORDS
    | _CALENDAR_INNER_WORDS
)
_ANCHORS = frozenset(
    [
        *_TRIGGERS,
        *_WEAK_TRIGGERS,
        *_UNITS,
        *_NUMBERS,
        *_ORDINALS,
        "noon",
        "midday",
        "midnight",
        "tonight",
        "tonite",
        "now",
        "asap",
        "eod",
        "eom",
        "eoy",
        "bom",
        "boy",
        "end",
        "beginning",
        "start",
        "soon",
        "moment",
        "lunch",
        "lunchtime",
        "work",
        "office",
        "school",
        "early",
        "late",
        "mid",
        "ides",
        "weekend",
        "week-end",
        "wkend",
        "qtr",
        "quarter",
        "ago",
        "hence",
        "fortnight",
        "atm",
        "breakfast",
        "dinner",
        "brunch",
        "supper",
        "tomorrows",
        "week's",
        "weeks",
        "summer",
        "winter",
        "autumn",
        "fall",
        "spring",
        "season",
        *_HOLIDAY_TRIGGERS,
        "midmorning",
        "midafternoon",
        "tea",
        "happy",
        "knock",
        "knockoff",
        "uni",
        "college",
        "class",
        "classes",
        "lectures",
        "cup",  # "Melbourne Cup"
        "birthday",
        *_FESTIVALS,
        *_SAINTS,
    ]
)


# ---------------------------------------------------------------------------------------
# Spellings people type in a hurry: a word one slip away from a weekday, a month or a day
# word ("wedensday", "thrusday", "saturaday", "tommorrow"), shorthand ("nxt"), and a time
# word with "ish" ("noonish", "late-ish"). The tokenizer reads them as the word meant.
_SLIP_TARGETS = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "august",
    "september",
    "october",
    "november",
    "december",
    "tomorrow",
    "tomorow",
    "tonight",
    "morning",
    "evening",
    "afternoon",
]
# A common misspelling is a target too: "tomoro" is one slip from "tomorow".
_MEANT = {"tomorow": "tomorrow"}
# Real words one slip from a target, which stay themselves.
_NOT_SLIPS = frozenset(["sundae", "sundry", "frida", "mourning", "moaning", "augusta"])
_SHORTHAND = {
    "nxt": "next",
    "nite": "night",
    "nites": "nights",
    "wk": "week",
    "thurz": "thursday",
    "tmrow": "tomorrow",
    "tmoz": "tomorrow",
    "brekkie": "breakfast",  # Australian and British
    "brekky": "breakfast",
    "wknd": "weekend",
    "wkd": "weekend",
    "wek": "week",
    "weeek": "week",
    "weeknd": "weekend",
    "satday": "saturday",
    # round 9: short forms of holiday words and seasons said with "time"
    "hol": "holiday",
    "bday": "birthday",
    "springtime": "spring",
    "summertime": "summer",
    "wintertime": "winter",
    "thurday": "thursday",
    "thursdy": "thursday",
}
_ISH_STEMS = frozenset(
    [
        *_PARTS,
        "noon",
        "midday",
        "midnight",
        "tonight",
        "tonite",
        "late",
        "early",
        "am",
        "pm",
        "work",
        "lunch",
        "school",
        # round 9: an hour in words ("sevenish", "eleven-ish")
        *("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
        *("eleven", "twelve"),
        # a day with "ish" ("friday-ish"; not "sat" + "ish", which is the name Satish)
        *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
        *("tomorrow", "tmrw", "weekend"),
    ]
)
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _slips(word: str) -> set[str]:
    """Every spelling one slip from ``word`` (a letter dropped, added, changed, or two
    swapped) that keeps its first letter and at least five letters."""
    out: set[str] = set()
    for k in range(1, len(word) + 1):
        head, tail = word[:k], word[k:]
        out.add(head[:-1] + tail)  # dropped
        out.update(head + c + tail for c in _LETTERS)  # added
        out.update(head[:-1] + c + tail for c in _LETTERS if k > 1)  # changed
        if tail:
            out.add(head[:-1] + tail[0] + head[-1] + tail[1:] if k > 1 else word)  # swapped
    return {s for s in out if len(s) >= 5 and s[0] == word[0]}


def _build_respellings() -> dict[str, str]:
    known = set(_WEEKDAYS) | set(_MONTHS) | set(_DAY_WORDS) | set(_PARTS) | set(_NUMBERS)
    out: dict[str, str] = {}
    for target in _SLIP_TARGETS:
        for s in _slips(target):
            if s not in known and s not in _NOT_SLIPS:
                out.setdefault(s, _MEANT.get(target, target))
    out.update(_SHORTHAND)
    for stem in _ISH_STEMS:
        out[stem + "ish"] = out[stem + "-ish"] = stem
    return out


RESPELLINGS: dict[str, str] = _build_respellings()


# ---------------------------------------------------------------------------------------
# Round 4 of the `when` misses (issue 14).

# Between a dotted day.month and its time of day: "14.3, 19:00", "7.4 - 6pm", "20.3 from 7".
_BEFORE_DOTTED_CLOCK: tuple[str, ...] = (",", "at", "@", "um", "from", "after", "-", "–", "—")
_BEFORE_DOTTED_CLOCK += ("around", "about", "by")  # round 9: "14.3 around 7"
# What follows an hour and makes it one ("10am", "10:30", "10.30", "10ish"), not a year.
_CLOCK_AFTER_HOUR = ("am", "pm", "a", "p", ":", ".", "ish", "h", "o'clock")
# Words that are never a place's name in "7pm <place> time" (GeoNames has towns named
# after many words): "7pm our time", "6pm same time", "8pm local time".
_NOT_PLACE_WORDS = frozenset(
    [
        "same",
        "this",
        "that",
        "our",
        "your",
        "my",
        "their",
        "the",
        "local",
        "usual",
        "normal",
        "any",
        "some",
        "next",
        "last",
        "usual",
        "dinner",
        "lunch",
        "party",
        "start",
        "real",
        "your",
        "his",
        "her",
        "summer",
        "winter",
        "standard",
        "daylight",
        "play",
        "game",
    ]
)

# A window before a part of the day and a span: "one evening next week", "any afternoon
# this week" (the part's first moment in the span); "weeknight" is an evening.
_WINDOW_WORDS = frozenset(["one", "some", "any", "a", "an"])
_WINDOW_PARTS = {"weeknight": "evening", "weeknights": "evening", "night": "evening"}

# Parts of the day that are also other words ("dinner was great", "avo on toast"): a
# part only beside a day, after "at"/"for"/"over", or as a whole `when` of a word or two.
_MEAL_PARTS = frozenset(
    [
        "breakfast",
        "dinner",
        "supper",
        "brunch",
        "lunch",
        "lunchtime",
        "dinnertime",
        "suppertime",
        "elevenses",
        "avo",
        "aft",
        "evn",
    ]
)
# "7 for 7.30": arrive at seven for a half past seven start (British invitations).
_ARRIVE_FOR = ("for",)
# The word that joins alternatives ("tue or wed evening").
_OR = "or"
# Day words that are a part of the day ("tonight"), read by the part rules.
_TONIGHT_WORDS = frozenset(["tonight", "tonite"])
# Hedges after a day in a `when` ("sat ideally", "sun preferably").
_FILLER_AFTER_DAY = ("ideally", "preferably", "prob", "probably", "maybe")


# Words before "march" or "may" in lower case that make it the month in chat too ("in
# march", "until may"; not "the march", "we may").
LOWER_CASE_MONTH_CUES = frozenset(
    {"in", "during", "through", "thru", "till", "until", "by", "since"}
)
# Words after "may" that make it the verb even after those cues ("things in may change").
MAY_AS_A_VERB_BEFORE = frozenset(
    "be been have not need want help change come go get take make also well just still".split()
)
# Words that make a lower-case "may" the month in a meetup `when` ("late may", "half of may").
MONTH_CUES = frozenset({"of", "in", "early", "mid", "late", "-", "end", "start", "during"})

# What makes a bare 8-11 in a meetup `when` the evening: days and outings that happen at
# night ("NYE, 8ish", "bonfire night 8", "after work thurs, 8ish"). A `when` that also
# names the outing ("friday drinks 6pm") is still refused: it is a title, not a time.
EVENING_WORDS = frozenset(
    {
        "nye",
        "hogmanay",
        "halloween",
        "hallowe'en",
        "party",
        "drinks",
        "bevvies",
        "pints",
        "cocktails",
        "dinner",
        "supper",
        "gig",
        "karaoke",
        "clubbing",
        "pub",
        "quiz",
        "trivia",
        "nightcap",
        "fireworks",
    }
)
EVENING_PHRASES = (
    ("new", "year's", "eve"),
    ("new", "years", "eve"),
    ("bonfire", "night"),
    ("guy", "fawkes"),
    ("burns", "night"),
    ("after", "work"),
)

# Numbers that are idioms, not dates: "24/7" is always, never 24 July.
NUMBER_IDIOMS = frozenset({"24/7", "24x7", "24-7", "365"})

# Words around a `when` that name no time and leave it whole: question tags and particles
# of chat ("tmr 8pm can?", "this sat 3pm lah", "sat 2pm ok?"), and the words of moving a
# meetup ("push it to thurs", "let's do fri instead, 7", "changed to friday 6", "can we do
# wed then", "how about sat, 2.30", "shall we do mon instead").
WHEN_TAGS = frozenset(
    {
        "ok",
        "okay",
        "k",
        "can",
        "confirm",
        "lah",
        "lor",
        "leh",
        "ya",
        "yeah",
        "yes",
        "pls",
        "please",
        "push",
        "pushed",
        "pushing",
        "move",
        "moved",
        "moving",
        "bump",
        "bumped",
        "switch",
        "switched",
        "change",
        "changed",
        "shift",
        "shifted",
        "reschedule",
        "rescheduled",
        "make",
        "it",
        "let's",
        "lets",
        "do",
        "instead",
        "back",
        "to",
        "then",
        "we",
        "could",
        "shall",
        "how",
        "what",
        "about",
    }
) | frozenset(
    # a verdict on the day proposed: "mon works better, 6", "thu suits me, 7", "sat is
    # best, 3pm", "fri would be ideal at 7"
    {"works", "work", "better", "suits", "suit", "me", "us", "is", "best", "would", "be"}
    | {"ideal", "fine", "for"}
)

# The field names before a time pasted from an invite or an email ("When: Fri 13 March,
# 7pm", "Date: 12.03.2026 18:00", "Start time: 6pm"): the label, then a colon.
FIELD_LABELS = (
    "when",
    "date",
    "time",
    "date and time",
    "date & time",
    "date/time",
    "start",
    "starts",
    "start time",
    "starting",
)

# What people call a day their country's calendar names otherwise: Nigeria's and
# Singapore's "National Day" is their Independence Day.
CALENDAR_ALIASES: dict[tuple[str, ...], tuple[str, ...]] = {
    ("independence", "day"): ("national", "day"),
    # round 9: names people keep using, and a day named without its "Day"
    ("queen's", "birthday"): ("king's", "birthday"),
    ("queens", "birthday"): ("king's", "birthday"),
    ("melbourne", "cup"): ("melbourne", "cup", "day"),
    ("cup", "day"): ("melbourne", "cup", "day"),
    ("summer", "bank", "holiday"): ("late", "summer", "bank", "holiday"),
}
