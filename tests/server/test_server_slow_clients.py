"""One client cannot stop the server: `fieldapp-server serve`, started as docs/server.md
starts it, against hundreds of idle and half-sent connections.

The attacker's sockets come from 127.0.0.2 (any 127.x address reaches the server on
Linux), the health checks from 127.0.0.1, so the per-peer cap is what is tested. The
server starts with a soft open-files limit of 1024, as a shell often gives it."""

from __future__ import annotations

import json
import resource
import select
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from kit import cli_env
from server_kit import free_port, start_serve, stop_serve

from sync.server.connections import FD_RESERVE, ConnectionLimits, fit_to_fd_limit
from sync.server.logs import Bounded

ROOT = Path(__file__).resolve().parents[2]
ATTACKER = "127.0.0.2"
IDLE, HALF_SENT = 300, 300
PER_PEER = 64


def _low_soft_limit() -> None:
    _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(1024, hard), hard))


@pytest.fixture
def served(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], int, Path]]:
    extra: list[str] = list(getattr(request, "param", []))
    env = {**cli_env(), "PYTHONPATH": str(ROOT)}
    data = tmp_path / "data"
    subprocess.run([sys.executable, "-m", "sync.server.cli", "init", "--data", str(data)],
                   cwd=ROOT, env=env, check=True, capture_output=True, timeout=600)
    port = free_port()
    log = tmp_path / "server.log"
    with log.open("wb") as err:
        try:
            proc = start_serve("--host", "127.0.0.1", "--data", str(data), "--header-timeout", "3",
                               "--body-timeout", "3", "--max-connections-per-peer", str(PER_PEER), *extra,
                               port=port, stdout=subprocess.DEVNULL, stderr=err, preexec_fn=_low_soft_limit)
        except RuntimeError as exc:
            raise RuntimeError(f"{exc}\n{log.read_text()}") from None
    try:
        yield proc, port, log
    finally:
        stop_serve(proc)


def _connect(port: int, source: str, send: bytes) -> socket.socket | None:
    s = socket.socket()
    s.bind((source, 0))
    s.setblocking(True)
    try:
        s.connect(("127.0.0.1", port))
        if send:
            s.sendall(send)
    except OSError:  # refused at once: what the cap does
        s.close()
        return None
    return s


def _closed_by_server(s: socket.socket) -> bool:
    readable, _, _ = select.select([s], [], [], 0)
    if not readable:
        return False
    try:
        return s.recv(1024) == b""
    except OSError:  # reset
        return True


def _health(port: int) -> int:
    return requests.get(f"http://127.0.0.1:{port}/health", timeout=30).status_code


def _left_open(opened: list[socket.socket], cap: int) -> list[socket.socket]:
    """The sockets still open once the server has refused all it refuses: waited for until no more than
    `cap` are left, however slow the machine (a server that never refuses fails at the deadline)."""
    deadline = time.monotonic() + 300
    still_open = [s for s in opened if not _closed_by_server(s)]
    while len(still_open) > cap:
        assert time.monotonic() < deadline, f"{len(still_open)} connections left open, over the cap of {cap}"
        time.sleep(0.2)
        still_open = [s for s in still_open if not _closed_by_server(s)]
    return still_open


def _the_flood(port: int) -> list[socket.socket]:
    sockets = [_connect(port, ATTACKER, b"") for _ in range(IDLE)]
    sockets += [_connect(port, ATTACKER, b"GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: ")
                for _ in range(HALF_SENT)]
    return [s for s in sockets if s is not None]


def _assert_bounded_log(log: Path, began: float) -> None:
    """A few one-line JSON entries per kind in each window of the rate limit, no tracebacks."""
    text = log.read_bytes()
    assert b"Traceback" not in text
    lines = [ln for ln in text.splitlines() if ln.strip()]
    assert all(ln.startswith(b"{") for ln in lines)
    kinds = {json.loads(ln)["event"] for ln in lines} if lines else set()
    bounded = Bounded()
    windows = int((time.monotonic() - began) // bounded.per_s) + 2  # the first and the one under way
    print(f"log: {len(text)} bytes, {len(lines)} lines of {len(kinds)} kinds for {IDLE + HALF_SENT} "
          f"connections over {windows} windows")
    assert len(lines) <= bounded.burst * len(kinds) * windows, text.decode()


def _raise_own_fd_limit() -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < IDLE + HALF_SENT + 100:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 4096), hard))


# A head deadline far beyond the test: only the cap can close a connection here.
@pytest.mark.parametrize("served", [["--header-timeout", "3600"]], indirect=True)
def test_hundreds_of_idle_and_half_sent_connections_do_not_stop_the_server(served):
    proc, port, log = served
    began = time.monotonic()
    _raise_own_fd_limit()
    # The server raised its soft limit of open files to the hard one.
    limits = Path(f"/proc/{proc.pid}/limits").read_text()
    line = next(ln for ln in limits.splitlines() if ln.startswith("Max open files"))
    server_soft, server_hard = line.split()[3:5]
    assert server_soft == server_hard, line

    opened = _the_flood(port)
    try:
        assert _health(port) == 200
        still_open = _left_open(opened, PER_PEER)
        assert len(still_open) == PER_PEER  # the first ones are held, the rest refused
        assert _health(port) == 200
    finally:
        for s in opened:
            s.close()
    assert proc.poll() is None
    _assert_bounded_log(log, began)


