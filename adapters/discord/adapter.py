"""The Discord adapter: discord.py client <-> neutral events and messages.

Thin by design: it acknowledges interactions, translates them into `bot.types` events for the
core (`Inbox`), and renders the core's `Outgoing` values with `render`. Everything it decides
is about Discord itself: when to defer, which REST call answers, how errors map to the ports'
errors.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import OrderedDict
from collections.abc import Awaitable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import Any, Literal, TypeVar

import aiohttp
import discord
import yarl
from discord import app_commands

from adapters.groups import split_groups
from adapters.whens import read_whens
from bot.ports import (
    ChannelUnavailable,
    ChatError,
    DMClosed,
    GroupLookup,
    Inbox,
    MessageGone,
    PlatformBusy,
)
from bot.types import (
    ActionClicked,
    Button,
    CommandInvoked,
    CommandSpec,
    DiscordSettings,
    Form,
    FormSubmitted,
    Inbound,
    MessageRef,
    NativeEvent,
    OptionSpec,
    Outgoing,
    Place,
    SuggestionsRequested,
    Text,
    UserRef,
    prose,
)

from . import events, inbound, render
from .commands import SUGGEST_MENU_NAME, build_group, choices
from .inbound import (
    DM_WORKSPACE,
    FORM_PREFIX,
    MODAL_FIELDS_MAX,
    PLATFORM,
    TEXT_INPUT_MAX,
    TIMESTAMP,
    form_custom_id,
    interaction_is_admin,
    interaction_place,
    message_seen,
    modal_values,
    role_named,
    role_of,
    user_ref,
)
from .ratelimit import RateLimiter

log = logging.getLogger("adapters.discord")

"""`Place.workspace_id` of direct messages (Discord's own name for them in its URLs)."""

MODAL_TITLE_MAX = 45
TEXT_INPUT_LABEL_MAX = 45
AUTOCOMPLETE_TIMEOUT = 2.0
SEEN_MAX = 10_000
NEEDED_PERMISSIONS = "View Channel, Send Messages, Embed Links and Attach Files"

T = TypeVar("T")

# Discord JSON error codes (https://discord.com/developers/docs/topics/opcodes-and-status-codes)
UNKNOWN_CHANNEL = 10003
UNKNOWN_MESSAGE = 10008
UNKNOWN_USER = 10013
MISSING_ACCESS = 50001
CANNOT_DM = 50007
MISSING_PERMISSIONS = 50013


def translate_error(exc: BaseException) -> ChatError:
    """A discord.py / network error -> the port's error (the caller raises it)."""
    if isinstance(exc, discord.HTTPException):
        code = exc.code
        if code == CANNOT_DM:
            return DMClosed(f"discord {exc.status}/{code}: member does not accept DMs")
        if code in (MISSING_ACCESS, MISSING_PERMISSIONS, UNKNOWN_CHANNEL):
            return ChannelUnavailable(f"discord {exc.status}/{code}: {exc.text}")
        if code == UNKNOWN_MESSAGE:
            return MessageGone(f"discord {exc.status}/{code}: {exc.text}")
        if code == UNKNOWN_USER:
            return DMClosed(f"discord {exc.status}/{code}: unknown user")
        if exc.status == 429 or exc.status >= 500:
            return PlatformBusy(f"discord {exc.status}: {exc.text}")
        if isinstance(exc, discord.Forbidden):
            return ChannelUnavailable(f"discord {exc.status}/{code}: {exc.text}")
        return ChatError(f"discord {exc.status}/{code}: {exc.text}")
    if isinstance(exc, aiohttp.ClientError | asyncio.TimeoutError | OSError):
        return PlatformBusy(f"discord unreachable: {exc.__class__.__name__}")
    return ChatError(str(exc))


async def _call(aw: Awaitable[T]) -> T:
    try:
        return await aw
    except (TimeoutError, discord.HTTPException, aiohttp.ClientError, OSError) as exc:
        raise translate_error(exc) from exc


async def _native(aw: Awaitable[T]) -> T:
    """A scheduled-event call: a refusal for lack of Manage Events is MissingPermission."""
    try:
        return await aw
    except discord.HTTPException as exc:
        raise (events.native_error(exc) or translate_error(exc)) from exc
    except (TimeoutError, aiohttp.ClientError, OSError) as exc:
        raise translate_error(exc) from exc


Kind = Literal["command", "component", "modal", "menu"]


class Response(Enum):
    """Where an interaction's answer stands: Discord takes exactly one initial response, and
    what a later reply or card edit may do depends on which it was."""

    PENDING = "pending"
    """Nothing sent yet: the next reply, form or card edit is the initial response."""
    THINKING = "thinking"
    """Deferred with a private "thinking…" message that the first private reply replaces."""
    ON_SOURCE = "on_source"
    """Deferred update or UPDATE_MESSAGE: the interaction's @original is the message the
    clicked component is on, so editing it edits that card."""
    ANSWERED = "answered"
    """Answered (a message, a form, or the "thinking…" message used): replies are follow-ups."""


@dataclass(eq=False)
class InteractionHandle:
    """The adapter-private `handle` of an event that came from an interaction."""

    interaction: discord.Interaction[Any]
    kind: Kind
    state: Response = Response.PENDING
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    action_id: str = ""
    form: Form | None = None

    @property
    def responded(self) -> bool:
        """An initial response (defer, message, form, update) has been sent."""
        return self.state is not Response.PENDING

    def answered(self) -> None:
        """A message or a form was the answer, or the "thinking…" message was used up."""
        self.state = Response.ANSWERED

    def deferred_thinking(self) -> None:
        self.state = Response.THINKING

    def on_source(self) -> None:
        """Deferred as an update, or the clicked card was edited as the initial response."""
        self.state = Response.ON_SOURCE


@dataclass(eq=False)
class MessageHandle:
    """The `handle` of a `MessageSeen` that came from the gateway."""

    message: discord.Message


class _FormModal(discord.ui.Modal):
    """A form as a Discord modal. Its submission is handled by the adapter's `on_interaction`
    (from the custom_id), not here, so it also works when the modal outlived the process."""

    def __init__(self, form: Form, custom_id: str) -> None:
        super().__init__(
            title=render.clip(form.title, MODAL_TITLE_MAX) or "Form",
            timeout=15 * 60,
            custom_id=custom_id,
        )
        if len(form.fields) > MODAL_FIELDS_MAX:
            log.warning("form %s has %d fields; Discord shows 5", form.form_id, len(form.fields))
        for f in form.fields[:MODAL_FIELDS_MAX]:
            text_input: discord.ui.TextInput[Any] = discord.ui.TextInput(
                label=render.clip(f.label, TEXT_INPUT_LABEL_MAX) or f.name[:45],
                custom_id=f.name[:100],
                style=(
                    discord.TextStyle.paragraph
                    if f.kind == "long_text" or getattr(f, "multiple", False)
                    else discord.TextStyle.short
                ),
                required=f.required,
                default=f.default[:TEXT_INPUT_MAX] or None,
                placeholder=render.clip(f.placeholder, 100) or None,
                max_length=max(1, min(f.max_length, TEXT_INPUT_MAX)),
            )
            self.add_item(text_input)

    async def on_submit(self, interaction: discord.Interaction[Any], /) -> None:
        return None  # see the class docstring


class _ClientMixin:
    """What our two client classes (plain and sharded) add to discord.py's."""

    adapter: DiscordAdapter
    tree: app_commands.CommandTree[Any]

    async def setup_hook(self) -> None:
        await self.adapter._setup(self)  # type: ignore[arg-type]

    async def on_ready(self) -> None:
        self.adapter._on_ready()

    async def on_resumed(self) -> None:
        log.info("discord: gateway session resumed")

    async def on_message(self, message: discord.Message) -> None:
        await self.adapter._on_message(message)

    async def on_raw_member_remove(self, payload: discord.RawMemberRemoveEvent) -> None:
        # GUILD_MEMBER_REMOVE: sent only with the members intent ([discord] members_intent).
        await self.adapter._on_member_remove(payload.guild_id, payload.user.id)

    async def on_interaction(self, interaction: discord.Interaction[Any]) -> None:
        await self.adapter._on_interaction(interaction)

    async def on_guild_remove(self, guild: discord.Guild) -> None:
        """GUILD_DELETE without `unavailable`: kicked, banned or left (an outage is
        `on_guild_unavailable` in discord.py, and the data stays)."""
        await self.adapter._on_guild_remove(guild.id)

    async def on_tw_action(
        self, interaction: discord.Interaction[Any], custom_id: str, values: tuple[str, ...]
    ) -> None:
        await self.adapter._on_action(interaction, custom_id, values)


class _Client(_ClientMixin, discord.Client):
    def __init__(self, adapter: DiscordAdapter, **options: Any) -> None:
        super().__init__(**options)
        self.adapter = adapter
        self.tree = app_commands.CommandTree(self)


class _ShardedClient(_ClientMixin, discord.AutoShardedClient):
    def __init__(self, adapter: DiscordAdapter, **options: Any) -> None:
        super().__init__(**options)
        self.adapter = adapter
        self.tree = app_commands.CommandTree(self)


def point_discord_py_at(api_base_url: str, gateway_url: str) -> None:
    """Send discord.py's REST calls to `api_base_url` and its gateway connection to
    `gateway_url` (a proxy such as nirn-proxy, or the local fake in tests).

    discord.py builds every REST URL (including interaction callbacks and webhook follow-ups)
    from the class attribute `discord.http.Route.BASE`, and opens the gateway at
    `DiscordWebSocket.DEFAULT_GATEWAY` (it falls back to it on a new session too); resumes go to
    the `resume_gateway_url` the gateway itself gave in READY. Both are process-wide, so one
    process talks to one Discord.
    """
    discord.http.Route.BASE = api_base_url.rstrip("/")
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway_url)


