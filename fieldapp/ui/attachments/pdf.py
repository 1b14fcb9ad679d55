"""A PDF's pages as images, drawn by PDFium (pypdfium2) from the bytes in memory.

Vector pages (text and lines, as office programs and scanners' software write them) and scanned
ones alike. The document is opened from the bytes the store gave (PDFium's in-memory loader), and
each page is drawn into a bitmap in memory and copied into a QImage: no temporary file, nothing on
disk. PDFium is not thread-safe: everything here runs on the GUI thread, one page at a time.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QImage

POINTS_PER_INCH = 72
SCREEN_DPI = 96  # zoom 100 % shows a page at its printed size on an ordinary screen
MAX_SIDE_PX = 8000  # a zoomed page larger than this is drawn at this size (memory stays bounded)


class PdfUnreadable(ValueError):
    """PDFium could not open the document (damaged, or locked with a password)."""


class PdfPages:
    """One open PDF: its page count, each page's size in points, and a page drawn at a scale."""

    def __init__(self, data: bytes):
        import pypdfium2 as pdfium

        self._data = data  # PDFium reads from this buffer for as long as the document is open
        try:
            self._doc: Any = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as error:
            raise PdfUnreadable(str(error)) from None
        self.count = len(self._doc)

    def size(self, index: int) -> tuple[float, float]:
        """The page's width and height in points (1/72 inch)."""
        width, height = self._doc.get_page_size(index)
        return float(width), float(height)

    def render(self, index: int, scale: float) -> QImage:
        """Page `index` (from 0) drawn at `scale` pixels per point, white under it."""
        import pypdfium2.raw as raw

        width, height = self.size(index)
        scale = min(scale, MAX_SIDE_PX / max(width, height, 1.0))
        page = self._doc[index]
        try:
            # RGBA in byte order is the same on every platform: Qt's RGBA8888 reads it as it is.
            bitmap = page.render(scale=scale, force_bitmap_format=raw.FPDFBitmap_BGRA, rev_byteorder=True,
                                 may_draw_forms=False, draw_annots=True)
            try:
                image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                               QImage.Format.Format_RGBA8888).copy()  # copy: the bitmap's memory goes next
            finally:
                bitmap.close()
        finally:
            page.close()
        return image

    def render_width(self, index: int, width_px: int) -> QImage:
        """Page `index` drawn `width_px` pixels wide."""
        width, _height = self.size(index)
        return self.render(index, width_px / max(width, 1.0))

    def close(self) -> None:
        self._doc.close()


def zoom_scale(percent: int) -> float:
    """Pixels per point at a zoom in percent (100: the page at its printed size on screen)."""
    return percent / 100 * SCREEN_DPI / POINTS_PER_INCH


def first_page(data: bytes, side: int) -> QImage | None:
    """The first page drawn to fit a `side`×`side` square (a thumbnail); None when it cannot be read."""
    try:
        pdf = PdfPages(data)
    except PdfUnreadable:
        return None
    try:
        if pdf.count == 0:
            return None
        width, height = pdf.size(0)
        return pdf.render(0, side / max(width, height, 1.0))
    finally:
        pdf.close()


def pdfium_version() -> str:
    """The PDFium build drawing the pages (the selftest names it)."""
    import pypdfium2.version as version

    return str(version.PDFIUM_INFO)


def self_check() -> str:
    """Draw a page of a PDF made here (a black rule on white) and check its pixels; the PDFium
    version when it is drawn right, RuntimeError otherwise. For `fieldapp --selftest` on the bundle."""
    from PySide6.QtCore import QBuffer, QIODevice, QPointF
    from PySide6.QtGui import QColor, QPainter, QPdfWriter, QPen

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(POINTS_PER_INCH)
    painter = QPainter(writer)
    painter.setPen(QPen(QColor("black"), 20))
    painter.drawLine(QPointF(0, 200), QPointF(400, 200))
    painter.end()
    pdf = PdfPages(bytes(buffer.data().data()))
    try:
        image = pdf.render(0, 1.0)
    finally:
        pdf.close()
    _left, top = writer.pageLayout().paintRectPoints().topLeft().toTuple()
    on, off = image.pixelColor(100, int(top) + 200), image.pixelColor(100, int(top) + 300)
    if on.lightness() > 60 or off.lightness() < 240:
        raise RuntimeError("a PDF page is not drawn right")
    return pdfium_version()
