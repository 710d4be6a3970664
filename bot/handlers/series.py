"""Series: repeating meetups (issue 16).

`/meetup propose ... repeat:"every first thursday"` reads the rule (bot/nlp/repeat.py),
echoes it in words with its next three dates and makes the series once its organizer
clicks Create. Each date is a meetup of its own (RSVPs, capacity, waitlist, reminders),
linked in `series_dates`; one is open at a time: the next date's card is posted by a
`series` job when the previous one is over (with its follow-up, or some days before the
next date, never sooner). Organizers skip a date, edit this and following dates, or end the
series; members may always come (Going on each new date, one click to decline one).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot import actions, render
from bot.actions import Action, BadAction
from bot.calendar import series_ics
from bot.domain import meetups as rules
from bot.domain.community import Community
from bot.domain.jobs import Job, JobSpec
from bot.domain.limits import PROPOSAL_WINDOW, check_proposals
from bot.domain.meetups import Meetup, Status
from bot.domain.refusal import Refusal
from bot.domain.rsvps import RsvpStatus
from bot.domain.series import (
    MAX_COUNT,
    PostNext,
    Recurrence,
    Series,
    SeriesDate,
    SeriesStatus,
    bounded_from,
    check_manage_series,
    check_yields,
    localize,
    wall_time,
)
from bot.handlers import meetups
from bot.handlers.cards import refresh_cards, render_meetup
from bot.handlers.context import Ctx, Services, parse_id
from bot.handlers.feature import Feature, JobKind, each
from bot.handlers.notify import meetup_place, notify_answered
from bot.handlers.parsing import city_hints, city_zone
from bot.handlers.reminders import FOLLOW_UP, FOLLOW_UP_DELAY, REMIND, reschedule_meetup
from bot.handlers.rsvps import OFFER
from bot.nlp import dates
from bot.nlp.repeat import EXAMPLES, describe, parse_repeat
from bot.outbox import Delivery
from bot.ports import ChatError
from bot.types import (
    Attachment,
    Bold,
    Button,
    FormSubmitted,
    Outgoing,
    Segment,
    Text,
    UserRef,
)

log = logging.getLogger(__name__)

SERIES_ONLY = ("until", "count", "post-next")
SKIPPED_REASON = "this date of the series is skipped"


# --- proposing --------------------------------------------------------------------------------


async def propose(ctx: Ctx, options: Mapping[str, str]) -> None:
    """`/meetup propose`: with repeat: a series (echoed back first), else one meetup."""
    if not options.get("repeat", "").strip():
        given = [name for name in SERIES_ONLY if options.get(name, "").strip()]
        if given:
            raise Refusal(
                f"{given[0]}: goes with repeat:, e.g. "
                '`/meetup propose title:"Pub night" city:London when:"thu 19:00" '
                'repeat:"every first thursday" count:6`.'
            )
        await meetups.propose(ctx, options)
        return
    await _propose_series(ctx, options)


async def propose_submitted(ctx: Ctx, values: Mapping[str, str]) -> None:
    """The propose form: with a Repeat, a series (echoed back first, as with repeat:), else
    one meetup. A wrong field is shown next to it."""
    if not values.get("repeat", "").strip():
        await meetups.propose_submitted(ctx, values)
        return
    try:
        read_recurrence(values, ctx.now().astimezone(ctx.zone))  # the rule alone, first
        await _propose_series(ctx, values)
    except meetups.FieldErrors as exc:
        await _reject(ctx, exc.errors)
    except UnreadableRule as exc:
        await _reject(ctx, {"repeat": str(exc)})


async def _reject(ctx: Ctx, errors: dict[str, str]) -> None:
    assert isinstance(ctx.event, FormSubmitted)
    await ctx.services.outbox.reject_form(ctx.event, errors)
    ctx.outcome = "refused"


class UnreadableRule(Refusal):
    """repeat:, until: or count: could not be read (a form shows it next to Repeat)."""


def read_recurrence(options: Mapping[str, str], local_now: datetime) -> Recurrence:
    """repeat:, until: and count: as one recurrence; a refusal with an example otherwise."""
    raw = options.get("repeat", "").strip()
    rule = parse_repeat(raw[:200])
    if rule is None:
        raise UnreadableRule(f"I couldn't read {raw[:60]!r} as a repeat rule. Try {EXAMPLES}.")
    until_text, count_text = options.get("until", "").strip(), options.get("count", "").strip()
    if until_text and count_text:
        raise Refusal("Give until: or count:, not both (count:6 is six meetups).")
    count = None
    if count_text:
        if not count_text.isdigit() or not 1 <= int(count_text) <= MAX_COUNT:
            raise Refusal(f"count: takes a number of meetups from 1 to {MAX_COUNT}, like count:6.")
        count = int(count_text)
    until = None
    if until_text:
        found = dates.parse_when(until_text[:200], now=local_now, meetup=False)
        if found is None:
            raise Refusal(
                f'I couldn\'t read {until_text[:60]!r} as a date. Try until:"2030-12-31" '
                'or until:"June 30".'
            )
        day_end = found.start.replace(tzinfo=None, hour=23, minute=59, second=0, microsecond=0)
        until = localize(day_end, str(local_now.tzinfo))
    return Recurrence(rule, count, until)


async def _propose_series(ctx: Ctx, options: Mapping[str, str]) -> None:
    meetups.check_propose_permission(ctx)
    if "|" in options.get("when", ""):
        raise Refusal(
            'A series has one time: when: gives its first date and time, e.g. when:"thu 19:00" '
            'repeat:"weekly". (Several times with | make a date poll, which does not repeat.)'
        )
    if options.get("deadline", "").strip():
        raise Refusal("deadline: is for date polls; a series has no poll.")
    hints = await city_hints(ctx.store, ctx.community, options.get("city", ""))
    proposal = meetups.read_proposal(ctx, options, hints)
    zone = city_zone(proposal.city, ctx.community)
    recurrence = read_recurrence(options, ctx.now().astimezone(zone))
    post_next = PostNext.parse(options.get("post-next", ""))
    wanted = proposal.times[0]
    first = check_yields(recurrence, wall_time(wanted, zone.key), zone.key, ctx.now())
    since = ctx.now() - PROPOSAL_WINDOW
    check_proposals(
        await ctx.store.recent_proposals(ctx.community.id, since, ctx.user.id),
        await ctx.store.recent_proposals(ctx.community.id, since),
        ctx.services.rate_limits,
    )
    city = proposal.city
    s = await ctx.store.create_series(
        ctx.now(),
        community_id=ctx.community.id,
        channel_id=ctx.place.channel_id,
        thread_id=ctx.place.thread_id,
        organizer_id=ctx.user.id,
        title=proposal.title,
        description=proposal.description,
        venue=proposal.venue,
        find_us=proposal.find_us,
        city_id=city.id if city else rules.ONLINE_CITY_ID,
        city_label=city.label if city else rules.ONLINE_LABEL,
        latitude=city.latitude if city else 0.0,
        longitude=city.longitude if city else 0.0,
        timezone=zone.key,
        capacity=proposal.capacity,
        rrule=recurrence.text(),
        first_wall=wall_time(first, zone.key),
        post_next=post_next,
    )
    body: list[Segment] = [Bold(f"{s.title}, {_where(s)}: "), *_rule_words(s)]
    if first != wanted:
        body += [
            Text("\nwhen: said "),
            Text(f"{wanted.astimezone(zone):%a %d %b %Y %H:%M}; the rule's first date from "),
            Text("then is "),
            render.at(_template(s), first, ctx.community.timezone),
            Text("."),
        ]
    body += [Text("\nThe next three: "), *_next_dates(s, s.dates(limit=3), ctx)]
    body += [Text(f"\n{_post_words(s.post_next)} Create it?")]
    await ctx.reply(
        Outgoing(
            body=tuple(body),
            buttons=(
                Button("Create the series", actions.encode("seriesok", s.id, "yes"), "success"),
                Button("Cancel", actions.encode("seriesok", s.id, "no")),
            ),
            ephemeral=True,
        )
    )
    ctx.outcome = "confirm"


def _rule_words(s: Series) -> list[Segment]:
    recurrence = s.recurrence
    words = f"{describe(recurrence.rule)} at {s.first_wall:%H:%M} ({s.timezone})"
    if recurrence.count is not None:
        words += f", {recurrence.count} times"
    if recurrence.until is not None:
        until = recurrence.until.astimezone(ZoneInfo(s.timezone))
        words += f", until {until:%a %d %b %Y}"
    return [Text(words + f" (RRULE {s.rrule}).")]


def _post_words(post: PostNext) -> str:
    if post.days_before is not None:
        return (
            f"Each date's card is posted {post.days_before} day"
            f"{'s' if post.days_before != 1 else ''} before it (once the previous one is over)."
        )
    if post.after is not None:
        hours = int(post.after.total_seconds() // 3600)
        return f"Each next date's card is posted {hours} h after the previous one ends."
    return "Each next date's card is posted with the previous one's follow-up."


def _next_dates(s: Series, found: list[datetime], ctx: Ctx) -> list[Segment]:
    if not found:
        return [Text("none (the series has ended).")]
    out: list[Segment] = []
    for i, instant in enumerate(found):
        out += [Text("; " if i else ""), render.at(_template(s), instant, ctx.community.timezone)]
    return [*out, Text(".")]


def _where(s: Series) -> str:
    return "online" if s.city_id == rules.ONLINE_CITY_ID else f"in {s.city_label}"


def _template(s: Series) -> Meetup:
    """The series as a meetup value (for times shown in its zone)."""
    return Meetup(
        0,
        s.community_id,
        s.channel_id,
        s.thread_id,
        s.title,
        s.city_id,
        s.city_label,
        s.organizer_id,
        "",
        Status.SCHEDULED,
        None,
        timezone=s.timezone,
    )


async def confirm(ctx: Ctx, action: Action) -> None:
    """Create the series echoed back (yes), or drop it (no)."""
    if action.args[1] not in ("yes", "no"):
        raise BadAction("seriesok: yes or no")
    found = await ctx.store.series(action.int_arg(0))
    if found is None or found.community_id != ctx.community.id:  # purged after a day
        raise Refusal(
            "That series was never created and has expired (a proposal waits a day for "
            "Create). Propose it again with /meetup propose ... repeat:."
        )
    s = found
    if ctx.user.id != s.organizer_id:
        raise Refusal("Only the member who proposed this series can create it.")
    if action.args[1] == "no":
        dropped = SeriesStatus.DRAFT, SeriesStatus.ENDED
        if await ctx.store.change_series_status(s.id, *dropped, ctx.now()):
            await ctx.say("Not created. Nothing was posted.")
        else:
            await ctx.say("That series was already created or dropped; nothing changed.")
        return
    if not await ctx.store.change_series_status(
        s.id, SeriesStatus.DRAFT, SeriesStatus.ACTIVE, ctx.now()
    ):
        now = await ctx.store.series(s.id)
        if now is not None and now.status is SeriesStatus.ACTIVE:
            await ctx.say("That series was already created; its card is in the channel.")
        else:
            await ctx.say("That series was dropped (Cancel). Propose it again to make it.")
        return
    first = s.dates(after=ctx.now(), limit=1)
    if not first:
        await _end_series(ctx.services, s)
        raise Refusal("Its dates have all passed since; propose it again with a new when:.")
    member = await ctx.member()
    m = await open_date(ctx.services, ctx.community, s, first[0], member.name)
    if m is None:
        await ctx.say("The first date of that series is already posted.")
        return
    if ctx.services.after_meetup_proposed is not None:  # as for any new meetup
        await ctx.services.after_meetup_proposed(ctx, m)
    await ctx.reply(
        Outgoing(
            body=(
                Text(f"Created the series. #{m.id} is its first date, "),
                render.at(m, first[0], ctx.community.timezone),
                Text(". " + _post_words(s.post_next) + " "),
                *render.prose(
                    f"`/meetup series id:{m.id}` shows its dates; skip one, edit this and "
                    "following dates or end it from there."
                ),
            ),
            ephemeral=True,
        )
    )


# --- dates ------------------------------------------------------------------------------------


async def open_date(
    services: Services, community: Community, s: Series, starts_at: datetime, organizer: str = ""
) -> Meetup | None:
    """Make the meetup of one date of the series and post its card; None if that date has
    one already. Members who always come are Going (or waiting) and told by DM."""
    store = services.store
    if not await store.claim_series_date(s.id, starts_at):
        return None
    if not organizer:
        known = await store.member(community.id, s.organizer_id)
        organizer = known.name if known else "a former member"
    now = services.clock.now()
    m = await store.create_meetup(
        community_id=community.id,
        channel_id=s.channel_id,
        thread_id=s.thread_id,
        title=s.title,
        city_id=s.city_id,
        city_label=s.city_label,
        latitude=s.latitude,
        longitude=s.longitude,
        organizer_id=s.organizer_id,
        organizer_name=organizer,
        starts_at=starts_at,
        options=(),
        venue=s.venue,
        description=s.description,
        capacity=s.capacity,
        deadline=None,
        now=now,
        timezone=s.timezone,
        find_us=s.find_us,
    )
    await store.link_series_date(s.id, starts_at, m.id)
    always = await _rsvp_always(services, community, m, s)
    await _publish_date(services, community, s, m, starts_at, always)
    return m


async def _publish_date(
    services: Services,
    community: Community,
    s: Series,
    m: Meetup,
    rule_date: datetime,
    always: list[tuple[UserRef, RsvpStatus]],
    *,
    resumed: bool = False,
) -> None:
    """What follows once a date's meetup is in the database: its reminders, the job of the
    date after it, its card and the DMs to those who always come. `resumed`: again, by a
    job claimed after its process died in here: a card the store has is not posted, and
    the outbox finds a card (or DM) that went out before it was recorded (keyed posts)."""
    store = services.store
    await reschedule_meetup(services, community, m)
    await services.jobs.add(_next_spec(community, s, m, rule_date, services.clock.now()))
    if resumed and await store.cards(m.id):
        services.outbox.skip_post()  # posted and recorded: later posts keep their keys
    else:
        card = await render_meetup(services, community, m, community.platform)
        try:
            ref = await services.outbox.post(meetup_place(community, m), card)
            await store.add_card(m.id, ref.place.channel_id, ref.place.thread_id, ref.message_id)
        except ChatError as exc:  # the date exists; /meetup show shows it
            log.warning("could not post the card of series %s date #%s: %s", s.id, m.id, exc)
    await _tell_always(services, community, m, always)


async def _resume_date(
    services: Services, community: Community, s: Series, after: SeriesDate,
    taken: list[SeriesDate], job: Job,
) -> Meetup | None:
    """A job claimed again after its process died between opening the next date and being
    marked done: publish that date again (`_publish_date`), since the post and the DMs may
    not have gone out. None when this is a first claim, or no later date has a meetup."""
    if job.attempts <= 1:
        return None
    later = sorted((d for d in taken if d.starts_at > after.starts_at and d.meetup_id),
                   key=lambda d: d.starts_at)
    if not later or later[0].meetup_id is None:
        return None
    m = await services.store.meetup(later[0].meetup_id)
    if m is None or m.status is not Status.SCHEDULED:
        return None
    always = await _always_answered(services, community, m, s)
    await _publish_date(services, community, s, m, later[0].starts_at, always, resumed=True)
    return m


async def _always_answered(
    services: Services, community: Community, m: Meetup, s: Series
) -> list[tuple[UserRef, RsvpStatus]]:
    """Who always comes, with their answer to the date as it stands (read only: a member who
    said Can't go since is not counted in again)."""
    status = {r.user_id: r.status for r in await services.store.rsvps(m.id)}
    return [
        (UserRef(community.platform, user_id, name), status[user_id])
        for user_id, name in await services.store.always_coming(s.id)
        if status.get(user_id) in (RsvpStatus.GOING, RsvpStatus.WAITING)
    ]


async def _rsvp_always(
    services: Services, community: Community, m: Meetup, s: Series
) -> list[tuple[UserRef, RsvpStatus]]:
    """Going for each member who always comes (waiting when the capacity is full)."""
    answered: list[tuple[UserRef, RsvpStatus]] = []
    for user_id, name in await services.store.always_coming(s.id):
        outcome = await services.store.rsvp(
            m.id, user_id, name, RsvpStatus.GOING, services.clock.now(), community.offer_hours
        )  # their reminders come with the date's (open_date reschedules the meetup)
        answered.append((UserRef(community.platform, user_id, name), outcome.after.status))
    return answered


async def _tell_always(
    services: Services,
    community: Community,
    m: Meetup,
    answered: list[tuple[UserRef, RsvpStatus]],
) -> None:
    if not answered or m.starts_at is None:
        return
    deliveries = []
    for user, status in answered:
        state = "You're going" if status is RsvpStatus.GOING else "You're on the waitlist"
        msg = Outgoing(
            body=(
                Bold(f"{state} to #{m.id} {m.title}"),
                Text(", "),
                render.at(m, m.starts_at, community.timezone),
                Text(" (you always come to this series). Can't make this one? One click:"),
            ),
            buttons=(
                Button("Can't go", actions.encode("rsvp", m.id, "no"), "danger"),
                Button("Add to calendar", actions.encode("cal", m.id)),
            ),
        )
        deliveries.append(Delivery(user, msg))
    fallback = (Text(f"#{m.id} {m.title}: members who always come are counted in; see the card."),)
    await services.outbox.dm_many(deliveries, meetup_place(community, m), fallback)


def _next_spec(
    community: Community, s: Series, m: Meetup, rule_date: datetime, now: datetime
) -> list[JobSpec]:
    """The job that posts the date after `m` (or ends the series after its last date)."""
    if m.starts_at is None:
        return []
    follow_up = m.starts_at + FOLLOW_UP_DELAY
    upcoming = s.dates(after=_day_end(rule_date, s.timezone), limit=1)
    if not upcoming:  # the last date: its job ends the series once it is over
        return [_spec(community, m, max(follow_up, now))]
    due = s.post_next.due(m.starts_at, follow_up, upcoming[0])
    return [_spec(community, m, max(due, now))]


async def _end_series(services: Services, s: Series) -> None:
    now = services.clock.now()
    await services.store.change_series_status(s.id, SeriesStatus.ACTIVE, SeriesStatus.ENDED, now)


def _spec(community: Community, m: Meetup, due: datetime) -> JobSpec:
    return SERIES_NEXT.spec(community.id, m.id, due, at=int(due.timestamp()) // 60)


def _day_end(instant: datetime, zone: str) -> datetime:
    """The end of the instant's local day: the next date of a series is on a later day."""
    wall = wall_time(instant, zone).replace(hour=23, minute=59, second=59)
    return localize(wall, zone)


async def post_next_date(services: Services, community: Community, m: Meetup, job: Job) -> str:
    """The `series` job of date `m`: post the next date's card, if `m` is still the latest
    date and is over (an edit may have moved it later: then wait for its new end)."""
    found = await services.store.series_of_meetup(m.id)
    if found is None:
        return "not-a-series"
    s, date = found
    if s.status is not SeriesStatus.ACTIVE:
        return "series-ended"
    now = services.clock.now()
    taken = await services.store.series_dates(s.id)
    resumed = await _resume_date(services, community, s, date, taken, job)
    if resumed is not None:
        if services.after_date_opened is not None:  # keyed DMs: those told are not again
            await services.after_date_opened(services, community, resumed)
        return "posted-resumed"
    if any(d.starts_at > date.starts_at and d.meetup_id for d in taken):
        return "superseded"
    after = max(_day_end(date.starts_at, s.timezone), now)
    # a date claimed without a meetup (its process died in between) is opened again
    gone = [d.starts_at for d in taken if d.skipped or d.meetup_id]
    upcoming = s.dates(after=after, skipped=gone, limit=1)
    if not upcoming:
        await _end_series(services, s)
        await refresh_cards(services, community, m.id)
        return "series-ended"
    if m.status is Status.SCHEDULED and m.starts_at is not None:
        due = s.post_next.due(m.starts_at, m.starts_at + FOLLOW_UP_DELAY, upcoming[0])
        if due > now + timedelta(minutes=1):  # moved later, or the next date was skipped
            await services.jobs.add([_spec(community, m, due)])
            return "later"
    opened = await open_date(services, community, s, upcoming[0])
    if opened is None:  # a retried job: that date (and its news) went out before
        return "posted-earlier"
    if services.after_date_opened is not None:  # area followers hear of each date, once
        await services.after_date_opened(services, community, opened)
    return "posted"


SERIES_NEXT = JobKind("series", "series:{meetup}:{at}", each(post_next_date))


# --- the series panel -------------------------------------------------------------------------


async def _series(ctx: Ctx, series_id: int) -> Series:
    s = await ctx.store.series(series_id)
    if s is None or s.community_id != ctx.community.id:
        raise Refusal("There is no such series in this community. `/meetup list` shows meetups.")
    return s


async def _date_of(ctx: Ctx, meetup_id: int) -> tuple[Meetup, Series, SeriesDate]:
    m = await ctx.meetup(meetup_id)
    found = await ctx.store.series_of_meetup(m.id)
    if found is None:
        raise Refusal(
            f"#{m.id} is a one-off meetup, not part of a series. Make a series with "
            f'`/meetup propose ... repeat:"every first thursday"`.'
        )
    return m, found[0], found[1]


async def series_command(ctx: Ctx, options: Mapping[str, str]) -> None:
    """`/meetup series id:N [do:...]`: a date's series, and what to do with it."""
    meetup_id = parse_id(options.get("id"))
    verb = options.get("do", "").strip().lower() or "show"
    handlers = {
        "show": lambda: _show(ctx, meetup_id),
        "skip": lambda: _skip(ctx, meetup_id),
        "end": lambda: _end(ctx, meetup_id),
        "always": lambda: _always(ctx, meetup_id, True),
        "never": lambda: _always(ctx, meetup_id, False),
        "edit": lambda: _edit_following(ctx, meetup_id, options),
    }
    run = handlers.get(verb)
    if run is None:
        raise Refusal(
            "do: takes show, skip, edit, end, always or never, e.g. "
            f"`/meetup series id:{meetup_id} do:skip`."
        )
    if verb != "edit" and any(options.get(k, "").strip() for k in ("when", "venue", "capacity")):
        raise Refusal(
            f"when:, venue: and capacity: go with do:edit (this and following dates): "
            f'`/meetup series id:{meetup_id} do:edit venue:"The Crown"`.'
        )
    await run()


async def panel_clicked(ctx: Ctx, action: Action) -> None:
    await _show(ctx, action.int_arg(0))


async def _show(ctx: Ctx, meetup_id: int) -> None:
    m, s, _ = await _date_of(ctx, meetup_id)
    taken = await ctx.store.series_dates(s.id)
    after = max(ctx.now(), m.starts_at or ctx.now())
    upcoming = (
        s.dates(after=after, skipped=[d.starts_at for d in taken if d.skipped], limit=3)
        if s.status is SeriesStatus.ACTIVE
        else []
    )
    always = {u for u, _ in await ctx.store.always_coming(s.id)}
    body: list[Segment] = [Text("Repeats "), *_rule_words(s)]
    skipped = [d for d in taken if d.skipped]
    if skipped:
        body.append(Text(f" {len(skipped)} date{'s' if len(skipped) > 1 else ''} skipped."))
    body += [Text(f"\nThis date: #{m.id}"), Text(" (skipped)" if _is_skipped(m) else "")]
    if s.status is SeriesStatus.ENDED:
        body.append(Text("\nThe series has ended."))
    else:
        body += [Text("\nThe dates after it: "), *_next_dates(s, upcoming, ctx)]
    mine = ctx.user.id in always
    body.append(
        Text(
            "\nYou always come: each new date counts you Going (one click declines one)."
            if mine
            else "\nAlways come? Each new date would count you Going."
        )
    )
    buttons = [
        Button(
            "Stop always coming" if mine else "Always come",
            actions.encode("always", m.id, "off" if mine else "on"),
            "secondary" if mine else "success",
        ),
        Button("Add the series to calendar", actions.encode("seriescal", m.id)),
    ]
    if s.status is SeriesStatus.ACTIVE and (ctx.user.id == s.organizer_id or ctx.is_admin):
        if m.status is Status.SCHEDULED and not m.is_over(ctx.now()):
            buttons.append(Button("Skip this date", actions.encode("skip", m.id, "ask"), "danger"))
        buttons.append(Button("End the series", actions.encode("endseries", m.id, "ask"), "danger"))
    await ctx.reply(
        Outgoing(
            title=f"Series: {s.title}", body=tuple(body), buttons=tuple(buttons), ephemeral=True
        )
    )


def _is_skipped(m: Meetup) -> bool:
    return m.status is Status.CANCELLED and m.cancel_reason == SKIPPED_REASON


async def always_clicked(ctx: Ctx, action: Action) -> None:
    if action.args[1] not in ("on", "off"):
        raise BadAction("always: on or off")
    await _always(ctx, action.int_arg(0), action.args[1] == "on")


async def _always(ctx: Ctx, meetup_id: int, on: bool) -> None:
    m, s, _ = await _date_of(ctx, meetup_id)
    if on and s.status is not SeriesStatus.ACTIVE:
        raise Refusal(f"The series {s.title} has ended: no more dates will come.")
    member = await ctx.member()
    changed = await ctx.store.set_always(
        s.id, ctx.community.id, ctx.user.id, member.name, on, ctx.now()
    )
    if not on:
        await ctx.say(
            f"You no longer always come to {s.title}. "
            + ("" if changed else "(You weren't on the list.) ")
            + "Answer each date on its card."
        )
        return
    text = f"You always come to {s.title}: each new date counts you Going and DMs you, with a "
    text += "Can't go button for the dates you miss."
    if not changed:
        text = f"You already always come to {s.title}."
    if m.status is Status.SCHEDULED and await ctx.store.rsvp_of(m.id, ctx.user.id) is None:
        text += f" For this date (#{m.id}) click Going on its card."
    await ctx.say(text)


async def skip_clicked(ctx: Ctx, action: Action) -> None:
    await _after_asking(
        ctx, action, "skip", "Yes, skip it", _skip,
        lambda m, s: f"Skip #{m.id} of {s.title}? Everyone who answered is told.",
    )


async def _ask(ctx: Ctx, m: Meetup, question: str, yes: Button) -> None:
    assert m.starts_at is not None
    await ctx.reply(
        Outgoing(
            body=(Text(question + " Date: "), render.at(m, m.starts_at, ctx.community.timezone)),
            buttons=(yes,),
            ephemeral=True,
        )
    )
    ctx.outcome = "confirm"


async def _skip(ctx: Ctx, meetup_id: int) -> None:
    """Skip the open date: it becomes an EXDATE, its meetup is called off (everyone who
    answered is told) and the next date's card follows at once (or when its post-next says)."""
    m, s, date = await _date_of(ctx, meetup_id)
    check_manage_series(s, ctx.user.id, ctx.is_admin)
    rules.check_active(m, ctx.now(), "skip")
    if s.status is not SeriesStatus.ACTIVE:
        raise Refusal(f"The series has ended; cancel #{m.id} with `/meetup cancel id:{m.id}`.")
    if not await ctx.store.skip_series_date(s.id, date.starts_at):  # a second click
        await ctx.say(f"#{m.id} is skipped already.")
        return
    updated = await ctx.store.update_meetup(
        m.id, ctx.now(), status=Status.CANCELLED.value, cancel_reason=SKIPPED_REASON
    )
    await ctx.store.drop_pending_jobs(
        m.id, (REMIND.name, FOLLOW_UP.name, OFFER.name, SERIES_NEXT.name)
    )
    await refresh_cards(ctx.services, ctx.community, m.id)
    taken = await ctx.store.series_dates(s.id)
    after = max(_day_end(date.starts_at, s.timezone), ctx.now())
    upcoming = s.dates(after=after, skipped=[d.starts_at for d in taken], limit=1)
    zone = ctx.community.timezone
    note: list[Segment] = [Bold(f"#{m.id} {m.title} on "), render.at(m, date.starts_at, zone)]
    note.append(Text(" is skipped: this date of the series is off."))
    if upcoming:
        note += [Text(" The next one is "), render.at(m, upcoming[0], zone), Text(".")]
    await notify_answered(
        ctx.services, ctx.community, updated, tuple(note), exclude=ctx.user.id, with_calendar=True
    )
    opened = None
    if upcoming:
        due = ctx.now()
        if s.post_next.days_before is not None:
            due = max(due, upcoming[0] - timedelta(days=s.post_next.days_before))
        if due <= ctx.now():
            opened = await open_date(ctx.services, ctx.community, s, upcoming[0])
        else:
            await ctx.services.jobs.add([_spec(ctx.community, m, due)])
    else:
        await _end_series(ctx.services, s)
    done = f"Skipped #{m.id}. Everyone who answered has been told."
    if opened is not None:
        done += f" The next date is #{opened.id}; its card is in the channel."
    elif upcoming:
        done += " The next date's card comes when the series posts it."
    else:
        done += " It was the series' last date, so the series has ended."
    await ctx.say(done)


async def end_clicked(ctx: Ctx, action: Action) -> None:
    await _after_asking(
        ctx, action, "endseries", "Yes, end it", _end,
        lambda m, s: f"End the series {s.title}? No more dates are posted after #{m.id}.",
    )


async def _after_asking(
    ctx: Ctx,
    action: Action,
    verb: str,
    yes: str,
    act: Callable[[Ctx, int], Awaitable[None]],
    question: Callable[[Meetup, Series], str],
) -> None:
    """A destructive series button: "ask" shows the question with a Yes button (organizer
    only), "yes" does it."""
    if action.args[1] not in ("ask", "yes"):
        raise BadAction(f"{verb}: ask or yes")
    if action.args[1] == "yes":
        await act(ctx, action.int_arg(0))
        return
    m, s, _ = await _date_of(ctx, action.int_arg(0))
    check_manage_series(s, ctx.user.id, ctx.is_admin)
    await _ask(ctx, m, question(m, s), Button(yes, actions.encode(verb, m.id, "yes"), "danger"))


async def _end(ctx: Ctx, meetup_id: int) -> None:
    """No more dates. The date already posted stays (members answered it); it can be
    cancelled on its own."""
    m, s, _ = await _date_of(ctx, meetup_id)
    check_manage_series(s, ctx.user.id, ctx.is_admin)
    if not await ctx.store.change_series_status(
        s.id, SeriesStatus.ACTIVE, SeriesStatus.ENDED, ctx.now()
    ):
        await ctx.say(f"The series {s.title} has ended already.")
        return
    latest = [d for d in await ctx.store.series_dates(s.id) if d.meetup_id and not d.skipped]
    for d in latest:
        assert d.meetup_id is not None
        await ctx.store.drop_pending_jobs(d.meetup_id, (SERIES_NEXT.name,))
        await refresh_cards(ctx.services, ctx.community, d.meetup_id)
    text = f"Ended the series {s.title}: no more dates will be posted."
    if m.status is Status.SCHEDULED and not m.is_over(ctx.now()):
        text += (
            f" #{m.id} still takes place; if it doesn't, `/meetup cancel id:{m.id}` tells "
            "everyone who answered."
        )
    await ctx.say(text)


async def _edit_following(ctx: Ctx, meetup_id: int, options: Mapping[str, str]) -> None:
    """This and following dates: the template (venue, capacity, time of day) changes from
    this date on, and this date's meetup with it (everyone who answered is told)."""
    m, s, date = await _date_of(ctx, meetup_id)
    check_manage_series(s, ctx.user.id, ctx.is_admin)
    rules.check_active(m, ctx.now(), "edit")
    if s.status is not SeriesStatus.ACTIVE:
        raise Refusal(f"The series has ended; edit #{m.id} alone with `/meetup edit id:{m.id}`.")
    template: dict[str, Any] = {}
    one: dict[str, str] = {"id": str(m.id)}
    if options.get("venue", "").strip():
        check = rules.check_online_venue if m.is_online else rules.check_venue
        template["venue"] = check(options["venue"])
        one["venue"] = options["venue"]
    if options.get("capacity", "").strip():
        template["capacity"] = rules.parse_capacity(options["capacity"])
        one["capacity"] = options["capacity"]
    if options.get("when", "").strip():
        wall = _new_time_of_day(options["when"], date.starts_at, s.timezone)
        recurrence = bounded_from(s.recurrence, s.first_wall, s.timezone, wall)
        template["first_wall"] = wall
        template["rrule"] = recurrence.text()
        new_start = localize(wall, s.timezone)
        if new_start != m.starts_at:
            one["when"] = f"{wall:%Y-%m-%d %H:%M}"
    if not template:
        raise Refusal(
            "Nothing to change. do:edit takes when: (a time of day), venue: or capacity:, e.g. "
            f'`/meetup series id:{m.id} do:edit when:"19:30" venue:"The Crown"`.'
        )
    if len(one) > 1 and any(_differs(m, k, v) for k, v in template.items()):
        await meetups.edit(ctx, one)  # this date: tells everyone who answered
    if "first_wall" in template:  # this date is the rule's first under its new time
        new_date = localize(template["first_wall"], s.timezone)
        await ctx.store.move_series_date(s.id, date.starts_at, new_date)
    # last: the series' SEQUENCE bump moves the feeds' version after the whole edit
    updated = await ctx.store.update_series(s.id, ctx.now(), **template)
    await refresh_cards(ctx.services, ctx.community, m.id)
    upcoming = updated.dates(after=_day_end(date.starts_at, s.timezone), limit=3)
    await ctx.reply(
        Outgoing(
            body=(
                Text(f"From #{m.id} on, every date of {s.title}: "),
                *_template_words(updated),
                Text("\nThe next three after it: "),
                *_next_dates(updated, upcoming, ctx),
            ),
            ephemeral=True,
        )
    )


def _differs(m: Meetup, key: str, value: object) -> bool:
    if key in ("first_wall", "rrule"):
        return True
    return bool(getattr(m, key, None) != value)


def _template_words(s: Series) -> list[Segment]:
    venue = s.venue or "(no venue)"
    capacity = s.capacity or "no limit"
    return [
        Text(
            f"{describe(s.recurrence.rule)} at {s.first_wall:%H:%M}, {venue}, capacity {capacity}."
        )
    ]


def _new_time_of_day(raw: str, rule_date: datetime, zone: str) -> datetime:
    """A time of day for a date of the series ("19:30", "7:30pm"), as its new wall time.
    A time on another day is refused: the rule says the days."""
    day = wall_time(rule_date, zone).date()
    midnight = datetime(day.year, day.month, day.day, tzinfo=ZoneInfo(zone))
    found = dates.parse_when(raw.strip()[:100], now=midnight, meetup=True)
    if found is None or found.grain not in ("minute", "hour"):
        raise Refusal(
            f"do:edit when: takes a time of day for this and following dates, like "
            f'when:"19:30" or when:"7:30pm" (not {raw.strip()[:40]!r}).'
        )
    if found.start.date() != day:
        raise Refusal(
            "For this and following dates, when: is a time of day (the rule gives the days). "
            "To move one date to another day: `/meetup edit id:N when:...`."
        )
    return found.start.replace(tzinfo=None, second=0, microsecond=0)


async def calendar_clicked(ctx: Ctx, action: Action) -> None:
    """The series as one recurring calendar event (RRULE, EXDATEs, overrides)."""
    _, s, _ = await _date_of(ctx, action.int_arg(0))
    taken = await ctx.store.series_dates(s.id)
    held = {}
    for d in taken:
        if d.meetup_id is not None:
            found = await ctx.store.meetup(d.meetup_id)
            if found is not None:
                held[found.id] = found
    data = series_ics(s, taken, held, ctx.community.platform, ctx.now())
    await ctx.reply(
        Outgoing(
            body=(
                Text(
                    f"{s.title}, every date as one repeating event: open the attached file "
                    "(skipped dates are left out; edits update the event)."
                ),
            ),
            attachments=(Attachment(f"series-{s.id}.ics", data, "text/calendar"),),
            ephemeral=True,
        )
    )


FEATURE = Feature(
    "series",
    commands={"propose": propose, "series": series_command},
    actions={
        "seriesok": confirm,
        "series": panel_clicked,
        "always": always_clicked,
        "skip": skip_clicked,
        "endseries": end_clicked,
        "seriescal": calendar_clicked,
    },
    forms={meetups.PROPOSE_FORM: propose_submitted},
    jobs=(SERIES_NEXT,),
)
