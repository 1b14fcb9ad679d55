"""Garbage collection of attachments' content on the server, on SQLite and PostgreSQL: content no live
attachment record points at goes after the grace period, never before, never while an upload is
under way, never while a record points at it; audited; `--dry-run` removes nothing; the command line."""

from __future__ import annotations

import hashlib
import random
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from server_kit import Client, World, create, new_household, person_fields, update

from sync import protocol as p
from sync.server import cli, households
from sync.server.attachments import GC_DAYS, collect_garbage
from sync.server.db import attachment_blobs, attachment_chunks, audit

CHUNK = p.ATTACHMENT_CHUNK_BYTES
LATER = datetime.now(UTC) + timedelta(days=GC_DAYS + 1)  # the grace period has passed
SOON = datetime.now(UTC) + timedelta(days=GC_DAYS - 1)  # it has not


def upload(c: Client, data: bytes, *, chunks: int | None = None) -> str:
    sha = hashlib.sha256(data).hexdigest()
    r = c.session.post(f"{c.base}/api/v1/attachments/{sha}", headers=c.headers(),
                       json={"size": len(data), "media_type": "image/jpeg"}, timeout=30)
    assert r.status_code == 200, r.text
    for n in range(p.chunk_count(len(data)) if chunks is None else chunks):
        part = data[n * CHUNK:(n + 1) * CHUNK]
        r = c.session.put(f"{c.base}/api/v1/attachments/{sha}/chunks/{n}", data=part, timeout=30,
                          headers=c.headers(**{p.CHUNK_HASH_HEADER: hashlib.sha256(part).hexdigest()}))
        assert r.status_code == 200, r.text
    return sha


def attached(c: Client, data: bytes) -> tuple[str, dict]:
    """Content uploaded and an attachment record of a new family's person pointing at it."""
    sha = upload(c, data)
    hid, _ = new_household(c)
    person = create("persons", person_fields(hid))
    a = create("attachments", {"household_id": hid, "record_collection": "persons", "record_id": person["id"],
                               "sha256": sha, "size": len(data), "media_type": "image/jpeg", "doc_type": "other"})
    assert [r["status"] for r in c.push(person, a)] == ["applied", "applied"]
    return sha, a


def held(world: World) -> set[str]:
    with world.server.engine.connect() as conn:
        blobs = set(conn.execute(sa.select(attachment_blobs.c.sha256)).scalars())
        chunks = set(conn.execute(sa.select(attachment_chunks.c.sha256)).scalars())
    assert chunks <= blobs  # never a chunk without its content's row
    return blobs


def test_deleted_attachments_content_goes_after_the_grace_period_only(world: World):
    anna = world.client("anna")
    data = random.Random(1).randbytes(CHUNK + 5)
    sha, a = attached(anna, data)
    kept_sha, _kept = attached(anna, random.Random(2).randbytes(100))
    assert collect_garbage(world.server.engine, now=LATER).removed == 0  # records point at both
    assert anna.push(update("attachments", a["id"], 1, {}, {}, delete=True))[0]["status"] == "applied"
    early = collect_garbage(world.server.engine, now=SOON)
    assert (early.removed, early.kept_recent) == (0, 1) and held(world) == {sha, kept_sha}
    dry = collect_garbage(world.server.engine, now=LATER, dry_run=True)
    assert (dry.removed, dry.removed_bytes) == (1, len(data)) and held(world) == {sha, kept_sha}
    done = collect_garbage(world.server.engine, now=LATER)
    assert (done.removed, done.removed_bytes) == (1, len(data)) and held(world) == {kept_sha}
    with world.server.engine.connect() as conn:
        [row] = conn.execute(sa.select(audit).where(audit.c.action == "attachment_collected")).all()
    assert row.record_id == sha and row.detail == f"{len(data)} bytes"
    assert collect_garbage(world.server.engine, now=LATER).removed == 0  # once


