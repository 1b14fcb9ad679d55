"""Form definitions: their shape, and reading one from its decoded JSON.

A definition::

    {"id": "home_visit", "version": 1, "provisional": true,
     "record_collection": "visits", "title": {"uk": ..., "en": ...},
     "sections": [{"id": ..., "title": {...}, "repeat_for": "children"?,
                   "items": [{"key": "started_at", "type": "datetime", ...}, ...]}]}

Item types: text, longtext, number, date, time, datetime, single, multiple,
person, persons, rating, checklist, yesno, repeat (rows of sub-fields),
group (a titled box of items, no value) and note (text only, no value).

Keys are record fields: the core fields of `records.SCHEMAS` or dotted
answers (``housing.heating``). A question whose key is a record field takes
that field's rule (`values.Rule`) and may only narrow it. A section with
``"repeat_for": "children"`` (or ``"adults"``) is shown once per such member
of the household, its keys prefixed with ``<key_prefix>.<person_id>.``
(``child.0190....health.finding``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from casework import records
from casework.enums import enumeration
from casework.forms.errors import FormDefinitionError
from casework.forms.expressions import check_expression, expression_fields, parse_expression
from casework.i18n import LANGUAGES, QT_TRANSLATE_NOOP, Message
from casework.schemas import FieldSpec
from casework.values import Kind, Rule

VALUE_TYPES = (
    "text", "longtext", "number", "date", "time", "datetime", "single", "multiple",
    "person", "persons", "rating", "checklist", "yesno", "repeat",
)
LAYOUT_TYPES = ("group", "note")
REPEAT_FIELD_TYPES = ("text", "longtext", "number", "date", "single", "person", "yesno")
COLLECTIONS = ("visits", "assessments", "plans", "referrals", "service_events", "consents", "protected", "households",
               "safety_assessments", "safety_notices", "dv_risk_assessments", "violence_incidents")


@dataclass(frozen=True)
class Choice:
    code: str
    labels: dict[str, str]
    provisional: bool = False

    def label(self, lang: str) -> str:
        return self.labels.get(lang) or self.labels.get("en") or self.code


@dataclass(frozen=True)
class Item:
    """One question of a form (or a group of questions, or a note)."""

    key: str | None
    type: str
    label: dict[str, str]
    hint: dict[str, str] = field(default_factory=dict)
    required: bool = False
    relevant: Any = None
    choices: tuple[Choice, ...] = ()
    enum: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    max_len: int | None = None
    pattern: str | None = None
    message: dict[str, str] = field(default_factory=dict)
    children_only: bool = False
    widget: str | None = None  # "radio" or "combo" for single choices; "check" for a yes/no that confirms
    items: tuple[Item, ...] = ()  # a group's questions, a repeat's fields
    low: dict[str, str] = field(default_factory=dict)  # a rating's ends
    high: dict[str, str] = field(default_factory=dict)
    add_label: dict[str, str] = field(default_factory=dict)
    # A repeat whose rows are pointed at from elsewhere (plan actions): each row keeps an "id".
    row_ids: bool = False
    provisional: bool = False
    default: Any = None  # for a new record: "now", "today" or a value
    prefill: Any = None  # what the family card already knows (casework/forms/prefill.py)
    # What an answer must be: the record field's rule first where the key is one, then the form's own.
    rules: tuple[Rule, ...] = ()

    @property
    def has_value(self) -> bool:
        return self.type in VALUE_TYPES

    def text(self, what: str, lang: str) -> str:
        labels: dict[str, str] = getattr(self, what)
        return labels.get(lang) or labels.get("en") or ""

    def choice(self, code: Any) -> Choice | None:
        return next((c for c in self.choices if c.code == code), None)


@dataclass(frozen=True)
class Section:
    id: str
    title: dict[str, str]
    items: tuple[Item, ...]
    hint: dict[str, str] = field(default_factory=dict)
    repeat_for: str | None = None  # "children" | "adults"
    key_prefix: str | None = None
    relevant: Any = None
    empty: dict[str, str] = field(default_factory=dict)  # shown when nobody to repeat for


@dataclass(frozen=True)
class FormDefinition:
    id: str
    version: int
    provisional: bool
    record_collection: str
    title: dict[str, str]
    sections: tuple[Section, ...]
    description: dict[str, str] = field(default_factory=dict)
    submit_sets: dict[str, Any] = field(default_factory=dict)

    def text(self, what: str, lang: str) -> str:
        labels: dict[str, str] = getattr(self, what)
        return labels.get(lang) or labels.get("en") or ""

    @property
    def has_review(self) -> bool:
        return records.field_spec(self.record_collection, "review_status") is not None

    @property
    def keeps_form_id(self) -> bool:
        return records.field_spec(self.record_collection, "form_id") is not None


def _labels(raw: Any, where: str, *, required: bool = True) -> dict[str, str]:
    if raw is None and not required:
        return {}
    if not isinstance(raw, dict) or not all(isinstance(raw.get(lang), str) and raw[lang].strip() for lang in LANGUAGES):
        raise FormDefinitionError(f"{where}: needs text in {LANGUAGES}")
    return {lang: raw[lang] for lang in LANGUAGES}


def _choices(raw: dict[str, Any], where: str) -> tuple[tuple[Choice, ...], str | None]:
    spec = raw.get("choices")
    if spec is None and raw["type"] == "rating":
        low, high = int(raw.get("min", 1)), int(raw.get("max", 5))
        return tuple(Choice(str(n), {"uk": str(n), "en": str(n)}) for n in range(low, high + 1)), None
    if isinstance(spec, str):
        enum = enumeration(spec)
        return tuple(Choice(i.code, dict(i.labels), i.verify) for i in enum.items), spec
    if not isinstance(spec, list) or not spec:
        raise FormDefinitionError(f"{where}: needs choices (an enumeration name or a list)")
    out, seen = [], set()
    for c in spec:
        code = c.get("code") if isinstance(c, dict) else None
        if not isinstance(code, str) or not code or code in seen:
            raise FormDefinitionError(f"{where}: each choice needs a code of its own")
        seen.add(code)
        out.append(Choice(code, _labels(c, f"{where} choice {code}"), bool(c.get("provisional", False))))
    return tuple(out), None


def _item(raw: Any, where: str, *, in_repeat: bool = False, collection: str | None = None) -> Item:
    """An item of a definition; `collection` is the record collection its keys fill (None: answers only)."""
    if not isinstance(raw, dict) or not isinstance(raw.get("type"), str):
        raise FormDefinitionError(f"{where}: an item needs a type")
    kind = raw["type"]
    allowed = REPEAT_FIELD_TYPES if in_repeat else VALUE_TYPES + LAYOUT_TYPES
    if kind not in allowed:
        raise FormDefinitionError(f"{where}: unknown item type {kind!r}")
    key = raw.get("key")
    if kind in VALUE_TYPES:
        key_pattern = r"^[a-z][a-z0-9_]*$" if in_repeat else r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$"
        if not isinstance(key, str) or not re.match(key_pattern, key):
            raise FormDefinitionError(f"{where}: bad or missing key {key!r}")
    where = f"{where} {key or kind}"
    relevant = raw.get("relevant")
    if isinstance(relevant, str):
        relevant = parse_expression(relevant)
    if relevant is not None:
        check_expression(relevant)
    choices: tuple[Choice, ...] = ()
    enum = None
    if kind in ("single", "multiple", "checklist", "rating"):
        choices, enum = _choices(raw, where)
    sub: tuple[Item, ...] = ()
    if kind == "group":
        sub = tuple(_item(r, where, collection=collection) for r in raw.get("items", []))
        if any(s.type == "group" for s in sub):
            raise FormDefinitionError(f"{where}: groups do not nest")
    elif kind == "repeat":
        sub = tuple(_item(r, where, in_repeat=True) for r in raw.get("fields", []))
        if not sub:
            raise FormDefinitionError(f"{where}: a repeat needs fields")
    if not _prefill_ok(raw.get("prefill")):
        raise FormDefinitionError(f"{where}: prefill names no known source (casework/forms/prefill.py)")
    pattern: str | None = raw.get("pattern")
    if pattern is not None:
        re.compile(pattern)
    item = Item(
        key=key if kind in VALUE_TYPES else None,
        type=kind,
        label=_labels(raw.get("label"), where, required=kind != "group" or "label" in raw),
        hint=_labels(raw.get("hint"), where, required=False),
        required=bool(raw.get("required", False)),
        relevant=relevant,
        choices=choices,
        enum=enum,
        minimum=raw.get("min") if kind == "number" else None,
        maximum=raw.get("max") if kind == "number" else None,
        max_len=raw.get("max_len", 20000 if kind == "longtext" else 500 if kind == "text" else None),
        pattern=pattern,
        message=_labels(raw.get("message"), where, required=False),
        children_only=bool(raw.get("children_only", False)),
        widget=raw.get("widget"),
        items=sub,
        low=_labels(raw.get("low"), where, required=False),
        high=_labels(raw.get("high"), where, required=False),
        add_label=_labels(raw.get("add_label"), where, required=False),
        row_ids=kind == "repeat" and bool(raw.get("row_ids", False)),
        provisional=bool(raw.get("provisional", False)),
        default=raw.get("default"),
        prefill=raw.get("prefill"),
    )
    if not item.has_value:
        return item
    spec = records.field_spec(collection, item.key) if collection and item.key else None
    own = _own_rule(item)
    if spec is None:
        return replace(item, rules=(own,))
    _check_fills(item, own, spec, where)
    return replace(item, required=item.required or spec.required, rules=(spec, own))


def _prefill_ok(spec: Any) -> bool:
    """A question's ``prefill`` is one of the sources casework/forms/prefill.py reads (or absent)."""
    def field(source: Any, *where: str) -> bool:
        return isinstance(source, str) and source.partition(".")[0] in where and bool(source.partition(".")[2])

    if spec is None or spec in ("assessment_due", "members"):
        return True
    if isinstance(spec, dict):
        return bool(spec) and all(isinstance(k, str) and field(v, "person") for k, v in spec.items())
    return field(spec, "household", "person")


