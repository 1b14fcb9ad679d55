"""The outbox: local changes still to push, in the order they were made.

Each write of a record adds its entry in the same transaction (see
transaction.py), so a crash never leaves one without the other. The device's
sync engine reads the pending entries and settles them here after a push:
an entry the server took leaves the outbox, a rejected one stays, marked,
with the server's reason, until the caseworker sends it again or discards it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from casework.ids import new_id
from fieldapp.store.driver import sqlite_utils

PENDING = "pending"
REJECTED = "rejected"
_COLUMNS = ("seq, change_id, collection, record_id, household_id, base_version, fields, base, "
            "is_delete, created_at, state, error")


@dataclass(frozen=True)
class OutboxEntry:
    seq: int
    change_id: str
    collection: str
    record_id: str
    household_id: str | None
    base_version: int | None
    fields: dict[str, Any]
    base: dict[str, Any]
    is_delete: bool
    created_at: str
    state: str
    error: dict[str, Any] | None


class Sent(Protocol):
    """What settling a pushed change needs of it (an `OutboxEntry` or an `Outgoing`)."""

    @property
    def seq(self) -> int: ...

    @property
    def change_id(self) -> str: ...

    @property
    def collection(self) -> str: ...

    @property
    def record_id(self) -> str: ...


@dataclass(frozen=True)
class Outgoing:
    """A pending change as it goes on the wire: its protocol JSON made from the stored text
    (`fields` and `base` are not decoded and encoded again)."""

    seq: int
    change_id: str
    collection: str
    record_id: str
    wire: str


def dumps(value: Any) -> str:
    """JSON as the store keeps it: compact, keys sorted, Cyrillic unescaped."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _entry(row: tuple[Any, ...]) -> OutboxEntry:
    seq, change_id, collection, record_id, household_id, base_version, fields, base, is_delete, \
        created_at, state, error = row
    return OutboxEntry(seq=seq, change_id=change_id, collection=collection, record_id=record_id,
                       household_id=household_id, base_version=base_version, fields=json.loads(fields),
                       base=json.loads(base), is_delete=bool(is_delete), created_at=created_at,
                       state=state, error=json.loads(error) if error else None)


def add(db: sqlite_utils.Database, now: str, collection: str, record_id: str, household_id: str | None,
        base_version: int | None, fields: Mapping[str, Any], base: Mapping[str, Any],
        is_delete: bool) -> None:
    """Queue one change to push, with a new change id (the server's key for answering it once)."""
    db.execute(
        "INSERT INTO outbox (change_id, collection, record_id, household_id, base_version, "
        "fields, base, is_delete, created_at, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending')",
        [new_id(), collection, record_id, household_id, base_version, dumps(fields), dumps(base),
         int(is_delete), now],
    )


def entries(db: sqlite_utils.Database, state: str | None = PENDING, limit: int | None = None,
            after: int = 0) -> list[OutboxEntry]:
    """Entries in the order they were written; of one state, or all when `state` is None; only
    those after `seq` `after` (a push reads on while the batch before is being settled)."""
    where = ["seq > ?"] + (["state = ?"] if state else [])
    sql = f"SELECT {_COLUMNS} FROM outbox WHERE {' AND '.join(where)} ORDER BY seq"
    args: list[Any] = [after, *([state] if state else [])]
    if limit is not None:
        sql += " LIMIT ?"
        args.append(limit)
    return [_entry(row) for row in db.execute(sql, args).fetchall()]


