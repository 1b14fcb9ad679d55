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
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from sync.server.db import change_results, households, records, scope_events, sync_state
from sync.server.pipeline import send_with_commit

PENDING = -1  # the seq of a row written by a transaction that has not numbered it yet


class Feed:
    """Sequence numbers for one write transaction, handed out at its end, in commit order.

    While it works, a transaction writes its rows with seq PENDING (invisible to
    pulls: uncommitted) and notes them here. `close()` then takes the
    `sync_state` row lock and reserves as many numbers as it noted (one
    statement), numbers the rows in the order they were touched, and the
    transaction commits with the lock still held: the next writer numbers
    its rows only after this one is visible. The lock is always the last one a
    writer takes (after its household and record row locks), so no deadlock
    can form around it, and it is held only for the numbering and the commit.
    """

    def __init__(self, conn: sa.Connection):
        self.conn = conn
        # ("r", record_id) -> None, or ("e", n) -> (user_id, household_id, at); in touch order.
        self._items: dict[tuple[str, Any], Any] = {}
        self._events = 0
        self._deferred: list[tuple[str, Any]] | None = None  # kept by `defer` until `close`

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

    def defer(self) -> None:
        """From now on, until `close`, keep this transaction's multi-row writes (`insert_many`,
        `update_many`, `later`) and send them with the numbering and the COMMIT (PostgreSQL;
        SQLite executes them at once)."""
        if self.conn.dialect.name != "sqlite":
            self._deferred = []
            self.conn.info[_DEFER] = (self.conn, self._deferred)

    def close(self, write: Callable[[dict[str, int]], set[str]] | None = None, *,
              commit: bool = False, before_commit: Callable[[], None] | None = None) -> None:
        """Number what was noted, under the feed's lock, just before the commit.

        `write`, when given, gets each noted record's number and writes the rows it
        keeps with them (a set-based push writes its rows once, numbered); it
        answers the ids it wrote, which need no update of their number.

        On PostgreSQL the lock, the numbers and every write of `write` are one
        statement (`_numbering_statement`): the lock is held for that statement and
        the commit, not for a round trip per table while the worker's thread waits
        its turn. `write`'s numbers are then the rows' positions 1..n, which the
        statement adds to the feed's counter as it takes it; `write` passes them on
        untouched (to `insert_many`/`update_many`, which gather instead of executing).

        With `commit` on PostgreSQL, what `defer` kept, the numbering statement and the
        COMMIT go out in one pipeline (one round trip): the backend commits as soon as it
        has numbered, not when the worker's thread next gets the CPU to send COMMIT, so the
        feed's lock is held for the database's work alone; the caller's transaction block
        then has nothing left to commit. SQLite: the caller commits. `before_commit` runs
        after the numbering has gone out and before the COMMIT (tests widen that window).
        """
        conn = self.conn
        deferred = self._deferred
        self._deferred = None
        if deferred is not None:
            conn.info.pop(_DEFER, None)
        if not self._items:
            if write is not None:
                write({})
            self._finish(deferred or [], commit, before_commit)
            return
        count = len(self._items)
        sqlite = conn.dialect.name == "sqlite"
        # SQLite: the lock and the numbers first (its writers take turns from BEGIN IMMEDIATE on,
        # so holding it longer costs nobody); PostgreSQL: positions, numbered by the statement.
        seq = int(conn.execute(_TAKE_NUMBERS, {"n": count}).scalar_one()) - count if sqlite else 0
        numbered, events = [], []
        for (kind, key), value in self._items.items():
            seq += 1
            if kind == "r":
                numbered.append({"rid": key, "seq": seq})
            else:
                user_id, household_id, at = value
                events.append({"seq": seq, "user_id": user_id, "household_id": household_id, "at": at})
        gathered: list[_Write] = []
        if not sqlite:
            conn.info[_GATHER] = gathered
        try:
            if write is not None:
                written = write({item["rid"]: item["seq"] for item in numbered})
                numbered = [item for item in numbered if item["rid"] not in written]
            update_many(conn, records, "id", [{"id": item["rid"], "seq": item["seq"]} for item in numbered])
            if events:
                insert_many(conn, scope_events, events)
        finally:
            conn.info.pop(_GATHER, None)
        self._items = {}
        statements = [] if sqlite else [*(deferred or []), _numbering_statement(gathered, count)]
        self._finish(statements, commit, before_commit)

    def _finish(self, statements: list[tuple[str, Any]], commit: bool,
                before_commit: Callable[[], None] | None) -> None:
        """Send `statements` (PostgreSQL), then `before_commit`, then the COMMIT when `commit`."""
        if commit and self.conn.dialect.name != "sqlite":
            send_with_commit(self.conn, statements, before_commit)
            return
        for sql, params in statements:
            self.conn.exec_driver_sql(sql, params)
        if before_commit is not None:
            before_commit()


