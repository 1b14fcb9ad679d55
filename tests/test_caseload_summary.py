"""The caseload's summary (fieldapp/store/caseload.py) equals a full recomputation from the records after
every kind of write: local saves of each collection a caseload column comes from, pulled pages, a bulk
load, an eviction, a pulled change merged under a pending local one, a migration from the schema before.
The changes waiting to be sent are read from the outbox, so a push that only sets versions changes no
summary row yet the caseload shows the family synced."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import factories
import pytest
from kit import FAST_KDF, PASSPHRASE

from fieldapp import demo
from fieldapp.store import bulk, caseload, outbox, queries
from fieldapp.store.database import Store

TODAY = dt.date(2026, 12, 1)
STARTED = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC).isoformat()
ACTION = "0190a000-0000-7000-8000-0000000000a1"


def _same(store: Store) -> dict[str, tuple]:
    db = store.read()
    rows = caseload.stored(db)
    assert rows == sorted(caseload.compute(db))  # kept exactly as a full recomputation gives it
    return {r[0]: dict(zip(caseload.COLUMNS, r, strict=True)) for r in rows}  # type: ignore[misc]


def _profile(tmp_path: Path, seed: int, families: int = 6) -> Store:
    store = Store.create(tmp_path / f"p{seed}", PASSPHRASE, kdf=FAST_KDF)
    demo.fill(store, families, seed=seed, today=TODAY)  # a bulk load (fieldapp/store/bulk.py)
    return store


def _row(store: Store, hid: str) -> queries.CaseloadRow:
    return queries.caseload_rows(store, [hid])[0]


@pytest.mark.parametrize("seed", (1, 2))
def test_local_saves_of_every_collection_keep_the_summary_equal_to_a_recomputation(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    with _profile(tmp_path, seed) as store:
        rows = _same(store)
        assert len(rows) == 6
        hid = rng.choice(sorted(queries.active_families(store)))
        # The family itself: its name, categories, place, caseworker.
        store.write(lambda tx: tx.update("households", hid, {
            "family_name": "Перейменована", "categories": ["idp", "large_family"], "settlement": None,
            "caseworker_id": "0190a000-0000-7000-8000-0000000000c1"}))
        row = _same(store)[hid]
        assert (row["family_name"], row["n_categories"], row["place"], row["caseworker_id"]) == (
            "Перейменована", 2, row["hromada"], "0190a000-0000-7000-8000-0000000000c1")
        # A person: a new child appears among the people, then leaves.
        child = store.write(lambda tx: tx.create("persons", factories.person(
            hid, given_name="Тарас", birth_date="2024-02-03")))
        assert ("child", "Тарас", "2024-02-03") in _row(store, hid).people
        _same(store)
        store.write(lambda tx: tx.update("persons", child["id"], {"given_name": "Остап"}))
        assert ("child", "Остап", "2024-02-03") in _row(store, hid).people
        _same(store)
        store.write(lambda tx: tx.delete("persons", child["id"]))
        assert "Остап" not in {name for _role, name, _born in _row(store, hid).people}
        _same(store)
        # A visit: the last visit, the next one due, a safety concern.
        visit = store.write(lambda tx: tx.create("visits", factories.visit(
            hid, started_at=STARTED, next_visit_on="2026-12-20", safety_concern=True,
            safety_details="Дитина сама вдома без нагляду.")))
        row = _same(store)[hid]
        assert (row["last_visit"], row["next_due"]) == (STARTED, "2026-12-20") and row["safety"] >= 1
        assert _row(store, hid).safety
        store.write(lambda tx: tx.delete("visits", visit["id"]))
        assert _same(store)[hid]["last_visit"] != STARTED
        # A plan and its action's status update: the open actions counted.
        before = _same(store)[hid]["open_actions"]
        store.write(lambda tx: tx.create("plans", {
            "household_id": hid, "drawn_up_on": TODAY.isoformat(), "plan_version": 99,
            "actions": [{"id": ACTION, "text": "Отримати довідку ВПО", "due": "2026-12-10"},
                        {"id": ACTION[:-1] + "2", "text": "Записати до садка", "due": "2026-12-12"}]}))
        assert _same(store)[hid]["open_actions"] == 2  # the newest plan is the current one
        plan_id = next(p["id"] for p in store.records("plans", household_id=hid) if p.get("plan_version") == 99)
        store.write(lambda tx: tx.create("action_updates", {
            "household_id": hid, "plan_id": plan_id, "action_id": ACTION, "status": "done", "on": TODAY.isoformat()}))
        assert _same(store)[hid]["open_actions"] == 1 == _row(store, hid).open_actions
        assert before is not None
        # Closed, then deleted: the row follows, then leaves.
        store.write(lambda tx: tx.update("households", hid, {"status": "closed", "closed_on": TODAY.isoformat(),
                                                                 "closure_reason": "goals_achieved"}))
        assert _same(store)[hid]["status"] == "closed"
        assert hid not in queries.caseload_ids(store) and hid in queries.caseload_ids(
            store, queries.CaseloadFilter(status="closed"))
        store.write(lambda tx: tx.delete("households", hid))
        assert hid not in _same(store)


def test_pulled_pages_evictions_and_a_merge_keep_the_summary_equal(tmp_path: Path) -> None:
    with _profile(tmp_path, 3) as store:
        active = sorted(queries.active_families(store))
        first, second, third = active[:3]
        # A pulled page changes two families, as another laptop's changes arrive.
        one, two = store.get("households", first), store.get("households", second)
        assert one is not None and two is not None
        store.write(lambda tx: tx.apply_remote_many([
            {**one, "family_name": "Змінена сервером", "version": one["version"] + 1},
            {**two, "status": "closed", "closed_on": TODAY.isoformat(), "closure_reason": "moved_away", "version": two["version"] + 1}]))
        rows = _same(store)
        assert rows[first]["family_name"] == "Змінена сервером" and rows[second]["status"] == "closed"
        # A local change still to send, and a pulled version of the same family with another field
        # changed: the two merge (the pending field stays on top), and the summary shows both.
        store.write(lambda tx: tx.update("households", third, {"family_name": "Моя назва"}))
        pulled = store.get("households", third)
        assert pulled is not None
        store.write(lambda tx: tx.apply_remote({**pulled, "family_name": "Серверна назва",
                                                "categories": ["idp"], "version": pulled["version"] + 1}))
        row = _same(store)[third]
        assert (row["family_name"], row["categories"]) == ("Моя назва", '["idp"]')
        # The family leaves the laptop's scope once its change is sent.
        entry = outbox.entries(store.read())[0]
        store.write(lambda tx: tx.push_taken(entry, pulled["version"] + 2))
        assert store.write(lambda tx: tx.evict("households", third))
        assert third not in _same(store) and third not in queries.caseload_ids(store)


def test_a_bulk_load_and_a_second_one_that_moves_records_keep_the_summary_equal(tmp_path: Path) -> None:
    gen = demo._Generator(4, TODAY)
    records = [r for _ in range(8) for r in gen.household()]
    with Store.create(tmp_path / "p", PASSPHRASE, kdf=FAST_KDF) as store:
        store.write(lambda tx: bulk.load(tx, records))
        rows = _same(store)
        assert len(rows) == 8
        # A second page moves a person to another family: both families' rows change.
        person = next(r for r in records if r["collection"] == "persons")
        source = person["household_id"]
        target = next(h for h in rows if h != source)
        store.write(lambda tx: bulk.load(tx, [{**person, "household_id": target, "given_name": "Переселена",
                                              "version": person["version"] + 1}]))
        rows = _same(store)
        assert "Переселена" in rows[target]["people"] and "Переселена" not in rows[source]["people"]


def test_waiting_changes_come_from_the_outbox_not_the_summary(tmp_path: Path) -> None:
    with _profile(tmp_path, 5) as store:
        hid = sorted(queries.active_families(store))[0]
        store.write(lambda tx: tx.update("households", hid, {"address": "вул. Нова, 3"}))
        summary = _same(store)[hid]
        assert _row(store, hid).pending == 1
        assert queries.caseload_ids(store, sort="pending", descending=True)[0] == hid
        entry = outbox.entries(store.read())[0]
        version = (store.get("households", hid) or {})["version"] + 1
        store.write(lambda tx: tx.push_taken(entry, version))  # only the version changes
        assert _row(store, hid).pending == 0
        assert _same(store)[hid] == summary


def test_the_migration_builds_the_summary_from_an_older_profile(tmp_path: Path) -> None:
    import json
    import shutil

    from fieldapp.store import schema

    fixtures = Path(__file__).parent / "fixtures"
    shutil.copytree(fixtures / "profile-schema8", tmp_path / "old")
    passphrase = json.loads((fixtures / "profile-schema8.json").read_text())["passphrase"]
    with Store.open(tmp_path / "old", passphrase) as store:
        assert store.read().execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        rows = _same(store)
        assert rows and set(rows) == {h["id"] for h in store.records("households")}
        assert set(queries.caseload_ids(store, queries.CaseloadFilter(status=None))) == set(rows)
