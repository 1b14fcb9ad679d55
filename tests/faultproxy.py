"""A TCP proxy on 127.0.0.1 that breaks connections on purpose, for sync tests.

Each accepted connection draws a fate from a seeded random generator while
faults are on: pass through, delay, drop the request half-way, drop the
response half-way (the server did the work, the client never hears), reset,
or answer 502/503 without asking the server. With faults off it passes
everything. Every loop is bounded and the proxy stops with the test.
"""

from __future__ import annotations

import random
import socket
import struct
import threading
import time

from loopproxy import LoopbackProxy, shut

FATES = ("pass", "pass", "pass", "delay", "drop_request", "drop_response", "reset", "502", "503")


class FaultProxy(LoopbackProxy):
    def __init__(self, target_port: int, seed: int = 0):
        super().__init__(target_port)
        self.rng = random.Random(seed)
        self.faults = False
        self.counts: dict[str, int] = {}
        # Cuts at given points of everything sent to the server (byte offsets over all
        # connections, ascending): the connection carrying that byte is dropped both ways.
        self.cuts: list[int] = []
        self.cut_done = 0
        self.sent_up = 0

    def _fate(self) -> tuple[str, float, int]:
        with self.lock:
            fate = self.rng.choice(FATES) if self.faults else "pass"
            self.counts[fate] = self.counts.get(fate, 0) + 1
            return fate, self.rng.uniform(0.02, 0.3), self.rng.randint(1, 4000)

    def _handle(self, client: socket.socket) -> None:
        fate, delay, cut = self._fate()
        client.settimeout(30)
        try:
            if fate == "reset":
                client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                return
            if fate in ("502", "503"):
                client.recv(65536)
                body = b"Bad gateway" if fate == "502" else b"Service unavailable"
                client.sendall(f"HTTP/1.1 {fate} X\r\nContent-Type: text/plain\r\nContent-Length: {len(body)}"
                               f"\r\nConnection: close\r\n\r\n".encode() + body)
                return
            if fate == "drop_request":
                client.recv(min(cut, 200))
                return
            if fate == "delay":
                time.sleep(delay)
            server = socket.create_connection(self.target, timeout=30)
            try:
                upstream = self._pipe_cutting if self.cuts else self._pipe
                up = threading.Thread(target=upstream, args=(client, server, None), daemon=True)
                up.start()
                self._pipe(server, client, cut if fate == "drop_response" else None)
            finally:
                server.close()
        except OSError:
            pass
        finally:
            client.close()

    def _pipe_cutting(self, src: socket.socket, dst: socket.socket, _limit: int | None) -> None:
        """Upstream with `cuts`: at the next cut point, the rest of this connection never arrives."""
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                with self.lock:
                    start = self.sent_up
                    self.sent_up += len(data)
                    cut = self.cut_done < len(self.cuts) and self.sent_up >= self.cuts[self.cut_done]
                    if cut:
                        keep = max(0, self.cuts[self.cut_done] - start)
                        self.cut_done += 1
                        self.sent_up = start + keep
                if cut:
                    dst.sendall(data[:keep])
                    src.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    break
                dst.sendall(data)
        except OSError:
            pass
        finally:
            shut(src, dst)

    @staticmethod
    def _pipe(src: socket.socket, dst: socket.socket, limit: int | None) -> None:
        sent = 0
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                if limit is not None and sent + len(data) >= limit:
                    dst.sendall(data[: max(0, limit - sent)])
                    break  # the rest of the answer never arrives
                dst.sendall(data)
                sent += len(data)
        except OSError:
            pass
        finally:
            shut(src, dst)
