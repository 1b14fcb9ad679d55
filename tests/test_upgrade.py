"""Upgrades keep the data: an older profile opens migrated (backup first, every row kept); a newer
profile is refused with a clear message and left untouched.

The older profiles are committed under tests/fixtures/ (generated data, a fixed passphrase; see
tests/fixtures/make_profiles.py and README.md there). The frozen program is put through the same
two cases by scripts/smoke_frozen.py in CI.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from factories import household, person, visit  # noqa: E402

from fieldapp.store import crypto, schema
from fieldapp.store.database import BACKUPS, DB_FILE, Store
from fieldapp.store.errors import SchemaTooNew
from fieldapp.store.lock import ProfileLock

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
sys.path.insert(0, str(FIXTURES))
from kit import FAST_KDF, cli_env  # noqa: E402
from make_profiles import KEPT_TABLES, fingerprint  # noqa: E402


def fixtures() -> list[tuple[Path, dict]]:
    found = []
    for meta_file in sorted(FIXTURES.glob("profile-schema*.json")):
        found.append((meta_file.with_suffix(""), json.loads(meta_file.read_text(encoding="utf-8"))))
    return found


FIXTURE_IDS = [folder.name for folder, _ in fixtures()]


@pytest.fixture(params=fixtures(), ids=FIXTURE_IDS)
def old_profile(request, tmp_path) -> tuple[Path, dict]:
    folder, meta = request.param
    copy = tmp_path / folder.name
    shutil.copytree(folder, copy)
    return copy, meta


def ids_by_table(store: Store) -> dict[str, list[str]]:
    db = store.read()
    out = {}
    existing = set(db.table_names())
    for table in KEPT_TABLES:
        if table not in existing:  # a collection newer than the profile's schema
            continue
        key = "change_id" if table == "outbox" else "id"
        out[table] = [row[0] for row in db.execute(f"SELECT {key} FROM [{table}] ORDER BY 1").fetchall()]
    return out


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_fixture_exists_for_the_previous_schema():
    versions = {meta["schema_version"] for _, meta in fixtures()}
    assert schema.SCHEMA_VERSION - 1 in versions, (
        f"No profile of schema {schema.SCHEMA_VERSION - 1} in tests/fixtures/: after raising "
        "SCHEMA_VERSION, run `.venv/bin/python tests/fixtures/make_profiles.py` and commit the new "
        "fixture beside the old ones (see tests/fixtures/README.md)."
    )
    assert all(v < schema.SCHEMA_VERSION for v in versions)


@pytest.mark.parametrize("folder", [f for f, _ in fixtures()], ids=FIXTURE_IDS)
def test_fixtures_are_small_and_hold_no_leftovers(folder):
    names = sorted(p.name for p in folder.iterdir())
    assert names == [DB_FILE, crypto.KEY_FILE]
    size = sum(p.stat().st_size for p in folder.iterdir())
    # An empty profile of schema 2 is 200 KiB already (50 pages of 4 KiB: one per table and index);
    # schema 4's case-cycle tables make one household 280 KiB (70 pages); the print log (5), the
    # attachment tables (6), the search index inside words (7), the due table (8) and the four
    # child-safety collections (9) make schema 8's 408 KiB.
    assert size < 512 * 1024


def test_an_older_profile_opens_migrated_with_a_backup_first(old_profile):
    folder, meta = old_profile
    found = meta["schema_version"]
    with Store.open(folder, meta["passphrase"], schema_version=found) as store:
        before = ids_by_table(store)  # read without migrating, as the old program saw it
        assert fingerprint(store) == {k: meta[k] for k in ("counts", "sha256")}
    assert not (folder / BACKUPS).exists()

    with Store.open(folder, meta["passphrase"]) as store:
        assert store.schema_version() == schema.SCHEMA_VERSION
        after = ids_by_table(store)
        assert {t: after[t] for t in before} == before  # every record, change waiting to sync and draft kept
        assert all(not after[t] for t in set(after) - set(before))  # the newer collections start empty
        counts = fingerprint(store)["counts"]
        assert {t: counts[t] for t in meta["counts"]} == meta["counts"]
        _assert_recoded(store)
        family = next(store.records("households"))
        assert store.get("households", family["id"]) == family
        assert store.pending_count() == meta["counts"]["outbox"]
        assert len(store.drafts()) == meta["counts"]["drafts"]
        assert any(hit.record_id == family["id"] for hit in store.search(family["family_name"]))
        store.write(lambda tx: tx.update("households", family["id"], {"notes": "Після оновлення."}))

    [backup] = (folder / BACKUPS).glob(f"fieldapp-schema{found}-*.db")
    key_file = backup.with_suffix(".key.json")
    assert key_file.exists()
    # The backup is the profile as it was before the migration, openable on its own.
    restored = folder.parent / "restored"
    restored.mkdir()
    shutil.copy(backup, restored / DB_FILE)
    shutil.copy(key_file, restored / crypto.KEY_FILE)
    with Store.open(restored, meta["passphrase"], schema_version=found) as old:
        assert old.schema_version() == found
        assert fingerprint(old) == {k: meta[k] for k in ("counts", "sha256")}

    with Store.open(folder, meta["passphrase"]):  # opening again: nothing to migrate, no new backup
        pass
    assert len(list((folder / BACKUPS).glob("*.db"))) == 1


def _assert_recoded(store: Store) -> None:
    """Every record of the old profile is valid under today's contract: old service codes mapped
    onto the classifier, old plan actions given their stable ids."""
    from casework import records as domain
    from casework.enums import enumeration
    from casework.recode import action_id

    for collection in domain.CASE_COLLECTIONS:
        for record in store.records(collection):
            own = {k: v for k, v in record.items() if k not in domain.ENVELOPE or k == "household_id"}
            assert domain.validate(collection, own) == [], (collection, record["id"])
    services = enumeration("services")
    for v in store.records("visits"):
        assert all(line["code"] in services for line in v.get("services") or [])
    for plan in store.records("plans"):
        assert [a["id"] for a in plan.get("actions") or []] == [
            action_id(plan["id"], i) for i in range(len(plan.get("actions") or []))] or all(
            a.get("id") for a in plan["actions"])


def test_a_profile_made_by_the_previous_schema_in_this_run(tmp_path):
    """The same path without the fixture: the store's migrations stopped one short, then the rest."""
    folder = tmp_path / "profile"
    # Records of the kinds the previous schema has (today's demo also writes the new kinds).
    with Store.create(folder, "previous", schema_version=schema.SCHEMA_VERSION - 1, kdf=FAST_KDF) as store:
        def write(tx):
            for n in range(3):
                h = tx.create("households", household(family_name=f"Сімʼя {n}"))
                tx.create("persons", person(h["id"]))
                tx.create("visits", visit(h["id"]))
        store.write(write)
        assert store.schema_version() == schema.SCHEMA_VERSION - 1
    with Store.open(folder, "previous") as store:
        assert store.schema_version() == schema.SCHEMA_VERSION
        assert store.count("households") == 3 and store.count("persons") == 3 and store.count("visits") == 3
    assert len(list((folder / BACKUPS).glob(f"fieldapp-schema{schema.SCHEMA_VERSION - 1}-*.db"))) == 1


