"""A channel post a job sends (the follow-up, a poll's result, a series date's card, a
closed-DM fallback) carries a dedupe key made from the job, and a job whose outcome is
unknown (claimed by a process that died between the post and marking it done) looks for it
in the channel before posting again: it arrives once. A first claim costs no look-up."""

from __future__ import annotations

from datetime import timedelta

from bot import actions
from bot.app import FEATURES
from bot.ports import ChatError
from bot.routes import JobDelivery, assemble
from tests.support import Harness

FRIDAY = "2030-01-11 19:00"
FOLLOW_UP_DUE = timedelta(days=4, hours=13)  # Monday 09:00 -> Friday 22:00


def follow_ups(harness: Harness) -> list[str]:
    return [p.text for p in harness.adapter.of("post")
            if p.msg and (p.msg.title or "").startswith("How was")]


async def _over(harness: Harness) -> int:
    """A meetup bob went to, everything before its follow-up done."""
    mid = await harness.propose(when=FRIDAY)
    await harness.click("bob", actions.encode("rsvp", mid, "going"))
    await harness.advance(FOLLOW_UP_DUE - timedelta(minutes=1))
    assert follow_ups(harness) == []
    return mid


async def _dead_process_runs_the_follow_up(harness: Harness) -> None:
    """Another process claims the follow-up, runs it, and is killed before recording it."""
    due = harness.clock.now() + timedelta(minutes=1)
    claimed = await harness.store.claim_due(due, harness.app.jobs.lease)
    assert [j.kind for j in claimed] == ["followup"]
    dead = JobDelivery(harness.app.services, assemble(FEATURES).jobs)
    await dead(claimed)  # posted, never recorded


async def test_a_follow_up_a_dead_process_posted_is_not_posted_again(harness: Harness) -> None:
    await _over(harness)
    await _dead_process_runs_the_follow_up(harness)
    assert len(follow_ups(harness)) == 1
    await harness.advance(harness.app.jobs.lease + timedelta(minutes=2))  # the claim ran out
    assert len(follow_ups(harness)) == 1
    assert harness.adapter.attempts["find_posted"] == 1
    assert (await harness.store.job_counts()).get("claimed", 0) == 0


async def test_a_follow_up_lost_before_it_was_posted_is_posted_on_the_retry(
    harness: Harness,
) -> None:
    await _over(harness)
    harness.adapter.failures["post"] = [ChatError("connection reset")]  # dies before posting
    await _dead_process_runs_the_follow_up(harness)
    assert follow_ups(harness) == []
    await harness.advance(harness.app.jobs.lease + timedelta(minutes=2))
    assert len(follow_ups(harness)) == 1 and "(1 went)" in follow_ups(harness)[0]


async def test_a_first_claim_reads_no_channel_history(harness: Harness) -> None:
    await _over(harness)
    await harness.advance(timedelta(minutes=2))
    [posted] = [p for p in harness.adapter.of("post")
                if p.msg and (p.msg.title or "").startswith("How was")]
    assert posted.msg is not None and posted.msg.dedupe_key
    assert "find_posted" not in harness.adapter.attempts


async def test_when_the_channel_cannot_be_read_the_follow_up_is_posted(harness: Harness) -> None:
    """At least once rather than lost: a history read that fails does not hold it back."""
    await _over(harness)
    due = harness.clock.now() + timedelta(minutes=1)
    assert len(await harness.store.claim_due(due, harness.app.jobs.lease)) == 1  # then died
    harness.adapter.failures["find_posted"] = [ChatError("missing_scope")] * 3
    await harness.advance(harness.app.jobs.lease + timedelta(minutes=2))
    assert len(follow_ups(harness)) == 1


async def test_each_post_of_a_job_has_its_own_key(harness: Harness) -> None:
    """A poll closed by its deadline posts its result and a fallback for a voter whose DMs
    are closed: two posts of one job, two keys."""
    mid = await harness.propose(when="2030-01-11 19:00 | 2030-01-12 19:00",
                                deadline="2030-01-09 12:00")
    await harness.click("bob", actions.encode("vote", mid, "1", "yes"))
    harness.adapter.closed_dms.add("bob")
    before = len(harness.adapter.of("post"))
    due = harness.clock.now() + timedelta(days=2, hours=3, minutes=1)
    await harness.advance(due - harness.clock.now() - timedelta(minutes=2))
    claimed = await harness.store.claim_due(due, harness.app.jobs.lease)
    assert [j.kind for j in claimed] == ["poll"]
    await JobDelivery(harness.app.services, assemble(FEATURES).jobs)(claimed)
    posted = harness.adapter.of("post")[before:]
    keys = [p.msg.dedupe_key for p in posted if p.msg]
    assert len(keys) == 2 and len(set(keys)) == 2 and all(keys)
    assert "find_posted" not in harness.adapter.attempts


async def test_a_reminder_fallback_a_dead_process_posted_is_not_posted_again(
    harness: Harness,
) -> None:
    """Reminders go out in one batch per meetup; members with closed DMs get one channel
    post. A batch claimed again after its process died finds that post."""
    mid = await harness.propose(when=FRIDAY)
    for user in ("bob", "carol"):
        await harness.click(user, actions.encode("rsvp", mid, "going"))
    harness.adapter.closed_dms.update({"bob", "carol"})
    due = harness.clock.now() + timedelta(days=3, hours=10)  # the 24 h reminders
    claimed = await harness.store.claim_due(due, harness.app.jobs.lease)
    assert {j.kind for j in claimed} == {"remind"}
    await JobDelivery(harness.app.services, assemble(FEATURES).jobs)(claimed)  # then died
    await harness.advance(due - harness.clock.now() + harness.app.jobs.lease
                          + timedelta(minutes=2))
    fallbacks = [p for p in harness.adapter.of("post") if "DMs are closed" in p.text]
    assert len(fallbacks) == 1 and {u.id for u in fallbacks[0].msg.ping} == {"bob", "carol"}  # type: ignore[union-attr]
    assert (await harness.store.job_counts()).get("claimed", 0) == 0
