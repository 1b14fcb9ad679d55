"""Loading many records at once (a demo profile, a benchmark's 10,000 families), in bulk.

`load(tx, records)` stores records as a server would send them (`Transaction.apply_remote_many`:
no outbox entry, this laptop's pending fields kept on top), with two costs taken once per call
instead of once per row:

- The triggers that note each written household in `due_dirty` (schema `_v8_due_items`) cost
  about as much as the row itself. They are dropped for the call and created again, from their
  own stored definitions, in the same transaction; every household the records belong to, before
  and after the write, is noted in `due_dirty` instead. The store's `due.refresh_dirty` before
  COMMIT then recomputes exactly those households, as it does after any write.
- The search index is written by `apply_remote_many` in one pass per call.

Contract: `records` are pulled-record dicts (`collection`, `id`, envelope and fields), each once;
the call must run inside a store write (`Store.write`), whose transaction makes the dropped
triggers and the records one atomic change: a failure rolls back all of it, triggers included.
Afterwards `due_items` and the search index are what a full recomputation gives
(tests/test_bulk_load.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from fieldapp.store import records as record_rows

if TYPE_CHECKING:
    from fieldapp.store.transaction import Transaction

_CHUNK = 400  # ids per IN (...): under SQLite's smallest limit on bound values


def _households_before(db: Any, pulled: Sequence[Mapping[str, Any]]) -> set[str]:
    """The households the stored versions of `pulled` belong to now (a record may move family)."""
    by_collection: dict[str, list[str]] = {}
    for r in pulled:
        by_collection.setdefault(str(r["collection"]), []).append(str(r["id"]))
    found: set[str] = set()
    for collection, ids in by_collection.items():
        record_rows.known(collection)
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start:start + _CHUNK]
            marks = ", ".join("?" * len(chunk))
            found.update(hid for (hid,) in db.execute(
                f"SELECT household_id FROM [{collection}] WHERE id IN ({marks}) AND household_id IS NOT NULL",
                chunk).fetchall())
    return found


def load(tx: Transaction, pulled: Sequence[Mapping[str, Any]]) -> None:
    """Store `pulled` (records as a server sends them, each once) in bulk: see the module's contract."""
    if not pulled:
        return
    db = tx.db
    households = _households_before(db, pulled)
    households.update(str(r["id"]) if r["collection"] == "households" else str(r["household_id"])
                      for r in pulled if r["collection"] == "households" or r.get("household_id"))
    triggers = db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'due\\_%' ESCAPE '\\'").fetchall()
    for name, _sql in triggers:
        db.execute(f"DROP TRIGGER [{name}]")
    tx.apply_remote_many(pulled)
    for _name, sql in triggers:
        db.execute(sql)
    if triggers:  # a profile without the due table (below its schema) has nothing to note
        db.conn.executemany(
            "INSERT INTO due_dirty (household_id) VALUES (?) ON CONFLICT DO NOTHING",
            [(hid,) for hid in sorted(households)])
