"""The fake Discord's Guild Scheduled Events: the REST routes discord.py calls for them, the
Manage Events refusal, and the GUILD_SCHEDULED_EVENT_USER_ADD gateway event an "Interested"
click sends. What the fake returns and dispatches is checked against the OpenAPI schemas
(ExternalScheduledEventResponse..., ScheduledEventUserResponse), like the request bodies.
A mixin of FakeDiscord (fakediscord.py)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from aiohttp import web

if TYPE_CHECKING:
    from tests.discord.fakediscord import FakeGuild, FakeUser, Recorded

SCHEDULED = 1
CANCELED = 4
STAGE_INSTANCE = 1
VOICE = 2
EXTERNAL = 3
HALL_OF = {STAGE_INSTANCE: 13, VOICE: 2}  # entity type -> the channel type it takes place in
RESPONSE_SCHEMAS = {1: "StageScheduledEventResponse", 2: "VoiceScheduledEventResponse",
                    3: "ExternalScheduledEventResponse"}
_ROUTE = re.compile(r"/guilds/(\d+)/scheduled-events(?:/(\d+))?")


class ScheduledEventsMixin:
    if TYPE_CHECKING:
        spec: dict[str, Any] | None
        spec_errors: list[str]
        guilds: dict[str, FakeGuild]
        bot: FakeUser
        users: dict[str, FakeUser]

        def _error(self, status: int, code: int, message: str) -> web.Response: ...

        async def dispatch(self, t: str, d: dict[str, Any]) -> None: ...

    scheduled_events: dict[str, dict[str, Any]]
    manage_events: bool  # False: the bot lacks Manage Events (403, code 50013)
    payloads_checked: int

    def _init_scheduled_events(self) -> None:
        self.scheduled_events = {}
        self.manage_events = True
        self.payloads_checked = 0

    def _scheduled_event_route(self, m: str, p: str, rec: Recorded) -> web.Response | None:
        found = _ROUTE.fullmatch(p)
        if found is None:
            return None
        from tests.discord.fakediscord import jresp, snowflake

        gid, eid = found.group(1), found.group(2)
        if gid not in self.guilds:
            return self._error(404, 10004, "Unknown Guild")
        if not self.manage_events and m in ("POST", "PATCH", "DELETE"):
            return self._error(403, 50013, "Missing Permissions")
        body = rec.json or {}
        guild = self.guilds[gid]
        if m == "POST" and eid is None:
            event = {
                "id": snowflake(), "guild_id": gid,
                "channel_id": _snowflake(body.get("channel_id")), "creator_id": self.bot.id,
                "creator": self.bot.to_json() | {"flags": 0, "primary_guild": None},
                "name": body["name"], "description": body.get("description"), "image": None,
                "scheduled_start_time": body["scheduled_start_time"],
                "scheduled_end_time": body.get("scheduled_end_time"), "status": SCHEDULED,
                "entity_type": body["entity_type"], "entity_id": None,
                "entity_metadata": body.get("entity_metadata"),
                "privacy_level": body["privacy_level"], "user_count": 0,
                "recurrence_rule": None, "guild_scheduled_event_exceptions": [],
            }
            if (refused := self._entity_refusal(guild, event, body, changed=False)):
                return refused
            self.scheduled_events[event["id"]] = event
            return jresp(self.checked_event(event))
        stored = self.scheduled_events.get(eid or "")
        if stored is None:
            return self._error(404, 10070, "Unknown Guild Scheduled Event")
        event = stored
        if m == "GET":
            return jresp(self.checked_event(event))
        if m == "PATCH":
            if event["status"] == CANCELED:
                return self._error(400, 180000, "Cannot modify a cancelled event")
            after = event | {k: v for k, v in body.items() if k in event}
            after["channel_id"] = _snowflake(after["channel_id"])
            changed = after["entity_type"] != event["entity_type"]
            if (refused := self._entity_refusal(guild, after, body, changed=changed)):
                return refused
            event.update(after)
            return jresp(self.checked_event(event))
        if m == "DELETE":
            self.scheduled_events.pop(event["id"])
            return web.Response(status=204)
        return self._error(405, 0, "405: Method Not Allowed")

    def _entity_refusal(self, guild: FakeGuild, event: dict[str, Any], body: dict[str, Any],
                        *, changed: bool) -> web.Response | None:
        """Discord's field requirements by entity type (the spec types each field but not these):
        EXTERNAL needs entity_metadata.location and scheduled_end_time and no channel (a switch
        to EXTERNAL must send channel_id null); STAGE_INSTANCE and VOICE need channel_id, a
        stage or voice channel of the guild, and no location. 400/50035 as Discord answers,
        also kept in spec_errors so a test sees it."""
        problem = _entity_problem(guild, event, body, changed=changed)
        if problem is None:
            if event["entity_type"] != EXTERNAL:
                event["entity_metadata"] = None
            return None
        self.spec_errors.append(f"scheduled event: {problem}")
        return self._error(400, 50035, f"Invalid Form Body: {problem}")

    async def interested(self, user: FakeUser, guild: FakeGuild, event_id: str) -> None:
        """A member clicks Interested on the event in Discord's UI."""
        payload = {"guild_scheduled_event_id": event_id, "user_id": user.id,
                   "guild_id": guild.id}
        self.check_gateway_payload(payload)
        await self.dispatch("GUILD_SCHEDULED_EVENT_USER_ADD", payload)

    def checked_event(self, event: dict[str, Any]) -> dict[str, Any]:
        self.check_payload(RESPONSE_SCHEMAS[event["entity_type"]], event)
        return event

    def check_gateway_payload(self, payload: dict[str, Any]) -> None:
        """GUILD_SCHEDULED_EVENT_USER_ADD carries the event's and the user's ids as the REST
        ScheduledEventUserResponse types them, and the guild's id (the gateway's fields; the
        REST object's `response` and `user` are not sent)."""
        if self.spec is None:
            return
        rest = self.spec["components"]["schemas"]["ScheduledEventUserResponse"]["properties"]
        self._validate("GUILD_SCHEDULED_EVENT_USER_ADD", {
            "type": "object",
            "properties": {"guild_scheduled_event_id": rest["guild_scheduled_event_id"],
                           "user_id": rest["user_id"],
                           "guild_id": {"$ref": "#/components/schemas/SnowflakeType"}},
            "required": ["guild_scheduled_event_id", "user_id", "guild_id"],
            "additionalProperties": False,
        }, payload)

    def check_payload(self, schema: str, payload: dict[str, Any]) -> None:
        """Check what the fake sends against the spec's schema of that object, when present."""
        if self.spec is None:
            return
        self._validate(schema, {"$ref": f"#/components/schemas/{schema}"}, payload)

    def _validate(self, schema: str, root: dict[str, Any], payload: dict[str, Any]) -> None:
        assert self.spec is not None
        from jsonschema import Draft202012Validator

        validator = Draft202012Validator({**root, "components": self.spec["components"]})
        self.payloads_checked += 1
        for error in validator.iter_errors(payload):
            where = "/".join(str(x) for x in error.absolute_path)
            self.spec_errors.append(f"{schema} {where}: {error.message[:300]}")


