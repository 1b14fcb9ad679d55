"""sqlite-utils on SQLCipher: each sqlite-utils feature FieldApp uses, on an encrypted file."""

from __future__ import annotations

import sqlcipher3

from fieldapp.store.driver import OperationalError, connect, sqlite_utils

KEY = bytes(range(32))


def open_db(path) -> sqlite_utils.Database:
    return sqlite_utils.Database(connect(str(path), KEY))


def test_sqlite_utils_uses_sqlcipher(tmp_path):
    from sqlite_utils import utils

    assert utils.sqlite3 is sqlcipher3
    assert utils.OperationalError is OperationalError
    db = open_db(tmp_path / "x.db")
    assert db.execute("PRAGMA cipher_version").fetchone()[0].startswith("4.")


def test_create_index_rows_where_and_ignore_errors(tmp_path):
    db = open_db(tmp_path / "x.db")
    db["t"].create({"id": str, "n": int}, pk="id")
    db["t"].create_index(["n"])
    for i in range(5):
        db.execute("INSERT INTO t VALUES (?, ?)", [f"r{i}", i])
    assert [r["id"] for r in db["t"].rows_where("n >= ?", [3], order_by="n")] == ["r3", "r4"]
    db["missing"].drop(ignore=True)  # catches OperationalError by class: must be sqlcipher3's
    db["t"].add_column("extra", str)
    assert "extra" in db["t"].columns_dict


def test_atomic_nests_in_our_transactions(tmp_path):
    db = open_db(tmp_path / "x.db")
    db["t"].create({"id": int}, pk="id")
    db.execute("BEGIN IMMEDIATE")
    with db.atomic():  # a savepoint, not a commit of our transaction
        db.execute("INSERT INTO t VALUES (1)")
    db.execute("ROLLBACK")
    assert db["t"].count == 0


def test_wrong_key_cannot_read(tmp_path):
    db = open_db(tmp_path / "x.db")
    db["t"].create({"id": int}, pk="id")
    db.conn.close()
    other = sqlite_utils.Database(connect(str(tmp_path / "x.db"), bytes(32)))
    try:
        other.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.dbapi2.DatabaseError as exc:
        assert "not a database" in str(exc)
    else:
        raise AssertionError("a wrong key read the file")
