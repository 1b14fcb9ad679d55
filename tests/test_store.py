"""The encrypted local store, on real SQLCipher files."""

from __future__ import annotations

import hashlib
import json
import os
import stat
from pathlib import Path

import pytest
from factories import household, person, visit
from kit import FAST_KDF, PASSPHRASE

from casework.ids import trial_device_code
from casework.records import InvalidRecord
from fieldapp.store import crypto
from fieldapp.store.database import DB_FILE, Store
from fieldapp.store.driver import connect
from fieldapp.store.errors import (
    DiskFull,
    KeySettingsDamaged,
    NotAProfile,
    ProfileBusy,
    ProfileExists,
    RecordLocked,
    SchemaTooNew,
    WrongPassphrase,
)
from fieldapp.store.schema import SCHEMA_VERSION


def digest(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file() and p.name != "lock"
    }


def counts(store: Store) -> tuple[int, int]:
    return store.count("households", include_deleted=True), len(store.outbox(state=None))


def test_create_reopen_keeps_records(store, profile_dir):
    h = store.write(lambda tx: tx.create("households", household(family_name="Ткаченко")))
    store.close()
    with Store.open(profile_dir, PASSPHRASE) as again:
        got = again.get("households", h["id"])
        assert got["family_name"] == "Ткаченко"
        assert got["version"] == 0 and got["deleted"] is False
        assert again.schema_version() == SCHEMA_VERSION


def test_no_plaintext_in_database_wal_or_backup(store, profile_dir):
    secrets = ["Шевчишина", "вулиця Підпільна 17", "дитина боїться вітчима"]
    h = store.write(lambda tx: tx.create("households", household(family_name=secrets[0], address=secrets[1])))
    store.write(lambda tx: tx.create("visits", visit(h["id"], notes=secrets[2])))
    backup = store.backup(reason="test")
    store.write(lambda tx: tx.create("persons", person(h["id"], surname=secrets[0])))
    wal = profile_dir / (DB_FILE + "-wal")
    assert wal.exists() and wal.stat().st_size > 0, "the last write should still be in the WAL"
    files = [profile_dir / DB_FILE, wal, backup]
    for path in files:
        data = path.read_bytes()
        for secret in secrets + ["households", "family_name", "CREATE TABLE"]:
            for encoding in ("utf-8", "utf-16-le"):
                assert secret.encode(encoding) not in data, f"{secret!r} readable in {path.name}"
    # ...and yet it is all there, for whoever has the passphrase.
    assert [hit.record_id for hit in store.search("Підпільна")] == [h["id"]]


def test_wrong_passphrase_is_clear_and_changes_nothing(store, profile_dir):
    store.write(lambda tx: tx.create("households", household()))
    store.close()
    before = digest(profile_dir)
    with pytest.raises(WrongPassphrase) as info:
        Store.open(profile_dir, "not the passphrase")
    assert "passphrase is not right" in str(info.value.message)
    assert digest(profile_dir) == before
    Store.open(profile_dir, PASSPHRASE).close()  # still opens, and the lock was released


def test_files_are_owner_only(store, profile_dir):
    store.write(lambda tx: tx.create("households", household()))
    store.backup()
    assert stat.S_IMODE(profile_dir.stat().st_mode) == 0o700
    for path in profile_dir.rglob("*"):
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode & 0o077 == 0, f"{path.name} is readable by others: {oct(mode)}"


def test_one_process_per_profile(store, profile_dir):
    with pytest.raises(ProfileBusy):
        Store.open(profile_dir, PASSPHRASE)
    with pytest.raises(ProfileExists):
        Store.create(profile_dir, PASSPHRASE, kdf=FAST_KDF)


def test_not_a_profile(tmp_path):
    with pytest.raises(NotAProfile):
        Store.open(tmp_path / "nothing", PASSPHRASE)


def test_damaged_key_file(store, profile_dir):
    store.close()
    (profile_dir / crypto.KEY_FILE).write_text("{not json")
    with pytest.raises(KeySettingsDamaged):
        Store.open(profile_dir, PASSPHRASE)


def test_every_write_has_its_outbox_entry(store):
    h = store.write(lambda tx: tx.create("households", household()))
    p = store.write(lambda tx: tx.create("persons", person(h["id"])))
    store.write(lambda tx: tx.update("persons", p["id"], {"given_name": "Оксана-Тест", "sex": "female"}))
    store.write(lambda tx: tx.delete("persons", p["id"]))
    entries = store.outbox()
    assert [(e.collection, e.base_version, e.is_delete) for e in entries] == [
        ("households", None, False),
        ("persons", None, False),
        ("persons", 0, False),
        ("persons", 0, True),
    ]
    create, update = entries[1], entries[2]
    assert create.fields["surname"] == p["surname"] and create.base == {}
    # Only the field that changed, with the value it had before.
    assert update.fields == {"given_name": "Оксана-Тест"}
    assert update.base == {"given_name": p["given_name"]}
    assert len({e.change_id for e in entries}) == 4
    assert store.get("persons", p["id"])["deleted"] is True
    assert store.pending_count() == 4


