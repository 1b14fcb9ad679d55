"""Python's cycle collector, run by the GUI thread's event loop only.

A window or dialog whose Python wrapper sits in a reference cycle (a lambda connected to its own
signal is enough) is freed when the collector finds the cycle, and the collector runs wherever
allocations happen to cross its threshold: on a sync worker or a background query's thread, which
then deletes a widget that belongs to the GUI thread, or on the GUI thread in the middle of Qt
delivering an event to the window being freed (found as a crash in the test suite: a language change
walking a window's children while the collector freed it). So the automatic collector is switched
off and the same generational thresholds are checked from a timer, between events, on the GUI thread
(the pattern pyqtgraph's `util/garbage_collector.py` and Camelot use for the same reason).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1000


class GuiCollector(QObject):
    def __init__(self, parent: QObject | None = None, *, interval_ms: int = INTERVAL_MS):
        super().__init__(parent)
        self._threshold = gc.get_threshold()
        self._was_enabled = gc.isenabled()
        self.collections = 0
        gc.disable()
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def check(self) -> None:
        """Collect the young objects made since the last tick (a few milliseconds at most), and the
        older generations when their counts passed the thresholds the automatic collector used."""
        counts = gc.get_count()
        if counts[0] <= 0:
            return
        generation = 0
        for g in (1, 2):
            if counts[g] <= self._threshold[g]:
                break
            generation = g
        gc.collect(generation)
        self.collections += 1

    def stop(self) -> None:
        """Back to the automatic collector (the program is ending, or a test is done)."""
        self._timer.stop()
        if self._was_enabled:
            gc.enable()
