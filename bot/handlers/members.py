"""A member's own settings: home city, trips, who is nearby, privacy, reminders, forget."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta

from bot import actions
from bot.actions import Action
from bot.domain.community import Member
from bot.domain.geo import distance_km
from bot.domain.refusal import Refusal
from bot.domain.reminders import format_leads, parse_leads
from bot.domain.suggestions import check_trip, day_span
from bot.handlers import cities
from bot.handlers.cards import refresh_cards
from bot.handlers.context import Ctx
from bot.handlers.feature import Feature
from bot.handlers.parsing import city_hints, parse_city, read_city
from bot.handlers.reminders import effective_leads, reschedule_all_reminders
from bot.handlers.rsvps import offer_job, send_offers
from bot.nlp import dates
from bot.nlp.places import city_by_id
from bot.render import prose
from bot.types import Bold, Button, Mention, Outgoing, Segment, Text, UserRef

CLEAR_WORDS = ("none", "clear", "off", "remove", "-")
MAX_TRIP_BUTTONS = 10  # Discord and Slack allow 25 buttons; a list stays readable


async def home(ctx: Ctx, options: Mapping[str, str]) -> None:
    raw = options.get("city", "").strip()
    if not raw:
        await _show_home(ctx)
        return
    await ctx.member()
    if raw.lower() in CLEAR_WORDS:
        await _clear_home(ctx)
        return
    found = read_city(raw, await city_hints(ctx.store, ctx.community, raw))
    assert found.city is not None
    await cities.set_home(ctx, found.city, found.alternatives)


async def _show_home(ctx: Ctx) -> None:
    member = await ctx.store.member(ctx.community.id, ctx.user.id)
    city = city_by_id(member.home_city_id) if member and member.home_city_id else None
    if city is None:
        await ctx.say(
            "You have no home city set. Set one with `/meetup home city:<your city>`; it only "
            "counts you towards meetup suggestions near it."
        )
        return
    await ctx.reply(
        Outgoing(
            body=(
                Text("Your home city: "),
                Bold(city.label),
                *prose(
                    ". Others see only a count of members near it; your name only if you "
                    "allow it (`/meetup privacy`). Change it with `/meetup home city:<city>`."
                ),
            ),
            buttons=(Button("Remove my home city", actions.encode("drophome"), "danger"),),
            ephemeral=True,
        )
    )


async def _clear_home(ctx: Ctx) -> None:
    await ctx.store.save_member(
        ctx.community.id, ctx.user.id, ctx.user.name, ctx.now(), home_city_id=None
    )
    await ctx.say("Cleared your home city. You won't count towards suggestions anywhere.")


async def drop_home(ctx: Ctx, action: Action) -> None:
    """The Remove button under `/meetup home`."""
    await ctx.member()
    await _clear_home(ctx)


async def travel(ctx: Ctx, options: Mapping[str, str]) -> None:
    raw = options.get("when", "").strip()
    if not raw and not options.get("city", "").strip():
        await _list_trips(ctx)
        return
    raw_city = options.get("city", "")
    city = parse_city(raw_city, await city_hints(ctx.store, ctx.community, raw_city))
    if not raw:
        raise Refusal('When are you there? e.g. when:"March 3-5" or when:"next week".')
    found = dates.parse_when(raw[:200], now=ctx.local_now(), meetup=False)
    if found is None:
        raise Refusal(
            f'I couldn\'t read {raw[:60]!r} as dates. Try when:"Dec 3-5", '
            'when:"next week" or when:"2026-12-03".'
        )
    first = found.start.date()
    last = ((found.end - timedelta(microseconds=1)) if found.end else found.start).date()
    stay_from, stay_to = check_trip(first, last, ctx.local_now().date())
    await ctx.member()
    await ctx.store.add_trip(ctx.community.id, ctx.user.id, city.id, stay_from, stay_to, ctx.now())
    span = f"{first:%a %d %b}" if first == last else f"{first:%a %d %b} to {last:%a %d %b %Y}"
    await ctx.say(
        f"Noted: you'll be in {city.label} {span}. Members there will see that one more "
        "person is around; your name only if you allow it."
    )
    await _after_location_change(ctx)


async def _list_trips(ctx: Ctx) -> None:
    today = ctx.local_now().date()
    trips = await ctx.store.trips_with_ids(ctx.community.id, ctx.user.id, today)
    if not trips:
        await ctx.say(
            'You have no trips coming up. Add one: `/meetup travel city:Chicago when:"Mar 3-5"`.'
        )
        return
    names = [_city_name(city_id) for _, city_id, _, _ in trips]
    body: list[Segment] = [Bold("Your trips")]
    buttons: list[Button] = []
    for (trip_id, city_id, first, last), name in zip(trips, names, strict=True):
        span = day_span(max(first, today), last)
        body.append(Text(f"\n• {_city_label(city_id)}: {span}"))
        if len(buttons) < MAX_TRIP_BUTTONS:
            label = f"Remove {name}" + (f" {span}" if names.count(name) > 1 else "")
            buttons.append(Button(label[:80], actions.encode("droptrip", trip_id), "danger"))
    if len(trips) > MAX_TRIP_BUTTONS:
        body.append(Text(f"\nRemove buttons for the first {MAX_TRIP_BUTTONS}; remove some to "
                         "see the others."))
    body.append(Text("\nOthers see only how many members are around a city, not who."))
    await ctx.reply(Outgoing(body=tuple(body), buttons=tuple(buttons), ephemeral=True))


def _city_name(city_id: int) -> str:
    city = city_by_id(city_id)
    return city.name if city else "a city I no longer know"


def _city_label(city_id: int) -> str:
    city = city_by_id(city_id)
    return city.label if city else "a city I no longer know"


async def drop_trip(ctx: Ctx, action: Action) -> None:
    """A Remove button under `/meetup travel`: only the member's own trip."""
    city_id = await ctx.store.remove_trip(ctx.community.id, ctx.user.id, action.int_arg(0))
    if city_id is None:
        raise Refusal(
            "That is not one of your trips (it may be removed already). "
            "`/meetup travel` lists yours."
        )
    await ctx.say(f"Removed your trip to {_city_label(city_id)}.")


