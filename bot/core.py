"""The core: every inbound event passes through `Core.handle`.

It dedupes on the event's idempotency key (platforms redeliver), loads the community, routes
to a handler, and is the error boundary: a rule's refusal becomes a private reply saying what
to type instead; anything unexpected is logged and answered with an apology, never raised into
the adapter. One INFO line per event: platform, community, what, outcome.

The key is recorded "started" before the handler runs and marked "done" after it answered
(whatever the answer), with its lease renewed meanwhile: a redelivery of a done or running
event is dropped, and one of an event whose process died before finishing it (lease over)
is applied (store.mark_and_count).
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot import actions, render
from bot.actions import BadAction
from bot.domain.community import Community
from bot.domain.limits import WINDOW, check_events
from bot.domain.refusal import Refusal
from bot.handlers.context import Ctx, Services
from bot.handlers.parsing import city_zone, is_online
from bot.nlp import dates, places
from bot.ports import ChannelUnavailable, ChatError, Timer
from bot.routes import Routes
from bot.store.store import EVENT_LEASE, StoreUnavailable
from bot.types import (
    NO_COMMUNITY,
    ActionClicked,
    Choice,
    CommandInvoked,
    CommandSpec,
    FormSubmitted,
    GroupRef,
    Inbound,
    MessageSeen,
    SuggestionsRequested,
)

log = logging.getLogger("tweetup.core")

SORRY = (
    "Something went wrong on my side and I couldn't finish that. It has been logged; "
    "please try again in a moment."
)
# The database could not be written (unreachable, locked, disk full): say what is true.
BUSY = "I couldn't save that, so nothing was changed. Please try again in a moment."
REMOVAL_GRACE = timedelta(days=30)
UNKNOWN_BUTTON = (
    "That button is not one I know (it may be from an old version). Type "
    "`/meetup list` to find the meetup again."
)
MAX_OPTION_LENGTH = 4000
RENEW_EVERY = EVENT_LEASE / 3  # events still running here renew their lease this often
RENEW_ID = "renew-events"


_KINDS: dict[type, str] = {
    CommandInvoked: "command",
    ActionClicked: "action",
    FormSubmitted: "form",
    MessageSeen: "message",
}


def fingerprint(event: Inbound) -> str:
    """A short hash of what the event carries (who, where, what), to tell a redelivery (same
    key, same content) from a different event that reuses a key."""
    if isinstance(event, CommandInvoked):
        payload: object = (event.name, sorted(event.options.items()))
        if event.groups:
            payload = (payload, sorted((k, g.id, g.label) for k, g in event.groups.items()))
    elif isinstance(event, ActionClicked):
        payload = (event.action_id, event.values)
    elif isinstance(event, FormSubmitted):
        payload = (event.form_id, sorted(event.values.items()))
    else:
        payload = event.text
    content = repr(
        (type(event).__name__, event.user.id, event.place.workspace_id, event.place.channel_id,
         payload)
    )
    return hashlib.blake2b(content.encode("utf-8", "replace"), digest_size=16).hexdigest()


@dataclass(slots=True)
class _Claim:
    """One event's key, and whether this process recorded it (then it must mark it done)."""

    key: str
    recorded: bool = False


class _Finisher:
    """Marks answered events done, several in one transaction when they finish while one is
    being written (a group commit: a transaction costs far more than the UPDATE, about
    0.6 ms of CPU on PostgreSQL). Each caller returns once its own key is written."""

    def __init__(self, services: Services) -> None:
        self._services = services
        self._keys: list[str] = []  # waiting for the next transaction
        self._written: asyncio.Future[None] | None = None  # resolved when they are written
        self._task: asyncio.Task[None] | None = None

    async def finish(self, key: str) -> None:
        self._keys.append(key)
        if self._written is None:
            self._written = asyncio.get_running_loop().create_future()
        written = self._written
        if self._task is None:
            self._task = asyncio.create_task(self._write_all())
        await asyncio.shield(written)

    async def _write_all(self) -> None:
        try:
            while self._keys:
                keys, written = self._keys, self._written
                self._keys, self._written = [], None
                try:
                    await self._services.store.finish_events(keys)
                except Exception as exc:  # the keys stay started: see Core._finish
                    log.warning("could not mark %d events done: %s", len(keys), exc)
                finally:
                    _resolve(written)
        finally:
            self._task = None
            _resolve(self._written)  # cancelled (shutdown): nobody waits forever
            self._keys, self._written = [], None


