"""Explicit routing tables: command name, action verb and form id -> handler."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping

from bot.actions import Action
from bot.domain.community import Community
from bot.handlers import admin, cities, help, meetups, members, polls, rsvps
from bot.handlers.context import Ctx, Services

CommandHandler = Callable[[Ctx, Mapping[str, str]], Awaitable[None]]
ActionHandler = Callable[[Ctx, Action], Awaitable[None]]
FormHandler = Callable[[Ctx, Mapping[str, str]], Awaitable[None]]

COMMANDS: dict[str, CommandHandler] = {
    "propose": meetups.propose,
    "close": polls.close_command,
    "edit": meetups.edit,
    "cancel": meetups.cancel,
    "list": meetups.list_upcoming,
    "show": meetups.show,
    "mine": meetups.mine,
    "home": members.home,
    "travel": members.travel,
    "nearby": members.nearby,
    "privacy": members.privacy,
    "reminders": members.reminders,
    "forget": members.forget,
    "settings": admin.settings,
    "export": admin.export,
    "help": help.show_help,
}

ACTIONS: dict[str, ActionHandler] = {
    "rsvp": rsvps.rsvp,
    "cal": rsvps.calendar,
    "ballot": polls.ballot,
    "vote": polls.vote,
    "close": polls.close_button,
    "claim": rsvps.claim,
    "decline": rsvps.decline,
    "capacity": rsvps.capacity_choice,
    "propose": meetups.propose_from_button,
    "next": meetups.propose_from_button,
    "redate": meetups.redate,
    "forget": members.forget_confirmed,
    "drophome": members.drop_home,
    "droptrip": members.drop_trip,
    cities.VERB: cities.change_city,
    cities.HOME_VERB: cities.change_home,
    "list": meetups.list_page_clicked,
}

# Buttons that may be clicked in a DM outside any community (Discord): verb -> how to find
# the community from the button, given the member (None: not theirs to click).
DirectFinder = Callable[[Services, Action, str], Awaitable[Community | None]]


async def _meetup_answered(services: Services, action: Action, user_id: str) -> Community | None:
    m = await services.store.meetup(action.int_arg(0))
    if m is None or not await services.store.has_answered(m.id, user_id):
        return None
    return await services.store.community_by_id(m.community_id)


async def _own_question(services: Services, action: Action, user_id: str) -> Community | None:
    q = await services.store.place_question(action.int_arg(0))
    if q is None or q.user_id != user_id:
        return None
    return await services.store.community_by_id(q.community_id)


DIRECT_ACTIONS: dict[str, DirectFinder] = {
    **{verb: _meetup_answered for verb in ("rsvp", "cal", "claim", "decline", "ballot", "vote")},
    "place": _own_question,
}

FORMS: dict[str, FormHandler] = {
    meetups.PROPOSE_FORM: meetups.propose_submitted,
}