def make_newer(source: Path, target: Path, passphrase: str) -> int:
    shutil.copytree(source, target)
    newer = schema.SCHEMA_VERSION + 1
    with Store.open(target, passphrase) as store:
        store.write(lambda tx: tx.db.execute(f"PRAGMA user_version = {newer}"))
    shutil.rmtree(target / BACKUPS, ignore_errors=True)
    return newer


def test_a_newer_profile_is_refused_and_left_as_it_was(old_profile, tmp_path):
    folder, meta = old_profile
    newer_folder = tmp_path / "newer"
    newer = make_newer(folder, newer_folder, meta["passphrase"])
    before = sha(newer_folder / DB_FILE)
    with pytest.raises(SchemaTooNew) as refused:
        Store.open(newer_folder, meta["passphrase"])
    assert f"data version {newer}" in str(refused.value)
    assert sha(newer_folder / DB_FILE) == before
    assert not (newer_folder / BACKUPS).exists()
    lock = ProfileLock(newer_folder)  # the refusal let go of the profile: nothing holds it
    lock.acquire()
    lock.release()


def test_the_program_refuses_a_newer_profile_with_a_clear_message(old_profile, tmp_path):
    """Through the `fieldapp` command, as an older build on a laptop would meet it."""
    folder, meta = old_profile
    newer_folder = tmp_path / "newer"
    newer = make_newer(folder, newer_folder, meta["passphrase"])
    before = sha(newer_folder / DB_FILE)
    env = {**cli_env(), "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "fieldapp", "demo", "--profile", str(newer_folder),
                           "--households", "1"], input=meta["passphrase"] + "\n", capture_output=True,
                          text=True, encoding="utf-8", env=env, cwd=tmp_path, timeout=120)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    message = done.stderr.strip()
    assert message.startswith("fieldapp demo: This profile was saved by a newer version of FieldApp")
    assert f"data version {newer}; this program knows up to {schema.SCHEMA_VERSION}" in message
    assert "Install the newer version. Nothing was changed." in message
    assert sha(newer_folder / DB_FILE) == before


def test_schema_4_recodes_records_and_the_changes_still_to_push(tmp_path):
    """Old codes written by the previous program, in a record and in a change not yet sent, are
    mapped onto the classifier by the migration; the same change then carries the new code."""
    import json as _json

    from factories import household, person, visit

    from casework.enums import enumeration

    folder = tmp_path / "profile"
    with Store.create(folder, "previous", schema_version=3, kdf=FAST_KDF) as store:
        h = store.write(lambda tx: tx.create("households", household()))
        v = store.write(lambda tx: tx.create("visits", visit(h["id"], services=[{"code": "002.0", "quantity": 1}])))
        p = store.write(lambda tx: tx.create("persons", person(h["id"], disability=True, disability_group="group_2")))

        def as_the_old_program_wrote_it(tx):
            # The previous program's codes: day care was "016.0", subgroup A was a group.
            tx.db.execute("UPDATE visits SET data = json_set(data, '$.services[0].code', '016.0') WHERE id = ?", [v["id"]])
            tx.db.execute("UPDATE persons SET data = json_set(data, '$.disability_group', 'subgroup_a') WHERE id = ?",
                          [p["id"]])
            tx.db.execute("UPDATE outbox SET fields = json_set(fields, '$.services[0].code', '016.0') "
                          "WHERE record_id = ?", [v["id"]])

        store.write(as_the_old_program_wrote_it)
    with Store.open(folder, "previous") as store:
        assert store.get("visits", v["id"])["services"][0]["code"] == "015.3"
        assert enumeration("services").label("015.3", "uk") == "Денний догляд"
        migrated = store.get("persons", p["id"])
        assert (migrated["disability_group"], migrated["disability_subgroup_a"]) == ("group_1", True)
        [change] = [e for e in store.outbox() if e.record_id == v["id"]]
        assert change.fields["services"][0]["code"] == "015.3"
        row = store.read().execute("SELECT fields FROM outbox WHERE record_id = ?", [v["id"]]).fetchone()
        assert _json.loads(row[0])["services"][0]["code"] == "015.3"
