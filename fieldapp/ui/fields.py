"""Small editing widgets shared by the family dialogs, and messages that stand next to their field."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casework import dates
from casework.enums import enumeration
from casework.records import Problem
from fieldapp.ui import text

ERROR_STYLE = "color: #b00020;"
_EMPTY = QDate(1900, 1, 1)


class DateField(QDateEdit):
    """A date that may be left empty (shown as "—"); `iso()` is "" when empty."""

    def __init__(self, parent=None, *, not_future: bool = True):
        super().__init__(parent)
        self.setCalendarPopup(True)
        fmt = text.date_format()
        self.setDisplayFormat(fmt)
        self.setMinimumDate(_EMPTY)
        self.setSpecialValueText("—")
        if not_future:
            self.setMaximumDate(QDate.currentDate())
        self.clear_date()

    def clear_date(self) -> None:
        self.setDate(_EMPTY)

    def set_iso(self, value: str | None) -> None:
        day = dates.day_of(value)
        self.setDate(QDate(day.year, day.month, day.day) if day else _EMPTY)

    def iso(self) -> str:
        d = self.date()
        return "" if d == _EMPTY else dt.date(d.year(), d.month(), d.day()).isoformat()


class EnumCombo(QComboBox):
    """One code of an enumeration, labelled in the program's language; optional blank first."""

    def __init__(self, name: str, parent=None, *, blank: bool = True):
        super().__init__(parent)
        if blank:
            self.addItem("", None)
        for item in enumeration(name).items:
            self.addItem(item.label(text.lang()), item.code)

    def code(self) -> str | None:
        return self.currentData()

    def set_code(self, code: str | None) -> None:
        self.setCurrentIndex(max(0, self.findData(code)))


class EnumChecklist(QListWidget):
    """Several codes of an enumeration, as check boxes."""

    def __init__(self, name: str, parent=None, *, rows: int = 5):
        super().__init__(parent)
        self.setWordWrap(True)  # long labels of the law wrap instead of scrolling sideways
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for item in enumeration(name).items:
            entry = QListWidgetItem(item.label(text.lang()))
            entry.setData(Qt.ItemDataRole.UserRole, item.code)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked)
            self.addItem(entry)
        self.setFixedHeight(self.sizeHintForRow(0) * rows + 6)

    def codes(self) -> list[str]:
        return [self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())
                if self.item(i).checkState() == Qt.CheckState.Checked]

    def set_codes(self, codes: Iterable[str]) -> None:
        chosen = set(codes)
        for i in range(self.count()):
            item = self.item(i)
            checked = item.data(Qt.ItemDataRole.UserRole) in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)


class FieldForm(QFormLayout):
    """A form whose rows each carry an error label under the field, shown by `show_problems`."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.errors: dict[str, QLabel] = {}
        self.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)

    def add(self, name: str, label: str, widget: QWidget) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = QLabel()
        error.setObjectName(f"error_{name}")
        error.setWordWrap(True)
        error.setStyleSheet(ERROR_STYLE)
        error.hide()
        column.addWidget(error)
        self.errors[name] = error
        caption = QLabel(label)
        caption.setBuddy(widget)
        self.addRow(caption, box)
        return widget

    def show_problems(self, problems: Iterable[Problem]) -> list[Problem]:
        """Show each problem next to its field; returns those without a field here."""
        for label in self.errors.values():
            label.clear()
            label.hide()
        unplaced = []
        for p in problems:
            label = self.errors.get(p.field)
            if label is None:
                unplaced.append(p)
            elif not label.text():
                label.setText(text.message(p.message))
                label.show()
        return unplaced
