"""The discussion watcher: private questions about places, and meetup suggestions.

Flow: `MessageSeen` in a watched channel -> `statements.might_matter` (cheap) ->
`statements.read` -> for a home or trip the speaker states, a private question ("Count you as
Portland-based for meetup suggestions?" [Yes] [No] [Don't ask again]) when the rate rules
allow (`domain.suggestions.may_ask`). Nothing inferred is stored before Yes but the pending
question itself. Yes sets the home or adds the trip, then the suggestion decision runs around
that city (`domain.suggestions.decide`); so does every `/meetup home` and `/meetup travel`
(through the `after_location_change` hook) and meetup intent from a member with a home (with
the threshold lowered by one, see `intent_rules`).

A suggestion card is posted in the channel where the change happened: the command's channel,
or a watched channel for watcher answers and intent. Buttons: "I'm in" (verb `interest`) and
"Propose one" (verb `suggest`). Ids from buttons can be forged: every handler checks that the
question or suggestion belongs to this community (and the question to this member).
Each "I'm in" updates the count on the card (the suggestion row keeps its message id), and
members who are in hear by DM when a meetup is proposed around that place
(`after_meetup_proposed`, called by bot/handlers/meetups.py).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot import actions, render
from bot.actions import Action
from bot.domain import suggestions as rules
from bot.domain.community import Community
from bot.domain.meetups import Meetup
from bot.domain.refusal import Refusal
from bot.domain.suggestions import (
    CityGrid,
    Decision,
    Nearby,
    PastSuggestion,
    Rules,
    Spot,
)
from bot.handlers.context import Ctx, Services
from bot.handlers.feature import Feature
from bot.handlers.meetups import propose_form
from bot.nlp import places
from bot.nlp.places import City, city_by_id
from bot.outbox import Delivery
from bot.ports import ChatError
from bot.render import prose
from bot.store.store import Store
from bot.store.watcher import SuggestionRow
from bot.types import (
    Bold,
    Button,
    CommandInvoked,
    Field,
    Mention,
    MessageRef,
    MessageSeen,
    Outgoing,
    Place,
    Segment,
    Text,
    UserRef,
)

if TYPE_CHECKING:
    from bot.nlp.statements import Statement

log = logging.getLogger(__name__)

NOT_YOUR_QUESTION = (
    "That question isn't one I asked you in this community (it may have been for someone "
    "else, or deleted with /meetup forget). Nothing was changed."
)
NO_SUGGESTION = (
    "There is no such meetup suggestion in this community. Nothing was changed. "
    "`/meetup propose` starts a meetup anytime."
)
SHOWN_NAMES = 10


def community_rules(community: Community) -> Rules:
    return Rules(
        community.suggest_threshold,
        float(community.suggest_radius_km),
        community.suggest_cooldown_days,
    )


def spot(city: City) -> Spot:
    return Spot(city.id, city.latitude, city.longitude, city.population)


@functools.cache
def city_grid() -> CityGrid:
    """Every gazetteer city in a grid (static data, built once, on first use)."""
    return CityGrid(spot(c) for c in places.all_cities())


# --- chat messages ------------------------------------------------------------------------------


async def on_message(ctx: Ctx) -> None:
    event = ctx.event
    # Imported on the first message (or by the app's warm-up): its tables cost a console
    # script that watches nothing a tenth of a second.
    from bot.nlp import statements

    if not isinstance(event, MessageSeen) or not statements.might_matter(event.text):
        ctx.outcome = "ignored"
        return
    if not await ctx.store.is_watched(ctx.community.id, event.place.channel_id):
        ctx.outcome = "ignored"
        return
    found = statements.read(event.text, now=ctx.local_now())
    outcome = "ignored"
    for st in found:
        if st.kind in ("home", "trip") and st.city is not None and await _maybe_ask(ctx, st):
            outcome = "asked"
            break
    if any(st.kind == "intent" for st in found) and await _intent(ctx):
        outcome = "suggested"
    ctx.outcome = outcome


async def _meant(ctx: Ctx, city: City, sentence: str) -> tuple[City, ...]:
    """The cities the member may mean: one, or comparable namesakes to ask among (a bare
    "Springfield"). Members' homes (the speaker's own first) are read only for names that
    have namesakes."""
    if len(places.namesakes(city)) < 2:
        return (city,)
    ids = {m.home_city_id for m in await ctx.store.homes(ctx.community.id) if m.home_city_id}
    homes = tuple(c for c in (city_by_id(i) for i in sorted(ids)) if c is not None)
    country = places.country_of_zone(ctx.community.timezone)
    me = await ctx.store.member(ctx.community.id, ctx.user.id)
    own = city_by_id(me.home_city_id) if me is not None and me.home_city_id else None
    return places.meant_cities(
        city, sentence, homes=homes, prefer_country=country, own_home=own
    )


async def _maybe_ask(ctx: Ctx, st: Statement) -> bool:
    assert st.city is not None
    choices = await _meant(ctx, st.city, st.text)
    city = choices[0]
    store, cid, uid = ctx.store, ctx.community.id, ctx.user.id
    now = ctx.now()
    today = ctx.local_now().date()
    last, history = await store.watcher_history(cid, uid)
    if rules.may_ask(history, last, city.id, now) is not None:
        return False
    member = await store.member(cid, uid)
    if member is not None and member.home_city_id == city.id:
        return False  # already counted there
    days: tuple[date, date] | None = None
    if st.kind == "trip":
        days = rules.trip_days(st.first_day, st.last_day, today)
        if days is None:
            return False  # no dates to count it for, or not a trip we would store
        for other_city, first, last_day in await store.trips_of(cid, uid, today):
            if other_city == city.id and rules.overlaps(first, last_day, *days):
                return False
    qid = await store.ask_place_question(
        cid,
        uid,
        ctx.user.name or uid,
        city_id=city.id,
        kind=st.kind,
        first_day=days[0] if days else None,
        last_day=days[1] if days else None,
        now=now,
        allowed=lambda asked, last_at: rules.may_ask(asked, last_at, city.id, now) is None,
        channel_id=ctx.place.channel_id,
    )
    if qid is None:
        return False
    try:
        await ctx.reply(question_card(qid, city, days, choices))
    except ChatError as exc:
        log.warning("could not ask a member about a place: %s", exc)
    return True


def question_card(
    question_id: int, city: City, days: tuple[date, date] | None, choices: Sequence[City] = ()
) -> Outgoing:
    """The private question; with several `choices` (namesakes), one Yes button each."""
    if days is None:
        ask = f"Count you as {city.name}-based for meetup suggestions?"
    else:
        ask = f"Count you as in {city.name} {rules.day_span(*days)} for meetup suggestions?"
    if len(choices) > 1:
        return _choice_card(question_id, city, ask, choices)
    return Outgoing(
        body=(
            Bold(ask),
            *prose(
                "\nOnly you can see this. Nothing is stored unless you say yes; counts are "
                "public, your name only if you allow it (`/meetup privacy`)."
            ),
        ),
        fields=(Field("Place", (Text(city.label),)),),
        buttons=(
            Button("Yes", actions.encode("place", question_id, "yes", city.id), "primary"),
            Button("No", actions.encode("place", question_id, "no", city.id)),
            Button("Don't ask again", actions.encode("place", question_id, "never", city.id)),
        ),
        ephemeral=True,
    )


def _choice_card(question_id: int, city: City, ask: str, choices: Sequence[City]) -> Outgoing:
    """Several places share the name: the member picks one (or none), we don't guess."""
    picks = tuple(
        Button(c.label, actions.encode("place", question_id, "yes", c.id), "primary")
        for c in choices
    )
    return Outgoing(
        body=(
            Bold(ask),
            *prose(
                f"\nThere are several places called {city.name}; pick yours, or No. Only you "
                "can see this. Nothing is stored unless you pick one; counts are public, your "
                "name only if you allow it (`/meetup privacy`)."
            ),
        ),
        buttons=(
            *picks,
            Button("No", actions.encode("place", question_id, "no", city.id)),
            Button("Don't ask again", actions.encode("place", question_id, "never", city.id)),
        ),
        ephemeral=True,
    )


