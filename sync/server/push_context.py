"""How a push reaches the database: change by change (`PushContext`), or set-based (`BatchContext`).

The rules of a change (`sync.server.push`) read and write records and
households only through these methods, so the same rules run on both.

`BatchContext` is the fast path: the records and households a batch touches
are read (and, on PostgreSQL, row-locked households first, then records, each
sorted) in one query each; the rules then run against that copy in memory,
and the writes are kept until the batch ends, when they go out as multi-row
statements carrying their final sequence numbers, under the feed's lock
(`Feed.close(write=...)`). A rule that must read the database itself
(moving a family, renumbering its subtree, reading a review's subject) calls
`direct()` first, which writes what is kept, so the database is as the
batch has made it. The rules raise `Rejected` only before a change writes,
so a rejected change leaves nothing behind; `kept()` lets the caller check it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

import sqlalchemy as sa

from sync.server.audit import audit_row
from sync.server.db import households, records
from sync.server.feed import (
    INSERT_RECORD,
    LOCK_RECORD,
    PENDING,
    UPDATE_RECORD,
    Feed,
    insert_many,
    load_household,
    lock_household,
    safe_key,
    update_many,
)
from sync.server.scope import Actor

INSERT_HOUSEHOLD = households.insert()
_HOUSEHOLD_STATE = ("status", "closed_at", "retired")


@dataclass
class PushContext:
    """What every step of one push shares: its transaction, feed, caller and time.

    This one goes to the database for every read and write (the change-by-change
    path, each change in its own savepoint).
    """

    conn: sa.Connection
    feed: Feed
    actor: Actor
    now: str
    pending_audit: list[dict[str, Any]] = field(default_factory=list)  # of the change under way
    # The local date the rules judge by (a date in the future...), taken once for the batch.
    today: dt.date = field(default_factory=dt.date.today)

    def audit(self, action: str, collection: str | None, record_id: str | None,
              household_id: str | None, detail: str | None = None) -> None:
        """Note an audit entry of the change under way (kept only if the change is)."""
        self.pending_audit.append(audit_row(self.actor, action, collection, record_id,
                                            household_id, detail, self.now))

    def load(self, raw_changes: list[Any]) -> None:
        """Lock what the batch will touch (PostgreSQL): households, then records, sorted."""
        ids, families = _batch_keys(raw_changes)
        if not ids or self.conn.dialect.name == "sqlite":
            return
        _select_households(self.conn, families, lock=True, of_records=ids)
        _select_records(self.conn, ids, lock=True)

    def record(self, record_id: str) -> Any:
        """The `records` row of `record_id` (locked on PostgreSQL), or None."""
        return self.conn.execute(LOCK_RECORD, {"rid": record_id}).first()

    def household(self, household_id: str, *, lock: bool = True) -> Any:
        """The `households` row, locked unless `lock` is false, or None."""
        if lock:
            return lock_household(self.conn, household_id)
        return load_household(self.conn, household_id)

    def insert_record(self, values: dict[str, Any]) -> None:
        self.conn.execute(INSERT_RECORD, values)

    def update_record(self, values: dict[str, Any]) -> None:
        """`values` as `feed.UPDATE_RECORD` binds them (rid, version, deleted, seq, ...)."""
        self.conn.execute(UPDATE_RECORD, values)

    def insert_household(self, values: dict[str, Any]) -> None:
        self.conn.execute(INSERT_HOUSEHOLD, values)

    def update_household(self, household_id: str, values: dict[str, Any]) -> None:
        self.conn.execute(sa.update(households).where(households.c.household_id == household_id)
                          .values(**values))

    def direct(self) -> sa.Connection:
        """The connection, with the database as this batch has made it so far."""
        return self.conn

    def forget_household(self, household_id: str) -> None:
        """The household's row was changed behind these methods (read it again next time)."""

    def kept(self) -> int:
        """How many writes wait for the end of the batch (none here)."""
        return 0

    def close(self, before_commit: Callable[[], None] | None = None) -> None:
        """Number the batch's rows under the feed's lock and commit (PostgreSQL: one round trip,
        `Feed.close`); `before_commit` runs between the two."""
        self.feed.close(commit=True, before_commit=before_commit)


