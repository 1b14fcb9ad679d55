"""One row of a repeat question (a plan's action, a next step): a summary always, editors on demand.

A plan of 20 actions used to build 120 editors (a date box, a 40-entry list of services each)
before it could show; that cost about 190 ms. A row now starts as its summary (the first answer
as its heading, the others on a line below) with an "Edit" button, and builds its editors the
first time it is opened. Its answers live in `values` until then, so the form's checks, drafts and
saving read the data, never the widgets: a required answer missing in a closed row is still found,
and the row opens to show the message.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from casework.dates import format_date
from casework.forms import Item, Member, is_empty
from fieldapp.ui.forms.editor_base import Editor, label_text
from fieldapp.ui.forms.summary import _value as display_value
from fieldapp.ui.forms.wrap_label import WrapLabel  # the reviewer's wording of an answer

EditorFactory = Callable[[Item, str, Sequence[Member]], Editor]
HINT_COLOUR = "#5f6368"  # editor_base.HINT_STYLE's colour


def _hint_palette(label: QLabel) -> QPalette:
    # A palette, not a style sheet: a style sheet per label costs its own style computation.
    palette = QPalette(label.palette())
    palette.setColor(QPalette.ColorRole.WindowText, QColor(HINT_COLOUR))
    return palette


def shown(sub: Item, value: Any, people: Mapping[str, str], lang: str) -> str:
    """An answer of a row as the summary prints it (dates as the language writes them)."""
    if sub.type == "date":
        return format_date(value, lang) if isinstance(value, str) else str(value)
    return display_value(sub, value, people, lang)


class RepeatRow(QFrame):
    """A row: its heading and summary, Edit/Collapse and Remove; the editors once it is opened."""

    def __init__(self, item: Item, lang: str, members: Sequence[Member], make_editor: EditorFactory,
                 values: Mapping[str, Any], row_id: str | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.item = item
        self.lang = lang
        self.members = members
        self.make_editor = make_editor
        self.values = {k: v for k, v in values.items() if k != "id"}
        self.row_id = row_id
        self.editors: dict[str, Editor] | None = None
        self.messages: dict[str, QLabel] = {}
        self.on_edited: Callable[[], None] = lambda: None
        self.on_committed: Callable[[], None] = lambda: None
        self._people = {m.id: m.name for m in members}
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # As few widgets as a closed row can have (a label and a button): 20 rows are built on opening.
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(8, 6, 8, 6)
        self.grid.setVerticalSpacing(4)
        self.grid.setColumnStretch(0, 1)
        # Plain text in two labels: a rich-text label lays out a document of its own at every
        # measurement, and 20 of them were most of the cost of showing the plan's actions.
        self.summary = WrapLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        bold = QFont(self.summary.font())
        bold.setBold(True)
        self.summary.setFont(bold)
        self.details = WrapLabel()
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setPalette(_hint_palette(self.details))
        texts = QVBoxLayout()
        texts.setContentsMargins(0, 0, 0, 0)
        texts.setSpacing(0)
        texts.addWidget(self.summary)
        texts.addWidget(self.details)
        self.grid.addLayout(texts, 0, 0)
        self.toggle = QPushButton()
        self.toggle.setAutoDefault(False)  # Enter in an answer must not open a row (fieldapp/ui/keys.py)
        self.toggle.clicked.connect(self._toggle_clicked)
        self.grid.addWidget(self.toggle, 0, 1, Qt.AlignmentFlag.AlignTop)
        self.remove: QPushButton | None = None  # made with the editors: a row is removed once opened
        self.on_remove: Callable[[], None] = lambda: None
        self.body: QWidget | None = None
        self._open = False
        self.n = 0  # named and summarised by number(), which the repeat editor calls with its place
        self._show_state(summarise=False)

    # -- what the row holds ----------------------------------------------------

    def value(self) -> dict[str, Any]:
        """The row's answers (empty ones left out), read from its editors once they exist."""
        if self.editors is not None:
            self.values = {k: e.value() for k, e in self.editors.items()}
        return {k: v for k, v in self.values.items() if not is_empty(v)}

    def number(self, n: int) -> None:
        """Name the row's widgets by its place (n from 0), as problems and tests address them."""
        self.n = n
        key = self.item.key
        self.setObjectName(f"row:{key}[{n}]")
        self.toggle.setObjectName(f"expand:{key}[{n}]")
        if self.remove is not None:
            self.remove.setObjectName(f"remove:{key}[{n}]")
        for editor in (self.editors or {}).values():
            for w in [editor, *editor.findChildren(QWidget)]:
                name = w.objectName()
                if name.startswith(f"field:{key}["):
                    w.setObjectName(f"field:{key}[{n}].{name.split('].', 1)[1]}")
        self._summarise()

    def _summarise(self) -> None:
        values = self.value()
        subs = [s for s in self.item.items if s.key]
        first = subs[0] if subs else None
        title = shown(first, values[first.key], self._people, self.lang) if first and first.key in values else ""
        heading = f"{self.n + 1}. " + (title or QCoreApplication.translate("FormEditors", "(not filled in yet)"))
        parts = [f"{label_text(s.label, self.lang)}: {shown(s, values[s.key], self._people, self.lang)}"
                 for s in subs[1:] if s.key in values]
        self.summary.setText(heading)
        line = " · ".join(parts) if not self._open else ""
        if line != self.details.text():
            self.details.setText(line)
        self.details.setVisible(bool(line))

    def summary_text(self) -> str:
        """What the closed row shows, as plain text (its heading, then the other answers)."""
        return "\n".join(t for t in (self.summary.text(), self.details.text() if self.details.isVisibleTo(self) else "")
                         if t)

    # -- opening ------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self._open

    def open(self, focus: bool = False) -> dict[str, Editor]:
        """Show the row's editors (building them the first time); returns them by sub-question."""
        editors = self._build()
        self._open = True
        self._show_state()
        if focus and editors:
            editors[next(iter(editors))].focus_target().setFocus(Qt.FocusReason.OtherFocusReason)
        return editors

    def close_row(self) -> None:
        self._open = False
        self._summarise()
        self._show_state()

    def _toggle_clicked(self) -> None:
        if self._open:
            self.close_row()
            self.toggle.setFocus()
        else:
            self.open(focus=True)

    def _show_state(self, summarise: bool = True) -> None:
        self.toggle.setText(QCoreApplication.translate("FormEditors", "Collapse") if self._open
                            else QCoreApplication.translate("FormEditors", "Edit"))
        if summarise:
            self._summarise()
        if self.body is not None:
            self.body.setVisible(self._open)

    def _build(self) -> dict[str, Editor]:
        if self.editors is not None:
            return self.editors
        body = QWidget()
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(1, 1)
        editors: dict[str, Editor] = {}
        for r, sub in enumerate(self.item.items):
            assert sub.key
            text = label_text(sub.label, self.lang) + (" *" if sub.required else "")
            label = QLabel(text)
            # Short labels stay on one line: a wrapping label makes the row taller than it needs.
            label.setWordWrap(len(text) > 28)
            label.setMinimumWidth(170)
            label.setMaximumWidth(230)
            editor = self.make_editor(sub, self.lang, self.members)
            for w in [editor, *editor.findChildren(QWidget)]:
                if w.objectName().startswith(f"field:{sub.key}"):
                    w.setObjectName(f"field:{self.item.key}[{self.n}].{w.objectName()[6:]}")
            if sub.key in self.values:
                editor.set_value(self.values[sub.key])
            editor.edited.connect(self._edited)
            editor.committed.connect(self._committed)
            label.setBuddy(editor.focus_target())
            grid.addWidget(label, 2 * r, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(editor, 2 * r, 1)
            editors[sub.key] = editor
            # A row's message labels are made when a problem is first shown.
        self.remove = QPushButton(QCoreApplication.translate("FormEditors", "Remove"))
        self.remove.setObjectName(f"remove:{self.item.key}[{self.n}]")
        self.remove.setAutoDefault(False)
        self.remove.clicked.connect(lambda _=False: self.on_remove())
        grid.addWidget(self.remove, 2 * len(self.item.items), 1, Qt.AlignmentFlag.AlignLeft)
        self.grid.addWidget(body, 1, 0, 1, 2)
        self.body = body
        self.editors = editors
        if not self.isEnabled():
            body.setEnabled(False)
        return editors

    def _edited(self) -> None:
        self._summarise()
        self.on_edited()

    def _committed(self) -> None:
        self.on_committed()

    # -- messages -------------------------------------------------------------------

    def set_problem(self, sub: str, text: str | None) -> None:
        """Show `text` under the sub-question `sub` (opening the row when there is something to show)."""
        label = self.messages.get(sub)
        if label is None:
            if not text:
                return
            self.open()
            label = self.messages[sub] = QLabel()
            label.setWordWrap(True)
            label.setObjectName("problem")
            label.setStyleSheet("color: #b00020;")
            assert self.body is not None
            grid = self.body.layout()
            assert isinstance(grid, QGridLayout)
            grid.addWidget(label, 2 * [i.key for i in self.item.items].index(sub) + 1, 1)
        label.setText(text or "")
        label.setVisible(bool(text))

    def clear_problems(self) -> None:
        for label in self.messages.values():
            label.clear()
            label.hide()
