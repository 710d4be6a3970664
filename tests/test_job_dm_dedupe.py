"""A DM a scheduled job sends (a first-timer's thank-you after the follow-up, the eve's
briefing and "what to expect" DMs) carries a dedupe key made from the job, the member and
its place among their DMs in the run. A job claimed again after its process died between
sending and being marked done looks for it in the member's DMs first: it arrives once."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

from bot import actions
from bot.app import FEATURES
from bot.domain.jobs import Job
from bot.ports import ChatError
from bot.routes import JobDelivery, assemble
from tests.support import Harness

FRIDAY = "2030-01-11 19:00"  # London: its winter wall time is UTC
EVE_DUE = timedelta(days=3, hours=10)  # Monday 09:00 -> Thursday 19:00
FOLLOW_UP_DUE = timedelta(days=4, hours=13)  # -> Friday 22:00


def dm_counts(harness: Harness) -> Counter[tuple[str, str]]:
    return Counter((str(d.to.id), d.text) for d in harness.adapter.of("dm"))  # type: ignore[union-attr]


async def _first_timers(harness: Harness) -> int:
    mid = await harness.propose(when=FRIDAY)
    for user in ("ana", "raj"):
        await harness.click(user, actions.encode("rsvp", mid, "going"))
        await harness.click(user, f"tw:first:{mid}")
    return mid


async def _dead_process_runs(
    harness: Harness, due: timedelta, kind: str, failing_dms: int = 0
) -> list[Job]:
    """Another process claims the job due then, runs it (its first `failing_dms` DM sends
    fail), and is killed before recording it."""
    at = harness.clock.now() + due
    await harness.advance(due - timedelta(minutes=1))
    harness.adapter.failures["dm"] = [ChatError("connection reset")] * failing_dms
    claimed = await harness.store.claim_due(at, harness.app.jobs.lease)
    assert kind in {j.kind for j in claimed}  # with the reminders due then
    await JobDelivery(harness.app.services, assemble(FEATURES).jobs)(claimed)
    return claimed


async def _claim_runs_out(harness: Harness) -> None:
    await harness.advance(harness.app.jobs.lease + timedelta(minutes=2))
    assert (await harness.store.job_counts()).get("claimed", 0) == 0


async def test_the_follow_ups_thank_yous_a_dead_process_sent_are_not_sent_again(
    harness: Harness,
) -> None:
    await _first_timers(harness)
    await _dead_process_runs(harness, FOLLOW_UP_DUE, "followup")
    before = dm_counts(harness)
    thanks = [k for k in before if "Thank you for coming" in k[1]]
    assert sorted(u for u, _ in thanks) == ["ana", "raj"]
    await _claim_runs_out(harness)
    assert dm_counts(harness) == before
    assert harness.adapter.attempts["find_sent"] == 2  # one look-up a member


async def test_the_eve_dms_a_dead_process_sent_are_not_sent_again(harness: Harness) -> None:
    await _first_timers(harness)
    await _dead_process_runs(harness, EVE_DUE, "eve")
    before = dm_counts(harness)
    assert [u for u, t in before if "What to expect" in t] == ["ana", "raj"]
    assert [u for u, t in before if "First-timers at" in t] == ["alice"]
    await _claim_runs_out(harness)
    assert dm_counts(harness) == before


async def test_a_dm_lost_before_it_went_out_is_sent_on_the_retry(harness: Harness) -> None:
    await _first_timers(harness)
    await _dead_process_runs(harness, FOLLOW_UP_DUE, "followup", failing_dms=1)
    sent = [u for u, t in dm_counts(harness) if "Thank you for coming" in t]
    assert len(sent) == 1
    await _claim_runs_out(harness)
    after = dm_counts(harness)
    assert sorted(u for u, t in after if "Thank you for coming" in t) == ["ana", "raj"]
    assert all(n == 1 for n in after.values())


async def test_a_first_claim_keys_its_dms_and_reads_no_dms(harness: Harness) -> None:
    await _first_timers(harness)
    await harness.advance(FOLLOW_UP_DUE + timedelta(minutes=1))
    thanks = [d for d in harness.adapter.of("dm") if "Thank you for coming" in d.text]
    keys = [d.msg.dedupe_key for d in thanks if d.msg]
    assert len(keys) == 2 and len(set(keys)) == 2 and all(keys)
    assert "find_sent" not in harness.adapter.attempts


async def test_when_the_dms_cannot_be_read_the_dm_is_sent(harness: Harness) -> None:
    """At least once rather than lost."""
    await _first_timers(harness)
    at = harness.clock.now() + FOLLOW_UP_DUE
    await harness.advance(FOLLOW_UP_DUE - timedelta(minutes=1))
    assert len(await harness.store.claim_due(at, harness.app.jobs.lease)) == 1  # then died
    harness.adapter.failures["find_sent"] = [ChatError("missing_scope")] * 6
    await _claim_runs_out(harness)
    thanks = [u for u, t in dm_counts(harness) if "Thank you for coming" in t]
    assert sorted(thanks) == ["ana", "raj"]
