"""Enrolment, /me, health, the protocol header, tokens, gzip: through real HTTP."""

from __future__ import annotations

import gzip
import io
import json
import logging
import time

import requests
from server_kit import PASSWORD, Client, World, create, household_fields

from casework.ids import device_code
from sync import protocol as p
from sync.server import admin
from sync.server.logs import JsonFormatter


def test_health_needs_no_header_or_token(server):
    r = requests.get(f"{server.base}/health", timeout=10)
    assert r.status_code == 200
    assert r.json()["status"] == "ok"
    schema = server.app.openapi()  # not served by default (test_server_limits.py)
    assert {"/api/v1/devices", "/api/v1/me", "/api/v1/sync/pull", "/api/v1/sync/push",
            "/health"} <= set(schema["paths"])
    push = schema["paths"]["/api/v1/sync/push"]["post"]["requestBody"]["content"]["application/json"]
    assert push["schema"]["properties"]["changes"]["maxItems"] == p.MAX_PUSH_CHANGES


def test_enrolment_gives_a_token_and_sequential_device_numbers(world: World):
    first = Client(world.server.base)
    r = first.enrol("anna")
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["user"]["username"] == "anna" and body["user"]["role"] == "caseworker"
    assert body["user"]["team_id"] == world.teams["North"]
    assert body["server_id"] and body["device_token"]
    second = Client(world.server.base)
    assert second.enrol("boris").status_code == 201
    assert second.enrolment["device_number"] == body["device_number"] + 1
    assert second.enrolment["device_code"] == device_code(second.enrolment["device_number"])
    me = first.get("/api/v1/me")
    assert me.status_code == 200
    assert me.json()["user"]["id"] == world.users["anna"]
    assert me.json()["protocol_versions"] == [1]
    assert me.json()["device_code"] == body["device_code"]


def test_token_is_stored_only_as_a_hash(world: World):
    c = world.client("anna")
    with world.server.engine.connect() as conn:
        dump = "\n".join(str(tuple(r)) for r in conn.exec_driver_sql("SELECT * FROM devices"))
    assert c.token not in dump


def test_wrong_password_is_unauthorized_and_rate_limited(world: World):
    c = Client(world.server.base)
    codes = [c.enrol("anna", "wrong password!").status_code for _ in range(5)]
    assert codes == [401] * 5
    r = c.enrol("anna")  # even the right password waits now
    assert r.status_code == 429
    assert r.headers["content-type"].startswith(p.PROBLEM_CONTENT_TYPE)
    assert r.json()["code"] == "rate_limited"
    assert int(r.headers["Retry-After"]) > 0
    other = Client(world.server.base)
    assert other.enrol("boris").status_code == 201  # another user is not locked out


def test_unknown_user_is_the_same_answer_as_a_wrong_password(world: World):
    r = Client(world.server.base).enrol("nobody", PASSWORD)
    assert r.status_code == 401 and r.json()["code"] == "unauthorized"


def test_missing_forged_and_revoked_tokens(world: World):
    c = world.client("anna")
    bare = requests.get(f"{world.server.base}/api/v1/me", headers={p.HEADER: "1"}, timeout=10)
    assert bare.status_code == 401 and bare.json()["code"] == "unauthorized"
    forged = Client(world.server.base, token="x" * 43)
    r = forged.get("/api/v1/me")
    assert r.status_code == 401 and r.json()["code"] == "unauthorized"
    assert "enrol" in r.json()["detail"]
    admin.revoke_device(world.server.engine, c.device_id)
    for r in (c.get("/api/v1/me"), c.pull(), c.push_raw([])):
        assert r.status_code == 401
        assert r.json()["code"] == "device_revoked"


def test_a_push_signs_the_device_in_before_its_body_is_inflated_or_parsed(world: World):
    # The push reads its body in the event loop and signs in on its own thread (one hop): an
    # unknown or revoked device gets its 401 whatever the body holds, as when sign-in came first.
    c = world.client("anna")
    url = f"{world.server.base}/api/v1/sync/push"
    bodies = [(b"{not json", {}), (b"not gzip at all", {"Content-Encoding": "gzip"}),
              (b'{"changes": 5}', {})]
    forged = Client(world.server.base, token="x" * 43)
    for body, extra in bodies:
        r = requests.post(url, data=body, headers=forged.headers(**extra), timeout=30)
        assert r.status_code == 401 and r.json()["code"] == "unauthorized", r.text
    for body, extra in bodies:  # the enrolled laptop gets the body's own answer
        r = requests.post(url, data=body, headers=c.headers(**extra), timeout=30)
        assert r.status_code == 400 and r.json()["code"] == "invalid_payload", r.text
    admin.revoke_device(world.server.engine, c.device_id)
    for body, extra in bodies:
        r = requests.post(url, data=body, headers=c.headers(**extra), timeout=30)
        assert r.status_code == 401 and r.json()["code"] == "device_revoked", r.text


