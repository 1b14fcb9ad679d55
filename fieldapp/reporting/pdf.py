"""Write a labelled report as a PDF with Qt (QTextDocument printed by QPdfWriter): no extra dependency."""

from __future__ import annotations

import html
import os
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

from casework.reports.tables import LabelledReport


def report_html(report: LabelledReport) -> str:
    e = html.escape
    parts = [
        "<html><body style='font-family: DejaVu Sans, sans-serif; font-size: 10pt;'>",
        f"<h1 style='font-size: 16pt;'>{e(report.title)}</h1>",
        "<table cellspacing='0' cellpadding='2'>",
    ]
    parts += [f"<tr><td><b>{e(k)}</b></td><td>{e(v)}</td></tr>" for k, v in report.facts]
    parts.append(f"</table><p style='font-size: 12pt;'><b>{e(report.summary)}</b></p>")
    for section in report.sections:
        parts.append(f"<h2 style='font-size: 12pt;'>{e(section.title)}</h2>")
        parts.append("<table border='1' cellspacing='0' cellpadding='3' width='100%'>")
        parts.append("<tr>" + "".join(f"<th align='left'>{e(h)}</th>" for h in section.header) + "</tr>")
        for row in section.rows:
            cells = [f"<td>{e(c)}</td>" for c in row[:-1]] + [f"<td align='right'>{e(row[-1])}</td>"]
            parts.append("<tr>" + "".join(cells) + "</tr>")
        parts.append("</table>")
    parts.append("</body></html>")
    return "".join(parts)


def _print_numbered(doc: QTextDocument, writer: QPdfWriter) -> None:
    """Print `doc` page by page with "n / m" at the foot of each page (language-neutral)."""
    painter = QPainter(writer)
    painter.setFont(QFont("DejaVu Sans", 8))
    footer = painter.fontMetrics().height() * 2
    body = QSizeF(writer.width(), writer.height() - footer)
    doc.setPageSize(body)
    pages = doc.pageCount()
    for page in range(pages):
        if page:
            writer.newPage()
        painter.save()
        painter.translate(0, -page * body.height())
        doc.drawContents(painter, QRectF(0, page * body.height(), body.width(), body.height()))
        painter.restore()
        painter.drawText(QRectF(0, body.height(), body.width(), footer),
                         int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom), f"{page + 1} / {pages}")
    painter.end()


def write_pdf(report: LabelledReport, path: Path) -> None:
    """A4 portrait, 15 mm margins. Needs a QGuiApplication (the desktop app has one)."""
    writer = QPdfWriter(str(path))
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    writer.setResolution(300)
    writer.setTitle(report.title)
    writer.setCreator("FieldApp")
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)  # lay out in the PDF's resolution, not the screen's
    doc.setHtml(report_html(report))
    _print_numbered(doc, writer)
    del writer  # the file is complete once the writer is gone
    if os.name == "posix":
        os.chmod(path, 0o600)
