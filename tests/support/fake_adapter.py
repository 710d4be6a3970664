"""`FakeAdapter`: an in-memory platform that records everything the core sends (`Sent`) and
can refuse DMs, channels or edits like a real platform; `plain`/`text_of` turn what was sent
into text for assertions."""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from bot.ports import ChannelUnavailable, DMClosed, MessageGone
from bot.types import (
    Bold,
    Code,
    Form,
    FormSubmitted,
    Inbound,
    Link,
    Mention,
    MessageRef,
    Outgoing,
    Place,
    Segment,
    Text,
    Time,
    UserRef,
)

PLATFORM = "fake"


def plain(parts: tuple[Segment, ...] | list[Segment]) -> str:
    """Segments as plain text (times in ISO UTC, a meetup's also in its zone), for assertions."""
    out = []
    for p in parts:
        if isinstance(p, Text | Bold):
            out.append(p.text)
        elif isinstance(p, Code):
            out.append(f"`{p.text}`")
        elif isinstance(p, Time):
            out.append(p.instant.astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ"))
            if p.at_place:  # a meetup's time: also its wall time where it is
                out.append(f" ({p.place_text()})")
        elif isinstance(p, Mention):
            out.append(f"@{p.user.name or p.user.id}")
        elif isinstance(p, Link):
            out.append(f"[{p.label}]({p.url})")
    return "".join(out)


def text_of(msg: Outgoing) -> str:
    parts = [msg.title or "", plain(msg.body)]
    parts += [f"{f.name}: {plain(f.value)}" for f in msg.fields]
    return "\n".join(p for p in parts if p)


@dataclass
class Sent:
    kind: str  # post | update | dm | reply | form | reject
    msg: Outgoing | None
    to: Any = None  # Place, MessageRef, UserRef or the event
    ref: MessageRef | None = None
    form: Form | None = None
    errors: Mapping[str, str] | None = None

    @property
    def text(self) -> str:
        return text_of(self.msg) if self.msg else ""


@dataclass
class FakeAdapter:
    platform: str = PLATFORM
    sent: list[Sent] = field(default_factory=list)
    closed_dms: set[str] = field(default_factory=set)
    closed_channels: set[str] = field(default_factory=set)
    deleted_messages: set[str] = field(default_factory=set)
    failures: dict[str, list[Exception]] = field(default_factory=dict)
    """Errors to raise on the next calls of a kind (post, update, dm), in order."""
    attempts: dict[str, int] = field(default_factory=dict)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def _maybe_fail(self, kind: str) -> None:
        self.attempts[kind] = self.attempts.get(kind, 0) + 1
        queue = self.failures.get(kind)
        if queue:
            raise queue.pop(0)

    async def run(self, inbox: Any) -> None:
        return None

    async def stop(self) -> None:
        return None

    async def post(
        self, place: Place, msg: Outgoing, *, answering: Inbound | None = None
    ) -> MessageRef:
        if place.channel_id in self.closed_channels:
            raise ChannelUnavailable(f"cannot post in {place.channel_id}")
        self._maybe_fail("post")
        ref = MessageRef(place, f"m{next(self._ids)}")
        self.sent.append(Sent("post", msg, place, ref))
        return ref

    async def update(
        self, ref: MessageRef, msg: Outgoing, *, answering: Inbound | None = None
    ) -> None:
        if ref.message_id in self.deleted_messages:
            raise MessageGone(ref.message_id)
        self._maybe_fail("update")
        self.sent.append(Sent("update", msg, ref, ref))

    async def send_dm(
        self, user: UserRef, msg: Outgoing, *, answering: Inbound | None = None
    ) -> MessageRef:
        if user.id in self.closed_dms:
            raise DMClosed(user.id)
        self._maybe_fail("dm")
        ref = MessageRef(Place(self.platform, "dm", f"dm-{user.id}"), f"m{next(self._ids)}")
        self.sent.append(Sent("dm", msg, user, ref))
        return ref

    async def find_sent(self, user: UserRef, dedupe_key: str, since: datetime) -> bool:
        """Like a platform's history: every DM this fake delivered, keyed or not."""
        self._maybe_fail("find_sent")
        return any(
            s.kind == "dm" and s.to.id == user.id and s.msg is not None
            and s.msg.dedupe_key == dedupe_key
            for s in self.sent
        )

    async def find_posted(
        self, place: Place, dedupe_key: str, since: datetime
    ) -> MessageRef | None:
        """Like a channel's history: every post this fake delivered there, keyed or not."""
        self._maybe_fail("find_posted")
        return next(
            (s.ref for s in self.sent
             if s.kind == "post" and s.to == place and s.msg is not None
             and s.msg.dedupe_key == dedupe_key),
            None,
        )

    async def reply(self, to: Inbound, msg: Outgoing) -> None:
        self.sent.append(Sent("reply", msg, to))

    async def open_form(self, to: Inbound, form: Form) -> None:
        self.sent.append(Sent("form", None, to, form=form))

    async def reject_form(self, to: FormSubmitted, errors: Mapping[str, str]) -> None:
        self.sent.append(Sent("reject", None, to, errors=errors))

    # --- queries for tests ------------------------------------------------------------------

    def of(self, kind: str) -> list[Sent]:
        return [s for s in self.sent if s.kind == kind]

    def dms_to(self, user_id: str) -> list[Sent]:
        return [s for s in self.sent if s.kind == "dm" and s.to.id == user_id]

    def replies_to(self, user_id: str) -> list[Sent]:
        return [s for s in self.sent if s.kind == "reply" and s.to.user.id == user_id]

    def last_reply(self, user_id: str) -> Sent:
        replies = self.replies_to(user_id)
        assert replies, f"no reply to {user_id}"
        return replies[-1]

    def card(self, message_id: str) -> Outgoing:
        """The latest version of a posted card."""
        versions = [s.msg for s in self.sent if s.kind in ("post", "update") and s.ref
                    and s.ref.message_id == message_id and s.msg]
        assert versions, f"no card {message_id}"
        return versions[-1]

    def clear(self) -> None:
        self.sent.clear()
