"""Helpers for the server's tests: a real uvicorn on 127.0.0.1, a protocol client, valid records."""

from __future__ import annotations

import gzip
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests
import sqlalchemy as sa
import uvicorn
from argon2 import PasswordHasher

from casework.ids import new_id
from sync import protocol as p
from sync.server import admin
from sync.server.app import Hooks, Settings, create_app
from sync.server.security import Passwords

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery"
# Real codes of the codifier (KATOTTH): the server looks each hromada up (casework.places).
HROMADA = "UA59080270000073662"  # Сумська громада, Сумський р-н, Сумська обл.
OTHER_HROMADA = "UA59040110000026694"  # Охтирська громада, Охтирський р-н, Сумська обл.
# How long a started server may take to answer: generous, for a machine at load 16 (it is a
# deadline for an event, the port answering, not a measure of speed).
START_DEADLINE_S = 300
# Argon2id at its cheapest, so that hundreds of sign-ins stay fast; the app and admin.add_user get it.
CHEAP_PASSWORDS = Passwords(PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    """The real app served by uvicorn in a thread of the test process."""

    def __init__(self, url: str, *, hooks: Hooks | None = None,
                 passwords: Passwords = CHEAP_PASSWORDS, **settings: Any):
        self.database_url = url
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.passwords = passwords
        self.app = create_app(Settings(database_url=url, **settings), passwords=self.passwords,
                              hooks=hooks)
        self.engine: sa.Engine = self.app.state.engine
        config = uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="warning",
                                access_log=False, lifespan="off", timeout_keep_alive=30,
                                # as `fieldapp-server serve`: the app alone reads X-Forwarded-For
                                proxy_headers=False)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def start(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + START_DEADLINE_S
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=20)
        self.engine.dispose()


def start_serve(*args: str, port: int, stdout: Any = subprocess.PIPE, stderr: Any = subprocess.PIPE,
                preexec_fn: Callable[[], None] | None = None) -> subprocess.Popen[str]:
    """`fieldapp-server serve --port PORT ARGS` in its own process group, once /health answers 200.

    Waits for the event (the port answering), however slow the machine; fails at once if serve exits.
    """
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "sync.server.cli", "serve", "--port", str(port), *args],
                            cwd=ROOT, env=env, stdout=stdout, stderr=stderr, text=True,
                            preexec_fn=preexec_fn, start_new_session=True)
    deadline = time.monotonic() + START_DEADLINE_S
    while True:
        try:
            # A slow answer is still an answer coming: a read timeout is waited out like a refusal.
            if requests.get(f"http://127.0.0.1:{port}/health", timeout=30).status_code == 200:
                return proc
        except requests.RequestException:
            pass
        if proc.poll() is not None:
            err = proc.stderr.read() if proc.stderr is not None else ""
            raise RuntimeError(f"serve exited with {proc.returncode}: {err}")
        if time.monotonic() > deadline:
            stop_serve(proc)
            raise RuntimeError(f"serve did not answer within {START_DEADLINE_S} s")
        time.sleep(0.2)


def stop_serve(proc: subprocess.Popen[Any]) -> None:
    """Stop a server started by start_serve: its whole process group (workers too), killed if it lingers."""
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
    try:
        proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        pass
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # whatever of the group is left (a worker)
    except ProcessLookupError:
        pass
    proc.wait()


