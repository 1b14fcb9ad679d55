"""Records loaded in bulk (fieldapp/store/bulk.py: the due triggers dropped for the call, the search
index in one pass) leave the due table and the search index exactly as record-by-record writes
and a full recomputation do (issue 12: a 10,000-family profile that builds in minutes)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from kit import FAST_KDF, PASSPHRASE

from fieldapp import demo
from fieldapp.store import bulk, due
from fieldapp.store.database import Store

TODAY = dt.date(2026, 12, 1)


def _records(seed: int, families: int) -> list[dict]:
    gen = demo._Generator(seed, TODAY)
    return [r for _ in range(families) for r in gen.household()]


def _index(store: Store) -> list[tuple]:
    """The search index as its three tables hold it, without the rowids (which only number it)."""
    return sorted(store.read().execute(
        "SELECT d.collection, d.record_id, d.household_id, s.body, g.body, g.latin FROM search_docs d "
        "JOIN search s ON s.rowid = d.rowid LEFT JOIN search_grams g ON g.rowid = d.rowid").fetchall())


def _triggers(store: Store) -> list[tuple]:
    return sorted(store.read().execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall())


@pytest.mark.parametrize("seed", (1, 5))
def test_a_bulk_load_equals_record_by_record_writes_and_a_full_recomputation(tmp_path: Path, seed: int) -> None:
    records = _records(seed, 12)
    with Store.create(tmp_path / "one", PASSPHRASE, kdf=FAST_KDF) as one, \
            Store.create(tmp_path / "bulk", PASSPHRASE, kdf=FAST_KDF) as many:
        triggers = _triggers(many)
        assert any(name.startswith("due_") for name, _sql in triggers)
        one.write(lambda tx: [tx.apply_remote(r) for r in records])  # the triggers note each row
        many.write(lambda tx: bulk.load(tx, records))
        assert _triggers(many) == triggers  # back as they were, in the same transaction
        table = due.stored(many.read())
        assert table and table == sorted(due.compute(many.read())) == due.stored(one.read())
        assert len(_index(many)) > len(records) // 2
        assert _index(many) == _index(one)
        # The triggers work again: a local save afterwards still refreshes its family's items.
        hid = next(r["id"] for r in records if r["collection"] == "households" and r.get("status") == "active")
        many.write(lambda tx: tx.update("households", hid, {"family_name": "Перейменована"}))
        assert {r[9] for r in due.stored(many.read()) if r[0] == hid} <= {"Перейменована"}
        assert due.stored(many.read()) == sorted(due.compute(many.read()))


def test_a_second_load_that_moves_and_changes_records_refreshes_both_families(tmp_path: Path) -> None:
    records = _records(2, 8)
    with Store.create(tmp_path / "p", PASSPHRASE, kdf=FAST_KDF) as store:
        store.write(lambda tx: bulk.load(tx, records))
        families = [r["id"] for r in records if r["collection"] == "households" and r.get("status") == "active"]
        visits = [r for r in records if r["collection"] == "visits" and r["household_id"] == families[0]]
        assert visits and len(families) > 2
        # The server sends a family's newest visit again, now under another family and one version up.
        newest = max(visits, key=lambda v: v["started_at"])
        moved = dict(newest, household_id=families[1], version=2, started_at="2026-11-30T10:00:00+00:00",
                     next_visit_on="2026-12-03")  # now the newest visit of that family
        closed = dict(next(r for r in records if r["id"] == families[2]), version=2, status="closed",
                      closed_on="2026-11-30", review_status="approved")
        store.write(lambda tx: bulk.load(tx, [moved, closed]))
        table = due.stored(store.read())
        assert table == sorted(due.compute(store.read()))
        assert (families[1], "visit", "2026-12-03") in {r[:3] for r in table}
        assert not [r for r in table if r[0] == families[2]]  # a closed family has nothing due


def test_a_load_that_fails_half_way_leaves_nothing_and_the_triggers_in_place(tmp_path: Path) -> None:
    records = _records(3, 4)
    with Store.create(tmp_path / "p", PASSPHRASE, kdf=FAST_KDF) as store:
        triggers = _triggers(store)
        broken = dict(records[-1], notes={"not", "json"})  # a set: the row cannot be written
        with pytest.raises(TypeError):
            store.write(lambda tx: bulk.load(tx, [*records[:-1], broken]))
        assert _triggers(store) == triggers
        assert store.count("households") == 0 and due.stored(store.read()) == [] and _index(store) == []
        store.write(lambda tx: bulk.load(tx, records))
        assert due.stored(store.read()) == sorted(due.compute(store.read())) != []


def test_a_demo_profile_filled_in_bulk_equals_a_full_recomputation(tmp_path: Path) -> None:
    with Store.create(tmp_path / "p", PASSPHRASE, kdf=FAST_KDF) as store:
        summary = demo.fill(store, 250, seed=4, today=TODAY)  # three batches, written while the next is made
        assert summary.households == store.count("households") == 250
        assert summary.visits == store.count("visits")
        db = store.read()
        assert due.stored(db) == sorted(due.compute(db))
        docs = db.execute("SELECT count(*) FROM search_docs").fetchone()[0]
        assert docs == db.execute("SELECT count(*) FROM search").fetchone()[0] >= 250 + summary.persons
        head = db.execute("SELECT json_extract(data, '$.family_name') FROM households LIMIT 1").fetchone()[0]
        assert store.search(head)  # the index answers for the families written in bulk
