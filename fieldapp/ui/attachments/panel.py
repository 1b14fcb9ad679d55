"""The strip of attachments in the family file (and a record's view): thumbnails, "Attach a file…",
drag and drop, open in the viewer, remove.

A file is read into memory, prepared (`prepare`: checked, downscaled, stripped) and stored with its
metadata in one write (fieldapp.store.attachments.attach); the original is never written anywhere.
Every refusal is a sentence: a file too large, of another kind, damaged; a full disk; a locked record.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casework.enums import enumeration
from fieldapp.options import OPTIONS
from fieldapp.store import attachments as content
from fieldapp.store.database import Store
from fieldapp.store.errors import StoreError
from fieldapp.ui import text
from fieldapp.ui.attachments.pdf import first_page
from fieldapp.ui.attachments.prepare import TOO_LARGE, Prepared, Refused, prepare
from fieldapp.ui.attachments.viewer import AttachmentViewer
from fieldapp.ui.background import run_task

THUMB = 96
RECORD_ROLE = Qt.ItemDataRole.UserRole + 1

# A download on first open: (sha256, size, media_type) -> whether the content is here now.
Fetch = Callable[[str, int, str], bool]


class AttachDialog(QDialog):
    """The document type (from the reference list) and a caption for a file being attached."""

    def __init__(self, name: str, parent: QWidget | None = None, preset: tuple[str, str] | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Attach a file"))
        self.kind = QComboBox()
        self.kind.setObjectName("docType")
        for item in enumeration("attachment_types").items:
            self.kind.addItem(item.label(text.lang()), item.code)
        self.caption = QLineEdit()
        self.caption.setObjectName("caption")
        self.caption.setMaxLength(300)
        if preset is not None:  # (document type, caption) the file starts with: a signed act's scan, say
            self.kind.setCurrentIndex(max(0, self.kind.findData(preset[0])))
            self.caption.setText(preset[1])
            self.caption.setCursorPosition(0)
            self.caption.setMinimumWidth(min(560, self.caption.fontMetrics().horizontalAdvance(preset[1]) + 24))
        form = QFormLayout()
        form.addRow(self.tr("File"), QLabel(name))
        form.addRow(self.tr("Document type"), self.kind)
        form.addRow(self.tr("Caption"), self.caption)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Attach"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.kind.setFocus()


def _placeholder(label: str) -> QPixmap:
    pix = QPixmap(THUMB, THUMB)
    pix.fill(QColor("#eceff1"))
    painter = QPainter(pix)
    painter.setPen(QColor("#455a64"))
    painter.drawRect(0, 0, THUMB - 1, THUMB - 1)
    painter.drawText(pix.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, label)
    painter.end()
    return pix


def _framed(page: QImage) -> QPixmap:
    """A PDF page's thumbnail with a thin frame, so a white page stands out from the list."""
    pix = QPixmap.fromImage(page)
    painter = QPainter(pix)
    painter.setPen(QColor("#90a4ae"))
    painter.drawRect(0, 0, pix.width() - 1, pix.height() - 1)
    painter.end()
    return pix


