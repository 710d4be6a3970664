"""Hot statements run on SQLite's driver directly, compiled once.

SQLAlchemy spends about 30 us of its own on every execution (an execution context, the
compiled-cache lookup, event dispatch, parameter processing, a cursor result), against about
10 us for SQLite to run one of our indexed statements; an event runs a dozen of them. A
statement built once with bind parameters (the store's hot statements) compiles to the same SQL
every time, so on SQLite it is compiled once here and then run on the DB-API connection with
SQLAlchemy's own parameter rules (`construct_params`), bind processors (instants to UTC text)
and result processors (text to aware instants, integers to booleans). Its rows come back as
SQLAlchemy `Row`s in a `Result`, and a driver error as SQLAlchemy's wrapped error, so callers
cannot tell the difference.

An expanding IN list gets one compiled variant per list length. A statement that needs other
per-execution work (literal-execute parameters, Python-side column defaults) is not prepared
and runs through SQLAlchemy as before, as does an executemany.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from typing import Any, NoReturn

from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.engine.result import IteratorResult, SimpleResultMetaData
from sqlalchemy.exc import DBAPIError, InvalidRequestError
from sqlalchemy.sql.compiler import SQLCompiler

Processor = Callable[[Any], Any] | None
_NO_COLUMNS = SimpleResultMetaData([])
_Binds = tuple[tuple[str, Processor], ...]
MAX_VARIANTS = 64


def _binds(positions: Sequence[str], processors: Mapping[str, Any]) -> _Binds:
    """Each "?" in order: the parameter's name and its bind processor, if any."""
    return tuple((name, processors.get(name)) for name in positions)


_REQUIRED = object()
_Plan = tuple[tuple[str, str, Any, Processor], ...]


def _plan(compiled: SQLCompiler, binds: _Binds) -> _Plan:
    """Where each "?" takes its value from, as `construct_params` decides it: the bind
    parameter's key in the caller's parameters, else its compiled name, else its own value
    (a literal in the statement), unless it is required."""
    by_name: dict[str, Any] = {}
    for bind, name in compiled.bind_names.items():
        by_name.setdefault(name, bind)
    plan = []
    for name, process in binds:
        bind = by_name[name]
        default = _REQUIRED if bind.required else bind.effective_value
        plan.append((bind.key, name, default, process))
    return tuple(plan)


def _arguments(plan: _Plan, parameters: Mapping[str, Any]) -> tuple[Any, ...]:
    args = []
    for key, name, default, process in plan:
        if key in parameters:
            value = parameters[key]
        elif name in parameters:
            value = parameters[name]
        elif default is _REQUIRED:
            raise InvalidRequestError(f"A value is required for bind parameter {key!r}")
        else:
            value = default
        args.append(value if process is None else process(value))
    return tuple(args)


@dataclass(frozen=True, slots=True)
class _Variant:
    sql: str
    binds: _Binds
    expansion: dict[str, tuple[str, ...]]  # list parameter -> one name per item


class PreparedResult(IteratorResult):  # type: ignore[type-arg]
    """The rows of one execution, with the driver's row count (as a CursorResult has)."""

    def __init__(self, metadata: SimpleResultMetaData, rows: Sequence[Any], rowcount: int) -> None:
        super().__init__(metadata, iter(rows))
        self.rowcount = rowcount


