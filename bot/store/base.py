"""What every aggregate's query mixin uses of the one Store (bot/store/store.py).

A mixin holds the queries of one aggregate and nothing else; the Store composes them and
provides the engine: `_read()` for reads, `_write(work)` for one retried write transaction,
`_insert(table)` for the dialect's INSERT (with ON CONFLICT), and `_sql`, the prebuilt
statements (bot/store/statements.py).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy.ext.asyncio import AsyncConnection

if TYPE_CHECKING:
    from bot.store.session import SqliteSession
    from bot.store.statements import Statements

T = TypeVar("T")


class Queries:
    if TYPE_CHECKING:
        dialect: str
        _sql: Statements
        _sqlite: SqliteSession | None

        def _read(self) -> AbstractAsyncContextManager[AsyncConnection]: ...

        async def _write(self, work: Callable[[AsyncConnection], Awaitable[T]]) -> T: ...

        def _insert(self, table: Any) -> Any: ...
