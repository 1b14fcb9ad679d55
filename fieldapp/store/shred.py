"""Destroying a profile's records for good (a revoked laptop): crypto-shredding, then the files.

Without key.json's salt the database cannot be decrypted even with the
passphrase, so the key settings go first and the data is unreadable at once;
the database, its journal files and the backups follow.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from fieldapp.store import crypto
from fieldapp.store.connection import DB_FILE
from fieldapp.store.database import BACKUPS, Store


def destroy(store: Store) -> Path:
    """Close the store and destroy its key settings, database and backups; returns the folder."""
    folder = store.folder
    store.close()
    for name in (crypto.KEY_FILE, crypto.KEY_FILE_NEW):
        _shred(folder / name)
    for name in (DB_FILE, DB_FILE + "-wal", DB_FILE + "-shm", DB_FILE + "-journal"):
        _shred(folder / name)
    shutil.rmtree(folder / BACKUPS, ignore_errors=True)
    crypto.fsync_dir(folder)
    return folder


def _shred(path: Path) -> None:
    """Overwrite a file's bytes once, then remove it (best effort on SSDs; the key is gone anyway)."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return
    try:
        with open(path, "r+b") as fh:
            fh.write(b"\0" * size)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError:
        pass
    path.unlink(missing_ok=True)
