"""Statements sent to PostgreSQL in one psycopg pipeline with their COMMIT (`sync.server.feed`
uses it for a push's end: the answers, audit, last-seen, numbering and COMMIT in one round trip).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sqlalchemy as sa


def send_with_commit(conn: sa.Connection, statements: list[tuple[str, Any]],
                     before_commit: Callable[[], None] | None = None) -> None:
    """Send `statements` and COMMIT in one psycopg pipeline: one round trip for all of them.

    Each statement goes out as soon as the socket takes it, without waiting for the
    previous one's answer; the answers are read at the COMMIT's sync. A database error
    comes out as SQLAlchemy's `DBAPIError` (as from `exec_driver_sql`); a lost connection
    is dropped from the pool.
    """
    raw = conn.connection.driver_connection
    dbapi_error = conn.dialect.loaded_dbapi.Error
    sql, params = "COMMIT", None
    cursor = None
    try:
        with raw.pipeline():  # type: ignore[union-attr]
            cursor = raw.cursor()  # type: ignore[union-attr]
            for sql, params in statements:
                cursor.execute(sql, params)
            if before_commit is not None:
                before_commit()
            sql, params = "COMMIT", None
            raw.commit()  # type: ignore[union-attr]
    except dbapi_error as exc:
        if conn.dialect.is_disconnect(exc, conn.connection.dbapi_connection, cursor):
            conn.invalidate(exc)
        raise sa.exc.DBAPIError.instance(sql, params, exc, dbapi_error) from exc
    finally:
        if cursor is not None:
            cursor.close()