def test_content_shared_by_a_live_record_stays_when_another_record_goes(world: World):
    anna, boris = world.client("anna"), world.client("boris")
    data = random.Random(3).randbytes(500)
    sha, a = attached(anna, data)
    attached(boris, data)  # the same photo in another family: one content, two records
    anna.push(update("attachments", a["id"], 1, {}, {}, delete=True))
    assert collect_garbage(world.server.engine, now=LATER).removed == 0 and held(world) == {sha}


def test_an_upload_under_way_is_never_collected_an_abandoned_one_is(world: World):
    anna = world.client("anna")
    data = random.Random(4).randbytes(3 * CHUNK)
    sha = upload(anna, data, chunks=1)  # one chunk of three, no record yet: the laptop is sending it
    found = collect_garbage(world.server.engine, now=SOON)
    assert (found.removed, found.kept_uploading) == (0, 1) and held(world) == {sha}
    found = collect_garbage(world.server.engine, now=LATER)
    assert found.removed == 1 and held(world) == set()
    # The laptop comes back: its upload starts again from nothing, and completes.
    assert upload(anna, data) == sha
    with world.server.engine.connect() as conn:
        assert conn.execute(sa.select(attachment_blobs.c.complete)).scalar_one()


def test_content_a_laptop_announces_again_is_kept(world: World):
    anna = world.client("anna")
    data = random.Random(5).randbytes(200)
    sha = upload(anna, data)  # uploaded; its record not pushed yet (the laptop went offline)
    with world.server.engine.connect() as conn:
        last = conn.execute(sa.select(sa.func.max(audit.c.at)).where(audit.c.record_id == sha)).scalar_one()
    # A collection whose grace period ended just after the upload's last chunk.
    at = datetime.fromisoformat(last) + timedelta(days=GC_DAYS, milliseconds=1)
    assert collect_garbage(world.server.engine, now=at, dry_run=True).removed == 1
    upload(anna, data, chunks=0)  # the laptop, back, asks the server again before pushing the record
    with world.server.engine.connect() as conn:
        rows = conn.execute(sa.select(audit.c.at, audit.c.detail).where(
            audit.c.record_id == sha, audit.c.action == "attachment_upload")).all()
    assert [r.detail for r in rows] == ["whole"] and rows[0].at > last
    assert collect_garbage(world.server.engine, now=at).removed == 0 and held(world) == {sha}


def test_content_of_purged_records_is_collected(world: World):
    anna = world.client("anna")
    sha, a = attached(anna, random.Random(6).randbytes(300))
    anna.push(update("attachments", a["id"], 1, {}, {}, delete=True))
    with world.server.engine.begin() as conn:  # deleted long ago
        conn.execute(sa.text("UPDATE records SET updated_at = '2000-01-01T00:00:00.000+00:00' WHERE id = :i"),
                     {"i": a["id"]})
    assert households.purge_tombstones(world.server.engine, 365) >= 1  # the tombstone is forgotten
    assert collect_garbage(world.server.engine, now=LATER).removed == 1 and held(world) == set()


def test_the_command_line_dry_run_and_gc(world: World, capsys):
    anna = world.client("anna")
    sha, a = attached(anna, random.Random(7).randbytes(400))
    anna.push(update("attachments", a["id"], 1, {}, {}, delete=True))
    url = world.server.database_url
    assert cli.main(["attachments", "gc", "--dry-run", "--database-url", url]) == 0
    assert "0 attachment contents no record points at would be removed" in capsys.readouterr().out
    assert cli.main(["attachments", "gc", "--days", "1", "--database-url", url]) == 0
    out = capsys.readouterr().out
    assert "0 attachment contents" in out and "1 kept for now" in out and held(world) == {sha}
    with pytest.raises(SystemExit) as refused:
        cli.main(["attachments", "gc", "--days", "0", "--database-url", url])
    assert refused.value.code == 2
    assert "at least 1 day" in capsys.readouterr().err
