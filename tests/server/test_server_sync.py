"""Push and pull rules of sync-protocol.md, each through real HTTP on 127.0.0.1."""

from __future__ import annotations

import sqlalchemy as sa
from server_kit import (
    LiveServer,
    World,
    create,
    household_fields,
    make_world,
    new_household,
    person_fields,
    update,
    visit_fields,
)

from sync.server import admin, households
from sync.server.db import audit, records
from sync.server.feed import flat_record
from sync.server.settings import Hooks


def _record(world: World, record_id: str) -> dict:
    with world.server.engine.connect() as conn:
        row = conn.execute(sa.select(records).where(records.c.id == record_id)).one()
    return flat_record(row)


def _conflicts(held: dict) -> list[dict]:
    return [r for r in held.values() if r["collection"] == "conflicts"]


def test_a_retried_push_applies_nothing_twice(world: World):
    anna = world.client("anna")
    hh = create("households", household_fields())
    edit = update("households", hh["id"], 1, {"phone": "+380 50 000 0001"},
                  {"phone": "+380 67 123 4567"})
    first = anna.push(hh, edit)
    assert [r["status"] for r in first] == ["applied", "applied"]
    assert first[1]["version"] == 2
    again = anna.push(hh, edit)  # the answer was lost; the device sends the batch again
    assert again == first
    assert _record(world, hh["id"])["version"] == 2
    with world.server.engine.connect() as conn:
        writes = conn.execute(sa.select(sa.func.count()).select_from(audit).where(
            audit.c.record_id == hh["id"], audit.c.action.in_(["create", "update"]))).scalar()
    assert writes == 2


def test_two_devices_editing_different_fields_both_win(world: World):
    anna, sofia = world.client("anna"), world.client("sofia")
    hh_id, fields = new_household(anna)
    [a] = anna.push(update("households", hh_id, 1, {"phone": "+380 50 111 1111"},
                           {"phone": fields["phone"]}))
    [s] = sofia.push(update("households", hh_id, 1, {"address": "Sumy, Soborna 1"},
                            {"address": None}))
    assert a["status"] == "applied" and a["version"] == 2
    assert s["status"] == "merged" and s["version"] == 3
    rec = _record(world, hh_id)
    assert rec["phone"] == "+380 50 111 1111" and rec["address"] == "Sumy, Soborna 1"
    assert not _conflicts(sofia.holds())


def test_the_same_field_edited_on_both_gives_one_conflict_for_author_and_supervisor(world: World):
    anna, sofia, boris = world.client("anna"), world.client("sofia"), world.client("boris")
    hh_id, fields = new_household(anna)
    [s] = sofia.push(update("households", hh_id, 1, {"phone": "+380 50 222 2222"},
                            {"phone": fields["phone"]}))
    assert s["status"] == "applied"
    [a] = anna.push(update("households", hh_id, 1,
                           {"phone": "+380 50 333 3333", "address": "Kharkiv"},
                           {"phone": fields["phone"], "address": None}))
    assert a["status"] == "conflict" and a["fields"] == ["phone"] and a["version"] == 3
    rec = _record(world, hh_id)
    assert rec["phone"] == "+380 50 222 2222"  # the server keeps its value
    assert rec["address"] == "Kharkiv"  # the field that did not clash is applied
    for person in (anna, sofia):
        [conflict] = _conflicts(person.holds())
        assert conflict["id"] == a["conflict_id"]
        assert conflict["record_id"] == hh_id and conflict["reason"] == "clash"
        assert conflict["fields"] == [{"field": "phone", "base": fields["phone"],
                                       "mine": "+380 50 333 3333", "theirs": "+380 50 222 2222"}]
        assert conflict["by"] == world.users["anna"] and conflict["resolved"] is False
    assert not _conflicts(boris.holds())
    # Resolving: an ordinary change to the record, and one to the conflict.
    [r1, r2] = anna.push(
        update("households", hh_id, 3, {"phone": "+380 50 333 3333"}, {"phone": "+380 50 222 2222"}),
        update("conflicts", a["conflict_id"], 1, {"resolved": True}, {"resolved": False}))
    assert r1["status"] == r2["status"] == "applied"
    [conflict] = _conflicts(sofia.holds())
    assert conflict["resolved"] is True


