"""The one editor of a date (and of a time) for every screen of the program.

    birth = DateEdit(person.get("birth_date"), kind="birth")
    birth.value()    # "1990-03-14"; the text as typed when it is not a date; None when empty
    birth.iso()      # "1990-03-14" or None
    birth.problem()  # a casework Message ("February 2027 has 28 days") or None

A person types ``14.03.1990``, ``14.3.1990``, ``14031990`` or ``1990-03-14``
(casework.dates.read_date), or picks a day on a calendar (the button, F4 or
Alt+Down), or steps the typed date with Up/Down (a day) and PageUp/PageDown (a month). Leaving the field writes the date as the program's language does
(casework.dates.format_date). An impossible or refused date is told at once,
when it is fully typed or the field is left, with the sentence that saving
gives (casework.values.check): `show_messages_in` puts it in the host's own
message label (FieldForm does that), otherwise it shows under the field.
Kinds: "birth" and "past" refuse the future; the calendar of an empty birth
date opens some years back, the others at today.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QObject,
    QPoint,
    QRegularExpression,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from casework import dates, values
from casework.i18n import Message
from fieldapp.ui import text

KINDS = ("birth", "past", "any")
ERROR_STYLE = "color: #b00020;"
# An empty birth date's calendar opens this many years back: near a parent's year, a few pages from a child's.
BIRTH_YEARS_BACK = 30
_FIRST, _LAST = QDate(dates.MIN_YEAR, 1, 1), QDate(dates.MAX_YEAR, 12, 31)
# What a date is typed with: digits and the separators read_date accepts (letters are not taken).
_TYPING = QRegularExpression(r"[0-9./\- ]{0,10}")
_PARTIAL = re.compile(r"^\s*(\d{1,2})(?:[./\-\s](\d{1,2})(?:[./\-\s](\d{0,4}))?)?")

Check = Callable[[Any], Message | None]


def calendar_start(typed: str, kind: str, today: dt.date) -> dt.date:
    """The day the calendar opens at: the typed date, else what of it is typed (day, month), else today
    (an empty birth date: the first of this month some years back)."""
    iso = dates.read_date(typed)
    if iso and dates.in_range(dt.date.fromisoformat(iso)):
        return dt.date.fromisoformat(iso)
    base = today.replace(year=today.year - BIRTH_YEARS_BACK, day=1) if kind == "birth" else today
    m = _PARTIAL.match(typed)
    if m is None:
        return base
    year = int(m.group(3)) if m.group(3) and len(m.group(3)) == 4 else base.year
    month = int(m.group(2)) if m.group(2) and 1 <= int(m.group(2)) <= 12 else base.month
    if not dates.MIN_YEAR <= year <= dates.MAX_YEAR:
        year = base.year
    last = calendar.monthrange(year, month)[1]
    day = int(m.group(1)) if 1 <= int(m.group(1)) <= last else min(base.day, last)
    return dt.date(year, month, day)


# Keyboard stepping of a typed date: (days, months) per key.
_STEPS = {Qt.Key.Key_Up: (1, 0), Qt.Key.Key_Down: (-1, 0), Qt.Key.Key_PageUp: (0, 1), Qt.Key.Key_PageDown: (0, -1)}


class DateEdit(QWidget):
    """A date typed or picked; empty stays empty. See the module's description for the API."""

    edited = Signal()  # every keystroke and pick
    committed = Signal()  # a day picked, Enter pressed or the field left
    picked = Signal()  # a day picked on the calendar

    def __init__(self, value: str | None = None, kind: str = "any", parent: QWidget | None = None, *,
                 lang: str | None = None, name: str | None = None, today: dt.date | None = None,
                 check: Check | None = None, render: Callable[[Message], str] | None = None):
        if kind not in KINDS:  # before the widget exists: nothing half-made is left to collect
            raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
        super().__init__(parent)
        self.kind = kind
        self.lang = lang or text.lang()
        self._today = today
        self._rule = values.Rule(kind=values.Kind.DATE, not_future=kind in ("birth", "past"))
        # No lambda over self: a widget in a reference cycle is freed by the collector, on whatever thread it runs.
        self._check = check
        self._render = render or text.message
        self.line = QLineEdit()
        self.line.setObjectName(name or "date")
        self.line.setPlaceholderText(QCoreApplication.translate("DateEdit", "DD.MM.YYYY"))
        self.line.setValidator(QRegularExpressionValidator(_TYPING, self.line))
        self.line.setMaximumWidth(self.line.fontMetrics().horizontalAdvance("00.00.00000") + 24)
        self.line.textEdited.connect(self._typed)
        self.line.editingFinished.connect(self._left)
        self.line.installEventFilter(self)
        self.button = QToolButton()
        self.button.setObjectName((name or "date") + ":calendar")
        self.button.setText("…")
        self.button.setToolTip(QCoreApplication.translate("DateEdit", "Choose on a calendar (F4)"))
        self.button.setAccessibleName(QCoreApplication.translate("DateEdit", "Choose on a calendar"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.menu = QMenu(self.button)
        self.menu.aboutToShow.connect(self._prepare_calendar)
        self.button.setMenu(self.menu)
        self.calendar: QCalendarWidget | None = None
        self.message = QLabel()
        self.message.setObjectName((name or "date") + ":problem")
        self.message.setWordWrap(True)
        self.message.setMinimumWidth(self.line.fontMetrics().horizontalAdvance("0") * 32)  # a sentence, not a column
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        self._label = self.message
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.line)
        row.addWidget(self.button)
        row.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(row)
        column.addWidget(self.message)
        self.setFocusProxy(self.line)
        self.set_value(value)

    # -- the value ------------------------------------------------------------------

    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def text(self) -> str:
        """What is in the field, as typed."""
        return self.line.text().strip()

    def iso(self) -> str | None:
        """The date as ISO ``YYYY-MM-DD``; None when empty or not a date."""
        return dates.read_date(self.text()) if self.text() else None

    def value(self) -> str | None:
        """What a record gets: the ISO date; the text as typed when it is not one (validation then
        says why, nothing is lost); None when empty."""
        typed = self.text()
        return (dates.read_date(typed) or typed) if typed else None

    def set_value(self, value: str | dt.date | None) -> None:
        """Show a stored date (ISO, a moment's day, or a date); text that is not a date is shown as it is."""
        if isinstance(value, dt.date):
            value = value.isoformat()
        self.line.setText(dates.format_date(value, self.lang) if value else "")
        self._show(None)

    def problem(self) -> Message | None:
        """What is wrong with the date typed (the sentence saving would give); None when empty or fine."""
        value = self.value()
        if value is None:
            return None
        return self._check(value) if self._check else values.check(self._rule, value, self.today())

    # -- messages -------------------------------------------------------------------

    def show_messages_in(self, label: QLabel) -> None:
        """Tell problems in `label` (the host's message under the field) instead of our own."""
        self.message.hide()
        self._label = label

    def shown_problem(self) -> str:
        """The sentence shown now ("" when none)."""
        return "" if self._label.isHidden() else self._label.text()

    def _show(self, problem: Message | None) -> None:
        self._label.setText(self._render(problem) if problem else "")
        self._label.setVisible(problem is not None)

    def _typed(self) -> None:
        self.edited.emit()  # first: a host clearing its old message must not clear the new one
        complete = dates.typed_parts(self.text()) is not None
        self._show(self.problem() if complete else None)

    def _left(self) -> None:
        iso = self.iso()
        if iso and self.problem() is None:
            self.line.setText(dates.format_date(iso, self.lang))  # 14031990 -> 14.03.1990
        self._show(self.problem())
        self.committed.emit()

    # -- the calendar ---------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.line and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            alt_down = event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
            if event.key() == Qt.Key.Key_F4 or alt_down:
                self.open_calendar()
                return True
            step = _STEPS.get(event.key()) if not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier else None
            if step is not None:
                self.step(*step)
                return True
        return super().eventFilter(watched, event)

    def step(self, days: int = 0, months: int = 0) -> None:
        """Up/Down: a day later or earlier, PageUp/PageDown a month (an empty field starts at today);
        text that is not a date is left as it is, to be corrected by hand."""
        if not self.text():
            self.line.setText(dates.format_date(self.today().isoformat(), self.lang))
            self._typed()
            return
        iso = self.iso()
        if iso is None:
            return
        day = dt.date.fromisoformat(iso)
        if months:
            month = day.month - 1 + months
            year, month = day.year + month // 12, month % 12 + 1
            day = day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))
        day += dt.timedelta(days=days)
        self.line.setText(dates.format_date(day.isoformat(), self.lang))
        self._typed()

    def open_calendar(self) -> QCalendarWidget:
        """Show the calendar under the field (as the button and F4 do) and return it."""
        self.menu.popup(self.line.mapToGlobal(QPoint(0, self.line.height())))
        assert self.calendar is not None  # made by aboutToShow
        self.calendar.setFocus(Qt.FocusReason.PopupFocusReason)
        return self.calendar

    def _prepare_calendar(self) -> None:
        if self.calendar is None:
            self.calendar = QCalendarWidget()
            self.calendar.setObjectName("calendar")
            self.calendar.setGridVisible(True)
            self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
            self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
            self.calendar.clicked.connect(self._pick)
            self.calendar.activated.connect(self._pick)
            action = QWidgetAction(self.menu)
            action.setDefaultWidget(self.calendar)
            self.menu.addAction(action)
        today = self.today()
        last = QDate(today.year, today.month, today.day) if self.kind in ("birth", "past") else _LAST
        self.calendar.setDateRange(_FIRST, last)
        # The day the keyboard starts from (Enter picks it) is on the page shown, not today off-page.
        start = min(calendar_start(self.text(), self.kind, today), last.toPython())
        self.calendar.setSelectedDate(QDate(start.year, start.month, start.day))
        self.calendar.setCurrentPage(start.year, start.month)

    def _pick(self, date: QDate) -> None:
        self.line.setText(dates.format_date(dt.date(date.year(), date.month(), date.day()), self.lang))
        self.menu.close()
        self.line.setFocus(Qt.FocusReason.PopupFocusReason)
        self.edited.emit()
        self._show(self.problem())
        self.picked.emit()
        self.committed.emit()


class TimeEdit(QLineEdit):
    """A time typed as ``14:30`` (also ``1430``, ``9.30``); `value()` is ``HH:MM``, the text as typed
    when it is not a time, or None when empty."""

    def __init__(self, value: str | None = None, parent: QWidget | None = None, *, name: str | None = None):
        super().__init__(parent)
        self.setObjectName(name or "time")
        self.setPlaceholderText(QCoreApplication.translate("DateEdit", "HH:MM"))
        self.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9:. ]{0,5}"), self))
        self.setMaximumWidth(self.fontMetrics().horizontalAdvance("00:000") + 20)
        self.editingFinished.connect(self._left)
        self.set_value(value)

    def value(self) -> str | None:
        typed = self.text().strip()
        return (dates.read_time(typed) or typed) if typed else None

    def set_value(self, value: str | None) -> None:
        self.setText(value or "")

    def problem(self) -> Message | None:
        """What is wrong with the time typed; None when empty or fine."""
        value = self.value()
        return None if value is None else values.check(values.Rule(kind=values.Kind.TIME), value)

    def _left(self) -> None:
        time = dates.read_time(self.text())
        if time:
            self.setText(time)  # 930 -> 09:30
