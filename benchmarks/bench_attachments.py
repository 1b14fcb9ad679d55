"""100 photos of 2 MB through a real server on 127.0.0.1: upload from one laptop, download onto a
second, on SQLite and PostgreSQL. Figures: throughput, the laptop's peak RSS above its level before
the round (sampled every 5 ms), the server process's peak RSS, the CPU each side spent per MB; and
beside them, floors measured in the same run: the same bytes through a bare loopback socket, read
from the store and hashed, written to the store.
Content streams one chunk at a time, so the RSS growth stays near a few chunks, not 200 MB.
"""

from __future__ import annotations

import hashlib
import os
import random
import socket
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from benchmarks.bench_server import _database
from benchmarks.runner import Bench, scenario, serve

ROOT = Path(__file__).resolve().parents[1]
PHOTOS = 100
PHOTO_BYTES = 2 * 1024 * 1024
PASSWORD = "benchmark password 1"
PASS = "benchmark passphrase"


def _rss_kib(pid: int | str = "self", key: str = "VmRSS") -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    return 0


def _cpu_s(pid: int) -> float:
    """CPU seconds (user and system) a process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class PeakRss:
    """Samples this process's RSS every 5 ms while the block runs."""

    def __init__(self) -> None:
        self.base = _rss_kib()
        self.peak = self.base
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(0.005):
            self.peak = max(self.peak, _rss_kib())

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def growth_mb(self) -> float:
        return (self.peak - self.base) / 1024


@contextmanager
def _serve(url: str) -> Iterator[tuple[str, int]]:
    """Migrate, make the user, run `fieldapp-server serve` (benchmarks.runner.serve); its URL and pid."""
    from sync.server import admin
    from sync.server.db import make_engine, migrate

    engine = make_engine(url)
    migrate(engine)
    admin.add_team(engine, "North")
    admin.add_user(engine, "anna", PASSWORD, role="caseworker", team="North")
    engine.dispose()
    with serve(url) as served:
        yield served.base, served.pid


def _laptop(tmp: Path, name: str, base: str):
    from fieldapp.store.crypto import KdfCost
    from fieldapp.store.database import Store
    from fieldapp.sync.device import enrol

    store = Store.create(tmp / name, PASS, kdf=KdfCost(time_cost=1, memory_kib=8 * 1024, parallelism=1))
    enrol(store, base, "anna", PASSWORD)
    return store


def _loopback_floor(total: int) -> float:
    """Seconds to pass `total` bytes through a bare TCP socket on 127.0.0.1, 1 MiB at a time."""
    server = socket.create_server(("127.0.0.1", 0))
    port = server.getsockname()[1]

    def sink() -> None:
        conn, _ = server.accept()
        got = 0
        while got < total:
            data = conn.recv(1 << 20)
            if not data:
                break
            got += len(data)
        conn.close()

    t = threading.Thread(target=sink)
    t.start()
    block = os.urandom(1 << 20)
    start = time.perf_counter()
    with socket.create_connection(("127.0.0.1", port)) as c:
        sent = 0
        while sent < total:
            c.sendall(block)
            sent += len(block)
    t.join()
    server.close()
    return time.perf_counter() - start


