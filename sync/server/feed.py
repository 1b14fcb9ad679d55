"""The change feed: sequence numbers in commit order, row locks in a fixed order, and the
statements every writer of records shares.

**The feed's order.** Every record carries `seq`, the server sequence number
of its latest change; evictions carry one too (`scope_events`). A pull
answers what is in the caller's scope with `seq` above its cursor. For that
never to skip a change, sequence numbers must be handed out in *commit*
order. A write transaction does its work first (rows written with a
placeholder), then numbers its rows under the lock of the single row of
`sync_state` and commits with that lock held (`Feed`): the next writer
numbers its rows only after this one is visible. A pull reads the horizon
(`sync_state.seq`) and the page in one snapshot (REPEATABLE READ on
PostgreSQL, a read transaction on SQLite), so everything up to the horizon
is already committed when it is read. Readers never wait; writers wait for
one another only for the numbering and the commit, and for the households
they both touch (row locks, taken households first, then records, then the
feed's lock, each in a fixed order, so that no two writers wait in a circle).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

import sqlalchemy as sa

from sync.server.db import change_results, households, records, scope_events, sync_state

PENDING = -1  # the seq of a row written by a transaction that has not numbered it yet


class Feed:
    """Sequence numbers for one write transaction, handed out at its end, in commit order.

    While it works, a transaction writes its rows with seq PENDING (invisible to
    pulls: uncommitted) and notes them here. `close()` then takes the
    `sync_state` row lock, numbers the rows in the order they were touched, and
    the transaction commits with the lock still held: the next writer numbers
    its rows only after this one is visible. The lock is always the last one a
    writer takes (after its household and record row locks), so no deadlock
    can form around it, and it is held only for the numbering and the commit.
    """

    def __init__(self, conn: sa.Connection):
        self.conn = conn
        # ("r", record_id) -> None, or ("e", n) -> (user_id, household_id, at); in touch order.
        self._items: dict[tuple[str, Any], Any] = {}
        self._events = 0

    def touch(self, record_id: str) -> int:
        """Note that `record_id` changed (it moves to the end: its newest position counts)."""
        key = ("r", record_id)
        self._items.pop(key, None)
        self._items[key] = None
        return PENDING

    def evict(self, user_id: str, household_id: str, at: str) -> None:
        """Note that `household_id` left `user_id`'s scope (an eviction in the feed)."""
        self._events += 1
        self._items[("e", self._events)] = (user_id, household_id, at)

    def mark(self) -> dict[tuple[str, Any], Any]:
        """What was noted so far, to `reset` to when a savepoint is rolled back."""
        return dict(self._items)

    def reset(self, mark: dict[tuple[str, Any], Any]) -> None:
        """Forget what was noted since `mark` (its savepoint was rolled back)."""
        self._items = dict(mark)

    def close(self, write: Callable[[dict[str, int]], set[str]] | None = None) -> None:
        """Number what was noted, under the feed's lock, just before the commit.

        `write`, when given, gets each noted record's number while the lock is
        held and writes the rows it keeps with them (a set-based push writes its
        rows once, numbered); it answers the ids it wrote, which need no update.
        """
        if not self._items:
            return
        conn = self.conn
        conn.execute(sa.update(sync_state).where(sync_state.c.id == 1)
                     .values(seq=sync_state.c.seq))  # the lock, held until the commit
        seq = int(conn.execute(sa.select(sync_state.c.seq).where(sync_state.c.id == 1)).scalar_one())
        numbered, events = [], []
        for (kind, key), value in self._items.items():
            seq += 1
            if kind == "r":
                numbered.append({"rid": key, "seq": seq})
            else:
                user_id, household_id, at = value
                events.append({"seq": seq, "user_id": user_id, "household_id": household_id, "at": at})
        if write is not None:
            written = write({item["rid"]: item["seq"] for item in numbered})
            numbered = [item for item in numbered if item["rid"] not in written]
        update_many(conn, records, "id", [{"id": item["rid"], "seq": item["seq"]} for item in numbered])
        if events:
            conn.execute(scope_events.insert(), events)
        conn.execute(sa.update(sync_state).where(sync_state.c.id == 1).values(seq=seq))
        self._items = {}


def lock_households(conn: sa.Connection, household_ids: Iterable[str]) -> None:
    """Row-lock households in a fixed order (PostgreSQL; SQLite's writers already take turns).

    Every writer of a record under a household holds that household's lock,
    so a household's subtree can be renumbered without waiting for anyone.
    """
    ids = sorted({h for h in household_ids if safe_key(h)})
    if ids and conn.dialect.name != "sqlite":
        conn.execute(sa.select(households.c.household_id)
                     .where(households.c.household_id.in_(ids))
                     .order_by(households.c.household_id).with_for_update()).all()


def lock_records(conn: sa.Connection, record_ids: Iterable[str]) -> None:
    """Row-lock records in a fixed order (PostgreSQL), after their households."""
    ids = sorted({r for r in record_ids if safe_key(r)})
    if ids and conn.dialect.name != "sqlite":
        conn.execute(sa.select(records.c.id).where(records.c.id.in_(ids))
                     .order_by(records.c.id).with_for_update()).all()


def safe_key(value: object) -> bool:
    """A string that can be a key in a query (not one the parser will refuse later)."""
    if not isinstance(value, str) or not value or len(value) > 64 or "\x00" in value:
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))  # built once, not per call


