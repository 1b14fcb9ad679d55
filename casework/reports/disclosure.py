"""Which figures of a report to hide: the report as cells and the totals a reader sees, handed
to the one suppression function (`casework.reports.suppression.hidden_cells`).

What a reader sees, and therefore what is declared: every headline count; every cell of every
table; each additive table's total row; and the equalities between them — a table's total is
the headline figure it breaks down (persons by sex and age, by disability, by IDP status and
by hromada all add up to the persons of the monitored families; the per-hromada tables add up
to the organisation's figures), and "assessments due" is "cases opened". Tables in which one
unit counts several times (families by category, distinct recipients by service, forms of
exploitation) have no total row and no sum relation.
"""

from __future__ import annotations

from collections.abc import Hashable

from casework.reports.indicators import NOT_COUNTS, Report, Table
from casework.reports.suppression import Total, hidden_cells

# Headline figure -> the tables whose total row equals it.
BROKEN_DOWN: dict[str, tuple[str, ...]] = {
    "persons_in_monitored_families": ("persons_by_sex_age", "persons_by_disability", "persons_by_idp",
                                      "persons_by_hromada"),
    "children_involved": ("children_by_sex_age", "children_by_disability", "children_by_hromada"),
    "families_monitored": ("families_by_hromada",),
    "cases_closed": ("closed_by_reason",),
    "visits": ("visits_by_type",),
    "referrals_made": ("referrals_by_service", "referrals_by_outcome"),
}
SAME_FIGURE = (("assessments_due", "cases_opened"),)


def headline_key(name: str) -> Hashable:
    return ("headline", name)


def cell_key(table: str, codes: tuple[str, ...]) -> Hashable:
    return (table, tuple(codes))


def total_key(table: Table) -> Hashable:
    return (table.key, ("*",) * len(table.dimensions))


def report_cells(report: Report, *, restricted: bool) -> tuple[dict[Hashable, int], list[Total]]:
    """Every count the labelled report shows, keyed, with the relations between them."""
    cells: dict[Hashable, int] = {}
    totals: list[Total] = []
    for name, value in report.headline.items():
        if name not in NOT_COUNTS and isinstance(value, int):
            cells[headline_key(name)] = value
    tables = report.tables + (report.restricted if restricted else [])
    for table in tables:
        parts = []
        for codes, n in table.counts.items():
            cells[cell_key(table.key, codes)] = n
            parts.append(cell_key(table.key, codes))
        if table.additive:
            cells[total_key(table)] = table.total()
            totals.append(Total(total_key(table), tuple(parts)))
    shown = {t.key: t for t in tables}
    for name, keys in BROKEN_DOWN.items():
        for key in keys:
            if key in shown and headline_key(name) in cells:
                totals.append(Total(headline_key(name), (total_key(shown[key]),)))
    for a, b in SAME_FIGURE:
        if headline_key(a) in cells and headline_key(b) in cells:
            totals.append(Total(headline_key(a), (headline_key(b),)))
    return cells, totals


def hidden_figures(report: Report, threshold: int, *, restricted: bool) -> frozenset[Hashable]:
    """The keys (headline_key, cell_key, total_key) of the figures the report must hide."""
    cells, totals = report_cells(report, restricted=restricted)
    return hidden_cells(cells, totals, threshold)
