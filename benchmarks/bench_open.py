"""What checking a profile's files costs at unlock, beside its floors measured in the same run.

The floors: Argon2id alone (the key), reading the file's bytes once (the disk and
the page cache); the checks: SQLCipher's cipher_integrity_check (every page's
HMAC: integrity.check_pages) and quick_check (run only up to
integrity.QUICK_CHECK_MAX_PAGES pages).
"""

from __future__ import annotations

from benchmarks.runner import Bench, scenario
from fieldapp import demo
from fieldapp.store import crypto, integrity
from fieldapp.store.database import DB_FILE, Store
from fieldapp.store.driver import connect

PASSPHRASE = "benchmark passphrase"


def _profile(b: Bench, families: int) -> Store:
    store = Store.create(b.tmp / f"p{families}", PASSPHRASE)
    demo.fill(store, families)
    store.close()
    return store


def _measure(b: Bench, families: int) -> None:
    folder = b.tmp / f"p{families}"
    db = folder / DB_FILE
    b.record(f"{families} families: database size", db.stat().st_size / 1e6, "MB")
    b.record(f"{families} families: pages", integrity.page_count(db), "pages")
    params = crypto.read_params(folder / crypto.KEY_FILE)
    for _ in range(5):
        with b.measure(f"{families} families: floor, Argon2id alone"):
            key = crypto.derive_key(PASSPHRASE, params)
        with b.measure(f"{families} families: floor, read the file's bytes once"):
            db.read_bytes()
        conn = connect(str(db), key)
        with b.measure(f"{families} families: cipher_integrity_check (every page's HMAC)"):
            integrity.damaged_pages(conn)
        with b.measure(f"{families} families: quick_check(1)"):
            conn.execute("PRAGMA quick_check(1)").fetchone()
        conn.close()
        with b.measure(f"{families} families: Store.open, all checks (what unlock costs)"):
            store = Store.open(folder, PASSPHRASE)
        store.close()


@scenario("store.open_checked", "Unlock with the integrity checks: 200 and 2,000 families")
def open_checked(b: Bench) -> None:
    for families in (200, 2000):
        _profile(b, families)
        _measure(b, families)
