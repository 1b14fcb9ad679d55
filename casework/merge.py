"""The field-level three-way merge of a record, shared by the server and the desktop client.

A change carries, for every field it touched, the new value (`mine`) and the
value the device last saw from the server (`base`). Against the record as it
is now (`theirs`), each field is one of:

* **applied**: the record still holds `base`, so `mine` wins;
* **same**: the record already holds `mine`, nothing to do;
* **clash**: someone else changed it to something else: the record keeps its
  value and a person decides (sync-protocol.md, "Merge").

Fields are top-level keys; lists, objects and text are whole values (no text
merge). Values are compared as JSON: ``1`` and ``1.0`` and ``true`` differ,
and a missing field equals ``null``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


def canonical(value: Any) -> str:
    """A JSON text that two equal values share and two different values never do."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def same(a: Any, b: Any) -> bool:
    """Whether two JSON values are equal as JSON (type-strict: 1 != 1.0 != true)."""
    if type(a) is type(b) and isinstance(a, str | int | type(None)):
        return bool(a == b)
    return canonical(a) == canonical(b)


@dataclass(frozen=True)
class Clash:
    field: str
    base: Any
    mine: Any
    theirs: Any


@dataclass
class MergeResult:
    applied: dict[str, Any] = field(default_factory=dict)
    """Fields whose new value the record takes."""
    unchanged: list[str] = field(default_factory=list)
    """Fields that already held the new value."""
    clashes: list[Clash] = field(default_factory=list)
    """Fields someone else changed differently: the record keeps its value."""

    @property
    def clashing_fields(self) -> list[str]:
        return [c.field for c in self.clashes]


def merge(theirs: Mapping[str, Any], base: Mapping[str, Any], mine: Mapping[str, Any]) -> MergeResult:
    """Merge the touched fields `mine` (with their `base` values) into the record `theirs`.

    `theirs` is the record now (its own fields); a field absent from `base`
    had no value (null) when the device last saw the record.
    """
    result = MergeResult()
    for name, new in mine.items():
        current = theirs.get(name)
        if same(current, new):
            result.unchanged.append(name)
        elif same(current, base.get(name)):
            result.applied[name] = new
        else:
            result.clashes.append(Clash(name, base.get(name), new, current))
    return result


def apply(record: Mapping[str, Any], result: MergeResult) -> dict[str, Any]:
    """The record with the merge's applied fields written in (a new dict)."""
    merged = dict(record)
    merged.update(result.applied)
    return merged
