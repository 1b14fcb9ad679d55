"""The laptop's reads of child safety: each concern's notice clock (casework.safety's rule).

Only the concerned visits, the safety assessments and the notices are read (SQL narrows to the
visits that mark `safety_concern`); the rule that makes a clock of them is `casework.safety.clocks`.
Protected records (risk assessments, incident data) are never read here: the clock needs none.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

from casework import safety
from fieldapp.store.database import Store

_CONCERNED = "json_extract(data, '$.safety_concern') = 1"


def _rows(db: Any, sql: str, args: Iterable[Any] = ()) -> list[dict[str, Any]]:
    return [dict(json.loads(data), id=rid, household_id=hid)
            for rid, hid, data in db.execute(sql, list(args))]


def clocks(store: Store, household_id: str | None = None, *, active_only: bool = True,
           since: dt.datetime | None = None) -> list[safety.Clock]:
    """The notice clocks of one family, or of every family on the laptop (open cases only unless
    `active_only` is False), oldest identification first. With `since`, at least the concerns
    identified since then (the visits read are narrowed by SQL, and the notices to theirs)."""
    db = store.read()
    where, args = "deleted = 0", []
    if household_id is not None:
        where, args = "deleted = 0 AND household_id = ?", [household_id]
    elif active_only and since is None:
        where += (" AND household_id IN (SELECT id FROM households WHERE deleted = 0 "
                  "AND json_extract(data, '$.status') = 'active')")
    narrow, more = "", []
    if since is not None:  # a day's margin: stored moments carry their own UTC offsets
        narrow, more = " AND json_extract(data, '$.started_at') >= ?", [(since - dt.timedelta(days=1)).isoformat()]
    visits = _rows(db, f"SELECT id, household_id, data FROM visits WHERE {where} AND {_CONCERNED}{narrow}",
                   [*args, *more])
    assessments = _rows(db, f"SELECT id, household_id, data FROM safety_assessments WHERE {where}", args)
    if since is None:
        notices = _rows(db, f"SELECT id, household_id, data FROM safety_notices WHERE {where}", args)
    else:  # two years of notices are most of what is read otherwise: only the concerns' own
        concerns = json.dumps([r["id"] for r in (*visits, *assessments)])
        notices = _rows(db, f"SELECT id, household_id, data FROM safety_notices WHERE {where} AND "
                            "json_extract(data, '$.concern_id') IN (SELECT value FROM json_each(?))",
                        [*args, concerns])
    found = safety.clocks(visits, assessments, notices)
    if household_id is None and active_only and since is not None:  # open cases, here: the index reads the rest
        active = {hid for (hid,) in db.execute(
            "SELECT id FROM households WHERE deleted = 0 AND json_extract(data, '$.status') = 'active'")}
        found = [c for c in found if c.household_id in active]
    return found


def open_clocks(store: Store, now: dt.datetime) -> list[safety.Clock]:
    """The laptop's clocks still waiting for a notice (identified in the last `safety.LISTED_DAYS`),
    the most urgent first (overdue, then by deadline)."""
    listed = clocks(store, since=now - dt.timedelta(days=safety.LISTED_DAYS))
    return sorted(safety.open_clocks(listed, now), key=lambda c: safety.urgency(c, now))


# How long a concern whose notices are all given stays in the supervisor's "concerns first" list.
RECENT_DAYS = 7


def recent_clocks(store: Store, now: dt.datetime, days: int = RECENT_DAYS) -> list[safety.Clock]:
    """The clocks still open (identified in the last `safety.LISTED_DAYS`) and those identified in the
    last `days`, the most urgent first."""
    since = now - dt.timedelta(days=days)
    everything = clocks(store)
    waiting = {c.concern_id for c in safety.open_clocks(everything, now)}
    mine = [c for c in everything if c.concern_id in waiting or (c.complete and c.started_at >= since)]
    return sorted(mine, key=lambda c: safety.urgency(c, now))


def notices(store: Store, household_id: str) -> list[dict[str, Any]]:
    """The family's statutory notices, newest first."""
    out = list(store.records("safety_notices", household_id=household_id))
    return sorted(out, key=lambda n: (str(n.get("notified_at") or ""), n["id"]), reverse=True)


def assessments(store: Store, household_id: str) -> list[dict[str, Any]]:
    """The family's safety assessments, newest first."""
    out = list(store.records("safety_assessments", household_id=household_id))
    return sorted(out, key=lambda a: (str(a.get("assessed_on") or ""), a["id"]), reverse=True)
