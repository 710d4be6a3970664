"""The organizer meant another city of the same name: the namesakes offered as buttons on a
proposal's confirmation (see `places.dominant`) move the meetup there."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot import actions
from bot.actions import Action
from bot.domain import meetups as rules
from bot.domain.meetups import Meetup
from bot.domain.refusal import Refusal
from bot.handlers.cards import refresh_cards
from bot.handlers.context import Ctx
from bot.handlers.feature import Feature
from bot.handlers.notify import notify_answered
from bot.handlers.polls import POLL
from bot.handlers.reminders import reschedule_meetup
from bot.nlp import places
from bot.nlp.places import City
from bot.render import prose
from bot.types import Bold, Button, Outgoing, Segment, Text

VERB = "recity"
HOME_VERB = "rehome"


def home_buttons(namesakes: tuple[City, ...]) -> tuple[Button, ...]:
    return tuple(Button(c.label, actions.encode(HOME_VERB, c.id)) for c in namesakes)


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
    updated = await _move(ctx, m, city)
    await refresh_cards(ctx.services, ctx.community, m.id)
    note = (
        Bold(f"#{m.id} {m.title} changed. "),
        Text(f"Place: {city.label} (was {m.city_label})."),
    )
    await notify_answered(ctx.services, ctx.community, updated, note, exclude=ctx.user.id)
    await ctx.say(f"Moved #{m.id} to {city.label}. Its card shows the new place.")


def same_wall_time(instant: datetime, old_zone: str, new_zone: str) -> datetime:
    """The instant showing the same clock time in `new_zone` as `instant` did in `old_zone`
    ("19:00 in Paris" -> "19:00 in Paris, Texas"): a move to a namesake corrects the place,
    not the time the organizer typed."""
    wall = instant.astimezone(ZoneInfo(old_zone)).replace(tzinfo=None)
    return wall.replace(tzinfo=ZoneInfo(new_zone)).astimezone(instant.tzinfo)


async def _move(ctx: Ctx, m: Meetup, city: City) -> Meetup:
    """Store the new place; when its zone differs, every time keeps its wall time there (the
    start, a poll's options and deadline) and the jobs that hang on them follow."""
    old_zone, new_zone = m.zone(ctx.community.timezone), city.timezone or m.timezone
    values: dict[str, Any] = {
        "city_id": city.id,
        "city_label": city.label,
        "latitude": city.latitude,
        "longitude": city.longitude,
    }
    shift = old_zone != new_zone and bool(new_zone)
    if shift:
        values["timezone"] = new_zone
        for key in ("starts_at", "deadline"):
            instant = getattr(m, key)
            if instant is not None:
                values[key] = same_wall_time(instant, old_zone, new_zone)
    updated = await ctx.store.update_meetup(m.id, ctx.now(), **values)
    if not shift:
        return updated
    if m.is_poll:
        options = await ctx.store.poll_options(m.id)
        starts = [same_wall_time(o.starts_at, old_zone, new_zone) for o in options]
        await ctx.store.move_poll_options(m.id, starts)
        if updated.deadline is not None:
            await ctx.store.replace_pending_jobs(
                m.id,
                (POLL.name,),
                None,
                [POLL.spec(ctx.community.id, m.id, updated.deadline)],
            )
    else:
        await reschedule_meetup(ctx.services, ctx.community, updated)
    return updated


async def change_home(ctx: Ctx, action: Action) -> None:
    """The member meant another city of their home's name."""
    member = await ctx.member()
    current = places.city_by_id(member.home_city_id) if member.home_city_id else None
    chosen = places.city_by_id(action.int_arg(0))
    if current is None or chosen is None or chosen not in places.namesakes(current):
        raise Refusal(
            "That place is not one of the choices for your home city. Nothing was changed. "
            'Set it with `/meetup home city:"<city, region>"`.'
        )
    if chosen.id == current.id:
        await ctx.say(f"Your home city is already {chosen.label}.")
        return
    await set_home(ctx, chosen)


async def set_home(ctx: Ctx, city: City, namesakes: tuple[City, ...] = ()) -> None:
    """Store the member's home city and confirm it; `namesakes` are offered as buttons."""
    await ctx.store.save_member(
        ctx.community.id, ctx.user.id, ctx.user.name, ctx.now(), home_city_id=city.id
    )
    body = prose(
        f"Your home city is now {city.label}. Only the count of members near a city is "
        "public; your name shows only if you allow it (`/meetup privacy`). Clear it "
        "with `/meetup home city:none`."
    )
    body += namesake_note(city, namesakes)
    await ctx.reply(Outgoing(body=body, buttons=home_buttons(namesakes), ephemeral=True))
    if ctx.services.after_location_change is not None:  # the watcher's suggestions
        await ctx.services.after_location_change(ctx)


FEATURE = Feature("cities", actions={VERB: change_city, HOME_VERB: change_home})
