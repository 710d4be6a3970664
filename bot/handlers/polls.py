"""Date polls: ballots, votes, closing (by hand, by button, at the deadline) and expiry."""

from __future__ import annotations

import logging
from collections.abc import Mapping

from bot import actions, render
from bot.actions import Action
from bot.domain import meetups as rules
from bot.domain.community import Community
from bot.domain.jobs import Job
from bot.domain.meetups import Meetup, Status
from bot.domain.polls import (
    ANSWER_LABELS,
    Answer,
    PollOption,
    Tally,
    Vote,
    deciding_tally,
    eligible_at_deadline,
    has_passed,
    invitees,
    result_text,
    still_open,
    tally,
)
from bot.domain.refusal import Refusal
from bot.handlers.cards import refresh_cards
from bot.handlers.context import Ctx, Services, parse_id
from bot.handlers.feature import Feature, JobKind, each, meetup_answered
from bot.handlers.notify import meetup_place
from bot.handlers.reminders import reschedule_meetup
from bot.outbox import Delivery
from bot.ports import ChatError
from bot.types import Bold, Button, Outgoing, Segment, Text, UserRef

log = logging.getLogger(__name__)


def _expired_text(m: Meetup) -> str:
    return (
        f"The date poll of #{m.id} {m.title} expired: every option passed before it closed. "
        'Propose it again with new dates: `/meetup propose title:"..." when:"date 1 | date 2"`.'
    )


async def _poll_option(ctx: Ctx, action: Action) -> tuple[Meetup, PollOption]:
    m = await ctx.meetup(action.int_arg(0))
    if m.status is Status.EXPIRED:
        raise Refusal(_expired_text(m))
    if m.status is not Status.POLL:
        raise Refusal(
            f"The date poll of #{m.id} is closed; the date is set. "
            f"`/meetup show id:{m.id}` shows the meetup."
        )
    index = action.int_arg(1)
    options = await ctx.store.poll_options(m.id)
    option = next((o for o in options if o.index == index), None)
    if option is None:
        raise Refusal(f"#{m.id} has no option {index}.")
    if has_passed(option, ctx.now()):
        raise Refusal(_passed_text(m, option, options, ctx))
    return m, option


def _passed_text(m: Meetup, option: PollOption, options: list[PollOption], ctx: Ctx) -> str:
    left = [str(o.index) for o in still_open(options, ctx.now())]
    rest = f"Options still open: {', '.join(left)}." if left else "No option is left."
    return f"Option {option.index} of #{m.id} has already passed, so it takes no votes. {rest}"


async def ballot(ctx: Ctx, action: Action) -> None:
    m, option = await _poll_option(ctx, action)
    _, votes = await ctx.store.poll(m.id)
    mine = next(
        (v.answer for v in votes if v.user_id == ctx.user.id and v.option == option.index), None
    )
    await ctx.reply(render.ballot(m, option, mine, ctx.community.timezone))


async def vote(ctx: Ctx, action: Action) -> None:
    m, option = await _poll_option(ctx, action)
    try:
        answer = Answer(action.args[2])
    except ValueError:
        raise Refusal("That vote button is not one I made.") from None
    member = await ctx.member()
    if not await ctx.store.vote(m.id, option.index, ctx.user.id, member.name, answer, ctx.now()):
        raise Refusal(f"The date poll of #{m.id} just closed, so the vote was not counted.")
    await refresh_cards(ctx.services, ctx.community, m.id, m)
    await ctx.reply(
        Outgoing(
            body=(
                Text(f"Saved: {ANSWER_LABELS[answer]} for option {option.index} of #{m.id} "),
                render.at(m, option.starts_at, ctx.community.timezone),
                Text(". Vote on the other options with their buttons; click again to change."),
            ),
            ephemeral=True,
        )
    )


async def close_command(ctx: Ctx, options: Mapping[str, str]) -> None:
    m = await ctx.meetup(parse_id(options.get("id")))
    chosen = None
    if options.get("option", "").strip():
        try:
            chosen = int(options["option"])
        except ValueError:
            raise Refusal("option must be the option number, like option:2.") from None
    await _close_by_member(ctx, m, chosen)


