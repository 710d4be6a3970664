"""Proposing, editing, cancelling and listing meetups."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot import actions, render
from bot.actions import Action, BadAction
from bot.domain import meetups as rules
from bot.domain.limits import PROPOSAL_WINDOW, check_proposals
from bot.domain.meetups import (
    ONLINE_CITY_ID,
    ONLINE_LABEL,
    Meetup,
    Status,
    check_future,
)
from bot.domain.polls import MAX_OPTIONS, MIN_OPTIONS, default_deadline
from bot.domain.refusal import Refusal
from bot.domain.rsvps import RsvpStatus
from bot.domain.welcome import check_find_us, suggest_next_date, when_text
from bot.handlers.cards import public_page, refresh_cards, render_meetup
from bot.handlers.cities import namesake_buttons, namesake_note
from bot.handlers.context import Ctx, parse_id
from bot.handlers.feature import Feature
from bot.handlers.notify import notify_answered
from bot.handlers.parsing import (
    NO_HINTS,
    CityHints,
    city_hints,
    city_zone,
    is_online,
    month_first,
    other_reading,
    parse_city,
    parse_one_time,
    read_city,
)
from bot.handlers.polls import POLL
from bot.handlers.reminders import FOLLOW_UP, REMIND, reschedule_meetup
from bot.handlers.rsvps import (
    OFFER,
    ask_lower_capacity,
    offer_job,
    over_capacity,
    send_offers,
)
from bot.nlp.places import City, CityLookup, city_by_id
from bot.ports import ChannelUnavailable
from bot.types import Bold, Button, Form, FormField, FormSubmitted, Link, Outgoing, Segment, Text

log = logging.getLogger(__name__)

PROPOSE_FORM = "propose"


class FieldErrors(Refusal):
    """Several fields are wrong (form submissions show them next to each field)."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(" ".join(errors.values()))
        self.errors = errors


@dataclass(frozen=True, slots=True)
class Proposal:
    title: str
    city: City | None  # None: online
    times: list[datetime]
    venue: str
    capacity: int | None
    description: str
    deadline: datetime | None
    namesakes: tuple[City, ...] = ()  # other cities of that name, offered on the confirmation
    other_reading: datetime | None = None  # "12/01": the other day/month order, if valid
    find_us: str = ""  # how to spot the group


def meetup_now(ctx: Ctx, m: Meetup) -> datetime:
    """Now, in the zone the meetup's times are read in."""
    return ctx.now().astimezone(ZoneInfo(m.zone(ctx.community.timezone)))


def check_propose_permission(ctx: Ctx) -> None:
    if ctx.community.who_proposes == "admins" and not ctx.is_admin:
        raise Refusal(
            "In this community only admins can propose meetups. Ask an admin, or ask "
            "them to allow everyone with `/meetup settings who-proposes:everyone`."
        )


def read_proposal(
    ctx: Ctx, values: Mapping[str, str], hints: CityHints = NO_HINTS
) -> Proposal:
    """Validate every field; all errors at once, keyed by field."""
    errors: dict[str, str] = {}
    now = ctx.now()

    def field(name: str, check: object) -> object:
        try:
            return check() if callable(check) else check
        except Refusal as exc:
            errors[name] = str(exc)
            return None

    title = field("title", lambda: rules.check_title(values.get("title", "")))
    online = is_online(values.get("city", ""))
    place = None if online else field("city", lambda: read_city(values.get("city", ""), hints))
    city = place.city if isinstance(place, CityLookup) else None
    # times are read where the meetup is: its city's zone, the community's when online
    # (or when the city is unreadable)
    local = now.astimezone(city_zone(city, ctx.community))
    label = city.label if city is not None else ""
    times = field("when", lambda: _read_times(values.get("when", ""), local, now, label))
    check_venue = rules.check_online_venue if online else rules.check_venue
    venue = field("venue", lambda: check_venue(values.get("venue", "")))
    capacity = field("capacity", lambda: rules.parse_capacity(values.get("capacity", "")))
    description = field(
        "description", lambda: rules.check_description(values.get("description", ""))
    )
    find_us = field("find-us", lambda: check_find_us(values.get("find-us", "")))
    deadline = None
    if values.get("deadline", "").strip():
        deadline = field(
            "deadline", lambda: parse_one_time(values["deadline"], local, now, what="The deadline")
        )
        if isinstance(times, list) and deadline is not None and len(times) < 2:
            errors["deadline"] = (
                "A deadline is only for date polls (several times in when:, separated by |)."
            )
        elif isinstance(times, list) and isinstance(deadline, datetime) and deadline > min(times):
            errors["deadline"] = "The poll deadline must come before the first date option."
    if errors:
        raise FieldErrors(errors)
    assert isinstance(title, str) and (online or city is not None)
    assert isinstance(times, list)
    assert isinstance(venue, str) and isinstance(description, str)
    assert isinstance(find_us, str)
    assert capacity is None or isinstance(capacity, int)
    assert deadline is None or isinstance(deadline, datetime)
    other = None
    if len(times) == 1:
        other = other_reading(values.get("when", ""), times[0].astimezone(local.tzinfo), local)
    namesakes = place.alternatives if isinstance(place, CityLookup) else ()
    return Proposal(
        title, city, times, venue, capacity, description, deadline, namesakes, other, find_us
    )


