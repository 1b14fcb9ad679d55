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

import functools
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from casework import records as domain
from casework.translit import is_cyrillic, latin
from fieldapp.store import family_search
from fieldapp.store.driver import sqlite_utils

_APOSTROPHES = re.compile(r"[\u02bc\u2019\u2018'`\u00b4]")
_WORD = re.compile(r"\w+")
GRAM = 3  # the trigram index finds words of at least this many letters

# What the trigram index holds: names, addresses, case numbers, agencies (short text people look
# up by a part); notes stay in the word index only, whose size and writing cost they would double.
GRAM_FIELDS: dict[str, tuple[str, ...]] = {
    "households": ("case_number", "family_name", "address"),
    "persons": ("surname", "given_name", "patronymic"),
    "referrals": ("agency", "contact_person"),
}
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
    return list(_query_words(text))


@functools.lru_cache(maxsize=256)
def _query_words(text: str) -> tuple[str, ...]:
    # Cached: `marks` asks for every cell and every candidate record of a screenful, with one query.
    return tuple(stem(w) for w in _WORD.findall(search_text(text)))


@functools.lru_cache(maxsize=65536)
def _latin_text(text: str) -> str:
    # A names record's text in Latin, made once: the same families are explained keystroke after keystroke.
    return latin(text)


def fts_query(text: str) -> str | None:
    """An FTS5 query for the `search` index in which every typed word is a prefix; None when nothing to search."""
    words = _WORD.findall(search_text(text))
    return " ".join(f'"{w}"*' for w in words) if words else None


@dataclass(frozen=True)
class Match:
    """SQL for the rowids of `search_docs` that match each typed word: `rowid IN (sql)` with its args."""

    words: tuple[tuple[str, tuple[str, ...]], ...]

    stems: tuple[str, ...] = ()

    def households(self) -> list[tuple[str, tuple[str, ...]]]:
        """For each word, a condition on a caseload row `h` (and its args): a record of its household matches it.

        From the per-family index (fieldapp/store/family_search.py): a two-letter word matched ~29,000
        records at 10,000 families, at most as many families as there are."""
        return [family_search.household_matches_sql(w, len(w) >= GRAM) for w in self.stems]

    def any_word(self) -> tuple[str, list[str]]:
        """SQL and args for the rowids matching at least one of the words."""
        return " UNION ".join(sql for sql, _ in self.words), [a for _, args in self.words for a in args]


def _word_sql(word: str) -> tuple[str, tuple[str, ...]]:
    # The word index: words starting with the typed word without its ending (ліки: ліками, ліків).
    sql = "SELECT rowid FROM search WHERE search MATCH ?"
    args: tuple[str, ...] = (f'"{word}"*',)
    if len(word) >= GRAM:  # names and addresses: anywhere inside a word, and in Latin
        sql += " UNION SELECT rowid FROM search_grams WHERE search_grams MATCH ?"
        args += (f'"{word}"',)
    return sql, args


def match(text: str) -> Match | None:
    """What each typed word matches (a word's start in any ending; inside names and addresses; names in
    Latin); None when nothing is typed."""
    words = query_words(text)
    unique = tuple(dict.fromkeys(words))
    return Match(tuple(_word_sql(w) for w in unique), unique) if words else None


@functools.lru_cache(maxsize=16384)
def _forms(word: str) -> tuple[str, str]:
    """A shown word as matched: lower case without apostrophes, and in Latin. Cached: every painted
    cell's words were transliterated on every paint (6,134 calls in 13 keystrokes at 10,000 families)."""
    low = search_text(word).lower()
    return low, latin(low)


def marks(shown: str, text: str) -> list[tuple[int, int]]:
    """Where in `shown` the words of the query `text` match: (start, end) of each whole word, in order."""
    words = _query_words(text)
    if not words:
        return []
    found: list[tuple[int, int]] = []
    for m in _WORD.finditer(shown):
        word, as_latin = _forms(m.group(0))
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


