"""Area follows: members follow a city (`/meetup follow`) and hear by DM of meetups proposed
around it; "I'm in" on a meetup idea follows its city (bot/handlers/watcher.py)."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence

from bot import actions, render
from bot.actions import Action
from bot.domain import areas as rules
from bot.domain.areas import Area, Follow
from bot.domain.community import Community
from bot.domain.meetups import Meetup
from bot.domain.refusal import Refusal
from bot.handlers.area_roles import area_city
from bot.handlers.context import Ctx, Services
from bot.handlers.feature import Feature
from bot.handlers.watcher import interested_near
from bot.nlp.places import City, city_by_id
from bot.outbox import Delivery
from bot.store.areas import FollowRow
from bot.types import Bold, Button, Outgoing, Segment, Text, UserRef

log = logging.getLogger(__name__)

FOLLOW_BUTTONS_MAX = 10
# How a follow not made with /meetup follow came about, as the list shows it.
_SOURCES = {
    "interest": " (you said I'm in there)",
    "welcome": " (you asked after your first meetup)",
}


def _namesakes_hint(command: str, namesakes: tuple[City, ...]) -> Sequence[Segment]:
    if not namesakes:
        return ()
    other = namesakes[0].label
    return render.prose(f' Meant another one? `/meetup {command} city:"{other}"`.')


def _area(row: FollowRow) -> Area | None:
    city = city_by_id(row.city_id)
    if city is None:
        return None
    return Area(city.id, city.latitude, city.longitude, row.radius_km)


def _label(city_id: int) -> str:
    city = city_by_id(city_id)
    return city.label if city else f"city {city_id}"


async def follow(ctx: Ctx, options: Mapping[str, str]) -> None:
    """`/meetup follow city: [radius:]`."""
    city, namesakes = await area_city(ctx, options.get("city", ""))
    radius = rules.follow_radius(options.get("radius", ""))
    mine = await ctx.store.follows_of(ctx.community.id, ctx.user.id)
    rules.check_follow_count(len(mine), any(f.city_id == city.id for f in mine))
    await ctx.member()
    new = await ctx.store.add_follow(ctx.community.id, ctx.user.id, city.id, radius, ctx.now())
    verb = "You follow" if new else "You still follow"
    body: list[Segment] = [
        Text(f"{verb} {city.label} (within {radius} km). "),
        *render.prose(
            "I'll DM you when a meetup is proposed there (not yours). "
            "`/meetup following` lists your areas; "
            f'`/meetup unfollow city:"{city.label}"` stops it.'
        ),
        *_namesakes_hint("follow", namesakes),
    ]
    await ctx.reply(Outgoing(body=tuple(body), ephemeral=True))


async def unfollow(ctx: Ctx, options: Mapping[str, str]) -> None:
    """`/meetup unfollow city:`."""
    city, _ = await area_city(ctx, options.get("city", ""))
    await _unfollow(ctx, city.id)


async def _unfollow(ctx: Ctx, city_id: int) -> None:
    if await ctx.store.drop_follow(ctx.community.id, ctx.user.id, city_id):
        await ctx.say(f"You no longer follow {_label(city_id)}.")
        return
    raise Refusal(
        f"You don't follow {_label(city_id)}. `/meetup following` lists the areas you follow."
    )


async def unfollow_clicked(ctx: Ctx, action: Action) -> None:
    await _unfollow(ctx, action.int_arg(0))


async def following(ctx: Ctx, options: Mapping[str, str]) -> None:
    """`/meetup following`: the member's areas, each with an Unfollow button."""
    rows = sorted(
        await ctx.store.follows_of(ctx.community.id, ctx.user.id), key=lambda r: _label(r.city_id)
    )
    if not rows:
        await ctx.say(
            "You follow no areas. Follow one to hear of meetups there: "
            '`/meetup follow city:"Portland, Oregon" radius:50`'
        )
        return
    lines: list[Segment] = [Bold("Areas you follow")]
    for row in rows:
        how = _SOURCES.get(row.source, "")
        lines.append(Text(f"\n• {_label(row.city_id)}, within {row.radius_km} km{how}"))
    buttons = tuple(
        Button(f"Unfollow {_label(r.city_id)}"[:80], actions.encode("unfollow", r.city_id))
        for r in rows[:FOLLOW_BUTTONS_MAX]
    )
    await ctx.reply(Outgoing(body=tuple(lines), buttons=buttons, ephemeral=True))

async def followers_here(
    services: Services, community: Community, m: Meetup, proposer: str
) -> list[str]:
    """Members (not the proposer) following an area around the meetup."""
    if m.is_online:
        return []
    follows = [
        Follow(row.user_id, area)
        for row in await services.store.follows_in(community.id)
        if (area := _area(row)) is not None
    ]
    return rules.followers_at(follows, m.latitude, m.longitude, exclude=proposer)


async def tell_followers(ctx: Ctx, m: Meetup) -> None:
    """DM the members who follow an area around the new meetup (not the proposer). Through
    the outbox's fan-out: its concurrency and the adapter's DM pacing keep within the
    platform's limits; closed DMs are skipped (a courtesy, not a channel post)."""
    users = await followers_here(ctx.services, ctx.community, m, ctx.user.id)
    if not users:  # most proposals: nobody follows the area, so nothing else is read
        return
    # told by the watcher, about what they asked for (their meetup idea)
    told = set(await interested_near(ctx, m))
    await _tell(ctx.services, ctx.community, m, [u for u in users if u not in told])


async def tell_followers_of_date(services: Services, community: Community, m: Meetup) -> None:
    """A series' job opened its next date: its area's followers hear of it as of a new
    meetup (the job opens each date once, so each follower hears of it once)."""
    users = await followers_here(services, community, m, m.organizer_id)
    await _tell(services, community, m, users)


async def _tell(services: Services, community: Community, m: Meetup, users: list[str]) -> None:
    if not users:
        return
    known = await services.store.members(community.id, users)
    msg = _proposed_message(m, community)
    deliveries = [
        Delivery(UserRef(community.platform, u, known[u].name if u in known else u), msg)
        for u in users
    ]
    await services.outbox.dm_many(deliveries, None, ())


def _proposed_message(m: Meetup, community: Community) -> Outgoing:
    body: list[Segment] = [
        Text("A meetup was proposed in an area you follow: "),
        Bold(f"#{m.id} {m.title}"),
        Text(f" in {m.city_label}"),
    ]
    if m.starts_at is not None:
        body += [Text(", "), render.at(m, m.starts_at, community.timezone)]
    else:
        body.append(Text(", a date poll"))
    body += render.prose(
        f". Answer on its card in the channel, or see it with `/meetup show id:{m.id}`. "
        "(`/meetup following` lists your areas.)"
    )
    return Outgoing(body=tuple(body))


FEATURE = Feature(
    "follows",
    commands={"follow": follow, "unfollow": unfollow, "following": following},
    actions={"unfollow": unfollow_clicked},
    after_meetup_proposed=tell_followers,
    after_date_opened=tell_followers_of_date,
)
