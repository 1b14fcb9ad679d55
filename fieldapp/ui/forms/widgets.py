"""Editors for the question types of a form, each with `value()`, `set_value()` and two signals.

`edited` fires on every change (a keystroke); `committed` when a choice is
made (a radio, a box, a list entry). Leaving a text field is noticed by the
form view through the application's focus changes. Values are what the
record keeps (ISO dates, codes, lists); text that cannot be read yet (a half-
typed date) is kept as typed, so the validator can say what is wrong and the
draft keeps it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from casework.enums import enumeration
from casework.forms import Item, Member, is_empty, parse_date, parse_datetime, parse_time

HINT_STYLE = "color: #5f6368;"


def _label(labels: dict[str, str], lang: str) -> str:
    return labels.get(lang) or labels.get("en") or ""


class Editor(QWidget):
    """Base of the editors: the signals and the interface the form view uses."""

    edited = Signal()
    committed = Signal()

    def __init__(self, item: Item, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.item = item
        self.lang = lang

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def focus_target(self) -> QWidget:
        """The widget to focus (and to type into in tests)."""
        return self

    def set_problem(self, key: str, text: str | None) -> bool:
        """Show a message of a sub-field (repeat rows); False when `key` is not one of ours."""
        return False


def _row(*widgets: QWidget, stretch: bool = True) -> QHBoxLayout:
    layout = QHBoxLayout()
    layout.setContentsMargins(0, 0, 0, 0)
    for w in widgets:
        layout.addWidget(w)
    if stretch:
        layout.addStretch(1)
    return layout


class TextEditor(Editor):
    def __init__(self, item: Item, lang: str, parent: QWidget | None = None):
        super().__init__(item, lang, parent)
        self.line = QLineEdit()
        self.line.setObjectName(f"field:{item.key}")
        if item.max_len:
            self.line.setMaxLength(item.max_len)
        self.line.textEdited.connect(self.edited)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line)

    def value(self) -> Any:
        return self.line.text() or None

    def set_value(self, value: Any) -> None:
        self.line.setText("" if value is None else str(value))

    def focus_target(self) -> QWidget:
        return self.line


class LongTextEditor(Editor):
    def __init__(self, item: Item, lang: str, parent: QWidget | None = None):
        super().__init__(item, lang, parent)
        self.text = QPlainTextEdit()
        self.text.setObjectName(f"field:{item.key}")
        self.text.setTabChangesFocus(True)
        # Four lines in sight; more scrolls (a page of many texts stays short).
        self.text.setFixedHeight(self.text.fontMetrics().lineSpacing() * 4 + 14)
        self.text.textChanged.connect(self._changed)
        self._setting = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)

    def _changed(self) -> None:
        if not self._setting:
            self.edited.emit()

    def value(self) -> Any:
        return self.text.toPlainText() or None

    def set_value(self, value: Any) -> None:
        self._setting = True
        try:
            self.text.setPlainText("" if value is None else str(value))
        finally:
            self._setting = False

    def focus_target(self) -> QWidget:
        return self.text


class NumberEditor(Editor):
    def __init__(self, item: Item, lang: str, parent: QWidget | None = None):
        super().__init__(item, lang, parent)
        self.line = QLineEdit()
        self.line.setObjectName(f"field:{item.key}")
        self.line.setValidator(QIntValidator(-1_000_000_000, 1_000_000_000, self.line))
        self.line.setMaximumWidth(self.line.fontMetrics().horizontalAdvance("0") * 14 + 16)
        self.line.textEdited.connect(self.edited)
        self.setLayout(_row(self.line))

    def value(self) -> Any:
        text = self.line.text().strip()
        if not text:
            return None
        try:
            return int(text)
        except ValueError:
            return text  # kept as typed; the validator says what is wrong

    def set_value(self, value: Any) -> None:
        self.line.setText("" if value is None else str(value))

    def focus_target(self) -> QWidget:
        return self.line


_DATE_TEXT = re.compile(r"^\s*(\d{1,2})[./\-\s](\d{1,2})[./\-\s](\d{4})\s*$")
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_TIME_TEXT = re.compile(r"^\s*(\d{1,2})[:.\s]?(\d{2})\s*$")


def read_date(text: str) -> str | None:
    """An ISO date from what a person typed (31.12.2026, 31/12/2026, 2026-12-31), or None."""
    m = _DATE_TEXT.match(text)
    if m:
        day, month, year = (int(g) for g in m.groups())
    else:
        m = _ISO_DATE.match(text)
        if not m:
            return None
        year, month, day = (int(g) for g in m.groups())
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def show_date(iso: str, lang: str) -> str:
    day = parse_date(iso)
    if day is None:
        return iso
    return day.strftime("%d.%m.%Y" if lang == "uk" else "%d/%m/%Y")


def read_time(text: str) -> str | None:
    m = _TIME_TEXT.match(text)
    if not m:
        return None
    hour, minute = int(m.group(1)), int(m.group(2))
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


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
        self.setLayout(_row(self.line, self.button, stretch=False))

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
        self.line.setText("" if value is None else show_date(str(value), self.lang))


class DateEditor(Editor):
    def __init__(self, item: Item, lang: str, parent: QWidget | None = None):
        super().__init__(item, lang, parent)
        self.date = DateLine(lang, f"field:{item.key}")
        self.date.edited.connect(self.edited)
        self.date.picked.connect(self.committed)
        self.setLayout(_row(self.date))

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
        self.setLayout(_row(self.time))

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
        self.setLayout(_row(self.date, at, self.time))

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


class ChoiceButton(QWidget):
    """A radio button or a check box whose text wraps (Qt's own do not wrap)."""

    def __init__(self, button: QAbstractButton, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.button = button
        button.setAccessibleName(text)
        button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.label.setBuddy(button)
        self.label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.label.installEventFilter(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1, Qt.AlignmentFlag.AlignTop)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.label and event.type() == QEvent.Type.MouseButtonRelease and self.isEnabled():
            self.button.click()
            self.button.setFocus()
            return True
        return False


WRAP_AT = 80  # characters: longer choice texts get a label that wraps


def choice_cell(button: QAbstractButton, text: str) -> QWidget:
    """The button itself with its text when short; a button and a wrapping label when long."""
    if len(text) <= WRAP_AT:
        button.setText(text)
        return button
    return ChoiceButton(button, text)


def _columns(texts: Sequence[str]) -> int:
    """Two columns for lists long enough to need them, whose texts fit half the width unwrapped."""
    longest = max((len(t) for t in texts), default=0)
    return 2 if len(texts) >= 4 and longest <= 58 else 1


class RadioEditor(Editor):
    """One of a few choices, all in sight."""

    def __init__(self, item: Item, lang: str, parent: QWidget | None = None,
                 options: Sequence[tuple[Any, str]] | None = None):
        super().__init__(item, lang, parent)
        self.options = list(options if options is not None else [(c.code, c.label(lang)) for c in item.choices])
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        texts = [t for _, t in self.options]
        across = sum(len(t) for t in texts) <= 64 and len(texts) <= 5
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(18)
        self.buttons: list[QRadioButton] = []
        for n, (_, text) in enumerate(self.options):
            radio = QRadioButton()
            radio.setObjectName(f"field:{item.key}:{n}")
            self.group.addButton(radio, n)
            self.buttons.append(radio)
            cell = choice_cell(radio, text)
            if across:
                layout.addWidget(cell, 0, n)
            else:
                layout.addWidget(cell, n, 0)
        if across:
            layout.setColumnStretch(len(self.options), 1)
        self.group.idClicked.connect(self._clicked)

    def _clicked(self, _n: int) -> None:
        self.edited.emit()
        self.committed.emit()

    def value(self) -> Any:
        n = self.group.checkedId()
        return self.options[n][0] if n >= 0 else None

    def set_value(self, value: Any) -> None:
        for n, (code, _) in enumerate(self.options):
            if code == value and type(code) is type(value):
                self.buttons[n].setChecked(True)
                return
        self.group.setExclusive(False)
        for b in self.buttons:
            b.setChecked(False)
        self.group.setExclusive(True)

    def focus_target(self) -> QWidget:
        return self.buttons[0]


class ComboEditor(Editor):
    """One of many choices, from a list (type to jump to an entry)."""

    def __init__(self, item: Item, lang: str, parent: QWidget | None = None,
                 options: Sequence[tuple[Any, str]] | None = None, empty_text: str | None = None):
        super().__init__(item, lang, parent)
        self.combo = QComboBox()
        self.combo.setObjectName(f"field:{item.key}")
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(24)
        self.combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.combo.setMaximumWidth(560)
        self.combo.addItem(empty_text or QCoreApplication.translate("FormEditors", "— choose —"), None)
        opts = options if options is not None else [(c.code, c.label(lang)) for c in item.choices]
        for code, text in opts:
            self.combo.addItem(text, code)
            self.combo.setItemData(self.combo.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
        self.combo.activated.connect(self._activated)
        self.setLayout(_row(self.combo))

    def _activated(self, _n: int) -> None:
        self.edited.emit()
        self.committed.emit()

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        n = self.combo.findData(value) if value is not None else 0
        if n < 0 and value is not None:  # a code the list no longer has: keep it, visibly
            self.combo.addItem(str(value), value)
            n = self.combo.count() - 1
        self.combo.setCurrentIndex(max(n, 0))

    def focus_target(self) -> QWidget:
        return self.combo


class ChecksEditor(Editor):
    """Several choices (multiple, checklist, persons) as boxes to tick."""

    def __init__(self, item: Item, lang: str, parent: QWidget | None = None,
                 options: Sequence[tuple[Any, str]] | None = None, empty_text: str | None = None):
        super().__init__(item, lang, parent)
        self.options = list(options if options is not None else [(c.code, c.label(lang)) for c in item.choices])
        self.boxes: list[QCheckBox] = []
        self.extra: list[Any] = []  # codes a record has that the list no longer offers
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(18)
        if not self.options:
            empty = QLabel(empty_text or "")
            empty.setWordWrap(True)
            empty.setObjectName("emptyChoices")
            empty.setStyleSheet(HINT_STYLE)
            layout.addWidget(empty, 0, 0)
        cols = _columns([t for _, t in self.options])
        rows = (len(self.options) + cols - 1) // cols
        for n, (_, text) in enumerate(self.options):
            box = QCheckBox()
            box.setObjectName(f"field:{item.key}:{n}")
            box.toggled.connect(self._toggled)
            self.boxes.append(box)
            layout.addWidget(choice_cell(box, text), n % rows, n // rows)
        for c in range(cols):
            layout.setColumnStretch(c, 1)
        self._setting = False

    def _toggled(self, _on: bool) -> None:
        if not self._setting:
            self.edited.emit()
            self.committed.emit()

    def value(self) -> Any:
        chosen = [code for (code, _), box in zip(self.options, self.boxes, strict=True) if box.isChecked()]
        return (chosen + self.extra) or None

    def set_value(self, value: Any) -> None:
        values = value if isinstance(value, list) else []
        self._setting = True
        try:
            codes = [code for code, _ in self.options]
            for code, box in zip(codes, self.boxes, strict=True):
                box.setChecked(code in values)
            self.extra = [v for v in values if v not in codes]
        finally:
            self._setting = False

    def focus_target(self) -> QWidget:
        return self.boxes[0] if self.boxes else self


class YesNoEditor(RadioEditor):
    def __init__(self, item: Item, lang: str, parent: QWidget | None = None):
        super().__init__(item, lang, parent, options=[
            (True, QCoreApplication.translate("FormEditors", "Yes")), (False, QCoreApplication.translate("FormEditors", "No")),
        ])


class RatingEditor(Editor):
    def __init__(self, item: Item, lang: str, parent: QWidget | None = None):
        super().__init__(item, lang, parent)
        self.group = QButtonGroup(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.codes = [int(c.code) for c in item.choices]
        self.buttons: list[QRadioButton] = []
        if item.low:
            low = QLabel(_label(item.low, lang))
            low.setStyleSheet(HINT_STYLE)
            layout.addWidget(low)
        for n, code in enumerate(self.codes):
            radio = QRadioButton(str(code))
            radio.setObjectName(f"field:{item.key}:{n}")
            self.group.addButton(radio, n)
            self.buttons.append(radio)
            layout.addWidget(radio)
        if item.high:
            high = QLabel(_label(item.high, lang))
            high.setStyleSheet(HINT_STYLE)
            layout.addWidget(high)
        layout.addStretch(1)
        self.group.idClicked.connect(self._clicked)

    def _clicked(self, _n: int) -> None:
        self.edited.emit()
        self.committed.emit()

    def value(self) -> Any:
        n = self.group.checkedId()
        return self.codes[n] if n >= 0 else None

    def set_value(self, value: Any) -> None:
        self.group.setExclusive(False)
        for code, b in zip(self.codes, self.buttons, strict=True):
            b.setChecked(code == value and not isinstance(value, bool))
        self.group.setExclusive(True)

    def focus_target(self) -> QWidget:
        return self.buttons[0]


def member_options(item: Item, members: Sequence[Member], lang: str = "uk") -> list[tuple[Any, str]]:
    """(id, "Name — role") of the members the question may name."""
    roles = enumeration("person_roles")
    out = []
    for m in members:
        if m.is_child or not item.children_only:
            role = roles.label(m.role, lang).lower() if m.role else ""
            out.append((m.id, f"{m.name} — {role}" if role else m.name))
    return out


def no_members_text(item: Item) -> str:
    if item.children_only:
        return QCoreApplication.translate("FormEditors", "No children are recorded in the family file yet.")
    return QCoreApplication.translate("FormEditors", "No members are recorded in the family file yet.")


class RepeatEditor(Editor):
    """Rows of a few fields (plan actions, next steps, services), added and removed at will."""

    def __init__(self, item: Item, lang: str, members: Sequence[Member], parent: QWidget | None = None):
        super().__init__(item, lang, parent)
        self.members = members
        self.rows: list[tuple[QFrame, dict[str, Editor], dict[str, QLabel]]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.rows_box = QVBoxLayout()
        self.rows_box.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.rows_box)
        self.empty = QLabel(QCoreApplication.translate("FormEditors", "Nothing added yet."))
        self.empty.setStyleSheet(HINT_STYLE)
        layout.addWidget(self.empty)
        self.add_button = QPushButton(_label(item.add_label, lang) or QCoreApplication.translate("FormEditors", "Add a row"))
        self.add_button.setObjectName(f"add:{item.key}")
        self.add_button.clicked.connect(self._add_clicked)
        layout.addLayout(_row(self.add_button))
        layout.addStretch(1)

    def _add_clicked(self) -> None:
        editors = self.add_row()
        editors[next(iter(editors))].focus_target().setFocus()
        self.edited.emit()

    def add_row(self, values: dict[str, Any] | None = None) -> dict[str, Editor]:
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(frame)
        grid.setColumnStretch(1, 1)
        editors: dict[str, Editor] = {}
        messages: dict[str, QLabel] = {}
        n = len(self.rows)
        for r, sub in enumerate(self.item.items):
            assert sub.key
            text = _label(sub.label, self.lang) + (" *" if sub.required else "")
            label = QLabel(text)
            # Short labels stay on one line: a wrapping label makes the row taller than it needs.
            label.setWordWrap(len(text) > 28)
            label.setMinimumWidth(170)
            label.setMaximumWidth(230)
            editor = make_editor(sub, self.lang, self.members)
            for w in editor.findChildren(QWidget):
                if w.objectName().startswith(f"field:{sub.key}"):
                    w.setObjectName(f"field:{self.item.key}[{n}].{w.objectName()[6:]}")
            if values and sub.key in values:
                editor.set_value(values[sub.key])
            editor.edited.connect(self.edited)
            editor.committed.connect(self.committed)
            label.setBuddy(editor.focus_target())
            message = QLabel()
            message.setWordWrap(True)
            message.setObjectName("problem")
            message.setStyleSheet("color: #b00020;")
            message.hide()
            grid.addWidget(label, 2 * r, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(editor, 2 * r, 1)
            grid.addWidget(message, 2 * r + 1, 1)
            editors[sub.key] = editor
            messages[sub.key] = message
        remove = QPushButton(QCoreApplication.translate("FormEditors", "Remove"))
        remove.setObjectName(f"remove:{self.item.key}[{n}]")
        remove.clicked.connect(lambda _=False, f=frame: self._remove(f))
        grid.addLayout(_row(remove), 2 * len(self.item.items), 1)
        self.rows_box.addWidget(frame)
        frame.setVisible(True)  # a child added to a shown widget is otherwise shown only later
        self.rows.append((frame, editors, messages))
        self.empty.setVisible(False)
        return editors

    def _remove(self, frame: QFrame) -> None:
        self.rows = [r for r in self.rows if r[0] is not frame]
        frame.hide()
        frame.deleteLater()
        self.empty.setVisible(not self.rows)
        self.edited.emit()
        self.committed.emit()

    def value(self) -> Any:
        out = []
        for _, editors, _ in self.rows:
            row = {k: e.value() for k, e in editors.items()}
            out.append({k: v for k, v in row.items() if not is_empty(v)})
        return out or None

    def set_value(self, value: Any) -> None:
        for frame, _, _ in self.rows:
            frame.hide()
            frame.deleteLater()
        self.rows = []
        for row in value if isinstance(value, list) else []:
            self.add_row(row if isinstance(row, dict) else {})
        self.empty.setVisible(not self.rows)

    def set_problem(self, key: str, text: str | None) -> bool:
        m = re.match(r"^(.*)\[(\d+)\]\.(\w+)$", key)
        if not m or m.group(1) != self.item.key:
            return False
        n, sub = int(m.group(2)), m.group(3)
        if n < len(self.rows) and sub in self.rows[n][2]:
            label = self.rows[n][2][sub]
            label.setText(text or "")
            label.setVisible(bool(text))
            return True
        return False

    def clear_problems(self) -> None:
        for _, _, messages in self.rows:
            for label in messages.values():
                label.clear()
                label.hide()

    def focus_target(self) -> QWidget:
        return self.add_button


def make_editor(item: Item, lang: str, members: Sequence[Member]) -> Editor:
    """The editor for a question of `item.type`."""
    k = item.type
    if k == "text":
        return TextEditor(item, lang)
    if k == "longtext":
        return LongTextEditor(item, lang)
    if k == "number":
        return NumberEditor(item, lang)
    if k == "date":
        return DateEditor(item, lang)
    if k == "time":
        return TimeEditor(item, lang)
    if k == "datetime":
        return DateTimeEditor(item, lang)
    if k == "yesno":
        return YesNoEditor(item, lang)
    if k == "rating":
        return RatingEditor(item, lang)
    if k == "single":
        if item.widget == "radio" or (item.widget is None and len(item.choices) <= 4):
            return RadioEditor(item, lang)
        return ComboEditor(item, lang)
    if k in ("multiple", "checklist"):
        return ChecksEditor(item, lang)
    if k == "person":
        return ComboEditor(item, lang, options=member_options(item, members, lang),
                           empty_text=None if members else no_members_text(item))
    if k == "persons":
        return ChecksEditor(item, lang, options=member_options(item, members, lang), empty_text=no_members_text(item))
    if k == "repeat":
        return RepeatEditor(item, lang, members)
    raise ValueError(f"no editor for {k!r}")
