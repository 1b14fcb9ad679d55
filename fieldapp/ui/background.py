"""Work off the GUI thread, with its result or its error handed back on the GUI thread.

`run_task(work, done, failed)` runs `work()` on Qt's thread pool; `done(result)`
or `failed(exception)` then run on the GUI thread. Workers never touch a
widget. Tests may call `set_synchronous(True)` to run work at once, in order.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

_synchronous = False
_running: set[_Relay] = set()
_pool: QThreadPool | None = None


def _threads() -> QThreadPool:
    # Our own pool, so that `wait` waits for FieldApp's work only.
    global _pool
    if _pool is None:
        _pool = QThreadPool()
    return _pool


def wait(timeout_ms: int = 10_000) -> bool:
    """Wait for the background work under way (before the store closes); True when all finished."""
    return _pool is None or _pool.waitForDone(timeout_ms)


def set_synchronous(on: bool) -> None:
    """Run background work at once on the calling thread (for deterministic tests)."""
    global _synchronous
    _synchronous = on


class _Relay(QObject):
    succeeded = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay):
        super().__init__()
        self.work = work
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.work()
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread
            self.relay.failed.emit(exc)
        else:
            self.relay.succeeded.emit(result)


def run_task(
    work: Callable[[], Any],
    done: Callable[[Any], None],
    failed: Callable[[BaseException], None],
) -> None:
    """Run `work` in the background; then `done(result)` or `failed(error)` on the GUI thread."""
    if _synchronous:
        try:
            result = work()
        except Exception as exc:  # noqa: BLE001
            failed(exc)
        else:
            done(result)
        return
    relay = _Relay()  # lives on the GUI thread: its signals arrive there
    _running.add(relay)

    def finish(callback: Callable[[Any], None], value: Any) -> None:
        _running.discard(relay)
        callback(value)

    relay.succeeded.connect(lambda result: finish(done, result))
    relay.failed.connect(lambda exc: finish(failed, exc))
    _threads().start(_Job(work, relay))
