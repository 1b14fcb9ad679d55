"""What uvicorn does not do for a server on the open internet: a deadline for a request's
head and body, and a cap on open connections, per peer and in all.

uvicorn times out only the idle time between requests (`timeout_keep_alive`); a client that
sends half a request line and waits keeps its socket, and its file descriptor, for ever.
`GuardedH11Protocol` is uvicorn's h11 protocol with those limits added; `fieldapp-server
serve` runs uvicorn with it (`http=GuardedH11Protocol`, limits on the Config object, which
uvicorn hands to each worker process).
"""

from __future__ import annotations

import asyncio
import logging
import resource
from dataclasses import dataclass
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from sync.server.security import IPNetwork, is_trusted

log = logging.getLogger("fieldapp.server")

# Descriptors kept for the database, log files and the listening socket, beyond connections.
FD_RESERVE = 128

# How long uvicorn's supervisor waits for a worker to answer its ping before it kills and
# replaces the worker (uvicorn's default is 5 s). A new worker answers only once it has imported
# the app, and on a busy 2-core machine (load 13) that took 10 s: every replacement was killed
# before it could answer, so a server asked for 2 workers ran on 1, and spent its CPU on
# restarting the other (200-laptop benchmark, docs/server.md "Workers and PostgreSQL").
WORKER_HEALTHCHECK_S = 60


@dataclass(frozen=True)
class ConnectionLimits:
    """How long a client may take to send a request, and how many sockets it may hold."""

    head_timeout_s: float = 10.0  # from the connection (or the last answer) to the whole head
    body_timeout_s: float = 120.0  # from the head to the whole body (1 MB on a slow line)
    max_per_peer: int = 64  # open connections from one address (trusted proxies: no cap)
    max_total: int = 2000  # open connections in one worker process
    exempt: tuple[IPNetwork, ...] = ()  # the trusted proxies: they carry many clients each


def raise_fd_limit() -> int:
    """Raise this process's soft limit of open files to its hard limit; the new soft limit.

    Linux's usual soft limit (1024) is far below what one process may open; the workers
    inherit the raised limit.
    """
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = hard if hard != resource.RLIM_INFINITY else max(soft, 65536)
    if target > soft:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
            soft = target
        except (ValueError, OSError):
            pass  # not allowed here: keep the soft limit, `fit_to_fd_limit` scales down
    return soft


def fit_to_fd_limit(limits: ConnectionLimits, soft_limit: int) -> ConnectionLimits:
    """`limits` with the total cap lowered to what the descriptor limit leaves for sockets."""
    room = max(16, soft_limit - FD_RESERVE)
    if limits.max_total <= room:
        return limits
    return ConnectionLimits(limits.head_timeout_s, limits.body_timeout_s,
                            min(limits.max_per_peer, room), room, limits.exempt)


class GuardedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with a head and body deadline and per-peer and total caps."""

    def __init__(self, config: Any, server_state: Any, app_state: dict[str, Any],
                 _loop: asyncio.AbstractEventLoop | None = None) -> None:
        super().__init__(config, server_state, app_state, _loop)
        self.limits: ConnectionLimits = getattr(config, "fieldapp_limits", None) or ConnectionLimits()
        self._accepted = False
        self._peer = ""
        self._deadline: asyncio.TimerHandle | None = None
        self._seen_cycle: Any = None

    def _peers(self) -> dict[str, int]:
        peers: dict[str, int] | None = getattr(self.server_state, "fieldapp_peers", None)
        if peers is None:
            peers = {}
            self.server_state.fieldapp_peers = peers  # type: ignore[attr-defined]  # one table per server
        return peers

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        peername = transport.get_extra_info("peername")
        self._peer = str(peername[0]) if isinstance(peername, tuple) and peername else ""
        peers = self._peers()
        over_total = len(self.connections) >= self.limits.max_total
        over_peer = (peers.get(self._peer, 0) >= self.limits.max_per_peer
                     and not is_trusted(self._peer, self.limits.exempt))
        if over_total or over_peer:
            # Refused before it costs more than the accept: no h11 state, no task.
            log.warning("connection refused", extra={"fields": {
                "reason": "total cap" if over_total else "per-peer cap"}})
            transport.abort()
            return
        self._accepted = True
        peers[self._peer] = peers.get(self._peer, 0) + 1
        super().connection_made(transport)
        self._arm(self.limits.head_timeout_s)

    def connection_lost(self, exc: Exception | None) -> None:
        if not self._accepted:
            return
        self._accepted = False
        self._disarm()
        peers = self._peers()
        left = peers.get(self._peer, 1) - 1
        if left > 0:
            peers[self._peer] = left
        else:
            peers.pop(self._peer, None)
        super().connection_lost(exc)

    def handle_events(self) -> None:
        super().handle_events()
        if self.cycle is not None and self.cycle is not self._seen_cycle:
            # A new request's head has arrived: now its body has a deadline.
            self._seen_cycle = self.cycle
            self._arm(self.limits.body_timeout_s)

    def on_response_complete(self) -> None:
        super().on_response_complete()
        done = self.cycle is None or self.cycle.response_complete  # not a pipelined next one
        if self._accepted and done and not self.transport.is_closing():
            self._arm(self.limits.head_timeout_s)  # the next request's head, if one comes

    def _arm(self, seconds: float) -> None:
        self._disarm()
        self._deadline = self.loop.call_later(seconds, self._expired, self.cycle)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _expired(self, armed_for: Any) -> None:
        self._deadline = None
        waiting_for_head = self.cycle is armed_for and (
            armed_for is None or armed_for.response_complete)
        waiting_for_body = (self.cycle is armed_for and armed_for is not None
                            and not armed_for.response_complete
                            and self.conn.their_state is h11.SEND_BODY)
        if waiting_for_head or waiting_for_body:
            log.warning("slow client cut off", extra={"fields": {
                "waiting_for": "head" if waiting_for_head else "body"}})
            self.transport.close()
