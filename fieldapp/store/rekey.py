"""A new key for a profile's files (a new passphrase), with exactly one passphrase opening it at every instant.

SQLCipher's ``PRAGMA rekey`` rewrites the file in place and was seen to answer
"ok" on a nearly full disk while the file kept its old key; key.json was then
replaced and no passphrase opened the profile. So the file is never re-keyed in
place. The steps, and what a crash after each leaves (Store.open tries
key.json.new first, then key.json, and removes key.json.new when it did not open):

1. ``key.json.new`` (the new salt) is written and flushed.            the old passphrase opens
2. ``fieldapp.db.rekey``: a copy under the new key (sqlcipher_export), flushed,
   then proven: it opens with the new key, passes quick_check, and has the same
   schema, data version and rows as the database.                        the old opens
3. the same for every backup (``backups/*.db.rekey``).                   the old opens
4. each backup's copy renamed over it, and its copy of the key settings
   replaced (the replaced bytes overwritten, overwrite.replace).          the old opens the profile,
                                                                         the new the backups
5. ``fieldapp.db.rekey`` renamed over ``fieldapp.db``.                    the new opens, the old nothing
6. ``key.json.new`` renamed over ``key.json`` (the old salt overwritten).  the new opens

A failure before step 4 (a full disk, an I/O error, a copy that does not prove
equal) removes what was written and changes nothing. Leftover ``.rekey`` files
from a crash are destroyed by the next change and by the wipe; backups left
under the never-confirmed new passphrase by a crash in step 4 are destroyed by
the next change (nothing it knows opens them).
"""

from __future__ import annotations

import errno
import functools
import hashlib
import math
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from fieldapp.store import crypto, overwrite
from fieldapp.store.connection import DB_FILE, classify
from fieldapp.store.driver import DatabaseError, connect, dbapi
from fieldapp.store.errors import (
    DatabaseBusy,
    DatabaseDamaged,
    DiskError,
    NotEnoughSpace,
    StoreError,
)

BACKUPS = "backups"
SUFFIX = ".rekey"
_MIB = 1 << 20
# Room beyond the copies themselves: SQLite's journal of the copy and the file system's own blocks.
SPACE_MARGIN = 2 * _MIB

STEPS = ("key_file_new", "database_copied", "backups_copied", "backups_swapped", "database_swapped",
         "key_file_swapped")


def _nothing(_step: str) -> None:
    return None


@dataclass
class _Copy:
    source: Path  # the file as it is now
    key: bytes | None  # the key that opens it; None: nothing this passphrase knows opens it
    target: Path  # the re-keyed copy, source + ".rekey"

    @property
    def key_copy(self) -> Path:
        return self.source.with_suffix(".key.json")

    @property
    def key_copy_target(self) -> Path:
        return Path(str(self.key_copy) + SUFFIX)


def backups_of(folder: Path) -> list[Path]:
    """The profile's backup databases, oldest name first."""
    folder = folder / BACKUPS
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.db") if p.is_file())


def backup_keys(folder: Path, current_key: bytes, passphrase: str) -> dict[Path, bytes | None]:
    """The key of each backup: the profile's own, or the one its key settings copy gives `passphrase`.

    A backup made before an earlier passphrase change (by an older FieldApp) has its own salt;
    one that neither opens is None and is destroyed by the change.
    """
    keys: dict[Path, bytes | None] = {}
    for path in backups_of(folder):
        keys[path] = None
        tries = [current_key]
        try:
            tries.append(crypto.derive_key(passphrase, crypto.read_params(path.with_suffix(".key.json"))))
        except (crypto.KeyFileError, ValueError, MemoryError):
            pass
        for key in tries:
            if _opens(path, key):
                keys[path] = key
                break
    return keys


def discard_leftovers(folder: Path) -> None:
    """Destroy re-keyed copies a crash left behind (they are under a key no key file describes now)."""
    for path in [folder / (DB_FILE + SUFFIX), *(folder / BACKUPS).glob("*" + SUFFIX)]:
        for extra in ("", "-journal", "-wal", "-shm"):
            overwrite.destroy(Path(str(path) + extra))


