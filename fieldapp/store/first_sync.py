"""A new laptop's first sync: pulled pages written without the per-row work, the rest built once.

On a store pulling from cursor 0 with no record the server has acknowledged yet, the costs that
`bulk.load` still pays per page (the records' JSON expression indexes, the FTS5 search indexes, the
due triggers and the due/caseload summaries recomputed for every family a page touches, often
several times as a family's visits arrive in different pages) are paid once, after the last page:

- `begin` drops the indexes of the record tables (their JSON expression indexes and the family
  index; the primary keys stay) and the due triggers, and marks the store (`MARK` in meta, with
  the indexes' definitions as the file had them), in the transaction of the first page;
- `write_page` stores a page's records as `Transaction.write_remote` would (this laptop's pending
  fields on top), without the search index;
- `finish`, in one transaction when the last page is in, gives what the caseworker must have when
  the sync says done: the indexes and triggers again from their one definition, `due_items` (Today,
  this week) and the caseload summary (the caseload's families and columns) rebuilt; it removes
  the mark and leaves another, `BUILD`, for what can come after;
- `build_step`, one short transaction at a time, in the background (the sync controller, after the
  round; a headless sync before it returns), builds the search indexes: the per-record word and
  trigram index (`search.index_many` over the records in rowid order, `BUILD_RECORDS` a step),
  then the per-family index of the caseload's search (`BUILD_FAMILIES` families a step). `BUILD`
  says where the next step begins, and is removed by the last.

Until the last step, a search finds what is indexed so far (`building` says so: the caseload says
its search is still being prepared). A write meanwhile indexes its own records as always; a step
that reaches a record indexed as it is leaves it alone (`index_many`), so the two never disagree.

Crash-safety: each page and its cursor commit together, as on the ordinary path; a kill before
`finish` leaves `MARK`, and the store finishes it the next time it opens (`Store.open` calls
`finish_if_marked`), so a store is never used with its indexes or summaries missing; a kill during
the search build leaves `BUILD` where the last committed step left it, and the next start (or the
next sync) goes on from there. A sync that fails half-way (the link dropped) runs `finish` before
it reports the failure, and the next round pulls the rest by the ordinary path. What was pulled is
never pulled again.
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
BUILD = "first_sync_search"  # meta: where the search build's next step begins (JSON), until it is done

BUILD_RECORDS = 2000  # records indexed for search per step
BUILD_FAMILIES = 800  # families' search rows per step


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


def finish(db: Any) -> None:
    """What the caseworker must have when the sync says done, once, and the mark removed (inside one
    write): the indexes and due triggers again, what is due and the caseload summary. The search
    indexes are left to `build_step` (`BUILD`)."""
    kept = json.loads(record_rows.get_meta(db, MARK) or "{}")
    have = _secondary(db)
    for name, sql in sorted(kept.items()):
        if name not in have:
            db.execute(sql)
    present = due.present_triggers(db)
    due.create_triggers(db, [(n, sql) for n, sql in due.triggers() if n not in present])
    due.rebuild(db)
    caseload.rebuild(db)
    record_rows.set_meta(db, MARK, None)
    record_rows.set_meta(db, BUILD, json.dumps({"records": sorted(domain.SEARCHABLE)[0], "after": 0}))


def finish_if_marked(tx: Transaction) -> bool:
    """`finish` when a first sync was cut short (a kill, a failure); whether there was one."""
    if not marked(tx.db):
        return False
    finish(tx.db)
    return True


def building(db: Any) -> bool:
    """Whether the search indexes of a first sync are still being built (a search finds part)."""
    return record_rows.get_meta(db, BUILD) is not None


def build_step(db: Any, *, records: int = BUILD_RECORDS, families: int = BUILD_FAMILIES) -> bool:
    """One step of the search build (inside one write); whether steps are left after it.

    First the per-record index, collection after collection, `records` records at a time in rowid
    order; then the per-family index, `families` households at a time in id order."""
    found = record_rows.get_meta(db, BUILD)
    if found is None:
        return False
    state = json.loads(found)
    if "records" in state:
        state = _index_records(db, str(state["records"]), int(state["after"]), records)
    else:
        state = _index_families(db, str(state["families"]), families)
    record_rows.set_meta(db, BUILD, None if state is None else json.dumps(state))
    return state is not None


def _index_records(db: Any, collection: str, after: int, size: int) -> dict[str, Any]:
    record_rows.known(collection)
    rows = db.execute(f"SELECT rowid, id, household_id, deleted, data FROM [{collection}] WHERE rowid > ? "
                      "ORDER BY rowid LIMIT ?", [after, size]).fetchall()
    search.index_many(db, [(collection, rid, household_id, None if deleted else json.loads(data))
                           for _rowid, rid, household_id, deleted, data in rows])
    # The families are built once each, after every record (`_index_families`), not at this COMMIT;
    # the table held nothing when the step began (every write's COMMIT empties it).
    db.execute("DELETE FROM family_dirty")
    if len(rows) == size:
        return {"records": collection, "after": rows[-1][0]}
    later = [c for c in sorted(domain.SEARCHABLE) if c > collection]
    return {"records": later[0], "after": 0} if later else {"families": ""}


def _index_families(db: Any, after: str, size: int) -> dict[str, Any] | None:
    ids = [hid for (hid,) in db.execute(
        "SELECT DISTINCT household_id FROM search_docs WHERE household_id > ? ORDER BY household_id LIMIT ?",
        [after, size]).fetchall()]
    family_search.replace(db, ids)
    return {"families": ids[-1]} if len(ids) == size else None