# The kind of value each question type gives.
KINDS: dict[str, Kind] = {
    "text": Kind.TEXT, "longtext": Kind.LONGTEXT, "number": Kind.INT, "date": Kind.DATE,
    "time": Kind.TIME, "datetime": Kind.DATETIME, "single": Kind.ENUM, "multiple": Kind.ENUMS,
    "checklist": Kind.ENUMS, "rating": Kind.RATING, "person": Kind.REF, "persons": Kind.REFS,
    "yesno": Kind.BOOL, "repeat": Kind.ITEMS,
}
# Record kinds a question may fill besides its own kind.
# A choice from a list may fill a text field (a referral's agency_code): the record keeps the code, and
# a server with an older list does not refuse an agency IT added to the laptops' list.
_ALSO_FILLS: dict[Kind, tuple[Kind, ...]] = {
    Kind.ENUM: (Kind.CHOICE, Kind.TEXT), Kind.TEXT: (Kind.KATOTTG, Kind.PHONE),
}
NOT_PERSON = QT_TRANSLATE_NOOP("FormCheck", "Choose a member of the family.")
NOT_ROWS = QT_TRANSLATE_NOOP("FormCheck", "These rows could not be read.")
FORM_TEXT = "FormText"  # the context of a definition's own sentences (both languages are in the data)


