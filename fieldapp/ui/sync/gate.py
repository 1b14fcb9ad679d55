"""Network work that closing the program never waits for, and that never half-touches a closed store.

A worker (a sync round, the start-up check-in) runs on a daemon thread and
holds its `Gate` while it works with the store; it lets go of the gate while
it waits for the server (every call of its transport goes through the gate).
`Gate.close()` cancels, then takes the gate: it waits for the store step under
way (a committed transaction, short), never for the network. A worker back
from the network finds the gate closed and stops with `Cancelled` before it
touches the store again. Nothing is lost: each store step commits on its own,
and pushes are idempotent (sync-protocol.md), so the next round redoes the rest.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from fieldapp.sync.device import TransportFactory

# A store step is a transaction on the writer: seconds at the very most.
STORE_STEP_TIMEOUT_S = 60.0


class Cancelled(Exception):
    """The work was cancelled (the program is closing); what was committed stays."""


class Gate:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cancelled = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    @contextmanager
    def work(self) -> Iterator[None]:
        """Worker: hold the gate for the whole job (released around each network call)."""
        with self._lock:
            if self.cancelled:
                raise Cancelled()
            yield

    @contextmanager
    def network(self) -> Iterator[None]:
        """Worker, inside `work`: wait for the server without holding the gate."""
        if self.cancelled:
            raise Cancelled()
        self._lock.release()
        try:
            yield
        finally:
            self._lock.acquire()
            if self.cancelled:
                raise Cancelled()  # back from the network, but the program is closing: hands off the store

    def check(self) -> None:
        """Worker, between steps: stop here when cancelled."""
        if self.cancelled:
            raise Cancelled()

    def close(self, timeout: float = STORE_STEP_TIMEOUT_S) -> bool:
        """Cancel, and wait for the store step under way (never for the network). True when it ended in time."""
        self._cancelled.set()
        if not self._lock.acquire(timeout=timeout):
            return False
        self._lock.release()
        return True


class _GatedTransport:
    """A transport whose every network call goes through the gate."""

    def __init__(self, inner: Any, gate: Gate):
        self._inner = inner
        self._gate = gate

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._inner, name)
        if name == "close" or not callable(attribute):
            return attribute

        def call(*args: Any, **kwargs: Any) -> Any:
            with self._gate.network():
                return attribute(*args, **kwargs)

        return call


def gated(factory: TransportFactory, gate: Gate) -> TransportFactory:
    """`factory`'s transports, with their network calls released from the gate."""

    def make(server_url: str, token: str | None) -> Any:
        return _GatedTransport(factory(server_url, token), gate)

    return make


def start_worker(name: str, job: Callable[[], None]) -> threading.Thread:
    """Run `job` on a daemon thread: the process may exit while it waits for the network."""
    thread = threading.Thread(target=job, name=name, daemon=True)
    thread.start()
    return thread