def _resolve(future: asyncio.Future[None] | None) -> None:
    if future is not None and not future.done():
        future.set_result(None)


def _what(event: Inbound) -> str:
    if isinstance(event, CommandInvoked):
        return f"command={event.name[:32]}"
    if isinstance(event, ActionClicked):
        return f"action={event.action_id.split(':')[1] if ':' in event.action_id else '?'}"
    if isinstance(event, FormSubmitted):
        return f"form={event.form_id[:32]}"
    return "message"


class Core:
    def __init__(self, services: Services, routes: Routes, timer: Timer | None = None) -> None:
        self.services = services
        self.routes = routes  # assembled from the features by the composition root
        self._timer = timer  # renews the lease of running events (none: no renewal)
        self._running: set[str] = set()  # keys of the events being handled here
        self._finisher = _Finisher(services)
        self._renewal_due: datetime | None = None  # the armed renewal's instant

    @property
    def commands(self) -> Sequence[CommandSpec]:
        return self.routes.table

    async def handle(self, event: Inbound) -> None:
        started = time.perf_counter()
        claim = _Claim(f"{event.user.platform}:{event.key}")
        try:
            outcome, community_id = await self._handle(event, claim)
        finally:
            if claim.recorded:  # (a redelivery's key is another event's, running here)
                self._running.discard(claim.key)  # cancelled (a crash): the lease runs out
        if claim.recorded:  # answered, whatever the outcome: a redelivery is a duplicate
            await self._finish(claim.key)
        if not isinstance(event, MessageSeen) or outcome not in ("ok", "ignored"):
            log.info(
                "platform=%s community=%s %s outcome=%s ms=%.1f",
                event.user.platform,
                community_id,
                _what(event),
                outcome,
                (time.perf_counter() - started) * 1000,
            )

    async def _handle(self, event: Inbound, claim: _Claim) -> tuple[str, str]:
        """Handle one event; (outcome, community id) for the one log line."""
        community_id = "?"
        try:
            seen = await self._mark(event, claim)
            if seen:
                return seen, community_id
            community = await self._community(event)
            community_id = str(community.id)
            # The handlers' outbox names this event, so an adapter can settle its response.
            services = replace(self.services, outbox=self.services.outbox.for_event(event))
            ctx = Ctx(services, event, community)
            await self._route(ctx)
            return ctx.outcome, community_id
        except Refusal as refusal:
            await self._safe_reply(event, str(refusal))
            return "refused", community_id
        except BadAction:
            await self._safe_reply(event, UNKNOWN_BUTTON)
            return "refused", community_id
        except StoreUnavailable:
            await self._safe_reply(event, BUSY)
            return "busy", community_id
        except ChannelUnavailable:
            log.warning(
                "cannot post in channel %s (platform %s)",
                event.place.channel_id,
                event.user.platform,
            )
            await self._safe_reply(
                event,
                "I can't post in this channel. Invite me to it (e.g. /invite @Tweetup) or "
                "allow me to post here, then try again.",
            )
            return "channel-unavailable", community_id
        except Exception:
            log.exception("unexpected error handling %s", _what(event))
            await self._safe_reply(event, SORRY)
            return "error", community_id

    async def _mark(self, event: Inbound, claim: _Claim) -> str:
        """Record the event's key as started; "" when this process handles the event, else
        the outcome of a redelivery ("duplicate": done; "in-progress": running elsewhere).
        A seen key carrying other content is a different event: warned about loudly, then
        handled. Raises Refusal when the sender is over a rate limit."""
        kind = _KINDS[type(event)]
        mark = await self.services.store.mark_and_count(
            claim.key,
            self.services.clock.now(),
            WINDOW,
            scope=f"{event.place.platform}:{event.place.workspace_id}",
            user_id=event.user.id,
            kind=kind,
            fingerprint=fingerprint(event),
        )
        if not mark.new:
            return "in-progress" if mark.in_progress else "duplicate"
        claim.recorded = True
        self._running.add(claim.key)
        self._arm_renewal()
        if mark.reused:
            log.warning(
                "EVENT KEY REUSED: %s arrived again with other content; handling it as a new "
                "event (the %s adapter's event keys are not unique)",
                claim.key[:200],
                event.user.platform,
            )
        if mark.taken_over:
            log.warning(
                "event %s was started by a process that did not finish it; handling it now",
                claim.key[:200],
            )
        if kind != "message":
            check_events(mark.member, mark.community, self.services.rate_limits)
        return ""

    async def _finish(self, key: str) -> None:
        """Mark an answered event done. If that fails (logged), the key stays started and a
        redelivery after its lease would be handled again."""
        await self._finisher.finish(key)

    def _arm_renewal(self) -> None:
        """Arm one wake-up that renews the lease of every event still running here (at most
        one armed at a time, so this costs nothing per event; armed again if it was lost)."""
        now = self.services.clock.now()
        due = self._renewal_due
        if self._timer is None or (due is not None and now < due + RENEW_EVERY):
            return
        try:
            self._timer.arm(RENEW_ID, now + RENEW_EVERY, self.renew_running)
        except Exception:  # a timer shutting down: the events then finish or are taken over
            log.warning("could not arm the event lease renewal", exc_info=True)
            return
        self._renewal_due = now + RENEW_EVERY

    async def renew_running(self) -> None:
        """Renew the lease of the events still running here, then re-arm while any is."""
        self._renewal_due = None
        if not self._running:
            return
        try:
            await self.services.store.renew_events(list(self._running),
                                                   self.services.clock.now())
        except Exception as exc:  # re-armed anyway: the next renewal may get through
            log.warning("could not renew the lease of %d running events: %s",
                        len(self._running), exc)
        if self._running:
            self._arm_renewal()

    async def _community(self, event: Inbound) -> Community:
        if event.place.workspace_id == NO_COMMUNITY:
            return await self._community_of_direct(event)
        return await self.services.store.community(
            event.place.platform,
            event.place.workspace_id,
            timezone=self.services.default_timezone,
            now=self.services.clock.now(),
        )

    async def _community_of_direct(self, event: Inbound) -> Community:
        """A click in a DM that belongs to no community: the community is the one of the
        meetup the button refers to, and only if this member already answered that meetup
        (the DM was an invitation, an offer or a reminder to them)."""
        if isinstance(event, ActionClicked):
            action = actions.parse(event.action_id)
            finder = self.routes.direct_actions.get(action.verb)
            if finder is not None:
                community = await finder(self.services, action, event.user.id)
                if community is not None:
                    return community
        raise Refusal(
            "Please use this in the community's channel; I can't tell which "
            "community it is for from here."
        )

    async def _safe_reply(self, event: Inbound, message: str) -> None:
        if isinstance(event, MessageSeen):
            return  # nobody asked; never answer chatter with errors
        try:
            await self.services.outbox.reply(event, render.text(message))
        except ChatError as exc:
            log.warning("could not send a reply: %s", exc)

    async def _route(self, ctx: Ctx) -> None:
        event = ctx.event
        if isinstance(event, CommandInvoked):
            handler = self.routes.commands.get(event.name)
            spec = self.routes.specs.get(event.name)
            if handler is None or spec is None:
                raise Refusal(
                    f"There is no `/meetup {event.name[:32]}` command. "
                    "Type `/meetup help` to see them all."
                )
            options = _clean_options(spec, event.options, event.groups)
            await handler(ctx, options)
        elif isinstance(event, ActionClicked):
            action = actions.parse(event.action_id)  # BadAction: a forged or stale id
            on_click = self.routes.actions.get(action.verb)
            if on_click is None:  # a verb whose feature is not installed here
                raise BadAction(action.verb)
            await on_click(ctx, action)
        elif isinstance(event, FormSubmitted):
            form = self.routes.forms.get(event.form_id)
            if form is None:
                raise Refusal("That form has expired. Type `/meetup propose` to start again.")
            await form(ctx, {k: str(v)[:MAX_OPTION_LENGTH] for k, v in event.values.items()})
        elif isinstance(event, MessageSeen):
            if self.routes.on_message is None:  # no feature reads chat
                ctx.outcome = "ignored"
                return
            await self.routes.on_message(ctx)

    async def community_removed(self, platform: str, workspace_id: str) -> None:
        if await self.services.store.mark_removed(
            platform, workspace_id, self.services.clock.now()
        ):
            log.info(
                "platform=%s workspace removed the bot; its data goes after %d days "
                "unless it comes back",
                platform,
                REMOVAL_GRACE.days,
            )

    async def member_left(self, platform: str, workspace_id: str, user_id: str) -> None:
        """A member left the community: the features that count on members are told. Never
        raises (the adapter has nobody to answer)."""
        hook = self.routes.after_member_left
        if hook is None:
            return
        try:
            community = await self.services.store.community(
                platform, workspace_id, timezone=self.services.default_timezone,
                now=self.services.clock.now(),
            )
            await hook(self.services, community, user_id[:64])
            log.info("platform=%s community=%s member-left outcome=ok", platform, community.id)
        except Exception:
            log.exception("platform=%s handling a member who left failed", platform)

    async def suggest(self, event: SuggestionsRequested) -> list[Choice]:
        """Autocomplete for city and time options. Never raises: an empty list at worst."""
        try:
            partial = event.partial.strip()[:100]
            if event.option == "city":
                cities = [
                    Choice(c.label[:100], c.label[:100])
                    for c in places.search_cities(partial, limit=25)
                ]
                if (
                    event.command == "propose"
                    and len(partial) >= 2
                    and "online".startswith(partial.lower())
                ):  # an online meetup: a link instead of a place
                    cities = [Choice("Online (a link instead of a venue)", "online"), *cities]
                return cities[:25]
            if event.option in ("when", "deadline"):
                zone = await self._zone(event)
                now = self.services.clock.now().astimezone(zone)
                return [
                    Choice(_time_label(t)[:100], _time_value(t))
                    for t in dates.suggest_times(partial, now=now, limit=10)
                ]
        except Exception:
            log.exception("autocomplete failed")
        return []

    async def _zone(self, event: SuggestionsRequested) -> ZoneInfo:
        """Where the time will be read: the city already typed, else the community's zone."""
        community = await self.services.store.community(
            event.place.platform,
            event.place.workspace_id,
            timezone=self.services.default_timezone,
            now=self.services.clock.now(),
        )
        city_text = event.options.get("city", "")[:100]
        if city_text and not is_online(city_text):
            return city_zone(places.resolve_city(city_text).city, community)
        meetup_id = event.options.get("id", "").strip().lstrip("#")
        if event.command == "edit" and meetup_id.isdigit() and len(meetup_id) < 16:
            m = await self.services.store.meetup(int(meetup_id))
            if m is not None and m.community_id == community.id:
                return ZoneInfo(m.zone(community.timezone))
        return city_zone(None, community)


