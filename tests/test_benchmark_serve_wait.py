"""The benchmarks' server start waits out a server that accepts a connection and answers late.

At load 21 a starting server accepted /health and did not answer within the client's timeout; the
wait caught only a refused connection, so the ReadTimeout ended the run. A real listener here holds
its first connection unanswered (the late answer), then answers 200.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import threading

import pytest

from benchmarks.runner import wait_for_health


def _late_then_healthy(listener: socket.socket, held: list[socket.socket]) -> None:
    first, _ = listener.accept()
    held.append(first)  # read, never answered: the client's read timeout passes
    first.recv(4096)
    while True:
        try:
            conn, _ = listener.accept()
        except OSError:  # closed by the test
            return
        with conn:
            conn.recv(4096)
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")


@pytest.fixture
def alive_process():
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    yield proc
    proc.kill()
    proc.wait()


def test_a_read_timeout_is_waited_out_like_a_refusal(alive_process):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    held: list[socket.socket] = []
    thread = threading.Thread(target=_late_then_healthy, args=(listener, held), daemon=True)
    thread.start()
    try:
        wait_for_health(f"http://127.0.0.1:{listener.getsockname()[1]}", alive_process,
                        request_timeout=0.5, deadline_s=120)
        assert held, "the first request was never held: the read timeout was not produced"
    finally:
        listener.close()
        for s in held:
            s.close()


def test_a_server_that_exits_is_reported_at_once():
    proc = subprocess.Popen([sys.executable, "-c", "raise SystemExit(3)"])
    proc.wait()
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(RuntimeError, match="exited with 3"):
        wait_for_health(f"http://127.0.0.1:{port}", proc, request_timeout=0.5, deadline_s=120)
