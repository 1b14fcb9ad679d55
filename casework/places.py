"""Codifier codes inside records: a hromada is a hromada of the codifier, a settlement lies in it.

`casework.values` checks only the form of a code (UA and 17 digits); here each field holding a
code is looked up in the codifier (`casework.codifier`, KATOTTH) and given a sentence of its own:

- ``hromada``: a territorial community (level 3), or Kyiv or Sevastopol (cities with special
  status, which are communities of their own and have no level 3 below them);
- ``settlement``: a settlement (level 4) or a city district (level 5) within that hromada;
- ``idp_origin`` and any other code field: any unit of the codifier.

Both ends validate with this (casework.records.validate). A record stored before the check
existed may hold a code the codifier lacks: the laptop and the server refuse only a change that
brings a *new* problem (fieldapp.store.transaction.update, sync.server.review.check_valid), so
such a record still opens, syncs and takes edits of its other fields; its code must be mended
only when it is changed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from typing import Any

from casework import codifier
from casework.i18n import QT_TRANSLATE_NOOP, Message
from casework.schemas import SCHEMAS
from casework.values import Kind

_CODE = re.compile(r"UA\d{17}")  # the form casework.values checks; a malformed code is its to tell

HROMADA_UNKNOWN = QT_TRANSLATE_NOOP(
    "Validation", "The codifier (KATOTTH) has no hromada with the code {code}: choose the hromada from the list.")
NOT_A_HROMADA = QT_TRANSLATE_NOOP(
    "Validation", "{place} is not a hromada: choose the hromada it belongs to.")
SETTLEMENT_UNKNOWN = QT_TRANSLATE_NOOP(
    "Validation", "The codifier (KATOTTH) has no settlement with the code {code}: choose the settlement from the list.")
NOT_A_SETTLEMENT = QT_TRANSLATE_NOOP(
    "Validation", "{place} is not a settlement: choose a city, town or village.")
SETTLEMENT_ELSEWHERE = QT_TRANSLATE_NOOP(
    "Validation", "{place} is not in the hromada chosen ({hromada}): choose a settlement of that hromada.")
ORIGIN_UNKNOWN = QT_TRANSLATE_NOOP(
    "Validation", "The codifier (KATOTTH) has no place with the code {code}: choose the territory of origin from the list.")
PLACE_UNKNOWN = QT_TRANSLATE_NOOP(
    "Validation", "The codifier (KATOTTH) has no place with the code {code}: choose the place from the list.")

# Fields that hold a codifier code, per collection: every field of kind KATOTTG in the schemas.
FIELDS: dict[str, tuple[str, ...]] = {
    collection: names for collection, schema in SCHEMAS.items()
    if (names := tuple(spec.name for spec in schema if spec.kind is Kind.KATOTTG))}


def _hromada(code: str, _record: Mapping[str, Any]) -> Message | None:
    unit = codifier.unit(code)
    if unit is None:
        return Message.of(HROMADA_UNKNOWN, code=code)
    if unit.level != 3 and unit.category != "K":
        return Message.of(NOT_A_HROMADA, place=codifier.display_name(code))
    return None


def _settlement(code: str, record: Mapping[str, Any]) -> Message | None:
    unit = codifier.unit(code)
    if unit is None:
        return Message.of(SETTLEMENT_UNKNOWN, code=code)
    if unit.level not in (4, 5):
        return Message.of(NOT_A_SETTLEMENT, place=codifier.display_name(code))
    hromada = record.get("hromada")
    if isinstance(hromada, str) and codifier.unit(hromada) is not None and hromada not in {
            u.code for u in codifier.path(code)}:
        return Message.of(SETTLEMENT_ELSEWHERE, place=codifier.display_name(code),
                          hromada=codifier.display_name(hromada))
    return None


def _origin(code: str, _record: Mapping[str, Any]) -> Message | None:
    return None if codifier.unit(code) is not None else Message.of(ORIGIN_UNKNOWN, code=code)


def _any_place(code: str, _record: Mapping[str, Any]) -> Message | None:
    return None if codifier.unit(code) is not None else Message.of(PLACE_UNKNOWN, code=code)


_RULES: dict[str, Callable[[str, Mapping[str, Any]], Message | None]] = {
    "hromada": _hromada, "settlement": _settlement, "idp_origin": _origin}


def problems(collection: str, record: Mapping[str, Any],
             skip: Collection[str] = ()) -> list[tuple[str, Message]]:
    """(field, sentence) for each well-formed codifier code of `record` the codifier does not have
    where the field needs it; fields in `skip` (already found wrong) are left alone."""
    found: list[tuple[str, Message]] = []
    for name in FIELDS.get(collection, ()):
        value = record.get(name)
        if name in skip or not isinstance(value, str) or _CODE.fullmatch(value) is None:
            continue
        message = _RULES.get(name, _any_place)(value, record)
        if message is not None:
            found.append((name, message))
    return found
