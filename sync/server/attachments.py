"""Attachments' content on the server: resumable, content-addressed uploads and scoped downloads.

Nothing here knows HTTP (routes/attachments.py is the face). The content is kept in the database
(`attachment_blobs`, `attachment_chunks`), so the database's backups hold it: PostgreSQL in
production. A chunk is checked against its own SHA-256 before it is stored and stored once; the
last one makes the whole content checked against its address, streaming chunk by chunk, and a
mismatch drops all of it. Who may download is decided by the attachment records that point at
the content (`attachment_refs`), by the same rule as any record (`scope.may_read`): scope,
protected access, eviction. Review locks reach attachments through `check_write`, called by push.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa

from casework import records as domain
from sync import protocol as p
from sync.server.audit import audit_row, now_iso, write_audit
from sync.server.db import (
    attachment_blobs,
    attachment_chunks,
    attachment_refs,
    audit,
    households,
    reading,
    records,
)
from sync.server.review import Rejected
from sync.server.scope import Actor, may_read
from sync.server.settings import Settings

# Fields an attachment keeps for life: a different file, or another owner, is a new attachment.
FIXED_FIELDS = ("sha256", "size", "media_type", "record_collection", "record_id")

NOT_FOUND = "There is no such attachment, or it is not yours to read."


def _case_role(actor: Actor) -> None:
    if actor.role not in ("caseworker", "supervisor"):
        raise p.ProtocolError("forbidden", "An administrator's account has no access to case records; "
                                           "sign in as a caseworker or a supervisor.")


def _sha(sha256: str) -> str:
    if not p.is_sha256(sha256):
        raise p.ProtocolError("invalid_payload", "An attachment is named by its SHA-256: 64 lowercase hex digits.")
    return sha256


def _blob(conn: sa.Connection, sha256: str) -> Any:
    return conn.execute(sa.select(attachment_blobs).where(attachment_blobs.c.sha256 == sha256)).first()


def _have(conn: sa.Connection, sha256: str) -> list[int]:
    return [n for (n,) in conn.execute(sa.select(attachment_chunks.c.n)
                                       .where(attachment_chunks.c.sha256 == sha256)
                                       .order_by(attachment_chunks.c.n)).all()]


def _status(blob: Any, have: list[int] | None) -> dict[str, Any]:
    return {"sha256": blob.sha256, "size": blob.size, "media_type": blob.media_type,
            "chunk_size": p.ATTACHMENT_CHUNK_BYTES, "chunks": blob.chunks,
            "have": list(range(blob.chunks)) if blob.complete else (have or []),
            "complete": bool(blob.complete)}


def start_upload(engine: sa.Engine, settings: Settings, actor: Actor, sha256: str,
                 start: p.UploadStart) -> dict[str, Any]:
    """Start or resume an upload: what the server holds of it, or a refusal before any byte."""
    _case_role(actor)
    _sha(sha256)
    with engine.begin() as conn:
        # Locked: garbage collection removes a content under the same lock (collect_garbage).
        blob = conn.execute(sa.select(attachment_blobs).where(attachment_blobs.c.sha256 == sha256)
                            .with_for_update()).first()
        if blob is not None:
            if blob.size != start.size:
                raise p.ProtocolError("hash_mismatch", "This content is known with another size; "
                                                       "its hash does not match what is sent.")
            # A laptop is about to point a record at it (or resumes): the collector leaves it alone now.
            write_audit(conn, [audit_row(actor, "attachment_upload", "attachments", sha256,
                                         detail="whole" if blob.complete else "resumed")])
            return _status(blob, None if blob.complete else _have(conn, sha256))
        if start.size > settings.attachment_max_bytes:
            raise p.ProtocolError("payload_too_large", f"An attachment is at most "
                                                       f"{settings.attachment_max_bytes:,} bytes on this server.")
        size = attachment_blobs.c.size
        used_by_device = conn.execute(sa.select(sa.func.coalesce(sa.func.sum(size), 0))
                                      .where(attachment_blobs.c.device_id == actor.device_id)).scalar_one()
        if int(used_by_device) + start.size > settings.attachment_device_bytes:
            raise p.ProtocolError("storage_full", "This laptop has uploaded as much as the server allows "
                                                  "one laptop; ask IT to raise its quota.")
        if settings.attachment_storage_bytes is not None:
            used = conn.execute(sa.select(sa.func.coalesce(sa.func.sum(size), 0))).scalar_one()
            if int(used) + start.size > settings.attachment_storage_bytes:
                raise p.ProtocolError("storage_full", "The server has no room for this attachment; "
                                                      "it stays on the laptop. Tell IT.")
        conn.execute(attachment_blobs.insert().values(
            sha256=sha256, size=start.size, media_type=start.media_type, chunks=p.chunk_count(start.size),
            complete=False, device_id=actor.device_id or "", created_at=now_iso()))
        blob = _blob(conn, sha256)
        return _status(blob, [])


def _insert_chunk(conn: sa.Connection, values: dict[str, Any]) -> bool:
    """Insert a chunk unless it is there already (a retry, or two laptops uploading the same photo);
    the caller holds the blob's row lock, so the check and the insert are one step."""
    present = conn.execute(sa.select(attachment_chunks.c.n).where(
        attachment_chunks.c.sha256 == values["sha256"], attachment_chunks.c.n == values["n"])).first()
    if present is not None:
        return False
    conn.execute(attachment_chunks.insert().values(**values))
    return True


