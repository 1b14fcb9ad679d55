"""The trigram search asks the index for the fewest trigrams that cover each typed word and checks
the words in the texts it finds (issue 13: each trigram's iterator costs FTS5 dozens of allocations
under SQLCipher's memory security); what it finds is exactly what the phrase of all the word's
trigrams found. And `compact` merges a fragmented index without changing a hit. A real encrypted store."""

from __future__ import annotations

from fieldapp.store import search
from tests.factories import household, person, visit

WORDS = ("шаповал", "повал", "лекс", "ліки", "shapoval", "oleksi", "коваль", "ова", "вал", "енко", "шап",
         "tyz", "0001", "шаповал олена", "kovalenko", "shapiro", "zzzz", "садова", "шапіро поваль", "ша ол", "shapiro poval", "поваляєв", "shapovalov")


def _phrase_search(db, text: str, limit: int) -> list[search.SearchHit]:
    """The search as it was: every word's whole phrase of trigrams asked of the index (the oracle)."""
    words = list(dict.fromkeys(search.query_words(text)))
    queries = [("search", " ".join(f'"{w}"*' for w in words))]
    if all(len(w) >= search.GRAM for w in words):
        queries.append(("search_grams", " ".join(f'"{w}"' for w in words)))
    found = {}
    for table, query in queries:
        for rowid, *hit in db.execute(
                f"SELECT d.rowid, d.collection, d.record_id, d.household_id FROM {table} JOIN search_docs d "
                f"ON d.rowid = {table}.rowid WHERE {table} MATCH ? ORDER BY {table}.rowid DESC LIMIT ?",
                [query, limit]):
            found[rowid] = search.SearchHit(*hit)
    return [found[r] for r in sorted(found, reverse=True)[:limit]]


def _fill(store) -> dict[str, str]:
    def write(tx):
        made = {}
        for surname, given in (("Шаповал", "Олена"), ("Шапіро", "Поваль"), ("Коваленко", "Олексій"),
                               ("Шаповал", "Ірина"), ("Поваляєв", "Шапа")):
            h = tx.create("households", household(family_name=surname, address="вул. Садова, 3"))
            tx.create("persons", person(h["id"], surname=surname, given_name=given))
            tx.create("visits", visit(h["id"], notes="Бабуся забезпечена ліками, шапка і валянки"))
            made[f"{surname} {given}"] = h["id"]
        return made

    return store.write(write)


def test_the_covering_trigrams_cover_every_letter_with_the_fewest():
    assert search.covering_grams("shapoval") == ["sha", "pov", "val"]
    assert search.covering_grams("повал") == ["пов", "вал"]
    assert search.covering_grams("лекс") == ["лек", "екс"]
    assert search.covering_grams("ліків") == ["лік", "ків"]
    assert search.covering_grams("шап") == ["шап"]
    assert search.covering_grams("shapova") == ["sha", "pov", "ova"]


def test_the_covering_trigrams_find_what_the_whole_phrase_found(store):
    made = _fill(store)
    db = store.read()
    for text in WORDS:
        for limit in (50, 2):
            assert search.search(db, text, limit) == _phrase_search(db, text, limit), (text, limit)
    # "shapiro poval" has sha, pov and val, the covering trigrams of "shapoval", but not the word.
    hits = {h.household_id for h in search.search(db, "shapoval", 50)}
    assert hits == {made["Шаповал Олена"], made["Шаповал Ірина"]}
    assert {h.household_id for h in search.search(db, "shapoval olena", 50)} == {made["Шаповал Олена"]}


def test_compact_merges_a_fragmented_index_and_every_hit_stays(store):
    for _ in range(6):  # one small segment a transaction
        _fill(store)
    db = store.read()
    before = {text: search.search(db, text, 50) for text in WORDS}
    assert search.segments(db, "search") > 1 and search.segments(db, "search_grams") > 1
    assert store.write(lambda tx: search.compact(tx.db, most=1)) == ["search", "search_grams"]
    assert search.segments(db, "search") == 1 and search.segments(db, "search_grams") == 1
    assert {text: search.search(db, text, 50) for text in WORDS} == before
    assert store.write(lambda tx: search.compact(tx.db, most=1)) == []  # merged already: nothing to do


def test_tidy_merges_every_fragmented_index_in_steps_and_every_hit_stays(store):
    for _ in range(6):  # one small segment a transaction, in the per-record and the per-family indexes
        _fill(store)
    db = store.read()
    before = {text: search.search(db, text, 50) for text in WORDS}
    assert search.untidy(db, most=1) == list(search.FTS_TABLES)
    steps = search.tidy(store, most=1, pages=1)  # a page a step: many short transactions
    assert steps > len(search.FTS_TABLES)
    assert search.untidy(db, most=1) == []
    assert all(search.segments(db, t) == 1 for t in search.FTS_TABLES)
    assert {text: search.search(db, text, 50) for text in WORDS} == before
    assert search.tidy(store, most=1) == 0  # merged already: no step


def test_a_tidy_stopped_between_steps_keeps_what_it_merged_and_the_next_goes_on(store):
    for _ in range(6):
        _fill(store)
    db = store.read()
    before = {text: search.search(db, text, 50) for text in WORDS}
    calls = []

    class Closing(Exception):
        pass

    def between():
        calls.append(1)
        if len(calls) > 2:
            raise Closing  # the program closing after two steps

    try:
        search.tidy(store, most=1, pages=1, between=between)
    except Closing:
        pass
    assert len(calls) == 3
    assert {text: search.search(db, text, 50) for text in WORDS} == before  # half-merged answers the same
    assert search.untidy(db, most=1)  # not finished
    assert search.tidy(store, most=1, pages=1) > 0
    assert search.untidy(db, most=1) == []
    assert {text: search.search(db, text, 50) for text in WORDS} == before