async def _intent(ctx: Ctx) -> bool:
    member = await ctx.store.member(ctx.community.id, ctx.user.id)
    if member is None or member.home_city_id is None:
        return False
    sid = await suggest_around(
        ctx.services,
        ctx.community,
        member.home_city_id,
        ctx.place,
        rules.intent_rules(community_rules(ctx.community)),
    )
    return sid is not None


# --- answers to the question --------------------------------------------------------------------


async def answer(ctx: Ctx, action: Action) -> None:
    question_id = action.int_arg(0)
    choice = action.args[1]
    city_id = action.int_arg(2)
    if choice not in rules.ANSWERS:
        raise Refusal("That answer is not one of Yes, No or Don't ask again. Nothing was changed.")
    asked = await ctx.store.place_question(question_id)
    if asked is None or not _may_pick(asked.city_id, city_id, choice):
        raise Refusal(NOT_YOUR_QUESTION)
    outcome = await ctx.store.answer_place_question(
        question_id,
        ctx.community.id,
        ctx.user.id,
        ctx.user.name or ctx.user.id,
        choice,
        today=ctx.local_now().date(),
        now=ctx.now(),
        city_id=city_id,
    )
    if outcome is None:
        raise Refusal(NOT_YOUR_QUESTION)
    q = outcome.question
    city = city_by_id(q.city_id)
    label = city.label if city else "that place"
    if not outcome.applied:
        words = {"yes": "Yes", "no": "No", "never": "Don't ask again"}
        await ctx.say(
            f"You already answered that question ({words.get(q.answer or '', '?')}). "
            "Change your places with `/meetup home` and `/meetup travel`."
        )
        ctx.outcome = "already"
        return
    if choice == "no":
        await ctx.say(f"OK, I won't count you in {label}, and I won't ask about it again.")
        return
    if choice == "never":
        await ctx.say(
            "OK, I won't ask you about places again. You can still set them yourself with "
            "`/meetup home` and `/meetup travel`."
        )
        return
    if q.kind == "home":
        await ctx.say(
            f"Noted: your home city is {label}. Only counts are public; your name shows only "
            "if you allow it (`/meetup privacy`). Change it with `/meetup home`."
        )
    elif outcome.trip_added and q.first_day and q.last_day:
        today = ctx.local_now().date()
        span = rules.day_span(max(q.first_day, today), q.last_day)
        await ctx.say(f"Noted: you'll be in {label} {span}. Members there see a count, not you.")
    else:
        await ctx.say(f"Those days in {label} are over, so I didn't add the trip.")
        return
    # Back to the watched channel where the member said it (the click may come from a DM).
    post_to = None
    if q.channel_id and await ctx.store.is_watched(ctx.community.id, q.channel_id):
        post_to = Place(ctx.community.platform, ctx.community.workspace_id, q.channel_id)
    await suggest_around(
        ctx.services, ctx.community, q.city_id, post_to, community_rules(ctx.community)
    )


