"""What is due, for Today and this week and the team figures: visits, assessments, plan actions,
referral and closure follow-ups.

The rules are casework.deadlines'; SQL (fieldapp.store.fragments) only narrows the rows they
read (benchmarks/bench_today.py: at 10,000 families the list still takes ~0.6-0.8 s on a loaded
2-core machine, over the 100 ms asked; the screen reads it off the GUI thread).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from casework import deadlines
from fieldapp.store import safety as safety_store
from fieldapp.store.database import Store
from fieldapp.store.fragments import (
    ACTION_DUE_SQL,
    ACTIVE,
    MAYBE_DUE_SQL,
    NEXT_DUE,
    ROLE_ORDER,
    action_rows_sql,
)

# "notice": a safety concern's statutory notices (casework.safety), first on its day.
KINDS = ("notice", "visit", "assessment", "action", "referral", "follow_up")


@dataclass(frozen=True)
class DueItem:
    """One thing due for a family: a visit, its assessment, a plan action, a referral's or a closure's follow-up."""

    kind: str  # one of KINDS
    household_id: str
    case_number: str
    family_name: str
    due: dt.date
    detail: str = ""  # the plan action's text; the referral's agency
    record_id: str = ""  # the plan (action), the referral, the household (follow-up)
    action_id: str = ""  # the plan action's stable id
    status: str = ""  # the action's or the referral's current status
    first: bool = False  # a visit: the family was never visited
    settlement: str | None = None  # codifier code: the settlement, else the hromada
    head: str = ""  # the head of the family: surname, given name, patronymic
    children: tuple[tuple[str, str], ...] = ()  # (given name, birth date) from the eldest
    due_at: dt.datetime | None = None  # a notice: the moment the day after identification ends
    late: bool = False  # a notice: its day had passed when the list was read

    def overdue(self, today: dt.date) -> bool:
        if self.kind == "notice":  # by the hour, not the day: the clock runs 24 hours
            return self.late
        return deadlines.is_overdue(self.due, today)


def week_end(today: dt.date) -> dt.date:
    """The last day "this week" covers: the coming seven days."""
    return today + dt.timedelta(days=7)


def active_families(store: Store) -> dict[str, dict[str, Any]]:
    """The families whose case is open (status "active"), by id: the only ones anything is due for."""
    rows = store.read().execute(
        "SELECT id, data FROM households WHERE deleted = 0 AND json_extract(data, '$.status') = 'active'"
    )
    return {rid: json.loads(data) for rid, data in rows}


def overdue(store: Store, today: dt.date, kinds: Iterable[str] = KINDS) -> list[DueItem]:
    """What was due before `today` and is not done: the same rule as `due`, for the past only."""
    wanted = set(kinds)
    return [i for i in due(store, today, until=today, kinds=wanted) if i.overdue(today)]


def _visits(db: Any, limit: str) -> list[tuple[str, dt.date, bool]]:
    """(household, due, first): the latest visit's next visit; for a family never visited, the first."""
    out = [(hid, dt.date.fromisoformat(day), False) for hid, day in db.execute(
        f"SELECT h.id, {NEXT_DUE} AS due FROM households h WHERE {ACTIVE} AND due <= ?", [limit])]
    # Never visited: the first visit is due by the assessment's deadline, since the needs
    # assessment is made where the family lives (order No. 1005); a working rule, not the law's.
    for hid, data in db.execute(
            f"SELECT h.id, h.data FROM households h WHERE {ACTIVE} AND NOT EXISTS "
            "(SELECT 1 FROM visits v WHERE v.household_id = h.id AND v.deleted = 0)"):
        day = deadlines.assessment_due(json.loads(data))
        if day is not None and day.isoformat() <= limit:
            out.append((hid, day, True))
    return out


def _assessments(db: Any, limit: str) -> list[tuple[str, dt.date]]:
    rows = db.execute(
        f"SELECT h.id, h.data FROM households h WHERE {ACTIVE} AND NOT EXISTS "
        "(SELECT 1 FROM assessments s WHERE s.household_id = h.id AND s.deleted = 0)")
    out = []
    for hid, data in rows:
        day = deadlines.assessment_due(json.loads(data))
        if day is not None and day.isoformat() <= limit:
            out.append((hid, day))
    return out


