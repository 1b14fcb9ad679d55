"""Editors of choices: radio buttons, a list, boxes to tick, yes/no, a rating; members of the family as choices."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSizePolicy,
    QWidget,
)

from casework.enums import enumeration
from casework.forms import Item, Member
from fieldapp.ui.forms.editor_base import HINT_STYLE, Editor, hbox, label_text


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


def columns(texts: Sequence[str]) -> int:
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
        self.setLayout(hbox(self.combo))

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
        cols = columns([t for _, t in self.options])
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
            low = QLabel(label_text(item.low, lang))
            low.setStyleSheet(HINT_STYLE)
            layout.addWidget(low)
        for n, code in enumerate(self.codes):
            radio = QRadioButton(str(code))
            radio.setObjectName(f"field:{item.key}:{n}")
            self.group.addButton(radio, n)
            self.buttons.append(radio)
            layout.addWidget(radio)
        if item.high:
            high = QLabel(label_text(item.high, lang))
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


class ConfirmEditor(Editor):
    """A statement the person confirms ("I confirm the record is true"): one box to tick, not Так/Ні.

    Ticked is True; not ticked is no answer (None), so a required confirmation must be ticked.
    The statement is the box's own text (the question's label is not repeated above it).
    """

    def __init__(self, item: Item, lang: str, parent: QWidget | None = None):
        super().__init__(item, lang, parent)
        self.box = QCheckBox()
        self.box.setObjectName(f"field:{item.key}")
        self.cell = ChoiceButton(self.box, label_text(item.label, lang) + (" *" if item.required else ""))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.cell, 1)
        self.box.toggled.connect(self._toggled)

    def _toggled(self, _on: bool) -> None:
        self.edited.emit()
        self.committed.emit()

    def value(self) -> Any:
        return True if self.box.isChecked() else None

    def set_value(self, value: Any) -> None:
        self.box.blockSignals(True)
        self.box.setChecked(value is True)
        self.box.blockSignals(False)

    def focus_target(self) -> QWidget:
        return self.box
