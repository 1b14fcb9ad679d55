"""Connecting a standalone profile from the running program (issue 13): the status bar's button and
the Sync menu open the dialog; the caseworker must choose what becomes of the families already
there; the first sync then sends them. Real widgets, a real encrypted profile, the real server."""

from __future__ import annotations

from kit import FAST_KDF, PASSPHRASE, enrolled_laptop, quick_transport
from PySide6.QtCore import Qt
from test_connect_later import PASSWORD, numbers, standalone_profile

from fieldapp.store.database import Store
from fieldapp.sync.device import is_enrolled, sync_once
from fieldapp.ui.main_window import MainWindow
from fieldapp.ui.sync.controller import SyncController


def window_for(qtbot, store):
    window = MainWindow(store, sync=SyncController(store, transport=quick_transport))
    window.connect_entry.transport = quick_transport
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def test_status_bar_button_connects_and_the_first_sync_sends_the_families(qtbot, live_server, tmp_path):
    store = standalone_profile(tmp_path / "anna", kdf=FAST_KDF)
    window = window_for(qtbot, store)
    assert window.connect_entry.button.isVisible()
    assert "Not connected to a server" in window.sync_label.text()
    qtbot.keyClick(window, Qt.Key.Key_F5)  # F5 says why nothing syncs, and where to connect
    assert "Sync → Connect to a server…" in window.statusBar().currentMessage()

    qtbot.mouseClick(window.connect_entry.button, Qt.MouseButton.LeftButton)
    dialog = window.connect_entry.dialog
    assert dialog.isVisible() and dialog.focusWidget() is dialog.server
    assert dialog.existing_box.title().startswith("3 famil") and "already recorded" in dialog.existing_box.title()
    qtbot.keyClicks(dialog.server, live_server.base)
    qtbot.keyClick(dialog.server, Qt.Key.Key_Return)  # Enter moves on to the next field
    assert dialog.focusWidget() is dialog.code
    qtbot.keyClicks(dialog.username, "anna")
    qtbot.keyClicks(dialog.password, PASSWORD)
    assert not dialog.connect_button.isEnabled()  # no choice made for the three families yet
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert not is_enrolled(store) and dialog.isVisible()
    dialog.send.click()
    assert dialog.connect_button.isEnabled()
    with qtbot.waitSignal(window.sync.finished, timeout=30_000):  # the first round starts by itself
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=15_000)
    assert is_enrolled(store) and store.pending_count() == 0
    assert not window.connect_entry.button.isVisible() and not window.connect_entry.action.isVisible()
    assert "Not connected" not in window.sync_label.text()
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles[-2:] == ["Returned (0)", "Reports"]  # as an enrolled caseworker's window has them
    window.tabs.setCurrentIndex(window.reports_index)
    assert window.reports_view is not None  # Reports still opens where it now stands
    second = enrolled_laptop(tmp_path, "anna2", live_server.base, "anna")
    sync_once(second, transport=quick_transport)
    assert numbers(second) == numbers(store)
    window.close()
    second.close()
    store.close()


def test_keep_local_from_the_sync_menu_empties_the_profile_and_a_bad_password_changes_nothing(
        qtbot, live_server, tmp_path):
    store = standalone_profile(tmp_path / "anna", kdf=FAST_KDF)
    window = window_for(qtbot, store)
    window.connect_entry.action.trigger()
    dialog = window.connect_entry.dialog
    dialog.server.setText(live_server.base)
    dialog.username.setText("anna")
    dialog.password.setText("not the password")
    dialog.keep.click()
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=15_000)
    assert "did not accept this user name and password" in dialog.error.text()
    assert "Nothing was changed on this laptop." in dialog.error.text()
    assert not is_enrolled(store) and store.count("households") == 3
    dialog.password.setText(PASSWORD)
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=15_000)
    assert is_enrolled(store) and store.count("households") == 0
    qtbot.waitUntil(lambda: window.caseload.rowCount() == 0, timeout=10_000)
    window.close()
    store.close()


def test_a_demo_profile_says_it_never_connects(qtbot, tmp_path):
    from fieldapp import demo

    store = Store.create(tmp_path / "demo", PASSPHRASE, kdf=FAST_KDF)
    demo.fill(store, 2, seed=1)
    window = window_for(qtbot, store)
    assert not window.connect_entry.button.isVisible()  # no invitation in the status bar
    window.connect_entry.action.trigger()  # the Sync menu's entry says why
    dialog = window.connect_entry.dialog
    assert "A demo profile never syncs" in dialog.refusal.text()
    assert dialog.connect_button is None
    dialog.reject()
    window.close()
    store.close()


def test_an_empty_standalone_profile_is_not_asked_about_families(qtbot, tmp_path):
    store = Store.create(tmp_path / "empty", PASSPHRASE, kdf=FAST_KDF)
    window = window_for(qtbot, store)
    dialog = window.connect_entry.open()
    assert dialog.existing_box is None
    dialog.server.setText("https://fieldapp.example.org")
    dialog.code.setText("ABCD-EFGH-JKM")
    assert dialog.connect_button.isEnabled()
    dialog.reject()
    window.close()
    store.close()
