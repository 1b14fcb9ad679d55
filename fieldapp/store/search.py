"""The full-text search index of names, addresses and notes (FTS5, inside the encrypted file).

`search_docs` maps an FTS row to its record, so that re-indexing a record
deletes by rowid instead of scanning the index.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from casework import records as domain
from fieldapp.store.driver import sqlite_utils

_APOSTROPHES = re.compile(r"[\u02bc\u2019\u2018'`\u00b4]")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class SearchHit:
    collection: str
    record_id: str
    household_id: str | None


def search_text(text: str) -> str:
    """Text as the search index keeps it: apostrophes dropped (Мар'яна, Марʼяна and Маряна match)."""
    return _APOSTROPHES.sub("", text)


def fts_query(text: str) -> str | None:
    """An FTS5 query in which every word the person typed is a prefix; None when nothing to search."""
    words = _WORD.findall(search_text(text))
    return " ".join(f'"{w}"*' for w in words) if words else None


def index(db: sqlite_utils.Database, collection: str, record_id: str, household_id: str | None,
          data: Mapping[str, Any]) -> None:
    """(Re-)index a record's searchable fields; a record with none leaves the index."""
    names = domain.SEARCHABLE.get(collection)
    if not names:
        return
    body = search_text(" ".join(str(data[n]) for n in names if data.get(n)))
    unindex(db, collection, record_id)
    if not body.strip():
        return
    cur = db.execute(
        "INSERT INTO search_docs (collection, record_id, household_id) VALUES (?, ?, ?)",
        [collection, record_id, household_id],
    )
    db.execute("INSERT INTO search (rowid, body) VALUES (?, ?)", [cur.lastrowid, body])


def unindex(db: sqlite_utils.Database, collection: str, record_id: str) -> None:
    """Drop a record from the index (a no-op when it is not there)."""
    row = db.execute(
        "SELECT rowid FROM search_docs WHERE collection = ? AND record_id = ?", [collection, record_id]
    ).fetchone()
    if row:
        db.execute("DELETE FROM search WHERE rowid = ?", [row[0]])
        db.execute("DELETE FROM search_docs WHERE rowid = ?", [row[0]])


def search(db: sqlite_utils.Database, text: str, limit: int) -> list[SearchHit]:
    """Records whose names, address or notes contain words starting as typed, latest changed first.

    Recency, not relevance: ranking by bm25 must score every match, which
    took ~250 ms for a common prefix over 100,000 visits; walking the index
    backwards stops after `limit` rows (benchmarks/bench_store.py).
    """
    query = fts_query(text)
    if query is None:
        return []
    rows = db.execute(
        "SELECT d.collection, d.record_id, d.household_id FROM search "
        "JOIN search_docs d ON d.rowid = search.rowid "
        "WHERE search MATCH ? ORDER BY search.rowid DESC LIMIT ?",
        [query, limit],
    ).fetchall()
    return [SearchHit(*row) for row in rows]
