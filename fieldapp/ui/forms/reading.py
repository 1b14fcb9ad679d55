"""A record that cannot be changed (approved), laid out for reading: the form's sections and wording,
each question's label and its answer as text, instead of greyed-out controls that are hard to read."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from casework import forms
from casework.forms import Item, Member, Page
from fieldapp.ui.forms.editor_base import HINT_STYLE, label_text
from fieldapp.ui.forms.summary import answer_text


def _bold(label: QLabel, scale: float = 1.0) -> QLabel:
    font = QFont(label.font())
    font.setBold(True)
    if scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    return label


class Answer(QWidget):
    """One question as read: its label (the form's wording) and the answer, selectable, as text."""

    def __init__(self, key: str, item: Item, value: Any, people: Mapping[str, str], lang: str):
        super().__init__()
        self.setObjectName(f"read:{key}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(2)
        self.question = QLabel(label_text(item.label, lang))
        self.question.setWordWrap(True)
        self.question.setStyleSheet(HINT_STYLE)
        shown = "" if forms.is_empty(value) else answer_text(item, value, people, lang)
        self.answer = QLabel(shown or QCoreApplication.translate("FormView", "not answered"))
        self.answer.setObjectName("answer")
        self.answer.setWordWrap(True)
        self.answer.setTextFormat(Qt.TextFormat.PlainText)  # typed text is never markup
        self.answer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if not shown:
            self.answer.setStyleSheet("color: #80868b; font-style: italic;")
        layout.addWidget(self.question)
        layout.addWidget(self.answer)


def fill_page(layout: QVBoxLayout, page: Page, answers: Mapping[str, Any], members: Sequence[Member],
              relevant: set[str], lang: str) -> dict[str, Answer]:
    """The questions of `page` that apply (relevant) with their answers, grouped as the form groups them."""
    people = {m.id: m.name for m in members}
    shown: dict[str, Answer] = {}

    def add(item: Item, into: QVBoxLayout) -> None:
        if item.type == "note" or not item.has_value:
            return
        key = page.key(item)
        if key not in relevant:
            return
        shown[key] = Answer(key, item, answers.get(key), people, lang)
        into.addWidget(shown[key])

    for item in page.section.items:
        if item.type != "group":
            add(item, layout)
            continue
        if not forms.is_relevant(page, None, dict(answers), item):
            continue
        heading = _bold(QLabel(label_text(item.label, lang)), 1.15)
        heading.setWordWrap(True)
        layout.addWidget(heading)
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        inner = QVBoxLayout(frame)
        inner.setSpacing(2)
        for sub in item.items:
            add(sub, inner)
        layout.addWidget(frame)
    return shown
