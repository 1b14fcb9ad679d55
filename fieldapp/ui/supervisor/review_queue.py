"""The supervisor's review queue: safety concerns first, then the oldest; approve, return, reopen."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from casework.records import ENVELOPE, SCHEMAS
from casework.values import is_empty
from fieldapp.store.database import Store
from fieldapp.store.errors import StoreError
from fieldapp.store.review import ReviewItem, approved, history, review_queue
from fieldapp.sync.device import enrolled_user
from fieldapp.ui import background, text
from fieldapp.ui.safety.concerns import ConcernsBox
from fieldapp.ui.sync.issues import collection_label, people_of

Index = QModelIndex | QPersistentModelIndex
COL_CONCERN, COL_KIND, COL_FAMILY, COL_DATE = range(4)
ItemRole = Qt.ItemDataRole.UserRole + 1
CONCERN_BACKGROUND = QColor("#fde2e1")


class ReviewQueueModel(QAbstractTableModel):
    """The records waiting for review (or the approved ones), as the view last read them."""

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self.items: list[ReviewItem] = []
        self.showing_approved = False

    def set_items(self, items: list[ReviewItem]) -> None:
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            COL_CONCERN: QCoreApplication.translate("ReviewQueue", "Safety"),
            COL_KIND: QCoreApplication.translate("ReviewQueue", "Record"),
            COL_FAMILY: QCoreApplication.translate("ReviewQueue", "Family"),
            COL_DATE: QCoreApplication.translate("ReviewQueue", "Date"),
        }.get(section)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        col = index.column()
        if role == ItemRole:
            return item
        if role == Qt.ItemDataRole.BackgroundRole and item.safety_concern:
            return QBrush(CONCERN_BACKGROUND)
        if role == Qt.ItemDataRole.ToolTipRole and item.safety_concern:
            return QCoreApplication.translate("ReviewQueue", "A safety concern was recorded in this visit.")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == COL_CONCERN:
            # Text, not colour alone: a concern must be seen by everyone, on any screen.
            return QCoreApplication.translate("ReviewQueue", "⚠ concern") if item.safety_concern else ""
        if col == COL_KIND:
            return collection_label(item.collection)
        if col == COL_FAMILY:
            return f"{item.family_name} ({item.case_number})"
        if col == COL_DATE:
            return text.date(item.date)
        return None


class ReturnDialog(QDialog):
    """Ask why a record goes back (or why an approved one is reopened)."""

    def __init__(self, count: int, parent: QWidget | None = None, *, reopening: bool = False):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reopen an approved record") if reopening else self.tr("Return for correction"))
        self.comment = QPlainTextEdit()
        self.comment.setObjectName("returnComment")
        self.comment.setPlaceholderText(self.tr("Why is it reopened? What should the caseworker correct?")
                                        if reopening else self.tr("What should the caseworker correct or add?"))
        label = QLabel(self.tr("%n record(s) go back to the caseworker with this comment.", "", count))
        label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.addButton(self.tr("Return"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setEnabled(False)
        self.comment.textChanged.connect(lambda: self.ok.setEnabled(bool(self.comment.toPlainText().strip())))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.comment)
        layout.addWidget(buttons)
        self.resize(480, 260)


class ReviewQueueView(QWidget):
    """The queue on the left, the selected record read-only with its history on the right."""

    reviewed = Signal()  # something was approved or returned: a sync round should follow

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.model = ReviewQueueModel(self)
        self.asked = 0  # the latest reading of the queue: an older answer that comes late is dropped
        self.busy = False  # reading the queue or writing decisions
        self.table = QTableView()
        self.table.setObjectName("reviewQueue")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_FAMILY, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        self.table.selectionModel().selectionChanged.connect(self._show)
        self.details = QTextBrowser()
        self.details.setObjectName("reviewDetails")
        self.approve = QPushButton(self.tr("Approve"))
        self.approve.setObjectName("approve")
        self.approve.clicked.connect(self._approve)
        self.send_back = QPushButton(self.tr("Return with a comment…"))
        self.send_back.setObjectName("return")
        self.send_back.clicked.connect(self._return)
        self.show_approved = QCheckBox(self.tr("Show approved records, to reopen one"))
        self.show_approved.setObjectName("showApproved")
        self.show_approved.toggled.connect(self._switch)
        self.nothing_waits = self.tr("Nothing waits for review. Records your team submits appear here.")
        self.empty = QLabel(self.nothing_waits)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setObjectName("emptyQueue")

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.details, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.send_back)
        buttons.addWidget(self.approve)
        rl.addLayout(buttons)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(right)
        self.splitter.setSizes([460, 540])
        self.concerns = ConcernsBox(store, self)  # child safety first (fieldapp/ui/safety)
        layout = QVBoxLayout(self)
        layout.addWidget(self.concerns)
        layout.addWidget(self.show_approved)
        layout.addWidget(self.empty)
        layout.addWidget(self.splitter, 1)
        self.reload()

    def _switch(self, on: bool) -> None:
        self.model.showing_approved = on
        self.approve.setVisible(not on)
        self.send_back.setText(self.tr("Reopen with a reason…") if on else self.tr("Return with a comment…"))
        self.reload()

    def reload(self) -> None:
        """Read the queue (or the approved records) off the GUI thread; shown when it comes."""
        self.asked += 1
        self.concerns.reload()
        ticket, store, showing_approved = self.asked, self.store, self.model.showing_approved
        self._set_busy(True)
        background.run_task(lambda: approved(store) if showing_approved else review_queue(store),
                            lambda items: self._arrived(ticket, items), self._not_read, owner=self)

    def _arrived(self, ticket: int, items: list[ReviewItem]) -> None:
        if ticket != self.asked:
            return
        self.busy = False
        self.empty.setText(self.nothing_waits)
        self.model.set_items(items)
        has = self.model.rowCount() > 0
        self.empty.setVisible(not has)
        self.splitter.setVisible(has)
        if has:
            self.table.selectRow(0)
        self._buttons()

    def selected(self) -> list[ReviewItem]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.items[r] for r in rows]

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._buttons()

    def _not_read(self, exc: BaseException) -> None:
        self._set_busy(False)
        if not isinstance(exc, StoreError):
            raise exc  # a bug: for the crash report, not for a sentence
        self.empty.setText(exc.message.render(QCoreApplication.translate))
        self.empty.show()
        self.splitter.hide()

    def _not_saved(self, exc: BaseException) -> None:
        self._set_busy(False)
        if not isinstance(exc, StoreError):
            raise exc
        QMessageBox.warning(self, self.tr("Not saved"), exc.message.render(QCoreApplication.translate))

    def _buttons(self) -> None:
        n = len(self.selected())
        self.approve.setEnabled(n > 0 and not self.busy)
        self.send_back.setEnabled(n > 0 and not self.busy)
        self.approve.setText(self.tr("Approve %n", "", n) if n > 1 else self.tr("Approve"))

    def _show(self, *_selection: Any) -> None:
        self._buttons()
        items = self.selected()
        if len(items) != 1:
            self.details.setHtml(self.tr("%n records selected.", "", len(items)) if items else "")
            return
        item = items[0]
        record = self.store.get(item.collection, item.record_id)
        if record is None:
            return
        e = html.escape
        people = people_of(self.store, item.household_id)

        concern_label = self.tr("Safety concern")
        parts = [f"<h3>{e(collection_label(item.collection))}: {e(item.family_name)} ({e(item.case_number)})</h3>"]
        if item.safety_concern:
            parts.append(f"<p style='background:#fde2e1'><b>⚠ {e(concern_label)}:</b> "
                         f"{e(str(record.get('safety_details') or ''))}</p>")
        parts.append("<table cellpadding='2'>")
        for spec in SCHEMAS[item.collection]:
            if spec.name in ENVELOPE or spec.name in ("review_status", "form_id", "form_version"):
                continue
            value = record.get(spec.name)
            if is_empty(value):
                continue
            parts.append(f"<tr><td valign='top'><b>{e(text.field_label(item.collection, spec.name))}</b></td>"
                         f"<td>{e(text.record_value(item.collection, spec.name, value, people))}</td></tr>")
        form_id = record.get("form_id") or record.get("form.id")
        if form_id and item.collection == "households":  # the closure report: its results are answers, not fields
            from casework.forms import members_of
            from fieldapp.ui.forms.summary import answer_lines
            from fieldapp.ui.forms.view import current_language

            members = members_of(self.store.records("persons", household_id=item.household_id))
            for label, value in answer_lines(record, str(form_id), members, people, current_language()):
                parts.append(f"<tr><td valign='top'><b>{e(label)}</b></td><td>{e(value)}</td></tr>".replace("\n", "<br>"))
        parts.append("</table>")
        past = history(self.store, item.collection, item.record_id)
        if past:
            history_label = self.tr("Review history")
            parts.append(f"<h4>{e(history_label)}</h4><ul>")
            for r in past:
                verdict = self.tr("approved") if r.get("status") == "approved" else self.tr("returned")
                when = text.date(str(r.get("reviewed_at") or ""))
                comment = f": {e(r['comment'])}" if r.get("comment") else ""
                parts.append(f"<li>{e(when)} — {e(verdict)}{comment}</li>")
            parts.append("</ul>")
        self.details.setHtml("".join(parts))

    def _decide(self, decision: str, comment: str = "") -> None:
        items = self.selected()
        reviewer = enrolled_user(self.store).get("id")

        def write(tx: Any) -> None:
            for item in items:
                tx.review(item.collection, item.record_id, decision, comment, reviewer)

        def written(_result: Any) -> None:
            self.reload()
            self.reviewed.emit()

        self._set_busy(True)
        store = self.store
        # several at once: all or none
        background.run_task(lambda: store.write(write), written, self._not_saved, owner=self)

    def _approve(self) -> None:
        self._decide("approved")

    def _return(self) -> None:
        dialog = ReturnDialog(len(self.selected()), self, reopening=self.model.showing_approved)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._decide("returned", dialog.comment.toPlainText())