def dump(data: dict[str, Any]) -> str:
    """A record's own fields as stored in `records.data`: compact JSON, UTF-8 as is."""
    return _ENCODER.encode(data)


def _placeholder(conn: sa.Connection) -> str:
    return "?" if conn.dialect.name == "sqlite" else "%s"


def insert_many(conn: sa.Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    """Insert `rows` (dicts of column values) with the driver's own executemany.

    The hot writes of a batch (hundreds of rows) skip SQLAlchemy's per-row
    parameter processing, which cost more than the database itself; rows with
    different columns go in separate statements.
    """
    groups: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
    for row in rows:
        names = tuple(row)
        groups.setdefault(names, []).append(tuple(row.values()))
    mark = _placeholder(conn)
    for names, values in groups.items():
        columns = ", ".join(f'"{n}"' for n in names)
        marks = ", ".join([mark] * len(names))
        conn.exec_driver_sql(f"INSERT INTO {table.name} ({columns}) VALUES ({marks})", values)


def update_many(conn: sa.Connection, table: sa.Table, key: str,
                rows: list[dict[str, Any]]) -> None:
    """Update rows by `key` (each dict: the key's value under `key`, and the columns to set)."""
    groups: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
    for row in rows:
        names = tuple(n for n in row if n != key)
        groups.setdefault(names, []).append((*(row[n] for n in names), row[key]))
    mark = _placeholder(conn)
    for names, values in groups.items():
        sets = ", ".join(f'"{n}" = {mark}' for n in names)
        conn.exec_driver_sql(f'UPDATE {table.name} SET {sets} WHERE "{key}" = {mark}', values)


def text(value: str | None) -> str:
    """A string (or None) as JSON text."""
    return "null" if value is None else _ENCODER.encode(value)


def record_json(row: Any) -> str:
    """`flat_record(row)` as JSON text, made from the stored JSON without parsing it.

    The envelope follows the record's own fields, as `flat_record` puts it
    (its fields win: a reader keeps the last of a repeated key).
    """
    data = row.data.strip()
    if not (data.startswith("{") and data.endswith("}")):
        return _ENCODER.encode(flat_record(row))  # not an object as dump() writes it: the slow way
    inner = data[1:-1].strip()
    # The envelope in one encoder call (a full pull makes 10,000 of them).
    envelope = _ENCODER.encode({
        "id": row.id, "collection": row.collection, "version": int(row.version),
        "deleted": bool(row.deleted), "household_id": row.household_id,
        "updated_at": row.updated_at, "updated_by": row.updated_by, "device_id": row.device_id,
        "created_by": row.created_by})
    return f'{{{inner},{envelope[1:]}' if inner else envelope


def upsert_json(row: Any) -> str:
    """The pull's `upsert` entry of `row` as JSON text (`record_json` inside)."""
    head = _ENCODER.encode({"op": "upsert", "collection": row.collection, "id": row.id,
                            "version": int(row.version)})
    return f'{head[:-1]},"record":{record_json(row)}}}'


def flat_record(row: Any) -> dict[str, Any]:
    """The record as it travels: its own fields and the envelope, side by side."""
    rec: dict[str, Any] = json.loads(row.data)
    rec.update(id=row.id, collection=row.collection, version=row.version, deleted=row.deleted,
               household_id=row.household_id, updated_at=row.updated_at,
               updated_by=row.updated_by, device_id=row.device_id, created_by=row.created_by)
    return rec


# Statements built once: the hot paths of a push only bind values (SQLAlchemy caches them).
SELECT_RECORD = sa.select(records).where(records.c.id == sa.bindparam("rid"))
SELECT_HOUSEHOLD = sa.select(households).where(households.c.household_id == sa.bindparam("hid"))
LOCK_HOUSEHOLD = SELECT_HOUSEHOLD.with_for_update()
LOCK_RECORD = sa.select(records).where(records.c.id == sa.bindparam("rid")).with_for_update()
INSERT_RECORD = records.insert()
INSERT_RESULT = change_results.insert()
NUMBER_RECORD = sa.update(records).where(records.c.id == sa.bindparam("rid")).values(
    seq=sa.bindparam("seq"))
UPDATE_RECORD = sa.update(records).where(records.c.id == sa.bindparam("rid")).values(
    version=sa.bindparam("version"), deleted=sa.bindparam("deleted"), seq=sa.bindparam("seq"),
    updated_at=sa.bindparam("updated_at"), updated_by=sa.bindparam("updated_by"),
    device_id=sa.bindparam("device_id"), data=sa.bindparam("data"))


def load_record(conn: sa.Connection, record_id: str) -> Any:
    """The `records` row of `record_id`, or None."""
    return conn.execute(SELECT_RECORD, {"rid": record_id}).first()


def load_household(conn: sa.Connection, household_id: str) -> Any:
    """The `households` (scope) row of `household_id`, or None; not locked."""
    return conn.execute(SELECT_HOUSEHOLD, {"hid": household_id}).first()


def lock_household(conn: sa.Connection, household_id: str) -> Any:
    """The household's row, locked until the commit (a no-op when this transaction holds it)."""
    return conn.execute(LOCK_HOUSEHOLD, {"hid": household_id}).first()