async def close_button(ctx: Ctx, action: Action) -> None:
    await _close_by_member(ctx, await ctx.meetup(action.int_arg(0)), None)


async def _close_by_member(ctx: Ctx, m: Meetup, chosen: int | None) -> None:
    rules.check_manage(m, ctx.user.id, ctx.is_admin, "close the poll of")
    if m.status is Status.CANCELLED:
        raise Refusal(f"Meetup #{m.id} was cancelled.")
    if m.status is Status.EXPIRED:
        raise Refusal(_expired_text(m))
    if m.status is not Status.POLL:
        raise Refusal(f"#{m.id} is not a date poll (or it is already closed).")
    options, votes = await ctx.store.poll(m.id)
    open_options = still_open(options, ctx.now())
    if not open_options:
        await expire_poll(ctx.services, ctx.community, m, tell_organizer=False)
        raise Refusal(_expired_text(m))
    pick = _member_pick(m, options, open_options, votes, chosen)
    decided = next(t for t in tally(options, votes) if t.option.index == pick.index)
    if not await close_poll(ctx.services, ctx.community, m, decided):
        raise Refusal(f"The poll of #{m.id} was already closed.")
    await ctx.reply(
        Outgoing(
            body=(
                Text(f"Closed the poll: #{m.id} is on "),
                render.at(m, pick.starts_at, ctx.community.timezone),
                Text(f" ({result_text(decided)}). Everyone who could make it has been invited."),
            ),
            ephemeral=True,
        )
    )


def _member_pick(
    m: Meetup,
    options: list[PollOption],
    open_options: list[PollOption],
    votes: list[Vote],
    chosen: int | None,
) -> PollOption:
    """The option the organizer chose (it must exist and not have passed), else the winner
    among the options still open."""
    if chosen is None:
        return _decide(open_options, votes).option
    pick = next((o for o in options if o.index == chosen), None)
    if pick is None:
        raise Refusal(f"#{m.id} has options 1 to {len(options)}; pick one of those.")
    if pick not in open_options:
        left = ", ".join(str(o.index) for o in open_options)
        raise Refusal(
            f"Option {pick.index} is already in the past. Options still open: {left}; e.g. "
            f"`/meetup close id:{m.id} option:{open_options[0].index}`."
        )
    return pick


async def close_poll(
    services: Services, community: Community, m: Meetup, decided: Tally, *, by_job: bool = False
) -> bool:
    """Fix the date, turn the card into a meetup card, announce the result with the counts that
    decided it, and invite the yes/if-need-be voters. Only the one caller that actually closed
    it does the rest. A member's close also removes the deadline's job (see `Store.close_poll`),
    so the job, retried after its process died, resumes only a close of its own."""
    pick = decided.option
    fence = () if by_job else (POLL.name,)
    if not await services.store.close_poll(m.id, pick.starts_at, services.clock.now(), fence):
        return False
    await _after_close(services, community, m, decided)
    return True


async def _after_close(
    services: Services, community: Community, m: Meetup, decided: Tally
) -> None:
    """Everything a close does after the database has it; again on a retried deadline job
    (its posts and DMs are keyed, so what went out before is not sent twice)."""
    pick = decided.option
    await services.store.drop_pending_jobs(m.id, (POLL.name,))
    closed = await services.store.meetup(m.id)
    assert closed is not None
    await reschedule_meetup(services, community, closed)
    await refresh_cards(services, community, m.id)
    await _announce(services, community, closed, decided)
    _, votes = await services.store.poll(m.id)
    body: tuple[Segment, ...] = (
        Bold(f"#{m.id} {m.title}: the date is set. "),
        render.at(m, pick.starts_at, community.timezone),
        Text(
            f" {'online' if m.is_online else 'in ' + m.city_label} ({result_text(decided)}). "
            "You voted for this date: coming?"
        ),
    )
    msg = Outgoing(
        body=body,
        buttons=(
            Button("Going", actions.encode("rsvp", m.id, "going"), "success"),
            Button("Maybe", actions.encode("rsvp", m.id, "maybe")),
            Button("Can't go", actions.encode("rsvp", m.id, "no"), "danger"),
        ),
    )
    people = [UserRef(community.platform, uid, name) for uid, name in invitees(votes, pick.index)]
    await services.outbox.dm_many(
        [Delivery(u, msg) for u in people], meetup_place(community, m), body
    )


