"""The local schema and its versioned migrations.

The schema version is SQLite's `user_version`. `MIGRATIONS[i]` takes a
database from version i to i+1 inside one transaction. The store backs the
file up before migrating an existing profile and refuses a file whose version
is newer than `SCHEMA_VERSION` (see database.py).

Records are kept one table per collection: the envelope of the sync protocol
in columns, the record's own fields as JSON in `data`. `outbox` holds the
local changes still to push; `meta` holds small settings of the profile
(device id, case-number counters, the pull cursor); `search` is an FTS5 index
of names, addresses and notes, inside the encrypted file like everything else.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from casework.recode import recode
from fieldapp.store.driver import sqlite_utils
from fieldapp.store.search import create_grams

# The collections of schema 1, written out: a migration must not change when the list grows.
_V1_COLLECTIONS = ("households", "persons", "visits", "assessments", "plans", "referrals",
                   "consents", "reviews", "protected", "conflicts")


def _record_table(db: sqlite_utils.Database, name: str) -> None:
    """A table of one collection: the protocol's envelope in columns, the own fields as JSON."""
    db.table(name).create(
        {
            "id": str,
            "household_id": str,
            "version": int,  # set by the server; 0 until the server acknowledged it
            "deleted": int,
            "schema": int,
            "updated_at": str,
            "updated_by": str,
            "device_id": str,
            "data": str,  # JSON: the record's own fields
            "local_updated_at": str,
            "created_by": str,  # the server's: who wrote the record (schema 10; None when made here)
        },
        pk="id",
        not_null={"version", "deleted", "data"},
        defaults={"version": 0, "deleted": 0},
    )
    db.table(name).create_index(["household_id"], index_name=f"idx_{name}_household")


def _v1_initial(db: sqlite_utils.Database) -> None:
    for name in _V1_COLLECTIONS:
        _record_table(db, name)
    # Raw SQL: AUTOINCREMENT, so that a seq is never reused after the outbox empties.
    db.execute(
        """CREATE TABLE outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            change_id TEXT NOT NULL UNIQUE,
            collection TEXT NOT NULL,
            record_id TEXT NOT NULL,
            household_id TEXT,
            base_version INTEGER,
            fields TEXT NOT NULL,
            base TEXT NOT NULL,
            is_delete INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'pending',
            error TEXT
        )"""
    )
    db.table("outbox").create_index(["collection", "record_id"], index_name="idx_outbox_record")
    db.table("meta").create({"key": str, "value": str}, pk="key")
    # Full-text search: `search_docs` maps an FTS row to its record, so that
    # re-indexing a record deletes by rowid instead of scanning the index.
    db.execute(
        """CREATE TABLE search_docs (
            rowid INTEGER PRIMARY KEY,
            collection TEXT NOT NULL,
            record_id TEXT NOT NULL,
            household_id TEXT,
            UNIQUE (collection, record_id)
        )"""
    )
    # prefix indexes: a search as you type is a prefix query on every keystroke.
    db.execute(
        "CREATE VIRTUAL TABLE search USING fts5(body, tokenize = 'unicode61 remove_diacritics 2', "
        "prefix = '2 3 4')"
    )

def _v2_drafts(db: sqlite_utils.Database) -> None:
    # Drafts of forms being typed: saved every few seconds, never synced,
    # offered back after a crash. One per (kind, record), kept until saved.
    db.table("drafts").create(
        {
            "id": str,
            "kind": str,  # the form, e.g. "home_visit"
            "record_collection": str,
            "record_id": str,  # the record being edited; NULL for a new one
            "household_id": str,
            "data": str,  # JSON of the form's values
            "updated_at": str,
        },
        pk="id",
        not_null={"kind", "data", "updated_at"},
    )
    db.table("drafts").create_index(["household_id"], index_name="idx_drafts_household")
    # Pending changes are read in order per state on every sync round.
    db.table("outbox").create_index(["state", "seq"], index_name="idx_outbox_state")


def _v3_reference(db: sqlite_utils.Database) -> None:
    # Form definitions and reference data the server sends (read-only on devices),
    # so that an organisation can change a form without a new installer.
    db.table("reference").create(
        {"collection": str, "id": str, "version": int, "deleted": int, "data": str},
        pk=("collection", "id"),
        not_null={"version", "deleted", "data"},
        defaults={"deleted": 0},
    )


