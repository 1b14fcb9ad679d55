"""Choose a place of the codifier (KATOTTH) by typing its name: a line edit with a popup.

Places are stored as codes, never as free text (three villages are called
"Козятин"); the popup shows each match with its oblast and raion so that the
right one can be told apart. `within` narrows the search to a unit (a
settlement inside the chosen hromada).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit

from casework import codifier

CodeRole = Qt.ItemDataRole.UserRole + 1
HROMADA = "hromada"
SETTLEMENT = "settlement"
ANY = "any"


class PlacePicker(QLineEdit):
    """A line edit that holds a codifier code; `code_changed(code or "")` when one is chosen."""

    code_changed = Signal(str)

    def __init__(self, kind: str = SETTLEMENT, parent=None):
        super().__init__(parent)
        self.kind = kind
        self.within: str | None = None
        self._code = ""
        self.matches = QStandardItemModel(self)
        self.completer_ = QCompleter(self.matches, self)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.setMaxVisibleItems(12)
        self.completer_.setWidget(self)
        self.completer_.activated[QModelIndex].connect(self._chosen)
        self.textEdited.connect(self._typed)
        self.setPlaceholderText({
            HROMADA: self.tr("Type the hromada's name"),
            SETTLEMENT: self.tr("Type the settlement's name"),
        }.get(kind, self.tr("Type the place's name")))

    def code(self) -> str:
        return self._code

    def set_code(self, code: str | None) -> None:
        self._code = code or ""
        with QSignalBlocker(self):
            self.setText(codifier.display_name(code) if code else "")
        self.setCursorPosition(0)
        self.setToolTip(self.text())
        self.code_changed.emit(self._code)

    def set_within(self, code: str | None) -> None:
        self.within = code or None

    def search(self, typed: str) -> list[codifier.Unit]:
        if self.kind == HROMADA:
            return codifier.search(typed, within=self.within, level=3, categories="H", limit=15)
        if self.kind == SETTLEMENT:
            return codifier.search(typed, within=self.within, level=4, categories="KMTXC", limit=15)
        return codifier.search(typed, within=self.within, limit=15)

    def _typed(self, typed: str) -> None:
        if self._code:  # typing over a chosen place un-chooses it
            self._code = ""
            self.code_changed.emit("")
        self.matches.clear()
        for unit in self.search(typed):
            item = QStandardItem(codifier.display_name(unit.code))
            item.setData(unit.code, CodeRole)
            self.matches.appendRow(item)
        if self.matches.rowCount():
            self.completer_.complete()
        else:
            self.completer_.popup().hide()

    def _chosen(self, index: QModelIndex) -> None:
        code = index.data(CodeRole)
        if code:
            self.set_code(code)

    def choose_first(self) -> bool:
        """Choose the first match of what is typed (Enter on the popup does the same)."""
        if not self.matches.rowCount():
            return False
        self.set_code(self.matches.item(0).data(CodeRole))
        self.completer_.popup().hide()
        return True
