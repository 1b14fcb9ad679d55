"""Connections to the encrypted file: opening one with its key, one per thread (closed when the
thread ends), the profile's lock, and what SQLite's failures mean for a caseworker.

SQLite's errors are classified by their result code (`sqlite_errorcode`),
never by the wording of the message, which differs between builds.
"""

from __future__ import annotations

import threading
import weakref
from pathlib import Path

from fieldapp.store import crypto, integrity
from fieldapp.store.driver import DatabaseError, connect, dbapi, sqlite_utils
from fieldapp.store.errors import (
    DatabaseBusy,
    DatabaseDamaged,
    DatabasePartlyDamaged,
    DatabaseReadOnly,
    DiskError,
    DiskFull,
    KeyMismatch,
    KeySettingsDamaged,
    ProfileBusy,
    StoreError,
    WrongPassphrase,
)
from fieldapp.store.lock import ProfileInUse, ProfileLock

DB_FILE = "fieldapp.db"

# SQLite's primary result codes (https://sqlite.org/rescode.html): the low byte of an extended code.
_KINDS: dict[int, type[StoreError]] = {
    dbapi.SQLITE_BUSY: DatabaseBusy,
    dbapi.SQLITE_LOCKED: DatabaseBusy,
    dbapi.SQLITE_READONLY: DatabaseReadOnly,
    dbapi.SQLITE_IOERR: DiskError,
    dbapi.SQLITE_CANTOPEN: DiskError,
    dbapi.SQLITE_FULL: DiskFull,
    dbapi.SQLITE_CORRUPT: DatabaseDamaged,
    dbapi.SQLITE_NOTADB: DatabaseDamaged,
}


def classify(exc: DatabaseError) -> StoreError | None:
    """The caseworker's sentence for an environmental failure; None for a bug (let it raise)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if not isinstance(code, int):
        return None
    kind = _KINDS.get(code & 0xFF)
    name = getattr(exc, "sqlite_errorname", "") or type(exc).__name__
    return kind(str(name)) if kind else None  # the code's name only: a message may quote data


def probe(conn: dbapi.Connection) -> None:
    """Read the schema: the first read that needs the key (a wrong key fails here)."""
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()


def open_connection(path: Path, key: bytes) -> dbapi.Connection:
    """A connection with a key already proven right: a failure now is the file's, not the key's."""
    conn = connect(str(path), key)
    try:
        probe(conn)
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA busy_timeout = 30000")
    except DatabaseError as exc:
        conn.close()
        raise (classify(exc) or DatabaseDamaged(type(exc).__name__)) from exc
    return conn


class _Held:
    """One thread's connection; when the thread ends its thread-local goes, and this closes it."""

    def __init__(self, conn: dbapi.Connection):
        self.db = sqlite_utils.Database(conn)
        self.conn = conn

    def close(self) -> None:
        try:
            self.conn.close()
        except DatabaseError:
            pass

    def __del__(self) -> None:
        self.close()


class ThreadConnections:
    """A connection per thread to one file, closed when its thread ends or by `close_all`."""

    def __init__(self, path: Path, key: bytes):
        self.path = path
        self.key = key
        self._local = threading.local()
        self._held: weakref.WeakSet[_Held] = weakref.WeakSet()
        self._lock = threading.Lock()

    def get(self) -> sqlite_utils.Database:
        """This thread's connection, opened on first use."""
        held: _Held | None = getattr(self._local, "held", None)
        if held is None:
            held = _Held(open_connection(self.path, self.key))
            self._local.held = held
            with self._lock:
                self._held.add(held)
        return held.db

    def open_count(self) -> int:
        """How many threads hold a connection now."""
        with self._lock:
            return len(self._held)

    def close_all(self, new_key: bytes | None = None) -> None:
        """Close every thread's connection (each thread reopens on demand, with `new_key` if given)."""
        with self._lock:
            for held in list(self._held):
                held.close()
            self._held = weakref.WeakSet()
            self._local = threading.local()
        if new_key is not None:
            self.key = new_key


def take_lock(folder: Path) -> ProfileLock:
    lock = ProfileLock(folder)
    try:
        lock.acquire()
    except ProfileInUse as exc:
        raise ProfileBusy(str(exc)) from exc
    return lock


def has_profile(folder: Path) -> bool:
    """Whether any file of a profile is in `folder`: then no new profile may be made there."""
    names = (DB_FILE, DB_FILE + "-wal", crypto.KEY_FILE, crypto.KEY_FILE_NEW, "backups")
    return any((folder / name).exists() for name in names)


class _NotThisKey(Exception):
    """No page of the database verifies under the key tried."""


def _open_checked(db: Path, key: bytes) -> None:
    """Open with `key`, read the schema and check the pages; _NotThisKey when no page is this key's."""
    conn = connect(str(db), key)
    try:
        try:
            probe(conn)
        except DatabaseError as exc:
            if getattr(exc, "sqlite_errorcode", None) != dbapi.SQLITE_NOTADB:
                raise (classify(exc) or DatabaseDamaged(type(exc).__name__)) from exc
            # Page 1 did not decrypt. If other pages verify, the key is right and page 1 is damaged.
            bad, total = integrity.damaged_pages(conn), integrity.page_count(db)
            if len(bad) >= total:
                raise _NotThisKey() from exc
            raise DatabasePartlyDamaged("page 1 fails", pages=len(bad), total=total) from exc
        try:
            integrity.check_pages(conn, db)
        except DatabaseError as exc:
            raise (classify(exc) or DatabaseDamaged(type(exc).__name__)) from exc
    finally:
        conn.close()


def unlock(folder: Path, passphrase: str, key_files: list[Path], *, unclean: bool = False,
           accept_journal_loss: bool = False) -> tuple[bytes, Path]:
    """The key that opens the database, and the key file it came from; a StoreError saying what is wrong.

    In order: what the files show without a key (integrity.inspect_file);
    after an unclean end, the journal (unless the caseworker, told by IT,
    accepts losing it); each key file's parameters (bounded, summed); the
    passphrase against the key file's check; then the database under the key,
    every page's HMAC included. A right passphrase whose key decrypts no page
    is KeyMismatch (files that do not belong together), never WrongPassphrase.
    Nothing is written to any file here.
    """
    db = folder / DB_FILE
    integrity.inspect_file(db)
    if unclean and not accept_journal_loss:
        integrity.check_journal(db)
    unreadable: list[StoreError] = []
    mismatch = False
    for path in key_files:
        try:
            params = crypto.read_params(path)
        except KeySettingsDamaged as exc:
            unreadable.append(exc)
            continue
        key = crypto.derive_key(passphrase, params)
        proven = params.proves(key)
        if proven is False:
            continue
        try:
            _open_checked(db, key)
        except _NotThisKey:
            # Beside key.json.new (a re-key cut off after the database swap) the old passphrase is
            # proven by the old key file yet opens nothing: the passphrase changed, nothing is damaged.
            mismatch = mismatch or (bool(proven) and len(key_files) == 1)
            continue
        return key, path
    if len(unreadable) == len(key_files):
        raise unreadable[-1]  # key.json's own error (key.json.new, mid re-key, comes first)
    if mismatch:
        raise KeyMismatch("no page verifies under a proven key")
    raise WrongPassphrase()