def _actions(db: Any, limit: str) -> list[tuple[str, dt.date, str, dict[str, Any], str]]:
    """(household, due, plan, action, status) of the open actions due by `limit`."""
    out = []
    rows = db.execute(action_rows_sql(f"({ACTION_DUE_SQL}) <= ?", MAYBE_DUE_SQL), [limit, limit, limit])
    for hid, plan_id, value, latest in rows:
        action = json.loads(value)
        newest = []
        if latest is not None:
            status, postponed, on, uid = json.loads(latest)
            newest = [{"id": uid, "status": status, "postponed_to": postponed, "on": on}]
        day = deadlines.action_due(action, newest)  # the rule itself decides; SQL only narrowed
        if day is not None:
            out.append((hid, day, plan_id, action, deadlines.action_status(newest)))
    return out


def _referrals(db: Any, limit: str) -> list[tuple[str, dt.date, dict[str, Any]]]:
    rows = db.execute(
        "SELECT r.id, r.household_id, r.data FROM referrals r JOIN households h ON h.id = r.household_id "
        f"WHERE r.deleted = 0 AND json_extract(r.data, '$.follow_up_on') <= ? AND {ACTIVE}", [limit])
    out = []
    for rid, hid, data in rows:
        referral = {**json.loads(data), "id": rid}
        day = deadlines.referral_follow_up_due(referral)
        if day is not None:
            out.append((hid, day, referral))
    return out


def _follow_ups(db: Any, limit: str) -> list[tuple[str, dt.date]]:
    rows = db.execute(
        "SELECT id, data FROM households WHERE deleted = 0 AND json_extract(data, '$.status') = 'closed' "
        "AND json_extract(data, '$.follow_up_on') <= ?", [limit])
    out = []
    for hid, data in rows:
        day = deadlines.closure_follow_up_due(json.loads(data))
        if day is not None:
            out.append((hid, day))
    return out


def _families(db: Any, ids: set[str]) -> dict[str, tuple[dict[str, Any], str, tuple[tuple[str, str], ...]]]:
    """For these households: their fields shown, the head's name and the children (eldest first)."""
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    # json_extract of the few fields shown: parsing each whole record (notes and all) cost most of the list.
    found = {rid: {"case_number": cn, "family_name": name, "settlement": settlement, "hromada": hromada}
             for rid, cn, name, settlement, hromada in db.execute(
                 "SELECT id, json_extract(data, '$.case_number'), json_extract(data, '$.family_name'), "
                 "json_extract(data, '$.settlement'), json_extract(data, '$.hromada') "
                 f"FROM households WHERE id IN ({marks})", list(ids))}
    people: dict[str, list[tuple[Any, ...]]] = {}
    for row in db.execute(
            "SELECT household_id, json_extract(data, '$.role'), json_extract(data, '$.birth_date'), "
            "json_extract(data, '$.surname'), json_extract(data, '$.given_name'), "
            f"json_extract(data, '$.patronymic') FROM persons WHERE deleted = 0 AND household_id IN ({marks})",
            list(ids)):
        people.setdefault(row[0], []).append(row[1:])
    out = {}
    for hid, fields in found.items():
        members = sorted(people.get(hid, []), key=lambda p: (ROLE_ORDER.get(p[0] or "", 9), p[1] or ""))
        adults = [p for p in members if p[0] != "child"]
        head = " ".join(str(part or "") for part in adults[0][2:]).strip() if adults else ""
        children = tuple((str(p[3] or ""), str(p[1] or "")) for p in members if p[0] == "child")
        out[hid] = (fields, head, children)
    return out


