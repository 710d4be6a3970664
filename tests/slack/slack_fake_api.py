"""A local fake of the Slack Web API (plus response_url webhooks and file upload URLs) on
127.0.0.1, speaking Slack's JSON: `{"ok": true, ...}` or `{"ok": false, "error": "..."}`.

It keeps a little world (channels the bot is in, messages by ts, users with roles, DMs) and
records every call, so tests assert on what the bot sent. Knobs: `fail(method, error)` for the
next call(s), `rate_limit(method, times, retry_after)` for HTTP 429 with Retry-After,
`dm_closed` for users who refuse DMs, `expired_triggers` for views.open.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from aiohttp import web

BOT_USER_ID = "UBOT0001"
TEAM_ID = "T0TEAM001"


@dataclass(slots=True)
class Call:
    method: str
    args: dict[str, Any]
    headers: dict[str, str]
    at: float


@dataclass(slots=True)
class Posted:
    channel: str
    ts: str
    text: str
    blocks: list[Any]
    thread_ts: str | None = None
    history: list[dict[str, Any]] = field(default_factory=list)
    metadata: dict[str, Any] | None = None


@dataclass(slots=True)
class FakeUser:
    id: str
    name: str
    is_admin: bool = False
    is_owner: bool = False
    tz: str = "America/Los_Angeles"


class FakeSlackAPI:
    def __init__(self, *, post_latency: float = 0.0) -> None:
        self.post_latency = post_latency  # seconds each chat.postMessage takes
        self.calls: list[Call] = []
        self.messages: dict[tuple[str, str], Posted] = {}
        self.ephemerals: list[dict[str, Any]] = []
        self.responses: list[dict[str, Any]] = []  # bodies POSTed to response_urls
        self.views: list[dict[str, Any]] = []
        self.uploads: dict[str, bytes] = {}
        self.files: list[dict[str, Any]] = []
        self.users: dict[str, FakeUser] = {}
        self.user_groups: list[dict[str, Any]] = []  # usergroups.list, as Slack returns them
        self.member_of: set[str] = {"C0GENERAL", "C0RANDOM"}
        self.known_channels: set[str] = {"C0GENERAL", "C0RANDOM", "C0PRIVATE", "C0ARCHIVED"}
        self.archived: set[str] = {"C0ARCHIVED"}
        self.dm_closed: set[str] = set()
        self.expired_triggers: set[str] = set()
        self._failures: dict[str, list[str]] = {}
        self._rate_limits: dict[str, list[int]] = {}
        self._server_errors: dict[str, list[int]] = {}
        self._last_ts = 0.0
        self._ids = itertools.count(1)
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self.port = 0
        self.sockets: list[web.WebSocketResponse] = []
        self.socket_acks: list[dict[str, Any]] = []

    # --- knobs ---------------------------------------------------------------------------------

    def add_user(self, user_id: str, name: str, *, admin: bool = False,
                 owner: bool = False) -> FakeUser:
        user = FakeUser(user_id, name, admin, owner)
        self.users[user_id] = user
        return user

    def add_user_group(self, group_id: str, handle: str, name: str = "") -> None:
        """A user group (the objs_subteam fields usergroups.list returns; all required)."""
        now = int(time.time())
        self.user_groups.append({
            "id": group_id, "team_id": TEAM_ID, "is_usergroup": True, "is_subteam": True,
            "name": name or handle.title(), "description": "", "handle": handle,
            "is_external": False, "date_create": now, "date_update": now, "date_delete": 0,
            "auto_type": None, "auto_provision": False, "enterprise_subteam_id": "",
            "created_by": "U0ADMIN01", "updated_by": "U0ADMIN01", "deleted_by": None,
            "prefs": {"channels": [], "groups": []}, "user_count": 0,
        })

    def fail(self, method: str, error: str, times: int = 1) -> None:
        self._failures.setdefault(method, []).extend([error] * times)

    def server_error(self, method: str, status: int = 500, times: int = 1) -> None:
        """The next call(s) fail with HTTP `status`; a 500 still does the work first (the
        ambiguous case: processed, but the answer is lost)."""
        self._server_errors.setdefault(method, []).extend([status] * times)

    def rate_limit(self, method: str, times: int = 1, retry_after: int = 0) -> None:
        self._rate_limits.setdefault(method, []).extend([retry_after] * times)

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/"

    def response_url(self, name: str = "r") -> str:
        return f"http://127.0.0.1:{self.port}/respond/{name}-{next(self._ids)}"

    # --- queries for tests ---------------------------------------------------------------------

    def calls_to(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    def posts(self, channel: str | None = None) -> list[Posted]:
        return [p for p in self.messages.values() if channel is None or p.channel == channel]

    async def wait_for(self, predicate: Callable[[], bool], within: float = 15.0) -> None:
        """Wait until `predicate()` holds (re-checked after every call the fake serves)."""
        async def check() -> None:
            async with self._changed:
                await self._changed.wait_for(predicate)
        await asyncio.wait_for(check(), within)

    # --- server --------------------------------------------------------------------------------

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/api/{method}", self._api)
        app.router.add_get("/api/{method}", self._api)
        app.router.add_post("/respond/{name}", self._respond)
        app.router.add_post("/upload/{file_id}", self._upload)
        app.router.add_get("/link", self._socket)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        address = self._runner.addresses[0]
        self.port = int(address[1])

    async def stop(self) -> None:
        await self.close_sockets()
        if self._runner is not None:
            await self._runner.cleanup()

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    async def _args(self, request: web.Request) -> dict[str, Any]:
        args: dict[str, Any] = dict(request.query)
        if request.can_read_body:
            raw = await request.read()
            ctype = request.content_type
            if ctype == "application/json":
                args.update(json.loads(raw or b"{}"))
            elif ctype == "application/x-www-form-urlencoded":
                args.update(dict(parse_qsl(raw.decode(), keep_blank_values=True)))
            elif ctype.startswith("multipart/"):
                args["_multipart"] = True
        for key in ("blocks", "view", "files"):
            if isinstance(args.get(key), str):
                with contextlib.suppress(ValueError):  # a value that is not JSON stays text
                    args[key] = json.loads(args[key])
        return args

    async def _api(self, request: web.Request) -> web.StreamResponse:
        method = request.match_info["method"]
        args = await self._args(request)
        self.calls.append(Call(method, args, dict(request.headers), time.monotonic()))
        if self.post_latency and method == "chat.postMessage":
            await asyncio.sleep(self.post_latency)
        try:
            auth = request.headers.get("Authorization", "")
            wanted = "Bearer xapp-" if method == "apps.connections.open" else "Bearer xoxb-"
            if not auth.startswith(wanted):
                return self._error("not_authed" if not auth else "invalid_auth")
            limits = self._rate_limits.get(method)
            if limits:
                retry_after = limits.pop(0)
                return web.json_response({"ok": False, "error": "ratelimited"}, status=429,
                                         headers={"Retry-After": str(retry_after)})
            errors = self._server_errors.get(method)
            if errors:
                status = errors.pop(0)
                handler = getattr(self, "m_" + method.replace(".", "_"), None)
                if status != 503 and handler is not None:
                    handler(args)  # processed, but the answer is lost
                code = "service_unavailable" if status == 503 else "fatal_error"
                return web.json_response({"ok": False, "error": code}, status=status)
            failures = self._failures.get(method)
            if failures:
                return self._error(failures.pop(0))
            handler = getattr(self, "m_" + method.replace(".", "_"), None)
            if handler is None:
                return self._error("unknown_method")
            result: dict[str, Any] = handler(args)
            if result.get("ok") is False:
                return web.json_response(result)
            return web.json_response({"ok": True, **result})
        finally:
            await self._notify()

    @staticmethod
    def _error(code: str) -> web.Response:
        return web.json_response({"ok": False, "error": code})

    async def _respond(self, request: web.Request) -> web.StreamResponse:
        body = json.loads(await request.read() or b"{}")
        body["_url"] = str(request.url)
        self.responses.append(body)
        await self._notify()
        return web.Response(text="ok")

    async def _upload(self, request: web.Request) -> web.StreamResponse:
        self.uploads[request.match_info["file_id"]] = await request.read()
        await self._notify()
        return web.Response(text=f"OK - {len(self.uploads[request.match_info['file_id']])}")

    # --- Socket Mode ---------------------------------------------------------------------------

    async def _socket(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        self.sockets.append(ws)
        await ws.send_json({"type": "hello", "num_connections": 1,
                            "debug_info": {"host": "fake", "approximate_connection_time": 3600},
                            "connection_info": {"app_id": "A0TWEETUP"}})
        await self._notify()
        async for message in ws:
            if message.type.name == "TEXT":
                self.socket_acks.append(json.loads(message.data))
                await self._notify()
        return ws

    async def socket_send(self, kind: str, payload: dict[str, Any], *, envelope_id: str,
                          retry_attempt: int = 0) -> None:
        """Push one envelope to the connected app, as Slack does in Socket Mode."""
        envelope: dict[str, Any] = {"envelope_id": envelope_id, "type": kind,
                                    "payload": payload,
                                    "accepts_response_payload": kind != "events_api"}
        if kind == "events_api":
            envelope.update(retry_attempt=retry_attempt,
                            retry_reason="timeout" if retry_attempt else "")
        await self.sockets[-1].send_json(envelope)

    async def close_sockets(self) -> None:
        for ws in self.sockets:
            await ws.close()

    def m_apps_connections_open(self, args: dict[str, Any]) -> dict[str, Any]:
        return {"url": f"ws://127.0.0.1:{self.port}/link"}

    # --- methods -------------------------------------------------------------------------------

    def _next_ts(self) -> str:
        """Slack's message ts: the time it was posted, in microseconds, unique per message."""
        self._last_ts = max(time.time(), self._last_ts + 1e-6)
        return f"{self._last_ts:.6f}"

    def _can_post(self, channel: str) -> str | None:
        if channel.startswith("D"):
            return None
        if channel not in self.known_channels:
            return "channel_not_found"
        if channel in self.archived:
            return "is_archived"
        if channel not in self.member_of:
            return "not_in_channel"
        return None

    def m_auth_test(self, args: dict[str, Any]) -> dict[str, Any]:
        return {"url": "https://tweetup-test.slack.com/", "team": "Tweetup Test",
                "user": "tweetup", "team_id": TEAM_ID, "user_id": BOT_USER_ID,
                "bot_id": "B0BOT0001", "is_enterprise_install": False}

    def m_users_info(self, args: dict[str, Any]) -> dict[str, Any]:
        user = self.users.get(str(args.get("user")))
        if user is None:
            return {"ok": False, "error": "user_not_found"}
        return {"user": {"id": user.id, "team_id": TEAM_ID, "name": user.name,
                         "real_name": user.name.title(), "tz": user.tz, "deleted": False,
                         "is_bot": False, "is_admin": user.is_admin, "is_owner": user.is_owner,
                         "is_primary_owner": False}}

    def m_usergroups_list(self, args: dict[str, Any]) -> dict[str, Any]:
        """The workspace's enabled user groups (`fail("usergroups.list", "missing_scope")`:
        an app installed without usergroups:read)."""
        return {"usergroups": [g for g in self.user_groups if not g["date_delete"]]}

    def m_chat_postMessage(self, args: dict[str, Any]) -> dict[str, Any]:
        channel = str(args.get("channel", ""))
        problem = self._can_post(channel)
        if problem:
            return {"ok": False, "error": problem}
        if not args.get("text") and not args.get("blocks"):
            return {"ok": False, "error": "no_text"}
        ts = self._next_ts()
        posted = Posted(channel, ts, str(args.get("text", "")), list(args.get("blocks") or []),
                        args.get("thread_ts"), metadata=self._metadata(args))
        self.messages[(channel, ts)] = posted
        return {"channel": channel, "ts": ts,
                "message": {"type": "message", "text": posted.text, "user": BOT_USER_ID,
                            "bot_id": "B0BOT0001", "ts": ts}}

    @staticmethod
    def _metadata(args: dict[str, Any]) -> dict[str, Any] | None:
        """Message metadata as given ({event_type, event_payload}; a JSON string in a form)."""
        metadata = args.get("metadata")
        if isinstance(metadata, str):
            metadata = json.loads(metadata)
        return metadata if isinstance(metadata, dict) else None

    def dms_to(self, user_id: str) -> list[Posted]:
        """Every message in the bot's DM with this user, oldest first (Slack never merges
        two posts: it has no idempotency key)."""
        channel = "D" + user_id[1:]
        return sorted(self.posts(channel), key=lambda p: float(p.ts))

    def m_conversations_history(self, args: dict[str, Any]) -> dict[str, Any]:
        """Newest first, from `oldest` (exclusive) to `latest`; `limit` per page with a
        cursor; message metadata only with include_all_metadata."""
        channel = str(args.get("channel", ""))
        if not channel.startswith("D") and channel not in self.member_of:
            return {"ok": False, "error": "not_in_channel"}
        oldest = float(args.get("oldest") or 0)
        latest = float(args.get("latest") or "inf")
        limit = max(1, min(999, int(args.get("limit") or 100)))
        start = int(args.get("cursor") or 0)
        with_metadata = str(args.get("include_all_metadata", "")).lower() in ("1", "true")
        found = sorted((p for p in self.posts(channel)
                        if p.thread_ts is None and oldest < float(p.ts) < latest),
                       key=lambda p: float(p.ts), reverse=True)
        page = found[start:start + limit]
        messages = []
        for p in page:
            message: dict[str, Any] = {"type": "message", "user": BOT_USER_ID,
                                       "bot_id": "B0BOT0001", "text": p.text, "ts": p.ts}
            if with_metadata and p.metadata is not None:
                message["metadata"] = p.metadata
            messages.append(message)
        more = start + limit < len(found)
        return {"messages": messages, "has_more": more, "pin_count": 0,
                "response_metadata": {"next_cursor": str(start + limit) if more else ""}}

    def m_conversations_replies(self, args: dict[str, Any]) -> dict[str, Any]:
        """A thread's messages, oldest first, from `oldest` (exclusive); paged like history
        (the parent, a member's message here, is not among the bot's posts)."""
        channel, ts = str(args.get("channel", "")), str(args.get("ts", ""))
        if channel not in self.member_of:
            return {"ok": False, "error": "not_in_channel"}
        oldest = float(args.get("oldest") or 0)
        limit = max(1, min(999, int(args.get("limit") or 100)))
        start = int(args.get("cursor") or 0)
        with_metadata = str(args.get("include_all_metadata", "")).lower() in ("1", "true")
        found = sorted((p for p in self.posts(channel)
                        if p.thread_ts == ts and oldest < float(p.ts)),
                       key=lambda p: float(p.ts))
        messages = []
        for p in found[start:start + limit]:
            message: dict[str, Any] = {"type": "message", "user": BOT_USER_ID,
                                       "bot_id": "B0BOT0001", "text": p.text, "ts": p.ts,
                                       "thread_ts": ts}
            if with_metadata and p.metadata is not None:
                message["metadata"] = p.metadata
            messages.append(message)
        more = start + limit < len(found)
        return {"messages": messages, "has_more": more,
                "response_metadata": {"next_cursor": str(start + limit) if more else ""}}

    def m_chat_update(self, args: dict[str, Any]) -> dict[str, Any]:
        key = (str(args.get("channel")), str(args.get("ts")))
        posted = self.messages.get(key)
        if posted is None:
            return {"ok": False, "error": "message_not_found"}
        posted.history.append({"text": posted.text, "blocks": posted.blocks})
        posted.text = str(args.get("text", ""))
        posted.blocks = list(args.get("blocks") or [])
        return {"channel": key[0], "ts": key[1], "text": posted.text}

    def m_chat_postEphemeral(self, args: dict[str, Any]) -> dict[str, Any]:
        channel = str(args.get("channel", ""))
        problem = self._can_post(channel)
        if problem:
            return {"ok": False, "error": problem}
        self.ephemerals.append(args)
        return {"message_ts": self._next_ts()}

    def m_conversations_open(self, args: dict[str, Any]) -> dict[str, Any]:
        user = str(args.get("users", ""))
        if user in self.dm_closed:
            return {"ok": False, "error": "cannot_dm_bot"}
        if user not in self.users:
            return {"ok": False, "error": "user_not_found"}
        return {"channel": {"id": "D" + user[1:]}}

    def m_views_open(self, args: dict[str, Any]) -> dict[str, Any]:
        trigger = str(args.get("trigger_id", ""))
        if trigger in self.expired_triggers:
            return {"ok": False, "error": "expired_trigger_id"}
        view = args.get("view")
        if not isinstance(view, dict) or view.get("type") != "modal":
            return {"ok": False, "error": "invalid_arguments"}
        self.views.append(view)
        return {"view": {"id": f"V{next(self._ids):08d}", **view}}

    def m_files_getUploadURLExternal(self, args: dict[str, Any]) -> dict[str, Any]:
        if not args.get("filename") or not args.get("length"):
            return {"ok": False, "error": "invalid_arguments"}
        file_id = f"F{next(self._ids):08d}"
        return {"upload_url": f"http://127.0.0.1:{self.port}/upload/{file_id}",
                "file_id": file_id}

    def m_files_completeUploadExternal(self, args: dict[str, Any]) -> dict[str, Any]:
        files = args.get("files")
        if isinstance(files, str):
            files = json.loads(files)
        channel = args.get("channel_id")
        if channel and self._can_post(str(channel)):
            return {"ok": False, "error": self._can_post(str(channel))}
        done = []
        for f in files or []:
            if f.get("id") not in self.uploads:
                return {"ok": False, "error": "file_not_found"}
            done.append({"id": f["id"], "title": f.get("title"), "channels": [channel]})
        self.files.extend(done)
        return {"files": done}
