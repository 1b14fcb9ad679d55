"""parse_change refuses what storage and people cannot use, wherever it sits in a change, with
the sentence that names it; and passes clean text in any script untouched."""

from __future__ import annotations

import pytest

from sync.protocol import MAX_JSON_DEPTH, ProtocolError, parse_change

UUID = "0190a0b2-7c3d-7e4f-8a1b-2c3d4e5f6a7b"


def _change(**over: object) -> dict[str, object]:
    return {"change_id": UUID, "collection": "households", "id": UUID, "base_version": None,
            "fields": {"family_name": "Шаповал", "notes": "x"}, "base": {}, **over}


@pytest.mark.parametrize("bad, words", [
    ("Шапо\x00вал", "NUL"), ("ascii\x00", "NUL"), ("Шапо\ud800вал", "surrogate"), ("\udfff", "surrogate"),
])
@pytest.mark.parametrize("where", ["value", "nested", "name", "base"])
def test_bad_text_is_refused_wherever_it_is(bad: str, words: str, where: str) -> None:
    fields: dict[str, object] = {"family_name": "Шаповал"}
    base: dict[str, object] = {}
    if where == "value":
        fields["notes"] = bad
    elif where == "nested":
        fields["form.q"] = [{"a": ["ok", bad]}]
    elif where == "name":
        fields[f"form.{bad}"] = 1
    else:
        base["notes"] = bad
    with pytest.raises(ProtocolError) as caught:
        parse_change(_change(fields=fields, base=base), 4)
    assert words in caught.value.detail and "change 5" in caught.value.detail


def test_clean_text_in_any_script_passes_as_sent() -> None:
    fields = {"family_name": "Шаповал-Їжак ґ", "notes": "日本語 \U0001F600", "n": 3, "b": True,
              "z": None, "form.x": [1.5, {"k": "ї"}]}
    change = parse_change(_change(fields=fields, id="Ідентифікатор"), 0)
    assert change.fields == fields and change.id == "Ідентифікатор"


def test_non_finite_numbers_and_deep_nesting_are_refused() -> None:
    deep: object = 1
    for _ in range(MAX_JSON_DEPTH + 2):
        deep = [deep]
    for value, words in ((float("nan"), "finite"), (float("-inf"), "finite"), (deep, "deeply")):
        with pytest.raises(ProtocolError) as caught:
            parse_change(_change(fields={"form.q": value}), 0)
        assert words in caught.value.detail


def test_a_change_id_in_another_spelling_is_still_a_uuid() -> None:
    assert parse_change(_change(change_id=UUID.upper()), 0).change_id == UUID
    with pytest.raises(ProtocolError):
        parse_change(_change(change_id="not-a-uuid-" + "0" * 25), 0)
