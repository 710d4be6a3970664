"""`/meetup forget` while the seat situation changes under it: a seat offered to the member
between the handler's first look and the deletion is passed on, not lost."""

from __future__ import annotations

from typing import Any

from bot import actions
from bot.domain.rsvps import RsvpStatus
from tests.support import Harness


async def test_a_seat_offered_to_a_member_while_they_forget_passes_to_the_next(
    harness: Harness, monkeypatch: Any
) -> None:
    mid = await harness.propose(capacity="1")
    await harness.click("carol", actions.encode("rsvp", mid, "going"))
    await harness.click("bob", actions.encode("rsvp", mid, "going"))  # waiting, first in line
    await harness.click("dave", actions.encode("rsvp", mid, "going"))  # waiting, second
    store = harness.store
    forget = store.forget_member

    async def carol_leaves_first(*args: Any, **kwargs: Any) -> Any:
        # Carol's click lands just before the deletion: her seat is offered to Bob.
        await harness.click("carol", actions.encode("rsvp", mid, "no"))
        return await forget(*args, **kwargs)

    monkeypatch.setattr(store, "forget_member", carol_leaves_first)
    await harness.click("bob", actions.encode("forget", "yes"))
    statuses = {r.user_id: r.status for r in await store.rsvps(mid)}
    assert statuses == {"carol": RsvpStatus.NO, "dave": RsvpStatus.OFFERED}
    assert any("seat opened up" in d.text for d in harness.adapter.dms_to("dave"))
    meetup = await store.meetup(mid)
    assert meetup is not None and meetup.seats_taken == 1