def definition_message(labels: Mapping[str, str]) -> Message:
    """A sentence of the definition itself, carried as JSON (see `validation.form_text`)."""
    return Message(FORM_TEXT, json.dumps(dict(labels), ensure_ascii=False, sort_keys=True))


def _own_rule(item: Item) -> Rule:
    """The rule of the question itself: its type, choices, bounds, pattern, own sentence."""
    kind = KINDS[item.type]
    message = definition_message(item.message) if item.message else None
    if message is None and kind in (Kind.REF, Kind.REFS):
        message = Message.of(NOT_PERSON)
    return Rule(kind=kind, enum=item.enum, choices=tuple(c.code for c in item.choices), max_len=item.max_len,
                minimum=item.minimum, maximum=item.maximum, pattern=item.pattern, message=message,
                item_check=_row if kind is Kind.ITEMS else None)


def _row(row: Any) -> Message | None:
    """A repeat's row is an object of its fields (the fields are checked one by one)."""
    return None if isinstance(row, dict) else Message.of(NOT_ROWS)


def _check_fills(item: Item, own: Rule, spec: FieldSpec, where: str) -> None:
    """A question that fills a record field may narrow the field's rule, never contradict it."""
    if spec.kind is not own.kind and spec.kind not in _ALSO_FILLS.get(own.kind, ()):
        raise FormDefinitionError(f"{where}: a {item.type} question cannot fill a {spec.kind.value} field")
    if spec.kind in (Kind.ENUM, Kind.ENUMS, Kind.CHOICE):
        strangers = [c for c in own.choices if not spec.allows(c)]
        if strangers:
            raise FormDefinitionError(f"{where}: choices {strangers} are not codes of the field")


