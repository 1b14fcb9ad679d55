"""Forms as data: versioned definitions, skip logic, validation, answers <-> record fields.

A form definition lives in ``resources/forms/<form_id>.json`` (the current
version); older versions stay readable in ``resources/forms/<form_id>/<version>.json``
so that a record renders with the version it was made with. A definition::

    {"id": "home_visit", "version": 1, "provisional": true,
     "record_collection": "visits", "title": {"uk": ..., "en": ...},
     "sections": [{"id": ..., "title": {...}, "repeat_for": "children"?,
                   "items": [{"key": "started_at", "type": "datetime", ...}, ...]}]}

Item types: text, longtext, number, date, time, datetime, single, multiple,
person, persons, rating, checklist, yesno, repeat (rows of sub-fields),
group (a titled box of items, no value) and note (text only, no value).

Keys are record fields: the core fields of `records.SCHEMAS` or dotted
answers (``housing.heating``). A section with ``"repeat_for": "children"``
(or ``"adults"``) is shown once per such member of the household, its keys
prefixed with ``<key_prefix>.<person_id>.`` (``child.0190....health.finding``).

Skip logic (``relevant``) is a small expression language, never `eval`: JSON
(``{"field": "safety_concern", "equals": true}``, ``{"all": [...]}``,
``{"any": [...]}``, ``{"not": ...}``) or the same as a string
(``safety_concern = true and not type in ("remote")``), see `parse_expression`.

Drafts may have gaps: `validate_answers(..., submit=False)` reports only
values of the wrong type or out of their constraints; with ``submit=True``
every required relevant question must be answered too.

Messages of this module are marked with `_t` (not lupdate's marker) because
their translations live in the forms area; fieldapp/ui/forms/messages.py
lists them again for lupdate, and a test keeps the two lists equal.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from casework import records
from casework.enums import enumeration
from casework.i18n import LANGUAGES, Message
from casework.ids import is_uuid
from casework.records import Problem, parse_date, parse_datetime
from casework.resources import resource_dir

CONTEXT = "FormCheck"
VALUE_TYPES = (
    "text", "longtext", "number", "date", "time", "datetime", "single", "multiple",
    "person", "persons", "rating", "checklist", "yesno", "repeat",
)
LAYOUT_TYPES = ("group", "note")
REPEAT_FIELD_TYPES = ("text", "longtext", "number", "date", "single", "person", "yesno")
COLLECTIONS = ("visits", "assessments", "plans", "referrals", "households")
ADULT_AGE = 18


def _t(source: str) -> tuple[str, str]:
    """Mark a message of the form engine (translated in the forms area, see the module doc)."""
    return CONTEXT, source


REQUIRED = _t("Answer this question.")
REQUIRED_ROW = _t("Fill this in for each row.")
NOT_TEXT = _t("Enter text here.")
ONE_LINE = _t("Keep this on one line.")
TOO_LONG = _t("Too long: at most {max} characters.")
NOT_NUMBER = _t("Enter a whole number, in digits.")
TOO_SMALL = _t("Enter a number of at least {min}.")
TOO_BIG = _t("Enter a number of at most {max}.")
NOT_DATE = _t("Enter a date as DD.MM.YYYY.")
DATE_RANGE = _t("This date looks wrong: check the year.")
NOT_TIME = _t("Enter a time as HH:MM, for example 14:30.")
NOT_DATETIME = _t("Enter both the date and the time.")
NOT_CHOICE = _t("Choose one of the options.")
NOT_CHOICES = _t("Choose among the options.")
NOT_PERSON = _t("Choose a member of the family.")
NOT_YESNO = _t("Answer yes or no.")
NOT_ROWS = _t("These rows could not be read.")
PATTERN = _t("This does not look right.")
ALL_MESSAGES = (
    REQUIRED, REQUIRED_ROW, NOT_TEXT, ONE_LINE, TOO_LONG, NOT_NUMBER, TOO_SMALL, TOO_BIG,
    NOT_DATE, DATE_RANGE, NOT_TIME, NOT_DATETIME, NOT_CHOICE, NOT_CHOICES, NOT_PERSON,
    NOT_YESNO, NOT_ROWS, PATTERN,
)


class FormDefinitionError(ValueError):
    """A form definition file is missing or malformed (a bug in the data, not the user's)."""


class ExpressionError(FormDefinitionError):
    """A `relevant` expression cannot be read."""


# -- the expression language -------------------------------------------------

COMPARISONS = ("equals", "not_equals", "in", "contains", "answered", "gt", "gte", "lt", "lte")
_STRING_OPS = {"=": "equals", "!=": "not_equals", ">": "gt", ">=": "gte", "<": "lt", "<=": "lte"}
_OP_STRINGS = {v: k for k, v in _STRING_OPS.items()}
_TOKEN = re.compile(
    r"""\s*(?:
        (?P<num>-?\d+(?:\.\d+)?)
      | (?P<str>"(?:[^"\\]|\\.)*")
      | (?P<op>!=|>=|<=|=|>|<|\(|\)|,)
      | (?P<name>[A-Za-z_][A-Za-z0-9_\-]*(?:\.[A-Za-z0-9_\-]+)*)
    )""",
    re.VERBOSE,
)
_KEYWORDS = ("and", "or", "not", "in", "contains", "true", "false", "null", "answered")


def check_expression(expr: Any) -> None:
    """Raise ExpressionError unless `expr` is a well-formed expression (JSON form)."""
    if isinstance(expr, bool):
        return
    if not isinstance(expr, dict):
        raise ExpressionError(f"an expression must be an object or true/false, not {expr!r}")
    if "all" in expr or "any" in expr:
        (op,) = [k for k in ("all", "any") if k in expr]
        if set(expr) != {op} or not isinstance(expr[op], list) or not expr[op]:
            raise ExpressionError(f"{op!r} takes a non-empty list and nothing else")
        for sub in expr[op]:
            check_expression(sub)
        return
    if "not" in expr:
        if set(expr) != {"not"}:
            raise ExpressionError("'not' takes one expression and nothing else")
        check_expression(expr["not"])
        return
    if not isinstance(expr.get("field"), str) or not expr["field"]:
        raise ExpressionError(f"a comparison needs a 'field': {expr!r}")
    ops = [k for k in expr if k != "field"]
    if len(ops) != 1 or ops[0] not in COMPARISONS:
        raise ExpressionError(f"a comparison needs exactly one of {COMPARISONS}: {expr!r}")
    value = expr[ops[0]]
    if ops[0] == "in" and not isinstance(value, list):
        raise ExpressionError("'in' takes a list")
    if ops[0] == "answered" and not isinstance(value, bool):
        raise ExpressionError("'answered' takes true or false")
    if ops[0] in ("gt", "gte", "lt", "lte") and (
        isinstance(value, bool) or not isinstance(value, (int, float))
    ):
        raise ExpressionError(f"{ops[0]!r} takes a number")


def expression_fields(expr: Any) -> set[str]:
    """The field names an expression reads."""
    if isinstance(expr, dict):
        if "field" in expr:
            return {expr["field"]}
        out: set[str] = set()
        for sub in expr.get("all", expr.get("any", [])):
            out |= expression_fields(sub)
        if "not" in expr:
            out |= expression_fields(expr["not"])
        return out
    return set()


def _empty(value: Any) -> bool:
    return value is None or value == [] or value == {} or (isinstance(value, str) and not value.strip())


def evaluate(expr: Any, lookup: Callable[[str], Any]) -> bool:
    """The truth of a checked expression, reading answers through `lookup(name)`.

    Total: a missing answer or one of an unexpected type makes a comparison
    false (``answered`` and ``not_equals`` excepted), never an exception.
    """
    if isinstance(expr, bool):
        return expr
    if "all" in expr:
        return all(evaluate(sub, lookup) for sub in expr["all"])
    if "any" in expr:
        return any(evaluate(sub, lookup) for sub in expr["any"])
    if "not" in expr:
        return not evaluate(expr["not"], lookup)
    value = lookup(expr["field"])
    op, arg = next((k, v) for k, v in expr.items() if k != "field")
    if op == "answered":
        return (not _empty(value)) is arg
    if op == "equals":
        return _same(value, arg)
    if op == "not_equals":
        return not _same(value, arg)
    if op == "in":
        return any(_same(value, a) for a in arg)
    if op == "contains":
        return isinstance(value, list) and any(_same(v, arg) for v in value)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return {"gt": value > arg, "gte": value >= arg, "lt": value < arg, "lte": value <= arg}[op]


def _same(a: Any, b: Any) -> bool:
    # true == 1 in Python; not in a form.
    return type(a) is type(b) and a == b if isinstance(a, bool) or isinstance(b, bool) else a == b


def parse_expression(text: str) -> Any:
    """Read the string form of an expression into its JSON form.

    Grammar: ``expr := and_expr ("or" and_expr)*``; ``and_expr := unary ("and" unary)*``;
    ``unary := "not" unary | "(" expr ")" | "answered" "(" NAME ")" | NAME OP value
    | NAME "in" "(" value ("," value)* ")" | NAME "contains" value``; OP is
    ``= != > >= < <=``; a value is a number, a "string", true, false or null.
    """
    tokens = _tokenize(text)
    pos = 0

    def peek() -> tuple[str, Any] | None:
        return tokens[pos] if pos < len(tokens) else None

    def take(kind: str | None = None, value: Any = None) -> tuple[str, Any]:
        nonlocal pos
        tok = peek()
        if tok is None or (kind and tok[0] != kind) or (value is not None and tok[1] != value):
            raise ExpressionError(f"unexpected {tok[1] if tok else 'end'!r} in {text!r}")
        pos += 1
        return tok

    def is_word(word: str) -> bool:
        tok = peek()
        return tok is not None and tok[0] == "kw" and tok[1] == word

    def literal() -> Any:
        kind, value = take()
        if kind in ("num", "str"):
            return value
        if kind == "kw" and value in ("true", "false", "null"):
            return {"true": True, "false": False, "null": None}[value]
        raise ExpressionError(f"expected a value, found {value!r} in {text!r}")

    def unary() -> Any:
        if is_word("not"):
            take()
            return {"not": unary()}
        if peek() == ("op", "("):
            take()
            inner = disjunction()
            take("op", ")")
            return inner
        if is_word("answered"):
            take()
            take("op", "(")
            name = take("name")[1]
            take("op", ")")
            return {"field": name, "answered": True}
        name = take("name")[1]
        if is_word("in"):
            take()
            take("op", "(")
            values = [literal()]
            while peek() == ("op", ","):
                take()
                values.append(literal())
            take("op", ")")
            return {"field": name, "in": values}
        if is_word("contains"):
            take()
            return {"field": name, "contains": literal()}
        op = take("op")[1]
        if op not in _STRING_OPS:
            raise ExpressionError(f"expected a comparison after {name!r} in {text!r}")
        return {"field": name, _STRING_OPS[op]: literal()}

    def conjunction() -> Any:
        parts = [unary()]
        while is_word("and"):
            take()
            parts.append(unary())
        return parts[0] if len(parts) == 1 else {"all": parts}

    def disjunction() -> Any:
        parts = [conjunction()]
        while is_word("or"):
            take()
            parts.append(conjunction())
        return parts[0] if len(parts) == 1 else {"any": parts}

    result = disjunction()
    if pos != len(tokens):
        raise ExpressionError(f"unexpected {tokens[pos][1]!r} in {text!r}")
    check_expression(result)
    return result


def _tokenize(text: str) -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    pos = 0
    text = text.rstrip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None or m.end() == pos:
            raise ExpressionError(f"cannot read {text[pos:pos + 10]!r} in {text!r}")
        pos = m.end()
        if m.group("num") is not None:
            raw = m.group("num")
            out.append(("num", float(raw) if "." in raw else int(raw)))
        elif m.group("str") is not None:
            out.append(("str", json.loads(m.group("str"))))
        elif m.group("op") is not None:
            out.append(("op", m.group("op")))
        else:
            word = m.group("name")
            out.append(("kw" if word in _KEYWORDS else "name", word))
    return out


def format_expression(expr: Any) -> str:
    """The string form of an expression (parse_expression reads it back)."""
    if isinstance(expr, bool):
        raise ExpressionError("true/false alone has no string form")

    def value(v: Any) -> str:
        return json.dumps(v, ensure_ascii=False)

    def fmt(e: Any) -> str:
        if "all" in e:
            return "(" + " and ".join(fmt(s) for s in e["all"]) + ")"
        if "any" in e:
            return "(" + " or ".join(fmt(s) for s in e["any"]) + ")"
        if "not" in e:
            return "not " + fmt(e["not"])
        name = e["field"]
        op, arg = next((k, v) for k, v in e.items() if k != "field")
        if op == "answered":
            return f"answered({name})" if arg else f"not answered({name})"
        if op == "in":
            return f"{name} in (" + ", ".join(value(a) for a in arg) + ")"
        if op == "contains":
            return f"{name} contains {value(arg)}"
        return f"{name} {_OP_STRINGS[op]} {value(arg)}"

    return fmt(expr)


# -- definitions ---------------------------------------------------------------


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
    widget: str | None = None  # "radio" or "combo" for single choices
    items: tuple[Item, ...] = ()  # a group's questions, a repeat's fields
    low: dict[str, str] = field(default_factory=dict)  # a rating's ends
    high: dict[str, str] = field(default_factory=dict)
    add_label: dict[str, str] = field(default_factory=dict)
    provisional: bool = False
    default: Any = None  # for a new record: "now", "today" or a value

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


def _item(raw: Any, where: str, *, in_repeat: bool = False) -> Item:
    if not isinstance(raw, dict) or not isinstance(raw.get("type"), str):
        raise FormDefinitionError(f"{where}: an item needs a type")
    kind = raw["type"]
    allowed = REPEAT_FIELD_TYPES if in_repeat else VALUE_TYPES + LAYOUT_TYPES
    if kind not in allowed:
        raise FormDefinitionError(f"{where}: unknown item type {kind!r}")
    key = raw.get("key")
    if kind in VALUE_TYPES:
        pattern = r"^[a-z][a-z0-9_]*$" if in_repeat else r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$"
        if not isinstance(key, str) or not re.match(pattern, key):
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
        sub = tuple(_item(r, where) for r in raw.get("items", []))
        if any(s.type == "group" for s in sub):
            raise FormDefinitionError(f"{where}: groups do not nest")
    elif kind == "repeat":
        sub = tuple(_item(r, where, in_repeat=True) for r in raw.get("fields", []))
        if not sub:
            raise FormDefinitionError(f"{where}: a repeat needs fields")
    pattern = raw.get("pattern")
    if pattern is not None:
        re.compile(pattern)
    return Item(
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
        provisional=bool(raw.get("provisional", False)),
        default=raw.get("default"),
    )


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
        sections.append(Section(
            id=raw["id"], title=_labels(raw.get("title"), where),
            items=tuple(_item(r, where) for r in raw.get("items", [])),
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
        for item in _value_items(section.items):
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
        local = {i.key for i in _value_items(section.items)}
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


def _value_items(items: Iterable[Item]) -> Iterable[Item]:
    return (i for i in _all_items(items) if i.has_value)


def forms_dir() -> Path:
    return resource_dir() / "forms"


def available_forms() -> list[str]:
    """Ids of the built-in forms (current versions)."""
    return sorted(p.stem for p in forms_dir().glob("*.json"))


@cache
def _read(path: Path) -> FormDefinition:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise FormDefinitionError(f"cannot read {path.name}: {exc}") from exc
    return parse_definition(data)


def load_form(form_id: str, version: int | None = None) -> FormDefinition:
    """The definition of `form_id`: its current version, or exactly `version` (read once)."""
    if not re.match(r"^[a-z][a-z0-9_]*$", form_id):
        raise FormDefinitionError(f"bad form id {form_id!r}")
    current_path = forms_dir() / f"{form_id}.json"
    if not current_path.exists():
        raise FormDefinitionError(f"no form {form_id!r}")
    current = _read(current_path)
    if current.id != form_id:
        raise FormDefinitionError(f"{current_path.name} names itself {current.id!r}")
    if version is None or version == current.version:
        return current
    older = forms_dir() / form_id / f"{int(version)}.json"
    if not older.exists():
        raise FormDefinitionError(f"no version {version} of form {form_id!r}")
    form = _read(older)
    if form.id != form_id or form.version != version:
        raise FormDefinitionError(f"{older} is not version {version} of {form_id}")
    return form


def form_for_record(record: Mapping[str, Any], default_form: str) -> FormDefinition:
    """The form (and version) a record was made with; the current one when that is unknown."""
    form_id = record.get("form_id") or record.get("form.id") or default_form
    version = record.get("form_version") or record.get("form.version")
    try:
        return load_form(str(form_id), int(version) if version else None)
    except (FormDefinitionError, ValueError):
        return load_form(default_form)


# -- the household's members, as the pickers and repeated sections see them -------


@dataclass(frozen=True)
class Member:
    id: str
    name: str
    role: str | None
    birth_date: str | None
    is_child: bool


def members_of(persons: Iterable[Mapping[str, Any]], today: dt.date | None = None) -> list[Member]:
    """Members of a household from its person records: children (role or age < 18) and adults."""
    today = today or dt.date.today()
    out = []
    for p in persons:
        if p.get("deleted"):
            continue
        name = " ".join(str(p[k]) for k in ("surname", "given_name", "patronymic") if p.get(k))
        born = p.get("birth_date")
        age = None
        try:
            if born:
                b = dt.date.fromisoformat(born)
                age = today.year - b.year - ((today.month, today.day) < (b.month, b.day))
        except ValueError:
            age = None
        is_child = p.get("role") == "child" or (age is not None and age < ADULT_AGE)
        out.append(Member(p["id"], name or "—", p.get("role"), born, is_child))
    out.sort(key=lambda m: (m.is_child, m.birth_date or "", m.name))
    return out


# -- fields of a form for one household ------------------------------------------


@dataclass(frozen=True)
class Page:
    """A section as shown: once, or once per child/adult of a repeated section."""

    section: Section
    member: Member | None
    prefix: str  # "" or "child.<id>."

    @property
    def id(self) -> str:
        return self.section.id + (f":{self.member.id}" if self.member else "")

    def key(self, item: Item) -> str:
        assert item.key
        return self.prefix + item.key

    def title(self, lang: str) -> str:
        base = self.section.title.get(lang) or self.section.title["en"]
        return f"{base}: {self.member.name}" if self.member else base


def pages(form: FormDefinition, members: Sequence[Member]) -> list[Page]:
    out = []
    for section in form.sections:
        if section.repeat_for is None:
            out.append(Page(section, None, ""))
            continue
        chosen = [m for m in members if m.is_child == (section.repeat_for == "children")]
        if not chosen:
            out.append(Page(section, None, ""))  # an empty page that says why
        for m in chosen:
            out.append(Page(section, m, f"{section.key_prefix}.{m.id}."))
    return out


def page_has_questions(page: Page) -> bool:
    return page.section.repeat_for is None or page.member is not None


@dataclass(frozen=True)
class Field:
    key: str
    item: Item
    page: Page


def fields(form: FormDefinition, members: Sequence[Member]) -> list[Field]:
    """Every question of the form for this household, with its full key."""
    out = []
    for page in pages(form, members):
        if not page_has_questions(page):
            continue
        for item in _value_items(page.section.items):
            out.append(Field(page.key(item), item, page))
    return out


def lookup_in(page: Page, answers: Mapping[str, Any]) -> Callable[[str], Any]:
    """How a page's expressions read answers: its own questions first, then the form's."""
    local = {i.key for i in _value_items(page.section.items)}

    def lookup(name: str) -> Any:
        if page.prefix and name in local:
            return answers.get(page.prefix + name)
        return answers.get(name)

    return lookup


def is_relevant(page: Page, item: Item | None, answers: Mapping[str, Any], group: Item | None = None) -> bool:
    """Whether a page (item None) or a question on it is shown, given the answers so far."""
    lookup = lookup_in(page, answers)
    if page.section.relevant is not None and not evaluate(page.section.relevant, lookup):
        return False
    if group is not None and group.relevant is not None and not evaluate(group.relevant, lookup):
        return False
    return item is None or item.relevant is None or evaluate(item.relevant, lookup)


def relevant_keys(form: FormDefinition, members: Sequence[Member], answers: Mapping[str, Any]) -> set[str]:
    out = set()
    for page in pages(form, members):
        if not page_has_questions(page):
            continue
        for group, item in _items_with_group(page.section.items):
            if item.has_value and is_relevant(page, item, answers, group):
                out.add(page.key(item))
    return out


def _items_with_group(items: Iterable[Item]) -> Iterable[tuple[Item | None, Item]]:
    for item in items:
        if item.type == "group":
            for sub in item.items:
                yield item, sub
        else:
            yield None, item


# -- values ------------------------------------------------------------------------


def parse_time(value: Any) -> dt.time | None:
    if not isinstance(value, str) or not re.match(r"^\d{2}:\d{2}$", value):
        return None
    try:
        return dt.time.fromisoformat(value)
    except ValueError:
        return None


def is_empty(value: Any) -> bool:
    return _empty(value)


def _msg(marked: tuple[str, str], **args: Any) -> Message:
    return Message.of(marked, **args)


def _custom(item: Item, fallback: Message) -> Message:
    """A definition's own message (both languages in the data), else the engine's."""
    if item.message:
        return Message("FormText", json.dumps(item.message, ensure_ascii=False, sort_keys=True))
    return fallback


def form_text(message: Message, lang: str) -> str | None:
    """The text of a message that comes from a definition (context FormText); None for others."""
    if message.context != "FormText":
        return None
    labels = json.loads(message.source)
    return labels.get(lang) or labels.get("en")


def check_value(item: Item, value: Any, members: Sequence[Member] = (), today: dt.date | None = None) -> Message | None:
    """What is wrong with a non-empty `value` as an answer to `item`; None when it is fine."""
    k = item.type
    if k in ("text", "longtext"):
        if not isinstance(value, str):
            return _msg(NOT_TEXT)
        if k == "text" and ("\n" in value or "\r" in value):
            return _msg(ONE_LINE)
        if item.max_len is not None and len(value) > item.max_len:
            return _custom(item, _msg(TOO_LONG, max=item.max_len))
        if item.pattern and not re.fullmatch(item.pattern, value.strip()):
            return _custom(item, _msg(PATTERN))
    elif k == "number":
        if isinstance(value, bool) or not isinstance(value, int):
            return _msg(NOT_NUMBER)
        if item.minimum is not None and value < item.minimum:
            return _custom(item, _msg(TOO_SMALL, min=item.minimum))
        if item.maximum is not None and value > item.maximum:
            return _custom(item, _msg(TOO_BIG, max=item.maximum))
    elif k == "date":
        day = parse_date(value)
        if day is None:
            return _msg(NOT_DATE)
        if day.year < 1900 or day.year > 2200:
            return _msg(DATE_RANGE)
    elif k == "time":
        if parse_time(value) is None:
            return _msg(NOT_TIME)
    elif k == "datetime":
        moment = parse_datetime(value)
        if moment is None:
            return _msg(NOT_DATETIME)
        if moment.year < 1900 or moment.year > 2200:
            return _msg(DATE_RANGE)
    elif k == "single":
        if item.choice(value) is None:
            return _msg(NOT_CHOICE)
    elif k == "rating":
        if isinstance(value, bool) or not isinstance(value, int) or item.choice(str(value)) is None:
            return _msg(NOT_CHOICE)
    elif k in ("multiple", "checklist"):
        if not isinstance(value, list) or any(item.choice(v) is None for v in value) or len(set(value)) != len(value):
            return _msg(NOT_CHOICES)
    elif k == "person":
        if not _is_member(value, item, members):
            return _msg(NOT_PERSON)
    elif k == "persons":
        if not isinstance(value, list) or not all(_is_member(v, item, members) for v in value):
            return _msg(NOT_PERSON)
    elif k == "yesno":
        if not isinstance(value, bool):
            return _msg(NOT_YESNO)
    elif k == "repeat":
        if not isinstance(value, list) or not all(isinstance(r, dict) for r in value):
            return _msg(NOT_ROWS)
    return None


def _is_member(value: Any, item: Item, members: Sequence[Member]) -> bool:
    if not isinstance(value, str):
        return False
    if not members:  # members unknown here (e.g. on the server): any id
        return is_uuid(value)
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
        if _empty(value):
            if submit and f.item.required:
                problems.append(Problem(f.key, _msg(REQUIRED)))
            continue
        message = check_value(f.item, value, members, today)
        if message is not None:
            problems.append(Problem(f.key, message))
            continue
        if f.item.type == "repeat":
            for n, row in enumerate(value):
                for sub in f.item.items:
                    assert sub.key
                    v = row.get(sub.key)
                    name = f"{f.key}[{n}].{sub.key}"
                    if _empty(v):
                        if submit and sub.required:
                            problems.append(Problem(name, _msg(REQUIRED_ROW)))
                        continue
                    m = check_value(sub, v, members, today)
                    if m is not None:
                        problems.append(Problem(name, m))
    return problems


def _clean_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for row in rows:
        kept = {k: v for k, v in row.items() if not _empty(v)}
        if kept:
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
        if f.key not in relevant or _empty(value):
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
