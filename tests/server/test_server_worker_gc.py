"""A worker freezes what it made at start-up (the codifier, the app, the tables) so the garbage
collector's full passes skip it, and still collects what it makes afterwards.

A fresh interpreter builds the app as `serve`'s workers do (`create_app_from_env`) on a real
migrated SQLite database.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from kit import cli_env

from sync.server.db import make_engine, migrate

ROOT = Path(__file__).resolve().parents[2]

_WORKER = """
import gc, json
from sync.server.app import create_app_from_env
before = gc.get_freeze_count()
create_app_from_env()
frozen = gc.get_freeze_count()
class Node:
    pass
gc.disable()  # only the explicit collection below may free them
for _ in range(1000):  # garbage made after start-up: cycles only the collector frees
    a, b = Node(), Node()
    a.other, b.other = b, a
del a, b
print(json.dumps({"before": before, "frozen": frozen, "collected": gc.collect()}))
"""


def test_a_worker_freezes_its_start_up_objects_and_still_collects_new_garbage(tmp_path):
    url = f"sqlite+pysqlite:///{tmp_path / 'server.sqlite3'}"
    engine = make_engine(url)
    migrate(engine)
    engine.dispose()
    env = {**cli_env(), "PYTHONPATH": str(ROOT), "FIELDAPP_DATABASE_URL": url}
    done = subprocess.run([sys.executable, "-c", _WORKER], capture_output=True, text=True, cwd=ROOT,
                          env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout.strip().splitlines()[-1])
    assert got["before"] == 0
    assert got["frozen"] > 10_000  # the app, SQLAlchemy and the codifier: ~80,000 objects
    assert got["collected"] >= 2000  # the 1,000 pairs made afterwards
