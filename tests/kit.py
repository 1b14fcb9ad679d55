"""Helpers shared by the tests (importable as `kit`; fixtures live in conftest.py)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "server"))  # server_kit: the live server's helpers

from fieldapp.store.crypto import KdfCost  # noqa: E402

PASSPHRASE = "кава з молоком 2026"


# Argon2id at its production cost makes every new profile ~0.3 s; tests make theirs cheaply
# (Store.create's `kdf`; opening reads the cost from key.json).
FAST_KDF = KdfCost(time_cost=1, memory_kib=8 * 1024, parallelism=1)


def enrolled_laptop(tmp_path: Path, name: str, base: str, user: str):
    """A new encrypted profile enrolled with the server as `user` (server_kit's password)."""
    from server_kit import PASSWORD

    from fieldapp.store.database import Store
    from fieldapp.sync.device import enrol

    store = Store.create(tmp_path / name, PASSPHRASE, kdf=FAST_KDF)
    enrol(store, base, user, PASSWORD)
    return store


def quick_transport(url: str, token: str | None):
    """An HTTP transport that does not wait between retries (tests)."""
    from sync.client import HttpTransport

    return HttpTransport(url, token, retries=2, sleep=lambda s: None)


def no_retry_transport(url: str, token: str | None):
    """An HTTP transport that fails at once (tests of what a failure looks like)."""
    from sync.client import HttpTransport

    return HttpTransport(url, token, retries=0)


def demo_profile(folder: Path, families: int, *, seed: int, today):
    """A demo profile of `families`, with the caseload's indexes made (fill once per module, copy per test)."""
    from fieldapp import demo
    from fieldapp.store import queries
    from fieldapp.store.database import Store

    with Store.create(folder, PASSPHRASE, kdf=FAST_KDF) as s:
        demo.fill(s, families, seed=seed, today=today)
        queries.prepare(s)
    return folder


def copy_opened(profile: Path, folder: Path):
    """A test's own copy of a module's profile, opened: each test changes only its copy."""
    import shutil

    from fieldapp.store.database import Store

    shutil.copytree(profile, folder)
    return Store.open(folder, PASSPHRASE)
