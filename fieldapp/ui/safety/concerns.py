"""Concerns first: the notice clocks of every family on this laptop, the most urgent on top.

Shown above the supervisor's review queue and team overview: each row is a family with a concern
still waiting for its statutory notices, or identified in the last week, with the time left, how
long the notices are overdue (in red once the day has passed), or that all were given.
A double click opens the family.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casework import safety
from fieldapp.store import safety as safety_store
from fieldapp.store.database import Store
from fieldapp.ui import text
from fieldapp.ui.safety import texts


class ConcernsBox(QWidget):
    """The laptop's open concerns; hidden when there is none. `open_household(id)` on a double click."""

    open_household = Signal(str)

    def __init__(self, store: Store, parent: QWidget | None = None, *,
                 now: Callable[[], dt.datetime] = texts.now):
        super().__init__(parent)
        self.store, self.now = store, now
        self.clocks: list[safety.Clock] = []
        self.title = QLabel()
        self.title.setObjectName("concernsTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("concerns")
        self.table.setHorizontalHeaderLabels([self.tr("Family"), self.tr("Identified"), self.tr("Notices")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.cellDoubleClicked.connect(self._open)
        self.table.cellActivated.connect(self._open)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table)
        self.reload()

    def reload(self) -> None:
        now = self.now()
        self.clocks = safety_store.recent_clocks(self.store, now)
        overdue = sum(1 for c in self.clocks if c.overdue(now))
        waiting = sum(1 for c in self.clocks if not c.complete)
        self.title.setText(self.tr("Safety concerns: %1 (waiting for notices: %2, overdue: %3)")
                           .replace("%1", text.number(len(self.clocks))).replace("%2", text.number(waiting))
                           .replace("%3", text.number(overdue)))
        self.title.setStyleSheet(f"color: {texts.ALERT.name()};" if overdue else "")
        self.table.setRowCount(len(self.clocks))
        bold = QFont()
        bold.setBold(True)
        for row, c in enumerate(self.clocks):
            h = self.store.get("households", c.household_id) or {}
            cells = (" · ".join(x for x in (str(h.get("case_number") or ""), str(h.get("family_name") or "")) if x),
                     text.datetime(c.started_at.isoformat()), texts.clock_state(c, now))
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                item.setForeground(QBrush(texts.colour(c, now)))
                if c.overdue(now):
                    item.setFont(bold)
                self.table.setItem(row, col, item)
        self.table.resizeRowsToContents()
        shown = sum(self.table.rowHeight(r) for r in range(min(len(self.clocks), 5)))  # up to five rows, then a scroll
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height() + shown
                                  + 2 * self.table.frameWidth())
        self.setVisible(bool(self.clocks))

    def rows(self) -> list[tuple[str, str]]:
        """(household id, what the notices column says) per row, top first: what a person reads."""
        return [(c.household_id, self.table.item(r, 2).text()) for r, c in enumerate(self.clocks)]

    def _open(self, row: int, _col: int) -> None:
        if 0 <= row < len(self.clocks):
            self.open_household.emit(self.clocks[row].household_id)
