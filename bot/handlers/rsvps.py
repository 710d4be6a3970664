"""RSVPs: Going / Maybe / Can't go, the waitlist, seat offers, and calendar files."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from bot import actions, render
from bot.actions import Action
from bot.calendar import google_link
from bot.domain import meetups as rules
from bot.domain.community import Community, Member
from bot.domain.jobs import Job, JobSpec
from bot.domain.meetups import Meetup, Status
from bot.domain.refusal import Refusal
from bot.domain.reminders import format_leads
from bot.domain.rsvps import HOLDS_SEAT, Rsvp, RsvpStatus
from bot.handlers.cards import refresh_cards
from bot.handlers.context import Ctx, Services
from bot.handlers.feature import Feature, JobKind, each, meetup_answered
from bot.handlers.notify import meetup_ics, meetup_place
from bot.handlers.reminders import effective_leads, reschedule_member
from bot.outbox import Delivery
from bot.render import prose
from bot.types import Attachment, Bold, Button, Link, Outgoing, Segment, Text, UserRef

_REQUESTS = {"going": RsvpStatus.GOING, "maybe": RsvpStatus.MAYBE, "no": RsvpStatus.NO}
MAYBE_CONFIRMED = "maybe-confirmed"  # Maybe from the waitlist, after the member confirmed
_IN_LINE = (RsvpStatus.WAITING, RsvpStatus.OFFERED)


async def rsvp(ctx: Ctx, action: Action) -> None:
    m = await ctx.meetup(action.int_arg(0))
    if action.args[1] == MAYBE_CONFIRMED:
        await answer(ctx, m, RsvpStatus.MAYBE)
        return
    requested = _REQUESTS.get(action.args[1])
    if requested is None:
        raise Refusal("That button is not one I made.")
    if requested is RsvpStatus.MAYBE and await _ask_before_leaving_the_line(ctx, m):
        return
    await answer(ctx, m, requested)


async def _ask_before_leaving_the_line(ctx: Ctx, m: Meetup) -> bool:
    """Maybe gives up a waitlist place (or a held seat): ask first. True if asked."""
    mine = await ctx.store.rsvp_of(m.id, ctx.user.id)
    if mine is None or mine.status not in _IN_LINE or m.status is not Status.SCHEDULED:
        return False
    if mine.status is RsvpStatus.OFFERED:
        what = "the seat held for you"
        stay = Button("Take the seat", actions.encode("claim", m.id), "success")
    else:
        what = f"your place (number {await _waitlist_rank(ctx, m.id, ctx.user.id)}) on the waitlist"
        stay = Button("Stay on the waitlist", actions.encode("rsvp", m.id, "going"))
    await ctx.reply(
        Outgoing(
            body=(Text(f"Marking Maybe for #{m.id} {m.title} gives up {what}. Are you sure?"),),
            buttons=(
                Button(
                    "Give it up, mark Maybe",
                    actions.encode("rsvp", m.id, MAYBE_CONFIRMED),
                    "danger",
                ),
                stay,
            ),
            ephemeral=True,
        )
    )
    ctx.outcome = "confirm"
    return True


async def claim(ctx: Ctx, action: Action) -> None:
    await answer(ctx, await ctx.meetup(action.int_arg(0)), RsvpStatus.GOING)


async def decline(ctx: Ctx, action: Action) -> None:
    await answer(ctx, await ctx.meetup(action.int_arg(0)), RsvpStatus.NO)


async def answer(ctx: Ctx, m: Meetup, requested: RsvpStatus) -> None:
    if m.status is Status.POLL:
        raise Refusal(
            f"#{m.id} is still a date poll: vote on the dates first; RSVPs open when "
            "the date is set."
        )
    rules.check_active(m, ctx.now(), "answer")
    if m.has_started(ctx.now()) and requested is RsvpStatus.GOING:
        raise Refusal(f"#{m.id} has already started.")
    member = await ctx.member()
    outcome = await ctx.store.rsvp(
        m.id,
        ctx.user.id,
        member.name,
        requested,
        ctx.now(),
        ctx.community.offer_hours,
        offer_job(ctx.community),
    )
    after = outcome.after
    if outcome.before != after.status:
        await reschedule_member(ctx.services, ctx.community, m, ctx.user.id, after.status)
        if ctx.services.after_rsvp is not None:
            await ctx.services.after_rsvp(ctx, m, outcome.before, after.status)
    if outcome.offered is not None:
        await send_offers(ctx.services, ctx.community, m, [outcome.offered])
    await refresh_cards(ctx.services, ctx.community, m.id, m)
    buttons: tuple[Button, ...] = ()
    if after.status is RsvpStatus.GOING:  # private: only this member sees it
        buttons = (Button("It's my first one", actions.encode("first", m.id)),)
    await ctx.reply(
        Outgoing(
            body=await _confirmation(ctx, m, member, outcome.before, after),
            buttons=buttons,
            ephemeral=True,
        )
    )


async def _confirmation(
    ctx: Ctx, m: Meetup, member: Member, before: RsvpStatus | None, after: Rsvp
) -> tuple[Segment, ...]:
    zone = ctx.community.timezone
    if after.status is RsvpStatus.GOING:
        leads = effective_leads(ctx.community, member)
        parts: list[Segment] = [
            Bold("You're going"),
            Text(f" to #{m.id} {m.title}, "),
            render.at(m, m.starts_at, zone) if m.starts_at else Text("date to be set"),
            Text(f", {m.city_label}. "),
        ]
        parts += prose(
            f"I'll DM you a reminder {format_leads(leads)} before. "
            if leads
            else "Reminders are off for you (`/meetup reminders lead:1d`). "
        )
        if not member.show_name:
            parts += prose(
                "Your name isn't shown on cards; `/meetup privacy show-name:yes` shows it."
            )
        return tuple(parts)
    if after.status is RsvpStatus.WAITING:
        rank = await _waitlist_rank(ctx, m.id, ctx.user.id)
        already = "You're already" if before is RsvpStatus.WAITING else f"#{m.id} is full; you're"
        return (
            Text(
                f"{already} number {rank} on the waitlist. If a seat frees up I'll DM you "
                f"and hold it for you for {ctx.community.offer_hours} hours."
            ),
        )
    if after.status is RsvpStatus.MAYBE:
        return (Text(f"Marked you as maybe for #{m.id} {m.title}."),)
    if after.status is RsvpStatus.NO:
        gave_up = (
            " Your seat goes to the next person waiting."
            if before in (RsvpStatus.GOING, RsvpStatus.OFFERED)
            else ""
        )
        return (Text(f"Got it, you can't make #{m.id} {m.title}.{gave_up}"),)
    return (Text(f"You've been offered a seat at #{m.id}; click Going to take it."),)


async def _waitlist_rank(ctx: Ctx, meetup_id: int, user_id: str) -> int:
    waiting = [
        r.user_id for r in await ctx.store.rsvps(meetup_id) if r.status is RsvpStatus.WAITING
    ]
    return waiting.index(user_id) + 1 if user_id in waiting else 0


def offer_job(community: Community) -> Callable[[Rsvp], JobSpec | None]:
    """The job that ends a seat offer unanswered at its deadline (the store adds it in the
    transaction that makes the offer)."""

    def spec(r: Rsvp) -> JobSpec | None:
        if r.offer_expires_at is None:
            return None
        until = r.offer_expires_at.isoformat()
        expires = r.offer_expires_at
        return OFFER.spec(community.id, r.meetup_id, expires, user_id=r.user_id, until=until)

    return spec


async def send_offers(
    services: Services, community: Community, m: Meetup, offered: Sequence[Rsvp]
) -> None:
    """DM each member offered a freed seat. The store added each offer's expiry job with the
    offer; adding it again (a no-op) arms this process's timer for it."""
    if not offered:
        return
    arm = offer_job(community)
    await services.jobs.add([spec for r in offered if (spec := arm(r)) is not None])
    zone = m.zone(community.timezone)
    deliveries = []
    for r in offered:
        body: tuple[Segment, ...] = (
            Bold(f"A seat opened up at #{m.id} {m.title}! "),
            render.at(m, m.starts_at, zone) if m.starts_at else Text(""),
            Text(f", {m.city_label}. It's held for you until "),
            render.at(m, r.offer_expires_at, zone) if r.offer_expires_at else Text("soon"),
            Text("."),
        )
        deliveries.append(
            Delivery(
                UserRef(community.platform, r.user_id, r.user_name),
                Outgoing(
                    body=body,
                    buttons=(
                        Button("Take the seat", actions.encode("claim", m.id), "success"),
                        Button("Pass", actions.encode("decline", m.id), "danger"),
                    ),
                ),
            )
        )
    await services.outbox.dm_many(
        deliveries,
        meetup_place(community, m),
        (
            Text(
                f"a seat opened up for you at #{m.id} {m.title}: click "
                "Going on its card to take it."
            ),
        ),
    )