class DiscordAdapter:
    """`ChatAdapter` for Discord (discord.py 2.x)."""

    platform = PLATFORM

    def __init__(
        self,
        settings: DiscordSettings,
        *,
        ack_grace: float = 0.8,
        guild_ready_timeout: float = 2.0,
    ) -> None:
        self.settings = settings
        self.guild_ready_timeout = guild_ready_timeout
        self.ack_grace = ack_grace
        """Seconds a click may take to produce its own first answer (a message, a card update
        or a form) before the adapter defers it; well inside Discord's 3-second deadline."""
        self.ready = asyncio.Event()
        self.watching: bool | None = None
        """Whether MESSAGE_CREATE content is read (the Message Content intent is granted)."""
        self.client: _Client | _ShardedClient | None = None
        self._inbox: Inbox | None = None
        self._stopping = False
        self._seen: OrderedDict[int, None] = OrderedDict()
        self._dm_channels: OrderedDict[str, int] = OrderedDict()
        self._dm_pacer = RateLimiter(settings.dm_rate_per_second)
        self._clicks: dict[int, list[InteractionHandle]] = {}
        self._forms: OrderedDict[str, Form] = OrderedDict()
        self._tasks: set[asyncio.Task[None]] = set()

    # --- lifecycle ------------------------------------------------------------------------------

    def _make_client(self, watching: bool) -> _Client | _ShardedClient:
        # Tweetup never joins voice: skip discord.py's warnings about voice libraries.
        discord.VoiceClient.warn_nacl = discord.VoiceClient.warn_dave = False
        # Only what Tweetup reads: guilds (channels, roles, threads) and guild messages.
        # Interactions need no intent.
        intents = discord.Intents.none()
        intents.guilds = True
        intents.guild_messages = True
        intents.message_content = watching
        # Scheduled events: the meetups' copies in the Events tab, and "Interested" clicks.
        intents.guild_scheduled_events = True
        # Privileged, off unless configured: a member leaving the server (GUILD_MEMBER_REMOVE).
        intents.members = self.settings.members_intent
        options: dict[str, Any] = {
            "intents": intents,
            "max_messages": None,
            "chunk_guilds_at_startup": False,
            "allowed_mentions": discord.AllowedMentions.none(),
            "guild_ready_timeout": self.guild_ready_timeout,
        }
        if self.settings.shard_count is not None:
            options["shard_count"] = self.settings.shard_count
            if self.settings.shard_ids:
                options["shard_ids"] = list(self.settings.shard_ids)
            return _ShardedClient(self, **options)
        return _Client(self, **options)

    async def run(self, inbox: Inbox) -> None:
        """Connect and serve until `stop()`. Asks for the Message Content intent first; when the
        application does not have it, starts again without it (watching off)."""
        self._inbox = inbox
        self._stopping = False
        point_discord_py_at(self.settings.api_base_url, self.settings.gateway_url)
        token = self.settings.token.reveal()
        for watching in (True, False):
            if self._stopping:
                return
            self.watching = watching
            client = self._make_client(watching)
            self.client = client
            try:
                await client.start(token)
            except discord.PrivilegedIntentsRequired as exc:
                if not watching and self.settings.members_intent:
                    raise ChatError(
                        "Discord refused the Server Members intent: turn on \"Server Members "
                        "Intent\" in the Developer Portal (Bot, Privileged Gateway Intents) "
                        "or set [discord] members_intent = false"
                    ) from exc
                if not watching:
                    raise
                log.warning(
                    "discord: the Message Content intent is not enabled for this application, "
                    "so message watching is off; members can use the message menu %r instead",
                    SUGGEST_MENU_NAME,
                )
                continue
            except discord.LoginFailure as exc:
                raise ChatError(
                    "Discord refused the token (check [discord] token or TWEETUP_DISCORD_TOKEN)"
                ) from exc
            finally:
                if not client.is_closed():
                    with contextlib.suppress(Exception):
                        await client.close()
            return

    async def stop(self) -> None:
        self._stopping = True
        if self.client is not None:
            await self.client.close()

    def _on_ready(self) -> None:
        client = self.client
        user = client.user if client else None
        log.info(
            "discord: connected as %s (%s) to %d guild(s); message watching %s",
            user,
            user.id if user else "?",
            len(client.guilds) if client else 0,
            "on" if self.watching else "off",
        )
        self.ready.set()

    async def _setup(self, client: _Client | _ShardedClient) -> None:
        assert self._inbox is not None
        flags = client.application_flags
        if self.watching and not (
            flags.gateway_message_content or flags.gateway_message_content_limited
        ):
            # The gateway would close with 4014; the application's flags already say so.
            raise discord.PrivilegedIntentsRequired(None)
        client.add_dynamic_items(render.TwAction)
        self._read_interest(client)
        client.tree.on_error = self._on_tree_error  # type: ignore[method-assign]
        client.tree.add_command(
            build_group(self._inbox.commands, self._on_command, self._on_autocomplete)
        )
        if not self.watching:
            menu = app_commands.ContextMenu(name=SUGGEST_MENU_NAME, callback=self._on_menu)
            menu.guild_only = True
            client.tree.add_command(menu)
        if self.settings.shard_ids and 0 not in self.settings.shard_ids:
            log.info("discord: slash commands are registered by the process that runs shard 0")
            return
        try:
            if self.settings.guild_ids:
                for gid in self.settings.guild_ids:
                    guild = discord.Object(gid)
                    client.tree.copy_global_to(guild=guild)
                    await client.tree.sync(guild=guild)
                log.info("discord: commands synced to %d guild(s)", len(self.settings.guild_ids))
            else:
                await client.tree.sync()
                log.info("discord: commands synced globally (may take up to an hour to show)")
        except discord.HTTPException as exc:
            log.error(
                "discord: could not register the slash commands (%s %s); was the bot invited "
                "with the applications.commands scope?",
                exc.status,
                exc.text,
            )

    async def _on_tree_error(
        self, interaction: discord.Interaction[Any], error: app_commands.AppCommandError
    ) -> None:
        log.error("discord: command error: %s", error, exc_info=error)

    def _first_time(self, snowflake: int) -> bool:
        """False for an interaction or message already seen (a gateway replay after RESUME)."""
        if snowflake in self._seen:
            log.info("discord: ignoring replayed event %s", snowflake)
            return False
        self._seen[snowflake] = None
        if len(self._seen) > SEEN_MAX:
            self._seen.popitem(last=False)
        return True

    def _require_client(self) -> _Client | _ShardedClient:
        if self.client is None or self.client.is_closed():
            raise PlatformBusy("discord: not connected")
        return self.client

    # --- inbound --------------------------------------------------------------------------------

    async def _on_guild_remove(self, guild_id: int) -> None:
        """The bot was removed from a guild: the core deletes its data after a grace period
        unless the bot comes back."""
        if self._inbox is None:
            return
        try:
            await self._inbox.community_removed(PLATFORM, str(guild_id))
        except Exception:
            log.exception("discord: could not record the removal from guild %s", guild_id)

    async def _deliver(self, event: Inbound) -> None:
        """Hand an event to the core; turn what escapes into a private message and a log line."""
        assert self._inbox is not None
        try:
            await self._inbox.handle(event)
        except ChannelUnavailable as exc:
            log.warning(
                "discord: cannot post in channel %s of guild %s (%s); the bot needs %s there",
                event.place.channel_id,
                event.place.workspace_id,
                exc,
                NEEDED_PERMISSIONS,
            )
            await self._notify(
                event,
                (
                    f"I can't post in this channel. Ask an admin to give me {NEEDED_PERMISSIONS} "
                    "here, or use a channel where I can."
                ),
            )
        except Exception:
            log.exception("discord: error while handling %s %s", type(event).__name__, event.key)
            await self._notify(event, "Something went wrong on my side; please try again.")

    async def _notify(self, event: Inbound, text: str) -> None:
        if not isinstance(event.handle, InteractionHandle):
            return
        with contextlib.suppress(ChatError):
            await self.reply(event, Outgoing(body=(Text(text),), ephemeral=True))

    async def _acknowledge(self, handle: InteractionHandle, *, thinking: bool) -> bool:
        try:
            if thinking:
                await handle.interaction.response.defer(ephemeral=True, thinking=True)
                handle.deferred_thinking()
            else:
                await handle.interaction.response.defer()
                handle.on_source()
            return True
        except discord.InteractionResponded:
            handle.answered()
            return True
        except (discord.HTTPException, aiohttp.ClientError, OSError) as exc:
            log.warning(
                "discord: could not acknowledge interaction %s: %s", handle.interaction.id, exc
            )
            return False

    async def _finish(self, handle: InteractionHandle, done_text: str | None = None) -> None:
        """Resolve a "thinking…" message the core did not answer."""
        if handle.state is not Response.THINKING:
            return
        async with handle.lock:
            if handle.state is not Response.THINKING:
                return
            handle.answered()
            with contextlib.suppress(discord.HTTPException, aiohttp.ClientError, OSError):
                if done_text:
                    await handle.interaction.edit_original_response(
                        content=done_text, allowed_mentions=discord.AllowedMentions.none()
                    )
                else:
                    await handle.interaction.delete_original_response()

    async def _on_command(
        self, interaction: discord.Interaction[Any], spec: CommandSpec, options: dict[str, str]
    ) -> None:
        if not self._first_time(interaction.id):
            return
        handle = InteractionHandle(interaction, "command")
        if not await self._acknowledge(handle, thinking=True):
            return
        options = read_whens(spec, options, TIMESTAMP)  # "<t:1718900000:F>" -> ISO time
        texts, groups = split_groups(
            spec, options, lambda text: role_of(text, interaction.guild_id)
        )
        event = CommandInvoked(
            user=user_ref(interaction.user),
            place=interaction_place(interaction),
            name=spec.name,
            options=texts,
            key=str(interaction.id),
            is_admin=interaction_is_admin(interaction),
            handle=handle,
            groups=groups,
        )
        await self._deliver(event)
        await self._finish(handle)

    async def _on_autocomplete(
        self,
        interaction: discord.Interaction[Any],
        spec: CommandSpec,
        opt: OptionSpec,
        current: str,
    ) -> list[app_commands.Choice[str]]:
        assert self._inbox is not None
        event = SuggestionsRequested(
            user=user_ref(interaction.user),
            place=interaction_place(interaction),
            command=spec.name,
            option=opt.name,
            partial=current,
            handle=interaction,
            options={
                str(name): str(value)
                for name, value in interaction.namespace
                if name != opt.name and value is not None
            },
        )
        try:
            found = await asyncio.wait_for(self._inbox.suggest(event), AUTOCOMPLETE_TIMEOUT)
        except TimeoutError:
            log.warning("discord: suggestions for %s.%s took too long", spec.name, opt.name)
            return []
        except Exception:
            log.exception("discord: suggestions for %s.%s failed", spec.name, opt.name)
            return []
        return choices([(c.label, c.value) for c in found])

    async def _on_action(
        self, interaction: discord.Interaction[Any], custom_id: str, values: tuple[str, ...]
    ) -> None:
        if not self._first_time(interaction.id):
            return
        custom_id = render.action_of(custom_id)
        handle = InteractionHandle(interaction, "component", action_id=custom_id)
        place = interaction_place(interaction)
        message = interaction.message
        ref = MessageRef(place, str(message.id)) if message is not None else None
        event = ActionClicked(
            user=user_ref(interaction.user),
            place=place,
            message=ref,
            action_id=custom_id,
            key=str(interaction.id),
            is_admin=interaction_is_admin(interaction),
            values=values,
            handle=handle,
        )
        if message is not None:
            self._clicks.setdefault(message.id, []).append(handle)
        try:
            # The core gets a short grace to answer with its own first response (a form can only
            # be opened that way); otherwise the click is deferred well inside the 3 seconds.
            task = asyncio.create_task(self._deliver(event))
            await asyncio.wait({task}, timeout=self.ack_grace)
            if not handle.responded:
                async with handle.lock:
                    if not handle.responded:
                        await self._acknowledge(handle, thinking=False)
            await task
        finally:
            if message is not None:
                waiting = self._clicks.get(message.id, [])
                if handle in waiting:
                    waiting.remove(handle)
                if not waiting:
                    self._clicks.pop(message.id, None)

    async def _on_interaction(self, interaction: discord.Interaction[Any]) -> None:
        if interaction.type is not discord.InteractionType.modal_submit:
            return
        data: Any = interaction.data or {}
        custom_id = str(data.get("custom_id", ""))
        if custom_id.startswith(FORM_PREFIX):
            await self._on_form_submit(interaction, custom_id, modal_values(data.get("components")))

    async def _on_form_submit(
        self, interaction: discord.Interaction[Any], custom_id: str, values: dict[str, str]
    ) -> None:
        if not self._first_time(interaction.id):
            return
        form = self._forms.get(custom_id)
        form_id = form.form_id if form else inbound.form_id_of(custom_id)
        handle = InteractionHandle(interaction, "modal", form=form)
        if not await self._acknowledge(handle, thinking=True):
            return
        values, errors = inbound.form_submission(form, values)
        event = FormSubmitted(
            user=user_ref(interaction.user),
            place=interaction_place(interaction),
            form_id=form_id,
            values=values,
            key=str(interaction.id),
            is_admin=interaction_is_admin(interaction),
            handle=handle,
        )
        if errors:
            await self.reject_form(event, errors)
        else:
            await self._deliver(event)
        await self._finish(handle)

    async def _on_menu(
        self, interaction: discord.Interaction[Any], message: discord.Message
    ) -> None:
        """The "Suggest a meetup from this" message command (when watching is off)."""
        if not self._first_time(interaction.id):
            return
        handle = InteractionHandle(interaction, "menu")
        if not await self._acknowledge(handle, thinking=True):
            return
        if message.author.bot:
            await self._finish(handle, "That message is from a bot; I only read members' messages.")
            return
        event = message_seen(message, interaction.guild_id, handle)
        await self._deliver(event)
        await self._finish(handle, "Thanks, I've read that message.")

    async def _on_message(self, message: discord.Message) -> None:
        if not self.watching or self._inbox is None:
            return
        client = self.client
        if message.author.bot or (client and client.user and message.author.id == client.user.id):
            return
        if message.guild is None or message.type not in (
            discord.MessageType.default,
            discord.MessageType.reply,
        ):
            return
        if not message.content or not self._first_time(message.id):
            return
        event = message_seen(message, message.guild.id, MessageHandle(message))
        try:
            await self._inbox.handle(event)
        except Exception:
            log.exception("discord: error while handling message %s", message.id)

    async def _on_member_remove(self, guild_id: int, user_id: int) -> None:
        """A member left (or was removed from) a server: whoever counted on them is told."""
        if self._inbox is None:
            return
        try:
            await self._inbox.member_left(PLATFORM, str(guild_id), str(user_id))
        except Exception:
            log.exception("discord: error while handling a member leaving guild %s", guild_id)

    def _read_interest(self, client: _Client | _ShardedClient) -> None:
        """Read GUILD_SCHEDULED_EVENT_USER_ADD from its raw payload: discord.py dispatches
        `on_scheduled_event_user_add` only for users in its cache, which holds no members
        (Tweetup asks for no members intent). discord.py keeps its gateway parsers in
        `ConnectionState.parsers`; ours runs after its own."""
        parsers = client._connection.parsers
        original = parsers.get("GUILD_SCHEDULED_EVENT_USER_ADD")

        def parse(data: Any) -> None:
            if original is not None:
                original(data)
            event = events.interest_event(data)
            if event is not None and self._inbox is not None:
                task = asyncio.create_task(self._on_interest(event))
                self._tasks.add(task)
                task.add_done_callback(self._tasks.discard)

        parsers["GUILD_SCHEDULED_EVENT_USER_ADD"] = parse

    async def _on_interest(self, event: ActionClicked) -> None:
        assert self._inbox is not None
        try:
            await self._inbox.handle(event)
        except Exception:
            log.exception("discord: error while handling interest %s", event.key)

    # --- groups (bot.ports.GroupDirectory) -----------------------------------------------------

    async def find_group(self, place: Place, name: str) -> GroupLookup:
        """A role of the guild by name, from discord.py's cache (the guild's roles arrive
        with it and stay current through the gateway): no request."""
        guild = self._guild(place.workspace_id)
        roles = [(r.id, r.name) for r in guild.roles if not r.is_default()]
        return role_named(roles, name)

    # --- scheduled events (bot.ports.NativeEvents) ---------------------------------------------

    def _guild(self, workspace_id: str) -> discord.Guild:
        client = self._require_client()
        guild = client.get_guild(int(workspace_id)) if workspace_id.isdigit() else None
        if guild is None:
            raise ChatError(f"discord: guild {workspace_id!r} is not available")
        return guild

    async def _scheduled(self, guild: discord.Guild, event_id: str) -> discord.ScheduledEvent:
        cached = guild.get_scheduled_event(int(event_id)) if event_id.isdigit() else None
        if cached is not None:
            return cached
        if not event_id.isdigit():
            raise ChatError(f"discord: not an event id: {event_id!r}")
        return await _native(guild.fetch_scheduled_event(int(event_id), with_counts=False))

    async def create_native_event(self, workspace_id: str, event: NativeEvent) -> str:
        guild = self._guild(workspace_id)
        created = await _native(guild.create_scheduled_event(**events.event_kwargs(guild, event)))
        return str(created.id)

    async def update_native_event(
        self, workspace_id: str, event_id: str, event: NativeEvent
    ) -> None:
        guild = self._guild(workspace_id)
        scheduled = await self._scheduled(guild, event_id)
        await _native(scheduled.edit(**events.event_kwargs(guild, event)))

    async def cancel_native_event(self, workspace_id: str, event_id: str) -> None:
        guild = self._guild(workspace_id)
        scheduled = await self._scheduled(guild, event_id)
        await _native(scheduled.cancel())

    # --- outbound -------------------------------------------------------------------------------

    def _channel(self, place: Place) -> discord.PartialMessageable:
        client = self._require_client()
        target = place.thread_id or place.channel_id
        if not target.isdigit():
            raise ChannelUnavailable(f"discord: not a channel id: {target!r}")
        if place.workspace_id == DM_WORKSPACE:
            return client.get_partial_messageable(int(target), type=discord.ChannelType.private)
        guild_id = int(place.workspace_id) if place.workspace_id.isdigit() else None
        return client.get_partial_messageable(int(target), guild_id=guild_id)

    async def post(
        self, place: Place, msg: Outgoing, *, answering: Inbound | None = None
    ) -> MessageRef:
        channel = self._channel(place)
        try:
            sent = await _call(channel.send(**render.send_kwargs(msg), **render.nonce_kwargs(msg)))
        except ChannelUnavailable as exc:
            log.warning(
                "discord: cannot post in channel %s of guild %s (%s); the bot needs %s",
                place.channel_id,
                place.workspace_id,
                exc,
                NEEDED_PERMISSIONS,
            )
            raise
        return MessageRef(place, str(sent.id))

    async def update(
        self, ref: MessageRef, msg: Outgoing, *, answering: Inbound | None = None
    ) -> None:
        if not ref.message_id.isdigit():
            raise MessageGone(f"discord: not a message id: {ref.message_id!r}")
        message_id = int(ref.message_id)
        # A click on this very message is being answered: edit through its interaction (faster,
        # needs no channel permission, works for ephemeral messages too).
        handles = list(self._clicks.get(message_id, ()))
        mine = answering.handle if answering is not None else None
        if mine in handles:  # prefer the click being answered: its answer is the card itself
            handles.remove(mine)
            handles.insert(0, mine)
        for handle in handles:
            async with handle.lock:
                interaction = handle.interaction
                if interaction.is_expired():
                    continue
                kwargs = render.edit_kwargs(msg)
                if not handle.responded:
                    await _call(interaction.response.edit_message(**kwargs))
                    handle.on_source()
                    return
                if handle.state is Response.ON_SOURCE:
                    await _call(interaction.edit_original_response(**kwargs))
                    return
        partial = self._channel(ref.place).get_partial_message(message_id)
        await _call(partial.edit(**render.edit_kwargs(msg)))

    async def _dm_channel(self, user: UserRef) -> int:
        cached = self._dm_channels.get(user.id)
        if cached is not None:
            self._dm_channels.move_to_end(user.id)
            return cached
        if not user.id.isdigit():
            raise DMClosed(f"discord: not a user id: {user.id!r}")
        client = self._require_client()
        await self._dm_pacer.acquire()
        channel = await _call(client.create_dm(discord.Object(int(user.id))))
        self._dm_channels[user.id] = channel.id
        if len(self._dm_channels) > SEEN_MAX:
            self._dm_channels.popitem(last=False)
        return channel.id

    async def send_dm(
        self, user: UserRef, msg: Outgoing, *, answering: Inbound | None = None
    ) -> MessageRef:
        channel_id = await self._dm_channel(user)
        place = Place(PLATFORM, DM_WORKSPACE, str(channel_id))
        channel = self._channel(place)
        await self._dm_pacer.acquire()
        sent = await _call(channel.send(**render.send_kwargs(msg), **render.nonce_kwargs(msg)))
        return MessageRef(place, str(sent.id))

    async def find_sent(self, user: UserRef, dedupe_key: str, since: datetime) -> bool:
        """Reads the DM channel's history from `since` for a message of the bot whose button
        carries the key (`render.key_tag`): the nonce is only enforced for a few minutes and
        is not returned when reading messages back."""
        channel_id = await self._dm_channel(user)
        channel = self._channel(Place(PLATFORM, DM_WORKSPACE, str(channel_id)))
        await self._dm_pacer.acquire()
        return await self._keyed(channel, dedupe_key, since) is not None

    async def find_posted(
        self, place: Place, dedupe_key: str, since: datetime
    ) -> MessageRef | None:
        """Reads the channel's (or thread's) history from `since` like `find_sent` (needs
        Read Message History). A message without an action button carries no key: only its
        nonce, enforced for a few minutes, keeps it from being posted twice."""
        found = await self._keyed(self._channel(place), dedupe_key, since)
        return MessageRef(place, str(found)) if found is not None else None

    async def _keyed(
        self, channel: discord.PartialMessageable, dedupe_key: str, since: datetime
    ) -> int | None:
        """The id of the bot's message in `channel` from `since` whose button carries the
        key (`render.key_tag`)."""
        me = self._require_client().user

        async def scan() -> int | None:
            async for message in channel.history(limit=None, after=since):
                if (me is None or message.author.id == me.id) and render.carries_key(
                    message, dedupe_key
                ):
                    return message.id
            return None

        return await _call(scan())

    async def reply(self, to: Inbound, msg: Outgoing) -> None:
        handle = to.handle
        if isinstance(handle, MessageHandle):
            if msg.ephemeral:
                await self.send_dm(to.user, msg)
                return
            kwargs = render.send_kwargs(msg)
            kwargs["reference"] = handle.message.to_reference(fail_if_not_exists=False)
            await _call(self._channel(to.place).send(**kwargs))
            return
        if not isinstance(handle, InteractionHandle):
            # An event the core made up (tests, replays from the store): post or DM.
            if msg.ephemeral:
                await self.send_dm(to.user, msg)
            else:
                await self.post(to.place, msg)
            return
        interaction = handle.interaction
        async with handle.lock:
            if not handle.responded:
                await _call(
                    interaction.response.send_message(
                        **render.send_kwargs(msg), ephemeral=msg.ephemeral
                    )
                )
                handle.answered()
                return
            if handle.state is Response.THINKING:
                if msg.ephemeral:
                    await _call(interaction.edit_original_response(**render.edit_kwargs(msg)))
                    handle.answered()
                    return
                try:
                    await self.post(to.place, msg)
                    return
                except ChannelUnavailable:
                    note = Outgoing(
                        body=(
                            Text(
                                f"(I can't post in this channel: I need {NEEDED_PERMISSIONS} "
                                "here. Only you can see this.)\n"
                            ),
                            *msg.body,
                        ),
                        title=msg.title,
                        fields=msg.fields,
                        buttons=msg.buttons,
                        selects=msg.selects,
                        attachments=msg.attachments,
                        ephemeral=True,
                    )
                    await _call(interaction.edit_original_response(**render.edit_kwargs(note)))
                    handle.answered()
                    return
            await _call(
                interaction.followup.send(
                    **render.send_kwargs(msg), ephemeral=msg.ephemeral, wait=True
                )
            )

    async def open_form(self, to: Inbound, form: Form) -> None:
        handle = to.handle
        if isinstance(handle, InteractionHandle):
            async with handle.lock:
                if not handle.responded:
                    custom_id = form_custom_id(form, handle.interaction.id)
                    modal = _FormModal(form, custom_id)
                    await _call(handle.interaction.response.send_modal(modal))
                    self._forms[custom_id] = form
                    if len(self._forms) > SEEN_MAX:
                        self._forms.popitem(last=False)
                    handle.answered()
                    return
        # Discord opens a form only as the first answer to a click or command.
        log.info("discord: form %s asked for too late; offering a button instead", form.form_id)
        button: tuple[Button, ...] = ()
        if isinstance(to, ActionClicked):
            button = (Button(render.clip(form.title, 80), to.action_id, "primary"),)
        await self.reply(
            to,
            Outgoing(
                body=(Text("Press the button to open the form."),), buttons=button, ephemeral=True
            ),
        )

    async def reject_form(self, to: FormSubmitted, errors: Mapping[str, str]) -> None:
        form = to.handle.form if isinstance(to.handle, InteractionHandle) else None
        labels = {f.name: f.label for f in form.fields} if form else {}
        lines = ["Some fields need another look:"]
        for name, problem in errors.items():
            lines.append(f"\n• {labels.get(name, name)}: {problem}")
        body = tuple(seg for t in lines for seg in prose(t))  # core text: `...` is code
        await self.reply(to, Outgoing(body=body, ephemeral=True))