def test_invalid_record_refused_with_every_problem_and_nothing_written(store):
    h = store.write(lambda tx: tx.create("households", household()))
    before = counts(store), store.count("visits", include_deleted=True)
    bad = visit(h["id"], type="picnic", duration_min=-5, safety_concern="yes")
    del bad["place"]

    def write_two(tx):
        tx.create("visits", visit(h["id"]))  # valid, but in the same transaction as the bad one
        tx.create("visits", bad)

    with pytest.raises(InvalidRecord) as info:
        store.write(write_two)
    fields = {p.field: p.message.render() for p in info.value.problems}
    assert set(fields) == {"type", "duration_min", "safety_concern", "place"}
    assert fields["place"] == "This field is required."
    assert fields["duration_min"] == "Enter a number from 0 to 1440."
    assert (counts(store), store.count("visits", include_deleted=True)) == before


def test_update_validates_the_whole_record(store):
    h = store.write(lambda tx: tx.create("households", household()))
    with pytest.raises(InvalidRecord) as info:
        store.write(lambda tx: tx.update("households", h["id"], {"status": "closed"}))
    assert {p.field for p in info.value.problems} == {"closure_reason", "closed_on"}
    assert store.get("households", h["id"])["status"] == "active"
    assert len(store.outbox()) == 1


def test_approved_record_is_locked(store):
    h = store.write(lambda tx: tx.create("households", household()))
    v = store.write(lambda tx: tx.create("visits", visit(h["id"], review_status="approved")))
    with pytest.raises(RecordLocked) as info:
        store.write(lambda tx: tx.update("visits", v["id"], {"notes": "змінено"}))
    assert "approved" in info.value.message.render()
    # A supervisor's reopening changes only the review status: that passes.
    store.write(lambda tx: tx.update("visits", v["id"], {"review_status": "returned"}))


def test_case_numbers_are_sequential_and_use_the_device_code(store):
    first = store.write(lambda tx: tx.create("households", household()))
    store.write(lambda tx: tx.set_meta("device_code", "7K"))
    second = store.write(lambda tx: tx.create("households", household()))
    year = first["case_number"][:4]
    assert first["case_number"] == f"{year}/{trial_device_code(store.device_id)}-0001"
    assert second["case_number"] == f"{year}/7K-0002"


def test_search_names_addresses_notes(store):
    h1 = store.write(lambda tx: tx.create("households", household(family_name="Марʼяненко", address="вул. Садова 3")))
    h2 = store.write(lambda tx: tx.create("households", household(family_name="Бондар")))
    v = store.write(lambda tx: tx.create("visits", visit(h2["id"], notes="Дитина ходить до школи, взуття потребує заміни")))
    p = store.write(lambda tx: tx.create("persons", person(h1["id"], surname="Кравчук", given_name="Софія")))

    def ids(text):
        return {hit.record_id for hit in store.search(text)}

    assert ids("садова") == {h1["id"]}
    assert ids("мар'яненко") == {h1["id"]}  # any apostrophe
    assert ids("взутт") == {v["id"]}  # a prefix as the person types
    assert ids("кравчук соф") == {p["id"]}
    assert store.search("кравчук")[0].household_id == h1["id"]
    assert ids("") == set() and ids(" ,.") == set()
    store.write(lambda tx: tx.update("visits", v["id"], {"notes": "Все гаразд"}))
    assert ids("взутт") == set() and ids("гаразд") == {v["id"]}
    store.write(lambda tx: tx.delete("visits", v["id"]))
    assert ids("гаразд") == set()


def test_migration_from_previous_schema_keeps_every_record(profile_dir):
    old = Store.create(profile_dir, PASSPHRASE, schema_version=SCHEMA_VERSION - 1, kdf=FAST_KDF)
    assert old.schema_version() == SCHEMA_VERSION - 1
    made = []
    for _ in range(20):
        h = old.write(lambda tx: tx.create("households", household()))
        v = old.write(lambda tx, hid=h["id"]: tx.create("visits", visit(hid)))
        made += [("households", h), ("visits", v)]
    outbox_before = [(e.change_id, e.fields) for e in old.outbox()]
    old.close()

    with Store.open(profile_dir, PASSPHRASE) as new:
        assert new.schema_version() == SCHEMA_VERSION
        for collection, record in made:
            assert new.get(collection, record["id"]) == record
        assert [(e.change_id, e.fields) for e in new.outbox()] == outbox_before
        assert new.search(made[1][1]["notes"].split()[0])
        backups = sorted((profile_dir / "backups").glob("*.db"))
    assert len(backups) == 1 and f"schema{SCHEMA_VERSION - 1}" in backups[0].name
    # The backup is the old file, encrypted, and opens with its own key settings.
    params = crypto.read_params(backups[0].with_suffix(".key.json"))
    conn = connect(str(backups[0]), crypto.derive_key(PASSPHRASE, params))
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION - 1
    assert conn.execute("SELECT count(*) FROM households").fetchone()[0] == 20
    conn.close()


