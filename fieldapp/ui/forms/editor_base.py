"""What every editor of a form question is: `value()`, `set_value()` and two signals.

`edited` fires on every change (a keystroke); `committed` when a choice is
made (a radio, a box, a list entry). Leaving a text field is noticed by the
form view through the application's focus changes. Values are what the
record keeps (ISO dates, codes, lists); text that cannot be read yet (a half-
typed date) is kept as typed, so the validator can say what is wrong and the
draft keeps it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from casework.forms import Item

HINT_STYLE = "color: #5f6368;"


def label_text(labels: dict[str, str], lang: str) -> str:
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

    def attach_message(self, label: QLabel) -> None:
        """The message label under the question: an editor that checks as it is typed (dates) tells it there."""

    def set_problem(self, key: str, text: str | None) -> bool:
        """Show a message of a sub-field (repeat rows); False when `key` is not one of ours."""
        return False


def hbox(*widgets: QWidget, stretch: bool = True) -> QHBoxLayout:
    layout = QHBoxLayout()
    layout.setContentsMargins(0, 0, 0, 0)
    for w in widgets:
        layout.addWidget(w)
    if stretch:
        layout.addStretch(1)
    return layout
