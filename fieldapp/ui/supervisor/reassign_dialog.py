"""Reassign families: one, several, or all of a caseworker's, to another caseworker of the team,
with a handover note the new caseworker reads (fieldapp.store.handover)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from fieldapp.store.database import Store
from fieldapp.store.errors import StoreError
from fieldapp.store.handover import NOTE_MAX, reassign
from fieldapp.store.team import caseworkers
from fieldapp.ui import background
from fieldapp.ui.keys import EnterMovesOn
from fieldapp.ui.typed import TypedGuard

FamilyRole = Qt.ItemDataRole.UserRole + 1


class ReassignDialog(QDialog):
    """Families of `from_name` (checked: all of them) to a caseworker chosen from the team."""

    done = Signal(int)  # how many families moved (a sync round should follow)

    def __init__(self, store: Store, families: list[tuple[str, str]], from_user: str, from_name: str,
                 parent: QWidget | None = None, *, today: dt.date | None = None):
        super().__init__(parent)
        self.store = store
        self.today = today or dt.date.today()
        self.setWindowTitle(self.tr("Reassign families"))
        intro = QLabel(self.tr("Families of {name}: choose which move, and to whom.").format(name=from_name))
        intro.setWordWrap(True)
        self.every = QCheckBox(self.tr("All of this caseworker's families"))
        self.every.setObjectName("reassignAll")
        self.every.setChecked(True)
        self.list = QListWidget()
        self.list.setObjectName("reassignFamilies")
        for hid, shown in families:
            item = QListWidgetItem(shown)
            item.setData(FamilyRole, hid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        self.every.toggled.connect(self._all)
        self.list.itemChanged.connect(lambda _i: self._check())
        self.target = QComboBox()
        self.target.setObjectName("reassignTo")
        for uid, name in caseworkers(store).items():
            if uid != from_user:
                self.target.addItem(name, uid)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)  # Tab goes on to the buttons, never a tab character
        self.note.setObjectName("handoverNote")
        self.note.setPlaceholderText(self.tr("What the new caseworker should know: agreements with the family, "
                                             "what is due, who to call."))
        self.count = QLabel()
        self.count.setObjectName("reassignCount")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.addButton(self.tr("Reassign"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("reassignOk")
        self.buttons.accepted.connect(self._save)
        form = QFormLayout()
        form.addRow(self.tr("To caseworker"), self.target)
        form.addRow(self.tr("Handover note"), self.note)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.every)
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        layout.addWidget(self.count)
        layout.addWidget(self.buttons)
        if not self.target.count():
            self.count.setText(self.tr("No other caseworker of the team is known yet: sync once while "
                                       "connected, then try again."))
        self.resize(560, 560)
        self._check()
        # Enter on the caseworker moves on to the note: it never moves a caseload by accident;
        # Ctrl+Enter reassigns. Esc or Cancel after a note or a change of the list asks first.
        EnterMovesOn(self, lambda _d: self.ok.isEnabled() and self._save())
        self.guard = TypedGuard(self)
        self.guard.mark()
        self.buttons.rejected.connect(self.guard.cancel)
        self.target.setFocus()

    def _all(self, on: bool) -> None:
        self.list.blockSignals(True)
        for row in range(self.list.count()):
            self.list.item(row).setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        self._check()

    def chosen(self) -> list[str]:
        return [self.list.item(r).data(FamilyRole) for r in range(self.list.count())
                if self.list.item(r).checkState() == Qt.CheckState.Checked]

    def _check(self) -> None:
        n = len(self.chosen())
        if self.target.count():
            self.count.setText(self.tr("%n family(ies) will move.", "", n))
        self.ok.setEnabled(n > 0 and self.target.count() > 0)

    def _save(self) -> None:
        ids, uid, name = self.chosen(), str(self.target.currentData()), self.target.currentText()
        note = self.note.toPlainText()[:NOTE_MAX]
        store, today = self.store, self.today
        self.ok.setEnabled(False)

        def write(tx: Any) -> int:
            return reassign(tx, ids, uid, name, note, today)

        background.run_task(lambda: store.write(write), self._saved, self._failed, owner=self)

    def _saved(self, moved: int) -> None:
        self.done.emit(moved)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok.setEnabled(True)
        if not isinstance(exc, StoreError):
            raise exc  # a bug: for the crash report, not for a sentence
        QMessageBox.warning(self, self.tr("Not saved"), exc.message.render(QCoreApplication.translate))
