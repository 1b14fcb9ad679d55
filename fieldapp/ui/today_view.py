"""Today and this week, as a planner: what is due, grouped by day (overdue first), each item with
the one action that fits it a click away; an item leaves the list when it is done."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QLocale,
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
    QDialog,
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
from fieldapp.ui import background, text, text_size
from fieldapp.ui.action_status import ActionRef, ActionStatusDialog
from fieldapp.ui.follow_up import FollowUpDialog, ReferralStatusDialog
from fieldapp.ui.icons import icon
from fieldapp.ui.safety import starts as safety_starts
from fieldapp.ui.safety import texts as safety_texts

Index = QModelIndex | QPersistentModelIndex
COL_DUE, COL_WHAT, COL_PLACE, COL_FAMILY, COL_ACTION, COL_MORE = range(6)
COLUMNS = 6
ItemRole = Qt.ItemDataRole.UserRole + 1
ALERT = QColor("#b71c1c")
LINK = QColor("#0d47a1")
GROUP_BACK = QColor("#e8eaf0")


def weekday(day: dt.date) -> str:
    """The day of the week as the program's language names it."""
    name = QLocale(QLocale.Language.Ukrainian if text.lang() == "uk" else QLocale.Language.English).dayName(
        day.isoweekday(), QLocale.FormatType.LongFormat)
    return name[:1].upper() + name[1:]


@dataclass(frozen=True)
class Group:
    """A day's heading row: `day` None for everything overdue."""

    day: dt.date | None
    count: int


