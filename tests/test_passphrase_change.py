"""Changing the passphrase: on a nearly full disk, at every crash point, exactly one passphrase opens
the profile and its backups, and nothing is lost (issue 11, item 9; the backups: item 10)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from factories import household, person, visit
from kit import FAST_KDF, PASSPHRASE
from loopfs import loop_fs

from fieldapp.store import crypto, rekey
from fieldapp.store.database import Store
from fieldapp.store.driver import DatabaseError, connect
from fieldapp.store.errors import NotEnoughSpace, StoreError, WrongPassphrase

HELPER = Path(__file__).parent / "helpers" / "rekey_crash.py"


def fill(store: Store, households: int) -> None:
    def write(tx):
        for _ in range(households):
            h = tx.create("households", household())
            tx.create("persons", person(h["id"]))
            tx.create("visits", visit(h["id"], notes="Дитина ходить до школи, мати шукає роботу. " * 6))
    store.write(write)


def opening(folder: Path, *passphrases: str) -> dict[str, str]:
    """{passphrase: content digest} for each passphrase that opens the profile."""
    opened = {}
    for passphrase in passphrases:
        try:
            store = Store.open(folder, passphrase, kdf=FAST_KDF)
        except WrongPassphrase:
            continue
        with store:
            opened[passphrase] = rekey.digest(store.read().conn)
    return opened


def backup_openers(folder: Path, *passphrases: str) -> list[list[str]]:
    """For each backup, the passphrases that open it with the key settings kept beside it."""
    result = []
    for path in rekey.backups_of(folder):
        params = crypto.read_params(path.with_suffix(".key.json"))
        works = []
        for passphrase in passphrases:
            conn = connect(str(path), crypto.derive_key(passphrase, params))
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                works.append(passphrase)
            except DatabaseError:
                pass
            finally:
                conn.close()
        result.append(works)
    return result


def no_leftovers(folder: Path) -> None:
    left = [p.name for p in folder.rglob("*") if p.name.endswith((".rekey", ".new", ".tmp"))]
    assert not left, f"left behind: {left}"


@pytest.fixture
def small_disk(tmp_path):
    yield from loop_fs(tmp_path, 24)


@pytest.mark.parametrize("margin", ["checked first", "found by the writes"])
def test_passphrase_change_at_five_fill_levels_leaves_exactly_one_passphrase(small_disk, margin):
    folder = small_disk.mountpoint / "profile"
    store = Store.create(folder, PASSPHRASE, kdf=FAST_KDF)
    fill(store, 150)
    store.backup(reason="test")
    fill(store, 20)
    expected = rekey.digest(store.read().conn)
    needed = sum(p.stat().st_size for p in [store.path, *rekey.backups_of(folder)])
    current, outcomes = PASSPHRASE, []
    # "found by the writes": no check of free space first, so the full disk is met by SQLite and the
    # file system in the middle of writing the copies.
    space_margin = rekey.SPACE_MARGIN if margin == "checked first" else -(1 << 40)
    for level, leave in enumerate([0, 200 << 10, needed // 2, needed + (1 << 20), needed + (8 << 20)]):
        new = f"нове гасло {level}"
        small_disk.fill_to(leave)
        try:
            store.change_passphrase(current, new, space_margin=space_margin)
            outcome = "changed"
        except NotEnoughSpace as exc:
            outcome = "not enough space"
            assert "not enough free space" in exc.message.render()
        except StoreError as exc:  # any other sentence is a wrong one for a full disk
            pytest.fail(f"level {level}: {type(exc).__name__}: {exc.detail}")
        outcomes.append(outcome)
        small_disk.empty()
        assert store.count("households") == 170  # the open store still works, with whichever key holds
        store.close()
        opened = opening(folder, current, new)
        assert len(opened) == 1, f"level {level} ({outcome}): {len(opened)} passphrases open the profile"
        (works,) = opened
        assert works == (new if outcome == "changed" else current)
        assert opened[works] == expected, f"level {level}: the content changed"
        assert backup_openers(folder, current, new) == [[works]]
        no_leftovers(folder)
        current = works
        store = Store.open(folder, current, kdf=FAST_KDF)
    store.close()
    assert outcomes[0] == "not enough space" and outcomes[-1] == "changed", outcomes


@pytest.mark.parametrize("crash_after", rekey.STEPS)
def test_a_crash_at_each_step_leaves_exactly_one_passphrase(tmp_path, crash_after):
    folder = tmp_path / "profile"
    with Store.create(folder, PASSPHRASE, kdf=FAST_KDF) as store:
        fill(store, 30)
        store.backup(reason="test")
        fill(store, 5)
        expected = rekey.digest(store.read().conn)
    new = "зовсім нове гасло"
    done = subprocess.run([sys.executable, str(HELPER), str(folder), crash_after], input=f"{PASSPHRASE}\n{new}\n",
                          text=True, capture_output=True, timeout=120)
    assert done.returncode == 9, done.stderr
    opened = opening(folder, PASSPHRASE, new)
    swapped = rekey.STEPS.index(crash_after) >= rekey.STEPS.index("database_swapped")
    assert list(opened) == [new if swapped else PASSPHRASE]
    assert opened[new if swapped else PASSPHRASE] == expected
    # The backups are renamed first: from then on the old passphrase opens none of them.
    backups_new = rekey.STEPS.index(crash_after) >= rekey.STEPS.index("backups_swapped")
    assert backup_openers(folder, PASSPHRASE, new) == [[new if backups_new else PASSPHRASE]]


def test_after_a_change_the_old_passphrase_opens_no_backup(store, profile_dir):
    fill(store, 10)
    store.backup(reason="one")
    store.backup(reason="two")
    store.change_passphrase(PASSPHRASE, "друге гасло")
    assert backup_openers(profile_dir, PASSPHRASE, "друге гасло") == [["друге гасло"], ["друге гасло"]]
    old_salt = crypto.read_params(profile_dir / crypto.KEY_FILE).salt
    store.change_passphrase("друге гасло", "третє гасло")
    assert backup_openers(profile_dir, PASSPHRASE, "друге гасло", "третє гасло") == [["третє гасло"]] * 2
    for path in profile_dir.rglob("*"):  # the old salt is nowhere in the profile's files
        if path.is_file():
            assert old_salt.encode() not in path.read_bytes(), path.name


def test_a_backup_from_an_earlier_passphrase_is_destroyed_not_left_to_it(store, profile_dir):
    """An older FieldApp re-keyed in place and left the backups under the passphrase before: the next
    change re-keys what the current passphrase opens and destroys what only an earlier one opens."""
    fill(store, 5)
    store.backup(reason="first")  # under PASSPHRASE, its key settings beside it
    store.close()
    # What the old change_passphrase did: PRAGMA rekey in place, key.json replaced, backups untouched.
    params = crypto.KdfParams.fresh(FAST_KDF)
    conn = connect(str(profile_dir / "fieldapp.db"),
                   crypto.derive_key(PASSPHRASE, crypto.read_params(profile_dir / crypto.KEY_FILE)))
    conn.execute(f"PRAGMA rekey = \"x'{crypto.derive_key('друге гасло', params).hex()}'\"")
    conn.close()
    crypto.write_params(profile_dir / crypto.KEY_FILE, params)
    with Store.open(profile_dir, "друге гасло", kdf=FAST_KDF) as again:
        again.backup(reason="second")
        assert backup_openers(profile_dir, PASSPHRASE, "друге гасло") == [[PASSPHRASE], ["друге гасло"]]
        again.change_passphrase("друге гасло", "третє гасло")
    assert sorted(p.name.split("-")[1] + p.suffix for p in (profile_dir / "backups").iterdir()) == [
        "second.db", "second.json"]
    assert backup_openers(profile_dir, PASSPHRASE, "друге гасло", "третє гасло") == [["третє гасло"]]
