"""Keeping the key, the passphrase and the records out of crash dumps and out of other programs' reach.

A core dump of FieldApp was found holding the raw database key, the passphrase and
names. So the very first thing the program does (fieldapp.cli.main, before any
import of Qt or the store) is `harden_process`:

- Linux: RLIMIT_CORE = 0 (no core file, whatever `ulimit -c` said), and
  prctl(PR_SET_DUMPABLE, 0): no core dump through a pipe handler either, and
  another process of the same user can no longer open /proc/<pid>/mem or ptrace
  this one (only root can). Children started by exec are dumpable again.
- macOS and other POSIX: RLIMIT_CORE = 0.
- Windows has no equivalent call for a normal user's process; what protects it
  there is written in docs/it.md ("Memory and crash dumps").
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys

PR_SET_DUMPABLE = 4  # <linux/prctl.h>


def harden_process() -> list[str]:
    """Turn off core dumps and same-user memory access for this process; returns what could not be done.

    Never raises: a program that cannot harden itself still runs (the failures are logged by the caller).
    """
    missing: list[str] = []
    if os.name != "posix":
        return missing
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, OSError, ValueError):
        missing.append("RLIMIT_CORE")
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
            if libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
                missing.append("PR_SET_DUMPABLE")
        except (OSError, AttributeError):
            missing.append("PR_SET_DUMPABLE")
    return missing
