"""Store queries of inbound events: each event's key (recorded once, so a redelivery is
not handled twice; leased while it runs, so a dead handler's event is taken over) and the
per-member and per-community rate counters."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.store import schema as t
from bot.store.base import Queries

# An inbound event is recorded "started" and marked "done" once answered. A started event
# whose lease (renewed while it runs) ran out belongs to a dead process: a redelivery takes
# it over. Short enough that Slack's retry after a minute finds it so.
EVENT_LEASE = timedelta(seconds=30)
STARTED, DONE = "started", "done"


@dataclass(frozen=True, slots=True)
class EventMark:
    """What recording an inbound event's key found, and the member's and the community's
    event counts in the current window.

    `new`: this caller handles the event (then marks it done with `finish_event`). Not new:
    the event was handled already, or `in_progress` elsewhere (its lease still holds)."""

    new: bool
    member: int
    community: int
    reused: bool = False  # the key was seen with other content: a different event
    in_progress: bool = False  # recorded, not done, and its lease still holds
    taken_over: bool = False  # recorded, never done, lease over: its handler died


class EventQueries(Queries):
    async def mark_event(self, key: str, now: datetime, fingerprint: str = "") -> bool:
        """Record an inbound event's key without counting it; False if it was seen before."""
        mark = await self.mark_and_count(
            key, now, timedelta(minutes=1), scope="", user_id="", kind="message",
            fingerprint=fingerprint,
        )
        return mark.new

    async def mark_and_count(
        self,
        key: str,
        now: datetime,
        window: timedelta,
        *,
        scope: str,
        user_id: str,
        kind: str,
        fingerprint: str = "",
        lease: timedelta = EVENT_LEASE,
    ) -> EventMark:
        """Record an inbound event's key as *started* and, unless it is a chat message, count
        it in the current window for the member and the community. The caller marks it done
        (`finish_event`) once it has answered, and renews it (`renew_events`) meanwhile.

        A key seen before with the same fingerprint (or none recorded) is a redelivery: not
        new if it is done or still within its lease (`in_progress`); taken over (new again)
        if it was started more than `lease` ago and never finished, because the process
        handling it died. A key seen before with another fingerprint is a different event
        that reuses the key: it is new (and `reused`), and its fingerprint replaces the old
        one. Of several callers at once, exactly one gets `new`."""
        start = datetime.fromtimestamp(
            now.timestamp() // window.total_seconds() * window.total_seconds(), tz=now.tzinfo
        )
        names = {"scope": scope[:100], "user_id": user_id[:64], "start": start}
        mark = {**names, "key": key[:200], "now": now, "kind": kind[:8],
                "fingerprint": fingerprint[:32], "cutoff": now - lease}

        async def bump(conn: AsyncConnection, who: str) -> int:
            result = await conn.execute(self._sql.bump_rate, {**names, "who": who[:64]})
            return int(result.scalar_one())

        async def work(conn: AsyncConnection) -> EventMark:
            reused = False
            marked = await conn.execute(self._sql.mark_event, mark)
            if not marked.rowcount:  # seen before: rare, so not on the prebuilt path
                again = await self._seen_again(conn, mark)
                if again is not None:
                    return again
                reused = True
            if kind == "message":
                return EventMark(True, 0, 0, reused)
            return EventMark(True, await bump(conn, user_id), await bump(conn, ""), reused)

        return await self._write(work)

    async def _seen_again(self, conn: AsyncConnection, mark: dict[str, Any]) -> EventMark | None:
        """A key already recorded: None if it carried another fingerprint (the row now
        describes this new event, started); else what the redelivery found. Every change is
        a conditional UPDATE, so of several instances at once only one takes the event."""
        pe = t.processed_events
        row = (
            await conn.execute(
                select(pe.c.fingerprint, pe.c.state, pe.c.seen_at).where(pe.c.key == mark["key"])
            )
        ).first()
        if row is None:  # pruned meanwhile: long done
            return EventMark(False, 0, 0)
        this = pe.c.key == mark["key"]
        if row.fingerprint and mark["fingerprint"] and row.fingerprint != mark["fingerprint"]:
            taken = await conn.execute(
                update(pe)
                .where(this, pe.c.fingerprint == row.fingerprint)
                .values(fingerprint=mark["fingerprint"], seen_at=mark["now"], state=STARTED)
            )
            return None if taken.rowcount else EventMark(False, 0, 0)
        if row.state != STARTED:
            return EventMark(False, 0, 0)
        if row.seen_at >= mark["cutoff"]:
            return EventMark(False, 0, 0, in_progress=True)
        taken = await conn.execute(
            update(pe)
            .where(this, pe.c.state == STARTED, pe.c.seen_at < mark["cutoff"])
            .values(seen_at=mark["now"])
        )
        if not taken.rowcount:  # another instance took it over (or finished it) just now
            return EventMark(False, 0, 0, in_progress=True)
        return EventMark(True, 0, 0, taken_over=True)

    async def finish_event(self, key: str) -> None:
        """Mark a started event done: from now on a redelivery of it is a duplicate."""
        await self.finish_events([key])

    async def finish_events(self, keys: Sequence[str]) -> None:
        """Mark started events done, in one transaction."""
        names: dict[str, Any]
        if len(keys) == 1:
            statement, names = self._sql.finish_event, {"event": keys[0][:200]}
        else:
            statement, names = self._sql.finish_events, {"events": [k[:200] for k in keys]}

        async def work(conn: AsyncConnection) -> None:
            await conn.execute(statement, names)

        await self._write(work)

    async def renew_events(self, keys: Iterable[str], now: datetime) -> int:
        """Renew the lease of events still being handled here, so a redelivery meanwhile is
        not taken for a dead handler's event. Returns how many were renewed."""
        pe = t.processed_events
        wanted = [key[:200] for key in keys]
        if not wanted:
            return 0

        async def work(conn: AsyncConnection) -> int:
            result = await conn.execute(
                update(pe)
                .where(pe.c.key.in_(wanted), pe.c.state == STARTED)
                .values(seen_at=now)
            )
            return int(result.rowcount)

        return await self._write(work)

    async def prune_events(self, before: datetime) -> int:
        """Forget event keys and rate windows older than `before`."""

        async def work(conn: AsyncConnection) -> int:
            pe, rc = t.processed_events, t.rate_counters
            await conn.execute(delete(rc).where(rc.c.window_start < before))
            return int((await conn.execute(delete(pe).where(pe.c.seen_at < before))).rowcount)

        return await self._write(work)
