"""The viewer inside the program: an image at the window's size, or a PDF page by page, with zoom.

A PDF's pages are drawn by PDFium from the bytes in memory (fieldapp/ui/attachments/pdf.py), one
page at a time, again at each zoom so that text and lines stay sharp: Previous / Next (and Page Up /
Page Down) move between pages.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from fieldapp.ui import screen, text
from fieldapp.ui.attachments.pdf import PdfPages, PdfUnreadable, zoom_scale

FIT_WIDTH_PX = 840  # what the scroll area shows of a page at first, in the dialog's first size


class AttachmentViewer(QDialog):
    """One attachment, whole: its kind, caption and content."""

    def __init__(self, record: dict[str, Any], data: bytes, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("attachmentViewer")
        kind = text.enum_label("attachment_types", record.get("doc_type"))
        caption = record.get("caption") or ""
        self.setWindowTitle(kind + (f" — {caption}" if caption else ""))
        self.record = record
        self.pdf: PdfPages | None = None
        self.page = 0
        self.image: QImage | None = None
        self.picture = QLabel()
        self.picture.setObjectName("page")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.picture.setWordWrap(True)
        scroll = QScrollArea()
        scroll.setWidget(self.picture)
        scroll.setWidgetResizable(True)
        scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.zoom = QSlider(Qt.Orientation.Horizontal)
        self.zoom.setObjectName("zoom")
        self.zoom.setRange(10, 300)
        self.zoom.setSingleStep(10)
        self.zoom.setPageStep(25)
        self.percent = QLabel()
        self.percent.setMinimumWidth(self.percent.fontMetrics().horizontalAdvance("300 %") + 8)
        self.previous = QPushButton(self.tr("◀ Previous page"))
        self.previous.setObjectName("previousPage")
        self.next = QPushButton(self.tr("Next page ▶"))
        self.next.setObjectName("nextPage")
        self.page_label = QLabel()
        self.page_label.setObjectName("pageNumber")
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for button in (self.previous, self.next):
            button.setAutoDefault(False)
        self.previous.clicked.connect(lambda: self.show_page(self.page - 1))
        self.next.clicked.connect(lambda: self.show_page(self.page + 1))
        QShortcut(QKeySequence(Qt.Key.Key_PageUp), self, lambda: self.show_page(self.page - 1))
        QShortcut(QKeySequence(Qt.Key.Key_PageDown), self, lambda: self.show_page(self.page + 1))
        bar = QHBoxLayout()
        bar.addWidget(self.previous)
        bar.addWidget(self.page_label)
        bar.addWidget(self.next)
        bar.addSpacing(24)
        bar.addWidget(QLabel(self.tr("Zoom")))
        bar.addWidget(self.zoom, 1)
        bar.addWidget(self.percent)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(bar)
        layout.addWidget(buttons)
        if record.get("media_type") == "application/pdf":
            self._open_pdf(data)
        else:
            self._open_image(QImage.fromData(data))
        self.zoom.valueChanged.connect(self._scale)
        self._scale(self.zoom.value())
        screen.fit(self, 900, 720)  # a laptop's 1280×720 less its taskbar gets less

    # -- what is shown ---------------------------------------------------------------

    def _open_image(self, image: QImage) -> None:
        for widget in (self.previous, self.next, self.page_label):
            widget.hide()
        if image.isNull():
            self.picture.setText(self.tr("This image cannot be shown."))
            self.zoom.setEnabled(False)
            return
        self.image = image
        # At first the image fits the window's width (never enlarged beyond its own size).
        self.zoom.setValue(max(10, min(100, FIT_WIDTH_PX * 100 // max(1, image.width()))))

    def _open_pdf(self, data: bytes) -> None:
        try:
            self.pdf = PdfPages(data)
        except PdfUnreadable:
            self.pdf = None
        if self.pdf is None or self.pdf.count == 0:
            for widget in (self.previous, self.next, self.page_label):
                widget.hide()
            self.zoom.setEnabled(False)
            self.picture.setText(self.tr("This PDF cannot be shown: it is damaged."))
            return
        width, _height = self.pdf.size(0)
        fit = int(FIT_WIDTH_PX * 100 / max(1.0, width * zoom_scale(100)))
        self.zoom.setValue(max(10, min(100, fit)))
        self._update_pages()

    def show_page(self, index: int) -> None:
        """Show page `index` (from 0) of a PDF; outside the document nothing changes."""
        if self.pdf is None or not 0 <= index < self.pdf.count or index == self.page:
            return
        self.page = index
        self._update_pages()
        self._scale(self.zoom.value())

    def _update_pages(self) -> None:
        assert self.pdf is not None
        self.page_label.setText(self.tr("Page %1 of %2").replace("%1", str(self.page + 1))
                                .replace("%2", str(self.pdf.count)))
        self.previous.setEnabled(self.page > 0)
        self.next.setEnabled(self.page < self.pdf.count - 1)

    def _scale(self, percent: int) -> None:
        self.percent.setText(f"{percent} %")
        if self.pdf is not None:
            # Drawn again at each zoom: a vector page stays sharp at any size.
            self.image = self.pdf.render(self.page, zoom_scale(percent))
            self.picture.setPixmap(QPixmap.fromImage(self.image))
        elif self.image is not None:
            width = max(50, self.image.width() * percent // 100)
            self.picture.setPixmap(QPixmap.fromImage(
                self.image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)))

    def shown(self) -> QImage:
        """What the viewer shows now, as an image (the page or the photo at the zoom)."""
        pixmap = self.picture.pixmap()
        return pixmap.toImage() if pixmap is not None else QImage()

    def done(self, result: int) -> None:  # noqa: D102 - QDialog's; the document closes with the dialog
        if self.pdf is not None:
            self.pdf.close()
            self.pdf = None
        super().done(result)
