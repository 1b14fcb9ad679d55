"""How a notice clock reads on screen: time left or overdue, who is still to be told."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from casework import safety
from fieldapp.ui import text

ALERT = QColor("#b71c1c")
RUNNING = QColor("#8a4b00")
DONE = QColor("#1b5e20")


def duration(span: dt.timedelta) -> str:
    """A span as hours and minutes ("5 h 20 min"), whole hours from a day up, days from two days."""
    minutes = max(0, int(span.total_seconds() // 60))
    hours, rest = divmod(minutes, 60)
    if hours >= 48:  # an old concern: days say it better
        days = divmod(hours, 24)[0]  # not `hours // 24` in the call: lupdate 6.11 reads // as a comment
        return QCoreApplication.translate("Safety", "%n day(s)", None, days)
    if hours >= 24 or rest == 0:
        return QCoreApplication.translate("Safety", "%n h", None, hours)
    if hours == 0:
        return QCoreApplication.translate("Safety", "%n min", None, rest)
    return QCoreApplication.translate("Safety", "%1 h %2 min").replace("%1", text.number(hours)).replace("%2", text.number(rest))


def due_in(due_at: dt.datetime, now: dt.datetime) -> str:
    """"3 h 10 min left" or "overdue by 2 h": a notice deadline against `now`."""
    if now > due_at:
        return QCoreApplication.translate("Safety", "overdue by %1").replace("%1", duration(now - due_at))
    return QCoreApplication.translate("Safety", "%1 left").replace("%1", duration(due_at - now))


def recipients(codes: tuple[str, ...] | list[str]) -> str:
    return ", ".join(text.enum_label("notice_recipients", c) for c in codes)


def clock_state(clock: safety.Clock, now: dt.datetime) -> str:
    """One line: "Notices: 5 h 20 min left (police, centre)", "overdue by 3 h", or done."""
    if clock.complete:
        if clock.late():
            return QCoreApplication.translate("Safety", "All notices given, late: %1").replace("%1", recipients(clock.late()))
        return QCoreApplication.translate("Safety", "All notices given within the day")
    missing = recipients(clock.missing)
    if clock.overdue(now):
        return (QCoreApplication.translate("Safety", "Notices overdue by %1: %2").replace("%1", duration(now - clock.due_at))
                .replace("%2", missing))
    return QCoreApplication.translate("Safety", "Notices: %1 left: %2").replace("%1", duration(clock.left(now))).replace("%2", missing)


def colour(clock: safety.Clock, now: dt.datetime) -> QColor:
    if clock.overdue(now):
        return ALERT
    return DONE if clock.complete else RUNNING


def level(code: str | None) -> str:
    return text.enum_label("safety_levels", code) if code else QCoreApplication.translate("Safety", "not assessed yet")


def now() -> dt.datetime:
    """The moment the screens measure clocks against (an aware local time)."""
    return dt.datetime.now(dt.UTC).astimezone()
