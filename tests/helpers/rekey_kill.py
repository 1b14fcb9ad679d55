"""Change a profile's passphrase, saying "changing" just before, each step's name as it is done, and
"changed"; the test kills this process (SIGKILL) at a moment of its choosing, wherever the re-key
happens to be.

    python rekey_kill.py PROFILE      old and new passphrase on stdin, one a line
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kit import FAST_KDF  # noqa: E402

from fieldapp.store.database import Store  # noqa: E402


def main() -> None:
    folder = Path(sys.argv[1])
    old, new = (sys.stdin.readline().rstrip("\n") for _ in range(2))
    store = Store.open(folder, old, kdf=FAST_KDF)
    print("changing", flush=True)
    store.change_passphrase(old, new, step=lambda name: print(name, flush=True))
    print("changed", flush=True)
    os._exit(0)


main()
