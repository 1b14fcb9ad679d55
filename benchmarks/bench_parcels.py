"""Sync parcels: a month of one caseworker's work (500 visits) carried on a USB stick.

The laptop holds 60 families (synced before, by network); then 500 visits are recorded
offline. Measured: the export, the server's import (push, pull and the return parcel), the
laptop's import of the return parcel, and the two files' sizes. Beside them, measured in the
same run: the floor of what a parcel adds (sealing and opening the same payload: zlib,
SealedBox, Ed25519, nothing else), and the same 500 visits sent by a network round from a
twin laptop (the same engine and server over HTTP on 127.0.0.1).
"""

from __future__ import annotations

import json
import time

from benchmarks.bench_sync import _laptop, _world
from benchmarks.runner import Bench, scenario

FAMILIES = 60
VISITS = 500


def _month(store, seed: int) -> None:
    from factories import household, person, seeded

    seeded(seed)
    homes = store.write(lambda tx: [tx.create("households", household())["id"] for _ in range(FAMILIES)])
    store.write(lambda tx: [tx.create("persons", person(h)) for h in homes for _ in range(2)])
    return homes


def _visits(store, homes) -> None:
    from factories import visit

    store.write(lambda tx: [tx.create("visits", visit(homes[i % len(homes)])) for i in range(VISITS)])


@scenario("parcels.month", "A parcel of a month's work (500 visits): export, server import, laptop import, sizes")
def month(b: Bench) -> None:
    from fieldapp.sync.device import sync_once
    from fieldapp.sync.engine import change_of
    from fieldapp.sync.parcels import _own_keys, export_parcel, import_parcel
    from sync import parcel as pc
    from sync.server.parcels import import_parcel as server_import

    server = _world(b.tmp)
    try:
        sid = str(server.app.state.server_id)
        a = _laptop(b.tmp, "a", server.base)
        homes = _month(a, 5)
        sync_once(a)
        _visits(a, homes)
        start = time.perf_counter()
        out = export_parcel(a)
        b.record("export: a parcel of 500 visits", (time.perf_counter() - start) * 1000, "ms")
        b.record("parcel for the server: file size", len(out.data) / 1024, "KiB")
        raw = json.dumps([change_of(e) for e in a.outbox()], ensure_ascii=False).encode()
        b.record("  the same changes as raw JSON", len(raw) / 1024, "KiB")
        start = time.perf_counter()
        back = server_import(server.engine, out.data, server_id=sid)
        b.record("server import: push 500, pull, return parcel", (time.perf_counter() - start) * 1000, "ms")
        b.record("return parcel: file size", len(back.reply) / 1024, "KiB")
        start = time.perf_counter()
        report = import_parcel(a, back.reply)
        b.record("laptop import of the return parcel", (time.perf_counter() - start) * 1000, "ms")
        assert report.round.applied == VISITS and a.pending_count() == 0, report.round.summary()

        # floor: sealing and opening the same payload, nothing else
        keys, server_keys = _own_keys(a), pc.KeyPair.generate()
        payload = {"changes": json.loads(raw), "cursor": 0, "attachments": []}
        header = pc.Header.new(pc.TO_SERVER, a.device_id, sid, 1)
        start = time.perf_counter()
        sealed = pc.seal(header, payload, server_keys.public()["box"], keys)
        pc.open_parcel(sealed, keys.public()["sign"], server_keys)
        b.record("floor: seal + open the same payload", (time.perf_counter() - start) * 1000, "ms")

        twin = _laptop(b.tmp, "twin", server.base)
        twin_homes = _month(twin, 6)
        sync_once(twin)
        _visits(twin, twin_homes)
        start = time.perf_counter()
        sync_once(twin)
        b.record("beside: the same 500 visits by a network round", (time.perf_counter() - start) * 1000, "ms")
        for s in (a, twin):
            s.close()
    finally:
        server.stop()
