"""Issue 11's server holes, each closed and kept closed: device takeover, the wipe that told no
one, review records written by anyone, and self-approval (the matrix covers the scope rules)."""

from __future__ import annotations

import uuid

import requests
import sqlalchemy as sa
from server_kit import PASSWORD, Client, World, create, new_household, update, visit_fields

from sync.server import admin
from sync.server.db import audit, devices


def _owner(world: World, device_id: str) -> str:
    with world.server.engine.connect() as conn:
        return str(conn.execute(sa.select(devices.c.user_id).where(devices.c.device_id == device_id)).scalar_one())


def _enrol_as(world: World, username: str, device_id: str, token: str | None = None,
              code: str | None = None) -> requests.Response:
    c = Client(world.server.base, token=token, device_id=device_id)
    if code is None:
        return c.enrol(username)
    return c.session.post(f"{c.base}/api/v1/devices", headers=c.headers(), timeout=30, json={
        "enrolment_code": code, "device_id": device_id, "device_name": "laptop"})


def test_another_user_can_never_take_over_a_laptop_by_its_device_id(world: World):
    anna = world.client("anna")
    anna.pull_all(0)  # the server has heard from it
    fresh = Client(world.server.base)
    assert fresh.enrol("boris").status_code == 201  # enrolled, never synced yet
    for victim in (anna, fresh):
        r = _enrol_as(world, "petro", victim.device_id)
        assert r.status_code == 403 and r.json()["code"] == "forbidden", r.text
        assert "another account" in r.json()["detail"]
        assert _owner(world, victim.device_id) != world.users["petro"]
        assert victim.get("/api/v1/me").status_code == 200  # the real laptop is not locked out
    # The device id was the only thing petro had: even anna's own token does not help him.
    r = _enrol_as(world, "petro", anna.device_id, token=anna.token)
    assert r.status_code == 403
    # IT sees the attempt.
    refused = admin.query_audit(world.server.engine, action="enrol_refused")
    assert {row["device_id"] for row in refused} == {anna.device_id, fresh.device_id}
    # Revoking petro's laptops touches none of anna's.
    petro = world.client("petro")
    admin.revoke_device(world.server.engine, str(petro.enrolment["device_number"]))
    assert anna.get("/api/v1/me").status_code == 200
    assert petro.get("/api/v1/me").json()["code"] == "device_revoked"


def test_a_laptop_re_enrols_its_own_id_only_with_proof(world: World):
    anna = world.client("anna")
    anna.pull_all(0)
    old_token = anna.token
    # Without proof, a device the server has heard from is not re-enrolled, even by its own user.
    r = _enrol_as(world, "anna", anna.device_id)
    assert r.status_code == 403 and "one-time enrolment code" in r.json()["detail"]
    assert anna.get("/api/v1/me").status_code == 200
    # With its current token it is: a new token, the same number, the old token dead.
    r = _enrol_as(world, "anna", anna.device_id, token=old_token)
    assert r.status_code == 201, r.text
    assert r.json()["device_number"] == anna.enrolment["device_number"]
    assert Client(world.server.base, token=old_token).get("/api/v1/me").status_code == 401
    # IT's one-time code is proof too: the path for a laptop that lost its token, or runs an
    # app older than this rule (it never sends its token when enrolling).
    code, _ = admin.make_enrolment_code(world.server.engine, "anna")
    r = _enrol_as(world, "anna", anna.device_id, code=code)
    assert r.status_code == 201, r.text
    # ... but a code of one user never rebinds another user's laptop.
    code, _ = admin.make_enrolment_code(world.server.engine, "boris")
    r = _enrol_as(world, "boris", anna.device_id, code=code)
    assert r.status_code == 403 and _owner(world, anna.device_id) == world.users["anna"]


def test_a_lost_enrolment_answer_can_be_retried_before_the_first_contact(world: World):
    device_id = str(uuid.uuid4())
    first = _enrol_as(world, "anna", device_id)
    assert first.status_code == 201
    again = _enrol_as(world, "anna", device_id)  # the answer was lost: the old app asks again
    assert again.status_code == 201 and again.json()["device_number"] == first.json()["device_number"]