def later(conn: sa.Connection, sql: str, params: Any) -> None:
    """Run `sql` now, or with the COMMIT when the connection's feed `defer`s its writes."""
    deferred = _deferred(conn)
    if deferred is not None:
        deferred.append((sql, params))
    else:
        conn.exec_driver_sql(sql, params)


def _deferred(conn: sa.Connection) -> list[tuple[str, Any]] | None:
    """The statements a `Feed.defer` of this very connection keeps (None: run them now); a mark
    left by another checkout of the same database connection does not count."""
    found = conn.info.get(_DEFER)
    return found[1] if found is not None and found[0] is conn else None


# Takes the feed's lock and reserves `n` numbers: answers the last of them (SQLite).
_TAKE_NUMBERS = (sa.update(sync_state).where(sync_state.c.id == 1)
                 .values(seq=sync_state.c.seq + sa.bindparam("n", type_=sa.BigInteger))
                 .returning(sync_state.c.seq))

# Where `Feed.close` asks `insert_many`/`update_many` to gather their writes (PostgreSQL).
_GATHER = "fieldapp_feed_gather"
# Where `Feed.defer` keeps statements to send with the COMMIT: (the sa.Connection, the list).
_DEFER = "fieldapp_feed_defer"
# The tables whose `seq` column holds a feed number (a position while gathered).
_NUMBERED = {"records", "scope_events"}


@dataclass(frozen=True)
class _Write:
    """One gathered multi-row write: an INSERT or UPDATE over `unnest` of one array per column."""

    table: sa.Table
    names: tuple[str, ...]  # the columns, in the arrays' order (an update's key last)
    types: tuple[str, ...]  # their array types (`_array_type`)
    key: str | None  # None: an insert
    arrays: tuple[list[Any], ...]


def _numbering_statement(writes: list[_Write], count: int) -> tuple[str, tuple[Any, ...]]:
    """One statement: take the feed's lock, reserve `count` numbers, and do `writes` with each
    `seq` (a position 1..count) turned into its number; answers the first number less one.

    Data-modifying WITH clauses run once each, in one snapshot; no two touch the same row
    (`Feed.close` numbers each record once, by its write or by an update of `seq` alone).
    """
    parts = ["n AS (UPDATE sync_state SET seq = seq + %s WHERE id = 1 RETURNING seq - %s AS base)"]
    params: list[Any] = [count, count]
    for i, w in enumerate(writes):
        table, alias = w.table.name, ("v" if w.key else "u")

        def value(name: str, table: str = table, alias: str = alias) -> str:
            column = f'{alias}."{name}"'
            if name == "seq" and table in _NUMBERED:  # a position (>= 1) becomes its number;
                return f"CASE WHEN {column} > 0 THEN n.base + {column} ELSE {column} END"  # PENDING stays
            return column

        arrays = ", ".join(f"%b::{t}" for t in w.types)
        aliases = ", ".join(f'"{n}"' for n in w.names)
        source = f"n, unnest({arrays}) AS {alias}({aliases})"
        if w.key is None:
            columns = ", ".join(f'"{n}"' for n in w.names)
            selected = ", ".join(value(n) for n in w.names)
            parts.append(f"w{i} AS (INSERT INTO {table} ({columns}) SELECT {selected} FROM {source})")
        else:
            sets = ", ".join(f'"{n}" = {value(n)}' for n in w.names if n != w.key)
            parts.append(f'w{i} AS (UPDATE {table} AS t SET {sets} FROM {source} '
                         f'WHERE t."{w.key}" = v."{w.key}")')
        params += w.arrays
    return "WITH " + ", ".join(parts) + " SELECT base FROM n", tuple(params)


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

orjson: Any
try:  # the server extra installs it; without it every record is written by the stdlib
    import orjson  # type: ignore[import-not-found,no-redef,unused-ignore]