def _read_times(raw: str, local: datetime, now: datetime, place: str = "") -> list[datetime]:
    parts = [p.strip() for p in raw.split("|")]
    if not raw.strip():
        raise Refusal(
            'When? Add when:"next friday 7pm", or several times separated by | for a date poll.'
        )
    if len(parts) > MAX_OPTIONS:
        raise Refusal(f"A date poll can have at most {MAX_OPTIONS} options; you gave {len(parts)}.")
    if any(not p for p in parts):
        raise Refusal('One of the times between | is empty. Example: when:"fri 7pm | sat 6pm".')
    times = [parse_one_time(p, local, now, place=place, offer_poll=True) for p in parts]
    if len(set(times)) != len(times):
        raise Refusal("Two of the poll options are the same time; give each date once.")
    assert MIN_OPTIONS == 2
    return times


async def propose(ctx: Ctx, options: Mapping[str, str]) -> None:
    check_propose_permission(ctx)
    if not any(v.strip() for v in options.values()):
        await ctx.services.outbox.open_form(ctx.event, bare_propose_form())
        ctx.outcome = "form"
        return
    hints = await city_hints(ctx.store, ctx.community, options.get("city", ""))
    await _create(ctx, read_proposal(ctx, options, hints))


async def propose_submitted(ctx: Ctx, values: Mapping[str, str]) -> None:
    check_propose_permission(ctx)
    try:
        hints = await city_hints(ctx.store, ctx.community, values.get("city", ""))
        proposal = read_proposal(ctx, values, hints)
    except FieldErrors as exc:
        assert isinstance(ctx.event, FormSubmitted)
        await ctx.services.outbox.reject_form(ctx.event, exc.errors)
        ctx.outcome = "refused"
        return
    await _create(ctx, proposal)


REPEAT_FIELD = FormField(
    "repeat", "Repeat (empty: once)", "text", False, "", "every first thursday", 200
)


def bare_propose_form() -> Form:
    """The form of a bare `/meetup propose` (and the help's button): a Repeat field in the
    place of Capacity, as a form has at most 5 fields (Discord's modal limit). Capacity is
    one `/meetup edit` away; the prefilled forms (the next one, a meetup idea) are one-offs
    and keep it."""
    form = propose_form()
    return replace(form, fields=(*form.fields[:4], REPEAT_FIELD))


def propose_form(city: str = "", when: str = "", title: str = "", venue: str = "") -> Form:
    return Form(
        PROPOSE_FORM,
        "Propose a meetup",
        (
            FormField("title", "Title", "text", True, title, "Coffee & code", 100),
            FormField("city", "City", "city", True, city, "Portland, Oregon", 100),
            FormField(
                "when",
                "When (| between options for a poll)",
                "datetime",
                True,
                when,
                "next friday 7pm",
                300,
                multiple=True,
            ),
            FormField("venue", "Venue", "text", False, venue, "Bar, park or address", 200),
            FormField("capacity", "Capacity (empty: no limit)", "number", False, "", "12", 6),
        ),
        "Propose",
    )


