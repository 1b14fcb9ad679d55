"""Table cells with the words a search matched in bold, so a person sees why a row is listed."""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

Index = QModelIndex | QPersistentModelIndex


def marked_html(shown: str, spans: list[tuple[int, int]]) -> str:
    """`shown` as HTML, each (start, end) span in bold; everything else escaped."""
    out: list[str] = []
    at = 0
    for start, end in spans:
        out += [html.escape(shown[at:start]), "<b>", html.escape(shown[start:end]), "</b>"]
        at = end
    out.append(html.escape(shown[at:]))
    return "".join(out)


class HighlightDelegate(QStyledItemDelegate):
    """Paints a cell's text with the spans of `marks_role` in bold; cells without spans as usual."""

    def __init__(self, marks_role: int, parent=None):
        super().__init__(parent)
        self.marks_role = marks_role

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        spans = index.data(self.marks_role)
        if not spans:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        shown = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
        doc = QTextDocument()
        doc.setDefaultFont(opt.font)
        doc.setDocumentMargin(0)
        # One line, cut at the cell's edge like the plain cells (elided text would cut a mark).
        doc.setHtml(f"<span style='white-space:pre'>{marked_html(shown, spans)}</span>")
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        ctx.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        painter.save()
        top = rect.top() + max(0, (rect.height() - doc.size().height()) / 2)
        painter.translate(rect.left() + 2, top)
        painter.setClipRect(QRectF(0, 0, rect.width() - 2, rect.height()))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def displayed_html(self, index: Index) -> str:
        """What a cell shows, as HTML with its marks (for a test or a screen reader)."""
        return marked_html(str(index.data() or ""), index.data(self.marks_role) or [])

