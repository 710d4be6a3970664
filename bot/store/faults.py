"""Which database errors pass (retry, then tell the member to try again) and which do not."""

from __future__ import annotations

import sqlite3

from sqlalchemy.exc import DBAPIError, OperationalError


class StoreUnavailable(Exception):
    """The database could not be reached or stayed locked after retries: try again later."""


# Faults that pass: a lock held by another process, a full disk being freed, a connection
# refused, reset or closed by a restarting server (SQLSTATE class 08, and 57P01-57P03: admin
# shutdown, crash shutdown, cannot connect now).
_TRANSIENT_WORDS = (
    "locked",
    "disk is full",
    "disk i/o error",
    "connection refused",
    "connection reset",
    "connection was closed",
    "connection is closed",
    "server closed the connection",
    "terminating connection",
    "shutting down",
    "starting up",
)
_TRANSIENT_SQLSTATES = ("08", "57P01", "57P02", "57P03")
DB_ERRORS = (OperationalError, DBAPIError, sqlite3.Error, OSError)
"""What a database call can raise when the database, its disk or the network fails (a
refused or reset connection arrives as an OSError, not wrapped by SQLAlchemy)."""


def is_transient(exc: BaseException) -> bool:
    if isinstance(exc, OSError):  # refused, reset, timed out: the server or network is away
        return True
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    orig = getattr(exc, "orig", None) or exc
    sqlstate = str(getattr(orig, "sqlstate", None) or "")
    if sqlstate.startswith(_TRANSIENT_SQLSTATES):
        return True
    text = f"{type(orig).__name__} {orig}".lower()
    return "adminshutdown" in text or any(word in text for word in _TRANSIENT_WORDS)


def unavailable(exc: BaseException) -> StoreUnavailable:
    return StoreUnavailable(str(getattr(exc, "orig", None) or exc)[:200])

