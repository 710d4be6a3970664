"""Area roles: admins attach a Discord role or a Slack user group to an area
(`/meetup area-role`); it is mentioned above the card of a meetup proposed there. The group is
one an admin chose (the adapter read the platform's reference to it, `Ctx.group`); member text
never becomes a mention (bot/domain/areas.area_group)."""

from __future__ import annotations

import logging
from collections.abc import Mapping

from bot.domain import areas as rules
from bot.domain.areas import Area
from bot.domain.community import Community
from bot.domain.meetups import Meetup
from bot.domain.refusal import Refusal
from bot.handlers.context import Ctx, Services
from bot.handlers.feature import Feature
from bot.handlers.parsing import city_hints, read_city
from bot.nlp.places import City, city_by_id
from bot.ports import ChatError
from bot.types import GroupRef

log = logging.getLogger(__name__)


async def area_city(ctx: Ctx, raw: str) -> tuple[City, tuple[City, ...]]:
    """The city a `city:` option means, read like every other city option (members' homes
    break ties between namesakes); with its namesakes."""
    found = read_city(raw, await city_hints(ctx.store, ctx.community, raw))
    assert found.city is not None
    return found.city, found.alternatives


async def area_role(ctx: Ctx, options: Mapping[str, str]) -> None:
    """`/meetup area-role city: role: [radius:]` (admins): mention the group on the cards of
    meetups proposed in the area; role:none removes it."""
    if not ctx.is_admin:
        raise Refusal(
            "Only admins can attach a role to an area. To hear of meetups there yourself: "
            '`/meetup follow city:"Portland, Oregon"`.'
        )
    city, _ = await area_city(ctx, options.get("city", ""))
    ref = ctx.group("role")
    picked = rules.Group(ref.id, ref.label) if ref is not None else None
    group = rules.area_group(options.get("role", ""), picked, city.label)
    if group is not None and picked is None:
        group = await _typed_group(ctx, group)
    if group is None:
        if await ctx.store.drop_area_group(ctx.community.id, city.id):
            await ctx.say(f"Meetups in {city.label} no longer mention a role.")
        else:
            await ctx.say(f"No role was attached to {city.label}.")
        return
    radius = rules.follow_radius(options.get("radius", ""))
    await ctx.store.set_area_group(
        ctx.community.id, city.id, group.id, group.label, radius, ctx.now()
    )
    shown = f"@{group.label}" if group.label else "that role"
    await ctx.say(
        f"Meetups proposed within {radius} km of {city.label} will mention {shown} on their card."
    )


async def _typed_group(ctx: Ctx, typed: rules.Group) -> rules.Group:
    """The platform's group of the name the admin typed (a name is no mention: Discord and
    Slack ping only a group they know by id). Refused, with how to pick the group, when the
    platform has none or several of that name, or cannot say; a label where the platform has
    no groups (the console)."""
    directory = ctx.services.outbox.group_directory(ctx.user.platform)
    if directory is None:
        return typed
    try:
        found = await directory.find_group(ctx.place, typed.label)
    except ChatError as exc:
        log.warning("could not look up the group %r: %s", typed.label, exc)
        raise Refusal(
            f"I couldn't look up @{typed.label} just now. Pick it from the list that opens "
            "as you type role:@, or try again in a minute."
        ) from None
    if found.found is None:
        raise Refusal(found.why_not)
    return rules.Group(found.found.id, found.found.label)


async def card_groups(services: Services, community: Community, m: Meetup) -> tuple[GroupRef, ...]:
    """The groups attached to areas covering the meetup (none for online meetups)."""
    if m.is_online:
        return ()
    groups = await services.store.area_groups(community.id)
    found: dict[str, GroupRef] = {}
    for g in groups:
        city = city_by_id(g.city_id)
        if city is None:
            continue
        area = Area(city.id, city.latitude, city.longitude, g.radius_km)
        if area.covers(m.latitude, m.longitude):
            found.setdefault(g.group_id, GroupRef(g.group_id, g.group_label))
    return tuple(found.values())


FEATURE = Feature("area_roles", commands={"area-role": area_role})
