"""Drafts of forms being typed: saved every few seconds, local only (never synced).

They are the safety net for a form not yet saved, offered back after a
crash, and removed once the form is saved as a record.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from fieldapp.store.driver import sqlite_utils


@dataclass(frozen=True)
class Draft:
    id: str
    kind: str
    record_collection: str | None
    record_id: str | None
    household_id: str | None
    data: dict[str, Any]
    updated_at: str


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def save(db: sqlite_utils.Database, draft_id: str, kind: str, data: Mapping[str, Any], now: str, *,
         record_collection: str | None, record_id: str | None, household_id: str | None) -> None:
    """Insert or replace the draft `draft_id`."""
    db.execute(
        "INSERT INTO drafts (id, kind, record_collection, record_id, household_id, data, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET data = excluded.data, "
        "updated_at = excluded.updated_at, record_id = excluded.record_id",
        [draft_id, kind, record_collection, record_id, household_id, _dumps(dict(data)), now],
    )


def discard(db: sqlite_utils.Database, draft_id: str) -> None:
    db.execute("DELETE FROM drafts WHERE id = ?", [draft_id])


def listed(db: sqlite_utils.Database, household_id: str | None = None,
           draft_id: str | None = None) -> list[Draft]:
    """Drafts, newest first; of one household, or the one draft `draft_id`."""
    where, args = [], []
    if household_id:
        where.append("household_id = ?")
        args.append(household_id)
    if draft_id:
        where.append("id = ?")
        args.append(draft_id)
    sql = "SELECT id, kind, record_collection, record_id, household_id, data, updated_at FROM drafts"
    if where:
        sql += " WHERE " + " AND ".join(where)
    rows = db.execute(sql + " ORDER BY updated_at DESC", args).fetchall()
    return [Draft(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]), r[6]) for r in rows]
