"""sqlite-utils on SQLCipher: one place that makes the swap.

sqlite-utils imports `pysqlite3` in preference to the standard `sqlite3` when
it can. Pointing that name at `sqlcipher3` before the first `import
sqlite_utils` makes sqlite-utils open, catch and raise with SQLCipher's own
classes, so its `OperationalError` handling (alter, drop(ignore=True), FTS,
...) keeps working on encrypted files (platform.md). Import `sqlite_utils`
through this module only.
"""

from __future__ import annotations

import sys

import sqlcipher3
import sqlcipher3.dbapi2

if "sqlite_utils" in sys.modules and sys.modules.get("pysqlite3") is not sqlcipher3:
    raise ImportError("fieldapp.store.driver must be imported before sqlite_utils")
sys.modules["pysqlite3"] = sqlcipher3
sys.modules["pysqlite3.dbapi2"] = sqlcipher3.dbapi2

import sqlite_utils  # noqa: E402
from sqlite_utils import utils as _sqlite_utils_utils  # noqa: E402

assert _sqlite_utils_utils.sqlite3 is sqlcipher3, "sqlite-utils did not take sqlcipher3"  # type: ignore[attr-defined]

dbapi = sqlcipher3.dbapi2
DatabaseError = dbapi.DatabaseError
OperationalError = dbapi.OperationalError
IntegrityError = dbapi.IntegrityError

__all__ = ["sqlite_utils", "dbapi", "DatabaseError", "OperationalError", "IntegrityError"]


def connect(path: str, raw_key: bytes) -> sqlcipher3.dbapi2.Connection:
    """An autocommit connection to the encrypted file at `path`, keyed with `raw_key`.

    The key is given raw (hex), so SQLCipher skips its own PBKDF2: the
    passphrase was already stretched with Argon2id (see crypto.py). Memory
    security is on for every connection.
    """
    # check_same_thread=False only so that Store.close() may close every thread's connection;
    # each connection is used by the one thread that opened it.
    conn = dbapi.connect(path, isolation_level=None, check_same_thread=False, timeout=30.0, cached_statements=1024)
    # SQLCipher then locks its key material in RAM and zeroes every buffer it frees, so the key and
    # decrypted pages do not linger in freed memory (a swap file, a memory dump). Process-wide, and
    # it cannot be turned off again; its cost: benchmarks/bench_keys.py.
    conn.execute("PRAGMA cipher_memory_security = ON")
    conn.execute(f"PRAGMA key = \"x'{raw_key.hex()}'\"")
    return conn
