"""What a new form can take from the family card, so that nobody types again what the card knows.

A question says where its answer comes from with ``"prefill"`` in the form's definition:

- ``"household.<field>"``: the household's field (the address);
- ``"assessment_due"``: the last day of the needs assessment, 5 working days from receipt of the
  application, appeal or notice (the Law "On Social Services", art. 20 part 2; casework/deadlines.py);
- ``"members"``: every member of the family (a ``persons`` question);
- ``{"<choice code>": "person.<field>"}``: on a page repeated per member, that choice of a
  checklist is ticked when the member's person record has the field set (a recorded disability).

The answers are suggestions: the form marks them as taken from the card and they stay editable.
A value the question would refuse (a stale code) is left out, never forced in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from casework.deadlines import assessment_due
from casework.forms.definitions import FormDefinition, Item
from casework.forms.pages import Member, fields
from casework.forms.validation import check_value
from casework.values import is_empty


def card_answers(form: FormDefinition, household: Mapping[str, Any] | None, persons: Iterable[Mapping[str, Any]],
                 members: Sequence[Member]) -> dict[str, Any]:
    """The answers the card gives a new record of `form`, keyed as the form's questions."""
    if household is None:
        return {}
    people = {str(p.get("id")): p for p in persons if not p.get("deleted")}
    out: dict[str, Any] = {}
    for f in fields(form, members):
        if f.item.prefill is None:
            continue
        person = people.get(f.page.member.id) if f.page.member else None
        value = _value(f.item, household, person, members)
        if not is_empty(value) and check_value(f.item, value, members) is None:
            out[f.key] = value
    return out


def _value(item: Item, household: Mapping[str, Any], person: Mapping[str, Any] | None,
           members: Sequence[Member]) -> Any:
    spec = item.prefill
    if isinstance(spec, dict):  # choices ticked from the member's own record
        if person is None:
            return None
        return [code for code, source in spec.items() if _field(source, household, person)]
    if spec == "assessment_due":
        due = assessment_due(household)
        return due.isoformat() if due else None
    if spec == "members":
        return [m.id for m in members]
    return _field(str(spec), household, person)


def _field(source: str, household: Mapping[str, Any], person: Mapping[str, Any] | None) -> Any:
    where, _, name = source.partition(".")
    record = household if where == "household" else person if where == "person" else None
    return None if record is None else record.get(name)
