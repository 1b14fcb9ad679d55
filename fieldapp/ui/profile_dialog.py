"""Unlock a profile with its passphrase, or create one with a new passphrase."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
)

from fieldapp.store.database import Store
from fieldapp.store.errors import StoreError

MIN_LENGTH = 10


def passphrase_strength(text: str) -> int:
    """A rough 0-4 score: length counts most, then variety of characters."""
    if not text:
        return 0
    classes = sum(
        any(test(ch) for ch in text)
        for test in (str.islower, str.isupper, str.isdigit, lambda c: not c.isalnum())
    )
    words = len(text.split())
    score = 0
    if len(text) >= MIN_LENGTH:
        score += 1
    if len(text) >= 14:
        score += 1
    if len(text) >= 20 or words >= 4:
        score += 1
    if classes >= 3:
        score += 1
    if len(set(text)) <= 3:
        score = 0
    return min(score, 4)


class ProfileDialog(QDialog):
    """On success `store` is the open store; the caller closes it."""

    def __init__(self, folder: Path, *, create: bool, parent=None):
        super().__init__(parent)
        self.folder = folder
        self.creating = create
        self.store: Store | None = None
        self.setWindowTitle(self.tr("FieldApp"))
        self.setMinimumWidth(460)

        intro = QLabel(
            self.tr("Choose a passphrase for this laptop's records. It encrypts everything you "
                    "record; without it nobody, not even IT, can read or recover the records.")
            if create
            else self.tr("Enter your passphrase to open the records on this laptop.")
        )
        intro.setWordWrap(True)
        self.passphrase = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.passphrase.setObjectName("passphrase")
        self.repeat = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.repeat.setObjectName("repeat")
        self.strength = QProgressBar(maximum=4, textVisible=True)
        self.strength.setObjectName("strength")
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()

        form = QFormLayout()
        form.addRow(self.tr("Passphrase"), self.passphrase)
        if create:
            form.addRow(self.tr("Repeat it"), self.repeat)
            form.addRow(self.tr("Strength"), self.strength)
            self.passphrase.textChanged.connect(self._show_strength)
            self._show_strength("")
        else:
            self.repeat.hide()
            self.strength.hide()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.addButton(
            self.tr("Create") if create else self.tr("Unlock"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok.setObjectName("ok")
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.passphrase.setFocus()

    def _show_strength(self, text: str) -> None:
        score = passphrase_strength(text)
        labels = [
            self.tr("too short"),
            self.tr("weak"),
            self.tr("fair"),
            self.tr("good"),
            self.tr("strong"),
        ]
        self.strength.setValue(score)
        self.strength.setFormat(labels[score])

    def _fail(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _submit(self) -> None:
        text = self.passphrase.text()
        if self.creating:
            if len(text) < MIN_LENGTH:
                self._fail(self.tr("Use at least %n characters: a few words you remember are best.", "", MIN_LENGTH))
                return
            if text != self.repeat.text():
                self._fail(self.tr("The two passphrases differ. Type them again."))
                self.repeat.clear()
                return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.store = Store.create(self.folder, text) if self.creating else Store.open(self.folder, text)
        except StoreError as exc:
            self._fail(exc.message.render(QCoreApplication.translate))
            self.passphrase.selectAll()
            self.passphrase.setFocus()
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.accept()
