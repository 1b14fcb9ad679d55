"""Sync by itself: when the network returns, every few minutes, shortly after a save, and on demand.

One round at a time, never on the GUI thread: the round runs on a worker
thread of its own (all its writes still go through the store's single
writer), and its progress and outcome come back as Qt signals, which Qt
delivers on the GUI thread. The controller touches no widget: the status bar
listens to its signals. `stop()` (the program closing) cancels the round and
waits only for its store step under way, never for the server (gate.py).
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from fieldapp import logs
from fieldapp.store.database import Store
from fieldapp.store.errors import StoreError
from fieldapp.sync.device import (
    TransportFactory,
    confirm_wipe,
    http_transport,
    is_enrolled,
    sync_once,
)
from fieldapp.ui.sync.gate import Cancelled, Gate, gated, start_worker
from sync.client import failure_message
from sync.errors import DeviceRevoked, SyncFailure

log = logging.getLogger("fieldapp.sync")

PERIOD_MS = 5 * 60 * 1000  # while online
AFTER_SAVE_MS = 15 * 1000  # a save is pushed soon, but typing bursts make one round
# After a failed round, wait longer each time (a laptop without signal should not spin).
RETRY_MS = (30_000, 60_000, 120_000, 300_000, 600_000)


class SyncController(QObject):
    started = Signal()
    progress = Signal(str, int)  # phase ("push" or "pull"), records so far
    finished = Signal(object)  # RoundReport
    failed = Signal(str, str)  # code, a sentence for the caseworker
    revoked = Signal(bool)  # the laptop was revoked: the caller wipes the profile (True: server told)
    search_ready = Signal()  # the search indexes a first sync left for after it are built
    _outcome = Signal(str, object)  # from the worker thread to the GUI thread

    def __init__(self, store: Store, parent: QObject | None = None, *,
                 transport: TransportFactory = http_transport, period_ms: int = PERIOD_MS):
        super().__init__(parent)
        self.store = store
        self._transport = transport
        self._gate = Gate()
        self._running = False
        self._again = False
        self._failures = 0

        self._periodic = QTimer(self, interval=period_ms)
        self._periodic.timeout.connect(self.sync_now)
        self._soon = QTimer(self, singleShot=True)
        self._soon.timeout.connect(self.sync_now)
        self._network: Any = None  # QNetworkInformation, when the platform has a backend
        self._outcome.connect(self._settle)
        self._watch_network()

    # -- when ---------------------------------------------------------------------

    def start(self) -> None:
        """Begin: a first round now, then the periodic ones."""
        if self._gate.cancelled or not is_enrolled(self.store):
            return
        self._periodic.start()
        self.sync_now()

    def stop(self) -> None:
        """No more rounds; a round under way is cancelled. Waits for its store step, never for the server."""
        self._periodic.stop()
        self._soon.stop()
        if not self._gate.close():
            log.warning("a sync store step outlived the close")

    def record_saved(self) -> None:
        """Call after a save: a round follows shortly (several saves make one round)."""
        if not self._gate.cancelled and is_enrolled(self.store) and not self._soon.isActive():
            self._soon.start(AFTER_SAVE_MS)

    def concern_saved(self) -> None:
        """Call after saving a safety concern or notice: a round now, not after the usual pause
        (offline, the round fails and the retries follow as for any round)."""
        if not self._gate.cancelled and is_enrolled(self.store):
            self._soon.stop()
            self.sync_now()

    def _watch_network(self) -> None:
        try:
            from PySide6.QtNetwork import QNetworkInformation
        except ImportError:  # pragma: no cover - QtNetwork ships with pyside6-essentials
            return
        if not QNetworkInformation.loadDefaultBackend():
            return  # no backend on this platform: the periodic rounds and the probe still run
        info = QNetworkInformation.instance()
        if info is None:
            return
        self._network = info
        info.reachabilityChanged.connect(self._reachability)

    def _reachability(self, reachability: Any) -> None:
        from PySide6.QtNetwork import QNetworkInformation

        if reachability == QNetworkInformation.Reachability.Online:
            self._failures = 0
            self._soon.start(2_000)  # the connection just came back: try very soon

    # -- a round ------------------------------------------------------------------

    def sync_now(self) -> None:
        """Start a round now, or right after the one under way."""
        if self._gate.cancelled:
            return
        if not is_enrolled(self.store):
            self.failed.emit("not_enrolled", failure_message(SyncFailure("not_enrolled")).render(
                QCoreApplication.translate))
            return
        if self._running:
            self._again = True
            return
        self._running = True
        self.started.emit()
        start_worker("fieldapp-sync", self._round)

    @property
    def running(self) -> bool:
        return self._running

    @property
    def next_round_scheduled(self) -> bool:
        """Whether a round is due shortly (after a save, or a retry after a failure)."""
        return self._soon.isActive()

    def _round(self) -> None:
        """On the worker thread: run one round; the outcome goes back through `_outcome` (queued)."""
        def progress(phase: str, count: int) -> None:
            self._gate.check()  # a committed step: the place to stop when the program closes
            self.progress.emit(phase, count)

        try:
            with self._gate.work():
                report = sync_once(self.store, progress=progress, transport=gated(self._transport, self._gate),
                                   build_search=False)  # told done first; the search comes after (_build_search)
        except Cancelled:
            log.info("sync round cancelled")
            return
        except DeviceRevoked:  # the server is told here, on the worker: the window wipes at once
            self._tell("revoked", confirm_wipe(self.store, self._transport))
            return
        except SyncFailure as exc:
            log.info("sync round failed: %s", exc.code)  # codes only: no personal data in logs
            self._tell("failed", (exc.code, failure_message(exc).render(QCoreApplication.translate)))
        except StoreError as exc:
            log.warning("sync round stopped by the store: %s", type(exc).__name__)
            self._tell("failed", ("store", exc.message.render(QCoreApplication.translate)))
        except Exception as exc:  # noqa: BLE001 - a bug must not kill the worker; it goes to the crash report
            logs.report_crash(type(exc), exc, exc.__traceback__)
            self._tell("failed", ("bug", QCoreApplication.translate(
                "SyncController", "Sync stopped because of an error in FieldApp. Your records are safe; "
                                  "FieldApp will try again later.")))
        else:
            self._tell("finished", report)
        self._build_search()  # after a failed round too: a first sync cut short, or a kill before the build ended

    def _build_search(self) -> None:
        """On the worker thread, after a round: the search indexes a first sync leaves for after it
        (fieldapp/store/first_sync.py), one short store step at a time, holding the gate for a step
        only, so that saves go between the steps and closing waits for one step at most."""
        built = 0
        try:
            while True:
                with self._gate.work():
                    if not self.store.search_building():
                        break
                    built += 1
                    if not self.store.write(lambda tx: tx.build_search_step()):
                        break
        except Cancelled:
            return  # what was built stays; the next start goes on from there
        except StoreError as exc:
            log.warning("search build stopped by the store: %s", type(exc).__name__)
            return
        if built:
            self._tell("search_ready", None)

    def _tell(self, kind: str, payload: Any) -> None:
        """From the worker thread to the GUI thread (queued); nothing once the controller stopped."""
        if not self._gate.cancelled:
            self._outcome.emit(kind, payload)

    def _settle(self, kind: str, payload: Any) -> None:
        """On the GUI thread: book-keeping, then the public signals."""
        if kind == "search_ready":  # not a round's outcome: the round settled before the build
            if not self._gate.cancelled:
                self.search_ready.emit()
            return
        self._running = False
        if self._gate.cancelled:
            return
        if kind == "finished":
            self._failures = 0
            self.finished.emit(payload)
        elif kind == "revoked":
            self._periodic.stop()
            self.revoked.emit(bool(payload))
            return
        else:
            self._failures += 1
            self.failed.emit(*payload)
        if self._again:
            self._again = False
            self.sync_now()
        elif self._failures:
            self._soon.start(RETRY_MS[min(self._failures, len(RETRY_MS)) - 1])