class TodayModel(QAbstractTableModel):
    """What is due by the end of the coming week: a heading row per day, overdue first; sortable within a day."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.items: list[queries.DueItem] = []
        self.rows: list[Group | queries.DueItem] = []
        self.today = dt.date.today()
        self.sort_column, self.sort_order = COL_DUE, Qt.SortOrder.AscendingOrder

    def set_items(self, items: list[queries.DueItem], today: dt.date) -> None:
        self.beginResetModel()
        self.items, self.today = items, today
        self.rows = self._grouped()
        self.endResetModel()

    def _key(self, item: queries.DueItem) -> Any:
        col = self.sort_column
        if col == COL_WHAT:
            return (queries.KINDS.index(item.kind), item.detail.casefold())
        if col == COL_PLACE:
            return (self.place(item).casefold(), item.due)
        if col == COL_FAMILY:
            return ((item.head or item.family_name).casefold(), item.due)
        # A safety concern's notices lead their group, however old the rest is (a concern never waits).
        return (item.kind != "notice", item.due, queries.KINDS.index(item.kind), item.case_number)

    def _grouped(self) -> list[Group | queries.DueItem]:
        days: dict[dt.date | None, list[queries.DueItem]] = {}
        for item in self.items:
            days.setdefault(None if item.overdue(self.today) else item.due, []).append(item)
        rows: list[Group | queries.DueItem] = []
        for day in sorted(days, key=lambda d: d or dt.date.min):
            group = sorted(days[day], key=self._key, reverse=self.sort_order == Qt.SortOrder.DescendingOrder)
            rows.append(Group(day, len(group)))
            rows.extend(group)
        return rows

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort within each day (the days stay in order): by date, kind, settlement or family."""
        if column in (COL_ACTION, COL_MORE):
            return
        self.layoutAboutToBeChanged.emit()
        self.sort_column, self.sort_order = column, order
        self.rows = self._grouped()
        self.layoutChanged.emit()

    def item(self, row: int) -> queries.DueItem | None:
        entry = self.rows[row] if 0 <= row < len(self.rows) else None
        return entry if isinstance(entry, queries.DueItem) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < COLUMNS:
            return (self.tr("Due"), self.tr("What"), self.tr("Settlement"), self.tr("Family"), "", "")[section]
        return None

    def heading(self, group: Group) -> str:
        count = text.number(group.count)
        if group.day is None:
            return self.tr("Overdue: %1").replace("%1", count)
        day = text.date(group.day)
        if group.day == self.today:
            label = self.tr("Today, %1").replace("%1", day)
        elif group.day == self.today + dt.timedelta(days=1):
            label = self.tr("Tomorrow, %1").replace("%1", day)
        else:
            label = weekday(group.day) + ", " + day
        return label + " · " + count

    def when(self, item: queries.DueItem) -> str:
        if item.kind == "notice" and item.due_at is not None:  # by the hour (fieldapp/ui/safety)
            return safety_texts.due_in(item.due_at, safety_texts.now())
        days = (item.due - self.today).days
        if days < 0:
            return self.tr("overdue by %n day(s)", "", -days)
        return text.date(item.due)

    def what(self, item: queries.DueItem) -> str:
        if item.kind == "notice":
            return self.tr("Safety concern: notices to %1").replace(
                "%1", safety_texts.recipients(item.detail.split(",")))
        if item.kind == "visit":
            return self.tr("First visit") if item.first else self.tr("Visit")
        if item.kind == "assessment":
            return self.tr("Needs assessment (5 working days from receipt)")
        if item.kind == "action":
            label = self.tr("Plan action: %1").replace("%1", item.detail)
            if item.status in ("in_progress", "postponed"):
                label += " (" + text.enum_label("action_statuses", item.status) + ")"
            return label
        if item.kind == "referral":
            return self.tr("Referral follow-up: %1").replace("%1", item.detail)
        return self.tr("Follow-up after closure")

    @staticmethod
    def place(item: queries.DueItem) -> str:
        return text.place(item.settlement).split(",")[0]

    def family(self, item: queries.DueItem) -> str:
        head = item.head or item.family_name
        if not item.children:
            return head
        kids = ", ".join(f"{name} {text.age_years(born, self.today) or 0}" if born else name
                         for name, born in item.children)
        return self.tr("%1; children: %2").replace("%1", head).replace("%2", kids)

    def action(self, item: queries.DueItem) -> str:
        return {
            "visit": self.tr("Record the visit"),
            "assessment": self.tr("Start the assessment"),
            "action": self.tr("Mark done…"),
            "referral": self.tr("Follow up…"),
            "follow_up": self.tr("Record the follow-up…"),
            "notice": self.tr("Record a notice…"),
        }[item.kind]

    def more(self, item: queries.DueItem) -> str:
        if item.kind == "action":
            return self.tr("Postpone…")
        if item.kind == "referral":
            return self.tr("Open")
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        entry = self.rows[index.row()]
        col = index.column()
        if isinstance(entry, Group):
            return self._group_data(entry, col, role)
        item = entry
        overdue = item.overdue(self.today)
        if role == ItemRole:
            return item
        if role == Qt.ItemDataRole.DisplayRole:
            return (self.when(item), self.what(item), self.place(item), self.family(item),
                    "▶ " + self.action(item), self.more(item))[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_DUE:
                return text.date(item.due)
            if col == COL_WHAT:
                return self.what(item)
            if col == COL_PLACE:
                return text.place(item.settlement)
            if col == COL_FAMILY:
                return self.family(item) + "\n" + item.case_number
            return None
        if role == Qt.ItemDataRole.DecorationRole and col == COL_DUE and overdue:
            return icon("overdue")
        if role == Qt.ItemDataRole.ForegroundRole:
            if col in (COL_ACTION, COL_MORE):
                return QBrush(LINK)
            if col == COL_DUE and overdue:
                return QBrush(ALERT)
        if role == Qt.ItemDataRole.FontRole and col in (COL_ACTION, COL_MORE):
            font = QFont()
            font.setUnderline(True)
            return font
        return None

    def _group_data(self, group: Group, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and col == 0:
            return self.heading(group)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(GROUP_BACK)
        if role == Qt.ItemDataRole.ForegroundRole and group.day is None:
            return QBrush(ALERT)
        return None


class TodayView(QWidget):
    """Emits `start(item)` to record a visit, start an assessment or open a referral (the main window
    opens the form); `open_household(id)` on a double click; `changed(id)` after a dialog here saved."""

    start = Signal(object)
    open_household = Signal(str)
    changed = Signal(str)

    def __init__(self, store: Store, parent: QWidget | None = None):
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
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        text_size.fit_rows(self.table)  # rows grow with the text size (text_size.py)
        header = self.table.horizontalHeader()
        for col, width in ((COL_DUE, 185), (COL_PLACE, 150), (COL_FAMILY, 300), (COL_ACTION, 205), (COL_MORE, 100)):
            header.resizeSection(col, text_size.scaled(width))
        header.setSectionResizeMode(COL_WHAT, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.table.setSortingEnabled(True)
        header.setSortIndicator(COL_DUE, Qt.SortOrder.AscendingOrder)
        self.model.modelReset.connect(self._span_groups)
        self.model.layoutChanged.connect(self._span_groups)
        self.table.clicked.connect(self._clicked)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.installEventFilter(self)
        self.kinds: dict[str, QCheckBox] = {}
        self.labels = {"notice": self.tr("Safety notices"), "visit": self.tr("Visits"), "assessment": self.tr("Assessments"),
                       "action": self.tr("Plan actions"), "referral": self.tr("Referrals"),
                       "follow_up": self.tr("Follow-ups")}
        for kind, label in self.labels.items():
            box = QCheckBox(label)
            box.setObjectName(f"show_{kind}")
            box.setChecked(True)
            box.toggled.connect(self._show_items)
            self.kinds[kind] = box
        self.all_items: list[queries.DueItem] = []
        self.today = dt.date.today()
        self.dialog: QDialog | None = None  # the status dialog open from here, if any
        self.empty = QLabel(self.tr("Nothing is due this week. Well done."))
        self.empty.setObjectName("todayEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        boxes = QHBoxLayout()
        for box in self.kinds.values():
            boxes.addWidget(box)
        boxes.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(boxes)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        self.loaded = False  # once the first answer came
        self.loading = False

    def reload(self, today: dt.date | None = None) -> None:
        """Ask for what is due, off the GUI thread; shown when it comes."""
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
            box.setText(f"{self.labels[kind]} ({text.number(count)})")
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

    def _span_groups(self) -> None:
        self.table.clearSpans()
        for row, entry in enumerate(self.model.rows):
            if isinstance(entry, Group):
                self.table.setSpan(row, 0, 1, COLUMNS)

    def showEvent(self, event: QEvent) -> None:  # noqa: N802
        if not self.loaded and not self.loading:
            self.reload()
        super().showEvent(event)

    # -- the one click ----------------------------------------------------------------------

    def act(self, item: queries.DueItem, *, more: bool = False) -> QDialog | None:
        """Do what fits the item: its main action, or (`more`) the second one (postpone, open)."""
        if item.kind in ("visit", "assessment") or (item.kind == "referral" and more):
            self.start.emit(item)
            return None
        if item.kind == "notice":
            notice = safety_starts.new_notice(self, self.store, item.household_id, item.record_id,
                                              item.detail.split(",")[0] or None)
            notice.saved.connect(lambda _record: self._saved(item.household_id))
            self.dialog = notice
            notice.open()
            return notice
        if item.kind == "action":
            ref = ActionRef(item.household_id, item.record_id, item.action_id, item.detail)
            dialog: QDialog = ActionStatusDialog(self.store, ref, "postponed" if more else "done",
                                                 today=self.today, parent=self)
        elif item.kind == "referral":
            referral = self.store.get("referrals", item.record_id)
            if referral is None:
                self.reload()
                return None
            dialog = ReferralStatusDialog(self.store, referral, today=self.today, parent=self)
        else:
            dialog = FollowUpDialog(self.store, item.household_id, item.family_name, today=self.today, parent=self)
        dialog.saved.connect(lambda _record: self._saved(item.household_id))  # type: ignore[attr-defined]
        self.dialog = dialog
        dialog.open()
        return dialog

    def _saved(self, household_id: str) -> None:
        self.reload(self.today)
        self.changed.emit(household_id)

    def _clicked(self, index: QModelIndex) -> None:
        item = self.model.item(index.row())
        if item is None:
            return
        if index.column() == COL_ACTION:
            self.act(item)
        elif index.column() == COL_MORE and self.model.more(item):
            self.act(item, more=True)

    def _double_clicked(self, index: QModelIndex) -> None:
        item = self.model.item(index.row())
        if item is not None and index.column() not in (COL_ACTION, COL_MORE):
            self.open_household.emit(item.household_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # type: ignore[attr-defined]
                item = self.model.item(self.table.currentIndex().row())
                if item is not None:
                    self.act(item)
                    return True
        return super().eventFilter(watched, event)
