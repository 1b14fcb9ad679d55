"""Locking the program when idle: every window is covered, and only the passphrase opens it again.

Nothing is closed or thrown away while locked: the windows (and a form being
typed into) stay as they were, under an opaque cover, so what was typed is
there after unlocking. Drafts keep saving themselves meanwhile.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QColor, QGuiApplication, QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casework.i18n import Message
from fieldapp.store.database import Store
from fieldapp.store.errors import StoreError, WrongPassphrase
from fieldapp.ui import background, text
from fieldapp.ui.icons import icon

_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
             QEvent.Type.Wheel, QEvent.Type.TouchBegin}


def passphrase_opens(store: Store, passphrase: str) -> bool:
    """Whether `passphrase` gives the key the store is open with (Argon2id: ~0.3 s)."""
    return store.check_passphrase(passphrase)


class _Cover(QWidget):
    """An opaque sheet over a window while the program is locked."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.setObjectName("lockCover")
        label = QLabel(self.tr("Locked"), self)
        label.setStyleSheet("color: #eceff1; font-size: 18pt;")
        layout = QVBoxLayout(self)
        layout.addWidget(label, 0, Qt.AlignmentFlag.AlignCenter)
        window.installEventFilter(self)
        self.setGeometry(window.rect())
        self.raise_()
        self.show()

    def paintEvent(self, event: QEvent) -> None:  # noqa: N802
        QPainter(self).fillRect(self.rect(), QColor("#263238"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
        elif event.type() == QEvent.Type.ChildAdded:
            self.raise_()
        return False


class LockScreen(QDialog):
    """Asks for the passphrase; Escape and closing do nothing: only the passphrase unlocks.

    The language can be switched here as on the unlock screen: this screen speaks it at once, and
    the window under the cover is rebuilt in it after unlocking (fieldapp/ui/application.py), never
    before: a new window must not appear unlocked behind the lock.
    """

    unlocked = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None, *, idle: bool = True,
                 settings: Any | None = None):
        """`idle`: the program locked itself (else the person chose "Lock now": no talk of idling).
        `settings`: where a language chosen here is kept (and IT's lock on it is read)."""
        from fieldapp.ui.language import LanguageChoice

        super().__init__(parent)
        self.store = store
        self.idle = idle
        self._unlocking = False
        self._error: Message | None = None  # shown again in a new language
        self.setObjectName("lockScreen")
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setMinimumWidth(440)
        self.language_choice = LanguageChoice(settings, with_system=False)
        self.language_choice.chosen.connect(self._language_chosen)
        picture = QLabel()
        picture.setPixmap(icon("lock").pixmap(64, 64))
        self.title = QLabel()
        self.intro = QLabel()
        self.intro.setObjectName("lockIntro")
        self.intro.setWordWrap(True)
        self.passphrase = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.passphrase.setObjectName("lockPassphrase")
        self.passphrase.returnPressed.connect(self.try_unlock)
        self.error = QLabel()
        self.error.setObjectName("lockError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        self.button = QPushButton()
        self.button.setObjectName("unlock")
        self.button.setDefault(True)
        self.button.clicked.connect(self.try_unlock)
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.language_choice)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(picture, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.title, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.intro)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.error)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignRight)
        self._texts()

    def _texts(self) -> None:
        """Every string of the screen in the program's language (again after a switch)."""
        self.setWindowTitle(self.tr("FieldApp is locked"))
        self.title.setText("<b>" + self.tr("FieldApp is locked") + "</b>")
        self.intro.setText(self.tr("It locked itself after a while without use, to keep the families' records "
                                   "private. Enter your passphrase to continue: everything you were "
                                   "typing is still there.") if self.idle else
                           self.tr("You locked FieldApp, to keep the families' records private. Enter your "
                                   "passphrase to continue: everything you were typing is still there."))
        self.passphrase.setPlaceholderText(self.tr("Passphrase"))
        self.button.setText(self.tr("Unlock"))
        if self._error is not None:
            self.error.setText(text.message(self._error))

    def _language_chosen(self, lang: str) -> None:
        from fieldapp.ui import language

        try:
            self.language_choice.save()
        except OSError:
            pass  # not kept for the next start; this session still switches
        language.apply(lang)
        self._texts()
        self.passphrase.setFocus()  # the passphrase is what this screen is for

    def _show_error(self, message: Message) -> None:
        self._error = message
        self.error.setText(text.message(message))
        self.error.show()

    def try_unlock(self) -> None:
        typed = self.passphrase.text()
        if not typed:
            return
        self.button.setEnabled(False)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

        def done(ok: bool) -> None:
            QGuiApplication.restoreOverrideCursor()
            self.button.setEnabled(True)
            self.passphrase.clear()  # a passphrase, right or wrong, is not left in a field
            if ok:
                self.error.hide()
                self._unlocking = True
                self.unlocked.emit()
                self.done(QDialog.DialogCode.Accepted)
            else:
                self._show_error(WrongPassphrase().message)
                self.passphrase.setFocus()

        def failed(exc: BaseException) -> None:
            QGuiApplication.restoreOverrideCursor()
            self.button.setEnabled(True)
            if not isinstance(exc, StoreError):  # not the key file's fault: a bug, for the crash report
                background.report_bug(exc)
                return
            self.passphrase.clear()
            self._show_error(exc.message)

        background.run_task(lambda: passphrase_opens(self.store, typed), done, failed)

    def reject(self) -> None:  # Escape: stay locked
        return

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self._unlocking:
            event.accept()
        else:
            event.ignore()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            return
        super().keyPressEvent(event)


class Locker(QObject):
    """Locks after `minutes` without a key or mouse event (0: never), or when asked (`lock`)."""

    locked_changed = Signal(bool)

    def __init__(self, store: Store, window: QWidget, minutes: int):
        super().__init__(window)
        self.store = store
        self.window = window
        self.screen: LockScreen | None = None
        self.covers: list[_Cover] = []
        self.timer = QTimer(self, singleShot=True)
        self.timer.timeout.connect(self.lock)
        self.set_minutes(minutes)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    @property
    def is_locked(self) -> bool:
        return self.screen is not None

    def set_minutes(self, minutes: int) -> None:
        self.minutes = minutes
        self._restart()

    def _restart(self) -> None:
        if self.minutes > 0 and not self.is_locked:
            self.timer.start(self.minutes * 60_000)
        else:
            self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in _ACTIVITY and not self.is_locked and self.timer.isActive():
            self.timer.start()  # the same interval, counted from now
        return False

    def lock(self, *, idle: bool = True) -> None:
        """Cover every window and ask for the passphrase; `idle` False for "Lock now"."""
        if self.is_locked:
            return
        self.timer.stop()
        for top in QApplication.topLevelWidgets():
            if top.isVisible() and not isinstance(top, LockScreen) and top.isWindow() and top.windowType() in (
                Qt.WindowType.Window, Qt.WindowType.Dialog
            ):
                self.covers.append(_Cover(top))
        self.screen = LockScreen(self.store, self.window, idle=idle,
                                 settings=getattr(self.window, "settings", None))
        self.screen.unlocked.connect(self._unlocked)
        self.screen.open()
        self.screen.passphrase.setFocus()
        self.locked_changed.emit(True)

    def _unlocked(self) -> None:
        for cover in self.covers:
            parent = cover.parentWidget()
            if parent is not None:
                parent.removeEventFilter(cover)
            cover.hide()
            cover.deleteLater()
        self.covers = []
        if self.screen is not None:
            self.screen.deleteLater()
        self.screen = None
        self._restart()
        self.locked_changed.emit(False)

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
