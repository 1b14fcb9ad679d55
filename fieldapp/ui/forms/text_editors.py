"""Editors of typed text: a line, a longer text, a whole number."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from casework.forms import Item
from fieldapp.ui.forms.editor_base import Editor, hbox


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
        self.setLayout(hbox(self.line))

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