def outgoing(db: sqlite_utils.Database, limit: int, after: int = 0) -> list[Outgoing]:
    """The pending entries after seq `after`, oldest first, in their wire form (sync.protocol's
    Change.to_json, keys in its order): one pass over the stored JSON, nothing decoded."""
    rows = db.execute(
        "SELECT seq, change_id, collection, record_id, base_version, fields, base, is_delete FROM outbox "
        "WHERE seq > ? AND state = 'pending' ORDER BY seq LIMIT ?", [after, limit]).fetchall()
    out = []
    for seq, change_id, collection, record_id, base_version, fields, base, is_delete in rows:
        wire = (f'{{"change_id":{json.dumps(change_id)},"collection":{json.dumps(collection)},'
                f'"id":{json.dumps(record_id)},"base_version":{json.dumps(base_version)},'
                f'"fields":{fields},"base":{base},"delete":{"true" if is_delete else "false"}}}')
        out.append(Outgoing(seq, change_id, collection, record_id, wire))
    return out


def entry(db: sqlite_utils.Database, seq: int, state: str) -> OutboxEntry | None:
    """The entry `seq` if it is in `state`."""
    row = db.execute(f"SELECT {_COLUMNS} FROM outbox WHERE seq = ? AND state = ?", [seq, state]).fetchone()
    return _entry(row) if row else None


def pending_fields(db: sqlite_utils.Database, collection: str, record_id: str) -> list[dict[str, Any]]:
    """The fields of the record's pending changes, oldest first (what stays on top of a pull)."""
    rows = db.execute(
        "SELECT fields FROM outbox WHERE collection = ? AND record_id = ? AND state = 'pending' ORDER BY seq",
        [collection, record_id],
    ).fetchall()
    return [json.loads(fields) for (fields,) in rows]


def pending_fields_many(db: sqlite_utils.Database,
                        keys: list[tuple[str, str]]) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """`pending_fields` of many records: (collection, id) -> their pending fields, oldest first;
    records with none are left out (and a laptop with nothing to push asks nothing more)."""
    if not keys or db.execute("SELECT 1 FROM outbox WHERE state = 'pending' LIMIT 1").fetchone() is None:
        return {}
    wanted = set(keys)
    ids = sorted({rid for _c, rid in wanted})
    out: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for start in range(0, len(ids), 400):
        chunk = ids[start:start + 400]
        rows = db.execute(
            "SELECT seq, collection, record_id, fields FROM outbox WHERE state = 'pending' "
            f"AND record_id IN ({', '.join('?' * len(chunk))})", chunk).fetchall()
        for _seq, collection, record_id, fields in sorted(rows):
            if (collection, record_id) in wanted:
                out.setdefault((collection, record_id), []).append(json.loads(fields))
    return out


def remove_many(db: sqlite_utils.Database, seqs: list[int]) -> None:
    """Drop many entries (pushed and taken): one DELETE per 400 entries."""
    for start in range(0, len(seqs), 400):
        chunk = seqs[start:start + 400]
        db.execute(f"DELETE FROM outbox WHERE seq IN ({', '.join('?' * len(chunk))})", chunk)


def has_pending(db: sqlite_utils.Database, collection: str, record_id: str) -> bool:
    """Whether a change still to push touches the record (for a household: anything in it)."""
    column = "household_id" if collection == "households" else "record_id"
    row = db.execute(f"SELECT 1 FROM outbox WHERE {column} = ? AND state = 'pending' LIMIT 1",
                     [record_id]).fetchone()
    return row is not None


def count(db: sqlite_utils.Database, state: str = PENDING) -> int:
    return int(db.execute("SELECT count(*) FROM outbox WHERE state = ?", [state]).fetchone()[0])


def remove(db: sqlite_utils.Database, seq: int, state: str | None = None) -> None:
    """Drop an entry (pushed and taken, or discarded); only in `state` when one is given."""
    if state is None:
        db.execute("DELETE FROM outbox WHERE seq = ?", [seq])
    else:
        db.execute("DELETE FROM outbox WHERE seq = ? AND state = ?", [seq, state])


def mark_rejected(db: sqlite_utils.Database, seq: int, error: Mapping[str, Any]) -> None:
    """Keep a change the server refused, with its reason (stable `code`, `detail`)."""
    db.execute("UPDATE outbox SET state = 'rejected', error = ? WHERE seq = ?",
               [json.dumps(dict(error), ensure_ascii=False), seq])
