"""Door buddies: members volunteer as greeters (`/meetup greeter on`); a first-timer asks
"Meet me at the door"; greeters who are going are asked one at a time (the `buddy` job is
each one's time to answer), and only when one accepts are the two introduced by DM, with the
meeting point and time. Nobody's name reaches anybody before both agreed.
"""

from __future__ import annotations

from collections.abc import Mapping

from bot import actions, render
from bot.actions import Action
from bot.domain import meetups as rules
from bot.domain.community import Community
from bot.domain.jobs import Job
from bot.domain.meetups import Meetup, Status
from bot.domain.refusal import Refusal
from bot.domain.rsvps import RsvpStatus
from bot.domain.welcome import (
    MEET_BEFORE,
    BuddyState,
    Candidate,
    answer_deadline,
    meet_at,
    next_greeter,
)
from bot.handlers.context import Ctx, Services
from bot.handlers.feature import Feature, JobKind, each, meetup_answered
from bot.handlers.welcome import dm
from bot.store.welcome import BuddyRequest
from bot.types import Bold, Button, Field, Mention, Outgoing, Text, UserRef

_ON_OFF = {"on": True, "yes": True, "off": False, "no": False}


def _user(community: Community, user_id: str, name: str = "") -> UserRef:
    return UserRef(community.platform, user_id, name)


# --- /meetup greeter -------------------------------------------------------------------------


async def greeter(ctx: Ctx, options: Mapping[str, str]) -> None:
    raw = options.get("status", "").strip().lower()
    if not raw:
        on = ctx.user.id in await ctx.store.greeter_ids(ctx.community.id)
        await ctx.say(
            ("You're a greeter here: thank you! " if on else "You're not a greeter here. ")
            + "`/meetup greeter on` volunteers to meet first-timers at the door of meetups "
            "you're going to (you're asked each time and can say no); `/meetup greeter off` "
            "stops."
        )
        return
    if raw not in _ON_OFF:
        raise Refusal("status: takes on or off, e.g. `/meetup greeter on`.")
    on = _ON_OFF[raw]
    await ctx.member()
    await ctx.store.set_greeter(ctx.community.id, ctx.user.id, on, ctx.now())
    if on:
        await ctx.say(
            "Thank you for volunteering! When a first-timer going to a meetup you're going to "
            "asks for someone to meet them at the door, I'll DM you to ask; you can always "
            "say no. Your name is only shared once you accept. `/meetup greeter off` stops."
        )
        return
    released = await release_greeter(ctx.services, ctx.community, ctx.user.id)
    extra = f" I'm finding someone else for the {released} first-timer(s) you were to meet."
    await ctx.say("You're no longer a greeter here." + (extra if released else ""))


# --- a first-timer asks ------------------------------------------------------------------------


async def meet_me(ctx: Ctx, action: Action) -> None:
    """"Meet me at the door"."""
    m = await ctx.meetup(action.int_arg(0))
    rules.check_active(m, ctx.now(), "ask for a door buddy at")
    mine = await ctx.store.rsvp_of(m.id, ctx.user.id)
    if mine is None or mine.status is not RsvpStatus.GOING or m.starts_at is None:
        raise Refusal(f"Click Going on #{m.id} first; then I can find someone to meet you.")
    await ctx.member()
    await ctx.store.mark_first_timer(m.id, ctx.user.id, ctx.now())
    request, opened = await ctx.store.open_buddy_request(m.id, ctx.user.id, ctx.now())
    if not opened:
        state = "Someone has agreed to meet you" if request.state is BuddyState.PAIRED else (
            "I'm already asking a greeter for you")
        await ctx.reply(_pending_reply(m, state + "."))
        return
    if answer_deadline(ctx.now(), m.starts_at) is None:
        await ctx.store.end_buddy_request(request.id, BuddyState.UNMATCHED, ctx.now())
        await ctx.say(_too_late_text(m))
        return
    asked = await ask_next(ctx.services, ctx.community, m, request, tell=False)
    if not asked:
        await ctx.say(_nobody_text(m))
        return
    await ctx.reply(
        _pending_reply(
            m,
            "I'm asking a greeter who is going. I'll DM you as soon as someone agrees, "
            "and tell you in good time if nobody can.",
        )
    )


