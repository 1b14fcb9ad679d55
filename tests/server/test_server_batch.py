"""The set-based push and the streamed pull give the answers the change-by-change ones gave.

Through real HTTP on 127.0.0.1, on SQLite and PostgreSQL (the `world` fixture).
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from server_kit import World, create, household_fields, new_household, person_fields, update

from sync.server.db import audit, records
from sync.server.feed import flat_record


def _rows(world: World) -> dict[str, object]:
    with world.server.engine.connect() as conn:
        return {row.id: row for row in conn.execute(sa.select(records))}


def test_one_batch_creates_edits_and_refuses_each_change_on_its_own(world: World):
    anna = world.client("anna")
    hh = create("households", household_fields(family_name="Бондар"))
    person = create("persons", person_fields(hh["id"]))
    edit = update("persons", person["id"], 1, {"given_name": "Марʼяна"}, {"given_name": "Olena"})
    bad = create("persons", person_fields(hh["id"], birth_date="2026-02-31"))
    orphan = create("persons", person_fields("0190aaaa-0000-7000-8000-000000000000"))
    second = update("persons", person["id"], 2, {"surname": "Коваль"}, {"surname": "Koval"})
    results = anna.push(hh, person, edit, bad, orphan, second)
    assert [r["status"] for r in results] == ["applied", "applied", "applied", "rejected",
                                              "rejected", "applied"]
    assert [r.get("version") for r in results[:3]] == [1, 1, 2] and results[5]["version"] == 3
    assert results[3]["error"]["code"] == "invalid_payload" and "birth_date" in results[3]["error"]["detail"]
    rows = _rows(world)
    assert bad["id"] not in rows and orphan["id"] not in rows  # a refused change wrote nothing
    kept = json.loads(rows[person["id"]].data)
    assert (kept["given_name"], kept["surname"], rows[person["id"]].version) == ("Марʼяна", "Коваль", 3)
    # Every row the batch wrote has its own number, above what was there, none left pending.
    seqs = sorted(r.seq for r in rows.values())
    assert len(set(seqs)) == len(seqs) and seqs[0] > 0
    # A refusal is audited; the refused change's answer is not remembered (a retry is judged anew).
    with world.server.engine.connect() as conn:
        actions = [a for (a,) in conn.execute(sa.select(audit.c.action).where(
            audit.c.record_id.in_([bad["id"], person["id"]])).order_by(audit.c.id))]
    assert actions == ["create", "update", "reject", "update"]
    assert anna.push(hh, person, edit, bad, orphan, second) == results


def test_a_clash_inside_a_batch_becomes_a_conflict_and_the_rest_goes_on(world: World):
    anna, sofia = world.client("anna"), world.client("sofia")
    hh_id, fields = new_household(anna)
    [first] = sofia.push(update("households", hh_id, 1, {"phone": "+380 50 111 1111"},
                                {"phone": fields["phone"]}))
    assert first["status"] == "applied"
    person = create("persons", person_fields(hh_id))
    clash = update("households", hh_id, 1, {"phone": "+380 67 999 9999"}, {"phone": fields["phone"]})
    after = update("persons", person["id"], 1, {"given_name": "Iryna"}, {"given_name": "Olena"})
    r_person, r_clash, r_after = anna.push(person, clash, after)
    assert (r_person["status"], r_clash["status"], r_after["status"]) == ("applied", "conflict", "applied")
    held = anna.holds()
    assert held[hh_id]["phone"] == "+380 50 111 1111"
    assert held[r_clash["conflict_id"]]["fields"][0]["mine"] == "+380 67 999 9999"
    assert held[person["id"]]["given_name"] == "Iryna"


def test_a_family_moved_mid_batch_takes_the_batch_s_other_writes_with_it(world: World):
    anna, sofia = world.client("anna"), world.client("sofia")
    hh_id, fields = new_household(anna)
    person = create("persons", person_fields(hh_id))
    anna.push(person)
    anna_cursor = anna.pull_all(0) and anna.cursor
    phone = update("households", hh_id, 1, {"phone": "+380 50 222 2222"}, {"phone": fields["phone"]})
    moved = update("households", hh_id, 2, {"caseworker_id": world.users["boris"]},
                   {"caseworker_id": world.users["anna"]})
    renamed = update("persons", person["id"], 1, {"given_name": "Iryna"}, {"given_name": "Olena"})
    assert [r["status"] for r in sofia.push(phone, moved, renamed)] == ["applied"] * 3
    held = world.client("boris").holds()  # the new holder receives the whole subtree, as it is now
    assert held[hh_id]["phone"] == "+380 50 222 2222"
    assert held[hh_id]["caseworker_id"] == world.users["boris"]
    assert held[person["id"]]["given_name"] == "Iryna"
    ops = [(ch["op"], ch["id"]) for ch in anna.pull_all(anna_cursor)]
    assert ops == [("evict", hh_id)]  # anna loses the family, once, and reads nothing of it


def test_a_pulled_record_is_the_stored_one_byte_for_byte(world: World):
    anna = world.client("anna")
    tricky = 'лапки " і \\ зворотна риска, табуляція\t, emoji 🙂, </script>'
    hh_id, _ = new_household(anna, notes=tricky)
    anna.push(create("persons", person_fields(hh_id, given_name="Мар'яна")))
    spaced = create("persons", person_fields(hh_id))
    anna.push(spaced)
    with world.server.engine.begin() as conn:
        # Stored JSON written by other hands: spaced out.
        conn.execute(sa.update(records).where(records.c.id == spaced["id"]).values(
            data=json.dumps(person_fields(hh_id, given_name="Spaced"), indent=2)))
    got = {ch["id"]: ch for ch in anna.pull_all(0) if ch["op"] == "upsert"}
    rows = _rows(world)
    for rid, change in got.items():
        assert change["record"] == flat_record(rows[rid]), rid
        assert (change["collection"], change["version"]) == (rows[rid].collection, rows[rid].version)
    assert got[hh_id]["record"]["notes"] == tricky
    assert got[spaced["id"]]["record"]["given_name"] == "Spaced"
