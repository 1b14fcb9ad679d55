"""The full-text search of names, addresses and notes (FTS5, inside the encrypted file).

Two indexes over the same rows (`search_docs` maps a row to its record, so that
re-indexing deletes by rowid instead of scanning):

- `search` (unicode61, prefix indexes): words starting as typed; answers the
  one- and two-letter words a trigram cannot.
- `search_grams` (trigram): a word of three letters or more anywhere inside a
  word ("повал" finds Шаповал), with the Ukrainian ending of the typed word
  dropped ("ліки" finds "ліками"); its `latin` column holds the names in the
  official transliteration (casework.translit), so "shapoval" finds Шаповал.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from casework import records as domain
from casework.translit import is_cyrillic, latin
from fieldapp.store.driver import sqlite_utils

_APOSTROPHES = re.compile(r"[\u02bc\u2019\u2018'`\u00b4]")
_WORD = re.compile(r"\w+")
GRAM = 3  # the trigram index finds words of at least this many letters

# Fields written in Latin too: names, which people also see and type in passport spelling.
NAME_FIELDS: dict[str, tuple[str, ...]] = {
    "households": ("family_name",),
    "persons": ("surname", "given_name", "patronymic"),
    "referrals": ("contact_person",),
}

# Case and number endings of Ukrainian nouns, adjectives and names, longest first. The typed
# word loses one, so that its other forms match too (ліки → лік: ліками, ліків).
_ENDINGS = tuple(sorted(
    ("ями", "ами", "ові", "еві", "єві", "ого", "ому", "ими", "іми", "ією", "ах", "ях", "ою", "ею",
     "єю", "ам", "ям", "ом", "ем", "єм", "ів", "їв", "ий", "ій", "их", "им", "ої", "ей", "а", "я",
     "о", "е", "и", "і", "у", "ю", "ї", "є"),
    key=len, reverse=True))


@dataclass(frozen=True)
class SearchHit:
    collection: str
    record_id: str
    household_id: str | None


def search_text(text: str) -> str:
    """Text as the search index keeps it: apostrophes dropped (Мар'яна, Марʼяна and Маряна match)."""
    return _APOSTROPHES.sub("", text)


def stem(word: str) -> str:
    """A typed Cyrillic word without its case ending, never shorter than three letters."""
    low = word.lower()
    if not is_cyrillic(low) or len(low) <= GRAM:
        return low
    for ending in _ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= GRAM:
            return low[: -len(ending)]
    return low


def query_words(text: str) -> list[str]:
    """The words of a typed query as they are matched (apostrophes dropped, endings dropped)."""
    return [stem(w) for w in _WORD.findall(search_text(text))]


def fts_query(text: str) -> str | None:
    """An FTS5 query for the `search` index in which every typed word is a prefix; None when nothing to search."""
    words = _WORD.findall(search_text(text))
    return " ".join(f'"{w}"*' for w in words) if words else None


@dataclass(frozen=True)
class Match:
    """SQL that keeps the rowids of `search_docs` matching a typed query: `rowid IN (sql)` with `args`."""

    sql: str
    args: list[str]


def match(text: str) -> Match | None:
    """The rowids matching every word typed (inside words, any ending, Latin names); None: nothing typed."""
    words = query_words(text)
    if not words:
        return None
    long = [w for w in words if len(w) >= GRAM]
    short = [w for w in words if len(w) < GRAM]
    parts: list[str] = []
    args: list[str] = []
    if long:
        parts.append("SELECT rowid FROM search_grams WHERE search_grams MATCH ?")
        args.append(" ".join(f'"{w}"' for w in long))
    if short:
        parts.append("SELECT rowid FROM search WHERE search MATCH ?")
        args.append(" ".join(f'"{w}"*' for w in short))
    return Match(" INTERSECT ".join(parts), args)


def marks(shown: str, text: str) -> list[tuple[int, int]]:
    """Where in `shown` the words of the query `text` match: (start, end) of each whole word, in order."""
    words = query_words(text)
    if not words:
        return []
    found: list[tuple[int, int]] = []
    for m in _WORD.finditer(shown):
        word = search_text(m.group(0)).lower()
        as_latin = latin(word)
        for w in words:
            if (len(w) < GRAM and (word.startswith(w) or as_latin.startswith(w))) or (
                    len(w) >= GRAM and (w in word or w in as_latin)):
                found.append((m.start(), m.end()))
                break
    return found


@dataclass(frozen=True)
class Found:
    """Why a household matched a search: which of its records, and that record's indexed text."""

    collection: str
    body: str


# Which match explains a family best: its own names, then its people's, then the rest.
_EXPLAINS = {"households": 0, "persons": 1}


def found_in(db: sqlite_utils.Database, household_ids: list[str], text: str) -> dict[str, Found]:
    """The record of each household that matches `text` (the family's, a person's, else the newest)."""
    found = match(text)
    if found is None or not household_ids:
        return {}
    marks_ = ",".join("?" * len(household_ids))
    rows = db.execute(
        f"SELECT d.household_id, d.collection, s.body FROM search_docs d JOIN search s ON s.rowid = d.rowid "
        f"WHERE d.household_id IN ({marks_}) AND d.rowid IN ({found.sql}) ORDER BY d.rowid DESC",
        [*household_ids, *found.args]).fetchall()
    best: dict[str, tuple[int, Found]] = {}
    for hid, collection, body in rows:
        rank = _EXPLAINS.get(collection, 2)
        if hid not in best or rank < best[hid][0]:
            best[hid] = (rank, Found(collection, body))
    return {hid: f for hid, (_rank, f) in best.items()}


def snippet(body: str, text: str, width: int = 70) -> str:
    """A piece of `body` around the first word the query `text` matches, at most about `width` letters."""
    spans = marks(body, text)
    if not spans or len(body) <= width:
        return body
    start = max(0, spans[0][0] - width // 3)
    if start:
        start = body.rfind(" ", 0, start) + 1  # begin at a word
    end = min(len(body), start + width)
    if end < len(body):
        end = max(body.rfind(" ", start, end), spans[0][1])
    return ("…" if start else "") + body[start:end] + ("…" if end < len(body) else "")


def _bodies(collection: str, data: Mapping[str, Any]) -> tuple[str, str]:
    names = domain.SEARCHABLE.get(collection, ())
    body = search_text(" ".join(str(data[n]) for n in names if data.get(n)))
    latin_names = latin(search_text(" ".join(str(data[n]) for n in NAME_FIELDS.get(collection, ()) if data.get(n))))
    return body, latin_names


def _has_grams(db: sqlite_utils.Database) -> bool:
    # A profile still at an older schema (written before its migration) has only the word index.
    return db.execute("SELECT 1 FROM sqlite_master WHERE name = 'search_grams'").fetchone() is not None


def index(db: sqlite_utils.Database, collection: str, record_id: str, household_id: str | None,
          data: Mapping[str, Any]) -> None:
    """(Re-)index a record's searchable fields; a record with none leaves the index."""
    if not domain.SEARCHABLE.get(collection):
        return
    body, latin_names = _bodies(collection, data)
    unindex(db, collection, record_id)
    if not body.strip():
        return
    cur = db.execute(
        "INSERT INTO search_docs (collection, record_id, household_id) VALUES (?, ?, ?)",
        [collection, record_id, household_id],
    )
    db.execute("INSERT INTO search (rowid, body) VALUES (?, ?)", [cur.lastrowid, body])
    if _has_grams(db):
        db.execute("INSERT INTO search_grams (rowid, body, latin) VALUES (?, ?, ?)",
                   [cur.lastrowid, body, latin_names])


def unindex(db: sqlite_utils.Database, collection: str, record_id: str) -> None:
    """Drop a record from the index (a no-op when it is not there)."""
    row = db.execute(
        "SELECT rowid FROM search_docs WHERE collection = ? AND record_id = ?", [collection, record_id]
    ).fetchone()
    if row:
        db.execute("DELETE FROM search WHERE rowid = ?", [row[0]])
        if _has_grams(db):
            db.execute("DELETE FROM search_grams WHERE rowid = ?", [row[0]])
        db.execute("DELETE FROM search_docs WHERE rowid = ?", [row[0]])


def create_grams(db: sqlite_utils.Database) -> None:
    """Create the trigram index and fill it from the word index (a schema migration's step)."""
    db.execute("CREATE VIRTUAL TABLE search_grams USING fts5(body, latin, tokenize = 'trigram')")
    db.execute("INSERT INTO search_grams (rowid, body, latin) SELECT rowid, body, '' FROM search")
    # Names in Latin: re-read from the records, whose tables of schema 1 hold them.
    for collection, names in (("households", ("family_name",)),
                              ("persons", ("surname", "given_name", "patronymic")),
                              ("referrals", ("contact_person",))):
        paths = ", ".join(f"json_extract(r.data, '$.{n}')" for n in names)
        rows = db.execute(
            f"SELECT d.rowid, {paths} FROM search_docs d JOIN [{collection}] r ON r.id = d.record_id "
            "WHERE d.collection = ?", [collection]).fetchall()
        for rowid, *values in rows:
            text = latin(search_text(" ".join(str(v) for v in values if v)))
            if text:
                db.execute("UPDATE search_grams SET latin = ? WHERE rowid = ?", [text, rowid])


def search(db: sqlite_utils.Database, text: str, limit: int) -> list[SearchHit]:
    """Records whose names, address or notes contain every word as typed (inside words, any ending,
    names in Latin too), latest changed first.

    Recency, not relevance: ranking by bm25 must score every match, which
    took ~250 ms for a common prefix over 100,000 visits; walking the index
    backwards stops after `limit` rows (benchmarks/bench_store.py).
    """
    words = query_words(text)
    if not words:
        return []
    long = [w for w in words if len(w) >= GRAM]
    short = [w for w in words if len(w) < GRAM]
    # Walk one FTS table backwards by rowid so that the query stops after `limit` rows.
    table, query = ("search_grams", " ".join(f'"{w}"' for w in long)) if long else \
        ("search", " ".join(f'"{w}"*' for w in short))
    sql = (f"SELECT d.collection, d.record_id, d.household_id FROM {table} "
           f"JOIN search_docs d ON d.rowid = {table}.rowid WHERE {table} MATCH ?")
    args: list[Any] = [query]
    if long and short:
        sql += " AND search_grams.rowid IN (SELECT rowid FROM search WHERE search MATCH ?)"
        args.append(" ".join(f'"{w}"*' for w in short))
    rows = db.execute(f"{sql} ORDER BY {table}.rowid DESC LIMIT ?", [*args, limit]).fetchall()
    return [SearchHit(*row) for row in rows]
