"""The central server under load, through real HTTP on 127.0.0.1.

The server runs as `fieldapp-server serve` in its own process (as IT runs
it); the benchmark drives it with the protocol's own requests. SQLite always;
PostgreSQL too when FIELDAPP_TEST_PG_URL names a server (./test.sh and
scripts/test-postgres.sh start one).
"""

from __future__ import annotations

import gzip
import http.client
import json
import os
import sys
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import requests
import sqlalchemy as sa
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from benchmarks.runner import Bench, Served, cpu_seconds, scenario, serve
from casework.ids import new_id
from sync import protocol as p
from sync.client import ACCEPT_ENCODING, answer_body, zstandard

PASSWORD = "benchmark password 1"


@contextmanager
def _database(bench: Bench, backend: str) -> Iterator[str]:
    if backend == "sqlite":
        yield f"sqlite+pysqlite:///{bench.tmp / 'server.sqlite3'}"
        return
    base = os.environ.get("FIELDAPP_TEST_PG_URL")
    if not base:
        raise RuntimeError("FIELDAPP_TEST_PG_URL is not set")
    name = f"fa_bench_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    admin_engine = sa.create_engine(base, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
    with admin_engine.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name}")
    try:
        yield sa.make_url(base).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin_engine.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin_engine.dispose()


@contextmanager
def _serve(url: str, workers: int = 1) -> Iterator[Served]:
    """Run `fieldapp-server serve` on the migrated database; yield its base URL and pid."""
    # 200 laptops here share one address; the cap of 64 per peer would reset them (in the
    # field each laptop has its own).
    with serve(url, workers, ["--max-connections-per-peer", "1000"]) as served:
        yield served


