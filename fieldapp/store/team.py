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

OUTSIDE = "outside"  # the Member of conflicts written from outside the team
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
    names = known_names(store)
    for (data,) in db.execute("SELECT data FROM conflicts WHERE deleted = 0"):
        c = json.loads(data)
        if c.get("resolved"):
            continue
        h = households.get(c.get("household_id"))
        if outside_writer(c, h, names):
            # A writer outside the team (or not the family's caseworker): counted apart, never as
            # an open conflict of the caseworker who did nothing.
            member(OUTSIDE).families["conflicts"].append(c.get("household_id"))
        else:
            member(h.get("caseworker_id") if h else c.get("by")).families["conflicts"].append(c.get("household_id"))
    for m in members.values():
        m.name = names.get(m.user_id, "")
    return members


_COLUMN_OF = {"visit": "overdue", "assessment": "assessments_late"}


_NAMES_KEY = NAMES_KEY = "team_names"  # the meta key (the demo writes its team's names there too)


def names_json(team: list[dict[str, object]]) -> str:
    """The team (GET /team's people) as the meta value keeps it: only ids, names and roles."""
    names = {str(p["id"]): {"name": str(p.get("display_name") or p.get("username") or ""),
                            "role": str(p.get("role") or "")}
             for p in team if isinstance(p, dict) and p.get("id")}
    return json.dumps(names, ensure_ascii=False, sort_keys=True)


def remember_names(store: Store, team: list[dict[str, object]]) -> None:
    """Keep the team's names as the server last gave them (GET /team), so that the Team tab, the
    review queue and reassignment show names offline too. Only ids, names and roles are kept."""
    store.write(lambda tx: tx.set_meta(_NAMES_KEY, names_json(team)))


def known_names(store: Store) -> dict[str, str]:
    """User id -> name of the team's people known on this laptop (empty before the first contact)."""
    try:
        names = json.loads(store.meta(_NAMES_KEY) or "{}")
    except ValueError:
        return {}
    return {uid: str(v.get("name") or "") for uid, v in names.items() if isinstance(v, dict)} \
        if isinstance(names, dict) else {}


def caseworkers(store: Store) -> dict[str, str]:
    """User id -> name of the team's caseworkers (to reassign families to), sorted by name."""
    try:
        names = json.loads(store.meta(_NAMES_KEY) or "{}")
    except ValueError:
        return {}
    if not isinstance(names, dict):
        return {}
    found = {uid: str(v.get("name") or "") for uid, v in names.items()
             if isinstance(v, dict) and v.get("role") == "caseworker"}
    return dict(sorted(found.items(), key=lambda kv: kv[1]))


def outside_writer(conflict: dict[str, object], household: dict[str, object] | None,
                   team: dict[str, str]) -> bool:
    """Whether an out-of-scope conflict was written by someone outside the family's team: not
    its caseworker and not a member of the team as the server last named it."""
    by = conflict.get("by")
    if conflict.get("reason") != "out_of_scope" or not by:
        return False
    if household is not None and by == household.get("caseworker_id"):
        return False
    return not team or by not in team


def written_here(store: Store, conflict: dict[str, object]) -> bool:
    """Whether this laptop's user wrote the change in conflict ("your change")."""
    try:
        user = json.loads(store.meta("user") or "{}")
    except ValueError:
        user = {}
    return isinstance(user, dict) and bool(user.get("id")) and conflict.get("by") == user.get("id")


def writer_name(store: Store, conflict: dict[str, object]) -> str:
    """Who wrote a conflicting change, as the team knows them; a short id when not known."""
    by = str(conflict.get("by") or "")
    return known_names(store).get(by) or by[:8] or "?"
