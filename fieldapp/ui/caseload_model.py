"""The caseload as a Qt table model that fetches households lazily, a page at a time."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from fieldapp.domain import codifier
from fieldapp.store.database import Store

Index = QModelIndex | QPersistentModelIndex

COL_CASE, COL_FAMILY, COL_SETTLEMENT, COL_STATUS, COL_PENDING = range(5)
RecordIdRole = Qt.ItemDataRole.UserRole + 1
PAGE = 200


class CaseloadModel(QAbstractTableModel):
    """Households of the profile, ordered by case number; rows arrive as the view scrolls."""

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self._rows: list[dict[str, Any]] = []
        self._total = 0
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = []
        self._total = self.store.count("households")
        self.endResetModel()
        self.fetchMore()  # the first page at once: the window opens with rows

    def _headers(self) -> list[str]:
        tr = QCoreApplication.translate
        return [
            tr("CaseloadModel", "Case number"),
            tr("CaseloadModel", "Family"),
            tr("CaseloadModel", "Settlement"),
            tr("CaseloadModel", "Status"),
            tr("CaseloadModel", "Not synced"),
        ]

    # -- lazy fetching --------------------------------------------------------

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008,N802
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008,N802
        if parent.isValid():
            return
        start = len(self._rows)
        page = self.store.read().execute(
            "SELECT h.id, h.data, (SELECT count(*) FROM outbox o WHERE o.household_id = h.id "
            "AND o.state = 'pending') FROM households h WHERE h.deleted = 0 "
            "ORDER BY json_extract(h.data, '$.case_number'), h.id LIMIT ? OFFSET ?",
            [PAGE, start],
        ).fetchall()
        page = page[: self._total - start]
        if not page:
            self._total = start
            return
        self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
        for rid, data, pending in page:
            self._rows.append({"id": rid, **json.loads(data), "_pending": pending})
        self.endInsertRows()

    # -- the table --------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 5:
            return self._headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == RecordIdRole:
            return row["id"]
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        tr = QCoreApplication.translate
        if col == COL_CASE:
            return row.get("case_number", "")
        if col == COL_FAMILY:
            return row.get("family_name", "")
        if col == COL_SETTLEMENT:
            code = row.get("settlement") or row.get("hromada")
            return codifier.display_name(code) if code else ""
        if col == COL_STATUS:
            return tr("CaseloadModel", "closed") if row.get("status") == "closed" else tr("CaseloadModel", "active")
        if col == COL_PENDING:
            return str(row["_pending"]) if row["_pending"] else ""
        return None
