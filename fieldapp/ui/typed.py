"""Esc in a dialog that keeps no draft: ask before what was typed is lost.

A form keeps a draft of what is typed (forms/dialog.py asks about *that*); the family, member,
progress and return dialogs keep nothing until saved, so Esc or Cancel after typing would lose it
silently. `TypedGuard` remembers what the dialog's fields held when it opened and, when the
person presses Esc or Cancel (or the close box) after changing something, asks once: throw it
away, or go back. Nothing typed: it closes at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)


def field_state(root: QWidget) -> tuple[Any, ...]:
    """What the fields under `root` hold now, in a form that compares (not the buttons of its box)."""
    state: list[Any] = []
    for w in root.findChildren(QWidget):
        if isinstance(w.parent(), QDialogButtonBox):
            continue
        if isinstance(w, QLineEdit):
            state.append(w.text())
        elif isinstance(w, QPlainTextEdit | QTextEdit):
            state.append(w.toPlainText())
        elif isinstance(w, QComboBox):
            state.append(w.currentIndex())
        elif isinstance(w, QAbstractSpinBox):
            state.append(w.text())
        elif isinstance(w, QAbstractButton) and w.isCheckable():
            state.append(w.isChecked())
        elif isinstance(w, QListWidget):
            state.append(tuple(w.item(i).checkState() == Qt.CheckState.Checked for i in range(w.count())))
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            state.append(w.model().rowCount())  # a member added to the family's table
    return tuple(state)


def ask_throw_away(parent: QWidget) -> bool:
    """Whether the person chose to throw away what she typed (False: back to the dialog)."""
    box = QMessageBox(QMessageBox.Icon.Question, parent.windowTitle(), QCoreApplication.translate(
        "TypedGuard", "What you typed here is not saved. Close and throw it away?"), parent=parent)
    box.setObjectName("throwAwayTyped")
    throw = box.addButton(QCoreApplication.translate("TypedGuard", "Throw away"), QMessageBox.ButtonRole.DestructiveRole)
    back = box.addButton(QCoreApplication.translate("TypedGuard", "Back"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(back)  # Enter or Esc once more never loses it
    box.setEscapeButton(back)
    box.exec()
    return box.clickedButton() is throw


class TypedGuard(QObject):
    """Installed on a dialog: remembers its fields at `mark()` (when it opens); Esc, the Cancel
    button (connected to `cancel`) and the window's close box ask first when they changed.

    Only what the person does asks: a dialog closed by the program (`reject()`, `close()`, a
    revoked laptop's wipe) closes without a question.
    """

    def __init__(self, dialog: QDialog, *, changed: Callable[[], bool] | None = None):
        super().__init__(dialog)  # the dialog is its parent: no Python reference, no cycle for the collector
        self._changed = changed  # what the fields do not show (a family's list of members)
        self._start: tuple[Any, ...] | None = None
        dialog.installEventFilter(self)

    def _dialog(self) -> QDialog | None:
        dialog = self.parent()
        return dialog if isinstance(dialog, QDialog) else None

    def mark(self) -> None:
        dialog = self._dialog()
        if dialog is not None:
            self._start = field_state(dialog)

    def typed(self) -> bool:
        dialog = self._dialog()
        if self._start is None or dialog is None:
            return False
        return field_state(dialog) != self._start or bool(self._changed and self._changed())

    def may_close(self) -> bool:
        dialog = self._dialog()
        return dialog is None or not self.typed() or ask_throw_away(dialog)

    def cancel(self) -> None:
        """The Cancel button: close, asking first when something typed would be lost."""
        dialog = self._dialog()
        if dialog is not None and self.may_close():
            dialog.reject()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if not isinstance(watched, QDialog) or watched is not self.parent():
            return False
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() == Qt.Key.Key_Escape and not event.modifiers():
            self.cancel()
            return True
        if event.type() == QEvent.Type.Close and event.spontaneous() and not self.may_close():
            event.ignore()  # the close box: back to the dialog, nothing lost
            return True
        return False
