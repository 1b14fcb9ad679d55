"""Push batches and pull pages follow the link: larger while round trips are quick, smaller when
they are slow or a request fails; always within bounds, and nothing lost or doubled on the way.

A real encrypted store and the real server on 127.0.0.1; the link's speed is a clock the test
advances per change carried (the transport wrapper below), a dropped line a failure it raises.
"""

from __future__ import annotations

from typing import Any

from factories import household, person
from kit import enrolled_laptop, quick_transport

from fieldapp.sync.engine import RoundReport, pull_all, push_all
from fieldapp.sync.pacing import Pacer, pull_pacer, push_pacer
from sync import protocol
from sync.errors import SyncFailure


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class Link:
    """The laptop's HTTP transport behind a link of `per_change` seconds a record, that drops
    the requests numbered in `drop` (counting from 1)."""

    def __init__(self, inner: Any, clock: Clock, per_change: float, drop: set[int] = frozenset()):
        self.inner, self.clock, self.per_change, self.drop = inner, clock, per_change, set(drop)
        self.sizes: list[tuple[str, int]] = []

    def _trip(self, kind: str, n: int) -> None:
        self.sizes.append((kind, n))
        if len(self.sizes) in self.drop:
            raise SyncFailure("offline", "dropped by the test's link")

    def push(self, changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
        self._trip("push", len(changes))
        self.clock.now += self.per_change * len(changes)
        return self.inner.push(changes)

    def pull(self, cursor: int, limit: int) -> dict[str, Any]:
        self._trip("pull", limit)
        page = self.inner.pull(cursor, limit)
        self.clock.now += self.per_change * len(page["changes"])
        return page


def test_the_pacer_grows_on_quick_trips_shrinks_on_slow_ones_and_stays_in_bounds():
    pace = Pacer(100, 10, 500)
    for _ in range(5):
        pace.took(0.1)
    assert pace.size == 500
    pace.took(5.0)
    assert pace.size == 250
    pace.took(2.0)
    assert pace.size == 250  # neither quick nor slow: as it was
    for _ in range(10):
        pace.took(60.0)
    assert pace.size == 10
    # A dropped line: one smaller retry in a row (the transport retried already); a batch too
    # large: as long as it can shrink.
    pace = Pacer(400, 10, 500)
    assert pace.retry_smaller("offline") and pace.size == 100
    assert not pace.retry_smaller("offline")
    pace.took(1.0)
    assert pace.retry_smaller("offline") and pace.size == 25
    big = Pacer(500, 10, 500)
    sizes = []
    while big.retry_smaller("payload_too_large"):  # halved each time, below the floor, down to one change
        sizes.append(big.size)
    assert sizes == [250, 125, 62, 31, 15, 7, 3, 1] and big.size == 1
    fits = Pacer(500, 10, 500)
    assert fits.retry_smaller("payload_too_large") and fits.size == 250
    fits.took(0.1)
    assert fits.size == 499  # a quick trip does not grow it back into the refusal (at 500)
    few = Pacer(100, 10, 500)
    assert few.retry_smaller("payload_too_large", sent=31) and few.size == 15 and few.high == 30  # half of what went
    assert not Pacer(100, 10, 500).retry_smaller("forbidden")
    assert push_pacer().high == protocol.MAX_PUSH_CHANGES and pull_pacer().high == protocol.MAX_PULL_LIMIT


def _outbox(store, families: int, people: int) -> int:
    def fill(tx):
        for _ in range(families):
            h = tx.create("households", household())
            for _ in range(people):
                tx.create("persons", person(h["id"]))

    store.write(fill)
    return families * (1 + people)


def test_a_fast_link_grows_the_batches_and_a_slow_one_shrinks_them(live_server, tmp_path):
    anna = enrolled_laptop(tmp_path, "anna", live_server.base, "anna")
    total = _outbox(anna, 60, 9)  # 600 changes
    clock = Clock()
    fast = Link(quick_transport(live_server.base, anna.meta("device_token")), clock, 0.0001)
    report = RoundReport()
    push_all(anna, fast, report, pacer=push_pacer(clock))
    sizes = [n for kind, n in fast.sizes]
    assert sizes[:3] == [100, 200, 300] and max(sizes) <= protocol.MAX_PUSH_CHANGES  # 100+200, then the rest
    assert report.applied == total and anna.outbox(state="pending", limit=10) == []

    bob = enrolled_laptop(tmp_path, "anna2", live_server.base, "anna")
    slow = Link(quick_transport(live_server.base, bob.meta("device_token")), clock, 0.05)  # 5 s per 100
    report = RoundReport()
    pull_all(bob, slow, report, pacer=pull_pacer(clock))
    limits = [n for kind, n in slow.sizes]
    assert limits[0] == protocol.DEFAULT_PULL_LIMIT and limits[1] == protocol.DEFAULT_PULL_LIMIT // 2
    assert min(limits) >= 50
    held = {r["id"] for r in bob.records("persons")}
    assert len(held) == total - 60 and report.pulled >= total


def test_a_dropped_request_is_sent_again_smaller_and_nothing_is_lost_or_doubled(live_server, tmp_path):
    anna = enrolled_laptop(tmp_path, "anna", live_server.base, "anna")
    total = _outbox(anna, 20, 9)  # 200 changes
    clock = Clock()
    link = Link(quick_transport(live_server.base, anna.meta("device_token")), clock, 0.001, drop={2})
    report = RoundReport()
    push_all(anna, link, report, pacer=push_pacer(clock))
    # 100 taken; the next (all 100 left, room for 200) dropped; sent again 50 at a time (a quarter)
    assert link.sizes[:3] == [("push", 100), ("push", 100), ("push", 50)]
    assert report.applied == total and report.rejected == 0

    reader = enrolled_laptop(tmp_path, "reader", live_server.base, "anna")
    pulls = Link(quick_transport(live_server.base, reader.meta("device_token")), clock, 0.001, drop={1, 2})
    try:
        pull_all(reader, pulls, RoundReport(), pacer=pull_pacer(clock))
    except SyncFailure as exc:  # two drops in a row: the round stops, as it did before pacing
        assert exc.code == "offline"
    assert [n for _k, n in pulls.sizes] == [500, 125]
    report = RoundReport()
    pull_all(reader, Link(pulls.inner, clock, 0.001), report, pacer=pull_pacer(clock))
    ids = [r["id"] for r in reader.records("persons")]
    assert len(ids) == len(set(ids)) == total - 20


def test_a_batch_the_server_finds_too_large_is_halved_until_it_fits(tmp_path):
    """Against the real server's body limit (its `max_inflated_bytes`, set low): visits with long
    notes, 100 to a batch, are refused as too large; the batch is halved, below the pacer's floor
    of 10, until one fits, and every change arrives once."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent / "server"))
    from factories import seeded, visit
    from server_kit import LiveServer, make_world

    from sync.server.db import make_engine, migrate

    url = f"sqlite+pysqlite:///{tmp_path / 'server.sqlite3'}"
    engine = make_engine(url)
    migrate(engine)
    engine.dispose()
    server = LiveServer(url, max_inflated_bytes=60_000).start()
    try:
        make_world(server)
        anna = enrolled_laptop(tmp_path, "anna", server.base, "anna")
        seeded(5)
        hid = anna.write(lambda tx: tx.create("households", household())["id"])
        words = ["дитина", "школа", "лікар", "мати", "батько", "довідка", "візит", "житло"]
        notes = [" ".join(words[(i * 7 + k * 3) % 8] + str(k) for k in range(1500)) for i in range(30)]
        anna.write(lambda tx: [tx.create("visits", visit(hid, notes=n)) for n in notes])  # ~18 KB each: 3 fit in 60 KB, 7 do not
        sizes: list[int] = []

        class Counting:
            def __init__(self, inner):
                self.inner = inner

            def push(self, changes):
                sizes.append(len(changes))
                return self.inner.push(changes)

            def pull(self, cursor, limit):
                return self.inner.pull(cursor, limit)

        report = RoundReport()
        push_all(anna, Counting(quick_transport(server.base, anna.meta("device_token"))), report)
        # All 31 at once (room for 100), then halved while refused, below the floor of 10; then never
        # above the largest size that fitted.
        assert sizes[:4] == [31, 15, 7, 3] and max(sizes[4:]) < 7
        assert report.applied == 31 and report.rejected == 0
        assert anna.outbox(state="pending", limit=5) == []
        pulled = RoundReport()
        pull_all(anna, quick_transport(server.base, anna.meta("device_token")), pulled)
        assert sorted(v["notes"] for v in anna.records("visits")) == sorted(notes)
        anna.close()
    finally:
        server.stop()
