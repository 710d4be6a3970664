"""Jobs whose database change comes before their post (a poll closed at its deadline, a
series' next date) are exactly-once in effect: a process killed after the change but before
the post, or after the post but before the job was marked done, leaves a job that is claimed
again once its lease runs out, and that run makes the post, or finds the one made: never
none, never two. (A member's close removes the deadline's job, so a retried job resumes
only a close of its own.)"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

import pytest

from bot import actions
from bot.app import FEATURES
from bot.domain.jobs import Job
from bot.routes import JobDelivery, assemble
from tests.support import Harness


class ProcessDied(BaseException):
    """The process is killed here: nothing after it runs, and no handler catches it."""


async def _claim(harness: Harness, due: timedelta, kind: str) -> list[Job]:
    """Move to just before `due` from now, and claim what is due then as another process;
    the jobs of `kind` among them."""
    at = harness.clock.now() + due
    await harness.advance(due - timedelta(minutes=1))
    claimed = await harness.store.claim_due(at, harness.app.jobs.lease)
    mine = [j for j in claimed if j.kind == kind]
    assert len(mine) == 1, [j.kind for j in claimed]
    return mine


async def _run_and_die(harness: Harness, jobs: Sequence[Job]) -> None:
    """The other process runs the jobs and dies before marking them done (or in them)."""
    with contextlib.suppress(ProcessDied):
        await JobDelivery(harness.app.services, assemble(FEATURES).jobs)(jobs)


async def _lease_runs_out(harness: Harness) -> None:
    await harness.advance(harness.app.jobs.lease + timedelta(minutes=2))
    assert (await harness.store.job_counts()).get("claimed", 0) == 0


# --- a poll closed at its deadline -----------------------------------------------------------

POLL_DEADLINE = timedelta(days=2, hours=3)  # Monday 09:00 -> Wednesday 12:00


async def _poll(harness: Harness) -> int:
    mid = await harness.propose(when="2030-01-11 19:00 | 2030-01-12 19:00",
                                deadline="2030-01-09 12:00")
    await harness.click("bob", actions.encode("vote", mid, "1", "yes"))
    await harness.click("carol", actions.encode("vote", mid, "1", "maybe"))
    return mid


def _results(harness: Harness) -> list[str]:
    return [p.text for p in harness.adapter.of("post") if "can make it" in p.text]


def _invitations(harness: Harness, user: str) -> list[str]:
    return [d.text for d in harness.adapter.dms_to(user) if "the date is set" in d.text]


async def test_a_poll_closed_by_a_process_that_died_before_the_post_announces_on_the_retry(
    harness: Harness,
) -> None:
    mid = await _poll(harness)
    jobs = await _claim(harness, POLL_DEADLINE, "poll")
    harness.adapter.failures["post"] = [ProcessDied()]  # the poll is closed in the database
    await _run_and_die(harness, jobs)
    m = await harness.store.meetup(mid)
    assert m is not None and m.status.value == "scheduled" and _results(harness) == []
    await _lease_runs_out(harness)
    assert len(_results(harness)) == 1 and "2 can make it" in _results(harness)[0]
    assert len(_invitations(harness, "bob")) == 1 and len(_invitations(harness, "carol")) == 1


async def test_a_poll_result_a_dead_process_posted_is_not_posted_again(harness: Harness) -> None:
    await _poll(harness)
    jobs = await _claim(harness, POLL_DEADLINE, "poll")
    await _run_and_die(harness, jobs)  # closed, posted, invited; never marked done
    assert len(_results(harness)) == 1
    await _lease_runs_out(harness)
    assert len(_results(harness)) == 1
    assert len(_invitations(harness, "bob")) == 1 and len(_invitations(harness, "carol")) == 1


async def test_a_poll_expired_by_a_process_that_died_tells_the_organizer_on_the_retry(
    harness: Harness,
) -> None:
    mid = await _poll(harness)
    harness.clock.advance(timedelta(days=6))  # down past every option, deadline unseen
    claimed = await harness.store.claim_due(harness.clock.now(), harness.app.jobs.lease)
    jobs = [j for j in claimed if j.kind == "poll"]
    harness.adapter.failures["update"] = [ProcessDied()]  # expired in the database; the card
    await _run_and_die(harness, jobs)
    m = await harness.store.meetup(mid)
    assert m is not None and m.status.value == "expired"
    await _lease_runs_out(harness)
    told = [d.text for d in harness.adapter.dms_to("alice") if "expired" in d.text]
    assert len(told) == 1


async def test_a_member_who_closes_the_poll_removes_a_claimed_deadline_job(
    harness: Harness,
) -> None:
    """A close by hand while a dead process holds the deadline's job: the job is gone, so
    its retry cannot announce the close a second time."""
    mid = await _poll(harness)
    await _claim(harness, POLL_DEADLINE, "poll")  # then died before closing
    await harness.command("alice", "close", id=str(mid), option="1")
    assert len(_results(harness)) == 1
    await _lease_runs_out(harness)
    assert len(_results(harness)) == 1
    assert len(_invitations(harness, "bob")) == 1


# --- a series' next date ---------------------------------------------------------------------

NEXT_DATE = timedelta(days=3, hours=13)  # Monday 09:00 -> Thursday 22:00 (3 h after 19:00)


async def _series(harness: Harness) -> int:
    echo = await harness.command("alice", "propose", title="Pub night", city="London",
                                 when="2030-01-10 19:00", repeat="weekly")
    assert echo is not None and echo.msg is not None
    create = next(b.action_id for b in echo.msg.buttons if b.label == "Create the series")
    await harness.click("alice", create)
    first = _cards(harness)
    assert first == ["#1 · Pub night"]
    await harness.command("bob", "series", id="1", do="always")
    return 1


def _cards(harness: Harness) -> list[str]:
    return [p.msg.title or "" for p in harness.adapter.of("post")
            if p.msg and (p.msg.title or "").startswith("#")]


def _told_bob(harness: Harness) -> list[str]:
    return [d.text for d in harness.adapter.dms_to("bob") if "you always come" in d.text]


async def test_a_series_date_opened_by_a_process_that_died_before_the_post_is_posted_on_the_retry(
    harness: Harness,
) -> None:
    await _series(harness)
    jobs = await _claim(harness, NEXT_DATE, "series")
    harness.adapter.failures["post"] = [ProcessDied()]  # the date's meetup is in the database
    await _run_and_die(harness, jobs)
    assert await harness.store.meetup(2) is not None and _cards(harness) == ["#1 · Pub night"]
    await _lease_runs_out(harness)
    assert _cards(harness) == ["#1 · Pub night", "#2 · Pub night"]
    assert len(await harness.store.cards(2)) == 1  # recorded: its card is kept up to date
    assert len(_told_bob(harness)) == 1
    assert await harness.store.meetup(3) is None  # no date opened twice


async def test_a_series_card_a_dead_process_posted_but_did_not_record_is_not_posted_again(
    harness: Harness, monkeypatch: pytest.MonkeyPatch,
) -> None:
    await _series(harness)
    jobs = await _claim(harness, NEXT_DATE, "series")

    async def died(*_: Any) -> None:
        raise ProcessDied()

    with monkeypatch.context() as m:
        m.setattr(harness.store, "add_card", died)  # posted, then killed
        await _run_and_die(harness, jobs)
    assert _cards(harness) == ["#1 · Pub night", "#2 · Pub night"]
    assert await harness.store.cards(2) == []
    await _lease_runs_out(harness)
    assert _cards(harness) == ["#1 · Pub night", "#2 · Pub night"]
    [card] = await harness.store.cards(2)
    assert card.message_id == harness.card_ref(2).message_id  # the one posted, found again
    assert len(_told_bob(harness)) == 1


async def test_a_series_date_a_dead_process_fully_opened_is_not_posted_again(
    harness: Harness,
) -> None:
    await _series(harness)
    jobs = await _claim(harness, NEXT_DATE, "series")
    await _run_and_die(harness, jobs)  # everything, but never marked done
    await _lease_runs_out(harness)
    assert _cards(harness) == ["#1 · Pub night", "#2 · Pub night"]
    assert len(_told_bob(harness)) == 1
    assert len(await harness.store.cards(2)) == 1


async def test_a_series_date_claimed_by_a_process_that_died_before_its_meetup_is_opened(
    harness: Harness, monkeypatch: pytest.MonkeyPatch,
) -> None:
    await _series(harness)
    jobs = await _claim(harness, NEXT_DATE, "series")

    async def died(*_: Any, **__: Any) -> None:
        raise ProcessDied()

    with monkeypatch.context() as m:
        m.setattr(harness.store, "create_meetup", died)  # the date claimed, then killed
        await _run_and_die(harness, jobs)
    await _lease_runs_out(harness)
    assert _cards(harness) == ["#1 · Pub night", "#2 · Pub night"]
    date = await harness.store.meetup(2)
    assert date is not None and date.starts_at is not None and date.starts_at.day == 17
