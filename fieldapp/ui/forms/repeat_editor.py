"""The editor of a repeat question: rows of a few sub-questions, added and removed at will."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from casework.forms import Item, Member, is_empty
from casework.ids import new_id
from fieldapp.ui.forms.editor_base import HINT_STYLE, Editor, hbox, label_text

EditorFactory = Callable[[Item, str, Sequence[Member]], Editor]


class RepeatEditor(Editor):
    """Rows of a few fields (plan actions, next steps, services), added and removed at will."""

    def __init__(self, item: Item, lang: str, members: Sequence[Member], make_editor: EditorFactory,
                 parent: QWidget | None = None):
        super().__init__(item, lang, parent)
        self.members = members
        self.make_editor = make_editor  # the editors of the sub-questions: given, as the factory makes this one
        self.rows: list[tuple[QFrame, dict[str, Editor], dict[str, QLabel]]] = []
        # Each row's own id (item.row_ids): kept as it was loaded, so a revised plan's actions keep theirs.
        self.row_ids: dict[int, str] = {}
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
            text = label_text(sub.label, self.lang) + (" *" if sub.required else "")
            label = QLabel(text)
            # Short labels stay on one line: a wrapping label makes the row taller than it needs.
            label.setWordWrap(len(text) > 28)
            label.setMinimumWidth(170)
            label.setMaximumWidth(230)
            editor = self.make_editor(sub, self.lang, self.members)
            for w in editor.findChildren(QWidget):
                if w.objectName().startswith(f"field:{sub.key}"):
                    w.setObjectName(f"field:{self.item.key}[{n}].{w.objectName()[6:]}")
            if values and sub.key in values:
                editor.set_value(values[sub.key])
            editor.edited.connect(self.edited)
            editor.committed.connect(self.committed)
            label.setBuddy(editor.focus_target())
            grid.addWidget(label, 2 * r, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(editor, 2 * r, 1)
            editors[sub.key] = editor
            # A row's message labels are made when a problem is first shown (a plan of 20 actions
            # would otherwise build 120 hidden labels before it opens).
        remove = QPushButton(QCoreApplication.translate("FormEditors", "Remove"))
        remove.setObjectName(f"remove:{self.item.key}[{n}]")
        remove.setAutoDefault(False)
        remove.clicked.connect(lambda _=False, f=frame: self._remove(f))
        grid.addLayout(hbox(remove), 2 * len(self.item.items), 1)
        self.rows_box.addWidget(frame)
        if self.isVisible():
            frame.setVisible(True)  # a child added to a shown widget is otherwise shown only later
        self.rows.append((frame, editors, messages))
        if self.item.row_ids:
            kept = values.get("id") if values else None
            self.row_ids[id(frame)] = kept if isinstance(kept, str) and kept else new_id()
        self.empty.setVisible(False)
        return editors

    def _remove(self, frame: QFrame) -> None:
        self.rows = [r for r in self.rows if r[0] is not frame]
        self.row_ids.pop(id(frame), None)
        frame.hide()
        frame.deleteLater()
        self.empty.setVisible(not self.rows)
        self.edited.emit()
        self.committed.emit()

    def value(self) -> Any:
        out = []
        for frame, editors, _ in self.rows:
            row = {k: e.value() for k, e in editors.items()}
            kept = {k: v for k, v in row.items() if not is_empty(v)}
            if kept and id(frame) in self.row_ids:
                kept = {"id": self.row_ids[id(frame)], **kept}
            out.append(kept)
        return out or None

    def set_value(self, value: Any) -> None:
        for frame, _, _ in self.rows:
            frame.hide()
            frame.deleteLater()
        self.rows = []
        self.row_ids = {}
        for row in value if isinstance(value, list) else []:
            self.add_row(row if isinstance(row, dict) else {})
        self.empty.setVisible(not self.rows)

    def set_problem(self, key: str, text: str | None) -> bool:
        m = re.match(r"^(.*)\[(\d+)\]\.(\w+)$", key)
        if not m or m.group(1) != self.item.key:
            return False
        n, sub = int(m.group(2)), m.group(3)
        if n >= len(self.rows) or sub not in self.rows[n][1]:
            return False
        frame, _editors, messages = self.rows[n]
        label = messages.get(sub)
        if label is None:
            if not text:
                return True
            label = messages[sub] = QLabel()
            label.setWordWrap(True)
            label.setObjectName("problem")
            label.setStyleSheet("color: #b00020;")
            grid = frame.layout()
            assert isinstance(grid, QGridLayout)
            grid.addWidget(label, 2 * [i.key for i in self.item.items].index(sub) + 1, 1)
        label.setText(text or "")
        label.setVisible(bool(text))
        return True

    def clear_problems(self) -> None:
        for _, _, messages in self.rows:
            for label in messages.values():
                label.clear()
                label.hide()

    def focus_target(self) -> QWidget:
        return self.add_button