def _v4_case_cycle(db: sqlite_utils.Database) -> None:
    # The case cycle's own records (docs/case-model.md): plan actions' status history and
    # services delivered, which were lines inside a visit.
    for name in ("action_updates", "service_events"):
        _record_table(db, name)
    _v4_recode(db)


# The collections whose stored fields schema 4 recodes (casework.recode), written out.
_V4_RECODED = ("visits", "assessments", "plans", "referrals", "persons")


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)  # as the store keeps JSON


def _v4_recode(db: sqlite_utils.Database) -> None:
    # The services list had guessed codes, subgroup A was a group, old actions had no id: recode
    # the records and the changes still to push the same way the server's revision 0004 does,
    # so that nothing is lost and the base of a pending change agrees with the server's copy.
    for name in _V4_RECODED:
        rows = db.execute(f"SELECT id, data FROM [{name}]").fetchall()
        for rid, data in rows:
            new = recode(name, json.loads(data), rid)
            if new is not None:
                db.execute(f"UPDATE [{name}] SET data = ? WHERE id = ?", [_dumps(new), rid])
    placeholders = ", ".join("?" for _ in _V4_RECODED)
    entries = db.execute(f"SELECT seq, collection, record_id, fields, base FROM outbox "
                         f"WHERE collection IN ({placeholders})", list(_V4_RECODED)).fetchall()
    for seq, collection, rid, fields, base in entries:
        new_fields = recode(collection, json.loads(fields), rid)
        new_base = recode(collection, json.loads(base), rid)
        if new_fields is not None or new_base is not None:
            db.execute("UPDATE outbox SET fields = ?, base = ? WHERE seq = ?",
                       [_dumps(new_fields) if new_fields is not None else fields,
                        _dumps(new_base) if new_base is not None else base, seq])


def _v5_print_log(db: sqlite_utils.Database) -> None:
    # Every paper printed or saved as PDF: what, when, by whom, where to (a printer or a file),
    # never the content (fieldapp/store/prints.py). Kept in the encrypted file, not synced.
    db.table("print_log").create(
        {"id": int, "printed_at": str, "user": str, "what": str, "collection": str, "record_id": str,
         "household_id": str, "papers": int, "pages": int, "target": str},
        pk="id", not_null={"printed_at", "what", "target"},
    )
    db.table("print_log").create_index(["household_id"], index_name="idx_print_log_household")


def _v6_attachments(db: sqlite_utils.Database) -> None:
    # Attachments (issue 16): the metadata is a record like any other; the content lives in this
    # encrypted file too, cut in chunks (never a file of its own, never a temporary file).
    _record_table(db, "attachments")
    db.execute("""CREATE TABLE attachment_blobs (
        sha256 TEXT PRIMARY KEY,
        size INTEGER NOT NULL,
        media_type TEXT NOT NULL,
        chunks INTEGER NOT NULL,
        state TEXT NOT NULL,
        created_at TEXT NOT NULL
    )""")
    db.execute("""CREATE TABLE attachment_chunks (
        sha256 TEXT NOT NULL,
        n INTEGER NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (sha256, n)
    )""")
    # Orphan and upload checks look attachments up by their content.
    db.execute("CREATE INDEX idx_attachments_sha ON attachments (json_extract(data, '$.sha256'))")


def _v7_search_inside_words(db: sqlite_utils.Database) -> None:
    # A trigram index beside the word index: words found from inside ("повал" in Шаповал)
    # and names in Latin (fieldapp/store/search.py).
    create_grams(db)


# The collections whose records decide what is due (fieldapp/store/due.py), written out.
_V8_DUE_SOURCES = ("households", "persons", "visits", "assessments", "plans", "referrals", "action_updates")


