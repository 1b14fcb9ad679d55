"""The encrypted local store of one profile.

A profile is a folder::

    fieldapp.db        the SQLCipher database (and its -wal, -shm)
    key.json           salt and Argon2id parameters of the key (not secret)
    backups/           encrypted copies made before each migration
    lock               held while a FieldApp process has the profile open; it says
                       "open" while the database is, so the next start knows an
                       unclean end and checks the journal (lock.py)

Opening checks the files before trusting them (connection.unlock,
integrity.py): each kind of damage raises its own StoreError and leaves every
file as it was; a new profile is never made where any of these files exist.

All writes go through one writer thread (`Store.write`), each in one
transaction that writes the record and its outbox entry together, so a sync
round and a keystroke never race and a crash never leaves one without the
other. Reads use a connection per thread; in WAL mode they never wait for
the writer. Commits are durable (`synchronous=FULL`): once `write` returns,
the change survives a power cut.

The store's parts: connection.py (connections, keys, what SQLite's failures
mean), transaction.py (the records API of a write), records.py (the record
tables), outbox.py (changes still to push), decisions.py (review, conflicts,
rejected changes), drafts.py and search.py.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import hmac
import os
import shutil
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from casework.ids import new_id, trial_device_code
from fieldapp.store import (
    crypto,
    drafts,
    due,
    family_search,
    first_sync,
    integrity,
    outbox,
    records,
    rekey,
    schema,
    search,
)
from fieldapp.store.connection import (
    DB_FILE,
    ThreadConnections,
    classify,
    has_profile,
    take_lock,
    unlock,
)
from fieldapp.store.drafts import Draft
from fieldapp.store.driver import DatabaseError, sqlite_utils
from fieldapp.store.errors import (
    DatabaseMissing,
    DiskError,
    DiskFull,
    KeySettingsMissing,
    NotAProfile,
    ProfileExists,
    SchemaTooNew,
    StoreError,
    UpgradeNoSpace,
    WrongPassphrase,
)
from fieldapp.store.lock import ProfileLock
from fieldapp.store.outbox import OutboxEntry
from fieldapp.store.records import own_fields
from fieldapp.store.search import SearchHit, fts_query, search_text
from fieldapp.store.transaction import (
    CANNOT_MOVE,
    DEFERRED_EVICT_PREFIX,
    FAMILY_MISSING,
    Transaction,
    utcnow,
)

BACKUPS = "backups"
_NO_SPACE = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}  # a full disk, a quota, a file-size limit

T = TypeVar("T")


def _stamp() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")

# What importers of this module use; the parts live in the modules named above.
__all__ = [
    "BACKUPS", "CANNOT_MOVE", "DB_FILE", "FAMILY_MISSING", "Draft", "OutboxEntry", "SearchHit", "Store",
    "Transaction", "fts_query", "own_fields", "search_text", "utcnow",
]


class Store:
    """An open profile. Make one with `Store.create` or `Store.open`; `close` it when done.

    `kdf` is the Argon2id cost of keys this store makes (a new profile, a new
    passphrase); opening derives with the parameters key.json holds.
    """

    def __init__(self, folder: Path, raw_key: bytes, lock: ProfileLock, kdf: crypto.KdfCost):
        self.folder = folder
        self.path = folder / DB_FILE
        self._kdf = kdf
        self._lock = lock
        self._connections = ThreadConnections(self.path, raw_key)
        self._writer_thread: threading.Thread | None = None
        self._executor = ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="fieldapp-writer", initializer=self._mark_writer
        )
        self._closed = False
        self.device_id: str = ""

    # -- opening ------------------------------------------------------------

    @classmethod
    def create(cls, folder: Path | str, passphrase: str, *, schema_version: int | None = None,
               kdf: crypto.KdfCost = crypto.DEFAULT_COST) -> Store:
        """Make a new profile in `folder` (created owner-only) and open it."""
        folder = Path(folder)
        if has_profile(folder):  # never a new database over a damaged or half-deleted profile
            raise ProfileExists(folder=str(folder))
        old_umask = os.umask(0o077)
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            os.chmod(folder, 0o700)
            lock = take_lock(folder)
            params = crypto.KdfParams.fresh(kdf)
            key = crypto.derive_key(passphrase, params)
            crypto.write_params(folder / crypto.KEY_FILE, params.with_check(key))
            store = cls(folder, key, lock, kdf)
            try:
                store._prepare(schema_version, new=True)
            except BaseException:
                store.close()
                raise
        finally:
            os.umask(old_umask)
        return store

    @classmethod
    def open(cls, folder: Path | str, passphrase: str, *, schema_version: int | None = None,
             kdf: crypto.KdfCost = crypto.DEFAULT_COST, accept_journal_loss: bool = False) -> Store:
        """Unlock an existing profile. Raises WrongPassphrase, SchemaTooNew, ProfileBusy, ...

        A damaged or mismatched file raises its own StoreError kind (see
        connection.unlock) and is left byte for byte as it was. After an
        unclean end whose journal is missing or damaged, JournalMissing or
        JournalDamaged, unless `accept_journal_loss` (the caseworker was told).
        """
        folder = Path(folder)
        if not (folder / DB_FILE).exists():
            if has_profile(folder):  # key.json, a journal or backups, but no database
                raise DatabaseMissing("no database file")
            raise NotAProfile(folder=str(folder))
        key_files = crypto.candidates(folder)
        if not key_files:
            raise KeySettingsMissing("key.json missing")
        lock = take_lock(folder)
        try:
            if lock.unclean and accept_journal_loss:  # what SQLite will drop stays with IT, aside
                integrity.set_aside_journal(folder / DB_FILE, folder / BACKUPS, _stamp())
            key, used = unlock(folder, passphrase, key_files, unclean=lock.unclean,
                               accept_journal_loss=accept_journal_loss)
            if used.name == crypto.KEY_FILE_NEW:  # a re-key finished but its rename did not
                os.replace(used, folder / crypto.KEY_FILE)
            elif (folder / crypto.KEY_FILE_NEW).exists():  # a re-key that never happened
                (folder / crypto.KEY_FILE_NEW).unlink()
            rekey.discard_leftovers(folder)  # half-made copies of a re-key a crash cut short (we hold the lock)
            store = cls(folder, key, lock, kdf)
        except BaseException:
            lock.release()
            raise
        try:
            store._prepare(schema_version, new=False)
            crypto.add_check(folder / crypto.KEY_FILE, key)  # older key files: from now on told apart
        except BaseException:
            store.close()
            raise
        return store

    def _prepare(self, target: int | None, *, new: bool) -> None:
        target = schema.SCHEMA_VERSION if target is None else target
        db = self.read()
        try:
            db.execute("PRAGMA journal_mode = WAL")
            found = db.execute("PRAGMA user_version").fetchone()[0]
        except DatabaseError as exc:
            raise (classify(exc) or exc) from exc
        if found > schema.SCHEMA_VERSION:
            raise SchemaTooNew(found=found, known=schema.SCHEMA_VERSION)
        if found < target:
            self._migrate_with_backup(found, target)
        if new:
            self.write(self._first_meta)
        else:  # a first sync killed half-way: build its deferred indexes now (first_sync.py)
            self.write(lambda tx: tx.finish_first_sync())
        self.device_id = self.meta("device_id") or ""
        self._tighten_permissions()
        self._lock.mark_open()  # from here an end without close() is an unclean one

    def _migrate_with_backup(self, found: int, target: int) -> None:
        """Back up, then migrate; on a failure (a full disk) nothing of either is left behind."""
        backups = self.folder / BACKUPS
        existed = backups.exists()
        before = set(backups.iterdir()) if existed else set()
        try:
            if found > 0:
                self.backup(reason=f"schema{found}")
            self.write(lambda tx: self._migrate(tx, found, target))
        except (OSError, DatabaseError, StoreError) as exc:
            # The database is as it was (the migration's transaction rolled back): the copy is not needed.
            for path in (set(backups.iterdir()) if backups.exists() else set()) - before:
                path.unlink(missing_ok=True)
            if not existed and backups.exists() and not any(backups.iterdir()):
                backups.rmdir()
            if isinstance(exc, DatabaseError):
                exc = classify(exc) or exc
            if isinstance(exc, DiskFull) or (isinstance(exc, OSError) and exc.errno in _NO_SPACE):
                size = -(-self.path.stat().st_size // 1_000_000)
                raise UpgradeNoSpace(type(exc).__name__, size=size) from exc
            if isinstance(exc, OSError):
                raise DiskError(type(exc).__name__) from exc
            raise exc

    @staticmethod
    def _migrate(tx: Transaction, found: int, target: int) -> None:
        for version in range(found, target):
            schema.MIGRATIONS[version](tx.db)
            tx.db.execute(f"PRAGMA user_version = {version + 1}")

    @staticmethod
    def _first_meta(tx: Transaction) -> None:
        tx.set_meta("device_id", new_id())
        tx.set_meta("created_at", tx.now)

    def _tighten_permissions(self) -> None:
        if os.name != "posix":
            return
        for path in self.folder.iterdir():
            if path.is_file():
                os.chmod(path, 0o600)

    # -- connections --------------------------------------------------------

    def _mark_writer(self) -> None:
        self._writer_thread = threading.current_thread()

    def read(self) -> sqlite_utils.Database:
        """This thread's connection (the writer thread's is the writer's); closed when the thread ends."""
        if self._closed:
            raise RuntimeError("the store is closed")
        return self._connections.get()

    def open_connections(self) -> int:
        """How many threads hold a connection to the database now (the writer's included)."""
        return self._connections.open_count()

    def write(self, fn: Callable[[Transaction], T]) -> T:
        """Run `fn(transaction)` on the writer thread in one transaction; its result or its error.

        Environmental failures come back as StoreError (DiskFull,
        DatabaseBusy, ...); the transaction is rolled back, so nothing
        half-written remains.
        """
        if threading.current_thread() is self._writer_thread:
            return self._run_write(fn)
        return self._executor.submit(self._run_write, fn).result()

    def _run_write(self, fn: Callable[[Transaction], T]) -> T:
        db = self.read()
        if db.conn.in_transaction:  # a write inside a write: join it
            return fn(Transaction(self, db))
        try:
            db.execute("BEGIN IMMEDIATE")
        except DatabaseError as exc:
            raise (classify(exc) or exc) from exc
        try:
            result = fn(Transaction(self, db))
            due.refresh_dirty(db)  # what is due, recomputed for the households written, in this transaction
            family_search.refresh(db)  # the caseload's per-family search documents, likewise
            db.execute("COMMIT")
        except BaseException as exc:
            if db.conn.in_transaction:
                try:
                    db.execute("ROLLBACK")
                except DatabaseError:
                    pass
            if isinstance(exc, DatabaseError):
                raise (classify(exc) or exc) from exc
            raise
        return result

    @property
    def closed(self) -> bool:
        """True once `close` ran: an answer computed in the background may arrive after it."""
        return self._closed

    def close(self) -> None:
        """Close every connection and release the profile. Safe to call twice."""
        if self._closed:
            return
        self._executor.shutdown(wait=True)
        self._settle_journal()
        self._closed = True
        self._connections.close_all()
        self._lock.release()

    def _settle_journal(self) -> None:
        # The last connection to close deletes the journal; the lock's mark is cleared after it. A
        # kill between the two left an "open" mark with no journal, read at the next open as a lost
        # journal. So: copy the journal into the file first and mark the profile closed while the
        # connections are still open; when the copy cannot finish (a reader holds it), keep the
        # mark open and let the next open recover from the journal.
        try:
            busy = self.read().execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        except Exception:  # noqa: BLE001 - a damaged or vanished file: closing must still close
            return
        if busy == 0 and not self._lock.unclean:
            self._lock.mark_closed()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading ------------------------------------------------------------

    def meta(self, key: str, default: str | None = None) -> str | None:
        """A setting of the profile (device id, server address, cursor, ...)."""
        return records.get_meta(self.read(), key, default)

    def meta_keys(self, prefix: str) -> list[str]:
        """The meta keys that start with `prefix`."""
        return records.meta_keys(self.read(), prefix)

    def deferred_evictions(self) -> list[tuple[str, str]]:
        """(collection, id) of records that left this device's scope but waited for a push."""
        keys = self.meta_keys(DEFERRED_EVICT_PREFIX)
        pairs = (key[len(DEFERRED_EVICT_PREFIX):].split(":", 1) for key in keys)
        return [(c, r) for c, r in pairs]

    def device_code(self, db: sqlite_utils.Database | None = None) -> str:
        """The code in this device's case numbers: the server's once enrolled, a trial code before."""
        code = records.get_meta(db or self.read(), "device_code")
        return code or trial_device_code(self.device_id or "")

    def get(self, collection: str, record_id: str) -> dict[str, Any] | None:
        """The record with its envelope, tombstones included; None when absent."""
        return records.get(self.read(), collection, record_id)

    def records(
        self,
        collection: str,
        *,
        household_id: str | None = None,
        include_deleted: bool = False,
        limit: int | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Records of a collection, optionally of one household, oldest id first."""
        return records.iterate(self.read(), collection, household_id=household_id,
                               include_deleted=include_deleted, limit=limit)

    def count(self, collection: str, *, include_deleted: bool = False) -> int:
        """How many records a collection has (tombstones only if asked)."""
        return records.count(self.read(), collection, include_deleted=include_deleted)

    def search_building(self) -> bool:
        """Whether a first sync's search indexes are still being built (first_sync.py): a search finds part."""
        return first_sync.building(self.read())

    def build_search(self, *, between: Callable[[], None] | None = None) -> int:
        """Build what a first sync left for after it, one short write a step (other writes go between
        them), until done; `between` runs after each committed step (a closing program stops there).
        Returns how many steps ran."""
        steps = 0
        while self.search_building():
            steps += 1
            if not self.write(lambda tx: tx.build_search_step()):
                break
            if between is not None:
                between()
        return steps

    def search(self, text: str, *, limit: int = 50) -> list[SearchHit]:
        """Records whose names, address or notes contain words starting as typed, latest changed first."""
        return search.search(self.read(), text, limit)

    def outbox(self, *, state: str | None = "pending", limit: int | None = None, after: int = 0) -> list[OutboxEntry]:
        """Outbox entries in the order they were written (those after seq `after`)."""
        return outbox.entries(self.read(), state, limit, after)

    def pending_count(self) -> int:
        """How many changes wait to be pushed."""
        return outbox.count(self.read())

    def drafts(self, *, household_id: str | None = None) -> list[Draft]:
        """Unsaved form drafts, newest first."""
        return drafts.listed(self.read(), household_id=household_id)

    def draft(self, draft_id: str) -> Draft | None:
        """The draft `draft_id`, or None."""
        found = drafts.listed(self.read(), draft_id=draft_id)
        return found[0] if found else None

    def reference(self, collection: str) -> list[dict[str, Any]]:
        """Form definitions ("forms") or reference data ("reference") sent by the server."""
        return records.reference(self.read(), collection)

    def schema_version(self) -> int:
        return int(self.read().execute("PRAGMA user_version").fetchone()[0])

    # -- keys and whole-file operations ---------------------------------------

    def check_passphrase(self, passphrase: str) -> bool:
        """Whether `passphrase` is this profile's (compared in constant time; the key stays inside)."""
        params = crypto.read_params(self.folder / crypto.KEY_FILE)
        return hmac.compare_digest(crypto.derive_key(passphrase, params), self._connections.key)

    def backup(self, *, reason: str = "manual") -> Path:
        """An encrypted copy of the database in backups/, with the key settings it needs."""
        target_dir = self.folder / BACKUPS
        target_dir.mkdir(mode=0o700, exist_ok=True)
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
        target = target_dir / f"fieldapp-{reason}-{stamp}.db"
        db = self.read()
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        shutil.copy2(self.path, target)
        shutil.copy2(self.folder / crypto.KEY_FILE, target.with_suffix(".key.json"))
        for path in (target, target.with_suffix(".key.json")):
            if os.name == "posix":
                os.chmod(path, 0o600)
        crypto.fsync_dir(target_dir)
        return target

    def change_passphrase(self, old: str, new: str, *, step: Callable[[str], None] | None = None,
                          space_margin: int = rekey.SPACE_MARGIN) -> None:
        """Put the database and its backups under a new passphrase (and a new salt): rekey.py.

        Each new file is written beside the old one and proven to open with the new key and to
        hold the same rows before anything is replaced, so at every instant exactly one of the
        two passphrases opens the profile. Raises WrongPassphrase, NotEnoughSpace (nothing
        changed), ...; `step` (tests) is told each step as it is done; `space_margin` is the free
        space wanted beyond the copies before starting.
        """
        if not self.check_passphrase(old):
            raise WrongPassphrase()
        params = crypto.KdfParams.fresh(self._kdf)
        new_key = crypto.derive_key(new, params)
        params = params.with_check(new_key)  # the new key.json tells a right passphrase from a damaged file
        old_key = self._connections.key
        backups = rekey.backup_keys(self.folder, old_key, old)
        del old, new  # only the keys are needed from here on

        def close_connections(key: bytes | None) -> None:
            self._connections.close_all(key)
            if key is None:  # the journal is settled and the file is about to be swapped: a clean state
                self._lock.mark_closed()

        def run() -> None:  # on the writer thread, so no write runs meanwhile
            try:
                rekey.change_key(self.folder, self.read().conn, old_key, new_key, params, backups,
                                 close_connections=close_connections, step=step or (lambda _step: None),
                                 margin=space_margin)
            finally:
                # The journal exists again before the mark says "open": open without a journal is what a
                # lost journal looks like after a kill (the SIGKILL test in tests/test_passphrase_settings.py).
                with contextlib.suppress(DatabaseError, StoreError, OSError):
                    self.read().execute("SELECT count(*) FROM sqlite_master").fetchone()
                self._lock.mark_open()  # connections reopen on demand: an end from here is unclean again

        self._executor.submit(run).result()
