"""One running FieldApp per profile: an advisory lock on a file in the profile.

The operating system drops the lock when the process ends, however it ends,
so a crash never leaves a profile locked.

The lock file also says whether the last session ended cleanly: `mark_open`
writes "open" into it once the database is open, and `release` empties it.
The next `acquire` reads what was there before: "open" means the program
ended without closing (a crash, a power cut, a kill), which is when the
database's journal (fieldapp.db-wal) still holds committed changes and must
be there, intact.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


class ProfileInUse(RuntimeError):
    """Another FieldApp process has this profile open."""


OPEN_MARK = b"open"


class ProfileLock:
    """The advisory lock of one profile folder, and its clean-shutdown mark."""

    def __init__(self, folder: Path):
        self.path = folder / "lock"
        self._fd: int | None = None
        self.unclean = False  # the previous session ended while the database was open

    def _mark(self, content: bytes) -> None:
        """Replace what the lock file says, durably."""
        if self._fd is None:
            return
        os.lseek(self._fd, 0, os.SEEK_SET)
        os.ftruncate(self._fd, 0)
        os.write(self._fd, content)
        os.fsync(self._fd)

    def mark_open(self) -> None:
        """Record that the database is open: an end without `release` leaves this behind."""
        if self._fd is None:
            return
        self._mark(OPEN_MARK + b" " + str(os.getpid()).encode())
        self.unclean = False  # the last session's state was checked before this open

    def mark_closed(self) -> None:
        """Record that every connection closed cleanly (its journal settled) while the lock is kept:
        a re-key swaps the database file then, and a crash meanwhile leaves no journal to miss."""
        self._mark(str(os.getpid()).encode())

    def acquire(self) -> None:
        """Take the lock (ProfileInUse when another process holds it) and read the last session's mark."""
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
        previous = os.read(fd, 64)
        self.unclean = previous.startswith(OPEN_MARK)
        os.lseek(fd, 0, os.SEEK_SET)
        if not self.unclean:  # keep the mark until the database opened and checked it
            os.ftruncate(fd, 0)
            os.write(fd, str(os.getpid()).encode())
        self._fd = fd

    def release(self) -> None:
        """Let the profile go, marked closed, unless an unclean end was found and not yet dealt with."""
        if self._fd is None:
            return
        if not self.unclean:
            os.lseek(self._fd, 0, os.SEEK_SET)
            os.ftruncate(self._fd, 0)
        if sys.platform == "win32":
            import msvcrt

            try:
                os.lseek(self._fd, 0, os.SEEK_SET)
                msvcrt.locking(self._fd, msvcrt.LK_UNLCK, 1)
            except OSError:
                pass
        os.close(self._fd)  # closing drops a flock
        self._fd = None
