"""Dates and times, read and shown one way.

Records keep dates as ISO ``YYYY-MM-DD`` and moments as ISO 8601 with a UTC
offset; `parse_date` and `parse_datetime` read them (None for anything
else). People type dates as ``ДД.ММ.РРРР`` (also ``31/12/2026`` or ISO):
`read_date` turns that into ISO, and `typed_date_problem` says why a typed
text is not a date, so that an impossible day (31.02.2027) is told apart
from a wrong format. `date_pattern` and `format_date` show a date the way
the program's language writes it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from casework.i18n import QT_TRANSLATE_NOOP, Message

# Years a caseworker can mean; anything outside is a typing slip (a birth in 1026, a visit in 20026).
MIN_YEAR, MAX_YEAR = 1900, 2200

NOT_DATE = QT_TRANSLATE_NOOP("Validation", "Enter a date as DD.MM.YYYY.")
NO_SUCH_DAY = QT_TRANSLATE_NOOP("Validation", "There is no such day in that month: check the day and the month.")
NOT_TIME = QT_TRANSLATE_NOOP("Validation", "Enter a time as HH:MM, for example 14:30.")
NOT_DATETIME = QT_TRANSLATE_NOOP("Validation", "Enter both the date and the time.")

_TYPED_DATE = re.compile(r"^\s*(\d{1,2})[./\-\s](\d{1,2})[./\-\s](\d{4})\s*$")
_TYPED_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_TYPED_TIME = re.compile(r"^\s*(\d{1,2})[:.\s]?(\d{2})\s*$")
_TIME = re.compile(r"^\d{2}:\d{2}$")
# How each language writes a date (Qt's notation: QDateEdit takes it as it is).
_PATTERNS = {"uk": "dd.MM.yyyy", "en": "dd/MM/yyyy"}


# -- what records hold ----------------------------------------------------------------


def parse_date(value: Any) -> dt.date | None:
    """The date of an ISO ``YYYY-MM-DD`` string; None for anything else."""
    if not isinstance(value, str) or len(value) != 10:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def parse_datetime(value: Any) -> dt.datetime | None:
    """The moment of an ISO 8601 string with a UTC offset; None without one or for anything else."""
    if not isinstance(value, str):
        return None
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None


def parse_time(value: Any) -> dt.time | None:
    """The time of ``HH:MM``; None for anything else."""
    if not isinstance(value, str) or not _TIME.match(value):
        return None
    try:
        return dt.time.fromisoformat(value)
    except ValueError:
        return None


def day_of(value: Any) -> dt.date | None:
    """The calendar day of a stored date or moment (the first ten characters of either)."""
    return parse_date(value[:10]) if isinstance(value, str) else None


def in_range(day: dt.date) -> bool:
    """Whether a date's year is one a caseworker can mean (MIN_YEAR..MAX_YEAR)."""
    return MIN_YEAR <= day.year <= MAX_YEAR


# -- what a person types --------------------------------------------------------------


def _typed_parts(text: str) -> tuple[int, int, int] | None:
    m = _TYPED_DATE.match(text)
    if m:
        day, month, year = (int(g) for g in m.groups())
        return year, month, day
    m = _TYPED_ISO.match(text)
    if m:
        year, month, day = (int(g) for g in m.groups())
        return year, month, day
    return None


def read_date(text: str) -> str | None:
    """An ISO date from what a person typed (31.12.2026, 31/12/2026, 2026-12-31), or None."""
    parts = _typed_parts(text)
    if parts is None:
        return None
    try:
        return dt.date(*parts).isoformat()
    except ValueError:
        return None


def read_time(text: str) -> str | None:
    """``HH:MM`` from what a person typed (9:30, 0930, 9.30), or None."""
    m = _TYPED_TIME.match(text)
    if not m:
        return None
    hour, minute = int(m.group(1)), int(m.group(2))
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def typed_date_problem(value: Any) -> Message:
    """Why `value` is not a date: a day the month does not have, or not a date at all."""
    parts = _typed_parts(value) if isinstance(value, str) else None
    if parts is not None and parts[0] >= 1 and 1 <= parts[1] <= 12 and parts[2] >= 1:
        try:
            dt.date(*parts)
        except ValueError:
            return Message.of(NO_SUCH_DAY)  # the shape is right, the calendar has no such day
    return Message.of(NOT_DATE)


def typed_datetime_problem(value: Any) -> Message:
    """Why `value` is not a moment: an impossible day typed with a time, or not both given."""
    if isinstance(value, str):
        day = value.strip().partition(" ")[0].partition("T")[0]
        if typed_date_problem(day).source == NO_SUCH_DAY[1]:
            return Message.of(NO_SUCH_DAY)
    return Message.of(NOT_DATETIME)


# -- how a date is shown ------------------------------------------------------------


def date_pattern(lang: str) -> str:
    """How `lang` writes a date, in Qt's notation (``dd.MM.yyyy``; English ``dd/MM/yyyy``)."""
    return _PATTERNS.get(lang, _PATTERNS["en"])


def format_date(value: str | dt.date | None, lang: str) -> str:
    """A date (or a stored date or moment) as `lang` writes it; "" for nothing, the text itself when unreadable."""
    if value is None or value == "":
        return ""
    day = value if isinstance(value, dt.date) else day_of(value)
    if day is None:
        return str(value)
    sep = "." if lang == "uk" else "/"
    return f"{day.day:02d}{sep}{day.month:02d}{sep}{day.year:04d}"


def format_datetime(moment: dt.datetime, lang: str) -> str:
    """A moment in this computer's local time, as `lang` writes a date, then ``HH:MM``."""
    local = moment.astimezone() if moment.tzinfo is not None else moment
    return f"{format_date(local.date(), lang)} {local:%H:%M}"
