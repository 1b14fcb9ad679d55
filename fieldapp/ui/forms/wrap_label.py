"""A word-wrapped label that remembers its height for each width it was asked about.

While a form's page settles, its layouts ask every wrapped label "how tall at this width?" again
and again (showing the plan's 20 actions asked about a thousand times), and QLabel lays the text
out anew at each question. The answers depend only on the text, the font, the style and the
wrapping, so they are kept until one of those changes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QWidget


class WrapLabel(QLabel):
    """A QLabel that wraps its words and caches `heightForWidth` per width."""

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(text, parent)
        self._heights: dict[int, int] = {}
        super().setWordWrap(True)

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = super().heightForWidth(width)
        return height

    def setText(self, text: str) -> None:  # noqa: N802
        if text != self.text():
            self._heights.clear()
            super().setText(text)

    def clear(self) -> None:
        self._heights.clear()
        super().clear()

    def setWordWrap(self, on: bool) -> None:  # noqa: N802
        self._heights.clear()
        super().setWordWrap(on)

    def setTextFormat(self, fmt: Qt.TextFormat) -> None:  # noqa: N802
        self._heights.clear()
        super().setTextFormat(fmt)

    def setIndent(self, indent: int) -> None:  # noqa: N802
        self._heights.clear()
        super().setIndent(indent)

    def setMargin(self, margin: int) -> None:  # noqa: N802
        self._heights.clear()
        super().setMargin(margin)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.ContentsRectChange):
            self._heights.clear()
        super().changeEvent(event)
