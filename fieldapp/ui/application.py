"""The program while it runs: the open store, its sync controller and the main window.

`Application` is made once the profile is unlocked. `start()` runs IT's
check-in rule in the background (a calm "checking in" screen appears only
when it takes longer than a moment) and then opens the main window;
`close()` cancels the network work (never waiting for the server), lets a
store step under way finish, waits for the background queries, and closes
the store. The pattern of Vorta's application object and Anki's
`CollectionOp`: widgets ask, this object owns what outlives them.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from fieldapp import logs
from fieldapp.paths import APP_NAME
from fieldapp.settings import Settings
from fieldapp.store.database import Store
from fieldapp.store.errors import StoreError
from fieldapp.sync.device import (
    DeviceRevoked,
    TransportFactory,
    checkin,
    checkin_due,
    confirm_wipe,
    days_since_sync,
    http_transport,
    wipe_profile,
)
from fieldapp.ui import background, text
from fieldapp.ui.icons import icon
from fieldapp.ui.sync.controller import SyncController
from fieldapp.ui.sync.gate import Cancelled, Gate, gated, start_worker
from sync.client import failure_message
from sync.errors import SyncFailure

log = logging.getLogger("fieldapp.app")

SHOW_PROGRESS_AFTER_MS = 600  # quicker than this, a screen would only flicker
QUERIES_TIMEOUT_MS = 10_000  # background queries read the local file: short


class CheckinScreen(QDialog):
    """"Checking in with the server": while IT's check-in runs; Cancel ends the program (nothing is lost)."""

    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("checkinScreen")
        self.setWindowTitle(self.tr("FieldApp"))
        self.setWindowIcon(icon("app"))
        self.setMinimumWidth(460)
        title = QLabel("<b>" + self.tr("Checking in with the server…") + "</b>")
        why = QLabel(self.tr("Your organisation asks this laptop to check in with its server from time to "
                             "time before the records open. This takes a moment when the connection is slow."))
        why.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy: a check-in has no steps to count
        self.bar.setTextVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(why)
        layout.addWidget(self.bar)
        layout.addWidget(buttons)

    def reject(self) -> None:
        self.cancelled.emit()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.cancelled.emit()
        super().closeEvent(event)


