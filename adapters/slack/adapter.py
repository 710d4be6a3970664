"""The Slack adapter: slack-bolt's AsyncApp in Socket Mode or HTTP mode, Block Kit out.

Inbound, every listener acknowledges first and hands the neutral event to the core in a
background task (the app runs with `process_before_response=True`, so Bolt answers Slack as soon
as the ack function returns, with no polling; the task is ours, tracked for a clean stop). The
one exception is a modal submission: Slack only shows inline field errors if they are in the
ack itself, so the ack waits (at most `FORM_VERDICT_SECONDS`, well inside Slack's 3 s) for the
core's verdict: `reject_form` -> `response_action: errors`; any other output of the core for
that event (`reply`/`open_form` to it, or a post, card update or DM sent `answering` it), or
the end of its handling -> the modal closes. The state is the event's own `SlackHandle.modal`
(`ModalVerdict`), reached only through the event the core passes.

Outbound, posts and card updates are paced per channel (FIFO, ~1/s) and slack_sdk's retry
handlers deal with 429 (Retry-After), connection errors and 5xx. Platform errors become the
port's errors (DMClosed, ChannelUnavailable, MessageGone, PlatformBusy).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, TypeVar
from urllib.parse import parse_qs

from aiohttp import ClientConnectorError, ClientError, ClientSession, web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.errors import SlackApiError, SlackRequestError
from slack_sdk.http_retry.builtin_async_handlers import AsyncRateLimitErrorRetryHandler
from slack_sdk.signature import SignatureVerifier
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from adapters.commandline import CommandLineError, by_name
from bot.ports import (
    ChannelUnavailable,
    ChatError,
    DeliveryUnknown,
    DMClosed,
    GroupLookup,
    Inbox,
    MessageGone,
    PlatformBusy,
)
from bot.types import (
    Attachment,
    CommandSpec,
    Form,
    FormSubmitted,
    Inbound,
    MessageRef,
    Outgoing,
    Place,
    SlackSettings,
    Text,
    UserRef,
)

from . import inbound, render
from .inbound import EPHEMERAL_PREFIX, PLATFORM, ModalVerdict, SlackHandle
from .pacing import ChannelPacer
from .retries import SafeConnectionErrorRetryHandler, SafeServerErrorRetryHandler

log = logging.getLogger("tweetup.slack")
SIGNATURE_MAX_AGE_SECONDS = 5 * 60  # Slack's rule, as Bolt applies it


def _is_ssl_check(headers: Mapping[str, str], body: bytes) -> bool:
    if not headers.get("Content-Type", "").startswith("application/x-www-form-urlencoded"):
        return False
    return parse_qs(body.decode("utf-8", "replace")).get("ssl_check") == ["1"]

COMMAND = "/meetup"
FORM_VERDICT_SECONDS = 2.0
SUGGEST_SECONDS = 2.0
USER_CACHE_SECONDS = 300.0
EPHEMERAL_REF_SECONDS = 30 * 60.0
SENT_KEYS_KEPT = 10_000
SENT_EVENT = "tweetup_sent"
"""The message metadata event_type of a message sent with a dedupe key: its payload holds the
key, which `find_sent` reads back with conversations.history (Slack has no idempotency key)."""
HISTORY_PAGE = 15  # the most a page may hold for apps outside the Slack Marketplace

CHANNEL_ERRORS = frozenset({
    "channel_not_found", "not_in_channel", "is_archived", "channel_is_archived",
    "restricted_action", "restricted_action_read_only_channel",
    "restricted_action_thread_only_channel", "restricted_action_non_threadable_channel",
    "team_access_not_granted", "ekm_access_denied", "user_not_in_channel",
})
GONE_ERRORS = frozenset({"message_not_found", "cant_update_message", "edit_window_closed"})
NO_GROUPS_ERRORS = frozenset({"no_permission", "upgrade_require", "upgrade_required",
                              "paid_teams_only", "not_allowed_token_type"})
"""usergroups.list refusals that mean the bot cannot see user groups here (not a passing
failure): the admin is told to pick the group instead."""
DM_ERRORS = frozenset({
    "cannot_dm_bot", "user_not_found", "user_disabled", "user_not_visible",
    "messages_tab_disabled", "not_allowed_token_type",
})
REFUSED_ERRORS = frozenset({"ratelimited", "rate_limited", "service_unavailable"})
UNKNOWN_ERRORS = frozenset({"fatal_error", "internal_error", "request_timeout"})
TRIGGER_ERRORS = frozenset({"expired_trigger_id", "exchanged_trigger_id", "invalid_trigger_id"})

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class _UserInfo:
    """What users.info tells about a member, cached for a few minutes."""

    expires: float
    admin: bool = False
    tz: str | None = None
    name: str = ""


@dataclass(slots=True)
class _CardState:
    """Pending chat.update calls for one card: the latest content wins (coalescing)."""

    seq: int = 0
    sent: int = 0
    latest: Outgoing | None = None
    waiters: int = 0


def _settle(answering: Inbound | None) -> None:
    """The core sent something while handling `answering`: if that was a submitted modal, it
    was not rejected, so its ack closes it now (ModalVerdict WAITING -> CLOSED)."""
    if answering is not None and isinstance(answering.handle, SlackHandle):
        answering.handle.accept()


def _error_code(exc: SlackApiError) -> str:
    data = getattr(exc.response, "data", None)
    if isinstance(data, Mapping):
        return str(data.get("error") or "")
    return ""


def translate(exc: Exception, *, dm: bool = False) -> ChatError:
    """A slack_sdk/aiohttp error -> the port's error. `PlatformBusy` only where Slack certainly
    did not process the call (429, 503, no connection); `DeliveryUnknown` where it may have
    (timeouts, other 5xx, a connection lost mid-request)."""
    if isinstance(exc, SlackApiError):
        code = _error_code(exc)
        status = getattr(exc.response, "status_code", 200)
        err: ChatError
        if code in REFUSED_ERRORS or status in (429, 503):
            err = PlatformBusy(f"Slack is busy ({code or status})")
        elif code in UNKNOWN_ERRORS or status >= 500:
            err = DeliveryUnknown(f"Slack failed mid-call ({code or status})")
        elif dm and (code in DM_ERRORS or code in CHANNEL_ERRORS):
            err = DMClosed(f"cannot send a direct message ({code})")
        elif code in CHANNEL_ERRORS:
            err = ChannelUnavailable(
                f"I can't post in that channel ({code}). Invite me to it with "
                "`/invite @Tweetup` and try again."
            )
        elif code in GONE_ERRORS:
            err = MessageGone(f"the message is gone ({code})")
        else:
            err = ChatError(f"Slack refused the call ({code or status})")
        err.__cause__ = exc
        return err
    if isinstance(exc, ClientConnectorError):
        err = PlatformBusy(f"cannot reach Slack ({type(exc).__name__})")
    elif isinstance(exc, ClientError | TimeoutError | asyncio.TimeoutError):
        err = DeliveryUnknown(f"lost Slack mid-call ({type(exc).__name__})")
    elif isinstance(exc, SlackRequestError):
        err = ChatError(f"Slack request failed ({exc})")
    else:
        raise exc
    err.__cause__ = exc
    return err


class SlackAdapter:
    """`ChatAdapter` for Slack. Build with `SlackAdapter(settings)`, then `await run(inbox)`."""

    platform = PLATFORM

    def __init__(self, settings: SlackSettings, *, command: str = COMMAND) -> None:
        self.settings = settings
        self.command = command
        self.form_verdict_seconds = FORM_VERDICT_SECONDS
        self.client = AsyncWebClient(
            token=settings.bot_token.reveal(),
            base_url=settings.api_url if settings.api_url.endswith("/") else settings.api_url + "/",
            timeout=30,
            retry_handlers=[
                SafeConnectionErrorRetryHandler(max_retry_count=2),
                AsyncRateLimitErrorRetryHandler(max_retry_count=3),
                SafeServerErrorRetryHandler(max_retry_count=2),
            ],
        )
        self.app = AsyncApp(
            client=self.client,
            signing_secret=settings.signing_secret.reveal() or None,
            process_before_response=True,
            logger=logging.getLogger("tweetup.slack.bolt"),
        )
        self.pacer = ChannelPacer(settings.posts_per_second_per_channel)
        secret = settings.signing_secret.reveal()
        self._verifier = SignatureVerifier(secret) if secret else None  # HTTP mode needs it
        self._inbox: Inbox | None = None
        self._stopped = asyncio.Event()
        self._tasks: set[asyncio.Task[Any]] = set()
        self._user_cache: dict[str, _UserInfo] = {}
        self._dm_channels: dict[str, str] = {}
        self._ephemeral_urls: OrderedDict[str, tuple[float, str]] = OrderedDict()
        self._cards: dict[tuple[str, str], _CardState] = {}
        self._sent: OrderedDict[str, asyncio.Future[MessageRef | None]] = OrderedDict()
        self._bot_user_id: str | None = None
        self._team_id: str = ""
        self._socket: Any = None
        self._session: ClientSession | None = None
        self.ready = asyncio.Event()
        self._register()

    # --- lifecycle ------------------------------------------------------------------------------

    async def run(self, inbox: Inbox) -> None:
        self._inbox = inbox
        self._stopped.clear()
        # One pooled HTTP session for every Web API call and response_url (slack_sdk would
        # otherwise open a new connection, and a TLS handshake, per call).
        self._session = ClientSession()
        self.client.session = self._session
        try:
            await self._identify()
            if self.settings.mode == "http":
                self._check_http()
            else:
                await self._start_socket()
            self.ready.set()
            await self._stopped.wait()
        finally:
            await self._shutdown()

    async def stop(self) -> None:
        self._stopped.set()

    async def _identify(self) -> None:
        try:
            auth = await self.client.auth_test()
        except SlackApiError as exc:
            raise ChatError(f"Slack rejected the bot token ({_error_code(exc)})") from exc
        except (ClientError, TimeoutError) as exc:  # unreachable: say so once, at start
            raise ChatError(
                f"cannot reach Slack at {self.settings.api_url} ({type(exc).__name__}: {exc})"
            ) from exc
        self._bot_user_id = auth.get("user_id")
        self._team_id = auth.get("team_id") or ""

    def web_routes(self) -> list[web.RouteDef]:
        """HTTP mode: Slack's requests arrive on the bot's one web server (bot/web), which the
        composition root builds from these routes; Socket Mode needs none."""
        if self.settings.mode != "http":
            return []
        return [web.post(self.settings.http_path, self._http_events)]

    def _check_http(self) -> None:
        if not self.settings.signing_secret.reveal():
            raise ChatError("HTTP mode needs [slack] signing_secret (or "
                            "TWEETUP_SLACK_SIGNING_SECRET) to verify Slack's requests")
        log.info("slack: HTTP mode, requests at %s on the web server", self.settings.http_path)

    async def _start_socket(self) -> None:
        from slack_bolt.adapter.socket_mode.aiohttp import AsyncSocketModeHandler

        if self.settings.app_token is None:
            raise ChatError("Socket Mode needs [slack] app_token (xapp-...)")
        self._socket = AsyncSocketModeHandler(self.app, self.settings.app_token.reveal())
        await self._socket.connect_async()
        log.info("slack: connected in Socket Mode")

    async def _shutdown(self) -> None:
        try:
            await self._stop_serving()
        finally:
            if self._session is not None:
                await self._session.close()
                self._session = None
                self.client.session = None

    async def _stop_serving(self) -> None:
        if self._socket is not None:
            with contextlib.suppress(Exception):
                await self._socket.close_async()
            self._socket = None
        if self._tasks:
            _done, pending = await asyncio.wait(set(self._tasks), timeout=5)
            for task in pending:
                task.cancel()
        self.ready.clear()

    async def _http_events(self, request: web.Request) -> web.StreamResponse:
        if not self.ready.is_set():
            # The web server starts before the adapter has connected; Slack retries events.
            return web.json_response({"ok": False, "error": "starting"}, status=503,
                                     headers={"Retry-After": "1"})
        refusal = self._refusal(request.headers, await request.read())
        if refusal is not None:
            # One line per rejection: never the body (it may hold a response_url), and never
            # a traceback, whatever the headers hold.
            log.warning("slack: request rejected (%s) from %s", refusal, request.remote)
            return web.json_response({"error": "invalid request"}, status=401)
        try:
            bolt_request = await to_bolt_request(request)
            bolt_response = await self.app.async_dispatch(bolt_request)
        except Exception as exc:
            # A body Bolt cannot parse or match (never sent by Slack itself): a clear 400, not
            # an aiohttp 500 with a traceback per request.
            log.warning("slack: malformed request rejected (%s)", type(exc).__name__)
            return web.json_response({"ok": False, "error": "malformed_request"}, status=400)
        return await to_aiohttp_response(bolt_response)

    def _refusal(self, headers: Mapping[str, str], body: bytes) -> str | None:
        """Why a request is not from Slack (None: it is signed by Slack, and fresh). Checked
        before Bolt sees it: Bolt would log the whole body of a rejected request, and answer
        a non-numeric timestamp with a 500 and a traceback."""
        if _is_ssl_check(headers, body):
            return None  # Slack's certificate check is unsigned; Bolt answers it
        timestamp = headers.get("X-Slack-Request-Timestamp", "")
        signature = headers.get("X-Slack-Signature", "")
        if not timestamp or not signature or self._verifier is None:
            return "unsigned"
        if not (timestamp.isascii() and timestamp.isdigit()):
            return "timestamp is not a number"
        if abs(time.time() - int(timestamp)) > SIGNATURE_MAX_AGE_SECONDS:
            return "stale timestamp"
        try:
            valid = self._verifier.is_valid(body, timestamp, signature)
        except UnicodeDecodeError:
            valid = False
        return None if valid else "bad signature"

    async def idle(self, within: float = 10.0) -> None:
        """Wait until every background task (events handed to the core) is done. For tests."""
        deadline = time.monotonic() + within
        while self._tasks and time.monotonic() < deadline:
            await asyncio.wait(set(self._tasks), timeout=max(0.0, deadline - time.monotonic()))

    def _spawn(self, coro: Awaitable[None]) -> asyncio.Task[None]:
        task: asyncio.Task[None] = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    # --- inbound --------------------------------------------------------------------------------

    def _register(self) -> None:
        app = self.app
        # Any slash command of this app is the meetup command, so a workspace where `/meetup`
        # is taken can name it differently in the manifest.
        app.command(re.compile(r".*"))(self._on_command)
        app.action(re.compile(r"^tw:"))(self._on_action)
        app.action(re.compile(r".*"))(self._ack_only)
        app.view(re.compile("^" + re.escape(render.FORM_CALLBACK_PREFIX)))(self._on_view)
        app.view(re.compile(r".*"))(self._ack_only)
        app.view_closed(re.compile(r".*"))(self._ack_only)
        app.options(re.compile(r".*"))(self._on_options)
        app.shortcut(re.compile(r".*"))(self._ack_only)
        app.event("message")(self._on_message)
        app.event("team_leave")(self._on_team_leave)
        app.event("app_uninstalled")(self._on_removed)
        app.event("tokens_revoked")(self._on_removed)
        # Every event Slack sends is answered 2xx, even those the bot does not use: an
        # unanswered event is retried and eventually disables the subscription.
        app.event(re.compile(r".*"))(self._ignore_event)

    async def _ack_only(self, ack: AsyncAck) -> None:
        await ack()

    async def _ignore_event(self, body: dict[str, Any]) -> None:
        return None

    def _commands(self) -> dict[str, CommandSpec]:
        return by_name(self._inbox.commands) if self._inbox is not None else {}

    async def _on_command(self, ack: AsyncAck, body: dict[str, Any]) -> None:
        try:
            event = inbound.command(body, self._team_id, self._commands())
        except CommandLineError as exc:
            await ack(response_type="ephemeral", text=render.escape(str(exc)))
            return
        await ack()
        self._spawn(self._dispatch(event))

    async def _on_action(self, ack: AsyncAck, body: dict[str, Any]) -> None:
        await ack()
        events = inbound.actions(body, self._team_id)
        for event in events[:1]:  # they share one handle and one message
            url = _handle(event).response_url
            if event.message and event.message.message_id.startswith(EPHEMERAL_PREFIX) and url:
                self._remember_ephemeral(event.message, url)
        for event in events:
            self._spawn(self._dispatch(event))

    async def _on_view(self, ack: AsyncAck, body: dict[str, Any]) -> None:
        event = inbound.view_submission(body, self._team_id)
        handle = _handle(event)
        modal = handle.modal = ModalVerdict()
        self._spawn(self._dispatch(event))
        errors = await modal.wait(self.form_verdict_seconds)
        inline = _view_errors(errors, handle) if errors else {}
        if inline:
            await ack(response_action="errors", errors=inline)
            return
        await ack()
        if errors:  # no field to show them on: tell the member privately
            self._spawn(self._late_errors(handle, errors, event.user))

    async def _late_errors(self, handle: SlackHandle, errors: Mapping[str, str],
                           user: UserRef) -> None:
        msg = _errors_message(errors)
        try:
            await self._ephemeral(handle, render.message_payload(msg), user)
        except ChatError as exc:
            log.info("slack: could not tell the member about form errors (%s)", exc)

    async def _on_options(self, ack: AsyncAck, body: dict[str, Any]) -> None:
        request = inbound.options_request(body, self._team_id)
        choices: list[Any] = []
        if self._inbox is not None:
            try:
                choices = await asyncio.wait_for(self._inbox.suggest(request), SUGGEST_SECONDS)
            except TimeoutError:
                log.warning("slack: suggestions for %s timed out", request.option)
            except Exception:
                log.exception("slack: suggestions for %s failed", request.option)
        await ack(options=render.suggestion_options(choices))

    async def _on_message(self, body: dict[str, Any]) -> None:
        """Events are acknowledged by Bolt when this returns (auto-ack): keep it short."""
        event = inbound.message(body, self._team_id, self._bot_user_id or "")
        if event is not None:
            self._spawn(self._dispatch(event))

    async def _on_team_leave(self, body: dict[str, Any]) -> None:
        """A member left (or was removed from) the workspace."""
        left = inbound.left_member(body, self._team_id)
        if left is not None and self._inbox is not None:
            self._spawn(self._inbox.member_left(PLATFORM, *left))

    async def _on_removed(self, body: dict[str, Any]) -> None:
        """The app was uninstalled (or its bot token revoked): the core keeps the workspace's
        data for a grace period, then deletes it unless the bot comes back."""
        team = inbound.removed_from(body, self._team_id)
        if team is not None and self._inbox is not None:
            self._spawn(self._inbox.community_removed(PLATFORM, team))

    def _place(self, handle: SlackHandle) -> Place:
        return handle.place

    async def _dispatch(self, event: Inbound) -> None:
        """Hand a translated event to the core with what users.info says of the member."""
        handle = _handle(event)
        try:
            info = await self._user_info(handle.user_id)
            event = replace(event, is_admin=info.admin)
            if not event.user.name and info.name:
                event = replace(event, user=replace(event.user, name=info.name))
            if self._inbox is None:
                return
            await self._inbox.handle(event)
        except Exception:
            log.exception("slack: the core failed on a %s event", handle.kind)
        finally:
            handle.accept()  # the core is done: a modal it did not reject closes now

    async def is_admin(self, user_id: str) -> bool:
        """Workspace admin or owner (users.info, cached for a few minutes)."""
        return (await self._user_info(user_id)).admin

    async def user_timezone(self, user_id: str) -> str | None:
        """The member's own Slack time zone (users.info `tz`), cached."""
        return (await self._user_info(user_id)).tz

    async def _user_info(self, user_id: str) -> _UserInfo:
        if not user_id:
            return _UserInfo(0.0)
        now = time.monotonic()
        cached = self._user_cache.get(user_id)
        if cached and cached.expires > now:
            return cached
        try:
            response = await self.client.users_info(user=user_id)
        except Exception as exc:  # never let a lookup stop the event
            log.warning("slack: users.info failed (%s)", type(exc).__name__)
            return _UserInfo(0.0)
        user = response.get("user") or {}
        profile = user.get("profile") or {}
        info = _UserInfo(
            expires=now + USER_CACHE_SECONDS,
            admin=bool(user.get("is_admin") or user.get("is_owner")
                       or user.get("is_primary_owner")),
            tz=user.get("tz") if isinstance(user.get("tz"), str) else None,
            name=str(profile.get("display_name") or profile.get("real_name")
                     or user.get("real_name") or user.get("name") or ""),
        )
        if len(self._user_cache) > 10_000:
            self._user_cache.clear()
        self._user_cache[user_id] = info
        return info

    # --- outbound -------------------------------------------------------------------------------

    async def _call(self, call: Awaitable[T], *, dm: bool = False) -> T:
        try:
            return await call
        except (SlackApiError, ClientError, TimeoutError, SlackRequestError) as exc:
            raise translate(exc, dm=dm) from exc

    async def _deduped(self, key: str | None,
                       send: Callable[[], Awaitable[MessageRef]]) -> MessageRef:
        """Slack has no idempotency key for chat.postMessage, so `Outgoing.dedupe_key` is
        honoured within this process: a send with a key already sent (or being sent) returns
        that message instead of posting again."""
        if not key:
            return await send()
        while (earlier := self._sent.get(key)) is not None:
            ref = await asyncio.shield(earlier)
            if ref is not None:
                return ref
        future: asyncio.Future[MessageRef | None] = asyncio.get_running_loop().create_future()
        self._sent[key] = future
        while len(self._sent) > SENT_KEYS_KEPT:
            self._sent.popitem(last=False)
        try:
            ref = await send()
        except BaseException:
            self._sent.pop(key, None)
            future.set_result(None)
            raise
        future.set_result(ref)
        return ref

    async def post(
        self, place: Place, msg: Outgoing, *, answering: Inbound | None = None
    ) -> MessageRef:
        """chat.postMessage, paced per channel. Not in the channel -> ChannelUnavailable (the
        core answers the member with an ephemeral "invite me" reply, which `reply` delivers
        through the request's response_url since the bot cannot post there)."""
        _settle(answering)
        return await self._deduped(msg.dedupe_key, lambda: self._post(place, msg))

    async def _post(self, place: Place, msg: Outgoing) -> MessageRef:
        payload = render.message_payload(msg)
        async with self.pacer.slot(place.channel_id):
            response = await self._call(self.client.chat_postMessage(
                channel=place.channel_id, thread_ts=place.thread_id, unfurl_links=False,
                unfurl_media=False, **payload, **_sent_metadata(msg),
            ))
        ref = MessageRef(place, str(response.get("ts")))
        if msg.attachments:
            await self._upload(place.channel_id, msg.attachments, thread_ts=place.thread_id)
        return ref

    async def update(
        self, ref: MessageRef, msg: Outgoing, *, answering: Inbound | None = None
    ) -> None:
        _settle(answering)
        if ref.message_id.startswith(EPHEMERAL_PREFIX):
            await self._update_ephemeral(ref, msg)
            return
        key = (ref.place.channel_id, ref.message_id)
        card = self._cards.get(key)
        if card is None:
            card = self._cards[key] = _CardState()
        card.seq += 1
        card.latest = msg
        card.waiters += 1
        seq = card.seq
        try:
            async with self.pacer.slot(ref.place.channel_id,
                                       needed=lambda: card.sent < seq) as needed:
                if not needed or card.latest is None:
                    return  # a newer version of this card went out while we waited
                latest_seq, latest = card.seq, card.latest
                await self._call(self.client.chat_update(
                    channel=ref.place.channel_id, ts=ref.message_id,
                    **render.message_payload(latest),
                ))
                card.sent = latest_seq
        finally:
            card.waiters -= 1
            if card.waiters == 0:
                self._cards.pop(key, None)

    async def _update_ephemeral(self, ref: MessageRef, msg: Outgoing) -> None:
        url = self._ephemeral_url(ref)
        if url is None:
            raise MessageGone("ephemeral messages can only be replaced for 30 minutes")
        payload = render.message_payload(msg)
        await self._respond(url, replace_original=True, response_type="ephemeral", **payload)

    async def send_dm(
        self, user: UserRef, msg: Outgoing, *, answering: Inbound | None = None
    ) -> MessageRef:
        _settle(answering)
        return await self._deduped(msg.dedupe_key, lambda: self._send_dm(user, msg))

    async def _send_dm(self, user: UserRef, msg: Outgoing) -> MessageRef:
        channel = await self._dm_channel(user.id)
        # Dates render in the reader's zone anyway; this makes the notification text match.
        payload = render.message_payload(render.with_zone(msg, await self.user_timezone(user.id)))
        async with self.pacer.slot(channel):
            response = await self._call(self.client.chat_postMessage(
                channel=channel, unfurl_links=False, unfurl_media=False, **payload,
                **_sent_metadata(msg),
            ), dm=True)
        ref = MessageRef(Place(PLATFORM, self._team_id, channel), str(response.get("ts")))
        if msg.attachments:
            await self._upload(channel, msg.attachments)
        return ref

    async def find_sent(self, user: UserRef, dedupe_key: str, since: datetime) -> bool:
        """Pages through the DM's history from `since` (conversations.history with
        include_all_metadata; needs im:history) for a message of the bot whose metadata
        holds the key."""
        channel = await self._dm_channel(user.id)
        return await self._keyed(channel, None, dedupe_key, since, dm=True) is not None

    async def find_posted(
        self, place: Place, dedupe_key: str, since: datetime
    ) -> MessageRef | None:
        """Pages through the channel's history (conversations.history; a thread's replies,
        conversations.replies) from `since` the same way (needs channels:history, or
        groups:history for a private channel)."""
        ts = await self._keyed(place.channel_id, place.thread_id, dedupe_key, since)
        return MessageRef(place, ts) if ts is not None else None

    async def _keyed(self, channel: str, thread_ts: str | None, dedupe_key: str,
                     since: datetime, *, dm: bool = False) -> str | None:
        """The ts of the bot's message in the conversation (or thread) from `since` whose
        metadata holds the key."""
        cursor: str | None = None
        while True:
            oldest = f"{since.timestamp():.6f}"
            read = (
                self.client.conversations_replies(
                    channel=channel, ts=thread_ts, oldest=oldest, include_all_metadata=True,
                    limit=HISTORY_PAGE, cursor=cursor,
                ) if thread_ts else self.client.conversations_history(
                    channel=channel, oldest=oldest, include_all_metadata=True,
                    limit=HISTORY_PAGE, cursor=cursor,
                )
            )
            page = await self._call(read, dm=dm)
            for m in page.get("messages") or []:
                if self._carries(m, dedupe_key):
                    return str(m.get("ts"))
            cursor = (page.get("response_metadata") or {}).get("next_cursor") or None
            if not page.get("has_more") or cursor is None:
                return None

    def _carries(self, message: Mapping[str, Any], dedupe_key: str) -> bool:
        metadata = message.get("metadata") or {}
        mine = self._bot_user_id is None or message.get("user") == self._bot_user_id
        return bool(
            mine
            and metadata.get("event_type") == SENT_EVENT
            and (metadata.get("event_payload") or {}).get("key") == dedupe_key
        )

    async def _dm_channel(self, user_id: str) -> str:
        channel = self._dm_channels.get(user_id)
        if channel is None:
            opened = await self._call(self.client.conversations_open(users=user_id), dm=True)
            channel = str((opened.get("channel") or {}).get("id") or "")
            if not channel:
                raise DMClosed("conversations.open returned no channel")
            if len(self._dm_channels) > 50_000:
                self._dm_channels.clear()
            self._dm_channels[user_id] = channel
        return channel

    async def reply(self, to: Inbound, msg: Outgoing) -> None:
        handle = to.handle if isinstance(to.handle, SlackHandle) else None
        if handle is not None:
            handle.accept()
        if handle is None:
            if msg.ephemeral:
                await self.send_dm(to.user, msg)
            else:
                await self.post(to.place, msg)
            return
        if not msg.ephemeral:
            try:
                await self.post(self._place(handle), msg)
            except ChannelUnavailable:
                if handle.response_url is None:
                    raise
                await self._respond(handle.response_url, response_type="in_channel",
                                    **render.message_payload(msg))
            return
        note = None
        if msg.attachments:
            # Files cannot be ephemeral on Slack: they go to the member's DM.
            try:
                channel = await self._dm_channel(handle.user_id)
                await self._upload(channel, msg.attachments, strict=True)
                names = ", ".join(a.filename for a in msg.attachments)
                note = f"I sent you {names} in a direct message."
            except ChatError as exc:
                log.info("slack: could not deliver a file by DM (%s)", exc)
                note = "I could not send you the file by direct message."
        payload = render.message_payload(msg, extra_note=note)
        await self._ephemeral(handle, payload, to.user)

    async def _ephemeral(self, handle: SlackHandle, payload: dict[str, Any],
                         user: UserRef) -> None:
        """chat.postEphemeral where the bot is in the channel; else the request's
        response_url (works in DMs and channels the bot has not joined); else a DM."""
        if handle.channel_id:
            try:
                await self._call(self.client.chat_postEphemeral(
                    channel=handle.channel_id, user=handle.user_id, thread_ts=handle.thread_ts,
                    **payload,
                ))
                return
            except ChannelUnavailable:
                pass
        if handle.response_url:
            await self._respond(handle.response_url, response_type="ephemeral",
                                replace_original=False, **payload)
            return
        channel = await self._dm_channel(handle.user_id or user.id)
        async with self.pacer.slot(channel):
            await self._call(self.client.chat_postMessage(channel=channel, **payload), dm=True)

    async def _respond(self, url: str, **body: Any) -> None:
        webhook = AsyncWebhookClient(url=url, timeout=10, session=self._session)
        try:
            response = await webhook.send_dict(body)
        except (ClientError, TimeoutError) as exc:
            raise translate(exc) from exc
        if response.status_code == 404 or "expired" in (response.body or ""):
            raise MessageGone("the response_url expired")
        if response.status_code >= 400:
            raise ChatError(f"response_url refused ({response.status_code} {response.body})")

    async def open_form(self, to: Inbound, form: Form) -> None:
        handle = to.handle if isinstance(to.handle, SlackHandle) else None
        if handle is None or not handle.trigger_id:
            await self.reply(to, Outgoing(body=(Text(
                f"Type `{self.command} propose` to open the form here."),), ephemeral=True))
            return
        handle.accept()
        meta: dict[str, Any] = {"f": form.form_id, "c": handle.channel_id, "t": handle.team_id}
        if handle.response_url:
            meta["u"] = handle.response_url
        if handle.thread_ts:
            meta["th"] = handle.thread_ts
        view = render.form_view(form, meta)
        try:
            await self._call(self.client.views_open(trigger_id=handle.trigger_id, view=view))
        except ChatError as exc:
            code = _error_code(exc.__cause__) if isinstance(exc.__cause__, SlackApiError) else ""
            if code not in TRIGGER_ERRORS:
                raise
            log.info("slack: views.open failed (%s)", code)
            example = self._example(form.form_id)
            text = ("Slack only gives me 3 seconds to open a form, and that time ran out. "
                    f"Please type `{self.command} {form.form_id}` again"
                    + (f", or give everything in one line: `{example}`" if example else "")
                    + ".")
            await self._ephemeral(handle, {"text": text, "blocks": [{"type": "section", "text": {
                "type": "mrkdwn", "text": render.escape(text), "verbatim": True}}]}, to.user)

    def _example(self, name: str) -> str:
        spec = self._commands().get(name)
        return spec.example if spec is not None else ""

    async def reject_form(self, to: FormSubmitted, errors: Mapping[str, str]) -> None:
        handle = to.handle if isinstance(to.handle, SlackHandle) else None
        clean = {str(k): str(v) for k, v in errors.items()}
        modal = handle.modal if handle is not None else None
        if modal is not None and modal.reject(clean or {"": "Please check the form."}):
            return
        # The modal already closed (the core answered after the ack deadline): say it privately.
        await self.reply(to, _errors_message(clean))

    # --- groups (bot.ports.GroupDirectory) -----------------------------------------------------

    async def find_group(self, place: Place, name: str) -> GroupLookup:
        """A user group of the workspace by handle (usergroups.list; needs usergroups:read).
        Without that scope, or where the plan has no user groups, the answer says so and
        how to pick the group instead."""
        try:
            listed = await self.client.usergroups_list(include_disabled=False)
        except SlackApiError as exc:
            code = _error_code(exc)
            if code == "missing_scope":
                return GroupLookup(None, inbound.NO_GROUPS_SCOPE)
            if code in NO_GROUPS_ERRORS:
                return GroupLookup(None, f"This workspace's user groups can't be read ({code}). "
                                         + inbound.PICK_GROUP)
            raise translate(exc) from exc
        except (ClientError, TimeoutError, SlackRequestError) as exc:
            raise translate(exc) from exc
        return inbound.user_group_named(listed.get("usergroups") or [], name)

    # --- files ----------------------------------------------------------------------------------

    async def _upload(self, channel: str, files: tuple[Attachment, ...],
                      thread_ts: str | None = None, *, strict: bool = False) -> None:
        """files_upload_v2 into the channel or DM. The message itself is already out (and the
        core's messages carry a calendar link too), so a failed upload is logged, not raised,
        unless `strict`."""
        for attachment in files:
            try:
                await self._call(self.client.files_upload_v2(
                    channel=channel, content=attachment.content, filename=attachment.filename,
                    title=attachment.filename, thread_ts=thread_ts,
                ))
            except ChatError as exc:
                log.warning("slack: file upload of %s failed (%s)", attachment.filename, exc)
                if strict:
                    raise

    # --- ephemeral message references -----------------------------------------------------------

    def _remember_ephemeral(self, ref: MessageRef, url: str) -> None:
        now = time.monotonic()
        self._ephemeral_urls[_ref_key(ref)] = (now + EPHEMERAL_REF_SECONDS, url)
        self._ephemeral_urls.move_to_end(_ref_key(ref))
        while self._ephemeral_urls:
            oldest = next(iter(self._ephemeral_urls.values()))
            if oldest[0] > now and len(self._ephemeral_urls) <= 10_000:
                break
            self._ephemeral_urls.popitem(last=False)

    def _ephemeral_url(self, ref: MessageRef) -> str | None:
        entry = self._ephemeral_urls.get(_ref_key(ref))
        if entry is None or entry[0] < time.monotonic():
            return None
        return entry[1]


