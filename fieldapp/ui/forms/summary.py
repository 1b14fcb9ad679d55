"""A saved form's answers as readable lines (label, value), for a reviewer who reads the record:
the report on the results of support is mostly answers, not record fields."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication

from casework import dates, forms
from casework.forms import Item, Member
from casework.forms.definitions import FormDefinitionError
from casework.values import is_empty


def answer_text(item: Item, value: Any, people: Mapping[str, str], lang: str) -> str:
    """An answer as the form words it: a choice's label, a person's name, a date as the language writes it."""
    return _value(item, value, people, lang)


def _value(item: Item, value: Any, people: Mapping[str, str], lang: str) -> str:
    def choice(code: Any) -> str:
        c = item.choice(code)
        return c.label(lang) if c else str(code)

    if item.type == "yesno" and item.widget == "check":  # a confirmation: ticked, or not given
        return QCoreApplication.translate("FormEditors", "Confirmed") if value else ""
    if item.type == "yesno":
        return QCoreApplication.translate("FormEditors", "Yes") if value else QCoreApplication.translate("FormEditors", "No")
    if item.type == "date":
        day = dates.day_of(value)
        return dates.format_date(day, lang) if day else str(value)
    if item.type == "datetime":
        try:
            return dates.format_datetime(dt.datetime.fromisoformat(str(value)), lang)
        except ValueError:
            return str(value)
    if item.type in ("single", "rating"):
        return choice(value)
    if item.type in ("multiple", "checklist"):
        return ", ".join(choice(v) for v in value)
    if item.type == "person":
        return people.get(str(value), "")
    if item.type == "persons":
        return ", ".join(people.get(str(v), "") for v in value)
    if item.type == "repeat":
        rows = []
        for row in value if isinstance(value, list) else []:
            parts = [_value(sub, row[sub.key], people, lang) for sub in item.items
                     if sub.key and isinstance(row, dict) and not is_empty(row.get(sub.key))]
            rows.append(" — ".join(p for p in parts if p))
        return "\n".join(rows)
    return str(value)


def answer_lines(record: Mapping[str, Any], form_id: str, members: Sequence[Member], people: Mapping[str, str],
                 lang: str) -> list[tuple[str, str]]:
    """The form's own answers (dotted keys) the record holds, as (question, answer) in the form's order."""
    try:
        definition = forms.form_for_record(record, form_id)
    except FormDefinitionError:
        return []
    out = []
    for f in forms.fields(definition, members):
        value = record.get(f.key)
        if "." in f.key and not f.key.startswith("form.") and not is_empty(value):
            out.append((f.item.text("label", lang), _value(f.item, value, people, lang)))
    return out
