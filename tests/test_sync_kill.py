"""`fieldapp sync` killed with SIGKILL at random moments, then restarted: nothing lost, nothing twice.

CI runs a sample (FIELDAPP_KILL_TRIALS, default 8 kills); the full 50+ run:
FIELDAPP_KILL_TRIALS=50 ./test.sh tests/test_sync_kill.py
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from factories import household, person, visit
from kit import FAST_KDF, PASSPHRASE

sys.path.insert(0, str(Path(__file__).parent / "server"))
from server_kit import PASSWORD, Client  # noqa: E402

from fieldapp.store.database import Store, own_fields  # noqa: E402
from fieldapp.sync.device import enrol  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TRIALS = int(os.environ.get("FIELDAPP_KILL_TRIALS", "8"))


def run_sync(profile: Path, kill_after: tuple[int, float] | None) -> int:
    """Run `fieldapp sync`; with `kill_after` = (n, seconds), SIGKILL it that long after its n-th
    committed batch or page, so that the kill lands inside the round whatever the machine's speed."""
    proc = subprocess.Popen([sys.executable, "-m", "fieldapp", "sync", "--progress", "--profile", str(profile)],
                            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            cwd=ROOT, text=True)
    proc.stdin.write(PASSPHRASE + "\n")
    proc.stdin.close()
    err = []
    if kill_after is not None:
        steps, delay = kill_after
        seen = 0
        while seen < steps:
            line = proc.stderr.readline()  # "push N" / "pull N", or '' when the round ended first
            err.append(line)
            if not line:
                break
            seen += line.startswith(("push ", "pull "))
        if seen == steps:
            try:
                proc.wait(timeout=delay)
            except subprocess.TimeoutExpired:
                proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=300)
    err.append(proc.stderr.read())
    proc.stderr.close()
    assert proc.returncode in (0, -signal.SIGKILL), "".join(err)
    return proc.returncode


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sync_killed_at_random_moments_converges(live_server, tmp_path):
    rng = random.Random(20261122)
    profile = tmp_path / "anna"
    with Store.create(profile, PASSPHRASE, kdf=FAST_KDF) as store:
        enrol(store, live_server.base, "anna", PASSWORD)
    made: set[tuple[str, str]] = set()
    kills = 0
    rounds = 0
    while kills < TRIALS:
        rounds += 1
        with Store.open(profile, PASSPHRASE) as store:  # new work between the interrupted syncs
            def write(tx):
                for _ in range(60):
                    h = tx.create("households", household())
                    p = tx.create("persons", person(h["id"]))
                    v = tx.create("visits", visit(h["id"], members_present=[p["id"]]))
                    made.update({("households", h["id"]), ("persons", p["id"]), ("visits", v["id"])})
                old = list(store.records("visits", limit=20))
                for rec in old:
                    tx.update("visits", rec["id"], {"duration_min": rng.randint(10, 200)})
            store.write(write)
        # A round here is 2 push batches and 2 or more pull pages: kill after the 1st, 2nd or 3rd.
        if run_sync(profile, kill_after=(rng.randint(1, 3), rng.uniform(0.0, 0.1))) == -signal.SIGKILL:
            kills += 1
        assert rounds < TRIALS * 4, "the sync finished before every kill: make the work larger"
    assert run_sync(profile, kill_after=None) == 0
    assert run_sync(profile, kill_after=None) == 0  # a second round finds nothing to do

    with Store.open(profile, PASSPHRASE) as store:
        assert store.pending_count() == 0 and store.outbox(state="rejected") == []
        local = {(c, r["id"]): r for c in ("households", "persons", "visits") for r in store.records(c)}
    fresh = Client(live_server.base)
    assert fresh.enrol("anna").status_code == 201
    server = {(r["collection"], r["id"]): r for r in fresh.holds().values()
              if r["collection"] in ("households", "persons", "visits")}
    assert set(local) == made == set(server), "every record made once, on both sides"
    for key, record in local.items():
        assert record["version"] == server[key]["version"]
        theirs = server[key]
        for field, value in own_fields(record).items():
            assert theirs.get(field) == value, f"{key} {field}"
    print(f"{kills} kills in {rounds} interrupted rounds, {len(made)} records")
