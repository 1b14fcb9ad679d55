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
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from fieldapp.store import attachments as content
from fieldapp.store.attachments import DownloadNoSpace
from fieldapp.store.database import Store, Transaction
from fieldapp.store.errors import DiskFull
from sync.errors import BadAnswer, SyncFailure

if TYPE_CHECKING:
    from fieldapp.provisioning import Provisioning

DEFAULT_BUDGET_BYTES = 500 * 1024 * 1024
# Downloaded chunks are kept a few at a time: one commit (one fsync) per batch; a cut loses at most one batch.
WRITE_BATCH_BYTES = 2 * 1024 * 1024


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
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="fieldapp-upload") as pool:
        _upload_all(store, transport, report, pool)


def _upload_all(store: Store, transport: AttachmentTransport, report: ContentReport,
                pool: ThreadPoolExecutor) -> None:
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
        missing = [] if complete else [n for n in range(blob.chunks) if n not in have]
        for answer in _sent(store, transport, blob.sha256, missing, pool):
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


def _sent(store: Store, transport: AttachmentTransport, sha256: str, indexes: list[int],
          pool: ThreadPoolExecutor) -> Iterator[dict[str, Any]]:
    """Send the chunks `indexes` in order; each answer as it comes. The next chunk is read from the
    store (on `pool`) while the one before travels: the network stays on this thread, where the
    window's gate expects it (fieldapp/ui/sync/gate.py). Memory: two chunks."""
    reading = pool.submit(_chunk_here, store, sha256, indexes[0]) if indexes else None
    for i, n in enumerate(indexes):
        assert reading is not None
        data = reading.result()
        reading = pool.submit(_chunk_here, store, sha256, indexes[i + 1]) if i + 1 < len(indexes) else None
        yield transport.put_chunk(sha256, n, data)


def _chunk_here(store: Store, sha256: str, n: int) -> bytes:
    data = content.chunk(store.read(), sha256, n)
    if data is None:
        raise BadAnswer("attachment content missing on this laptop")  # never: chunks are written whole
    return data


def fetch_one(store: Store, transport: AttachmentTransport, sha256: str, size: int, media_type: str,
              report: ContentReport | None = None, pool: ThreadPoolExecutor | None = None) -> bool:
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
        if pool is None:
            with ThreadPoolExecutor(max_workers=1, thread_name_prefix="fieldapp-download") as own:
                _download(store, transport, sha256, hashes, present, report, own)
        else:
            _download(store, transport, sha256, hashes, present, report, pool)
    except content.ContentMismatch:
        store.write(lambda tx: content.abandon_download(tx, sha256))  # the failed write kept its chunks
        raise
    except DownloadNoSpace:
        raise
    except DiskFull as full:
        # Not dropped: freeing the chunks would need a write too, and keeping them lets it resume.
        raise DownloadNoSpace() from full
    report.downloaded += 1
    return True


def _download(store: Store, transport: AttachmentTransport, sha256: str, hashes: list[Any], present: set[int],
              report: ContentReport, pool: ThreadPoolExecutor) -> None:
    """Fetch the missing chunks in order on this thread (the network, where the window's gate
    expects it) while the batch before is stored on `pool`. Memory: two batches."""
    # A download from the start hashes the whole as it comes, so finishing need not read it back.
    whole = hashlib.sha256() if not present else None
    batch: list[tuple[int, bytes]] = []
    writing: Future[None] | None = None
    try:
        for n in range(len(hashes)):
            if n in present:
                continue
            data = transport.get_chunk(sha256, n)
            if hashlib.sha256(data).hexdigest() != hashes[n]:
                raise BadAnswer("an attachment chunk does not match its hash")
            if whole is not None:
                whole.update(data)
            batch.append((n, data))
            report.chunks_received += 1
            last = n == len(hashes) - 1
            if last or sum(len(d) for _i, d in batch) >= WRITE_BATCH_BYTES:
                if writing is not None:
                    writing.result()  # the batch before is stored (a full disk surfaces here)
                writing = pool.submit(_keep, store, sha256, batch,
                                      whole.hexdigest() if whole is not None and last else None)
                batch = []
        if writing is not None:
            writing.result()
            writing = None
        if batch or not content.has_content(store.read(), sha256):
            _keep(store, sha256, batch, None)  # resumed: the whole is read back and checked
    finally:
        if writing is not None:
            wait([writing])  # a failure above: the batch under way ends before the caller goes on


def _keep(store: Store, sha256: str, batch: list[tuple[int, bytes]], digest: str | None) -> None:
    """Store checked chunks in one transaction (a few MB: one commit, not one per chunk); with the
    last one, finish the download (by `digest`, the whole's hash taken on the way, when known)."""
    def write(tx: Transaction) -> None:
        for n, data in batch:
            content.put_chunk(tx, sha256, n, data)
        if digest is not None or not batch:
            content.finish_download(tx, sha256, digest=digest)

    store.write(write)


def fetch_ahead(store: Store, transport: AttachmentTransport, report: ContentReport, *,
                budget_bytes: int = DEFAULT_BUDGET_BYTES) -> None:
    """Download the caseload's content not held yet, smallest first, until the budget is spent."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="fieldapp-download") as pool:
        _fetch_ahead(store, transport, report, budget_bytes, pool)


def _fetch_ahead(store: Store, transport: AttachmentTransport, report: ContentReport, budget_bytes: int,
                 pool: ThreadPoolExecutor) -> None:
    spent = 0
    for want in content.wanted(store.read()):
        if spent + want.size > budget_bytes:
            break
        try:
            fetched = fetch_one(store, transport, want.sha256, want.size, want.media_type, report, pool)
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
