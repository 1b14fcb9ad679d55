"""Passwords (Argon2id), device tokens (stored as SHA-256), the sign-in rate limit, and
the client's address behind trusted proxies."""

from __future__ import annotations

import hashlib
import ipaddress
import secrets
import time
from collections.abc import Iterable
from dataclasses import dataclass

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from starlette.requests import Request

from sync import protocol as p
from sync.server.db import login_failures
from sync.server.settings import Settings

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

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


class RateLimited(p.ProtocolError):
    """Too many failed sign-ins: answered 429 with Retry-After."""

    def __init__(self, detail: str, retry_after: int):
        super().__init__("rate_limited", detail)
        self.retry_after = retry_after


@dataclass(frozen=True)
class Budget:
    """At most `allowed` failed sign-ins counted against `key` in `window_s` seconds."""

    key: str
    allowed: int
    window_s: float


def sign_in_budgets(settings: Settings, username: str | None, address: str) -> list[Budget]:
    """The budgets one sign-in spends from (see docs/server.md, "The sign-in limit").

    Per account and source: a few tries, so a typo-prone user is stopped early and an
    attacker from one address cannot lock the user out from elsewhere. Per source: any
    accounts together. Per account: a larger, slower budget over all sources, which bounds
    guessing from many addresses and takes many addresses to exhaust.
    """
    window = settings.enrol_window_s
    found = [Budget(f"addr:{address}", settings.enrol_max_failures_per_address, window)]
    if username is not None:
        found += [Budget(f"pair:{username}@{address}", settings.enrol_max_failures_per_user, window),
                  Budget(f"user:{username}", settings.enrol_max_failures_per_account,
                         settings.enrol_account_window_s)]
    return found


@dataclass(frozen=True)
class Attempt:
    """A sign-in that holds its place in the budgets: counted as failed unless it succeeds."""

    row_ids: tuple[int, ...]
    pair_key: str | None


def reserve_attempt(engine: sa.Engine, budgets: list[Budget]) -> Attempt:
    """Count this attempt against each budget before its password is checked, or RateLimited.

    The count and the reservation are one transaction holding a lock on each key (SQLite:
    the write lock of BEGIN IMMEDIATE; PostgreSQL: a transaction advisory lock per key),
    so parallel attempts are admitted one after another and never more than a budget allows.
    """
    now = time.time()
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            for key in sorted(b.key for b in budgets):  # one order: no deadlock between keys
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(hashtextextended(:k, 0))"), {"k": key})
        longest = max(b.window_s for b in budgets)
        conn.execute(login_failures.delete().where(login_failures.c.at < now - longest))
        for budget in budgets:
            count, oldest = conn.execute(
                sa.select(sa.func.count(), sa.func.min(login_failures.c.at))
                .where(login_failures.c.key == budget.key, login_failures.c.at >= now - budget.window_s)
            ).one()
            if int(count) >= budget.allowed:
                wait = max(1, int(float(oldest or now) + budget.window_s - now) + 1)
                minutes = max(1, (wait + 59) // 60)
                raise RateLimited(f"Too many failed sign-ins; wait {minutes} minutes and try again, "
                                  "or ask IT.", wait)
        ids = [conn.execute(login_failures.insert().values(key=b.key, at=now)
                            .returning(login_failures.c.id)).scalar_one() for b in budgets]
    pair = next((b.key for b in budgets if b.key.startswith("pair:")), None)
    return Attempt(tuple(int(i) for i in ids), pair)


def attempt_succeeded(conn: sa.Connection, attempt: Attempt) -> None:
    """Give back the attempt's places (in the caller's transaction), and forgive its source's
    earlier failures for this account; the account's other failures still count."""
    conn.execute(login_failures.delete().where(login_failures.c.id.in_(attempt.row_ids)))
    if attempt.pair_key is not None:
        conn.execute(login_failures.delete().where(login_failures.c.key == attempt.pair_key))


def parse_networks(values: Iterable[str]) -> tuple[IPNetwork, ...]:
    """The trusted proxies' addresses or networks (``10.0.0.5``, ``10.0.0.0/24``), or ValueError."""
    networks: list[IPNetwork] = []
    for value in values:
        try:
            networks.append(ipaddress.ip_network(value.strip(), strict=False))
        except ValueError:
            raise ValueError(f"{value.strip()[:60]!r} is not an IP address or network "
                             "(like 10.0.0.5 or 10.0.0.0/24).") from None
    return tuple(networks)


def is_trusted(address: str, networks: tuple[IPNetwork, ...]) -> bool:
    """Whether `address` is in one of the trusted proxies' networks."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in net for net in networks)


def client_address(peer: str | None, forwarded_for: list[str], trusted: tuple[IPNetwork, ...]) -> str:
    """The address a request came from, for the rate limit.

    `X-Forwarded-For` is believed only when the connection comes from a trusted proxy, and
    then read from the right: each trusted proxy appends the address it saw, so the first
    untrusted hop from the right is the client; whatever the client wrote further left is
    its own claim and ignored.
    """
    address = peer or "unknown"
    if not is_trusted(address, trusted):
        return address
    hops = [h.strip() for line in forwarded_for for h in line.split(",") if h.strip()]
    for hop in reversed(hops):
        if not is_trusted(hop, trusted):
            return hop[:64]
        address = hop
    return address


def request_address(request: Request) -> str:
    """`client_address` of a request, with the proxies the app trusts (`create_app`)."""
    trusted: tuple[IPNetwork, ...] = request.app.state.trusted_proxies
    return client_address(request.client.host if request.client else None,
                          request.headers.getlist("x-forwarded-for"), trusted)
