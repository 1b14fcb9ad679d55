"""Changing the passphrase from Settings: the current one, the new one twice with its strength shown
(the first run's rules, profile_dialog.PassphraseForm), then the store's crash-safe re-key
(fieldapp/store/rekey.py) in the background.

The passphrase is the caseworker's own secret: IT's fieldapp.toml has no key to set or lock it
(docs/it.md, "Changing the passphrase"), so this is never greyed out.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.store.database import Store
from fieldapp.store.errors import StoreError, WrongPassphrase
from fieldapp.ui import background, screen, text
from fieldapp.ui.profile_dialog import MIN_LENGTH, PassphraseForm


class PassphraseDialog(QDialog):
    """Current passphrase, new one twice; `changed` once the new one opens the records."""

    changed = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.setObjectName("passphraseDialog")
        self.setWindowTitle(self.tr("Change the passphrase"))
        self.setMinimumWidth(520)
        intro = QLabel(self.tr("The records on this laptop and their backups are copied under the new "
                               "passphrase; the old one opens them until the copy is complete and checked, and "
                               "never after."))
        intro.setWordWrap(True)
        self.current = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.current.setObjectName("currentPassphrase")
        self.new = PassphraseForm()
        form = self.new.layout()
        assert isinstance(form, QFormLayout)
        # One form, aligned: the current passphrase above the new one, which says it is new.
        form.insertRow(0, self.tr("Current passphrase"), self.current)
        new_label = form.labelForField(self.new.passphrase)
        if isinstance(new_label, QLabel):
            new_label.setText(self.tr("New passphrase"))
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        self.working = QLabel(self.tr("Changing the passphrase: the records are being copied under the new "
                                      "one…"))
        self.working.setObjectName("working")
        self.working.setWordWrap(True)
        self.working.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.change_button = self.buttons.addButton(self.tr("Change the passphrase"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.change_button.setObjectName("changePassphrase")
        self.buttons.accepted.connect(self.change)
        self.buttons.rejected.connect(self.reject)
        for button in self.findChildren(QPushButton):  # Enter moves through the fields first
            button.setAutoDefault(False)
        self.current.returnPressed.connect(self.new.passphrase.setFocus)
        self.new.passphrase.returnPressed.connect(self.new.repeat.setFocus)
        self.new.repeat.returnPressed.connect(self.change)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.new)
        layout.addWidget(self.error)
        layout.addWidget(self.working)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        # Tab follows the form top to bottom, then the buttons (the current field joined the form late).
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        chain = [self.current, self.new.passphrase, self.new.repeat, self.change_button, cancel]
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)
        self.current.setFocus()
        screen.fit(self, 600, 420)

    def _fail(self, sentence: str, field: QLineEdit) -> None:
        self.error.setText(sentence)
        self.error.show()
        field.setFocus()

    def change(self) -> None:
        """Check what was typed, then re-key in the background (Argon2 and a copy of the file take a while)."""
        if not self.change_button.isEnabled():
            return
        old, new = self.current.text(), self.new.passphrase.text()
        if not old:
            self._fail(self.tr("Type your current passphrase first."), self.current)
            return
        problem = self.new.problem()
        if problem:
            self._fail(problem, self.new.passphrase if len(new) < MIN_LENGTH else self.new.repeat)
            return
        if new == old:
            self._fail(self.tr("The new passphrase is the same as the current one. Choose another."),
                       self.new.passphrase)
            return
        self.error.hide()
        self.working.show()
        self._enable(False)
        store = self.store
        background.run_task(lambda: store.change_passphrase(old, new), self._done, self._failed, owner=self)

    def _enable(self, on: bool) -> None:
        for widget in (self.current, self.new.passphrase, self.new.repeat, self.change_button):
            widget.setEnabled(on)

    def _clear(self) -> None:
        for field in (self.current, self.new.passphrase, self.new.repeat):  # no secret stays in a widget
            field.clear()

    def _done(self, _result: object) -> None:
        self._clear()
        self.changed.emit()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.working.hide()
        self._enable(True)
        if isinstance(exc, WrongPassphrase):
            self.current.clear()
            self._fail(self.tr("This is not the current passphrase. Nothing was changed."), self.current)
        elif isinstance(exc, StoreError):
            self._fail(text.message(exc.message) + " " + self.tr("The current passphrase still opens the records."),
                       self.current)
        else:
            background.report_bug(exc)


class PassphraseGroup(QGroupBox):
    """Settings' section: what the passphrase is for, and the button that changes it."""

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.setObjectName("passphraseGroup")
        self.setTitle(self.tr("Passphrase"))
        self.dialog: PassphraseDialog | None = None
        note = QLabel(self.tr("It opens the records on this laptop. Only you know it: IT cannot recover it."))
        note.setWordWrap(True)
        self.button = QPushButton(self.tr("Change the passphrase…"))
        self.button.setObjectName("changePassphraseButton")
        self.button.setAutoDefault(False)
        self.button.clicked.connect(self.open)
        self.done = QLabel(self.tr("The passphrase was changed. Use the new one from now on."))
        self.done.setObjectName("passphraseChanged")
        self.done.setWordWrap(True)
        self.done.hide()
        column = QVBoxLayout(self)
        column.addWidget(note)
        column.addWidget(self.button)
        column.addWidget(self.done)

    def open(self) -> PassphraseDialog:
        self.dialog = PassphraseDialog(self.store, self.window())
        self.dialog.changed.connect(self.done.show)
        self.dialog.open()
        return self.dialog
