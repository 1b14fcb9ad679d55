"""Writing many pulled records at once (a pulled page, a demo profile, a benchmark's 10,000 families).

`load(tx, records)` stores records as a server sends them (no outbox entry, this laptop's pending
fields kept on top: `Transaction.remote_rows`), with the costs that were once per row taken once
per call:

- The triggers that note each written household in `due_dirty` (`due.triggers()`) cost, under
  SQLCipher's memory security, about a millisecond a row: more than the row itself. They are
  dropped for the call and created again from that same definition, in the same transaction; the
  households whose due items can change are noted in `due_dirty` instead: those of a new record,
  and those of a record whose family, deletion, fields (or, for a plan, `updated_at`) differ from
  what is stored, before and after the write. A record sent again with only a new version (the
  first laptop pulling back what it pushed) notes nothing, as the triggers' WHEN would not. The
  store's `due.refresh_dirty` before COMMIT then recomputes exactly those households.
- The record rows go in with one executemany per collection, the search index in one pass. A record
  whose family, deletion and fields are stored as they are gets only its new envelope (version, who,
  when): its fields, their indexes and its search text are not written again.

Contract: `records` are pulled-record dicts (`collection`, `id`, envelope and fields), each once;
the call must run inside a store write (`Store.write`), whose transaction makes the dropped
triggers and the records one atomic change: a failure, or a kill, leaves all of it as it was,
triggers included. Afterwards `due_items` and the search index are what a full recomputation
gives (tests/test_bulk_load.py, tests/test_sync_apply_pages.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from fieldapp.store import due
from fieldapp.store import records as record_rows

if TYPE_CHECKING:
    from fieldapp.store.transaction import RemoteRow, Transaction

_CHUNK = 400  # ids per IN (...): under SQLite's smallest limit on bound values

# Below this many records the triggers cost less than dropping and creating them (21 DDL statements
# each way, and every prepared statement of the connection prepared again after a schema change).
BULK_FROM = 20


def _stored(db: Any, rows: Sequence[RemoteRow]) -> dict[tuple[str, str], tuple[Any, ...]]:
    """What is stored now of the records in `rows`: (household_id, deleted, data, updated_at) by key."""
    by_collection: dict[str, list[str]] = {}
    for row in rows:
        by_collection.setdefault(row.collection, []).append(row.id)
    found: dict[tuple[str, str], tuple[Any, ...]] = {}
    for collection, ids in by_collection.items():
        record_rows.known(collection)
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start:start + _CHUNK]
            marks = ", ".join("?" * len(chunk))
            for rid, *stored in db.execute(
                    f"SELECT id, household_id, deleted, data, updated_at FROM [{collection}] WHERE id IN ({marks})",
                    chunk).fetchall():
                found[(collection, rid)] = tuple(stored)
    return found


def _dirty(rows: Sequence[RemoteRow], stored: Mapping[tuple[str, str], tuple[Any, ...]]) -> set[str]:
    """The households whose due items the write of `rows` can change (the triggers' rule, in Python)."""
    dirty: set[str] = set()
    for row in rows:
        if row.collection not in due.SOURCES:
            continue
        before = stored.get((row.collection, row.id))
        new = (row.household_id, row.deleted, row.data_json)
        if before is not None and (before[0], before[1], before[2]) == new and (
                row.collection != "plans" or before[3] == row.record.get("updated_at")):
            continue  # only the version or other bookkeeping: nothing due can change
        if row.household_id:
            dirty.add(row.household_id)
        if before is not None and before[0]:
            dirty.add(before[0])  # the family it leaves
    return dirty


def load(tx: Transaction, pulled: Sequence[Mapping[str, Any]]) -> None:
    """Store `pulled` (records as a server sends them, each once) in bulk: see the module's contract."""
    if not pulled:
        return
    db = tx.db
    rows = tx.remote_rows(pulled)  # before anything is dropped: a record that cannot be written fails here
    stored = _stored(db, rows)
    aside = due.set_aside(db, {row.collection for row in rows})
    same: dict[str, list[Mapping[str, Any]]] = {}  # held as they are: only the envelope is new
    changed = []
    for row in rows:
        before = stored.get((row.collection, row.id))
        if before is not None and (before[0], before[1], before[2]) == (row.household_id, row.deleted, row.data_json):
            same.setdefault(row.collection, []).append(row.record)
        else:
            changed.append(row)
    for collection, envelopes in same.items():
        record_rows.update_envelope_many(db, collection, envelopes)
    tx.write_remote(changed)
    due.create_triggers(db, aside)
    if due.present_triggers(db):  # a profile without the due table (below its schema) has nothing to note
        due.note_dirty(db, _dirty(rows, stored))
