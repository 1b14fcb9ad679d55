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
    if collection not in domain.SEARCHABLE:
        return
    body = body_of(collection, data)
    unindex(db, collection, record_id)
    if not body.strip():
        return
    cur = db.execute(
        "INSERT INTO search_docs (collection, record_id, household_id) VALUES (?, ?, ?)",
        [collection, record_id, household_id],
    )
    db.execute("INSERT INTO search (rowid, body) VALUES (?, ?)", [cur.lastrowid, body])


def body_of(collection: str, data: Mapping[str, Any]) -> str:
    """The text the index keeps for a record (blank when it has nothing searchable)."""
    names = domain.SEARCHABLE.get(collection, ())
    return search_text(" ".join(str(data[n]) for n in names if data.get(n)))


_CHUNK = 400  # ids per IN (...): under SQLite's smallest limit on bound values


def index_many(db: sqlite_utils.Database,
               items: list[tuple[str, str, str | None, Mapping[str, Any] | None]]) -> None:
    """`index` (or `unindex`, for data None) of many records at once: a pulled page.

    A record whose text and family are already indexed as they are is left
    alone (deleting from FTS5 costs milliseconds a row); the others leave the
    index in one statement and come back in one executemany.
    """
    wanted: dict[tuple[str, str], tuple[str | None, str]] = {}
    for collection, record_id, household_id, data in items:
        if collection in domain.SEARCHABLE:
            body = body_of(collection, data) if data is not None else ""
            wanted[(collection, record_id)] = (household_id, body)
    if not wanted:
        return
    old: dict[tuple[str, str], tuple[int, str | None, str]] = {}
    ids = sorted({rid for _c, rid in wanted})
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start:start + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        for rowid, collection, record_id, household_id, body in db.execute(
                "SELECT d.rowid, d.collection, d.record_id, d.household_id, s.body FROM search_docs d "
                f"LEFT JOIN search s ON s.rowid = d.rowid WHERE d.record_id IN ({marks})", chunk):
            old[(collection, record_id)] = (rowid, household_id, body or "")
    gone: list[int] = []
    new: list[tuple[str, str, str | None, str]] = []
    for key, (household_id, body) in wanted.items():
        before = old.get(key)
        if before is not None and (before[1], before[2]) == (household_id, body):
            continue  # indexed as it is
        if before is not None:
            gone.append(before[0])
        if body.strip():
            new.append((*key, household_id, body))
    for start in range(0, len(gone), _CHUNK):
        rowids = gone[start:start + _CHUNK]
        marks = ", ".join("?" * len(rowids))
        db.execute(f"DELETE FROM search WHERE rowid IN ({marks})", rowids)
        db.execute(f"DELETE FROM search_docs WHERE rowid IN ({marks})", rowids)
    if new:
        # Rowids after the highest, as one at a time would get: the index reads newest first.
        top = db.execute("SELECT coalesce(max(rowid), 0) FROM search_docs").fetchone()[0]
        rows = [(top + i + 1, *item) for i, item in enumerate(new)]
        db.conn.executemany("INSERT INTO search_docs (rowid, collection, record_id, household_id) "
                            "VALUES (?, ?, ?, ?)", [r[:4] for r in rows])
        db.conn.executemany("INSERT INTO search (rowid, body) VALUES (?, ?)",
                            [(r[0], r[4]) for r in rows])


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
