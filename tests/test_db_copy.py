"""`tweetup db copy`: a community moves from SQLite to another database and keeps working."""

from __future__ import annotations

from typing import Any

from bot import actions
from bot.store.copy import CopyError, copy_database
from tests.support import Harness


async def test_copy_moves_everything_and_the_bot_carries_on(tmp_path: Any,
                                                            database_url: str) -> None:
    source = f"sqlite+aiosqlite:///{tmp_path}/source.db"
    harness = await Harness(source).start()
    mid = await harness.propose(capacity="1")
    await harness.click("bob", actions.encode("rsvp", mid, "going"))
    await harness.click("carol", actions.encode("rsvp", mid, "going"))
    await harness.command("bob", "home", city="Berlin")
    before = await harness.store.export_community(1)
    await harness.stop()

    copied = await copy_database(source, database_url)
    assert copied["meetups"] == 1 and copied["rsvps"] == 2 and copied["jobs"] >= 1

    moved = await Harness(database_url, start=harness.clock.now()).start()
    try:
        assert await moved.store.export_community(1) == before
        new = await moved.propose(title="After the move")  # ids continue after the copied ones
        assert new == mid + 1
        await moved.click("bob", actions.encode("rsvp", mid, "no"))
        assert any("seat opened up" in d.text for d in moved.adapter.dms_to("carol"))
        try:
            await copy_database(source, database_url)
        except CopyError as exc:
            assert "not empty" in str(exc)
        else:
            raise AssertionError("copying into a non-empty database must fail")
    finally:
        await moved.stop()