def _offer_lapsed_text(m: Meetup, now: datetime) -> str:
    if m.has_started(now):
        return f"The seat held for you at #{m.id} {m.title} was not claimed before it started."
    return (
        f"The seat held for you at #{m.id} {m.title} has passed to the next person. "
        "Click Going on the card to join the waitlist again."
    )


async def expire_offer_job(services: Services, community: Community, m: Meetup, job: Job) -> str:
    """The `offer` job: a seat offer ran out unanswered. The lapse, the hand-over to the next
    member and that offer's own expiry job are one transaction; a job claimed again after its
    process died finds that hand-over and resumes the DMs (keyed: what went out is found)."""
    if not job.user_id:
        return "unknown-kind"  # an offer is always to someone
    expired, offered = await services.store.expire_offer(
        m.id,
        job.user_id,
        services.clock.now(),
        community.offer_hours,
        job,
        offer_job(community),
    )
    if not expired:
        return "claimed-or-gone"
    member = await services.store.member(community.id, job.user_id)
    user = UserRef(community.platform, job.user_id, member.name if member else "")
    lapsed = Outgoing(body=(Text(_offer_lapsed_text(m, services.clock.now())),))
    await services.outbox.dm_many([Delivery(user, lapsed)], None, ())
    if offered is not None:
        await send_offers(services, community, m, [offered])
    await refresh_cards(services, community, m.id)
    return "expired"


