"""Papers onto A4 pages with Qt: a QTextDocument per paper, painted page by page with its footer.

The same painting goes to a PDF (`pdf_bytes`, `write_pdf`) and to a printer from Qt's print
dialog (`print_papers`). Each paper numbers its own pages ("Сторінка 2 з 3"): a family's file is
several acts, each signed on its own. The font is the bundled DejaVu Sans (Cyrillic), so a
machine without it prints the same pages. Needs a QGuiApplication.
"""

from __future__ import annotations

import html
import os
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QFontDatabase,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrame,
    QTextTable,
)

from casework.papers import Answers, Heading, Paper, Signatures, Table, Text, word
from casework.resources import resource_dir

FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
RESOLUTION = 300
# Office papers in Ukraine leave a wider left margin for the binding (DSTU 4163-2020: 30 mm left).
MARGINS_MM = QMarginsF(25, 15, 12, 15)
Progress = Callable[[int, int], None]  # (papers done, papers in all), told after each paper
# A row up to a quarter page goes over whole (a label, lines to write in); a longer one (a long
# note) runs on over the break, as text does, rather than leave most of a page empty.
WHOLE_ROW = 0.25
EDGE = 2  # device pixels (at 300 dpi, 0.17 mm) kept clear at each page break


@cache
def font_family() -> str:
    """The bundled Cyrillic font, registered once; the system's DejaVu Sans if the files are missing."""
    family = "DejaVu Sans"
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resource_dir() / "fonts" / name))
        if font_id >= 0:
            family = QFontDatabase.applicationFontFamilies(font_id)[0]
    return family


