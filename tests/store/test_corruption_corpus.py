"""Every kind of damage in the corpus gets its own StoreError from Store.open, and no file changes.

The screen's side (the same corpus through the real unlock page) is tests/ui/test_unlock_corpus.py.
"""

from __future__ import annotations

import shutil

import pytest
from corpus import CASES, CRASHED_COMMITS, WAL, fingerprint, make_templates, passphrase_for, prepare
from kit import FAST_KDF, PASSPHRASE

from fieldapp.store.database import Store
from fieldapp.store.errors import JournalMissing, StoreError, WrongPassphrase


@pytest.fixture(scope="module")
def templates(tmp_path_factory):
    return make_templates(tmp_path_factory.mktemp("templates"))


def test_the_corpus_is_big_and_every_kind_has_a_name_of_its_own():
    assert len(CASES) >= 20
    assert len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_damage_gets_its_own_error_and_no_file_changes(case, templates, tmp_path):
    folder = prepare(case, templates, tmp_path / "profile")
    before = fingerprint(folder)
    with pytest.raises(StoreError) as info:
        Store.open(folder, passphrase_for(case))
    assert type(info.value) is case.expected, info.value.detail
    if case.expected is not WrongPassphrase:
        assert info.value.message.render() != WrongPassphrase().message.render()
    assert fingerprint(folder) == before  # nothing replaced, nothing made, nothing removed
    with pytest.raises(type(info.value)):  # and it says so again: the first try changed nothing
        Store.open(folder, passphrase_for(case))


def test_the_undamaged_templates_open_with_every_record(templates, tmp_path):
    for name, expected in (("clean", 300), ("crashed", CRASHED_COMMITS)):
        folder = tmp_path / name
        shutil.copytree(getattr(templates, name), folder)
        with Store.open(folder, PASSPHRASE) as store:
            assert store.count("households") == expected


def test_a_journal_put_back_brings_every_commit_back(templates, tmp_path):
    folder = tmp_path / "profile"
    shutil.copytree(templates.crashed, folder)
    moved = tmp_path / "moved-wal"
    (folder / WAL).rename(moved)
    with pytest.raises(JournalMissing):
        Store.open(folder, PASSPHRASE)
    moved.rename(folder / WAL)  # what the message asks: put the file back
    with Store.open(folder, PASSPHRASE) as store:
        assert store.count("households") == CRASHED_COMMITS


def test_the_journal_warning_was_right_and_opening_without_it_is_a_choice(templates, tmp_path):
    folder = tmp_path / "profile"
    shutil.copytree(templates.crashed, folder)
    (folder / WAL).unlink()
    with Store.open(folder, PASSPHRASE, accept_journal_loss=True) as store:
        assert store.count("households") < CRASHED_COMMITS  # the commits the journal held are gone
    assert not list((folder / "backups").glob("*.db-wal"))  # there was none to set aside
    with Store.open(folder, PASSPHRASE) as store:  # accepted once: a clean close ends the warning
        store.count("households")


def test_an_older_key_file_gets_its_check_so_its_damage_is_told_apart_too(tmp_path):
    import json

    from corpus import DB, KEY

    from fieldapp.store import crypto
    from fieldapp.store.errors import KeyMismatch

    folder = tmp_path / "profile"
    Store.create(folder, PASSPHRASE, kdf=FAST_KDF).close()
    data = json.loads((folder / KEY).read_text())
    older = {k: v for k, v in data.items() if k not in ("check", "sum")} | {"format": 1}
    (folder / KEY).write_text(json.dumps(older))  # as FieldApp wrote key.json before checks
    Store.open(folder, PASSPHRASE).close()
    params = crypto.read_params(folder / KEY)
    assert params.format == crypto.FORMAT and params.check and params.salt == older["salt"]
    with Store.open(folder, PASSPHRASE) as store:  # the same key opens it
        store.count("households")
    raw = bytearray((folder / DB).read_bytes())
    raw[5] ^= 0x5A  # the database's salt: no page verifies under the key
    (folder / DB).write_bytes(bytes(raw))
    with pytest.raises(KeyMismatch):
        Store.open(folder, PASSPHRASE)


def test_opening_past_a_damaged_journal_sets_a_copy_of_it_aside_first(templates, tmp_path):
    from corpus import CASES

    case = next(c for c in CASES if c.name == "journal frame flipped after a crash")
    folder = prepare(case, templates, tmp_path / "profile")
    damaged = (folder / WAL).read_bytes()
    with Store.open(folder, PASSPHRASE, accept_journal_loss=True) as store:
        assert store.count("households") < CRASHED_COMMITS  # only the commits before the damage
    aside = list((folder / "backups").glob("*.db-wal"))
    assert len(aside) == 1 and aside[0].read_bytes() == damaged
    assert aside[0].stat().st_mode & 0o077 == 0
