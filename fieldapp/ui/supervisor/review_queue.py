"""The supervisor's review queue: safety concerns first, then the oldest; approve, return, reopen."""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
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
from fieldapp.store.review import (
    ReviewItem,
    approved,
    changed_since,
    history,
    returned,
    review_queue,
)
from fieldapp.store.team import known_names
from fieldapp.sync.device import enrolled_user
from fieldapp.ui import background, text
from fieldapp.ui.safety.concerns import ConcernsBox
from fieldapp.ui.supervisor.queue_filters import APPROVED, RETURNED, WAITING, QueueBar
from fieldapp.ui.sync.issues import collection_label, people_of
from fieldapp.ui.typed import TypedGuard

Index = QModelIndex | QPersistentModelIndex
COL_CONCERN, COL_KIND, COL_FAMILY, COL_CASEWORKER, COL_DATE = range(5)
ItemRole = Qt.ItemDataRole.UserRole + 1
CONCERN_BACKGROUND = QColor("#fde2e1")


class ReviewQueueModel(QAbstractTableModel):
    """The records waiting for review (or the approved ones), as the view last read them."""

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self.items: list[ReviewItem] = []
        self.showing_approved = False
        self.names: dict[str, str] = {}  # caseworker id -> name (fieldapp.store.team.known_names)

    def set_items(self, items: list[ReviewItem]) -> None:
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            COL_CONCERN: QCoreApplication.translate("ReviewQueue", "Safety"),
            COL_KIND: QCoreApplication.translate("ReviewQueue", "Record"),
            COL_FAMILY: QCoreApplication.translate("ReviewQueue", "Family"),
            COL_CASEWORKER: QCoreApplication.translate("ReviewQueue", "Caseworker"),
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
        if col == COL_CASEWORKER:
            return caseworker_name(item.caseworker_id, self.names)
        if col == COL_DATE:
            return text.date(item.date)
        return None


def caseworker_name(user_id: str, names: dict[str, str]) -> str:
    """The caseworker as the team knows her; before the first contact with the server, a short id."""
    if not user_id:
        return QCoreApplication.translate("ReviewQueue", "(not assigned)")
    return names.get(user_id) or user_id[:8]


class ReturnDialog(QDialog):
    """Ask why a record goes back (or why an approved one is reopened)."""

    def __init__(self, count: int, parent: QWidget | None = None, *, reopening: bool = False):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reopen an approved record") if reopening else self.tr("Return for correction"))
        self.comment = QPlainTextEdit()
        self.comment.setObjectName("returnComment")
        self.comment.setTabChangesFocus(True)  # Tab goes on to Return and Cancel, never a tab character
        self.comment.setPlaceholderText(self.tr("Why is it reopened? What should the caseworker correct?")
                                        if reopening else self.tr("What should the caseworker correct or add?"))
        label = QLabel(self.tr("%n record(s) go back to the caseworker with this comment.", "", count))
        label.setWordWrap(True)
        self.about = QLabel()  # which records: the dialog names what it decides
        self.about.setObjectName("returnAbout")
        self.about.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.addButton(self.tr("Return"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setEnabled(False)
        self.comment.textChanged.connect(lambda: self.ok.setEnabled(bool(self.comment.toPlainText().strip())))
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.about)
        layout.addWidget(self.comment)
        layout.addWidget(buttons)
        self.resize(480, 260)
        # Enter writes a new line in the comment; Ctrl+Enter returns (the dialog's one action).
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, lambda: self.ok.isEnabled() and self.accept())
        self.guard = TypedGuard(self)  # Esc or Cancel after writing a comment asks before it is lost
        self.guard.mark()
        buttons.rejected.connect(self.guard.cancel)


class ChangedMeanwhile(Exception):
    """The record changed (a sync brought another version) while the supervisor was deciding."""

    def __init__(self, keys: list[tuple[str, str]]):
        super().__init__("changed meanwhile")
        self.keys = keys


