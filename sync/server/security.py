"""Passwords (Argon2id), device tokens (stored as SHA-256), and the enrolment rate limit."""

from __future__ import annotations

import hashlib
import secrets
import time

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from sync.server.db import login_failures

MIN_PASSWORD_LENGTH = 10


class Passwords:
    """Argon2id hashing and checking of passwords.

    Production uses the library's current defaults (`ARGON2`); a test suite
    passes its own cheap instance to `create_app(..., passwords=...)` and to
    `admin.add_user`, so nothing in production can be made to hash weakly.
    A hash carries its parameters, so a check costs what the hashing did.
    """

    def __init__(self, hasher: PasswordHasher | None = None):
        self._hasher = hasher or PasswordHasher()
        self._dummy: str | None = None

    def hash(self, password: str) -> str:
        """The Argon2id hash of `password`, to store in `users.password_hash`."""
        return self._hasher.hash(password)

    def verify(self, password_hash: str | None, password: str) -> bool:
        """Whether `password` matches; always spends one Argon2 verification."""
        if self._dummy is None:
            # Verified against when the username is unknown, so both answers take as long.
            self._dummy = self._hasher.hash("no such user: " + secrets.token_hex(8))
        try:
            return self._hasher.verify(password_hash or self._dummy, password) and password_hash is not None
        except (VerificationError, InvalidHashError):
            return False


ARGON2 = Passwords()


def new_token() -> str:
    """A device token: 256 random bits, URL-safe. Only its hash is stored."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """The SHA-256 hex digest a device token is stored and looked up by."""
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
    """Count a failed enrolment against each key (``user:NAME``, ``addr:IP``)."""
    now = time.time()
    conn.execute(login_failures.insert(), [{"key": k, "at": now} for k in keys])


def clear_failures(conn: sa.Connection, key: str) -> None:
    """Forget `key`'s failures (after a successful enrolment)."""
    conn.execute(login_failures.delete().where(login_failures.c.key == key))


def forget_old_failures(conn: sa.Connection, window_s: float) -> None:
    """Drop failures older than the window: they no longer count."""
    conn.execute(login_failures.delete().where(login_failures.c.at < time.time() - window_s))
