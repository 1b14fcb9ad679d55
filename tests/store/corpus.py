"""The corruption corpus: kinds of damage to a profile's files, each with the StoreError it must give.

Three real profiles are made once (`Templates`): `clean` (closed properly,
300 families), `crashed` (killed with SIGKILL after 40 commits that are still
only in its journal, fieldapp.db-wal) and `other` (another profile, same
passphrase). Each case copies one and damages the copy the way a failing disk,
a cut-short copy or a person with a text editor would.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kit import FAST_KDF, PASSPHRASE

from fieldapp.store import errors
from fieldapp.store.integrity import PAGE_SIZE

ROOT = Path(__file__).resolve().parents[2]
DB = "fieldapp.db"
WAL = DB + "-wal"
KEY = "key.json"
CRASHED_COMMITS = 40

_CRASH = """
import os, signal, sys
sys.path[:0] = [{root!r}, {tests!r}]
from factories import household, seeded
from kit import FAST_KDF
from fieldapp.store.database import Store
seeded(11)
store = Store.open(sys.argv[1], sys.stdin.readline().rstrip("\\n"), kdf=FAST_KDF)
for _ in range({n}):
    store.write(lambda tx: tx.create("households", household()))
os.kill(os.getpid(), signal.SIGKILL)
"""


@dataclass
class Templates:
    clean: Path
    crashed: Path
    other: Path


def make_templates(base: Path) -> Templates:
    """The three real profiles every case starts from."""
    import factories

    from fieldapp.store.database import Store

    factories.seeded(5)
    store = Store.create(base / "clean", PASSPHRASE, kdf=FAST_KDF)
    for _ in range(300):
        store.write(lambda tx: tx.create("households", factories.household()))
    store.close()
    Store.create(base / "other", PASSPHRASE, kdf=FAST_KDF).close()
    Store.create(base / "crashed", PASSPHRASE, kdf=FAST_KDF).close()
    script = _CRASH.format(root=str(ROOT), tests=str(ROOT / "tests"), n=CRASHED_COMMITS)
    done = subprocess.run([sys.executable, "-c", script, str(base / "crashed")], input=PASSPHRASE + "\n",
                          text=True, capture_output=True, timeout=120)
    assert done.returncode == -signal.SIGKILL, done.stderr
    assert (base / "crashed" / WAL).stat().st_size > 0
    return Templates(base / "clean", base / "crashed", base / "other")


def fingerprint(folder: Path) -> dict[str, str]:
    """SHA-256 of every file in the profile but `lock` (the lock file is the lock's own, not data)."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != "lock"}


# -- kinds of damage ------------------------------------------------------------------------


def _flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset if offset >= 0 else len(data) + offset] ^= 0x5A
    path.write_bytes(bytes(data))


def _truncate(path: Path, size: Callable[[int], int]) -> None:
    with open(path, "r+b") as fh:
        fh.truncate(size(path.stat().st_size))


def _key(folder: Path, change: Callable[[dict], object]) -> None:
    path = folder / KEY
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")


def _plain_sqlite(folder: Path) -> None:
    (folder / DB).unlink()
    conn = sqlite3.connect(folder / DB)
    conn.execute("CREATE TABLE households (id TEXT, data TEXT)")
    conn.execute("INSERT INTO households VALUES ('h1', '{}')")
    conn.commit()
    conn.close()


def _new_salt(data: dict) -> None:
    data["salt"] = base64.b64encode(os.urandom(16)).decode()


def _wal_frame(index: int) -> int:
    return 32 + index * (24 + PAGE_SIZE)


@dataclass(frozen=True)
class Case:
    name: str
    template: str  # "clean" or "crashed"
    damage: Callable[[Path, Templates], None]
    expected: type[errors.StoreError]


