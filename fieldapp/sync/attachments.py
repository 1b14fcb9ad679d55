"""The laptop's side of attachments' content in a sync round (sync.protocol, "Attachments").

Before the push, content made here goes up: the server says which chunks it holds, only the
missing ones are sent, one at a time, read from the store one at a time (a cut resumes where it
stopped, and a chunk the server has is never sent again). After the pull, content of the caseload
comes down ahead of time within a budget, smallest files first, one chunk per local transaction,
each chunk checked against its hash and the whole against its address before it can be opened;
`fetch_one` brings one file when it is opened. Content the laptop's records no longer point at
(evicted, deleted) leaves at the end of the round.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from fieldapp.store import attachments as content
from fieldapp.store.database import Store, Transaction
from fieldapp.store.attachments import DownloadNoSpace
from fieldapp.store.errors import DiskFull
from sync.errors import BadAnswer, SyncFailure

if TYPE_CHECKING:
    from fieldapp.provisioning import Provisioning

DEFAULT_BUDGET_BYTES = 500 * 1024 * 1024


class AttachmentTransport(Protocol):
    def start_upload(self, sha256: str, size: int, media_type: str) -> dict[str, Any]: ...

    def put_chunk(self, sha256: str, n: int, data: bytes) -> dict[str, Any]: ...

    def content_status(self, sha256: str) -> dict[str, Any]: ...

    def get_chunk(self, sha256: str, n: int) -> bytes: ...


@dataclass
class ContentReport:
    uploaded: int = 0  # files the server now holds whole
    chunks_sent: int = 0
    downloaded: int = 0
    chunks_received: int = 0
    waiting: int = 0  # files the server does not have yet
    refused: list[str] = field(default_factory=list)  # codes of uploads the server refused (storage_full, ...)
    removed: int = 0
    no_room: bool = False  # the disk filled while fetching ahead (DownloadNoSpace): the rest waits


def prefetch_budget(provisioning: Provisioning | None = None) -> int:
    """IT's `attachment_prefetch_mb` (fieldapp.toml, read when not given) in bytes: how much content
    of the caseload a round fetches ahead. Only IT sets it (fieldapp/options.py); 0 fetches nothing
    ahead, and every file then comes on its first open."""
    from fieldapp.options import OPTIONS
    from fieldapp.provisioning import load_provisioning

    provisioning = load_provisioning() if provisioning is None else provisioning
    megabytes = provisioning.get("attachment_prefetch_mb", OPTIONS["attachment_prefetch_mb"].default)
    return int(megabytes) * 1024 * 1024


def supports(transport: object) -> bool:
    """Whether a transport carries attachments' content (a parcel may not)."""
    return all(hasattr(transport, name) for name in ("start_upload", "put_chunk", "content_status", "get_chunk"))


def upload_all(store: Store, transport: AttachmentTransport, report: ContentReport) -> None:
    """Send the content made here that the server does not hold; refusals (no room) wait for later."""
    for blob in content.to_upload(store.read()):
        try:
            status = transport.start_upload(blob.sha256, blob.size, blob.media_type)
        except SyncFailure as failure:
            if failure.code in ("storage_full", "payload_too_large"):
                report.refused.append(failure.code)
                continue  # it stays here; the next round asks again
            raise
        complete = bool(status.get("complete"))
        sent_before = report.chunks_sent
        have = {n for n in status.get("have", []) if isinstance(n, int)}
        for n in range(blob.chunks):
            if complete:
                break
            if n in have:
                continue
            data = content.chunk(store.read(), blob.sha256, n)
            if data is None:
                raise BadAnswer("attachment content missing on this laptop")  # never: chunks are written whole
            answer = transport.put_chunk(blob.sha256, n, data)
            report.chunks_sent += 1
            complete = bool(answer.get("complete"))
        if not complete:
            status = transport.start_upload(blob.sha256, blob.size, blob.media_type)
            complete = bool(status.get("complete"))
        if complete:
            def stored(tx: Transaction, sha: str = blob.sha256) -> None:
                content.mark_stored(tx, sha)

            store.write(stored)
            # A re-announced content the server still held whole was not uploaded now.
            report.uploaded += 1 if blob.state == content.UPLOAD or report.chunks_sent > sent_before else 0


def fetch_one(store: Store, transport: AttachmentTransport, sha256: str, size: int, media_type: str,
              report: ContentReport | None = None) -> bool:
    """Download one content whole (resuming a partial one); False when the server has not got it yet.

    A chunk that does not match its hash is not kept (BadAnswer); a whole that does not match its
    address is dropped (ContentMismatch). A full disk raises DownloadNoSpace: the chunks already
    stored stay, checked, in a `partial` blob that cannot be opened, and the next call continues
    from them.
    """
    report = report or ContentReport()
    try:
        status = transport.content_status(sha256)
    except SyncFailure as failure:
        if failure.code == "attachment_missing":
            report.waiting += 1
            return False
        raise
    hashes = status.get("chunk_hashes")
    if status.get("size") != size or not isinstance(hashes, list) or len(hashes) != status.get("chunks"):
        raise BadAnswer("attachment status does not match the record")
    try:
        store.write(lambda tx: content.begin_download(tx, sha256, size, media_type))
        present = content.chunks_present(store.read(), sha256)
        for n, expected in enumerate(hashes):
            if n in present:
                continue
            data = transport.get_chunk(sha256, n)
            if hashlib.sha256(data).hexdigest() != expected:
                raise BadAnswer("an attachment chunk does not match its hash")
            def keep(tx: Transaction, i: int = n, d: bytes = data) -> None:
                content.put_chunk(tx, sha256, i, d)

            store.write(keep)
            report.chunks_received += 1
        store.write(lambda tx: content.finish_download(tx, sha256))
    except DownloadNoSpace:
        raise
    except DiskFull as full:
        # Not dropped: freeing the chunks would need a write too, and keeping them lets it resume.
        raise DownloadNoSpace() from full
    report.downloaded += 1
    return True


def fetch_ahead(store: Store, transport: AttachmentTransport, report: ContentReport, *,
                budget_bytes: int = DEFAULT_BUDGET_BYTES) -> None:
    """Download the caseload's content not held yet, smallest first, until the budget is spent."""
    spent = 0
    for want in content.wanted(store.read()):
        if spent + want.size > budget_bytes:
            break
        try:
            fetched = fetch_one(store, transport, want.sha256, want.size, want.media_type, report)
        except DownloadNoSpace:
            report.no_room = True  # the round itself succeeded: the window says why files wait
            return
        if fetched:
            spent += want.size


def drop_orphans(store: Store, report: ContentReport) -> None:
    """Content no record here points at any more leaves the laptop."""
    def drop(tx: Transaction) -> int:
        return content.drop_orphans(tx.db)

    report.removed += store.write(drop)


def fetch_now(store: Store, sha256: str, size: int, media_type: str) -> bool:
    """Download one attachment from the enrolled server now (the viewer's first open)."""
    from fieldapp.sync.device import http_transport

    link = http_transport(store.meta("server_url") or "", store.meta("device_token"))
    try:
        return fetch_one(store, link, sha256, size, media_type)
    finally:
        link.close()
