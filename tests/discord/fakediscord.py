"""A local fake of Discord that speaks the real wire format on 127.0.0.1.

REST v10 for the routes the bot uses, and Gateway v10 over a websocket (HELLO, IDENTIFY, READY,
GUILD_CREATE, heartbeats, dispatch, RESUME with replay). The real discord.py client is pointed
at it through `DiscordSettings.api_base_url` and `gateway_url`. Every request is recorded (and
can be checked against Discord's OpenAPI spec), and the fake can be told to misbehave: refuse
DMs (50007), answer 429 once, deny a channel (50013), drop the gateway, enforce 50 requests/s.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import re
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from aiohttp import WSMsgType, web

from tests.discord.fake_scheduled_events import ScheduledEventsMixin

DISCORD_EPOCH_MS = 1420070400000
EPHEMERAL = 1 << 6
LOADING = 1 << 7
MESSAGE_CONTENT_INTENT = 1 << 15
GUILD_MEMBERS_INTENT = 1 << 1  # privileged: GUILD_MEMBER_ADD/UPDATE/REMOVE
GATEWAY_MESSAGE_CONTENT = 1 << 18
ALL_PERMISSIONS = (1 << 50) - 1
MEMBER_PERMISSIONS = (1 << 10) | (1 << 11) | (1 << 14) | (1 << 15) | (1 << 16) | (1 << 31)
MANAGE_GUILD = 1 << 5
ADMINISTRATOR = 1 << 3

_counter = itertools.count(1)
NONCE_WINDOW = 180.0


VOICE_CHANNEL = 2  # GUILD_VOICE
STAGE_CHANNEL = 13  # GUILD_STAGE_VOICE


def snowflake() -> str:
    """A real-looking snowflake (discord.py derives created_at and expiry from it)."""
    ms = int(time.time() * 1000) - DISCORD_EPOCH_MS
    return str((ms << 22) | (next(_counter) & 0x3FFFFF))


def jresp(data: Any, *, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    """JSON exactly as Discord labels it (discord.py wants `application/json`, no charset)."""
    return web.Response(body=json.dumps(data).encode(), status=status, headers=headers,
                        content_type="application/json")


def iso_now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S.000000+00:00", time.gmtime())


@dataclass
class Recorded:
    method: str
    path: str  # without the /api/v10 prefix
    query: dict[str, str]
    json: Any
    files: list[tuple[str, bytes]]
    at: float
    status: int = 0


@dataclass
class FakeUser:
    id: str
    name: str
    bot: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "username": self.name, "global_name": self.name,
            "discriminator": "0", "avatar": None, "bot": self.bot, "public_flags": 0,
        }


def _role_json(role_id: str, name: str, permissions: int, position: int) -> dict[str, Any]:
    """A role object as Discord sends it (in a guild, or GUILD_ROLE_CREATE)."""
    return {"id": role_id, "name": name, "permissions": str(permissions), "position": position,
            "color": 0, "hoist": False, "managed": False, "mentionable": False, "flags": 0,
            "icon": None, "unicode_emoji": None}


@dataclass
class FakeMember:
    user: FakeUser
    permissions: int = MEMBER_PERMISSIONS
    roles: list[str] = field(default_factory=list)


@dataclass
class FakeGuild:
    id: str
    name: str
    channels: dict[str, str]  # name -> id
    members: dict[str, FakeMember]  # user id -> member
    admin_role: str = ""
    threads: dict[str, str] = field(default_factory=dict)  # thread id -> parent channel id
    roles: dict[str, str] = field(default_factory=dict)  # role id -> name (not @everyone, Admins)
    kinds: dict[str, int] = field(default_factory=dict)  # channel id -> type, if not 0 (text)


@dataclass
class Interaction:
    id: str
    token: str
    type: int
    payload: dict[str, Any]
    dispatched_at: float
    responses: list[Recorded] = field(default_factory=list)
    first_response_at: float | None = None
    original_message_id: str | None = None


SNOWFLAKE_KEYS = {"id", "users", "roles", "recipient_id", "channel_id", "guild_id",
                  "message_id", "application_id", "parent_id"}


def _snowflakes_as_strings(value: Any, key: str = "") -> Any:
    """discord.py sends some snowflakes as JSON numbers (attachment ids, allowed_mentions
    users), which Discord accepts; the spec types them as strings, so read them as strings."""
    if isinstance(value, dict):
        return {k: _snowflakes_as_strings(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_snowflakes_as_strings(v, key) for v in value]
    if key in SNOWFLAKE_KEYS and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


class FakeDiscord(ScheduledEventsMixin):
    def __init__(
        self,
        *,
        message_content: bool = True,
        global_rate_limit: int | None = None,
        spec: dict[str, Any] | None = None,
        flags_say_message_content: bool | None = None,
        nonce_window: float = NONCE_WINDOW,
        message_latency: float = 0.0,
        server_members: bool = True,
    ) -> None:
        self.server_members = server_members  # the portal's "Server Members Intent" toggle
        self.message_latency = message_latency  # seconds each message create takes
        self.nonce_window = nonce_window
        """Seconds a nonce sent with enforce_nonce is remembered (Discord: "the past few
        minutes"); a repeat within it returns the first message, later it makes a new one."""
        self._nonces: dict[str, tuple[float, str]] = {}  # nonce -> (sent at, message id)
        self.message_content = message_content
        self.flags_say_message_content = (
            message_content if flags_say_message_content is None else flags_say_message_content)
        self.global_rate_limit = global_rate_limit
        self.spec = spec
        self.bot = FakeUser(snowflake(), "Tweetup", bot=True)
        self.application_id = snowflake()
        self.token = "fake-token"
        self.requests: list[Recorded] = []
        self.messages: dict[str, dict[str, Any]] = {}
        self.deleted: set[str] = set()
        self.interactions: dict[str, Interaction] = {}
        self.by_token: dict[str, Interaction] = {}
        self.guilds: dict[str, FakeGuild] = {}
        self.users: dict[str, FakeUser] = {}
        self.dm_channels: dict[str, str] = {}  # channel id -> user id
        self.channel_guild: dict[str, str] = {}
        self.refuse_dms: set[str] = set()
        self.denied_channels: set[str] = set()
        self.rate_limit_next: dict[str, int] = {}  # "POST /channels/{id}/messages" -> count
        self.commands: dict[str, list[dict[str, Any]]] = {}
        self.spec_errors: list[str] = []
        self.spec_checked: int = 0
        self.too_many: int = 0
        self.gateway_connects: list[dict[str, Any]] = []
        self.identifies: list[dict[str, Any]] = []
        self.resumes: list[dict[str, Any]] = []
        self._window: deque[float] = deque()
        self._ws: web.WebSocketResponse | None = None
        self._session_id = ""
        self._seq = 0
        self._buffer: list[dict[str, Any]] = []
        self._replay_extra = 0
        self._changed: asyncio.Condition | None = None
        self._runner: web.AppRunner | None = None
        self._ws_tasks: set[asyncio.Task[Any]] = set()
        self.port = 0
        self._init_scheduled_events()

    # --- set-up ---------------------------------------------------------------------------------

    def add_guild(self, name: str = "Test Guild", channels: tuple[str, ...] = ("general",),
                  members: tuple[str, ...] = ("alice", "bob")) -> FakeGuild:
        gid = snowflake()
        guild = FakeGuild(gid, name, {c: snowflake() for c in channels}, {})
        guild.admin_role = snowflake()
        for c in guild.channels.values():
            self.channel_guild[c] = gid
        for m in members:
            self.add_member(guild, m)
        self.guilds[gid] = guild
        return guild

    def add_thread(self, guild: FakeGuild, parent: str, name: str) -> str:
        """A public thread under channel `parent`; `guild.channels[name]` is its id."""
        tid = snowflake()
        guild.threads[tid] = guild.channels[parent]
        guild.channels[name] = tid
        self.channel_guild[tid] = guild.id
        return tid

    async def add_channel(self, guild: FakeGuild, name: str, kind: int) -> str:
        """A new channel of that type (2 GUILD_VOICE, 13 GUILD_STAGE_VOICE, 0 text), sent to a
        connected client as CHANNEL_CREATE (its payload checked as GuildChannelResponse)."""
        cid = snowflake()
        guild.channels[name] = cid
        guild.kinds[cid] = kind
        self.channel_guild[cid] = guild.id
        payload = self._channel_json(guild, cid)
        self.check_payload("GuildChannelResponse", payload)
        if self.connected:
            await self.dispatch("CHANNEL_CREATE", payload)
        return cid

    def _channel_json(self, guild: FakeGuild, cid: str) -> dict[str, Any]:
        name = next(n for n, c in guild.channels.items() if c == cid)
        kind = guild.kinds.get(cid, 0)
        if kind in (VOICE_CHANNEL, STAGE_CHANNEL):
            return {"id": cid, "type": kind, "guild_id": guild.id, "name": name, "position": 0,
                    "permission_overwrites": [], "nsfw": False, "parent_id": None, "flags": 0,
                    "last_message_id": None, "rate_limit_per_user": 0, "bitrate": 64000,
                    "user_limit": 0, "rtc_region": None}
        if cid in guild.threads:
            return {"id": cid, "type": 11, "guild_id": guild.id, "name": name,
                    "parent_id": guild.threads[cid], "owner_id": self.bot.id, "flags": 0,
                    "member_count": 1, "message_count": 0, "total_message_sent": 0,
                    "rate_limit_per_user": 0, "last_message_id": None,
                    "thread_metadata": {"archived": False, "auto_archive_duration": 1440,
                                        "archive_timestamp": iso_now(), "locked": False}}
        return {"id": cid, "type": 0, "guild_id": guild.id, "name": name, "position": 0,
                "permission_overwrites": [], "nsfw": False, "parent_id": None, "flags": 0,
                "last_message_id": None, "rate_limit_per_user": 0, "topic": None}

    def add_member(self, guild: FakeGuild, name: str, *, admin: bool = False) -> FakeUser:
        user = FakeUser(snowflake(), name)
        self.users[user.id] = user
        perms = MEMBER_PERMISSIONS | (MANAGE_GUILD if admin else 0)
        guild.members[user.id] = FakeMember(user, perms, [guild.admin_role] if admin else [])
        return user

    async def add_role(self, guild: FakeGuild, name: str) -> str:
        """A role made in the server settings: Discord sends GUILD_ROLE_CREATE ({guild_id,
        role}) to every session (the guilds intent); returns its id."""
        role_id = snowflake()
        guild.roles[role_id] = name
        await self.dispatch("GUILD_ROLE_CREATE",
                            {"guild_id": guild.id, "role": _role_json(role_id, name, 0, 2)})
        return role_id

    async def remove_member(self, guild: FakeGuild, user: FakeUser) -> bool:
        """The member leaves the server. Discord sends GUILD_MEMBER_REMOVE ({guild_id, user})
        only to a session identified with the members intent; returns whether it was sent."""
        guild.members.pop(user.id, None)
        if not self.identifies or not self.identifies[-1].get("intents", 0) & GUILD_MEMBERS_INTENT:
            return False
        await self.dispatch("GUILD_MEMBER_REMOVE", {"guild_id": guild.id, "user": user.to_json()})
        return True

    @property
    def api_base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v10"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    async def start(self) -> None:
        self._changed = asyncio.Condition()
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_get("/gateway", self._gateway)
        app.router.add_route("*", "/api/v10/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = int(self._runner.addresses[0][1])

    async def close(self) -> None:
        if self._ws is not None and not self._ws.closed:
            await self._ws.close(code=1001)
        if self._runner is not None:
            await self._runner.cleanup()

    # --- waiting --------------------------------------------------------------------------------

    async def _notify(self) -> None:
        assert self._changed is not None
        async with self._changed:
            self._changed.notify_all()

    async def wait_until(self, predicate: Callable[[], Any], within: float = 20.0) -> Any:
        """Wait until `predicate()` is truthy (re-checked after every request and gateway event)."""
        assert self._changed is not None
        deadline = asyncio.get_running_loop().time() + within
        async with self._changed:
            while True:
                result = predicate()
                if result:
                    return result
                remaining = deadline - asyncio.get_running_loop().time()
                if remaining <= 0:
                    raise AssertionError(f"timed out waiting for {predicate}")
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._changed.wait(), min(remaining, 0.5))

    def find(self, method: str, pattern: str) -> list[Recorded]:
        rx = re.compile(pattern)
        return [r for r in self.requests if r.method == method and rx.fullmatch(r.path)]

    def channel_posts(self, channel_id: str) -> list[Recorded]:
        return [r for r in self.find("POST", f"/channels/{channel_id}/messages") if r.status == 200]

    async def wait_response(self, interaction_id: str, count: int = 1,
                            within: float = 20.0) -> list[Recorded]:
        it = self.interactions[interaction_id]
        await self.wait_until(lambda: len(it.responses) >= count, within)
        return it.responses

    # --- gateway --------------------------------------------------------------------------------

    async def _gateway(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(max_msg_size=0)
        await ws.prepare(request)
        self.gateway_connects.append(dict(request.query))
        await ws.send_json({"op": 10, "d": {"heartbeat_interval": 41250}, "s": None, "t": None})
        try:
            async for msg in ws:
                if msg.type != WSMsgType.TEXT:
                    continue
                data = json.loads(msg.data)
                op = data.get("op")
                if op == 1:
                    await ws.send_json({"op": 11, "d": None, "s": None, "t": None})
                elif op == 2:
                    await self._identify(ws, data["d"])
                elif op == 6:
                    await self._resume(ws, data["d"])
                await self._notify()
        finally:
            if self._ws is ws:
                self._ws = None
        return ws

    async def _identify(self, ws: web.WebSocketResponse, d: dict[str, Any]) -> None:
        self.identifies.append(d)
        if d.get("token") != self.token:
            await ws.close(code=4004, message=b"Authentication failed.")
            return
        if d.get("intents", 0) & MESSAGE_CONTENT_INTENT and not self.message_content:
            await ws.close(code=4014, message=b"Disallowed intent(s).")
            return
        if d.get("intents", 0) & GUILD_MEMBERS_INTENT and not self.server_members:
            await ws.close(code=4014, message=b"Disallowed intent(s).")
            return
        self._session_id = snowflake()
        self._seq = 0
        self._buffer = []
        self._ws = ws
        await self._send_dispatch("READY", {
            "v": 10,
            "user": self.bot.to_json() | {"verified": True, "mfa_enabled": False, "flags": 0},
            "guilds": [{"id": g, "unavailable": True} for g in self.guilds],
            "session_id": self._session_id,
            "resume_gateway_url": self.gateway_url,
            "application": {"id": self.application_id, "flags": self._app_flags()},
            "private_channels": [],
            "relationships": [],
            "presences": [],
            "guild_join_requests": [],
            "geo_ordered_rtc_regions": [],
            "user_settings": {},
            "shard": d.get("shard", [0, 1]),
        })
        for guild in self.guilds.values():
            await self._send_dispatch("GUILD_CREATE", self._guild_json(guild))

    async def _resume(self, ws: web.WebSocketResponse, d: dict[str, Any]) -> None:
        self.resumes.append(d)
        if d.get("session_id") != self._session_id or d.get("token") != self.token:
            await ws.send_json({"op": 9, "d": False, "s": None, "t": None})
            return
        self._ws = ws
        since = int(d.get("seq") or 0) - self._replay_extra
        self._replay_extra = 0
        for event in self._buffer:
            if event["s"] > since:
                await ws.send_json(event)
        await self._send_dispatch("RESUMED", {})

    async def _send_dispatch(self, t: str, d: dict[str, Any]) -> None:
        self._seq += 1
        event = {"op": 0, "t": t, "s": self._seq, "d": d}
        self._buffer.append(event)
        ws = self._ws
        if ws is not None and not ws.closed:
            with contextlib.suppress(ConnectionError):
                await ws.send_json(event)

    async def dispatch(self, t: str, d: dict[str, Any]) -> None:
        """Send an event to the bot, or keep it for the replay after RESUME when disconnected."""
        await self._send_dispatch(t, d)
        await self._notify()

    async def drop_connection(self, *, replay_extra: int = 0) -> None:
        """Close the gateway socket like a network blip (4000: the client resumes). On the
        resume, also replay the last `replay_extra` events the client already had."""
        self._replay_extra = replay_extra
        ws = self._ws
        self._ws = None
        if ws is not None:
            await ws.close(code=4000, message=b"Unknown error")

    async def invalidate_session(self) -> None:
        """INVALID_SESSION (not resumable): the client must IDENTIFY again, at the gateway URL
        it was configured with (discord.py's DEFAULT_GATEWAY)."""
        ws = self._ws
        self._ws = None
        self._session_id = ""
        if ws is not None:
            await ws.send_json({"op": 9, "d": False, "s": None, "t": None})

    @property
    def connected(self) -> bool:
        return self._ws is not None and not self._ws.closed

    def _app_flags(self) -> int:
        return GATEWAY_MESSAGE_CONTENT if self.flags_say_message_content else 0

    def _guild_json(self, guild: FakeGuild) -> dict[str, Any]:
        roles = [
            _role_json(guild.id, "@everyone", MEMBER_PERMISSIONS, 0),
            _role_json(guild.admin_role, "Admins", MANAGE_GUILD, 1),
            *(_role_json(rid, name, 0, 2 + i) for i, (rid, name) in enumerate(guild.roles.items())),
        ]
        channels = [self._channel_json(guild, cid) | {"position": i}
                    for i, cid in enumerate(guild.channels.values())
                    if cid not in guild.threads]
        threads = [self._channel_json(guild, tid) for tid in guild.threads]
        members = [self._member_json(m) for m in guild.members.values()]
        members.append({"user": self.bot.to_json(), "roles": [], "joined_at": iso_now(),
                        "deaf": False, "mute": False, "flags": 0, "nick": None})
        return {
            "id": guild.id, "name": guild.name, "icon": None, "splash": None,
            "discovery_splash": None, "owner_id": next(iter(guild.members), self.bot.id),
            "afk_channel_id": None, "afk_timeout": 300, "verification_level": 0,
            "default_message_notifications": 0, "explicit_content_filter": 0, "roles": roles,
            "emojis": [], "stickers": [], "features": [], "mfa_level": 0,
            "application_id": None, "system_channel_id": None, "system_channel_flags": 0,
            "rules_channel_id": None, "vanity_url_code": None, "description": None,
            "banner": None, "premium_tier": 0, "preferred_locale": "en-US",
            "public_updates_channel_id": None, "nsfw_level": 0, "premium_progress_bar_enabled":
            False, "joined_at": iso_now(), "large": False, "unavailable": False,
            "member_count": len(members), "voice_states": [], "members": members,
            "channels": channels, "threads": threads, "presences": [], "stage_instances": [],
            "guild_scheduled_events": [], "soundboard_sounds": [], "lazy": True,
        }

    def _member_json(self, m: FakeMember, *, with_permissions: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {
            "user": m.user.to_json(), "roles": list(m.roles), "joined_at": iso_now(),
            "deaf": False, "mute": False, "flags": 0, "nick": None, "avatar": None,
            "premium_since": None, "pending": False, "communication_disabled_until": None,
        }
        if with_permissions:
            data["permissions"] = str(m.permissions)
        return data

    # --- driving the bot ------------------------------------------------------------------------

    def _interaction_base(self, itype: int, user: FakeUser, guild: FakeGuild | None,
                          channel_id: str, data: dict[str, Any] | None) -> dict[str, Any]:
        iid, token = snowflake(), "itok-" + snowflake()
        payload: dict[str, Any] = {
            "id": iid, "application_id": self.application_id, "type": itype, "token": token,
            "version": 1, "locale": "en-US", "entitlements": [], "attachment_size_limit":
            26214400, "app_permissions": str(ALL_PERMISSIONS),
        }
        if data is not None:
            payload["data"] = data
        if guild is not None:
            member = guild.members[user.id]
            payload |= {
                "guild_id": guild.id, "guild_locale": "en-US", "channel_id": channel_id,
                "channel": self._channel_json(guild, channel_id) | {
                    "permissions": str(member.permissions)},
                "guild": {"id": guild.id, "locale": "en-US", "features": []},
                "member": self._member_json(member, with_permissions=True),
                "context": 0, "authorizing_integration_owners": {"0": guild.id},
            }
        else:
            payload |= {
                "channel_id": channel_id,
                "channel": {"id": channel_id, "type": 1, "flags": 0, "last_message_id": None,
                            "recipients": [user.to_json()]},
                "user": user.to_json(), "context": 1,
                "authorizing_integration_owners": {"0": self.bot.id},
            }
        return payload

    async def _send_interaction(self, payload: dict[str, Any]) -> str:
        it = Interaction(payload["id"], payload["token"], payload["type"], payload,
                         time.perf_counter())
        self.interactions[it.id] = it
        self.by_token[it.token] = it
        await self.dispatch("INTERACTION_CREATE", payload)
        return it.id

    async def slash(self, user: FakeUser, guild: FakeGuild, channel: str, sub: str,
                    options: dict[str, Any] | None = None, *, group: str = "meetup") -> str:
        opts = [
            {"name": k, "type": 4 if isinstance(v, int) and not isinstance(v, bool) else
             5 if isinstance(v, bool) else 3, "value": v}
            for k, v in (options or {}).items()
        ]
        data = {"id": self._command_id(group, guild.id), "name": group, "type": 1,
                "options": [{"name": sub, "type": 1, "options": opts}]}
        payload = self._interaction_base(2, user, guild, guild.channels[channel], data)
        return await self._send_interaction(payload)

    async def autocomplete(self, user: FakeUser, guild: FakeGuild, channel: str, sub: str,
                           focused: str, partial: str, others: dict[str, Any] | None = None,
                           *, group: str = "meetup") -> str:
        opts = [{"name": k, "type": 3, "value": v} for k, v in (others or {}).items()]
        opts.append({"name": focused, "type": 3, "value": partial, "focused": True})
        data = {"id": self._command_id(group, guild.id), "name": group, "type": 1,
                "options": [{"name": sub, "type": 1, "options": opts}]}
        payload = self._interaction_base(4, user, guild, guild.channels[channel], data)
        return await self._send_interaction(payload)

    async def message_command(self, user: FakeUser, guild: FakeGuild, message_id: str,
                              name: str = "Suggest a meetup from this") -> str:
        message = self.messages[message_id]
        data = {"id": self._command_id(name, guild.id), "name": name, "type": 3,
                "target_id": message_id,
                "resolved": {"messages": {message_id: self._public(message)}}}
        payload = self._interaction_base(2, user, guild, message["channel_id"], data)
        return await self._send_interaction(payload)

    async def click(self, user: FakeUser, message_id: str, custom_id: str,
                    values: list[str] | None = None,
                    as_seen: dict[str, Any] | None = None) -> str:
        """A click on a button of a stored message (`as_seen`: the message as the member's
        client still shows it, e.g. a card edited since)."""
        message = as_seen or self.messages[message_id]
        channel_id = message["channel_id"]
        guild = self.guilds.get(self.channel_guild.get(channel_id, ""))
        data: dict[str, Any] = {"custom_id": custom_id, "component_type": 2}
        if values is not None:
            data = {"custom_id": custom_id, "component_type": 3, "values": values}
        payload = self._interaction_base(3, user, guild, channel_id, data)
        payload["message"] = self._public(message)
        return await self._send_interaction(payload)

    async def submit_modal(self, user: FakeUser, interaction_id: str,
                           values: dict[str, str]) -> str:
        """Submit the modal the bot opened in answer to `interaction_id`."""
        opener = self.interactions[interaction_id]
        modal = next(r.json["data"] for r in opener.responses if r.json.get("type") == 9)
        rows: list[dict[str, Any]] = []
        for comp in modal["components"]:
            if comp["type"] == 1:
                inner = comp["components"][0]
                rows.append({"type": 1, "components": [
                    {"type": 4, "custom_id": inner["custom_id"],
                     "value": values.get(inner["custom_id"], "")}]})
            elif comp["type"] == 18:
                inner = comp["component"]
                rows.append({"type": 18, "component": {
                    "type": 4, "custom_id": inner["custom_id"],
                    "value": values.get(inner["custom_id"], "")}})
        data = {"custom_id": modal["custom_id"], "components": rows}
        src = opener.payload
        guild = self.guilds.get(src.get("guild_id", ""))
        payload = self._interaction_base(5, user, guild, src["channel_id"], data)
        if "message" in src:
            payload["message"] = src["message"]
        return await self._send_interaction(payload)

    async def submit_form(self, user: FakeUser, guild: FakeGuild, channel: str, custom_id: str,
                          values: dict[str, str]) -> str:
        """A modal submission for a modal the bot opened earlier (e.g. before a restart)."""
        rows = [{"type": 1, "components": [{"type": 4, "custom_id": k, "value": v}]}
                for k, v in values.items()]
        payload = self._interaction_base(5, user, guild, guild.channels[channel],
                                         {"custom_id": custom_id, "components": rows})
        return await self._send_interaction(payload)

    async def member_says(self, user: FakeUser, guild: FakeGuild, channel: str,
                          content: str) -> str:
        mid = snowflake()
        member = guild.members[user.id]
        message = self._message_json(mid, guild.channels[channel], user.to_json(), {
            "content": content}) | {
            "guild_id": guild.id,
            "member": {k: v for k, v in self._member_json(member).items() if k != "user"},
        }
        self.messages[mid] = message
        await self.dispatch("MESSAGE_CREATE", message)
        return mid

    def _command_id(self, name: str, guild_id: str) -> str:
        for cmd in self.commands.get(guild_id, []) + self.commands.get("global", []):
            if cmd["name"] == name:
                return str(cmd["id"])
        return snowflake()

    # --- REST -----------------------------------------------------------------------------------

    def _message_json(self, mid: str, channel_id: str, author: dict[str, Any],
                      body: dict[str, Any], flags: int = 0) -> dict[str, Any]:
        return {
            "id": mid, "channel_id": channel_id, "author": author, "type": 0,
            "content": body.get("content") or "", "timestamp": iso_now(),
            "edited_timestamp": None, "tts": False, "mention_everyone": False, "mentions": [],
            "mention_roles": [], "attachments": [], "embeds": body.get("embeds") or [],
            "components": body.get("components") or [], "pinned": False,
            "flags": flags | int(body.get("flags") or 0),
        }

    def _error(self, status: int, code: int, message: str) -> web.Response:
        return jresp({"code": code, "message": message}, status=status)

    async def _rest(self, request: web.Request) -> web.StreamResponse:
        path = "/" + request.match_info["tail"]
        body: Any = None
        files: list[tuple[str, bytes]] = []
        ctype = request.headers.get("Content-Type", "")
        if ctype.startswith("multipart/"):
            reader = await request.multipart()
            async for part in reader:
                if part.name == "payload_json":  # type: ignore[union-attr]
                    body = json.loads(await part.text())  # type: ignore[union-attr]
                else:
                    files.append((part.filename or "", await part.read()))  # type: ignore
        elif request.can_read_body:
            raw = await request.read()
            body = json.loads(raw) if raw else None
        rec = Recorded(request.method, path, dict(request.query), body, files, time.perf_counter())
        self.requests.append(rec)
        if self.message_latency and request.method == "POST" and path.endswith("/messages"):
            await asyncio.sleep(self.message_latency)
        try:
            response = await self._route(request, rec)
        except Exception as exc:  # a bug in the fake: make it loud
            response = self._error(500, 0, f"fake error: {exc!r}")
        rec.status = response.status
        if self.spec is not None and rec.json is not None:
            try:
                self._check_spec(rec)
            except Exception as exc:  # the checker itself failed: report, don't hang up
                self.spec_errors.append(f"{rec.method} {rec.path}: checker failed: {exc!r}"[:500])
        await self._notify()
        return response

    def _rate_limited(self, rec: Recorded) -> web.Response | None:
        if rec.path.startswith("/interactions/"):
            return None  # interaction callbacks are not under the global limit
        if self.global_rate_limit is not None:
            now = time.monotonic()
            while self._window and now - self._window[0] >= 1.0:
                self._window.popleft()
            if len(self._window) >= self.global_rate_limit:
                self.too_many += 1
                retry = max(0.0, 1.0 - (now - self._window[0]))
                return jresp(
                    {"message": "You are being rate limited.", "retry_after": round(retry, 3),
                     "global": True, "code": 0},
                    status=429, headers={"Via": "1.1 google", "X-RateLimit-Global": "true",
                                         "X-RateLimit-Scope": "global",
                                         "Retry-After": str(max(1, int(retry + 1)))})
            self._window.append(now)
        key = f"{rec.method} {re.sub(r'/[0-9]+', '/{id}', rec.path)}"
        if self.rate_limit_next.get(key, 0) > 0:
            self.rate_limit_next[key] -= 1
            self.too_many += 1
            return jresp(
                {"message": "You are being rate limited.", "retry_after": 0.05, "global": False},
                status=429, headers={"Via": "1.1 google", "X-RateLimit-Scope": "user",
                                     "X-RateLimit-Limit": "5", "X-RateLimit-Remaining": "0",
                                     "X-RateLimit-Reset-After": "0.05",
                                     "X-RateLimit-Bucket": "fakebucket", "Retry-After": "1"})
        return None

    async def _route(self, request: web.Request, rec: Recorded) -> web.Response:
        if request.headers.get("Authorization") not in (f"Bot {self.token}", None):
            return self._error(401, 0, "401: Unauthorized")
        limited = self._rate_limited(rec)
        if limited is not None:
            return limited
        m, p, body = rec.method, rec.path, rec.json or {}
        if m == "GET" and p == "/gateway/bot":
            return jresp({"url": self.gateway_url, "shards": 1, "session_start_limit":
                                      {"total": 1000, "remaining": 999, "reset_after": 0,
                                       "max_concurrency": 1}})
        if m == "GET" and p == "/users/@me":
            if request.headers.get("Authorization") != f"Bot {self.token}":
                return self._error(401, 0, "401: Unauthorized")
            return jresp(self.bot.to_json() | {"verified": True, "flags": 0,
                                                           "mfa_enabled": False})
        if m == "GET" and p == "/oauth2/applications/@me":
            return jresp({
                "id": self.application_id, "name": "Tweetup", "icon": None, "description": "",
                "rpc_origins": [], "bot_public": True, "bot_require_code_grant": False,
                "bot": self.bot.to_json(), "summary": "", "verify_key": "00" * 32,
                "flags": self._app_flags(), "owner": {**self.bot.to_json(), "bot": False},
                "team": None, "interactions_endpoint_url": None, "tags": [],
            })
        if m == "PUT" and (mt := re.fullmatch(r"/applications/(\d+)(?:/guilds/(\d+))?/commands",
                                              p)):
            scope = mt.group(2) or "global"
            base = {"description": "", "options": [], "type": 1}
            cmds = [base | c | {"id": snowflake(), "application_id": self.application_id,
                         "version": snowflake(), "default_member_permissions":
                         c.get("default_member_permissions")} for c in (rec.json or [])]
            self.commands[scope] = cmds
            return jresp(cmds)
        if m == "POST" and (mt := re.fullmatch(r"/interactions/(\d+)/([^/]+)/callback", p)):
            return self._callback(mt.group(1), mt.group(2), rec)
        if (mt := re.fullmatch(r"/webhooks/(\d+)/([^/]+)(?:/messages/(@original|\d+))?", p)):
            return self._webhook(m, mt.group(2), mt.group(3), rec)
        if m == "POST" and p == "/users/@me/channels":
            uid = str(body.get("recipient_id"))
            if uid not in self.users:
                return self._error(400, 50035, "Invalid Form Body")
            cid = next((c for c, u in self.dm_channels.items() if u == uid), None) or snowflake()
            self.dm_channels[cid] = uid
            return jresp({"id": cid, "type": 1, "last_message_id": None, "flags": 0,
                                      "recipients": [self.users[uid].to_json()]})
        if (mt := re.fullmatch(r"/channels/(\d+)/messages(?:/(\d+))?", p)):
            return self._channel_message(m, mt.group(1), mt.group(2), rec)
        if (scheduled := self._scheduled_event_route(m, p, rec)) is not None:
            return scheduled
        return self._error(404, 0, f"404: Not Found ({m} {p})")

    def _stored(self, mid: str, channel_id: str, body: dict[str, Any], flags: int = 0,
                files: list[tuple[str, bytes]] | None = None) -> dict[str, Any]:
        msg = self._message_json(mid, channel_id, self.bot.to_json(), body, flags)
        msg["attachments"] = [
            {"id": snowflake(), "filename": name, "size": len(data),
             "url": f"https://cdn.invalid/{name}", "proxy_url": f"https://cdn.invalid/{name}"}
            for name, data in (files or [])
        ]
        msg["_files"] = files or []
        self.messages[mid] = msg
        return msg

    def _public(self, msg: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in msg.items() if not k.startswith("_")}

    def _channel_message(self, m: str, channel_id: str, mid: str | None,
                         rec: Recorded) -> web.Response:
        body = rec.json or {}
        if channel_id in self.denied_channels:
            return self._error(403, 50013, "Missing Permissions")
        if channel_id in self.dm_channels and self.dm_channels[channel_id] in self.refuse_dms:
            return self._error(403, 50007, "Cannot send messages to this user")
        if channel_id not in self.channel_guild and channel_id not in self.dm_channels:
            return self._error(404, 10003, "Unknown Channel")
        if m == "POST" and mid is None:
            earlier = self._enforced_nonce(body)
            if earlier is not None:
                return jresp(self._public(earlier) | {"nonce": body["nonce"]})
            msg = self._stored(snowflake(), channel_id, body, files=rec.files)
            if channel_id in self.channel_guild:
                msg["guild_id"] = self.channel_guild[channel_id]
            if body.get("nonce") is not None:
                self._nonces[str(body["nonce"])] = (time.monotonic(), msg["id"])
                # returned by the create call only: Discord does not store it with the message
                return jresp(self._public(msg) | {"nonce": body["nonce"]})
            return jresp(self._public(msg))
        if m == "GET" and mid is None:
            return self._history(channel_id, rec.query)
        if mid is None or mid not in self.messages or mid in self.deleted:
            return self._error(404, 10008, "Unknown Message")
        if m == "PATCH":
            msg = self.messages[mid]
            self._apply_edit(msg, body, rec.files)
            return jresp(self._public(msg))
        if m == "GET":
            return jresp(self._public(self.messages[mid]))
        if m == "DELETE":
            self.deleted.add(mid)
            return web.Response(status=204)
        return self._error(405, 0, "405: Method Not Allowed")

    def _enforced_nonce(self, body: dict[str, Any]) -> dict[str, Any] | None:
        """The message already created with this nonce within the window, when the request
        asks for enforce_nonce (one author: the bot)."""
        nonce = body.get("nonce")
        if nonce is None or not body.get("enforce_nonce"):
            return None
        seen = self._nonces.get(str(nonce))
        if seen is None or time.monotonic() - seen[0] > self.nonce_window:
            return None
        return self.messages.get(seen[1])

    def dms_to(self, user_id: str) -> list[dict[str, Any]]:
        """Every message in the DM channel with this user, oldest first."""
        channels = {c for c, u in self.dm_channels.items() if u == user_id}
        return sorted((msg for mid, msg in self.messages.items()
                       if msg["channel_id"] in channels and mid not in self.deleted),
                      key=lambda msg: int(msg["id"]))

    def _history(self, channel_id: str, query: dict[str, str]) -> web.Response:
        """GET /channels/{id}/messages: newest first; `after` gives the oldest `limit`
        messages after that id (still newest first), `before` the newest before it."""
        limit = max(1, min(100, int(query.get("limit") or 50)))
        found = sorted((msg for mid, msg in self.messages.items()
                        if msg["channel_id"] == channel_id and mid not in self.deleted),
                       key=lambda msg: int(msg["id"]))
        if "before" in query:
            found = [msg for msg in found if int(msg["id"]) < int(query["before"])][-limit:]
        elif "after" in query:
            found = [msg for msg in found if int(msg["id"]) > int(query["after"])][:limit]
        else:
            found = found[-limit:]
        return jresp([self._public(msg) for msg in reversed(found)])

    def _apply_edit(self, msg: dict[str, Any], body: dict[str, Any],
                    files: list[tuple[str, bytes]]) -> None:
        for key in ("content", "embeds", "components", "allowed_mentions"):
            if key in body:
                msg[key] = body[key] if body[key] is not None else ([] if key != "content"
                                                                     else "")
        if "flags" in body and body["flags"] is not None:
            msg["flags"] = (msg["flags"] & EPHEMERAL) | int(body["flags"])
        msg["flags"] &= ~LOADING
        msg["edited_timestamp"] = iso_now()
        if files:
            msg["_files"] = files

    def _callback(self, iid: str, token: str, rec: Recorded) -> web.Response:
        it = self.interactions.get(iid)
        if it is None or it.token != token:
            return self._error(404, 10062, "Unknown interaction")
        if it.responses:
            return self._error(400, 40060, "Interaction has already been acknowledged.")
        it.responses.append(rec)
        it.first_response_at = rec.at
        body = rec.json or {}
        rtype = body.get("type")
        data = body.get("data") or {}
        channel_id = it.payload.get("channel_id", "")
        info: dict[str, Any] = {"id": iid, "type": it.type, "activity_instance_id": None,
                                "response_message_id": None, "response_message_loading": False,
                                "response_message_ephemeral": False}
        resource: dict[str, Any] | None = {"type": rtype}
        if rtype in (4, 5):
            flags = int(data.get("flags") or 0) | (LOADING if rtype == 5 else 0)
            msg = self._stored(snowflake(), channel_id, data, flags, rec.files)
            invoker = (it.payload.get("member") or {}).get("user") or it.payload.get("user")
            msg["interaction_metadata"] = {"id": iid, "type": it.type, "user": invoker,
                                           "authorizing_integration_owners": {}}
            it.original_message_id = msg["id"]
            info |= {"response_message_id": msg["id"], "response_message_loading": rtype == 5,
                     "response_message_ephemeral": bool(msg["flags"] & EPHEMERAL)}
            if rtype == 4:
                resource = {"type": 4, "message": self._public(msg)}
        elif rtype in (6, 7):
            target = it.payload.get("message", {}).get("id")
            it.original_message_id = target
            if rtype == 7 and target in self.messages:
                self._apply_edit(self.messages[target], data, rec.files)
                resource = {"type": 7, "message": self._public(self.messages[target])}
        elif rtype in (8, 9):
            pass
        return jresp({"interaction": info, "resource": resource})

    def _webhook(self, m: str, token: str, which: str | None, rec: Recorded) -> web.Response:
        it = self.by_token.get(token)
        if it is None:
            return self._error(404, 10015, "Unknown Webhook")
        it.responses.append(rec)
        body = rec.json or {}
        channel_id = it.payload.get("channel_id", "")
        if which is None and m == "POST":
            msg = self._stored(snowflake(), channel_id, body, int(body.get("flags") or 0),
                               rec.files)
            return jresp(self._public(msg))
        mid = it.original_message_id if which == "@original" else which
        if mid is None or mid not in self.messages or mid in self.deleted:
            return self._error(404, 10008, "Unknown Message")
        if m == "PATCH":
            self._apply_edit(self.messages[mid], body, rec.files)
            return jresp(self._public(self.messages[mid]))
        if m == "DELETE":
            self.deleted.add(mid)
            return web.Response(status=204)
        if m == "GET":
            return jresp(self._public(self.messages[mid]))
        return self._error(405, 0, "405: Method Not Allowed")

    # --- OpenAPI check --------------------------------------------------------------------------

    _validators: ClassVar[dict[tuple[str, str], Any]] = {}

    def _check_spec(self, rec: Recorded) -> None:
        validator = self._validator(rec.method, rec.path)
        if validator is None:
            return
        self.spec_checked += 1
        for error in validator.iter_errors(_snowflakes_as_strings(rec.json)):
            where = "/".join(str(x) for x in error.absolute_path)
            self.spec_errors.append(f"{rec.method} {rec.path} {where}: {error.message[:300]}")

    def _validator(self, method: str, path: str) -> Any:
        assert self.spec is not None
        for template, ops in self.spec["paths"].items():
            rx = "^" + re.sub(r"\\\{[^}]+\\\}", r"[^/]+", re.escape(template)) + "$"
            if not re.match(rx, path):
                continue
            # literal segments beat parameters: /messages/@original vs /messages/{message_id}
            if "{message_id}" in template and path.endswith("/@original"):
                continue
            op = ops.get(method.lower())
            if op is None or "requestBody" not in op:
                return None
            key = (method, template)
            if key not in FakeDiscord._validators:
                from jsonschema import Draft202012Validator

                content = op["requestBody"]["content"]
                schema = (content.get("application/json") or next(iter(content.values())))[
                    "schema"]
                FakeDiscord._validators[key] = Draft202012Validator(
                    {**schema, "components": self.spec["components"]})
            return FakeDiscord._validators[key]
        return None
