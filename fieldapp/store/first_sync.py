"""A new laptop's first sync: pulled pages written without the per-row work, the rest built once.

On a store pulling from cursor 0 with no record the server has acknowledged yet, the costs that
`bulk.load` still pays per page (the records' JSON expression indexes, the FTS5 search index, the
due triggers and the due/caseload summaries recomputed for every family a page touches, often
several times as a family's visits arrive in different pages) are paid once, at the end:

- `begin` drops the indexes of the record tables (their JSON expression indexes and the family
  index; the primary keys stay) and the due triggers, and marks the store (`MARK` in meta, with
  the indexes' definitions as the file had them), in the transaction of the first page;
- `write_page` stores a page's records as `Transaction.write_remote` would (this laptop's pending
  fields on top), without the search index;
- `finish` creates the indexes and triggers again from their one definition, indexes every record
  for search (the per-record and the per-family index, with a larger FTS5 term buffer set back
  before COMMIT), rebuilds `due_items` and the caseload summary, and removes the mark, in one
  transaction.

Crash-safety: each page and its cursor commit together, as on the ordinary path; a kill leaves
the mark, and the store finishes the build the next time it opens (`Store.open` calls
`finish_if_marked`), so a store is never used for long with its indexes missing; a sync that fails
half-way (the link dropped) finishes the build before it reports the failure, and the next round
pulls the rest by the ordinary path. What was pulled is never pulled again.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from casework import records as domain
from fieldapp.store import caseload, due, family_search, search
from fieldapp.store import records as record_rows

if TYPE_CHECKING:
    from fieldapp.store.transaction import Transaction

MARK = "first_sync_deferred"  # meta: the indexes set aside (name -> SQL), waiting for `finish`

_CHUNK = 2000  # records indexed for search per executemany at the finish

# While the finish builds, FTS5 keeps up to this many bytes of new terms in memory before it writes
# a segment: with its default (1 MB) the 24,000 records' words went out in ~20 segments, merged
# again, each term's entry allocated afresh per segment (under SQLCipher's memory security every
# allocation is locked and zeroed). Measured on those words alone: 20-35 % less time (load ~7).
_BUILD_HASH_BYTES = 64 * 1024 * 1024
_DEFAULT_HASH_BYTES = 1024 * 1024  # FTS5's FTS5_DEFAULT_HASHSIZE
_FTS = ("search", "search_grams", "family_words", "family_grams")


def _secondary(db: Any) -> dict[str, str]:
    """name -> CREATE INDEX, as the file has them, of the indexes on the record tables."""
    tables = sorted(domain.CASE_COLLECTIONS)
    marks = ", ".join("?" * len(tables))
    return dict(db.execute(f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                           f"AND tbl_name IN ({marks})", tables).fetchall())


def eligible(db: Any) -> bool:
    """Whether a pull from cursor 0 can take the first-sync path: no record of this laptop has
    been acknowledged by the server (a new laptop, or one whose records were never sent)."""
    for collection in domain.CASE_COLLECTIONS:
        record_rows.known(collection)
        if db.execute(f"SELECT 1 FROM [{collection}] WHERE version > 0 LIMIT 1").fetchone():
            return False
    return True


def marked(db: Any) -> bool:
    """Whether a first sync's deferred build is still to do."""
    return record_rows.get_meta(db, MARK) is not None


def begin(db: Any) -> None:
    """Set the indexes and due triggers aside and mark the store (inside the first page's write);
    the mark keeps the indexes' definitions, as the file had them, for `finish`."""
    indexes = _secondary(db)
    for name in sorted(indexes):
        db.execute(f"DROP INDEX [{name}]")
    due.drop_triggers(db, due.present_triggers(db))
    record_rows.set_meta(db, MARK, json.dumps(indexes, sort_keys=True))


def write_page(tx: Transaction, pulled: Sequence[Mapping[str, Any]]) -> None:
    """Store pulled records (each once) as they come: one executemany per collection, no search
    index (`finish` builds it); the mark must be set (`begin`)."""
    rows = tx.remote_rows(pulled)
    by_collection: dict[str, list[tuple[Mapping[str, Any], str | None, str]]] = {}
    for row in rows:
        by_collection.setdefault(row.collection, []).append((row.record, row.household_id, row.data_json))
    for collection, group in by_collection.items():
        record_rows.upsert_remote_many(tx.db, collection, group, tx.now)


def _index_everything(db: Any) -> None:
    for collection in sorted(domain.SEARCHABLE):
        record_rows.known(collection)
        items: list[tuple[str, str, str | None, Mapping[str, Any] | None]] = []
        for rid, household_id, deleted, data in db.execute(
                f"SELECT id, household_id, deleted, data FROM [{collection}] ORDER BY rowid"):
            items.append((collection, rid, household_id, None if deleted else json.loads(data)))
            if len(items) >= _CHUNK:
                search.index_many(db, items)
                items = []
        search.index_many(db, items)


def finish(db: Any) -> None:
    """Build what `begin` set aside, once, and remove the mark (inside one write)."""
    kept = json.loads(record_rows.get_meta(db, MARK) or "{}")
    have = _secondary(db)
    for name, sql in sorted(kept.items()):
        if name not in have:
            db.execute(sql)
    present = due.present_triggers(db)
    due.create_triggers(db, [(n, sql) for n, sql in due.triggers() if n not in present])
    tables = _fts_tables(db)
    _hash_size(db, tables, _BUILD_HASH_BYTES)  # a failure rolls it back with the rest
    _index_everything(db)
    family_search.refresh(db)  # the per-family index too (else at COMMIT), while the larger buffer holds
    _hash_size(db, tables, None)
    due.rebuild(db)
    caseload.rebuild(db)
    record_rows.set_meta(db, MARK, None)


def _fts_tables(db: Any) -> list[str]:
    marks = ", ".join("?" * len(_FTS))
    return [n for (n,) in db.execute(f"SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ({marks}) "
                                     "ORDER BY name", list(_FTS)).fetchall()]


def _hash_size(db: Any, tables: list[str], size: int | None) -> None:
    """Set FTS5's in-memory term buffer of `tables` (None: back to the default, its config row removed,
    so that the file is as a laptop that never changed it)."""
    for table in tables:
        db.execute(f"INSERT INTO [{table}] ([{table}], rank) VALUES ('hashsize', ?)",
                   [size or _DEFAULT_HASH_BYTES])
        if size is None:  # the connections reload the config (the command changed its cookie): no row, default
            db.execute(f"DELETE FROM [{table}_config] WHERE k = 'hashsize'")


def finish_if_marked(tx: Transaction) -> bool:
    """`finish` when a first sync was cut short (a kill, a failure); whether there was one."""
    if not marked(tx.db):
        return False
    finish(tx.db)
    return True
