"""Records for the papers' tests, filled through the real forms: every question of a form gets an
answer of its type (a choice's first option, a date, a text that names its question), and the
record is made by the store as the form dialog makes it (`forms.to_record_fields`, `tx.create`)."""

from __future__ import annotations

import datetime as dt
import re
from io import BytesIO
from typing import Any

from pypdf import PdfReader

from casework import forms
from casework.dates import format_date
from casework.forms import Field, Item
from casework.ids import new_id
from casework.records import InvalidRecord
from tests import factories

TODAY = dt.date(2026, 10, 20)


def family(store, *, adults: int = 2, children: int = 2, **over):
    """A family with named adults and children; returns (household, persons)."""
    with_names = {"family_name": "Шаповал", "address": "вул. Садова, 7, кв. 3", **over}

    def make(tx):
        hh = tx.create("households", factories.household(**with_names))
        people = []
        adult_names = [("Шаповал", "Оксана", "Петрівна", "mother", "1988-04-02"),
                       ("Шаповал", "Андрій", "Іванович", "father", "1985-11-23")]
        child_names = [("Шаповал", "Марія", "Андріївна", "2011-02-14"), ("Шаповал", "Іван", "Андрійович", "2019-07-30")]
        for surname, given, patronymic, role, born in adult_names[:adults]:
            people.append(tx.create("persons", factories.person(hh["id"], surname=surname, given_name=given,
                                                                patronymic=patronymic, role=role, birth_date=born)))
        for surname, given, patronymic, born in child_names[:children]:
            people.append(tx.create("persons", factories.person(hh["id"], surname=surname, given_name=given,
                                                                patronymic=patronymic, role="child", birth_date=born)))
        return hh, people

    return store.write(make)


def _text(f: Field, n: int) -> str:
    return f"Відповідь {n} на «{f.item.text('label', 'uk')[:40]}»"


def _value(item: Item, f: Field, n: int, members: list[forms.Member]) -> Any:
    adults = [m.id for m in members if not m.is_child] or [m.id for m in members]
    children = [m.id for m in members if m.is_child]
    kind = item.type
    if kind in ("single", "rating"):
        return item.choices[-1].code if item.choices else None
    if kind in ("multiple", "checklist"):
        return [c.code for c in item.choices[:2]]
    if kind == "yesno":
        return True
    if kind == "date":
        return "2026-10-05"
    if kind == "datetime":
        return "2026-10-05T10:30:00+03:00"
    if kind == "time":
        return "10:30"
    if kind == "number":
        return int(item.minimum) + 1 if item.minimum is not None else 3
    if kind == "person":
        return (children if item.children_only else adults)[0]
    if kind == "persons":
        return children if item.children_only else [m.id for m in members]
    if kind == "repeat":
        row = {sub.key: _value(sub, f, n + i + 1, members) for i, sub in enumerate(item.items)
               if sub.key and sub.type != "repeat"}
        if item.row_ids:
            row[forms.ROW_ID] = new_id()
        return [row]
    text = _text(f, n)
    if item.pattern and not re.fullmatch(item.pattern, text):
        return None
    return text[: item.max_len] if item.max_len else text


def fill(definition: forms.FormDefinition, members: list[forms.Member]) -> dict[str, Any]:
    """An answer to every question, then only those the form accepts and finds relevant."""
    answers: dict[str, Any] = {}
    for n, f in enumerate(forms.fields(definition, members)):
        v = _value(f.item, f, n, members)
        if v is not None:
            answers[f.key] = v
    for _ in range(3):  # answers that make others irrelevant or clash drop out
        problems = forms.validate_answers(definition, answers, members, submit=False)
        bad = {p.field.split("[")[0] for p in problems}
        relevant = forms.relevant_keys(definition, members, answers)
        answers = {k: v for k, v in answers.items() if k not in bad and k in relevant}
    return answers


def record_from_form(store, form_id: str, household: dict, persons: list[dict], **core: Any) -> tuple[str, dict]:
    """A record of `form_id` with every answer the form takes, made by the store; (collection, record)."""
    definition = forms.load_form(form_id)
    members = forms.members_of(persons, TODAY)
    answers = fill(definition, members)
    answers.update(core)
    fields = forms.to_record_fields(definition, answers, members)
    collection = definition.record_collection
    for _ in range(6):
        try:
            if collection == "households":
                rec = store.write(lambda tx: tx.update("households", household["id"], fields))
            else:
                rec = store.write(lambda tx: tx.create(collection, {**fields, "household_id": household["id"]}))
            return collection, rec
        except InvalidRecord as exc:  # a cross-field rule the generic filler did not know: leave that field
            for p in exc.problems:
                fields.pop(p.field, None)
    raise AssertionError(f"could not make a {form_id} record")


def pdf_pages_text(content: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(BytesIO(content)).pages]


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def shown(item: Item, value: Any, people: dict[str, str]) -> list[str]:
    """What the paper must show for an answer, worked out here from the form (not by the layout code)."""
    if item.type in ("single", "rating"):
        c = item.choice(value)
        return [c.labels["uk"]] if c else []
    if item.type in ("multiple", "checklist"):
        return [c.labels["uk"] for c in item.choices if c.code in value]
    if item.type == "yesno":
        return ["так" if value else "ні"]
    if item.type in ("date", "datetime"):
        return [format_date(str(value)[:10], "uk")]
    if item.type == "person":
        return [people[value]]
    if item.type == "persons":
        return [people[v] for v in value]
    if item.type == "repeat":
        out = []
        for row in value:
            for sub in item.items:
                if sub.key in row:
                    out += shown(sub, row[sub.key], people)
        return out
    return [str(value)]


def visible_pages_text(content: bytes, top_mm: float, bottom_mm: float) -> list[str]:
    """Each page's text that lies inside the page's margins. Qt writes the lines of a page that
    only neighbour the page break (above the top margin, clipped) into the PDF too, as its own
    QTextDocument.print_ does: unseen on paper, so left out here."""
    out = []
    for page in PdfReader(BytesIO(content)).pages:
        height = float(page.mediabox.height)
        top, bottom = height - top_mm * 72 / 25.4, bottom_mm * 72 / 25.4
        parts: list[str] = []

        def visit(text, cm, tm, font, size, parts=parts, top=top, bottom=bottom):
            y = cm[5] + cm[3] * tm[5] + cm[1] * tm[4]
            if bottom - 1 <= y <= top + 0.5:
                parts.append(text)

        page.extract_text(visitor_text=visit)
        out.append("".join(parts))
    return out