def found_in(db: sqlite_utils.Database, household_ids: list[str], text: str) -> dict[str, Found]:
    """The record of each household that matches `text` (the family's, a person's, else the newest).

    Read from each family's one row of texts (fieldapp/store/family_search.py) and matched here as
    `marks` marks the words: looking the families' records up in the index cost ~125 ms a screenful
    for a two-letter prefix (every one of its ~29,000 matches was walked)."""
    words = list(dict.fromkeys(query_words(text)))
    if not words or not household_ids:
        return {}
    in_latin = [w for w in words if not is_cyrillic(w)]  # only these can match a name in Latin
    out: dict[str, Found] = {}
    for hid, texts in family_search.texts(db, household_ids).items():
        for collection, body in texts:
            low = body.lower()
            if not any(w in low for w in words):  # cheap first: no typed word anywhere in it
                if not in_latin or collection not in NAME_FIELDS or not any(
                        w in _latin_text(low) for w in in_latin):
                    continue
            if marks(body, text):
                out[hid] = Found(collection, body)
                break
    return out


def snippet(body: str, text: str, width: int = 70) -> str:
    """A piece of `body` around the first word the query `text` matches, at most about `width` letters."""
    spans = marks(body, text)
    if not spans or len(body) <= width:
        return body
    start = max(0, spans[0][0] - width // 6)  # a short lead-in: the column shows ~35 letters, the word must be in them
    if start:
        start = body.rfind(" ", 0, start) + 1  # begin at a word
    end = min(len(body), start + width)
    if end < len(body):
        end = max(body.rfind(" ", start, end), spans[0][1])
    return ("…" if start else "") + body[start:end] + ("…" if end < len(body) else "")


def _joined(data: Mapping[str, Any], names: tuple[str, ...]) -> str:
    return search_text(" ".join(str(data[n]) for n in names if data.get(n)))


def _bodies(collection: str, data: Mapping[str, Any]) -> tuple[str, str, str]:
    """The word index's text, the trigram index's, and the names in Latin."""
    return (_joined(data, domain.SEARCHABLE.get(collection, ())), _joined(data, GRAM_FIELDS.get(collection, ())),
            latin(_joined(data, NAME_FIELDS.get(collection, ()))))


def _has_grams(db: sqlite_utils.Database) -> bool:
    # A profile still at an older schema (written before its migration) has only the word index.
    return db.execute("SELECT 1 FROM sqlite_master WHERE name = 'search_grams'").fetchone() is not None


def index(db: sqlite_utils.Database, collection: str, record_id: str, household_id: str | None,
          data: Mapping[str, Any]) -> None:
    """(Re-)index a record's searchable fields; a record with none leaves the index."""
    if not domain.SEARCHABLE.get(collection):
        return
    body, grams, latin_names = _bodies(collection, data)
    unindex(db, collection, record_id)
    if not body.strip():
        return
    cur = db.execute(
        "INSERT INTO search_docs (collection, record_id, household_id) VALUES (?, ?, ?)",
        [collection, record_id, household_id],
    )
    family_search.note(db, [household_id])
    db.execute("INSERT INTO search (rowid, body) VALUES (?, ?)", [cur.lastrowid, body])
    if (grams or latin_names) and _has_grams(db):
        db.execute("INSERT INTO search_grams (rowid, body, latin) VALUES (?, ?, ?)",
                   [cur.lastrowid, grams, latin_names])


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
    by_key: dict[tuple[str, str], Mapping[str, Any]] = {}
    for collection, record_id, household_id, data in items:
        if domain.SEARCHABLE.get(collection):
            body = body_of(collection, data) if data is not None else ""
            wanted[(collection, record_id)] = (household_id, body)
            if data is not None:
                by_key[(collection, record_id)] = data
    if not wanted:
        return
    old: dict[tuple[str, str], tuple[int, str | None, str]] = {}
    by_collection: dict[str, list[str]] = {}
    for c, rid in wanted:
        by_collection.setdefault(c, []).append(rid)
    for collection_name, ids in sorted(by_collection.items()):
        ids.sort()
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start:start + _CHUNK]
            marks = ", ".join("?" * len(chunk))
            # By collection and id: the (collection, record_id) index; by id alone it scanned the table.
            for rowid, collection, record_id, household_id, body in db.execute(
                    "SELECT d.rowid, d.collection, d.record_id, d.household_id, s.body FROM search_docs d "
                    f"LEFT JOIN search s ON s.rowid = d.rowid WHERE d.collection = ? AND d.record_id IN ({marks})",
                    [collection_name, *chunk]):
                old[(collection, record_id)] = (rowid, household_id, body or "")
    grams_too = _has_grams(db)
    gone: list[int] = []
    new: list[tuple[str, str, str | None, str]] = []
    touched: list[str | None] = []  # households whose per-family document changes
    for key, (household_id, body) in wanted.items():
        before = old.get(key)
        if before is not None and (before[1], before[2]) == (household_id, body):
            continue  # indexed as it is
        if before is not None:
            gone.append(before[0])
            touched.append(before[1])  # the family it leaves
        if body.strip():
            new.append((*key, household_id, body))
            touched.append(household_id)
    family_search.note(db, touched)
    for start in range(0, len(gone), _CHUNK):
        rowids = gone[start:start + _CHUNK]
        marks = ", ".join("?" * len(rowids))
        db.execute(f"DELETE FROM search WHERE rowid IN ({marks})", rowids)
        if grams_too:
            db.execute(f"DELETE FROM search_grams WHERE rowid IN ({marks})", rowids)
        db.execute(f"DELETE FROM search_docs WHERE rowid IN ({marks})", rowids)
    if new:
        # Rowids after the highest, as one at a time would get: the index reads newest first.
        top = db.execute("SELECT coalesce(max(rowid), 0) FROM search_docs").fetchone()[0]
        rows = [(top + i + 1, *item) for i, item in enumerate(new)]
        db.conn.executemany("INSERT INTO search_docs (rowid, collection, record_id, household_id) "
                            "VALUES (?, ?, ?, ?)", [r[:4] for r in rows])
        db.conn.executemany("INSERT INTO search (rowid, body) VALUES (?, ?)",
                            [(r[0], r[4]) for r in rows])
        if grams_too:  # the names, addresses and case numbers found from inside a word
            gram_rows = []
            for rowid, collection, record_id, _household_id, _body in rows:
                data = by_key[(collection, record_id)]
                _b, grams, latin_names = _bodies(collection, data)
                if grams or latin_names:
                    gram_rows.append((rowid, grams, latin_names))
            db.conn.executemany("INSERT INTO search_grams (rowid, body, latin) VALUES (?, ?, ?)", gram_rows)


