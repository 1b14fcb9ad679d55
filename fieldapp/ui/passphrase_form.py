"""A new passphrase typed twice, with its strength shown as it is typed (the first run; settings)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QProgressBar, QWidget

MIN_LENGTH = 10


def passphrase_strength(text_: str) -> int:
    """A rough 0-4 score: length counts most, then variety of characters."""
    if not text_:
        return 0
    classes = sum(
        any(test(ch) for ch in text_)
        for test in (str.islower, str.isupper, str.isdigit, lambda c: not c.isalnum())
    )
    words = len(text_.split())
    score = 0
    if len(text_) >= MIN_LENGTH:
        score += 1
    if len(text_) >= 14:
        score += 1
    if len(text_) >= 20 or words >= 4:
        score += 1
    if classes >= 3:
        score += 1
    if len(set(text_)) <= 3:
        score = 0
    return min(score, 4)


class PassphraseForm(QWidget):
    """A new passphrase typed twice, with its strength shown as it is typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.passphrase = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.passphrase.setObjectName("passphrase")
        self.repeat = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.repeat.setObjectName("repeat")
        self.strength = QProgressBar(maximum=4, textVisible=True)
        self.strength.setObjectName("strength")
        self.hint = QLabel(self.tr("A few words you will remember, such as a line of a song, are both strong "
                                   "and easy to type. Write it down and keep it apart from the laptop."))
        self.hint.setWordWrap(True)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Passphrase"), self.passphrase)
        form.addRow(self.tr("Repeat it"), self.repeat)
        form.addRow(self.tr("Strength"), self.strength)
        form.addRow(self.hint)
        self.passphrase.textChanged.connect(self.show_strength)
        self.show_strength("")

    def show_strength(self, typed: str) -> None:
        score = passphrase_strength(typed)
        labels = [self.tr("too short"), self.tr("weak"), self.tr("fair"), self.tr("good"), self.tr("strong")]
        # Light colours, so that the word on the bar stays readable; the word says it, not the colour.
        colours = ["#ef9a9a", "#ffcc80", "#fff59d", "#c5e1a5", "#81c784"]
        self.strength.setValue(score)
        self.strength.setFormat(labels[score])
        self.strength.setStyleSheet(
            "QProgressBar { border: 1px solid #9e9e9e; border-radius: 3px; text-align: center; color: #000; }"
            f"QProgressBar::chunk {{ background: {colours[score]}; }}")

    def problem(self) -> str | None:
        typed = self.passphrase.text()
        if len(typed) < MIN_LENGTH:
            return self.tr("Use at least %n characters: a few words you remember are best.", "", MIN_LENGTH)
        if typed != self.repeat.text():
            self.repeat.clear()
            return self.tr("The two passphrases differ. Type them again.")
        return None
