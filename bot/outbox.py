"""Sends neutral messages through the right adapter.

- Picks the adapter by platform.
- Retries calls that failed for a passing reason (PlatformBusy) with backoff; adapters already
  honour Retry-After for single requests.
- DM fan-out: members whose DMs are closed are collected into one channel message that mentions
  them, instead of failing.
- Names the event it answers: `for_event(event)` is the outbox a handler of that event uses
  (`Ctx.services.outbox`); its posts, updates and DMs pass `answering=event` to the adapter.
- Posts a job's channel messages once: `for_job(job)` is the outbox a job's runner uses
  (`bot.handlers.feature.each`). Each of its posts carries a dedupe key made from the job and
  the post's place in the run; a job claimed before (a process died between posting and
  marking it done) first looks for that key in the channel (`ChatAdapter.find_posted`).
- DMs a job's runner sends the same way: each carries a key made from the job, the member and
  the DM's place among that member's DMs in the run; a job claimed before first looks for it
  in the member's DMs (`ChatAdapter.find_sent`) and does not send it again.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TypeVar

from bot.domain.jobs import Job
from bot.ports import (
    ChatAdapter,
    ChatError,
    DeliveryUnknown,
    DMClosed,
    GroupDirectory,
    NativeEvents,
)
from bot.types import (
    Form,
    FormSubmitted,
    Inbound,
    Mention,
    MessageRef,
    Outgoing,
    Place,
    Segment,
    Text,
    UserRef,
)

log = logging.getLogger(__name__)
T = TypeVar("T")

RETRIES = 3
FAN_OUT_CONCURRENCY = 16
CLOCK_SKEW = timedelta(minutes=5)
"""How far the platform's clock may be behind ours when reading a history from a job's due
instant."""


def post_key(job: Job, ordinal: int) -> str:
    """The dedupe key of a job's `ordinal`-th channel post (a runner posts in a fixed order).

    >>> from datetime import UTC
    >>> post_key(Job(7, "followup", 3, 1, None, None, datetime(2030, 1, 1, tzinfo=UTC), 1), 1)
    'post:7:1'
    """
    return f"post:{job.id}:{ordinal}"


def dm_key(job: Job, user_id: str, ordinal: int) -> str:
    """The dedupe key of a job's `ordinal`-th DM to one member (a runner DMs in a fixed
    order, so a retry of the job makes the same keys).

    >>> from datetime import UTC
    >>> dm_key(Job(7, "eve", 3, 1, None, None, datetime(2030, 1, 1, tzinfo=UTC), 1), "U1", 1)
    'dm:7:U1:1'
    """
    return f"dm:{job.id}:{user_id}:{ordinal}"


SENT_BEFORE = ""
"""The message id `Outbox.dm` returns for a job's DM an earlier claim sent: the platform's
history shows it went out, not its id (nothing in a job uses a DM's id)."""


@dataclass(frozen=True, slots=True)
class Delivery:
    user: UserRef
    message: Outgoing


class Outbox:
    def __init__(
        self, adapters: Mapping[str, ChatAdapter] | None = None, retry_delay: float = 0.5
    ) -> None:
        self.adapters: dict[str, ChatAdapter] = dict(adapters or {})
        self.retry_delay = retry_delay
        self.answering: Inbound | None = None  # the event this outbox answers, if any
        self.job: Job | None = None  # the job whose runner posts through this outbox, if any
        self._posts = itertools.count(1)
        self._dms: dict[str, itertools.count[int]] = {}  # per member: a job's DM ordinals

    def for_event(self, event: Inbound) -> Outbox:
        """This outbox (same adapters, shared) answering `event`."""
        bound = Outbox(retry_delay=self.retry_delay)
        bound.adapters = self.adapters  # shared: an adapter added later serves both
        bound.answering = event
        return bound

    def for_job(self, job: Job) -> Outbox:
        """This outbox (same adapters, shared) posting for `job`: its posts are keyed, and
        looked for before posting again when the job was claimed before."""
        bound = Outbox(retry_delay=self.retry_delay)
        bound.adapters = self.adapters
        bound.job = job
        return bound

    def add(self, adapter: ChatAdapter) -> None:
        self.adapters[adapter.platform] = adapter

    def _adapter(self, platform: str) -> ChatAdapter:
        try:
            return self.adapters[platform]
        except KeyError:
            raise ChatError(f"no adapter for platform {platform!r}") from None

    async def _retrying(
        self, what: str, call: Callable[[], Awaitable[T]], idempotent: bool = False
    ) -> T:
        delay = self.retry_delay
        for attempt in range(1, RETRIES + 1):
            try:
                return await call()
            except ChatError as exc:
                again = exc.retryable or (idempotent and isinstance(exc, DeliveryUnknown))
                if not again or attempt == RETRIES:
                    raise
                log.warning("%s failed for a passing reason (%s); retry %d", what, exc, attempt)
                await asyncio.sleep(delay)
                delay *= 2
        raise AssertionError("unreachable")

    def native_events(self, platform: str) -> NativeEvents | None:
        """The platform's own events, if its adapter offers them (Discord's do)."""
        adapter = self.adapters.get(platform)
        return adapter if isinstance(adapter, NativeEvents) else None

    def group_directory(self, platform: str) -> GroupDirectory | None:
        """The platform's groups, if its adapter can look them up (Discord's, Slack's)."""
        adapter = self.adapters.get(platform)
        return adapter if isinstance(adapter, GroupDirectory) else None

    async def post(self, place: Place, msg: Outgoing) -> MessageRef:
        adapter = self._adapter(place.platform)
        if self.job is not None and msg.dedupe_key is None:
            key = post_key(self.job, next(self._posts))
            msg = replace(msg, dedupe_key=key)
            earlier = await self._posted_before(self.job, place, key)
            if earlier is not None:
                return earlier
        return await self._retrying(
            "post", lambda: adapter.post(place, msg, answering=self.answering)
        )

    def skip_post(self) -> None:
        """Pass over a post of the job's run that need not be made again (the store recorded
        it): the posts after it keep the keys an earlier claim gave them."""
        next(self._posts)

    async def _posted_before(self, job: Job, place: Place, key: str) -> MessageRef | None:
        """The job's post, if an earlier claim of the job made it. A first claim reads
        nothing; a history that cannot be read posts anyway (at least once, never lost)."""
        if job.attempts <= 1:
            return None
        adapter = self._adapter(place.platform)
        since = job.due_at - CLOCK_SKEW
        try:
            found = await self._retrying(
                "find_posted", lambda: adapter.find_posted(place, key, since), idempotent=True
            )
        except ChatError as exc:
            log.warning("could not read channel %s for job %s's post (%s); posting it",
                        place.channel_id, job.id, exc)
            return None
        if found is not None:
            log.info("job %s (%s): its post %s went out before; not posted again",
                     job.id, job.kind, key)
        return found

    async def _sent_before(self, job: Job, user: UserRef, key: str) -> bool:
        """Whether an earlier claim of the job sent this DM. A first claim reads nothing; DMs
        that cannot be read send it anyway (at least once, never lost)."""
        if job.attempts <= 1:
            return False
        try:
            found = await self.find_sent(user, key, job.due_at - CLOCK_SKEW)
        except ChatError as exc:
            log.warning("could not read a member's DMs for job %s's DM (%s); sending it",
                        job.id, exc)
            return False
        if found:
            log.info("job %s (%s): its DM %s went out before; not sent again",
                     job.id, job.kind, key)
        return found

    async def update(self, ref: MessageRef, msg: Outgoing) -> None:
        adapter = self._adapter(ref.place.platform)
        await self._retrying(
            "update", lambda: adapter.update(ref, msg, answering=self.answering), idempotent=True
        )

    async def dm(self, user: UserRef, msg: Outgoing) -> MessageRef:
        """Raises DMClosed when the member does not accept DMs. A job's DM is keyed, and not
        sent again when an earlier claim of the job sent it (its ref then has the message id
        `SENT_BEFORE`)."""
        adapter = self._adapter(user.platform)
        if self.job is not None and msg.dedupe_key is None:
            ordinal = next(self._dms.setdefault(user.id, itertools.count(1)))
            msg = replace(msg, dedupe_key=dm_key(self.job, user.id, ordinal))
            if await self._sent_before(self.job, user, msg.dedupe_key or ""):
                return MessageRef(Place(user.platform, "", ""), SENT_BEFORE)
        return await self._retrying(
            "dm", lambda: adapter.send_dm(user, msg, answering=self.answering)
        )

    async def find_sent(self, user: UserRef, dedupe_key: str, since: datetime) -> bool:
        """Whether a DM with `dedupe_key` already reached `user` (read back from the platform,
        retried like any read)."""
        adapter = self._adapter(user.platform)
        return await self._retrying(
            "find_sent", lambda: adapter.find_sent(user, dedupe_key, since), idempotent=True
        )

    async def reply(self, to: Inbound, msg: Outgoing) -> None:
        adapter = self._adapter(to.user.platform)
        await self._retrying("reply", lambda: adapter.reply(to, msg))

    async def open_form(self, to: Inbound, form: Form) -> None:
        await self._adapter(to.user.platform).open_form(to, form)

    async def reject_form(self, to: FormSubmitted, errors: Mapping[str, str]) -> None:
        await self._adapter(to.user.platform).reject_form(to, errors)

    async def dm_many(
        self,
        deliveries: Sequence[Delivery],
        fallback: Place | None,
        fallback_body: Sequence[Segment],
    ) -> tuple[list[UserRef], list[UserRef]]:
        """DM each member. Those with closed DMs get one channel message in `fallback` that
        mentions them. Returns (reached by DM, reached in the channel or not at all)."""
        gate = asyncio.Semaphore(FAN_OUT_CONCURRENCY)
        closed: list[UserRef] = []
        reached: list[UserRef] = []

        async def one(d: Delivery) -> None:
            async with gate:
                try:
                    await self.dm(d.user, d.message)
                    reached.append(d.user)
                except DMClosed:
                    closed.append(d.user)
                except ChatError as exc:
                    log.warning("DM to a member failed: %s", exc)
                    closed.append(d.user)

        await asyncio.gather(*(one(d) for d in deliveries))
        if closed and fallback is not None:
            body: list[Segment] = []
            for i, user in enumerate(closed):
                body.extend([Text(", " if i else ""), Mention(user)])
            body.append(Text(" (your DMs are closed, so here it is in the channel): "))
            body.extend(fallback_body)
            try:
                await self.post(fallback, Outgoing(body=tuple(body), ping=tuple(closed)))
            except ChatError as exc:
                log.warning("channel fallback for closed DMs failed: %s", exc)
        return reached, closed
