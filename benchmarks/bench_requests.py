"""What one request costs the server before any records: the fixed part of every sync round.

Through real HTTP on 127.0.0.1 against `fieldapp-server serve` on SQLite: the health check, an
authenticated `GET /me`, an empty push and a pull of one record, each repeated, as the server's
CPU per request and the round trip; beside them the floor measured in the same run, the
statements an authenticated push runs in the database (the device of the token, the change ids
already answered, the device's last-seen time, one transaction) executed by the driver alone.
"""

from __future__ import annotations

import time

import sqlalchemy as sa

from benchmarks.bench_server import Device, _database, _serve, _setup
from benchmarks.runner import Bench, cpu_seconds, scenario
from sync.server import security

ROUNDS = 300


def _driver_floor(url: str, token_digest: str, device_id: str, rounds: int) -> float:
    """Milliseconds per round of the push's own statements, by the driver in one transaction."""
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    try:
        with engine.connect() as conn:
            raw = conn.connection.driver_connection
            start = time.perf_counter()
            for _ in range(rounds):
                raw.execute("BEGIN")
                raw.execute("SELECT d.device_id, d.number, d.revoked_at, d.app_version, u.id, u.role, "
                            "u.team_id, u.protected_access, u.disabled FROM devices d JOIN users u "
                            "ON u.id = d.user_id WHERE d.token_hash = ?", (token_digest,)).fetchall()
                raw.execute("SELECT change_id, device_id, result FROM change_results WHERE change_id "
                            "IN (SELECT value FROM json_each(?))", ("[]",)).fetchall()
                raw.execute("UPDATE devices SET last_seen_at = ? WHERE device_id = ?",
                            ("2026-12-02T00:00:00.000+00:00", device_id))
                raw.execute("COMMIT")
            return (time.perf_counter() - start) * 1000 / rounds
    finally:
        engine.dispose()


@scenario("server-request-costs-sqlite", "The fixed cost of one request (health, /me, empty push, pull of 1)")
def request_costs(bench: Bench) -> None:
    with _database(bench, "sqlite") as url:
        _setup(url, 1)
        with _serve(url) as served:
            device = Device(served.base, "cw0")
            device.push([])  # warm: the first request of a worker builds its routes' state
            token = device.headers["Authorization"].split(" ", 1)[1]

            def health() -> None:
                device.session.get(f"{served.base}/health", timeout=60).raise_for_status()

            def me() -> None:
                device.session.get(f"{served.base}/api/v1/me", headers=device.headers,
                                   timeout=60).raise_for_status()

            def pull_one() -> None:
                device.cursor = 0
                device.pull_page(1)

            for label, call in (("GET /health", health), ("GET /api/v1/me", me),
                                ("POST /sync/push of no changes", lambda: device.push([])),
                                ("GET /sync/pull of 1 record", pull_one)):
                call()
                cpu = cpu_seconds(served.pid)
                for _ in range(ROUNDS):
                    start = time.perf_counter()
                    call()
                    bench.add(f"{label}: round trip", (time.perf_counter() - start) * 1000, "ms")
                bench.record(f"  {label}: server CPU per request", (cpu_seconds(served.pid) - cpu)
                             * 1000 / ROUNDS, "ms")
        bench.record("floor: a push's statements by the driver, 1 tx", _driver_floor(
            url, security.token_hash(token), device.device_id, ROUNDS), "ms")