def _may_pick(asked_id: int, picked_id: int, choice: str) -> bool:
    """The asked city, or (Yes only) one of its namesakes the question offered."""
    if picked_id == asked_id:
        return True
    asked = city_by_id(asked_id)
    if choice != "yes" or asked is None:
        return False
    return any(c.id == picked_id for c in places.namesakes(asked))


# --- after a change of who is where ---------------------------------------------------------------


async def after_location_change(ctx: Ctx) -> None:
    """Called after `/meetup home` and `/meetup travel` (bot/handlers/members.py)."""
    store, cid, uid = ctx.store, ctx.community.id, ctx.user.id
    city_id: int | None = None
    if isinstance(ctx.event, CommandInvoked) and ctx.event.name == "travel":
        trip = await store.latest_trip(cid, uid)
        city_id = trip[0] if trip else None
    else:
        member = await store.member(cid, uid)
        city_id = member.home_city_id if member else None
    if city_id is not None:
        await suggest_around(
            ctx.services, ctx.community, city_id, ctx.place, community_rules(ctx.community)
        )


async def evaluate(
    store: Store, community: Community, center: City, r: Rules, now: datetime
) -> tuple[Decision | None, Nearby]:
    """Load what lies around `center` and decide (no writes)."""
    today = now.astimezone(ZoneInfo(community.timezone)).date()
    c = spot(center)
    around = city_grid().near(c, 2 * r.radius_km)
    ids = [s.city_id for s in around]
    reach = 2 * r.radius_km  # meetups near any anchor, and anchors lie near the center
    dlat = reach / rules.KM_PER_DEGREE
    span = rules.lon_span(c.latitude, reach)
    got = await store.surroundings(
        community.id,
        ids,
        now=now,
        since=now - timedelta(days=r.cooldown_days),
        latitudes=(c.latitude - dlat, c.latitude + dlat),
        longitudes=None
        if abs(c.longitude) + span >= 180
        else (c.longitude - span, c.longitude + span),
    )
    cities = {s.city_id: s for s in around}
    cities[c.city_id] = c
    _add_cities(cities, (p.city_id for p in got.suggestions))
    _add_cities(cities, got.homes.keys())
    near = Nearby(cities, got.homes, (), got.meetups, got.suggestions)
    decision = rules.decide(c, near, r, today=today, now=now, populous=around)
    if decision is not None or not rules.open_anchors(c, near, r, now, populous=around):
        return decision, near  # home clusters win; and trips cannot lift a cooldown
    trips = await store.trips_around(
        community.id, ids, today, today + timedelta(days=rules.TRIP_HORIZON_DAYS)
    )
    if not trips:
        return None, near
    _add_cities(cities, (t.city_id for t in trips))
    near = Nearby(cities, got.homes, trips, got.meetups, got.suggestions)
    return rules.decide(c, near, r, today=today, now=now, populous=around), near


