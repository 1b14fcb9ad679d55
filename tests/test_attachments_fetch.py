"""Downloads on the laptop against a server that lies: chunks that match the hashes it gives but a
whole that is not the content asked for are not kept, on a fresh download and on a resumed one; and a
download cut between chunks resumes from what was kept."""

from __future__ import annotations

import hashlib
import random

import pytest

from fieldapp.store import attachments as content
from fieldapp.sync.attachments import WRITE_BATCH_BYTES, ContentReport, fetch_one
from sync.errors import SyncFailure
from sync.protocol import ATTACHMENT_CHUNK_BYTES as CHUNK


class Server:
    """The four calls of the attachments' transport over bytes held here (the real server's answers
    are tested against the real server elsewhere); `cut_after` fails the link after that many chunks."""

    def __init__(self, data: bytes, *, address: str | None = None, cut_after: int | None = None):
        self.data, self.cut_after, self.served = data, cut_after, 0
        self.address = address or hashlib.sha256(data).hexdigest()
        self.parts = [data[i:i + CHUNK] for i in range(0, len(data), CHUNK)]

    def content_status(self, sha256: str) -> dict:
        return {"sha256": sha256, "size": len(self.data), "chunks": len(self.parts),
                "chunk_hashes": [hashlib.sha256(p).hexdigest() for p in self.parts]}

    def get_chunk(self, sha256: str, n: int) -> bytes:
        if self.cut_after is not None and self.served >= self.cut_after:
            raise SyncFailure("offline")
        self.served += 1
        return self.parts[n]

    def start_upload(self, *a):  # pragma: no cover - downloads only
        raise AssertionError

    put_chunk = start_upload


def held(store, sha: str) -> tuple[int, int]:
    db = store.read()
    return (db.execute("SELECT count(*) FROM attachment_blobs WHERE sha256 = ?", [sha]).fetchone()[0],
            db.execute("SELECT count(*) FROM attachment_chunks WHERE sha256 = ?", [sha]).fetchone()[0])


def test_a_whole_that_is_not_its_address_is_not_kept(store):
    data = random.Random(1).randbytes(3 * CHUNK + 10)
    liar = Server(data, address=hashlib.sha256(b"another photo").hexdigest())
    with pytest.raises(content.ContentMismatch):
        fetch_one(store, liar, liar.address, len(data), "image/jpeg")
    assert held(store, liar.address) == (0, 0) and not content.has_content(store.read(), liar.address)


def test_a_cut_download_resumes_and_a_lie_found_at_the_end_keeps_nothing(store):
    data = random.Random(2).randbytes(6 * CHUNK)
    sha = hashlib.sha256(data).hexdigest()
    cut = Server(data, cut_after=5)
    with pytest.raises(SyncFailure):
        fetch_one(store, cut, sha, len(data), "image/jpeg")
    kept = held(store, sha)[1]
    per_batch = WRITE_BATCH_BYTES // CHUNK
    assert kept == 5 // per_batch * per_batch  # the whole batches before the cut; nothing readable
    assert content.read_content(store.read(), sha) is None
    report = ContentReport()
    assert fetch_one(store, Server(data), sha, len(data), "image/jpeg", report)
    assert report.chunks_received == 6 - kept and content.read_content(store.read(), sha) == data
    # The same resumed path against a server whose whole is wrong: nothing of it stays.
    other = random.Random(3).randbytes(6 * CHUNK)
    liar = hashlib.sha256(b"not this").hexdigest()
    with pytest.raises(SyncFailure):
        fetch_one(store, Server(other, address=liar, cut_after=5), liar, len(other), "image/jpeg")
    with pytest.raises(content.ContentMismatch):
        fetch_one(store, Server(other, address=liar), liar, len(other), "image/jpeg")
    assert held(store, liar) == (0, 0)
