"""The maintained "what is due" table (fieldapp/store/due.py) equals a full recomputation by
casework.deadlines' rules after every kind of write: records saved locally, pulled records
applied, evictions, review decisions. Property-style: generated demo profiles of several seeds,
random writes on random families."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import factories
import pytest
from kit import FAST_KDF, PASSPHRASE

from fieldapp import demo
from fieldapp.store import due, queries
from fieldapp.store.database import Store

TODAY = dt.date(2026, 12, 1)
SEEDS = (1, 2, 3)
STARTED = dt.datetime(2026, 12, 1, 23, 30, tzinfo=dt.UTC).isoformat()  # a family's newest visit


def _same(store: Store) -> list[tuple]:
    db = store.read()
    rows = due.stored(db)
    assert rows == sorted(due.compute(db))  # the table is exactly what the rules compute now
    return rows


def _profile(tmp_path: Path, seed: int) -> Store:
    store = Store.create(tmp_path / f"p{seed}", PASSPHRASE, kdf=FAST_KDF)
    demo.fill(store, 6, seed=seed, today=TODAY)
    return store


def _active(store: Store) -> list[str]:
    return sorted(queries.active_families(store))


@pytest.mark.parametrize("seed", SEEDS)
def test_local_saves_keep_the_table_equal_to_the_rules(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    with _profile(tmp_path, seed) as store:
        assert _same(store)  # filled by pulled records (demo.fill applies them as a sync would)
        for _ in range(6):
            hid = rng.choice(_active(store))
            day = (TODAY + dt.timedelta(days=rng.randint(1, 20))).isoformat()
            visit = store.write(lambda tx, h=hid, d=day: tx.create("visits", factories.visit(
                h, started_at=STARTED, next_visit_on=d)))
            rows = _same(store)
            assert (hid, "visit", day) in {r[:3] for r in rows}  # the new visit's next date is what is due
            store.write(lambda tx, v=visit["id"]: tx.delete("visits", v))
            _same(store)
        # A plan action marked done leaves the table; the family's name changes with its items.
        actions = [r for r in due.stored(store.read()) if r[1] == "action"]
        if actions:
            hid, _kind, _day, plan_id, action_id = actions[0][:5]
            store.write(lambda tx: tx.create("action_updates", {
                "household_id": hid, "plan_id": plan_id, "action_id": action_id, "status": "done",
                "on": TODAY.isoformat()}))
            assert action_id not in {r[4] for r in _same(store)}
        hid = rng.choice(_active(store))
        store.write(lambda tx: tx.update("households", hid, {"family_name": "Перейменована"}))
        assert all(r[9] == "Перейменована" for r in _same(store) if r[0] == hid)


@pytest.mark.parametrize("seed", SEEDS)
def test_pulled_records_and_evictions_keep_the_table_equal_to_the_rules(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    with _profile(tmp_path, seed) as store:
        hid = rng.choice(_active(store))
        household = store.get("households", hid)
        assert household is not None
        # A pulled page closes a family with a follow-up, as another laptop's change would arrive.
        follow_up = (TODAY + dt.timedelta(days=3)).isoformat()
        closed = {**household, "status": "closed", "follow_up_on": follow_up, "version": household["version"] + 1}
        store.write(lambda tx: tx.apply_remote(closed))
        rows = _same(store)
        assert [r[1] for r in rows if r[0] == hid] == ["follow_up"]
        # The family leaves the laptop's scope: everything due for it goes with it.
        other = rng.choice(_active(store))
        assert store.write(lambda tx: tx.evict("households", other))
        assert other not in {r[0] for r in _same(store)}
        assert other not in {i.household_id for i in queries.due(store, TODAY, until=TODAY + dt.timedelta(days=3650))}


def test_a_review_decision_keeps_the_table_equal_to_the_rules(tmp_path: Path) -> None:
    with _profile(tmp_path, 4) as store:
        hid = _active(store)[0]
        plan = store.write(lambda tx: tx.create("plans", {
            "household_id": hid, "drawn_up_on": TODAY.isoformat(), "review_status": "submitted", "plan_version": 99,
            "actions": [{"id": "0190a000-0000-7000-8000-000000000001", "text": "Отримати довідку ВПО",
                         "due": (TODAY + dt.timedelta(days=2)).isoformat()}]}))
        assert "0190a000-0000-7000-8000-000000000001" in {r[4] for r in _same(store)}
        store.write(lambda tx: tx.review("plans", plan["id"], "returned", "Уточніть строки."))
        _same(store)


def test_today_reads_the_table(tmp_path: Path) -> None:
    with _profile(tmp_path, 5) as store:
        until = TODAY + dt.timedelta(days=7)
        items = queries.due(store, TODAY, until=until)
        expected = sorted((r[0], r[1], r[2]) for r in due.compute(store.read()) if r[2] <= until.isoformat())
        assert sorted((i.household_id, i.kind, i.due.isoformat()) for i in items) == expected
        assert items == sorted(items, key=lambda i: (i.due, due.KINDS.index(i.kind), i.case_number, i.detail))
