"""Enumerations as versioned data: factors, categories, visit types, services, ...

The law behind these lists is amended often, so they live in
`resources/enums/<name>.json`, never in code. Each file::

    {"name": "visit_types", "version": "2026.1", "source": "...",
     "items": [{"code": "initial", "uk": "первинний", "en": "initial"}, ...]}

An item may carry `"verify": true` (not yet read in the law itself) and any
extra keys (a service's description, recipients, ...), kept in `extra`.
Files are read once per process.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from casework.i18n import LANGUAGES
from casework.resources import resource_dir


class EnumerationError(ValueError):
    """An enumeration file is missing or malformed."""


@dataclass(frozen=True)
class Item:
    code: str
    labels: dict[str, str]
    verify: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    def label(self, lang: str) -> str:
        return self.labels.get(lang) or self.labels["en"]


@dataclass(frozen=True)
class Enumeration:
    name: str
    version: str
    source: str
    items: tuple[Item, ...]

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(item.code for item in self.items)

    def __contains__(self, code: object) -> bool:
        return any(item.code == code for item in self.items)

    def item(self, code: str) -> Item:
        for it in self.items:
            if it.code == code:
                return it
        raise KeyError(f"{self.name}: no item {code!r}")

    def label(self, code: str, lang: str) -> str:
        """The label of `code` in `lang`; the code itself when the list no longer has it."""
        try:
            return self.item(code).label(lang)
        except KeyError:
            return code


def parse(data: dict[str, Any]) -> Enumeration:
    """Build an Enumeration from a decoded file, checking its shape."""
    try:
        name = data["name"]
        version = str(data["version"])
        raw_items = data["items"]
    except (KeyError, TypeError) as exc:
        raise EnumerationError(f"enumeration lacks {exc}") from exc
    if not isinstance(raw_items, list):
        raise EnumerationError(f"{name}: items must be a list")
    items = []
    seen = set()
    for raw in raw_items:
        if not isinstance(raw, dict):
            raise EnumerationError(f"{name}: an item is not an object: {raw!r}")
        code = raw.get("code")
        if not isinstance(code, str) or not code:
            raise EnumerationError(f"{name}: an item has no code")
        if code in seen:
            raise EnumerationError(f"{name}: code {code!r} twice")
        seen.add(code)
        labels = {lang: raw[lang] for lang in LANGUAGES if raw.get(lang)}
        if set(labels) != set(LANGUAGES):
            raise EnumerationError(f"{name}: item {code!r} needs labels in {LANGUAGES}")
        extra = {k: v for k, v in raw.items() if k not in ("code", "verify", *LANGUAGES)}
        items.append(Item(code, labels, bool(raw.get("verify", False)), extra))
    return Enumeration(name, version, str(data.get("source", "")), tuple(items))


@cache
def enumeration(name: str) -> Enumeration:
    """The enumeration `name` from resources/enums/, loaded once."""
    path = resource_dir() / "enums" / f"{name}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise EnumerationError(f"cannot read enumeration {name}: {exc}") from exc
    enum = parse(data)
    if enum.name != name:
        raise EnumerationError(f"{path.name} names itself {enum.name!r}")
    return enum


def available() -> list[str]:
    """Names of all enumeration files shipped."""
    return sorted(p.stem for p in (resource_dir() / "enums").glob("*.json"))
