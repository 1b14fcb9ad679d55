"""Reading and writing the record tables: one table per collection, the envelope in columns,
the record's own fields as JSON in `data` (see schema.py)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from casework import records as domain
from fieldapp.store.driver import sqlite_utils
from fieldapp.store.outbox import dumps


def known(collection: str) -> None:
    """Refuse a name that is not a collection (they end up in SQL as table names)."""
    if collection not in domain.SCHEMAS:
        raise ValueError(f"unknown collection {collection!r}")


def row_to_record(collection: str, row: Mapping[str, Any]) -> dict[str, Any]:
    """A table row as a record: its own fields with the envelope."""
    record: dict[str, Any] = json.loads(row["data"])
    record.update(
        id=row["id"],
        collection=collection,
        version=row["version"],
        deleted=bool(row["deleted"]),
        household_id=row["household_id"],
        schema=row["schema"],
        updated_at=row["updated_at"],
        updated_by=row["updated_by"],
        device_id=row["device_id"],
        created_by=row.get("created_by"),
    )
    return record


def own_fields(record: Mapping[str, Any]) -> dict[str, Any]:
    """The record's own fields: everything but the envelope (household_id stays for child records)."""
    out = {k: v for k, v in record.items() if k not in domain.ENVELOPE}
    if record.get("collection") != "households" and "household_id" in record:
        out["household_id"] = record["household_id"]
    return out


def get(db: sqlite_utils.Database, collection: str, record_id: str) -> dict[str, Any] | None:
    """The record with its envelope, tombstones included; None when absent."""
    known(collection)
    cur = db.execute(f"SELECT * FROM [{collection}] WHERE id = ?", [record_id])
    row = cur.fetchone()
    if row is None:
        return None
    names = [d[0] for d in cur.description]
    return row_to_record(collection, dict(zip(names, row, strict=True)))


def iterate(db: sqlite_utils.Database, collection: str, *, household_id: str | None,
            include_deleted: bool, limit: int | None) -> Iterator[dict[str, Any]]:
    """Records of a collection, optionally of one household, oldest id first."""
    known(collection)
    where, args = [], []
    if household_id is not None:
        where.append("household_id = ?")
        args.append(household_id)
    if not include_deleted:
        where.append("deleted = 0")
    table = db.table(collection)
    for row in table.rows_where(" AND ".join(where) or None, args, order_by="id", limit=limit):
        yield row_to_record(collection, row)


def count(db: sqlite_utils.Database, collection: str, *, include_deleted: bool) -> int:
    known(collection)
    sql = f"SELECT count(*) FROM [{collection}]" + ("" if include_deleted else " WHERE deleted = 0")
    return int(db.execute(sql).fetchone()[0])


def synced_ids(db: sqlite_utils.Database, collection: str) -> list[str]:
    """Ids of the records the server has acknowledged (version > 0)."""
    known(collection)
    return [rid for (rid,) in db.execute(f"SELECT id FROM [{collection}] WHERE version > 0").fetchall()]


def insert_new(db: sqlite_utils.Database, collection: str, record_id: str, household_id: str | None,
               data: Mapping[str, Any], now: str, device_id: str) -> None:
    """A record made on this laptop: version 0 until the server acknowledges it."""
    db.execute(
        f"INSERT INTO [{collection}] (id, household_id, version, deleted, schema, data, "
        "local_updated_at, device_id) VALUES (?, ?, 0, 0, ?, ?, ?, ?)",
        [record_id, household_id, domain.RECORD_SCHEMA, dumps(data), now, device_id],
    )


def set_data(db: sqlite_utils.Database, collection: str, record_id: str, data: Mapping[str, Any],
             now: str) -> None:
    db.execute(f"UPDATE [{collection}] SET data = ?, local_updated_at = ? WHERE id = ?",
               [dumps(data), now, record_id])


def mark_deleted(db: sqlite_utils.Database, collection: str, record_id: str, now: str) -> None:
    db.execute(f"UPDATE [{collection}] SET deleted = 1, local_updated_at = ? WHERE id = ?", [now, record_id])


_UPSERT = (
    "INSERT INTO [{collection}] (id, household_id, version, deleted, schema, updated_at, "
    "updated_by, device_id, data, local_updated_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT(id) DO UPDATE SET household_id = excluded.household_id, "
    "version = excluded.version, deleted = excluded.deleted, schema = excluded.schema, "
    "updated_at = excluded.updated_at, updated_by = excluded.updated_by, "
    "device_id = excluded.device_id, data = excluded.data, "
    "created_by = coalesce(excluded.created_by, created_by)")


def upsert_remote(db: sqlite_utils.Database, collection: str, record: Mapping[str, Any],
                  household_id: str | None, data: Mapping[str, Any], now: str) -> None:
    """Store the server's envelope with `data` (the server's fields under this laptop's pending ones)."""
    db.execute(
        _UPSERT.format(collection=collection),
        [record["id"], household_id, int(record.get("version") or 0), int(bool(record.get("deleted"))),
         record.get("schema") or domain.RECORD_SCHEMA, record.get("updated_at"),
         record.get("updated_by"), record.get("device_id"), dumps(data), now, record.get("created_by")],
    )


