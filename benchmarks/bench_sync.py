"""Sync between laptops and a real server on 127.0.0.1 (SQLite server database).

The first laptop's push of 2,000 households / 2,000 persons / 20,000 visits (24,000 records; issue 19:
under 3 s), then the first sync of them onto a new laptop (under 1.5 s): when the sync says done
(records, cursor, indexes, due items, caseload) and when its search indexes, built after it, are
whole; each beside its floor: the same rows executemany'd into a new table of a fresh SQLCipher
store (WAL, synchronous=FULL, memory security on) in one transaction. Also an incremental sync of
100 changes, bytes on the wire per record (gzip and raw JSON), and the longest stall of the GUI's
event loop during a first sync and its search build.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

from benchmarks.runner import Bench, scenario

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "server"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

HOUSEHOLDS = 2000
VISITS_EACH = 10
PASS = "benchmark passphrase"


def _world(tmp: Path):
    from server_kit import LiveServer, make_world

    from sync.server.db import make_engine, migrate

    url = f"sqlite+pysqlite:///{tmp / 'server.sqlite3'}"
    engine = make_engine(url)
    migrate(engine)
    engine.dispose()
    server = LiveServer(url).start()
    make_world(server)
    return server


def _laptop_store(tmp: Path, name: str):
    from fieldapp.store.crypto import KdfCost
    from fieldapp.store.database import Store

    cheap = KdfCost(time_cost=1, memory_kib=8 * 1024, parallelism=1)
    return Store.create(tmp / name, PASS, kdf=cheap)  # the unlock is not what is measured


def _laptop(tmp: Path, name: str, base: str):
    from server_kit import PASSWORD

    from fieldapp.sync.device import enrol

    store = _laptop_store(tmp, name)
    enrol(store, base, "anna", PASSWORD)
    return store


class Counting:
    """A transport factory that keeps the transports, to read their byte counters."""

    def __init__(self):
        self.made = []

    def __call__(self, url, token):
        from sync.client import HttpTransport

        t = HttpTransport(url, token)
        self.made.append(t)
        return t

    def totals(self):
        return (sum(t.bytes_sent for t in self.made), sum(t.raw_sent for t in self.made),
                sum(t.bytes_received for t in self.made), sum(t.raw_received for t in self.made))


def _fill(store) -> int:
    from factories import household, person, seeded, visit

    seeded(11)
    made = 0
    for _batch in range(0, HOUSEHOLDS, 100):
        def write(tx):
            n = 0
            for _ in range(100):
                h = tx.create("households", household())
                tx.create("persons", person(h["id"]))
                for _ in range(VISITS_EACH):
                    tx.create("visits", visit(h["id"]))
                n += 2 + VISITS_EACH
            return n
        made += store.write(write)
    return made


def _store_floor(tmp: Path, store) -> float:
    """What the encrypted store alone takes to write the records a first sync brought (seconds): every
    row of every record table, executemany'd into a new table of a fresh store in one transaction,
    with its commit. On a fresh store, not on the synced one, whose write-ahead log the sync has just
    filled: measured there, the floor paid the checkpoint of the sync's own writes."""
    from casework.records import CASE_COLLECTIONS

    db = store.read()
    rows = [tuple(r) for name in CASE_COLLECTIONS
            for r in db.execute(f"SELECT * FROM [{name}]").fetchall()]
    fresh = _laptop_store(tmp, "floor")

    def copy(tx) -> None:
        tx.db.execute("CREATE TABLE floor_copy AS SELECT * FROM visits WHERE 0")
        tx.db.conn.executemany(f"INSERT INTO floor_copy VALUES ({', '.join('?' * len(rows[0]))})", rows)

    start = time.perf_counter()
    fresh.write(copy)
    elapsed = time.perf_counter() - start
    fresh.close()
    return elapsed


@scenario("sync.first_sync", "Push 2,000 households / 20,000 visits, then a new laptop's first sync")
def first_sync(b: Bench) -> None:
    from fieldapp.sync.device import sync_once

    server = _world(b.tmp)
    try:
        a = _laptop(b.tmp, "a", server.base)
        records = _fill(a)
        count = Counting()
        pushed_at: list[float] = []  # when the last push batch was settled: the push alone, before its pull
        start = time.perf_counter()
        sync_once(a, transport=count, progress=lambda phase, _n: pushed_at.append(time.perf_counter())
                  if phase == "push" else None)
        end = time.perf_counter()
        b.record(f"first laptop's push of {records} records", pushed_at[-1] - start, "s")
        b.record("push of all records (first laptop)", (end - start), "s")  # with pulling them back
        sent, raw_sent, _, _ = count.totals()
        b.record("push: bytes per record, gzip", sent / records, "B")
        b.record("push: bytes per record, raw JSON", raw_sent / records, "B")

        new = _laptop(b.tmp, "new", server.base)
        count = Counting()
        start = time.perf_counter()
        report = sync_once(new, transport=count, build_search=False)  # as the program: told done, then built
        done = time.perf_counter() - start
        steps = new.build_search()
        built = time.perf_counter() - start
        b.record(f"first sync of a new laptop ({report.pulled} records): sync done", done, "s")
        b.record(f"  then its search indexes built, {steps} steps (background)", built - done, "s")
        b.record("  first sync: everything built", built, "s")
        _, _, received, raw_received = count.totals()
        b.record("pull: bytes per record, gzip", received / report.pulled, "B")
        b.record("pull: bytes per record, raw JSON", raw_received / report.pulled, "B")

        floor = _store_floor(b.tmp, new)
        b.record("  floor: the same rows executemany'd into a fresh store, 1 tx", floor, "s")
        b.record("  first sync done / floor", done / floor, "x")
        b.record("  first sync everything built / floor", built / floor, "x")
        b.record("  first laptop's push / floor",
                 b.figures[f"first laptop's push of {records} records"].median / floor, "x")

        rng = random.Random(3)
        visits = [v["id"] for v in a.records("visits", limit=5000)]
        for round_ in range(5):
            chosen = rng.sample(visits, 100)
            # Values no visit has yet, so that every one of the 100 is a change.
            a.write(lambda tx, c=chosen, r=round_: [tx.update("visits", vid, {"duration_min": 301 + r * 100 + i})
                                                   for i, vid in enumerate(c)])
            start = time.perf_counter()
            sync_once(a)
            b.add("incremental: push 100 changes (one round)", (time.perf_counter() - start) * 1000, "ms")
            start = time.perf_counter()
            got = sync_once(new)
            assert got.pulled == 100, got.summary()
            b.add("incremental: the other laptop pulls 100", (time.perf_counter() - start) * 1000, "ms")
        for s in (a, new):
            s.close()
    finally:
        server.stop()


