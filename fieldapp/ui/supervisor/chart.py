"""A small horizontal bar chart drawn with QPainter: no plotting library in the installer."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR = QColor("#3b6ea8")
ROW = 22


class BarChart(QWidget):
    """Bars for (label, value, shown) rows; a hidden small count gets its text ("<5") and no bar."""

    def __init__(self, title: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.title = title
        self.rows: list[tuple[str, float, str]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_rows(self, title: str, rows: list[tuple[str, float, str]]) -> None:
        self.title = title
        self.rows = rows
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(360, ROW * (len(self.rows) + 1) + 12)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        bold = self.font()
        bold.setBold(True)
        p.setFont(bold)
        p.drawText(QRectF(0, 0, self.width(), ROW), Qt.AlignmentFlag.AlignVCenter, self.title)
        p.setFont(self.font())
        if not self.rows:
            return
        label_w = min(max(metrics.horizontalAdvance(r[0]) for r in self.rows) + 12, self.width() // 2)
        value_w = max(metrics.horizontalAdvance(r[2]) for r in self.rows) + 10
        top = max((r[1] for r in self.rows), default=0) or 1
        span = max(10, self.width() - label_w - value_w)
        for i, (label, value, shown) in enumerate(self.rows):
            y = ROW * (i + 1)
            text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_w - 8)
            p.setPen(self.palette().text().color())
            p.drawText(QRectF(0, y, label_w - 8, ROW), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, text)
            width = span * value / top if value else 0
            if width:
                p.fillRect(QRectF(label_w, y + 4, width, ROW - 8), BAR)
            p.drawText(QRectF(label_w + width + 4, y, value_w, ROW), Qt.AlignmentFlag.AlignVCenter, shown)
        p.end()