class BatchContext(PushContext):
    """The set-based path: one read per table for the batch, the writes at its end."""

    def __init__(self, conn: sa.Connection, feed: Feed, actor: Actor, now: str):
        super().__init__(conn, feed, actor, now)
        self._records: dict[str, Any] = {}  # id -> row (SimpleNamespace) or None: known absent
        self._households: dict[str, Any] = {}
        self._record_writes: dict[str, tuple[str, dict[str, Any]]] = {}  # id -> (op, values)
        self._household_writes: dict[str, tuple[str, dict[str, Any]]] = {}

    def load(self, raw_changes: list[Any]) -> None:
        ids, families = _batch_keys(raw_changes)
        if not ids:
            return
        pg = self.conn.dialect.name != "sqlite"
        if pg:
            # Households before records, as every writer locks them (no wait in a circle).
            hh_rows = _select_households(self.conn, families, lock=True, of_records=ids)
            rec_rows = _select_records(self.conn, ids, lock=True)
            families |= {r.household_id for r in rec_rows if r.household_id}
        else:
            rec_rows = _select_records(self.conn, ids, lock=False)
            families |= {r.household_id for r in rec_rows if r.household_id}
            hh_rows = _select_households(self.conn, families, lock=False)
        self._records.update(dict.fromkeys(ids))
        self._records.update((r.id, r) for r in rec_rows)
        self._households.update(dict.fromkeys(families))
        self._households.update((h.household_id, h) for h in hh_rows)

    def record(self, record_id: str) -> Any:
        if record_id not in self._records:
            row = super().record(record_id)
            self._records[record_id] = SimpleNamespace(**row._mapping) if row is not None else None
        return self._records[record_id]

    def household(self, household_id: str, *, lock: bool = True) -> Any:
        if household_id not in self._households:
            row = super().household(household_id, lock=lock)
            self._households[household_id] = (SimpleNamespace(**row._mapping)
                                              if row is not None else None)
        return self._households[household_id]

    def insert_record(self, values: dict[str, Any]) -> None:
        row = SimpleNamespace(**values)
        self._records[values["id"]] = row
        # The row's own attributes are what is inserted: a later update in this batch changes both.
        self._record_writes[values["id"]] = ("insert", vars(row))

    def update_record(self, values: dict[str, Any]) -> None:
        rid = values["rid"]
        own = {k: v for k, v in values.items() if k != "rid"}
        vars(self._records[rid]).update(own)
        op, kept = self._record_writes.get(rid, ("update", {"id": rid}))
        if op == "update":  # a record made in this batch is inserted with its newest state (above)
            kept.update(own)
        self._record_writes[rid] = (op, kept)

    def insert_household(self, values: dict[str, Any]) -> None:
        self._households[values["household_id"]] = SimpleNamespace(**values)
        self._household_writes[values["household_id"]] = ("insert", dict(values))

    def update_household(self, household_id: str, values: dict[str, Any]) -> None:
        row = self._households[household_id]
        vars(row).update(values)
        op, kept = self._household_writes.get(household_id,
                                              ("update", {"household_id": household_id}))
        kept.update({k: getattr(row, k) for k in _HOUSEHOLD_STATE})
        self._household_writes[household_id] = (op, kept)

    def direct(self) -> sa.Connection:
        self._write({})
        return self.conn

    def forget_household(self, household_id: str) -> None:
        self._households.pop(household_id, None)

    def kept(self) -> int:
        return len(self._record_writes) + len(self._household_writes)

    def close(self, before_commit: Callable[[], None] | None = None) -> None:
        # Feed.close calls `_write` in every case (with no numbers when nothing was touched).
        self.feed.close(write=self._write, commit=True, before_commit=before_commit)

    def _write(self, numbers: dict[str, int]) -> set[str]:
        """Write what is kept, with its sequence numbers when given; the ids written."""
        inserts: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        for rid, (op, values) in self._record_writes.items():
            if rid in numbers:
                values["seq"] = numbers[rid]
            (inserts if op == "insert" else updates).append(values)
        hh_inserts = [v for op, v in self._household_writes.values() if op == "insert"]
        hh_updates = [v for op, v in self._household_writes.values() if op == "update"]
        insert_many(self.conn, records, inserts)
        update_many(self.conn, records, "id", updates)
        insert_many(self.conn, households, hh_inserts)
        update_many(self.conn, households, "household_id", hh_updates)
        written = {rid for rid in self._record_writes if rid in numbers}
        for rid, (_op, values) in self._record_writes.items():
            self._records[rid].seq = values.get("seq", PENDING)
        self._record_writes.clear()
        self._household_writes.clear()
        return written