async def calendar(ctx: Ctx, action: Action) -> None:
    m = await ctx.meetup(action.int_arg(0))
    if m.starts_at is None:
        raise Refusal(f"#{m.id} has no date yet; the poll is still open.")
    data = await meetup_ics(ctx.services, ctx.community, m)
    if m.status is Status.CANCELLED:
        # The file is a METHOD:CANCEL: opening it removes the event; no link to add it again.
        body: tuple[Segment, ...] = (
            Text(
                f"#{m.id} {m.title} was cancelled. Open the attached file to remove it from "
                "your calendar (in Google Calendar, delete the event)."
            ),
        )
    else:
        body = (
            Text(f"#{m.id} {m.title} for your calendar: open the attached file, or "),
            Link(google_link(m), "add it to Google Calendar"),
            Text("."),
        )
    await ctx.reply(
        Outgoing(
            body=body,
            attachments=(Attachment(f"meetup-{m.id}.ics", data, "text/calendar"),),
            ephemeral=True,
        )
    )


# --- lowering the capacity below the seats taken ---------------------------------------------


def over_capacity(m: Meetup, capacity: int | None) -> bool:
    """Whether a new capacity would leave members who hold a seat without one."""
    return capacity is not None and capacity < m.seats_taken


async def ask_lower_capacity(ctx: Ctx, m: Meetup, capacity: int) -> None:
    """Tell the organizer who would lose their seat and let them choose: keep everyone (no new
    seats until below the capacity) or move the latest to the front of the waitlist."""
    rsvps, shown = await ctx.store.rsvps_and_consent(m.id, ctx.community.id)
    holders = [r for r in rsvps if r.status in HOLDS_SEAT]  # in click order
    affected = holders[capacity:]
    n = len(affected)
    body: tuple[Segment, ...] = (
        Text(
            f"Capacity {capacity} is below the {len(holders)} seats taken at #{m.id} (going, "
            f"or held for someone). The latest {n} to get a seat: "
        ),
        *render.names(affected, shown, ctx.community.platform),
        Text(
            ". Keep them (nobody new gets a seat until fewer are going), or move them to the "
            "front of the waitlist? Nothing changes until you choose."
        ),
    )
    await ctx.reply(
        Outgoing(
            body=body,
            buttons=(
                Button(
                    f"Keep all {len(holders)}",
                    actions.encode("capacity", m.id, capacity, "keep"),
                    "primary",
                ),
                Button(
                    f"Move the latest {n} to the waitlist",
                    actions.encode("capacity", m.id, capacity, "move"),
                    "danger",
                ),
            ),
            ephemeral=True,
        )
    )


