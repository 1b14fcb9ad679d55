"""The review queue's bar: which list (waiting, returned and waiting for a fix, approved), the
filters (caseworker, record type, safety concern, age of the item) and the count."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from fieldapp.store.review import ReviewItem
from fieldapp.ui.sync.issues import collection_label

WAITING, RETURNED, APPROVED = "waiting", "returned", "approved"
_KINDS = ("visits", "assessments", "plans", "households")
_AGES = (0, 3, 7, 14, 30)  # "waiting longer than N days"


def item_day(item: ReviewItem) -> dt.date | None:
    """The day an item dates from: when it was returned (the returned list), else its own date."""
    raw = (item.returned_at or item.date)[:10]
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        return None


class QueueBar(QWidget):
    """Emits `changed` when the list or a filter changes; `keep` says which items pass."""

    changed = Signal()
    mode_changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, today: dt.date | None = None):
        super().__init__(parent)
        self.today = today
        self.mode = QComboBox()
        self.mode.setObjectName("queueMode")
        self.mode.addItem(self.tr("Waiting for review"), WAITING)
        self.mode.addItem(self.tr("Returned, waiting for a fix"), RETURNED)
        self.mode.addItem(self.tr("Approved, to reopen one"), APPROVED)
        self.mode.currentIndexChanged.connect(lambda _i: self.mode_changed.emit())
        self.caseworker = QComboBox()
        self.caseworker.setObjectName("filterCaseworker")
        self.kind = QComboBox()
        self.kind.setObjectName("filterKind")
        self.kind.addItem(self.tr("All records"), "")
        for k in _KINDS:
            self.kind.addItem(collection_label(k), k)
        self.concern = QCheckBox(self.tr("Safety concerns only"))
        self.concern.setObjectName("filterConcern")
        self.age = QComboBox()
        self.age.setObjectName("filterAge")
        for days in _AGES:
            self.age.addItem(self.tr("Any age") if not days else self.tr("Older than %n day(s)", "", days), days)
        self.count = QLabel()
        self.count.setObjectName("queueCount")
        self._fill_caseworkers({})
        for combo in (self.caseworker, self.kind, self.age):
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.concern.toggled.connect(lambda _on: self.changed.emit())
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.mode)
        top.addStretch(1)
        top.addWidget(self.count)
        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.caseworker)
        filters.addWidget(self.kind)
        filters.addWidget(self.age)
        filters.addWidget(self.concern)
        filters.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(filters)

    def current_mode(self) -> str:
        return str(self.mode.currentData())

    def _fill_caseworkers(self, people: dict[str, str]) -> None:
        chosen = self.caseworker.currentData()
        self.caseworker.blockSignals(True)
        self.caseworker.clear()
        self.caseworker.addItem(self.tr("All caseworkers"), None)
        for uid, name in sorted(people.items(), key=lambda kv: kv[1]):
            self.caseworker.addItem(name, uid)
        index = self.caseworker.findData(chosen) if chosen is not None else 0
        self.caseworker.setCurrentIndex(max(index, 0))
        self.caseworker.blockSignals(False)

    def offer(self, items: list[ReviewItem], names_of: dict[str, str]) -> None:
        """The caseworkers to choose from: those who have items in the list (the filter kept)."""
        self._fill_caseworkers({i.caseworker_id: names_of.get(i.caseworker_id, "") for i in items})

    def keep(self, items: list[ReviewItem]) -> list[ReviewItem]:
        who, kind, days = self.caseworker.currentData(), self.kind.currentData(), int(self.age.currentData() or 0)
        today = self.today or dt.date.today()
        out = []
        for i in items:
            if who is not None and i.caseworker_id != who:
                continue
            if kind and i.collection != kind:
                continue
            if self.concern.isChecked() and not i.safety_concern:
                continue
            if days and ((day := item_day(i)) is None or (today - day).days <= days):
                continue
            out.append(i)
        return out

    def show_count(self, shown: int, total: int) -> None:
        if shown == total:
            self.count.setText(self.tr("%n record(s)", "", total))
        else:
            self.count.setText(self.tr("%1 of %n record(s) shown", "", total).replace("%1", str(shown)))
