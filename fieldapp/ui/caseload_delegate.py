"""The caseload's cells painted in one Python call each, from the model's own rows.

Qt's own delegate asks the model for seven roles of every cell it paints, each a call from C++
into Python's `data()` (~1,300 a screenful), then lays the text out with a QTextLayout: a screenful
of 36 rows cost ~48 ms. This delegate reads the cell the model made once (`CaseloadModel.cell`:
text, icon, colour, alignment, the search's marks) and draws it with a few painter calls: the
text elided at the cell's edge like Qt's, the marked words in bold, run by run.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from fieldapp.ui.highlight import marked_html, runs

Index = QModelIndex | QPersistentModelIndex
MARGIN = 3  # Qt's text margin in a cell (QStyle.PM_FocusFrameHMargin + 1)
ICON = 16
_SELECTED = QStyle.StateFlag.State_Selected
_ACTIVE = QStyle.StateFlag.State_Active
_ENABLED = QStyle.StateFlag.State_Enabled
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_ELIDE = Qt.TextElideMode.ElideRight


class CaseloadDelegate(QStyledItemDelegate):
    """Paints a caseload cell from `model.cell(row, column)`; everything else is Qt's delegate."""

    def __init__(self, model, parent=None):
        super().__init__(parent)
        self.model = model
        self._fonts: tuple[QFont, QFont, QFontMetricsF, QFontMetricsF] | None = None
        self._font_key: str | None = None

    def _fonts_for(self, font: QFont) -> tuple[QFont, QFont, QFontMetricsF, QFontMetricsF]:
        key = font.key()
        if self._fonts is None or key != self._font_key:  # the text size changed
            bold = QFont(font)
            bold.setBold(True)
            self._fonts = (QFont(font), bold, QFontMetricsF(font), QFontMetricsF(bold))
            self._font_key = key
        return self._fonts

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        cell = self.model.cell(index.row(), index.column())
        if cell is None:
            super().paint(painter, option, index)
            return
        shown, decoration, colour, align, marks = cell
        rect: QRect = option.rect
        state = option.state
        palette = option.palette
        group = QPalette.ColorGroup.Normal if state & _ACTIVE else QPalette.ColorGroup.Inactive
        if not state & _ENABLED:
            group = QPalette.ColorGroup.Disabled
        if state & _SELECTED:
            painter.fillRect(rect, palette.brush(group, QPalette.ColorRole.Highlight))
            pen = palette.color(group, QPalette.ColorRole.HighlightedText)
        else:
            pen = colour if colour is not None else palette.color(group, QPalette.ColorRole.Text)
        x = rect.x() + MARGIN
        if decoration is not None:
            top = rect.y() + (rect.height() - ICON) // 2
            decoration.paint(painter, QRect(x, top, ICON, ICON))
            x += ICON + MARGIN
        if not shown:
            return
        text_rect = QRect(x, rect.y(), rect.right() - MARGIN - x + 1, rect.height())
        plain, bold, plain_m, bold_m = self._fonts_for(option.font)
        painter.setPen(pen)
        if not marks:
            painter.setFont(plain)
            if plain_m.horizontalAdvance(shown) > text_rect.width():
                shown = plain_m.elidedText(shown, _ELIDE, text_rect.width())
            painter.drawText(text_rect, int(align or _LEFT), shown)
            return
        # The marked text on one line cut at the cell's edge (an ellipsis would cut a mark in two).
        painter.save()
        painter.setClipRect(text_rect)
        baseline = text_rect.top() + max(0.0, (text_rect.height() - plain_m.height()) / 2) + plain_m.ascent()
        at = float(text_rect.left())
        right = text_rect.right()
        for part, strong in runs(shown, marks):
            if at > right:
                break
            painter.setFont(bold if strong else plain)
            painter.drawText(QPointF(at, baseline), part)
            at += (bold_m if strong else plain_m).horizontalAdvance(part)
        painter.restore()

    def displayed_html(self, index: Index) -> str:
        """What a cell shows, as HTML with its marks (for a test or a screen reader)."""
        cell = self.model.cell(index.row(), index.column())
        return marked_html(cell[0], cell[4] or []) if cell is not None else ""