def _errors_message(errors: Mapping[str, str]) -> Outgoing:
    lines = [Text("Your form was not saved:\n")]
    lines += [Text(f"• {name}: {message}\n" if name else f"• {message}\n")
              for name, message in errors.items()]
    return Outgoing(body=tuple(lines), ephemeral=True)


def _ref_key(ref: MessageRef) -> str:
    return f"{ref.place.channel_id}/{ref.message_id}"


def _handle(event: Inbound) -> SlackHandle:
    handle = event.handle
    assert isinstance(handle, SlackHandle), "a Slack event carries a SlackHandle"
    return handle


def _view_errors(errors: Mapping[str, str], handle: SlackHandle) -> dict[str, str]:
    """Field name -> message, mapped onto the modal's block ids (unknown names go to the first
    field, since Slack rejects errors for blocks that do not exist)."""
    blocks: list[str] = list(handle.extra.get("fields") or [])
    out: dict[str, str] = {}
    stray: list[str] = []
    for name, message in errors.items():
        if name in blocks:
            out[name] = message[:300]
        else:
            stray.append(message)
    if stray and blocks:
        first = blocks[0]
        out[first] = " ".join([out.get(first, ""), *stray]).strip()[:300]
    return out


def _sent_metadata(msg: Outgoing) -> dict[str, Any]:
    """chat.postMessage's `metadata` for a message sent with a dedupe key (none otherwise)."""
    if not msg.dedupe_key:
        return {}
    return {"metadata": {"event_type": SENT_EVENT, "event_payload": {"key": msg.dedupe_key}}}
