"""Stored values as a person reads them: labels for codes, names for ids, dates in the locale.

Pure Python: the caller passes how to translate and how to format dates, so
the same code serves Qt screens and files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from casework import codifier, dates
from casework.enums import enumeration
from casework.i18n import QT_TRANSLATE_NOOP, Message, Translate
from casework.records import field_spec
from casework.values import Kind, is_empty

YES = QT_TRANSLATE_NOOP("Display", "yes")
NO = QT_TRANSLATE_NOOP("Display", "no")
EMPTY = "—"

# The fixed choices of status-like fields (Kind.CHOICE in casework.schemas), as a person reads
# them: a supervisor's queue must never show "active" or "in_progress".
CHOICE_LABELS: dict[str, tuple[str, str]] = {
    "active": QT_TRANSLATE_NOOP("Display", "active"),
    "closed": QT_TRANSLATE_NOOP("Display", "closed"),
    "draft": QT_TRANSLATE_NOOP("Display", "draft"),
    "submitted": QT_TRANSLATE_NOOP("Display", "submitted for review"),
    "approved": QT_TRANSLATE_NOOP("Display", "approved"),
    "returned": QT_TRANSLATE_NOOP("Display", "returned for correction"),
    "outgoing": QT_TRANSLATE_NOOP("Display", "outgoing"),
    "incoming": QT_TRANSLATE_NOOP("Display", "incoming"),
    "sent": QT_TRANSLATE_NOOP("Display", "sent"),
    "accepted": QT_TRANSLATE_NOOP("Display", "accepted"),
    "refused": QT_TRANSLATE_NOOP("Display", "refused"),
    "completed": QT_TRANSLATE_NOOP("Display", "completed"),
    "planned": QT_TRANSLATE_NOOP("Display", "planned"),
    "in_progress": QT_TRANSLATE_NOOP("Display", "in progress"),
    "done": QT_TRANSLATE_NOOP("Display", "done"),
    "postponed": QT_TRANSLATE_NOOP("Display", "postponed"),
    "cancelled": QT_TRANSLATE_NOOP("Display", "cancelled"),
    "pending": QT_TRANSLATE_NOOP("Display", "pending"),
    "granted": QT_TRANSLATE_NOOP("Display", "granted"),
    "unknown": QT_TRANSLATE_NOOP("Display", "not known"),
}


def _identity(context: str, source: str) -> str:
    return source


def person_name(person: Mapping[str, Any]) -> str:
    return " ".join(str(person.get(k)) for k in ("surname", "given_name", "patronymic") if person.get(k))


def display_value(
    collection: str,
    field: str,
    value: Any,
    *,
    lang: str = "en",
    translate: Translate = _identity,
    people: Mapping[str, str] | None = None,
    date: Callable[[dt.date], str] = dt.date.isoformat,
    moment: Callable[[dt.datetime], str] = lambda m: m.strftime("%Y-%m-%d %H:%M"),
) -> str:
    """`value` of `field` of a `collection` record, for reading. `people` maps person ids to names."""
    if is_empty(value):
        return EMPTY
    spec = field_spec(collection, field)
    kind = spec.kind if spec else None
    names = people or {}
    if isinstance(value, bool):
        return Message.of(YES if value else NO).render(translate)
    if kind is Kind.ENUM and spec and spec.enum:
        return enumeration(spec.enum).label(str(value), lang)
    if kind is Kind.ENUMS and spec and spec.enum and isinstance(value, list):
        enum = enumeration(spec.enum)
        return "; ".join(enum.label(str(v), lang) for v in value)
    if kind is Kind.CHOICE and str(value) in CHOICE_LABELS:
        return Message.of(CHOICE_LABELS[str(value)]).render(translate)
    if kind is Kind.KATOTTG:
        return codifier.display_name(value) if codifier.unit(value) else str(value)
    if kind is Kind.REF:
        return names.get(value, EMPTY)
    if kind is Kind.REFS and isinstance(value, list):
        return ", ".join(names.get(v, EMPTY) for v in value)
    if kind is Kind.DATE:
        day = dates.parse_date(value)
        return str(value) if day is None else date(day)
    if kind is Kind.DATETIME:
        when = dates.parse_datetime(value)
        return str(value) if when is None else moment(when)
    if field == "services" and isinstance(value, list):
        services = enumeration("services")
        lines = []
        for item in value:
            if isinstance(item, Mapping):
                text = f"{item.get('code')} {services.label(str(item.get('code')), lang)}"
                if item.get("recipient_id") in names:
                    text += f" — {names[item['recipient_id']]}"
                lines.append(text)
        return "; ".join(lines)
    if field == "factors" and isinstance(value, list):
        factors = enumeration("circumstance_factors")
        return "; ".join(factors.label(str(i.get("code")), lang) for i in value if isinstance(i, Mapping))
    if isinstance(value, list):
        parts = []
        for item in value:
            if isinstance(item, Mapping):
                text = str(item.get("text") or item.get("field") or "")
                if item.get("due"):
                    due = dates.parse_date(item["due"])
                    text += f" ({item['due'] if due is None else date(due)})"
                parts.append(text)
            else:
                parts.append(str(item))
        return "; ".join(p for p in parts if p) or EMPTY
    return str(value)
