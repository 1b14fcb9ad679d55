"""Destroying a file's bytes, not only its name: overwrite in place, flush to the disk, then unlink.

What this achieves depends on the disk (docs/it.md, "What a wipe destroys"): on
ext4 and NTFS over a hard disk, an overwrite in place lands on the same blocks, so
the old bytes are gone; on an SSD the controller may keep the old pages until it
erases them, which no program can force. That is why the key settings are
destroyed first: without key.json's salt no copy anywhere can be decrypted.

A file replaced by a rename (a new key.json, a re-keyed database) leaves its old
blocks free but unwritten; `replace` keeps the old file open across the rename and
overwrites it through that descriptor, so the replaced version is destroyed too.
"""

from __future__ import annotations

import os
from pathlib import Path

_CHUNK = 1 << 20


def overwrite_fd(fd: int) -> None:
    """Write zeros over every byte of the open file `fd` and flush them to the disk."""
    size = os.fstat(fd).st_size
    zeros = bytes(min(size, _CHUNK))
    os.lseek(fd, 0, os.SEEK_SET)
    done = 0
    while done < size:
        done += os.write(fd, zeros[: min(_CHUNK, size - done)])
    os.fsync(fd)


def destroy(path: Path) -> None:
    """Overwrite `path` in place, then remove it; a missing file is fine.

    An overwrite that fails (a read-only or failing disk) still removes the file:
    the caller destroyed the key settings first, so what remains cannot be read.
    """
    try:
        fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        return
    except OSError:
        path.unlink(missing_ok=True)
        return
    try:
        overwrite_fd(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
    path.unlink(missing_ok=True)


def replace(source: Path, target: Path) -> None:
    """Rename `source` over `target`, then destroy the bytes of the `target` it replaced.

    The rename is atomic (a crash leaves the old or the new file, never neither);
    on POSIX the old file stays open across it and is overwritten afterwards. Windows
    cannot rename over an open file, so there the old version is only unlinked.
    """
    old_fd: int | None = None
    if os.name == "posix":
        try:
            old_fd = os.open(target, os.O_RDWR)
        except FileNotFoundError:
            old_fd = None
    try:
        os.replace(source, target)
        fsync_dir(target.parent)
        if old_fd is not None:
            try:
                overwrite_fd(old_fd)
            except OSError:  # the new file is in place; the old bytes are encrypted under a key now gone
                pass
    finally:
        if old_fd is not None:
            os.close(old_fd)


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new file in `folder` durable (a no-op where unsupported)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
