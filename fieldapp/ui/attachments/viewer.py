"""The viewer inside the program: an image at the window's size (zoom with the slider), or a PDF's
pages. PySide6-Essentials has no QtPdf (it is in PySide6-Addons), so a PDF page is shown by the
scanned images it holds (read with pypdf, in memory), or by its text when it has no image."""

from __future__ import annotations

import io
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from fieldapp.ui import text


def pdf_pages(data: bytes, limit: int = 50) -> list[tuple[list[QImage], str]]:
    """Each page of a PDF (at most `limit`): the images it holds and its text."""
    from pypdf import PdfReader

    pages: list[tuple[list[QImage], str]] = []
    reader = PdfReader(io.BytesIO(data), strict=False)
    for page in list(reader.pages)[:limit]:
        images: list[QImage] = []
        try:
            for img in page.images:
                q = QImage.fromData(img.data)
                if not q.isNull():
                    images.append(q)
        except Exception:  # noqa: BLE001 - an image pypdf cannot decode: the page's text is shown instead
            images = []
        try:
            words = page.extract_text() or ""
        except Exception:  # noqa: BLE001 - same: a page without readable text
            words = ""
        pages.append((images, words.strip()))
    return pages


class AttachmentViewer(QDialog):
    """One attachment, whole: its kind, caption and content."""

    def __init__(self, record: dict[str, Any], data: bytes, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("attachmentViewer")
        kind = text.enum_label("attachment_types", record.get("doc_type"))
        caption = record.get("caption") or ""
        self.setWindowTitle(kind + (f" — {caption}" if caption else ""))
        self.record = record
        self.body = QWidget()
        self.pages = QVBoxLayout(self.body)
        self.pages.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.images: list[tuple[QLabel, QImage]] = []
        if record.get("media_type") == "application/pdf":
            self._pdf(data)
        else:
            self._image(QImage.fromData(data))
        scroll = QScrollArea()
        scroll.setWidget(self.body)
        scroll.setWidgetResizable(True)
        self.zoom = QSlider(Qt.Orientation.Horizontal)
        self.zoom.setObjectName("zoom")
        self.zoom.setRange(10, 200)
        # At first the image fits the window's width (never enlarged beyond its own size).
        widest = max((image.width() for _label, image in self.images), default=1)
        self.zoom.setValue(max(10, min(100, 840 * 100 // max(1, widest))))
        self.zoom.valueChanged.connect(self._scale)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Zoom")))
        bar.addWidget(self.zoom, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(bar)
        layout.addWidget(buttons)
        self._scale(self.zoom.value())
        self.resize(900, 640)

    def _image(self, image: QImage) -> None:
        label = QLabel()
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        if image.isNull():
            label.setText(self.tr("This image cannot be shown."))
        else:
            self.images.append((label, image))
        self.pages.addWidget(label)

    def _pdf(self, data: bytes) -> None:
        pages = pdf_pages(data)
        for number, (images, words) in enumerate(pages, 1):
            heading = QLabel("<b>" + self.tr("Page %1 of %2").replace("%1", str(number))
                             .replace("%2", str(self.record.get("pages") or len(pages))) + "</b>")
            self.pages.addWidget(heading)
            for image in images:
                self._image(image)
            if not images:
                body = QLabel(words or self.tr("This page has no scanned image and no text to show here."))
                body.setWordWrap(True)
                body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self.pages.addWidget(body)

    def _scale(self, percent: int) -> None:
        for label, image in self.images:
            width = max(50, image.width() * percent // 100)
            label.setPixmap(QPixmap.fromImage(image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)))
