"""The caseload's per-family search index (fieldapp/store/family_search.py) equals a full recomputation
from the per-record index after every kind of write: local saves of each searchable collection, a
deletion, pulled pages, a pulled change merged under a pending local one, an eviction, a bulk load and
a second one that moves a record to another family, the migration from the schema before. Compared
token by token from the index's own b-trees (fts5vocab), and by what it answers: for words, prefixes,
parts of words and Latin names taken from the records, the families found are those the per-record
index finds."""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import shutil
from pathlib import Path

import factories
import pytest
from kit import FAST_KDF, PASSPHRASE

from casework.translit import latin
from fieldapp import demo
from fieldapp.store import bulk, family_search, outbox, queries, schema, search
from fieldapp.store.database import Store

TODAY = dt.date(2026, 12, 1)
FIXTURES = Path(__file__).parent / "fixtures"


def _per_record(store: Store, typed: str) -> set[str]:
    """The live households having every typed word in one of their records, from the per-record index
    (the query the caseload ran before the per-family index)."""
    db = store.read()
    found: set[str] | None = None
    for word in dict.fromkeys(search.query_words(typed)):
        parts = [("search", f'"{word}"*')] + ([("search_grams", f'"{word}"')] if len(word) >= search.GRAM else [])
        these = {hid for table, query in parts for (hid,) in db.execute(
            f"SELECT d.household_id FROM {table} JOIN search_docs d ON d.rowid = {table}.rowid "
            f"WHERE {table} MATCH ?", [query])}
        found = these if found is None else found & these
    live = {hid for (hid,) in db.execute("SELECT household_id FROM caseload_summary")}
    return (found or set()) & live


def _probes(store: Store, rng: random.Random) -> list[str]:
    """Words as people type them, from the records' own text: whole, two letters, inside, in Latin, two at once."""
    words = sorted({w for (body,) in store.read().execute("SELECT body FROM search")
                    for w in re.findall(r"\w+", body) if not w.isdigit()})
    picked = rng.sample(words, min(12, len(words)))
    out = []
    for w in picked:
        out += [w, w[:2]]
        if len(w) >= 5:
            out.append(w[1:-1])  # from inside the word
    out += [latin(w) for w in picked[:4]] + [f"{picked[0][:3]} {picked[1][:2]}", "щоннемає"]
    return out


def _same(store: Store, seed: int = 0) -> None:
    db = store.read()
    for table in ("family_words", "family_grams"):
        assert family_search.terms(db, table) == family_search.computed_terms(db, table), table
    assert family_search.stored(db) == {hid: texts for hid, (_w, _g, texts) in family_search.compute(db).items()}
    assert db.execute("SELECT count(*) FROM family_dirty").fetchone()[0] == 0  # refreshed before COMMIT
    for typed in _probes(store, random.Random(seed)):
        flt = queries.CaseloadFilter(text=typed, status=None)
        assert set(queries.caseload_ids(store, flt)) == _per_record(store, typed), typed


def _profile(tmp_path: Path, seed: int, families: int = 6) -> Store:
    store = Store.create(tmp_path / f"p{seed}", PASSPHRASE, kdf=FAST_KDF)
    demo.fill(store, families, seed=seed, today=TODAY)  # a bulk load (fieldapp/store/bulk.py)
    return store


@pytest.mark.parametrize("seed", (1, 2))
def test_local_saves_and_deletions_keep_the_family_index_equal_to_a_recomputation(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    with _profile(tmp_path, seed) as store:
        _same(store, seed)
        hid = rng.choice(sorted(queries.active_families(store)))
        store.write(lambda tx: tx.update("households", hid, {"family_name": "Перейменована",
                                                              "address": "вул. Вишнева, 12"}))
        _same(store, seed)
        assert set(queries.caseload_ids(store, queries.CaseloadFilter(text="ишнев", status=None))) == {hid}
        child = store.write(lambda tx: tx.create("persons", factories.person(
            hid, surname="Завальнюк", given_name="Тарас", birth_date="2024-02-03")))
        visit = store.write(lambda tx: tx.create("visits", factories.visit(hid, notes="Принесли дрова і ковдри")))
        _same(store, seed)
        assert set(queries.caseload_ids(store, queries.CaseloadFilter(text="zavalniuk ковдр", status=None))) == {hid}
        store.write(lambda tx: tx.update("visits", visit["id"], {"notes": "Опалення працює"}))
        store.write(lambda tx: tx.delete("persons", child["id"]))
        _same(store, seed)
        assert not queries.caseload_ids(store, queries.CaseloadFilter(text="ковдр", status=None))
        store.write(lambda tx: tx.delete("households", hid))
        _same(store, seed)


def test_pulled_pages_a_merge_and_an_eviction_keep_the_family_index_equal(tmp_path: Path) -> None:
    with _profile(tmp_path, 3) as store:
        first, second, third = sorted(queries.active_families(store))[:3]
        one, two = store.get("households", first), store.get("households", second)
        assert one is not None and two is not None
        store.write(lambda tx: tx.apply_remote_many([
            {**one, "family_name": "Змінена сервером", "version": one["version"] + 1},
            {**two, "address": "с. Підгірне", "version": two["version"] + 1}]))
        _same(store, 3)
        store.write(lambda tx: tx.update("households", third, {"family_name": "Моя назва"}))
        pulled = store.get("households", third)
        assert pulled is not None
        store.write(lambda tx: tx.apply_remote({**pulled, "family_name": "Серверна назва",
                                                "address": "вул. Серверна, 1", "version": pulled["version"] + 1}))
        _same(store, 3)
        entry = outbox.entries(store.read())[0]
        store.write(lambda tx: tx.push_taken(entry, pulled["version"] + 2))
        assert store.write(lambda tx: tx.evict("households", third))
        _same(store, 3)
        assert third not in {hid for (hid,) in store.read().execute("SELECT household_id FROM family_docs")}


def test_a_bulk_load_and_a_second_one_that_moves_a_record_keep_the_family_index_equal(tmp_path: Path) -> None:
    gen = demo._Generator(4, TODAY)
    records = [r for _ in range(8) for r in gen.household()]
    with Store.create(tmp_path / "p", PASSPHRASE, kdf=FAST_KDF) as store:
        store.write(lambda tx: bulk.load(tx, records))
        _same(store, 4)
        person = next(r for r in records if r["collection"] == "persons")
        source = person["household_id"]
        target = next(r["id"] for r in records if r["collection"] == "households" and r["id"] != source)
        store.write(lambda tx: bulk.load(tx, [{**person, "household_id": target, "given_name": "Переселена",
                                              "version": person["version"] + 1}]))
        _same(store, 4)
        assert set(queries.caseload_ids(store, queries.CaseloadFilter(text="Переселена", status=None))) == {target}


def test_the_migration_builds_the_family_index_from_an_older_profile(tmp_path: Path) -> None:
    # The newest fixture older than this schema (the one just before, once the lead has made it).
    older = max(n for n in (int(p.name.removeprefix("profile-schema")) for p in FIXTURES.glob("profile-schema*")
                            if p.is_dir()) if n < schema.SCHEMA_VERSION)
    shutil.copytree(FIXTURES / f"profile-schema{older}", tmp_path / "old")
    passphrase = json.loads((FIXTURES / f"profile-schema{older}.json").read_text())["passphrase"]
    with Store.open(tmp_path / "old", passphrase) as store:
        assert store.read().execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        _same(store, 5)
        assert store.read().execute("SELECT count(*) FROM family_docs").fetchone()[0] > 0
