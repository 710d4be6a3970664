"""The organizer meant another city of the same name: the namesakes offered as buttons on a
proposal's confirmation (see `places.dominant`) move the meetup there."""

from __future__ import annotations

from bot import actions
from bot.actions import Action
from bot.domain import meetups as rules
from bot.domain.meetups import Meetup, Refusal
from bot.handlers.context import Ctx, refresh_cards
from bot.handlers.notify import notify_answered
from bot.nlp import places
from bot.nlp.places import City
from bot.types import Bold, Button, Segment, Text

VERB = "recity"


def namesake_buttons(meetup_id: int, namesakes: tuple[City, ...]) -> tuple[Button, ...]:
    return tuple(Button(c.label, actions.encode(VERB, meetup_id, c.id)) for c in namesakes)


def namesake_note(city: City, namesakes: tuple[City, ...]) -> tuple[Segment, ...]:
    if not namesakes:
        return ()
    return (Text(f" Not the {city.name} you meant? Pick it below."),)


def _namesake_of(m: Meetup, city_id: int) -> City:
    current = places.city_by_id(m.city_id)
    chosen = places.city_by_id(city_id)
    if current is None or chosen is None or chosen not in places.namesakes(current):
        raise Refusal(
            f"That place is not one of the choices for meetup #{m.id}. Nothing was changed. "
            f"To move it, cancel it and propose it again with the city you mean."
        )
    return chosen


async def change_city(ctx: Ctx, action: Action) -> None:
    m = await ctx.meetup(action.int_arg(0))
    rules.check_manage(m, ctx.user.id, ctx.is_admin, "move")
    rules.check_active(m, ctx.now(), "move")
    city = _namesake_of(m, action.int_arg(1))
    if city.id == m.city_id:
        await ctx.say(f"Meetup #{m.id} is already in {city.label}.")
        return
    updated = await ctx.store.update_meetup(
        m.id,
        ctx.now(),
        city_id=city.id,
        city_label=city.label,
        latitude=city.latitude,
        longitude=city.longitude,
    )
    await refresh_cards(ctx.services, ctx.community, m.id)
    note = (
        Bold(f"#{m.id} {m.title} changed. "),
        Text(f"Place: {city.label} (was {m.city_label})."),
    )
    await notify_answered(ctx.services, ctx.community, updated, note, exclude=ctx.user.id)
    await ctx.say(f"Moved #{m.id} to {city.label}. Its card shows the new place.")
