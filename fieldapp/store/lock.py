"""One running FieldApp per profile: an advisory lock on a file in the profile.

The operating system drops the lock when the process ends, however it ends,
so a crash never leaves a profile locked.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


class ProfileInUse(RuntimeError):
    """Another FieldApp process has this profile open."""


class ProfileLock:
    def __init__(self, folder: Path):
        self.path = folder / "lock"
        self._fd: int | None = None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            if sys.platform == "win32":
                import msvcrt

                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(fd)
            raise ProfileInUse(str(self.path)) from exc
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        if sys.platform == "win32":
            import msvcrt

            try:
                os.lseek(self._fd, 0, os.SEEK_SET)
                msvcrt.locking(self._fd, msvcrt.LK_UNLCK, 1)
            except OSError:
                pass
        os.close(self._fd)  # closing drops a flock
        self._fd = None
