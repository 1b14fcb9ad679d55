"""Table cells with the words a search matched in bold, so a person sees why a row is listed."""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

Index = QModelIndex | QPersistentModelIndex


def runs(shown: str, spans: list[tuple[int, int]]) -> list[tuple[str, bool]]:
    """`shown` cut into (text, bold) runs: each (start, end) span bold, the text between plain."""
    out: list[tuple[str, bool]] = []
    at = 0
    for start, end in spans:
        if start > at:
            out.append((shown[at:start], False))
        out.append((shown[start:end], True))
        at = end
    if at < len(shown):
        out.append((shown[at:], False))
    return out


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
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        # Drawn run by run with the painter, on one line cut at the cell's edge like the plain cells (elided
        # text would cut a mark): a QTextDocument laid out per cell cost ~1 ms, 50 of them a screenful.
        plain, bold = QFont(opt.font), QFont(opt.font)
        bold.setBold(True)
        metrics = {False: QFontMetricsF(plain), True: QFontMetricsF(bold)}
        painter.save()
        painter.setClipRect(QRectF(rect))
        painter.setPen(opt.palette.color(role))
        height = metrics[False].height()
        baseline = rect.top() + max(0.0, (rect.height() - height) / 2) + metrics[False].ascent()
        x = rect.left() + 2.0
        for part, strong in runs(shown, spans):
            if x > rect.right():
                break
            painter.setFont(bold if strong else plain)
            painter.drawText(QPointF(x, baseline), part)
            x += metrics[strong].horizontalAdvance(part)
        painter.restore()

    def displayed_html(self, index: Index) -> str:
        """What a cell shows, as HTML with its marks (for a test or a screen reader)."""
        return marked_html(str(index.data() or ""), index.data(self.marks_role) or [])

