"""The shaping proxy shapes as it claims: every byte arrives, in order, no sooner than the
modelled link allows (bandwidth, round trip, and the timeout a lost segment costs).

The bounds are lower bounds the model guarantees (a byte cannot arrive before the link
has carried it), not timing thresholds of the code under test.
"""

from __future__ import annotations

import math
import random
import socket
import threading
import time

from shapeproxy import SEGMENT, ShapingProxy


class Echo:
    """A loopback server that sends back whatever it receives."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        conn, _ = self.listener.accept()
        with conn:
            while data := conn.recv(65536):
                conn.sendall(data)

    def close(self) -> None:
        self.listener.close()


def _round_trip(proxy: ShapingProxy, payload: bytes) -> tuple[bytes, float]:
    start = time.monotonic()
    with socket.create_connection(("127.0.0.1", proxy.port), timeout=60) as s:
        sender = threading.Thread(target=s.sendall, args=(payload,))
        sender.start()
        got = bytearray()
        while len(got) < len(payload):
            chunk = s.recv(65536)
            assert chunk, "the proxy closed the connection early"
            got += chunk
        sender.join()
    return bytes(got), time.monotonic() - start


def test_bytes_arrive_whole_and_no_sooner_than_bandwidth_and_round_trip_allow():
    echo = Echo()
    payload = random.Random(1).randbytes(50_000)  # 0.4 s each way at 1 Mbit/s
    with ShapingProxy(echo.port, rate_bps=1_000_000, rtt_s=0.3, loss=0.0) as proxy:
        got, elapsed = _round_trip(proxy, payload)
    echo.close()
    assert got == payload
    assert proxy.lost == 0 and proxy.bytes == 2 * len(payload)
    # connect (one round trip) + the payload on the wire once (the echo overlaps the rest)
    # + half a round trip each way
    assert elapsed >= 0.3 + len(payload) * 8 / 1_000_000 + 0.3


def test_lost_segments_are_drawn_from_the_seed_and_each_costs_a_timeout():
    echo = Echo()
    payload = random.Random(2).randbytes(20 * SEGMENT)
    with ShapingProxy(echo.port, rate_bps=10_000_000, rtt_s=0.05, loss=0.1, seed=7) as proxy:
        got, elapsed = _round_trip(proxy, payload)
    echo.close()
    assert got == payload  # loss delays, never corrupts or drops (TCP resends)
    draws = random.Random(7)
    assert proxy.lost == sum(draws.random() < 0.1 for _ in range(proxy.segments))
    assert proxy.lost > 0
    # One direction carries at least half of the losses, one after the other.
    assert elapsed >= 0.05 + 0.05 + math.ceil(proxy.lost / 2) * proxy.rto_s