def unindex(db: sqlite_utils.Database, collection: str, record_id: str) -> None:
    """Drop a record from the index (a no-op when it is not there)."""
    row = db.execute(
        "SELECT rowid, collection, household_id FROM search_docs WHERE collection = ? AND record_id = ?",
        [collection, record_id]).fetchone()
    if row:
        family_search.note(db, [row[2]])  # the family's own document loses this record's text
        db.execute("DELETE FROM search WHERE rowid = ?", [row[0]])
        if row[1] in GRAM_FIELDS and _has_grams(db):
            db.execute("DELETE FROM search_grams WHERE rowid = ?", [row[0]])
        db.execute("DELETE FROM search_docs WHERE rowid = ?", [row[0]])


MAX_SEGMENTS = 4  # b-trees per index past which `compact` merges them


def segments(db: sqlite_utils.Database, table: str) -> int:
    """How many b-trees (segments) the FTS5 index `table` is made of now."""
    return int(db.execute(f"SELECT count(DISTINCT segid) FROM [{table}_idx]").fetchone()[0])


def compact(db: sqlite_utils.Database, *, most: int = MAX_SEGMENTS) -> list[str]:
    """Merge each per-record index that is made of more than `most` segments into one; the names
    of those merged.

    A query walks every segment, and under SQLCipher's memory security each one costs FTS5 some
    twenty allocations, each an mlock and an munlock: at 100,000 visits written in 50
    transactions each index had 11 segments, and the search for "ліки" cost 341 allocations (119 merged).
    Seconds at 100,000 visits: for an idle moment, not for a keystroke (benchmarks/bench_search.py).
    """
    merged = []
    for table in ("search", "search_grams"):
        if db.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [table]).fetchone() and \
                segments(db, table) > most:
            db.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")
            merged.append(table)
    return merged


