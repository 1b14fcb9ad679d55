"""Item 7 of issue 11: aborted uploads are the client's failure, not a server bug; a small
gzip body cannot become megabytes of records; the API's map is not served to anyone by
default; warnings and errors are logged bounded."""

from __future__ import annotations

import gzip
import json
import logging
import socket
import time
from collections.abc import Iterator

import pytest
import requests
import sqlalchemy as sa
from server_kit import Client, LiveServer, World, create, household_fields

from sync import protocol as p
from sync.server.db import records
from sync.server.logs import Bounded


class Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def logged() -> Iterator[Collect]:
    handler = Collect()
    names = ("fieldapp.server", "uvicorn", "uvicorn.error", "asyncio")
    for name in names:
        logging.getLogger(name).addHandler(handler)
    yield handler
    for name in names:
        logging.getLogger(name).removeHandler(handler)


def _cut_off(base_port: int, path: str, headers: dict[str, str]) -> None:
    """Send a request's head and a third of its body, then hang up."""
    body = json.dumps({"username": "anna", "password": "x" * 3000}).encode()
    head = f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
    head += "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    head += f"Content-Length: {len(body)}\r\n\r\n"
    with socket.create_connection(("127.0.0.1", base_port)) as s:
        s.sendall(head.encode() + body[: len(body) // 3])
        time.sleep(0.2)  # the server has started reading the body


def _request_lines(logged: Collect, route: str) -> list[dict[str, object]]:
    return [r.fields for r in logged.records  # type: ignore[attr-defined]
            if r.getMessage() == "request" and r.fields.get("route") == route]  # type: ignore[attr-defined]


@pytest.mark.parametrize("signed_in", [False, True], ids=["enrol, no token", "push, token"])
def test_an_aborted_upload_is_the_client_s_failure_not_a_bug(world: World, logged: Collect,
                                                             signed_in: bool):
    headers = {p.HEADER: str(p.PROTOCOL_VERSION)}
    route = "/api/v1/devices"
    if signed_in:
        headers["Authorization"] = f"Bearer {world.client('anna').token}"
        route = "/api/v1/sync/push"
    _cut_off(world.server.port, route, headers)
    deadline = time.monotonic() + 30
    while not _request_lines(logged, route):
        assert time.monotonic() < deadline, "the aborted request was never logged"
        time.sleep(0.05)
    assert [line["status"] for line in _request_lines(logged, route)] == [400]
    assert [r for r in logged.records if r.levelno >= logging.ERROR] == []
    assert requests.get(f"{world.server.base}/health", timeout=10).status_code == 200


def test_a_small_gzip_body_cannot_become_megabytes_of_records(world: World):
    anna = world.client("anna")
    limit = world.server.app.state.settings.max_inflated_bytes
    # 400 households with 12 KB of notes each: about 5 MB of JSON, tens of KB of gzip.
    changes = [create("households", household_fields(notes="x" * 12_000)) for _ in range(400)]
    raw = json.dumps({"changes": changes}).encode()
    squeezed = gzip.compress(raw)
    assert len(raw) > limit and len(squeezed) < 100_000
    r = anna.session.post(f"{world.server.base}/api/v1/sync/push", data=squeezed, timeout=60,
                          headers={**anna.headers(), "Content-Type": "application/json",
                                   "Content-Encoding": "gzip"})
    assert r.status_code == 413
    assert r.headers["content-type"].startswith(p.PROBLEM_CONTENT_TYPE)
    assert r.json()["code"] == "payload_too_large"
    assert f"{limit:,}" in r.json()["detail"]
    with world.server.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(records)
                            .where(records.c.collection == "households")).scalar_one() == 0
    # Under the limit the same records go in, in batches the client can send.
    assert len(anna.push(*changes[:50])) == 50


def test_the_api_s_map_is_not_served_by_default(server: LiveServer):
    for path in ("/openapi.json", "/docs", "/redoc", "/docs/oauth2-redirect"):
        r = requests.get(f"{server.base}{path}", timeout=10)
        assert r.status_code == 404, path
        assert r.json()["code"] == "not_found"


def test_the_api_s_map_is_served_when_it_turns_it_on(database_url: str):
    live = LiveServer(database_url, api_docs=True).start()
    try:
        schema = requests.get(f"{live.base}/openapi.json", timeout=10).json()
        assert "bearer" in {v.get("scheme") for v in schema["components"]["securitySchemes"].values()}
        assert requests.get(f"{live.base}/docs", timeout=10).status_code == 200
        # Signed-in or not, the sync endpoints still want their token.
        assert Client(live.base).get("/api/v1/me").status_code == 401
    finally:
        live.stop()


def _record(name: str, msg: str, level: int = logging.ERROR) -> logging.LogRecord:
    return logging.LogRecord(name, level, __file__, 1, msg, None, None)


def test_warnings_and_errors_are_bounded_per_kind_and_the_rest_counted():
    now = [0.0]
    bounded = Bounded(burst=5, per_s=10.0, clock=lambda: now[0])
    passed = [bounded.filter(_record("asyncio", "socket.accept() out of system resource"))
              for _ in range(1000)]
    assert passed.count(True) == 5
    # Another kind has its own budget; requests' info lines are never dropped.
    assert bounded.filter(_record("uvicorn.error", "Exception in ASGI application"))
    assert all(bounded.filter(_record("fieldapp.server", "request", logging.INFO)) for _ in range(100))
    now[0] = 10.0
    line = _record("asyncio", "socket.accept() out of system resource")
    assert bounded.filter(line)
    assert line.fields == {"suppressed": 995}  # type: ignore[attr-defined]
