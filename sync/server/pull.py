"""The read side of sync: a page of the caller's scope after a cursor, then its audit.

A pull reads the horizon and the page in one snapshot (see `sync.server.feed`),
so every change up to the horizon is committed when it is read; the page's
cursor is where the next pull starts.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

import sqlalchemy as sa

from sync.protocol import PROTECTED_COLLECTIONS, READ_ONLY_COLLECTIONS, ProtocolError
from sync.server.audit import audit_row, now_iso, page_read_row, seen_and_audited, write_audit
from sync.server.db import devices, households, reading, records, scope_events, sync_state
from sync.server.feed import UPSERT_COLUMNS, text, upsert_text
from sync.server.scope import DERIVED_COLLECTIONS, Actor, row_protected, scope_filter


class CursorExpired(ProtocolError):
    """The cursor is ahead of the server or older than the deletions it keeps (410)."""

    def __init__(self, detail: str):
        super().__init__("cursor_expired", detail)


@dataclass
class Page:
    """One answer of a pull, and what it let the device read (for the audit).

    `texts` holds each change as JSON text, made from the stored JSON as it is
    stored (no parse, no re-serialisation: `feed.upsert_text`); `changes`
    parses them for a caller that wants objects.
    """

    texts: list[str]
    cursor: int
    more: bool
    # (collection, id, household_id, protected) of the case records sent
    read: list[tuple[str, str, str | None, bool]]

    @property
    def changes(self) -> list[dict[str, Any]]:
        """The changes as objects."""
        return [json.loads(text) for text in self.texts]

    def body(self) -> bytes:
        """The answer of GET /sync/pull, as UTF-8 JSON."""
        more = "true" if self.more else "false"
        return (f'{{"changes":[{",".join(self.texts)}],"cursor":{self.cursor},"more":{more}}}'
                .encode())


# The page's query per actor, built once (SQLAlchemy then reuses its compiled form and cache
# key): the scope filter alone took ~5 ms a page to build and key afresh. Bounded: one entry per
# user who pulls.
@lru_cache(maxsize=4096)
def _page_query(user_id: str, role: str, team_id: str | None, protected_access: bool,
                pinned: bool = False) -> sa.Select[Any]:
    """The page's query; `pinned`: bounded by the horizon as stored (`_HORIZON`), not by a
    parameter (PostgreSQL's pipelined read, `_read_pipelined`)."""
    actor = Actor(user_id, role, team_id, protected_access)
    join = records.outerjoin(households, households.c.household_id == records.c.household_id)
    return (sa.select(records.c.seq, *UPSERT_COLUMNS).select_from(join)
            .where(records.c.seq > sa.bindparam("cursor"),
                   records.c.seq <= (_HORIZON if pinned else sa.bindparam("horizon")),
                   scope_filter(actor))
            .order_by(records.c.seq).limit(sa.bindparam("rows")))


@dataclass(frozen=True)
class _PageSQL:
    """The page query of one user as the driver takes it: its text, its fixed parameters (the
    scope's codes and ids), and their order for a positional driver (None: by name)."""

    statement: str
    fixed: dict[str, Any]
    order: tuple[str, ...] | None

    def parameters(self, bounds: dict[str, int]) -> Any:
        values = {**self.fixed, **bounds}
        return values if self.order is None else tuple(values[name] for name in self.order)


@lru_cache(maxsize=4096)
def _page_sql(dialect: sa.Dialect, user_id: str, role: str, team_id: str | None,
              protected_access: bool, pinned: bool = False) -> _PageSQL:
    """`_page_query` compiled once per user and dialect, its lists of codes expanded."""
    compiled = _page_query(user_id, role, team_id, protected_access, pinned).compile(dialect=dialect)
    bounds = {"cursor": 0, "rows": 0} if pinned else {"cursor": 0, "horizon": 0, "rows": 0}
    state = compiled.construct_expanded_state(bounds)
    order = tuple(state.positiontup) if state.positiontup is not None else None
    return _PageSQL(state.statement, dict(state.parameters), order)


def _page_rows(conn: sa.Connection, actor: Actor, bounds: dict[str, int]) -> list[Any]:
    """The page's rows as the driver returns them (tuples in `_page_query`'s column order).

    Read by the driver's own cursor: SQLAlchemy's rows (one object per row and column
    processing) cost ~5 ms a page of 1,000, a fifth of a full pull's CPU. The columns are
    text, integers and `deleted` (SQLite's 0/1 is read as true/false by `upsert_text`).
    """
    sql = _page_sql(conn.dialect, actor.user_id, actor.role, actor.team_id, actor.protected_access)
    cursor = conn.connection.cursor()
    try:
        cursor.execute(sql.statement, sql.parameters(bounds))
        return list(cursor.fetchall())
    finally:
        cursor.close()


def _evicts(horizon: Any) -> sa.Select[Any]:
    return (sa.select(scope_events.c.seq, scope_events.c.household_id)
            .where(scope_events.c.user_id == sa.bindparam("user"),
                   scope_events.c.seq > sa.bindparam("cursor"), scope_events.c.seq <= horizon)
            .order_by(scope_events.c.seq).limit(sa.bindparam("rows")))


_EVICTS = _evicts(sa.bindparam("horizon"))
_SEEN = (sa.update(devices).where(devices.c.device_id == sa.bindparam("device"))
         .values(last_seen_at=sa.bindparam("now")).returning(devices.c.revoked_at))
_STATE = sa.select(sync_state.c.seq, sync_state.c.min_cursor).where(sync_state.c.id == 1)
# The horizon as a subquery: read in the statement's snapshot, the transaction's (REPEATABLE READ).
# (The row's id as a literal: the pipelined statements take no parameter for it.)
_ROW = sync_state.c.id == sa.literal_column("1")
_HORIZON = sa.select(sync_state.c.seq).where(_ROW).scalar_subquery()


@lru_cache(maxsize=4)
def _pipelined_sql(dialect: sa.Dialect) -> tuple[str, str]:
    """The state's and the evictions' statements as PostgreSQL's driver takes them."""
    return (str(sa.select(sync_state.c.seq, sync_state.c.min_cursor).where(_ROW).compile(dialect=dialect)),
            str(_evicts(_HORIZON).compile(dialect=dialect)))


def _read_pipelined(engine: sa.Engine, actor: Actor, cursor: int,
                    limit: int) -> tuple[int, int, list[Any], list[Any]]:
    """PostgreSQL: the horizon, the oldest cursor kept, the page's rows and its evictions, read
    in one REPEATABLE READ transaction sent as one psycopg pipeline (BEGIN, three SELECTs,
    COMMIT: one round trip, where one at a time they were five). The page and the evictions are
    bounded by the horizon as the transaction's snapshot holds it (`_HORIZON`), so they need
    not wait for the state's answer; a cursor the state refuses reads nothing of use, and
    `pull_page` refuses it after."""
    sql = _page_sql(engine.dialect, actor.user_id, actor.role, actor.team_id, actor.protected_access,
                    True)
    state_sql, evicts_sql = _pipelined_sql(engine.dialect)
    with reading(engine) as conn:
        raw = conn.connection.driver_connection
        dbapi_error = conn.dialect.loaded_dbapi.Error
        cursors: list[Any] = []
        try:
            with raw.pipeline():  # type: ignore[union-attr]
                state = raw.cursor()  # type: ignore[union-attr]
                cursors.append(state)
                state.execute(state_sql)
                page = raw.cursor()  # type: ignore[union-attr]
                cursors.append(page)
                bounds = {"cursor": cursor, "rows": limit + 1}
                page.execute(sql.statement, sql.parameters(bounds))
                evicts = None
                if cursor > 0:
                    evicts = raw.cursor()  # type: ignore[union-attr]
                    cursors.append(evicts)
                    evicts.execute(evicts_sql, {**bounds, "user": actor.user_id})
                raw.commit()  # type: ignore[union-attr]
            horizon, min_cursor = state.fetchone()
            return (int(horizon), int(min_cursor), list(page.fetchall()),
                    list(evicts.fetchall()) if evicts is not None else [])
        except dbapi_error as exc:
            if conn.dialect.is_disconnect(exc, conn.connection.dbapi_connection, None):
                conn.invalidate(exc)
            raise sa.exc.DBAPIError.instance("pull page", None, exc, dbapi_error) from exc
        finally:
            for each in cursors:
                each.close()


def pull_page(engine: sa.Engine, actor: Actor, cursor: int, limit: int) -> Page:
    """The changes in the actor's scope after `cursor`, oldest first (sync-protocol.md, "Pull").

    Each record's entry is made from its stored JSON by string concatenation
    (`feed.upsert_text`), so a page costs about one string per record.
    """
    evicts: Sequence[Any] = ()
    if engine.dialect.name == "postgresql":
        horizon, min_cursor, rows, evicts = _read_pipelined(engine, actor, cursor, limit)
        _check_cursor(cursor, horizon, min_cursor)
    else:
        with reading(engine) as conn, conn.begin():
            horizon, min_cursor = conn.execute(_STATE).one()
            horizon = int(horizon)
            _check_cursor(cursor, horizon, min_cursor)
            bounds = {"cursor": cursor, "horizon": horizon, "rows": limit + 1}
            rows = _page_rows(conn, actor, bounds)
            if cursor > 0:
                evicts = conn.execute(_EVICTS, {**bounds, "user": actor.user_id}).all()
    # (seq, entry, read) with read = (collection, id, household_id, protected) of a case record.
    items: list[tuple[int, str, tuple[str, str, str | None, bool] | None]] = []
    for seq, rid, coll, hh, version, deleted, at, by, device, author, data in rows:
        read = None
        if coll not in READ_ONLY_COLLECTIONS:
            secret = coll in PROTECTED_COLLECTIONS or (
                coll in DERIVED_COLLECTIONS and row_protected(_Stored(coll, data)))
            read = (coll, rid, hh, secret)
        items.append((seq, upsert_text(rid, coll, hh, version, deleted, at, by, device, author, data), read))
    if evicts:
        for seq, household_id in evicts:
            items.append((seq, f'{{"op":"evict","collection":"households","id":{text(household_id)}}}',
                          None))
        items.sort(key=lambda item: item[0])
    more = len(items) > limit
    page = items[:limit]
    new_cursor = page[-1][0] if more else horizon
    return Page([c for _s, c, _r in page], max(new_cursor, cursor), more,
                [r for _s, _c, r in page if r is not None])


def _check_cursor(cursor: int, horizon: int, min_cursor: int) -> None:
    """CursorExpired unless a pull may start at `cursor`."""
    if cursor > horizon:
        raise CursorExpired("This cursor is ahead of the server (was it restored from a "
                            "backup?); pull everything again from cursor 0.")
    if 0 < cursor < min_cursor:
        raise CursorExpired("This cursor is older than the deletions the server keeps; "
                            "pull everything again from cursor 0.")


class _Stored(NamedTuple):
    """What `scope.row_protected` reads of a row."""

    collection: str
    data: str


def finish_pull(engine: sa.Engine, actor: Actor, page: Page) -> Page:
    """Audit what was read; answer `wipe` instead if the device was revoked meanwhile."""
    now = now_iso()
    if actor.device_id and engine.dialect.name == "postgresql":
        return _finish_pull_in_one_statement(engine, actor, page, now)
    with engine.begin() as conn:
        revoked = None
        if actor.device_id:
            # Seen now, and revoked meanwhile? One statement (each is a round trip per page).
            revoked = conn.execute(_SEEN, {"device": actor.device_id, "now": now}).scalar()
        if revoked:
            return _wiped(conn, actor, page, now)
        write_audit(conn, _read_rows(actor, page, now))
    return page


def _wiped(conn: sa.Connection, actor: Actor, page: Page, now: str) -> Page:
    """The answer to a device revoked while its page was read: a wipe, audited (its reads are not)."""
    write_audit(conn, [audit_row(actor, "wipe", detail="revoked during a pull", at=now)])
    return Page(['{"op":"wipe"}'], page.cursor, False, [])


def _read_rows(actor: Actor, page: Page, now: str) -> list[dict[str, Any]]:
    """The audit rows of what `page` let the device read."""
    # A conflict or review of a protected record is a read of protected content too: one row
    # each; the page's ordinary reads are one row (audit.page_read_row).
    rows = [audit_row(actor, "read_protected", coll, rid, hh, None, now)
            for coll, rid, hh, secret in page.read if secret]
    ordinary = [(rid, hh) for _coll, rid, hh, secret in page.read if not secret]
    if ordinary:
        rows.append(page_read_row(actor, ordinary, now))
    return rows


def _finish_pull_in_one_statement(engine: sa.Engine, actor: Actor, page: Page, now: str) -> Page:
    """`finish_pull` on PostgreSQL: the last-seen mark, the revocation check and the page's audit
    in one statement in autocommit (was BEGIN, UPDATE, INSERT, COMMIT: four round trips a page)."""
    assert actor.device_id is not None
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        if seen_and_audited(conn, actor.device_id, now, _read_rows(actor, page, now)):
            return _wiped(conn, actor, page, now)
    return page


def pull(engine: sa.Engine, actor: Actor, cursor: int, limit: int, *,
         page_read: Callable[[], None] | None = None) -> Page:
    """A page after `cursor`, audited; `page_read` runs between reading and auditing (tests
    revoke the device there)."""
    page = pull_page(engine, actor, cursor, limit)
    if page_read is not None:
        page_read()
    return finish_pull(engine, actor, page)


