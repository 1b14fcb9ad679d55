"""The server's settings, and the points where a test suite plugs in (never switched on by
configuration: only code that builds the app can pass them)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Settings:
    """What IT configures: the database, the enrolment rate limit, retention."""

    database_url: str
    enrol_max_failures_per_user: int = 5
    enrol_max_failures_per_address: int = 30
    enrol_window_s: float = 900.0
    # Closed households leave caseworkers' laptops this many days after closing (checked hourly).
    retention_days: int | None = None
    # The organisation's small-count policy: report counts below it show as "<N" (GET /reports).
    report_threshold: int = 5


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