def test_a_pull_answers_410_for_a_cursor_ahead_of_the_server(world: World):
    # PostgreSQL reads the page before the cursor is checked (one pipeline); the answer is the same.
    c = world.client("anna")
    c.push(create("households", household_fields()))
    horizon = c.pull(0).json()["cursor"]
    r = c.pull(horizon + 1000)
    assert r.status_code == 410 and r.json()["code"] == "cursor_expired", r.text
    assert c.pull(horizon).status_code == 200


def test_disabled_user_cannot_sync(world: World):
    c = world.client("anna")
    admin.set_disabled(world.server.engine, "anna")
    r = c.get("/api/v1/me")
    assert r.status_code == 403 and r.json()["code"] == "account_disabled"


def test_protocol_header_is_required_and_old_versions_get_426(world: World):
    c = world.client("anna")
    url = f"{world.server.base}/api/v1/me"
    auth = {"Authorization": f"Bearer {c.token}"}
    r = requests.get(url, headers=auth, timeout=10)
    assert r.status_code == 400 and p.HEADER in r.json()["detail"]
    r = requests.get(url, headers={**auth, p.HEADER: "0"}, timeout=10)
    assert r.status_code == 426 and r.json()["code"] == "protocol_too_old"
    assert r.headers["content-type"].startswith(p.PROBLEM_CONTENT_TYPE)
    r = requests.get(url, headers={**auth, p.HEADER: "99"}, timeout=10)
    assert r.status_code == 400 and "update the server" in r.json()["detail"]


def test_gzip_in_both_directions(world: World):
    c = world.client("anna")
    changes = [create("households", household_fields(case_number=f"2026/1-{i:04d}"))
               for i in range(30)]
    r = c.push_raw(changes, gzipped=True)
    assert r.status_code == 200, r.text
    assert [x["status"] for x in r.json()["results"]] == ["applied"] * 30
    r = c.session.get(f"{c.base}/api/v1/sync/pull", params={"cursor": 0},
                      headers=c.headers(**{"Accept-Encoding": "gzip"}), stream=True, timeout=30)
    assert r.headers.get("content-encoding") == "gzip"
    body = json.loads(gzip.decompress(r.raw.read()))
    assert len([x for x in body["changes"] if x["collection"] == "households"]) == 30


def test_oversized_bodies_answer_413(world: World):
    c = world.client("anna")
    too_many = [create("households", household_fields()) for _ in range(p.MAX_PUSH_CHANGES + 1)]
    r = c.push_raw(too_many)
    assert r.status_code == 413 and r.json()["code"] == "payload_too_large"
    big = {"changes": [create("households", household_fields(notes="x" * (p.MAX_BODY_BYTES + 10)))]}
    r = c.session.post(f"{c.base}/api/v1/sync/push", data=json.dumps(big),
                       headers=c.headers(**{"Content-Type": "application/json"}), timeout=30)
    assert r.status_code == 413 and r.json()["code"] == "payload_too_large"
    bomb = gzip.compress(b'{"changes": [' + b" " * (p.MAX_INFLATED_BYTES + 10) + b"]}")
    assert len(bomb) < p.MAX_BODY_BYTES
    r = c.session.post(f"{c.base}/api/v1/sync/push", data=bomb,
                       headers=c.headers(**{"Content-Encoding": "gzip"}), timeout=30)
    assert r.status_code == 413 and r.json()["code"] == "payload_too_large"


def test_unknown_endpoint_is_a_problem(world: World):
    c = world.client("anna")
    r = c.get("/api/v1/nothing-here")
    assert r.status_code == 404 and r.json()["code"] == "not_found"


def test_logs_are_json_lines_without_personal_data(world: World):
    logger = logging.getLogger("fieldapp.server")
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    logger.addHandler(handler)
    try:
        err = _log_a_session(world)
    finally:
        logger.removeHandler(handler)
    assert err == stream.getvalue()


def _log_a_session(world: World) -> str:
    logger = logging.getLogger("fieldapp.server")
    stream = logger.handlers[-1].stream
    c = world.client("anna")
    [res] = c.push(create("households", household_fields(family_name="Shevchenko-Unique",
                                                         address="Khreshchatyk 22")))
    assert res["status"] == "applied"
    c.pull_all(0)
    c.get("/api/v1/sync/pull?cursor=abc")
    # The request's log line is written once its answer has gone out, so the client can hold the
    # answer before the line is there: wait for the line (the refused pull's 400) before reading.
    deadline = time.monotonic() + 30
    while '"status": 400' not in stream.getvalue() and time.monotonic() < deadline:
        time.sleep(0.01)
    err = stream.getvalue()
    lines = [json.loads(line) for line in err.splitlines() if line.startswith('{"ts"')]
    assert {line["route"] for line in lines} >= {"/api/v1/devices", "/api/v1/sync/push",
                                                 "/api/v1/sync/pull"}
    assert all({"ts", "level", "event", "status", "ms"} <= set(line) for line in lines)
    for secret in ("Shevchenko", "Khreshchatyk", "anna", PASSWORD, c.token, "abc"):
        assert secret not in err
    return err
