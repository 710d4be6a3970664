"""First-timers and after the meetup: "It's my first one", the day-before briefing (the
organizer hears who is new, first-timers hear what to expect and can say they are running
late), the follow-up's "Would you come again?" with the organizer's tally, and a first-timer's
wish to hear about the next meetups in that city, an area follow (bot/handlers/follows.py) (the
`eve` and `followup` job kinds' content).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime

from bot import actions, render
from bot.actions import Action
from bot.domain import areas
from bot.domain import meetups as rules
from bot.domain.community import Community
from bot.domain.jobs import Job, JobSpec
from bot.domain.meetups import Meetup, Status
from bot.domain.refusal import Refusal
from bot.domain.reminders import still_worth_sending
from bot.domain.rsvps import Rsvp, RsvpStatus
from bot.domain.welcome import (
    AGAIN_LABELS,
    Again,
    eve_due,
    first_timer_words,
    tally,
    tally_text,
)
from bot.handlers.context import Ctx, Services
from bot.handlers.feature import Feature, JobKind, each, meetup_answered
from bot.handlers.notify import meetup_place
from bot.outbox import Delivery
from bot.types import Bold, Button, Field, Mention, Outgoing, Segment, Segments, Text, UserRef

WELCOME_SOURCE = "welcome"  # an area follow made from the first-timer's thank-you
COMING_ALONE = (
    "Coming alone is completely normal: most people do the first time, and everyone there "
    "was new once."
)


def _user(community: Community, user_id: str, name: str = "") -> UserRef:
    return UserRef(community.platform, user_id, name)


async def _going(services: Services, meetup_id: int) -> list[Rsvp]:
    return [r for r in await services.store.rsvps(meetup_id) if r.status is RsvpStatus.GOING]


async def dm(services: Services, user: UserRef, msg: Outgoing) -> bool:
    """One DM; False if it could not be delivered (closed DMs, a platform error)."""
    reached, _ = await services.outbox.dm_many([Delivery(user, msg)], None, ())
    return bool(reached)


# --- "It's my first one" -------------------------------------------------------------------------


async def first_one(ctx: Ctx, action: Action) -> None:
    """The button on the Going confirmation: mark this member's first meetup."""
    m = await ctx.meetup(action.int_arg(0))
    rules.check_active(m, ctx.now(), "mark your first meetup at")
    mine = await ctx.store.rsvp_of(m.id, ctx.user.id)
    if mine is None or mine.status is not RsvpStatus.GOING:
        raise Refusal(
            f"Click Going on #{m.id} first; then you can tell me it's your first meetup."
        )
    fresh = await ctx.store.mark_first_timer(m.id, ctx.user.id, ctx.now())
    member = await ctx.member()
    named = (
        "by name" if member.show_name
        else "without your name (`/meetup privacy show-name:yes` shows it)"
    )
    body: list[Segment] = [
        Bold("Welcome!" if fresh else "Noted already."),
        *render.prose(
            f" I'll let the organizer know a first-timer is coming, {named}. The day before, "
            "I'll DM you what to expect: who hosts, how to find the group, and a button to "
            "tell the host if you're running late. "
        ),
        Text(COMING_ALONE),
    ]
    buttons: tuple[Button, ...] = ()
    if await ctx.store.greeter_ids(ctx.community.id):
        body.append(
            Text(" Would you like a friendly member to meet you at the door? Nobody learns "
                 "your name unless you both agree.")
        )
        buttons = (Button("Meet me at the door", actions.encode("door", m.id), "primary"),)
    await ctx.reply(Outgoing(body=tuple(body), buttons=buttons, ephemeral=True))
    if m.starts_at is None:
        return
    if eve_due(m.starts_at, ctx.now()) <= ctx.now():  # the day before has come: tell them now
        await _what_to_expect(ctx.services, ctx.community, m, [ctx.user.id])
    elif fresh:  # the meetup's briefing (one job per meetup, whoever marks first adds it)
        await ctx.services.jobs.add([_eve_spec(ctx.community, m, ctx.now())])


# --- the day before --------------------------------------------------------------------------


def _eve_spec(community: Community, m: Meetup, now: datetime) -> JobSpec:
    assert m.starts_at is not None
    return EVE.spec(community.id, m.id, eve_due(m.starts_at, now), sequence=m.sequence)


async def schedule_eve(services: Services, community: Community, m: Meetup) -> None:
    """After a meetup's time was set or moved: its day-before briefing at the new time, if
    it has first-timers (a meetup without any has no briefing job)."""
    if not await services.store.first_timer_ids(m.id):
        return
    specs = []
    if m.status is Status.SCHEDULED and m.starts_at is not None:
        specs = [_eve_spec(community, m, services.clock.now())]
    await services.jobs.replace(m.id, (EVE.name,), None, specs)


