"""The program frees Python reference cycles on the GUI thread, between events: never on a worker
thread, where the automatic collector freed a widget that belongs to the GUI thread (fieldapp/ui/collector.py).
A real widget in a real cycle, a real worker thread allocating as a sync round does."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtWidgets import QWidget

from fieldapp.ui.collector import GuiCollector


def _dropped_widget_in_a_cycle(freed: list[str]) -> weakref.ref:
    w = QWidget()
    w.itself = w  # a cycle: only the collector frees it
    return weakref.ref(w, lambda _r: freed.append(threading.current_thread().name))


def _worker_allocating() -> None:
    def churn():
        kept = [[i] for i in range(100_000)]  # far past the collector's threshold of new objects
        del kept

    t = threading.Thread(target=churn, name="worker")
    t.start()
    t.join()


def test_a_widget_in_a_cycle_is_freed_on_the_gui_thread_and_never_on_a_worker(qtbot):
    collector = GuiCollector(interval_ms=20)
    try:
        assert not gc.isenabled()
        freed: list[str] = []
        gone = _dropped_widget_in_a_cycle(freed)
        _worker_allocating()
        assert freed == [] and gone() is not None  # the worker's allocations collected nothing
        qtbot.waitUntil(lambda: freed != [], timeout=5_000)
        assert freed == [threading.main_thread().name]
        assert collector.collections >= 1
    finally:
        collector.stop()
    assert gc.isenabled()


def test_without_it_the_automatic_collector_frees_the_widget_on_the_worker(qtbot):
    """What the program's collector prevents, shown on this interpreter (the reason it exists)."""
    assert gc.isenabled()
    freed: list[str] = []
    gone = _dropped_widget_in_a_cycle(freed)
    _worker_allocating()
    assert freed == ["worker"] and gone() is None