class AttachmentStrip(QWidget):
    """The attachments of one record (`collection`, `record_id`), or of a whole family
    (`whole_family`: its own and those of its members and records); new files attach to the record."""

    changed = Signal()

    def __init__(self, store: Store, household_id: str, collection: str, record_id: str, *,
                 whole_family: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("attachments")
        self.store = store
        self.household_id = household_id
        self.collection = collection
        self.record_id = record_id
        self.whole_family = whole_family
        self.max_bytes = OPTIONS["attachment_max_mb"].default * 1024 * 1024
        self.max_side = OPTIONS["attachment_image_side"].default
        self.fetch: Fetch | None = None
        self.ask: Callable[[str], tuple[str, str] | None] = self._ask  # tests answer without a dialog
        self.confirm: Callable[[str], bool] = self._confirm
        self.viewer: QDialog | None = None
        self.preset: tuple[str, str] | None = None  # the document type and caption a new file is offered with
        self.setAcceptDrops(True)
        self.attach_button = QPushButton(self.tr("Attach a file…"))
        self.attach_button.setObjectName("attachFile")
        self.attach_button.clicked.connect(self.choose_files)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("removeAttachment")
        self.remove_button.clicked.connect(self.remove_selected)
        self.hint = QLabel(self.tr("Drop photos and scans (JPEG, PNG, PDF) here, or attach them with the button."))
        self.hint.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("attachmentList")
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setGridSize(QSize(THUMB + 60, THUMB + 48))
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setMovement(QListWidget.Movement.Static)
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(self.open_item)
        top = QHBoxLayout()
        top.addWidget(self.hint, 1)
        top.addWidget(self.attach_button)
        top.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        self.reload()

    def configure(self, settings: Any | None, fetch: Fetch | None) -> None:
        """IT's limits (fieldapp.toml through the settings) and the download used on first open."""
        if settings is not None:
            self.max_bytes = int(settings.get("attachment_max_mb")) * 1024 * 1024
            self.max_side = int(settings.get("attachment_image_side"))
        self.fetch = fetch

    # -- the list -------------------------------------------------------------

    def records(self) -> list[dict[str, Any]]:
        db = self.store.read()
        if self.whole_family:
            return content.of_household(db, self.household_id)
        return content.of_record(db, self.collection, self.record_id)

    def reload(self) -> None:
        self.list.clear()
        db = self.store.read()
        for record in self.records():
            kind = text.enum_label("attachment_types", record.get("doc_type"))
            item = QListWidgetItem(record.get("caption") or kind)
            item.setData(RECORD_ROLE, record)
            pages = int(record.get("pages") or 1)
            item.setToolTip(kind + (" — " + self.tr("PDF, %n page(s)", "", pages)
                                    if record.get("media_type") == "application/pdf" else ""))
            item.setIcon(QIcon(self._thumbnail(db, record)))
            self.list.addItem(item)
        locked = content.subject_locked(db, {"record_collection": self.collection, "record_id": self.record_id})
        self.attach_button.setEnabled(not locked)
        self.remove_button.setEnabled(self.list.count() > 0 and not locked)
        self.setAcceptDrops(not locked)
        self.hint.setText(self.tr("Approved by the supervisor: attachments can no longer be added or removed.")
                          if locked else self.tr("Drop photos and scans (JPEG, PNG, PDF) here, or attach them "
                                                 "with the button."))

    def _thumbnail(self, db: Any, record: dict[str, Any]) -> QPixmap:
        sha = record.get("sha256", "")
        if not content.has_content(db, sha):
            return _placeholder(self.tr("Not downloaded yet"))
        data = content.read_content(db, sha) or b""
        if record.get("media_type") == "application/pdf":
            page = first_page(data, THUMB)  # the first page, drawn small
            if page is None:
                return _placeholder(self.tr("Cannot be shown"))
            return _framed(page)
        image = QImage.fromData(data)
        if image.isNull():
            return _placeholder(self.tr("Cannot be shown"))
        return QPixmap.fromImage(image.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                                              Qt.TransformationMode.SmoothTransformation))

    # -- attaching ------------------------------------------------------------

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach a file"), "",
                                                self.tr("Photos and scans (*.jpg *.jpeg *.png *.pdf)"))
        for path in paths:
            self.attach_path(Path(path))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        for url in event.mimeData().urls():
            if url.isLocalFile():
                self.attach_path(Path(url.toLocalFile()))
        event.acceptProposedAction()

    def _confirm(self, name: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Remove the attachment?"), self.tr(
            "Remove “%1” from the case? It is removed on every laptop at the next sync.").replace("%1", name))
        return answer == QMessageBox.StandardButton.Yes

    def _ask(self, name: str) -> tuple[str, str] | None:
        dialog = AttachDialog(name, self, self.preset)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return str(dialog.kind.currentData()), dialog.caption.text()

    def attach_path(self, path: Path) -> bool:
        """Read, prepare and keep one file; a sentence (and nothing kept) when it cannot be."""
        try:
            if os.path.getsize(path) > self.max_bytes:  # refused before it is read
                raise Refused(TOO_LARGE, limit=self.max_bytes // (1024 * 1024))
            raw = path.read_bytes()
            prepared = prepare(raw, max_bytes=self.max_bytes, max_side=self.max_side)
        except Refused as refused:
            return self._refuse(text.message(refused.message))
        except OSError:
            return self._refuse(self.tr("This file cannot be read. Check that it is still there and not open "
                                        "in another program."))
        answer = self.ask(path.name)
        if answer is None:
            return False
        return self.keep(prepared, *answer)

    def keep(self, prepared: Prepared, doc_type: str, caption: str) -> bool:
        try:
            self.store.write(lambda tx: content.attach(
                tx, household_id=self.household_id, record_collection=self.collection, record_id=self.record_id,
                data=prepared.data, media_type=prepared.media_type, doc_type=doc_type, caption=caption,
                width=prepared.width, height=prepared.height, pages=prepared.pages))
        except StoreError as error:
            return self._refuse(text.message(error.message))
        self.reload()
        self.changed.emit()
        return True

    def _refuse(self, sentence: str, title: str | None = None) -> bool:
        QMessageBox.warning(self, title or self.tr("Not attached"), sentence)
        return False

    # -- opening and removing -----------------------------------------------------

    def open_item(self, item: QListWidgetItem) -> QDialog | None:
        """Show the attachment; content not here yet is fetched first (in the background) when a
        download is configured, else the caseworker is told it comes with the next sync."""
        record = item.data(RECORD_ROLE)
        if content.has_content(self.store.read(), record["sha256"]) or self.fetch is None:
            return self._show(record)
        fetch = self.fetch
        run_task(lambda: fetch(record["sha256"], int(record["size"]), record["media_type"]),
                 lambda _ok: self._show(record), lambda error: self._fetch_failed(record, error), owner=self)
        return None

    def _fetch_failed(self, record: dict[str, Any], error: BaseException) -> None:
        """The download on first open failed: the store's sentence (a full disk), else offline and so on:
        what the laptop has (nothing yet) says so."""
        if isinstance(error, StoreError):
            self.reload()
            self._refuse(text.message(error.message), self.tr("Not downloaded"))
            return
        self._show(record)

    def _show(self, record: dict[str, Any]) -> QDialog | None:
        data = content.read_content(self.store.read(), record["sha256"])
        if data is None:
            QMessageBox.information(self, self.tr("Not downloaded yet"), self.tr(
                "This file has not reached this laptop yet. It comes with the next sync when the "
                "server has it."))
            return None
        self.reload()
        viewer = AttachmentViewer(record, data, self)
        viewer.open()
        self.viewer = viewer
        return viewer

    def remove_selected(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        record = item.data(RECORD_ROLE)
        if not self.confirm(record.get("caption") or text.enum_label("attachment_types", record.get("doc_type"))):
            return
        try:
            self.store.write(lambda tx: tx.delete("attachments", record["id"]))
        except StoreError as error:
            self._refuse(text.message(error.message))
            return
        self.reload()
        self.changed.emit()