# Every full-text index of the store: the per-record ones, and the per-family ones the caseload searches.
FTS_TABLES = ("search", "search_grams", "family_words", "family_grams")
TIDY_PAGES = 500  # leaf pages merged per step of `tidy`: one short write transaction (tens of ms)


def _merge_step(db: sqlite_utils.Database, table: str, pages: int) -> bool:
    """Merge about `pages` leaf pages of the FTS5 index `table` towards one segment; True if there was
    work. A negative 'merge' puts every segment on one level first, so that repeating it until it does
    nothing is what 'optimize' does at once, but in bounded steps (fts5.html, "The 'merge' Command":
    done when sqlite3_total_changes() moves by less than two)."""
    before = db.conn.total_changes
    db.execute(f"INSERT INTO [{table}]([{table}], rank) VALUES ('merge', ?)", [-pages])
    return db.conn.total_changes - before >= 2


def untidy(db: sqlite_utils.Database, *, most: int = MAX_SEGMENTS) -> list[str]:
    """The full-text indexes made of more than `most` segments (a query walks every one)."""
    present = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return [t for t in FTS_TABLES if t in present and segments(db, t) > most]


def tidy(store: Any, *, most: int = MAX_SEGMENTS, pages: int = TIDY_PAGES,
         between: Callable[[], None] | None = None) -> int:
    """Merge each full-text index made of more than `most` segments into one, in steps of one short
    write transaction each, so that a save waits for one step at most; the steps that merged something.

    `between()` runs before each step and may raise to stop (the program closing): what was merged
    stays merged, and the next `tidy` goes on from there. Called in the background after a sync round
    and every so often while the program is open (fieldapp/ui/tidy.py); its cost and what it is worth
    to a query: benchmarks/bench_search.py."""
    steps = 0
    for table in untidy(store.read(), most=most):
        while True:
            if between is not None:
                between()
            if not store.write(lambda tx, table=table: _merge_step(tx.db, table, pages)):
                break
            steps += 1
    return steps


def create_grams(db: sqlite_utils.Database) -> None:
    """Create the trigram index and fill it from the records' names and addresses (a schema migration's step)."""
    db.execute("CREATE VIRTUAL TABLE search_grams USING fts5(body, latin, tokenize = 'trigram')")
    # Written out, not GRAM_FIELDS: a migration must not change when the list grows.
    for collection, grams, names in (
            ("households", ("case_number", "family_name", "address"), ("family_name",)),
            ("persons", ("surname", "given_name", "patronymic"), ("surname", "given_name", "patronymic")),
            ("referrals", ("agency", "contact_person"), ("contact_person",))):
        rows = db.execute(f"SELECT d.rowid, r.data FROM search_docs d JOIN [{collection}] r ON r.id = d.record_id "
                          "WHERE d.collection = ?", [collection]).fetchall()
        for rowid, data in rows:
            record = json.loads(data)
            body, latin_names = _joined(record, grams), latin(_joined(record, names))
            if body or latin_names:
                db.execute("INSERT INTO search_grams (rowid, body, latin) VALUES (?, ?, ?)", [rowid, body, latin_names])