async def run_eve(services: Services, community: Community, m: Meetup, job: Job) -> str:
    """The `eve` job: the organizer hears about first-timers, and they hear what to expect."""
    now = services.clock.now()
    if m.status is not Status.SCHEDULED or m.starts_at is None:
        return "not-scheduled"
    if not still_worth_sending(m.starts_at, now):
        return "skipped-started"
    going = {r.user_id for r in await _going(services, m.id)}
    newcomers = [u for u in await services.store.first_timer_ids(m.id) if u in going]
    if not newcomers:
        return "no-first-timers"
    await _brief_organizer(services, community, m, newcomers)
    await _what_to_expect(services, community, m, newcomers)
    return "sent"


def first_timers_line(
    newcomers: Sequence[str], shown: Collection[str], names: dict[str, str], platform: str
) -> Segments:
    """"3 first-timers: @ana, @raj, and 1 who'd rather not be named": names only of those
    who chose to show them."""
    named = [u for u in newcomers if u in shown]
    lead, tail = first_timer_words(len(named), len(newcomers) - len(named))
    parts: list[Segment] = [Text(lead)]
    for i, user_id in enumerate(named):
        user = UserRef(platform, user_id, names.get(user_id, ""))
        parts += [Text(", " if i else ""), Mention(user)]
    parts.append(Text(tail))
    return tuple(parts)


async def _brief_organizer(
    services: Services, community: Community, m: Meetup, newcomers: Sequence[str]
) -> None:
    if not m.organizer_id:  # the organizer was forgotten
        return
    rsvps, shown = await services.store.rsvps_and_consent(m.id, community.id)
    names = {r.user_id: r.user_name for r in rsvps}
    line = first_timers_line(newcomers, shown, names, community.platform)
    zone = m.zone(community.timezone)
    body: tuple[Segment, ...] = (
        Bold(f"#{m.id} {m.title} is coming up ("),
        render.at(m, m.starts_at, zone) if m.starts_at else Text("soon"),
        Bold("). "),
        Text("Please make them welcome: "),
        *line,
        Text(". They were told who hosts and how to find the group."),
    )
    fields = (Field("Find us", (Text(m.find_us),), False),) if m.find_us else ()
    await dm(
        services,
        _user(community, m.organizer_id, m.organizer_name),
        Outgoing(title=f"First-timers at {m.title}", body=body, fields=fields),
    )


def what_to_expect(m: Meetup, community: Community) -> Outgoing:
    zone = m.zone(community.timezone)
    find = m.find_us or "Ask for the group from this community by name at the venue."
    return Outgoing(
        title=f"What to expect at {m.title}",
        body=(
            Bold("It's your first one: welcome! "),
            Text(COMING_ALONE + " If you're running late, tell the host with the button."),
        ),
        fields=(
            Field("When", render.when(m.starts_at, zone) if m.starts_at else (Text("?"),),
                  False),
            Field("Where", render.where(m), False),
            Field("How to find us", (Text(find),), False),
            Field("Host", render.organizer(m, community.platform)),
        ),
        buttons=(
            Button("I'm running late", actions.encode("late", m.id), "primary"),
            Button("Meet me at the door", actions.encode("door", m.id)),
            Button("Can't make it anymore", actions.encode("rsvp", m.id, "no"), "danger"),
        ),
    )


async def _what_to_expect(
    services: Services, community: Community, m: Meetup, newcomers: Sequence[str]
) -> None:
    msg = what_to_expect(m, community)
    await services.outbox.dm_many(
        [Delivery(_user(community, u), msg) for u in newcomers],
        meetup_place(community, m),
        (Text(f"a note for first-timers at #{m.id} {m.title}: "), Text(COMING_ALONE)),
    )


async def running_late(ctx: Ctx, action: Action) -> None:
    """"I'm running late": DM the host (the member's own choice to tell them, so by name)."""
    m = await ctx.meetup(action.int_arg(0))
    rules.check_active(m, ctx.now(), "send a running-late note for")
    mine = await ctx.store.rsvp_of(m.id, ctx.user.id)
    if mine is None or mine.status is not RsvpStatus.GOING:
        raise Refusal(f"You're not marked as going to #{m.id}; click Going on its card first.")
    if not m.organizer_id:
        raise Refusal(f"#{m.id} has no host to tell any more; look for the group when you arrive.")
    member = await ctx.member()
    told = await dm(
        ctx.services,
        _user(ctx.community, m.organizer_id, m.organizer_name),
        Outgoing(
            body=(
                Mention(_user(ctx.community, ctx.user.id, member.name)),
                Text(f" is running a little late to #{m.id} {m.title}, and will be there soon."),
            ),
        ),
    )
    if not told:
        raise Refusal(
            "I couldn't reach the host by DM (their DMs are closed). Come along anyway: "
            "the group will be glad to see you."
        )
    await ctx.say(f"Told the host of #{m.id} you're running late. No stress: see you there!")


# --- after the meetup ------------------------------------------------------------------------


