"""Start-up: the first run (enrolment, demo data, passphrase strength) and unlocking."""

from __future__ import annotations

import pytest
from kit import FAST_KDF, PASSPHRASE
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from fieldapp.store.database import DB_FILE, Store
from fieldapp.ui import background
from fieldapp.ui.profile_dialog import ProfileDialog, passphrase_strength


@pytest.fixture
def synchronous():
    background.set_synchronous(True)
    yield
    background.set_synchronous(False)


def close_store(dialog: ProfileDialog) -> None:
    if dialog.store is not None:
        dialog.store.close()


def test_strength_grows_with_length_and_variety():
    assert passphrase_strength("") == 0
    assert passphrase_strength("aaaaaaaaaaaaaaaa") == 0
    assert passphrase_strength("short") == 0
    assert passphrase_strength("кава з молоком 2026") >= 3
    assert passphrase_strength("кава з молоком 2026") > passphrase_strength("кавазмолок")


def test_first_run_offers_server_demo_or_empty(qtbot, profile_dir):
    dialog = ProfileDialog(profile_dir, create=True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.pages.currentIndex() == dialog.PAGE_CHOICE
    assert dialog.connect_button.isVisible() and dialog.demo_button.isVisible()
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == dialog.PAGE_ENROL
    assert not dialog.connect_ok.isEnabled()  # not before the address, the user and the password
    qtbot.mouseClick(dialog.findChild(type(dialog.create_button), "back"), Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == dialog.PAGE_CHOICE
    assert not (profile_dir / DB_FILE).exists()


def test_new_passphrase_shows_strength_and_must_match(qtbot, profile_dir):
    dialog = ProfileDialog(profile_dir, create=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.new_passphrase.passphrase, "short")
    assert dialog.new_passphrase.strength.text() == "too short"
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert "at least 10 characters" in dialog.create_error.text()
    dialog.new_passphrase.passphrase.clear()
    qtbot.keyClicks(dialog.new_passphrase.passphrase, "Blue kettle on 4 stoves")
    assert dialog.new_passphrase.strength.text() == "strong"
    qtbot.keyClicks(dialog.new_passphrase.repeat, "Blue kettle on 4 stove")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert "differ" in dialog.create_error.text() and dialog.new_passphrase.repeat.text() == ""
    qtbot.keyClicks(dialog.new_passphrase.repeat, "Blue kettle on 4 stoves")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    # The key is derived off the GUI thread: the dialog shows progress meanwhile, and Escape waits.
    assert dialog.pages.currentIndex() == dialog.PAGE_PROGRESS and dialog.store is None
    assert "Protecting the records" in dialog.progress_label.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=20_000)
    assert dialog.store is not None and dialog.store.count("households") == 0
    close_store(dialog)


def test_demo_profile_is_filled_off_the_gui_thread_with_progress(qtbot, profile_dir):
    dialog = ProfileDialog(profile_dir, create=True, demo_households=12)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.new_passphrase.passphrase, "Blue kettle on 4 stoves")
    qtbot.keyClicks(dialog.new_passphrase.repeat, "Blue kettle on 4 stoves")
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
        assert dialog.pages.currentIndex() == dialog.PAGE_PROGRESS
    assert dialog.store.count("households") == 12
    assert dialog.store.meta("demo") == "1"
    close_store(dialog)


def test_unlock_says_clearly_when_the_passphrase_is_wrong(qtbot, profile_dir):
    Store.create(profile_dir, PASSPHRASE, kdf=FAST_KDF).close()
    dialog = ProfileDialog(profile_dir, create=False)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.pages.currentIndex() == dialog.PAGE_UNLOCK
    qtbot.keyClicks(dialog.passphrase, "wrong passphrase")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert not dialog.unlock_button.isEnabled()  # Argon2 runs in the background meanwhile
    qtbot.waitUntil(lambda: dialog.unlock_error.isVisible(), timeout=20_000)
    assert dialog.isVisible() and dialog.store is None
    assert "passphrase is not right" in dialog.unlock_error.text()
    assert "Caps Lock" in dialog.unlock_error.text()
    assert dialog.passphrase.text() == "" and dialog.passphrase.hasFocus()  # emptied, ready to type again
    dialog.passphrase.setText(PASSPHRASE)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=20_000)
    assert dialog.store is not None
    close_store(dialog)


def test_background_work_reports_on_the_gui_thread(qtbot):
    import threading

    seen = {}

    def work():
        seen["worker"] = threading.current_thread()
        return 42

    def done(result):
        seen["done"] = (threading.current_thread(), result)

    background.run_task(work, done, lambda exc: seen.setdefault("failed", exc))
    qtbot.waitUntil(lambda: "done" in seen)
    assert seen["done"] == (threading.main_thread(), 42)
    assert seen["worker"] is not threading.main_thread()
    background.run_task(lambda: 1 / 0, done, lambda exc: seen.setdefault("failed", exc))
    qtbot.waitUntil(lambda: "failed" in seen)
    assert isinstance(seen["failed"], ZeroDivisionError)


def test_synchronous_stand_in(synchronous):
    out = []
    background.run_task(lambda: "x", out.append, out.append)
    assert out == ["x"]


def test_first_run_enrols_with_the_server(qtbot, profile_dir, live_server):
    from server_kit import PASSWORD

    dialog = ProfileDialog(profile_dir, create=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == dialog.PAGE_ENROL
    assert not dialog.connect_ok.isEnabled()
    dialog.server.setText(live_server.base)
    dialog.username.setText("anna")
    dialog.password.setText("not her password")
    qtbot.mouseClick(dialog.connect_ok, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == dialog.PAGE_CREATE
    dialog.new_passphrase.passphrase.setText(PASSPHRASE)
    dialog.new_passphrase.repeat.setText(PASSPHRASE)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    # A wrong password: back on the enrolment page, saying so; the profile is made and kept.
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.PAGE_ENROL and dialog.enrol_error.isVisible(),
                    timeout=20_000)
    assert "did not accept this user name and password" in dialog.enrol_error.text()
    assert (profile_dir / DB_FILE).exists()
    dialog.password.setText(PASSWORD)
    qtbot.mouseClick(dialog.connect_ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=20_000)
    store = dialog.store
    assert store.meta("server_url") == live_server.base and store.meta("device_token")
    store.close()
