"""`feed.dump` writes a record's stored JSON byte for byte as the stdlib encoder does
(`ensure_ascii=False`, compact), whichever encoder it uses for it: every escape, text beyond
ASCII, the edges of 64-bit integers, floats, nesting, and what orjson refuses."""

from __future__ import annotations

import json

import pytest

from sync.server import feed


def _stdlib(data: dict[str, object]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


AWKWARD_TEXT = ["".join(chr(c) for c in range(0x00, 0x80)), "Коваль Олена \"Оля\" \\ 👩‍👧",
                "\u2028\u2029\ufeff\ufffd\U0010ffff", "", " ", "</script>"]


@pytest.mark.parametrize("data", [
    {"text": t, "key " + t: t} for t in AWKWARD_TEXT
] + [
    {"n": n} for n in (0, -1, 2**53 + 1, 2**63 - 1, -2**63, 2**63, 2**64 - 1, 2**64, -2**63 - 1, 10**40)
] + [
    {"f": f} for f in (0.1, 1.5, -0.0, 1e-05, 1e16, 1e22, 123456789.125, 5e-324)
] + [
    {"yes": True, "no": False, "none": None, "count": 3, "name": "Koval"},
    {"list": [1, "a", None], "obj": {"a": {"b": [True]}}},
    {},
    {"lone": "\ud800"},  # orjson refuses it; the stdlib writes it (the protocol refuses it earlier)
    {1: "a key that is a number"},
])
def test_dump_writes_what_the_stdlib_encoder_writes(data):
    assert feed.dump(data) == _stdlib(data)


def test_flat_records_take_orjson_when_it_is_installed():
    if feed.orjson is None:
        pytest.skip("orjson is not installed (the server extra installs it)")
    record = {"family_name": "Koval", "notes": "x" * 200, "count": 3, "active": True, "gone": None}
    assert feed.dump(record) == str(feed.orjson.dumps(record), "utf-8") == _stdlib(record)
