"""What is due, for Today and this week and the team figures: visits, assessments, plan actions,
referral and closure follow-ups.

The rules are casework.deadlines'. What they compute per household is kept in the table
`due_items` (schema.py, `_v6_due_items`), refreshed in the transaction of every write that
touches the household: triggers on the record tables note the household in `due_dirty`, and
`refresh_dirty` (called by Store before each COMMIT) recomputes those households. Today then
reads `due_items` with one indexed query instead of walking every family's records.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from casework import deadlines
from casework.dates import day_of
from fieldapp.store import caseload
from fieldapp.store.fragments import ACTION_DUE_SQL, ACTIVE, NEXT_DUE, ROLE_ORDER, action_rows_sql

if TYPE_CHECKING:
    from fieldapp.store.database import Store

# "notice": a safety concern's statutory notices (casework.safety), first on its day.
KINDS = ("notice", "visit", "assessment", "action", "referral", "follow_up")

# The columns of due_items, in the order the rows are written and read.
COLUMNS = ("household_id", "kind", "due", "record_id", "action_id", "detail", "status", "first",
           "case_number", "family_name", "settlement", "head", "children")


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


# -- computing what is due, per household (the rules of casework.deadlines) ---------------------
# `scope` is a condition on `h.id` with at most one parameter (`args`): the households to compute.

def _visits(db: Any, scope: str, args: list[Any]) -> list[tuple[str, dt.date, bool]]:
    """(household, due, first): the latest visit's next visit; for a family never visited, the first."""
    out = []
    for hid, day in db.execute(f"SELECT h.id, {NEXT_DUE} AS due FROM households h WHERE {ACTIVE} AND {scope}",
                               args):
        parsed = day_of(day)
        if parsed is not None:
            out.append((hid, parsed, False))
    # Never visited: the first visit is due by the assessment's deadline, since the needs
    # assessment is made where the family lives (order No. 1005); a working rule, not the law's.
    for hid, data in db.execute(
            f"SELECT h.id, h.data FROM households h WHERE {ACTIVE} AND {scope} AND NOT EXISTS "
            "(SELECT 1 FROM visits v WHERE v.household_id = h.id AND v.deleted = 0)", args):
        first = deadlines.assessment_due(json.loads(data))
        if first is not None:
            out.append((hid, first, True))
    return out


def _assessments(db: Any, scope: str, args: list[Any]) -> list[tuple[str, dt.date]]:
    rows = db.execute(
        f"SELECT h.id, h.data FROM households h WHERE {ACTIVE} AND {scope} AND NOT EXISTS "
        "(SELECT 1 FROM assessments s WHERE s.household_id = h.id AND s.deleted = 0)", args)
    out = []
    for hid, data in rows:
        day = deadlines.assessment_due(json.loads(data))
        if day is not None:
            out.append((hid, day))
    return out


def _actions(db: Any, scope: str, args: list[Any]) -> list[tuple[str, dt.date, str, dict[str, Any], str]]:
    """(household, due, plan, action, status) of the current plans' open actions."""
    out = []
    for hid, plan_id, value, latest in db.execute(action_rows_sql(f"({ACTION_DUE_SQL}) IS NOT NULL", scope), args):
        action = json.loads(value)
        newest = []
        if latest is not None:
            status, postponed, on, uid = json.loads(latest)
            newest = [{"id": uid, "status": status, "postponed_to": postponed, "on": on}]
        day = deadlines.action_due(action, newest)  # the rule itself decides; SQL only narrowed
        if day is not None:
            out.append((hid, day, plan_id, action, deadlines.action_status(newest)))
    return out


def _referrals(db: Any, scope: str, args: list[Any]) -> list[tuple[str, dt.date, dict[str, Any]]]:
    rows = db.execute(
        "SELECT r.id, r.household_id, r.data FROM referrals r JOIN households h ON h.id = r.household_id "
        f"WHERE r.deleted = 0 AND {ACTIVE} AND {scope}", args)
    out = []
    for rid, hid, data in rows:
        referral = {**json.loads(data), "id": rid}
        day = deadlines.referral_follow_up_due(referral)
        if day is not None:
            out.append((hid, day, referral))
    return out