class ReviewQueueView(QWidget):
    """The queue on the left, the selected record read-only with its history on the right.

    A decision is for exactly the records the supervisor selected and read: reloading (after each
    sync) keeps the selection and any open dialog, and a record that changed in between is shown
    again in its new version instead of being decided."""

    reviewed = Signal()  # something was approved or returned: a sync round should follow

    def __init__(self, store: Store, parent: QWidget | None = None, *, today: dt.date | None = None):
        super().__init__(parent)
        self.store = store
        self.model = ReviewQueueModel(self)
        self.all_items: list[ReviewItem] = []  # the list as read, before the filters
        self._shown: dict[tuple[str, str], tuple[int | None, str]] = {}  # what the details show: key -> version
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
        self.approve = QPushButton(self.tr("&Approve"))
        self.approve.setObjectName("approve")
        self.approve.setToolTip(self.tr("Approve the selected records (Alt+A)"))
        self.approve.clicked.connect(self._approve)
        self.send_back = QPushButton(self.tr("&Return with a comment…"))
        self.send_back.setObjectName("return")
        self.send_back.setToolTip(self.tr("Return the selected records with a comment (Alt+R)"))
        self.send_back.clicked.connect(self._return)
        self.bar = QueueBar(self, today=today)
        self.bar.mode_changed.connect(self._switch)
        self.bar.changed.connect(self._refilter)
        self.nothing_waits = self.tr("Nothing waits for review. Records your team submits appear here.")
        self.empty = QLabel(self.nothing_waits)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setObjectName("emptyQueue")
        keys = QLabel(self.tr("Keys: ↑ ↓ next and previous, Alt+A approve, Alt+R return."))
        keys.setObjectName("queueKeys")
        keys.setWordWrap(True)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.details, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(keys, 1)
        buttons.addWidget(self.send_back)
        buttons.addWidget(self.approve)
        rl.addLayout(buttons)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(right)
        self.splitter.setSizes([520, 480])
        self.concerns = ConcernsBox(store, self)  # child safety first (fieldapp/ui/safety)
        layout = QVBoxLayout(self)
        layout.addWidget(self.concerns)
        layout.addWidget(self.bar)
        layout.addWidget(self.empty)
        layout.addWidget(self.splitter, 1)
        self.reload()

    def _switch(self) -> None:
        mode = self.bar.current_mode()
        self.model.showing_approved = mode == APPROVED
        self.approve.setVisible(mode == WAITING)
        self.send_back.setVisible(mode != RETURNED)  # a returned record waits for the caseworker
        self.send_back.setText(self.tr("&Reopen with a reason…") if mode == APPROVED
                               else self.tr("&Return with a comment…"))
        self.all_items = []
        self.reload()

    def reload(self) -> None:
        """Read the queue (or the approved records) off the GUI thread; shown when it comes."""
        self.asked += 1
        self.concerns.reload()
        ticket, store, mode = self.asked, self.store, self.bar.current_mode()
        self._set_busy(True)

        def read() -> tuple[list[ReviewItem], dict[str, str]]:
            items = approved(store) if mode == APPROVED else returned(store) if mode == RETURNED \
                else review_queue(store)
            return items, known_names(store)

        background.run_task(read, lambda answer: self._arrived(ticket, *answer), self._not_read, owner=self)

    def _arrived(self, ticket: int, items: list[ReviewItem], names: dict[str, str]) -> None:
        if ticket != self.asked:
            return
        self.busy = False
        self.empty.setText(self.nothing_waits)
        self.model.names = names
        first = not self.all_items
        self.all_items = items
        self.bar.offer(items, {i.caseworker_id: caseworker_name(i.caseworker_id, names) for i in items})
        self._refilter(select_first=first)

    def _refilter(self, select_first: bool = False) -> None:
        """Show the items the filters keep, the same records staying selected."""
        keep = {i.key for i in self.selected()}
        current = self.table.currentIndex()
        current_key = self.model.items[current.row()].key if current.isValid() and current.row() < len(self.model.items) else None
        shown = self.bar.keep(self.all_items)
        self.table.selectionModel().blockSignals(True)
        self.model.set_items(shown)
        rows = [r for r, i in enumerate(shown) if i.key in keep]
        selection = self.table.selectionModel()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for r in rows:
            selection.select(self.model.index(r, 0), flags)
        if current_key is not None:
            row = next((r for r, i in enumerate(shown) if i.key == current_key), None)
            if row is not None:
                selection.setCurrentIndex(self.model.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
                self.table.scrollTo(self.model.index(row, 0))
        self.table.selectionModel().blockSignals(False)
        has = bool(shown)
        self.empty.setVisible(not has)
        self.splitter.setVisible(has)
        self.bar.show_count(len(shown), len(self.all_items))
        if has and not rows and (select_first or not keep):
            self.table.selectRow(0)
        elif keep and not rows:
            self.details.setHtml(html.escape(self.tr("The record you were reading is no longer in this list: "
                                                     "it was decided or changed elsewhere.")))
        elif rows and {i.key: (i.version, i.updated_at) for i in self.selected()} != self._shown:
            self._show()
        self._buttons()

    def selected(self) -> list[ReviewItem]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.items[r] for r in rows if r < len(self.model.items)]

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
        if isinstance(exc, ChangedMeanwhile):
            self._changed_meanwhile(exc.keys)
            return
        if not isinstance(exc, StoreError):
            raise exc
        QMessageBox.warning(self, self.tr("Not saved"), exc.message.render(QCoreApplication.translate))

    def _changed_meanwhile(self, keys: list[tuple[str, str]]) -> None:
        """Nothing was decided: select the changed records, read afresh, and say why."""
        QMessageBox.information(self, self.tr("Changed while you were reading"), self.tr(
            "%n record(s) changed while you were deciding (a sync brought a new version). Nothing was "
            "decided: read the new version and decide again.", "", len(keys)))
        self.reload()  # the same records stay selected and show in their new version

    def _buttons(self) -> None:
        n = len(self.selected())
        self.approve.setEnabled(n > 0 and not self.busy)
        self.send_back.setEnabled(n > 0 and not self.busy)
        self.approve.setText(self.tr("&Approve %n", "", n) if n > 1 else self.tr("&Approve"))

    def _show(self, *_selection: Any) -> None:
        self._buttons()
        items = self.selected()
        before = self._shown
        self._shown = {i.key: (i.version, i.updated_at) for i in items}
        if len(items) != 1:
            self.details.setHtml(self.tr("%n records selected.", "", len(items)) if items else "")
            return
        item = items[0]
        newer = item.key in before and before[item.key] != self._shown[item.key]
        record = self.store.get(item.collection, item.record_id)
        if record is None:
            return
        e = html.escape
        people = people_of(self.store, item.household_id)

        concern_label = self.tr("Safety concern")
        parts = [f"<h3>{e(collection_label(item.collection))}: {e(item.family_name)} ({e(item.case_number)})</h3>"]
        if newer:
            changed = self.tr("This record changed while you were reading it: this is the new version.")
            parts.append(f"<p style='background:#fff3c4'><b>{e(changed)}</b></p>")
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

    def _decide(self, decision: str, items: list[ReviewItem], comment: str = "") -> None:
        """Write the decision for exactly `items`, as they were read; if any changed since, none."""
        reviewer = enrolled_user(self.store).get("id")
        store = self.store

        def write(tx: Any) -> None:
            moved = [i.key for i in items if changed_since(tx.get(i.collection, i.record_id), i)]
            if moved:
                raise ChangedMeanwhile(moved)  # the transaction rolls back: all or none
            for item in items:
                tx.review(item.collection, item.record_id, decision, comment, reviewer)

        def written(_result: Any) -> None:
            self._after_decision(items)
            self.reload()
            self.reviewed.emit()

        self._set_busy(True)
        background.run_task(lambda: store.write(write), written, self._not_saved, owner=self)

    def _after_decision(self, items: list[ReviewItem]) -> None:
        """Move on to the next record (keyboard review): the row after the last one decided."""
        decided = {i.key for i in items}
        rows = [r for r, i in enumerate(self.model.items) if i.key in decided]
        following = next((i for i in self.model.items[(max(rows) + 1 if rows else 0):] if i.key not in decided),
                         None) or next((i for i in reversed(self.model.items) if i.key not in decided), None)
        self.table.selectionModel().blockSignals(True)
        self.table.clearSelection()
        self.table.selectionModel().blockSignals(False)
        if following is not None:
            row = self.model.items.index(following)
            self.table.selectRow(row)

    def _approve(self) -> None:
        items = self.selected()
        if items and not self.busy:
            self._decide("approved", items)

    def _return(self) -> None:
        items = self.selected()  # the decision is for these, whatever a reload selects meanwhile
        if not items or self.busy:
            return
        dialog = ReturnDialog(len(items), self, reopening=self.model.showing_approved)
        dialog.setObjectName("returnDialog")
        names = ", ".join(f"{collection_label(i.collection)}: {i.family_name} ({i.case_number})" for i in items[:3])
        dialog.about.setText(names + ("…" if len(items) > 3 else ""))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._decide("returned", items, dialog.comment.toPlainText())
