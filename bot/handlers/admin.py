"""Community settings, for admins."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from bot.domain.export import redact
from bot.domain.pages import parse_invite
from bot.domain.refusal import Refusal
from bot.domain.reminders import format_leads, parse_leads
from bot.handlers.context import Ctx
from bot.handlers.feature import Feature
from bot.handlers.parsing import parse_zone
from bot.handlers.reminders import reschedule_all_reminders
from bot.nlp.places import city_by_id
from bot.types import Attachment, Outgoing, Text

EXPORT_ABOUT = (
    "Tweetup's data for this community; docs/privacy.md says what each part is. Homes, trips "
    "and meetup-idea sign-ups of members who keep their name private are counted per city "
    "(homes_by_area, trips_by_area, suggestion_interest_counts), not listed; the watcher's "
    "questions never name a place."
)

_YES_NO = {"yes": True, "no": False, "on": True, "off": False}


def _int(options: Mapping[str, str], key: str, low: int, high: int) -> int:
    try:
        value = int(options[key].strip())
    except ValueError:
        raise Refusal(f"{key} must be a whole number from {low} to {high}.") from None
    if not low <= value <= high:
        raise Refusal(f"{key} must be from {low} to {high}.")
    return value


def _choice(options: Mapping[str, str], key: str, allowed: tuple[str, ...]) -> str:
    value = options[key].strip().lower()
    if value not in allowed:
        raise Refusal(f"{key} must be one of: {', '.join(allowed)}.")
    return value


def read_settings(options: Mapping[str, str]) -> tuple[dict[str, Any], bool | None]:
    """Validate every given option first, so a bad one changes nothing."""
    changes: dict[str, Any] = {}
    watch: bool | None = None
    if "timezone" in options:
        changes["timezone"], _ = parse_zone(options["timezone"])
        changes["timezone_settled"] = True
    if "leads" in options:
        changes["reminder_leads"] = parse_leads(options["leads"])
    if "remind-maybe" in options:
        changes["remind_maybe"] = _YES_NO[_choice(options, "remind-maybe", ("yes", "no"))]
    if "who-proposes" in options:
        changes["who_proposes"] = _choice(options, "who-proposes", ("everyone", "admins"))
    if "threshold" in options:
        changes["suggest_threshold"] = _int(options, "threshold", 2, 1000)
    if "radius" in options:
        changes["suggest_radius_km"] = _int(options, "radius", 1, 500)
    if "offer-hours" in options:
        changes["offer_hours"] = _int(options, "offer-hours", 1, 168)
    if "watch" in options:
        watch = _YES_NO[_choice(options, "watch", ("on", "off"))]
    if "public-pages" in options:
        changes["public_pages"] = _YES_NO[_choice(options, "public-pages", ("on", "off"))]
    if "invite" in options:
        changes["invite_url"] = parse_invite(options["invite"])
    return changes, watch


async def export(ctx: Ctx, options: Mapping[str, str]) -> None:
    """The community's data as JSON, for transparency."""
    if not ctx.is_admin:
        raise Refusal(
            "Only admins can export the community's data. Your own data: "
            "`/meetup mine`; to delete it: `/meetup forget`."
        )
    data = await ctx.store.export_community(ctx.community.id)
    body = redact(data, _city_label)
    payload = json.dumps(
        {"exported_at": ctx.now().isoformat(), "about": EXPORT_ABOUT, **body},
        default=str,
        indent=1,
        ensure_ascii=False,
    ).encode()
    rows = sum(len(v) for v in data.values())
    await ctx.reply(
        Outgoing(
            body=(
                Text(
                    f"What Tweetup stores about this community: {rows} rows in {len(data)} "
                    "tables. Homes and trips of members who keep their name private are "
                    "counted per city, not listed (see docs/privacy.md)."
                ),
            ),
            attachments=(
                Attachment(f"tweetup-export-{ctx.community.id}.json", payload, "application/json"),
            ),
            ephemeral=True,
        )
    )


def _city_label(city_id: int) -> str:
    city = city_by_id(city_id)
    return city.label if city else f"city {city_id}"


async def settings(ctx: Ctx, options: Mapping[str, str]) -> None:
    if options and not ctx.is_admin:
        raise Refusal(
            "Only admins can change community settings; `/meetup settings` with no options "
            "shows them. Your own settings: `/meetup reminders`, `/meetup privacy`."
        )
    changes, watch = read_settings(options)
    if changes:
        ctx.community = await ctx.store.update_community(ctx.community.id, **changes)
    if watch is not None:
        await ctx.store.set_watched(ctx.community.id, ctx.place.channel_id, watch)
    if "reminder_leads" in changes or "remind_maybe" in changes:
        await reschedule_all_reminders(ctx.services, ctx.community)
    c = ctx.community
    watching = await ctx.store.is_watched(c.id, ctx.place.channel_id)
    head = "Saved. " if changes or watch is not None else ""
    if "timezone" in options:
        head += parse_zone(options["timezone"])[1]
    await ctx.say(
        f"{head}Settings: time zone {c.timezone}; reminders {format_leads(c.reminder_leads)} "
        f"before; remind Maybe: {'yes' if c.remind_maybe else 'no'}; who proposes: "
        f"{c.who_proposes}; suggestions at {c.suggest_threshold} members within "
        f"{c.suggest_radius_km} km; seat offers held {c.offer_hours} h; watching this channel: "
        f"{'on' if watching else 'off'}; {pages_summary(ctx)}"
    )


def pages_summary(ctx: Ctx) -> str:
    """The public pages part of the settings, with what is missing for them to be seen."""
    c = ctx.community
    invite = f"invite link {c.invite_url}" if c.invite_url else "no invite link"
    if not c.public_pages:
        return f"public pages: off; {invite}."
    served = "" if ctx.services.web_base_url else (
        " (but this bot has no web address yet: whoever runs it sets [web] base_url, "
        "docs/operations.md)"
    )
    return f"public pages: on{served}, linked on each meetup's card; {invite}."


FEATURE = Feature("admin", commands={"settings": settings, "export": export})
