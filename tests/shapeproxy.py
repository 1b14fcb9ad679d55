"""A TCP proxy on 127.0.0.1 that behaves like a slow link, for sync benchmarks and tests.

The kernel here has no netem, so the link is modelled in the proxy, per
direction: bytes leave at `rate_bps` (each 1,460-byte segment takes its
serialisation time on the wire, one after the other), arrive half a round
trip later, and a lost segment (probability `loss`, drawn from a seeded
generator) costs what TCP pays for it: a retransmission timeout, during which
nothing after it arrives either (in-order delivery). Beside `faultproxy`,
which breaks connections; this one only slows them, as a bad mobile link does.
"""

from __future__ import annotations

import queue
import random
import socket
import threading
import time

from loopproxy import LoopbackProxy

SEGMENT = 1460  # bytes of payload in one TCP segment on a 1500-byte MTU


class ShapingProxy(LoopbackProxy):
    def __init__(self, target_port: int, *, rate_bps: float = 1_000_000, rtt_s: float = 0.3,
                 loss: float = 0.01, seed: int = 0, min_rto_s: float = 0.2):
        super().__init__(target_port)
        self.rate_bps, self.rtt_s, self.loss = rate_bps, rtt_s, loss
        # TCP's retransmission timeout: at least 200 ms (Linux), and more than a round trip.
        self.rto_s = max(min_rto_s, 2 * rtt_s)
        self.rng = random.Random(seed)
        self.segments = 0
        self.lost = 0
        self.bytes = 0

    def _lose(self) -> bool:
        with self.lock:
            self.segments += 1
            lost = self.rng.random() < self.loss
            self.lost += lost
            return lost

    def _handle(self, client: socket.socket) -> None:
        client.settimeout(120)
        try:
            # A new connection costs a round trip (SYN, SYN-ACK) before the first byte.
            time.sleep(self.rtt_s)
            server = socket.create_connection(self.target, timeout=120)
        except OSError:
            client.close()
            return
        up = threading.Thread(target=self._direction, args=(client, server), daemon=True)
        up.start()
        self._direction(server, client)
        up.join(timeout=5)
        for s in (client, server):
            s.close()

    def _direction(self, src: socket.socket, dst: socket.socket) -> None:
        """Read from `src`, deliver to `dst` as the link would (a sender thread keeps the clock)."""
        due: queue.SimpleQueue[tuple[float, bytes] | None] = queue.SimpleQueue()
        sender = threading.Thread(target=self._deliver, args=(due, dst), daemon=True)
        sender.start()
        free = 0.0  # when the link is free to carry this direction's next segment
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                now = time.monotonic()
                for start in range(0, len(data), SEGMENT):
                    segment = data[start:start + SEGMENT]
                    free = max(free, now) + len(segment) * 8 / self.rate_bps
                    if self._lose():
                        free += self.rto_s  # resent after the timeout; later bytes wait behind it
                    with self.lock:
                        self.bytes += len(segment)
                    due.put((free + self.rtt_s / 2, segment))
        except OSError:
            pass
        finally:
            due.put(None)
            sender.join(timeout=120)

    @staticmethod
    def _deliver(due: queue.SimpleQueue[tuple[float, bytes] | None], dst: socket.socket) -> None:
        try:
            while (item := due.get()) is not None:
                at, segment = item
                wait = at - time.monotonic()
                if wait > 0:
                    time.sleep(wait)
                dst.sendall(segment)
        except OSError:
            pass
        finally:
            try:
                dst.shutdown(socket.SHUT_WR)
            except OSError:
                pass
