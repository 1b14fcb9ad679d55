"""Three laptops over ten rounds, each round by network or by parcel, with parcels duplicated,
reordered, delayed, truncated and tampered with on the stick: every laptop ends with the server's
state, no change is lost and none applied twice, and every refusal says why.

Real encrypted profiles, a real server on 127.0.0.1 (SQLite), real parcel bytes; the faults are
what a stick and a courier really do to a file (a cut copy, a flipped byte, a copy kept and
brought twice, a late one).
"""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlalchemy as sa
from factories import household, person, visit
from kit import enrolled_laptop

sys.path.insert(0, str(Path(__file__).parent / "server"))

from fieldapp.sync.device import sync_once  # noqa: E402
from fieldapp.sync.parcels import _MESSAGES, export_parcel, import_parcel, parcel_message  # noqa: E402
from sync import parcel as pc  # noqa: E402
from sync.protocol import CASE_COLLECTIONS  # noqa: E402
from sync.server.db import device_keys, households, records, sync_state  # noqa: E402
from sync.server.parcels import import_parcel as server_import  # noqa: E402

ROUNDS = 10
USERS = ("anna", "boris", "petro")


@dataclass
class Item:
    """A file on a stick: who it goes to, when it gets there, and its bytes."""

    to: str  # "server" or a username
    due: int
    data: bytes
    seq: int
    sender: str


def cut(data: bytes, rng: random.Random) -> bytes:
    return data[:rng.randrange(1, len(data))]


def flip(data: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(data))
    return data[:at] + bytes([data[at] ^ (1 << rng.randrange(8))]) + data[at + 1:]


def server_seq(live) -> int:
    with live.engine.connect() as conn:
        return int(conn.execute(sa.select(sync_state.c.seq)).scalar_one())


def laptop_state(store) -> tuple[int, str | None, str | None]:
    return store.pending_count(), store.meta("cursor"), store.meta("parcel_in_seq")


@pytest.fixture
def world(live_server, tmp_path):
    stores = {u: enrolled_laptop(tmp_path, u, live_server.base, u) for u in USERS}
    yield live_server, stores
    for s in stores.values():
        s.close()


