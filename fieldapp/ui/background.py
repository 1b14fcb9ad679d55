"""Work off the GUI thread, with its result or its error handed back on the GUI thread.

`run_task(work, done, failed)` runs `work()` on Qt's thread pool; `done(result)`
or `failed(exception)` then run on the GUI thread. Without `failed`, an
exception is a bug: it goes to the crash report (fieldapp/logs.py), as does
an exception raised by `done` or `failed` themselves. Workers never touch a
widget. Tests may call `set_synchronous(True)` to run work at once, in order.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import shiboken6
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


def report_bug(exc: BaseException) -> None:
    """An exception nobody expected: to the log and the crash dialog (sys.excepthook, fieldapp/logs.py)."""
    sys.excepthook(type(exc), exc, exc.__traceback__)


def _guarded(callback: Callable[[Any], None], value: Any) -> None:
    # A bug in a callback must reach the crash report, not vanish inside Qt's signal delivery.
    try:
        callback(value)
    except Exception as exc:  # noqa: BLE001
        report_bug(exc)


def _while_alive(owner: QObject, callback: Callable[[Any], None]) -> Callable[[Any], None]:
    def call(value: Any) -> None:
        if shiboken6.isValid(owner):
            callback(value)

    return call


def run_task(
    work: Callable[[], Any],
    done: Callable[[Any], None],
    failed: Callable[[BaseException], None] | None = None,
    *,
    owner: QObject | None = None,
) -> None:
    """Run `work` in the background; then `done(result)` or `failed(error)` on the GUI thread.

    Without `failed`, an error is a bug and goes to the crash report. With an `owner` (the
    widget that asked), `done` and `failed` are dropped when the owner was deleted meanwhile:
    the window closed before the answer came."""
    if owner is not None:
        done, failed = _while_alive(owner, done), None if failed is None else _while_alive(owner, failed)
    on_error = report_bug if failed is None else failed
    if _synchronous:
        try:
            result = work()
        except Exception as exc:  # noqa: BLE001
            _guarded(on_error, exc)
        else:
            _guarded(done, result)
        return
    relay = _Relay()  # lives on the GUI thread: its signals arrive there
    _running.add(relay)

    def finish(callback: Callable[[Any], None], value: Any) -> None:
        _running.discard(relay)
        _guarded(callback, value)

    relay.succeeded.connect(lambda result: finish(done, result))
    relay.failed.connect(lambda exc: finish(on_error, exc))
    _threads().start(_Job(work, relay))
