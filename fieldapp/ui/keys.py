"""Enter in a dialog of many fields: the next field, never a button that happens to be the default.

In a QDialog, Enter in a line edit or a spin box presses the dialog's default button, and every
push button is an "auto default" candidate: in a form that was "add a specialist", which added an
empty block on each Enter. A person filling a form expects Enter to move on, as Tab does;
Ctrl+Enter saves (the dialog's own action, given as `submit`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QPushButton,
)

ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def no_default_buttons(dialog: QDialog) -> None:
    """Push buttons inside the dialog's fields never become its default (call after adding them)."""
    for button in dialog.findChildren(QPushButton):
        if not isinstance(button.parent(), QDialogButtonBox):
            button.setAutoDefault(False)
            button.setDefault(False)


class EnterMovesOn(QObject):
    """Installed on a dialog: Enter left by a one-line field goes to the next field; Ctrl+Enter
    calls `submit(dialog)`. It keeps no reference to the dialog (its parent), so a closed dialog
    is freed at once."""

    def __init__(self, dialog: QDialog, submit: Callable[[QDialog], object] | None = None):
        super().__init__(dialog)
        self.submit = submit
        dialog.installEventFilter(self)
        no_default_buttons(dialog)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if not isinstance(watched, QDialog) or event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        if event.key() not in ENTER:
            return False
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier and self.submit is not None:
            self.submit(watched)
            return True
        focus = QApplication.focusWidget()
        field = focus is not None and watched.isAncestorOf(focus)
        if field and isinstance(focus, QLineEdit | QAbstractSpinBox | QComboBox) or (
                field and isinstance(focus, QAbstractButton) and focus.isCheckable()):
            watched.focusNextChild()
            return True
        return False
