"""A process killed with SIGKILL mid-burst loses no committed record, and leaves no half."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from kit import FAST_KDF, PASSPHRASE

from fieldapp.store.database import Store

WRITER = Path(__file__).parent / "helpers" / "burst_writer.py"


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
@pytest.mark.parametrize("trial", range(4))
def test_sigkill_mid_burst_loses_nothing(profile_dir, trial):
    Store.create(profile_dir, PASSPHRASE, kdf=FAST_KDF).close()
    rng = random.Random(trial)
    committed: list[tuple[str, str]] = []
    for _round in range(2):  # kill, restart, kill again: the second run starts from the first's state
        proc = subprocess.Popen(
            [sys.executable, str(WRITER), str(profile_dir)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )
        proc.stdin.write(PASSPHRASE + "\n")
        proc.stdin.flush()
        assert proc.stdout.readline().strip() == "ready"
        # Killed after a chosen number of commits, whatever the machine's speed: the writer goes on
        # writing while the test reads, so the kill lands wherever the next write has got to.
        target = rng.randint(6, 30)
        seen: list[tuple[str, str]] = []
        while len(seen) < target:
            line = proc.stdout.readline()
            assert line, f"the writer stopped after {len(seen)} commits"
            seen.append(tuple(line.split()))
        time.sleep(rng.uniform(0, 0.05))
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate(timeout=120)
        assert proc.returncode == -signal.SIGKILL
        # A printed id is one whose commit returned before the kill.
        committed += seen + [tuple(line.split()) for line in out.splitlines() if line.count(" ") == 1]
    assert len(committed) >= 12, "each run was killed after its chosen number of commits"

    with Store.open(profile_dir, PASSPHRASE) as store:
        for collection, record_id in committed:
            assert store.get(collection, record_id) is not None, f"lost a committed {collection}"
        outbox = store.outbox(state=None)
        creates = {(e.collection, e.record_id) for e in outbox if e.base_version is None}
        assert len(creates) == len(outbox), "every entry here is a create, once"
        on_disk = {(c, r["id"]) for c in ("households", "visits") for r in store.records(c)}
        # No record without its outbox entry, no entry without its record.
        assert on_disk == creates
        # Each visit belongs to a household that exists (the pair was written in order).
        for v in store.records("visits"):
            assert store.get("households", v["household_id"]) is not None