def _add_cities(cities: dict[int, Spot], ids: Iterable[int]) -> None:
    for city_id in ids:
        if city_id not in cities:
            city = city_by_id(city_id)
            if city is not None:
                cities[city_id] = spot(city)


async def suggest_around(
    services: Services, community: Community, city_id: int, post_to: Place | None, r: Rules
) -> int | None:
    """Decide around the city; when a suggestion is due, record it and post its card in
    `post_to`. Returns the suggestion's id."""
    center = city_by_id(city_id)
    if center is None or post_to is None:
        return None
    decision, near = await evaluate(services.store, community, center, r, services.clock.now())
    if decision is None:
        return None
    store, now = services.store, services.clock.now()
    anchor = decision.anchor

    def still_due(recent: Sequence[PastSuggestion]) -> bool:
        cities = dict(near.cities)
        _add_cities(cities, (p.city_id for p in recent))
        return not rules.cooling_down(anchor, Nearby(cities, {}, suggestions=recent), r, now)

    sid = await store.record_suggestion(
        community.id,
        city_id=anchor.city_id,
        channel_id=post_to.channel_id,
        first_day=decision.first_day,
        last_day=decision.last_day,
        member_count=decision.count,
        now=now,
        since=now - timedelta(days=r.cooldown_days),
        still_due=still_due,
    )
    if sid is None:
        return None
    names = await store.named_members(
        community.id, decision.home_city_ids, decision.traveller_ids, SHOWN_NAMES
    )
    card = suggestion_card(sid, decision, names, community.platform)
    place = Place(post_to.platform, post_to.workspace_id, post_to.channel_id)
    try:
        ref = await services.outbox.post(place, card)
    except ChatError as exc:
        log.warning("could not post a meetup suggestion in %s: %s", place.channel_id, exc)
        await store.drop_suggestion(sid)
        return None
    await store.set_suggestion_message(sid, ref.message_id)
    log.info(
        "community=%s suggestion=%s city=%s members=%s trip=%s",
        community.id,
        sid,
        anchor.city_id,
        decision.count,
        decision.is_trip,
    )
    return sid


def _label(city_id: int) -> str:
    city = city_by_id(city_id)
    return city.label if city else f"city {city_id}"


def _names(names: Sequence[tuple[str, str]], platform: str, total: int) -> list[Segment]:
    out: list[Segment] = []
    for i, (user_id, name) in enumerate(names):
        out += [Text(", " if i else ""), Mention(UserRef(platform, user_id, name))]
    if out and total > len(names):
        out.append(Text(f" and {total - len(names)} more"))
    return out


def suggestion_card(
    suggestion_id: int,
    d: Decision,
    names: Sequence[tuple[str, str]],
    platform: str,
) -> Outgoing:
    """The card as first posted: who is around (consenting names), nobody in yet."""
    return idea_card(
        suggestion_id, d.anchor.city_id, d.first_day, d.last_day, d.count, platform, among=names
    )