def _pending_reply(m: Meetup, text: str) -> Outgoing:
    return Outgoing(
        body=(Text(text + " You can cancel any time."),),
        buttons=(Button("Cancel my request", actions.encode("nodoor", m.id), "danger"),),
        ephemeral=True,
    )


def _nobody_text(m: Meetup) -> str:
    host = f"the host, {m.organizer_name}," if m.organizer_id else "the group"
    return (
        f"I'm sorry: no greeter going to #{m.id} {m.title} is free to meet you at the door. "
        f"Please come anyway: {host} knows a first-timer is coming, and "
        + (f"you'll find us: {m.find_us}." if m.find_us else "everyone there was new once.")
    )


def _too_late_text(m: Meetup) -> str:
    return (
        f"#{m.id} starts too soon for me to find someone to meet you at the door, sorry. "
        "Please come anyway: " + (m.find_us or "ask for the group at the venue") + "."
    )


async def ask_next(
    services: Services, community: Community, m: Meetup, request: BuddyRequest,
    *, tell: bool = True,
) -> bool:
    """Ask the next greeter, in time; with nobody left (or no time), close the request as
    unmatched and, if `tell`, tell the first-timer kindly. True if a greeter was asked."""
    store, now = services.store, services.clock.now()
    while True:
        deadline = (
            answer_deadline(now, m.starts_at)
            if m.status is Status.SCHEDULED and m.starts_at is not None else None
        )
        chosen = None
        if deadline is not None:
            rsvps = await store.rsvps(m.id)
            greeters = await store.greeter_ids(community.id)
            going = [Candidate(r.user_id, r.user_id in greeters) for r in rsvps
                     if r.status is RsvpStatus.GOING]
            chosen = next_greeter(
                going,
                request.first_timer_id,
                await store.asked_greeters(request.id),
                await store.busy_greeters(m.id),
                set(await store.first_timer_ids(m.id)),
            )
        if deadline is None or chosen is None:
            ended = await store.end_buddy_request(request.id, BuddyState.UNMATCHED, now)
            if ended is not None and tell:  # they were told "I'm asking": now the outcome
                await dm(services, _user(community, request.first_timer_id),
                         Outgoing(body=(Text(_nobody_text(m)),)))
            return False
        if not await store.ask_greeter(request.id, chosen, now):
            return False  # cancelled meanwhile
        if await dm(services, _user(community, chosen), _ask_message(m, community, request)):
            await services.jobs.add(
                [BUDDY.spec(community.id, m.id, deadline, user_id=chosen, request=request.id)]
            )
            return True
        # their DMs are closed: they cannot be asked; the next one is
        await store.greeter_answered(request.id, chosen, "closed", now)