@scenario("sync.gui_stall", "Longest stall of the GUI event loop during a first sync of ~22,000 records and its search build")
def gui_stall(b: Bench) -> None:
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from fieldapp.sync.device import sync_once
    from fieldapp.ui.sync.controller import SyncController

    app = QApplication.instance() or QApplication([])
    server = _world(b.tmp)
    try:
        a = _laptop(b.tmp, "a", server.base)
        _fill(a)
        sync_once(a)
        new = _laptop(b.tmp, "new", server.base)
        controller = SyncController(new)
        gaps: list[float] = []
        clock = QElapsedTimer()
        clock.start()
        last = [clock.elapsed()]

        def tick():
            now = clock.elapsed()
            gaps.append(now - last[0])
            last[0] = now

        timer = QTimer(interval=5)
        timer.timeout.connect(tick)
        timer.start()
        done: list[object] = []
        ready: list[bool] = []
        controller.finished.connect(lambda r: done.append(r))
        controller.failed.connect(lambda code, text: done.append(code))
        controller.search_ready.connect(lambda: ready.append(True))
        start = time.perf_counter()
        controller.sync_now()
        while not done:
            app.processEvents()
            time.sleep(0.001)
        b.record("first sync with the GUI running: sync done", time.perf_counter() - start, "s")
        while not ready:  # the search indexes, built after it off the GUI thread
            app.processEvents()
            time.sleep(0.001)
        b.record("  and its search indexes built", time.perf_counter() - start, "s")
        timer.stop()
        controller.stop()
        b.record("longest event-loop stall (5 ms timer)", max(gaps), "ms")
        ordered = sorted(gaps)
        b.record("p99 gap between 5 ms ticks", ordered[int(0.99 * (len(ordered) - 1))], "ms")
        for s in (a, new):
            s.close()
    finally:
        server.stop()


@scenario("sync.slow_link_month", "A month offline (500 visits, 50 assessments, 20 plans) over 1 Mbit/s, 300 ms, 1 % loss")
def slow_link_month(b: Bench) -> None:
    from factories import household, person, seeded, visit
    from shapeproxy import ShapingProxy

    from casework.ids import new_id
    from fieldapp.sync.device import sync_once

    server = _world(b.tmp)
    try:
        port = int(server.base.rsplit(":", 1)[1])
        # The caseload the laptop already holds (in sync before the month began): 50 families.
        a = _laptop(b.tmp, "a", server.base)
        seeded(21)
        families = a.write(lambda tx: [tx.create("households", household())["id"] for _ in range(50)])
        a.write(lambda tx: [tx.create("persons", person(h)) for h in families])
        sync_once(a)

        def month(tx) -> int:
            for i in range(500):
                tx.create("visits", visit(families[i % 50]))
            for i in range(50):
                tx.create("assessments", {"household_id": families[i], "started_on": "2026-03-03",
                                          "review_status": "draft"})
            for i in range(20):
                tx.create("plans", {"household_id": families[i], "drawn_up_on": "2026-03-10",
                                    "review_status": "draft",
                                    "actions": [{"id": new_id(), "text": f"Дія {k}",
                                                 "due": "2026-04-01"} for k in range(5)]})
            return 570

        made = a.write(month)
        from sync.client import HttpTransport

        with ShapingProxy(port, rate_bps=1_000_000, rtt_s=0.3, loss=0.01, seed=4) as proxy:
            # The laptop talks to the proxy: the server's address as enrolled, with the proxy's port.
            shaped = server.base.rsplit(":", 1)[0] + f":{proxy.port}"
            start = time.perf_counter()
            report = sync_once(a, transport=lambda _url, token: HttpTransport(shaped, token))
            elapsed = time.perf_counter() - start
            b.record(f"month offline: {made} records pushed, {report.pulled} pulled", elapsed, "s")
            b.record("  floor: its bytes on the wire at 1 Mbit/s",
                     proxy.bytes * 8 / 1_000_000, "s")
            b.record("  segments lost (1 %)", proxy.lost, "segments")
        assert report.pushed == made and report.rejected == 0, report.summary()
        a.close()
    finally:
        server.stop()