def change_key(folder: Path, db: dbapi.Connection, old_key: bytes, new_key: bytes, params: crypto.KdfParams,
               backups: dict[Path, bytes | None], *, close_connections: Callable[[bytes | None], None],
               step: Callable[[str], None] = _nothing, margin: int = SPACE_MARGIN) -> None:
    """Put the database and its backups under `new_key` (key settings `params`), the steps above.

    `db` is the writer's connection (no write runs meanwhile); `close_connections(key)` closes every
    connection to the database (before it is replaced; again after, giving the key to reopen with).
    Raises NotEnoughSpace, DiskError, ... with nothing changed when the new files cannot be written
    and proven; `step` is told each step done.
    `margin`: free space wanted beyond the copies' size before starting (checked again by every write).
    """
    discard_leftovers(folder)
    main = _Copy(folder / DB_FILE, old_key, folder / (DB_FILE + SUFFIX))
    copies = [_Copy(path, key, Path(str(path) + SUFFIX)) for path, key in backups.items()]
    readable = [c for c in copies if c.key is not None]
    _check_space(folder, [main, *readable], margin)
    new_key_file = folder / crypto.KEY_FILE_NEW
    swapped = False
    try:
        _written(lambda: crypto.write_params(new_key_file, params), [main, *readable], folder)
        step(STEPS[0])
        want = digest(db)
        _written(lambda: _export(db, main.target, new_key), [main, *readable], folder)
        _prove(main.target, new_key, want, wal=True)
        step(STEPS[1])
        for copy in readable:
            _copy_backup(copy, new_key, [main, *readable], folder)
            # written now, renamed later: a rename needs no space, so step 4 cannot meet a full disk
            _written(functools.partial(crypto.write_params, copy.key_copy_target, params), [main, *readable], folder)
        step(STEPS[2])
        close_connections(None)
        _settle_wal(main.source, old_key)
        # The backups first: once the database has the new key, nothing is left under the old one.
        for copy in copies:
            if copy.key is None:  # from a passphrase before the old one: nothing should open it any more
                overwrite.destroy(copy.key_copy)
                overwrite.destroy(copy.source)
                continue
            overwrite.replace(copy.target, copy.source)
            overwrite.replace(copy.key_copy_target, copy.key_copy)
        step(STEPS[3])
        for extra in ("-wal", "-shm"):  # the old file's, empty now: never to be read beside the new file
            overwrite.destroy(Path(str(main.source) + extra))
        overwrite.replace(main.target, main.source)
        swapped = True
        close_connections(new_key)  # a reader that reopened meanwhile saw the old file: closed again
    finally:
        if not swapped:
            for copy in (main, *readable):
                overwrite.destroy(copy.target)
                overwrite.destroy(copy.key_copy_target)
            overwrite.destroy(new_key_file)
    step(STEPS[4])
    overwrite.replace(new_key_file, folder / crypto.KEY_FILE)
    step(STEPS[5])


def digest(conn: dbapi.Connection) -> str:
    """A fingerprint of a database's content: schema, data version, and every row of every table."""
    h = hashlib.sha256()
    h.update(str(conn.execute("PRAGMA user_version").fetchone()[0]).encode())
    tables = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
    ).fetchall()
    for name, sql in tables:
        h.update(f"\0{name}\0{sql}".encode())
        if str(sql).upper().startswith("CREATE VIRTUAL"):
            continue  # its shadow tables are listed and hashed themselves
        quoted = '"' + str(name).replace('"', '""') + '"'
        try:
            rows = conn.execute(f"SELECT * FROM {quoted} ORDER BY rowid")
        except DatabaseError:  # a WITHOUT ROWID table is read in its key's order
            rows = conn.execute(f"SELECT * FROM {quoted}")
        for row in rows:
            h.update(repr(row).encode("utf-8", "surrogatepass"))
    return h.hexdigest()


