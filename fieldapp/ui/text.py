"""What the screens show for a value: dates as the program's language writes them (casework.dates),
numbers in the locale's format, ages,
enumeration labels in the program's language, places, translated messages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from casework import codifier, dates
from casework import records as domain
from casework.display import display_value, person_name  # noqa: F401 - person_name: for the screens
from casework.enums import enumeration
from casework.i18n import Message


def lang() -> str:
    """The program's language, "uk" or "en"."""
    app = QCoreApplication.instance()
    value = app.property("fieldapp_lang") if app is not None else None
    return value if value in ("uk", "en") else "en"


def enum_label(name: str, code: str | None) -> str:
    return enumeration(name).label(code, lang()) if code else ""


def enum_labels(name: str, codes: list[str] | None) -> str:
    return ", ".join(enum_label(name, c) for c in codes or [])


def message(msg: Message) -> str:
    """A domain or store message in the program's language."""
    return msg.render(QCoreApplication.translate)


def field_label(collection: str, name: str) -> str:
    spec = domain.field_spec(collection, name)
    return QCoreApplication.translate(*spec.label) if spec else name


def place(code: str | None) -> str:
    return _place(code) if code else ""


@lru_cache(maxsize=4096)
def _place(code: str) -> str:
    # display_name looks for namesakes in the raion: worth keeping for a table's repaints.
    return codifier.display_name(code)


def date_format() -> str:
    """How the program's language writes a date, in Qt's notation (for QDateEdit)."""
    return dates.date_pattern(lang())


def parse_date(value: str | None) -> dt.date | None:
    """The day of a stored date or moment."""
    return dates.day_of(value)


def date(value: str | dt.date | None) -> str:
    """A date as the program's language writes it (four-digit year); "" for nothing."""
    if isinstance(value, dt.date):
        return dates.format_date(value, lang())
    day = dates.day_of(value)
    return "" if day is None else dates.format_date(day, lang())


def datetime(value: str | None) -> str:
    """A moment (ISO 8601 with offset) in local time, as the program's language writes it."""
    if not value:
        return ""
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return value
    return dates.format_datetime(moment, lang())


def number(value: int) -> str:
    return QLocale().toString(value)


def age(birth_date: str | None, today: dt.date | None = None) -> str:
    """Age in years; in years and months under 3, in months under 1, in days under a month."""
    born = parse_date(birth_date)
    if born is None:
        return ""
    today = today or dt.date.today()
    months = (today.year - born.year) * 12 + today.month - born.month - (today.day < born.day)
    if months < 0 or born > today:
        return ""
    if months == 0:  # a newborn: "12 днів", never "0 місяців"
        days = (today - born).days
        return QCoreApplication.translate("Age", "%n day(s)", "", days)
    years, rest = divmod(months, 12)
    month_text = QCoreApplication.translate("Age", "%n month(s)", "", rest)
    if years == 0:
        return month_text
    year_text = QCoreApplication.translate("Age", "%n year(s)", "", years)
    return f"{year_text} {month_text}" if years < 3 and rest else year_text


def age_years(birth_date: str | None, today: dt.date | None = None) -> int | None:
    born = parse_date(birth_date)
    if born is None:
        return None
    today = today or dt.date.today()
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def record_value(collection: str, field: str, value: Any, people: Mapping[str, str] | None = None) -> str:
    """A record's value for reading: labels for codes, `people`'s names for person ids, local dates."""
    return display_value(collection, field, value, lang=lang(), translate=QCoreApplication.translate,
                         people=people, date=date, moment=lambda m: datetime(m.isoformat()))
