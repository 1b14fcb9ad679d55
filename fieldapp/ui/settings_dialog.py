"""Preferences: the language (applied at once: fieldapp/ui/language.py) and when the program locks itself.

A setting IT locked in fieldapp.toml shows its value in a disabled control, and a note says why.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from casework.i18n import os_reason
from fieldapp.settings import OPTIONS, Settings, SettingsProblem
from fieldapp.ui import text
from fieldapp.ui.language import LanguageChoice
from fieldapp.ui.language import apply as apply_language


def problem_text(problem: SettingsProblem) -> str:
    """The sentence shown when the settings file could not be read."""
    from PySide6.QtCore import QCoreApplication

    kept = str(problem.kept_as) if problem.kept_as else str(problem.path)
    return QCoreApplication.translate(
        "Settings",
        "Your settings could not be read, so FieldApp uses its default settings for now. Nothing "
        "else is affected. The unreadable file was kept as %1 for IT to look at.",
    ).replace("%1", kept)


class SettingsDialog(QDialog):
    """The caseworker's preferences; what IT locked is shown, disabled, and never saved as theirs."""

    def __init__(self, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(480)
        self.language_choice = LanguageChoice(settings, with_system=True)
        self.language = self.language_choice.combo
        lock = OPTIONS["auto_lock_minutes"]
        assert lock.minimum is not None and lock.maximum is not None  # declared with its range
        self.lock_minutes = QSpinBox()
        self.lock_minutes.setObjectName("autoLock")
        self.lock_minutes.setRange(lock.minimum, lock.maximum)
        self.lock_minutes.setSpecialValueText(self.tr("never"))
        self.lock_minutes.setSuffix(" " + self.tr("min"))
        self.lock_minutes.setValue(settings.get("auto_lock_minutes"))
        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language_choice)
        form.addRow(self.tr("Lock after idle"), self.lock_minutes)
        self.controls = {"language": self.language, "auto_lock_minutes": self.lock_minutes}
        locked_note = self.tr("Your organisation set the greyed-out settings for this laptop.")
        self.locked_note = QLabel(locked_note)
        self.locked_note.setObjectName("lockedNote")
        self.locked_note.setWordWrap(True)
        self.locked_note.setVisible(any(settings.is_locked(name) for name in self.controls))
        for name, control in self.controls.items():
            if settings.is_locked(name):
                control.setEnabled(False)
                control.setToolTip(locked_note)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.locked_note)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.sections: list[QWidget] = []

    def add_section(self, section: QWidget) -> None:
        """A group of its own module (text size, passphrase) above the notes; its `save()` runs at OK
        with the other settings, its `revert()` at Cancel, when it has them."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(self.locked_note), section)
        self.sections.append(section)
        revert = getattr(section, "revert", None)
        if revert is not None:
            self.rejected.connect(revert)

    def save(self) -> None:
        chosen = {"language": self.language.currentData(), "auto_lock_minutes": self.lock_minutes.value()}
        try:
            for name, value in chosen.items():
                if not self.settings.is_locked(name):
                    self.settings.set(name, value)
            for section in self.sections:
                getattr(section, "save", lambda: None)()
        except OSError as exc:
            self.error.setText(self.tr("The settings could not be saved (%1). Check that the disk is "
                                       "not full, then try again.").replace("%1", text.message(os_reason(exc))))
            self.error.show()
            return
        self.accept()
        apply_language(self.language_choice.value())  # the program switches now, the window rebuilt
