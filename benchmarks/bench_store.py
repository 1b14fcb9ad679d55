"""The encrypted store: opening a profile, writing visits, full-text search, size on disk."""

from __future__ import annotations

import datetime as dt
import random

from benchmarks.runner import Bench, scenario
from fieldapp.store.database import DB_FILE, Store

PASSPHRASE = "benchmark passphrase"
_WORDS = ("дитина", "школа", "опалення", "ліки", "документи", "вікна", "дрова", "психолог",
          "сусіди", "укриття", "продукти", "садок", "довідка", "ноутбук", "світло", "вода")


def _visit(household_id: str, rng: random.Random, day: dt.date) -> dict:
    return {
        "household_id": household_id,
        "started_at": dt.datetime(day.year, day.month, day.day, 10, tzinfo=dt.UTC).isoformat(),
        "duration_min": 60, "type": "monitoring", "place": "home",
        "notes": " ".join(rng.choices(_WORDS, k=40)),
        "review_status": "draft",
    }


def _households(store: Store, n: int) -> list[str]:
    def write(tx):
        return [tx.create("households", {"family_name": "Бенчмарк", "hromada": "UA59080270000073662",
                                         "identified_on": "2025-01-01"})["id"] for _ in range(n)]

    return store.write(write)


@scenario("store.open", "Unlock a profile: Argon2id (64 MiB, t=3) + SQLCipher open")
def open_profile(b: Bench) -> None:
    folder = b.tmp / "p"
    Store.create(folder, PASSPHRASE).close()
    for _ in range(7):
        with b.measure("open (derive key, check, migrate-check)"):
            store = Store.open(folder, PASSPHRASE)
        store.close()


@scenario("store.insert_visits", "Insert 20,000 visits with outbox and FTS, one transaction per 500")
def insert_visits(b: Bench) -> None:
    store = Store.create(b.tmp / "p", PASSPHRASE)
    rng = random.Random(1)
    homes = _households(store, 200)
    day = dt.date(2025, 1, 1)
    total = 20_000
    with b.measure("20,000 visits, batches of 500"):
        for _batch in range(0, total, 500):
            store.write(lambda tx: [tx.create("visits", _visit(rng.choice(homes), rng, day)) for _ in range(500)])
    for _ in range(20):
        with b.measure("one visit, own transaction (a caseworker's save)"):
            store.write(lambda tx: tx.create("visits", _visit(homes[0], rng, day)))
    store.close()


@scenario("store.search", "FTS5 search over 100,000 visits")
def search(b: Bench) -> None:
    store = Store.create(b.tmp / "p", PASSPHRASE)
    rng = random.Random(2)
    homes = _households(store, 1000)
    day = dt.date(2025, 1, 1)
    rare = {}
    for start in range(0, 100_000, 2000):
        def write(tx, start=start):
            for i in range(2000):
                v = _visit(rng.choice(homes), rng, day)
                if (start + i) % 5000 == 0:
                    word = f"рідкіснеслово{start + i}"
                    v["notes"] += " " + word
                    rare[word] = True
                tx.create("visits", v)
        store.write(write)
    words = list(rare)
    for i in range(30):
        with b.measure("rare word, whole word"):
            store.search(words[i % len(words)], limit=50)
    for i in range(30):
        with b.measure("common word prefix, top 50"):
            store.search(_WORDS[i % len(_WORDS)][:4], limit=50)
    for i in range(30):
        with b.measure("two-word prefix query, top 50"):
            store.search(f"{_WORDS[i % 16][:3]} {_WORDS[(i + 5) % 16][:3]}", limit=50)
    store.close()


@scenario("store.size", "Size on disk per 1,000 visits (40-word notes), before and after sync empties the outbox")
def size(b: Bench) -> None:
    folder = b.tmp / "p"
    store = Store.create(folder, PASSPHRASE)
    rng = random.Random(3)
    homes = _households(store, 100)
    day = dt.date(2025, 1, 1)
    for _ in range(10):
        store.write(lambda tx: [tx.create("visits", _visit(rng.choice(homes), rng, day)) for _ in range(1000)])
    store.read().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    b.record("KiB per 1,000 visits, outbox still full", (folder / DB_FILE).stat().st_size / 1024 / 10, "KiB")
    store.write(lambda tx: tx.db.execute("DELETE FROM outbox"))
    store.read().execute("VACUUM")
    store.read().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    b.record("KiB per 1,000 visits, after sync (outbox empty)", (folder / DB_FILE).stat().st_size / 1024 / 10, "KiB")
    store.close()
