"""The caseload's search index: one document per family, so that a keystroke is one indexed query.

The per-record index (fieldapp/store/search.py: `search`, `search_grams`, mapped by `search_docs`)
answers "which records": a two-letter prefix matched ~29,000 record rows at 10,000 families, and
turning them into families cost ~140 ms a keystroke. Here each family has one row in each of:

- `family_words` (unicode61 like `search`, a prefix index for two letters): the text of every
  record of the family that the word index holds, joined;
- `family_grams` (trigram like `search_grams`): its names, addresses and case numbers, and the
  names in Latin, joined.

Joined with a space, which no typed word (`search.query_words`: letters and digits) contains, so a
family matches a word exactly when one of its records does. Both tables are contentless (the text
is already stored once, in `search`), with `contentless_delete` so that a family's row can be
replaced. `family_docs` maps a row to its household.

Kept in the transaction of every write: `search.index`, `unindex` and `index_many` note the
households whose records' text they change (the one a record leaves too) in `family_dirty`, and
the store calls `refresh` before COMMIT (fieldapp/store/database.py), which rebuilds those
families' rows from the per-record index. No trigger: under SQLCipher each firing costs about a
millisecond (fieldapp/store/bulk.py).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

_TOKEN = re.compile(r"[^\W_]+")  # a typed word's tokens as unicode61 cuts them
_CHUNK = 400  # households per statement: under SQLite's smallest limit on bound values

# detail=none: which families have a word, not where in their text (a family's text is all its notes:
# positions were most of what each write stored). It answers one-word prefix queries only (`households_sql`).
WORDS_DEFINITION = "fts5(body, content = '', contentless_delete = 1, detail = none, " \
                   "tokenize = 'unicode61 remove_diacritics 2', prefix = '2')"
GRAMS_DEFINITION = "fts5(body, content = '', contentless_delete = 1, tokenize = 'trigram')"


def create(db: Any) -> None:
    """Create the tables (a schema migration's step; `rebuild` fills them)."""
    # `texts`: the family's records' indexed text, [[collection, text], ...], its own record first, then its
    # people's, then the newest: why a painted family matched is read from one row (`search.found_in`).
    db.execute("CREATE TABLE family_docs (rowid INTEGER PRIMARY KEY, household_id TEXT NOT NULL UNIQUE, "
               "texts TEXT NOT NULL)")
    db.execute("CREATE TABLE family_dirty (household_id TEXT PRIMARY KEY) WITHOUT ROWID")
    db.execute(f"CREATE VIRTUAL TABLE family_words USING {WORDS_DEFINITION}")
    db.execute(f"CREATE VIRTUAL TABLE family_grams USING {GRAMS_DEFINITION}")


def _present(db: Any) -> bool:
    # A profile still below the schema that has the tables (a migration's step, a migration test).
    return db.execute("SELECT 1 FROM sqlite_master WHERE name = 'family_dirty'").fetchone() is not None


def note(db: Any, household_ids: Iterable[str | None]) -> None:
    """Mark these households' rows for `refresh` (their records' indexed text changed)."""
    ids = [(hid,) for hid in set(household_ids) if hid]
    if ids and _present(db):
        db.conn.executemany("INSERT INTO family_dirty (household_id) VALUES (?) ON CONFLICT DO NOTHING", ids)


_RANK = "CASE d.collection WHEN 'households' THEN 0 WHEN 'persons' THEN 1 ELSE 2 END, d.rowid DESC"


def compute(db: Any, household_ids: list[str] | None = None) -> dict[str, tuple[str, str, str]]:
    """Each household's (words, grams, texts) as the per-record index holds it (all households with None)."""
    if household_ids is None:
        scope, args = "d.household_id IS NOT NULL", []
    else:
        scope, args = "d.household_id IN (SELECT value FROM json_each(?))", [json.dumps(household_ids)]
    texts: dict[str, list[tuple[str, str]]] = {}
    for hid, collection, body in db.execute(
            # The FTS tables' own content tables: read as tables, not through the virtual table's cursor
            # (a lookup by rowid each), which was most of a bulk page's refresh.
            "SELECT d.household_id, d.collection, s.c0 FROM search_docs d JOIN search_content s ON s.id = d.rowid "
            f"WHERE {scope} ORDER BY d.household_id, {_RANK}", args):
        texts.setdefault(hid, []).append((collection, body))
    grams = dict(db.execute(
        "SELECT d.household_id, group_concat(g.c0 || ' ' || coalesce(g.c1, ''), ' ') FROM search_docs d "
        f"JOIN search_grams_content g ON g.id = d.rowid WHERE {scope} GROUP BY d.household_id", args).fetchall())
    return {hid: (" ".join(body for _c, body in texts.get(hid, ())), grams.get(hid) or "",
                  json.dumps(texts.get(hid, []), ensure_ascii=False)) for hid in {*texts, *grams}}


def texts(db: Any, household_ids: list[str]) -> dict[str, list[tuple[str, str]]]:
    """Each household's records' indexed text, (collection, text), its own first, its people's, then the newest."""
    rows = db.execute("SELECT household_id, texts FROM family_docs WHERE household_id IN "
                      "(SELECT value FROM json_each(?))", [json.dumps(household_ids)]).fetchall()
    return {hid: [(c, t) for c, t in json.loads(found)] for hid, found in rows}


def stored(db: Any) -> dict[str, str]:
    """Every family's stored `texts`, by household: to compare with `compute`."""
    return dict(db.execute("SELECT household_id, texts FROM family_docs").fetchall())


def replace(db: Any, household_ids: list[str]) -> None:
    """Rebuild these households' rows from the per-record index now (a family without indexed text has none)."""
    scope = json.dumps(household_ids)
    old = dict(db.execute("SELECT household_id, rowid FROM family_docs WHERE household_id IN "
                          "(SELECT value FROM json_each(?))", [scope]).fetchall())
    if old:
        rowids = json.dumps(list(old.values()))
        for table in ("family_words", "family_grams", "family_docs"):
            db.execute(f"DELETE FROM {table} WHERE rowid IN (SELECT value FROM json_each(?))", [rowids])
    docs = compute(db, household_ids)
    if not docs:
        return
    # Above the rows just removed too: a family kept its old rowid, and a new one must not take it.
    top = max([int(db.execute("SELECT coalesce(max(rowid), 0) FROM family_docs").fetchone()[0]), *old.values()])
    rows = [(old.get(hid) or top + n + 1, hid, *texts) for n, (hid, texts) in enumerate(sorted(docs.items()))]
    db.conn.executemany("INSERT INTO family_docs (rowid, household_id, texts) VALUES (?, ?, ?)",
                        [(r[0], r[1], r[4]) for r in rows])
    db.conn.executemany("INSERT INTO family_words (rowid, body) VALUES (?, ?)", [(r[0], r[2]) for r in rows])
    db.conn.executemany("INSERT INTO family_grams (rowid, body) VALUES (?, ?)", [(r[0], r[3]) for r in rows if r[3]])


def refresh(db: Any) -> None:
    """Rebuild the rows of the households noted in `family_dirty` (called by the store before COMMIT)."""
    if not _present(db):
        return
    ids = [hid for (hid,) in db.execute("SELECT household_id FROM family_dirty").fetchall()]
    if not ids:
        return
    for start in range(0, len(ids), _CHUNK):
        replace(db, ids[start:start + _CHUNK])
    db.execute("DELETE FROM family_dirty")


def rebuild(db: Any) -> None:
    """Fill the tables from the per-record index (once, at the migration that makes them)."""
    db.execute("DELETE FROM family_docs")
    db.execute("DELETE FROM family_words")
    db.execute("DELETE FROM family_grams")
    ids = [hid for (hid,) in db.execute("SELECT DISTINCT household_id FROM search_docs "
                                        "WHERE household_id IS NOT NULL ORDER BY household_id")]
    for start in range(0, len(ids), _CHUNK):
        replace(db, ids[start:start + _CHUNK])


def households_sql(word: str, grams_too: bool) -> tuple[str, tuple[str, ...]]:
    """SQL for the rows (`family_docs.rowid`) of the households having the (stemmed) word: at a word's start, or (three letters or more)
    inside a name, address or case number, or a name in Latin."""
    # Each run of letters and digits a prefix of its own, all required: "a_b" is two tokens to the
    # tokenizer, and a phrase of two needs the positions detail=none does not keep.
    tokens = _TOKEN.findall(word) or [word]
    parts = ["SELECT rowid FROM family_words WHERE family_words MATCH ?"]
    args: tuple[str, ...] = (" ".join(f'"{t}"*' for t in tokens),)
    if grams_too:
        parts.append("SELECT rowid FROM family_grams WHERE family_grams MATCH ?")
        args += (f'"{word}"',)
    return " UNION ".join(parts), args


def household_matches_sql(word: str, grams_too: bool) -> tuple[str, tuple[str, ...]]:
    """A condition on a caseload row `h`: its household's row is among those having the word.

    Each family listed probes its own row (one lookup) in the set of matching rows, rather than the
    matching rows being turned into household ids first: a two-letter word matches ~8,000 families of
    10,000, and building their ids cost ~50 ms of a keystroke before the first page's 60 were read."""
    rowids, args = households_sql(word, grams_too)
    return (f"(SELECT f.rowid FROM family_docs f WHERE f.household_id = h.household_id) IN ({rowids})",
            args)


def terms(db: Any, table: str) -> set[tuple[str, str]]:
    """(household, token) of every token `table` (family_words, family_grams) holds: what the index
    answers from, read from its own b-trees (fts5vocab), to compare with a recomputation."""
    vocab = f"temp.vocab_{table}"
    db.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {vocab} USING fts5vocab(main, {table}, 'instance')")
    try:
        return {(hid, term) for hid, term in db.execute(
            f"SELECT f.household_id, v.term FROM {vocab} v JOIN family_docs f ON f.rowid = v.doc").fetchall()}
    finally:
        db.execute(f"DROP TABLE {vocab}")


def computed_terms(db: Any, table: str) -> set[tuple[str, str]]:
    """The same as `terms`, of an index built afresh from `compute` (a temporary table, same tokenizer)."""
    definition = WORDS_DEFINITION if table == "family_words" else GRAMS_DEFINITION
    fresh, vocab = f"temp.fresh_{table}", f"temp.fresh_vocab_{table}"
    db.execute(f"CREATE VIRTUAL TABLE {fresh} USING {definition}")
    db.execute(f"CREATE VIRTUAL TABLE {vocab} USING fts5vocab(temp, fresh_{table}, 'instance')")
    try:
        docs = sorted(compute(db).items())
        column = 0 if table == "family_words" else 1
        db.conn.executemany(f"INSERT INTO {fresh} (rowid, body) VALUES (?, ?)",
                            [(n + 1, texts[column]) for n, (_hid, texts) in enumerate(docs) if texts[column]])
        return {(docs[doc - 1][0], term) for doc, term in db.execute(f"SELECT doc, term FROM {vocab}").fetchall()}
    finally:
        db.execute(f"DROP TABLE {vocab}")
        db.execute(f"DROP TABLE {fresh}")