def covering_grams(word: str) -> list[str]:
    """Trigrams of `word` that cover every letter of it, fewest first: "shapoval" → sha, pov, val.

    A record with the word has them all; the phrase of all its trigrams ("sha hap apo pov ova val")
    asks the index for twice as many terms, and under SQLCipher's memory security every term's
    iterator costs FTS5 a few dozen allocations, each an mlock and an munlock (issue 13)."""
    if len(word) <= GRAM:
        return [word]
    grams = [word[i:i + GRAM] for i in range(0, len(word) - GRAM + 1, GRAM)]
    if grams[-1] != word[-GRAM:]:
        grams.append(word[-GRAM:])  # the last letters, overlapping the one before
    return grams


def _grams_hits(db: sqlite_utils.Database, words: list[str], limit: int) -> list[tuple[int, SearchHit]]:
    """Names, addresses and case numbers with every word inside one of their texts, newest first.

    The index finds the records with each word's covering trigrams; each is then checked for the
    words themselves (what the phrase of all trigrams meant), on the texts the index holds."""
    # Only where it saves three trigrams or more ("shapoval": 6 → 3): reading and checking each found
    # text costs about what two terms do ("повал", "oleksi" are cheaper as phrases; counted with strace).
    covered = [len(covering_grams(w)) <= len(w) - GRAM + 1 - 3 for w in words]
    if not any(covered):
        rows = db.execute(
            "SELECT d.rowid, d.collection, d.record_id, d.household_id FROM search_grams g "
            "JOIN search_docs d ON d.rowid = g.rowid WHERE search_grams MATCH ? ORDER BY g.rowid DESC LIMIT ?",
            [" ".join(f'"{w}"' for w in words), limit])
        return [(rowid, SearchHit(*hit)) for rowid, *hit in rows]
    query = " AND ".join(" AND ".join(f'"{g}"' for g in dict.fromkeys(covering_grams(w))) if cover else f'"{w}"'
                         for w, cover in zip(words, covered, strict=True))
    out: list[tuple[int, SearchHit]] = []
    rows = db.execute(
        "SELECT d.rowid, d.collection, d.record_id, d.household_id, g.body, g.latin FROM search_grams g "
        "JOIN search_docs d ON d.rowid = g.rowid WHERE search_grams MATCH ? ORDER BY g.rowid DESC", [query])
    for rowid, collection, record_id, household_id, body, in_latin in rows:
        # The trigram tokenizer folds case; the word's trigrams in a row are in one of its columns.
        texts = ((body or "").lower(), in_latin or "")
        if all(any(w in t for t in texts) for w in words):
            out.append((rowid, SearchHit(collection, record_id, household_id)))
            if len(out) == limit:
                break
    return out


def search(db: sqlite_utils.Database, text: str, limit: int) -> list[SearchHit]:
    """Records whose text has every typed word: at a word's start in any ending, inside names and
    addresses, names in Latin too; latest changed first.

    Recency, not relevance: ranking by bm25 must score every match, which took ~250 ms for a
    common prefix over 100,000 visits. Each index is walked backwards by rowid and stops after
    `limit` rows; the two lists are merged (benchmarks/bench_search.py).
    """
    words = list(dict.fromkeys(query_words(text)))
    if not words:
        return []
    found: dict[int, SearchHit] = {}
    rows = db.execute(
        "SELECT d.rowid, d.collection, d.record_id, d.household_id FROM search "
        "JOIN search_docs d ON d.rowid = search.rowid WHERE search MATCH ? "
        "ORDER BY search.rowid DESC LIMIT ?", [" ".join(f'"{w}"*' for w in words), limit]).fetchall()
    for rowid, *hit in rows:
        found[rowid] = SearchHit(*hit)
    if all(len(w) >= GRAM for w in words):
        found.update(_grams_hits(db, words, limit))
    return [found[r] for r in sorted(found, reverse=True)[:limit]]
