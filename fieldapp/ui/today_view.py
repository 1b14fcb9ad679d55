"""Today and this week: visits, assessments and plan actions due, overdue first; one click starts the work."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldapp.store import queries
from fieldapp.store.database import Store
from fieldapp.store.errors import StoreError
from fieldapp.ui import background, text
from fieldapp.ui.icons import icon

Index = QModelIndex | QPersistentModelIndex
COL_DUE, COL_WHAT, COL_FAMILY, COL_CASE, COL_ACTION = range(5)
ItemRole = Qt.ItemDataRole.UserRole + 1
ALERT = QColor("#b71c1c")
LINK = QColor("#0d47a1")


class TodayModel(QAbstractTableModel):
    """What is due by the end of the coming week, overdue included, earliest first."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.items: list[queries.DueItem] = []
        self.today = dt.date.today()

    def set_items(self, items: list[queries.DueItem], today: dt.date) -> None:
        self.beginResetModel()
        self.items, self.today = items, today
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 5:
            return (self.tr("Due"), self.tr("What"), self.tr("Family"), self.tr("Case number"), "")[section]
        return None

    def when(self, item: queries.DueItem) -> str:
        days = (item.due - self.today).days
        if days < 0:
            return self.tr("overdue by %n day(s)", "", -days)
        if days == 0:
            return self.tr("today")
        if days == 1:
            return self.tr("tomorrow")
        return text.date(item.due)

    def what(self, item: queries.DueItem) -> str:
        if item.kind == "visit":
            return self.tr("Visit")
        if item.kind == "assessment":
            return self.tr("Needs assessment (5 working days)")
        return self.tr("Plan action: %1").replace("%1", item.detail)

    def action(self, item: queries.DueItem) -> str:
        return self.tr("Start assessment") if item.kind == "assessment" else self.tr("Record a visit")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        col = index.column()
        overdue = item.overdue(self.today)
        if role == ItemRole:
            return item
        if role == Qt.ItemDataRole.DisplayRole:
            return (self.when(item), self.what(item), item.family_name, item.case_number,
                    "▶ " + self.action(item))[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            return text.date(item.due) if col == COL_DUE else (self.what(item) if col == COL_WHAT else None)
        if role == Qt.ItemDataRole.DecorationRole and col == COL_DUE and overdue:
            return icon("overdue")
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == COL_ACTION:
                return QBrush(LINK)
            if col == COL_DUE and overdue:
                return QBrush(ALERT)
        if role == Qt.ItemDataRole.FontRole and col == COL_ACTION:
            font = QFont()
            font.setUnderline(True)
            return font
        return None


class TodayView(QWidget):
    """Emits `start(item)` on a click in the last column or Enter; `open_household(id)` on a double click."""

    start = Signal(object)
    open_household = Signal(str)

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.model = TodayModel(self)
        self.summary = QLabel()
        self.summary.setObjectName("todaySummary")
        self.summary.setWordWrap(True)
        self.table = QTableView()
        self.table.setObjectName("today")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        for col, width in ((COL_DUE, 240), (COL_FAMILY, 170), (COL_CASE, 150), (COL_ACTION, 210)):
            header.resizeSection(col, width)
        header.setSectionResizeMode(COL_WHAT, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.table.clicked.connect(self._clicked)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.installEventFilter(self)
        self.kinds: dict[str, QCheckBox] = {}
        for kind, label in (("visit", self.tr("Visits")), ("assessment", self.tr("Assessments")),
                            ("action", self.tr("Plan actions"))):
            box = QCheckBox(label)
            box.setObjectName(f"show_{kind}")
            box.setChecked(True)
            box.toggled.connect(self._show_items)
            self.kinds[kind] = box
        self.all_items: list[queries.DueItem] = []
        self.today = dt.date.today()
        self.empty = QLabel(self.tr("Nothing is due this week. Well done."))
        self.empty.setObjectName("todayEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        for box in self.kinds.values():
            top.addWidget(box)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        self.loaded = False  # once the first answer came
        self.loading = False

    def reload(self, today: dt.date | None = None) -> None:
        """Ask for what is due, off the GUI thread (a second at 10,000 families); shown when it comes."""
        day = today or dt.date.today()
        self.loading = True
        if not self.all_items:
            self.summary.setText(self.tr("Looking for what is due…"))
        background.run_task(lambda: queries.due(self.store, day),
                            lambda items: self._arrived(day, items), self._failed, owner=self)

    def _arrived(self, day: dt.date, items: list[queries.DueItem]) -> None:
        self.today, self.all_items = day, items
        self.loading = False
        for kind, box in self.kinds.items():
            count = sum(1 for i in self.all_items if i.kind == kind)
            box.setText(box.text().split(" (")[0] + f" ({text.number(count)})")
        self._show_items()
        self.loaded = True

    def _failed(self, exc: BaseException) -> None:
        self.loading = False
        self.summary.setText(text.message(exc.message) if isinstance(exc, StoreError)
                             else self.tr("What is due could not be read."))

    def _show_items(self) -> None:
        shown = {kind for kind, box in self.kinds.items() if box.isChecked()}
        items = [i for i in self.all_items if i.kind in shown]
        self.model.set_items(items, self.today)
        overdue = sum(1 for i in items if i.overdue(self.today))
        self.summary.setText(
            self.tr("Due by %1: %2 in all, %3 overdue.")
            .replace("%1", text.date(queries.week_end(self.today)))
            .replace("%2", text.number(len(items))).replace("%3", text.number(overdue))
        )
        self.table.setVisible(bool(items))
        self.empty.setVisible(not items)

    def showEvent(self, event: QEvent) -> None:  # noqa: N802
        if not self.loaded and not self.loading:
            self.reload()
        super().showEvent(event)

    def _clicked(self, index: QModelIndex) -> None:
        if index.column() == COL_ACTION:
            self.start.emit(self.model.items[index.row()])

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.column() != COL_ACTION:
            self.open_household.emit(self.model.items[index.row()].household_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # type: ignore[attr-defined]
                index = self.table.currentIndex()
                if index.isValid():
                    self.start.emit(self.model.items[index.row()])
                    return True
        return super().eventFilter(watched, event)