def test_a_caseworker_can_neither_read_nor_write_another_teams_household(world: World):
    anna, petro, sofia = world.client("anna"), world.client("petro"), world.client("sofia")
    hh_id, fields = new_household(anna, address="Secret street 5")
    person = create("persons", person_fields(hh_id))
    anna.push(person)
    held = petro.holds()
    assert hh_id not in held and person["id"] not in held
    assert "Secret street" not in str(petro.pull_all(0))
    results = petro.push(
        update("households", hh_id, 1, {"address": "Overwritten"}, {"address": "Secret street 5"}),
        create("persons", person_fields(hh_id, given_name="Intruder")),
        update("persons", person["id"], 1, {"surname": "X"}, {"surname": "Koval"}),
        update("households", hh_id, 1, {}, {}, delete=True),
    )
    for res in results:
        assert res["status"] == "conflict" and res["version"] is None
    assert _record(world, hh_id)["address"] == "Secret street 5"
    assert _record(world, hh_id)["deleted"] is False
    with world.server.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(records).where(
            records.c.collection == "persons")).scalar() == 1
    mine = _conflicts(petro.holds())
    assert len(mine) == 4
    for c in mine:
        assert c["reason"] == "out_of_scope"
        assert all(f["theirs"] is None for f in c["fields"])  # nothing of the household leaks
    held = petro.holds()
    assert hh_id not in held and person["id"] not in held
    # ... and nothing typed is lost: the household's caseworker and supervisor get the conflicts.
    assert len(_conflicts(anna.holds())) == 4
    assert len(_conflicts(sofia.holds())) == 4


def test_a_caseworker_of_the_same_team_sees_only_assigned_households(world: World):
    anna, boris, sofia = world.client("anna"), world.client("boris"), world.client("sofia")
    hh_id, _ = new_household(anna)
    assert hh_id not in boris.holds()
    assert hh_id in sofia.holds()
    assert _record(world, hh_id)["caseworker_id"] == world.users["anna"]
    assert _record(world, hh_id)["team_id"] == world.teams["North"]


def test_an_administrator_has_no_access_to_case_records(world: World):
    anna, ira = world.client("anna"), world.client("ira")
    hh_id, _ = new_household(anna)
    assert ira.holds() == {}
    [res] = ira.push(create("households", household_fields()))
    assert res["status"] == "rejected" and res["error"]["code"] == "forbidden"
    [res] = ira.push(update("households", hh_id, 1, {"phone": "+380 50 000 0000"}, {}))
    assert res["status"] == "rejected" and res["error"]["code"] == "forbidden"


def test_protected_records_need_the_permission(world: World):
    pavlo, anna, sofia = world.client("pavlo"), world.client("anna"), world.client("sofia")
    hh_id, _ = new_household(pavlo)
    person = create("persons", person_fields(hh_id))
    secret = create("protected", {"household_id": hh_id, "person_id": person["id"],
                                  "kind": "trafficking", "assistance": "shelter"})
    assert [r["status"] for r in pavlo.push(person, secret)] == ["applied", "applied"]
    assert secret["id"] in sofia.holds()
    admin.assign(world.server.engine, hh_id, "anna")
    held = anna.holds()
    assert hh_id in held and person["id"] in held and secret["id"] not in held
    [res] = anna.push(create("protected", {"household_id": hh_id, "person_id": person["id"],
                                           "kind": "gbv"}))
    assert res["status"] == "rejected" and res["error"]["code"] == "forbidden"
    opened = admin.query_audit(world.server.engine, record=secret["id"], action="read_protected")
    assert {row["user_id"] for row in opened} == {world.users["sofia"]}


def test_tombstones_stay_in_the_feed_and_a_change_to_one_is_a_conflict(world: World):
    anna = world.client("anna")
    hh_id, _ = new_household(anna)
    person = create("persons", person_fields(hh_id))
    anna.push(person)
    cursor = anna.pull_all(0) and anna.cursor
    [res] = anna.push(update("persons", person["id"], 1, {}, {}, delete=True))
    assert res["status"] == "applied" and res["version"] == 2
    [change] = [c for c in anna.pull_all(cursor) if c["id"] == person["id"]]
    assert change["op"] == "upsert" and change["record"]["deleted"] is True
    [res] = anna.push(update("persons", person["id"], 1, {"surname": "Late"}, {"surname": "Koval"}))
    assert res["status"] == "conflict"
    [conflict] = _conflicts(anna.holds())
    assert conflict["reason"] == "deleted" and conflict["fields"][0]["mine"] == "Late"


