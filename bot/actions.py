"""Short action ids for buttons: "tw:<verb>:<arg>:<arg>...", at most 100 characters.

Every button the bot shows carries one; adapters route any id with the `tw:` prefix back to the
core (a Discord DynamicItem, a Slack regex listener), so buttons keep working after a restart.
Ids arrive from the network and can be forged: `parse` validates shape and types, and handlers
still check that the meetup belongs to the community the click came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PREFIX = "tw"
MAX_LENGTH = 100
_PART = re.compile(r"^[A-Za-z0-9_\-.]{1,40}$")

# verb -> number of arguments
VERBS: dict[str, int] = {
    "rsvp": 2,  # meetup_id, going|maybe|no
    "cal": 1,  # meetup_id: calendar file and link
    "ballot": 2,  # meetup_id, option index: show my ballot for one option
    "vote": 3,  # meetup_id, option index, yes|maybe|no
    "close": 1,  # meetup_id: close the poll now
    "claim": 1,  # meetup_id: take the seat offered from the waitlist
    "decline": 1,  # meetup_id: pass the offered seat on
    "capacity": 3,  # meetup_id, new capacity, keep|move: lowering it below the seats taken
    "propose": 0,  # open the propose form
    "next": 1,  # meetup_id: propose the next one in the same city
    "forget": 1,  # yes|no: confirm /meetup forget
    "drophome": 0,  # remove my home city (under /meetup home)
    "droptrip": 1,  # trip_id: remove my trip (under /meetup travel)
    "place": 3,  # question_id, yes|no|never, city_id: the watcher's private question
    "interest": 1,  # suggestion_id: "I'm in"
    "suggest": 1,  # suggestion_id: "Propose one"
    "recity": 2,  # meetup_id, city_id: the organizer meant this namesake of the meetup's city
    "rehome": 1,  # city_id: the member meant this namesake of their home city
    "redate": 2,  # meetup_id, minutes since 1970 (UTC): the other day/month reading
    "list": 3,  # page, city_id (0: any), all|mine: a page of /meetup list
    # series (issue 16)
    "series": 1,  # meetup_id: the series panel of a date
    "seriesok": 2,  # series_id, yes|no: create the series echoed back (or not)
    "always": 2,  # meetup_id, on|off: always come to the series (auto-Going)
    "skip": 2,  # meetup_id, ask|yes: skip this date of the series
    "endseries": 2,  # meetup_id, ask|yes: end the series
    "seriescal": 1,  # meetup_id: the series as a recurring calendar event
    "interested": 1,  # native event id: a member clicked Interested on the platform's event
    "gonative": 1,  # meetup_id: RSVP Going from the DM offered after Interested
    "unfollow": 1,  # city_id: stop following an area (under /meetup following)
    "calreset": 1,  # community_id: revoke my calendar feed link and send a new one
    # welcoming newcomers (bot/handlers/welcome.py, buddies.py)
    "first": 1,  # meetup_id: "It's my first one"
    "late": 1,  # meetup_id: a first-timer tells the host they're running late
    "again": 2,  # meetup_id, yes|maybe|no: "Would you come again?"
    "tally": 1,  # meetup_id: the organizer sees the answers
    "follow": 2,  # meetup_id, yes|no: hear about the next meetup in that city
    "door": 1,  # meetup_id: "Meet me at the door"
    "nodoor": 1,  # meetup_id: cancel my door-buddy request
    "greet": 3,  # meetup_id, request_id, yes|no: a greeter's answer
}


class BadAction(ValueError):
    """The id is not one the bot made."""


@dataclass(frozen=True, slots=True)
class Action:
    verb: str
    args: tuple[str, ...]

    def int_arg(self, index: int) -> int:
        try:
            value = int(self.args[index])
        except (IndexError, ValueError) as exc:
            raise BadAction(f"argument {index} of {self.verb} is not a number") from exc
        if value < 0 or value > 2**62:
            raise BadAction(f"argument {index} of {self.verb} is out of range")
        return value


def encode(verb: str, *args: object) -> str:
    if VERBS.get(verb) != len(args):
        raise ValueError(f"action {verb!r} takes {VERBS.get(verb)} arguments, got {len(args)}")
    parts = [PREFIX, verb, *(str(a) for a in args)]
    for part in parts[2:]:
        if not _PART.match(part):
            raise ValueError(f"bad action argument {part!r}")
    action_id = ":".join(parts)
    if len(action_id) > MAX_LENGTH:
        raise ValueError("action id too long")
    return action_id


def parse(action_id: str) -> Action:
    if not isinstance(action_id, str) or len(action_id) > MAX_LENGTH:
        raise BadAction("not an action id")
    parts = action_id.split(":")
    if len(parts) < 2 or parts[0] != PREFIX or parts[1] not in VERBS:
        raise BadAction("unknown action")
    args = tuple(parts[2:])
    if len(args) != VERBS[parts[1]] or not all(_PART.match(a) for a in args):
        raise BadAction("malformed action")
    return Action(parts[1], args)