def _disk_full(exc: sa.exc.DBAPIError) -> bool:
    """Whether the database refused a write for want of room (SQLite's SQLITE_FULL, PostgreSQL's 53100)."""
    orig = exc.orig
    return getattr(orig, "sqlite_errorcode", None) == 13 or getattr(orig, "sqlstate", None) == "53100"


def put_chunk(engine: sa.Engine, actor: Actor, sha256: str, n: int, data: bytes,
              chunk_sha256: str | None) -> dict[str, Any]:
    """Store chunk `n` once, checked against its hash; the last one completes (or drops) the content.

    A database out of room answers `storage_full` (the chunk's transaction is rolled back)."""
    try:
        return _put_chunk(engine, actor, sha256, n, data, chunk_sha256)
    except sa.exc.DBAPIError as exc:
        if _disk_full(exc):
            raise p.ProtocolError("storage_full", "The server has no room for this attachment; it stays "
                                                  "on the laptop. Tell IT.") from None
        raise


def _put_chunk(engine: sa.Engine, actor: Actor, sha256: str, n: int, data: bytes,
               chunk_sha256: str | None) -> dict[str, Any]:
    _case_role(actor)
    _sha(sha256)
    if chunk_sha256 is None or not p.is_sha256(chunk_sha256):
        raise p.ProtocolError("invalid_payload", f"Send the chunk's SHA-256 in the header '{p.CHUNK_HASH_HEADER}'.")
    if hashlib.sha256(data).hexdigest() != chunk_sha256:
        raise p.ProtocolError("hash_mismatch", "This chunk does not match its hash: it was damaged on the "
                                               "way. Send it again.")
    with engine.begin() as conn:
        blob = conn.execute(sa.select(attachment_blobs).where(attachment_blobs.c.sha256 == sha256)
                            .with_for_update()).first()
        if blob is None:
            raise p.ProtocolError("attachment_missing", "Start the upload first (POST /attachments/{sha256}).")
        if blob.complete:
            return {"stored": False, "complete": True}
        if not 0 <= n < blob.chunks:
            raise p.ProtocolError("invalid_payload", f"This content has chunks 0 to {blob.chunks - 1}.")
        expected = min(p.ATTACHMENT_CHUNK_BYTES, blob.size - n * p.ATTACHMENT_CHUNK_BYTES)
        if len(data) != expected:
            raise p.ProtocolError("invalid_payload", f"Chunk {n} is {expected:,} bytes; {len(data):,} came.")
        stored = _insert_chunk(conn, {"sha256": sha256, "n": n, "chunk_sha256": chunk_sha256, "data": data})
        if stored:
            write_audit(conn, [audit_row(actor, "attachment_chunk", "attachments", sha256, detail=str(n))])
        count = conn.execute(sa.select(sa.func.count()).select_from(attachment_chunks)
                             .where(attachment_chunks.c.sha256 == sha256)).scalar_one()
        if count < blob.chunks:
            return {"stored": stored, "complete": False}
        if not _whole_matches(conn, sha256, blob.size):
            conn.execute(attachment_chunks.delete().where(attachment_chunks.c.sha256 == sha256))
            conn.execute(attachment_blobs.delete().where(attachment_blobs.c.sha256 == sha256))
            write_audit(conn, [audit_row(actor, "attachment_mismatch", "attachments", sha256)])
            committed_mismatch = True
        else:
            conn.execute(attachment_blobs.update().where(attachment_blobs.c.sha256 == sha256).values(complete=True))
            committed_mismatch = False
    if committed_mismatch:
        raise p.ProtocolError("hash_mismatch", "The content does not match its SHA-256; nothing of it was kept. "
                                               "Upload it again.")
    return {"stored": stored, "complete": True}


