"""The text-size setting (100 %, 115 %, 130 %, 150 %): applied at once to the whole program, no restart.

`apply` scales the application font from the system's size, and with it every font a screen set
for itself (a title made 1.5× the text stays 1.5× the new text); tables made with `fit_rows` get
row heights from the font, so rows grow with the text. `TextSizeGroup` is Settings' section: the
size shows as it is chosen, is kept at OK and taken back at Cancel; IT may set and lock it in
fieldapp.toml (`text_size`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QWidget,
)

from fieldapp.options import OPTIONS
from fieldapp.settings import Settings

SIZES: tuple[int, ...] = tuple(OPTIONS["text_size"].choices)
MIN_ROW_PX = 26  # a table row at the system's size (what the screens used before)
_BASE = "fieldapp_base_point_size"  # the system's font size, remembered on the application
_NOW = "fieldapp_text_size"
_FIT = "fieldapp_fit_rows"


def current() -> int:
    """The size in force, in percent (100 before any `apply`)."""
    app = QApplication.instance()
    value = app.property(_NOW) if app is not None else None
    return int(value) if isinstance(value, int) and value in SIZES else 100


def nearest(percent: object) -> int:
    """One of SIZES: the closest to `percent` (a value from an older settings file), else 100."""
    if isinstance(percent, bool) or not isinstance(percent, int):
        return 100
    return min(SIZES, key=lambda s: abs(s - percent))


def scaled(pixels: int) -> int:
    """A width laid out for the system's text size, at the size in force (columns of a table)."""
    return round(pixels * current() / 100)


def row_height(view: QWidget) -> int:
    """A table row that holds a line of the view's text with room around it."""
    return max(MIN_ROW_PX, round(view.fontMetrics().height() * 1.55))


def fit_rows(view: QAbstractItemView) -> None:
    """Rows as high as the text needs, now and after every `apply` (instead of a fixed height)."""
    header = getattr(view, "verticalHeader", lambda: None)()
    if isinstance(header, QHeaderView):
        header.setProperty(_FIT, True)
        header.setDefaultSectionSize(row_height(view))
    columns = getattr(view, "horizontalHeader", lambda: None)()
    if isinstance(columns, QHeaderView):
        columns.setProperty(_FIT, True)  # its widths (set with `scaled`) grow and shrink with the text


def apply(percent: int) -> int:
    """Show the whole program's text at `percent` of the system's size; returns the size applied."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return 100
    percent = nearest(percent)
    base = app.property(_BASE)
    if not isinstance(base, float):
        base = app.font().pointSizeF()
        app.setProperty(_BASE, base)
    ratio = percent / current()
    if ratio != 1:
        for widget in app.allWidgets():  # fonts a screen set itself keep their proportion to the text
            if widget.testAttribute(Qt.WidgetAttribute.WA_SetFont):
                own = QFont(widget.font())
                if own.pointSizeF() > 0:
                    own.setPointSizeF(own.pointSizeF() * ratio)
                    widget.setFont(own)
    font = QFont(app.font())
    font.setPointSizeF(base * percent / 100)
    app.setProperty(_NOW, percent)
    app.setFont(font)
    # Qt hands the new font to the widgets by posted events: delivered now, so that the rows below
    # measure the new text (posted events only: no input, no timers, nothing re-entered).
    QApplication.sendPostedEvents()
    for widget in app.allWidgets():
        if not (isinstance(widget, QHeaderView) and widget.property(_FIT)):
            continue
        if widget.orientation() == Qt.Orientation.Vertical:
            view = widget.parentWidget()
            widget.setDefaultSectionSize(row_height(view if view is not None else widget))
        elif ratio != 1:
            for section in range(widget.count()):
                widget.resizeSection(section, round(widget.sectionSize(section) * ratio))
    return percent


class TextSizeGroup(QGroupBox):
    """Settings' text-size section: shown at once, kept by `save()` (OK), taken back by `revert()` (Cancel)."""

    def __init__(self, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.setObjectName("textSizeGroup")
        self.setTitle(self.tr("Text"))
        self.kept = nearest(settings.get("text_size"))
        self.size = QComboBox()
        self.size.setObjectName("textSize")
        for percent in SIZES:
            self.size.addItem(self.tr("%1 %").replace("%1", str(percent)), percent)
        self.size.setCurrentIndex(max(0, self.size.findData(self.kept)))
        note = QLabel(self.tr("Larger text is easier to read; windows and table rows grow with it."))
        note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Text size"), self.size)
        form.addRow(note)
        if settings.is_locked("text_size"):
            self.size.setEnabled(False)
            locked = QLabel(self.tr("Your organisation set the text size for this laptop."))
            locked.setObjectName("textSizeLocked")
            locked.setWordWrap(True)
            self.size.setToolTip(locked.text())
            form.addRow(locked)
        self.size.currentIndexChanged.connect(lambda _i: apply(self.chosen()))

    def chosen(self) -> int:
        return int(self.size.currentData())

    def save(self) -> None:
        """At OK: keep the size shown (OSError when the settings file cannot be written)."""
        if not self.settings.is_locked("text_size"):
            self.settings.set("text_size", self.chosen())
            self.kept = self.chosen()
        apply(nearest(self.settings.get("text_size")))

    def revert(self) -> None:
        """At Cancel: the size kept before."""
        apply(self.kept)

