"""The main window: the caseload, and the state of sync in the status bar."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QMainWindow, QTableView

from fieldapp.store.database import Store
from fieldapp.ui.caseload_model import CaseloadModel


class MainWindow(QMainWindow):
    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("FieldApp — caseload"))
        self.resize(1100, 700)

        self.caseload = CaseloadModel(store, self)
        self.table = QTableView()
        self.table.setObjectName("caseload")
        self.table.setModel(self.caseload)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.setCentralWidget(self.table)

        self.sync_label = QLabel()
        self.sync_label.setObjectName("syncState")
        self.statusBar().addPermanentWidget(self.sync_label)
        self.refresh_status()

    def refresh_status(self) -> None:
        pending = self.store.pending_count()
        households = self.caseload._total
        self.statusBar().showMessage(self.tr("%n families", "", households))
        if pending:
            self.sync_label.setText(self.tr("%n changes waiting to sync", "", pending))
        else:
            self.sync_label.setText(self.tr("Everything is synced"))
