"""Each collection's field rules made once into quick tests (a push validates 10,000 records).

`values.check` reads a rule afresh for every value: its kind, its enumeration (a scan of
the code list), its bounds. `compiled(collection, schema)` turns a schema of
`casework.schemas` into one quick test per field that answers only "surely fine"; a value
it is not sure of goes to `values.check`, which gives the sentence. So the verdicts and
sentences are `values.check`'s own, and only the common case of a good value is quicker.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from casework import dates, values
from casework.enums import enumeration
from casework.i18n import Message
from casework.schemas import FieldSpec
from casework.values import Kind

Quick = Callable[[Any, dt.date], bool]  # (value, today) -> surely fine

# The canonical form of an id; anything else is left to `casework.ids.is_uuid`.
_CANONICAL_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def is_canonical_uuid(value: object) -> bool:
    """Whether `value` is a UUID written in its canonical 8-4-4-4-12 hexadecimal form."""
    return type(value) is str and _CANONICAL_UUID.fullmatch(value) is not None


def _text(spec: FieldSpec) -> Quick:
    one_line = spec.kind is Kind.TEXT
    limit = spec.max_len if spec.max_len is not None else float("inf")
    pattern = re.compile(spec.pattern) if spec.pattern else None

    def quick(v: Any, _today: dt.date) -> bool:
        return (type(v) is str and len(v) <= limit and not (one_line and ("\n" in v or "\r" in v))
                and v != "" and not v.isspace()
                and (pattern is None or pattern.fullmatch(v.strip()) is not None))

    return quick


def _codes(spec: FieldSpec) -> frozenset[str]:
    codes = spec.choices or (enumeration(spec.enum).codes if spec.enum is not None else ())
    return frozenset(c for c in codes if c.strip())  # a blank value is values.check's to judge


def _day(spec: FieldSpec) -> Quick:
    not_future = spec.not_future

    def quick(v: Any, today: dt.date) -> bool:
        parsed = dates.parse_date(v)
        return parsed is not None and dates.in_range(parsed) and not (not_future and parsed > today)

    return quick


def _quick(spec: FieldSpec) -> Quick | None:
    """A test that is true only where `values.check(spec, v, today)` finds nothing; None: none."""
    k = spec.kind
    if k in (Kind.TEXT, Kind.LONGTEXT):
        return _text(spec)
    if k is Kind.BOOL:
        return lambda v, _t: v is True or v is False
    if k in (Kind.ENUM, Kind.CHOICE):
        codes = _codes(spec)
        return lambda v, _t: type(v) is str and v in codes
    if k is Kind.ENUMS:
        codes = _codes(spec)
        return lambda v, _t: (type(v) is list and bool(v) and len(set(map(str, v))) == len(v)
                              and all(type(c) is str and c in codes for c in v))
    if k is Kind.REF:
        return lambda v, _t: is_canonical_uuid(v)
    if k is Kind.REFS:
        return lambda v, _t: type(v) is list and bool(v) and all(is_canonical_uuid(x) for x in v)
    if k is Kind.KATOTTG:
        katottg = values._KATOTTG  # the very pattern values.check uses
        return lambda v, _t: type(v) is str and katottg.match(v) is not None
    if k is Kind.INT:
        low = spec.minimum if spec.minimum is not None else float("-inf")
        high = spec.maximum if spec.maximum is not None else float("inf")
        return lambda v, _t: type(v) is int and low <= v <= high
    if k is Kind.DATE:
        return _day(spec)
    return None  # the rest (times, moments, items, phones): values.check itself


@dataclass(frozen=True)
class Compiled:
    """A collection's field rules, ready: per field its spec, its place and its quick test."""

    schema: tuple[FieldSpec, ...]
    fields: dict[str, tuple[int, FieldSpec, Quick | None]]
    required: tuple[str, ...]

    @property
    def known(self) -> frozenset[str]:
        return frozenset(self.fields)

    def problems(self, record: Mapping[str, Any], today: dt.date) -> list[tuple[str, Message]]:
        """(field, sentence) for each field rule `record` breaks, in the schema's order."""
        found: list[tuple[int, str, Message]] = []
        fields = self.fields
        for name, value in record.items():
            entry = fields.get(name)
            if entry is None or value is None:
                continue  # not a field of the schema (the caller's), or no answer (below)
            place, spec, quick = entry
            if quick is not None and quick(value, today):
                continue
            message = values.check(spec, value, today)
            if message is not None:
                found.append((place, name, message))
        for name in self.required:
            if record.get(name) is None:
                place, spec, _q = fields[name]
                message = values.check(spec, None, today)
                if message is not None:
                    found.append((place, name, message))
        if len(found) > 1:
            found.sort(key=lambda item: item[0])
        return [(name, message) for _p, name, message in found]


_COMPILED: dict[str, Compiled] = {}


def compiled(collection: str, schema: tuple[FieldSpec, ...]) -> Compiled:
    """The compiled rules of `schema` (the schema of `collection`), made on first use."""
    done = _COMPILED.get(collection)
    if done is None or done.schema is not schema:
        done = Compiled(schema, {spec.name: (i, spec, _quick(spec)) for i, spec in enumerate(schema)},
                        tuple(spec.name for spec in schema if spec.required))
        _COMPILED[collection] = done
    return done