def _whole_matches(conn: sa.Connection, sha256: str, size: int) -> bool:
    digest = hashlib.sha256()
    total = 0
    n = 0
    while True:  # one chunk in memory at a time
        row = conn.execute(sa.select(attachment_chunks.c.data).where(
            attachment_chunks.c.sha256 == sha256, attachment_chunks.c.n == n)).first()
        if row is None:
            break
        digest.update(row.data)
        total += len(row.data)
        n += 1
    return total == size and digest.hexdigest() == sha256


def _readable(conn: sa.Connection, actor: Actor, sha256: str) -> Any:
    """A live attachment record pointing at `sha256` the actor may read, or None."""
    rows = conn.execute(
        sa.select(records)
        .select_from(attachment_refs.join(records, records.c.id == attachment_refs.c.record_id))
        .where(attachment_refs.c.sha256 == sha256, records.c.deleted.is_(False),
               records.c.collection == "attachments")).all()
    for row in rows:
        hh = conn.execute(sa.select(households).where(households.c.household_id == row.household_id)).first()
        if may_read(actor, row, hh):
            return row
    return None


def status(engine: sa.Engine, actor: Actor, sha256: str) -> dict[str, Any]:
    """What a downloader needs: size, chunks and each chunk's hash; not_found unless readable."""
    _case_role(actor)
    _sha(sha256)
    with reading(engine) as conn:
        row = _readable(conn, actor, sha256)
        if row is None:
            raise p.ProtocolError("not_found", NOT_FOUND)
        blob = _blob(conn, sha256)
        if blob is None or not blob.complete:
            raise p.ProtocolError("attachment_missing", "The content of this attachment is not on the server "
                                                        "yet; the laptop that made it has not sent it.")
        hashes = [h for (h,) in conn.execute(sa.select(attachment_chunks.c.chunk_sha256)
                                             .where(attachment_chunks.c.sha256 == sha256)
                                             .order_by(attachment_chunks.c.n)).all()]
    with engine.begin() as conn:
        write_audit(conn, [audit_row(actor, "read_attachment", "attachments", row.id, row.household_id)])
    return {**_status(blob, None), "chunk_hashes": hashes}


def get_chunk(engine: sa.Engine, actor: Actor, sha256: str, n: int) -> bytes:
    """Chunk `n` of content the actor may read; not_found otherwise."""
    _case_role(actor)
    _sha(sha256)
    with reading(engine) as conn:
        if _readable(conn, actor, sha256) is None:
            raise p.ProtocolError("not_found", NOT_FOUND)
        row = conn.execute(sa.select(attachment_chunks.c.data).where(
            attachment_chunks.c.sha256 == sha256, attachment_chunks.c.n == n)).first()
        blob = _blob(conn, sha256)
    if row is None or blob is None or not blob.complete:
        raise p.ProtocolError("attachment_missing", "This part of the attachment is not on the server.")
    return bytes(row.data)


# ---- the push's rules for attachment records ----

def _subject_locked(conn: sa.Connection, data: dict[str, Any]) -> bool:
    collection, rid = data.get("record_collection"), data.get("record_id")
    if collection not in domain.REVIEWED_COLLECTIONS or not isinstance(rid, str):
        return False
    row = conn.execute(sa.select(records.c.data).where(records.c.id == rid)).first()
    if row is None:
        return False
    subject = json.loads(row.data)
    return isinstance(subject, dict) and subject.get("review_status") in domain.LOCKED_STATES


_LOCKED = ("The record this attachment belongs to was approved by a supervisor and is locked; "
           "a supervisor must reopen it first.")


def check_write(conn: sa.Connection, collection: str, current: dict[str, Any] | None,
                fields: dict[str, Any], delete: bool) -> None:
    """Refuse what an attachment record may not do: belong to a record of another family (or to
    none), change its content or owner, or change at all while its record is locked."""
    if collection != "attachments":
        return
    if current is None:
        rid, hh_id = fields.get("record_id"), fields.get("household_id")
        if fields.get("record_collection") == "households":
            if rid != hh_id:
                raise Rejected("invalid_payload", "A family's attachment names that family as its record.")
        elif isinstance(rid, str):
            subject = conn.execute(sa.select(records.c.household_id, records.c.collection)
                                   .where(records.c.id == rid)).first()
            if subject is None or subject.household_id != hh_id or subject.collection != fields.get("record_collection"):
                raise Rejected("invalid_payload", "An attachment belongs to a record of the same family; "
                                                  "push the record first.")
        if _subject_locked(conn, fields):
            raise Rejected("record_locked", _LOCKED)
        return
    moved = [k for k in FIXED_FIELDS if k in fields and fields[k] != current.get(k)]
    if moved:
        raise Rejected("invalid_payload", f"An attachment's '{moved[0]}' does not change; attach the file anew.")
    if _subject_locked(conn, current):
        raise Rejected("record_locked", _LOCKED)


