"""The server's side of attachments, on SQLite and PostgreSQL: bad chunks, a whole that does not match,
limits per file, per laptop and of the server, dedup, and the rules of attachment records."""

from __future__ import annotations

import hashlib
import random

import pytest
import sqlalchemy as sa
from server_kit import Client, World, create, new_household, person_fields, update, visit_fields

from sync import protocol as p
from sync.server.db import attachment_blobs, attachment_chunks

CHUNK = p.ATTACHMENT_CHUNK_BYTES


@pytest.fixture
def server_settings() -> dict[str, object]:
    return {"attachment_max_bytes": 3 * CHUNK, "attachment_device_bytes": 5 * CHUNK,
            "attachment_storage_bytes": 8 * CHUNK}


def start(c: Client, data: bytes, sha: str | None = None):
    return c.session.post(f"{c.base}/api/v1/attachments/{sha or hashlib.sha256(data).hexdigest()}",
                          headers=c.headers(), json={"size": len(data), "media_type": "image/jpeg"}, timeout=30)


def put(c: Client, sha: str, n: int, part: bytes, claimed: str | None = None):
    return c.session.put(f"{c.base}/api/v1/attachments/{sha}/chunks/{n}", data=part, timeout=30,
                         headers=c.headers(**{p.CHUNK_HASH_HEADER: claimed or hashlib.sha256(part).hexdigest()}))


def stored(world: World) -> tuple[int, int]:
    with world.server.engine.connect() as conn:
        return (conn.execute(sa.select(sa.func.count()).select_from(attachment_blobs)).scalar_one(),
                conn.execute(sa.select(sa.func.count()).select_from(attachment_chunks)).scalar_one())


def test_a_chunk_that_does_not_match_its_hash_is_not_stored(world: World):
    anna = world.client("anna")
    data = random.Random(1).randbytes(CHUNK + 10)
    sha = hashlib.sha256(data).hexdigest()
    assert start(anna, data).json()["have"] == []
    r = put(anna, sha, 0, data[:CHUNK], claimed=hashlib.sha256(b"other").hexdigest())
    assert r.status_code == 409 and r.json()["code"] == "hash_mismatch" and "again" in r.json()["detail"]
    assert stored(world) == (1, 0)
    r = put(anna, sha, 1, data[CHUNK:] + b"x")  # the wrong length for the last chunk
    assert r.status_code == 400 and stored(world) == (1, 0)
    assert put(anna, sha, 0, data[:CHUNK]).json() == {"stored": True, "complete": False}
    assert put(anna, sha, 0, data[:CHUNK]).json() == {"stored": False, "complete": False}  # never twice
    assert start(anna, data).json()["have"] == [0]
    assert put(anna, sha, 1, data[CHUNK:]).json() == {"stored": True, "complete": True}
    assert stored(world) == (1, 2)


def test_content_that_does_not_match_its_address_is_dropped_whole(world: World):
    anna = world.client("anna")
    data = random.Random(2).randbytes(2 * CHUNK)
    liar = hashlib.sha256(b"what it claims to be").hexdigest()
    assert start(anna, data, sha=liar).status_code == 200
    assert put(anna, liar, 0, data[:CHUNK]).status_code == 200
    r = put(anna, liar, 1, data[CHUNK:])
    assert r.status_code == 409 and r.json()["code"] == "hash_mismatch"
    assert stored(world) == (0, 0)  # nothing half-stored


def test_limits_per_file_per_laptop_and_of_the_server_answer_before_any_byte(world: World):
    anna, boris = world.client("anna"), world.client("boris")
    r = start(anna, b"x" * (3 * CHUNK + 1))
    assert r.status_code == 413 and r.json()["code"] == "payload_too_large"
    for i in range(2):  # two files of 2 chunks: 4 of anna's 5
        data = random.Random(10 + i).randbytes(2 * CHUNK)
        assert start(anna, data).status_code == 200
    r = start(anna, random.Random(20).randbytes(2 * CHUNK))
    assert r.status_code == 507 and r.json()["code"] == "storage_full" and "quota" in r.json()["detail"]
    for i in range(2):  # boris: 3 + 2 chunks reach the server's 8
        assert start(boris, random.Random(30 + i).randbytes(2 * CHUNK)).status_code == 200
    r = start(boris, random.Random(40).randbytes(CHUNK))
    assert r.status_code == 507 and "no room" in r.json()["detail"]
    assert stored(world)[1] == 0


def test_the_same_content_is_stored_once_for_everyone(world: World):
    anna, boris = world.client("anna"), world.client("boris")
    data = random.Random(3).randbytes(1000)
    sha = hashlib.sha256(data).hexdigest()
    start(anna, data)
    put(anna, sha, 0, data)
    answer = start(boris, data).json()
    assert answer["complete"] is True and answer["have"] == [0]
    assert stored(world) == (1, 1)


def test_an_attachment_record_names_a_record_of_its_own_family_and_keeps_its_content(world: World):
    anna = world.client("anna")
    hid, _ = new_household(anna)
    other, _ = new_household(anna)
    person = create("persons", person_fields(other))
    assert anna.push(person)[0]["status"] == "applied"
    sha = hashlib.sha256(b"x").hexdigest()
    fields = {"household_id": hid, "record_collection": "persons", "record_id": person["id"], "sha256": sha,
              "size": 1, "media_type": "image/jpeg", "doc_type": "other"}
    [res] = anna.push(create("attachments", fields))
    assert res["status"] == "rejected" and res["error"]["code"] == "invalid_payload"
    own = create("attachments", {**fields, "household_id": other})
    assert anna.push(own)[0]["status"] == "applied"
    [res] = anna.push(update("attachments", own["id"], 1, {"sha256": "0" * 64}, {"sha256": sha}))
    assert res["status"] == "rejected" and "'sha256' does not change" in res["error"]["detail"]
    [res] = anna.push(update("attachments", own["id"], 1, {"caption": "ID card"}, {}))
    assert res["status"] == "applied"


def test_an_approved_visits_attachment_is_locked_on_the_server(world: World):
    anna, sofia = world.client("anna"), world.client("sofia")
    hid, _ = new_household(anna)
    v = create("visits", visit_fields(hid, review_status="submitted"))
    a = create("attachments", {"household_id": hid, "record_collection": "visits", "record_id": v["id"],
                               "sha256": "a" * 64, "size": 5, "media_type": "image/png", "doc_type": "signed_act"})
    assert [r["status"] for r in anna.push(v, a)] == ["applied", "applied"]
    assert sofia.push(update("visits", v["id"], 1, {"review_status": "approved"},
                             {"review_status": "submitted"}))[0]["status"] == "applied"
    for change in (update("attachments", a["id"], 1, {}, {}, delete=True),
                   update("attachments", a["id"], 1, {"caption": "x"}, {}),
                   create("attachments", {**a["fields"], "sha256": "b" * 64})):
        [res] = anna.push(change)
        assert res["status"] == "rejected" and res["error"]["code"] == "record_locked", res
