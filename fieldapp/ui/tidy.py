"""Keeping the search indexes quick: their segments merged in the background, a short step at a time.

Every write transaction adds a small segment to each full-text index it touches, and a search walks
every segment (fieldapp/store/search.py `tidy`). The tidier merges them a while after the window opens,
after each sync round (a pull writes many) and once a first sync's search indexes are built, and every so often while the program is open, on Qt's
thread pool; a save waits for one step at most. Closing the program stops it between two steps.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, QTimer

from fieldapp.store import search
from fieldapp.store.database import Store
from fieldapp.store.errors import StoreError
from fieldapp.ui import background

log = logging.getLogger("fieldapp.search")

FIRST_MS = 60 * 1000  # after the window opens: not while the caseworker starts working
PERIOD_MS = 15 * 60 * 1000
AFTER_SYNC_MS = 5 * 1000


class _Stopped(Exception):
    pass


class SearchTidier(QObject):
    def __init__(self, store: Store, parent: QObject | None = None, *, first_ms: int = FIRST_MS,
                 period_ms: int = PERIOD_MS):
        super().__init__(parent)
        self.store = store
        self._stopping = threading.Event()
        self._busy = False
        self.steps = 0  # merged so far (what tests and the log read)
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.tidy_now)
        self._period_ms = period_ms
        self._timer.start(first_ms)

    def soon(self, *_args: object) -> None:
        """After a sync round (connected to its `finished`): a tidy in a few seconds."""
        if not self._stopping.is_set() and not self._busy:
            self._timer.start(min(AFTER_SYNC_MS, self._timer.remainingTime() if self._timer.isActive()
                                  else AFTER_SYNC_MS))

    def stop(self) -> None:
        """No more steps: the one under way finishes (a committed transaction), then the work ends."""
        self._stopping.set()
        self._timer.stop()

    @property
    def busy(self) -> bool:
        return self._busy

    def tidy_now(self) -> None:
        if self._stopping.is_set() or self._busy:
            return
        if self.store.search_building():  # a first sync's indexes are still being written: merge once built
            self._timer.start(self._period_ms)  # (search_ready calls `soon` when they are)
            return
        self._busy = True

        def between() -> None:
            if self._stopping.is_set():
                raise _Stopped

        def work() -> int:
            try:
                return search.tidy(self.store, between=between)
            except _Stopped:
                return 0
            except StoreError as exc:  # a full disk, a locked file: the indexes stay as they are, still right
                log.warning("search indexes not merged: %s", type(exc).__name__)
                return 0

        background.run_task(work, self._done, owner=self)

    def _done(self, steps: int) -> None:
        self._busy = False
        self.steps += steps
        if steps:
            log.info("search indexes merged in %d steps", steps)
        if not self._stopping.is_set():
            self._timer.start(self._period_ms)