def test_newer_schema_is_refused_and_untouched(store, profile_dir):
    store.write(lambda tx: tx.create("households", household()))
    store.write(lambda tx: tx.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}"))
    store.close()
    before = digest(profile_dir)
    with pytest.raises(SchemaTooNew) as info:
        Store.open(profile_dir, PASSPHRASE)
    assert "newer version of FieldApp" in info.value.message.render()
    assert digest(profile_dir) == before
    assert not (profile_dir / "backups").exists()


def test_change_passphrase_rekeys(store, profile_dir):
    h = store.write(lambda tx: tx.create("households", household()))
    salt_before = json.loads((profile_dir / crypto.KEY_FILE).read_text())["salt"]
    with pytest.raises(WrongPassphrase):
        store.change_passphrase("wrong", "нове гасло")
    store.change_passphrase(PASSPHRASE, "нове гасло")
    assert store.get("households", h["id"])["id"] == h["id"]  # still usable after the re-key
    store.write(lambda tx: tx.create("households", household()))
    store.close()
    assert json.loads((profile_dir / crypto.KEY_FILE).read_text())["salt"] != salt_before
    with pytest.raises(WrongPassphrase):
        Store.open(profile_dir, PASSPHRASE)
    with Store.open(profile_dir, "нове гасло") as again:
        assert again.count("households") == 2


def test_interrupted_passphrase_change_still_opens(store, profile_dir):
    """A crash after key.json.new was written but before the re-key: the old passphrase opens."""
    store.close()
    crypto.write_params(profile_dir / crypto.KEY_FILE_NEW, crypto.KdfParams.fresh())
    with Store.open(profile_dir, PASSPHRASE):
        pass
    assert not (profile_dir / crypto.KEY_FILE_NEW).exists()


def test_full_disk_is_a_clear_error_that_loses_nothing(store):
    h = store.write(lambda tx: tx.create("households", household()))
    pages = store.read().execute("PRAGMA page_count").fetchone()[0]
    # SQLite reports a full disk (SQLITE_FULL) when the file may not grow: the same path.
    store.write(lambda tx: tx.db.execute(f"PRAGMA max_page_count = {pages}"))
    big = "нотатка " * 2400
    with pytest.raises(DiskFull) as info:
        for _ in range(50):
            store.write(lambda tx: tx.create("visits", visit(h["id"], notes=big)))
    assert "disk is full" in info.value.message.render() and info.value.detail == "SQLITE_FULL"
    n_visits = store.count("visits")
    assert len(store.outbox()) == 1 + n_visits  # every record still has its entry, no orphan
    store.write(lambda tx: tx.db.execute("PRAGMA max_page_count = 1073741823"))
    store.write(lambda tx: tx.create("visits", visit(h["id"], notes=big)))
    assert store.count("visits") == n_visits + 1


def test_writes_come_from_one_thread(store):
    import threading

    seen = set()

    def note(tx):
        seen.add(threading.current_thread().name)
        return tx.create("households", household())

    results = []
    threads = [threading.Thread(target=lambda: results.append(store.write(note))) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 8 and len(seen) == 1 and next(iter(seen)).startswith("fieldapp-writer")
    assert store.count("households") == 8 and store.pending_count() == 8


def test_file_is_not_plain_sqlite(store, profile_dir):
    store.close()
    assert not (profile_dir / DB_FILE).read_bytes().startswith(b"SQLite format 3")
    assert os.path.getsize(profile_dir / DB_FILE) > 0


def test_drafts_stay_local_and_survive_reopening(store, profile_dir):
    h = store.write(lambda tx: tx.create("households", household()))
    did = store.write(lambda tx: tx.save_draft("home_visit", {"notes": "почато"}, household_id=h["id"]))
    store.write(lambda tx: tx.save_draft("home_visit", {"notes": "почато, продовжено"}, draft_id=did,
                                         household_id=h["id"]))
    assert len(store.outbox()) == 1  # drafts never sync
    store.close()
    with Store.open(profile_dir, PASSPHRASE) as again:
        (draft,) = again.drafts(household_id=h["id"])
        assert draft.id == did and draft.data == {"notes": "почато, продовжено"}
        again.write(lambda tx: tx.discard_draft(did))
        assert again.drafts() == []


def test_apply_remote_keeps_pending_local_values_on_top(store):
    h = store.write(lambda tx: tx.create("households", household(phone="+380 50 000 0001")))

    def acknowledge_create(tx):  # as a sync round does once the server applied the create
        tx.db.execute("DELETE FROM outbox WHERE record_id = ?", [h["id"]])
        tx.db.execute("UPDATE households SET version = 1 WHERE id = ?", [h["id"]])

    store.write(acknowledge_create)
    store.write(lambda tx: tx.update("households", h["id"], {"address": "вул. Нова 1"}))
    remote = {**h, "version": 3, "phone": "+380 50 000 0002", "address": "вул. Стара 9"}
    store.write(lambda tx: tx.apply_remote(remote))
    got = store.get("households", h["id"])
    assert got["version"] == 3
    assert got["phone"] == "+380 50 000 0002"  # the server's change arrives
    assert got["address"] == "вул. Нова 1"  # what this laptop has not pushed yet stays
    assert len(store.outbox()) == 1  # and no outbox entry for what came from the server
