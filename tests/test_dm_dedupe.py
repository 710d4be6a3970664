"""A reminder whose outcome is unknown (claimed by a process that died, or by a batch that
failed partway) is looked for in the member's DMs before it is sent again, so it arrives
once; a reminder claimed for the first time costs no such look-up."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

from bot import actions
from bot.app import FEATURES
from bot.ports import ChatError
from bot.routes import JobDelivery, assemble
from bot.store.store import StoreUnavailable
from tests.support import Harness

FRIDAY = "2030-01-11 19:00"
DUE_24H = timedelta(days=3, hours=10)  # Monday 09:00 -> Thursday 19:00


def reminders_to(harness: Harness, user: str) -> list[str]:
    return [d.msg.title or "" for d in harness.adapter.dms_to(user)
            if d.msg and (d.msg.title or "").startswith("Reminder")]


async def _going(harness: Harness, *users: str, when: str = FRIDAY, title: str = "Coffee") -> int:
    mid = await harness.propose(when=when, title=title)
    for user in users:
        await harness.click(user, actions.encode("rsvp", mid, "going"))
    return mid


async def test_a_first_claim_reads_no_history(harness: Harness) -> None:
    await _going(harness, "bob")
    await harness.advance(DUE_24H + timedelta(minutes=1))
    assert reminders_to(harness, "bob") == ["Reminder: Coffee in 1d"]
    assert "find_sent" not in harness.adapter.attempts


async def test_a_reminder_a_dead_process_sent_is_not_sent_again(harness: Harness) -> None:
    """Another process claims bob's and carol's reminders, DMs bob, and is killed before it
    records anything or reaches carol. After its lease, bob gets nothing more, carol hers."""
    await _going(harness, "bob", "carol")
    due = harness.clock.now() + DUE_24H
    claimed = await harness.store.claim_due(due, harness.app.jobs.lease)
    assert len(claimed) == 2
    dead = JobDelivery(harness.app.services, assemble(FEATURES).jobs)
    await dead([j for j in claimed if j.user_id == "bob"])  # sent, never recorded
    await harness.advance(DUE_24H + harness.app.jobs.lease + timedelta(minutes=1))
    assert reminders_to(harness, "bob") == ["Reminder: Coffee in 1d"]
    assert reminders_to(harness, "carol") == ["Reminder: Coffee in 1d"]
    assert harness.adapter.attempts["find_sent"] == 2
    assert (await harness.store.job_counts())["done"] == 2


async def test_when_the_dms_cannot_be_read_the_reminder_is_sent(harness: Harness) -> None:
    """At least once rather than lost: a history read that fails does not hold it back."""
    await _going(harness, "bob")
    due = harness.clock.now() + DUE_24H
    assert len(await harness.store.claim_due(due, harness.app.jobs.lease)) == 1
    harness.adapter.failures["find_sent"] = [ChatError("missing_scope")] * 3
    await harness.advance(DUE_24H + harness.app.jobs.lease + timedelta(minutes=1))
    assert reminders_to(harness, "bob") == ["Reminder: Coffee in 1d"]


def _failing_once(read: Callable[[int], Awaitable[Any]], meetup_id: int) -> Callable[
        [int], Awaitable[Any]]:
    failed: list[int] = []

    async def meetup(mid: int) -> Any:
        if mid == meetup_id and not failed:
            failed.append(mid)
            raise StoreUnavailable("connection refused")
        return await read(mid)

    return meetup


async def test_a_batch_failing_partway_sends_each_reminder_once(
        harness: Harness, monkeypatch: Any) -> None:
    """One batch holds two meetups' reminders; reading the second meetup fails after the
    first meetup's DMs went out. The first meetup's reminders are recorded at once; the
    second's go out after the lease; nobody gets two."""
    await _going(harness, "bob", "carol", title="Coffee")
    second = await _going(harness, "dave", title="Tea")
    monkeypatch.setattr(harness.store, "meetup", _failing_once(harness.store.meetup, second))
    await harness.advance(DUE_24H + timedelta(minutes=1))
    assert reminders_to(harness, "bob") == ["Reminder: Coffee in 1d"]
    assert reminders_to(harness, "dave") == []
    assert (await harness.store.job_counts())["done"] == 2
    await harness.advance(harness.app.jobs.lease + timedelta(minutes=1))
    assert reminders_to(harness, "bob") == ["Reminder: Coffee in 1d"]
    assert reminders_to(harness, "carol") == ["Reminder: Coffee in 1d"]
    assert reminders_to(harness, "dave") == ["Reminder: Tea in 1d"]
    assert (await harness.store.job_counts())["done"] == 3