async def _create(ctx: Ctx, p: Proposal) -> None:
    since = ctx.now() - PROPOSAL_WINDOW
    check_proposals(
        await ctx.store.recent_proposals(ctx.community.id, since, ctx.user.id),
        await ctx.store.recent_proposals(ctx.community.id, since),
        ctx.services.rate_limits,
    )
    member = await ctx.member()
    poll = len(p.times) > 1
    deadline = p.deadline
    if poll and deadline is None:  # every poll ends
        deadline = default_deadline(p.times, ctx.now())
    m = await ctx.store.create_meetup(
        community_id=ctx.community.id,
        channel_id=ctx.place.channel_id,
        thread_id=ctx.place.thread_id,
        title=p.title,
        city_id=p.city.id if p.city else ONLINE_CITY_ID,
        city_label=p.city.label if p.city else ONLINE_LABEL,
        latitude=p.city.latitude if p.city else 0.0,
        longitude=p.city.longitude if p.city else 0.0,
        organizer_id=ctx.user.id,
        organizer_name=member.name,
        starts_at=None if poll else p.times[0],
        options=p.times if poll else (),
        venue=p.venue,
        description=p.description,
        capacity=p.capacity,
        deadline=deadline,
        now=ctx.now(),
        timezone=city_zone(p.city, ctx.community).key,
        find_us=p.find_us,
    )
    if poll and deadline:
        await ctx.services.jobs.add(
            [POLL.spec(ctx.community.id, m.id, deadline)]
        )
    if not poll:
        await reschedule_meetup(ctx.services, ctx.community, m)
    await post_card(ctx, m)
    zone = ctx.community.timezone
    echo: list[Segment] = [Text(f"Proposed #{m.id} {m.title} {where_words(m)}")]
    if poll:
        echo.append(Text(f" as a date poll with {len(p.times)} options: "))
        for i, t in enumerate(p.times, 1):
            echo += [Text(f"{'; ' if i > 1 else ''}{i}) "), render.at(m, t, zone)]
        echo += render.prose(f". Close it with `/meetup close id:{m.id}` when the votes are in.")
    else:
        echo += [
            Text(" for "),
            render.at(m, p.times[0], zone),
            Text(". Click Going on the card to count yourself in."),
        ]
    link = await public_page(ctx.services, ctx.community, m.id)
    if link:
        echo += [Text("\nIts public page, to share anywhere: "), Link(link, link)]
    echo += await _zone_notice(ctx)
    if p.city is not None:
        echo += namesake_note(p.city, p.namesakes)
    buttons: tuple[Button, ...] = tuple(namesake_buttons(m.id, p.namesakes))
    if p.other_reading is not None and not poll:
        echo += _order_note(m, p.times[0], zone)
        buttons += (_redate_button(m, p.other_reading, zone),)
    await ctx.reply(Outgoing(body=tuple(echo), buttons=buttons, ephemeral=True))
    if ctx.services.after_meetup_proposed is not None:
        await ctx.services.after_meetup_proposed(ctx, m)


def _order_note(m: Meetup, taken: datetime, community_zone: str) -> list[Segment]:
    local = taken.astimezone(ZoneInfo(m.zone(community_zone)))
    order = "month first, as in the US" if month_first(local.tzinfo) else "day first"
    return [Text(f"\nI read the date {order}: {local:%a %d %b}. Meant the other one? Click below.")]


def _redate_button(m: Meetup, other: datetime, community_zone: str) -> Button:
    local = other.astimezone(ZoneInfo(m.zone(community_zone)))
    minutes = int(other.timestamp()) // 60
    return Button(f"Make it {local:%a %d %b %H:%M}", actions.encode("redate", m.id, minutes))


async def redate(ctx: Ctx, action: Action) -> None:
    """The other day/month reading of a just-proposed meetup's date, chosen by a click."""
    m = await ctx.meetup(action.int_arg(0))
    rules.check_manage(m, ctx.user.id, ctx.is_admin, "change")
    rules.check_active(m, ctx.now(), "change")
    if m.is_poll or m.starts_at is None:
        raise Refusal(f"#{m.id} is a date poll; vote on its options instead.")
    new_time = datetime.fromtimestamp(action.int_arg(1) * 60, UTC)
    if new_time == m.starts_at:  # a second click
        await ctx.reply(
            Outgoing(
                body=(
                    Text(f"#{m.id} is already on "),
                    render.at(m, new_time, ctx.community.timezone),
                    Text("."),
                ),
                ephemeral=True,
            )
        )
        return
    check_future(new_time, ctx.now())
    updated = await ctx.store.update_meetup(m.id, ctx.now(), starts_at=new_time)
    await reschedule_meetup(ctx.services, ctx.community, updated)
    await refresh_cards(ctx.services, ctx.community, m.id)
    zone = ctx.community.timezone
    note: tuple[Segment, ...] = (
        Bold(f"#{m.id} {m.title}: new time "),
        render.at(m, new_time, zone),
        Text(" (was "),
        render.at(m, m.starts_at, zone),
        Text(")."),
    )
    await notify_answered(ctx.services, ctx.community, updated, note, exclude=ctx.user.id)
    await ctx.reply(Outgoing(body=(Text("Changed. "), *note), ephemeral=True))


