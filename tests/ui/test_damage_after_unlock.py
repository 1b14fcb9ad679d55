"""Damage found after the unlock reaches the screen as its sentence, never as a traceback: the lock
screen over a key.json edited while the program runs, and the start over a file damaged since."""

from __future__ import annotations

import json
import os
import threading

from kit import FAST_KDF, PASSPHRASE
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from fieldapp.store import crypto
from fieldapp.store.database import DB_FILE, Store
from fieldapp.store.errors import DatabaseDamaged, KeySettingsDamaged
from fieldapp.ui import text
from fieldapp.ui.application import Application
from fieldapp.ui.lock import LockScreen


def test_the_lock_screen_says_key_json_is_damaged_not_that_the_passphrase_is_wrong(qtbot, store, profile_dir):
    path = profile_dir / crypto.KEY_FILE
    data = json.loads(path.read_text())
    data["time_cost"] += 1  # an edit while the program runs
    path.write_text(json.dumps(data))
    screen = LockScreen(store)
    qtbot.addWidget(screen)
    screen.show()
    screen.passphrase.setText(PASSPHRASE)
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.error.isVisible(), timeout=20_000)
    assert screen.error.text() == text.message(KeySettingsDamaged().message)
    assert screen.isVisible()  # still locked


def test_a_file_damaged_since_the_unlock_is_a_message_at_start_and_the_program_ends(qtbot, profile_dir):
    Store.create(profile_dir, PASSPHRASE, kdf=FAST_KDF).close()
    opened: list[Store] = []

    def open_elsewhere() -> None:  # another thread: this thread's first read opens a new connection
        opened.append(Store.open(profile_dir, PASSPHRASE))
        opened[0].read().execute("PRAGMA wal_checkpoint(TRUNCATE)")

    worker = threading.Thread(target=open_elsewhere)
    worker.start()
    worker.join()
    store = opened[0]
    db = profile_dir / DB_FILE
    db.write_bytes(os.urandom(db.stat().st_size))
    application = Application(store, checkin_days=7)
    try:
        with qtbot.waitSignal(application.ended, timeout=10_000, raising=True):
            application.start()
            assert isinstance(application.message, QMessageBox) and application.window is None
            assert application.message.text() == text.message(DatabaseDamaged().message)
            application.message.done(0)
    finally:
        application.close()