def test_review_states_and_locked_records(world: World):
    anna, sofia = world.client("anna"), world.client("sofia")
    hh_id, _ = new_household(anna)
    visit = create("visits", visit_fields(hh_id))
    anna.push(visit)
    vid = visit["id"]
    [res] = anna.push(update("visits", vid, 1, {"review_status": "approved"},
                             {"review_status": "draft"}))
    assert res["status"] == "rejected" and res["error"]["code"] == "forbidden"
    [res] = anna.push(update("visits", vid, 1, {"review_status": "submitted"},
                             {"review_status": "draft"}))
    assert res["status"] == "applied" and res["version"] == 2
    [res] = sofia.push(update("visits", vid, 2, {"review_status": "approved"},
                              {"review_status": "submitted"}))
    assert res["status"] == "applied" and res["version"] == 3
    [res] = anna.push(update("visits", vid, 3, {"notes": "changed later"},
                             {"notes": "first visit"}))
    assert res["status"] == "rejected" and res["error"]["code"] == "record_locked"
    [res] = anna.push(update("visits", vid, 3, {}, {}, delete=True))
    assert res["error"]["code"] == "record_locked"
    [res] = anna.push(update("visits", vid, 3, {"review_status": "returned"},
                             {"review_status": "approved"}))
    assert res["error"]["code"] == "forbidden"  # only a supervisor reopens
    [res] = sofia.push(update("visits", vid, 3, {"review_status": "returned"},
                              {"review_status": "approved"}))
    assert res["status"] == "applied"
    [res] = anna.push(update("visits", vid, 4, {"notes": "corrected"}, {"notes": "first visit"}))
    assert res["status"] == "applied"
    [res] = anna.push(update("visits", vid, 5, {"review_status": "submitted"},
                             {"review_status": "returned"}))
    assert res["status"] == "applied"


def test_an_invalid_change_is_rejected_naming_the_field_and_the_rest_goes_on(world: World):
    anna = world.client("anna")
    bad = create("households", household_fields(hromada="Kyiv"))
    good = create("households", household_fields())
    no_household = create("persons", person_fields("0190a0a0-0000-7000-8000-000000000000"))
    results = anna.push(bad, good, no_household)
    assert results[0]["status"] == "rejected"
    assert results[0]["error"]["code"] == "invalid_payload"
    assert "hromada" in results[0]["error"]["detail"]
    assert results[1]["status"] == "applied"
    assert results[2]["status"] == "rejected" and "family" in results[2]["error"]["detail"]
    held = anna.holds()
    assert good["id"] in held and bad["id"] not in held


def test_an_update_before_the_create_is_acknowledged_merges(world: World):
    anna = world.client("anna")
    hh = create("households", household_fields())
    follow = update("households", hh["id"], 0, {"phone": "+380 99 999 9999", "notes": "n"},
                    {"phone": hh["fields"]["phone"]})
    r1, r2 = anna.push(hh, follow)
    assert r1["status"] == "applied" and r2["status"] == "merged" and r2["version"] == 2
    assert _record(world, hh["id"])["phone"] == "+380 99 999 9999"


def test_server_fields_and_foreign_collections_are_refused(world: World):
    anna = world.client("anna")
    hh_id, _ = new_household(anna)
    [res] = anna.push(update("households", hh_id, 1, {"version": 99}, {}))
    assert res["error"]["code"] == "invalid_payload" and "version" in res["error"]["detail"]
    [res] = anna.push(update("persons", hh_id, 1, {"surname": "x"}, {}))
    assert res["error"]["code"] == "invalid_payload"
    [res] = anna.push(update("households", hh_id, 7, {"phone": "+380 99 999 9999"}, {}))
    assert res["error"]["code"] == "invalid_payload" and "newer" in res["error"]["detail"]
    [res] = anna.push(update("households", hh_id, 1, {"caseworker_id": world.users["boris"]}, {}))
    assert res["error"]["code"] == "forbidden"
    [res] = anna.push(create("forms", {"title": "mine"}))
    assert res["error"]["code"] == "forbidden"


