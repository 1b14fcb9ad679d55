"""Dates and times, read and shown one way.

Records keep dates as ISO ``YYYY-MM-DD`` and moments as ISO 8601 with a UTC
offset; `parse_date` and `parse_datetime` read them (None for anything
else). People type dates as ``ДД.ММ.РРРР`` (also ``14.3.1990``, ``14031990``,
``31/12/2026`` or ISO): `read_date` turns that into ISO, and
`typed_date_problem` says why a typed text is not a date, naming what is
wrong ("February 2027 has 28 days", "there is no month 13") rather than
only that the format is wrong. `date_pattern` and `format_date` show a date the way
the program's language writes it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

from casework.i18n import QT_TRANSLATE_NOOP, Message

# Years a caseworker can mean; anything outside is a typing slip (a birth in 1026, a visit in 20026).
MIN_YEAR, MAX_YEAR = 1900, 2200

NOT_DATE = QT_TRANSLATE_NOOP("Validation", "Enter a date as DD.MM.YYYY.")
SHORT_YEAR = QT_TRANSLATE_NOOP("Validation", "Write the year in full, with four digits (1990, not 90).")
NO_MONTH = QT_TRANSLATE_NOOP("Validation", "There is no month {month}: months go from 1 to 12.")
NO_DAY = QT_TRANSLATE_NOOP("Validation", "There is no day {day} in any month: days go from 1 to 31.")
# A day past the month's end: the month is named, February with its year (28 or 29 days).
FEBRUARY_28 = QT_TRANSLATE_NOOP("Validation", "February {year} has 28 days.")
FEBRUARY_29 = QT_TRANSLATE_NOOP("Validation", "February {year} has 29 days.")
_SHORT_MONTHS = {
    4: QT_TRANSLATE_NOOP("Validation", "April has 30 days."),
    6: QT_TRANSLATE_NOOP("Validation", "June has 30 days."),
    9: QT_TRANSLATE_NOOP("Validation", "September has 30 days."),
    11: QT_TRANSLATE_NOOP("Validation", "November has 30 days."),
}
# The messages that name a wrong day or month (not a wrong format).
IMPOSSIBLE = frozenset(m[1] for m in (NO_MONTH, NO_DAY, FEBRUARY_28, FEBRUARY_29, *_SHORT_MONTHS.values()))
NOT_TIME = QT_TRANSLATE_NOOP("Validation", "Enter a time as HH:MM, for example 14:30.")
NOT_DATETIME = QT_TRANSLATE_NOOP("Validation", "Enter both the date and the time.")

_TYPED_DATE = re.compile(r"^\s*(\d{1,2})[./\-\s](\d{1,2})[./\-\s](\d{4})\s*$")
_TYPED_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_TYPED_DIGITS = re.compile(r"^\s*(\d{2})(\d{2})(\d{4})\s*$")  # 14031990: DDMMYYYY without separators
_TYPED_SHORT_YEAR = re.compile(r"^\s*\d{1,2}[./\-\s]\d{1,2}[./\-\s]\d{2}\s*$")
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
    m = _TYPED_DIGITS.match(text)
    if m:
        day, month, year = (int(g) for g in m.groups())
        return year, month, day
    m = _TYPED_ISO.match(text)
    if m:
        year, month, day = (int(g) for g in m.groups())
        return year, month, day
    return None


def typed_parts(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) as typed, not checked against the calendar; None when the shape is not a date's."""
    return _typed_parts(text) if isinstance(text, str) else None


def read_date(text: str) -> str | None:
    """An ISO date from what a person typed (31.12.2026, 1.2.2027, 31122026, 31/12/2026, 2026-12-31), or None."""
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
    """Why `value` is not a date: which day or month does not exist, a short year, or not a date at all."""
    parts = typed_parts(value) if isinstance(value, str) else None
    if parts is None:
        short = isinstance(value, str) and _TYPED_SHORT_YEAR.match(value)
        return Message.of(SHORT_YEAR if short else NOT_DATE)
    year, month, day = parts
    if not 1 <= month <= 12:
        return Message.of(NO_MONTH, month=month)
    if not 1 <= day <= 31:
        return Message.of(NO_DAY, day=day)
    if day > calendar.monthrange(year, month)[1]:
        if month == 2:
            return Message.of(FEBRUARY_29 if calendar.isleap(year) else FEBRUARY_28, year=year)
        return Message.of(_SHORT_MONTHS[month])
    return Message.of(NOT_DATE)  # a real day, but not as a record keeps it (ISO)


def typed_datetime_problem(value: Any) -> Message:
    """Why `value` is not a moment: an impossible day typed with a time, or not both given."""
    if isinstance(value, str):
        day = value.strip().partition(" ")[0].partition("T")[0]
        problem = typed_date_problem(day)
        if problem.source in IMPOSSIBLE:
            return problem
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