class Prepared:
    """One statement compiled for SQLite, run on the connection's DB-API connection."""

    __slots__ = (
        "_binds",
        "_compiled",
        "_dialect",
        "_expanding",
        "_metadata",
        "_plan",
        "_results",
        "_sql",
        "_variants",
        "statement",
    )

    def __init__(self, statement: Any, compiled: SQLCompiler, dialect: Dialect) -> None:
        self.statement = statement  # kept alive: prepared statements are found by identity
        self._compiled = compiled
        self._sql = compiled.string
        self._binds = _binds(compiled.positiontup or (), compiled._bind_processors)
        # Expanding IN lists: the SQL has one "?" per item, so one variant per list length.
        self._expanding = tuple(compiled.bind_names[b] for b in compiled.post_compile_params)
        self._variants: dict[tuple[int, ...], _Variant] = {}
        self._plan = None if self._expanding else _plan(compiled, self._binds)
        columns = compiled._result_columns
        self._metadata = SimpleResultMetaData([c.keyname for c in columns]) if columns else None
        self._results: tuple[Processor, ...] = tuple(
            c.type._cached_result_processor(dialect, None) for c in columns
        )
        self._dialect = dialect

    @classmethod
    def of(cls, statement: Any, dialect: Dialect) -> Prepared | None:
        """The prepared statement, or None when its SQL or parameters vary per execution in a
        way not handled here."""
        compiled = statement.compile(dialect=dialect)
        if not isinstance(compiled, SQLCompiler) or not compiled.positional:
            return None
        if (
            compiled.literal_execute_params
            or any(not b.expanding or b.type._is_tuple_type for b in compiled.post_compile_params)
            or compiled.insert_prefetch  # Python-side defaults computed per execution
            or compiled.update_prefetch
            or compiled.schema_translate_map
            or any(not callable(p) for p in compiled._bind_processors.values())  # tuple types
            or any(b.callable is not None for b in compiled.bind_names)  # a value per run
        ):
            return None
        return cls(statement, compiled, dialect)

    def run(self, conn: Connection, parameters: Mapping[str, Any] | None) -> PreparedResult:
        if self._plan is not None:
            sql, args = self._sql, _arguments(self._plan, parameters or {})
        else:  # expanding lists: SQLAlchemy's own parameter rules, then our variant
            values = self._compiled.construct_params(parameters)
            sql, binds = self._expand(values)
            args = tuple(values[n] if p is None else p(values[n]) for n, p in binds)
        raw = conn.connection.dbapi_connection
        assert raw is not None
        try:
            cursor = raw.cursor()
            try:
                cursor.execute(sql, args)
                rows: Sequence[Any] = cursor.fetchall() if self._metadata is not None else ()
                rowcount = cursor.rowcount
            finally:
                cursor.close()
        except sqlite3.Error as exc:
            self._raise(conn, exc, sql, args)
        if self._metadata is None:
            return PreparedResult(_NO_COLUMNS, (), rowcount)
        results = self._results
        if any(results):
            rows = [
                tuple(v if p is None else p(v) for p, v in zip(results, row, strict=True))
                for row in rows
            ]
        return PreparedResult(self._metadata, rows, rowcount)

    def _expand(self, values: MutableMapping[str, Any]) -> tuple[str, _Binds]:
        """The SQL and positions for these list lengths; `values` gains one entry per item."""
        for name in self._expanding:
            values[name] = list(values[name])
        lengths = tuple(len(values[name]) for name in self._expanding)
        variant = self._variants.get(lengths)
        if variant is None:
            state = self._compiled._process_parameters_for_postcompile(dict(values))
            processors = {**self._compiled._bind_processors, **state.processors}
            variant = _Variant(
                state.statement,
                _binds(state.positiontup or (), processors),
                {name: tuple(names) for name, names in state.parameter_expansion.items()},
            )
            if len(self._variants) < MAX_VARIANTS:
                self._variants[lengths] = variant
        for name, names in variant.expansion.items():
            values.update(zip(names, values[name], strict=True))
        return variant.sql, variant.binds

    def _raise(
        self, conn: Connection, exc: sqlite3.Error, sql: str, args: tuple[Any, ...]
    ) -> NoReturn:
        """Raise the driver's error as SQLAlchemy would: wrapped in its DBAPIError family
        (OperationalError for a locked database or a full disk, IntegrityError, ...); a
        closed database also invalidates the connection, so the pool replaces it."""
        raw = conn.connection.dbapi_connection
        invalidated = self._dialect.is_disconnect(exc, raw, None)  # type: ignore[arg-type]
        if invalidated:
            conn.invalidate(exc)
        raise DBAPIError.instance(
            sql,
            args,
            exc,
            sqlite3.Error,
            connection_invalidated=invalidated,
            dialect=self._dialect,
        ) from exc
