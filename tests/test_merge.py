"""The three-way field merge (casework.merge) against a simple model, with hypothesis."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from casework.merge import apply, merge, same

FIELDS = ["phone", "address", "notes", "categories", "housing.heating"]
values = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 3), st.sampled_from([1.0, 2.5]),
    st.text(max_size=3), st.lists(st.sampled_from(["a", "b"]), max_size=2),
    st.dictionaries(st.sampled_from(["x", "y"]), st.integers(0, 2), max_size=2),
)
records = st.dictionaries(st.sampled_from(FIELDS), values)


def model(theirs: dict, base: dict, mine: dict) -> tuple[dict, set[str]]:
    """The rule as sync-protocol.md words it, field by field."""
    out, clashes = dict(theirs), set()
    for name, new in mine.items():
        server = theirs.get(name)
        if same(server, new):
            continue
        if same(server, base.get(name)):
            out[name] = new
        else:
            clashes.add(name)
    return out, clashes


@given(records, records, records)
def test_merge_matches_the_model(theirs, base, mine):
    result = merge(theirs, base, mine)
    expected, clashes = model(theirs, base, mine)
    merged = apply(theirs, result)
    assert all(same(merged.get(k), expected.get(k)) for k in set(expected) | set(merged))
    assert set(result.clashing_fields) == clashes
    assert set(result.applied) | set(result.unchanged) | clashes == set(mine)
    for clash in result.clashes:
        assert same(clash.theirs, theirs.get(clash.field)) and same(clash.mine, mine[clash.field])


@given(records, records)
def test_a_change_against_the_current_values_never_clashes(theirs, mine):
    result = merge(theirs, theirs, mine)
    assert result.clashes == []
    merged = apply(theirs, result)
    assert all(same(merged.get(k), v) for k, v in mine.items())


@given(records, records, records)
def test_fields_not_touched_are_kept(theirs, base, mine):
    merged = apply(theirs, merge(theirs, base, mine))
    for name, value in theirs.items():
        if name not in mine:
            assert same(merged[name], value)


@given(records, records)
def test_merging_twice_is_the_same_as_once(theirs, mine):
    once = apply(theirs, merge(theirs, theirs, mine))
    twice = apply(once, merge(once, theirs, mine))
    assert all(same(once.get(k), twice.get(k)) for k in set(once) | set(twice))


@given(records, records, records)
def test_two_devices_on_disjoint_fields_both_win(theirs, a_raw, b_raw):
    a = {k: v for k, v in a_raw.items() if k in FIELDS[:2]}
    b = {k: v for k, v in b_raw.items() if k in FIELDS[2:]}
    after_a = apply(theirs, merge(theirs, theirs, a))
    result_b = merge(after_a, theirs, b)
    assert result_b.clashes == []
    final = apply(after_a, result_b)
    for k, v in {**a, **b}.items():
        assert same(final.get(k), v)  # a missing field is null


def test_json_types_are_strict():
    assert not same(1, 1.0) and not same(1, True) and not same(0, None)
    assert same({"a": [1, "x"]}, {"a": [1, "x"]})
    result = merge({"n": 1}, {"n": True}, {"n": 2})
    assert result.clashing_fields == ["n"]