def follow_up_card(m: Meetup, went: int, in_series: bool = False) -> Outgoing:
    """The follow-up in the channel: the one question with buttons, and the next meetup: a
    one-off offers to propose it; a series date points to the series, whose next date comes
    by itself."""
    what_next = (
        Button("See the series", actions.encode("series", m.id), "primary")
        if in_series
        else Button("Propose the next one", actions.encode("next", m.id), "primary")
    )
    return Outgoing(
        title=f"How was {m.title}?",
        body=(
            Text(
                f"#{m.id} in {m.city_label} is over ({went} went). Share photos and stories "
                "here. "
            ),
            Bold("Would you come again?"),
            Text(" (just for those who went; only the organizer sees the count)"),
        ),
        buttons=(
            *(
                Button(AGAIN_LABELS[a], actions.encode("again", m.id, a.value),
                       "success" if a is Again.YES else "secondary")
                for a in Again
            ),
            what_next,
            Button("See the answers (organizer)", actions.encode("tally", m.id)),
        ),
    )


async def post_follow_up(services: Services, community: Community, m: Meetup, job: Job) -> str:
    """The `followup` job: the question in the channel, then a thank-you to first-timers."""
    if m.status is not Status.SCHEDULED:
        return "not-scheduled"
    going = await _going(services, m.id)
    in_series = await services.store.series_of_meetup(m.id) is not None
    card = follow_up_card(m, len(going), in_series)
    await services.outbox.post(meetup_place(community, m), card)
    went = {r.user_id for r in going}
    newcomers = [u for u in await services.store.first_timer_ids(m.id) if u in went]
    if newcomers:
        await services.outbox.dm_many(
            [Delivery(_user(community, u), _thanks(m)) for u in newcomers], None, ()
        )
    return "posted"


def _thanks(m: Meetup) -> Outgoing:
    body: list[Segment] = [
        Bold(f"Thank you for coming to {m.title}!"),
        Text(" We hope your first meetup was a good one."),
    ]
    if m.is_online:
        return Outgoing(body=tuple(body))
    body.append(Text(f" Shall I tell you about the next meetup in {m.city_label}?"))
    return Outgoing(
        body=tuple(body),
        buttons=(
            Button(f"Yes, tell me about {m.city_label}"[:80], actions.encode("follow", m.id, "yes"),
                   "success"),
            Button("No thanks", actions.encode("follow", m.id, "no")),
        ),
    )


async def come_again(ctx: Ctx, action: Action) -> None:
    m = await ctx.meetup(action.int_arg(0))
    try:
        answer = Again(action.args[1])
    except ValueError:
        raise Refusal("That button is not one I made.") from None
    mine = await ctx.store.rsvp_of(m.id, ctx.user.id)
    if mine is None or mine.status is not RsvpStatus.GOING:
        raise Refusal(f"This question is for those who went to #{m.id}. Thanks for reading!")
    await ctx.store.answer_again(m.id, ctx.user.id, answer, ctx.now())
    said = AGAIN_LABELS[answer].rstrip("!").lower()
    await ctx.say(f"Thanks! Noted: {said}. You can change it any time.")


async def show_tally(ctx: Ctx, action: Action) -> None:
    m = await ctx.meetup(action.int_arg(0))
    rules.check_manage(m, ctx.user.id, ctx.is_admin, "see the answers of")
    counts = tally(await ctx.store.again_answers(m.id))
    await ctx.say(f"Would they come again to {m.title}? {tally_text(counts).capitalize()}.")


async def follow_area(ctx: Ctx, action: Action) -> None:
    """"Yes, tell me about <city>": an ordinary area follow (the default radius), the same as
    `/meetup follow` made; it never changes a follow the member made themselves."""
    m = await ctx.meetup(action.int_arg(0))
    if action.args[1] != "yes":
        await ctx.say("No problem. `/meetup list` shows what's on whenever you like.")
        return
    if m.is_online:
        raise Refusal("That meetup was online; `/meetup list` shows the next ones.")
    mine = await ctx.store.follows_of(ctx.community.id, ctx.user.id)
    if not any(f.city_id == m.city_id for f in mine):
        areas.check_follow_count(len(mine), False)
    await ctx.member()
    radius = areas.DEFAULT_FOLLOW_RADIUS_KM
    await ctx.store.add_follow(
        ctx.community.id, ctx.user.id, m.city_id, radius, ctx.now(), source=WELCOME_SOURCE
    )
    await ctx.say(
        f"Will do: you now follow {m.city_label}, and I'll DM you when a meetup is proposed "
        f"within {radius} km. `/meetup following` lists your areas; "
        f'`/meetup unfollow city:"{m.city_label}"` stops it.'
    )


EVE = JobKind("eve", "eve:{meetup}:{sequence}", each(run_eve))

FEATURE = Feature(
    "welcome",
    actions={
        "first": first_one,
        "late": running_late,
        "again": come_again,
        "tally": show_tally,
        "follow": follow_area,
    },
    direct_actions={verb: meetup_answered for verb in ("first", "late", "again", "follow")},
    jobs=(EVE,),
    after_meetup_scheduled=schedule_eve,
)
