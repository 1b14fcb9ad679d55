"""What sync could not settle alone: conflicts to resolve, and changes the server did not accept.

A conflict shows each clashing field side by side (the original, mine,
theirs) with a choice per field; the resolution is an ordinary change that
syncs back. A change the server refused shows its reason and can be sent
again or, deliberately, discarded; it never holds up the rest of the queue.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from casework.display import person_name
from fieldapp.store.database import OutboxEntry, Store
from fieldapp.store.errors import StoreError, rejection_message
from fieldapp.store.team import writer_name, written_here
from fieldapp.ui import text

IdRole = Qt.ItemDataRole.UserRole + 1


def collection_label(collection: str) -> str:
    return {
        "households": QCoreApplication.translate("SyncIssues", "Family file"),
        "persons": QCoreApplication.translate("SyncIssues", "Family member"),
        "visits": QCoreApplication.translate("SyncIssues", "Visit"),
        "assessments": QCoreApplication.translate("SyncIssues", "Needs assessment"),
        "plans": QCoreApplication.translate("SyncIssues", "Case plan"),
        "referrals": QCoreApplication.translate("SyncIssues", "Referral"),
        "consents": QCoreApplication.translate("SyncIssues", "Consent"),
        "reviews": QCoreApplication.translate("SyncIssues", "Review"),
        "protected": QCoreApplication.translate("SyncIssues", "Protected record"),
        "safety_assessments": QCoreApplication.translate("SyncIssues", "Safety assessment"),
        "safety_notices": QCoreApplication.translate("SyncIssues", "Notice of a concern"),
        "dv_risk_assessments": QCoreApplication.translate("SyncIssues", "Protected record"),
        "violence_incidents": QCoreApplication.translate("SyncIssues", "Protected record"),
        "conflicts": QCoreApplication.translate("SyncIssues", "Conflict"),
    }.get(collection, collection)


def people_of(store: Store, household_id: str | None) -> dict[str, str]:
    """Person id -> name, for showing a household's records."""
    if not household_id:
        return {}
    return {p["id"]: person_name(p) for p in store.records("persons", household_id=household_id)}


def family_of(store: Store, household_id: str | None) -> str:
    household = store.get("households", household_id) if household_id else None
    if household is None:
        return QCoreApplication.translate("SyncIssues", "a family no longer on this laptop")
    return f"{household.get('family_name', '')} ({household.get('case_number', '')})"


class ConflictsPage(QWidget):
    resolved = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.list = QListWidget()
        self.list.setObjectName("conflictList")
        self.list.currentItemChanged.connect(self._show)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setObjectName("conflictHeading")
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("conflictFields")
        self.table.setHorizontalHeaderLabels([
            self.tr("Field"), self.tr("Before"), self.tr("Mine"), self.tr("Theirs"), self.tr("Keep"),
        ])
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for col in range(4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.ResizeToContents)
        self.apply = QPushButton(self.tr("Keep these values"))
        self.apply.setObjectName("applyResolution")
        self.apply.clicked.connect(self._apply)
        self.empty = QLabel(self.tr("No conflicts. When two people change the same field, "
                                    "both versions wait here for you to choose."))
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setObjectName("noConflicts")

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.heading)
        rl.addWidget(self.table, 1)
        rl.addWidget(self.apply, 0, Qt.AlignmentFlag.AlignRight)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setSizes([280, 620])
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(splitter, 1)
        self.reload()

    def open_conflicts(self) -> list[dict[str, Any]]:
        return [c for c in self.store.records("conflicts") if not c.get("resolved")]

    def reload(self) -> None:
        self.list.clear()
        conflicts = self.open_conflicts()
        for c in conflicts:
            text = self.tr("{kind} of {family}").format(
                kind=collection_label(c.get("record_collection", "")), family=family_of(self.store, c.get("household_id")))
            item = QListWidgetItem(text)
            item.setData(IdRole, c["id"])
            self.list.addItem(item)
        self.empty.setVisible(not conflicts)
        self.splitter.setVisible(bool(conflicts))
        if conflicts:
            self.list.setCurrentRow(0)

    def _show(self, item: QListWidgetItem | None) -> None:
        self.table.setRowCount(0)
        if item is None:
            return
        conflict = self.store.get("conflicts", item.data(IdRole))
        if conflict is None:
            return
        collection = conflict.get("record_collection", "")
        reason = conflict.get("reason")
        if reason == "out_of_scope" and not written_here(self.store, conflict):
            # Another team's writer (or another caseworker's laptop): not "your change" (fieldapp.store.team).
            self.heading.setText(self.tr("{who}, outside this family's team or caseload, changed it after it was "
                                         "given to its caseworker; the change was not applied. Read it here and "
                                         "mark it as read.").format(who=writer_name(self.store, conflict)))
        elif reason == "out_of_scope":
            self.heading.setText(self.tr("This family was given to another caseworker before your change arrived. "
                                         "They and the supervisor see your version; mark it as read here."))
        elif reason == "deleted":
            self.heading.setText(self.tr("This record was deleted on the server while you changed it."))
        else:
            self.heading.setText(self.tr("Someone else changed the same fields. Choose, field by field, "
                                         "which version to keep."))
        fields = [f for f in conflict.get("fields") or [] if isinstance(f, dict)]
        people = people_of(self.store, conflict.get("household_id"))
        self.table.setRowCount(len(fields))
        for row, f in enumerate(fields):
            name = f.get("field", "")
            shown = [text.record_value(collection, name, f.get(side), people) for side in ("base", "mine", "theirs")]
            for col, value in enumerate([text.field_label(collection, name), *shown]):
                cell = QTableWidgetItem(value)
                cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, col, cell)
            choice = QComboBox()
            choice.addItem(self.tr("Theirs"), "theirs")
            choice.addItem(self.tr("Mine"), "mine")
            choice.setProperty("field", name)
            self.table.setCellWidget(row, 4, choice)
        self.table.resizeRowsToContents()

    def choose(self, field: str, side: str) -> None:
        """Pick "mine" or "theirs" for a field of the conflict shown (for keyboard users and tests)."""
        for row in range(self.table.rowCount()):
            box = self.table.cellWidget(row, 4)
            if isinstance(box, QComboBox) and box.property("field") == field:
                box.setCurrentIndex(box.findData(side))

    def _apply(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        conflict = self.store.get("conflicts", item.data(IdRole))
        if conflict is None:
            return
        by_field = {f.get("field"): f for f in conflict.get("fields") or [] if isinstance(f, dict)}
        choices = {}
        for row in range(self.table.rowCount()):
            box = self.table.cellWidget(row, 4)
            if isinstance(box, QComboBox):
                name = box.property("field")
                side = box.currentData()
                if conflict.get("reason") == "out_of_scope":
                    continue
                choices[name] = by_field[name].get(side)
        try:
            self.store.write(lambda tx: tx.resolve_conflict(conflict["id"], choices))
        except StoreError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), exc.message.render(QCoreApplication.translate))
            return
        self.reload()
        self.resolved.emit()


