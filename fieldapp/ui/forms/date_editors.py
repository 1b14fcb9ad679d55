"""Editors of dates and times, typed as text (a half-typed date is kept as typed) with a calendar."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from casework.dates import format_date, read_date, read_time
from casework.forms import Item, parse_date, parse_datetime, parse_time
from fieldapp.ui.forms.editor_base import Editor, hbox


class DateLine(QWidget):
    """A date typed as text (empty allowed), with a calendar to pick from."""

    edited = Signal()
    picked = Signal()

    def __init__(self, lang: str, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.lang = lang
        self.line = QLineEdit()
        self.line.setObjectName(name)
        self.line.setPlaceholderText(QCoreApplication.translate("FormEditors", "DD.MM.YYYY"))
        self.line.setMaximumWidth(self.line.fontMetrics().horizontalAdvance("00.00.00000") + 24)
        self.line.textEdited.connect(self.edited)
        self.button = QToolButton()
        self.button.setText("…")
        self.button.setToolTip(QCoreApplication.translate("FormEditors", "Choose on a calendar"))
        self.button.setAccessibleName(QCoreApplication.translate("FormEditors", "Choose on a calendar"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.menu = QMenu(self.button)
        self.menu.aboutToShow.connect(self._prepare_calendar)
        self.calendar: QCalendarWidget | None = None
        self.button.setMenu(self.menu)
        self.setLayout(hbox(self.line, self.button, stretch=False))

    def _prepare_calendar(self) -> None:
        if self.calendar is None:
            self.calendar = QCalendarWidget()
            self.calendar.setGridVisible(True)
            self.calendar.clicked.connect(self._pick)
            action = QWidgetAction(self.menu)
            action.setDefaultWidget(self.calendar)
            self.menu.addAction(action)
        day = parse_date(self.iso() or "")
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day) if day else QDate.currentDate())

    def _pick(self, date: QDate) -> None:
        self.set_iso(dt.date(date.year(), date.month(), date.day()).isoformat())
        self.menu.close()
        self.edited.emit()
        self.picked.emit()

    def text(self) -> str:
        return self.line.text().strip()

    def iso(self) -> str | None:
        """The date typed, as ISO; the raw text when it cannot be read; None when empty."""
        text = self.text()
        if not text:
            return None
        return read_date(text) or text

    def set_iso(self, value: Any) -> None:
        self.line.setText("" if value is None else format_date(str(value), self.lang))


class DateEditor(Editor):
    def __init__(self, item: Item, lang: str, parent: QWidget | None = None):
        super().__init__(item, lang, parent)
        self.date = DateLine(lang, f"field:{item.key}")
        self.date.edited.connect(self.edited)
        self.date.picked.connect(self.committed)
        self.setLayout(hbox(self.date))

    def value(self) -> Any:
        return self.date.iso()

    def set_value(self, value: Any) -> None:
        self.date.set_iso(value)

    def focus_target(self) -> QWidget:
        return self.date.line


class TimeLine(QLineEdit):
    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.setPlaceholderText(QCoreApplication.translate("FormEditors", "HH:MM"))
        self.setMaximumWidth(self.fontMetrics().horizontalAdvance("00:000") + 20)

    def value(self) -> str | None:
        text = self.text().strip()
        if not text:
            return None
        return read_time(text) or text


class TimeEditor(Editor):
    def __init__(self, item: Item, lang: str, parent: QWidget | None = None):
        super().__init__(item, lang, parent)
        self.time = TimeLine(f"field:{item.key}")
        self.time.textEdited.connect(self.edited)
        self.setLayout(hbox(self.time))

    def value(self) -> Any:
        return self.time.value()

    def set_value(self, value: Any) -> None:
        self.time.setText("" if value is None else str(value))

    def focus_target(self) -> QWidget:
        return self.time


class DateTimeEditor(Editor):
    """A date and a time, kept as ISO 8601 with this laptop's UTC offset."""

    def __init__(self, item: Item, lang: str, parent: QWidget | None = None):
        super().__init__(item, lang, parent)
        self.date = DateLine(lang, f"field:{item.key}:date")
        self.time = TimeLine(f"field:{item.key}:time")
        self.date.edited.connect(self.edited)
        self.date.picked.connect(self.committed)
        self.time.textEdited.connect(self.edited)
        at = QLabel(QCoreApplication.translate("FormEditors", "at"))
        self.setLayout(hbox(self.date, at, self.time))

    def value(self) -> Any:
        day, time = self.date.iso(), self.time.value()
        if day is None and time is None:
            return None
        parsed_day, parsed_time = parse_date(day), parse_time(time)
        if parsed_day and parsed_time:
            moment = dt.datetime.combine(parsed_day, parsed_time).astimezone()
            return moment.isoformat()
        return f"{self.date.text()} {self.time.text()}".strip()  # as typed

    def set_value(self, value: Any) -> None:
        moment = parse_datetime(value)
        if moment is not None:
            local = moment.astimezone()
            self.date.set_iso(local.date().isoformat())
            self.time.setText(local.strftime("%H:%M"))
        elif isinstance(value, str):
            day, _, time = value.partition(" ")
            self.date.line.setText(day)
            self.time.setText(time)
        else:
            self.date.set_iso(None)
            self.time.setText("")

    def focus_target(self) -> QWidget:
        return self.date.line