def test_pull_pages_in_order_with_a_rising_cursor(world: World):
    anna = world.client("anna")
    changes = [create("households", household_fields(case_number=f"2026/1-{i:04d}"))
               for i in range(25)]
    anna.push(*changes)
    full = anna.pull_all(0)
    pages, cursor, ids = 0, 0, []
    while True:
        body = anna.pull(cursor, limit=7).json()
        pages += 1
        assert len(body["changes"]) <= 7
        assert body["cursor"] > cursor or not body["changes"]
        ids += [c["id"] for c in body["changes"]]
        cursor = body["cursor"]
        if not body["more"]:
            break
    assert ids == [c["id"] for c in full]
    assert pages >= 4
    assert anna.pull(cursor).json() == {"changes": [], "cursor": cursor, "more": False}
    versions = [c for c in full if c["collection"] == "households"]
    assert {c["id"] for c in versions} == {c["id"] for c in changes}


def test_reassignment_evicts_and_sends_the_whole_subtree(world: World):
    anna, boris = world.client("anna"), world.client("boris")
    sofia, stepan = world.client("sofia"), world.client("stepan")
    hh_id, _ = new_household(anna)
    person, visit = create("persons", person_fields(hh_id)), create("visits", visit_fields(hh_id))
    anna.push(person, visit)
    for c in (anna, boris, sofia, stepan):
        c.pull_all(0)
    subtree = {hh_id, person["id"], visit["id"]}
    # A supervisor reassigns inside the team.
    [res] = sofia.push(update("households", hh_id, 1, {"caseworker_id": world.users["boris"]},
                              {"caseworker_id": world.users["anna"]}))
    assert res["status"] == "applied"
    got = anna.pull_all()
    assert {"op": "evict", "collection": "households", "id": hh_id} in got
    assert {c["id"] for c in boris.pull_all() if c["op"] == "upsert"} >= subtree
    assert not [c for c in sofia.pull_all() if c["op"] == "evict"]
    # IT moves it to the other team: the old team's supervisor loses it.
    admin.assign(world.server.engine, hh_id, "petro")
    assert {"op": "evict", "collection": "households", "id": hh_id} in boris.pull_all()
    assert {"op": "evict", "collection": "households", "id": hh_id} in sofia.pull_all()
    assert {c["id"] for c in stepan.pull_all() if c["op"] == "upsert"} >= subtree
    petro = world.client("petro")
    held = petro.holds()
    assert subtree <= set(held) and held[hh_id]["team_id"] == world.teams["South"]


def test_closed_households_leave_caseworkers_after_retention(world: World):
    anna, sofia = world.client("anna"), world.client("sofia")
    hh_id, _ = new_household(anna)
    anna.pull_all(0)
    sofia.pull_all(0)
    [res] = anna.push(update("households", hh_id, 1,
                             {"status": "closed", "closure_reason": "goals_achieved",
                              "closed_on": "2026-03-01"},
                             {"status": "active", "closure_reason": None, "closed_on": None}))
    assert res["status"] == "applied", res
    anna.pull_all()
    assert households.retire_closed(world.server.engine, 0) == 1
    assert {"op": "evict", "collection": "households", "id": hh_id} in anna.pull_all()
    assert hh_id not in anna.holds()
    assert hh_id in sofia.holds()


def test_an_expired_or_foreign_cursor_answers_410(world: World):
    anna = world.client("anna")
    hh_id, _ = new_household(anna)
    anna.pull_all(0)
    old = anna.cursor
    r = anna.pull(old + 1000)
    assert r.status_code == 410 and r.json()["code"] == "cursor_expired"
    anna.push(update("households", hh_id, 1, {}, {}, delete=True))
    new_household(anna)
    assert households.purge_tombstones(world.server.engine, 0) == 1
    r = anna.pull(old)
    assert r.status_code == 410 and r.json()["code"] == "cursor_expired"
    assert anna.pull(0).status_code == 200


def test_a_revoked_device_gets_device_revoked_and_a_wipe_mid_pull(database_url: str):
    # IT revokes the laptop at the moment its page has been read and is not yet answered.
    at_page_read: list = []
    server = LiveServer(database_url, hooks=Hooks(
        pull_page_read=lambda: at_page_read and at_page_read.pop()())).start()
    try:
        world = make_world(server)
        anna = world.client("anna")
        new_household(anna)
        at_page_read.append(lambda: admin.revoke_device(server.engine, anna.device_id))
        r = anna.pull(0)
        assert r.status_code == 200
        assert r.json()["changes"] == [{"op": "wipe"}] and r.json()["more"] is False
        assert not at_page_read
        # Its page was read but never sent: no read is audited for it, the wipe is.
        with server.engine.connect() as conn:
            assert not conn.execute(sa.select(audit.c.id).where(
                audit.c.device_id == anna.device_id, audit.c.action == "read")).all()
        assert [w["device_id"] for w in admin.query_audit(server.engine, action="wipe")] == [anna.device_id]
        for r in (anna.pull(0), anna.get("/api/v1/me"), anna.push_raw([])):
            assert r.status_code == 401 and r.json()["code"] == "device_revoked"
        r = anna.enrol("anna")
        assert r.status_code == 401 and r.json()["code"] == "device_revoked"
        assert admin.query_audit(server.engine, action="wipe")
    finally:
        server.stop()


