"""Checking the answers of a form, question by question, all problems at once.

Each answer is checked by its question's rules (`Item.rules`: the record
field's rule first where the key is a record field, then the form's own),
then by what only a form knows: that a person picked is a member of this
family, and the rows of a repeat.

Drafts may have gaps: `validate_answers(..., submit=False)` reports only
values of the wrong type or out of their constraints; with ``submit=True``
every required relevant question must be answered too.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from typing import Any

from casework import values
from casework.forms.definitions import FORM_TEXT, NOT_PERSON, FormDefinition, Item
from casework.forms.pages import Member, fields, relevant_keys
from casework.i18n import QT_TRANSLATE_NOOP, Message
from casework.records import Problem
from casework.values import is_empty

REQUIRED = values.REQUIRED
REQUIRED_ROW = QT_TRANSLATE_NOOP("FormCheck", "Fill this in for each row.")


def form_text(message: Message, lang: str) -> str | None:
    """The text of a message that comes from a definition (context FormText); None for others."""
    if message.context != FORM_TEXT:
        return None
    labels = json.loads(message.source)
    text = labels.get(lang) or labels.get("en")
    return text if isinstance(text, str) else None


def check_value(item: Item, value: Any, members: Sequence[Member] = (), today: dt.date | None = None) -> Message | None:
    """What is wrong with a non-empty `value` as an answer to `item`; None when it is fine."""
    for rule in item.rules:
        problem = values.check(rule, value, today, enforce_required=False)
        if problem is not None:
            return problem
    if item.type == "person" and not _is_member(value, item, members):
        return Message.of(NOT_PERSON)
    if item.type == "persons" and not all(_is_member(v, item, members) for v in value):
        return Message.of(NOT_PERSON)
    return None


def _is_member(value: Any, item: Item, members: Sequence[Member]) -> bool:
    if not members:  # members unknown here (e.g. on the server): the rule's check of the id is all
        return True
    return any(m.id == value and (m.is_child or not item.children_only) for m in members)


def validate_answers(
    form: FormDefinition,
    answers: Mapping[str, Any],
    members: Sequence[Member] = (),
    *,
    submit: bool,
    today: dt.date | None = None,
) -> list[Problem]:
    """Every problem of the answers at once, question by question.

    Irrelevant questions are not checked (their answers are dropped on save).
    A draft (`submit=False`) may leave questions empty; a submission may not
    leave a required relevant question empty. Problems of a repeat's rows are
    named ``<key>[<row>].<field>``.
    """
    problems: list[Problem] = []
    relevant = relevant_keys(form, members, answers)
    for f in fields(form, members):
        if f.key not in relevant:
            continue
        value = answers.get(f.key)
        if is_empty(value):
            if submit and f.item.required:
                problems.append(Problem(f.key, Message.of(REQUIRED)))
            continue
        message = check_value(f.item, value, members, today)
        if message is not None:
            problems.append(Problem(f.key, message))
        if f.item.type == "repeat" and isinstance(value, list) and all(isinstance(r, dict) for r in value):
            problems.extend(_row_problems(f.key, f.item, value, members, submit=submit, today=today))
    return problems


def _row_problems(key: str, item: Item, rows: list[dict[str, Any]], members: Sequence[Member], *,
                  submit: bool, today: dt.date | None) -> list[Problem]:
    out = []
    for n, row in enumerate(rows):
        for sub in item.items:
            assert sub.key
            v = row.get(sub.key)
            name = f"{key}[{n}].{sub.key}"
            if is_empty(v):
                if submit and sub.required:
                    out.append(Problem(name, Message.of(REQUIRED_ROW)))
                continue
            m = check_value(sub, v, members, today)
            if m is not None:
                out.append(Problem(name, m))
    return out
