"""Attachments through real laptops and a real server: resumable upload through cuts, the second
laptop's copy, no plain bytes in any profile file, eviction, protected access and review locks."""

from __future__ import annotations

import hashlib
import random
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
from factories import household, person, visit
from faultproxy import FaultProxy
from kit import FAST_KDF, PASSPHRASE, no_retry_transport, quick_transport

sys.path.insert(0, str(Path(__file__).parent / "server"))
from server_kit import PASSWORD  # noqa: E402

from fieldapp.store import attachments as content  # noqa: E402
from fieldapp.store.database import Store  # noqa: E402
from fieldapp.store.errors import RecordLocked  # noqa: E402
from fieldapp.sync.device import enrol, sync_once  # noqa: E402
from fieldapp.sync.engine import sync_round  # noqa: E402
from sync.errors import SyncFailure  # noqa: E402
from sync.server import admin  # noqa: E402
from sync.server.db import attachment_blobs, attachment_chunks, audit  # noqa: E402


def laptop(tmp_path: Path, name: str, base: str, user: str) -> Store:
    store = Store.create(tmp_path / name, PASSPHRASE, kdf=FAST_KDF)
    enrol(store, base, user, PASSWORD)
    return store


def family_with_person(store: Store) -> tuple[str, str]:
    h = store.write(lambda tx: tx.create("households", household()))
    p = store.write(lambda tx: tx.create("persons", person(h["id"])))
    return h["id"], p["id"]


def attach(store: Store, hid: str, collection: str, rid: str, data: bytes, media_type: str = "image/jpeg"):
    return store.write(lambda tx: content.attach(tx, household_id=hid, record_collection=collection,
                                                 record_id=rid, data=data, media_type=media_type,
                                                 doc_type="idp_certificate", caption="Довідка"))


def profile_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