def _follow_ups(db: Any, scope: str, args: list[Any]) -> list[tuple[str, dt.date]]:
    rows = db.execute(
        "SELECT h.id, h.data FROM households h WHERE h.deleted = 0 AND json_extract(h.data, '$.status') = 'closed' "
        f"AND {scope}", args)
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
    scope = json.dumps(sorted(ids))
    # json_extract of the few fields shown: parsing each whole record (notes and all) cost most of the list.
    found = {rid: {"case_number": cn, "family_name": name, "settlement": settlement, "hromada": hromada}
             for rid, cn, name, settlement, hromada in db.execute(
                 "SELECT id, json_extract(data, '$.case_number'), json_extract(data, '$.family_name'), "
                 "json_extract(data, '$.settlement'), json_extract(data, '$.hromada') "
                 "FROM households WHERE id IN (SELECT value FROM json_each(?))", [scope])}
    people: dict[str, list[tuple[Any, ...]]] = {}
    for row in db.execute(
            "SELECT household_id, json_extract(data, '$.role'), json_extract(data, '$.birth_date'), "
            "json_extract(data, '$.surname'), json_extract(data, '$.given_name'), "
            "json_extract(data, '$.patronymic') FROM persons WHERE deleted = 0 "
            "AND household_id IN (SELECT value FROM json_each(?))", [scope]):
        people.setdefault(row[0], []).append(row[1:])
    out = {}
    for hid, fields in found.items():
        members = sorted(people.get(hid, []), key=lambda p: (ROLE_ORDER.get(p[0] or "", 9), p[1] or ""))
        adults = [p for p in members if p[0] != "child"]
        head = " ".join(str(part or "") for part in adults[0][2:]).strip() if adults else ""
        children = tuple((str(p[3] or ""), str(p[1] or "")) for p in members if p[0] == "child")
        out[hid] = (fields, head, children)
    return out


def compute(db: Any, household_ids: Iterable[str] | None = None) -> list[tuple[Any, ...]]:
    """The rows of due_items (COLUMNS) for these households (all of them with None), from their records.

    Everything due, whatever its date: the table does not depend on today. For active families:
    the latest visit's `next_visit_on`, or the first visit of a family never visited (by its
    assessment's deadline); the needs assessment, 5 working days from receipt, while the family
    has none; the open actions of the current plan; referrals to follow up. For closed families,
    the follow-up after closure until it is done.
    """
    if household_ids is None:
        scope, args = "1", []
    else:
        scope, args = "h.id IN (SELECT value FROM json_each(?))", [json.dumps(sorted(set(household_ids)))]
    raw: list[tuple[str, str, dt.date, dict[str, Any]]] = []  # kind, household, due, the item's fields
    raw += [("visit", hid, day, {"first": first}) for hid, day, first in _visits(db, scope, args)]
    raw += [("assessment", hid, day, {}) for hid, day in _assessments(db, scope, args)]
    raw += [("action", hid, day, {"record_id": plan_id, "action_id": str(action.get("id") or ""),
                                  "detail": str(action.get("text") or ""), "status": status})
            for hid, day, plan_id, action, status in _actions(db, scope, args)]
    raw += [("referral", hid, day, {"record_id": r["id"], "detail": str(r.get("agency") or ""),
                                    "status": str(r.get("status") or "")})
            for hid, day, r in _referrals(db, scope, args)]
    raw += [("follow_up", hid, day, {"record_id": hid}) for hid, day in _follow_ups(db, scope, args)]
    families = _families(db, {hid for _k, hid, _d, _f in raw})
    rows = []
    for kind, hid, day, extra in raw:
        fields, head, children = families[hid]
        rows.append((hid, kind, day.isoformat(), extra.get("record_id", ""), extra.get("action_id", ""),
                     extra.get("detail", ""), extra.get("status", ""), int(bool(extra.get("first"))),
                     str(fields.get("case_number") or ""), str(fields.get("family_name") or ""),
                     fields.get("settlement") or fields.get("hromada"), head, json.dumps(children)))
    return rows


# -- the triggers that note written households in due_dirty -------------------------------------

# The collections whose records decide what is due (the tables the triggers watch).
SOURCES = ("households", "persons", "visits", "assessments", "plans", "referrals", "action_updates")
EVENTS = ("insert", "update", "delete")


def _matters(name: str) -> tuple[str, ...]:
    """The columns of `name` whose change can change what is due; a version or other sync
    bookkeeping change cannot (a plan's `updated_at` orders plans of equal version and date:
    fragments.CURRENT_PLAN_ID)."""
    return ("household_id", "deleted", "data", *(("updated_at",) if name == "plans" else ()))