def where_words(m: Meetup) -> str:
    return "online" if m.is_online else f"in {m.city_label}"


async def _zone_notice(ctx: Ctx) -> list[Segment]:
    """Tell the first admin who proposes, once, that the community's zone was never set."""
    if ctx.community.timezone_settled or not ctx.is_admin:
        return []
    ctx.community = await ctx.store.update_community(ctx.community.id, timezone_settled=True)
    return list(
        render.prose(
            f"\nThis community's time zone was never set, so it is {ctx.community.timezone}. "
            "Meetups in a city use that city's zone; online meetups and commands without a "
            "city use the community's. Set it with "
            '`/meetup settings timezone:"America/New_York"` (any IANA name).'
        )
    )


async def post_card(ctx: Ctx, m: Meetup) -> None:
    card = await render_meetup(ctx.services, ctx.community, m, ctx.community.platform)
    try:
        ref = await ctx.services.outbox.post(ctx.place, card)
    except ChannelUnavailable:
        log.warning(
            "cannot post in channel %s of community %s", ctx.place.channel_id, ctx.community.id
        )
        await ctx.reply(
            Outgoing(
                body=(
                    Bold("I can't post in this channel."),
                    *render.prose(
                        " Invite me (e.g. /invite @Tweetup) or allow me to post here, then "
                        f"`/meetup show id:{m.id}`. Meetup #{m.id} is saved; "
                        "here is its card:"
                    ),
                ),
                ephemeral=True,
            )
        )
        await ctx.reply(
            Outgoing(
                title=card.title,
                body=card.body,
                fields=card.fields,
                buttons=card.buttons,
                ephemeral=True,
            )
        )
        return
    await ctx.store.add_card(m.id, ref.place.channel_id, ref.place.thread_id, ref.message_id)


async def show(ctx: Ctx, options: Mapping[str, str]) -> None:
    m = await ctx.meetup(parse_id(options.get("id")))
    card = await render_meetup(ctx.services, ctx.community, m, ctx.community.platform)
    await ctx.reply(
        Outgoing(
            title=card.title,
            body=card.body,
            fields=card.fields,
            buttons=card.buttons,
            ephemeral=True,
        )
    )


LIST_PAGE_SIZE = 10
_MINE = {"": False, "no": False, "all": False, "yes": True, "mine": True}


async def list_upcoming(ctx: Ctx, options: Mapping[str, str]) -> None:
    """`/meetup list [mine] [city:] [page:]`: upcoming meetups, a page at a time."""
    mine = _MINE.get(options.get("mine", "").strip().lower())
    if mine is None:
        raise Refusal(
            "mine: takes yes or no. `/meetup list mine` shows only your meetups, "
            "`/meetup list` all of them."
        )
    raw_city = options.get("city", "").strip()
    city_id = parse_city(raw_city).id if raw_city else 0
    await _show_list_page(ctx, _parse_page(options.get("page", "")), city_id, mine)


def _parse_page(raw: str) -> int:
    text = raw.strip()
    if not text:
        return 1
    if not text.isdigit() or not 1 <= int(text) <= 100_000:
        raise Refusal(f"page: takes a page number, like page:2 (not {text[:20]!r}).")
    return int(text)


async def list_page_clicked(ctx: Ctx, action: Action) -> None:
    """Previous / Next under a page of `/meetup list`: the same filters, another page."""
    if action.args[2] not in ("all", "mine"):
        raise BadAction("list: all or mine")
    page = max(1, action.int_arg(0))
    await _show_list_page(ctx, page, action.int_arg(1), action.args[2] == "mine")


async def _show_list_page(ctx: Ctx, page: int, city_id: int, mine: bool) -> None:
    items, at = await _read_list_page(ctx, page, city_id, mine)
    zone = ctx.community.timezone
    city = _city_name(city_id) if city_id else None
    title = ("Your upcoming meetups" if mine else "Upcoming meetups") + (
        f" in {city}" if city else ""
    )
    rows = [render.meetup_line(m, zone, f" · {role}" if role else "") for m, role in items]
    await ctx.reply(render.list_page(title, rows, at, _empty_list_text(mine, city)))


