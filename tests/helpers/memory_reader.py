"""Try to read another process's memory as an ordinary program of the same user would.

    python memory_reader.py PID     prints one JSON line: {"mem": ..., "ptrace": ...}

"mem": "read" when /proc/PID/mem opened and a mapped page was read, else the error's name;
"ptrace": "attached" when PTRACE_ATTACH succeeded (then detached), else the errno's name.
Standard library only: it runs under any Python of the machine.
"""

import ctypes
import errno
import json
import os
import sys

PTRACE_ATTACH, PTRACE_DETACH = 16, 17


def read_mem(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/maps") as fh:
            start = next(int(line.split("-")[0], 16) for line in fh if line.split()[1].startswith("r"))
        with open(f"/proc/{pid}/mem", "rb") as mem:
            mem.seek(start)
            return "read" if mem.read(64) else "empty"
    except OSError as exc:
        return errno.errorcode.get(exc.errno or 0, type(exc).__name__)


def attach(pid: int) -> str:
    libc = ctypes.CDLL(None, use_errno=True)
    libc.ptrace.argtypes = [ctypes.c_long, ctypes.c_long, ctypes.c_void_p, ctypes.c_void_p]
    if libc.ptrace(PTRACE_ATTACH, pid, None, None) == 0:
        os.waitpid(pid, 0)
        libc.ptrace(PTRACE_DETACH, pid, None, None)
        return "attached"
    return errno.errorcode.get(ctypes.get_errno(), "unknown")


pid = int(sys.argv[1])
print(json.dumps({"mem": read_mem(pid), "ptrace": attach(pid)}))
