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
        time.sleep(rng.uniform(0.2, 1.0))
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate(timeout=30)
        assert proc.returncode == -signal.SIGKILL
        # A printed id is one whose commit returned before the kill.
        committed += [tuple(line.split()) for line in out.splitlines() if line.count(" ") == 1]
    assert len(committed) > 10, "the writer should have committed something before the kill"

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
