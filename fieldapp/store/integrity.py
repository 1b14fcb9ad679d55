"""Is the profile's database whole? What can be told from its files, with and without the key.

Without the key (`inspect_file`, `check_journal`): an empty or missing file,
a plain (unencrypted) SQLite file, a size that ends inside a page, and, after
an unclean end, a missing or damaged journal (fieldapp.db-wal, SQLite's
write-ahead log; its header, frames, salts and checksum: "The Write-Ahead Log",
https://www.sqlite.org/fileformat2.html#walformat, and the comment at the top
of SQLite's src/wal.c). SQLite drops a damaged journal's frames silently and
the changes in them with it, so this is looked at before SQLite opens the file.

With the key (`damaged_pages`, `check_pages`): SQLCipher's
`PRAGMA cipher_integrity_check` (SQLCipher 4.2.0 and later, CHANGELOG.md:
"independent verification of page HMACs") checks every page's HMAC, so a
flipped bit anywhere shows; its HMAC key comes from the key and the file's salt
(its first 16 bytes), so a damaged salt fails every page, like a wrong key.
It reads the file once (~6-10 ms per MB, benchmarks/bench_open.py);
SQLite's `PRAGMA quick_check` (the b-tree structure, ~20 ms per MB) runs on
small files only. Nothing here writes to any file.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
from pathlib import Path

from fieldapp.store.driver import DatabaseError, dbapi
from fieldapp.store.errors import (
    DatabaseDamaged,
    DatabaseEmpty,
    DatabaseIncomplete,
    DatabaseMissing,
    DatabaseNotEncrypted,
    DatabasePartlyDamaged,
    JournalDamaged,
    JournalMissing,
)

PAGE_SIZE = 4096  # SQLCipher 4's page size; the store never changes it
PLAIN_SQLITE = b"SQLite format 3\x00"  # the first 16 bytes of every unencrypted SQLite file
QUICK_CHECK_MAX_PAGES = 2048  # 8 MB: quick_check costs ~160 ms there; beyond, the HMACs alone

_WAL_MAGIC = (0x377F0682, 0x377F0683)  # the low bit: checksums in big-endian words
_WAL_HEADER = 32
_FRAME_HEADER = 24
_PAGE_NUMBER = re.compile(r"\bpage (\d+)\b")


def wal_path(db: Path) -> Path:
    return db.with_name(db.name + "-wal")


def inspect_file(db: Path) -> None:
    """Raise the DatabaseDamaged kind that the file shows before any key is tried."""
    try:
        size = db.stat().st_size
        with open(db, "rb") as fh:
            head = fh.read(len(PLAIN_SQLITE))
    except FileNotFoundError as exc:
        raise DatabaseMissing("no database file") from exc
    if size == 0:
        # SQLite takes an empty file for a new database, and any key would "open" it.
        raise DatabaseEmpty("empty database file")
    if head == PLAIN_SQLITE:
        raise DatabaseNotEncrypted("plain SQLite header")
    if size % PAGE_SIZE:
        raise DatabaseIncomplete(f"size {size % PAGE_SIZE} bytes into a page")


def check_journal(db: Path) -> None:
    """After an unclean end: JournalMissing or JournalDamaged when committed changes would be lost."""
    try:
        data = wal_path(db).read_bytes()
    except FileNotFoundError as exc:
        raise JournalMissing("no journal after an unclean end") from exc
    if journal_damaged(data):
        raise JournalDamaged("journal frames after a broken one")


def set_aside_journal(db: Path, folder: Path, stamp: str) -> Path | None:
    """Copy a journal about to be opened without its broken frames into `folder` (owner-only), for IT."""
    wal = wal_path(db)
    if not wal.exists():
        return None
    folder.mkdir(mode=0o700, exist_ok=True)
    target = folder / f"fieldapp-journal-{stamp}.db-wal"  # encrypted pages, as in the journal
    shutil.copyfile(wal, target)
    os.chmod(target, 0o600)
    return target


def _checksum(data: bytes, s1: int, s2: int, big_endian: bool) -> tuple[int, int]:
    """SQLite's WAL checksum (walformat.html, "Checksum Algorithm"), continued from (s1, s2)."""
    words = struct.unpack(f"{'>' if big_endian else '<'}{len(data) // 4}I", data)
    for i in range(0, len(words), 2):
        s1 = (s1 + words[i] + s2) & 0xFFFFFFFF
        s2 = (s2 + words[i + 1] + s1) & 0xFFFFFFFF
    return s1, s2


def journal_damaged(data: bytes) -> bool:
    """Whether a journal holds commits that SQLite would drop because an earlier frame is broken.

    SQLite reads frames until the first whose salts or checksum do not match,
    and takes the log to end there. Frames of an older generation (other
    salts) after the end are normal. A later *commit* frame of the current
    generation is not: it was written, and made durable, after the broken one.
    A broken last frame alone is a write torn by the crash (never committed).
    """
    frame_size = _FRAME_HEADER + PAGE_SIZE
    if len(data) < _WAL_HEADER + frame_size:
        return False  # no whole frame: nothing committed can be in it
    magic, _version, page_size, _seq, salt1, salt2, c1, c2 = struct.unpack(">8I", data[:_WAL_HEADER])
    if magic not in _WAL_MAGIC or page_size != PAGE_SIZE:
        return True
    big = bool(magic & 1)
    if _checksum(data[:24], 0, 0, big) != (c1, c2):
        return True  # SQLite would ignore the whole journal
    s1, s2 = c1, c2
    end: int | None = None
    for offset in range(_WAL_HEADER, len(data) - frame_size + 1, frame_size):
        pgno, commit, f1, f2, k1, k2 = struct.unpack(">6I", data[offset:offset + _FRAME_HEADER])
        current = (f1, f2) == (salt1, salt2)
        if end is None:
            if current and pgno:
                s1, s2 = _checksum(data[offset:offset + 8], s1, s2, big)
                s1, s2 = _checksum(data[offset + _FRAME_HEADER:offset + frame_size], s1, s2, big)
                if (s1, s2) == (k1, k2):
                    continue
            end = offset
        elif current and commit:
            return True
    return False


def damaged_pages(conn: dbapi.Connection) -> set[int]:
    """The pages whose HMAC does not verify under the connection's key (SQLCipher's own check)."""
    rows = conn.execute("PRAGMA cipher_integrity_check").fetchall()
    found: set[int] = set()
    for (line,) in rows:
        match = _PAGE_NUMBER.search(str(line))
        found.add(int(match.group(1)) if match else 0)
    return found


def page_count(db: Path) -> int:
    """How many pages the file holds (its size says it: `inspect_file` made sure it is whole pages)."""
    return db.stat().st_size // PAGE_SIZE


def check_pages(conn: dbapi.Connection, db: Path) -> None:
    """After the schema was read: every page's HMAC, and the structure when the file is small."""
    bad = damaged_pages(conn)
    total = page_count(db)
    if bad:
        raise DatabasePartlyDamaged("pages fail their HMAC", pages=len(bad), total=total)
    if total <= QUICK_CHECK_MAX_PAGES:
        try:
            verdict = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        except DatabaseError as exc:
            raise DatabaseDamaged(str(getattr(exc, "sqlite_errorname", "") or type(exc).__name__)) from exc
        if verdict != "ok":
            raise DatabaseDamaged("quick_check")
