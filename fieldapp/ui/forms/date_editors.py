"""Editors of dates and times of a form: the program's one date editor (fieldapp.ui.date_edit) and
its time field, checked at once by the question's own rules (the check saving makes)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from casework.forms import Item, check_value, form_text, parse_date, parse_datetime, parse_time
from casework.i18n import Message
from fieldapp.ui.date_edit import DateEdit, TimeEdit
from fieldapp.ui.forms.editor_base import Editor, hbox


def _kind(item: Item) -> str:
    # The kind only places the calendar (a birth: years back; the past: up to today); the item's rules check.
    if "birth" in (item.key or ""):
        return "birth"
    return "past" if any(rule.not_future for rule in item.rules) else "any"


def _date_edit(item: Item, lang: str, name: str) -> DateEdit:
    def render(message: Message) -> str:
        own = form_text(message, lang)  # a definition's own sentence, else the translated engine's
        return own if own is not None else message.render(QCoreApplication.translate)

    return DateEdit(None, _kind(item), lang=lang, name=name, check=lambda v: check_value(item, v), render=render)


class DateEditor(Editor):
    def __init__(self, item: Item, lang: str, parent: QWidget | None = None):
        super().__init__(item, lang, parent)
        self.date = _date_edit(item, lang, f"field:{item.key}")
        self.date.edited.connect(self.edited)
        self.date.picked.connect(self.committed)  # leaving the field: the form view sees the focus move
        self.setLayout(hbox(self.date))

    def value(self) -> Any:
        return self.date.value()

    def set_value(self, value: Any) -> None:
        self.date.set_value(None if value is None else str(value))

    def focus_target(self) -> QWidget:
        return self.date.line

    def attach_message(self, label: QLabel) -> None:
        self.date.show_messages_in(label)


class TimeEditor(Editor):
    def __init__(self, item: Item, lang: str, parent: QWidget | None = None):
        super().__init__(item, lang, parent)
        self.time = TimeEdit(name=f"field:{item.key}")
        self.time.textEdited.connect(self.edited)
        self.setLayout(hbox(self.time))

    def value(self) -> Any:
        return self.time.value()

    def set_value(self, value: Any) -> None:
        self.time.set_value(None if value is None else str(value))

    def focus_target(self) -> QWidget:
        return self.time


class DateTimeEditor(Editor):
    """A date and a time, kept as ISO 8601 with this laptop's UTC offset."""

    def __init__(self, item: Item, lang: str, parent: QWidget | None = None):
        super().__init__(item, lang, parent)
        # The day alone is checked at once (an impossible day); the moment as a whole on saving.
        self.date = DateEdit(None, "any", lang=lang, name=f"field:{item.key}:date")
        self.time = TimeEdit(name=f"field:{item.key}:time")
        self.date.edited.connect(self.edited)
        self.date.picked.connect(self.committed)  # leaving the field: the form view sees the focus move
        self.time.textEdited.connect(self.edited)
        at = QLabel(QCoreApplication.translate("FormEditors", "at"))
        self.setLayout(hbox(self.date, at, self.time))

    def value(self) -> Any:
        day, time = self.date.value(), self.time.value()
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
            self.date.set_value(local.date())
            self.time.set_value(local.strftime("%H:%M"))
        elif isinstance(value, str):
            day, _, time = value.partition(" ")
            self.date.set_value(day)
            self.time.set_value(time)
        else:
            self.date.set_value(None)
            self.time.set_value(None)

    def focus_target(self) -> QWidget:
        return self.date.line

    def attach_message(self, label: QLabel) -> None:
        self.date.show_messages_in(label)
