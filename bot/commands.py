"""The `/meetup` command table: names, typed options, help and examples.

Pure data. Adapters build their native surfaces from it (Discord app commands, the Slack slash
command's parser, the console), and `/meetup help` prints it, so the three never drift apart.
"""

from __future__ import annotations

from bot.domain.meetups import CAPACITY_MAX, DESCRIPTION_MAX, TITLE_MAX, VENUE_MAX
from bot.domain.series import MAX_COUNT as SERIES_MAX
from bot.domain.welcome import FIND_US_MAX
from bot.types import CommandSpec, OptionSpec

_ID = OptionSpec("id", "The meetup's number, as shown on its card", "integer", True, min_value=1)
_TITLE = OptionSpec("title", "What the meetup is", "text", max_length=TITLE_MAX)
_CITY = OptionSpec("city", "City, e.g. Portland, Oregon", "city")
_MEETUP_CITY = OptionSpec(
    "city", 'City (times are read in its zone), or "online"', "city", required=True
)
_WHEN = OptionSpec(
    "when", 'When, e.g. "next friday 7pm"; "|" between 2-10 options for a poll', "when"
)
_VENUE = OptionSpec(
    "venue", "Where exactly (bar, park, address), or a link", "text", max_length=VENUE_MAX
)
_CAPACITY = OptionSpec(
    "capacity",
    "Most people who can go (a waitlist forms after)",
    "integer",
    min_value=1,
    max_value=CAPACITY_MAX,
)
_DESCRIPTION = OptionSpec("description", "More details", "text", max_length=DESCRIPTION_MAX)
_FIND_US = OptionSpec(
    "find-us", 'How to spot the group, e.g. "yellow umbrella at the back"', "text",
    max_length=FIND_US_MAX,
)


# A series (issue 16): propose's repeat options, and /meetup series.
_REPEAT_OPTIONS = (
    OptionSpec(
        "repeat",
        'Make a series: "every first thursday", "weekly", "monthly on the 15th"...',
        "text",
        max_length=100,
    ),
    OptionSpec("until", 'A series\' last day, e.g. "2030-12-31"', "text", max_length=60),
    OptionSpec(
        "count", "How many dates the series has", "integer", min_value=1, max_value=SERIES_MAX
    ),
    OptionSpec(
        "post-next",
        'When the next date\'s card is posted: "after" (default), "2h after", "3d before"',
        "text",
        max_length=30,
    ),
)
_SERIES = CommandSpec(
    "series",
    "A series' dates; skip one, edit this and following, end it, or always come",
    '/meetup series id:3 do:skip   or   /meetup series id:3 do:edit venue:"The Crown"',
    (
        _ID,
        OptionSpec(
            "do",
            "show (default), skip, edit (this and following), end, always, never",
            "choice",
            choices=("show", "skip", "edit", "end", "always", "never"),
        ),
        OptionSpec("when", 'do:edit: a new time of day, e.g. "19:30"', "text", max_length=60),
        _VENUE,
        _CAPACITY,
    ),
)


def _required(spec: OptionSpec) -> OptionSpec:
    return OptionSpec(
        spec.name,
        spec.description,
        spec.kind,
        True,
        spec.choices,
        spec.min_value,
        spec.max_value,
        spec.max_length,
    )


