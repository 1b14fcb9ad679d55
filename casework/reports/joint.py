"""Disclosure control between reports: the organisation's report and its teams' reports of the
same period, suppressed together so that no hidden count of one can be worked out from another.

The rule (docs/server.md, "Disclosure control"). A reader who may ask for the organisation's
report and for a team's report of the same period and hromada holds both, and every count of
the organisation's is the sum of the teams' counts (a family belongs to one team; its people,
visits and referrals with it). So the reports are one linked table: cells ``(report, key)``,
each report's own totals (`casework.reports.disclosure.report_cells`), and for every count
``organisation = team 1 + team 2 + … + families of no team``. `hidden_cells` then suppresses the
whole set at once, and each report is published with its share of the answer: the same
hidden set whoever asks, so no pair of answers reveals more than one does.

Families of no team (none in a well-kept organisation) are a report nobody is given: their
counts are unknown to every reader (`never_shown`), and kept from being worked out when small.

Not covered (stated on the report and in the docs): two reports of overlapping periods
(January–March against January–February), and a hromada's report against the unfiltered one.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from typing import Any, cast

from casework.reports.disclosure import report_cells
from casework.reports.indicators import Report
from casework.reports.suppression import Total, hidden_cells

WHOLE = "organisation"  # the report every part adds up to
REST = "no team"  # the families of no team: never published


def joint_cells(whole: Report, parts: Mapping[str, Report], *, restricted: bool,
                rest: Report | None = None) -> tuple[dict[Hashable, int], list[Total], set[Hashable]]:
    """The cells of every report keyed ``(report name, key)``, their totals within each report
    and across them (the whole = the sum of the parts and the rest), and the rest's keys."""
    named: dict[str, Report] = {WHOLE: whole, **parts}
    if rest is not None:
        named[REST] = rest
    cells: dict[Hashable, int] = {}
    totals: list[Total] = []
    own: dict[str, dict[Hashable, int]] = {}
    for name, report in named.items():
        mine, relations = report_cells(report, restricted=restricted)
        own[name] = mine
        cells.update({(name, k): v for k, v in mine.items()})
        totals += [Total((name, t.total), tuple((name, p) for p in t.parts)) for t in relations]
    for key in own[WHOLE]:
        # A row a part does not have is a count of 0 that part shows by its absence: no term.
        terms = tuple((name, key) for name in named if name != WHOLE and key in own[name])
        totals.append(Total((WHOLE, key), terms))
    never: set[Hashable] = {(REST, k) for k in own.get(REST, {})}
    return cells, totals, never


def joint_hidden(whole: Report, parts: Mapping[str, Report], threshold: int, *, restricted: bool,
                 rest: Report | None = None) -> dict[str, frozenset[Hashable]]:
    """For the whole and each part: the keys (as `hidden_figures` gives them) to hide, chosen
    together so that no hidden count is derivable from all the reports shown at once."""
    cells, totals, never = joint_cells(whole, parts, restricted=restricted, rest=rest)
    hidden = hidden_cells(cells, totals, threshold, never_shown=never)
    out: dict[str, set[Hashable]] = {name: set() for name in (WHOLE, *parts)}
    for pair in hidden:
        name, key = cast(tuple[str, Hashable], pair)  # every joint key is (report name, key)
        if name in out:
            out[name].add(key)
    return {name: frozenset(keys) for name, keys in out.items()}


def split(records: Mapping[str, Iterable[Mapping[str, Any]]],
          group_of: Mapping[str, str | None]) -> dict[str | None, dict[str, list[Mapping[str, Any]]]]:
    """The records of each group of families (a team; None: no team), by each record's
    household (a household record by its own id)."""
    out: dict[str | None, dict[str, list[Mapping[str, Any]]]] = {}
    for collection, rows in records.items():
        for record in rows:
            hid = record.get("id") if collection == "households" else record.get("household_id")
            group = group_of.get(str(hid)) if hid is not None else None
            mine = out.setdefault(group, {c: [] for c in records})
            mine[collection].append(record)
    return out
