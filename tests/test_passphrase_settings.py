"""Changing the passphrase from Settings (issue 13): the dialog's checks, the store's re-key killed at
any moment leaving exactly one passphrase, and a cut re-key's copies destroyed at the next open."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from kit import FAST_KDF, PASSPHRASE
from PySide6.QtCore import Qt
from test_passphrase_change import HELPER, backup_openers, fill, no_leftovers, opening

from fieldapp.provisioning import Provisioning
from fieldapp.settings import Settings
from fieldapp.store import rekey
from fieldapp.store.database import Store
from fieldapp.store.errors import WrongPassphrase
from fieldapp.ui.main_window import MainWindow
from fieldapp.ui.passphrase_dialog import PassphraseGroup

KILLER = Path(__file__).parent / "helpers" / "rekey_kill.py"
NEW = "нове гасло для ноутбука"
TYPED = "a new passphrase for the laptop"  # typed key by key: qtbot types ASCII only


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.name.endswith(rekey.SUFFIX))


@pytest.mark.parametrize("crash_after", ["database_copied", "backups_copied", "backups_swapped"])
def test_copies_of_a_cut_rekey_are_destroyed_at_the_next_open(tmp_path, crash_after):
    folder = tmp_path / "profile"
    with Store.create(folder, PASSPHRASE, kdf=FAST_KDF) as store:
        fill(store, 10)
        store.backup(reason="test")
        expected = rekey.digest(store.read().conn)
    done = subprocess.run([sys.executable, str(HELPER), str(folder), crash_after], input=f"{PASSPHRASE}\n{NEW}\n",
                          text=True, capture_output=True, timeout=120)
    assert done.returncode == 9, done.stderr
    assert "fieldapp.db.rekey" in leftovers(folder)  # what the crash left behind
    with Store.open(folder, PASSPHRASE, kdf=FAST_KDF) as again:
        assert rekey.digest(again.read().conn) == expected
    assert leftovers(folder) == []
    no_leftovers(folder)


def test_a_kill_at_any_moment_of_the_rekey_leaves_exactly_one_passphrase(tmp_path):
    template = tmp_path / "template"
    with Store.create(template, PASSPHRASE, kdf=FAST_KDF) as store:
        fill(store, 150)  # a file big enough that the copies take a while
        store.backup(reason="test")
        fill(store, 20)
        expected = rekey.digest(store.read().conn)
    def start(folder: Path) -> subprocess.Popen:
        child = subprocess.Popen([sys.executable, str(KILLER), str(folder)], stdin=subprocess.PIPE,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        child.stdin.write(f"{PASSPHRASE}\n{NEW}\n")
        child.stdin.flush()
        assert child.stdout.readline().strip() == "changing", child.stderr.read()
        return child

    # The child says each step as it is done: a kill is aimed at a phase (between two of those
    # events), and into it by a share of how long that phase took in a whole change just now. On a
    # machine whose speed changes the kill still lands at or after the phase's start.
    events = ["changing", *rekey.STEPS, "changed"]
    shutil.copytree(template, tmp_path / "whole")
    whole = start(tmp_path / "whole")
    began = time.monotonic()
    at = [0.0]
    for name in events[1:]:
        assert whole.stdout.readline().strip() == name
        at.append(time.monotonic() - began)
    took = at[-1]
    whole.wait(timeout=600)
    phases = [at[i + 1] - at[i] for i in range(len(at) - 1)]
    # The export of the database (phase 1) and of the backups (phase 2) are the long ones.
    aims = [(0, 0.0), (0, 0.5), (1, 0.0), (1, 0.5), (2, 0.0), (2, 0.5), (3, 0.0), (4, 0.0), (5, 0.0), (6, 0.0)]
    outcomes = []
    for n, (phase, share) in enumerate(aims):
        where = f"kill in phase {phase} ({events[phase]} -> {events[phase + 1]}) at {share:.0%}"
        folder = tmp_path / f"run{n}"
        shutil.copytree(template, folder)
        child = start(folder)
        for name in events[1:phase + 1]:
            assert child.stdout.readline().strip() == name, where
        time.sleep(phases[phase] * share)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=600)
        left = leftovers(folder)
        opened = opening(folder, PASSPHRASE, NEW)
        assert len(opened) == 1, f"{where}: {sorted(opened)} open the profile"
        (works,) = opened
        assert opened[works] == expected, f"{where}: the content changed"
        assert backup_openers(folder, PASSPHRASE, NEW) in ([[works]], [[NEW]]), where
        assert leftovers(folder) == [], where  # the open destroyed the cut copies
        outcomes.append(("new" if works == NEW else "old") + ("+copies" if left else ""))
    print(f"a whole change took {took:.2f} s (phases {[round(t, 2) for t in phases]}); kill outcomes:",
          outcomes)


# -- the dialog ------------------------------------------------------------------------------------


@pytest.fixture
def window(qtbot, store, tmp_path):
    fill(store, 3)
    w = MainWindow(store, settings=Settings(tmp_path / "config", Provisioning()))
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()


def open_passphrase_dialog(qtbot, window):
    settings = window.show_settings()
    group = settings.findChild(PassphraseGroup, "passphraseGroup")
    assert group is not None and group.button.isEnabled()  # no fieldapp.toml key locks it
    qtbot.mouseClick(group.button, Qt.MouseButton.LeftButton)
    return settings, group, group.dialog


def test_the_dialog_refuses_what_the_first_run_refuses_and_a_wrong_current_passphrase(qtbot, window, profile_dir):
    _settings, _group, dialog = open_passphrase_dialog(qtbot, window)
    assert dialog.focusWidget() is dialog.current
    dialog.new.passphrase.setText("коротке")
    qtbot.keyClick(dialog.change_button, Qt.Key.Key_Space)
    assert "Type your current passphrase first." in dialog.error.text()
    dialog.current.setText(PASSPHRASE)  # Cyrillic: qtbot types ASCII only
    dialog.change()
    assert "at least" in dialog.error.text()  # the first run's rule, in the first run's words
    dialog.new.passphrase.setText(NEW)
    dialog.new.repeat.setText(NEW + "!")
    dialog.change()
    assert "The two passphrases differ" in dialog.error.text()
    dialog.new.passphrase.setText(PASSPHRASE)
    dialog.new.repeat.setText(PASSPHRASE)
    dialog.change()
    assert "the same as the current one" in dialog.error.text()
    dialog.current.setText("не те гасло зовсім")
    dialog.new.passphrase.setText(NEW)
    dialog.new.repeat.setText(NEW)
    dialog.change()
    qtbot.waitUntil(lambda: "This is not the current passphrase" in dialog.error.text(), timeout=20_000)
    assert dialog.current.text() == "" and dialog.change_button.isEnabled()
    assert window.store.check_passphrase(PASSPHRASE)


def test_a_change_through_the_keyboard_makes_the_new_passphrase_the_only_one(qtbot, window, profile_dir):
    _settings, group, dialog = open_passphrase_dialog(qtbot, window)
    dialog.current.setText(PASSPHRASE)  # Cyrillic: qtbot types ASCII only
    qtbot.keyClick(dialog.current, Qt.Key.Key_Return)  # Enter moves on
    assert dialog.focusWidget() is dialog.new.passphrase
    qtbot.keyClicks(dialog.new.passphrase, TYPED)
    qtbot.keyClick(dialog.new.passphrase, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.new.repeat, TYPED)
    qtbot.keyClick(dialog.new.repeat, Qt.Key.Key_Return)  # Enter in the last field changes it
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30_000)
    assert group.done.isVisible()
    assert all(f.text() == "" for f in (dialog.current, dialog.new.passphrase, dialog.new.repeat))
    assert window.store.count("households") == 3  # the open program goes on with the new key
    assert window.store.check_passphrase(TYPED) and not window.store.check_passphrase(PASSPHRASE)
    window.locker.lock(idle=False)  # the lock screen knows the new passphrase, and only it
    screen = window.locker.screen
    screen.passphrase.setText(PASSPHRASE)
    screen.try_unlock()
    qtbot.waitUntil(lambda: screen.error.isVisible(), timeout=20_000)
    assert window.locker.is_locked
    screen.passphrase.setText(TYPED)
    screen.try_unlock()
    qtbot.waitUntil(lambda: not window.locker.is_locked, timeout=20_000)
    window.close()
    window.store.close()
    with pytest.raises(WrongPassphrase):
        Store.open(profile_dir, PASSPHRASE, kdf=FAST_KDF)
    with Store.open(profile_dir, TYPED, kdf=FAST_KDF) as again:
        assert again.count("households") == 3
