"""Small editing widgets shared by the family dialogs, and messages that stand next to their field.

Dates: fieldapp.ui.date_edit.DateEdit (re-exported here); FieldForm tells its problems in the row's label."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casework.enums import enumeration
from casework.records import Problem, field_spec
from fieldapp.ui import text
from fieldapp.ui.date_edit import ERROR_STYLE, DateEdit

__all__ = ["ERROR_STYLE", "REQUIRED_MARK", "DateEdit", "EnumChecklist", "EnumCombo", "FieldForm", "required_legend"]


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


REQUIRED_MARK = " *"


def required_legend() -> QLabel:
    """The line that says what the mark beside a field's name means."""
    legend = QLabel(QCoreApplication.translate("FieldForm", "Fields marked * must be filled in."))
    legend.setObjectName("requiredLegend")
    return legend


class FieldForm(QFormLayout):
    """A form whose rows each carry an error label under the field, shown by `show_problems`.

    With `collection`, the names of the fields its schema requires carry a mark (REQUIRED_MARK).
    """

    def __init__(self, parent=None, *, collection: str | None = None):
        super().__init__(parent)
        self.collection = collection
        self.errors: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}
        self.labels: dict[str, str] = {}  # each field's name without the mark, for set_required
        self.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)

    def add(self, name: str, label: str, widget: QWidget, *, required: bool | None = None) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = QLabel()
        error.setObjectName(f"error_{name}")
        error.setWordWrap(True)
        # Wide enough for a sentence on one line: a top-level dialog does not grow for a label that wraps.
        error.setMinimumWidth(error.fontMetrics().horizontalAdvance("0") * 36)
        error.setStyleSheet(ERROR_STYLE)
        error.hide()
        column.addWidget(error)
        if isinstance(widget, DateEdit):
            widget.show_messages_in(error)  # an impossible date is told here at once, as on saving
            # ... on leaving the field, while the pointer goes to the next: a line is kept for it, so the
            # rows below do not move under the click (issue 13).
            error.setMinimumHeight(error.fontMetrics().lineSpacing())
            policy = error.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            error.setSizePolicy(policy)
        self.errors[name] = error
        if required is None and self.collection:
            spec = field_spec(self.collection, name)
            required = bool(spec and spec.required)
        caption = QLabel()
        self.captions[name], self.labels[name] = caption, label
        caption.setBuddy(widget)
        self.set_required(name, bool(required))
        self.addRow(caption, box)
        return widget

    def set_required(self, name: str, required: bool) -> None:
        """Mark a field's name as one that must be filled in, or not: also as a choice elsewhere changes it."""
        caption = self.captions[name]
        must = QCoreApplication.translate("FieldForm", "Must be filled in")
        was = caption.text().endswith(REQUIRED_MARK)
        caption.setText(self.labels[name] + (REQUIRED_MARK if required else ""))
        field = caption.buddy()
        if required:
            caption.setToolTip(must)
            field.setAccessibleDescription(must)
        elif was:  # only what the mark itself had said is taken back
            caption.setToolTip("")
            field.setAccessibleDescription("")

    def marked(self) -> set[str]:
        """The fields whose names carry the mark now."""
        return {name for name, caption in self.captions.items() if caption.text().endswith(REQUIRED_MARK)}

    def first_field(self) -> QWidget | None:
        """The first field shown that takes the keyboard: where a new dialog's typing starts."""
        for caption in self.captions.values():
            field = caption.buddy()
            if field is not None and field.focusProxy() is not None:
                field = field.focusProxy()  # a date's line, not its calendar button
            if field is not None and field.isVisibleTo(field.window()) and field.isEnabled() \
                    and field.focusPolicy() & Qt.FocusPolicy.TabFocus:
                return field
        return None

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
