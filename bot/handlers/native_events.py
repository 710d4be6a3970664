"""A meetup as the platform's own event (Discord's Guild Scheduled Events, in the server's
Events tab), kept in step with the meetup, and "Interested" clicks there turned into an offer
to RSVP.

The platform's event is a copy: the card stays the source of truth. Adapters that offer the
`NativeEvents` capability get one event per scheduled meetup (a date poll gets its event when
it closes), updated when the meetup changes and cancelled with it. Without the permission to
manage events the community's channel is told once, and meetups go on as cards only.
"""

from __future__ import annotations

import hashlib
import logging

from bot import actions, render
from bot.actions import Action
from bot.domain.community import Community
from bot.domain.meetups import DEFAULT_DURATION, Meetup, Status
from bot.domain.rsvps import RsvpStatus
from bot.handlers.context import Ctx, Services
from bot.handlers.feature import Feature
from bot.handlers.notify import meetup_place
from bot.handlers.rsvps import answer
from bot.ports import ChatError, DMClosed, MissingPermission, NativeEvents
from bot.store.areas import NativeEventRow
from bot.types import Bold, Button, NativeEvent, Outgoing, Text

log = logging.getLogger(__name__)

PERMISSION_NOTICE = "native-events"
DESCRIPTION_MAX = 1000  # Discord's limit for an event's description
_ALREADY_IN = (RsvpStatus.GOING, RsvpStatus.WAITING, RsvpStatus.OFFERED)


def native_event(m: Meetup) -> NativeEvent | None:
    """The platform event a meetup shows as, or None while it has no date or is cancelled.
    The location is the venue and the city ("Bar Cafe, Portland, Oregon, US"); an online
    meetup's is its link (a voice channel's link lets the adapter use that channel)."""
    if m.status is not Status.SCHEDULED or m.starts_at is None:
        return None
    if m.is_online:
        location = m.venue or "Online"
    else:
        location = ", ".join(p for p in (m.venue, m.city_label) if p)
    card_note = f"Meetup #{m.id}: RSVP on its card in the channel (that's where seats count)."
    description = "\n\n".join(p for p in (m.description, card_note) if p)[:DESCRIPTION_MAX]
    return NativeEvent(
        title=m.title,
        description=description,
        starts_at=m.starts_at,
        ends_at=m.starts_at + DEFAULT_DURATION,
        location=location[:100],
    )


def fingerprint(event: NativeEvent) -> str:
    """A short hash of what the platform was sent: a refresh that changes nothing calls
    nothing."""
    text = "\x1f".join(
        (event.title, event.description, event.starts_at.isoformat(), event.ends_at.isoformat(),
         event.location, event.channel_id or "")
    )
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


async def sync(services: Services, community: Community, m: Meetup) -> None:
    """Create, update or cancel the meetup's platform event so it matches the meetup. A
    failure never stops the meetup: it is logged (or, for a missing permission, told once)."""
    native = services.outbox.native_events(community.platform)
    if native is None:
        return
    stored = await services.store.native_event_of(m.id)
    try:
        await _apply(services, native, community, m, stored)
    except MissingPermission as exc:
        log.info("native events of community %s: %s", community.id, exc)
        await _tell_once(services, community, m)
    except ChatError as exc:
        log.warning("could not keep the platform event of meetup %s in step: %s", m.id, exc)


async def _apply(
    services: Services,
    native: NativeEvents,
    community: Community,
    m: Meetup,
    stored: NativeEventRow | None,
) -> None:
    spec = native_event(m)
    workspace = community.workspace_id
    if spec is None:
        if stored is not None and not stored.cancelled and m.status is Status.CANCELLED:
            await native.cancel_native_event(workspace, stored.event_id)
            await services.store.native_event_cancelled(m.id)
        return
    print_ = fingerprint(spec)
    if stored is None:
        event_id = await native.create_native_event(workspace, spec)
        await services.store.save_native_event(m.id, event_id, print_)
        await services.store.forget_notice(community.id, PERMISSION_NOTICE)
    elif not stored.cancelled and stored.fingerprint != print_:
        await native.update_native_event(workspace, stored.event_id, spec)
        await services.store.save_native_event(m.id, stored.event_id, print_)


async def _tell_once(services: Services, community: Community, m: Meetup) -> None:
    """Say in the meetup's channel, once per community (until it works again), what the
    bot needs to list meetups in the server's events."""
    if not await services.store.give_notice_once(
        community.id, PERMISSION_NOTICE, services.clock.now()
    ):
        return
    msg = Outgoing(
        body=(
            Bold("Admins: "),
            Text(
                "I can't add meetups to this server's Events because I lack the Manage Events "
                "permission. Give my role Manage Events (Server Settings, Roles) and new and "
                "edited meetups will show there too; until then they are cards only. "
                "I won't repeat this."
            ),
        )
    )
    try:
        await services.outbox.post(meetup_place(community, m), msg)
    except ChatError as exc:
        log.warning("could not tell community %s about Manage Events: %s", community.id, exc)


async def proposed(ctx: Ctx, m: Meetup) -> None:
    await sync(ctx.services, ctx.community, m)


async def interested(ctx: Ctx, action: Action) -> None:
    """A member clicked Interested on the platform's event: offer, by DM, to RSVP Going.
    Interest cannot be set by a bot, so the card's RSVP is what counts."""
    meetup_id = await ctx.store.meetup_of_native_event(ctx.community.id, action.args[0])
    if meetup_id is None:
        ctx.outcome = "ignored"  # an event the bot did not make
        return
    m = await ctx.meetup(meetup_id)
    mine = await ctx.store.rsvp_of(m.id, ctx.user.id)
    if m.status is not Status.SCHEDULED or m.has_started(ctx.now()):
        ctx.outcome = "ignored"
        return
    if mine is not None and mine.status in _ALREADY_IN:
        ctx.outcome = "already"
        return
    if not await ctx.store.note_native_interest(m.id, ctx.user.id, ctx.now()):
        ctx.outcome = "already"
        return
    zone = ctx.community.timezone
    offer = Outgoing(
        body=(
            Text("You're interested in "),
            Bold(f"#{m.id} {m.title}"),
            Text(" ("),
            render.at(m, m.starts_at or ctx.now(), zone),
            Text("). The meetup's card counts who comes: RSVP Going to get a seat and reminders."),
        ),
        buttons=(Button("RSVP Going", actions.encode("gonative", m.id), "success"),),
    )
    try:
        await ctx.services.outbox.dm(ctx.user, offer)
    except DMClosed:
        ctx.outcome = "dm-closed"  # a courtesy: the card is in the channel


async def go_from_interest(ctx: Ctx, action: Action) -> None:
    """RSVP Going from the DM offered after Interested."""
    m = await ctx.meetup(action.int_arg(0))
    await answer(ctx, m, RsvpStatus.GOING)


async def _offered(services: Services, action: Action, user_id: str) -> Community | None:
    """A DM's RSVP Going button: only for the member it was offered to."""
    m = await services.store.meetup(action.int_arg(0))
    if m is None or not await services.store.showed_native_interest(m.id, user_id):
        return None
    return await services.store.community_by_id(m.community_id)


async def changed(services: Services, community: Community, m: Meetup) -> None:
    await sync(services, community, m)


FEATURE = Feature(
    "native_events",
    actions={"interested": interested, "gonative": go_from_interest},
    direct_actions={"gonative": _offered},
    after_meetup_proposed=proposed,
    after_meetup_changed=changed,
)