def test_three_laptops_converge_over_ten_rounds_of_network_and_mangled_parcels(world):
    live, stores = world
    sid = str(live.app.state.server_id)
    rng = random.Random(20)
    updates: dict[str, int] = {}  # record id -> updates made (each must be applied exactly once)
    last: dict[str, dict] = {}  # record id -> the fields its last update set
    mine: dict[str, list[tuple[str, str]]] = {u: [] for u in USERS}  # (collection, id) each made
    stick: list[Item] = []
    imported_at_server: dict[str, int] = {u: 0 for u in USERS}  # the highest parcel seq applied
    imported_at_laptop: dict[str, int] = {u: 0 for u in USERS}
    refusals: list[str] = []
    counter = 0

    def edit(user: str) -> None:
        nonlocal counter
        s = stores[user]
        if not mine[user] or rng.random() < 0.3:
            h = s.write(lambda tx: tx.create("households", household()))
            p = s.write(lambda tx: tx.create("persons", person(h["id"])))
            mine[user] += [("households", h["id"]), ("persons", p["id"])]
        homes = [rid for c, rid in mine[user] if c == "households"]
        v = s.write(lambda tx: tx.create("visits", visit(rng.choice(homes))))
        mine[user].append(("visits", v["id"]))
        for _ in range(rng.randint(1, 3)):
            collection, rid = rng.choice(mine[user])
            counter += 1
            change = {"households": {"phone": f"+380 67 000 {counter:04d}"},
                      "persons": {"notes": f"уточнення {counter}"},
                      "visits": {"duration_min": 10 + counter}}[collection]
            s.write(lambda tx, c=collection, r=rid, f=change: tx.update(c, r, f))
            updates[rid] = updates.get(rid, 0) + 1
            last[rid] = change

    def has_message(error: pc.ParcelError, where: str) -> bool:
        """The laptop shows a translated sentence of its own; the server's operator its detail."""
        if where == "laptop":
            return error.code in _MESSAGES and bool(str(parcel_message(error)))
        return bool(error.detail)

    def expect_refused(code: str, run, where: str) -> None:
        with pytest.raises(pc.ParcelError) as caught:
            run()
        assert caught.value.code == code, (code, caught.value.code)
        assert has_message(caught.value, where)
        refusals.append(code)

    def mangle_and_deliver(item: Item, deliver, state, where: str) -> None:
        """Maybe a cut copy and a flipped byte first (each refused, nothing changed), then the file."""
        if rng.random() < 0.2:
            before = state()
            expect_refused("truncated", lambda: deliver(cut(item.data, rng)), where)
            assert state() == before
        if rng.random() < 0.2:
            before = state()
            bad = flip(item.data, rng)
            with pytest.raises(pc.ParcelError) as caught:
                deliver(bad)
            # the signature refuses it; a flipped byte in the clear prefix or header may be
            # refused before that, as another format, a wrong size or an unknown sender
            assert caught.value.code in ("tampered", "damaged", "truncated", "not_a_parcel",
                                         "unknown_format", "unknown_laptop", "wrong_direction",
                                         "not_for_you", "not_for_this_laptop", "own_parcel",
                                         "other_server"), caught.value.code
            assert has_message(caught.value, where)
            refusals.append(caught.value.code)
            assert state() == before
        deliver(item.data)

    def at_server(item: Item) -> None:
        def deliver(data: bytes) -> None:
            done = server_import(live.engine, data, server_id=sid)
            stick.append(Item(item.sender, round_no + rng.choice((0, 0, 1, 2)), done.reply,
                              pc.read_header(done.reply).seq, "server"))
            if rng.random() < 0.2:  # the courier copies it twice
                stick.append(Item(item.sender, round_no + rng.choice((0, 1)), done.reply,
                                  pc.read_header(done.reply).seq, "server"))

        if item.seq <= imported_at_server[item.sender]:
            expect_refused("already_imported", lambda: deliver(item.data), "server")
            return
        mangle_and_deliver(item, deliver, lambda: server_seq(live), "server")
        imported_at_server[item.sender] = item.seq

    def at_laptop(item: Item) -> None:
        s = stores[item.to]
        if item.seq <= imported_at_laptop[item.to]:
            before = laptop_state(s)
            expect_refused("already_imported", lambda: import_parcel(s, item.data), "laptop")
            assert laptop_state(s) == before
            return
        mangle_and_deliver(item, lambda data: import_parcel(s, data), lambda: laptop_state(s), "laptop")
        imported_at_laptop[item.to] = item.seq

    def deliver_due(now: int) -> None:
        due = [i for i in stick if i.due <= now]
        rng.shuffle(due)  # reordered
        for item in due:
            stick.remove(item)
            (at_server if item.to == "server" else at_laptop)(item)

    ways = []
    for round_no in range(ROUNDS):
        for user in rng.sample(USERS, len(USERS)):
            edit(user)
            if rng.random() < 0.5:
                ways.append("network")
                sync_once(stores[user])
            else:
                ways.append("parcel")
                out = export_parcel(stores[user])
                stick.append(Item("server", round_no + rng.choice((0, 0, 1, 2, 3)), out.data, out.seq, user))
                if rng.random() < 0.25:  # a copy kept on the stick and brought again later
                    stick.append(Item("server", round_no + rng.choice((1, 2, 4)), out.data, out.seq, user))
        deliver_due(round_no)
    round_no = ROUNDS
    while stick:  # the late ones arrive
        deliver_due(round_no)
        round_no += 1
    for user in USERS:  # one last clean trip each, by parcel
        out = export_parcel(stores[user])
        done = server_import(live.engine, out.data, server_id=sid)
        import_parcel(stores[user], done.reply)

    print(f"ways {ways.count('network')} network, {ways.count('parcel')} parcel; refusals "
          f"{sorted((c, refusals.count(c)) for c in set(refusals))}; records {len(updates)} updated, "
          f"{sum(updates.values())} updates")
    assert {"network", "parcel"} <= set(ways)
    assert {"truncated", "already_imported", "tampered"} <= set(refusals), refusals
    with live.engine.connect() as conn:
        rows = {r.id: r for r in conn.execute(sa.select(records).where(records.c.collection.in_(CASE_COLLECTIONS)))}
        holders = dict(conn.execute(sa.select(households.c.household_id, households.c.caseworker_id)).all())
        assert conn.execute(sa.select(sa.func.count()).select_from(device_keys)).scalar_one() == len(USERS)
    for user, s in stores.items():
        assert s.pending_count() == 0 and s.outbox(state="rejected") == [], user  # nothing left behind
        uid = live.world.users[user]
        theirs = {rid for rid, r in rows.items() if holders.get(r.household_id) == uid}
        local = {r["id"]: r for c in CASE_COLLECTIONS for r in s.records(c)}
        assert set(local) == theirs, user  # the laptop holds exactly its scope on the server
        for rid in theirs:
            assert local[rid]["version"] == rows[rid].version, (user, rid)
        for collection, rid in mine[user]:
            # each update applied once: a create is version 1, every update one more
            assert rows[rid].version == 1 + updates.get(rid, 0), (collection, rid)
            for name, value in last.get(rid, {}).items():
                assert local[rid][name] == value
