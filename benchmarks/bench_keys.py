"""The cost of SQLCipher's memory security (issue 11, item 12) on unlocking and on a burst of saves.

`PRAGMA cipher_memory_security = ON` is process-wide and cannot be turned off again,
so each side runs in its own child process doing the same work: the floor (off) and
what FieldApp does (on), measured in the same run. Unlock is the SQLCipher part of
opening a profile (the key is already derived: Argon2id's ~0.3 s is the same either
way); a save is one transaction of one record with its outbox row, synchronous=FULL,
as Store.write does.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.runner import Bench, scenario

SAVES = 300
UNLOCKS = 15
ROWS = 3000


def child(folder: Path, security: bool) -> dict[str, list[float]]:
    import sqlcipher3.dbapi2 as dbapi

    key = "ab" * 32
    path = folder / f"bench-{'on' if security else 'off'}.db"

    def connect() -> dbapi.Connection:
        conn = dbapi.connect(str(path), isolation_level=None)
        if security:
            conn.execute("PRAGMA cipher_memory_security = ON")
        conn.execute(f"PRAGMA key = \"x'{key}'\"")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA synchronous = FULL")
        return conn

    conn = connect()
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE visits (id TEXT PRIMARY KEY, household_id TEXT, data TEXT)")
    conn.execute("CREATE TABLE outbox (seq INTEGER PRIMARY KEY, record_id TEXT, body TEXT)")
    conn.execute("CREATE INDEX visits_household ON visits (household_id)")
    body = json.dumps({"notes": "дитина школа опалення ліки документи " * 20})
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO visits VALUES (?, ?, ?)", [(f"v{i}", f"h{i % 300}", body) for i in range(ROWS)])
    conn.execute("COMMIT")
    times: dict[str, list[float]] = {"unlock": [], "save": [], "read": []}
    for i in range(SAVES):
        start = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO visits VALUES (?, ?, ?)", [f"s{i}", f"h{i % 300}", body])
        conn.execute("INSERT INTO outbox (record_id, body) VALUES (?, ?)", [f"s{i}", body])
        conn.execute("COMMIT")
        times["save"].append((time.perf_counter() - start) * 1000)
    conn.close()
    for _ in range(UNLOCKS):
        start = time.perf_counter()
        c = connect()
        c.execute("SELECT count(*) FROM visits WHERE household_id = 'h7'").fetchone()
        times["unlock"].append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        c.execute("SELECT sum(length(data)) FROM visits").fetchone()  # every page decrypted once
        times["read"].append((time.perf_counter() - start) * 1000)
        c.close()
    return times


def _run_child(folder: Path, security: bool) -> dict[str, list[float]]:
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run([sys.executable, "-m", "benchmarks.bench_keys", str(folder), "on" if security else "off"],
                          cwd=root, capture_output=True, text=True, check=True,
                          env={**os.environ, "PYTHONPATH": str(root)})
    result: dict[str, list[float]] = json.loads(done.stdout)
    return result


@scenario("keys.memory_security", "SQLCipher memory security: unlock, a save burst, a full read (off = floor)")
def memory_security(b: Bench) -> None:
    for security in (False, True):
        side = "on" if security else "off (floor)"
        for metric, samples in _run_child(b.tmp, security).items():
            for value in samples:
                b.add(f"{metric}, memory security {side}", value, "ms")


if __name__ == "__main__":
    print(json.dumps(child(Path(sys.argv[1]), sys.argv[2] == "on")))
