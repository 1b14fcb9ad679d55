"""Revoke -> wipe -> a forensic search of the raw disk finds nothing, backups included, even with the
passphrase (issue 11, item 10). The same search before the wipe finds the names: it is able to."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from factories import household, person, visit
from forensics import search
from kit import FAST_KDF, PASSPHRASE
from loopfs import loop_fs

sys.path.insert(0, str(Path(__file__).parent / "server"))
from server_kit import PASSWORD  # noqa: E402

from fieldapp.store import crypto  # noqa: E402
from fieldapp.store.database import Store  # noqa: E402
from fieldapp.sync.device import enrol, sync_once, wipe_profile  # noqa: E402
from sync.errors import DeviceRevoked  # noqa: E402
from sync.server import admin  # noqa: E402

NEW = "інше гасло для тесту"


@pytest.fixture
def disk(tmp_path):
    yield from loop_fs(tmp_path / "disk", 32)


def salts(folder: Path) -> set[str]:
    return {crypto.read_params(p).salt for p in [folder / crypto.KEY_FILE, *folder.glob("backups/*.key.json")]}


def test_revoke_wipe_leaves_nothing_a_forensic_search_can_read(live_server, disk, tmp_path):
    folder = disk.mountpoint / "anna"
    store = Store.create(folder, PASSPHRASE, kdf=FAST_KDF)
    enrol(store, live_server.base, "anna", PASSWORD)
    names: list[str] = []

    def write(tx, count: int) -> None:
        for _ in range(count):
            h = tx.create("households", household())
            p = tx.create("persons", person(h["id"]))
            tx.create("visits", visit(h["id"], notes="Розмова з матір'ю про школу."))
            names.extend([h["family_name"], p["given_name"] if "given_name" in p else p["surname"]])

    store.write(lambda tx: write(tx, 40))
    store.backup(reason="before-change")  # under the first passphrase, with its key settings beside it
    used_salts = salts(folder)
    store.change_passphrase(PASSPHRASE, NEW)
    store.write(lambda tx: write(tx, 20))
    sync_once(store)
    store.backup(reason="after-change")
    store.write(lambda tx: write(tx, 10))  # these are still in the WAL
    used_salts |= salts(folder)
    names = sorted({n for n in names if len(n) >= 4})
    passphrases = [PASSPHRASE, NEW]

    before = search(disk.snapshot(), names, passphrases)
    assert not before.plaintext, "names readable in plain text even before the wipe"
    assert before.databases >= 2 and len(before.decrypted) > len(names) // 2, \
        "the search should read the live profile and its backups with the passphrase"

    admin.revoke_device(live_server.engine, store.device_id)
    with pytest.raises(DeviceRevoked):
        sync_once(store)
    wipe_profile(store)

    after = search(disk.raw(), names, passphrases)
    assert after.plaintext == set()
    assert after.key_settings & used_salts == set(), "the profile's key settings survive on the disk"
    assert after.databases == 0 and after.decrypted == set()