def upsert_remote_many(db: sqlite_utils.Database, collection: str,
                       rows: list[tuple[Mapping[str, Any], str | None, str]], now: str) -> None:
    """`upsert_remote` of many records of one collection: (record, household_id, data as JSON) each."""
    known(collection)
    db.conn.executemany(_UPSERT.format(collection=collection), [
        (record["id"], household_id, int(record.get("version") or 0), int(bool(record.get("deleted"))),
         record.get("schema") or domain.RECORD_SCHEMA, record.get("updated_at"),
         record.get("updated_by"), record.get("device_id"), data_json, now, record.get("created_by"))
        for record, household_id, data_json in rows])


def update_envelope_many(db: sqlite_utils.Database, collection: str, rows: list[Mapping[str, Any]]) -> None:
    """Store the server's envelope (version, who and when) of records whose family, deletion and
    fields this laptop already holds as they are: `data` is not rewritten, so neither are the
    indexes on its fields (a first laptop pulling back what it pushed)."""
    known(collection)
    db.conn.executemany(
        f"UPDATE [{collection}] SET version = ?, schema = ?, updated_at = ?, updated_by = ?, device_id = ?, "
        "created_by = coalesce(?, created_by) WHERE id = ?",  # the author too: schema 10's re-pull fills it
        [(int(r.get("version") or 0), r.get("schema") or domain.RECORD_SCHEMA, r.get("updated_at"),
          r.get("updated_by"), r.get("device_id"), r.get("created_by"), r["id"]) for r in rows])


_PAIRS = 400  # (id, version) pairs per statement: 800 bound values, under SQLite's smallest limit


def raise_versions(db: sqlite_utils.Database, collection: str, versions: list[tuple[str, int]]) -> None:
    """`raise_version` of many records of one collection, (id, version) each: one UPDATE per 400
    records, joined to the acknowledged versions as a VALUES table (version only: no trigger fires)."""
    known(collection)
    newest: dict[str, int] = {}
    for rid, version in versions:  # a record changed twice in one batch: its later answer counts
        newest[rid] = max(version, newest.get(rid, version))
    pairs = sorted(newest.items())
    for start in range(0, len(pairs), _PAIRS):
        chunk = pairs[start:start + _PAIRS]
        rows = ", ".join("(?, ?)" for _ in chunk)
        db.execute(f"WITH acked(id, version) AS (VALUES {rows}) "
                   f"UPDATE [{collection}] SET version = acked.version FROM acked "
                   f"WHERE [{collection}].id = acked.id AND [{collection}].version < acked.version",
                   [value for pair in chunk for value in pair])


def raise_version(db: sqlite_utils.Database, collection: str, record_id: str, version: int) -> None:
    """The server acknowledged the record at `version`; never lowers what a pull already brought."""
    known(collection)
    db.execute(f"UPDATE [{collection}] SET version = ? WHERE id = ? AND version < ?",
               [version, record_id, version])


def ids_of_household(db: sqlite_utils.Database, collection: str, household_id: str) -> list[str]:
    return [rid for (rid,) in db.execute(
        f"SELECT id FROM [{collection}] WHERE household_id = ?", [household_id]).fetchall()]


def remove(db: sqlite_utils.Database, collection: str, record_id: str) -> None:
    """Remove the row itself (not a deletion: nothing is pushed)."""
    db.execute(f"DELETE FROM [{collection}] WHERE id = ?", [record_id])


def store_reference(db: sqlite_utils.Database, record: Mapping[str, Any]) -> None:
    """Keep a form definition or a piece of reference data sent by the server."""
    data = {k: v for k, v in record.items() if k not in domain.ENVELOPE}
    db.execute(
        "INSERT INTO reference (collection, id, version, deleted, data) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT(collection, id) DO UPDATE SET version = excluded.version, "
        "deleted = excluded.deleted, data = excluded.data",
        [record["collection"], record["id"], int(record.get("version") or 0),
         int(bool(record.get("deleted"))), dumps(data)],
    )


def reference(db: sqlite_utils.Database, collection: str) -> list[dict[str, Any]]:
    """Form definitions ("forms") or reference data ("reference") sent by the server."""
    rows = db.execute(
        "SELECT id, version, data FROM reference WHERE collection = ? AND deleted = 0 ORDER BY id",
        [collection],
    ).fetchall()
    return [{**json.loads(data), "id": rid, "version": version} for rid, version, data in rows]


def get_meta(db: sqlite_utils.Database, key: str, default: str | None = None) -> str | None:
    row = db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return str(row[0]) if row else default


def set_meta(db: sqlite_utils.Database, key: str, value: str | None) -> None:
    """Set a setting of the profile; None removes it."""
    if value is None:
        db.execute("DELETE FROM meta WHERE key = ?", [key])
    else:
        db.execute("INSERT INTO meta(key, value) VALUES (?, ?) "
                   "ON CONFLICT(key) DO UPDATE SET value = excluded.value", [key, value])


def meta_keys(db: sqlite_utils.Database, prefix: str) -> list[str]:
    """The keys of meta that start with `prefix`."""
    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return [k for (k,) in db.execute("SELECT key FROM meta WHERE key LIKE ? ESCAPE '\\' ORDER BY key",
                                     [escaped + "%"]).fetchall()]
