"""Withdraw a consent: the date and a note, written onto the consent record (its history stays)."""

from __future__ import annotations

import datetime as dt
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
from casework import values
from casework.i18n import Message
from fieldapp.store.database import Store
from fieldapp.store.errors import StoreError
from fieldapp.ui import background, text
from fieldapp.ui.date_edit import DateEdit
from fieldapp.ui.fields import ERROR_STYLE, FieldForm


class WithdrawConsentDialog(QDialog):
    """The person withdraws a consent: on which day, and a note; `saved(record)` once written."""

    saved = Signal(object)

    def __init__(self, store: Store, consent: dict[str, Any], *, today: dt.date | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.consent_id = store, consent["id"]
        self.setObjectName("withdrawConsent")
        self.setWindowTitle(self.tr("Withdraw a consent"))
        self.setMinimumWidth(480)
        what = QLabel(text.enum_label("consent_purposes", consent.get("purpose")) + " — "
                      + self.tr("given on %1").replace("%1", text.date(consent.get("given_on"))))
        what.setObjectName("consentText")
        what.setWordWrap(True)
        self.form = FieldForm()
        self.on = DateEdit((today or dt.date.today()).isoformat(), kind="past", name="withdrawn_on")
        self.form.add("withdrawn_on", self.tr("Date withdrawn"), self.on)
        self.note = QPlainTextEdit()
        self.note.setObjectName("withdrawal_note")
        self.note.setFixedHeight(80)
        self.note.setPlaceholderText(self.tr("Who withdrew it and how (in writing, by phone…)"))
        self.form.add("withdrawal_note", self.tr("Note"), self.note)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def fields(self) -> dict[str, Any]:
        note = self.note.toPlainText().strip()
        return {"withdrawn_on": self.on.value(), "withdrawal_note": note or None}

    def save(self) -> None:
        fields, cid = self.fields(), self.consent_id
        if not fields["withdrawn_on"]:
            self.form.show_problems([domain.Problem("withdrawn_on", Message.of(values.REQUIRED))])
            return
        self.buttons.setEnabled(False)
        background.run_task(lambda: self.store.write(lambda tx: tx.update("consents", cid, fields)),
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
