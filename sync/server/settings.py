"""The server's settings, and the points where a test suite plugs in (never switched on by
configuration: only code that builds the app can pass them)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Settings:
    """What IT configures: the database, the sign-in rate limit, proxies, limits, retention."""

    database_url: str
    # Failed sign-ins per account from one address, and per address over all accounts, in
    # the window; and per account over all addresses in the longer window (docs/server.md).
    enrol_max_failures_per_user: int = 5
    enrol_max_failures_per_address: int = 30
    enrol_window_s: float = 900.0
    enrol_max_failures_per_account: int = 50
    enrol_account_window_s: float = 3600.0
    # Addresses or networks of reverse proxies whose X-Forwarded-For is believed.
    trusted_proxies: tuple[str, ...] = ()
    # A request body after gunzip, at most (the wire limit is the protocol's MAX_BODY_BYTES).
    max_inflated_bytes: int = 4_000_000
    # /docs and /openapi.json: off unless IT turns them on (they map the attack surface).
    api_docs: bool = False
    # Closed households leave caseworkers' laptops this many days after closing (checked hourly).
    retention_days: int | None = None
    # The organisation's small-count policy: report counts below it show as "<N" (GET /reports).
    report_threshold: int = 5
    # The organisation's language of GET /reports when neither ?lang= nor Accept-Language asks.
    report_language: str = "en"
    # Attachments: the largest file, what one laptop may upload in all, and the room of the whole
    # server (None: as much as the database takes); over them an upload answers before any byte.
    attachment_max_bytes: int = 25 * 1024 * 1024
    attachment_device_bytes: int = 4 * 1024 * 1024 * 1024
    attachment_storage_bytes: int | None = None


@dataclass(frozen=True)
class Hooks:
    """Moments a test can act at; production passes none.

    `push_numbered` runs after a push has numbered its rows and before it
    commits (the concurrency test widens that window); `pull_page_read` runs
    after a pull has read its page and before it is audited (a test revokes
    the device there).
    """

    push_numbered: Callable[[], None] | None = None
    pull_page_read: Callable[[], None] | None = None