def test_the_head_deadline_cuts_off_every_idle_and_half_sent_connection(served):
    proc, port, log = served
    began = time.monotonic()
    _raise_own_fd_limit()
    opened = _the_flood(port)
    try:
        assert _health(port) == 200
        # The head deadline (3 s) cuts off every one the cap let in.
        assert _left_open(opened, 0) == []
        # Once they are gone the attacker's address may connect again, and is served.
        assert _health(port) == 200
        again = _connect(port, ATTACKER, b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        assert again is not None
        with again:
            answer = b""
            while chunk := again.recv(4096):
                answer += chunk
        assert answer.startswith(b"HTTP/1.1 200")
    finally:
        for s in opened:
            s.close()
    assert proc.poll() is None
    _assert_bounded_log(log, began)


def test_a_body_that_stops_half_way_is_cut_off_and_logged_as_no_bug(served):
    proc, port, log = served
    head = (b"POST /api/v1/devices HTTP/1.1\r\nHost: x\r\nFieldApp-Protocol: 1\r\n"
            b"Content-Type: application/json\r\nContent-Length: 5000\r\n\r\n{\"username\": ")
    slow = _connect(port, ATTACKER, head)
    assert slow is not None
    try:
        deadline = time.monotonic() + 60
        while not _closed_by_server(slow):
            assert time.monotonic() < deadline, "the half-sent body was never cut off"
            time.sleep(0.3)
    finally:
        slow.close()
    assert _health(port) == 200
    # As started by the docs, the server does not hand out the map of its API.
    assert requests.get(f"http://127.0.0.1:{port}/openapi.json", timeout=10).status_code == 404
    text = log.read_text()
    assert "Traceback" not in text and '"bug"' not in text and "internal_error" not in text
    assert proc.poll() is None


def test_a_half_sent_second_request_on_a_kept_alive_connection_is_cut_off(served):
    _proc, port, _log = served
    s = _connect(port, ATTACKER, b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
    assert s is not None
    try:
        answer = b""
        while b"\r\n\r\n" not in answer or not answer.rstrip().endswith(b"}"):
            chunk = s.recv(4096)
            assert chunk, "the first request got no answer"
            answer += chunk
        assert answer.startswith(b"HTTP/1.1 200")
        # The connection is kept; the next request's head starts and stops. The keep-alive
        # timer stops at its first byte, the head deadline does not.
        s.sendall(b"GET /health HTTP/1.1\r\nHo")
        deadline = time.monotonic() + 60
        while not _closed_by_server(s):
            assert time.monotonic() < deadline, "the half-sent second head was never cut off"
            time.sleep(0.3)
    finally:
        s.close()


# A head deadline far beyond the test: only the cap can close a connection here.
@pytest.mark.parametrize("served", [["--max-connections", "40", "--max-connections-per-peer", "1000",
                                     "--header-timeout", "3600"]], indirect=True)
def test_the_total_cap_holds_across_many_peers(served):
    proc, port, _log = served
    opened = [s for i in range(200) if (s := _connect(port, f"127.0.1.{i % 50 + 1}", b"")) is not None]
    try:
        still_open = _left_open(opened, 40)
        assert still_open  # the cap holds some, it does not refuse everyone
    finally:
        for s in opened:
            s.close()
    deadline = time.monotonic() + 300
    while True:  # the slots come back once the sockets are gone
        try:
            if _health(port) == 200:
                break
        except requests.RequestException:
            pass
        assert time.monotonic() < deadline, "the server never served again after the sockets closed"
        time.sleep(0.2)
    assert proc.poll() is None


def test_the_total_cap_fits_the_open_files_limit():
    limits = ConnectionLimits(max_total=2000, max_per_peer=64)
    assert fit_to_fd_limit(limits, 65536) == limits
    small = fit_to_fd_limit(limits, 1024)
    assert small.max_total == 1024 - FD_RESERVE and small.max_per_peer == 64
    assert fit_to_fd_limit(limits, 100).max_total == 16


def test_a_proxy_setting_that_is_not_an_address_is_refused_in_a_sentence(tmp_path: Path):
    env = {**cli_env(), "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "sync.server.cli", "serve", "--data", str(tmp_path),
                           "--trusted-proxy", "proxy.local"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert proc.stderr.strip() == ("fieldapp-server: --trusted-proxy: 'proxy.local' is not an IP "
                                   "address or network (like 10.0.0.5 or 10.0.0.0/24).")