async def _read_list_page(
    ctx: Ctx, page: int, city_id: int, mine: bool
) -> tuple[list[tuple[Meetup, str]], render.ListPage]:
    """The page asked for, or the last one when it asks past the end (the list shrank)."""
    user = ctx.user.id if mine else None
    city = city_id or None
    for _ in range(2):
        at = render.ListPage(page, LIST_PAGE_SIZE, 0, city_id, mine)
        items, total = await ctx.store.listing_page(
            ctx.community.id, ctx.now(), offset=at.offset, limit=at.size, user_id=user, city_id=city
        )
        at = render.ListPage(page, LIST_PAGE_SIZE, total, city_id, mine)
        if items or page <= at.pages:
            break
        page = at.pages
    return items, at


def _city_name(city_id: int) -> str:
    city = city_by_id(city_id)
    return city.label if city else f"city {city_id}"


def _empty_list_text(mine: bool, city: str | None) -> str:
    where = f" in {city}" if city else ""
    if mine:
        return f"You have no upcoming meetups{where}. `/meetup list` shows what's on."
    if city:
        return (
            f"No upcoming meetups{where}. `/meetup list` shows them all; propose one with "
            f'`/meetup propose title:"Coffee" city:"{city}" when:"next friday 7pm"`'
        )
    return (
        'No upcoming meetups yet. Propose one: `/meetup propose title:"Coffee" city:Portland '
        'when:"next friday 7pm"`'
    )


async def mine(ctx: Ctx, options: Mapping[str, str]) -> None:
    """`/meetup mine` is `/meetup list mine`: the member's meetups, a page at a time."""
    await _show_list_page(ctx, 1, 0, True)


async def edit(ctx: Ctx, options: Mapping[str, str]) -> None:
    m = await ctx.meetup(parse_id(options.get("id")))
    rules.check_manage(m, ctx.user.id, ctx.is_admin, "edit")
    rules.check_active(m, ctx.now(), "edit")
    changes = _edited_texts(m, options)
    lowered = None  # a capacity below the seats taken: the organizer chooses who stays
    if "capacity" in options:
        capacity = rules.parse_capacity(options["capacity"])
        if over_capacity(m, capacity):
            lowered = capacity
        else:
            changes["capacity"] = capacity
    if "when" in options:
        new_time = _edited_time(ctx, m, options["when"])
        if new_time != m.starts_at:
            changes["starts_at"] = new_time
    if not changes and lowered is None:
        raise Refusal(
            f'Nothing to change. Example: `/meetup edit id:{m.id} when:"saturday 6pm" '
            'venue:"Bar Cafe"`'
        )
    changes = {k: v for k, v in changes.items() if getattr(m, k) != v}
    if not changes and lowered is not None:
        await ask_lower_capacity(ctx, m, lowered)
        return
    if not changes:
        raise Refusal(f"#{m.id} already has those values; nothing was changed.")
    updated = await ctx.store.update_meetup(m.id, ctx.now(), **changes)
    notes = change_notes(m, updated, ctx.community.timezone)
    if "starts_at" in changes:
        await reschedule_meetup(ctx.services, ctx.community, updated)
    if "capacity" in changes:
        offered = await ctx.store.fill_free_seats(
            m.id, ctx.now(), ctx.community.offer_hours, offer_job(ctx.community)
        )
        await send_offers(ctx.services, ctx.community, updated, offered)
    await refresh_cards(ctx.services, ctx.community, m.id)
    # Members who can't go only care about a new time (they may be able to come now).
    declined = () if "starts_at" in changes else await _declined(ctx, m.id)
    intro: tuple[Segment, ...] = (Bold(f"#{m.id} {updated.title} changed. "), *notes)
    await notify_answered(
        ctx.services, ctx.community, updated, intro, exclude=ctx.user.id, skip=declined
    )
    told = "Everyone who answered has been told"
    if declined:
        told += " (but those who can't go: only a new time concerns them)"
    await ctx.reply(
        Outgoing(body=(Text(f"Updated #{m.id}. "), *notes, Text(told + ".")), ephemeral=True)
    )
    if lowered is not None:
        await ask_lower_capacity(ctx, updated, lowered)


