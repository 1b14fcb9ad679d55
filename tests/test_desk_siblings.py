"""Siblings of the desk's findings in the small dialogs (issue 13): Enter in a field moves on and never
saves half a change; Ctrl+Enter saves. Real widgets on a real encrypted store."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from fieldapp.ui.action_status import ActionStatusDialog
from tests.test_ui_action_status import plan_ref  # noqa: F401 - the fixture

TODAY = dt.date.today()


def test_enter_in_a_date_of_the_action_status_moves_on_and_ctrl_enter_saves(qtbot, store, plan_ref):  # noqa: F811
    dialog = ActionStatusDialog(store, plan_ref, "done", today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    day = dialog.on.line  # the typed date
    day.setFocus()
    qtbot.waitUntil(day.hasFocus)
    saved = []
    dialog.saved.connect(saved.append)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    QApplication.processEvents()
    assert dialog.buttons.isEnabled() and saved == []  # not saving: the note was still to come
    assert not day.hasFocus()  # Enter moved on, as Tab does
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(list(store.records("action_updates", household_id=plan_ref.household_id))) == 1


def test_a_date_message_in_a_dialog_leaves_the_rows_below_where_they_were(qtbot):
    """The member dialog: an impossible birth date is told on leaving the field, while the pointer goes
    to the next row; that row must not move under the click."""
    from helpers.form_typist import type_text
    from PySide6.QtCore import QPoint

    from fieldapp.ui.household_dialog import PersonDialog

    dialog = PersonDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    below = dialog.sex.mapTo(dialog, QPoint(0, 0))
    line = dialog.birth_date.line
    line.setFocus()
    type_text(line, "31.02.2027")
    qtbot.keyClick(line, Qt.Key.Key_Tab)
    QApplication.processEvents()
    message = dialog.form.errors["birth_date"]
    assert message.isVisible() and message.text()  # there is no 31 February
    assert dialog.sex.mapTo(dialog, QPoint(0, 0)) == below
