"""Meetups as Discord Guild Scheduled Events (the server's Events tab), and "Interested"
clicks on them as events for the core.

Pure translation: a neutral `NativeEvent` -> the keyword arguments of discord.py's
`Guild.create_scheduled_event` / `ScheduledEvent.edit`, Discord's errors on them -> the
ports' errors, and the raw GUILD_SCHEDULED_EVENT_USER_ADD payload -> an `ActionClicked` the
core routes like a click (its handler DMs the member an offer to RSVP).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import discord

from bot.ports import ChatError, MissingPermission
from bot.types import ActionClicked, NativeEvent, Place, UserRef

from .inbound import PLATFORM

MANAGE_EVENTS_CODES = (50001, 50013)  # Missing Access, Missing Permissions
NAME_MAX = 100
LOCATION_MAX = 100
DESCRIPTION_MAX = 1000
_CHANNEL_LINK = re.compile(r"^https://(?:ptb\.|canary\.)?discord(?:app)?\.com/channels/(\d+)/(\d+)/?$")
INTEREST_KEY = "gse-add:{event}:{user}"
"""The key of an Interested click: the same member and event give the same key, so a
gateway replay (or a second click after taking it back) is offered once."""


Hall = discord.VoiceChannel | discord.StageChannel


def voice_channel(guild: discord.Guild, location: str) -> Hall | None:
    """The voice or stage channel of this guild an online meetup's link names, if any:
    `https://discord.com/channels/<guild>/<channel>` of a voice or stage channel."""
    found = _CHANNEL_LINK.match(location.strip())
    if found is None or int(found.group(1)) != guild.id:
        return None
    channel = guild.get_channel(int(found.group(2)))
    if isinstance(channel, discord.VoiceChannel | discord.StageChannel):
        return channel
    return None


def event_kwargs(guild: discord.Guild, event: NativeEvent) -> dict[str, Any]:
    """Arguments for create_scheduled_event / edit: in the voice or stage channel an online
    meetup links to, else EXTERNAL with the venue as location (which needs an end time)."""
    kwargs: dict[str, Any] = {
        "name": event.title[:NAME_MAX],
        "description": event.description[:DESCRIPTION_MAX],
        "start_time": event.starts_at,
        "end_time": event.ends_at,
        "privacy_level": discord.PrivacyLevel.guild_only,
    }
    channel = voice_channel(guild, event.location)
    if channel is not None:
        kind = (
            discord.EntityType.stage_instance
            if isinstance(channel, discord.StageChannel)
            else discord.EntityType.voice
        )
        kwargs.update(entity_type=kind, channel=channel)
    else:
        kwargs.update(
            entity_type=discord.EntityType.external,
            location=event.location[:LOCATION_MAX] or "See the meetup card",
        )
    return kwargs


def native_error(exc: discord.HTTPException) -> ChatError | None:
    """A refusal for lack of Manage Events (403, or its JSON codes) as MissingPermission;
    None for every other error (the adapter's general translation applies)."""
    if isinstance(exc, discord.Forbidden) or exc.code in MANAGE_EVENTS_CODES:
        return MissingPermission(f"discord {exc.status}/{exc.code}: needs Manage Events")
    return None


def interest_event(data: Mapping[str, Any], channel_id: str = "") -> ActionClicked | None:
    """GUILD_SCHEDULED_EVENT_USER_ADD (`guild_id`, `guild_scheduled_event_id`, `user_id`) ->
    the core's "interested" action for that member; None for a malformed payload."""
    guild, event, user = (
        str(data.get(k, "")) for k in ("guild_id", "guild_scheduled_event_id", "user_id")
    )
    if not (guild.isdigit() and event.isdigit() and user.isdigit()):
        return None
    return ActionClicked(
        user=UserRef(PLATFORM, user),
        place=Place(PLATFORM, guild, channel_id),
        message=None,
        action_id=f"tw:interested:{event}",
        key=INTEREST_KEY.format(event=event, user=user),
    )
