"""Date polls: ballots, votes, closing (by hand, by button, at the deadline)."""

from __future__ import annotations

from collections.abc import Mapping

from bot import actions, render
from bot.actions import Action
from bot.domain import meetups as rules
from bot.domain.community import Community
from bot.domain.meetups import Meetup, Refusal, Status
from bot.domain.polls import ANSWER_LABELS, Answer, PollOption, invitees, tally, winner
from bot.handlers.context import Ctx, Services, parse_id, refresh_cards, reschedule_meetup
from bot.handlers.notify import meetup_place
from bot.outbox import Delivery
from bot.types import Bold, Button, Outgoing, Segment, Text, UserRef


async def _poll_option(ctx: Ctx, action: Action) -> tuple[Meetup, PollOption]:
    m = await ctx.meetup(action.int_arg(0))
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
    return m, option


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
    if m.status is not Status.POLL:
        raise Refusal(f"#{m.id} is not a date poll (or it is already closed).")
    options, votes = await ctx.store.poll(m.id)
    if chosen is not None and chosen not in {o.index for o in options}:
        raise Refusal(f"#{m.id} has options 1 to {len(options)}; pick one of those.")
    pick = (
        next(o for o in options if o.index == chosen) if chosen else winner(tally(options, votes))
    )
    if pick.starts_at <= ctx.now():
        raise Refusal(
            f"Option {pick.index} is already in the past; pick a later one with "
            f"`/meetup close id:{m.id} option:<n>`."
        )
    if not await close_poll(ctx.services, ctx.community, m, pick):
        raise Refusal(f"The poll of #{m.id} was already closed.")
    await ctx.reply(
        Outgoing(
            body=(
                Text(f"Closed the poll: #{m.id} is on "),
                render.at(m, pick.starts_at, ctx.community.timezone),
                Text(". Everyone who could make it has been invited."),
            ),
            ephemeral=True,
        )
    )


async def close_poll(services: Services, community: Community, m: Meetup, pick: PollOption) -> bool:
    """Fix the date, turn the card into a meetup card, and invite the yes/if-need-be voters.
    Only the one caller that actually closed it does the rest."""
    if not await services.store.close_poll(m.id, pick.starts_at, services.clock.now()):
        return False
    await services.store.drop_pending_jobs(m.id, ("poll",))
    closed = await services.store.meetup(m.id)
    assert closed is not None
    await reschedule_meetup(services, community, closed)
    await refresh_cards(services, community, m.id)
    _, votes = await services.store.poll(m.id)
    body: tuple[Segment, ...] = (
        Bold(f"#{m.id} {m.title}: the date is set. "),
        render.at(m, pick.starts_at, community.timezone),
        Text(f" in {m.city_label}. You voted for this date: are you coming?"),
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
    return True


async def close_at_deadline(services: Services, community: Community, m: Meetup) -> str:
    if m.status is not Status.POLL:
        return "not-a-poll"
    options, votes = await services.store.poll(m.id)
    future = [o for o in options if o.starts_at > services.clock.now()]
    if not future:
        return "all-past"
    pick = winner(tally(future, [v for v in votes if v.option in {o.index for o in future}]))
    return "closed" if await close_poll(services, community, m, pick) else "already-closed"
