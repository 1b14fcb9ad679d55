"""Destroying a profile's records for good (a revoked laptop): crypto-shredding, then the files.

The database key is Argon2id(passphrase, salt); the salt exists only in key.json
and in the copies of it beside the backups. Those are overwritten first, so from
that instant no copy of the data anywhere (the database, its WAL, the backups,
blocks an SSD keeps) can be decrypted even with the passphrase. Then every file
of the records is overwritten in place and removed: on a hard disk that removes
the ciphertext as well; on an SSD it is the key's destruction that counts
(docs/it.md, "What a wipe destroys").
"""

from __future__ import annotations

import shutil
from pathlib import Path

from fieldapp.store import crypto, overwrite, rekey
from fieldapp.store.connection import DB_FILE
from fieldapp.store.database import BACKUPS, Store

_DB_FILES = (DB_FILE, DB_FILE + "-wal", DB_FILE + "-shm", DB_FILE + "-journal")


def destroy(store: Store) -> Path:
    """Close the store and destroy its key settings, database and backups; returns the folder."""
    folder = store.folder
    store.close()
    destroy_folder(folder)
    return folder


def destroy_folder(folder: Path) -> None:
    """Destroy the records in a profile folder that is not open: the key settings first, then the data."""
    backups = folder / BACKUPS
    key_files = [folder / crypto.KEY_FILE, folder / crypto.KEY_FILE_NEW,
                 folder / (crypto.KEY_FILE + ".tmp"), folder / (crypto.KEY_FILE_NEW + ".tmp")]
    if backups.is_dir():
        key_files += sorted(backups.glob("*.key.json*"))
    for path in key_files:
        overwrite.destroy(path)
    crypto.fsync_dir(folder)
    rekey.discard_leftovers(folder)
    for name in _DB_FILES:
        overwrite.destroy(folder / name)
    if backups.is_dir():
        for path in sorted(backups.rglob("*")):
            if path.is_file():
                overwrite.destroy(path)
        shutil.rmtree(backups, ignore_errors=True)
    crypto.fsync_dir(folder)