def triggers(tables: Iterable[str] = SOURCES, events: Iterable[str] = EVENTS) -> list[tuple[str, str]]:
    """(name, CREATE TRIGGER sql) of the due triggers of `tables` for `events`: the one definition
    the schema's migration and the bulk path (bulk.py) both create. A change here needs a new
    migration in schema.py.

    An update fires only when a column that matters is in its SET list (`UPDATE OF`: an
    acknowledgement's version-only UPDATE is not even coded with the trigger, which under
    SQLCipher's memory security costs ~1 ms a row) and its value changed (`WHEN`: an upsert that
    re-sends the same fields with a new version).
    """
    wanted = set(tables)
    out = []
    for name in (t for t in SOURCES if t in wanted):
        cols = _matters(name)
        changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in cols)
        for event in (e for e in EVENTS if e in set(events)):
            rows, head = {"insert": (("NEW",), "INSERT"),
                          "update": (("OLD", "NEW"), f"UPDATE OF {', '.join(cols)}"),
                          "delete": (("OLD",), "DELETE")}[event]
            when = f" WHEN {changed}" if event == "update" else ""
            # Not OR IGNORE: an outer statement's conflict clause (an upsert's) would override it.
            notes = " ".join(f"INSERT INTO due_dirty SELECT {r}.household_id WHERE {r}.household_id IS NOT NULL "
                             f"AND NOT EXISTS (SELECT 1 FROM due_dirty d WHERE d.household_id = {r}.household_id);"
                             for r in rows)
            trigger = f"due_{name}_{event}"
            out.append((trigger, f"CREATE TRIGGER {trigger} AFTER {head} ON [{name}]{when} BEGIN {notes} END"))
    return out


def present_triggers(db: Any) -> set[str]:
    """The names of the due triggers the file has now (none below the schema that made due_items)."""
    return {n for (n,) in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'due\\_%' ESCAPE '\\'").fetchall()}


def drop_triggers(db: Any, names: Iterable[str]) -> None:
    """Drop these due triggers (inside a write: its transaction brings them back on a failure or a kill)."""
    for name in sorted(names):
        db.execute(f"DROP TRIGGER [{name}]")


def set_aside(db: Any, tables: Iterable[str]) -> list[tuple[str, str]]:
    """Drop the insert and update triggers of `tables` for a bulk write (an upsert neither deletes);
    returns their definitions, to create again with `create_triggers` in the same transaction."""
    present = present_triggers(db)
    chosen = [(n, sql) for n, sql in triggers(tables, ("insert", "update")) if n in present]
    drop_triggers(db, [n for n, _sql in chosen])
    return chosen


def create_triggers(db: Any, definitions: Iterable[tuple[str, str]] | None = None) -> None:
    """Create these due triggers (all of `triggers()` by default)."""
    for _name, sql in triggers() if definitions is None else definitions:
        db.execute(sql)


def note_dirty(db: Any, household_ids: Iterable[str]) -> None:
    """Note households in due_dirty as the triggers would (refresh_dirty recomputes them before COMMIT)."""
    db.conn.executemany("INSERT INTO due_dirty (household_id) VALUES (?) ON CONFLICT DO NOTHING",
                        [(hid,) for hid in sorted(set(household_ids))])


_INSERT = f"INSERT INTO due_items ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"


def rebuild(db: Any) -> None:
    """Recompute the whole table from the records (once, at the migration that makes it)."""
    db.execute("DELETE FROM due_items")
    db.execute("DELETE FROM due_dirty")
    db.conn.executemany(_INSERT, compute(db))


def refresh_dirty(db: Any) -> None:
    """Recompute the households the writes of this transaction touched (noted by triggers in due_dirty).

    Called by the store inside the transaction, just before COMMIT, so that the table never
    disagrees with the records it was computed from.
    """
    try:
        ids = [hid for (hid,) in db.execute("SELECT household_id FROM due_dirty").fetchall()]
    except Exception as exc:  # a profile still below the schema that has the table (a migration test)
        if "no such table" in str(exc):
            return
        raise
    if not ids:
        return
    scope = json.dumps(ids)
    db.execute("DELETE FROM due_items WHERE household_id IN (SELECT value FROM json_each(?))", [scope])
    db.conn.executemany(_INSERT, compute(db, ids))
    caseload.refresh(db, ids)  # the caseload's summary, from the same dirty households
    db.execute("DELETE FROM due_dirty")


def stored(db: Any) -> list[tuple[Any, ...]]:
    """Every row of due_items (COLUMNS), in a stable order: to compare with `compute`."""
    return sorted(tuple(r) for r in db.execute(f"SELECT {', '.join(COLUMNS)} FROM due_items").fetchall())


def due(store: Store, today: dt.date | None = None, until: dt.date | None = None,
        kinds: Iterable[str] = KINDS, now: dt.datetime | None = None) -> list[DueItem]:
    """Everything due by `until` (default: a week on), overdue included, earliest first.

    Read from due_items (one indexed range on `due`); what is in it is what `compute` finds
    with casework.deadlines' rules (docs/case-model.md, "Deadlines"). The supervisor's team
    figures count with the same rule.
    """
    from fieldapp.store import due_list  # late: it builds on this module

    today, asked = today or dt.date.today(), set(kinds)
    items = due_list.page(store, until or week_end(today), asked)
    if "notice" not in asked:
        return items
    notices = due_list.notices(store, today, now)
    # Stable: the table's items keep SQL's order within a day and kind.
    return sorted([*notices, *items], key=lambda i: (i.due, KINDS.index(i.kind)))


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
