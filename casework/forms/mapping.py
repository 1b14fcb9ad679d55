"""Answers of a form <-> the fields of its record: what a submission writes, what a form opens with."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import Any

from casework import records
from casework.forms.definitions import FormDefinition
from casework.forms.pages import Member, fields, relevant_keys
from casework.forms.validation import check_value
from casework.records import Problem
from casework.values import is_empty

ROW_ID = "id"  # the key of a row's own id in a repeat with row_ids (casework.forms.definitions)


def _clean_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for row in rows:
        kept = {k: v for k, v in row.items() if not is_empty(v)}
        if set(kept) - {ROW_ID}:  # a row with nothing but its id was added and left empty
            out.append(kept)
    return out


def to_record_fields(
    form: FormDefinition,
    answers: Mapping[str, Any],
    members: Sequence[Member] = (),
    *,
    review_status: str | None = None,
    submit: bool = False,
) -> dict[str, Any]:
    """The record's fields for these answers: every question's key, None where empty or irrelevant.

    None removes a field on update (store.Transaction.update) and is dropped on create.
    Adds form_id/form_version (or, where the collection has no such fields, the dotted
    ``form.id``/``form.version``), the review status where the collection is reviewed,
    and on submission the definition's ``submit_sets``.
    """
    relevant = relevant_keys(form, members, answers)
    out: dict[str, Any] = {}
    for f in fields(form, members):
        value = answers.get(f.key)
        if f.key not in relevant or is_empty(value):
            out[f.key] = None
        elif f.item.type == "repeat" and isinstance(value, list):
            out[f.key] = _clean_rows(value) or None
        elif isinstance(value, str) and f.item.type in ("text", "longtext"):
            out[f.key] = value.strip() if f.item.type == "text" else value.rstrip()
        else:
            out[f.key] = value
    if form.keeps_form_id:
        out["form_id"], out["form_version"] = form.id, form.version
    else:
        out["form.id"], out["form.version"] = form.id, form.version
    if review_status is not None and form.has_review:
        out["review_status"] = review_status
    if submit:
        out.update(form.submit_sets)
    return out


def _months_on(default: str) -> int | None:
    """The months of a default "today+6m" (a plan's term); None for any other default."""
    m = re.fullmatch(r"today\+(\d{1,2})m", default)
    return int(m.group(1)) if m else None


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later; the month's last day when it has no such day (31.08 + 6 -> 28.02)."""
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last))


def default_answers(form: FormDefinition, members: Sequence[Member] = (), now: dt.datetime | None = None) -> dict[str, Any]:
    """The answers a new form starts with: the definition's defaults ("now", "today", values)."""
    now = now or dt.datetime.now().astimezone()
    out: dict[str, Any] = {}
    for f in fields(form, members):
        d = f.item.default
        if d is None:
            continue
        if d == "now" and f.item.type == "datetime":
            out[f.key] = now.replace(second=0, microsecond=0).isoformat()
        elif d == "today" and f.item.type == "date":
            out[f.key] = now.date().isoformat()
        elif isinstance(d, str) and f.item.type == "date" and (months := _months_on(d)) is not None:
            out[f.key] = add_months(now.date(), months).isoformat()
        elif check_value(f.item, d, members) is None:
            out[f.key] = d
    return out


def answers_from_record(form: FormDefinition, record: Mapping[str, Any], members: Sequence[Member] = ()) -> dict[str, Any]:
    """The answers a saved record holds for this form's questions."""
    out = {}
    for f in fields(form, members):
        if f.key in record and record[f.key] is not None:
            out[f.key] = record[f.key]
    return out


def initial_answers(form: FormDefinition, record: Mapping[str, Any] | None, members: Sequence[Member] = ()) -> dict[str, Any]:
    """What a form opens with: a record made with this form shows its answers; otherwise the
    defaults, under what a record (e.g. the household, for a closure) already holds."""
    made_here = record is not None and (record.get("form_id") or record.get("form.id")) == form.id
    out = {} if made_here else default_answers(form, members)
    if record is not None:
        out.update(answers_from_record(form, record, members))
    return out


def record_problems(form: FormDefinition, record: Mapping[str, Any], today: dt.date | None = None) -> list[Problem]:
    """The store's own checks of a record's core fields (records.validate), for showing beside questions."""
    return records.validate(form.record_collection, {k: v for k, v in record.items() if v is not None}, today)