def test_forms_and_reference_reach_every_device_with_versions(world: World):
    anna, ira = world.client("anna"), world.client("ira")
    e = world.server.engine
    admin.publish_form(e, {"id": "home_visit", "version": 1, "title": "Home visit", "sections": []})
    admin.publish_reference(e, {"name": "visit_types", "version": "2026.1", "items": []})
    for c in (anna, ira):
        got = {ch["id"]: ch["record"] for ch in c.pull_all(0)}
        assert got["home_visit@1"]["form_version"] == 1
        assert got["reference:visit_types"]["edition"] == "2026.1"
    admin.publish_form(e, {"id": "home_visit", "version": 2, "title": "Home visit", "sections": [1]})
    admin.publish_reference(e, {"name": "visit_types", "version": "2026.2", "items": []})
    got = {ch["id"]: ch["record"] for ch in anna.pull_all()}
    assert set(got) == {"home_visit@2", "reference:visit_types"}
    assert got["reference:visit_types"]["edition"] == "2026.2"
    [res] = anna.push(update("forms", "home_visit@2", 1, {"title": "x"}, {"title": "Home visit"}))
    assert res["error"]["code"] == "forbidden"


def test_the_audit_log_records_reads_and_writes_and_is_append_only(world: World):
    anna = world.client("anna")
    hh_id, _ = new_household(anna)
    anna.pull_all(0)
    rows = admin.query_audit(world.server.engine, record=hh_id)
    actions = [(r["action"], r["user_id"], r["device_id"]) for r in rows]
    assert ("create", world.users["anna"], anna.device_id) in actions
    assert ("read", world.users["anna"], anna.device_id) in actions
    with world.server.engine.connect() as conn:
        for statement in ("UPDATE audit SET action = 'x'", "DELETE FROM audit"):
            try:
                with conn.begin():
                    conn.exec_driver_sql(statement)
            except sa.exc.DBAPIError as exc:
                assert "append-only" in str(exc)
            else:
                raise AssertionError(f"{statement} was allowed")


def _break_inserts_of(engine: sa.Engine, record_id: str) -> None:
    """A trigger that makes the database refuse to store this one record (a real write failure)."""
    with engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql(
                f"CREATE TRIGGER break_insert BEFORE INSERT ON records WHEN NEW.id = '{record_id}' "
                "BEGIN SELECT RAISE(ABORT, 'the disk refused this write'); END")
        else:
            conn.exec_driver_sql(
                "CREATE FUNCTION break_insert() RETURNS trigger LANGUAGE plpgsql AS "
                "$$ BEGIN RAISE EXCEPTION 'the disk refused this write'; END $$")
            conn.exec_driver_sql(
                "CREATE TRIGGER break_insert BEFORE INSERT ON records FOR EACH ROW "
                f"WHEN (NEW.id = '{record_id}') EXECUTE FUNCTION break_insert()")


def _mend_inserts(engine: sa.Engine) -> None:
    with engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("DROP TRIGGER break_insert")
        else:
            conn.exec_driver_sql("DROP TRIGGER break_insert ON records")
            conn.exec_driver_sql("DROP FUNCTION break_insert()")


def test_a_change_that_fails_inside_the_server_does_not_block_the_rest(world: World):
    anna = world.client("anna")
    broken, fine = create("households", household_fields()), create("households", household_fields())
    _break_inserts_of(world.server.engine, broken["id"])
    r1, r2 = anna.push(broken, fine)
    assert r1["status"] == "rejected" and r1["error"]["code"] == "internal_error"
    assert "disk" not in r1["error"]["detail"]  # the database's words stay in the log
    assert r2["status"] == "applied"
    _mend_inserts(world.server.engine)
    [again] = anna.push(broken)  # not remembered: the retry is applied
    assert again["status"] == "applied"
