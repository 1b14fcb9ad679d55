"""Auto-lock: after N idle minutes every window is covered; only the passphrase opens it; nothing typed is lost."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from fieldapp.ui import background
from fieldapp.ui.lock import LockScreen, _Cover, passphrase_opens
from fieldapp.ui.main_window import MainWindow
from tests.conftest import PASSPHRASE
from tests.factories import household


@pytest.fixture
def window(qtbot, store):
    background.set_synchronous(True)
    store.write(lambda tx: tx.create("households", household(family_name="Приватна")))
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()
    background.set_synchronous(False)
    for d in list(w.dialogs):
        d.done(0)


def test_passphrase_check(store):
    assert passphrase_opens(store, PASSPHRASE)
    assert not passphrase_opens(store, PASSPHRASE + "x")


def test_locks_after_idle_minutes_and_hides_everything(qtbot, window):
    window.locker.set_minutes(1)
    assert window.locker.timer.interval() == 60_000
    # A key press counts as activity and restarts the count
    window.locker.timer.setInterval(50)
    qtbot.waitUntil(lambda: window.locker.is_locked, timeout=3000)
    cover = window.locker.covers[0]
    assert cover.parentWidget() is window and cover.isVisible()
    assert cover.geometry() == window.rect()
    shot = window.grab().toImage()
    # The table of families is no longer visible: the window is one dark colour
    colours = {shot.pixelColor(x, y).name() for x in range(0, shot.width(), 97) for y in range(60, shot.height(), 83)}
    assert colours <= {"#263238", "#eceff1"} or len(colours) <= 3
    assert isinstance(window.locker.screen, LockScreen) and window.locker.screen.isVisible()


def test_unlock_needs_the_passphrase_and_keeps_what_was_typed(qtbot, window):
    dialog = window.new_household()
    dialog.family_name.setText("Напівнабране прізвище")
    window.caseload_view.search.setText("При")
    window.locker.lock()
    assert len(window.locker.covers) == 2  # the main window and the open dialog
    screen = window.locker.screen
    # Escape and closing do not unlock
    qtbot.keyClick(screen, Qt.Key.Key_Escape)
    screen.close()
    assert window.locker.is_locked and screen.isVisible()
    qtbot.keyClicks(screen.passphrase, "not it")
    qtbot.mouseClick(screen.button, Qt.MouseButton.LeftButton)
    assert window.locker.is_locked
    assert "passphrase is not right" in screen.error.text()
    screen.passphrase.setText(PASSPHRASE)
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    assert not window.locker.is_locked
    assert not screen.isVisible()
    assert not [c for c in window.findChildren(_Cover) if c.isVisible()]  # covers gone
    assert dialog.isVisible() and dialog.family_name.text() == "Напівнабране прізвище"
    assert window.caseload_view.search.text() == "При"
    assert window.locker.timer.isActive() is False  # minutes = 0: never
    dialog.done(0)


def test_lock_now_from_the_menu(qtbot, window):
    action = window.findChild(type(window.menuBar().actions()[0]), "lockAction")
    action.trigger()
    assert window.locker.is_locked
    window.locker.screen.passphrase.setText(PASSPHRASE)
    window.locker.screen.try_unlock()
    assert not window.locker.is_locked


def test_activity_postpones_the_lock(qtbot, window):
    window.locker.set_minutes(1)
    timer = window.locker.timer
    timer.start(10_000)  # shorter, so the test is quick; a coarse timer may be off by 5 % (500 ms)
    for _ in range(3):
        # Once the count has run well past that slack (however slowly the machine runs), a key
        # press restarts it.
        qtbot.waitUntil(lambda: timer.remainingTime() < 10_000 - 1_500, timeout=60_000)
        before = timer.remainingTime()
        qtbot.keyClick(window.caseload_view.search, Qt.Key.Key_A)
        assert timer.remainingTime() > before
        assert not window.locker.is_locked
    # Without activity the (shortened) count runs out and locks.
    timer.start(50)
    qtbot.waitUntil(lambda: window.locker.is_locked, timeout=60_000)
    window.locker.screen.passphrase.setText(PASSPHRASE)
    window.locker.screen.try_unlock()


def test_nothing_editable_under_the_cover(qtbot, window):
    window.locker.lock()
    edits = [w for w in window.findChildren(QLineEdit) if w.isVisible()]
    assert edits  # they exist, covered, untouched
    assert window.locker.covers[0].isVisible()
    window.locker.screen.passphrase.setText(PASSPHRASE)
    window.locker.screen.try_unlock()