def idea_card(
    suggestion_id: int,
    city_id: int,
    first_day: date | None,
    last_day: date | None,
    count: int,
    platform: str,
    *,
    among: Sequence[tuple[str, str]] = (),
    in_count: int = 0,
    in_names: Sequence[tuple[str, str]] = (),
) -> Outgoing:
    """A suggestion card. Re-rendered on each "I'm in" from the stored row, which does not
    keep who was around, so updated cards name those who are in instead."""
    where = _label(city_id)
    when = f" on {rules.day_span(first_day, last_day)}" if first_day and last_day else ""
    body: list[Segment] = [
        Bold(f"{count} members"),
        Text(f" are around {where}{when} — how about a meetup?"),
    ]
    shown = _names(among, platform, count)
    if shown:
        body += [Text("\nAmong them: "), *shown, Text(".")]
    body.append(Text("\nClick I'm in to count yourself in, or Propose one to pick a date."))
    in_text: list[Segment] = [Text(f"{in_count}" if in_count else "nobody yet")]
    named_in = _names(in_names, platform, in_count)
    if named_in:
        in_text += [Text(": "), *named_in]
    return Outgoing(
        title="Meetup idea",
        body=tuple(body),
        fields=(Field("I'm in", tuple(in_text)),),
        buttons=(
            Button("I'm in", actions.encode("interest", suggestion_id), "primary"),
            Button("Propose one", actions.encode("suggest", suggestion_id)),
        ),
    )


# --- the suggestion's buttons ---------------------------------------------------------------------


async def interest(ctx: Ctx, action: Action) -> None:
    sid = action.int_arg(0)
    s = await ctx.store.suggestion(sid)
    if s is None or s.community_id != ctx.community.id:
        raise Refusal(NO_SUGGESTION)
    added, count = await ctx.store.add_interest(sid, ctx.user.id, ctx.now())
    threshold = ctx.community.suggest_threshold
    where = _label(s.city_id)
    if not added:
        await ctx.say(f"You're already in for {where} ({count} so far).")
        ctx.outcome = "already"
        return
    await _update_idea_card(ctx, s, count)
    # "I'm in" there follows the area (bot/handlers/follows.py); a follow made by hand stays
    await ctx.store.add_follow(
        ctx.community.id, ctx.user.id, s.city_id, ctx.community.suggest_radius_km, ctx.now(),
        source="interest",
    )
    if count < threshold:
        await ctx.say(f"You're in for a meetup around {where}: {count} of {threshold} so far.")
        return
    await ctx.say(
        f"You're in for a meetup around {where}: {count} people are in. Click Propose one "
        "to pick a date and place."
    )
    if count == threshold:
        await _enough_in(ctx, s.id, s.channel_id, s.first_day, s.last_day, where, count)


async def _named_in(ctx: Ctx, sid: int) -> list[tuple[str, str]]:
    """(user id, name) of the members in for the suggestion who allow their name."""
    users = await ctx.store.interested(sid)
    members = await ctx.store.members(ctx.community.id, users)
    return [(u, members[u].name) for u in users if u in members and members[u].show_name]


async def _update_idea_card(ctx: Ctx, s: SuggestionRow, count: int) -> None:
    """Show the new "I'm in" count on the suggestion's card."""
    if s.message_id is None:
        return  # posted before cards were remembered
    platform = ctx.community.platform
    card = idea_card(
        s.id,
        s.city_id,
        s.first_day,
        s.last_day,
        s.member_count,
        platform,
        in_count=count,
        in_names=(await _named_in(ctx, s.id))[:SHOWN_NAMES],
    )
    place = Place(platform, ctx.community.workspace_id, s.channel_id)
    try:
        await ctx.services.outbox.update(MessageRef(place, s.message_id), card)
    except ChatError as exc:
        log.warning("could not update suggestion card %s: %s", s.id, exc)


async def _enough_in(
    ctx: Ctx,
    sid: int,
    channel_id: str,
    first: date | None,
    last: date | None,
    where: str,
    count: int,
) -> None:
    """Tell the channel (whoever will organize) that the threshold is reached."""
    named = await _named_in(ctx, sid)
    when = f" on {rules.day_span(first, last)}" if first and last else ""
    body: list[Segment] = [
        Bold(f"{count} members are in"),
        Text(f" for a meetup around {where}{when}!"),
    ]
    shown = _names(named[:SHOWN_NAMES], ctx.community.platform, count)
    if shown:
        body += [Text(" "), *shown, Text(".")]
    body.append(Text(" Who organizes? Click Propose one to pick a date and place."))
    platform = ctx.community.platform
    ping = tuple(UserRef(platform, u, n) for u, n in named[:SHOWN_NAMES])
    place = Place(platform, ctx.community.workspace_id, channel_id)
    try:
        await ctx.services.outbox.post(
            place,
            Outgoing(
                body=tuple(body),
                buttons=(Button("Propose one", actions.encode("suggest", sid), "primary"),),
                ping=ping,
            ),
        )
    except ChatError as exc:
        log.warning("could not announce enough interest in %s: %s", channel_id, exc)


