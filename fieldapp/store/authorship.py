"""Whose records this laptop's user may change: `casework.records.may_change` with the enrolled
user (docs/case-model.md, "Authorship"). The store refuses a change by it (`NotAuthor`) and the
screens open such a record for reading, with its author's name when the team's names are known."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from casework import records as domain
from fieldapp.store import records
from fieldapp.store.driver import sqlite_utils


def enrolled(db: sqlite_utils.Database) -> tuple[str | None, str | None]:
    """(user id, role) of the user this laptop was enrolled for; (None, None) standalone."""
    try:
        user = json.loads(records.get_meta(db, "user") or "{}")
    except ValueError:
        return None, None
    if not isinstance(user, dict):
        return None, None
    return (str(user["id"]) if user.get("id") else None), (str(user["role"]) if user.get("role") else None)


def may_change(db: sqlite_utils.Database, collection: str, record: Mapping[str, Any]) -> bool:
    """Whether this laptop's user may change or delete `record` (its author, or a supervisor)."""
    user_id, role = enrolled(db)
    return domain.may_change(collection, record.get("created_by"), user_id, role)


def author_name(db: sqlite_utils.Database, record: Mapping[str, Any]) -> str:
    """The name of the record's author as the team's names on this laptop give it; "" if unknown."""
    try:
        names = json.loads(records.get_meta(db, "team_names") or "{}")
    except ValueError:
        return ""
    entry = names.get(str(record.get("created_by"))) if isinstance(names, dict) else None
    return str(entry.get("name") or "") if isinstance(entry, dict) else ""
