"""Statistical disclosure control for published counts: primary and secondary suppression.

One function for every aggregate FieldApp publishes (the donor report, the safety aggregates):

    hidden = hidden_cells(cells, totals, threshold)

* `cells` maps a key (anything hashable: ("persons_by_sex", ("female",)), ("headline", "visits"))
  to the count that would be shown;
* `totals` says which shown cells add up to which other shown cell (`Total(total_key, part_keys)`);
  every total a reader can see must be declared, in the same report, across all its tables: a
  table's margins, a headline figure that equals a table's sum, the per-hromada tables against the
  organisation's;
* the answer is the set of keys to hide.

Method (the standard one for small linked tables; Hundepool et al., "Statistical Disclosure
Control", Wiley 2012, ch. 4 "Magnitude tabular data" and 5 "Frequency tables", cell suppression):

1. **Primary suppression**: a count from 1 to threshold-1 is hidden (0 points at nobody).
2. **Secondary (complementary) suppression**: a reader knows every shown cell and every declared
   total relation, so a hidden cell is disclosed exactly when it is a linear combination of what
   is shown (its unit vector lies in the row space of the relations restricted to the hidden
   cells). While some hidden cell is so determined, one more cell of a relation it takes part in
   is hidden: the one whose hiding leaves it undetermined, preferring an inner cell to a total, a
   non-zero cell to a zero (a hidden zero beside a small total narrows the others), and the
   smallest count (the least information lost). The check is exact (integer elimination), so
   it never misses a determined cell by rounding.

What this does not claim: bounds. A reader still knows that hidden cells are non-negative and
sum to the published totals; with threshold 5 and hidden cells shown with one mark, primary and
secondary alike, a hidden cell's exact value is not derivable by linear algebra. That is the
property `tests/test_suppression.py` checks on generated tables and on the real report.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

Key = Hashable


@dataclass(frozen=True)
class Total:
    """`total` is shown and equals the sum of `parts` (also shown cells)."""

    total: Key
    parts: tuple[Key, ...]


def crosstab(name: Hashable, counts: Mapping[tuple[str, ...], int],
             dimensions: int) -> tuple[dict[Key, int], list[Total]]:
    """The cells and totals of a table with all its margins: for two dimensions, each row's
    total, each column's total and the grand total (key ``(name, ("*", ...))`` with "*" for a
    summed dimension). For one dimension, the cells and their grand total.

    Cell keys are ``(name, codes)``; a margin's codes have "*" where it sums.
    """
    cells: dict[Key, int] = {}
    totals: list[Total] = []
    for codes, n in counts.items():
        cells[(name, tuple(codes))] = int(n)
    if dimensions <= 0:
        return cells, totals
    # Every margin: for each subset of dimensions summed, group by the rest.
    inner = list(counts)
    for mask in range(1, 2 ** dimensions):
        sums: dict[tuple[str, ...], int] = {}
        for codes in inner:
            margin = tuple("*" if mask >> d & 1 else c for d, c in enumerate(codes))
            sums[margin] = sums.get(margin, 0) + int(counts[codes])
        for margin, n in sums.items():
            cells[(name, margin)] = n
    # Relations: a margin (dimension d summed) equals the sum of the cells that differ from it
    # only in d.
    groups: dict[tuple[Key, int], list[Key]] = {}
    for key in cells:
        codes = key[1]  # type: ignore[index]
        for d, c in enumerate(codes):
            if c != "*":
                parent = (name, tuple("*" if i == d else x for i, x in enumerate(codes)))
                groups.setdefault((parent, d), []).append(key)
    totals = [Total(parent, tuple(parts)) for (parent, _d), parts in groups.items()]
    return cells, _unique(totals)


def _unique(totals: Iterable[Total]) -> list[Total]:
    seen: set[tuple[Key, frozenset[Key]]] = set()
    out = []
    for t in totals:
        sig = (t.total, frozenset(t.parts))
        if sig not in seen:
            seen.add(sig)
            out.append(t)
    return out


def _eliminate(hidden: list[Key], totals: Sequence[Total], passengers: Sequence[Key] = ()
               ) -> tuple[dict[int, dict[int, int]], list[dict[int, int]]]:
    """The relations restricted to the hidden cells (columns 0..h-1) in reduced row echelon form,
    sparse and exact (integers: a row is scaled, never divided, and kept small by its gcd), pivots
    only on hidden columns; `passengers` (columns h, h+1, ...) ride
    along through the same row operations. Returns the pivot rows by pivot column, and the rows
    left with passengers only."""
    column = {k: i for i, k in enumerate(hidden)}
    h = len(hidden)
    column.update({k: h + i for i, k in enumerate(passengers)})
    # Each pivot's column appears in its own row only, so a new row is reduced by one pass over
    # the pivots it names; `holding` says which pivot rows name a column, so that a new pivot is
    # cleared from exactly those.
    pivots: dict[int, dict[int, int]] = {}
    holding: dict[int, set[int]] = {}
    rest: list[dict[int, int]] = []
    for t in totals:
        row: dict[int, int] = {}
        for key, sign in [(t.total, 1), *((p, -1) for p in t.parts)]:
            j = column.get(key)
            if j is not None:
                row[j] = row.get(j, 0) + sign
        row = {j: v for j, v in row.items() if v}
        for col in [c for c in row if c in pivots]:
            factor = row.get(col)
            if not factor:
                continue
            prow = pivots[col]
            lead = prow[col]
            row = _combine(row, lead, prow, factor)
        own = [j for j in row if j < h]
        if not own:
            if row:
                rest.append(row)
            continue
        col = min(own)
        lead = row[col]
        for pcol in holding.pop(col, set()):
            prow = pivots[pcol]
            before = set(prow)
            prow = pivots[pcol] = _combine(prow, lead, row, prow[col])
            for j in set(prow) - before:
                holding.setdefault(j, set()).add(pcol)
            for j in before - set(prow):
                if j != col:
                    holding.get(j, set()).discard(pcol)
        pivots[col] = row
        for j in row:
            if j != col:
                holding.setdefault(j, set()).add(col)
    return pivots, rest


def _combine(row: dict[int, int], a: int, other: dict[int, int], b: int) -> dict[int, int]:
    """a*row - b*other, divided by the gcd of its entries (exact: integers only)."""
    out = {j: a * v for j, v in row.items()}
    for j, v in other.items():
        w = out.get(j, 0) - b * v
        if w:
            out[j] = w
        else:
            out.pop(j, None)
    g = math.gcd(*out.values()) if out else 1
    return {j: v // g for j, v in out.items()} if g > 1 else out


def determined(hidden: Iterable[Key], totals: Sequence[Total]) -> set[Key]:
    """The hidden cells a reader can compute exactly from the shown cells and the totals."""
    hidden = list(dict.fromkeys(hidden))
    pivots, _ = _eliminate(hidden, totals)
    return {hidden[col] for col, prow in pivots.items() if len(prow) == 1}


def _undoing(target: Key, hidden: Iterable[Key], totals: Sequence[Total],
             candidates: Sequence[Key]) -> tuple[list[Key], list[Key]]:
    """The candidates whose hiding alone leaves `target` (determined now) undetermined, and those
    that at least enter the equation that determines it (when no single cell is enough).

    One elimination for all of them: with the candidates as passenger columns, the target's
    pivot row is e_target plus the candidates' coefficients. Hiding candidate c adds its column;
    e_target stays in the row space exactly when c's coefficient in that row is 0, or some row
    left without a hidden column has a non-zero c (it cancels the coefficient)."""
    order = list(dict.fromkeys(hidden))
    h = len(order)
    pivots, rest = _eliminate(order, totals, candidates)
    row = pivots[order.index(target)]
    cancelled = {j for r in rest for j in r}
    touching = [c for i, c in enumerate(candidates) if row.get(h + i)]
    return [c for i, c in enumerate(candidates) if row.get(h + i) and h + i not in cancelled], touching


def hidden_cells(cells: Mapping[Key, int], totals: Iterable[Total], threshold: int, *,
                 never_shown: Iterable[Key] = ()) -> frozenset[Key]:
    """The keys of `cells` to hide so that no count from 1 to threshold-1 is shown or can be
    computed from the shown cells and `totals` (primary, then secondary suppression).

    Stable signature: the donor report and the safety aggregates both call it. Totals naming a
    key that is not in `cells` are ignored (that figure is not published). `never_shown` are
    cells nobody is given (casework.reports.joint: families of no team): unknown to the reader
    from the start, never chosen to hide another, and kept from being worked out when small.
    """
    if threshold <= 1:
        return frozenset()
    relations = [t for t in _unique(totals) if t.total in cells and all(p in cells for p in t.parts)]
    unseen = set(never_shown) & set(cells)
    # Worked out, an unpublished count of 0 or of at least the threshold points at nobody.
    harmless = {k for k in unseen if not 0 < cells[k] < threshold}
    # Cells fixed by the relations alone, whatever is hidden (the total of a table with no rows is
    # 0): the reader knows them anyway, so hiding more cannot protect them, nor they anything.
    fixed = determined(cells, relations)
    harmless |= fixed
    hidden: set[Key] = {k for k, v in cells.items() if 0 < v < threshold} | unseen
    is_total = {t.total for t in relations}
    involved: dict[Key, list[Total]] = {}
    for t in relations:
        for k in (t.total, *t.parts):
            involved.setdefault(k, []).append(t)

    def cost(key: Key) -> tuple[bool, bool, int, str]:
        value = cells[key]
        return (key in is_total, value == 0, value, repr(key))

    while True:
        exposed = determined(hidden, relations) - harmless
        if not exposed:
            return frozenset(hidden - unseen)
        target = min(exposed, key=cost)
        candidates = sorted({k for t in involved.get(target, []) for k in (t.total, *t.parts)} - hidden - fixed,
                            key=cost)
        if not candidates:  # determined through relations further away: widen to every shown cell
            candidates = sorted(set(cells) - hidden - fixed, key=cost)
        if not candidates:
            return frozenset(hidden - unseen)  # everything is hidden already
        undoing, touching = _undoing(target, hidden, relations, candidates)
        if not undoing and len(candidates) < len(cells):  # nothing near enough: look at every shown cell
            wider = sorted(set(cells) - hidden - fixed, key=cost)
            undoing, touching = _undoing(target, hidden, relations, wider)
            candidates = wider
        # A cell that frees the target; else one that enters its equation (another follows next
        # round); never a cell that cannot change it (that only hides more and protects nothing).
        choice = (undoing or touching or candidates)[0]
        hidden.add(choice)


def hide(cells: Mapping[Key, Any], hidden: Iterable[Key]) -> dict[Key, Any]:
    """`cells` with the hidden ones set to None (for code that renders a mark instead)."""
    gone = set(hidden)
    return {k: (None if k in gone else v) for k, v in cells.items()}