def _v8_due_items(db: sqlite_utils.Database) -> None:
    # What is due per household, as casework.deadlines computes it, kept up to date in the
    # transaction of every write (fieldapp/store/due.py): Today reads it with one indexed query.
    db.execute(
        """CREATE TABLE due_items (
            household_id TEXT NOT NULL, kind TEXT NOT NULL, due TEXT NOT NULL,
            record_id TEXT NOT NULL, action_id TEXT NOT NULL, detail TEXT NOT NULL,
            status TEXT NOT NULL, first INTEGER NOT NULL, case_number TEXT NOT NULL,
            family_name TEXT NOT NULL, settlement TEXT, head TEXT NOT NULL, children TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX idx_due_items_due ON due_items (due)")
    db.execute("CREATE INDEX idx_due_items_household ON due_items (household_id)")
    # The households a transaction's writes touched: triggers note them, the store recomputes
    # them before COMMIT, whatever code wrote the rows (a local save, a pulled page, an eviction).
    db.execute("CREATE TABLE due_dirty (household_id TEXT PRIMARY KEY) WITHOUT ROWID")
    for name in _V8_DUE_SOURCES:
        for event, rows in (("INSERT", ("NEW",)), ("UPDATE", ("OLD", "NEW")), ("DELETE", ("OLD",))):
            # Not OR IGNORE: an outer statement's conflict clause (an upsert's) would override it.
            notes = " ".join(f"INSERT INTO due_dirty SELECT {r}.household_id WHERE {r}.household_id IS NOT NULL "
                             f"AND NOT EXISTS (SELECT 1 FROM due_dirty d WHERE d.household_id = {r}.household_id);"
                             for r in rows)
            db.execute(f"CREATE TRIGGER due_{name}_{event.lower()} AFTER {event} ON [{name}] BEGIN {notes} END")
    # Imported here: they import the store, which imports this module.
    from fieldapp.store import due, queries

    for sql in queries.INDEXES:  # the rebuild reads through them (an action's newest update)
        db.execute(sql)
    due.rebuild(db)


def _v9_safety_records(db: sqlite_utils.Database) -> None:
    # Child safety (issue 14, casework/safety.py): the safety assessment, the statutory notices, and
    # the two protected records (risk of domestic violence, violence incident data).
    for name in ("safety_assessments", "safety_notices", "dv_risk_assessments", "violence_incidents"):
        _record_table(db, name)


def _v10_record_authors(db: sqlite_utils.Database) -> None:
    # Who wrote each record (the server's `created_by`): another specialist's visit, assessment or
    # plan opens for reading (casework.records.may_change). Every record table gets the column;
    # records pulled before it carry none, so an enrolled laptop pulls its scope again from 0
    # (fieldapp.sync.engine.RESYNC_KEY), which also fills it in.
    for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        columns = {row[1] for row in db.execute(f"PRAGMA table_info([{name}])").fetchall()}
        if {"updated_by", "device_id", "data"} <= columns and "created_by" not in columns:
            db.execute(f"ALTER TABLE [{name}] ADD COLUMN created_by TEXT")
    if int(records_meta(db, "cursor") or 0) > 0:
        db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('resync_from_zero', '1')")


def records_meta(db: sqlite_utils.Database, key: str) -> str | None:
    row = db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return None if row is None else str(row[0])


def _v11_caseload_summary(db: sqlite_utils.Database) -> None:
    # What each caseload row shows, kept per family like due_items (fieldapp/store/caseload.py): a
    # keystroke read 60 families' derived columns through correlated sub-queries, ~1 ms each.
    from fieldapp.store import caseload

    caseload.create(db)
    # The search's "found in" hint looks a page of families' documents up by household.
    db.execute("CREATE INDEX IF NOT EXISTS idx_search_docs_household ON search_docs (household_id)")
    caseload.rebuild(db)


def _v12_due_triggers_ignore_bookkeeping(db: sqlite_utils.Database) -> None:
    # The due triggers of schema 8 fired on every update, an acknowledgement's version too: under
    # SQLCipher's memory security each firing cost about a millisecond (issue 19). Recreated from
    # due.triggers(), the definition the bulk path uses too: they fire on a change that matters.
    from fieldapp.store import due  # late: due imports the store's modules, which import this one

    due.drop_triggers(db, due.present_triggers(db))
    due.create_triggers(db)


def _v13_family_search(db: sqlite_utils.Database) -> None:
    # One search document per family (fieldapp/store/family_search.py): a keystroke's two-letter
    # prefix matched ~29,000 record rows at 10,000 families, ~140 ms to turn into families.
    from fieldapp.store import family_search

    family_search.create(db)
    family_search.rebuild(db)


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _v1_initial, _v2_drafts, _v3_reference, _v4_case_cycle, _v5_print_log, _v6_attachments,
    _v7_search_inside_words, _v8_due_items, _v9_safety_records, _v10_record_authors,
    _v11_caseload_summary, _v12_due_triggers_ignore_bookkeeping, _v13_family_search]
SCHEMA_VERSION = len(MIGRATIONS)