def windows(data: bytes, n: int = 12, width: int = 24) -> list[bytes]:
    step = max(1, (len(data) - width) // n)
    return [data[i:i + width] for i in range(0, len(data) - width, step)][:n]


def test_upload_cut_twenty_times_resumes_and_arrives_whole(live_server, tmp_path):
    rng = random.Random(16)
    data = rng.randbytes(20 * 1024 * 1024)
    sha = hashlib.sha256(data).hexdigest()
    with FaultProxy(live_server.port, seed=16) as proxy:
        anna = laptop(tmp_path, "anna", proxy.base, "anna")
        hid, pid = family_with_person(anna)
        attach(anna, hid, "persons", pid, data)
        proxy.cuts = sorted(rng.sample(range(50_000, len(data)), 20))
        failures = 0
        for _ in range(100):
            try:
                sync_once(anna, transport=no_retry_transport)
                break
            except SyncFailure:
                failures += 1
        assert proxy.cut_done == 20 and failures >= 20
        assert content.blob(anna.read(), sha).state == content.STORED
    engine = live_server.engine
    with engine.connect() as conn:
        [blob] = conn.execute(sa.select(attachment_blobs)).all()
        assert blob.complete and blob.size == len(data)
        chunks = conn.execute(sa.select(attachment_chunks.c.n)).scalars().all()
        stored = conn.execute(sa.select(audit.c.detail).where(audit.c.action == "attachment_chunk")).scalars().all()
    # Every chunk stored exactly once, though the upload was cut twenty times.
    assert sorted(chunks) == list(range(20)) and sorted(map(int, stored)) == list(range(20))
    second = laptop(tmp_path, "anna-2", live_server.base, "anna")
    sync_once(second, transport=quick_transport)
    assert content.read_content(second.read(), sha) == data
    [record] = second.records("attachments")
    assert record["sha256"] == sha and record["record_id"] == pid
    anna.close()
    second.close()


def test_no_attachment_bytes_in_the_profile_files_before_and_after_sync(live_server, tmp_path):
    # A "photo" with a known pattern: a marker repeated through it, and random bytes around it.
    marker = b"KNOWN-PATTERN-0123456789-FIELDAPP"
    data = b"\xff\xd8\xff\xe0" + (marker + random.Random(3).randbytes(200)) * 3000
    anna = laptop(tmp_path, "anna", live_server.base, "anna")
    hid, pid = family_with_person(anna)
    attach(anna, hid, "persons", pid, data)
    assert content.read_content(anna.read(), hashlib.sha256(data).hexdigest()) == data
    probes = [marker, *windows(data)]
    raw = profile_bytes(anna.folder)
    assert not [w for w in probes if w in raw]
    sync_once(anna, transport=quick_transport)
    sofia = laptop(tmp_path, "sofia", live_server.base, "sofia")
    sync_once(sofia, transport=quick_transport)
    assert content.has_content(sofia.read(), hashlib.sha256(data).hexdigest())
    for store in (anna, sofia):
        raw = profile_bytes(store.folder)
        assert not [w for w in probes if w in raw], store.folder.name
        store.close()
    # The pattern search would find it in plain bytes: the search itself works.
    assert marker in data


def test_an_evicted_familys_attachments_leave_the_laptop(live_server, tmp_path):
    anna = laptop(tmp_path, "anna", live_server.base, "anna")
    hid, pid = family_with_person(anna)
    data = b"\x89PNG\r\n\x1a\n" + random.Random(5).randbytes(300_000)
    attach(anna, hid, "households", hid, data, "image/png")
    sync_once(anna, transport=quick_transport)
    assert content.content_bytes(anna.read()) == len(data)
    admin.assign(live_server.engine, hid, "boris")
    report = sync_once(anna, transport=quick_transport)
    assert report.evicted >= 1
    assert list(anna.records("attachments")) == [] and content.content_bytes(anna.read()) == 0
    assert anna.read().execute("SELECT count(*) FROM attachment_chunks").fetchone()[0] == 0
    boris = laptop(tmp_path, "boris", live_server.base, "boris")
    sync_once(boris, transport=quick_transport)
    assert content.read_content(boris.read(), hashlib.sha256(data).hexdigest()) == data
    anna.close()
    boris.close()


def test_a_protected_records_attachment_never_reaches_an_account_without_access(live_server, tmp_path):
    pavlo = laptop(tmp_path, "pavlo", live_server.base, "pavlo")  # caseworker with protected access
    hid, pid = family_with_person(pavlo)
    secret = pavlo.write(lambda tx: tx.create("protected", {"household_id": hid, "person_id": pid,
                                                            "kind": "trafficking"}))
    data = b"%PDF-1.4 statement of the victim " + random.Random(7).randbytes(50_000)
    attach(pavlo, hid, "protected", secret["id"], data, "application/pdf")
    plain = b"\xff\xd8\xff" + random.Random(8).randbytes(40_000)
    attach(pavlo, hid, "persons", pid, plain)
    sync_once(pavlo, transport=quick_transport)
    admin.assign(live_server.engine, hid, "anna")  # anna has no protected access
    anna = laptop(tmp_path, "anna", live_server.base, "anna")
    sync_once(anna, transport=quick_transport)
    [held] = anna.records("attachments")
    assert held["record_collection"] == "persons"
    assert content.has_content(anna.read(), hashlib.sha256(plain).hexdigest())
    secret_sha = hashlib.sha256(data).hexdigest()
    assert not content.has_content(anna.read(), secret_sha)
    link = quick_transport(live_server.base, anna.meta("device_token"))
    with pytest.raises(SyncFailure) as refused:
        link.content_status(secret_sha)
    assert refused.value.code == "not_found"
    with pytest.raises(SyncFailure):
        link.get_chunk(secret_sha, 0)
    sofia = laptop(tmp_path, "sofia", live_server.base, "sofia")  # supervisor with access
    sync_once(sofia, transport=quick_transport)
    assert content.read_content(sofia.read(), secret_sha) == data
    for s in (pavlo, anna, sofia):
        s.close()


def test_a_locked_records_attachment_cannot_be_removed(live_server, tmp_path):
    anna = laptop(tmp_path, "anna", live_server.base, "anna")
    hid, _pid = family_with_person(anna)
    v = anna.write(lambda tx: tx.create("visits", visit(hid, review_status="submitted")))
    a = attach(anna, hid, "visits", v["id"], b"\xff\xd8\xff signed act " * 1000)
    sync_once(anna, transport=quick_transport)
    sofia = laptop(tmp_path, "sofia", live_server.base, "sofia")
    sync_once(sofia, transport=quick_transport)
    sofia.write(lambda tx: tx.review("visits", v["id"], "approved"))
    sync_once(sofia, transport=quick_transport)
    sync_once(anna, transport=quick_transport)
    assert anna.get("visits", v["id"])["review_status"] == "approved"
    with pytest.raises(RecordLocked):
        anna.write(lambda tx: tx.delete("attachments", a["id"]))
    with pytest.raises(RecordLocked):
        anna.write(lambda tx: tx.update("attachments", a["id"], {"caption": "changed"}))
    with pytest.raises(RecordLocked):
        attach(anna, hid, "visits", v["id"], b"\xff\xd8\xff another " * 100)
    # The server refuses it as well, whatever a laptop sends.
    link = quick_transport(live_server.base, anna.meta("device_token"))
    [result] = link.push([{"change_id": "0199d6d2-0000-7000-8000-000000000001", "collection": "attachments",
                           "id": a["id"], "base_version": anna.get("attachments", a["id"])["version"],
                           "fields": {}, "base": {}, "delete": True}])
    assert result["status"] == "rejected" and result["error"]["code"] == "record_locked"
    assert anna.get("attachments", a["id"])["deleted"] is False
    anna.close()
    sofia.close()


def test_the_fetch_ahead_budget_holds_and_opening_fetches_the_rest(live_server, tmp_path):
    anna = laptop(tmp_path, "anna", live_server.base, "anna")
    hid, pid = family_with_person(anna)
    small, large = b"\xff\xd8\xff" + b"s" * 10_000, b"\xff\xd8\xff" + random.Random(9).randbytes(2_000_000)
    attach(anna, hid, "persons", pid, small)
    attach(anna, hid, "persons", pid, large)
    sync_once(anna, transport=quick_transport)
    second = laptop(tmp_path, "anna-2", live_server.base, "anna")
    link = quick_transport(live_server.base, second.meta("device_token"))
    report = sync_round(second, link, attachment_budget=100_000)
    assert report.content.downloaded == 1
    assert content.has_content(second.read(), hashlib.sha256(small).hexdigest())
    big = hashlib.sha256(large).hexdigest()
    assert not content.has_content(second.read(), big)
    from fieldapp.sync.attachments import fetch_one
    assert fetch_one(second, link, big, len(large), "image/jpeg")
    assert content.read_content(second.read(), big) == large
    anna.close()
    second.close()
