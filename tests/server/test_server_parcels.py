"""The server's side of sync parcels on SQLite and PostgreSQL: a parcel from a laptop (made as
the laptop makes it: keys from a real enrolment, sync/parcel.py's format) is applied with push's
semantics, its return parcel answers it, and the same parcel brought twice, even at the same
moment, is applied once."""

from __future__ import annotations

import threading
import uuid
from typing import Any

import pytest
import requests
import sqlalchemy as sa
from server_kit import PASSWORD, Client, World, create, household_fields, person_fields, update

from sync import parcel as pc
from sync.server import admin
from sync.server.db import change_results, records
from sync.server.parcels import import_parcel


class Laptop:
    """A laptop as far as parcels go: its device id, keys, the server's pinned keys, a counter."""

    def __init__(self, world: World, username: str):
        self.keys, self.device_id = pc.KeyPair.generate(), str(uuid.uuid4())
        answer = requests.post(f"{world.server.base}/api/v1/devices", headers=Client(world.server.base).headers(),
                               json={"username": username, "password": PASSWORD, "device_id": self.device_id,
                                     "device_name": "far away", "parcel_keys": self.keys.public()}, timeout=30)
        assert answer.status_code == 201, answer.text
        self.server_id = answer.json()["server_id"]
        self.server_keys = answer.json()["parcel_keys"]
        self.seq = 0

    def parcel(self, changes: list[dict[str, Any]], cursor: int = 0) -> bytes:
        self.seq += 1
        header = pc.Header.new(pc.TO_SERVER, self.device_id, self.server_id, self.seq)
        return pc.seal(header, {"changes": changes, "cursor": cursor, "attachments": []},
                       self.server_keys["box"], self.keys)

    def open(self, reply: bytes) -> dict[str, Any]:
        return pc.open_parcel(reply, self.server_keys["sign"], self.keys)[1]


def test_a_parcel_is_pushed_pulled_and_answered_once(world: World):
    engine, sid = world.server.engine, world.server.app.state.server_id
    anna = Laptop(world, "anna")
    home = create("households", household_fields(family_name="Гончар"))
    kid = create("persons", person_fields(home["id"]))
    first = anna.parcel([home, kid])
    done = import_parcel(engine, first, server_id=sid)
    answer = anna.open(done.reply)
    assert [r["status"] for r in answer["results"]] == ["applied", "applied"]
    pulled = {c["id"] for page in answer["pages"] for c in page["changes"] if c["op"] == "upsert"}
    assert {home["id"], kid["id"]} <= pulled
    with pytest.raises(pc.ParcelError) as again:
        import_parcel(engine, first, server_id=sid)
    assert again.value.code == "already_imported"
    # a later parcel repeats a change still pending and adds one: the repeat is answered from memory
    edit = update("households", home["id"], 1, {"phone": "+380 50 000 0001"}, {})
    second = anna.parcel([kid, edit], cursor=answer["pages"][-1]["cursor"])
    answer2 = anna.open(import_parcel(engine, second, server_id=sid).reply)
    assert [r["status"] for r in answer2["results"]] == ["applied", "applied"]
    assert answer2["results"][0] == answer["results"][1]
    with engine.connect() as conn:
        assert conn.execute(sa.select(records.c.version).where(records.c.id == home["id"])).scalar_one() == 2
        assert conn.execute(sa.select(sa.func.count()).select_from(change_results)).scalar_one() == 3


def test_the_same_parcel_brought_twice_at_once_is_applied_once(world: World):
    engine, sid = world.server.engine, world.server.app.state.server_id
    anna = Laptop(world, "anna")
    data = anna.parcel([create("households", household_fields()) for _ in range(50)])
    outcomes: list[str] = []

    def bring() -> None:
        try:
            import_parcel(engine, data, server_id=sid)
            outcomes.append("imported")
        except pc.ParcelError as exc:
            outcomes.append(exc.code)

    threads = [threading.Thread(target=bring) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["already_imported", "imported"]
    with engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(records)
                            .where(records.c.collection == "households")).scalar_one() == 50


def test_refusals_name_their_reason_and_apply_nothing(world: World):
    engine, sid = world.server.engine, world.server.app.state.server_id
    anna, petro = Laptop(world, "anna"), Laptop(world, "petro")
    home = create("households", household_fields())
    data = anna.parcel([home])
    wrong = bytearray(data)
    wrong[-1] ^= 1
    codes = []
    for bad in (bytes(wrong), data[:-1], b"not a parcel at all"):
        with pytest.raises(pc.ParcelError) as caught:
            import_parcel(engine, bad, server_id=sid)
        assert caught.value.detail
        codes.append(caught.value.code)
    assert codes == ["tampered", "truncated", "not_a_parcel"]
    # a parcel signed by one laptop under another's name
    forged = pc.seal(pc.Header.new(pc.TO_SERVER, anna.device_id, sid, 5), {"changes": [home], "cursor": 0},
                     anna.server_keys["box"], petro.keys)
    with pytest.raises(pc.ParcelError) as caught:
        import_parcel(engine, forged, server_id=sid)
    assert caught.value.code == "tampered"
    with engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(records)
                            .where(records.c.id == home["id"])).scalar_one() == 0
    admin.revoke_device(engine, anna.device_id)
    done = import_parcel(engine, data, server_id=sid)
    assert done.wipe and anna.open(done.reply)["pages"][0]["changes"] == [{"op": "wipe"}]
    with engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(records)
                            .where(records.c.id == home["id"])).scalar_one() == 0