def _e(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


# Where a table is cut so that a row starts on the next page: (block index, row index) in the paper.
Breaks = frozenset[tuple[int, int]]
# Each <table> of a paper's HTML, in order: (block index, its first row, header rows); None: not split.
Pieces = list[tuple[int, int, int] | None]

_TABLE = "<table border='1' cellspacing='0' cellpadding='4' width='100%' style='border-color: #555;{}'>"
_NEW_PAGE = " page-break-before: always;"


def paper_html(paper: Paper, breaks: Breaks = frozenset()) -> str:
    """The paper as the HTML subset QTextDocument lays out; a table is cut before each row of
    `breaks`, its rest (header repeated) starting a new page."""
    return _paper_html(paper, breaks)[0]


def _paper_html(paper: Paper, breaks: Breaks) -> tuple[str, Pieces]:
    lang = paper.lang
    pieces: Pieces = []
    parts = ["<html><body>"]
    if paper.header:
        parts.append("<p align='right' style='font-size: 8pt;'>" + "<br>".join(_e(s) for s in paper.header) + "</p>")
    parts.append(f"<p align='center' style='font-size: 13pt; font-weight: bold; margin-top: 8px;'>{_e(paper.title)}</p>")
    if paper.subtitle:
        parts.append(f"<p align='center' style='font-size: 11pt;'>{_e(paper.subtitle)}</p>")
    for index, block in enumerate(paper.blocks):
        if isinstance(block, Heading):
            # an <hN>, so the laid-out block knows it is a heading (headingLevel) and keeps with what follows
            size, tag = ("11pt", "h2") if block.level <= 2 else ("10pt", "h3")
            parts.append(f"<{tag} style='font-size: {size}; font-weight: bold; margin-top: 10px; margin-bottom: 4px;'>"
                         f"{_e(block.text)}</{tag}>")
        elif isinstance(block, Text):
            size = "8pt" if block.small else "10pt"
            parts.append(f"<p style='font-size: {size};'>{_e(block.text)}</p>")
        elif isinstance(block, Answers):
            parts.append(_TABLE.format(_NEW_PAGE if (index, 0) in breaks else ""))
            pieces.append((index, 0, 0))
            for number, row in enumerate(block.rows):
                if number and (index, number) in breaks:
                    parts.append("</table>" + _TABLE.format(_NEW_PAGE))
                    pieces.append((index, number, 0))
                value = _e(row.value) if row.value else "<br>" * row.lines + "&nbsp;"
                parts.append(f"<tr><td width='38%' style='font-size: 9pt;'>{_e(row.label)}</td>"
                             f"<td width='62%' style='font-size: 10pt;'>{value}</td></tr>")
            parts.append("</table>")
        elif isinstance(block, Table):
            # a first row over the break takes the table's title with it
            title_style = _NEW_PAGE if (index, 0) in breaks else ""
            parts.append(f"<p style='font-size: 10pt; margin-top: 6px;{title_style}'>{_e(block.title)}</p>")
            # a table whose first column names the rows (an act's data per parent) shares the rest out evenly,
            # so a blank column is as wide as a filled one would need
            widths = ([30] + [70 // (len(block.header) - 1)] * (len(block.header) - 1)
                      if len(block.header) > 1 and not block.header[0] else [])
            header = ("<tr>" + "".join(f"<th align='left'{f' width={w}%' if widths else ''} style='font-size: 9pt;'>"
                                       f"{_e(h)}</th>" for h, w in zip(block.header, widths or [0] * len(block.header), strict=True))
                      + "</tr>")
            parts.append(_TABLE.format("") + header)
            pieces.append((index, 0, 1))
            for number, cells in enumerate(block.rows):
                if number and (index, number) in breaks:  # the rest on a new page, under the header again
                    parts.append("</table>" + _TABLE.format(_NEW_PAGE) + header)
                    pieces.append((index, number, 1))
                parts.append("<tr>" + "".join(f"<td style='font-size: 10pt;'>{_e(c) if c else '&nbsp;<br>&nbsp;'}</td>"
                                              for c in cells) + "</tr>")
            parts.append("</table>")
        elif isinstance(block, Signatures):
            parts.append("<table cellspacing='0' cellpadding='5' width='100%'>")
            pieces.append(None)  # kept whole by _keep_signatures_together
            sign, name_hint, date = word("sign", lang), word("name_hint", lang), word("date", lang)
            for sig in block.rows:
                name = _e(sig.name) if sig.name else "______________________"
                parts.append(
                    f"<tr><td width='34%' style='font-size: 9pt;'>{_e(sig.role)}</td>"
                    f"<td width='22%' align='center' style='font-size: 10pt;'>______________<br>"
                    f"<span style='font-size: 7pt;'>{_e(sign)}</span></td>"
                    f"<td width='26%' align='center' style='font-size: 10pt;'>{name}<br>"
                    f"<span style='font-size: 7pt;'>{_e(name_hint)}</span></td>"
                    f"<td width='18%' style='font-size: 9pt;'>{_e(date)} ___________</td></tr>")
            parts.append("</table>")
    parts.append("</body></html>")
    return "".join(parts), pieces


def _tables(frame: QTextFrame) -> list[QTextTable]:
    found: list[QTextTable] = []
    for child in frame.childFrames():
        if isinstance(child, QTextTable):
            found.append(child)
        found += _tables(child)
    return found


def _row_span(layout: QAbstractTextDocumentLayout, table: QTextTable, row: int) -> tuple[float, float]:
    """The top of a row's first lines and the bottom of its last ones, over all its cells."""
    tops, bottoms = [], []
    for column in range(table.columns()):
        cell = table.cellAt(row, column)
        tops.append(layout.blockBoundingRect(cell.firstCursorPosition().block()).top())
        bottoms.append(layout.blockBoundingRect(cell.lastCursorPosition().block()).bottom())
    return min(tops), max(bottoms)


def _first_split_row(doc: QTextDocument, pieces: Pieces, page_height: float) -> tuple[int, int] | None:
    """The first table row (block, row) that runs over a page break and is short enough to keep whole."""
    layout = doc.documentLayout()
    for table, piece in zip(_tables(doc.rootFrame()), pieces, strict=False):
        if piece is None:
            continue
        block, first, header = piece
        for row in range(header, table.rows()):
            top, bottom = _row_span(layout, table, row)
            if int(top // page_height) != int((bottom - 1) // page_height) and bottom - top < page_height * WHOLE_ROW:
                return block, first + row - header
    return None


def _document(paper: Paper, device: QPagedPaintDevice, body: QSizeF, family: str) -> QTextDocument:
    """The paper laid out on pages of `body`: no table row cut by a page break (Qt splits a row line
    by line: a two-line label, or the lines left to write by hand, went half onto the next page),
    no heading alone at a page's foot, the signatures whole."""
    breaks: set[tuple[int, int]] = set()
    while True:
        html, pieces = _paper_html(paper, frozenset(breaks))
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(device)  # measure in the device's resolution, not the screen's
        doc.setDefaultFont(QFont(family, 10))
        doc.setDocumentMargin(0)
        doc.setHtml(html)
        doc.setPageSize(body)
        split = _first_split_row(doc, pieces, body.height())
        if split is None or split in breaks:  # (in breaks: a row that cannot be helped; never loop)
            break
        breaks.add(split)
    _keep_headings_with_next(doc, body.height())
    _keep_signatures_together(doc, word("signatures", paper.lang), body.height())
    return doc


def _keep_signatures_together(doc: QTextDocument, heading: str, page_height: float) -> None:
    """Start the signatures on a new page when they would run over a page break: a line to sign
    must not be cut in two, and each signature stays on the page that bears its heading."""
    found = doc.find(heading, doc.characterCount(), QTextDocument.FindFlag.FindBackward)
    if found.isNull():
        return
    layout = doc.documentLayout()
    top = layout.blockBoundingRect(found.block()).top()
    end = doc.size().height()
    if int(top // page_height) != int((end - 1) // page_height) and end - top < page_height:
        fmt = found.blockFormat()
        fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        found.setBlockFormat(fmt)


def _first_line_bottom(layout: QAbstractTextDocumentLayout, block: QTextBlock) -> float:
    rect = layout.blockBoundingRect(block)
    lines = block.layout()
    return rect.top() + (lines.lineAt(0).rect().bottom() if lines.lineCount() else rect.height())


def _keep_headings_with_next(doc: QTextDocument, page_height: float) -> None:
    """Start a heading on a new page when what follows it would begin on the next one: a heading is
    never left alone at a page's foot. A run of headings (a section and its first group) moves together."""
    layout = doc.documentLayout()
    block = doc.begin()
    moved = False
    while block.isValid():
        following = block.next()
        if block.blockFormat().headingLevel() and following.isValid() and not following.blockFormat().headingLevel():
            page = int(layout.blockBoundingRect(block).top() // page_height)
            if int((_first_line_bottom(layout, following) - 1) // page_height) > page:
                first = block  # the earliest heading of a run on the same page goes over with the rest
                while (first.previous().isValid() and first.previous().blockFormat().headingLevel()
                       and int(layout.blockBoundingRect(first.previous()).top() // page_height) == page):
                    first = first.previous()
                cursor = QTextCursor(first)
                fmt = first.blockFormat()
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                cursor.setBlockFormat(fmt)
                moved = True
        block = following
    if moved:  # an incremental relayout after a change leaves blocks between tables unpainted: lay out anew
        doc.markContentsDirty(0, doc.characterCount())


def _layout(device: QPagedPaintDevice) -> None:
    device.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     MARGINS_MM, QPageLayout.Unit.Millimeter))


def paint(papers: Sequence[Paper], device: QPagedPaintDevice, progress: Progress | None = None) -> int:
    """Paint every paper onto `device` (a QPdfWriter or a QPrinter set up for A4); the number of pages.

    Runs on any thread (Qt paints onto a QPdfWriter or QPrinter off the GUI thread; the documents are
    made here, on the painting thread) once `font_family()` has registered the font."""
    family = font_family()
    width, height = device.width(), device.height()
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the printer or file could not be opened")
    total = 0
    try:
        footer_font = QFont(family, 8)
        painter.setFont(footer_font)
        footer_h = painter.fontMetrics().height() * 2
        body = QSizeF(width, height - footer_h)
        for index, paper in enumerate(papers):
            doc = _document(paper, device, body, family)
            pages = doc.pageCount()
            for page in range(pages):
                if index or page:
                    device.newPage()
                painter.save()
                painter.translate(0, -page * body.height())
                # The clip stops a hair inside the page: a line that only touches the page break would
                # otherwise be written (clipped, unseen, but in the PDF's text) on both pages.
                top = page * body.height() + EDGE
                doc.drawContents(painter, QRectF(0, top, body.width(), body.height() - 2 * EDGE))
                painter.restore()
                painter.setFont(footer_font)
                footer = QRectF(0, height - footer_h * 0.7, width, footer_h * 0.7)
                painter.drawLine(0, int(footer.top()), width, int(footer.top()))
                number = word("page", paper.lang).format(page=page + 1, pages=pages)
                painter.drawText(footer, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom) | int(Qt.TextFlag.TextSingleLine), number)
                left = QRectF(footer.left(), footer.top(), footer.width() * 0.7, footer.height())
                elided = painter.fontMetrics().elidedText(paper.footer, Qt.TextElideMode.ElideRight, int(left.width()))
                painter.drawText(left, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom) | int(Qt.TextFlag.TextSingleLine), elided)
                total += 1
            if progress is not None:
                progress(index + 1, len(papers))
    finally:
        painter.end()
    return total


def pdf_bytes(papers: Sequence[Paper], title: str = "") -> bytes:
    """The papers as one PDF, in memory: nothing is written to a temporary file."""
    return render_pdf(papers, title)[0]


def render_pdf(papers: Sequence[Paper], title: str = "", *, progress: Progress | None = None) -> tuple[bytes, int]:
    """The papers as one PDF in memory, and its number of pages."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setTitle(title or (papers[0].title if papers else ""))
    writer.setCreator("FieldApp")
    _layout(writer)
    pages = paint(papers, writer, progress)
    del writer  # the PDF is complete once the writer is gone
    buffer.close()
    return bytes(data.data()), pages


def write_owner_only(path: Path, content: bytes) -> None:
    """Write `content` to `path` readable by its owner only, from the first byte (never group- or world-readable)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags, 0o600)
    try:
        if os.name == "posix":
            os.fchmod(fd, 0o600)  # a file that existed keeps its mode through O_TRUNC: set it
        with os.fdopen(fd, "wb") as out:
            fd = -1
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
    finally:
        if fd >= 0:
            os.close(fd)


def write_pdf(papers: Sequence[Paper], path: Path, title: str = "") -> int:
    """Write the papers as one PDF at `path` (the place the user chose), owner-only; its number of pages."""
    content, pages = render_pdf(papers, title)
    write_owner_only(path, content)
    return pages


def print_papers(papers: Sequence[Paper], printer: QPagedPaintDevice, *, progress: Progress | None = None) -> int:
    """Send the papers to a printer the print dialog set up (A4 portrait); the number of pages."""
    _layout(printer)
    return paint(papers, printer, progress)
