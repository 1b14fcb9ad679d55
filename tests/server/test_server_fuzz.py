"""Bad input through real HTTP: always a 4xx problem with a sentence (or a per-change rejection), never a 5xx.

Hypothesis makes the bodies, the parameters and the headers; the server is
the real one on 127.0.0.1, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import json
import string
import uuid

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from server_kit import Client, World, create, household_fields

from sync import protocol as p

FUZZ = settings(max_examples=40, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats(allow_nan=False,
                                                                           allow_infinity=False)
    | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children,
                                                                       max_size=4),
    max_leaves=12,
)
change_keys = st.sampled_from(["change_id", "collection", "id", "base_version", "fields", "base",
                               "delete", "other"])
good_values = {
    "change_id": st.uuids().map(str), "collection": st.sampled_from(list(p.COLLECTIONS) + ["nope"]),
    "id": st.uuids().map(str), "base_version": st.none() | st.integers(-2, 3),
    "fields": st.dictionaries(st.text(min_size=1, max_size=12), json_values, max_size=4),
    "base": st.dictionaries(st.text(min_size=1, max_size=12), json_values, max_size=3),
    "delete": st.booleans(),
}


@st.composite
def changes(draw: st.DrawFn) -> dict:
    out = {}
    for key in draw(st.lists(change_keys, unique=True, min_size=3, max_size=8)):
        if key in good_values and draw(st.booleans()):
            out[key] = draw(good_values[key])
        else:
            out[key] = draw(json_values)
    return out


def assert_problem(r: requests.Response) -> dict:
    assert 400 <= r.status_code < 500, (r.status_code, r.text[:500])
    assert r.headers["content-type"].startswith(p.PROBLEM_CONTENT_TYPE), r.headers
    body = r.json()
    assert body["code"] in p.ERROR_STATUS and body["status"] == r.status_code
    assert isinstance(body["detail"], str) and len(body["detail"]) > 10
    return body


def assert_push_answer(r: requests.Response, sent: int | None = None) -> None:
    assert r.status_code < 500, (r.status_code, r.text[:500])
    if r.status_code == 200:
        results = r.json()["results"]
        if sent is not None:
            assert len(results) == sent
        for res in results:
            assert res["status"] in ("applied", "merged", "conflict", "rejected")
            if res["status"] == "rejected":
                assert res["error"]["code"] in p.ERROR_STATUS and res["error"]["detail"]
    else:
        assert_problem(r)


@pytest.fixture
def anna(world: World) -> Client:
    return world.client("anna")


@FUZZ
@given(body=st.binary(max_size=200) | st.text(max_size=200).map(str.encode))
def test_garbage_bodies(anna: Client, body: bytes):
    for path in ("/api/v1/sync/push", "/api/v1/devices"):
        r = anna.session.post(f"{anna.base}{path}", data=body, timeout=30,
                              headers=anna.headers(**{"Content-Type": "application/json"}))
        if r.status_code == 200:
            assert_push_answer(r)
        else:
            assert_problem(r)


@FUZZ
@given(body=json_values)
def test_any_json_as_a_push_or_an_enrolment(anna: Client, body):
    r = anna.session.post(f"{anna.base}/api/v1/sync/push", data=json.dumps(body), timeout=30,
                          headers=anna.headers())
    assert_push_answer(r)
    r = anna.session.post(f"{anna.base}/api/v1/devices", data=json.dumps(body), timeout=30,
                          headers=anna.headers())
    assert_problem(r)


@FUZZ
@given(batch=st.lists(changes(), max_size=5))
def test_malformed_changes_are_rejected_one_by_one(anna: Client, batch):
    valid = create("households", household_fields())
    r = anna.push_raw([*batch, valid])
    assert_push_answer(r, len(batch) + 1)
    if r.status_code == 200:
        assert r.json()["results"][-1]["status"] == "applied"  # one bad change never blocks the rest


@FUZZ
@given(cursor=st.text(max_size=25) | st.integers().map(str), limit=st.text(max_size=6) | st.integers().map(str))
def test_pull_parameters(anna: Client, cursor: str, limit: str):
    r = anna.session.get(f"{anna.base}/api/v1/sync/pull", params={"cursor": cursor, "limit": limit},
                         headers=anna.headers(), timeout=30)
    if r.status_code != 200:
        assert_problem(r)


header_text = st.text(alphabet=string.ascii_letters + string.digits + " -_.=/+", max_size=60)


@FUZZ
@given(token=header_text, version=header_text, scheme=st.sampled_from(["Bearer", "bearer", "Basic", ""]))
def test_forged_tokens_and_headers(server, token: str, version: str, scheme: str):
    headers = {p.HEADER: version.strip() or "1", "Authorization": f"{scheme} {token}".strip() or "x"}
    for method, path in (("GET", "/api/v1/me"), ("GET", "/api/v1/sync/pull"),
                         ("POST", "/api/v1/sync/push")):
        r = requests.request(method, f"{server.base}{path}", headers=headers, json={"changes": []},
                             timeout=30)
        body = assert_problem(r)
        assert body["code"] in ("unauthorized", "invalid_payload", "protocol_too_old")


def test_each_kind_of_bad_input_says_what_is_wrong(anna: Client):
    url = f"{anna.base}/api/v1/sync/push"
    r = anna.session.post(url, data=b'{"changes": [', headers=anna.headers(), timeout=30)
    assert "not valid JSON" in assert_problem(r)["detail"]
    r = anna.session.post(url, data=b'{"changes": "all"}', headers=anna.headers(), timeout=30)
    assert "'changes' must be a list" in assert_problem(r)["detail"]
    r = anna.session.post(url, data=b'{"changes": [NaN]}', headers=anna.headers(), timeout=30)
    assert_problem(r)
    r = anna.session.post(url, data=b"[" * 100000 + b"]" * 100000, headers=anna.headers(), timeout=30)
    assert_problem(r)
    r = anna.session.post(url, data=b"{}", headers=anna.headers(**{"Content-Encoding": "gzip"}),
                          timeout=30)
    assert "gzip" in assert_problem(r)["detail"]
    [res] = anna.push({"change_id": str(uuid.uuid4()), "collection": "spaceships", "id": "x",
                       "base_version": None, "fields": {}})
    assert res["status"] == "rejected" and "Unknown collection" in res["error"]["detail"]
    [res] = anna.push({"change_id": str(uuid.uuid4()), "collection": "households", "id": "x",
                       "base_version": "three", "fields": {}})
    assert res["status"] == "rejected" and "base_version" in res["error"]["detail"]
    [res] = anna.push(create("households", household_fields(notes="a\x00b")))
    assert res["status"] == "rejected" and "NUL" in res["error"]["detail"]
    [res] = anna.push(create("households", household_fields(notes="\ud800")))
    assert res["status"] == "rejected"
    [res] = anna.push({**create("households", household_fields()), "id": "a\x00b"})
    assert res["status"] == "rejected" and "NUL" in res["error"]["detail"]
    [res] = anna.push({**create("households", household_fields()), "change_id": "\x00" * 36})
    assert res["status"] == "rejected" and "change_id" in res["error"]["detail"]
    [res] = anna.push(create("households", {**household_fields(), "a\x00": 1}))
    assert res["status"] == "rejected" and "NUL" in res["error"]["detail"]
    r = anna.session.get(f"{anna.base}/api/v1/sync/pull", params={"cursor": "-1"},
                         headers=anna.headers(), timeout=30)
    assert "'cursor'" in assert_problem(r)["detail"]
