"""Attachments' content in the profile: chunks inside the encrypted database, addressed by SHA-256.

The metadata of an attachment is an `attachments` record (casework/schemas.py), written through
the records API like any other. Its bytes are here: `attachment_blobs` says what content the
laptop holds and in which state, `attachment_chunks` holds it in chunks of the protocol's size
(`sync.protocol.ATTACHMENT_CHUNK_BYTES`), so an upload or a download reads and writes one chunk at
a time and resumes where it stopped. Everything is inside the SQLCipher file, under the store's
key: no plain copy, no temporary file, destroyed with the profile.

States of a blob: `upload` (made on this laptop, not yet acknowledged by the server), `stored`
(whole here and on the server), `partial` (being downloaded: not readable until whole and
checked). Content no live attachment record points at leaves with `drop_orphans`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from casework import records as domain
from casework.i18n import QT_TRANSLATE_NOOP
from fieldapp.store.driver import sqlite_utils
from fieldapp.store.errors import DiskFull
from sync.protocol import ATTACHMENT_CHUNK_BYTES, chunk_count

if TYPE_CHECKING:
    from fieldapp.store.transaction import Transaction

UPLOAD, STORED, PARTIAL = "upload", "stored", "partial"

_LIVE_SHAS = ("SELECT json_extract(data, '$.sha256') FROM attachments WHERE deleted = 0")


@dataclass(frozen=True)
class Blob:
    """Content the laptop holds (or is fetching)."""

    sha256: str
    size: int
    media_type: str
    chunks: int
    state: str


class DownloadNoSpace(DiskFull):
    """The disk filled while an attachment was downloading: the chunks already here stay (checked,
    but not readable until the whole is here), and the download continues from them."""

    text = QT_TRANSLATE_NOOP(
        "StoreError",
        "The disk is full, so an attachment could not be downloaded. Free some space: the download "
        "continues where it stopped at the next sync, or when you open the file again.",
    )


class ContentMismatch(ValueError):
    """Downloaded content whose hash is not the one asked for; nothing of it is kept."""


def blob(db: sqlite_utils.Database, sha256: str) -> Blob | None:
    """What the laptop holds of `sha256`, or None."""
    row = db.execute("SELECT sha256, size, media_type, chunks, state FROM attachment_blobs WHERE sha256 = ?",
                     [sha256]).fetchone()
    return Blob(*row) if row else None


def has_content(db: sqlite_utils.Database, sha256: str) -> bool:
    """Whether the whole content of `sha256` is here (made here, or downloaded and checked)."""
    b = blob(db, sha256)
    return b is not None and b.state != PARTIAL


def put_content(tx: Transaction, sha256: str, media_type: str, data: bytes) -> None:
    """Keep content made on this laptop (state `upload`); the same content twice is kept once."""
    if hashlib.sha256(data).hexdigest() != sha256:
        raise ContentMismatch(sha256)
    db = tx.db
    existing = blob(db, sha256)
    if existing is not None and existing.state != PARTIAL:
        return
    _drop(db, sha256)
    n = chunk_count(len(data))
    db.execute("INSERT INTO attachment_blobs (sha256, size, media_type, chunks, state, created_at) "
               "VALUES (?, ?, ?, ?, ?, ?)", [sha256, len(data), media_type, n, UPLOAD, tx.now])
    for i in range(n):
        db.execute("INSERT INTO attachment_chunks (sha256, n, data) VALUES (?, ?, ?)",
                   [sha256, i, data[i * ATTACHMENT_CHUNK_BYTES:(i + 1) * ATTACHMENT_CHUNK_BYTES]])


def chunk(db: sqlite_utils.Database, sha256: str, n: int) -> bytes | None:
    """Chunk `n` of the content, or None when it is not here."""
    row = db.execute("SELECT data FROM attachment_chunks WHERE sha256 = ? AND n = ?", [sha256, n]).fetchone()
    return bytes(row[0]) if row else None


def chunks_present(db: sqlite_utils.Database, sha256: str) -> set[int]:
    """The indexes of the chunks of `sha256` held here."""
    return {n for (n,) in db.execute("SELECT n FROM attachment_chunks WHERE sha256 = ?", [sha256]).fetchall()}


def iter_content(db: sqlite_utils.Database, sha256: str) -> Iterator[bytes]:
    """The whole content, chunk by chunk (nothing when it is not all here)."""
    b = blob(db, sha256)
    if b is None or b.state == PARTIAL:
        return
    for i in range(b.chunks):
        part = chunk(db, sha256, i)
        if part is None:
            return
        yield part


def read_content(db: sqlite_utils.Database, sha256: str) -> bytes | None:
    """The whole content in memory (for the viewer: one file, at most the per-file limit)."""
    if not has_content(db, sha256):
        return None
    return b"".join(iter_content(db, sha256))


def to_upload(db: sqlite_utils.Database) -> list[Blob]:
    """Content made here that a live attachment record points at and the server has not taken; and
    content held whole whose attachment record the server has not acknowledged yet (version 0): it
    is announced again before that push, since the server may have collected it meanwhile (content
    no record points at goes after its grace period: sync.server.attachments.collect_garbage)."""
    rows = db.execute(
        "SELECT sha256, size, media_type, chunks, state FROM attachment_blobs "
        f"WHERE (state = ? AND sha256 IN ({_LIVE_SHAS})) OR (state = ? AND sha256 IN "
        "(SELECT json_extract(data, '$.sha256') FROM attachments WHERE deleted = 0 AND version = 0)) "
        "ORDER BY created_at, sha256", [UPLOAD, STORED]).fetchall()
    return [Blob(*r) for r in rows]


def mark_stored(tx: Transaction, sha256: str) -> None:
    """The server holds the whole content: nothing of it is to upload again."""
    tx.db.execute("UPDATE attachment_blobs SET state = ? WHERE sha256 = ? AND state = ?", [STORED, sha256, UPLOAD])


@dataclass(frozen=True)
class Wanted:
    """Content a live attachment record points at and the laptop does not hold whole."""

    sha256: str
    size: int
    media_type: str
    household_id: str


def wanted(db: sqlite_utils.Database) -> list[Wanted]:
    """Content to download, smallest first (so a budget takes the most files), one per hash."""
    rows = db.execute(
        "SELECT json_extract(a.data, '$.sha256') AS sha, max(json_extract(a.data, '$.size')), "
        "json_extract(a.data, '$.media_type'), min(a.household_id) FROM attachments a "
        "WHERE a.deleted = 0 AND NOT EXISTS (SELECT 1 FROM attachment_blobs b "
        "WHERE b.sha256 = json_extract(a.data, '$.sha256') AND b.state != ?) "
        "GROUP BY sha ORDER BY 2, 1", [PARTIAL]).fetchall()
    return [Wanted(str(s), int(z or 0), str(m), str(h)) for s, z, m, h in rows]


def begin_download(tx: Transaction, sha256: str, size: int, media_type: str) -> None:
    """Start (or keep) a download: a `partial` blob whose chunks arrive one transaction each."""
    if blob(tx.db, sha256) is None:
        tx.db.execute("INSERT INTO attachment_blobs (sha256, size, media_type, chunks, state, created_at) "
                      "VALUES (?, ?, ?, ?, ?, ?)", [sha256, size, media_type, chunk_count(size), PARTIAL, tx.now])


def put_chunk(tx: Transaction, sha256: str, n: int, data: bytes) -> None:
    """Keep one downloaded chunk (already checked against its own hash)."""
    tx.db.execute("INSERT OR REPLACE INTO attachment_chunks (sha256, n, data) VALUES (?, ?, ?)", [sha256, n, data])


def finish_download(tx: Transaction, sha256: str, *, digest: str | None = None) -> None:
    """Check the whole content against its address and make it readable; ContentMismatch (and
    nothing kept) when it differs.

    `digest`: the whole's SHA-256 as the downloader took it over the chunks it stored, in order,
    from the first; then the chunks are counted and measured, not read back and hashed again."""
    b = blob(tx.db, sha256)
    if b is None:
        raise ContentMismatch(sha256)
    if digest is not None:
        count, size = tx.db.execute("SELECT count(*), coalesce(sum(length(data)), 0) FROM attachment_chunks "
                                    "WHERE sha256 = ?", [sha256]).fetchone()
        if digest != sha256 or count != b.chunks or size != b.size:
            _drop(tx.db, sha256)
            raise ContentMismatch(sha256)
        tx.db.execute("UPDATE attachment_blobs SET state = ? WHERE sha256 = ?", [STORED, sha256])
        return
    digest_ = hashlib.sha256()
    size = 0
    for i in range(b.chunks):
        part = chunk(tx.db, sha256, i)
        if part is None:
            raise ContentMismatch(sha256)
        digest_.update(part)
        size += len(part)
    if digest_.hexdigest() != sha256 or size != b.size:
        _drop(tx.db, sha256)
        raise ContentMismatch(sha256)
    tx.db.execute("UPDATE attachment_blobs SET state = ? WHERE sha256 = ?", [STORED, sha256])


def abandon_download(tx: Transaction, sha256: str) -> None:
    """Drop a partial download (a full disk, a bad answer): nothing half-stored stays."""
    b = blob(tx.db, sha256)
    if b is not None and b.state == PARTIAL:
        _drop(tx.db, sha256)


def _drop(db: sqlite_utils.Database, sha256: str) -> None:
    db.execute("DELETE FROM attachment_chunks WHERE sha256 = ?", [sha256])
    db.execute("DELETE FROM attachment_blobs WHERE sha256 = ?", [sha256])


def drop_orphans(db: sqlite_utils.Database) -> int:
    """Remove content no live attachment record points at (evicted, deleted); how many went."""
    orphans = [s for (s,) in db.execute(
        f"SELECT sha256 FROM attachment_blobs WHERE sha256 NOT IN ({_LIVE_SHAS} AND "
        "json_extract(data, '$.sha256') IS NOT NULL)").fetchall()]
    for sha in orphans:
        _drop(db, sha)
    return len(orphans)


def content_bytes(db: sqlite_utils.Database) -> int:
    """Bytes of attachment content the profile holds (part of the profile's size)."""
    return int(db.execute("SELECT coalesce(sum(size), 0) FROM attachment_blobs").fetchone()[0])


def subject_locked(db: sqlite_utils.Database, attachment: dict[str, Any]) -> bool:
    """Whether review locks the record an attachment belongs to: then the attachment is locked too."""
    collection = attachment.get("record_collection")
    rid = attachment.get("record_id")
    if collection not in domain.REVIEWED_COLLECTIONS or not isinstance(rid, str):
        return False
    row = db.execute(f"SELECT json_extract(data, '$.review_status') FROM [{collection}] WHERE id = ?",
                     [rid]).fetchone()
    return row is not None and row[0] in domain.LOCKED_STATES


def of_record(db: sqlite_utils.Database, collection: str, record_id: str) -> list[dict[str, Any]]:
    """The live attachments of one record (a family's own: collection "households"), oldest first."""
    from fieldapp.store import records

    rows = db.execute("SELECT id FROM attachments WHERE deleted = 0 AND "
                      "json_extract(data, '$.record_collection') = ? AND json_extract(data, '$.record_id') = ? "
                      "ORDER BY id", [collection, record_id]).fetchall()
    out = [records.get(db, "attachments", rid) for (rid,) in rows]
    return [r for r in out if r is not None]


def of_household(db: sqlite_utils.Database, household_id: str) -> list[dict[str, Any]]:
    """Every live attachment of a family (its own, its members', its records'), oldest first."""
    from fieldapp.store import records

    return list(records.iterate(db, "attachments", household_id=household_id, include_deleted=False, limit=None))


def attach(tx: Transaction, *, household_id: str, record_collection: str, record_id: str, data: bytes,
           media_type: str, doc_type: str, caption: str | None = None, width: int | None = None,
           height: int | None = None, pages: int | None = None) -> dict[str, Any]:
    """Keep a prepared file and its metadata record in one transaction (both or neither).

    InvalidRecord when the metadata is invalid, RecordLocked when the record it belongs to is
    approved; the store's DiskFull rolls everything back.
    """
    sha256 = hashlib.sha256(data).hexdigest()
    put_content(tx, sha256, media_type, data)
    fields: dict[str, Any] = {
        "household_id": household_id, "record_collection": record_collection, "record_id": record_id,
        "sha256": sha256, "size": len(data), "media_type": media_type, "doc_type": doc_type,
        "caption": (caption or "").strip() or None, "width": width, "height": height, "pages": pages}
    return tx.create("attachments", fields)
