"""The lock screen (after idle or Ctrl+L) has the language choice of the first screens: it speaks the
new language at once, and the window under the cover is rebuilt in it after unlocking, never while
locked. The passphrase field is emptied after a failed and after a successful attempt, on the lock
screen and on the unlock screen. Real widgets, a real encrypted profile, the real translations."""

from __future__ import annotations

from helpers.form_typist import type_text
from kit import FAST_KDF, PASSPHRASE
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from fieldapp.provisioning import Provisioning
from fieldapp.settings import Settings
from fieldapp.store.database import Store
from fieldapp.ui import language
from fieldapp.ui.application import Application
from fieldapp.ui.profile_dialog import ProfileDialog
from tests.test_language_switch import choose, compiled, english, synchronous  # noqa: F401 - fixtures


def test_the_lock_screen_switches_the_language_and_the_window_follows_after_unlocking(
        qtbot, store, tmp_path, english, synchronous):  # noqa: F811
    settings = Settings(tmp_path / "config", Provisioning())
    application = Application(store, settings)
    application.start()
    old = application.window  # not handed to qtbot: the rebuild deletes it
    old.findChild(type(old.sync_now_action), "lockAction").trigger()  # Ctrl+L
    screen = old.locker.screen
    assert screen is not None and screen.button.text() == "Unlock"
    assert "You locked FieldApp" in screen.intro.text()  # the manual lock does not talk of idling
    choose(screen.language_choice, qtbot, "uk")
    assert language.current() == "uk" and settings.get("language") == "uk"
    assert screen.button.text() == "Розблокувати" and "Ви заблокували FieldApp" in screen.intro.text()
    assert screen.passphrase.placeholderText() == "Парольна фраза"
    qtbot.wait(50)
    assert application.window is old and old.locker.is_locked  # nothing new appears behind the lock

    qtbot.keyClicks(screen.passphrase, "not the passphrase")
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    assert screen.passphrase.text() == ""  # a wrong passphrase is not left in the field
    assert screen.error.isVisible() and "Парольна фраза" in screen.error.text()
    choose(screen.language_choice, qtbot, "en")
    assert screen.error.text().startswith("The passphrase is not right")  # the message follows the language
    choose(screen.language_choice, qtbot, "uk")
    assert application.window is old

    type_text(screen.passphrase, PASSPHRASE)
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    assert screen.passphrase.text() == ""
    assert screen.result() == QDialog.DialogCode.Accepted and not old.locker.is_locked
    qtbot.waitUntil(lambda: application.window is not old, timeout=5000)
    window = application.window
    qtbot.addWidget(window)
    assert window.tabs.tabText(0) == "Мої сімʼї"  # rebuilt in the language chosen on the lock screen
    assert not window.locker.is_locked
    window.close()
    application.close()


def test_the_unlock_screen_empties_the_passphrase_after_a_failed_and_a_good_attempt(
        qtbot, tmp_path, english, synchronous):  # noqa: F811
    folder = tmp_path / "profile"
    Store.create(folder, PASSPHRASE, kdf=FAST_KDF).close()
    dialog = ProfileDialog(folder, create=False, settings=Settings(tmp_path / "config", Provisioning()))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.passphrase, "wrong one")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert dialog.unlock_error.isVisible() and dialog.passphrase.text() == ""
    assert dialog.passphrase.hasFocus() or dialog.focusWidget() is dialog.passphrase
    type_text(dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.store is not None
    assert dialog.passphrase.text() == ""
    dialog.store.close()
