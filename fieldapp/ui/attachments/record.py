"""A record's own attachments, from its form: a button that counts them and opens the strip."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QVBoxLayout, QWidget

from casework.schemas import ATTACHABLE
from fieldapp.store import attachments as content
from fieldapp.ui.attachments.panel import AttachmentStrip


class RecordAttachments(QDialog):
    """The attachments of one record, with the strip's attach, drop, open and remove."""

    def __init__(self, store: Any, household_id: str, collection: str, record_id: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Attachments of this record"))
        self.strip = AttachmentStrip(store, household_id, collection, record_id)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.strip, 1)
        layout.addWidget(buttons)
        self.resize(720, 420)


class AttachmentsButton(QPushButton):
    """"Attachments (N)…" for a saved record of an attachable collection; hidden otherwise."""

    def __init__(self, store: Any, household_id: str, collection: str, record: dict[str, Any] | None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("recordAttachments")
        self.setAutoDefault(False)
        self.store, self.household_id, self.collection = store, household_id, collection
        self.record_id = record["id"] if record else None
        self.setVisible(self.record_id is not None and collection in ATTACHABLE)
        self.clicked.connect(self.open_attachments)
        self.dialog: RecordAttachments | None = None
        self._count()

    def _count(self) -> None:
        n = len(content.of_record(self.store.read(), self.collection, self.record_id)) if self.record_id else 0
        self.setText(self.tr("Attachments (%1)…").replace("%1", str(n)))

    def open_attachments(self) -> RecordAttachments | None:
        if self.record_id is None:
            return None
        self.dialog = RecordAttachments(self.store, self.household_id, self.collection, self.record_id, self)
        self.dialog.finished.connect(lambda _r: self._count())
        self.dialog.open()
        return self.dialog
