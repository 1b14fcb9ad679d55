"""Disclosure control: no hidden cell can be solved for from what a report shows.

The attacker here is independent of casework.reports.suppression: floating-point linear algebra
(numpy's SVD) over the published cells and the totals a reader can see. For each hidden cell it
solves the system; a cell is recovered when every solution gives it the same value.
"""

from __future__ import annotations

import random

import numpy as np
import pytest

from casework.reports.suppression import Total, crosstab, determined, hidden_cells


def attack(cells, totals, hidden):
    """The hidden cells whose value follows from the shown ones, with the value recovered."""
    hidden = sorted(hidden, key=repr)
    if not hidden:
        return {}
    col = {k: i for i, k in enumerate(hidden)}
    rows, rhs = [], []
    for t in totals:
        if t.total not in cells or any(p not in cells for p in t.parts):
            continue
        row = np.zeros(len(hidden))
        b = 0.0
        for key, sign in [(t.total, 1.0), *((p, -1.0) for p in t.parts)]:
            if key in col:
                row[col[key]] += sign
            else:
                b -= sign * cells[key]
        if row.any():
            rows.append(row)
            rhs.append(b)
    if not rows:
        return {}
    a, b = np.array(rows), np.array(rhs)
    solution, *_ = np.linalg.lstsq(a, b, rcond=None)
    _, s, vt = np.linalg.svd(a)
    rank = int((s > 1e-9).sum())
    null = vt[rank:]  # directions along which the hidden cells can move without changing what is shown
    out = {}
    for key, i in col.items():
        if null.shape[0] == 0 or np.all(np.abs(null[:, i]) < 1e-9):
            out[key] = round(float(solution[i]))
    return out


def random_table(rng: random.Random):
    """A table of one of the report's shapes (a list by code, or sex x age band), small counts
    common, with all its margins."""
    if rng.random() < 0.4:
        codes = [(f"c{i}",) for i in range(rng.randint(2, 8))]
        dims = 1
    else:
        codes = [(s, a) for s in ("female", "male", "unknown")[: rng.randint(2, 3)]
                 for a in ("0-4", "5-11", "12-17", "18-59", "60+")[: rng.randint(2, 5)]]
        dims = 2
    counts = {c: rng.choice([0, 0, 1, 2, 3, 4, 5, 6, 9, 14, 30]) for c in codes}
    return crosstab("t", counts, dims)


def linked_tables(rng: random.Random):
    """Per-hromada tables and the organisation's, all shown in one report: the organisation's
    cell is the sum of the hromadas' cells."""
    hromadas = [f"h{i}" for i in range(rng.randint(2, 4))]
    codes = [(f"c{i}",) for i in range(rng.randint(2, 4))]
    cells, totals = {}, []
    org: dict[tuple[str, ...], int] = {c: 0 for c in codes}
    for h in hromadas:
        counts = {c: rng.choice([0, 1, 2, 3, 6, 11]) for c in codes}
        for c, n in counts.items():
            org[c] += n
        more, rel = crosstab(("t", h), counts, 1)
        cells.update(more)
        totals += rel
    more, rel = crosstab(("t", "all"), org, 1)
    cells.update(more)
    totals += rel
    for c in [*codes, ("*",)]:
        totals.append(Total((("t", "all"), c), tuple((("t", h), c) for h in hromadas)))
    return cells, totals


def test_a_lone_small_cell_beside_its_total_is_not_the_only_one_hidden():
    # The issue's own example: disability yes 3 (hidden), no 12, total 15: "no" must go too.
    cells, totals = crosstab("disability", {("yes",): 3, ("no",): 12}, 1)
    hidden = hidden_cells(cells, totals, 5)
    assert ("disability", ("yes",)) in hidden and len(hidden) >= 2
    assert attack(cells, totals, hidden) == {}
    # Primary suppression alone gives the count away: the attacker finds 3.
    assert attack(cells, totals, {("disability", ("yes",))}) == {("disability", ("yes",)): 3}


def test_nothing_small_nothing_hidden():
    cells, totals = crosstab("t", {("a",): 0, ("b",): 12, ("c",): 7}, 1)
    assert hidden_cells(cells, totals, 5) == frozenset()