# --- a meetup proposed where members said I'm in ------------------------------------------------


async def interested_near(ctx: Ctx, m: Meetup) -> dict[str, rules.Interest]:
    """The members (not the proposer) who clicked I'm in on a meetup idea around the new
    meetup's place and days, with that idea."""
    store, community = ctx.store, ctx.community
    since = ctx.now() - timedelta(days=rules.INTEREST_DAYS)
    ideas = [
        rules.Interest(spot(city), row.first_day, row.last_day, tuple(users))
        for row, users in await store.interest_since(community.id, since)
        if (city := city_by_id(row.city_id)) is not None
    ]
    if not ideas:
        return {}
    times = [m.starts_at] if m.starts_at else [o.starts_at for o in await store.poll_options(m.id)]
    days = [t.astimezone(ctx.zone).date() for t in times]
    here = Spot(m.city_id, m.latitude, m.longitude)
    radius = float(community.suggest_radius_km)
    found = rules.interested_in(here, days, ideas, radius)
    found.pop(ctx.user.id, None)
    return found


async def tell_interested(ctx: Ctx, m: Meetup) -> None:
    """DM the members who clicked I'm in on a meetup idea around the new meetup's place
    (not the proposer). Closed DMs are skipped: this is a courtesy, not a channel post."""
    store, community = ctx.store, ctx.community
    found = await interested_near(ctx, m)
    if not found:
        return
    times = [m.starts_at] if m.starts_at else [o.starts_at for o in await store.poll_options(m.id)]
    known = await store.members(community.id, found)
    deliveries = [
        Delivery(
            UserRef(community.platform, u, known[u].name if u in known else u),
            _proposed_nearby(m, idea.anchor.city_id, ctx.community.timezone, len(times)),
        )
        for u, idea in found.items()
    ]
    await ctx.services.outbox.dm_many(deliveries, None, ())


def _proposed_nearby(m: Meetup, idea_city_id: int, zone: str, options: int) -> Outgoing:
    body: list[Segment] = [
        Text(f"You said I'm in for a meetup around {_label(idea_city_id)}: "),
        Bold(f"#{m.id} {m.title}"),
        Text(f" was just proposed in {m.city_label}"),
    ]
    if m.starts_at:
        body += [Text(" for "), render.at(m, m.starts_at, zone)]
    else:
        body.append(Text(f" as a date poll with {options} options"))
    body += prose(f". Answer on its card in the channel, or see it with `/meetup show id:{m.id}`.")
    return Outgoing(body=tuple(body))


async def propose_from_suggestion(ctx: Ctx, action: Action) -> None:
    sid = action.int_arg(0)
    s = await ctx.store.suggestion(sid)
    if s is None or s.community_id != ctx.community.id:
        raise Refusal(NO_SUGGESTION)
    if ctx.community.who_proposes == "admins" and not ctx.is_admin:
        raise Refusal(
            "In this community only admins can propose meetups. Ask an admin to click "
            "Propose one, or to allow everyone with `/meetup settings who-proposes:everyone`."
        )
    city = city_by_id(s.city_id)
    when = ""
    if s.first_day and s.last_day:
        when = " | ".join(rules.evening_options(s.first_day, s.last_day, ctx.local_now()))
    form = propose_form(
        city=city.label if city else "",
        when=when,
        title=f"Meetup in {city.name}"[:100] if city else "",
    )
    await ctx.services.outbox.open_form(ctx.event, form)
    ctx.outcome = "form"


async def _own_question(services: Services, action: Action, user_id: str) -> Community | None:
    """A place question clicked in a DM: the community it was asked in, if it was theirs."""
    q = await services.store.place_question(action.int_arg(0))
    if q is None or q.user_id != user_id:
        return None
    return await services.store.community_by_id(q.community_id)


FEATURE = Feature(
    "watcher",
    actions={"place": answer, "interest": interest, "suggest": propose_from_suggestion},
    direct_actions={"place": _own_question},
    on_message=on_message,
    after_location_change=after_location_change,
    after_meetup_proposed=tell_interested,
)