def _snowflake(value: object) -> str | None:
    """Ids as Discord answers them: strings (discord.py may send ints)."""
    return None if value is None else str(value)


def _entity_problem(guild: FakeGuild, event: dict[str, Any], body: dict[str, Any],
                    *, changed: bool) -> str | None:
    """What makes `event` (as it would be after the request `body`) invalid for its type."""
    kind = event["entity_type"]
    location = (event.get("entity_metadata") or {}).get("location")
    if kind == EXTERNAL:
        if not location:
            return "entity_metadata.location is required for EXTERNAL"
        if not event.get("scheduled_end_time"):
            return "scheduled_end_time is required for EXTERNAL"
        if event.get("channel_id") is not None or (changed and "channel_id" not in body):
            return "channel_id must be null for EXTERNAL"
        return None
    if event.get("entity_metadata") or "location" in (body.get("entity_metadata") or {}):
        return "entity_metadata must be null for STAGE_INSTANCE and VOICE"
    channel = str(event.get("channel_id") or "")
    if not channel:
        return "channel_id is required for STAGE_INSTANCE and VOICE"
    if guild.kinds.get(channel, 0) != HALL_OF[kind] or channel not in guild.channels.values():
        hall = "stage" if kind == STAGE_INSTANCE else "voice"
        return f"channel {channel} is not a {hall} channel of the guild"
    return None