class Application(QObject):
    """Owns the store, the sync controller and the main window from the unlock to the close."""

    ended = Signal()  # the program ends without its window (the check-in refused it, or Cancel)
    window_opened = Signal()
    _checked_in = Signal(str, object)  # from the check-in's worker thread to the GUI thread

    def __init__(self, store: Store, settings: Settings | None = None, *, checkin_days: int | None = None,
                 transport: TransportFactory = http_transport, show_progress_after_ms: int = SHOW_PROGRESS_AFTER_MS):
        super().__init__()
        self.store = store
        self.settings = settings
        self.checkin_days = checkin_days
        self._transport = transport
        self.sync = SyncController(store, self, transport=transport)
        self.window: Any = None  # MainWindow, once the records may show
        self.checkin_screen: CheckinScreen | None = None
        self.message: QMessageBox | None = None  # what the check-in had to say, when it refused
        self._gate = Gate()
        self._closed = False
        self._progress_timer = QTimer(self, singleShot=True, interval=show_progress_after_ms)
        self._progress_timer.timeout.connect(self._show_checkin_screen)
        self._checked_in.connect(self._check_in_done)
        from fieldapp.ui import language

        # A language chosen in settings rebuilds the window from its state (fieldapp/ui/language.py).
        language.notifier().changed.connect(self._language_changed)
        self._rebuilding = False

    # -- start ------------------------------------------------------------------------------

    def start(self) -> None:
        """Check in when IT's rule asks for it (in the background), then open the main window.

        A store that fails now (its disk went away, a page went bad since the
        unlock) says its sentence and the program ends: never a traceback.
        """
        try:
            due = checkin_due(self.store, self.checkin_days)
        except StoreError as exc:
            self._store_failed(exc)
            return
        if not due:
            self._open_or_say()
            return
        self.checkin_screen = CheckinScreen()
        self.checkin_screen.cancelled.connect(self._cancel_checkin)
        self._progress_timer.start()
        start_worker("fieldapp-checkin", self._check_in)

    def _check_in(self) -> None:
        """On the worker thread: ask the server who we are; the outcome goes back queued."""
        try:
            with self._gate.work():
                checkin(self.store, transport=gated(self._transport, self._gate))
        except Cancelled:
            return
        except DeviceRevoked:  # the server is told here, on the worker: the screen wipes at once
            self._tell("revoked", confirm_wipe(self.store, self._transport))
        except StoreError as exc:  # the local file, not the server: its own sentence
            log.warning("the store failed during check-in: %s", type(exc).__name__)
            self._tell("store", exc)
        except SyncFailure as exc:
            log.info("check-in failed: %s", exc.code)
            self._tell("failed", exc)
        except Exception as exc:  # noqa: BLE001 - a bug: to the crash report, and the records stay closed
            logs.report_crash(type(exc), exc, exc.__traceback__)
            self._tell("failed", None)
        else:
            self._tell("ok", None)

    def _tell(self, kind: str, payload: object) -> None:
        if not self._gate.cancelled:
            self._checked_in.emit(kind, payload)

    def _show_checkin_screen(self) -> None:
        if self.checkin_screen is not None:
            self.checkin_screen.show()

    def _cancel_checkin(self) -> None:
        if self._gate.cancelled or self.window is not None:
            return
        log.info("check-in cancelled")
        self._progress_timer.stop()
        self._gate.close()
        self.ended.emit()

    def _check_in_done(self, kind: str, payload: object) -> None:
        self._progress_timer.stop()
        if kind == "ok":
            self._open_or_say()  # first, so that the screen closing is never the last window closing
        elif kind == "store" and isinstance(payload, StoreError):
            self._store_failed(payload)
        elif kind == "revoked":
            wipe_profile(self.store, confirmed=bool(payload))
            self._say(QMessageBox.Icon.Critical, QCoreApplication.translate(
                "Start", "The organisation revoked this laptop, so the records on it were erased. What was "
                         "synced is safe on the server."))
        else:
            since = days_since_sync(self.store)
            sentence = QCoreApplication.translate(
                "Start", "Your organisation asks this laptop to reach its server at least every %1 days before "
                         "the records open, and the last contact was %2 days ago. Connect to the internet and "
                         "start FieldApp again.").replace("%1", str(self.checkin_days)).replace(
                "%2", "?" if since is None else str(int(since)))
            if isinstance(payload, SyncFailure):
                sentence += "\n\n" + failure_message(payload).render(QCoreApplication.translate)
            self._say(QMessageBox.Icon.Warning, sentence)
        self._close_checkin_screen()

    def _say(self, kind: QMessageBox.Icon, sentence: str) -> None:
        """The check-in refused the records: say why; the program ends when the message is closed."""
        self.message = QMessageBox(kind, APP_NAME, sentence)
        self.message.setObjectName("checkinMessage")
        self.message.finished.connect(lambda _r: self.ended.emit())
        self.message.show()

    def _close_checkin_screen(self) -> None:
        screen, self.checkin_screen = self.checkin_screen, None
        if screen is not None:
            screen.cancelled.disconnect(self._cancel_checkin)
            screen.hide()
            screen.deleteLater()

    def _store_failed(self, exc: StoreError) -> None:
        log.warning("the store failed at start: %s", type(exc).__name__)
        self._say(QMessageBox.Icon.Critical, text.message(exc.message))

    def _open_or_say(self) -> None:
        try:
            self.open_window()
        except StoreError as exc:
            self._store_failed(exc)

    def open_window(self, *, offer_drafts: bool = True) -> Any:
        """The main window, with the records and this object's sync controller."""
        from fieldapp.ui.main_window import MainWindow

        self.window = MainWindow(self.store, settings=self.settings, sync=self.sync)
        self.window.rebuild_wanted.connect(self._language_changed)  # desk: the same rebuild, for a new role
        self.window.restore_geometry()
        self.window.show()
        if offer_drafts:
            self.window.offer_drafts()
        self.window_opened.emit()
        return self.window

    # -- the language -----------------------------------------------------------------------

    def _language_changed(self, *_why: object) -> None:
        # After the settings dialog's OK has returned: the dialog belongs to the window being replaced.
        locker = getattr(self.window, "locker", None)
        if locker is not None and locker.is_locked:  # desk: rebuilt after unlocking, never behind the lock
            locker.locked_changed.connect(self._language_changed, Qt.ConnectionType.SingleShotConnection)
            return
        if self.window is not None and not self._closed and not self._rebuilding:
            self._rebuilding = True
            QTimer.singleShot(0, self.rebuild_window)

    def rebuild_window(self) -> Any:
        """The main window made again in the program's language, showing what the old one showed:
        family files, the tab, each open form continued from its draft. While a dialog without a
        draft is open (or a form's draft cannot be written) the old window stays, says so, and
        changes when those dialogs close."""
        from fieldapp.ui import language

        self._rebuilding = False
        old = self.window
        if old is None or self._closed:
            return None
        waiting = language.blocking_dialogs(old)
        if not waiting:
            try:
                state = language.capture(old)
            except language.FormNotKept:
                waiting = [d for d in old.dialogs if d.isVisible()]
        if waiting:  # the window changes when they are closed: what they hold is never thrown away
            old.statusBar().showMessage(QCoreApplication.translate(
                "Language", "The window changes to the new language when the open windows are closed."))
            for dialog in waiting:
                dialog.finished.connect(self._language_changed)
            return old
        language.retire(old, self.sync)
        try:
            new = self.open_window(offer_drafts=False)
        except StoreError as exc:
            self._store_failed(exc)
            return None
        language.restore(new, state)
        said = old.statusBar().currentMessage()
        if said:  # what the old window was saying (e.g. "Connected to the server as …") is not lost
            new.statusBar().showMessage(said, 15_000)
        old.hide()  # after the new one shows: the program never has no window
        old.deleteLater()
        return new

    # -- close ------------------------------------------------------------------------------

    def close(self) -> None:
        """Cancel the network work, let a store step finish, wait for queries, close the store. Twice is fine."""
        if self._closed:
            return
        self._closed = True
        self._progress_timer.stop()
        self._close_checkin_screen()
        self.sync.stop()
        self._gate.close()
        if self.window is not None:
            self.window.tidier.stop()  # between two steps: the wait below is for one step at most
        if not background.wait(QUERIES_TIMEOUT_MS):
            log.warning("background queries outlived the close")
        self.store.close()

