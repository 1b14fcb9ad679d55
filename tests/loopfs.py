"""A small real ext4 file system on a loop device, for the full-disk and forensic tests (root only).

`LoopFs.image` is the file that holds the file system's raw bytes: what a forensic
search of the laptop's disk would read.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest


def available() -> str | None:
    """Why a loop file system cannot be made here, or None when it can."""
    if os.name != "posix" or os.geteuid() != 0:
        return "loop-mounting a file system needs root"
    if not shutil.which("mkfs.ext4") or not shutil.which("mount"):
        return "mkfs.ext4 and mount are needed"
    return None


class LoopFs:
    def __init__(self, workdir: Path, size_mb: int):
        self.image = workdir / "disk.img"
        self.mountpoint = workdir / "mnt"
        self.size_mb = size_mb
        self.mounted = False

    def make(self) -> LoopFs:
        self.mountpoint.mkdir(parents=True)
        with open(self.image, "wb") as fh:
            fh.truncate(self.size_mb << 20)
        # -m 0: no blocks reserved for root (the tests run as root and must see the disk fill);
        # no lazy init, so mkfs itself wrote every metadata block it will ever have.
        # 4 KiB blocks, as a laptop's file system has (mkfs picks 1 KiB for a disk this small).
        subprocess.run(["mkfs.ext4", "-q", "-F", "-b", "4096", "-m", "0", "-E", "lazy_itable_init=0,lazy_journal_init=0",
                        str(self.image)], check=True, capture_output=True)
        return self.mount()

    def mount(self) -> LoopFs:
        subprocess.run(["mount", "-o", "loop", str(self.image), str(self.mountpoint)], check=True,
                       capture_output=True)
        self.mounted = True
        return self

    def unmount(self) -> None:
        if self.mounted:
            done = subprocess.run(["umount", str(self.mountpoint)], capture_output=True)
            if done.returncode != 0:  # a failed test left a file open: detach it anyway, then say so
                subprocess.run(["umount", "-l", str(self.mountpoint)], capture_output=True)
                self.mounted = False
                raise RuntimeError(f"umount failed: {done.stderr!r}")
            self.mounted = False

    def raw(self) -> bytes:
        """The file system's bytes as the disk holds them (unmounted first, so all is written)."""
        was = self.mounted
        self.unmount()
        data = self.image.read_bytes()
        if was:
            self.mount()
        return data

    def snapshot(self) -> bytes:
        """The raw bytes while still mounted, after everything written so far reached the image."""
        os.sync()
        return self.image.read_bytes()

    def free(self) -> int:
        return shutil.disk_usage(self.mountpoint).free

    def fill_to(self, leave: int, name: str = "filler") -> None:
        """Write a file that leaves about `leave` bytes free (0: as full as it gets)."""
        path = self.mountpoint / name
        path.unlink(missing_ok=True)
        os.sync()
        want = max(0, self.free() - leave)
        chunk = b"\xa5" * (1 << 16)
        with open(path, "wb", buffering=0) as fh:
            try:
                while want > 0:
                    want -= fh.write(chunk[: min(len(chunk), want)]) or 0
                os.fsync(fh.fileno())
            except OSError:  # full: that is what was asked for
                pass

    def empty(self, name: str = "filler") -> None:
        (self.mountpoint / name).unlink(missing_ok=True)
        os.sync()


def loop_fs(tmp_path: Path, size_mb: int):
    """A mounted LoopFs (generator for a fixture); skips the test where it cannot be made."""
    reason = available()
    if reason:
        pytest.skip(reason)
    fs = LoopFs(tmp_path, size_mb).make()
    try:
        yield fs
    finally:
        fs.unmount()
