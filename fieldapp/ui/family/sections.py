"""The family file's case sections: the plan with its actions' status, and lists of referrals,
services delivered, consents and protected details, each with what can be done from it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.ui import text
from fieldapp.ui.family.case import ActionState

DONE = QColor("#1b5e20")
LATE = QColor("#b71c1c")
Row = tuple[str, Sequence[str]]  # a record id, the texts of its columns


def _table(headers: Sequence[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.setAlternatingRowColors(True)
    table.setWordWrap(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0 if len(headers) < 3 else 1, QHeaderView.ResizeMode.Stretch)
    return table


def _button(label: str, name: str, slot: Callable[[], None]) -> QPushButton:
    button = QPushButton(label)
    button.setObjectName(name)
    button.clicked.connect(slot)
    return button


class RecordList(QWidget):
    """Records of one kind as a table; double-click (or Open) opens one; buttons beside."""

    open_record = Signal(str)

    def __init__(self, headers: Sequence[str], name: str, empty: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ids: list[str] = []
        self.table = _table(headers, name)
        self.table.doubleClicked.connect(lambda index: self._open(index.row()))
        self.empty = QLabel(empty)
        self.empty.setWordWrap(True)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(self.buttons)

    def add_button(self, button: QPushButton) -> QPushButton:
        self.buttons.addWidget(button)
        return button

    def set_rows(self, rows: Sequence[Row], colours: Sequence[QColor | None] = ()) -> None:
        self.ids = [rid for rid, _ in rows]
        self.table.setRowCount(len(rows))
        for r, (_, cells) in enumerate(rows):
            for c, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if r < len(colours) and colours[r] is not None:
                    item.setForeground(QBrush(colours[r]))
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))

    def selected_id(self) -> str | None:
        row = self.table.currentRow()
        return self.ids[row] if 0 <= row < len(self.ids) else None

    def _open(self, row: int) -> None:
        if 0 <= row < len(self.ids):
            self.open_record.emit(self.ids[row])


class PlanPanel(QWidget):
    """The current plan: its version, term and review, and each action with its status."""

    new_plan = Signal()
    open_plan = Signal(str)
    revise_plan = Signal(str)
    set_status = Signal(object)  # ActionState

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.plan: dict[str, Any] | None = None
        self.states: list[ActionState] = []
        self.summary = QLabel()
        self.summary.setObjectName("planSummary")
        self.summary.setWordWrap(True)
        self.actions = RecordList((self.tr("Deadline"), self.tr("Action"), self.tr("Who is responsible"),
                                   self.tr("Status")), "planActions",
                                  self.tr("No plan yet. Draw it up after the needs assessment."))
        self.actions.open_record.connect(lambda _aid: self._set_status())
        self.actions.table.itemSelectionChanged.connect(self._selection)
        self.status_button = self.actions.add_button(
            _button(self.tr("Set the status…"), "setActionStatus", self._set_status))
        self.open_button = self.actions.add_button(
            _button(self.tr("Open the plan"), "openPlan", lambda: self.plan and self.open_plan.emit(self.plan["id"])))
        self.revise_button = self.actions.add_button(
            _button(self.tr("Revise the plan…"), "revisePlan",
                    lambda: self.plan and self.revise_plan.emit(self.plan["id"])))
        self.new_button = self.actions.add_button(_button(self.tr("Draw up a plan…"), "newPlan", self.new_plan.emit))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.actions, 1)

    def show_plan(self, plan: dict[str, Any] | None, states: list[ActionState], today_iso: str) -> None:
        self.plan, self.states = plan, states
        review = {"draft": self.tr("not submitted"), "submitted": self.tr("submitted for review"),
                  "approved": self.tr("approved"), "returned": self.tr("returned for correction")}
        if plan is None:
            self.summary.setText("")
        else:
            term = self.tr("support %1 – %2").replace("%1", text.date(plan.get("term_from"))).replace(
                "%2", text.date((plan.get("extensions") or [{}])[-1].get("until") or plan.get("term_until")))
            self.summary.setText(" · ".join(x for x in (
                self.tr("Version %1 of %2").replace("%1", str(plan.get("plan_version") or 1)).replace(
                    "%2", text.date(plan.get("drawn_up_on"))),
                term, review.get(plan.get("review_status") or "", "")) if x))
        rows, colours = [], []
        for s in states:
            due = s.postponed_to if s.status == "postponed" and s.postponed_to else s.action.get("due")
            status = text.enum_label("action_statuses", s.status)
            if s.on and s.status != "planned":
                status += " " + self.tr("(%1)").replace("%1", text.date(s.on))
            rows.append((s.id, (text.date(due), str(s.action.get("text", "")), str(s.action.get("responsible", "")),
                                status)))
            colours.append(DONE if s.finished else LATE if due and str(due) < today_iso else None)
        self.actions.set_rows(rows, colours)
        if plan is not None and not states:
            self.actions.empty.setText(self.tr("The plan has no actions."))
        approved = plan is not None and plan.get("review_status") == "approved"
        self.open_button.setVisible(plan is not None)
        self.revise_button.setVisible(approved)
        self.new_button.setVisible(plan is None)
        self._selection()

    def _selection(self) -> None:
        self.status_button.setEnabled(self.actions.selected_id() is not None)

    def select_action(self, action_id: str) -> None:
        if action_id in self.actions.ids:
            self.actions.table.selectRow(self.actions.ids.index(action_id))

    def _set_status(self) -> None:
        aid = self.actions.selected_id()
        state = next((s for s in self.states if s.id == aid), None)
        if state is not None:
            self.set_status.emit(state)
