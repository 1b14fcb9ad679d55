"""The compiled field rules (casework.validators) give values.check's verdict and sentence for
every field of every collection, on good values, bad values and edge cases alike."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from casework import values
from casework.enums import enumeration
from casework.records import SCHEMAS, validate
from casework.validators import compiled, is_canonical_uuid
from casework.values import Kind

TODAY = dt.date(2026, 6, 15)
UUID = "0190a0b2-7c3d-7e4f-8a1b-2c3d4e5f6a7b"


def _samples(spec) -> list[object]:
    common: list[object] = [None, "", " ", "\t", 0, 1, -1, True, False, 1.5, [], {}, [""], ["x"],
                            {"a": 1}, "x", "x\ny", "x\r", "  x  ", "x" * 5000, UUID, UUID.upper(),
                            UUID.replace("-", "")[:32] + "----", "{" + UUID[1:-1] + "}",
                            [UUID], [UUID, UUID], [UUID, "nope"], "UA12345678901234567",
                            "UA12345678901234567\n", "UA1234", "2026-06-15", "2026-06-16",
                            "1899-01-01", "2026-13-01", "2026-02-30", "20260615", "２０２６-06-15",
                            "2026-06-15T10:00:00+00:00", "10:30", "+380 67 123 4567", 10**9, -10**9]
    if spec.kind in (Kind.ENUM, Kind.CHOICE, Kind.ENUMS, Kind.RATING):
        codes = list(spec.choices or (enumeration(spec.enum).codes if spec.enum else ()))
        common += codes[:3] + [codes[:2], codes[:1] * 2, [codes[0], 7]] if codes else []
        common += [c + " " for c in codes[:2]]
    for bound in (spec.minimum, spec.maximum):
        if bound is not None:
            common += [int(bound) - 1, int(bound), int(bound) + 1]
    if spec.max_len is not None:
        common += ["y" * spec.max_len, "y" * (spec.max_len + 1)]
    return common


@pytest.mark.parametrize("collection", sorted(SCHEMAS))
def test_every_field_gets_values_checks_verdict(collection: str) -> None:
    rules = compiled(collection, SCHEMAS[collection])
    for spec in SCHEMAS[collection]:
        for value in _samples(spec):
            expected = values.check(spec, value, TODAY) if value is not None or spec.required else None
            got = rules.problems({spec.name: value}, TODAY)
            mine = [m for name, m in got if name == spec.name]
            assert mine == ([expected] if expected is not None else []), (collection, spec.name, value)


@pytest.mark.parametrize("collection", sorted(SCHEMAS))
def test_whole_records_match_the_rule_by_rule_check(collection: str) -> None:
    """Random mixtures of good and bad values: the same problems, in the schema's order."""
    schema = SCHEMAS[collection]
    rng = random.Random(collection)
    rules = compiled(collection, schema)
    for _ in range(200):
        record = {spec.name: rng.choice(_samples(spec)) for spec in schema if rng.random() < 0.6}
        expected = []
        for spec in schema:
            value = record.get(spec.name)
            if value is None and not spec.required:
                continue
            message = values.check(spec, value, TODAY)
            if message is not None:
                expected.append((spec.name, message))
        assert rules.problems(record, TODAY) == expected


def test_unknown_fields_are_still_named_in_the_records_order() -> None:
    problems = validate("households", {"zeta": 1, "case_number": "1", "alpha": 2, "form.q": 3}, TODAY)
    unknown = [p.field for p in problems if p.message.source == "Unknown field."]
    assert unknown == ["zeta", "alpha"]


def test_canonical_uuid() -> None:
    assert is_canonical_uuid(UUID) and is_canonical_uuid(UUID.upper())
    assert not is_canonical_uuid(UUID.replace("-", "")[:32] + "----")
    assert not is_canonical_uuid(UUID + "\n") and not is_canonical_uuid(None)
