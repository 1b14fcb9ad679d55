"""Withdraw a consent: the date and a note, written onto the consent record (its history stays)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QPlainTextEdit,
    QWidget,
)

from casework import records as domain
from casework import values
from casework.i18n import Message
from fieldapp.store.database import Store, Transaction
from fieldapp.ui import text
from fieldapp.ui.date_edit import DateEdit
from fieldapp.ui.write_dialog import WriteDialog


class WithdrawConsentDialog(WriteDialog):
    """The person withdraws a consent: on which day, and a note; `saved(record)` once written."""

    def __init__(self, store: Store, consent: dict[str, Any], *, today: dt.date | None = None,
                 parent: QWidget | None = None):
        super().__init__(store, self.tr("Withdraw a consent"),
                         text.enum_label("consent_purposes", consent.get("purpose")) + " — "
                         + self.tr("given on %1").replace("%1", text.date(consent.get("given_on"))),
                         parent, bold_heading=False)
        self.consent_id = consent["id"]
        self.setObjectName("withdrawConsent")
        self.setMinimumWidth(480)
        self.heading.setObjectName("consentText")
        self.on = DateEdit((today or dt.date.today()).isoformat(), kind="past", name="withdrawn_on")
        self.form.add("withdrawn_on", self.tr("Date withdrawn"), self.on, required=True)
        self.note = QPlainTextEdit()
        self.note.setObjectName("withdrawal_note")
        self.note.setFixedHeight(80)
        self.note.setPlaceholderText(self.tr("Who withdrew it and how (in writing, by phone…)"))
        self.form.add("withdrawal_note", self.tr("Note"), self.note)

    def fields(self) -> dict[str, Any]:
        note = self.note.toPlainText().strip()
        return {"withdrawn_on": self.on.value(), "withdrawal_note": note or None}

    def save(self) -> None:
        if not self.fields()["withdrawn_on"]:
            self.form.show_problems([domain.Problem("withdrawn_on", Message.of(values.REQUIRED))])
            return
        super().save()

    def change(self) -> Callable[[Transaction], dict[str, Any]]:
        fields, cid = self.fields(), self.consent_id
        return lambda tx: tx.update("consents", cid, fields)
