"""A vector PDF (text and lines, written by QPdfWriter) is drawn by PDFium in the viewer, page by
page with Previous / Next and zoom, and as the thumbnail of its first page; a damaged one says so."""

from __future__ import annotations

import io

import pytest
from factories import household
from pypdf import PdfReader
from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from fieldapp.store import attachments as content
from fieldapp.ui.attachments.pdf import PdfPages, PdfUnreadable, first_page, zoom_scale
from fieldapp.ui.attachments.prepare import prepare
from fieldapp.ui.attachments.viewer import AttachmentViewer

A4 = (595.0, 842.0)


def vector_pdf() -> bytes:
    """Two A4 pages drawn as vectors: page 1 a thick black rule across the top third and a line of
    text; page 2 a filled red rectangle in its lower half. No image anywhere."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(0, 0, 0, 0)))
    writer.setResolution(72)  # one unit = one point: the page is 595 × 842
    painter = QPainter(writer)
    painter.setPen(QPen(QColor("black"), 12))
    painter.drawLine(QPointF(50, 280), QPointF(545, 280))
    painter.setFont(QFont("DejaVu Sans", 28))
    painter.drawText(QRectF(50, 80, 500, 60), "Акт обстеження")
    writer.newPage()
    painter.fillRect(QRectF(100, 500, 400, 250), QColor("#d01010"))
    painter.end()
    return bytes(buffer.data().data())


def dark(image: QImage, x: int, y: int) -> bool:
    c = image.pixelColor(x, y)
    return c.red() < 80 and c.green() < 80 and c.blue() < 80


def red(image: QImage, x: int, y: int) -> bool:
    c = image.pixelColor(x, y)
    return c.red() > 170 and c.green() < 60 and c.blue() < 60


def white(image: QImage, x: int, y: int) -> bool:
    c = image.pixelColor(x, y)
    return min(c.red(), c.green(), c.blue()) > 245


def dark_share(image: QImage, box: tuple[int, int, int, int]) -> float:
    x0, y0, x1, y1 = box
    pixels = [(x, y) for x in range(x0, x1, 2) for y in range(y0, y1, 2)]
    return sum(dark(image, x, y) for x, y in pixels) / len(pixels)


def test_a_vector_page_is_drawn_with_its_lines_and_text(qapp):
    data = vector_pdf()
    # Vector only: no image XObject for the old image-extracting viewer to show.
    assert all(not page.images for page in PdfReader(io.BytesIO(data)).pages)
    pdf = PdfPages(data)
    assert pdf.count == 2 and pdf.size(0) == pytest.approx(A4, abs=1)
    page = pdf.render(0, 1.0)  # one pixel per point
    assert abs(page.width() - 595) <= 1 and abs(page.height() - 842) <= 1
    assert dark(page, 300, 280) and dark(page, 60, 280) and dark(page, 540, 280)  # the rule, end to end
    assert white(page, 300, 300) and white(page, 300, 600) and white(page, 20, 280)  # and nothing else
    assert 0.03 < dark_share(page, (50, 80, 450, 140)) < 0.6  # the text's glyphs, not a filled block
    assert dark_share(page, (50, 160, 450, 260)) == 0
    double = pdf.render(0, 2.0)
    assert abs(double.width() - 1190) <= 1 and dark(double, 600, 560) and white(double, 600, 620)
    second = pdf.render(1, 1.0)
    assert red(second, 300, 600) and white(second, 300, 300) and not red(second, 300, 280)
    pdf.close()


def test_the_viewer_shows_a_pdf_page_by_page_and_zooms(qtbot):
    prepared = prepare(vector_pdf(), max_bytes=25 * 1024 * 1024, max_side=2000)  # as stored on import
    record = {"media_type": "application/pdf", "doc_type": "signed_act", "caption": "Акт", "pages": 2}
    viewer = AttachmentViewer(record, prepared.data)
    qtbot.addWidget(viewer)
    viewer.show()
    assert viewer.page_label.text() == "Page 1 of 2"
    assert not viewer.previous.isEnabled() and viewer.next.isEnabled()
    viewer.zoom.setValue(100)
    first = viewer.shown()
    scale = zoom_scale(100)
    assert abs(first.width() - 595.3 * scale) <= 1
    assert dark(first, int(300 * scale), int(280 * scale)) and white(first, int(300 * scale), int(600 * scale))
    viewer.next.click()
    assert viewer.page_label.text() == "Page 2 of 2" and not viewer.next.isEnabled()
    second = viewer.shown()
    assert red(second, int(300 * scale), int(600 * scale)) and not dark(second, int(300 * scale), int(280 * scale))
    viewer.zoom.setValue(200)  # drawn again at the new size: the rule is as sharp, twice as wide
    bigger = viewer.shown()
    assert abs(bigger.width() - 595.3 * zoom_scale(200)) <= 1 and red(bigger, int(300 * zoom_scale(200)),
                                                                   int(600 * zoom_scale(200)))
    viewer.previous.click()
    assert viewer.page_label.text() == "Page 1 of 2" and dark(viewer.shown(), int(300 * zoom_scale(200)),
                                                               int(280 * zoom_scale(200)))


def test_a_pdf_attachment_has_its_first_page_as_thumbnail(qtbot, store, tmp_path):
    from fieldapp.ui.attachments.panel import THUMB, AttachmentStrip

    family = store.write(lambda tx: tx.create("households", household()))
    (tmp_path / "act.pdf").write_bytes(vector_pdf())
    strip = AttachmentStrip(store, family["id"], "households", family["id"])
    qtbot.addWidget(strip)
    strip.ask = lambda name: ("signed_act", "")
    assert strip.attach_path(tmp_path / "act.pdf")
    icon = strip.list.item(0).icon().pixmap(THUMB, THUMB).toImage()
    assert icon.height() == THUMB and abs(icon.width() - THUMB * 595 / 842) <= 1
    # The black rule across the page a third of the way down, in small.
    y = round(280 / 842 * THUMB)
    assert any(dark(icon, icon.width() // 2, yy) for yy in (y - 1, y, y + 1))
    assert white(icon, icon.width() // 2, round(600 / 842 * THUMB))
    assert "PDF, 2 page" in strip.list.item(0).toolTip()
    [record] = store.records("attachments")
    assert content.has_content(store.read(), record["sha256"])


def test_a_damaged_pdf_says_so_in_the_viewer(qtbot):
    broken = vector_pdf()[:200]
    with pytest.raises(PdfUnreadable):
        PdfPages(broken)
    assert first_page(broken, 96) is None
    viewer = AttachmentViewer({"media_type": "application/pdf", "doc_type": "other"}, broken)
    qtbot.addWidget(viewer)
    assert "damaged" in viewer.picture.text() and viewer.page_label.isHidden()