# -- the steps' parts --------------------------------------------------------------------------


def _opens(path: Path, key: bytes) -> bool:
    try:
        conn = connect(str(path), key)
    except DatabaseError:
        return False
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except DatabaseError:
        return False
    finally:
        conn.close()


def _check_space(folder: Path, copies: list[_Copy], margin: int) -> None:
    needed = sum(c.source.stat().st_size for c in copies) + margin
    free = shutil.disk_usage(folder).free
    if free < needed:
        raise NotEnoughSpace(f"free {free}, needed {needed}", needed_mb=max(1, math.ceil((needed - free) / _MIB)))


def _written(write: Callable[[], None], copies: list[_Copy], folder: Path) -> None:
    """Run `write`; a full disk becomes NotEnoughSpace, another environmental failure its own StoreError.

    sqlcipher_export reports a full disk as a plain SQLITE_ERROR (its inner statement failed), so
    a failed write on a disk with less free space than the copies need is taken for a full disk.
    """
    try:
        write()
    except DatabaseError as exc:
        code = (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF
        if code == dbapi.SQLITE_FULL or shutil.disk_usage(folder).free < SPACE_MARGIN:
            raise _short(copies) from exc
        raise (classify(exc) or exc) from exc
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise _short(copies) from exc
        raise DiskError(type(exc).__name__) from exc


def _short(copies: list[_Copy]) -> StoreError:
    needed = sum(c.source.stat().st_size for c in copies) + SPACE_MARGIN
    return NotEnoughSpace("disk full while writing", needed_mb=max(1, math.ceil(needed / _MIB)))


def _export(db: dbapi.Connection, target: Path, key: bytes) -> None:
    """Copy the database `db` to `target` under `key` (sqlcipher_export), data version included, flushed."""
    overwrite.destroy(target)
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    db.execute("ATTACH DATABASE ? AS rekey KEY ?", [str(target), f"x'{key.hex()}'"])
    try:
        db.execute("SELECT sqlcipher_export('rekey')").fetchall()
        db.execute(f"PRAGMA rekey.user_version = {version}")
    finally:
        db.execute("DETACH DATABASE rekey")
    if os.name == "posix":
        os.chmod(target, 0o600)
    fd = os.open(target, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    overwrite.fsync_dir(target.parent)


def _prove(target: Path, key: bytes, want: str, *, wal: bool) -> None:
    """The copy opens with `key`, is sound, and holds what the original holds; DatabaseDamaged if not."""
    try:
        conn = connect(str(target), key)
        try:
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
            got = digest(conn)
            if wal:
                conn.execute("PRAGMA journal_mode = WAL")
        finally:
            conn.close()
    except DatabaseError as exc:
        raise DatabaseDamaged(f"re-keyed copy does not open: {type(exc).__name__}") from exc
    if check != "ok" or got != want:
        raise DatabaseDamaged("re-keyed copy differs from the database")


def _copy_backup(copy: _Copy, new_key: bytes, copies: list[_Copy], folder: Path) -> None:
    assert copy.key is not None
    try:
        conn = connect(str(copy.source), copy.key)
    except DatabaseError as exc:
        raise DatabaseDamaged(type(exc).__name__) from exc
    try:
        want = digest(conn)
        _written(lambda: _export(conn, copy.target, new_key), copies, folder)
    finally:
        conn.close()
    _prove(copy.target, new_key, want, wal=False)


def _settle_wal(path: Path, key: bytes) -> None:
    """Every committed change in the main file before it is replaced: a stale WAL must never meet the new file."""
    wal = Path(str(path) + "-wal")
    if not wal.exists() or wal.stat().st_size == 0:
        return
    conn = connect(str(path), key)
    try:
        busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    finally:
        conn.close()
    if busy or (wal.exists() and wal.stat().st_size > 0):
        raise DatabaseBusy("the write-ahead log could not be emptied")