def _ask_message(m: Meetup, community: Community, request: BuddyRequest) -> Outgoing:
    zone = m.zone(community.timezone)
    minutes = int(MEET_BEFORE.total_seconds() // 60)
    return Outgoing(
        title=f"Could you meet a first-timer at {m.title}?",
        body=(
            Text(
                f"Someone going to #{m.id} {m.title} for the first time would love a friendly "
                f"face at the door, {minutes} minutes before the start ("
            ),
            render.at(m, meet_at(m.starts_at), zone) if m.starts_at else Text("?"),
            Text(
                "). If you accept, I'll introduce you to each other by DM; neither name is "
                "shared before that. Saying no is fine: I'll ask someone else."
            ),
        ),
        buttons=(
            Button("Yes, I'll meet them", actions.encode("greet", m.id, request.id, "yes"),
                   "success"),
            Button("Not this time", actions.encode("greet", m.id, request.id, "no")),
        ),
    )


# --- the greeter answers -------------------------------------------------------------------------


async def greeter_answer(ctx: Ctx, action: Action) -> None:
    m = await ctx.meetup(action.int_arg(0))
    request_id, answer = action.int_arg(1), action.args[2]
    if answer not in ("yes", "no"):
        raise Refusal("That button is not one I made.")
    request = await ctx.store.buddy_request(request_id)
    if request is None or request.meetup_id != m.id:
        raise Refusal("That request is no longer open. Thank you all the same!")
    if answer == "yes":
        rules.check_active(m, ctx.now(), "meet someone at")
        mine = await ctx.store.rsvp_of(m.id, ctx.user.id)
        if mine is None or mine.status is not RsvpStatus.GOING:
            raise Refusal(f"You're not going to #{m.id} any more, so I'll ask someone else.")
    done = await ctx.store.greeter_answered(request.id, ctx.user.id, answer, ctx.now())
    if done is None:
        raise Refusal(
            "That request has already moved on (it was cancelled, or passed to another "
            "greeter). Thank you all the same!"
        )
    await ctx.services.jobs.replace(m.id, (BUDDY.name,), ctx.user.id, [])
    if answer == "no":
        await ctx.say("No problem at all; I'll ask someone else. Thanks for volunteering!")
        await ask_next(ctx.services, ctx.community, m, done)
        return
    await introduce(ctx.services, ctx.community, m, done)
    await ctx.say("Thank you! I've introduced you to each other by DM.")


async def introduce(
    services: Services, community: Community, m: Meetup, request: BuddyRequest
) -> None:
    """Both agreed: each learns the other's name, the meeting point and the time."""
    assert request.greeter_id is not None
    members = await services.store.members(
        community.id, (request.first_timer_id, request.greeter_id)
    )

    def ref(user_id: str) -> UserRef:
        known = members.get(user_id)
        return _user(community, user_id, known.name if known else "")

    newcomer, greeter_ref = ref(request.first_timer_id), ref(request.greeter_id)
    zone = m.zone(community.timezone)
    meeting: tuple[Field, ...] = (
        Field("Meet at", (render.at(m, meet_at(m.starts_at), zone),) if m.starts_at
              else (Text("?"),), False),
        Field("Where", render.where(m), False),
    )
    if m.find_us:
        meeting += (Field("Find us", (Text(m.find_us),), False),)
    to_newcomer = Outgoing(
        title=f"Someone will meet you at {m.title}",
        body=(Mention(greeter_ref), Text(" will meet you at the door. Say hi!")),
        fields=meeting,
        buttons=(Button("Cancel the meeting", actions.encode("nodoor", m.id), "danger"),),
        ping=(greeter_ref,),  # a live mention, so each can find the other's profile
    )
    to_greeter = Outgoing(
        title=f"You're meeting a first-timer at {m.title}",
        body=(Mention(newcomer), Text(" is looking forward to meeting you at the door.")),
        fields=meeting,
        ping=(newcomer,),
    )
    await dm(services, newcomer, to_newcomer)
    await dm(services, greeter_ref, to_greeter)


async def answer_timed_out(services: Services, community: Community, m: Meetup, job: Job) -> str:
    """The `buddy` job: the greeter asked did not answer in time; ask the next one."""
    if not job.user_id:
        return "unknown-kind"
    for request in await services.store.open_requests(
        community.id, greeter_id=job.user_id, meetup_id=m.id
    ):
        if request.state is BuddyState.ASKING:
            moved = await services.store.greeter_answered(
                request.id, job.user_id, "timeout", services.clock.now()
            )
            if moved is not None:
                await ask_next(services, community, m, moved)
                return "next"
    return "answered"


# --- cancelling, and greeters who leave --------------------------------------------------------


async def cancel_request(ctx: Ctx, action: Action) -> None:
    m = await ctx.meetup(action.int_arg(0))
    request = await ctx.store.buddy_request_of(m.id, ctx.user.id)
    ended = None
    if request is not None:
        ended = await ctx.store.end_buddy_request(request.id, BuddyState.CANCELLED, ctx.now())
    if ended is None:
        await ctx.say(f"You have no open door-buddy request for #{m.id}; nothing to cancel.")
        return
    await _tell_greeter_cancelled(ctx.services, ctx.community, m, ended)
    await ctx.say("Cancelled: nobody will wait for you at the door. See you there!")


async def _tell_greeter_cancelled(
    services: Services, community: Community, m: Meetup, ended: BuddyRequest
) -> None:
    if ended.greeter_id is None:
        return
    await services.jobs.replace(m.id, (BUDDY.name,), ended.greeter_id, [])
    if ended.state is BuddyState.PAIRED:  # they know each other's names by now
        text = (f"The first-timer you were to meet at #{m.id} {m.title} won't need you at the "
                "door after all. Thank you for offering!")
    else:
        text = f"No need to answer about #{m.id} {m.title} any more: it was cancelled. Thanks!"
    await dm(services, _user(community, ended.greeter_id), Outgoing(body=(Text(text),)))


async def release_greeter(
    services: Services, community: Community, greeter_id: str, meetup_id: int | None = None
) -> int:
    """A greeter stops (greeter off, not going any more, forgotten): each first-timer they
    were asked for or paired with gets the next greeter, and is told. How many."""
    now, count = services.clock.now(), 0
    for request in await services.store.open_requests(
        community.id, greeter_id=greeter_id, meetup_id=meetup_id
    ):
        was_paired = request.state is BuddyState.PAIRED
        freed = await services.store.greeter_answered(request.id, greeter_id, "gone", now)
        m = await services.store.meetup(request.meetup_id)
        if freed is None or m is None:
            continue
        count += 1
        await services.jobs.replace(m.id, (BUDDY.name,), greeter_id, [])
        if was_paired:
            await dm(services, _user(community, request.first_timer_id), Outgoing(body=(
                Bold("A change at the door: "),
                Text(f"the greeter who was going to meet you at #{m.id} {m.title} can't any "
                     "more. I'm asking someone else and will DM you either way."),
            )))
        await ask_next(services, community, m, freed)
    return count


async def after_rsvp(
    ctx: Ctx, m: Meetup, before: RsvpStatus | None, after: RsvpStatus
) -> None:
    """Not going any more: a greeter is replaced; a first-timer's request is withdrawn."""
    if before is not RsvpStatus.GOING or after is RsvpStatus.GOING:
        return
    if not await ctx.store.requests_involving(m.id, ctx.user.id):  # the usual case: one read
        return
    await release_greeter(ctx.services, ctx.community, ctx.user.id, m.id)
    for request in await ctx.store.open_requests(
        ctx.community.id, first_timer_id=ctx.user.id, meetup_id=m.id
    ):
        ended = await ctx.store.end_buddy_request(request.id, BuddyState.CANCELLED, ctx.now())
        if ended is not None:
            await _tell_greeter_cancelled(ctx.services, ctx.community, m, ended)


async def before_forget(ctx: Ctx) -> None:
    """Before a member's rows go: greeters they had are freed, first-timers they were to
    meet get someone else."""
    await withdraw_member(ctx.services, ctx.community, ctx.user.id)


async def member_left(services: Services, community: Community, user_id: str) -> None:
    """A member left the community: no longer a greeter; withdrawn like a forget."""
    await services.store.set_greeter(community.id, user_id, False, services.clock.now())
    await withdraw_member(services, community, user_id)


async def withdraw_member(services: Services, community: Community, user_id: str) -> None:
    """The member can no longer meet anyone or be met: each first-timer they were to meet
    gets the next greeter (and is told); each greeter asked for them is told."""
    await release_greeter(services, community, user_id)
    now = services.clock.now()
    for request in await services.store.open_requests(community.id, first_timer_id=user_id):
        m = await services.store.meetup(request.meetup_id)
        ended = await services.store.end_buddy_request(request.id, BuddyState.CANCELLED, now)
        if ended is not None and m is not None:
            await _tell_greeter_cancelled(services, community, m, ended)


BUDDY = JobKind("buddy", "buddy:{meetup}:{request}:{user}", each(answer_timed_out))

FEATURE = Feature(
    "buddies",
    commands={"greeter": greeter},
    actions={"door": meet_me, "nodoor": cancel_request, "greet": greeter_answer},
    direct_actions={verb: meetup_answered for verb in ("door", "nodoor", "greet")},
    jobs=(BUDDY,),
    after_rsvp=after_rsvp,
    before_forget=before_forget,
    after_member_left=member_left,
)