def parse_definition(data: Mapping[str, Any]) -> FormDefinition:
    """Build a FormDefinition from a decoded file, checking its shape and its keys."""
    try:
        form_id, version = data["id"], data["version"]
        collection, raw_sections = data["record_collection"], data["sections"]
    except (KeyError, TypeError) as exc:
        raise FormDefinitionError(f"a form definition lacks {exc}") from exc
    if not isinstance(version, int) or version < 1:
        raise FormDefinitionError(f"{form_id}: version must be a whole number from 1")
    if collection not in COLLECTIONS:
        raise FormDefinitionError(f"{form_id}: unknown record_collection {collection!r}")
    sections = []
    for raw in raw_sections:
        where = f"{form_id} section {raw.get('id')}"
        repeat_for = raw.get("repeat_for")
        if repeat_for not in (None, "children", "adults"):
            raise FormDefinitionError(f"{where}: repeat_for is 'children' or 'adults'")
        prefix = raw.get("key_prefix")
        if repeat_for and not (isinstance(prefix, str) and re.match(r"^[a-z][a-z0-9_]*$", prefix)):
            raise FormDefinitionError(f"{where}: a repeated section needs a key_prefix")
        relevant = raw.get("relevant")
        if isinstance(relevant, str):
            relevant = parse_expression(relevant)
        if relevant is not None:
            check_expression(relevant)
        fills = None if repeat_for else collection  # a repeated section's keys are answers only
        sections.append(Section(
            id=raw["id"], title=_labels(raw.get("title"), where),
            items=tuple(_item(r, where, collection=fills) for r in raw.get("items", [])),
            hint=_labels(raw.get("hint"), where, required=False),
            repeat_for=repeat_for, key_prefix=prefix, relevant=relevant,
            empty=_labels(raw.get("empty"), where, required=False),
        ))
    form = FormDefinition(
        id=form_id, version=version, provisional=bool(data.get("provisional", False)),
        record_collection=collection, title=_labels(data.get("title"), form_id),
        sections=tuple(sections), description=_labels(data.get("description"), form_id, required=False),
        submit_sets=dict(data.get("submit_sets", {})),
    )
    _check_keys(form)
    return form


def _check_keys(form: FormDefinition) -> None:
    seen: dict[str, Item] = {}
    for section in form.sections:
        for item in value_items(section.items):
            assert item.key
            name = item.key if not section.repeat_for else f"{section.key_prefix}.x.{item.key}"
            if name in seen:
                raise FormDefinitionError(f"{form.id}: key {item.key!r} twice")
            seen[name] = item
            if not section.repeat_for and "." not in item.key:
                if records.field_spec(form.record_collection, item.key) is None:
                    raise FormDefinitionError(
                        f"{form.id}: {item.key!r} is not a field of {form.record_collection}: "
                        "answers of a form are dotted (section.question)"
                    )
    names = set(seen)
    for section in form.sections:
        local = {i.key for i in value_items(section.items)}
        exprs = [section.relevant] + [i.relevant for i in _all_items(section.items)]
        for expr in exprs:
            for ref in expression_fields(expr):
                if ref not in names and ref not in local:
                    raise FormDefinitionError(f"{form.id}: relevance reads unknown field {ref!r}")


def _all_items(items: Iterable[Item]) -> Iterable[Item]:
    for item in items:
        yield item
        if item.type == "group":
            yield from item.items


def value_items(items: Iterable[Item]) -> Iterable[Item]:
    return (i for i in _all_items(items) if i.has_value)