@pytest.mark.parametrize("seed", range(4))
def test_no_hidden_cell_of_1000_generated_tables_can_be_solved_for(seed):
    rng = random.Random(seed)
    recovered_with_primary_only = 0
    for n in range(1000 if seed == 0 else 300):
        cells, totals = linked_tables(rng) if n % 3 == 0 else random_table(rng)
        hidden = hidden_cells(cells, totals, 5)
        primary = {k for k, v in cells.items() if 0 < v < 5}
        assert primary <= hidden
        assert attack(cells, totals, hidden) == {}, (cells, hidden)
        assert determined(hidden, totals) == set()
        leaked = attack(cells, totals, primary)
        assert all(cells[k] == v for k, v in leaked.items())  # the attacker is right when it can solve
        recovered_with_primary_only += bool(leaked)
    # The attack is real: without secondary suppression it recovers small counts in many tables.
    assert recovered_with_primary_only > 50


# -- between reports: the organisation's and its teams', held together by one reader ---------


def team_tables(rng: random.Random):
    """An organisation's table and its teams' (and, sometimes, families of no team, which nobody
    is shown): each report its own crosstab with margins, and every organisation cell the sum
    of the teams' cells of the same key. Keys are (report, cell key)."""
    teams = [f"team{i}" for i in range(rng.randint(2, 4))]
    rest = rng.random() < 0.3
    if rng.random() < 0.5:
        codes, dims = [(f"c{i}",) for i in range(rng.randint(2, 5))], 1
    else:
        codes, dims = [(s, a) for s in ("female", "male")[: rng.randint(1, 2)]
                       for a in ("0-4", "5-11", "12-17")[: rng.randint(2, 3)]], 2
    by: dict[str, dict[tuple[str, ...], int]] = {}
    for name in teams + (["rest"] if rest else []):
        by[name] = {c: rng.choice([0, 0, 1, 2, 3, 4, 6, 8, 12]) for c in codes}
    by["org"] = {c: sum(by[n][c] for n in by) for c in codes}
    cells, totals, own = {}, [], {}
    for name, counts in by.items():
        mine, relations = crosstab("t", counts, dims)
        own[name] = mine
        cells.update({(name, k): v for k, v in mine.items()})
        totals += [Total((name, t.total), tuple((name, p) for p in t.parts)) for t in relations]
    for key in own["org"]:
        totals.append(Total(("org", key), tuple((n, key) for n in by if n != "org")))
    never = {("rest", k) for k in own.get("rest", {})}
    return cells, totals, never, teams


def leaks(cells, totals, hidden, never, threshold=5):
    """What the attacker recovers from everything shown: hidden published cells, or small counts
    of the families of no team (a rest cell of 0 or of at least the threshold points at nobody)."""
    found = attack(cells, totals, set(hidden) | never)
    return {k: v for k, v in found.items() if k not in never or 0 < cells[k] < threshold}


@pytest.mark.parametrize("seed", range(3))
def test_no_hidden_cell_can_be_solved_for_from_the_organisation_and_its_teams(seed):
    rng = random.Random(100 + seed)
    recovered_when_apart = 0
    for _ in range(1000 if seed == 0 else 300):
        cells, totals, never, teams = team_tables(rng)
        # Each report suppressed on its own (what the laptop does): subtraction gives cells away.
        apart: set = set()
        for name in ["org", *teams]:
            mine = {k: v for k, v in cells.items() if k[0] == name}
            apart |= hidden_cells(mine, [t for t in totals if t.total in mine and all(p in mine for p in t.parts)], 5)
        found = leaks(cells, totals, apart, never)
        assert all(cells[k] == v for k, v in found.items())
        recovered_when_apart += bool(found)
        together = hidden_cells(cells, totals, 5, never_shown=never)
        assert not together & never  # the families of no team are never "hidden": they are not shown
        assert {k for k, v in cells.items() if 0 < v < 5 and k not in never} <= together
        assert leaks(cells, totals, together, never) == {}, (cells, together)
    # The attack between reports is real: apart, subtraction recovers counts in many sets.
    assert recovered_when_apart > 30
