"""A small dialog that writes one change off the GUI thread: a heading, fields, Save and Cancel.

Refusals of the store show under their fields (or under the form); the dialog closes and emits
`saved(record)` once the change is written. Today's follow-ups, a plan action's status and the
withdrawal of a consent are such dialogs: each says what it writes in `change()`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from casework import records as domain
from fieldapp.store.database import Store, Transaction
from fieldapp.store.errors import StoreError
from fieldapp.ui import background, text
from fieldapp.ui.fields import ERROR_STYLE, FieldForm, required_legend
from fieldapp.ui.keys import EnterMovesOn
from fieldapp.ui.typed import TypedGuard


class WriteDialog(QDialog):
    """A small dialog that writes one change, shows refusals under its fields, and closes when written."""

    saved = Signal(object)

    def __init__(self, store: Store, title: str, heading: str, parent: QWidget | None = None, *,
                 bold_heading: bool = True, collection: str | None = None):
        """`collection`: the schema whose required fields the form marks (fields.FieldForm)."""
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.heading = QLabel(heading)
        self.heading.setObjectName("heading")
        self.heading.setWordWrap(True)
        if bold_heading:
            font = self.heading.font()
            font.setBold(True)
            self.heading.setFont(font)
        self.form = FieldForm(collection=collection)
        self.legend = required_legend()  # shown while a field is marked (a choice may mark one)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.legend)
        layout.addWidget(self.buttons)
        # Enter in a field moves on (it saved half a change, before the note); Ctrl+Enter saves.
        EnterMovesOn(self, lambda _d: self.save())
        self.guard = TypedGuard(self)  # Esc or Cancel after typing a note asks before it is lost
        self.buttons.rejected.connect(self.guard.cancel)
        self._shown = False

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        if not self._shown:  # the first time: typing starts in the first field, not on Save
            self._shown = True
            self.guard.mark()
            self._show_legend()
            for note in self.findChildren(QPlainTextEdit):  # Tab leaves a note for Save, as in the forms
                note.setTabChangesFocus(True)
            first = self.form.first_field()
            if first is not None:
                first.setFocus(Qt.FocusReason.OtherFocusReason)
        super().showEvent(event)

    def show_row(self, widget: QWidget, shown: bool) -> None:
        """Show or hide a field of the form with its label and its message."""
        box = widget.parentWidget()
        box.setVisible(shown)
        label = self.form.labelForField(box)
        if label is not None:
            label.setVisible(shown)
        self._show_legend()

    def require(self, widget: QWidget, required: bool) -> None:
        """Mark a field of the form as one to fill in, or not (as the choice that asks for it changes)."""
        for name, caption in self.form.captions.items():
            if caption.buddy() is widget:
                self.form.set_required(name, required)
        self._show_legend()

    def _show_legend(self) -> None:
        # Only the marks of fields shown count: a hidden "Postponed to" asks for nothing.
        self.legend.setVisible(any(self.form.captions[n].isVisibleTo(self) for n in self.form.marked()))

    def change(self) -> Callable[[Transaction], dict[str, Any]]:
        """What Save writes, read from the fields now: a function of the store's transaction."""
        raise NotImplementedError

    def save(self) -> None:
        change = self.change()
        self.buttons.setEnabled(False)
        background.run_task(lambda: self.store.write(change), self._written, self._failed, owner=self)

    def _written(self, record: dict[str, Any]) -> None:
        self.saved.emit(record)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, domain.InvalidRecord):
            rest = self.form.show_problems(exc.problems)
            self.error.setText(" ".join(text.message(p.message) for p in rest))
            self.error.setVisible(bool(rest))
        elif isinstance(exc, StoreError):
            self.error.setText(text.message(exc.message))
            self.error.show()
        else:
            raise exc