except ImportError:  # pragma: no cover - depends on the installation
    orjson = None

_INT64 = 2**63  # orjson writes integers in [-2**63, 2**64); the stdlib any size


def dump(data: dict[str, Any]) -> str:
    """A record's own fields as stored in `records.data`: compact JSON, UTF-8 as is.

    A flat record of text, whole numbers, booleans and nulls (nearly every one a push
    writes) is written by orjson, ~15 times faster and byte for byte what the stdlib writes
    (`tests/server/test_server_dump.py`); anything else (a float, which orjson writes
    `1e-05` as `0.00001`; a list or object; an integer beyond 64 bits; a string orjson
    refuses) by the stdlib encoder, as before.
    """
    if orjson is not None:
        for value in data.values():
            kind = type(value)
            if not (kind is str or value is None or kind is bool or (kind is int and -_INT64 <= value < _INT64)):
                break
        else:
            try:
                return str(orjson.dumps(data), "utf-8")
            except TypeError:  # a lone surrogate, a key that is not text: the stdlib's way
                pass
    return _ENCODER.encode(data)


_ARRAY_TYPES: dict[tuple[str, str], str] = {}


def _array_type(conn: sa.Connection, table: sa.Table, name: str) -> str:
    """The PostgreSQL array type of a column, compiled once: ``VARCHAR[]`` for ``VARCHAR(64)``.

    Without the length: a cast to VARCHAR(64) would cut a longer value silently, where the
    column itself refuses it, as a plain INSERT does.
    """
    key = (table.name, name)
    found = _ARRAY_TYPES.get(key)
    if found is None:
        base = re.sub(r"\(.*\)", "", table.c[name].type.compile(dialect=conn.dialect))
        found = _ARRAY_TYPES[key] = f"{base}[]"
    return found



def unnest_source(conn: sa.Connection, table: sa.Table, names: tuple[str, ...],
                  rows: list[tuple[Any, ...]]) -> tuple[str, tuple[list[Any], ...]]:
    """`unnest(...)` over one binary array per column of `table` named in `names`, and its
    parameters: `rows` as a multi-row source for one PostgreSQL statement."""
    arrays = ", ".join(f"%b::{_array_type(conn, table, n)}" for n in names)
    return f"unnest({arrays})", tuple(_columns(rows, len(names)))


def _columns(rows: list[tuple[Any, ...]], width: int) -> list[list[Any]]:
    """Rows turned into one list per column (the arrays `unnest` takes apart again)."""
    return [list(column) for column in zip(*rows, strict=True)] if rows else [[] for _ in range(width)]


