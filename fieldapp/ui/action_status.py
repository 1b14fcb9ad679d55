"""Set a plan action's status (done, postponed, ...): one small dialog, used by Today and the plan screen.

It writes one `action_updates` record (docs/case-model.md): an approved plan is locked, its
actions' progress is not. The dialog writes off the GUI thread and emits `saved(record)`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import (
    QPlainTextEdit,
    QWidget,
)

from fieldapp.store.database import Store, Transaction
from fieldapp.ui.date_edit import DateEdit
from fieldapp.ui.fields import EnumCombo
from fieldapp.ui.write_dialog import WriteDialog


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


class ActionStatusDialog(WriteDialog):
    """The status of one plan action, with its date and a note; `saved(record)` once written."""

    def __init__(self, store: Store, ref: ActionRef, status: str = "done", *,
                 today: dt.date | None = None, parent: QWidget | None = None):
        super().__init__(store, self.tr("Progress of the plan action"), ref.text, parent,
                         collection="action_updates")
        self.ref = ref
        self.today = today or dt.date.today()
        self.setObjectName("actionStatus")
        self.heading.setObjectName("actionText")
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
        self.status.currentIndexChanged.connect(self._status_changed)
        self._status_changed()

    def _status_changed(self) -> None:
        postponed = self.status.code() == "postponed"
        self.show_row(self.postponed_to, postponed)
        self.require(self.postponed_to, postponed)  # validation asks for it then (casework/records.py)

    def fields(self) -> dict[str, Any]:
        status = self.status.code() or "done"
        on = editor_day(self.on) or self.today
        later = editor_day(self.postponed_to) if status == "postponed" else None
        # A postponement without its date is refused by validation, which says so under the field.
        return new_update(self.ref, status, on, later, self.note.toPlainText())

    def change(self) -> Callable[[Transaction], dict[str, Any]]:
        fields = self.fields()
        return lambda tx: tx.create("action_updates", fields)
