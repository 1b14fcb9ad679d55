"""Organisation-wide reports on the server: the same indicators as the supervisor's laptop
(`casework.reports.indicators`), over every team, without pulling a record onto a laptop.

Aggregates only leave this module: the labelled report holds counts and
codes, never a name, an address or an id.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Hashable
from typing import Any

import sqlalchemy as sa

from casework.reports.files import to_json, write_csv, write_xlsx
from casework.reports.indicators import INPUT_COLLECTIONS, Period, Report, compute
from casework.reports.joint import WHOLE, joint_hidden, split
from casework.reports.language import report_translate
from casework.reports.tables import LabelledReport, label, scope_words
from sync.server.db import households, reading, records, teams

FORMATS = ("csv", "xlsx", "json")


def load_records(engine: sa.Engine, *, hromada: str | None = None,
                 team_id: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """Live records of the report's collections, as flat dicts (envelope + own fields);
    with `team_id`, only those of the team's families (as the scope table says)."""
    out: dict[str, list[dict[str, Any]]] = {c: [] for c in INPUT_COLLECTIONS}
    query = (sa.select(records.c.id, records.c.collection, records.c.household_id, records.c.data)
             .where(records.c.collection.in_(INPUT_COLLECTIONS), records.c.deleted.is_(False)))
    if team_id is not None:
        query = query.where(records.c.household_id.in_(
            sa.select(households.c.household_id).where(households.c.team_id == team_id)))
    with reading(engine) as conn:
        rows = conn.execute(query)
        for rid, collection, household_id, data in rows:
            record = json.loads(data)
            record.update(id=rid, collection=collection, household_id=household_id)
            out[collection].append(record)
    if hromada:
        keep = {h["id"] for h in out["households"] if h.get("hromada") == hromada}
        out = {c: [r for r in rs if r.get("household_id") in keep] for c, rs in out.items()}
    return out


def make_report(engine: sa.Engine, start: dt.date, end: dt.date, *, hromada: str | None = None,
                project: str | None = None, team_id: str | None = None) -> Report:
    """The indicators over the period: the whole organisation, or one team's families."""
    return compute(load_records(engine, hromada=hromada, team_id=team_id), Period(start, end),
                   hromada=hromada, project=project)


def labelled(report: Report, *, organisation: str, threshold: int, restricted: bool,
             lang: str = "en", scope: str = "", hidden: frozenset[Hashable] | None = None) -> LabelledReport:
    """The report wholly in `lang`: headings and words from the program's translation files
    (casework.reports.language), labels of enumerations and places from the data files;
    `hidden` as `linked_report` chose it."""
    return label(report, lang=lang, translate=report_translate(lang), threshold=threshold,
                 organisation=organisation, made_at=dt.datetime.now(dt.UTC).replace(tzinfo=None),
                 restricted=restricted, scope=scope, hidden=hidden)


def team_of(engine: sa.Engine) -> dict[str, str | None]:
    """Household id -> its team (None: no team)."""
    with reading(engine) as conn:
        return {str(hid): team for hid, team in conn.execute(
            sa.select(households.c.household_id, households.c.team_id))}


def linked_report(engine: sa.Engine, start: dt.date, end: dt.date, *, team_id: str | None,
                  threshold: int, restricted: bool, hromada: str | None = None,
                  project: str | None = None) -> tuple[Report, frozenset[Hashable]]:
    """The organisation's report (`team_id` None) or a team's, with the figures to hide chosen
    together with the organisation's and every team's report of the same period, hromada and
    project (casework.reports.joint): whichever of them a reader holds, none can be subtracted
    from another to reveal a hidden count."""
    records = load_records(engine, hromada=hromada)
    period = Period(start, end)
    groups = split(records, team_of(engine))
    whole = compute(records, period, hromada=hromada, project=project)
    parts = {team: compute(rs, period, hromada=hromada, project=project)
             for team, rs in groups.items() if team is not None}
    rest = compute(groups[None], period, hromada=hromada, project=project) if None in groups else None
    if team_id is not None and team_id not in parts:  # a team with no family yet: nothing to link
        parts[team_id] = compute({c: [] for c in records}, period, hromada=hromada, project=project)
    hidden = joint_hidden(whole, parts, threshold, restricted=restricted, rest=rest)
    return (whole, hidden[WHOLE]) if team_id is None else (parts[team_id], hidden[team_id])


def scope_of(engine: sa.Engine, team_id: str | None, lang: str) -> str:
    """The report's "Covers" line: the team's name, or the whole organisation."""
    if team_id is None:
        return scope_words(None, report_translate(lang))
    with reading(engine) as conn:
        name = conn.execute(sa.select(teams.c.name).where(teams.c.id == team_id)).scalar()
    return scope_words(str(name or team_id), report_translate(lang))


def write(report: LabelledReport, fmt: str, path: Any) -> None:
    if fmt == "csv":
        write_csv(report, path)
    elif fmt == "xlsx":
        write_xlsx(report, path)
    elif fmt == "json":
        path.write_text(to_json(report), encoding="utf-8")
    else:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
