"""The supervisor's team figures, computed from the records on this laptop (the team's, as synced).

For each caseworker: the families behind each column of the team overview
(caseload, visits this month, overdue visits, late assessments, open conflicts).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass, field

from fieldapp.store import queries
from fieldapp.store.database import Store

COLUMNS = ("caseload", "visits_month", "overdue", "assessments_late", "conflicts")


@dataclass
class Member:
    user_id: str
    name: str
    families: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # column -> household ids
    laptops: str = ""


def team_figures(store: Store, today: dt.date) -> dict[str, Member]:
    """Per caseworker id: the household ids behind each column (computed on this laptop).

    The caseload is the active families and the overdue visits and late
    assessments are what `queries.due` says is overdue: one rule for the
    caseworker's Today view and the supervisor's team view.
    """
    db = store.read()
    households = {rid: json.loads(data) for rid, data in db.execute(
        "SELECT id, data FROM households WHERE deleted = 0")}
    members: dict[str, Member] = {}

    def member(uid: str | None) -> Member:
        key = uid or ""
        if key not in members:
            members[key] = Member(key, "")
        return members[key]

    def of(hid: str) -> Member:
        return member(households[hid].get("caseworker_id"))

    for hid in queries.active_families(store):
        of(hid).families["caseload"].append(hid)
    month_start = today.replace(day=1).isoformat()
    for hid, started in db.execute(
            "SELECT household_id, json_extract(data, '$.started_at') FROM visits WHERE deleted = 0"):
        if hid in households and str(started or "")[:10] >= month_start:
            of(hid).families["visits_month"].append(hid)
    for item in queries.overdue(store, today, kinds=("visit", "assessment")):
        of(item.household_id).families[_COLUMN_OF[item.kind]].append(item.household_id)
    for (data,) in db.execute("SELECT data FROM conflicts WHERE deleted = 0"):
        c = json.loads(data)
        if not c.get("resolved"):
            h = households.get(c.get("household_id"))
            member(h.get("caseworker_id") if h else c.get("by")).families["conflicts"].append(c.get("household_id"))
    return members


_COLUMN_OF = {"visit": "overdue", "assessment": "assessments_late"}