def test_a_revoked_laptop_confirms_its_wipe_once_and_it_sees_it(world: World):
    anna, boris = world.client("anna"), world.client("boris")
    url = f"{world.server.base}/api/v1/devices/wipe-confirmed"
    r = anna.session.post(url, headers=anna.headers(), timeout=30)
    assert r.status_code == 403 and r.json()["code"] == "forbidden"  # not revoked: nothing to confirm
    admin.revoke_device(world.server.engine, anna.device_id)
    r = anna.session.post(url, headers=anna.headers(), timeout=30)
    assert r.status_code == 200, r.text
    assert r.json()["device_number"] == anna.enrolment["device_number"]
    again = anna.session.post(url, headers=anna.headers(), timeout=30)
    assert again.status_code == 401  # once: the token is spent
    assert anna.get("/api/v1/me").status_code == 401
    listed = {d["number"]: d for d in admin.list_devices(world.server.engine)}
    assert listed[anna.enrolment["device_number"]]["wipe_confirmed_at"] == r.json()["confirmed_at"]
    assert listed[boris.enrolment["device_number"]]["wipe_confirmed_at"] is None
    with world.server.engine.connect() as conn:
        [row] = conn.execute(sa.select(audit).where(audit.c.action == "wipe_confirmed")).all()
    assert row.device_id == anna.device_id and row.user_id == world.users["anna"]


def test_only_a_teams_supervisor_records_reviews_and_nobody_approves_their_own(world: World):
    anna, sofia, stepan = world.client("anna"), world.client("sofia"), world.client("stepan")
    hh_id, _ = new_household(anna)
    visit = create("visits", visit_fields(hh_id, review_status="submitted"))
    assert anna.push(visit)[0]["status"] == "applied"
    review = {"household_id": hh_id, "record_collection": "visits", "record_id": visit["id"],
              "status": "approved", "reviewer_id": world.users["sofia"],
              "reviewed_at": "2026-01-01T00:00:00+00:00"}
    # A caseworker cannot write a review (of a record not approved, or any other).
    [res] = anna.push(create("reviews", review))
    assert res["status"] == "rejected" and res["error"]["code"] == "forbidden"
    # A supervisor records a review only of what the record itself carries.
    [res] = sofia.push(create("reviews", review))
    assert res["status"] == "rejected" and res["error"]["code"] == "forbidden"
    # The supervisor approves; the review's reviewer and time are the server's, not the laptop's.
    approve = update("visits", visit["id"], 1, {"review_status": "approved"}, {"review_status": "submitted"})
    made = create("reviews", review)
    assert [r["status"] for r in sofia.push(approve, made)] == ["applied", "applied"]
    stored = sofia.holds()[made["id"]]
    assert stored["reviewer_id"] == world.users["sofia"] and stored["reviewed_at"] != review["reviewed_at"]
    # A review is kept as recorded.
    [res] = sofia.push(update("reviews", made["id"], 1, {"comment": "changed"}, {"comment": None}))
    assert res["status"] == "rejected"
    # The other team's supervisor gets nothing of it in (an out-of-scope change is a conflict).
    [res] = stepan.push(create("reviews", review))
    assert res["status"] == "conflict"

    # Four eyes: a supervisor's own record is approved by another supervisor, not by herself.
    own = create("visits", visit_fields(hh_id, review_status="submitted"))
    assert sofia.push(own)[0]["status"] == "applied"
    [res] = sofia.push(update("visits", own["id"], 1, {"review_status": "approved"},
                              {"review_status": "submitted"}))
    assert res["status"] == "rejected" and res["error"]["code"] == "forbidden"
    assert "wrote themselves" in res["error"]["detail"]
    admin.add_user(world.server.engine, "taras", PASSWORD, role="supervisor", team="North",
                   passwords=world.server.passwords)
    taras = world.client("taras")
    [res] = taras.push(update("visits", own["id"], 1, {"review_status": "approved"},
                              {"review_status": "submitted"}))
    assert res["status"] == "applied"
    # ... and she does not record a review of her own record either.
    [res] = sofia.push(create("reviews", {**review, "record_id": own["id"]}))
    assert res["status"] == "rejected" and "wrote themselves" in res["error"]["detail"]
