"""Change a profile's passphrase and die (os._exit, no clean-up) right after the step named.

    python rekey_crash.py PROFILE STEP      old and new passphrase on stdin, one a line
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kit import FAST_KDF  # noqa: E402

from fieldapp.store.database import Store  # noqa: E402


def main() -> None:
    folder, die_after = Path(sys.argv[1]), sys.argv[2]
    old, new = (sys.stdin.readline().rstrip("\n") for _ in range(2))
    store = Store.open(folder, old, kdf=FAST_KDF)

    def step(name: str) -> None:
        if name == die_after:
            os._exit(9)  # a crash: no finally, no close, no clean-up

    store.change_passphrase(old, new, step=step)
    os._exit(0)


main()
