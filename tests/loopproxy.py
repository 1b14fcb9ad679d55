"""The loop both test proxies share: listen on 127.0.0.1, accept until stopped, hand each
connection to the proxy's own `_handle` in a thread of its own (faultproxy breaks connections,
shapeproxy slows them). Every loop is bounded and the proxy stops with the test."""

from __future__ import annotations

import socket
import threading


class LoopbackProxy:
    """Accepts on a free port of 127.0.0.1 and passes connections to `_handle` (subclasses)."""

    def __init__(self, target_port: int):
        self.target = ("127.0.0.1", target_port)
        self.lock = threading.Lock()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.2)
        self.port = self.listener.getsockname()[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)

    def __enter__(self):  # noqa: ANN204 - the subclass itself
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self.listener.close()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._handle, args=(client,), daemon=True).start()

    def _handle(self, client: socket.socket) -> None:
        raise NotImplementedError


def shut(*sockets: socket.socket) -> None:
    """Shut both directions of each socket, ignoring one already gone."""
    for s in sockets:
        try:
            s.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
