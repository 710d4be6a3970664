"""One kind of area follow (issue #16 polish): a first-timer's "tell me about <city>" is an
ordinary area follow, listed by /meetup following and dropped by unfollow and forget; the
migration moves the old one-shot wishes (area_follows) over to followed_areas."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, text

from bot.store.migrate import alembic_config
from tests.support import Harness
from tests.test_welcome import FRIDAY, buttons, dm_texts, going

LONDON = 2643743


async def _thanked_first_timer(harness: Harness, user: str = "ana") -> str:
    """ana went to her first meetup in London; returns the "Yes, tell me" button."""
    mid = await harness.propose(when=FRIDAY)
    await going(harness, user, mid)
    await harness.click(user, f"tw:first:{mid}")
    await harness.advance(timedelta(days=4, hours=13))
    (thanks,) = [d for d in harness.adapter.dms_to(user) if "Thank you for coming" in d.text]
    return buttons(thanks)["Yes, tell me about London, GB"]


async def test_a_first_timers_yes_is_an_area_follow_listed_and_removable(
    harness: Harness,
) -> None:
    yes = await _thanked_first_timer(harness)
    noted = await harness.click("ana", yes)
    assert noted is not None and "you now follow London, GB" in noted.text, noted and noted.text
    assert "/meetup unfollow" in noted.text
    listed = await harness.command("ana", "following")
    assert listed is not None
    assert "London, GB, within 50 km (you asked after your first meetup)" in listed.text
    await harness.propose(when="2030-02-08 19:00", title="Pub night")
    await harness.propose(when="2030-02-15 19:00", title="Quiz")  # a follow lasts
    told = [t for t in dm_texts(harness, "ana") if "area you follow" in t]
    assert len(told) == 2 and "Pub night" in told[0] and "Quiz" in told[1]
    gone = await harness.command("ana", "unfollow", city="London")
    assert gone is not None and "no longer follow London" in gone.text
    await harness.propose(when="2030-02-22 19:00", title="Picnic")
    assert not [t for t in dm_texts(harness, "ana") if "Picnic" in t]


async def test_a_first_timers_yes_keeps_a_follow_made_before(harness: Harness) -> None:
    await harness.command("ana", "follow", city="London", radius="200")
    yes = await _thanked_first_timer(harness)
    await harness.click("ana", yes)
    (row,) = await harness.store.follows_of(1, "ana")
    assert (row.radius_km, row.source) == (200, "command")
    await harness.propose(when="2030-02-08 19:00", title="Pub night")
    assert len([t for t in dm_texts(harness, "ana") if "Pub night" in t]) == 1  # one DM


async def test_forget_drops_a_first_timers_follow(harness: Harness) -> None:
    await harness.click("ana", await _thanked_first_timer(harness))
    await harness.command("ana", "forget")
    await harness.click("ana", "tw:forget:yes")
    assert await harness.store.follows_of(1, "ana") == []


def test_the_migration_moves_wishes_to_area_follows_and_back(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path}/m.db")
    try:
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "0017")
            conn.execute(text(
                "INSERT INTO communities (id, platform, workspace_id, created_at) "
                "VALUES (1, 'fake', 'w', '2030-01-01 00:00:00')"))
            for user in ("ana", "bob"):
                conn.execute(text(
                    "INSERT INTO area_follows (community_id, user_id, city_id, created_at) "
                    f"VALUES (1, '{user}', {LONDON}, '2030-01-01 00:00:00')"))
            conn.execute(text(  # bob followed London himself too: his radius stays
                "INSERT INTO followed_areas (community_id, user_id, city_id, radius_km, "
                f"source, created_at) VALUES (1, 'bob', {LONDON}, 200, 'command', "
                "'2030-01-01 00:00:00')"))
            command.upgrade(alembic_config(conn), "0018")
            rows = conn.execute(text(
                "SELECT user_id, city_id, radius_km, source FROM followed_areas ORDER BY user_id"
            )).all()
            assert [tuple(r) for r in rows] == [
                ("ana", LONDON, 50, "welcome"), ("bob", LONDON, 200, "command")]
            tables = conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))
            assert "area_follows" not in set(tables.scalars())
            command.downgrade(alembic_config(conn), "0017")
            back = conn.execute(text("SELECT user_id FROM area_follows")).scalars().all()
            assert back == ["ana"]
            kept = conn.execute(text("SELECT user_id FROM followed_areas")).scalars().all()
            assert kept == ["bob"]
    finally:
        engine.dispose()
