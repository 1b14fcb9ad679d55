"""SQL fragments shared by the read queries: derived columns of a family, its current plan, an action's
newest update. Each is the SQL twin of a rule in casework.deadlines; tests/test_queries.py holds the
two to the same answer on a demo caseload.
"""

from __future__ import annotations

from casework.schemas import ACTION_FINISHED

# The order of a family's members: adults first (the first adult heads the family), then children.
ROLE_ORDER = {"mother": 0, "father": 1, "guardian": 2, "grandparent": 3, "other": 4, "child": 5}

# One correlated sub-query per derived column; each is an index lookup.
LAST_VISIT = (
    "(SELECT max(json_extract(v.data, '$.started_at')) FROM visits v "
    "WHERE v.household_id = h.id AND v.deleted = 0)"
)
NEXT_DUE = (
    "(SELECT json_extract(v.data, '$.next_visit_on') FROM visits v "
    "WHERE v.household_id = h.id AND v.deleted = 0 "
    "ORDER BY json_extract(v.data, '$.started_at') DESC LIMIT 1)"
)
# The family's current plan: the newest live plan no live plan supersedes (the SQL twin of
# casework.deadlines.current_plan; tests/test_queries.py holds the two to the same answer).
CURRENT_PLAN_ID = (
    "(SELECT p.id FROM plans p WHERE p.household_id = h.id AND p.deleted = 0 "
    # `p.id || ''` drops the column's affinity, which would otherwise keep the index unused.
    "AND NOT EXISTS (SELECT 1 FROM plans s WHERE json_extract(s.data, '$.supersedes_id') = p.id || '' "
    "AND s.deleted = 0) "
    "ORDER BY coalesce(json_extract(p.data, '$.plan_version'), 1) DESC, "
    "json_extract(p.data, '$.drawn_up_on') DESC, coalesce(p.updated_at, '') DESC LIMIT 1)"
)
CURRENT_PLAN = f"(SELECT cp.data FROM plans cp WHERE cp.id = {CURRENT_PLAN_ID})"
# An action's newest update (casework.deadlines.latest_update: by `on`, then id), as a JSON array
# [status, postponed_to, on, id] read from the covering index q_action_updates_latest alone.
LATEST_UPDATE = (
    "(SELECT json_array(json_extract(u.data, '$.status'), json_extract(u.data, '$.postponed_to'), "
    "json_extract(u.data, '$.on'), u.id) FROM action_updates u "
    "WHERE json_extract(u.data, '$.action_id') = json_extract(a.value, '$.id') AND u.deleted = 0 "
    "ORDER BY json_extract(u.data, '$.on') DESC, u.id DESC LIMIT 1)"
)
FINISHED = ", ".join(f"'{s}'" for s in ACTION_FINISHED)
OPEN_ACTIONS = (
    f"(SELECT count(*) FROM json_each({CURRENT_PLAN}, '$.actions') a "
    f"WHERE coalesce(json_extract({LATEST_UPDATE}, '$[0]'), '') NOT IN ({FINISHED}))"
)
PENDING = (
    "(SELECT count(*) FROM outbox o WHERE o.household_id = h.id AND o.state = 'pending')"
)
ACTIVE = "h.deleted = 0 AND json_extract(h.data, '$.status') = 'active'"

def action_rows_sql(where: str, narrow: str = "1") -> str:
    """The current plans' actions of active families with their newest update, `lu`.

    `narrow` (on the action `a`) drops actions before their update is looked up; `where` filters after."""
    return (
        # MATERIALIZED: the newest update is looked up once per action, not once per use in `where`.
        "WITH c AS MATERIALIZED (SELECT h.id AS hid, p.id AS pid, a.value AS value, "
        f"{LATEST_UPDATE} AS lu FROM households h JOIN plans p ON p.id = {CURRENT_PLAN_ID} "
        f"JOIN json_each(p.data, '$.actions') a WHERE {ACTIVE} AND {narrow}) "
        f"SELECT hid, pid, value, lu FROM c WHERE {where}"
    )


# An action's deadline in SQL, as casework.deadlines.action_due counts it: none once finished,
# else the newest update's postponed_to, else its own due.
ACTION_DUE_SQL = (
    f"CASE WHEN json_extract(lu, '$[0]') IN ({FINISHED}) THEN NULL "
    "ELSE coalesce(json_extract(lu, '$[1]'), json_extract(value, '$.due')) END"
)


# A superset of the actions due by a date (the parameter, twice): those whose own date is due, and
# those postponed to it; the rest need no look at their newest update.
MAYBE_DUE_SQL = (
    "(json_extract(a.value, '$.due') <= ? OR json_extract(a.value, '$.id') IN "
    "(SELECT json_extract(x.data, '$.action_id') FROM action_updates x WHERE x.deleted = 0 "
    "AND json_extract(x.data, '$.postponed_to') <= ?))"
)