def record_written(conn: sa.Connection, collection: str, record_id: str, data: dict[str, Any]) -> None:
    """Remember which content a new attachment record points at (who may download it)."""
    if collection == "attachments" and isinstance(data.get("sha256"), str):
        conn.execute(attachment_refs.insert().values(record_id=record_id, sha256=data["sha256"]))


# ---- garbage collection of content no live record points at ----

GC_DAYS = 30  # how long unreferenced content stays (a laptop may upload and push days apart)


@dataclass
class Collection:
    """What `collect_garbage` found: content removed (or, in a dry run, to remove), and content left
    because something happened to it within the grace period."""

    removed: int = 0
    removed_bytes: int = 0
    kept_recent: int = 0  # unreferenced, but uploaded, written to or unreferenced within the period
    kept_uploading: int = 0  # of those, uploads not finished: a laptop is still sending them


def _unreferenced() -> sa.Select[Any]:
    live = (sa.select(attachment_refs.c.sha256)
            .select_from(attachment_refs.join(records, records.c.id == attachment_refs.c.record_id))
            .where(attachment_refs.c.sha256 == attachment_blobs.c.sha256, records.c.deleted.is_(False)))
    return sa.select(attachment_blobs).where(~live.exists()).order_by(attachment_blobs.c.sha256)


def _last_activity(conn: sa.Connection, blob: Any) -> str:
    """The latest of: the upload's start, its last chunk stored, the last time a laptop announced it
    (start_upload on content the server has), and the last change (the deletion) of an attachment
    record that pointed at it. ISO times sort as strings."""
    chunk_at = conn.execute(sa.select(sa.func.max(audit.c.at)).where(
        audit.c.record_id == blob.sha256, audit.c.action.in_(("attachment_chunk", "attachment_upload")))).scalar()
    record_at = conn.execute(sa.select(sa.func.max(records.c.updated_at))
                             .select_from(attachment_refs.join(records, records.c.id == attachment_refs.c.record_id))
                             .where(attachment_refs.c.sha256 == blob.sha256)).scalar()
    return max(str(t) for t in (blob.created_at, chunk_at, record_at) if t)


def collect_garbage(engine: sa.Engine, *, days: int = GC_DAYS, dry_run: bool = False,
                    now: datetime | None = None) -> Collection:
    """Remove content that no live attachment record points at and that nothing touched for `days`.

    The rule (sync/protocol.py, "Attachments"): content goes when every attachment record pointing
    at it is deleted (or purged), or none ever came, AND its upload started, its last chunk arrived
    and its last record changed more than `days` ago. An upload under way (chunks within the period)
    is never touched; an abandoned one is, and a laptop that comes back starts it again (it keeps
    its copy until the server holds the whole). Each content goes in its own transaction, checked
    again under its row lock, with an audit row (`attachment_collected`: the hash and the size).
    `dry_run` counts without removing.
    """
    if days < 1:
        raise ValueError("days must be at least 1")
    cutoff = ((now or datetime.now(UTC)) - timedelta(days=days)).isoformat(timespec="milliseconds")
    report = Collection()
    with reading(engine) as conn:
        candidates = [row.sha256 for row in conn.execute(_unreferenced()).all()]
    for sha in candidates:
        with engine.begin() as conn:
            blob = conn.execute(_unreferenced().where(attachment_blobs.c.sha256 == sha).with_for_update()).first()
            if blob is None:
                continue  # a record came to point at it meanwhile, or it went
            if _last_activity(conn, blob) >= cutoff:
                report.kept_recent += 1
                report.kept_uploading += 0 if blob.complete else 1
                continue
            report.removed += 1
            report.removed_bytes += int(blob.size)
            if dry_run:
                continue
            conn.execute(attachment_chunks.delete().where(attachment_chunks.c.sha256 == sha))
            conn.execute(attachment_refs.delete().where(attachment_refs.c.sha256 == sha))
            conn.execute(attachment_blobs.delete().where(attachment_blobs.c.sha256 == sha))
            write_audit(conn, [audit_row(None, "attachment_collected", "attachments", sha,
                                         detail=f"{int(blob.size)} bytes")])
    return report