class Device:
    def __init__(self, base: str, username: str):
        self.base = base
        self.session = requests.Session()
        # As the laptop's transport does: a request on a keep-alive connection the server has
        # closed meanwhile (idle longer than its keep-alive) is sent again on a new one (a
        # repeated push is answered from the server's memory of change ids).
        self.session.mount("http://", HTTPAdapter(max_retries=Retry(
            total=3, connect=3, read=3, status=0, allowed_methods=None, backoff_factor=0)))
        self.device_id = str(uuid.uuid4())
        r = self.session.post(f"{base}/api/v1/devices", headers={p.HEADER: "1"}, timeout=120,
                              json={"username": username, "password": PASSWORD,
                                    "device_id": self.device_id, "device_name": "bench"})
        r.raise_for_status()
        self.headers = {p.HEADER: "1", "Authorization": f"Bearer {r.json()['device_token']}"}
        self.cursor = 0

    def push(self, changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
        r = self.session.post(f"{self.base}/api/v1/sync/push", json={"changes": changes},
                              headers=self.headers, timeout=300)
        r.raise_for_status()
        return list(r.json()["results"])

    def pull_page(self, limit: int = p.DEFAULT_PULL_LIMIT) -> dict[str, Any]:
        # As the laptop asks (sync.client): zstd when it can inflate it.
        r = self.session.get(f"{self.base}/api/v1/sync/pull", timeout=300,
                             headers={**self.headers, "Accept-Encoding": ACCEPT_ENCODING},
                             params={"cursor": self.cursor, "limit": limit})
        r.raise_for_status()
        body = json.loads(answer_body(r))
        self.cursor = body["cursor"]
        return dict(body)

    def pull_all(self, limit: int = p.DEFAULT_PULL_LIMIT) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        while True:
            body = self.pull_page(limit)
            out += body["changes"]
            if not body["more"]:
                return out


class StormDevice(Device):
    """A laptop of the 200-laptop storm: enrolled as `Device` is, then pushing and pulling over
    one keep-alive `http.client` connection of its own instead of `requests`.

    The load generator shares the two cores with the server and PostgreSQL: `requests` spent
    ~1.8 ms of CPU per request (a Session looks up proxies and .netrc in the environment and
    merges cookie jars on every call: half its time in the storm's profile), this ~0.5 ms. The
    requests, their headers and what is checked of the answers are the same; a request on a
    connection the server has closed meanwhile is sent again on a new one, as `Device` does.
    """

    def __init__(self, base: str, username: str):
        super().__init__(base, username)
        self.session.close()
        host, _, port = base.removeprefix("http://").partition(":")
        self._address = (host, int(port))
        self._conn: http.client.HTTPConnection | None = None

    def _request(self, method: str, path: str, body: bytes | None, headers: dict[str, str]) -> bytes:
        for attempt in range(4):
            if self._conn is None:
                self._conn = http.client.HTTPConnection(*self._address, timeout=300)
            try:
                self._conn.request(method, path, body, headers)
                answer = self._conn.getresponse()
                data = answer.read()
            except (http.client.RemoteDisconnected, ConnectionError, http.client.BadStatusLine):
                self._conn.close()
                self._conn = None
                if attempt == 3:
                    raise
                continue
            if answer.status != 200:
                raise RuntimeError(f"{method} {path}: {answer.status} {data[:200]!r}")
            coding = (answer.getheader("Content-Encoding") or "").strip().lower()
            if coding == "zstd":
                return bytes(zstandard.ZstdDecompressor().decompress(data))
            return gzip.decompress(data) if coding == "gzip" else data
        raise AssertionError("unreachable")

    def push(self, changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
        body = json.dumps({"changes": changes}).encode()
        answer = self._request("POST", "/api/v1/sync/push", body,
                               {**self.headers, "Content-Type": "application/json"})
        return list(json.loads(answer)["results"])

    def pull_page(self, limit: int = p.DEFAULT_PULL_LIMIT) -> dict[str, Any]:
        answer = self._request("GET", f"/api/v1/sync/pull?cursor={self.cursor}&limit={limit}", None,
                               {**self.headers, "Accept-Encoding": ACCEPT_ENCODING})
        body = json.loads(answer)
        self.cursor = body["cursor"]
        return dict(body)


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _workers(pid: int) -> set[int]:
    """The worker processes of the server `pid` (uvicorn spawns them; one process: itself)."""
    found = set()
    for child in _children(pid):
        try:
            if b"spawn_main" in Path(f"/proc/{child}/cmdline").read_bytes():
                found.add(child)
        except OSError:
            pass
    return found or {pid}


def _server_cpu(pid: int) -> float:
    """CPU seconds of the server process and its worker processes so far."""
    total = 0.0
    for each in [pid, *_children(pid)]:
        try:
            total += cpu_seconds(each)
        except OSError:
            pass  # a worker that has just ended
    return total


def _postgres_cpu(url: str) -> float | None:
    """CPU seconds PostgreSQL's processes have used so far (its postmaster, the backends it has
    reaped, the live ones), when it runs on this machine; None otherwise."""
    if url.startswith("sqlite"):
        return None
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    try:
        with engine.connect() as conn:
            backend = int(conn.exec_driver_sql("SELECT pg_backend_pid()").scalar_one())
        fields = Path(f"/proc/{backend}/stat").read_text().rsplit(")", 1)[1].split()
        postmaster = int(fields[1])
        stat = Path(f"/proc/{postmaster}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, sa.exc.DBAPIError):
        return None
    finally:
        engine.dispose()
    reaped = (int(stat[13]) + int(stat[14])) / os.sysconf("SC_CLK_TCK")  # cutime + cstime
    return cpu_seconds(postmaster) + reaped + sum(_cpu_if_alive(c) for c in _children(postmaster))


def _cpu_since(now: float | None, before: float | None) -> float | None:
    """CPU seconds between two `_postgres_cpu` readings (None when PostgreSQL is not local)."""
    return now - before if now is not None and before is not None else None


def _cpu_if_alive(pid: int) -> float:
    try:
        return cpu_seconds(pid)
    except OSError:  # a backend that has just ended: its time is in the postmaster's reaped time
        return 0.0


def _household(n: int) -> dict[str, Any]:
    return {"change_id": str(uuid.uuid4()), "collection": "households", "id": new_id(),
            "base_version": None, "base": {}, "fields": {
                "case_number": f"2026/1-{n:04d}", "family_name": f"Family {n}",
                "hromada": "UA59080270000073662", "identified_on": "2026-01-10",
                "status": "active", "notes": "x" * 200}}


def _setup(url: str, caseworkers: int, teams: int = 1) -> list[str]:
    from argon2 import PasswordHasher

    from sync.server import admin
    from sync.server.db import make_engine, migrate
    from sync.server.security import Passwords

    # Cheap Argon2 hashes (as in the tests): a hash carries its parameters, so the server checks
    # them as cheaply; enrolling 200 laptops is setup, not what we measure.
    cheap = Passwords(PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))

    engine = make_engine(url, pool_size=1)
    migrate(engine)
    names = []
    team_names = [admin.add_team(engine, f"Team {t}") and f"Team {t}" for t in range(teams)]
    for i in range(caseworkers):
        name = f"cw{i}"
        admin.add_user(engine, name, PASSWORD, team=team_names[i % teams], passwords=cheap)
        names.append(name)
    for t in team_names:
        admin.add_user(engine, f"sup-{t.split()[-1]}", PASSWORD, role="supervisor", team=t,
                       passwords=cheap)
    engine.dispose()
    return names


def _edit(hh: dict[str, Any], version: int, n: int) -> dict[str, Any]:
    return {"change_id": str(uuid.uuid4()), "collection": "households", "id": hh["id"],
            "base_version": version, "base": {"notes": hh["fields"]["notes"]},
            "fields": {"notes": f"edit {n} " + "y" * 200}}


def _copy_table(conn: sa.Connection, name: str = "records_floor", *, indexes: bool = True) -> None:
    """An empty copy of `records`: its key, and with `indexes` its other indexes too, on both
    databases alike (PostgreSQL's `LIKE ... INCLUDING ALL` always copied them; SQLite's copy had
    only the key until 2026-12-02: `indexes=False` is that floor, still printed beside)."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(f"CREATE TABLE {name} AS SELECT * FROM records WHERE 0")
        conn.exec_driver_sql(f"CREATE UNIQUE INDEX ix_{name}_id ON {name} (id)")
        if indexes:
            for (sql,) in conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'index' "
                                               "AND tbl_name = 'records' AND sql IS NOT NULL").all():
                conn.exec_driver_sql(sql.replace(" ix_records_", f" ix_{name}_")
                                     .replace(" ON records ", f" ON {name} "))
    else:
        conn.exec_driver_sql(f"CREATE TABLE {name} (LIKE records INCLUDING ALL)")


def _floors(bench: Bench, url: str, edits: int) -> tuple[float, float, float, float, float, float | None,
                                                         float | None]:
    """What the database alone takes for the same work, measured now (seconds): the rows of
    the push written by the driver's executemany in one transaction (into a copy of `records`
    with its indexes), `edits` of them updated so, and every row read back in one query; then
    the CPU time of the insert and of the read (this process's, and the PostgreSQL backend's is
    not in it: an SQLite figure); on PostgreSQL also the rows by COPY (None on SQLite); on
    SQLite also the insert into a copy with its key only (the floor before 2026-12-02)."""
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    try:
        with engine.begin() as conn:
            _copy_table(conn)
            rows = [tuple(r) for r in conn.exec_driver_sql("SELECT * FROM records").all()]
        mark = "?" if engine.dialect.name == "sqlite" else "%s"
        insert = f"INSERT INTO records_floor VALUES ({', '.join([mark] * len(rows[0]))})"
        start, cpu = time.perf_counter(), time.process_time()
        with engine.begin() as conn:
            conn.exec_driver_sql(insert, rows)
        push_floor, push_cpu = time.perf_counter() - start, time.process_time() - cpu
        copy_floor = _copy_floor(engine, rows) if engine.dialect.name != "sqlite" else None
        bare_floor = _bare_floor(engine, rows) if engine.dialect.name == "sqlite" else None
        start = time.perf_counter()
        with engine.begin() as conn:
            conn.exec_driver_sql(f"UPDATE records_floor SET data = {mark}, version = version + 1 "
                                 f"WHERE id = {mark}", [("{}", r[0]) for r in rows[:edits]])
        edit_floor = time.perf_counter() - start
        start, cpu = time.perf_counter(), time.process_time()
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT * FROM records ORDER BY seq").all()
        pull_floor, pull_cpu = time.perf_counter() - start, time.process_time() - cpu
    finally:
        engine.dispose()
    return push_floor, edit_floor, pull_floor, push_cpu, pull_cpu, copy_floor, bare_floor


def _bare_floor(engine: sa.Engine, rows: list[tuple[Any, ...]]) -> float:
    """SQLite's earlier floor, for comparison with older figures: the copy with its key only."""
    with engine.begin() as conn:
        _copy_table(conn, "records_bare_floor", indexes=False)
    insert = f"INSERT INTO records_bare_floor VALUES ({', '.join(['?'] * len(rows[0]))})"
    start = time.perf_counter()
    with engine.begin() as conn:
        conn.exec_driver_sql(insert, rows)
    return time.perf_counter() - start


def _copy_floor(engine: sa.Engine, rows: list[tuple[Any, ...]]) -> float:
    """PostgreSQL's fastest way in, for the issue's second floor: the same rows by COPY, 1 tx."""
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE records_copy_floor (LIKE records INCLUDING ALL)")
    start = time.perf_counter()
    with engine.begin() as conn:
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        with cursor.copy("COPY records_copy_floor FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    return time.perf_counter() - start


def _push_pull(bench: Bench, backend: str) -> None:
    total, batch, edits = 10_000, p.MAX_PUSH_CHANGES, 100
    with _database(bench, backend) as url:
        _setup(url, 1)
        with _serve(url) as served:
            base = served.base
            device = Device(base, "cw0")
            made: list[dict[str, Any]] = []
            # The changes are made before the clock starts (a laptop's outbox holds them already).
            batches = [[_household(offset + i) for i in range(batch)] for offset in range(0, total, batch)]
            cpu, pg_cpu, own_cpu = cpu_seconds(served.pid), _postgres_cpu(url), time.process_time()
            start = time.perf_counter()
            for changes in batches:
                with bench.measure(f"push batch of {batch}"):
                    results = device.push(changes)
                assert all(r["status"] == "applied" for r in results)
                made += changes
            push_s = time.perf_counter() - start
            push_cpu = cpu_seconds(served.pid) - cpu
            # Where the rest of the wall time went (PostgreSQL's processes; this client's encoding).
            push_pg_cpu = _cpu_since(_postgres_cpu(url), pg_cpu)
            push_client_cpu = time.process_time() - own_cpu

            reader = Device(base, "cw0")
            cpu, pg_cpu, own_cpu = cpu_seconds(served.pid), _postgres_cpu(url), time.process_time()
            start = time.perf_counter()
            changes = reader.pull_all(limit=p.MAX_PULL_LIMIT)
            pull_s = time.perf_counter() - start
            pull_cpu = cpu_seconds(served.pid) - cpu
            pull_pg_cpu = _cpu_since(_postgres_cpu(url), pg_cpu)
            pull_client_cpu = time.process_time() - own_cpu
            ids = [c["id"] for c in changes if c["collection"] == "households"]
            assert len(ids) == total == len(set(ids)), (len(ids), len(set(ids)))

            edit_ms: list[float] = []
            for round_ in range(5):
                chosen = [_edit(hh, 1, round_) for hh in made[round_ * edits:(round_ + 1) * edits]]
                start = time.perf_counter()
                results = device.push(chosen)
                edit_ms.append((time.perf_counter() - start) * 1000)
                assert all(r["status"] == "applied" for r in results), results[0]
                with bench.measure("incremental pull of 100"):
                    got = reader.pull_all()
                assert len([c for c in got if c["collection"] == "households"]) == edits
        push_floor, edit_floor, pull_floor, push_floor_cpu, pull_floor_cpu, copy_floor, bare_floor = _floors(
            bench, url, edits)
    bench.record("push 10,000 records: total", push_s, "s")
    bench.record("  floor: executemany of its rows, 1 tx", push_floor, "s")
    bench.record("  push 10,000 / floor", push_s / push_floor, "x")
    if bare_floor is not None:
        bench.record("  floor, key-only copy (before 12-02)", bare_floor, "s")
        bench.record("  push 10,000 / key-only floor", push_s / bare_floor, "x")
    if copy_floor is not None:
        bench.record("  floor: COPY of its rows, 1 tx", copy_floor, "s")
        bench.record("  push 10,000 / COPY floor", push_s / copy_floor, "x")
    # CPU seconds (the server's, the floor's own) stay comparable on a loaded machine.
    bench.record("  server CPU for the push 10,000", push_cpu, "s")
    bench.record("  floor's CPU", push_floor_cpu, "s")
    bench.record("  push CPU / floor CPU", push_cpu / push_floor_cpu, "x")
    if push_pg_cpu is not None:
        bench.record("  PostgreSQL CPU for the push 10,000", push_pg_cpu, "s")
    bench.record("  client CPU for the push 10,000", push_client_cpu, "s")
    bench.record("push: records per second", total / push_s, "records/s")
    bench.record("full pull of 10,000 (pages of 1000)", pull_s, "s")
    bench.record("  floor: SELECT of the 10,000 rows", pull_floor, "s")
    bench.record("  full pull / floor", pull_s / pull_floor, "x")
    bench.record("  server CPU for the full pull", pull_cpu, "s")
    bench.record("  floor's CPU (SELECT)", pull_floor_cpu, "s")
    if pull_pg_cpu is not None:
        bench.record("  PostgreSQL CPU for the full pull", pull_pg_cpu, "s")
    bench.record("  client CPU for the full pull", pull_client_cpu, "s")
    for ms in edit_ms:
        bench.add("push of 100 edits", ms, "ms")
    bench.record("  floor: executemany UPDATE of 100, 1 tx", edit_floor * 1000, "ms")
    bench.record("  push of 100 edits / floor", sorted(edit_ms)[2] / (edit_floor * 1000), "x")


@scenario("server-push-pull-sqlite", "Server on SQLite: push 10,000, full pull 10,000, incremental 100")
def push_pull_sqlite(bench: Bench) -> None:
    _push_pull(bench, "sqlite")


@scenario("server-push-pull-postgres", "Server on PostgreSQL: push 10,000, full pull 10,000, incremental 100")
def push_pull_postgres(bench: Bench) -> None:
    if not os.environ.get("FIELDAPP_TEST_PG_URL"):
        print("server-push-pull-postgres: skipped, FIELDAPP_TEST_PG_URL is not set", file=sys.stderr)
        return
    _push_pull(bench, "postgres")


def _many_devices(bench: Bench, backend: str, devices: int = 200, users: int = 20,
                  rounds: int = 3, per_round: int = 5) -> None:
    with _database(bench, backend) as url:
        names = _setup(url, users, teams=2)
        # FIELDAPP_BENCH_WORKERS=N: another number of workers (docs/server.md compares 1, 2, 4).
        workers = int(os.environ.get("FIELDAPP_BENCH_WORKERS") or (2 if backend == "postgres" else 1))
        bench.record("server workers", workers, "workers")
        with _serve(url, workers=workers) as served:
            base = served.base
            fleet = [StormDevice(base, names[i % users]) for i in range(devices)]
            for d in fleet:
                d.pull_all()  # each laptop starts in sync (forms, reference)
            latencies: list[tuple[str, float]] = []
            made: dict[int, list[str]] = {i: [] for i in range(devices)}
            received: dict[int, Counter[str]] = {i: Counter() for i in range(devices)}
            errors: list[BaseException] = []
            barrier = threading.Barrier(devices)
            lock = threading.Lock()

            def sync_rounds(i: int) -> None:
                try:
                    d = fleet[i]
                    barrier.wait()
                    for r in range(rounds):
                        changes = [_household(i * 100 + r * 10 + k) for k in range(per_round)]
                        t0 = time.perf_counter()
                        results = d.push(changes)
                        t1 = time.perf_counter()
                        pulled = d.pull_all()
                        t2 = time.perf_counter()
                        assert all(x["status"] == "applied" for x in results)
                        with lock:
                            latencies.extend([("push", t1 - t0), ("pull", t2 - t1)])
                            made[i] += [c["id"] for c in changes]
                            received[i].update(c["id"] for c in pulled
                                               if c["collection"] == "households")
                except BaseException as exc:  # noqa: B036 - reported below
                    errors.append(exc)

            threads = [threading.Thread(target=sync_rounds, args=(i,)) for i in range(devices)]
            server_cpu, client_cpu = _server_cpu(served.pid), time.process_time()
            pg_cpu = _postgres_cpu(url)
            workers_before = _workers(served.pid)
            start = time.perf_counter()
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            elapsed = time.perf_counter() - start
            server_cpu, client_cpu = _server_cpu(served.pid) - server_cpu, time.process_time() - client_cpu
            pg_after = _postgres_cpu(url)
            workers_after = _workers(served.pid)
            if errors:
                raise errors[0]
            requests_done = len(latencies)
            records = sum(len(v) for v in made.values())
            bench.record(f"{devices} devices: wall time", elapsed, "s")
            bench.record("throughput: requests", requests_done / elapsed, "req/s")
            # The workers that served the storm: a worker replaced meanwhile (uvicorn kills one that
            # does not answer its ping in time) shows as a restart.
            bench.record("  worker processes at the start and end", len(workers_before & workers_after),
                         "workers")
            bench.record("  workers replaced during the storm", len(workers_after - workers_before), "workers")
            # Where the wall time went: the server's workers and this client share the two cores.
            bench.record("  server CPU (all workers)", server_cpu, "s")
            bench.record("  client CPU (the 200 devices' threads)", client_cpu, "s")
            pg_used = pg_after - pg_cpu if pg_cpu is not None and pg_after is not None else 0.0
            if pg_cpu is not None:
                bench.record("  PostgreSQL CPU (its processes on this machine)", pg_used, "s")
            # 1.0: the storm kept every core busy (the server, this client and PostgreSQL share them).
            busy = server_cpu + client_cpu + pg_used
            bench.record("  CPU of the storm / (wall time x cores)", busy / (elapsed * (os.cpu_count() or 1)),
                         "x")
            bench.record("  server CPU per push or pull", server_cpu / (len(latencies) or 1) * 1000, "ms")
            bench.record("throughput: records pushed", records / elapsed, "records/s")
            for kind, seconds in latencies:
                bench.add(f"{kind} round trip (p50, p95)", seconds * 1000, "ms")
            # Every record arrived exactly once: at a fresh laptop of its author, and at the supervisors.
            by_user: dict[str, set[str]] = {}
            for i, ids in made.items():
                by_user.setdefault(names[i % users], set()).update(ids)
            for name, ids in by_user.items():
                got = Counter(c["id"] for c in Device(base, name).pull_all(p.MAX_PULL_LIMIT)
                              if c["collection"] == "households")
                assert set(got) == ids and set(got.values()) == {1}, name
            supervisors = Counter()
            for t in range(2):
                supervisors.update(c["id"] for c in Device(base, f"sup-{t}").pull_all(p.MAX_PULL_LIMIT)
                                   if c["collection"] == "households")
            assert len(supervisors) == records and set(supervisors.values()) == {1}
            # ... and every laptop, pulling incrementally during the storm (and once after it),
            # received each of its user's records exactly once.
            for i, d in enumerate(fleet):
                received[i].update(c["id"] for c in d.pull_all() if c["collection"] == "households")
                assert set(received[i]) == by_user[names[i % users]], i
                assert set(received[i].values()) == {1}, i
            bench.record("records checked (arrived exactly once)", records, "records")


@scenario("server-200-devices-sqlite", "200 laptops syncing at once against one server on SQLite")
def many_devices_sqlite(bench: Bench) -> None:
    _many_devices(bench, "sqlite")


@scenario("server-200-devices-postgres", "200 laptops syncing at once against one server on PostgreSQL (2 workers)")
def many_devices_postgres(bench: Bench) -> None:
    if not os.environ.get("FIELDAPP_TEST_PG_URL"):
        print("server-200-devices-postgres: skipped, FIELDAPP_TEST_PG_URL is not set", file=sys.stderr)
        return
    _many_devices(bench, "postgres")