COMMANDS: tuple[CommandSpec, ...] = (
    CommandSpec(
        "propose",
        "Propose a meetup, or a date poll with several times",
        '/meetup propose title:"Coffee & code" city:Portland when:"next friday 7pm" capacity:12',
        (
            _required(_TITLE),
            _MEETUP_CITY,
            _required(_WHEN),
            _VENUE,
            _CAPACITY,
            _DESCRIPTION,
            OptionSpec(
                "deadline", "When the poll closes (default: 24 h before the first date)", "when"
            ),
            _FIND_US,
            *_REPEAT_OPTIONS,
        ),
    ),
    CommandSpec(
        "close",
        "Close a date poll now: the date most can make, or option k",
        "/meetup close id:3 option:2",
        (
            _ID,
            OptionSpec("option", "The option number to pick", "integer", min_value=1, max_value=10),
        ),
    ),
    CommandSpec(
        "edit",
        "Change a meetup you organize; everyone who answered is told",
        '/meetup edit id:3 when:"saturday 6pm" venue:"Bar Cafe"',
        (_ID, _TITLE, _WHEN, _VENUE, _CAPACITY, _DESCRIPTION, _FIND_US),
    ),
    CommandSpec(
        "cancel",
        "Cancel a meetup you organize; everyone who answered is told",
        '/meetup cancel id:3 reason:"venue closed"',
        (_ID, OptionSpec("reason", "Why (shown to everyone)", "text", max_length=300)),
    ),
    CommandSpec(
        "list",
        "Upcoming meetups, 10 a page with Previous / Next; only yours (mine) or one city's",
        "/meetup list   or   /meetup list mine city:Berlin page:2",
        (
            OptionSpec(
                "mine", "Only meetups you organize, answered or voted in", "choice",
                choices=("yes", "no"),
            ),
            OptionSpec("city", "Only meetups in this city", "city"),
            OptionSpec("page", "Which page (10 meetups each)", "integer", min_value=1),
        ),
    ),
    CommandSpec("show", "Show a meetup's card", "/meetup show id:3", (_ID,)),
    _SERIES,
    CommandSpec(
        "mine", "Meetups and polls you organize, answered or voted in, 10 a page", "/meetup mine"
    ),
    CommandSpec(
        "home",
        "Set your home city (or clear it) for meetup suggestions; no options shows yours",
        "/meetup home city:Austin   or   /meetup home city:none",
        (_CITY,),
    ),
    CommandSpec(
        "travel",
        "Tell the community you will be in a city on some dates; no options lists your trips",
        '/meetup travel city:Chicago when:"March 3-5"',
        (
            _CITY,
            OptionSpec("when", 'Dates, e.g. "Mar 3-5" or "next week"', "when"),
        ),
    ),
    CommandSpec(
        "nearby",
        "How many other members live near you",
        "/meetup nearby radius:100",
        (
            OptionSpec(
                "radius",
                "Distance in km (default: the community's)",
                "integer",
                min_value=1,
                max_value=2000,
            ),
        ),
    ),
    CommandSpec(
        "privacy",
        "Whether your name may appear on cards and counts",
        "/meetup privacy show-name:yes",
        (
            OptionSpec(
                "show-name", "Show your name to others", "choice", True, choices=("yes", "no")
            ),
        ),
    ),
    CommandSpec(
        "reminders",
        "Your reminder lead times (each 5 minutes to 2 weeks before), or off; "
        "no options shows yours",
        '/meetup reminders lead:"1d,2h"',
        (
            OptionSpec(
                "lead",
                'Before the event, at least 5 minutes: e.g. "1d,2h", or "off" or "default"',
                "text",
                max_length=50,
            ),
        ),
    ),
    CommandSpec(
        "follow",
        "Get a DM when a meetup is proposed in an area (not yours)",
        '/meetup follow city:"Portland, Oregon" radius:50',
        (
            _required(_CITY),
            OptionSpec(
                "radius", "Distance in km around the city (default 50)", "integer",
                min_value=1, max_value=500,
            ),
        ),
    ),
    CommandSpec(
        "unfollow",
        "Stop the DMs about an area you follow",
        '/meetup unfollow city:"Portland, Oregon"',
        (_required(_CITY),),
    ),
    CommandSpec("following", "The areas you follow, with Unfollow buttons", "/meetup following"),
    CommandSpec(
        "area-role",
        "Mention a role (Slack: user group) on the cards of meetups proposed in an area (admins)",
        '/meetup area-role city:"Portland, Oregon" role:@portland',
        (
            _required(_CITY),
            OptionSpec(
                "role", "The role or user group to mention, or none to remove it", "group",
                True, max_length=120,
            ),
            OptionSpec(
                "radius", "Distance in km around the city (default 50)", "integer",
                min_value=1, max_value=500,
            ),
        ),
        admin_only=True,
    ),
    CommandSpec(
        "greeter",
        "Volunteer to meet first-timers at the door of meetups you go to (on), or stop (off)",
        "/meetup greeter on",
        (OptionSpec("status", "on or off; leave out to see yours", "choice",
                    choices=("on", "off")),),
    ),
    CommandSpec("forget", "Delete everything Tweetup stores about you here", "/meetup forget"),
    CommandSpec(
        "settings",
        "The community's settings, for everyone to see; admins change them",
        '/meetup settings timezone:"America/Los_Angeles" leads:"24h,2h" watch:on',
        (
            OptionSpec(
                "timezone",
                "IANA zone, e.g. Europe/Berlin (EST, PST... mean New York, Los Angeles)",
                "text",
                max_length=64,
            ),
            OptionSpec("leads", 'Default reminder leads, e.g. "24h,2h"', "text", max_length=50),
            OptionSpec(
                "remind-maybe", "Remind members who said Maybe too", "choice", choices=("yes", "no")
            ),
            OptionSpec(
                "who-proposes", "Who may propose meetups", "choice", choices=("everyone", "admins")
            ),
            OptionSpec(
                "threshold",
                "Members near a city before a suggestion",
                "integer",
                min_value=2,
                max_value=1000,
            ),
            OptionSpec("radius", "Suggestion radius in km", "integer", min_value=1, max_value=500),
            OptionSpec(
                "watch", "Watch this channel for meetup ideas", "choice", choices=("on", "off")
            ),
            OptionSpec(
                "offer-hours",
                "Hours a freed seat is held for the next on the waitlist",
                "integer",
                min_value=1,
                max_value=168,
            ),
            OptionSpec(
                "public-pages",
                "A public web page for each meetup, to share outside the chat",
                "choice",
                choices=("on", "off"),
            ),
            OptionSpec(
                "invite", "Invite link the public pages offer (https://...; off: none)", "text",
                max_length=300,
            ),
        ),
    ),
    CommandSpec(
        "export",
        "Everything Tweetup stores about this community, as a JSON file (admins)",
        "/meetup export",
        admin_only=True,
    ),
    CommandSpec(
        "calendar",
        "Your calendar feed links by DM (meetups you're going to, and all of them here)",
        "/meetup calendar",
        (
            OptionSpec(
                "reset",
                "Revoke a link and make a new one (community: admins)",
                "choice",
                choices=("mine", "community"),
            ),
        ),
    ),
    CommandSpec("help", "Every command with an example", "/meetup help"),
)

COMMANDS_BY_NAME: dict[str, CommandSpec] = {c.name: c for c in COMMANDS}