CASES: list[Case] = [
    # the database file
    Case("db zero bytes", "clean", lambda f, t: (f / DB).write_bytes(b""), errors.DatabaseEmpty),
    Case("db deleted, key.json left", "clean", lambda f, t: (f / DB).unlink(), errors.DatabaseMissing),
    Case("db cut to 100 bytes", "clean", lambda f, t: _truncate(f / DB, lambda n: 100), errors.DatabaseIncomplete),
    Case("db cut inside the last page", "clean", lambda f, t: _truncate(f / DB, lambda n: n - 100),
         errors.DatabaseIncomplete),
    Case("db cut to its first page", "clean", lambda f, t: _truncate(f / DB, lambda n: PAGE_SIZE),
         errors.DatabaseDamaged),
    Case("db cut in half at a page boundary", "clean",
         lambda f, t: _truncate(f / DB, lambda n: n // 2 // PAGE_SIZE * PAGE_SIZE), errors.DatabaseDamaged),
    Case("db last page missing", "clean", lambda f, t: _truncate(f / DB, lambda n: n - PAGE_SIZE),
         errors.DatabaseDamaged),
    Case("db header salt flipped", "clean", lambda f, t: _flip(f / DB, 5), errors.KeyMismatch),
    Case("db first page flipped", "clean", lambda f, t: _flip(f / DB, 200), errors.DatabasePartlyDamaged),
    Case("db middle page flipped", "clean", lambda f, t: _flip(f / DB, (f / DB).stat().st_size // 2 + 300),
         errors.DatabasePartlyDamaged),
    Case("db last page flipped", "clean", lambda f, t: _flip(f / DB, -300), errors.DatabasePartlyDamaged),
    Case("db overwritten with random bytes", "clean",
         lambda f, t: (f / DB).write_bytes(os.urandom((f / DB).stat().st_size)), errors.KeyMismatch),
    Case("db replaced by a plain SQLite file", "clean", lambda f, t: _plain_sqlite(f), errors.DatabaseNotEncrypted),
    Case("db from another profile", "clean", lambda f, t: shutil.copy(t.other / DB, f / DB), errors.KeyMismatch),
    # key.json
    Case("key.json deleted", "clean", lambda f, t: (f / KEY).unlink(), errors.KeySettingsMissing),
    Case("key.json zero bytes", "clean", lambda f, t: (f / KEY).write_bytes(b""), errors.KeySettingsDamaged),
    Case("key.json cut short", "clean", lambda f, t: _truncate(f / KEY, lambda n: n // 2), errors.KeySettingsDamaged),
    Case("key.json from another profile", "clean", lambda f, t: shutil.copy(t.other / KEY, f / KEY),
         errors.KeyMismatch),
    Case("key.json salt changed", "clean", lambda f, t: _key(f, _new_salt), errors.KeySettingsDamaged),
    Case("key.json salt not base64", "clean", lambda f, t: _key(f, lambda d: d.update(salt="not base64!")),
         errors.KeySettingsDamaged),
    Case("key.json salt removed", "clean", lambda f, t: _key(f, lambda d: d.pop("salt")), errors.KeySettingsDamaged),
    Case("key.json time_cost edited", "clean", lambda f, t: _key(f, lambda d: d.update(time_cost=d["time_cost"] + 1)),
         errors.KeySettingsDamaged),
    Case("key.json time_cost absurd", "clean", lambda f, t: _key(f, lambda d: d.update(time_cost=10**9)),
         errors.KeySettingsDamaged),
    Case("key.json memory_kib absurd", "clean", lambda f, t: _key(f, lambda d: d.update(memory_kib=2**40)),
         errors.KeySettingsDamaged),
    Case("key.json memory_kib negative", "clean", lambda f, t: _key(f, lambda d: d.update(memory_kib=-1)),
         errors.KeySettingsDamaged),
    Case("key.json parallelism zero", "clean", lambda f, t: _key(f, lambda d: d.update(parallelism=0)),
         errors.KeySettingsDamaged),
    Case("key.json parallelism a string", "clean", lambda f, t: _key(f, lambda d: d.update(parallelism="2")),
         errors.KeySettingsDamaged),
    Case("key.json unknown kdf", "clean", lambda f, t: _key(f, lambda d: d.update(kdf="scrypt")),
         errors.KeySettingsUnknown),
    Case("key.json newer format", "clean", lambda f, t: _key(f, lambda d: d.update(format=99)),
         errors.KeySettingsUnknown),
    Case("key.json check edited", "clean", lambda f, t: _key(f, lambda d: d.update(check=base64.b64encode(
        bytes(16)).decode())), errors.KeySettingsDamaged),
    Case("key.json sum edited", "clean", lambda f, t: _key(f, lambda d: d.update(sum="0" * 64)),
         errors.KeySettingsDamaged),
    Case("key.json extra field", "clean", lambda f, t: _key(f, lambda d: d.update(iterations=64000)),
         errors.KeySettingsDamaged),
    Case("key.json of format 1, each cost in bounds, absurd together", "clean",
         lambda f, t: _key(f, lambda d: (d.update(format=1, time_cost=32, memory_kib=2 * 1024 * 1024),
                                         d.pop("sum"), d.pop("check"))), errors.KeySettingsDamaged),
    Case("key.json a list", "clean", lambda f, t: (f / KEY).write_text("[1, 2]"), errors.KeySettingsDamaged),
    # the journal after an unclean end
    Case("journal deleted after a crash", "crashed", lambda f, t: (f / WAL).unlink(), errors.JournalMissing),
    Case("journal header flipped after a crash", "crashed", lambda f, t: _flip(f / WAL, 17), errors.JournalDamaged),
    Case("journal frame flipped after a crash", "crashed", lambda f, t: _flip(f / WAL, _wal_frame(3) + 500),
         errors.JournalDamaged),
    # and the passphrase itself, for contrast
    Case("nothing damaged, wrong passphrase", "clean", lambda f, t: None, errors.WrongPassphrase),
]


def prepare(case: Case, templates: Templates, target: Path) -> Path:
    """A copy of the case's template at `target`, damaged as the case says."""
    shutil.copytree(getattr(templates, case.template), target)
    case.damage(target, templates)
    return target


def passphrase_for(case: Case) -> str:
    return "not the passphrase at all" if case.expected is errors.WrongPassphrase else PASSPHRASE
