"""One rule for one value: its kind, its choices, whether it is required, its ranges and lengths.

Both the record schemas (`casework.records`) and the form engine
(`casework.forms`) check values here, so that a value gets the same verdict
and the same sentence wherever it is typed or stored. A form question that
fills a record field is checked by the record field's rule first; what the
form adds (narrower choices or bounds, a pattern, its own sentence) is a
second rule on top.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from casework import dates
from casework.enums import enumeration
from casework.i18n import QT_TRANSLATE_NOOP, Message
from casework.ids import is_uuid

_KATOTTG = re.compile(r"^UA\d{17}$")
_PHONE = re.compile(r"^\+?[0-9][0-9 ()\-]{5,19}$")

REQUIRED = QT_TRANSLATE_NOOP("Validation", "This field is required.")
NOT_TEXT = QT_TRANSLATE_NOOP("Validation", "Enter text here.")
ONE_LINE = QT_TRANSLATE_NOOP("Validation", "Keep this on one line.")
TOO_LONG = QT_TRANSLATE_NOOP("Validation", "Too long: at most {max} characters.")
PATTERN = QT_TRANSLATE_NOOP("Validation", "This does not look right.")
NOT_NUMBER = QT_TRANSLATE_NOOP("Validation", "Enter a whole number.")
BETWEEN = QT_TRANSLATE_NOOP("Validation", "Enter a number from {min} to {max}.")
TOO_SMALL = QT_TRANSLATE_NOOP("Validation", "Enter a number of at least {min}.")
TOO_BIG = QT_TRANSLATE_NOOP("Validation", "Enter a number of at most {max}.")
NOT_YESNO = QT_TRANSLATE_NOOP("Validation", "Answer yes or no.")
DATE_RANGE = QT_TRANSLATE_NOOP("Validation", "This date looks wrong: check the year.")
FUTURE = QT_TRANSLATE_NOOP("Validation", "This date is in the future.")
NOT_CHOICE = QT_TRANSLATE_NOOP("Validation", "Choose a value from the list.")
NOT_CHOICES = QT_TRANSLATE_NOOP("Validation", "Choose values from the list.")
TWICE = QT_TRANSLATE_NOOP("Validation", "Each value may be chosen once.")
NOT_PLACE = QT_TRANSLATE_NOOP("Validation", "Choose a place from the codifier (KATOTTH).")
NOT_PHONE = QT_TRANSLATE_NOOP("Validation", "Enter a phone number in digits, for example +380 67 123 4567.")
NOT_REF = QT_TRANSLATE_NOOP("Validation", "Choose a record from the list.")
NOT_REFS = QT_TRANSLATE_NOOP("Validation", "Choose records from the list.")
NOT_LIST = QT_TRANSLATE_NOOP("Validation", "This must be a list.")


class Kind(Enum):
    TEXT = "text"  # one line
    LONGTEXT = "longtext"  # notes, descriptions
    INT = "int"
    BOOL = "bool"
    DATE = "date"  # YYYY-MM-DD
    DATETIME = "datetime"  # ISO 8601 with offset
    TIME = "time"  # HH:MM (form answers only)
    ENUM = "enum"  # one code of `enum`, or of `choices`
    ENUMS = "enums"  # a list of codes of `enum`, or of `choices`
    RATING = "rating"  # a whole number whose digits are one of `choices` (form answers only)
    KATOTTG = "katottg"  # a code of the codifier, UA + 17 digits
    PHONE = "phone"
    REF = "ref"  # the id of another record
    REFS = "refs"
    ITEMS = "items"  # a list of small objects, checked by `item_check`
    CHOICE = "choice"  # one of the fixed `choices` (protocol states, not law)


@dataclass(frozen=True, kw_only=True)
class Rule:
    """What a value must be. `choices`, when given, narrow `enum`'s codes; `message` replaces
    every sentence of this rule (a form definition's own wording)."""

    kind: Kind
    required: bool = False
    enum: str | None = None
    choices: tuple[str, ...] = ()
    max_len: int | None = None
    minimum: float | None = None
    maximum: float | None = None
    not_future: bool = False
    pattern: str | None = None
    item_check: Callable[[Any], Message | None] | None = None
    message: Message | None = None

    def allows(self, code: Any) -> bool:
        """Whether `code` is one of the rule's codes (its choices, else its enumeration's)."""
        if self.choices:
            return code in self.choices
        return self.enum is not None and code in enumeration(self.enum)


def is_empty(value: Any) -> bool:
    """No answer: None, blank text, an empty list or an empty object."""
    if isinstance(value, str):
        return not value.strip()
    return value is None or value == [] or value == {}


def check(rule: Rule, value: Any, today: dt.date | None = None, *, enforce_required: bool = True) -> Message | None:
    """What is wrong with `value` under `rule`; None when it is fine.

    An empty value is wrong only when the rule requires one (and `enforce_required`:
    a draft may have gaps).
    """
    if is_empty(value):
        return Message.of(REQUIRED) if rule.required and enforce_required else None
    problem = _check_filled(rule, value, today or dt.date.today())
    if problem is not None and rule.message is not None:
        return rule.message
    return problem


def _check_filled(rule: Rule, value: Any, today: dt.date) -> Message | None:
    k = rule.kind
    if k is Kind.KATOTTG:
        return None if isinstance(value, str) and _KATOTTG.match(value) else Message.of(NOT_PLACE)
    if k is Kind.PHONE:
        return None if isinstance(value, str) and _PHONE.match(value.strip()) else Message.of(NOT_PHONE)
    if k in (Kind.TEXT, Kind.LONGTEXT):
        return _check_text(rule, value) if isinstance(value, str) else Message.of(NOT_TEXT)
    if k in (Kind.INT, Kind.RATING):
        if not isinstance(value, int) or isinstance(value, bool):
            return Message.of(NOT_NUMBER if k is Kind.INT else NOT_CHOICE)
        if k is Kind.RATING:
            return None if rule.allows(str(value)) else Message.of(NOT_CHOICE)
        return _check_range(rule, value)
    if k is Kind.BOOL:
        return None if isinstance(value, bool) else Message.of(NOT_YESNO)
    if k is Kind.DATE:
        day = dates.parse_date(value)
        if day is None:
            return dates.typed_date_problem(value)
        return _check_day(rule, day, today)
    if k is Kind.DATETIME:
        moment = dates.parse_datetime(value)
        if moment is None:
            return dates.typed_datetime_problem(value)
        return None if dates.in_range(moment.date()) else Message.of(DATE_RANGE)
    if k is Kind.TIME:
        return None if dates.parse_time(value) is not None else Message.of(dates.NOT_TIME)
    if k in (Kind.ENUM, Kind.CHOICE):
        return None if rule.allows(value) else Message.of(NOT_CHOICE)
    if k is Kind.ENUMS:
        if not isinstance(value, list) or not all(rule.allows(v) for v in value):
            return Message.of(NOT_CHOICES)
        return None if len(set(value)) == len(value) else Message.of(TWICE)
    if k is Kind.REF:
        return None if is_uuid(value) else Message.of(NOT_REF)
    if k is Kind.REFS:
        ok = isinstance(value, list) and all(is_uuid(v) for v in value)
        return None if ok else Message.of(NOT_REFS)
    # Kind.ITEMS
    if not isinstance(value, list):
        return Message.of(NOT_LIST)
    if rule.item_check is not None:
        for item in value:
            problem = rule.item_check(item)
            if problem is not None:
                return problem
    return None


def _check_text(rule: Rule, value: str) -> Message | None:
    if rule.kind is Kind.TEXT and ("\n" in value or "\r" in value):
        return Message.of(ONE_LINE)
    if rule.max_len is not None and len(value) > rule.max_len:
        return Message.of(TOO_LONG, max=rule.max_len)
    if rule.pattern and not re.fullmatch(rule.pattern, value.strip()):
        return Message.of(PATTERN)
    return None


def _check_range(rule: Rule, value: int) -> Message | None:
    low, high = rule.minimum, rule.maximum
    if (low is None or value >= low) and (high is None or value <= high):
        return None
    if low is not None and high is not None:
        return Message.of(BETWEEN, min=_number(low), max=_number(high))
    return Message.of(TOO_SMALL, min=_number(low)) if low is not None else Message.of(TOO_BIG, max=_number(high))


def _number(bound: float | None) -> int | float | None:
    return int(bound) if isinstance(bound, float) and bound.is_integer() else bound


def _check_day(rule: Rule, day: dt.date, today: dt.date) -> Message | None:
    if not dates.in_range(day):
        return Message.of(DATE_RANGE)
    if rule.not_future and day > today:
        return Message.of(FUTURE)
    return None

