"""Set a plan action's status (done, postponed, ...): one small dialog, used by Today and the plan screen.

It writes one `action_updates` record (docs/case-model.md): an approved plan is locked, its
actions' progress is not. The dialog writes off the GUI thread and emits `saved(record)`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from casework import records as domain
from fieldapp.store.database import Store
from fieldapp.store.errors import StoreError
from fieldapp.ui import background, text
from fieldapp.ui.date_edit import DateEdit
from fieldapp.ui.fields import ERROR_STYLE, EnumCombo, FieldForm


@dataclass(frozen=True)
class ActionRef:
    """Which action: the plan it belongs to (the current one) and its stable id."""

    household_id: str
    plan_id: str
    action_id: str
    text: str = ""


def new_update(ref: ActionRef, status: str, on: dt.date, postponed_to: dt.date | None = None,
               note: str = "") -> dict[str, Any]:
    """The fields of an `action_updates` record for `ref` (None values left out)."""
    fields: dict[str, Any] = {"household_id": ref.household_id, "plan_id": ref.plan_id,
                              "action_id": ref.action_id, "status": status, "on": on.isoformat()}
    if postponed_to is not None:
        fields["postponed_to"] = postponed_to.isoformat()
    if note.strip():
        fields["note"] = note.strip()
    return fields


def date_editor(value: dt.date | None, *, not_future: bool) -> DateEdit:
    """The program's one date editor, showing `value` (a past day only when `not_future`)."""
    return DateEdit(value.isoformat() if value else None, kind="past" if not_future else "any")


def editor_day(editor: DateEdit) -> dt.date | None:
    """The day an editor of `date_editor` holds, or None when it is empty or not a date."""
    iso = editor.iso()
    return dt.date.fromisoformat(iso) if iso else None


class ActionStatusDialog(QDialog):
    """The status of one plan action, with its date and a note; `saved(record)` once written."""

    saved = Signal(object)

    def __init__(self, store: Store, ref: ActionRef, status: str = "done", *,
                 today: dt.date | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.ref = store, ref
        self.today = today or dt.date.today()
        self.setObjectName("actionStatus")
        self.setWindowTitle(self.tr("Progress of the plan action"))
        self.setMinimumWidth(460)
        what = QLabel(ref.text)
        what.setObjectName("actionText")
        what.setWordWrap(True)
        font = what.font()
        font.setBold(True)
        what.setFont(font)
        self.form = FieldForm()
        self.status = EnumCombo("action_statuses", blank=False)
        self.status.setObjectName("status")
        self.status.set_code(status)
        self.form.add("status", self.tr("Status"), self.status)
        self.on = date_editor(self.today, not_future=True)
        self.on.setObjectName("on")
        self.form.add("on", self.tr("Date"), self.on)
        later = self.today + dt.timedelta(days=7)
        self.postponed_to = date_editor(later, not_future=False)
        self.postponed_to.setObjectName("postponed_to")
        self.postponed_label = self.tr("Postponed to")
        self.form.add("postponed_to", self.postponed_label, self.postponed_to)
        self.note = QPlainTextEdit()
        self.note.setObjectName("note")
        self.note.setFixedHeight(70)
        self.note.setPlaceholderText(self.tr("What was done, or why it waits (optional)"))
        self.form.add("note", self.tr("Note"), self.note)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.status.currentIndexChanged.connect(self._status_changed)
        self._status_changed()

    def _status_changed(self) -> None:
        postponed = self.status.code() == "postponed"
        self.postponed_to.setVisible(postponed)
        label = self.form.labelForField(self.postponed_to.parentWidget())
        if label is not None:
            label.setVisible(postponed)

    def fields(self) -> dict[str, Any]:
        status = self.status.code() or "done"
        on = editor_day(self.on) or self.today
        later = editor_day(self.postponed_to) if status == "postponed" else None
        # A postponement without its date is refused by validation, which says so under the field.
        return new_update(self.ref, status, on, later, self.note.toPlainText())

    def save(self) -> None:
        fields = self.fields()
        self.buttons.setEnabled(False)
        background.run_task(lambda: self.store.write(lambda tx: tx.create("action_updates", fields)),
                            self._written, self._failed, owner=self)

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
