"""Windows sized to the screen they open on: a laptop's 1366×768 or 1280×720 less its taskbar.

A window's frame (title bar, borders) lies outside the size a widget asks for, and is not known
before the window manager draws it: FRAME is a generous allowance for it.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

FRAME = QSize(16, 48)  # borders left and right; the title bar and the bottom border


def available(widget: QWidget) -> QRect | None:
    """The part of the widget's screen that windows may use (the taskbar left out), or None headless."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen else None


def fit(widget: QWidget, width: int, height: int, *, area: QRect | None = None) -> QSize:
    """Resize a top-level window to width×height or less, so that it and its frame fit `area`
    (default: the available part of its screen), and centre it there. Returns the size given."""
    area = area if area is not None else available(widget)
    if area is None:
        widget.resize(width, height)
        return QSize(width, height)
    size = QSize(min(width, area.width() - FRAME.width()), min(height, area.height() - FRAME.height()))
    widget.resize(size)
    left = area.left() + (area.width() - size.width() - FRAME.width()) // 2
    top = area.top() + (area.height() - size.height() - FRAME.height()) // 2
    widget.move(max(area.left(), left), max(area.top(), top))
    return size