@dataclass
class Client:
    """A device speaking the protocol over HTTP."""

    base: str
    token: str | None = None
    device_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    user: dict[str, Any] = field(default_factory=dict)
    enrolment: dict[str, Any] = field(default_factory=dict)
    cursor: int = 0
    session: requests.Session = field(default_factory=requests.Session)

    def headers(self, **extra: str) -> dict[str, str]:
        h = {p.HEADER: str(p.PROTOCOL_VERSION)}
        if self.token:
            h["Authorization"] = f"Bearer {self.token}"
        h.update(extra)
        return h

    def enrol(self, username: str, password: str = PASSWORD) -> requests.Response:
        r = self.session.post(f"{self.base}/api/v1/devices", headers=self.headers(), json={
            "username": username, "password": password, "device_id": self.device_id,
            "device_name": f"laptop of {username}"}, timeout=30)
        if r.status_code == 201:
            self.enrolment = r.json()
            self.token = self.enrolment["device_token"]
            self.user = self.enrolment["user"]
        return r

    def get(self, path: str, **kw: Any) -> requests.Response:
        return self.session.get(f"{self.base}{path}", headers=self.headers(), timeout=60, **kw)

    def push_raw(self, changes: list[dict[str, Any]], *, gzipped: bool = False) -> requests.Response:
        body = json.dumps({"changes": changes}).encode()
        headers = self.headers(**{"Content-Type": "application/json"})
        if gzipped:
            body = gzip.compress(body)
            headers["Content-Encoding"] = "gzip"
        return self.session.post(f"{self.base}/api/v1/sync/push", data=body, headers=headers, timeout=120)

    def push(self, *changes: dict[str, Any]) -> list[dict[str, Any]]:
        r = self.push_raw(list(changes))
        assert r.status_code == 200, r.text
        results = r.json()["results"]
        assert len(results) == len(changes)
        return list(results)

    def pull(self, cursor: int | None = None, limit: int | None = None) -> requests.Response:
        params: dict[str, int] = {"cursor": self.cursor if cursor is None else cursor}
        if limit is not None:
            params["limit"] = limit
        return self.get("/api/v1/sync/pull", params=params)

    def pull_all(self, cursor: int | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        """Pull pages until `more` is false, advancing the stored cursor; all changes in order."""
        if cursor is not None:
            self.cursor = cursor
        out: list[dict[str, Any]] = []
        while True:
            r = self.pull(limit=limit)
            assert r.status_code == 200, r.text
            body = r.json()
            out.extend(body["changes"])
            assert body["cursor"] >= self.cursor
            self.cursor = body["cursor"]
            if not body["more"]:
                return out

    def holds(self, cursor: int = 0) -> dict[str, dict[str, Any]]:
        """What a fresh device of this user would hold: id -> record (case records only)."""
        held: dict[str, dict[str, Any]] = {}
        for ch in self.pull_all(cursor):
            if ch["op"] == "upsert" and ch["collection"] not in p.READ_ONLY_COLLECTIONS:
                held[ch["id"]] = ch["record"]
        return held


# ---- valid records (casework.records)

def household_fields(**over: Any) -> dict[str, Any]:
    f = {"case_number": "2026/1-0001", "family_name": "Koval", "hromada": HROMADA,
         "identified_on": "2026-01-10", "status": "active", "phone": "+380 67 123 4567"}
    f.update(over)
    return f


def person_fields(household_id: str, **over: Any) -> dict[str, Any]:
    f = {"household_id": household_id, "role": "mother", "surname": "Koval", "given_name": "Olena",
         "birth_date": "1990-05-01"}
    f.update(over)
    return f


def visit_fields(household_id: str, **over: Any) -> dict[str, Any]:
    f = {"household_id": household_id, "started_at": "2026-02-01T10:00:00+02:00",
         "type": "initial", "place": "home", "review_status": "draft", "notes": "first visit"}
    f.update(over)
    return f


def create(collection: str, fields: dict[str, Any], record_id: str | None = None) -> dict[str, Any]:
    return {"change_id": str(uuid.uuid4()), "collection": collection, "id": record_id or new_id(),
            "base_version": None, "fields": fields, "base": {}, "delete": False}


def update(collection: str, record_id: str, base_version: int, fields: dict[str, Any],
           base: dict[str, Any], delete: bool = False) -> dict[str, Any]:
    return {"change_id": str(uuid.uuid4()), "collection": collection, "id": record_id,
            "base_version": base_version, "fields": fields, "base": base, "delete": delete}


@dataclass
class World:
    """Two teams, their people, and enrolled laptops: the cast of most tests."""

    server: LiveServer
    teams: dict[str, str] = field(default_factory=dict)
    users: dict[str, str] = field(default_factory=dict)

    def client(self, username: str) -> Client:
        c = Client(self.server.base)
        r = c.enrol(username)
        assert r.status_code == 201, r.text
        return c


def make_world(server: LiveServer) -> World:
    w = World(server)
    e = server.engine
    for team in ("North", "South"):
        w.teams[team] = admin.add_team(e, team)
    for name, role, team, prot in [
        ("anna", "caseworker", "North", False), ("boris", "caseworker", "North", False),
        ("sofia", "supervisor", "North", True), ("petro", "caseworker", "South", False),
        ("stepan", "supervisor", "South", False), ("ira", "admin", None, False),
        ("pavlo", "caseworker", "North", True),
    ]:
        w.users[name] = admin.add_user(e, name, PASSWORD, role=role, team=team,
                                       protected_access=prot, passwords=server.passwords)
    return w


def new_household(client: Client, **over: Any) -> tuple[str, dict[str, Any]]:
    change = create("households", household_fields(**over))
    [res] = client.push(change)
    assert res["status"] == "applied", res
    return change["id"], change["fields"]