class RejectedPage(QWidget):
    changed = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.list = QListWidget()
        self.list.setObjectName("rejectedList")
        self.list.setWordWrap(True)
        self.list.currentItemChanged.connect(self._show)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setObjectName("rejectedDetails")
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.send = QPushButton(self.tr("Send again"))
        self.send.setObjectName("sendAgain")
        self.send.clicked.connect(self._send)
        self.discard = QPushButton(self.tr("Discard my change…"))
        self.discard.setObjectName("discard")
        self.discard.clicked.connect(self._discard)
        self.empty = QLabel(self.tr("The server accepted every change from this laptop."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setObjectName("noRejected")

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.discard)
        buttons.addWidget(self.send)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.details, 1)
        rl.addLayout(buttons)
        splitter = QSplitter()
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setSizes([320, 580])
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(splitter, 1)
        self._entries: dict[int, OutboxEntry] = {}
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        entries = self.store.outbox(state="rejected")
        self._entries = {e.seq: e for e in entries}
        for e in entries:
            item = QListWidgetItem(self.tr("{kind} of {family}").format(
                kind=collection_label(e.collection), family=family_of(self.store, e.household_id)))
            item.setData(IdRole, e.seq)
            self.list.addItem(item)
        self.empty.setVisible(not entries)
        self.splitter.setVisible(bool(entries))
        if entries:
            self.list.setCurrentRow(0)

    def _reason(self, entry: OutboxEntry) -> str:
        shared = rejection_message(entry.error)  # the store's own refusal of the same thing
        if shared is not None:
            return text.message(shared)
        code = (entry.error or {}).get("code")
        if code == "forbidden":
            return self.tr("Your account may not make this change.")
        if code == "invalid_payload":
            return self.tr("The server found a problem in the record: {detail}").format(
                detail=(entry.error or {}).get("detail", ""))
        return self.tr("The server did not accept this change ({code}).").format(code=code or "?")

    def _show(self, item: QListWidgetItem | None) -> None:
        if item is None:
            self.details.clear()
            return
        entry = self._entries[item.data(IdRole)]
        entered = self.tr("What you entered:")
        lines = [f"<p><b>{html.escape(self._reason(entry))}</b></p>", f"<p>{html.escape(entered)}</p><ul>"]
        people = people_of(self.store, entry.household_id)
        for name, value in entry.fields.items():
            lines.append(f"<li>{html.escape(text.field_label(entry.collection, name))}: "
                         f"{html.escape(text.record_value(entry.collection, name, value, people))}</li>")
        lines.append("</ul>")
        self.details.setText("".join(lines))

    def _current(self) -> OutboxEntry | None:
        item = self.list.currentItem()
        return self._entries.get(item.data(IdRole)) if item else None

    def _send(self) -> None:
        entry = self._current()
        if entry is None:
            return
        try:
            self.store.write(lambda tx: tx.retry_rejected(entry.seq))
        except StoreError as exc:
            QMessageBox.warning(self, self.tr("Not sent"), exc.message.render(QCoreApplication.translate))
            return
        self.reload()
        self.changed.emit()

    def _discard(self) -> None:
        entry = self._current()
        if entry is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Discard your change?"),
            self.tr("What you entered in this change will be gone from this laptop for good. Discard it?"),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.store.write(lambda tx: tx.discard_rejected(entry.seq))
        self.reload()
        self.changed.emit()


class SyncIssuesDialog(QDialog):
    """Conflicts and changes the server refused, in two tabs."""

    changed = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sync: what needs you"))
        self.resize(960, 560)
        self.conflicts = ConflictsPage(store)
        self.refused = RejectedPage(store)  # not `rejected`: that is QDialog's signal
        self.tabs = QTabWidget()
        self.tabs.addTab(self.conflicts, "")
        self.tabs.addTab(self.refused, "")
        self.conflicts.resolved.connect(self._refresh)
        self.refused.changed.connect(self._refresh)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(close)
        self._titles()

    def _titles(self) -> None:
        n_conflicts = len(self.conflicts.open_conflicts())
        n_rejected = self.refused.list.count()
        self.tabs.setTabText(0, self.tr("Conflicts (%n)", "", n_conflicts))
        self.tabs.setTabText(1, self.tr("Not accepted (%n)", "", n_rejected))

    def _refresh(self) -> None:
        self._titles()
        self.changed.emit()