async def _after_location_change(ctx: Ctx) -> None:
    """The watcher decides whether a meetup suggestion is now due (when it is installed)."""
    if ctx.services.after_location_change is not None:
        await ctx.services.after_location_change(ctx)


async def nearby(ctx: Ctx, options: Mapping[str, str]) -> None:
    member = await ctx.member()
    radius = ctx.community.suggest_radius_km
    if options.get("radius", "").strip():
        try:
            radius = int(options["radius"])
        except ValueError:
            raise Refusal("radius must be a number of kilometres, like radius:100.") from None
        if not 1 <= radius <= 2000:
            raise Refusal("radius must be between 1 and 2000 km.")
    if member.home_city_id is None:
        raise Refusal("Set your home city first: `/meetup home city:<your city>`.")
    mine = city_by_id(member.home_city_id)
    if mine is None:
        raise Refusal("I can't find your home city any more; set it again with `/meetup home`.")
    near = []
    for other in await ctx.store.homes(ctx.community.id):
        if other.user_id == ctx.user.id or other.home_city_id is None:
            continue
        city = city_by_id(other.home_city_id)
        if (
            city
            and distance_km(mine.latitude, mine.longitude, city.latitude, city.longitude) <= radius
        ):
            near.append(other)
    if not near:
        await ctx.say(f"No other members have set a home within {radius} km of {mine.label} yet.")
        return
    shown = [m for m in near if m.show_name]
    body: list[Segment] = [
        Bold(f"{len(near)} other member{'s' if len(near) != 1 else ''}"),  # you not counted
        Text(f" within {radius} km of {mine.label}"),
    ]
    if shown:
        body.append(Text(": "))
        for i, m in enumerate(shown[:20]):
            body += [
                Text(", " if i else ""),
                Mention(UserRef(ctx.user.platform, m.user_id, m.name)),
            ]
        if len(near) > len(shown[:20]):
            body.append(Text(f" and {len(near) - len(shown[:20])} who keep their name private"))
    body += prose(". Propose something: `/meetup propose`.")
    await ctx.reply(Outgoing(body=tuple(body), ephemeral=True))


async def privacy(ctx: Ctx, options: Mapping[str, str]) -> None:
    raw = options.get("show-name", "").strip().lower()
    if raw not in ("yes", "no"):
        raise Refusal(
            "Use `/meetup privacy show-name:yes` to show your name on cards, or "
            "show-name:no to keep it private (counts are always public)."
        )
    await ctx.member()
    await ctx.store.save_member(
        ctx.community.id, ctx.user.id, ctx.user.name, ctx.now(), show_name=raw == "yes"
    )
    await ctx.say(
        "Your name will show on meetup cards and in nearby lists."
        if raw == "yes"
        else "Your name is hidden: cards and lists count you without naming you."
    )


async def reminders(ctx: Ctx, options: Mapping[str, str]) -> None:
    raw = options.get("lead", "").strip()
    if not raw:
        member = await ctx.store.member(ctx.community.id, ctx.user.id)
        await ctx.say(
            _leads_sentence(ctx, member)
            + ' Change them with `/meetup reminders lead:"1d,2h"` (each from 5 minutes to 2 '
            "weeks before), lead:off, or lead:default for the community's."
        )
        return
    leads: tuple[int, ...] | None = None if raw.lower() == "default" else parse_leads(raw)
    await ctx.member()
    member = await ctx.store.save_member(
        ctx.community.id, ctx.user.id, ctx.user.name, ctx.now(), reminder_leads=leads
    )
    await reschedule_all_reminders(ctx.services, ctx.community, ctx.user.id)
    await ctx.say(_leads_sentence(ctx, member))


