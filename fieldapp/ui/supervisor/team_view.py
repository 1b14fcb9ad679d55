"""The supervisor's team overview: for each caseworker, the numbers that need attention.

Caseload, visits this month, overdue visits, assessments past 5 working
days and open conflicts come from the records on this laptop (the team's, as
synced); each laptop's last contact comes from the server when it can be
reached. Every number opens the list of families behind it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.store.database import Store
from fieldapp.store.errors import StoreError
from fieldapp.store.team import COLUMNS, OUTSIDE, Member, remember_names, team_figures
from fieldapp.ui import background, text
from fieldapp.ui.safety.concerns import ConcernsBox
from fieldapp.ui.supervisor.reassign_dialog import ReassignDialog

FamilyRole = Qt.ItemDataRole.UserRole + 1


class TeamView(QWidget):
    open_household = Signal(str)
    reassigned = Signal()  # families moved to another caseworker: a sync round should follow

    def __init__(self, store: Store, parent: QWidget | None = None, *, today: dt.date | None = None,
                 transport: Any = None):
        super().__init__(parent)
        self.store = store
        self.today = today or dt.date.today()
        self._transport = transport
        self.table = QTableWidget(0, 1 + len(COLUMNS) + 1)
        self.table.setObjectName("teamTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Caseworker"), self.tr("Families"), self.tr("Visits this month"), self.tr("Overdue visits"),
            self.tr("Assessments past 5 working days"), self.tr("Open conflicts"), self.tr("Laptops: last sync"),
        ])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(COLUMNS) + 1, QHeaderView.ResizeMode.Stretch)
        self.table.cellActivated.connect(self._open_cell)
        self.table.cellDoubleClicked.connect(self._open_cell)
        self.note = QLabel(self.tr("Double-click a number to see the families behind it."))
        self.note.setWordWrap(True)
        self.reassign = QPushButton(self.tr("Reassign families…"))
        self.reassign.setObjectName("reassign")
        self.reassign.setToolTip(self.tr("Move one, several or all families of the selected caseworker "
                                         "to another, with a handover note"))
        self.reassign.setEnabled(False)
        self.reassign.clicked.connect(self.open_reassign)
        self.table.itemSelectionChanged.connect(
            lambda: self.reassign.setEnabled(self._selected_member() is not None))
        top = QHBoxLayout()
        top.addWidget(self.note, 1)
        top.addWidget(self.reassign)
        self.concerns = ConcernsBox(store, self)  # child safety first (fieldapp/ui/safety)
        self.concerns.open_household.connect(self.open_household)
        layout = QVBoxLayout(self)
        layout.addWidget(self.concerns)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.members: list[Member] = []
        self.asked = 0  # the latest reload: an older answer that comes late is dropped
        self.reload()

    def reload(self) -> None:
        """Count the team's figures off the GUI thread (they read every record), then ask the server."""
        self.asked += 1
        self.concerns.reload()
        ticket, store, today = self.asked, self.store, self.today
        background.run_task(lambda: team_figures(store, today), lambda figures: self._figures(ticket, figures),
                            self._failed, owner=self)

    def _figures(self, ticket: int, figures: dict[str, Member]) -> None:
        if ticket != self.asked or self.store.closed:  # the records were closed meanwhile
            return
        self.members = sorted(figures.values(), key=lambda m: m.user_id)
        self._fill()
        self._ask_server()

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, StoreError):
            raise exc  # a bug: for the crash report, not for a sentence
        self.note.setText(text.message(exc.message))

    def _fill(self) -> None:
        self.table.setRowCount(len(self.members))
        for row, m in enumerate(self.members):
            name = (self.tr("Changes from outside the team") if m.user_id == OUTSIDE
                    else m.name or (self.tr("(not assigned)") if not m.user_id else m.user_id[:8]))
            self.table.setItem(row, 0, QTableWidgetItem(name))
            for col, key in enumerate(COLUMNS, start=1):
                n = len(set(m.families.get(key, [])))
                cell = QTableWidgetItem(QLocale().toString(n))
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                cell.setData(FamilyRole, (row, key))
                if key in ("overdue", "assessments_late", "conflicts") and n:
                    font = cell.font()
                    font.setBold(True)
                    cell.setFont(font)
                self.table.setItem(row, col, cell)
            self.table.setItem(row, len(COLUMNS) + 1, QTableWidgetItem(m.laptops or self.tr("not known offline")))
        self.table.resizeRowsToContents()

    def _ask_server(self) -> None:
        url, token = self.store.meta("server_url"), self.store.meta("device_token")
        if not url or not token:
            return

        def work() -> list[dict[str, Any]]:
            from fieldapp.sync.device import http_transport

            link = (self._transport or http_transport)(url, token)
            try:
                team: list[dict[str, Any]] = link.team()
            finally:
                link.close()
            remember_names(self.store, team)  # names shown offline too, here and in the review queue
            return team

        ticket = self.asked
        background.run_task(work, lambda team: self._names(ticket, team),
                            lambda exc: None, owner=self)  # offline: the local numbers stay

    def _names(self, ticket: int, team: list[dict[str, Any]]) -> None:
        if ticket != self.asked:
            return
        known = {m.user_id: m for m in self.members}
        for person in team:
            if person.get("role") != "caseworker":
                continue
            m = known.get(person["id"])
            if m is None:
                m = known[person["id"]] = Member(person["id"], "")
                self.members.append(m)
            m.name = person.get("display_name") or person.get("username", "")
            seen = []
            for d in person.get("devices", []):
                if d.get("revoked"):
                    continue
                when = d.get("last_seen_at")
                shown = text.datetime(when) if when else self.tr("never")
                seen.append(f"{d.get('code', '')}: {shown}")
            m.laptops = "; ".join(seen) or self.tr("no laptop")
        self._fill()

    def _selected_member(self) -> Member | None:
        rows = {i.row() for i in self.table.selectedIndexes()}
        if len(rows) != 1:
            return None
        m = self.members[rows.pop()]
        return m if m.user_id and m.user_id != OUTSIDE and m.families.get("caseload") else None

    def open_reassign(self) -> ReassignDialog | None:
        """The reassignment dialog for the selected caseworker's active families."""
        m = self._selected_member()
        if m is None:
            return None
        families = []
        for hid in dict.fromkeys(m.families.get("caseload", [])):
            h = self.store.get("households", hid)
            if h is not None:
                families.append((hid, f"{h.get('family_name', '')} ({h.get('case_number', '')})"))
        dialog = ReassignDialog(self.store, sorted(families, key=lambda f: f[1]), m.user_id,
                                m.name or m.user_id[:8], self, today=self.today)
        dialog.done.connect(lambda _n: (self.reassigned.emit(), self.reload()))
        dialog.open()
        return dialog

    def families_behind(self, row: int, key: str) -> list[str]:
        return list(dict.fromkeys(self.members[row].families.get(key, [])))

    def _open_cell(self, row: int, col: int) -> None:
        item = self.table.item(row, col)
        data = item.data(FamilyRole) if item else None
        if not data:
            return
        ids = self.families_behind(*data)
        if not ids:
            return
        dialog = FamiliesDialog(self.store, ids, self.table.horizontalHeaderItem(col).text(), self)
        dialog.open_household.connect(self.open_household)
        dialog.open()


class FamiliesDialog(QDialog):
    open_household = Signal(str)

    def __init__(self, store: Store, household_ids: list[str], title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.list = QListWidget()
        self.list.setObjectName("familiesBehind")

        def names() -> list[tuple[str, str]]:  # a column may stand for a whole caseload
            out = []
            for hid in household_ids:
                h = store.get("households", hid)
                out.append((hid, f"{h.get('family_name', '')} ({h.get('case_number', '')})" if h else hid))
            return out

        background.run_task(names, self._names, self._failed, owner=self)
        self.list.itemActivated.connect(lambda item: (self.open_household.emit(item.data(FamilyRole)), self.accept()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.resize(420, 360)

    def _names(self, names: list[tuple[str, str]]) -> None:
        for hid, shown in names:
            item = QListWidgetItem(shown)
            item.setData(FamilyRole, hid)
            self.list.addItem(item)

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, StoreError):
            raise exc  # a bug: for the crash report, not for a sentence
        notice = QListWidgetItem(text.message(exc.message))
        notice.setFlags(Qt.ItemFlag.NoItemFlags)  # a sentence, not a family to open
        self.list.addItem(notice)