def insert_many(conn: sa.Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    """Insert `rows` (dicts of column values) in one statement per set of columns.

    The hot writes of a batch (hundreds of rows) skip SQLAlchemy's per-row
    parameter processing, which cost more than the database itself. SQLite
    takes them by the driver's executemany; PostgreSQL as one INSERT of
    `unnest` over one array per column: one round trip for the whole batch
    instead of one per row. The arrays go in binary (`%b`): as text, the
    driver escapes every quote of the stored JSON, 25 times the CPU.
    """
    groups: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
    for row in rows:
        names = tuple(row)
        groups.setdefault(names, []).append(tuple(row.values()))
    sqlite = conn.dialect.name == "sqlite"
    for names, values in groups.items():
        columns = ", ".join(f'"{n}"' for n in names)
        if sqlite:
            marks = ", ".join(["?"] * len(names))
            conn.exec_driver_sql(f"INSERT INTO {table.name} ({columns}) VALUES ({marks})", values)
            continue
        gathered = conn.info.get(_GATHER)
        if gathered is not None:
            types = tuple(_array_type(conn, table, n) for n in names)
            gathered.append(_Write(table, names, types, None, tuple(_columns(values, len(names)))))
            continue
        source, params = unnest_source(conn, table, names, values)
        later(conn, f"INSERT INTO {table.name} ({columns}) SELECT * FROM {source}", params)


def update_many(conn: sa.Connection, table: sa.Table, key: str,
                rows: list[dict[str, Any]]) -> None:
    """Update rows by `key` (each dict: the key's value under `key`, and the columns to set).

    One statement per set of columns: executemany on SQLite, one UPDATE ... FROM
    `unnest` of arrays on PostgreSQL (the keys must differ from one another).
    """
    groups: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
    for row in rows:
        names = tuple(n for n in row if n != key)
        groups.setdefault(names, []).append((*(row[n] for n in names), row[key]))
    sqlite = conn.dialect.name == "sqlite"
    for names, values in groups.items():
        if sqlite:
            sets = ", ".join(f'"{n}" = ?' for n in names)
            conn.exec_driver_sql(f'UPDATE {table.name} SET {sets} WHERE "{key}" = ?', values)
            continue
        gathered = conn.info.get(_GATHER)
        if gathered is not None:
            types = tuple(_array_type(conn, table, n) for n in (*names, key))
            gathered.append(_Write(table, (*names, key), types, key,
                                   tuple(_columns(values, len(names) + 1))))
            continue
        sets = ", ".join(f'"{n}" = v."{n}"' for n in names)
        arrays = ", ".join(f"%b::{_array_type(conn, table, n)}" for n in (*names, key))
        aliases = ", ".join(f'"{n}"' for n in (*names, key))
        later(conn, f'UPDATE {table.name} AS t SET {sets} FROM unnest({arrays}) AS v({aliases}) '
              f'WHERE t."{key}" = v."{key}"', tuple(_columns(values, len(names) + 1)))


def text(value: str | None) -> str:
    """A string (or None) as JSON text."""
    return "null" if value is None else _quote(value)


# The C string quoter the encoder uses (ensure_ascii=False): one call per string, where an
# encoder call on a dict walks it in Python (a full pull makes 100,000 of them).
_quote: Callable[[str], str] = json.encoder.encode_basestring


def _inner(data: str) -> str | None:
    """The members of the stored JSON object `data`, as text; None when it is not an object as
    `dump` writes it."""
    if not (data[:1] == "{" and data[-1:] == "}"):
        data = data.strip()
        if not (data.startswith("{") and data.endswith("}")):
            return None
    return data[1:-1].strip()


# The columns `upsert_text` takes, in its order (a pull selects just these).
UPSERT_COLUMNS = (records.c.id, records.c.collection, records.c.household_id, records.c.version,
                  records.c.deleted, records.c.updated_at, records.c.updated_by,
                  records.c.device_id, records.c.created_by, records.c.data)


def upsert_text(rid: str, collection: str, household_id: str | None, version: int, deleted: bool,
                updated_at: str, updated_by: str | None, device_id: str | None, created_by: str | None,
                data: str) -> str:
    """The pull's `upsert` entry of a record (the values of `UPSERT_COLUMNS`) as JSON text: the
    stored JSON as stored, the envelope beside it, one string built per record."""
    q = _quote
    qi, qc, v = q(rid), q(collection), int(version)
    # The hot path inline (a call costs as much as the quoting): an object as dump() writes it.
    if data[:1] == "{" and data[-1:] == "}":
        inner: str | None = data[1:-1]
    else:
        inner = _inner(data)
    if inner is None:  # not an object as dump() writes it: the slow way
        rec = {**_loads_object(data), "id": rid, "collection": collection, "version": v,
               "deleted": bool(deleted), "household_id": household_id, "updated_at": updated_at,
               "updated_by": updated_by, "device_id": device_id, "created_by": created_by}
        body = _ENCODER.encode(rec)
    else:
        body = (f'{{{inner}{"," if inner and not inner.isspace() else ""}"id":{qi},"collection":{qc},"version":{v},'
                f'"deleted":{"true" if deleted else "false"},'
                f'"household_id":{"null" if household_id is None else q(household_id)},'
                f'"updated_at":{q(updated_at)},'
                f'"updated_by":{"null" if updated_by is None else q(updated_by)},'
                f'"device_id":{"null" if device_id is None else q(device_id)},'
                f'"created_by":{"null" if created_by is None else q(created_by)}}}')
    return f'{{"op":"upsert","collection":{qc},"id":{qi},"version":{v},"record":{body}}}'


def _loads_object(data: str) -> dict[str, Any]:
    loaded = json.loads(data)
    return loaded if isinstance(loaded, dict) else {}


def upsert_json(row: Any) -> str:
    """The pull's `upsert` entry of a `records` row as JSON text (`upsert_text`)."""
    return upsert_text(row.id, row.collection, row.household_id, row.version, row.deleted,
                       row.updated_at, row.updated_by, row.device_id, row.created_by, row.data)


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

