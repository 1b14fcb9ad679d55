"""Real faults of the database file, each told apart by SQLite's result code (not its wording),
and per-thread connections that close when their thread ends. (A full disk: test_store.py.)"""

from __future__ import annotations

import os
import threading

import factories
import pytest
from kit import PASSPHRASE

from fieldapp.store import crypto
from fieldapp.store.database import DB_FILE, Store
from fieldapp.store.driver import OperationalError, connect, dbapi
from fieldapp.store.errors import (
    DatabaseBusy,
    DatabaseDamaged,
    DatabaseReadOnly,
    StoreError,
    WrongPassphrase,
)


def _raw(profile_dir):
    """A second connection of our own to the same file, with the profile's key."""
    params = crypto.read_params(profile_dir / crypto.KEY_FILE)
    return connect(str(profile_dir / DB_FILE), crypto.derive_key(PASSPHRASE, params))


def _filled(store, n=200):
    for _ in range(n):
        store.write(lambda tx: tx.create("households", factories.household()))


def test_a_write_lock_held_elsewhere_is_busy_not_damage(store, profile_dir):
    store.write(lambda tx: tx.db.execute("PRAGMA busy_timeout = 50"))  # do not wait 30 s for it here
    other = _raw(profile_dir)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DatabaseBusy) as info:
            store.write(lambda tx: tx.create("households", factories.household()))
        assert info.value.detail == "SQLITE_BUSY"
        assert info.value.message != DatabaseDamaged().message
    finally:
        other.execute("ROLLBACK")
        other.close()
    store.write(lambda tx: tx.create("households", factories.household()))  # free again: it works
    assert store.count("households") == 1


def test_a_read_only_database_says_so(store):
    store.write(lambda tx: tx.db.execute("PRAGMA query_only = 1"))
    with pytest.raises(DatabaseReadOnly):
        store.write(lambda tx: tx.create("households", factories.household()))
    assert store.count("households") == 0


def test_a_file_overwritten_with_garbage_is_damaged_not_a_wrong_passphrase(store, profile_dir):
    _filled(store, 20)
    path = profile_dir / DB_FILE
    store.read().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    path.write_bytes(os.urandom(path.stat().st_size))
    found: list[BaseException] = []

    def reader() -> None:  # a new thread opens a new connection on the damaged file
        try:
            store.count("households")
        except BaseException as exc:  # noqa: BLE001 - handed to the test thread
            found.append(exc)

    t = threading.Thread(target=reader)
    t.start()
    t.join()
    assert len(found) == 1 and isinstance(found[0], DatabaseDamaged)
    with pytest.raises(DatabaseDamaged):
        store.write(lambda tx: tx.create("households", factories.household()))


def test_a_truncated_file_is_damaged_and_the_wrong_passphrase_still_says_so(store, profile_dir):
    _filled(store)
    store.close()
    path = profile_dir / DB_FILE
    with open(path, "r+b") as fh:  # at a page boundary (mid-page is DatabaseIncomplete before any key)
        fh.truncate(path.stat().st_size // 2 // 4096 * 4096)
    with pytest.raises(DatabaseDamaged) as info:
        Store.open(profile_dir, PASSPHRASE)
    assert info.value.detail == "SQLITE_CORRUPT"
    with pytest.raises(WrongPassphrase):
        Store.open(profile_dir, "not the passphrase")


def test_an_emptied_file_is_damaged_and_opens_with_no_passphrase(store, profile_dir):
    store.close()
    (profile_dir / DB_FILE).write_bytes(b"")
    for passphrase in (PASSPHRASE, "anything"):
        with pytest.raises(DatabaseDamaged):
            Store.open(profile_dir, passphrase)
    assert (profile_dir / DB_FILE).stat().st_size == 0  # nothing was made of it


def test_a_bug_in_sql_is_not_dressed_up_as_a_damaged_database(store):
    with pytest.raises(OperationalError) as info:
        store.write(lambda tx: tx.db.execute("SELECT * FROM no_such_table"))
    assert not isinstance(info.value, StoreError)


def test_a_threads_connection_closes_when_the_thread_ends(store):
    store.count("households")  # this thread's connection, and the writer's from the fixture
    before = store.open_connections()
    seen: dict[str, object] = {}

    def worker() -> None:
        db = store.read()
        seen["count"] = db.execute("SELECT count(*) FROM households").fetchone()[0]
        seen["conn"] = db.conn
        seen["open"] = store.open_connections()

    t = threading.Thread(target=worker)
    t.start()
    t.join()
    assert seen["count"] == 0 and seen["open"] == before + 1
    assert store.open_connections() == before
    with pytest.raises(dbapi.ProgrammingError):  # closed, not merely forgotten
        seen["conn"].execute("SELECT 1")  # type: ignore[attr-defined]
    assert store.count("households") == 0  # the other threads' connections are untouched


def test_check_passphrase(store):
    assert store.check_passphrase(PASSPHRASE)
    assert not store.check_passphrase(PASSPHRASE + " ")
