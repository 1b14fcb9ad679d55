"""A record's own attachments, from its form: a button that counts them and opens the strip."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

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


def open_import(parent: QWidget | None, store: Any, household_id: str, collection: str, record_id: str, *,
                doc_type: str | None = None, caption: str | None = None, settings: Any | None = None,
                path: Path | None = None) -> bool:
    """Attach one file to a record (for example the signed scan of a printed paper): the file dialog
    unless `path` is given, then the same checks, downscaling and stripping as the Attachments tab;
    the document type and caption are asked for unless `doc_type` is given. True when it was kept;
    a refusal says its sentence to the caseworker. The stable entry point for other screens."""
    strip = AttachmentStrip(store, household_id, collection, record_id, parent=parent)
    try:
        strip.configure(settings, None)
        if doc_type is not None:
            strip.ask = lambda _name: (doc_type, caption or "")
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                parent, QCoreApplication.translate("AttachmentStrip", "Attach a file"), "",
                QCoreApplication.translate("AttachmentStrip", "Photos and scans (*.jpg *.jpeg *.png *.pdf)"))
            if not chosen:
                return False
            path = Path(chosen)
        return strip.attach_path(path)
    finally:
        strip.deleteLater()