def _attachments(bench: Bench, backend: str) -> None:
    from factories import household

    from fieldapp.store import attachments as content
    from fieldapp.sync.engine import sync_round
    from sync.client import HttpTransport

    total = PHOTOS * PHOTO_BYTES
    mb = total / 1e6
    with _database(bench, backend) as url, _serve(url) as (base, server_pid):
        first = _laptop(bench.tmp, f"first-{backend}", base)
        h = first.write(lambda tx: tx.create("households", household()))
        rng = random.Random(19)
        for i in range(PHOTOS):  # one photo in memory at a time, as the import does
            data = b"\xff\xd8\xff" + rng.randbytes(PHOTO_BYTES - 3)
            first.write(lambda tx, d=data, n=i: content.attach(
                tx, household_id=h["id"], record_collection="households", record_id=h["id"], data=d,
                media_type="image/jpeg", doc_type="housing_photo", caption=f"photo {n}"))
        link = HttpTransport(base, first.meta("device_token"))
        cpu, server_cpu = time.process_time(), _cpu_s(server_pid)
        with PeakRss() as rss:
            start = time.perf_counter()
            report = sync_round(first, link)
            upload_s = time.perf_counter() - start
        # CPU per MB: what the wall clock cannot say on a machine shared with other work.
        bench.record(f"{backend}: laptop CPU per MB, upload", (time.process_time() - cpu) * 1000 / mb, "ms")
        bench.record(f"{backend}: server CPU per MB, upload", (_cpu_s(server_pid) - server_cpu) * 1000 / mb, "ms")
        assert report.content.uploaded == PHOTOS, report.content
        bench.record(f"{backend}: upload 100 x 2 MB", upload_s * 1000, "ms")
        bench.record(f"{backend}: upload throughput", mb / upload_s, "MB/s")
        bench.record(f"{backend}: laptop RSS growth during upload", rss.growth_mb, "MB")
        second = _laptop(bench.tmp, f"second-{backend}", base)
        link2 = HttpTransport(base, second.meta("device_token"))
        cpu, server_cpu = time.process_time(), _cpu_s(server_pid)
        with PeakRss() as rss:
            start = time.perf_counter()
            report = sync_round(second, link2, attachment_budget=total)
            download_s = time.perf_counter() - start
        bench.record(f"{backend}: laptop CPU per MB, download", (time.process_time() - cpu) * 1000 / mb, "ms")
        bench.record(f"{backend}: server CPU per MB, download", (_cpu_s(server_pid) - server_cpu) * 1000 / mb, "ms")
        assert report.content.downloaded == PHOTOS, report.content
        bench.record(f"{backend}: download 100 x 2 MB", download_s * 1000, "ms")
        bench.record(f"{backend}: download throughput", mb / download_s, "MB/s")
        bench.record(f"{backend}: laptop RSS growth during download", rss.growth_mb, "MB")
        bench.record(f"{backend}: server peak RSS (VmHWM)", _rss_kib(server_pid, "VmHWM") / 1024, "MB")
        # Floors, same run: the bytes through a bare loopback socket; read back from the store and hashed.
        bench.record(f"{backend}: floor, bare loopback socket", mb / _loopback_floor(total), "MB/s")
        start = time.perf_counter()
        digest = hashlib.sha256()
        for rec in second.records("attachments"):
            for part in content.iter_content(second.read(), rec["sha256"]):
                digest.update(part)
        bench.record(f"{backend}: floor, read from the store and hash", mb / (time.perf_counter() - start), "MB/s")
        # And the laptop's own store: a chunk written (encrypted, committed) per MB, the download's floor.
        probe = b"\x00" + os.urandom(PHOTO_BYTES - 1)
        start = time.perf_counter()
        second.write(lambda tx: content.put_content(tx, hashlib.sha256(probe).hexdigest(), "image/jpeg", probe))
        bench.record(f"{backend}: floor, write to the store", PHOTO_BYTES / 1e6 / (time.perf_counter() - start), "MB/s")
        bench.record(f"{backend}: content size", mb, "MB")
        link.close()
        link2.close()
        first.close()
        second.close()


@scenario("attachments-sqlite", "100 photos of 2 MB up and down through a SQLite server: throughput and RSS")
def attachments_sqlite(bench: Bench) -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    _attachments(bench, "sqlite")


@scenario("attachments-postgres", "100 photos of 2 MB up and down through a PostgreSQL server: throughput and RSS")
def attachments_postgres(bench: Bench) -> None:
    if not os.environ.get("FIELDAPP_TEST_PG_URL"):
        print("attachments-postgres: skipped, FIELDAPP_TEST_PG_URL is not set", file=sys.stderr)
        return
    sys.path.insert(0, str(ROOT / "tests"))
    _attachments(bench, "postgres")
