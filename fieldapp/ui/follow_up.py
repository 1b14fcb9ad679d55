"""Follow up from Today: a referral's status (accepted, refused with the reason, completed) and a
closed family's follow-up. Each dialog writes off the GUI thread and emits `saved(record)`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from casework.enums import enumeration
from fieldapp.store.database import Store, Transaction
from fieldapp.ui import text
from fieldapp.ui.action_status import date_editor, editor_day
from fieldapp.ui.write_dialog import WriteDialog


class ReferralStatusDialog(WriteDialog):
    """Where a referral stands now, since when, and (while it is open) when to follow it up next."""

    def __init__(self, store: Store, referral: dict[str, Any], *, today: dt.date | None = None,
                 parent: QWidget | None = None):
        self.referral = referral
        self.today = today or dt.date.today()
        super().__init__(store, self.tr("Follow up the referral"),
                         self.tr("Referral to %1").replace("%1", str(referral.get("agency") or "")), parent,
                         collection="referrals")
        self.setObjectName("referralStatus")
        self.status = QComboBox()
        self.status.setObjectName("status")
        for item in enumeration("referral_statuses").items:
            self.status.addItem(item.label(text.lang()), item.code)
        self.status.setCurrentIndex(max(0, self.status.findData(referral.get("status") or "sent")))
        self.form.add("status", self.tr("Status"), self.status)
        self.status_on = date_editor(self.today, not_future=True)
        self.status_on.setObjectName("status_on")
        self.form.add("status_on", self.tr("Since"), self.status_on)
        self.refusal = QPlainTextEdit()
        self.refusal.setObjectName("refusal_reason")
        self.refusal.setFixedHeight(60)
        self.form.add("refusal_reason", self.tr("Why it was refused"), self.refusal)
        self.follow_up_on = date_editor(self.today + dt.timedelta(days=14), not_future=False)
        self.follow_up_on.setObjectName("follow_up_on")
        self.form.add("follow_up_on", self.tr("Follow up again on"), self.follow_up_on)
        self.status.currentIndexChanged.connect(self._status_changed)
        self._status_changed()

    def _status_changed(self) -> None:
        status = self.status.currentData()
        self.show_row(self.refusal, status == "refused")
        self.require(self.refusal, status == "refused")  # validation asks for the reason then
        self.show_row(self.follow_up_on, status in ("sent", "accepted"))

    def changes(self) -> dict[str, Any]:
        status = self.status.currentData()
        on = editor_day(self.status_on)
        reason = self.refusal.toPlainText().strip() if status == "refused" else ""
        changes: dict[str, Any] = {"status": status, "status_on": on.isoformat() if on else None,
                                   "refusal_reason": reason or None}
        if status in ("sent", "accepted"):
            nxt = editor_day(self.follow_up_on)
            changes["follow_up_on"] = nxt.isoformat() if nxt else None
        return changes

    def change(self) -> Callable[[Transaction], dict[str, Any]]:
        changes, rid = self.changes(), self.referral["id"]
        return lambda tx: tx.update("referrals", rid, changes)


class FollowUpDialog(WriteDialog):
    """A closed family's follow-up done: the date (the family may then leave the laptop)."""

    def __init__(self, store: Store, household_id: str, family: str, *, today: dt.date | None = None,
                 parent: QWidget | None = None):
        self.household_id = household_id
        self.today = today or dt.date.today()
        super().__init__(store, self.tr("Follow-up after closure"),
                         self.tr("Follow-up of the %1 family after the case was closed").replace("%1", family),
                         parent)
        self.setObjectName("followUp")
        self.done_on = date_editor(self.today, not_future=True)
        self.done_on.setObjectName("follow_up_done_on")
        self.form.add("follow_up_done_on", self.tr("Follow-up done on"), self.done_on, required=True)
        hint = QLabel(self.tr("Record the visit or call itself in the family's file if there is anything to note."))
        hint.setWordWrap(True)
        self.form.addRow(hint)

    def save(self) -> None:
        if editor_day(self.done_on) is None:
            self.form.errors["follow_up_done_on"].setText(self.tr("Give the date the follow-up was done."))
            self.form.errors["follow_up_done_on"].show()
            return
        super().save()

    def change(self) -> Callable[[Transaction], dict[str, Any]]:
        day, hid = editor_day(self.done_on), self.household_id
        return lambda tx: tx.update("households", hid, {"follow_up_done_on": day.isoformat() if day else None})
