"""Writes households and visits as fast as it can, printing each id after its commit returns.

Run by tests/test_store_durability.py, which kills it with SIGKILL mid-burst.
Usage: python burst_writer.py PROFILE (the passphrase on standard input).
"""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from factories import household, seeded, visit  # noqa: E402

from fieldapp.store.database import Store  # noqa: E402

seeded(7)
store = Store.open(sys.argv[1], sys.stdin.readline().rstrip("\n"))
print("ready", flush=True)
n = 0
while True:
    h = store.write(lambda tx: tx.create("households", household()))
    print("households", h["id"], flush=True)
    v = store.write(lambda tx, hid=h["id"]: tx.create("visits", visit(hid)))
    print("visits", v["id"], flush=True)
    n += 1
