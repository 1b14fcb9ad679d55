"""The server's schema told three ways must agree: Alembic's migrations with `db.py`'s
metadata, the OpenAPI document with what the routes answer, and the server's imports with
its layer (nothing of the desktop app, no Qt)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import requests
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from server_kit import Client, World

from sync import protocol as p
from sync.server.db import metadata

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def server_settings() -> dict[str, object]:
    return {"api_docs": True}  # /openapi.json is served only when IT turns it on


def test_the_migrations_build_exactly_the_tables_of_db_py(database_url: str):
    # database_url is migrated from scratch by the fixtures (a copy of a migrated template).
    engine = sa.create_engine(database_url, poolclass=sa.pool.NullPool)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True,
                                                             "compare_server_default": False})
            differences = compare_metadata(context, metadata)
    finally:
        engine.dispose()
    assert differences == []


def test_a_broken_table_in_db_py_would_be_found(database_url: str):
    # The comparison above can fail: a column the migrations never made is reported.
    extra = sa.MetaData()
    for table in metadata.tables.values():
        table.to_metadata(extra)
    sa.Table("devices", extra, sa.Column("colour", sa.String(20)), extend_existing=True)
    engine = sa.create_engine(database_url, poolclass=sa.pool.NullPool)
    try:
        with engine.connect() as conn:
            differences = compare_metadata(MigrationContext.configure(conn), extra)
    finally:
        engine.dispose()
    assert [d[0] for d in differences] == ["add_column"]


def _resolve(schema: dict, node: dict) -> dict:
    while "$ref" in node:
        name = node["$ref"].removeprefix("#/components/schemas/")
        node = schema["components"]["schemas"][name]
    return node


BINARY = "application/octet-stream"
# What each route must declare: its body (if it reads one), its answer, its problem answers.
# Every signed-in route answers 403 `account_disabled` for an account IT disabled.
EXPECTED = {
    ("post", "/api/v1/devices"): ("EnrolRequest", "201", {400, 401, 403, 413, 426, 429, 500}),
    ("post", "/api/v1/devices/wipe-confirmed"): (None, "200", {400, 401, 403, 426, 500}),
    ("post", "/api/v1/sync/push"): ("PushRequest", "200", {400, 401, 403, 413, 426, 500}),
    ("get", "/api/v1/sync/pull"): (None, "200", {400, 401, 403, 410, 426, 500}),
    ("get", "/api/v1/me"): (None, "200", {400, 401, 403, 426, 500}),
    ("get", "/api/v1/team"): (None, "200", {400, 401, 403, 426, 500}),
    ("get", "/api/v1/reports"): (None, "200", {400, 401, 403, 426, 500}),
    ("get", "/health"): (None, "200", set()),
    # a parcel in, its return parcel out: bytes both ways (sync/parcel.py)
    ("post", "/api/v1/parcels"): (BINARY, "200", {400, 401, 403, 413, 426, 500}),
    ("post", "/api/v1/attachments/{sha256}"): ("UploadRequest", "200", {400, 401, 403, 409, 413, 426, 500, 507}),
    ("put", "/api/v1/attachments/{sha256}/chunks/{n}"): (None, "200", {400, 401, 403, 404, 409, 413, 426, 500, 507}),
    ("get", "/api/v1/attachments/{sha256}"): (None, "200", {400, 401, 403, 404, 426, 500}),
    ("get", "/api/v1/attachments/{sha256}/chunks/{n}"): (None, "200", {400, 401, 403, 404, 426, 500}),
}
# Answers that are bytes, not JSON: a chunk of an attachment's content.
BINARY_ANSWERS = {("get", "/api/v1/attachments/{sha256}/chunks/{n}")}


def answers_binary(op: dict, success: str) -> bool:
    return op["responses"][success]["content"][BINARY]["schema"]["format"] == "binary"


def test_the_openapi_schema_declares_every_body_answer_and_problem(server):
    schema = requests.get(f"{server.base}/openapi.json", timeout=10).json()
    operations = {(method, path): op for path, ops in schema["paths"].items()
                  for method, op in ops.items()}
    assert set(operations) == set(EXPECTED)
    for key, (body, success, statuses) in EXPECTED.items():
        op = operations[key]
        if body == BINARY:
            assert op["requestBody"]["required"] is True
            assert op["requestBody"]["content"][BINARY]["schema"]["format"] == "binary"
            assert answers_binary(op, success), key
        elif body is not None:
            declared = op["requestBody"]["content"]["application/json"]["schema"]
            assert op["requestBody"]["required"] is True
            assert declared["title"] == body, key
        else:
            assert "requestBody" not in op, key
        answers = op["responses"]
        assert "422" not in answers, key  # FastAPI's own validation answer never happens here
        if key in BINARY_ANSWERS:
            assert "application/octet-stream" in answers[success]["content"], key
        elif body != BINARY:
            ok = _resolve(schema, answers[success]["content"]["application/json"]["schema"])
            assert ok["properties"], key
        problems = {int(s) for s, a in answers.items() if p.PROBLEM_CONTENT_TYPE in a.get("content", {})}
        assert problems == statuses, key
        for status in problems:
            shape = _resolve(schema, answers[str(status)]["content"][p.PROBLEM_CONTENT_TYPE]["schema"])
            assert set(shape["required"]) >= {"type", "title", "status", "detail", "code"}
        if key[1].startswith("/api/"):
            headers = {q["name"] for q in op.get("parameters", []) if q["in"] == "header"}
            assert p.HEADER in headers, key
    [bearer] = [name for name, v in schema["components"]["securitySchemes"].items()
                if v["type"] == "http" and v["scheme"].lower() == "bearer"]
    signed_in = {key for key, op in operations.items() if {bearer: []} in op.get("security", [])}
    # Enrolment declares the token too: an enrolled laptop re-enrolling proves itself with it.
    assert signed_in == set(EXPECTED) - {("get", "/health")}
    pull = operations[("get", "/api/v1/sync/pull")]
    limit = next(q for q in pull["parameters"] if q["name"] == "limit")["schema"]
    assert (limit["minimum"], limit["maximum"]) == (1, p.MAX_PULL_LIMIT)


def test_the_answers_have_the_shapes_the_schema_declares(world: World):
    """Each documented answer is what a real request gets: required keys present, codes known."""
    schema = requests.get(f"{world.server.base}/openapi.json", timeout=10).json()

    def required(name: str) -> set[str]:
        return set(schema["components"]["schemas"][name].get("required", []))

    anna = Client(world.server.base)
    r = anna.enrol("anna")
    assert r.status_code == 201 and required("EnrolAnswer") <= set(r.json())
    assert required("MeAnswer") <= set(anna.get("/api/v1/me").json())
    assert required("PullAnswer") <= set(anna.pull(0).json())
    r = anna.push_raw([{"change_id": "not a uuid"}])
    assert r.status_code == 200 and required("ChangeResult") <= set(r.json()["results"][0])
    wrong = [anna.get("/api/v1/team"), anna.get("/api/v1/sync/pull?limit=0"),
             Client(world.server.base).get("/api/v1/me"),
             anna.session.post(f"{world.server.base}/api/v1/sync/push",
                               headers={**anna.headers(), "Content-Type": "application/json"},
                               data=b"x" * (p.MAX_BODY_BYTES + 1), timeout=30)]
    for r in wrong:
        assert r.headers["content-type"].startswith(p.PROBLEM_CONTENT_TYPE)
        assert required("Problem") <= set(r.json())
        assert r.json()["code"] in schema["components"]["schemas"]["Problem"]["properties"]["code"]["enum"]
    assert [r.status_code for r in wrong] == [403, 400, 401, 413]
    assert json.loads(wrong[1].text)["detail"] == f"'limit' must be between 1 and {p.MAX_PULL_LIMIT}."


def test_the_server_imports_nothing_of_the_desktop_app_nor_qt():
    out = subprocess.run(
        [sys.executable, "-c", "import sync.server.app, sync.server.cli, sys; print(sorted(m for m "
                               "in sys.modules if m.startswith(('fieldapp', 'PySide6'))))"],
        cwd=ROOT, capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout.strip() == "[]"