def _edited_texts(m: Meetup, options: Mapping[str, str]) -> dict[str, Any]:
    """The text fields an edit sets, each checked as on propose."""
    changes: dict[str, Any] = {}
    if "title" in options:
        changes["title"] = rules.check_title(options["title"])
    if "venue" in options:
        check_venue = rules.check_online_venue if m.is_online else rules.check_venue
        changes["venue"] = check_venue(options["venue"])
    if "description" in options:
        changes["description"] = rules.check_description(options["description"])
    if "find-us" in options:
        changes["find_us"] = check_find_us(options["find-us"])
    return changes


def _edited_time(ctx: Ctx, m: Meetup, when: str) -> datetime:
    """The one new time of a scheduled meetup (a poll's times change by closing it)."""
    if m.is_poll:
        raise Refusal(
            f"#{m.id} is still a date poll. Close it first with "
            f"`/meetup close id:{m.id}`, then edit the time."
        )
    if "|" in when:
        raise Refusal("A meetup has one time; give one time in when:.")
    return parse_one_time(when, meetup_now(ctx, m), ctx.now())


async def _declined(ctx: Ctx, meetup_id: int) -> set[str]:
    return {r.user_id for r in await ctx.store.rsvps(meetup_id) if r.status is RsvpStatus.NO}


def change_notes(before: Meetup, after: Meetup, zone: str) -> list[Segment]:
    """"Label: old → new. " for every field that differs between the two versions."""
    notes: list[Segment] = []
    if before.starts_at != after.starts_at and before.starts_at and after.starts_at:
        notes += [
            Text("When: "),
            render.at(before, before.starts_at, zone),
            Text(" → "),
            render.at(after, after.starts_at, zone),
            Text(". "),
        ]
    for key, label in (
        ("title", "Title"), ("venue", "Venue"), ("description", "Details"), ("find_us", "Find us")
    ):
        old, new = getattr(before, key), getattr(after, key)
        if old != new:
            notes.append(Text(f"{label}: {old or '(none)'} → {new or '(none)'}. "))
    if before.capacity != after.capacity:
        notes.append(
            Text(f"Capacity: {before.capacity or 'no limit'} → {after.capacity or 'no limit'}. ")
        )
    return notes


async def cancel(ctx: Ctx, options: Mapping[str, str]) -> None:
    m = await ctx.meetup(parse_id(options.get("id")))
    rules.check_manage(m, ctx.user.id, ctx.is_admin, "cancel")
    rules.check_active(m, ctx.now(), "cancel")
    reason = rules.check_text(options.get("reason", ""), "reason", 300)
    updated = await ctx.store.update_meetup(
        m.id, ctx.now(), status=Status.CANCELLED.value, cancel_reason=reason
    )
    await ctx.store.drop_pending_jobs(
        m.id, (REMIND.name, FOLLOW_UP.name, OFFER.name, POLL.name)
    )
    await refresh_cards(ctx.services, ctx.community, m.id)
    body: list[Segment] = [Bold(f"#{m.id} {m.title} is cancelled. ")]
    if reason:
        body.append(Text(f"Reason: {reason}. "))
    await notify_answered(
        ctx.services, ctx.community, updated, tuple(body), exclude=ctx.user.id, with_calendar=True
    )
    await ctx.say(f"Cancelled #{m.id}. Everyone who answered has been told.")


async def propose_from_button(ctx: Ctx, action: Action) -> None:
    check_propose_permission(ctx)
    form = bare_propose_form()
    if action.verb == "next":  # the same title, city and venue, a few weeks later
        m = await ctx.meetup(action.int_arg(0))
        when = ""
        if m.starts_at is not None:
            zone = m.zone(ctx.community.timezone)
            when = when_text(suggest_next_date(m.starts_at, zone, ctx.now()))
        form = propose_form(city=m.city_label, when=when, title=m.title, venue=m.venue)
    await ctx.services.outbox.open_form(ctx.event, form)
    ctx.outcome = "form"


def status_label(status: RsvpStatus) -> str:
    return {
        "going": "going",
        "maybe": "maybe",
        "no": "not going",
        "waiting": "on the waitlist",
        "offered": "offered a seat",
    }[status.value]


FEATURE = Feature(
    "meetups",
    # "propose" is routed by the series feature: with repeat: it makes a series, else `propose`
    commands={
        "edit": edit,
        "cancel": cancel,
        "list": list_upcoming,
        "show": show,
        "mine": mine,
    },
    actions={
        "propose": propose_from_button,
        "next": propose_from_button,
        "redate": redate,
        "list": list_page_clicked,
    },
    # the propose form is routed by the series feature too: a Repeat makes a series
)
