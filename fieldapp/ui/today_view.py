"""Today and this week, as a planner: what is due, grouped by day (overdue first), each item with
the one action that fits it a click away; an item leaves the list when it is done."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldapp.store import due_list, queries
from fieldapp.store.database import Store
from fieldapp.store.errors import StoreError
from fieldapp.ui import background, text, text_size
from fieldapp.ui.action_status import ActionRef, ActionStatusDialog
from fieldapp.ui.follow_up import FollowUpDialog, ReferralStatusDialog
from fieldapp.ui.safety import starts as safety_starts
from fieldapp.ui.today_model import (  # the model's names are read here too (tests, scripts)
    COL_ACTION,
    COL_DUE,
    COL_FAMILY,
    COL_MORE,
    COL_PLACE,
    COL_WHAT,
    COLUMNS,
    Group,
    TodayModel,
)


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
            header.resizeSection(col, max(text_size.scaled(width), self._link_width(col)))
        header.setSectionResizeMode(COL_WHAT, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.table.setSortingEnabled(True)
        header.setSortIndicator(COL_DUE, Qt.SortOrder.AscendingOrder)
        self.model.modelReset.connect(self._span_groups)
        self.model.layoutChanged.connect(self._span_groups)
        self.model.rowsInserted.connect(self._span_fetched)
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
        self.counts: due_list.DueSummary | None = None  # what the last read found
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

    def _link_width(self, col: int) -> int:
        # The widest label of the column in this language, with the cell's margins (the uk «▶ Позначити
        # виконаним…» was cut to an ellipsis at a fixed 205 px).
        if col not in (COL_ACTION, COL_MORE):
            return 0
        font = self.table.font()
        font.setUnderline(True)
        metrics = QFontMetrics(font)
        margin = 2 * (self.table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.table) + 1)
        return max(metrics.horizontalAdvance(label) for label in self.model.link_texts(col)) + margin + 8

    def reload(self, today: dt.date | None = None) -> None:
        """Ask for what is due (the counts per day and the notices), off the GUI thread; shown when it
        comes, its rows read a page at a time as the list scrolls."""
        day = today or dt.date.today()
        self.loading = True
        if self.counts is None:
            self.summary.setText(self.tr("Looking for what is due…"))
        background.run_task(lambda: due_list.summary(self.store, day),
                            lambda found: self._arrived(day, found), self._failed, owner=self)

    def _arrived(self, day: dt.date, found: due_list.DueSummary) -> None:
        self.today, self.counts = day, found
        self.loading = False
        for kind, box in self.kinds.items():
            box.setText(f"{self.labels[kind]} ({text.number(found.kind_count(kind))})")
        self._show_items()
        self.loaded = True

    def _failed(self, exc: BaseException) -> None:
        self.loading = False
        self.summary.setText(text.message(exc.message) if isinstance(exc, StoreError)
                             else self.tr("What is due could not be read."))

    def _show_items(self) -> None:
        found = self.counts
        if found is None:
            return
        shown = {kind for kind, box in self.kinds.items() if box.isChecked()}
        until = found.until
        self.model.set_source(found, shown, lambda offset, limit: due_list.page(self.store, until, shown, offset, limit))
        listed, overdue = self.model.counted()
        self.summary.setText(
            self.tr("Due by %1: %2 in all, %3 overdue.")
            .replace("%1", text.date(until))
            .replace("%2", text.number(listed)).replace("%3", text.number(overdue))
        )
        self.table.setVisible(bool(listed))
        self.empty.setVisible(not listed)

    def _span_groups(self) -> None:
        self.table.clearSpans()
        self._span_fetched(QModelIndex(), 0, self.model.rowCount() - 1)

    def _span_fetched(self, _parent: QModelIndex, first: int, last: int) -> None:
        rows = self.model.loaded_rows
        for row in range(first, last + 1):
            if isinstance(rows[row], Group):
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