def due(store: Store, today: dt.date | None = None, until: dt.date | None = None,
        kinds: Iterable[str] = KINDS, now: dt.datetime | None = None) -> list[DueItem]:
    """Everything due by `until` (default: a week on), overdue included, earliest first.

    The rules are casework.deadlines' (docs/case-model.md, "Deadlines"); SQL only narrows
    the rows they read. For active families: the latest visit's `next_visit_on`, or the
    first visit of a family never visited (by its assessment's deadline); the needs
    assessment, 5 working days from receipt, while the family has none; the open actions
    of the current plan; referrals to follow up. For closed families, the follow-up after
    closure until it is done. The supervisor's team figures count with the same rule.
    """
    today = today or dt.date.today()
    limit = (until or week_end(today)).isoformat()
    wanted = set(kinds)
    db = store.read()
    raw: list[tuple[str, str, dt.date, dict[str, Any]]] = []  # kind, household, due, the item's fields
    if "visit" in wanted:
        raw += [("visit", hid, day, {"first": first}) for hid, day, first in _visits(db, limit)]
    if "assessment" in wanted:
        raw += [("assessment", hid, day, {}) for hid, day in _assessments(db, limit)]
    if "action" in wanted:
        raw += [("action", hid, day, {"record_id": plan_id, "action_id": str(action.get("id") or ""),
                                      "detail": str(action.get("text") or ""), "status": status})
                for hid, day, plan_id, action, status in _actions(db, limit)]
    if "referral" in wanted:
        raw += [("referral", hid, day, {"record_id": r["id"], "detail": str(r.get("agency") or ""),
                                        "status": str(r.get("status") or "")})
                for hid, day, r in _referrals(db, limit)]
    if "follow_up" in wanted:
        raw += [("follow_up", hid, day, {"record_id": hid}) for hid, day in _follow_ups(db, limit)]
    if "notice" in wanted:  # every open clock, whatever `until` says: a concern never waits
        # The clock runs by the hour: now, or for another day asked about, that day's last moment.
        moment = now or (dt.datetime.now(dt.UTC) if today == dt.date.today() else
                         dt.datetime.combine(today, dt.time.max).astimezone())
        raw += [("notice", c.household_id, c.due_at.astimezone().date(),
                 {"record_id": c.concern_id, "detail": ",".join(c.missing), "due_at": c.due_at,
                  "late": c.overdue(moment)}) for c in safety_store.open_clocks(store, moment)]
    families = _families(db, {hid for _k, hid, _d, _f in raw})
    items = []
    for kind, hid, day, extra in raw:
        fields, head, children = families[hid]
        items.append(DueItem(kind, hid, str(fields.get("case_number") or ""), str(fields.get("family_name") or ""),
                             day, settlement=fields.get("settlement") or fields.get("hromada"), head=head,
                             children=children, **extra))
    return sorted(items, key=lambda i: (i.due, KINDS.index(i.kind), i.case_number, i.detail))


@dataclass(frozen=True)
class ActionProgress:
    """A plan action with where it stands: its status, its deadline now, and its history (oldest first)."""

    action: dict[str, Any]
    status: str
    due: dt.date | None
    updates: tuple[dict[str, Any], ...]


def plan_progress(store: Store, plan_id: str) -> tuple[dict[str, Any] | None, list[ActionProgress]]:
    """The plan record and each of its actions' progress (casework.deadlines' rules).

    An action's history carries across the plan's revisions (a revision keeps the action's id),
    so the family's updates of every plan count. (None, []) when there is no such plan.
    """
    plan = store.get("plans", plan_id)
    if plan is None or plan.get("deleted"):
        return None, []
    actions = [a for a in plan.get("actions") or [] if isinstance(a, dict)]
    ids = [str(a.get("id")) for a in actions]
    updates: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
    if ids:
        marks = ",".join("?" * len(ids))
        for rid, updated_at, data in store.read().execute(
                f"SELECT id, updated_at, data FROM action_updates WHERE deleted = 0 "
                f"AND json_extract(data, '$.action_id') IN ({marks})", ids):
            record = {**json.loads(data), "id": rid, "updated_at": updated_at}
            updates[record["action_id"]].append(record)
    out = []
    for action, aid in zip(actions, ids, strict=True):
        history = sorted(updates[aid], key=lambda u: (str(u.get("on") or ""), u["id"]))
        out.append(ActionProgress(action, deadlines.action_status(history), deadlines.action_due(action, history),
                                  tuple(history)))
    return plan, out
