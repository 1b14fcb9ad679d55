"""For the caseworker: records the supervisor returned, each with the comment saying what to correct."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from fieldapp.store.database import Store
from fieldapp.store.handover import handed_to
from fieldapp.store.review import ReviewItem, returned
from fieldapp.sync.device import enrolled_user
from fieldapp.ui import text
from fieldapp.ui.sync.issues import collection_label

ItemRole = Qt.ItemDataRole.UserRole + 1
HANDOVER_DAYS = 30  # how long a handover note stays on top of the Returned tab
FORM_OF = {"visits": "home_visit", "assessments": "needs_assessment", "plans": "case_plan",
           "households": "case_closure"}


class ReturnedView(QWidget):
    open_record = Signal(str, str, str)  # household id, form id, record id

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        intro = QLabel(self.tr("Your supervisor returned these for correction. Open one, correct it and "
                               "submit it again."))
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("returnedList")
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(self._open)
        self.handed = QLabel()  # families handed to this caseworker in the last weeks, with the notes
        self.handed.setObjectName("handedOver")
        self.handed.setWordWrap(True)
        self.handed.setTextFormat(Qt.TextFormat.RichText)
        self.empty = QLabel(self.tr("Nothing was returned to you."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setObjectName("nothingReturned")
        layout = QVBoxLayout(self)
        layout.addWidget(self.handed)
        layout.addWidget(intro)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        self.reload()

    def reload(self) -> None:
        self._handed()
        self.list.clear()
        items = returned(self.store)
        for it in items:
            comment = it.comment or self.tr("(no comment)")
            entry = QListWidgetItem(f"{collection_label(it.collection)} — {it.family_name} ({it.case_number}), "
                                    f"{text.date(it.date)}\n    “{comment}”")
            entry.setData(ItemRole, it)
            entry.setToolTip(html.escape(comment))
            self.list.addItem(entry)
        self.empty.setVisible(not items)
        self.list.setVisible(bool(items))

    def _handed(self) -> None:
        me = enrolled_user(self.store).get("id")
        families = handed_to(self.store, me, dt.date.today() - dt.timedelta(days=HANDOVER_DAYS))
        if not families:
            self.handed.hide()
            return
        e = html.escape
        heading = self.tr("Families handed to you, with the note from the handover")
        lines = "".join(f"<li><b>{e(name)} ({e(number)})</b>: {e(note)}</li>" for _hid, name, number, note in families)
        self.handed.setText(f"<p><b>{e(heading)}</b></p><ul>{lines}</ul>")
        self.handed.show()

    def count(self) -> int:
        return self.list.count()

    def _open(self, entry: QListWidgetItem) -> None:
        it: ReviewItem = entry.data(ItemRole)
        self.open_record.emit(it.household_id, FORM_OF[it.collection], it.record_id)
