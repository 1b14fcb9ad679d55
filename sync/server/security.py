"""Passwords (Argon2id), device tokens (stored as SHA-256), and the enrolment rate limit."""

from __future__ import annotations

import hashlib
import os
import secrets
import time

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from sync.server.db import login_failures

# Argon2id with the library's current defaults; the test suite asks for cheap parameters
# (FIELDAPP_TEST_FAST_KDF=1, set by tests/conftest.py) so that hundreds of sign-ins stay fast.
_hasher = (PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
           if os.environ.get("FIELDAPP_TEST_FAST_KDF") == "1" else PasswordHasher())
_dummy_hash: str | None = None


def _dummy() -> str:
    """A hash verified against when the username is unknown, so both answers take as long."""
    global _dummy_hash
    if _dummy_hash is None:
        _dummy_hash = _hasher.hash("no such user: " + secrets.token_hex(8))
    return _dummy_hash

MIN_PASSWORD_LENGTH = 10


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """Whether `password` matches; always spends one Argon2 verification."""
    try:
        return _hasher.verify(password_hash or _dummy(), password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def new_token() -> str:
    """A device token: 256 random bits, URL-safe. Only its hash is stored."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    # A random 256-bit token needs no slow hash: nothing to guess from its digest.
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def failures_since(conn: sa.Connection, key: str, window_s: float) -> tuple[int, float]:
    """How many failed enrolments `key` had in the window, and when the oldest of them was."""
    since = time.time() - window_s
    row = conn.execute(
        sa.select(sa.func.count(), sa.func.min(login_failures.c.at))
        .where(login_failures.c.key == key, login_failures.c.at >= since)
    ).one()
    return int(row[0]), float(row[1] or 0.0)


def record_failure(conn: sa.Connection, keys: list[str]) -> None:
    now = time.time()
    conn.execute(login_failures.insert(), [{"key": k, "at": now} for k in keys])


def clear_failures(conn: sa.Connection, key: str) -> None:
    conn.execute(login_failures.delete().where(login_failures.c.key == key))


def forget_old_failures(conn: sa.Connection, window_s: float) -> None:
    conn.execute(login_failures.delete().where(login_failures.c.at < time.time() - window_s))
