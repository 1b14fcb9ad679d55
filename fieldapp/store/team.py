"""The supervisor's team figures, computed from the records on this laptop (the team's, as synced).

For each caseworker: the families behind each column of the team overview
(caseload, visits this month, overdue visits, late assessments, open conflicts).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from casework.reports.indicators import add_working_days
from fieldapp.store.database import Store

COLUMNS = ("caseload", "visits_month", "overdue", "assessments_late", "conflicts")


@dataclass
class Member:
    user_id: str
    name: str
    families: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # column -> household ids
    laptops: str = ""


def team_figures(store: Store, today: dt.date) -> dict[str, Member]:
    """Per caseworker id: the household ids behind each column (computed on this laptop)."""
    db = store.read()
    households = {rid: json.loads(data) for rid, data in db.execute(
        "SELECT id, data FROM households WHERE deleted = 0")}
    members: dict[str, Member] = {}

    def member(uid: str | None) -> Member:
        key = uid or ""
        if key not in members:
            members[key] = Member(key, "")
        return members[key]

    active = {hid: h for hid, h in households.items() if h.get("status") != "closed"}
    for hid, h in active.items():
        member(h.get("caseworker_id")).families["caseload"].append(hid)
    month_start = today.replace(day=1).isoformat()
    latest: dict[str, dict[str, Any]] = {}
    for hid, data in db.execute("SELECT household_id, data FROM visits WHERE deleted = 0"):
        v = json.loads(data)
        if hid not in households:
            continue
        if str(v.get("started_at", ""))[:10] >= month_start:
            member(households[hid].get("caseworker_id")).families["visits_month"].append(hid)
        if hid not in latest or str(v.get("started_at", "")) > str(latest[hid].get("started_at", "")):
            latest[hid] = v
    for hid, v in latest.items():
        nxt = v.get("next_visit_on")
        if hid in active and nxt and nxt < today.isoformat():
            member(active[hid].get("caseworker_id")).families["overdue"].append(hid)
    assessed = {r[0] for r in db.execute("SELECT DISTINCT household_id FROM assessments WHERE deleted = 0")}
    for hid, h in active.items():
        identified = h.get("identified_on")
        if hid not in assessed and identified and add_working_days(dt.date.fromisoformat(identified), 5) < today:
            member(h.get("caseworker_id")).families["assessments_late"].append(hid)
    for (data,) in db.execute("SELECT data FROM conflicts WHERE deleted = 0"):
        c = json.loads(data)
        if not c.get("resolved"):
            h = households.get(c.get("household_id"))
            member(h.get("caseworker_id") if h else c.get("by")).families["conflicts"].append(c.get("household_id"))
    return members
