"""A migration that runs out of disk: a clear sentence, no partial backup left, nothing else changed;
with space freed, the same profile migrates. A real full disk (a small tmpfs, as root) and a real
file-size limit (RLIMIT_FSIZE, any user) produce the fault; nothing of ours is patched."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import factories
import pytest
from corpus import ROOT, fingerprint
from kit import FAST_KDF, PASSPHRASE
from PySide6.QtCore import Qt

from fieldapp.store import schema
from fieldapp.store.database import BACKUPS, Store
from fieldapp.store.errors import UpgradeNoSpace
from fieldapp.ui import text
from fieldapp.ui.profile_dialog import ProfileDialog


def _old_profile(folder: Path, families: int = 250) -> Path:
    """A profile of the previous schema, about 1 MB."""
    factories.seeded(3)
    store = Store.create(folder, PASSPHRASE, schema_version=schema.SCHEMA_VERSION - 1, kdf=FAST_KDF)
    for _ in range(families):
        store.write(lambda tx: tx.create("households", factories.household()))
    store.close()
    return folder


@pytest.fixture
def small_disk(tmp_path):
    if os.geteuid() != 0:
        pytest.skip("mounting a small filesystem needs root (the file-size limit test covers any user)")
    mount = tmp_path / "mnt"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m,mode=0700", "tmpfs", str(mount)], check=True)
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=True)


def _fill_leaving(mount: Path, free: int) -> Path:
    """A ballast file that leaves about `free` bytes on the filesystem."""
    ballast = mount / "ballast"
    stat = os.statvfs(mount)
    with open(ballast, "wb") as fh:
        fh.write(b"\0" * max(0, stat.f_bavail * stat.f_frsize - free))
    return ballast


def test_a_full_disk_during_the_upgrade_says_so_on_screen_and_leaves_no_partial_backup(qtbot, tmp_path, small_disk):
    folder = small_disk / "profile"
    shutil.copytree(_old_profile(tmp_path / "old"), folder)
    size = (folder / "fieldapp.db").stat().st_size
    ballast = _fill_leaving(small_disk, size // 2)  # room for half a copy
    before = fingerprint(folder)

    dialog = ProfileDialog(folder, create=False)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.passphrase.setText(PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.unlock_error.isVisible() or dialog.store is not None, timeout=30_000)
    assert dialog.store is None
    with pytest.raises(UpgradeNoSpace) as info:
        Store.open(folder, PASSPHRASE)
    assert dialog.unlock_error.text() == text.message(info.value.message)
    assert "no partial copy" in dialog.unlock_error.text()
    assert not (folder / BACKUPS).exists()  # the half-written copy is gone, and its folder
    assert fingerprint(folder) == before
    dialog.reject()

    ballast.unlink()  # space freed: the same profile upgrades, with its backup
    with Store.open(folder, PASSPHRASE) as store:
        assert store.schema_version() == schema.SCHEMA_VERSION
        assert store.count("households") == 250
    assert len(list((folder / BACKUPS).glob("*.db"))) == 1


_LIMITED = """
import resource, signal, sys
sys.path[:0] = [{root!r}, {tests!r}]
from fieldapp.store.database import Store
from fieldapp.store.errors import StoreError
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit then fails with EFBIG
resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}))
try:
    Store.open(sys.argv[1], sys.stdin.readline().rstrip("\\n")).close()
except StoreError as exc:
    print(type(exc).__name__)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_a_file_size_limit_during_the_upgrade_is_the_same_clear_refusal(tmp_path):
    folder = _old_profile(tmp_path / "profile")
    before = fingerprint(folder)
    limit = (folder / "fieldapp.db").stat().st_size // 2
    script = _LIMITED.format(root=str(ROOT), tests=str(ROOT / "tests"), limit=limit)
    done = subprocess.run([sys.executable, "-c", script, str(folder)], input=PASSPHRASE + "\n", text=True,
                          capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "UpgradeNoSpace"
    assert not (folder / BACKUPS).exists()
    assert fingerprint(folder) == before