def _time_label(t: datetime) -> str:
    return f"{t:%a %d %b %Y, %H:%M} ({t.tzname()})"


def _time_value(t: datetime) -> str:
    return f"{t:%Y-%m-%d %H:%M}"


def _clean_options(
    spec: CommandSpec, options: Mapping[str, str], groups: Mapping[str, GroupRef]
) -> dict[str, str]:
    """Known options only, as stripped strings of sane length. A group an adapter read from a
    `group` option gives that option (handlers find it in `Ctx.group`)."""
    known = {o.name: o for o in spec.options}
    cleaned: dict[str, str] = {}
    for name in groups:
        if known.get(name) is None or known[name].kind != "group":
            raise Refusal(
                f"`/meetup {spec.name}` takes no group as `{str(name)[:32]}`. "
                f"Example: `{spec.example}`"
            )
    for name, value in options.items():
        if name not in known:
            raise Refusal(
                f"`/meetup {spec.name}` has no option `{str(name)[:32]}`. Example: `{spec.example}`"
            )
        text = str(value).strip()
        if len(text) > MAX_OPTION_LENGTH:
            raise Refusal(f"The value of {name} is far too long.")
        cleaned[name] = text
    given = {name for name, text in cleaned.items() if text} | set(groups)
    missing = [o.name for o in spec.options if o.required and o.name not in given]
    if missing and spec.name != "propose":  # propose with no options opens the form
        raise Refusal(
            f"`/meetup {spec.name}` needs {', '.join(missing)}. Example: `{spec.example}`"
        )
    return cleaned