async def _announce(services: Services, community: Community, m: Meetup, decided: Tally) -> None:
    """The closing card in the channel: the date and the counts that decided it."""
    card = render.poll_result(m, decided, community.timezone)
    try:
        await services.outbox.post(meetup_place(community, m), card)
    except ChatError as exc:
        log.warning("could not announce the poll result of meetup %s: %s", m.id, exc)


async def expire_poll(
    services: Services,
    community: Community,
    m: Meetup,
    *,
    tell_organizer: bool = True,
    by_job: bool = False,
) -> bool:
    """Every option passed before the poll closed: end it as expired (card updated, pending
    deadline dropped) and tell the organizer. True only for the caller that expired it; a
    member's call removes the deadline's job as `close_poll` does."""
    fence = () if by_job else (POLL.name,)
    if not await services.store.expire_poll(m.id, services.clock.now(), fence):
        return False
    await _after_expire(services, community, m, tell_organizer)
    return True


async def _after_expire(
    services: Services, community: Community, m: Meetup, tell_organizer: bool
) -> None:
    await services.store.drop_pending_jobs(m.id, (POLL.name,))
    await refresh_cards(services, community, m.id)
    if tell_organizer and m.organizer_id:
        organizer = UserRef(community.platform, m.organizer_id, m.organizer_name)
        await services.outbox.dm_many(
            [Delivery(organizer, render.text(_expired_text(m), ephemeral=False))],
            meetup_place(community, m),
            (Text(_expired_text(m)),),
        )


async def close_poll_job(services: Services, community: Community, m: Meetup, job: Job) -> str:
    """The `poll` job: its deadline came. Claimed again after its process died, it finds the
    poll closed (or expired) only by that earlier claim (a member's close removes the job),
    and does again what may not have happened: every post and DM is keyed, so what went out
    is found, not sent twice, and what did not goes out now."""
    if job.attempts > 1 and m.status is Status.EXPIRED:
        await _after_expire(services, community, m, tell_organizer=True)
        return "expired-resumed"
    if job.attempts > 1 and m.status is Status.SCHEDULED:
        options, votes = await services.store.poll(m.id)
        decided = next((t for t in tally(options, votes) if t.option.starts_at == m.starts_at),
                       None)
        if decided is None:  # moved since: the organizer took it from here
            return "already-closed"
        await _after_close(services, community, m, decided)
        return "closed-resumed"
    return await close_at_deadline(services, community, m)


async def close_at_deadline(services: Services, community: Community, m: Meetup) -> str:
    if m.status is not Status.POLL:
        return "not-a-poll"
    options, votes = await services.store.poll(m.id)
    eligible = eligible_at_deadline(options, services.clock.now())
    if not eligible:
        expired = await expire_poll(services, community, m, by_job=True)
        return "expired" if expired else "already-closed"
    decided = _decide(eligible, votes)
    closed = await close_poll(services, community, m, decided, by_job=True)
    return "closed" if closed else "already-closed"


def _decide(candidates: list[PollOption], votes: list[Vote]) -> Tally:
    """The winning tally among the options that may still win."""
    ids = {o.index for o in candidates}
    return deciding_tally(tally(candidates, [v for v in votes if v.option in ids]))


POLL = JobKind("poll", "poll:{meetup}", each(close_poll_job))

FEATURE = Feature(
    "polls",
    commands={"close": close_command},
    actions={"ballot": ballot, "vote": vote, "close": close_button},
    direct_actions={"ballot": meetup_answered, "vote": meetup_answered},
    jobs=(POLL,),
)
