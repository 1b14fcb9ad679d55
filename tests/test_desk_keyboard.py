"""The keyboard and the screen on a caseworker's laptop (issue 13): Enter moves on and never adds
an empty block, new dialogs start in their first field, required fields are marked, windows fit."""

from __future__ import annotations

import pytest
from helpers.form_typist import type_text
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QLabel

from fieldapp.ui.fields import REQUIRED_MARK
from fieldapp.ui.forms import open_form
from fieldapp.ui.household_dialog import HouseholdDialog, PersonDialog
from fieldapp.ui.main_window import MainWindow
from fieldapp.ui.screen import FRAME, available, fit
from tests.test_forms_ui import FAMILY, show


@pytest.fixture
def hid(store):
    return store.write(lambda tx: tx.create("households", FAMILY))["id"]


def test_enter_in_the_duration_moves_on_and_adds_no_specialist(qtbot, store, hid):
    dialog = show(qtbot, open_form(None, store, "home_visit", hid))
    workers = dialog.view.editor("workers_present")
    duration = dialog.view.editor("duration_min").focus_target()
    duration.setFocus()
    type_text(duration, "45")
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert workers.value() in (None, [])  # no empty block of a specialist
    assert dialog.isVisible() and not duration.hasFocus()  # moved on, nothing submitted
    assert dialog.view.editor("duration_min").value() == 45


def test_ctrl_enter_submits_the_form(qtbot, store, hid):
    dialog = show(qtbot, open_form(None, store, "home_visit", hid))
    duration = dialog.view.editor("duration_min").focus_target()
    duration.setFocus()
    qtbot.keyClick(duration, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    # Nothing is answered: the submit is refused with the form's own message, and no record is made.
    assert dialog.isVisible() and dialog.status.text()
    assert store.count("visits") == 0


def test_new_family_starts_in_its_first_field_marks_required_ones_and_enter_moves_on(qtbot, store):
    dialog = HouseholdDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.family_name.hasFocus())
    captions = dialog.form.captions
    marked = {name for name, label in captions.items() if label.text().endswith(REQUIRED_MARK)}
    assert marked == {"family_name", "hromada", "identified_on"}
    assert dialog.findChild(QLabel, "requiredLegend").isVisible()
    type_text(dialog.family_name, "Шаповал")
    qtbot.keyClick(dialog.family_name, Qt.Key.Key_Return)
    assert dialog.isVisible() and not dialog.family_name.hasFocus()
    assert store.count("households") == 0  # Enter did not save half a family


def test_the_member_dialog_starts_at_the_role_and_marks_required_fields(qtbot):
    dialog = PersonDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.role.hasFocus())
    marked = {n for n, label in dialog.form.captions.items() if label.text().endswith(REQUIRED_MARK)}
    assert marked == {"role", "surname", "given_name", "birth_date"}
    qtbot.keyClick(dialog.role, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() == 0


@pytest.mark.parametrize("area", [QRect(0, 0, 1366, 728), QRect(0, 0, 1280, 680)], ids=["1366x768", "1280x720"])
def test_windows_with_their_frame_fit_a_laptop_screen_less_a_taskbar(qtbot, store, hid, area):
    for window in (MainWindow(store), HouseholdDialog(store), open_form(None, store, "home_visit", hid)):
        qtbot.addWidget(window)
        size = fit(window, 1280, 800, area=area)
        frame = QRect(window.pos(), size + FRAME)
        assert area.contains(frame), (type(window).__name__, frame)


def test_the_main_window_opens_within_the_screen_it_is_on(qtbot, store):
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    area = available(window)
    assert area is not None
    # The test screen (offscreen: 800×800) is narrower than the caseload's bar; its height is what
    # hid the status bar at 768 px.
    assert window.height() + FRAME.height() <= area.height()
    assert window.statusBar().isVisible()
    assert window.mapToGlobal(window.statusBar().geometry().bottomLeft()).y() <= area.bottom()
