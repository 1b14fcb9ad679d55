"""The editor of a repeat question: rows of a few sub-questions, added and removed at will.

Rows loaded with a record start closed (a summary each, see repeat_row.py) when there are more
than OPEN_AT_MOST of them, so a plan of 20 actions opens without building 120 editors; a row
added by hand opens at once with the focus in its first field.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from casework.forms import Item, Member
from casework.ids import new_id
from fieldapp.ui.forms.editor_base import HINT_STYLE, Editor, hbox, label_text
from fieldapp.ui.forms.repeat_row import RepeatRow

EditorFactory = Callable[[Item, str, Sequence[Member]], Editor]
OPEN_AT_MOST = 3  # loaded rows shown open when there are this few; more start as summaries


class RepeatEditor(Editor):
    """Rows of a few fields (plan actions, next steps, services), added and removed at will."""

    def __init__(self, item: Item, lang: str, members: Sequence[Member], make_editor: EditorFactory,
                 parent: QWidget | None = None):
        super().__init__(item, lang, parent)
        self.members = members
        self.make_editor = make_editor  # the editors of the sub-questions: given, as the factory makes this one
        self.rows: list[RepeatRow] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.rows_box = QVBoxLayout()
        self.rows_box.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.rows_box)
        self.empty = QLabel(QCoreApplication.translate("FormEditors", "Nothing added yet."))
        self.empty.setStyleSheet(HINT_STYLE)
        layout.addWidget(self.empty)
        self.add_button = QPushButton(label_text(item.add_label, lang) or QCoreApplication.translate("FormEditors", "Add a row"))
        self.add_button.setObjectName(f"add:{item.key}")
        self.add_button.setAutoDefault(False)  # Enter in an answer must not add a block (fieldapp/ui/keys.py)
        self.add_button.clicked.connect(self._add_clicked)
        layout.addLayout(hbox(self.add_button))
        layout.addStretch(1)

    def _add_clicked(self) -> None:
        self.add_row(focus=True)
        self.edited.emit()

    def add_row(self, values: dict[str, Any] | None = None, *, opened: bool = True,
                focus: bool = False) -> RepeatRow:
        """Append a row with `values`; `opened` builds and shows its editors now."""
        kept = values.get("id") if values else None
        row_id = (kept if isinstance(kept, str) and kept else new_id()) if self.item.row_ids else None
        row = RepeatRow(self.item, self.lang, self.members, self.make_editor, values or {}, row_id)
        row.on_edited = self.edited.emit
        row.on_committed = self.committed.emit
        row.on_remove = lambda r=row: self._remove(r)
        row.number(len(self.rows))
        self.rows_box.addWidget(row)
        if self.isVisible():
            row.setVisible(True)  # a child added to a shown widget is otherwise shown only later
        self.rows.append(row)
        if opened:
            row.open(focus=focus)
        self.empty.setVisible(False)
        return row

    def row_editors(self, n: int) -> dict[str, Editor]:
        """The editors of row `n` by sub-question, the row opened (built) if it was not."""
        return self.rows[n].open()

    def _remove(self, row: RepeatRow) -> None:
        self.rows = [r for r in self.rows if r is not row]
        row.hide()
        row.deleteLater()
        for n, r in enumerate(self.rows):
            r.number(n)
        self.empty.setVisible(not self.rows)
        self.edited.emit()
        self.committed.emit()

    def value(self) -> Any:
        out = []
        for row in self.rows:
            kept = row.value()
            if kept and row.row_id is not None:
                kept = {"id": row.row_id, **kept}
            out.append(kept)
        return out or None

    def set_value(self, value: Any) -> None:
        for row in self.rows:
            row.hide()
            row.deleteLater()
        self.rows = []
        loaded = value if isinstance(value, list) else []
        for values in loaded:
            self.add_row(values if isinstance(values, dict) else {}, opened=len(loaded) <= OPEN_AT_MOST)
        self.empty.setVisible(not self.rows)

    def set_problem(self, key: str, text: str | None) -> bool:
        m = re.match(r"^(.*)\[(\d+)\]\.(\w+)$", key)
        if not m or m.group(1) != self.item.key:
            return False
        n, sub = int(m.group(2)), m.group(3)
        if n >= len(self.rows) or sub not in {i.key for i in self.item.items}:
            return False
        self.rows[n].set_problem(sub, text)
        return True

    def clear_problems(self) -> None:
        for row in self.rows:
            row.clear_problems()

    def focus_target(self) -> QWidget:
        return self.add_button
