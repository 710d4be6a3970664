"""Start-up cost: what `tweetup console` loads, and the fast creation of a brand-new database.

No timings here (see docs/benchmarks.md): the checks are on what is imported and loaded, and on
the schema a new database gets."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import Connection

from bot.store.migrate import alembic_config, head_revision
from bot.store.store import Store

ROOT = Path(__file__).resolve().parent.parent

# Run the console on a one-command script in a fresh interpreter and report what it loaded.
_PROBE = """
import io, json, sys
from contextlib import redirect_stdout
sys.stdin = io.StringIO("/meetup help\\n")
sys.argv = ["tweetup", "console"]
from bot.__main__ import main
out = io.StringIO()
with redirect_stdout(out):
    code = main()
from bot.nlp.places import gazetteer
print(json.dumps({"code": code, "modules": sorted(sys.modules), "out": out.getvalue(),
                  "gazetteer": gazetteer._gaz is not None}))
"""

# Libraries the console never needs: platforms, their HTTP stacks, the live scheduler, calendar
# files, and Alembic (a brand-new script database is created from schema.py).
_NOT_FOR_THE_CONSOLE = (
    "discord", "slack_bolt", "slack_sdk", "aiohttp", "apscheduler", "icalendar", "alembic",
)


def _console_probe() -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE], cwd=ROOT, capture_output=True, text=True, timeout=120,
        check=True,
    )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_a_console_script_loads_no_platform_scheduler_or_migration_library() -> None:
    probe = _console_probe()
    assert probe["code"] == 0
    assert "/meetup propose" in probe["out"]  # the help was answered
    loaded = {m.split(".")[0] for m in probe["modules"]}
    assert loaded.isdisjoint(_NOT_FOR_THE_CONSOLE), loaded & set(_NOT_FOR_THE_CONSOLE)


def test_a_console_script_that_needs_no_city_loads_no_gazetteer_nor_watcher_tables() -> None:
    probe = _console_probe()
    assert probe["gazetteer"] is False
    assert "bot.nlp.statements" not in probe["modules"]
    assert "bot.nlp.prefilter" not in probe["modules"]


def test_the_head_read_from_the_files_is_alembics() -> None:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head_revision() == head


def _shape(conn: Connection) -> dict[str, object]:
    """Everything the inspector says about every table, and the stamped revision. Columns are
    compared by name: a migration appends a column where schema.py may list it earlier, and
    the store always names its columns."""
    insp = inspect(conn)
    shape: dict[str, object] = {}
    for table in sorted(insp.get_table_names()):
        shape[table] = {
            "columns": sorted(
                (c["name"], str(c["type"]), c["nullable"], str(c.get("default")))
                for c in insp.get_columns(table)
            ),
            "pk": insp.get_pk_constraint(table),
            "fks": sorted(map(repr, insp.get_foreign_keys(table))),
            "indexes": sorted(map(repr, insp.get_indexes(table))),
            "unique": sorted(map(repr, insp.get_unique_constraints(table))),
            "checks": sorted(map(repr, insp.get_check_constraints(table))),
        }
    shape["version"] = conn.execute(text("SELECT version_num FROM alembic_version")).all()
    return shape


async def test_a_new_database_gets_the_schema_every_migration_gives(tmp_path: Path) -> None:
    store = Store.from_url(f"sqlite+aiosqlite:///{tmp_path}/new.db")
    try:
        await store.upgrade()  # brand-new: created from schema.py and stamped
    finally:
        await store.close()
    created = create_engine(f"sqlite:///{tmp_path}/new.db")
    migrated = create_engine(f"sqlite:///{tmp_path}/migrated.db")
    try:
        with migrated.begin() as conn:
            command.upgrade(alembic_config(conn), "head")
        with created.connect() as a, migrated.connect() as b:
            assert _shape(a) == _shape(b)
    finally:
        created.dispose()
        migrated.dispose()


async def test_a_database_created_new_takes_later_upgrades(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path}/new.db"
    for _ in range(2):  # the second start finds it current
        store = Store.from_url(url)
        try:
            await store.upgrade()
        finally:
            await store.close()
    engine = create_engine(f"sqlite:///{tmp_path}/new.db")
    try:
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "head")  # Alembic agrees: nothing to do
            assert conn.execute(text("SELECT version_num FROM alembic_version")).all() == [
                (head_revision(),)
            ]
    finally:
        engine.dispose()