def _batch_keys(raw_changes: list[Any]) -> tuple[list[str], set[str]]:
    """The record ids a batch names (sorted) and the households it names in its changes."""
    ids = sorted({raw["id"] for raw in raw_changes if isinstance(raw, dict) and safe_key(raw.get("id"))})
    families: set[str] = set()
    for raw in raw_changes:
        if not isinstance(raw, dict):
            continue
        if raw.get("collection") == "households" and safe_key(raw.get("id")):
            families.add(raw["id"])
        fields = raw.get("fields")
        if isinstance(fields, dict) and safe_key(fields.get("household_id")):
            families.add(fields["household_id"])
    return ids, families


def id_list(conn: sa.Connection, ids: Iterable[str]) -> tuple[str, Any]:
    """SQL that a column is one of `ids`, with its one parameter (not one per id).

    SQLAlchemy's expanding IN renders and binds hundreds of parameters per
    query, a large part of a batch's reads; one JSON array (SQLite's
    `json_each`) or one array (PostgreSQL's `= ANY`) is bound once.
    """
    if conn.dialect.name == "sqlite":
        return "IN (SELECT value FROM json_each(?))", json.dumps(list(ids), ensure_ascii=False)
    return "= ANY(%b::VARCHAR[])", list(ids)


_BOOLEANS = {"records": ("deleted",), "households": ("retired",)}


def _rows(conn: sa.Connection, table: str, sql: str, params: tuple[Any, ...]) -> list[SimpleNamespace]:
    """Rows of `table` read by the driver's SQL, as namespaces (SQLite's 0/1 turned into booleans)."""
    result = conn.exec_driver_sql(sql, params)
    names = tuple(result.keys())
    # The driver's tuples zipped with the column names: a row's `_mapping` cost more than the read.
    rows = [SimpleNamespace(**dict(zip(names, row, strict=True))) for row in result]
    if conn.dialect.name == "sqlite":
        for name in _BOOLEANS[table]:
            for row in rows:
                setattr(row, name, bool(getattr(row, name)))
    return rows


def _select_households(conn: sa.Connection, ids: set[str], *, lock: bool,
                       of_records: Sequence[str] = ()) -> list[SimpleNamespace]:
    """The households `ids` and those of the records `of_records` (PostgreSQL only), sorted,
    locked when `lock`: one query."""
    if not ids and not of_records:
        return []
    if of_records and conn.dialect.name != "sqlite":
        # One array, the subquery's ids appended (an OR of the two would scan the table).
        sql = ("SELECT * FROM households WHERE household_id = ANY(%b::VARCHAR[] || ARRAY("
               "SELECT household_id FROM records WHERE id = ANY(%b::VARCHAR[])))")
        params: tuple[Any, ...] = (sorted(ids), list(of_records))
    else:
        where, param = id_list(conn, sorted(ids))
        sql, params = f"SELECT * FROM households WHERE household_id {where}", (param,)
    return _rows(conn, "households", sql + " ORDER BY household_id" + (" FOR UPDATE" if lock else ""),
                 params)


def _select_records(conn: sa.Connection, ids: list[str], *, lock: bool) -> list[SimpleNamespace]:
    where, param = id_list(conn, ids)
    return _rows(conn, "records", f"SELECT * FROM records WHERE id {where} ORDER BY id"
                 + (" FOR UPDATE" if lock else ""), (param,))
