"""The caseload's summary: one row per live family with what its caseload row shows, kept like `due_items`.

Before, every caseload page computed its derived columns per family with correlated sub-queries
(the current plan's JSON parsed, each action's newest update looked up, the latest visit), about
1 ms a family at 10,000 families, and sorted thousands of matches on those expressions. The table
`caseload_summary` (schema.py, `_v10_caseload_summary`) keeps them, computed by the same SQL
(fieldapp/store/fragments.py), refreshed in the transaction of every write that touches the family:
the due triggers note the household in `due_dirty` and `due.refresh_dirty` calls `refresh` before
COMMIT, so local saves, pulled pages, bulk loads and evictions all keep it right.

What depends on the sync state ("synced", "N waiting") is not kept here: it is read from the outbox
when the rows are read (an indexed count per row), so a write that changes only a version never
needs to touch the summary.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from fieldapp.store.fragments import LAST_VISIT, NEXT_DUE, OPEN_ACTIONS, ROLE_ORDER

# The columns of caseload_summary, in the order `compute` gives them.
COLUMNS = ("household_id", "status", "case_number", "family_name", "hromada", "settlement", "place",
           "categories", "n_categories", "caseworker_id", "last_visit", "next_due", "open_actions",
           "safety", "people")

_SAFETY = ("(SELECT count(*) FROM visits v WHERE v.household_id = h.id AND v.deleted = 0 "
           "AND json_extract(v.data, '$.safety_concern') = 1)")


def create(db: Any) -> None:
    """Create the table and the indexes its sorts and filters read (a schema migration's step)."""
    db.execute(
        """CREATE TABLE caseload_summary (
            household_id TEXT PRIMARY KEY,
            status TEXT NOT NULL,
            case_number TEXT NOT NULL,
            family_name TEXT NOT NULL,
            hromada TEXT,
            settlement TEXT,
            place TEXT,
            categories TEXT NOT NULL,
            n_categories INTEGER,  -- NULL when the record has no categories field (sorts last)
            caseworker_id TEXT NOT NULL,
            last_visit TEXT,
            next_due TEXT,
            open_actions INTEGER NOT NULL,
            safety INTEGER NOT NULL,
            people TEXT NOT NULL
        )"""
    )
    # The caseload opens on active families by case number; each sort key has its index.
    # (The tie-breaks, case number then id, are in each index: the order is read, not sorted.)
    for name, key in (("case", ""), ("family", "family_name COLLATE NOCASE, "), ("place", "place, "),
                      ("next_due", "next_due, "), ("last_visit", "last_visit, "), ("actions", "open_actions, "),
                      ("categories", "n_categories, ")):
        db.execute(f"CREATE INDEX idx_caseload_{name} ON caseload_summary (status, {key}case_number, household_id)")
    db.execute("CREATE INDEX idx_caseload_caseworker ON caseload_summary (caseworker_id)")
    db.execute("CREATE INDEX idx_caseload_hromada ON caseload_summary (hromada)")


def compute(db: Any, household_ids: Iterable[str] | None = None) -> list[tuple[Any, ...]]:
    """The rows of caseload_summary (COLUMNS) for these live households (all of them with None)."""
    if household_ids is None:
        scope, args = "1", []
    else:
        scope, args = "h.id IN (SELECT value FROM json_each(?))", [json.dumps(sorted(set(household_ids)))]
    rows = db.execute(
        "SELECT h.id, json_extract(h.data, '$.status'), json_extract(h.data, '$.case_number'), "
        "json_extract(h.data, '$.family_name'), json_extract(h.data, '$.hromada'), "
        "json_extract(h.data, '$.settlement'), json_extract(h.data, '$.categories'), "
        f"json_extract(h.data, '$.caseworker_id'), {LAST_VISIT}, {NEXT_DUE}, {OPEN_ACTIONS}, {_SAFETY} "
        f"FROM households h WHERE h.deleted = 0 AND {scope}", args).fetchall()
    people = _people(db, [r[0] for r in rows] if household_ids is not None else None)
    out = []
    for hid, status, case_number, family, hromada, settlement, categories, caseworker, last, next_due, \
            actions, safety in rows:
        kinds = [str(c) for c in json.loads(categories)] if categories else []
        out.append((hid, str(status or "active"), str(case_number or ""), str(family or ""), hromada, settlement,
                    settlement or hromada, json.dumps(kinds, ensure_ascii=False),
                    len(kinds) if categories is not None else None, str(caseworker or ""),
                    last, next_due, int(actions or 0), int(safety or 0),
                    json.dumps(people.get(hid, []), ensure_ascii=False)))
    return out


def _people(db: Any, ids: list[str] | None) -> dict[str, list[tuple[str, str, str | None]]]:
    """(role, given name, birth date) of each household's people: adults by role, then children from the eldest."""
    sql = ("SELECT household_id, json_extract(data, '$.role'), json_extract(data, '$.given_name'), "
           "json_extract(data, '$.birth_date') FROM persons WHERE deleted = 0")
    args: list[Any] = []
    if ids is not None:
        if not ids:
            return {}
        sql += " AND household_id IN (SELECT value FROM json_each(?))"
        args = [json.dumps(ids)]
    found: dict[str, list[tuple[str, str, str | None]]] = {}
    for hid, role, name, born in db.execute(sql, args):
        found.setdefault(hid, []).append((str(role or ""), str(name or ""), born))
    for members in found.values():
        members.sort(key=lambda p: (ROLE_ORDER.get(p[0], 9), p[2] or "", p[1]))
    return found


_INSERT = f"INSERT INTO caseload_summary ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"


def rebuild(db: Any) -> None:
    """Recompute the whole table from the records (once, at the migration that makes it)."""
    db.execute("DELETE FROM caseload_summary")
    db.conn.executemany(_INSERT, compute(db))


def refresh(db: Any, household_ids: list[str]) -> None:
    """Recompute these households' rows (the ones this transaction's writes touched); a family gone leaves.

    Called by `due.refresh_dirty`, inside the transaction, before COMMIT.
    """
    if not household_ids:
        return
    try:
        db.execute("DELETE FROM caseload_summary WHERE household_id IN (SELECT value FROM json_each(?))",
                   [json.dumps(household_ids)])
    except Exception as exc:  # a profile still below the schema that has the table (a migration test)
        if "no such table" in str(exc):
            return
        raise
    db.conn.executemany(_INSERT, compute(db, household_ids))


def stored(db: Any) -> list[tuple[Any, ...]]:
    """Every row of caseload_summary (COLUMNS), in a stable order: to compare with `compute`."""
    return sorted(tuple(r) for r in db.execute(f"SELECT {', '.join(COLUMNS)} FROM caseload_summary").fetchall())