def _leads_sentence(ctx: Ctx, member: Member | None) -> str:
    leads = effective_leads(ctx.community, member)
    default = member is None or member.reminder_leads is None
    text = (
        f"Your reminders: {format_leads(leads)} before each meetup you're going to"
        if leads
        else "Your reminders are off"
    )
    return text + (" (the community's default)." if default else ".")


async def forget(ctx: Ctx, options: Mapping[str, str]) -> None:
    await ctx.reply(
        Outgoing(
            body=(
                Bold("Delete everything Tweetup stores about you in this community?"),
                Text(
                    " Your home city, trips, votes, RSVPs, reminders, answers to my questions, "
                    "greeter sign-up, first-meetup marks and door-buddy requests will be "
                    "deleted. Meetups you organized stay for the others, without your name. "
                    "This can't be undone."
                ),
            ),
            buttons=(
                Button("Yes, delete it all", actions.encode("forget", "yes"), "danger"),
                Button("Keep my data", actions.encode("forget", "no")),
            ),
            ephemeral=True,
        )
    )


async def forget_confirmed(ctx: Ctx, action: Action) -> None:
    if action.args[0] != "yes":
        await ctx.say("Nothing was deleted.")
        return
    # every card that shows this member (not only the first page of `/meetup mine`)
    touched = await ctx.store.meetups_of(ctx.community.id, ctx.user.id, ctx.now(), limit=10_000)
    if ctx.services.before_forget is not None:  # e.g. a door buddy replaced, a first-timer told
        await ctx.services.before_forget(ctx)
    # Seats held are passed to the waitlist inside the deletion's transaction (a seat offered
    # a moment ago is not lost); then the members offered them are told.
    forgotten = await ctx.store.forget_member(
        ctx.community.id, ctx.user.id, ctx.now(), ctx.community.offer_hours,
        offer_job(ctx.community),
    )
    counts = forgotten.counts
    for offered in forgotten.offered:
        m = await ctx.store.meetup(offered.meetup_id)
        if m is not None:
            await send_offers(ctx.services, ctx.community, m, [offered])
    for meetup_id in {m.id for m, _ in touched} | {r.meetup_id for r in forgotten.offered}:
        await refresh_cards(ctx.services, ctx.community, meetup_id)
    done = forget_summary(counts)
    await ctx.say(
        "Deleted: "
        + (done or "nothing was stored about you")
        + ". If you use Tweetup again, it starts from scratch."
    )


# What /meetup forget deleted, in words: (singular, plural) per kind; None: not worth saying
# (the profile is implied, event ids and counters are bookkeeping).
_FORGOTTEN: dict[str, tuple[str, str] | None] = {
    "members": None,
    "trips": ("trip", "trips"),
    "votes": ("poll vote", "poll votes"),
    "rsvps": ("RSVP", "RSVPs"),
    "jobs": ("pending reminder", "pending reminders"),
    "place_questions": ("question about your places", "questions about your places"),
    "suggestion_interest": ("meetup idea you were in for", "meetup ideas you were in for"),
    "meetups_anonymised": (
        "meetup you organized (it stays, without your name)",
        "meetups you organized (they stay, without your name)",
    ),
    "series_always": ("series you always came to", "series you always came to"),
    "series_anonymised": (
        "series you organized (it stays, for the admins to run)",
        "series you organized (they stay, for the admins to run)",
    ),
    "processed_events": None,
    "greeters": ("greeter sign-up", "greeter sign-ups"),
    "first_timers": ("first-meetup mark", "first-meetup marks"),
    "buddy_requests": ("door-buddy request", "door-buddy requests"),
    "buddy_asks": ("door-buddy ask you answered", "door-buddy asks you answered"),
    "come_again": ('"come again?" answer', '"come again?" answers'),
    "followed_areas": ("area you followed", "areas you followed"),
    "native_interest": (
        "Interested click on a Discord event", "Interested clicks on Discord events"
    ),
}


def forget_summary(counts: Mapping[str, int]) -> str:
    """ "your profile, 2 trips, 3 RSVPs" from rows deleted per kind."""
    parts = ["your profile"] if counts.get("members") else []
    for kind, n in counts.items():
        words = _FORGOTTEN.get(kind, ("other record", "other records"))
        if n and words is not None:
            parts.append(f"{n} {words[0] if n == 1 else words[1]}")
    return ", ".join(parts)


FEATURE = Feature(
    "members",
    commands={
        "home": home,
        "travel": travel,
        "nearby": nearby,
        "privacy": privacy,
        "reminders": reminders,
        "forget": forget,
    },
    actions={"forget": forget_confirmed, "drophome": drop_home, "droptrip": drop_trip},
)
