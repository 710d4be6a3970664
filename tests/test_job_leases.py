"""Job claims are fenced: a process whose lease ran out (and whose jobs another process
claimed) can neither renew nor finish them; the holder of the current claim can."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.domain.jobs import JobSpec
from bot.store.store import Store

NOW = datetime(2030, 1, 7, 9, 0, tzinfo=UTC)
LEASE = timedelta(minutes=5)


async def _jobs(store: Store, n: int) -> None:
    c = await store.community("fake", "w1", timezone="UTC", now=NOW)
    m = await store.create_meetup(
        community_id=c.id, channel_id="general", thread_id=None, title="Coffee", city_id=1,
        city_label="Berlin, DE", latitude=52.5, longitude=13.4, organizer_id="alice",
        organizer_name="Alice", starts_at=NOW + timedelta(days=3), options=[], venue="",
        description="", capacity=None, deadline=None, now=NOW,
    )
    await store.add_jobs([JobSpec(f"k{i}", "remind", m.id, c.id, NOW, f"u{i}", 60)
                          for i in range(n)])


async def test_a_lost_claim_neither_renews_nor_finishes(store: Store) -> None:
    await _jobs(store, 3)
    first = await store.claim_due(NOW, LEASE)
    assert len(first) == 3 and len({j.claim for j in first}) == 1
    assert await store.renew_claim(first[0].claim, NOW + LEASE / 2, LEASE) == 3
    # The renewed lease holds past the first one's end...
    assert await store.claim_due(NOW + LEASE + timedelta(seconds=1), LEASE) == []
    # ...then the first process stalls, its lease runs out, and another process claims.
    later = NOW + 2 * LEASE
    second = await store.claim_due(later, LEASE)
    assert {j.id for j in second} == {j.id for j in first}
    assert second[0].claim != first[0].claim
    stale = {j.id: "sent" for j in first}
    assert await store.renew_claim(first[0].claim, later, LEASE) == 0
    assert await store.finish_jobs(stale, later, first[0].claim) == 0
    assert await store.job_counts() == {"claimed": 3}
    assert await store.finish_jobs({j.id: "sent" for j in second}, later, second[0].claim) == 3
    assert await store.job_counts() == {"done": 3}