async def capacity_choice(ctx: Ctx, action: Action) -> None:
    m = await ctx.meetup(action.int_arg(0))
    rules.check_manage(m, ctx.user.id, ctx.is_admin, "change the capacity of")
    rules.check_active(m, ctx.now(), "change the capacity of")
    capacity = rules.parse_capacity(str(action.int_arg(1)))
    choice = action.args[2]
    if capacity is None or choice not in ("keep", "move"):
        raise Refusal("That button is not one I made.")
    if choice == "keep":
        await ctx.store.update_meetup(m.id, ctx.now(), capacity=capacity)
        await refresh_cards(ctx.services, ctx.community, m.id)
        await ctx.say(
            f"Capacity of #{m.id} is now {capacity}. Everyone going keeps their seat; nobody "
            "new gets one until fewer than that are going."
        )
        return
    moved = await ctx.store.lower_capacity(m.id, capacity, ctx.now())
    updated = await ctx.meetup(m.id)
    for before, r in moved:
        if before is RsvpStatus.GOING:
            await reschedule_member(ctx.services, ctx.community, updated, r.user_id, r.status)
    await refresh_cards(ctx.services, ctx.community, m.id)
    await _tell_moved(ctx.services, ctx.community, updated, [r for _, r in moved])
    await ctx.say(
        f"Capacity of #{m.id} is now {capacity}; moved {len(moved)} to the front of the "
        "waitlist, and told them."
    )


async def _tell_moved(
    services: Services, community: Community, m: Meetup, moved: Sequence[Rsvp]
) -> None:
    rsvps = await services.store.rsvps(m.id)
    waiting = [r.user_id for r in rsvps if r.status is RsvpStatus.WAITING]
    deliveries = [
        Delivery(
            UserRef(community.platform, r.user_id, r.user_name),
            Outgoing(
                body=(
                    Bold(f"#{m.id} {m.title} has fewer seats now. "),
                    Text(
                        f"The organizer lowered the capacity to {m.capacity}, so you're back on "
                        f"the waitlist, number {waiting.index(r.user_id) + 1}. If a seat frees "
                        "up I'll DM you."
                    ),
                )
            ),
        )
        for r in moved
        if r.user_id in waiting
    ]
    await services.outbox.dm_many(
        deliveries,
        meetup_place(community, m),
        (Text(f"the capacity of #{m.id} {m.title} was lowered: you're on the waitlist now."),),
    )


OFFER = JobKind("offer", "offer:{meetup}:{user}:{until}", each(expire_offer_job))

FEATURE = Feature(
    "rsvps",
    actions={
        "rsvp": rsvp,
        "cal": calendar,
        "claim": claim,
        "decline": decline,
        "capacity": capacity_choice,
    },
    direct_actions={
        verb: meetup_answered for verb in ("rsvp", "cal", "claim", "decline")
    },
    jobs=(OFFER,),
)
